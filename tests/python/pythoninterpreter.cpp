#include "pythoninterpreter.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace retort::test {

QString PythonInterpreter::find(const QStringList &modules)
{
    QStringList candidates{QStringLiteral("/usr/bin/python3")};
    for (const char *name : {"python3", "python"}) {
        const QString path = QStandardPaths::findExecutable(QString::fromLatin1(name));
        if (!path.isEmpty())
            candidates << path;
    }
    const QString probe = QStringLiteral("import %1").arg(modules.join(QStringLiteral(", ")));
    for (const QString &candidate : candidates) {
        if (!QFileInfo(candidate).isExecutable())
            continue;
        QByteArray out;
        QString error;
        if (run(candidate, {QStringLiteral("-c"), probe}, &out, &error, 30000))
            return candidate;
    }
    return {};
}

bool PythonInterpreter::run(const QString &python, const QStringList &args, QByteArray *output, QString *error,
                            int timeoutMs)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(python, args);
    if (!p.waitForStarted(10000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(python, p.errorString());
        return false;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        *error = QStringLiteral("%1 timed out").arg(python);
        return false;
    }
    *output = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("%1 failed (%2): %3")
                     .arg(python)
                     .arg(p.exitCode())
                     .arg(QString::fromUtf8(p.readAllStandardError()));
        return false;
    }
    return true;
}

QString PythonInterpreter::script(const QString &name)
{
    return QDir(QStringLiteral(RETORT_PYTEST_DIR)).filePath(name);
}

QString PythonInterpreter::dataDir()
{
    return QDir(QStringLiteral(RETORT_PYTEST_DIR)).filePath(QStringLiteral("data"));
}

} // namespace retort::test
