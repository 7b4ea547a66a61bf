#include "heapreserve.h"

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>

namespace retort {

#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
namespace {

// A transparent huge page on x86-64.
constexpr std::uintptr_t kHuge = std::uintptr_t(2) << 20;

} // namespace
#endif

qsizetype reserveHeapForBulkLoad(qsizetype bytes)
{
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
    // Transparent huge pages are usually offered only where asked for
    // (`madvise` mode), and glibc asks only when GLIBC_TUNABLES says so before
    // the process starts. So: grow the main heap once by the whole reserve and
    // mark that range; its pages are still only made when first touched.
    constexpr qsizetype kGrowStep = qsizetype(16) << 20;
    if (bytes < qsizetype(kHuge))
        return 0;
    // Every thread allocates from the main heap (a worker's own arena would
    // be fresh 4 KiB pages again); allocations of up to 32 MiB come from it
    // too, not from a mapping of their own; and a free never hands the
    // reserve back (trimming would drop the mark, which the kernel does not
    // carry over to a regrown heap).
    mallopt(M_ARENA_MAX, 1);
    mallopt(M_MMAP_THRESHOLD, int(qsizetype(32) << 20));
    // Address space only: a page is made when first touched. What a fault
    // costs differs between machines: on one, a warm `heads` of wide-merges
    // at 100,000 revisions took 1.23 s of CPU with 400 MiB reserved, 0.95 s
    // with 64 MiB, 0.90 s with none; on another (a first write to a 4 KiB
    // page ~12 us), 1.84-1.99 s with 64 MiB, 1.02-1.27 s with 1 GiB, and
    // many-heads 1.39-1.49 s against 0.93-1.02 s. At 10,000 (48 MiB) 55 ms
    // with it, 73 ms without.
    constexpr qsizetype kMostReserved = qsizetype(1) << 30;
    // The pad only grows: a smaller one would trim what an earlier call marked.
    static std::atomic<qsizetype> pad{0};
    const qsizetype wanted = std::min(bytes, kMostReserved);
    if (wanted <= pad.load())
        return 0;
    pad = wanted;
    mallopt(M_TOP_PAD, int(wanted));
    const auto before = reinterpret_cast<std::uintptr_t>(sbrk(0));
    // Larger than any free top of the heap left by the start-up: malloc must
    // grow the heap, by this and the pad.
    // (volatile: a compiler may drop a malloc whose block is only freed)
    void *volatile grow = std::malloc(size_t(kGrowStep));
    std::free(grow);
    const auto after = reinterpret_cast<std::uintptr_t>(sbrk(0));
    // From the huge page the old top of the heap lies in: what is already
    // used of it keeps its small pages, the rest is not left out.
    const std::uintptr_t from = before & ~(kHuge - 1);
    const std::uintptr_t to = after & ~(kHuge - 1);
    if (after == std::uintptr_t(-1) || to <= from)
        return 0;
    if (madvise(reinterpret_cast<void *>(from), to - from, MADV_HUGEPAGE) != 0)
        return 0;
    return qsizetype(to - from);
#else
    Q_UNUSED(bytes);
    return 0;
#endif
}

void adviseHugePages(const void *data, qsizetype bytes)
{
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
    if (bytes < qsizetype(2 * kHuge))
        return;
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t from = (begin + kHuge - 1) & ~(kHuge - 1);
    const std::uintptr_t to = (begin + std::uintptr_t(bytes)) & ~(kHuge - 1);
    if (to > from)
        madvise(reinterpret_cast<void *>(from), to - from, MADV_HUGEPAGE);
#else
    Q_UNUSED(data);
    Q_UNUSED(bytes);
#endif
}

} // namespace retort
