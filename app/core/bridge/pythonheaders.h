#pragma once

#include "bridge/alembicbridge.h"
#include "bridge/interpreterfinder.h"
#include "project/revisionscript.h"
#include "result.h"

#include <QVector>

#include <atomic>
#include <optional>

namespace retort {

struct PythonHeaderSettings {
    BridgeProject bridge;          // an empty bridge.python is looked up with `interpreter`
    InterpreterQuery interpreter;
    // Also when no header needs it: a revision file or a project module
    // they import runs code at import that may print or raise
    // (ScriptLoader::Loaded::importTimeCode):
    // alembic's output starts with that text, and a raise ends its command.
    bool forImportTimeCode = false;
};

struct PythonReading {
    int headersRead = 0;  // revisions whose headers Python gave
    QString printed;      // what the files printed as they were imported
    QString stderrText;   // what they wrote to sys.stderr
    std::optional<int> exitCode;  // a file ended Python (sys.exit) with this status: alembic ends so
    Error failure;        // alembic could not load the project (a file raised at import): its error, after `printed`
    bool ran = false;     // Python was asked at all
};

// Whether a header of some revision file could not be read without Python
// (a value computed at run time, a constant another module may change).
bool headersNeedPython(const QVector<RevisionScript> &scripts);
// Whether a header names a constant env.py changes: alembic's reading (which
// runs no env.py) is then right for heads and history only, not for the
// commands that run env.py (upgrade, downgrade, stamp, ...).
bool headersDependOnEnv(const QVector<RevisionScript> &scripts);

// Reads those headers the way alembic does, through the bridge (alembic
// imports every revision file in its order), and puts the values in place:
// the graph never fails where alembic reads the project. Each script read so
// has headersFromPython set and its unresolved-header problems removed; with
// settings.forImportTimeCode the files are imported even when no header
// needs it. Fails
// when no interpreter can import alembic, or with alembic's own error
// (then *alembicRan is set: alembic itself cannot read the project).
// Runs a process: not on the GUI thread.
Result<PythonReading> readHeadersWithPython(const PythonHeaderSettings &settings, QVector<RevisionScript> &scripts,
                                  const std::atomic<bool> *cancel = nullptr, bool *alembicRan = nullptr);

} // namespace retort
