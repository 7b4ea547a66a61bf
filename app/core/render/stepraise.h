#pragma once

#include "error.h"

#include <QString>

namespace retort {

// A revision function that raises on purpose: `raise NotImplementedError(
// "...")` in a downgrade() that cannot be undone (data migrations, squashed
// histories), or an upgrade() that refuses to go forward. alembic runs the
// body up to the raise and fails there with the exception; the step's body
// holds what it emitted before.
struct StepRaise {
    QString exception;  // "NotImplementedError"
    QString message;    // str() of the exception; empty without one
    QString file;       // the revision file
    int line = 0;       // the raise statement
    QString revision;
    bool upgrade = false;

    // As Python's traceback ends: "NotImplementedError: message".
    QString text() const;
    // For the window: "Irreversible: message (file.py:12)", the class when
    // there is no message.
    QString note() const;
    // The exception as alembic fails with it (exit 1), at the raise.
    Error alembicError() const;
    // A run that reaches the raise, refused before anything runs: alembic
    // would run the steps before it first and leave them done where they
    // commit on their own (transaction_per_migration, autocommit blocks).
    Error runRefusal() const;
};

} // namespace retort
