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

} // namespace retort
