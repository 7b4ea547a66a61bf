#include "interpreterfinder.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>

namespace retort {

namespace {

// .venv/ and venv/ from the ini's folder up to the project root.
QStringList projectVenvPythons(const QString &iniPath)
{
    if (iniPath.isEmpty())
        return {};
    QDir dir = QFileInfo(iniPath).absoluteDir();
    const QString home = QDir::homePath();
    QStringList out;
    for (;;) {
        for (const QString &venv : {QStringLiteral(".venv"), QStringLiteral("venv")}) {
            for (const QString &name : {QStringLiteral("python"), QStringLiteral("python3")}) {
                const QString p = dir.filePath(venv + QStringLiteral("/bin/") + name);
                if (QFileInfo::exists(p)) {
                    out << p;
                    break;
                }
            }
        }
        if (dir.exists(QStringLiteral(".git")) || dir.absolutePath() == home || dir.isRoot() || !dir.cdUp())
            break;
    }
    return out;
}

QString lastLine(const QByteArray &text)
{
    const QList<QByteArray> lines = text.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.back().trimmed());
}

} // namespace

QVector<InterpreterAttempt> InterpreterFinder::candidates(const InterpreterQuery &query)
{
    QVector<InterpreterAttempt> out;
    auto add = [&](const QString &path, const QString &origin) {
        for (const InterpreterAttempt &a : std::as_const(out))
            if (a.path == path)
                return;
        out.append({path, origin, {}});
    };
    if (!query.explicitPath.isEmpty()) {
        add(query.explicitPath, query.explicitOrigin);
    } else {
        const QString env = QProcessEnvironment::systemEnvironment().value(QStringLiteral("RETORT_PYTHON"));
        if (!env.isEmpty())
            add(env, QStringLiteral("RETORT_PYTHON"));
    }
    for (const QString &p : projectVenvPythons(query.iniPath))
        add(p, QStringLiteral("project venv"));
    add(QStringLiteral("/usr/bin/python3"), QStringLiteral("/usr/bin/python3"));
    for (const QString &name : {QStringLiteral("python3"), QStringLiteral("python")}) {
        const QString found = QStandardPaths::findExecutable(name);
        if (!found.isEmpty())
            add(found, QStringLiteral("PATH"));
    }
    return out;
}

QString InterpreterFinder::precheck(const QString &python)
{
    const QFileInfo info(python);
    if (python.contains(QLatin1Char('/'))) {
        if (!info.exists())
            return QStringLiteral("does not exist");
        if (!info.isExecutable())
            return QStringLiteral("is not executable");
    }
    return {};
}

QString InterpreterFinder::check(const QString &python, int timeoutMs)
{
    if (const QString why = precheck(python); !why.isEmpty())
        return why;
    QProcess p;
    // `import alembic` needs no database: nothing of the connection reaches it.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &secret : {QStringLiteral("DATABASE_URL"), QStringLiteral("PGPASSWORD")})
        env.remove(secret);
    p.setProcessEnvironment(env);
    p.start(python, {QStringLiteral("-c"), QStringLiteral("import alembic")});
    if (!p.waitForStarted(timeoutMs))
        return QStringLiteral("does not start: %1").arg(p.errorString());
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        return QStringLiteral("`import alembic` did not finish within %1 s").arg(timeoutMs / 1000);
    }
    if (p.exitStatus() == QProcess::CrashExit)
        return QStringLiteral("crashed on `import alembic`");
    if (p.exitCode() != 0) {
        const QString why = lastLine(p.readAllStandardError());
        return QStringLiteral("cannot import alembic (%1)").arg(why.isEmpty() ? QStringLiteral("exit %1").arg(p.exitCode()) : why);
    }
    return {};
}

Result<Interpreter> InterpreterFinder::find(const InterpreterQuery &query)
{
    Interpreter found;
    for (InterpreterAttempt attempt : candidates(query)) {
        attempt.failure = check(attempt.path, query.timeoutMs);
        if (attempt.failure.isEmpty()) {
            found.path = attempt.path;
            found.origin = attempt.origin;
            return found;
        }
        found.rejected.append(attempt);
    }
    return noneFound(found.rejected);
}

Error InterpreterFinder::noneFound(const QVector<InterpreterAttempt> &rejected)
{
    QStringList lines;
    for (const InterpreterAttempt &a : rejected)
        lines << QStringLiteral("  %1 (%2): %3").arg(a.path, a.origin, a.failure);
    return Error(Error::Kind::Config,
                 QStringLiteral("no Python interpreter that can import alembic was found; tried:\n%1\n"
                                "install alembic in the project's virtualenv, or name one with --python "
                                "or RETORT_PYTHON")
                     .arg(lines.join(QLatin1Char('\n'))));
}

} // namespace retort
