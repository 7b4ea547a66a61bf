#pragma once

#include <QtGlobal>

namespace retort {

// Readies the heap for `bytes` of small, long-lived allocations made at once
// (a project's revisions: their strings, lists and graph nodes), so that they
// land in transparent huge pages. At 10,000 revisions a warm `heads` otherwise
// spends a fifth of its CPU taking a page fault per fresh 4 KiB of heap.
// Harmless where huge pages are off; does nothing outside glibc.
// Returns the bytes now reserved for huge pages (0 when none could be).
qsizetype reserveHeapForBulkLoad(qsizetype bytes);

// Asks for huge pages under one large block not yet written to: glibc maps
// each block over 32 MiB (a 100,000-revision header cache, the vector of
// their scripts) on its own, outside the heap reserved above, and the kernel
// would fault it in 4 KiB at a time. Only the whole 2 MiB pages inside
// [data, data + bytes) are marked; below 4 MiB it does nothing. Harmless
// where huge pages are off; does nothing outside glibc.
void adviseHugePages(const void *data, qsizetype bytes);

} // namespace retort
