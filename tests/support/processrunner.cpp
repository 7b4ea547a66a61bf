#include "processrunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QProcess>
#include <QStandardPaths>

namespace retort::testsupport {

QString ProcessResult::describe() const
{
    if (!error.isEmpty())
        return error + (err.isEmpty() ? QString() : QStringLiteral(": ") + QString::fromUtf8(err).trimmed());
    return QStringLiteral("exit %1: %2").arg(exitCode).arg(QString::fromUtf8(err).trimmed());
}

ProcessResult runProcess(const QString &program, const QStringList &args, const QString &workDir,
                         const QProcessEnvironment &extra, int timeoutMs)
{
    ProcessResult result;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(extra);
    process.setProcessEnvironment(environment);
    if (!workDir.isEmpty())
        process.setWorkingDirectory(workDir);
    process.setProgram(program);
    process.setArguments(args);
    process.start();
    if (!process.waitForStarted(30000)) {
        result.error = QStringLiteral("%1 did not start: %2").arg(program, process.errorString());
        return result;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.error = QStringLiteral("%1 timed out after %2 ms").arg(program).arg(timeoutMs);
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    if (!result.error.isEmpty())
        return result;
    if (process.exitStatus() == QProcess::CrashExit) {
        result.error = QStringLiteral("%1 crashed: %2").arg(program, process.errorString());
        return result;
    }
    result.exitCode = process.exitCode();
    return result;
}

namespace {

bool canImportAlembic(const QString &python)
{
    const ProcessResult r = runProcess(python, {QStringLiteral("-c"), QStringLiteral("import alembic")},
                                       QString(), QProcessEnvironment(), 60000);
    return r.ok();
}

QString discoverAlembicPython()
{
    const QString fromEnv = qEnvironmentVariable("RETORT_ALEMBIC_PYTHON");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QStringList candidates = {QStringLiteral("/usr/bin/python3"), QStringLiteral("python3"),
                                    QStringLiteral("python")};
    for (const QString &candidate : candidates) {
        const QString path = QFileInfo(candidate).isAbsolute() ? candidate
                                                               : QStandardPaths::findExecutable(candidate);
        if (!path.isEmpty() && QFileInfo(path).isExecutable() && canImportAlembic(path))
            return path;
    }
    return QString();
}

} // namespace

QString alembicPython()
{
    static QMutex mutex;
    static bool asked = false;
    static QString python;
    QMutexLocker lock(&mutex);
    if (!asked) {
        python = discoverAlembicPython();
        asked = true;
    }
    return python;
}

ProcessResult runAlembic(const QString &iniPath, const QStringList &args, const QString &workDir,
                         const QProcessEnvironment &extra, int timeoutMs)
{
    const QString python = alembicPython();
    if (python.isEmpty()) {
        ProcessResult result;
        result.error = QStringLiteral("no Python that can import alembic: set RETORT_ALEMBIC_PYTHON "
                                      "or install python3-alembic");
        return result;
    }
    return runProcess(python, QStringList{QStringLiteral("-m"), QStringLiteral("alembic"),
                                          QStringLiteral("-c"), iniPath} + args,
                      workDir, extra, timeoutMs);
}

ProcessResult runRetortBinary(const QString &binary, const QStringList &args, const QString &workDir,
                              const QProcessEnvironment &extra, int timeoutMs)
{
    return runProcess(binary, args, workDir, extra, timeoutMs);
}

bool processRunning(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const int close = text.lastIndexOf(')');
    return close > 0 && text.mid(close + 2, 1) != "Z";
}

QList<qint64> liveProcesses(const QString &text, qint64 parent)
{
    QList<qint64> found;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &e : entries) {
        bool number = false;
        const qint64 pid = e.toLongLong(&number);
        if (!number || !processRunning(pid))
            continue;
        QFile cmd(QStringLiteral("/proc/%1/cmdline").arg(pid));
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!cmd.open(QIODevice::ReadOnly) || !stat.open(QIODevice::ReadOnly))
            continue;
        QByteArray line = cmd.readAll();
        line.replace('\0', ' ');
        const QByteArray st = stat.readAll();
        const QList<QByteArray> fields = st.mid(st.lastIndexOf(')') + 2).split(' ');
        if (line.contains(text.toUtf8()) || (parent >= 0 && fields.size() > 1 && fields[1].toLongLong() == parent))
            found << pid;
    }
    return found;
}

} // namespace retort::testsupport
