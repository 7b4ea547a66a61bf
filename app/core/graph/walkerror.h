#pragma once

#include "error.h"

#include <QString>
#include <QStringList>

namespace retort {

// alembic's RevisionError family, thrown inside the walker and turned into
// CLI text at the public boundary, as ScriptDirectory._catch_revision_errors does.
struct WalkError {
    enum class Type { Generic, RangeNotAncestor, MultipleHeads, Resolution };
    Type type = Type::Generic;
    QString message;
    QString argument;   // ResolutionError / MultipleHeads argument
    QString lower, upper;
    QStringList heads;
};

[[noreturn]] inline void failWalk(const QString &message)
{
    throw WalkError{WalkError::Type::Generic, message, {}, {}, {}, {}};
}

[[noreturn]] inline void failResolution(const QString &message, const QString &argument)
{
    throw WalkError{WalkError::Type::Resolution, message, argument, {}, {}, {}};
}

// What _catch_revision_errors is told for one command.

struct Catch {
    QString ancestor;       // format with %(start)s / %(end)s, empty for the default
    QString multipleHeads;  // format with %(head_arg)s, empty for the default
    QString start, end;
    bool hasStart = false, hasEnd = false;
};
// The CLI error for a walk error, as ScriptDirectory._catch_revision_errors
// words it for the command described by `c`.
Error toError(const WalkError &e, const Catch &c);

} // namespace retort
