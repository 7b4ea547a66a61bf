#pragma once

#include <QByteArray>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace retort::testsupport {

// What a child process did. exitCode is -1 when it did not start, crashed or
// timed out; `error` then says which.
struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString error;

    bool ok() const { return exitCode == 0 && error.isEmpty(); }
    // "exit 2: <stderr>" or the start/crash/timeout error, for failure messages.
    QString describe() const;
};

// Runs program with args (a list: no shell) in workDir (empty: the current
// dir), with the test's own environment plus `extra` (entries in it win),
// killing it after timeoutMs.
ProcessResult runProcess(const QString &program, const QStringList &args, const QString &workDir,
                         const QProcessEnvironment &extra = QProcessEnvironment(),
                         int timeoutMs = 120000);

// The Python that can `import alembic`: RETORT_ALEMBIC_PYTHON when set,
// otherwise the first of /usr/bin/python3, python3, python that really can
// (asked once, then cached). Empty when none can.
QString alembicPython();

// <alembicPython()> -m alembic -c iniPath args... in workDir.
// PYTHONHASHSEED is inherited as it is; set it through `extra` to pin it.
ProcessResult runAlembic(const QString &iniPath, const QStringList &args, const QString &workDir,
                         const QProcessEnvironment &extra = QProcessEnvironment(),
                         int timeoutMs = 120000);

// The built retort executable at `binary` with args in workDir.
ProcessResult runRetortBinary(const QString &binary, const QStringList &args, const QString &workDir,
                              const QProcessEnvironment &extra = QProcessEnvironment(),
                              int timeoutMs = 120000);

// Whether process `pid` runs, not as a zombie (PID 1 here does not reap
// orphans' zombies).
bool processRunning(qint64 pid);
// Running processes whose command line mentions `text`, or whose parent is
// `parent` (-1: none).
QList<qint64> liveProcesses(const QString &text, qint64 parent = -1);

#ifdef RETORT_BINARY
// RETORT_BINARY is defined per test by retort_add_test(); this library is
// compiled once without it, hence an inline wrapper in the test's own code.
inline ProcessResult runRetort(const QStringList &args, const QString &workDir,
                               const QProcessEnvironment &extra = QProcessEnvironment(),
                               int timeoutMs = 120000)
{
    return runRetortBinary(QStringLiteral(RETORT_BINARY), args, workDir, extra, timeoutMs);
}
#endif

} // namespace retort::testsupport
