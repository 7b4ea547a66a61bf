#include "onlinesteprunner.h"

#include <QUrl>

namespace retort {

namespace {

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

// A database error from alembic reads as the executor's own: the server's
// message and SQLSTATE, located at the revision line; alembic's exception
// text (first line) and the statement as causes.
Error asRunError(const Error &e)
{
    if (e.sqlState().isEmpty() || !e.cause())
        return e;
    Error out(Error::Kind::Database, e.cause()->message(), e.where());
    out.setSqlState(e.sqlState());
    Error alembicText(e.kind(), e.message().section(QLatin1Char('\n'), 0, 0));
    if (e.cause()->cause())
        alembicText.causedBy(*e.cause()->cause());
    out.causedBy(alembicText);
    return out;
}

} // namespace

QString bridgeDatabaseUrl(const ConnectionSettings &settings, const QString &appName)
{
    QString url = (settings.drivername.isEmpty() ? QStringLiteral("postgresql") : settings.drivername)
                  + QStringLiteral("://");
    if (!settings.user.isEmpty() || settings.hasPassword) {
        url += encoded(settings.user);
        if (settings.hasPassword)
            url += QLatin1Char(':') + encoded(settings.password);
        url += QLatin1Char('@');
    }
    QList<QPair<QString, QString>> query;
    if (settings.isSocket() || settings.hostFromQuery) {
        query.append({QStringLiteral("host"), settings.host});
        if (settings.port > 0)
            query.append({QStringLiteral("port"), QString::number(settings.port)});
    } else {
        url += settings.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + settings.host + QLatin1Char(']')
                                                        : encoded(settings.host);
        if (settings.port > 0)
            url += QLatin1Char(':') + QString::number(settings.port);
    }
    url += QLatin1Char('/') + encoded(settings.database);
    // `appName` goes in PGAPPNAME, not here: env.py may hand the URL to a
    // driver without libpq (asyncpg, alembic's async template), which takes
    // no application_name keyword; the bridge sets it on such connections.
    for (const auto &kv : settings.libpqParameters()) {
        if (!appName.isEmpty() && kv.first == QLatin1String("application_name"))
            continue;
        query.append(kv);
    }
    for (int i = 0; i < query.size(); ++i)
        url += (i == 0 ? QLatin1Char('?') : QLatin1Char('&')) + encoded(query[i].first) + QLatin1Char('=')
               + encoded(query[i].second);
    return url;
}

PythonStepRunner bridgeStepRunner(BridgeProject project, InterpreterQuery interpreter, ConnectionSettings connection)
{
    if (interpreter.iniPath.isEmpty())
        interpreter.iniPath = project.iniPath;
    return [project, interpreter, connection](const QVector<PlannedStep> &steps, const PythonRunSession &session,
                                              const PythonRunEvents &events,
                                              const std::atomic<bool> *kill) -> PythonRunResult {
        PythonRunResult out;
        BridgeProject p = project;
        if (p.python.isEmpty()) {
            Result<Interpreter> found = InterpreterFinder::find(interpreter);
            if (!found) {
                out.error = found.error();
                return out;
            }
            p.python = found->path;
        }
        QVector<BridgeStep> bridgeSteps;
        for (const PlannedStep &s : steps)
            bridgeSteps.append({s.revision, s.step.kind == MigrationStep::Kind::Upgrade, s.step.headsBefore, s.file});
        const QString url = bridgeDatabaseUrl(connection, session.applicationName);
        QList<QPair<QString, QString>> environment{{QStringLiteral("DATABASE_URL"), url},
                                                   {QStringLiteral("PGAPPNAME"), session.applicationName}};
        // --lock-timeout / --statement-timeout hold for alembic's session too
        // (libpq reads PGOPTIONS; the URL's own options= wins over it)
        QStringList options;
        if (session.lockTimeoutMs)
            options << QStringLiteral("-c lock_timeout=%1").arg(*session.lockTimeoutMs);
        if (session.statementTimeoutMs)
            options << QStringLiteral("-c statement_timeout=%1").arg(*session.statementTimeoutMs);
        if (!options.isEmpty())
            environment.append({QStringLiteral("PGOPTIONS"), options.join(QLatin1Char(' '))});
        if (session.lockPid > 0) {
            // pg_locks shows a bigint advisory key as classid (high half) and objid (low half)
            const quint64 key = quint64(session.lockKey);
            environment.append({QStringLiteral("RETORT_BRIDGE_LOCK"),
                                QStringLiteral("%1 %2 %3 %4")
                                    .arg(session.lockPid)
                                    .arg(key >> 32)
                                    .arg(key & 0xffffffffULL)
                                    .arg(session.childLockKey)});
        }
        Result<BridgeOnlineResult> run = AlembicBridge(p).runOnline(
            bridgeSteps, url,
            [&](const BridgeEvent &e) {
                switch (e.kind) {
                case BridgeEvent::Kind::Started:
                    if (events.started)
                        events.started(e.index);
                    break;
                case BridgeEvent::Kind::Finished:
                    ++out.finishedSteps;
                    if (events.finished)
                        events.finished(e.index, e.headsAfter);
                    break;
                case BridgeEvent::Kind::Log:
                    if (events.log)
                        events.log(e.text);
                    break;
                case BridgeEvent::Kind::Printed:
                    if (events.printed)
                        events.printed(e.text);
                    break;
                }
            },
            kill, environment, events.poll);
        if (!run)
            out.error = asRunError(run.error());
        return out;
    };
}

StepRenderer planStepRenderer(const ProjectContext &project, PlanRenderSettings settings)
{
    return [graph = project.graph, scripts = project.scripts,
            settings = std::move(settings)](const QVector<MigrationStep> &steps) -> Result<QVector<StepSql>> {
        PlanRenderer renderer(*graph, scripts, settings);
        PlanSql sql = renderer.render(steps);
        // a step that raises on purpose ends the steps: MigrationRunner::plan decides
        if (sql.failedStep >= 0 && !sql.raised())
            return sql.error;
        return sql.steps;
    };
}

} // namespace retort
