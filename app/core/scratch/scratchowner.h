#pragma once

#include <QString>

#include <optional>

namespace retort {

// The run that made a --scratch-url database, written on the database as its
// comment, so that a later run can prove the maker is gone when a kill -9
// left the database behind. A process is named by its pid and start time
// (a reused pid starts later), within one kernel boot and pid namespace
// (outside them a pid means nothing to us), on one host.
struct ScratchOwner {
    QString host;
    QString bootId;        // /proc/sys/kernel/random/boot_id
    QString pidNamespace;  // /proc/self/ns/pid: "pid:[4026531836]"
    qint64 pid = 0;
    qint64 startTicks = 0;  // /proc/<pid>/stat field 22, clock ticks after boot

    // This process, or nothing when /proc cannot tell (then no database of
    // ours can be proved abandoned, and none is ever dropped as such).
    static std::optional<ScratchOwner> current();
    // Nothing unless `comment` is exactly what comment() writes: a database
    // with another comment (or none) is not one Retort made.
    static std::optional<ScratchOwner> fromComment(const QString &comment);
    QString comment() const;

    // Whether this owner ran in the same boot and pid namespace as `here` on
    // the same host and its process no longer runs: its pid is free, a zombie,
    // or another process's. False whenever that cannot be proved.
    bool provablyGone(const ScratchOwner &here) const;
};

} // namespace retort
