#pragma once

#include "result.h"

#include <QString>

#include <optional>

namespace retort {

// The moment a revision is created, as alembic's create_date: a local
// datetime.now(), or with `timezone` set, UTC converted to that zone
// (aware, so str() carries the offset).
struct CreateDate {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, microsecond = 0;
    qint64 epoch = 0;  // int(create_date.timestamp())
    QString offset;    // "+01:00" for an aware date, empty for a naive one

    // str(datetime): "2026-12-07 01:02:03.456789+01:00", the fraction only
    // when there are microseconds.
    QString toString() const;
};

// `usecSinceEpoch` is the instant (microseconds since 1970 UTC). The zone
// is looked up as dateutil's tz.gettz does for IANA names (as given, then
// upper-cased); an unknown one fails with alembic's "Can't locate timezone".
Result<CreateDate> createDateAt(qint64 usecSinceEpoch, const std::optional<QString> &timezone);

// Microseconds since 1970 UTC, now.
qint64 currentMicroseconds();

// alembic's slug: the message's \w+ runs joined by "_", lower-cased, cut
// at a "_" to at most `truncateLength` characters (then ending in "_").
QString revisionSlug(const QString &message, int truncateLength);

// file_template % {rev, slug, epoch, year, month, day, hour, minute,
// second} with Python's printf-style rules, plus ".py". Errors say what
// Python would raise (an unknown key, %d of a str) and name the template.
Result<QString> revisionFileName(const QString &fileTemplate, const QString &rev, const QString &slug,
                                 const CreateDate &date);

} // namespace retort
