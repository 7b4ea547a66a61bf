#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace retort::test {

// A Python 3 interpreter for the cross-checks against the real thing.
// Candidates are asked to import the needed modules rather than trusted by
// name: /usr/bin/python3 first (Debian's, with alembic), then python3 and
// python on PATH.
class PythonInterpreter {
public:
    // The first candidate that can import all `modules`; empty if none.
    static QString find(const QStringList &modules);

    // Runs `python args...`; false with *error set when it cannot start,
    // times out or exits non-zero.
    static bool run(const QString &python, const QStringList &args, QByteArray *output, QString *error,
                    int timeoutMs = 120000);

    // A helper script shipped with the tests (tests/python/<name>).
    static QString script(const QString &name);
    // tests/python/data
    static QString dataDir();
};

} // namespace retort::test
