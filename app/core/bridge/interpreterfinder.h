#pragma once

#include "result.h"

#include <QString>
#include <QVector>

namespace retort {

// Where to look for the Python that runs the bridge.
struct InterpreterQuery {
    QString explicitPath;     // --python or the GUI setting; empty: RETORT_PYTHON, if set
    QString explicitOrigin = QStringLiteral("--python");
    QString iniPath;          // the project's alembic.ini: its .venv/ and venv/ are looked at
    int timeoutMs = 20000;    // per `-c "import alembic"` check
};

// One interpreter that was asked and why it was not taken.
struct InterpreterAttempt {
    QString path;
    QString origin;   // "--python", "RETORT_PYTHON", "project venv", "/usr/bin/python3", "PATH"
    QString failure;  // empty when accepted
};

struct Interpreter {
    QString path;
    QString origin;
    QVector<InterpreterAttempt> rejected;  // those tried before it
};

// Finds the Python for the alembic bridge, in order: the explicit choice
// (--python / GUI setting / RETORT_PYTHON), the project's .venv/ and venv/
// next to alembic.ini and in its parents up to the project root (the nearest
// folder holding .git, else up to the home folder), then /usr/bin/python3,
// python3 and python on PATH. Each is taken only if `-c "import alembic"`
// succeeds; when none does the error lists every attempt and its reason.
// Runs processes: not on the GUI thread.
class InterpreterFinder {
public:
    static Result<Interpreter> find(const InterpreterQuery &query);

    // The candidates in order, before any is run (for tests and the GUI).
    static QVector<InterpreterAttempt> candidates(const InterpreterQuery &query);

    // Empty when `python -c "import alembic"` succeeds, else the reason.
    static QString check(const QString &python, int timeoutMs = 20000);
    // The part of check() that runs nothing: a path that does not exist or
    // is not executable. Empty when it may be run.
    static QString precheck(const QString &python);
    // The error when no candidate was accepted, listing each and its reason.
    static Error noneFound(const QVector<InterpreterAttempt> &rejected);
};

} // namespace retort
