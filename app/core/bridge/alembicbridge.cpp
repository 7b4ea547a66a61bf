#include "alembicbridge.h"

#include "bridge/bridgeconfig.h"
#include "bridge/bridgeprocess.h"
#include "bridge/bridgescript.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace retort {

namespace {

// alembic's exception as Python's traceback ends: "Type: message", located
// at the revision file's line when the traceback passed through it.
Error pythonError(const QJsonObject &e, const QString &revision, Error::Kind kind)
{
    const QString type = e.value(QLatin1String("type")).toString();
    const QString message = e.value(QLatin1String("message")).toString();
    Location where;
    where.file = e.value(QLatin1String("file")).toString();
    where.line = e.value(QLatin1String("line")).toInt();
    where.revision = revision;
    const QString text = message.isEmpty() ? type : type + QStringLiteral(": ") + message;
    Error error(kind, text, where);
    const QString server = e.value(QLatin1String("server_message")).toString();
    if (!server.isEmpty()) {
        // a database error: its SQLSTATE, and the server's own message (with
        // the statement) as the cause; the message stays alembic's verbatim
        error.setSqlState(e.value(QLatin1String("sqlstate")).toString());
        Error serverError(Error::Kind::Database, server);
        const QString statement = e.value(QLatin1String("statement")).toString();
        if (!statement.isEmpty())
            serverError.causedBy(Error(Error::Kind::Database, QStringLiteral("while running: %1").arg(statement.simplified())));
        error.causedBy(serverError);
        return error;
    }
    const QString note = e.value(QLatin1String("offline_note")).toString();
    if (!note.isEmpty())
        error.causedBy(Error(Error::Kind::Unresolved, note));
    return error;
}

StepBody bodyFrom(const QJsonArray &statements)
{
    StepBody body;
    body.reserve(statements.size());
    for (const QJsonValue &v : statements) {
        const QJsonObject s = v.toObject();
        const QString kind = s.value(QLatin1String("kind")).toString();
        if (kind == QLatin1String("enter_autocommit"))
            body.append({SqlStatement::Kind::EnterAutocommit, {}, 0, {}});
        else if (kind == QLatin1String("leave_autocommit"))
            body.append({SqlStatement::Kind::LeaveAutocommit, {}, 0, {}});
        else if (kind == QLatin1String("text"))
            body.append({SqlStatement::Kind::Text, s.value(QLatin1String("text")).toString(), 0, {}});
        else
            body.append(SqlStatement::statement(s.value(QLatin1String("sql")).toString()));
    }
    return body;
}

QString stderrTail(const QByteArray &err)
{
    const QString text = QString::fromUtf8(err).trimmed();
    return text.size() > 4000 ? QStringLiteral("...") + text.right(4000) : text;
}

// The run-level failure: the bridge's "error" event, else its stderr.
Error runError(const ProcessOutcome &o, const QString &what)
{
    for (const QJsonObject &e : o.events)
        if (e.value(QLatin1String("event")).toString() == QLatin1String("error")) {
            Error err = pythonError(e.value(QLatin1String("error")).toObject(), QString(), Error::Kind::Config);
            const QString tb = e.value(QLatin1String("error")).toObject().value(QLatin1String("traceback")).toString();
            if (!tb.isEmpty())
                err.causedBy(Error(Error::Kind::Config, tb.trimmed()));
            return err;
        }
    return Error(Error::Kind::Config, QStringLiteral("the alembic bridge failed (%1, exit %2): %3")
                                          .arg(what).arg(o.exitCode).arg(stderrTail(o.stderrText)));
}

// The status the project's own code ended the bridge with: its "exit"
// event (sys.exit), or an end with no last word after the greeting
// (os._exit); none when the bridge finished or failed by itself.
std::optional<int> projectExit(const ProcessOutcome &o)
{
    bool last = false;
    for (const QJsonObject &e : o.events) {
        const QString kind = e.value(QLatin1String("event")).toString();
        if (kind == QLatin1String("exit"))
            return e.value(QLatin1String("code")).toInt() & 0xff;
        last = last || kind == QLatin1String("done") || kind == QLatin1String("error");
    }
    if (last)
        return std::nullopt;
    return o.exitCode;
}

} // namespace

AlembicBridge::AlembicBridge(BridgeProject project) : m_project(std::move(project)) {}

QByteArray AlembicBridge::request(const QString &mode, const QVector<BridgeStep> &steps) const
{
    const QDir base(m_project.workDir.isEmpty() ? QDir::currentPath() : m_project.workDir);
    QJsonArray list;
    for (const BridgeStep &s : steps) {
        QJsonObject o;
        o.insert(QLatin1String("revision"), s.revision);
        o.insert(QLatin1String("direction"), s.upgrade ? QStringLiteral("up") : QStringLiteral("down"));
        o.insert(QLatin1String("from_heads"), QJsonArray::fromStringList(s.fromHeads));
        if (!s.path.isEmpty())
            o.insert(QLatin1String("path"), QDir::cleanPath(base.absoluteFilePath(s.path)));
        list.append(o);
    }
    QJsonObject r;
    r.insert(QLatin1String("mode"), mode);
    addConfig(r);
    r.insert(QLatin1String("steps"), list);
    if (!m_project.tag.isEmpty())
        r.insert(QLatin1String("tag"), m_project.tag);
    if (!m_project.destination.isEmpty())
        r.insert(QLatin1String("destination"), m_project.destination);
    if (m_project.loadAllRevisions)
        r.insert(QLatin1String("load_all"), true);
    return QJsonDocument(r).toJson(QJsonDocument::Compact);
}

Result<std::unique_ptr<JsonLinesProcess>> AlembicBridge::offlineProcess(const std::atomic<bool> *cancel) const
{
    Result<QString> script = BridgeScript::path();
    if (!script)
        return script.error();
    ProcessRequest pr;
    pr.program = m_project.python;
    pr.arguments = {script.value()};
    pr.workDir = m_project.workDir;
    pr.environment.remove(urlVariable());  // offline: no database
    pr.timeoutMs = m_project.timeoutMs;
    pr.cancel = cancel;
    return std::make_unique<JsonLinesProcess>(pr);
}

std::unique_ptr<JsonLinesProcess> AlembicBridge::startOffline(const std::atomic<bool> *cancel) const
{
    Result<std::unique_ptr<JsonLinesProcess>> process = offlineProcess(cancel);
    if (!process || process.value()->start())
        return {};
    return std::move(process).value();
}

Result<BridgeOfflineSql> AlembicBridge::renderOffline(const QVector<BridgeStep> &steps,
                                                      const std::atomic<bool> *cancel,
                                                      QString *unavailable,
                                                      std::unique_ptr<JsonLinesProcess> started) const
{
    if (!started) {
        Result<std::unique_ptr<JsonLinesProcess>> process = offlineProcess(cancel);
        if (!process)
            return process.error();
        started = std::move(process).value();
        if (const Error e = started->start()) {
            if (unavailable)
                *unavailable = e.message();
            return e;
        }
    }
    Result<ProcessOutcome> run = started->finish(request(QStringLiteral("offline"), steps));
    if (!run) {
        if (unavailable && run.error().kind() == Error::Kind::Io)
            *unavailable = run.error().message();
        return run.error();
    }
    if (const Error e = checkGreeting(run.value(), unavailable))
        return e;

    BridgeOfflineSql result;
    QVector<BridgeStepSql> &out = result.steps;
    out.resize(steps.size());
    QVector<bool> seen(steps.size(), false);
    for (const QJsonObject &e : run->events) {
        const QString event = e.value(QLatin1String("event")).toString();
        if (event == QLatin1String("frame")) {
            result.frame = {e.value(QLatin1String("head")).toString(), e.value(QLatin1String("start")).toString(),
                            e.value(QLatin1String("end")).toString(), e.value(QLatin1String("tail")).toString()};
            continue;
        }
        if (event != QLatin1String("step"))
            continue;
        const int i = e.value(QLatin1String("index")).toInt(-1);
        if (i < 0 || i >= steps.size())
            continue;
        seen[i] = true;
        out[i].body = bodyFrom(e.value(QLatin1String("statements")).toArray());
        if (e.contains(QLatin1String("error")))
            out[i].error = pythonError(e.value(QLatin1String("error")).toObject(), steps[i].revision, Error::Kind::Revision);
    }
    if (run->exitCode != 0 || seen.contains(false))
        return runError(run.value(), QStringLiteral("offline"));
    return result;
}

Error AlembicBridge::checkGreeting(const ProcessOutcome &run, QString *unavailable) const
{
    for (const QJsonObject &e : run.events)
        if (e.value(QLatin1String("event")).toString() == QLatin1String("unavailable")) {
            const QString why = QStringLiteral("cannot import alembic (%1)").arg(e.value(QLatin1String("reason")).toString());
            if (unavailable)
                *unavailable = why;
            return Error(Error::Kind::Config, QStringLiteral("%1 %2").arg(m_project.python, why));
        }
    const bool greeted = std::any_of(run.events.cbegin(), run.events.cend(), [](const QJsonObject &e) {
        return e.value(QLatin1String("event")).toString() == QLatin1String("hello");
    });
    if (!greeted) {  // not a working Python 3 at all (a broken shim, a Python 2)
        const QStringList lines = QString::fromUtf8(run.stderrText).trimmed().split(QLatin1Char('\n'));
        const QString why = QStringLiteral("does not run the bridge (exit %1: %2)").arg(run.exitCode).arg(lines.back());
        if (unavailable)
            *unavailable = why;
        return Error(Error::Kind::Config, QStringLiteral("%1 %2").arg(m_project.python, why));
    }
    return {};
}

void AlembicBridge::addConfig(QJsonObject &request) const
{
    request.insert(QLatin1String("config"), m_project.iniPath);
    request.insert(QLatin1String("section"), m_project.section);
    request.insert(QLatin1String("x"), QJsonArray::fromStringList(m_project.x));
    request.insert(QLatin1String("argv"), QJsonArray::fromStringList(m_project.argv));
    const QJsonObject resolved = resolvedBridgeConfig(m_project.iniPath, m_project.section, m_project.tomlPath);
    if (!resolved.isEmpty())
        request.insert(QLatin1String("resolved"), resolved);
}

Result<ProcessOutcome> AlembicBridge::runProjectRequest(const QString &mode, QJsonObject request,
                                                       const std::atomic<bool> *cancel) const
{
    Result<std::unique_ptr<JsonLinesProcess>> process = offlineProcess(cancel);
    if (!process)
        return process.error();
    if (const Error e = process.value()->start())
        return e;
    request.insert(QLatin1String("mode"), mode);
    addConfig(request);
    return process.value()->finish(QJsonDocument(request).toJson(QJsonDocument::Compact));
}

Result<QString> AlembicBridge::renderTemplate(const QString &templatePath, const QJsonObject &values, bool merge,
                                              const std::atomic<bool> *cancel) const
{
    QJsonObject r;
    r.insert(QLatin1String("template"), templatePath);
    r.insert(QLatin1String("values"), values);
    r.insert(QLatin1String("merge"), merge);
    Result<ProcessOutcome> run = runProjectRequest(QStringLiteral("template"), r, cancel);
    if (!run)
        return run.error();
    if (const Error e = checkGreeting(run.value(), nullptr))
        return e;
    for (const QJsonObject &e : run->events)
        if (e.value(QLatin1String("event")).toString() == QLatin1String("rendered") && run->exitCode == 0)
            return e.value(QLatin1String("text")).toString();
    for (const QJsonObject &e : run->events)
        if (e.value(QLatin1String("event")).toString() == QLatin1String("template_error"))
            return pythonError(e.value(QLatin1String("error")).toObject(), QString(), Error::Kind::Config);
    return runError(run.value(), QStringLiteral("template"));
}

Result<AlembicBridge::Headers> AlembicBridge::readHeaders(const QStringList &paths, const std::atomic<bool> *cancel,
                                                          QString *unavailable) const
{
    QJsonObject r;
    r.insert(QLatin1String("paths"), QJsonArray::fromStringList(paths));
    Result<ProcessOutcome> run = runProjectRequest(QStringLiteral("headers"), r, cancel);
    if (!run)
        return run.error();
    if (const Error e = checkGreeting(run.value(), unavailable))
        return e;
    Headers headers;
    headers.exitCode = projectExit(run.value());
    if (run->exitCode != 0 && !headers.exitCode)
        headers.failure = runError(run.value(), QStringLiteral("headers"));
    headers.stderrText = QString::fromUtf8(run->stderrText);
    for (const QJsonObject &e : run->events) {
        const QString kind = e.value(QLatin1String("event")).toString();
        if (kind == QLatin1String("header"))
            headers.values.insert(e.value(QLatin1String("path")).toString(), e.value(QLatin1String("values")).toObject());
        else if (kind == QLatin1String("text"))
            headers.printed += e.value(QLatin1String("text")).toString();
    }
    return headers;
}

Result<BridgeOnlineResult> AlembicBridge::runOnline(const QVector<BridgeStep> &steps, const QString &url,
                                                    const std::function<void(const BridgeEvent &)> &onEvent,
                                                    const std::atomic<bool> *cancel,
                                                    const QList<QPair<QString, QString>> &environment,
                                                    const std::function<void()> &poll) const
{
    Result<QString> script = BridgeScript::path();
    if (!script)
        return script.error();
    BridgeOnlineResult result;
    ProcessRequest pr;
    pr.program = m_project.python;
    pr.arguments = {script.value()};
    pr.workDir = m_project.workDir;
    pr.environment.insert(urlVariable(), url);
    for (const auto &v : environment)
        pr.environment.insert(v.first, v.second);
    pr.onPoll = poll;
    pr.stdinData = request(QStringLiteral("online"), steps);
    pr.timeoutMs = m_project.timeoutMs;
    pr.cancel = cancel;
    pr.onEvent = [&](const QJsonObject &e) {
        const QString kind = e.value(QLatin1String("event")).toString();
        BridgeEvent ev;
        ev.index = e.value(QLatin1String("index")).toInt(-1);
        ev.revision = e.value(QLatin1String("revision")).toString();
        if (kind == QLatin1String("started")) {
            ev.kind = BridgeEvent::Kind::Started;
        } else if (kind == QLatin1String("text")) {
            ev.kind = BridgeEvent::Kind::Printed;
            ev.text = e.value(QLatin1String("text")).toString();
        } else if (kind == QLatin1String("finished")) {
            ev.kind = BridgeEvent::Kind::Finished;
            ++result.finishedSteps;
            for (const QJsonValue &h : e.value(QLatin1String("heads")).toArray())
                ev.headsAfter << h.toString();
        } else {
            return;
        }
        if (onEvent)
            onEvent(ev);
    };
    pr.onStderrLine = [&](const QString &line) {
        if (!onEvent)
            return;
        BridgeEvent ev;
        ev.kind = BridgeEvent::Kind::Log;
        ev.text = line;
        onEvent(ev);
    };
    Result<ProcessOutcome> run = runJsonLinesProcess(pr);
    if (!run)
        return run.error();
    result.log = QString::fromUtf8(run->stderrText);
    if (run->exitCode != 0) {
        // the failing step is the one started and not finished
        QString revision;
        for (const QJsonObject &e : run->events)
            if (e.value(QLatin1String("event")).toString() == QLatin1String("started"))
                revision = e.value(QLatin1String("revision")).toString();
        for (const QJsonObject &e : run->events)
            if (e.value(QLatin1String("event")).toString() == QLatin1String("error"))
                return pythonError(e.value(QLatin1String("error")).toObject(), revision, Error::Kind::Database);
        return runError(run.value(), QStringLiteral("online"));
    }
    return result;
}

} // namespace retort
