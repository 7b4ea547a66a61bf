#include "planrenderer.h"

#include "graph/revisiongraph.h"
#include "project/revisionscript.h"
#include "bridge/bridgeprocess.h"
#include "render/revisionrenderer.h"

namespace retort {

namespace {

QString locatedReason(const Error &e)
{
    return e.where().line > 0 ? QStringLiteral("%1:%2: %3").arg(e.where().file).arg(e.where().line).arg(e.message())
                              : e.message();
}

// Online mode: the python-online steps' offline SQL is only shown, so a
// bridge that cannot render offline (an env.py without an offline branch or
// URL) leaves a note instead of failing the plan.
PlanSql displayOnly(PlanSql &out, const QVector<int> &steps, const Error &why)
{
    for (int i : steps)
        out.steps[i].body = {SqlStatement::statement(
            QStringLiteral("-- alembic could not render this step offline (%1); it runs through alembic online")
                .arg(why.message().simplified().left(300)))};
    return out;
}

} // namespace

std::optional<EnginePolicy> parseEnginePolicy(const QString &name)
{
    if (name == QLatin1String("auto"))
        return EnginePolicy::Auto;
    if (name == QLatin1String("native"))
        return EnginePolicy::Native;
    if (name == QLatin1String("python"))
        return EnginePolicy::Python;
    return std::nullopt;
}

QString enginePolicyName(EnginePolicy policy)
{
    switch (policy) {
    case EnginePolicy::Auto:
        return QStringLiteral("auto");
    case EnginePolicy::Native:
        return QStringLiteral("native");
    case EnginePolicy::Python:
        return QStringLiteral("python");
    }
    return {};
}

PlanRenderer::PlanRenderer(const RevisionGraph &graph, const QVector<RevisionScript> &scripts,
                           PlanRenderSettings settings)
    : m_graph(graph), m_scripts(scripts), m_settings(std::move(settings)),
      m_native(std::make_unique<RevisionRenderer>())
{
    if (m_settings.interpreter.iniPath.isEmpty())
        m_settings.interpreter.iniPath = m_settings.bridge.iniPath;
}

PlanRenderer::~PlanRenderer() = default;

EngineVerdict PlanRenderer::verdict(int revision, bool upgrade)
{
    EngineVerdict v;
    v.revision = revision;
    v.upgrade = upgrade;
    const RevisionNode &node = m_graph.node(revision);
    const RevisionScript &script = m_scripts[node.script];
    if (m_settings.policy == EnginePolicy::Python) {
        v.engine = RenderEngine::Python;
        v.reason = QStringLiteral("--engine python");
        v.file = script.path;
        v.line = upgrade ? script.upgradeLine : script.downgradeLine;
        return v;
    }
    Result<StepBody> body = m_native->render(script.path, node.id, upgrade, m_settings.mode, &v.raised);
    if (body && v.raised) {
        v.file = v.raised->file;
        v.line = v.raised->line;
        v.reason = QStringLiteral("%1:%2: raises %3 (irreversible: alembic fails there)")
                       .arg(v.file)
                       .arg(v.line)
                       .arg(v.raised->text());
        return v;
    }
    if (body) {
        for (const SqlStatement &s : body.value())
            if (!s.orderNote.isEmpty()) {
                v.file = script.path;
                v.line = s.line;
                v.reason = QStringLiteral("%1:%2: %3").arg(script.path).arg(s.line).arg(s.orderNote);
                break;
            }
        return v;
    }
    v.engine = RenderEngine::Python;
    v.available = m_settings.policy != EnginePolicy::Native;
    v.reason = locatedReason(body.error());
    v.file = body.error().where().file;
    v.line = body.error().where().line;
    return v;
}

BridgeProject PlanRenderer::bridgeProject() const
{
    BridgeProject project = m_settings.bridge;
    project.loadAllRevisions = !m_settings.prints.revisionWhere.isEmpty();
    return project;
}

PlanSql PlanRenderer::render(const QVector<MigrationStep> &steps, const std::atomic<bool> *cancel)
{
    PlanSql out;
    out.steps.resize(steps.size());
    QVector<int> viaBridge;
    QVector<BridgeStep> bridgeSteps;
    QVector<Error> nativeErrors(steps.size());
    // Python starts at the first step that needs it and imports alembic while
    // the native engine renders the rest.
    std::unique_ptr<JsonLinesProcess> pending;
    QString pendingPython;
    bool prestarted = false;
    auto prestart = [&] {
        if (prestarted)
            return;
        prestarted = true;
        pendingPython = m_interpreter ? m_interpreter->path : m_settings.bridge.python;
        for (const InterpreterAttempt &a : InterpreterFinder::candidates(m_settings.interpreter)) {
            if (!pendingPython.isEmpty())
                break;
            if (InterpreterFinder::precheck(a.path).isEmpty())
                pendingPython = a.path;
        }
        if (pendingPython.isEmpty())
            return;
        BridgeProject project = bridgeProject();
        project.python = pendingPython;
        pending = AlembicBridge(project).startOffline(cancel);
    };
    auto takePending = [&](const QString &python) {
        return python == pendingPython ? std::move(pending) : std::unique_ptr<JsonLinesProcess>();
    };

    int raisedStep = -1;
    for (int i = 0; i < steps.size() && raisedStep < 0; ++i) {
        const MigrationStep &step = steps[i];
        if (step.kind == MigrationStep::Kind::Stamp || step.revision < 0)
            continue;
        const RevisionNode &node = m_graph.node(step.revision);
        const RevisionScript &script = m_scripts[node.script];
        const bool upgrade = step.kind == MigrationStep::Kind::Upgrade;
        StepSql &sql = out.steps[i];
        if (m_settings.policy != EnginePolicy::Python) {
            Result<StepBody> body = m_native->render(script.path, node.id, upgrade, m_settings.mode, &sql.raised);
            if (body) {
                sql.body = std::move(body.value());
                if (sql.raised) {
                    // alembic stops there: nothing after it is rendered
                    raisedStep = i;
                    out.steps.resize(i + 1);
                    out.failedStep = i;
                    out.error = sql.raised->alembicError();
                }
                continue;
            }
            if (m_settings.policy == EnginePolicy::Native) {
                out.steps.resize(i + 1);
                out.failedStep = i;
                out.error = body.error();
                return out;
            }
            nativeErrors[i] = body.error();
            sql.reason = locatedReason(body.error());
        } else {
            sql.reason = QStringLiteral("--engine python");
        }
        sql.engine = RenderEngine::Python;
        sql.online = m_settings.mode == RenderMode::Online;
        prestart();
        viaBridge << i;
        bridgeSteps.append({node.id, upgrade, step.headsBefore, script.path});
    }
    if (viaBridge.isEmpty() && !m_settings.prints.any())
        return out;

    // The bridge is its own interpreter check: each candidate in turn runs the
    // batch, and one that cannot import alembic says so before reading it.
    Result<BridgeOfflineSql> rendered = Error(Error::Kind::Config, QString());
    bool ran = false;
    if (m_interpreter) {
        out.interpreter = *m_interpreter;
    } else if (!m_settings.bridge.python.isEmpty()) {
        out.interpreter.path = m_settings.bridge.python;
        out.interpreter.origin = m_settings.interpreter.explicitOrigin;
    } else {
        QVector<InterpreterAttempt> rejected;
        for (InterpreterAttempt attempt : InterpreterFinder::candidates(m_settings.interpreter)) {
            attempt.failure = InterpreterFinder::precheck(attempt.path);
            if (attempt.failure.isEmpty()) {
                BridgeProject project = bridgeProject();
                project.python = attempt.path;
                rendered = AlembicBridge(project).renderOffline(bridgeSteps, cancel, &attempt.failure,
                                                                takePending(attempt.path));
                if (attempt.failure.isEmpty()) {
                    ran = true;
                    out.interpreter = {attempt.path, attempt.origin, rejected};
                    m_interpreter = out.interpreter;
                    break;
                }
            }
            rejected.append(attempt);
        }
        if (!ran && m_settings.mode == RenderMode::Online)
            return displayOnly(out, viaBridge, InterpreterFinder::noneFound(rejected));
        if (!ran) {
            const int first = viaBridge.value(0);
            out.steps.resize(first + 1);
            out.failedStep = first;
            out.error = InterpreterFinder::noneFound(rejected);
            if (!viaBridge.isEmpty() && nativeErrors[first])
                out.error.causedBy(nativeErrors[first]);
            return out;
        }
    }
    if (!ran) {
        BridgeProject project = bridgeProject();
        project.python = out.interpreter.path;
        rendered = AlembicBridge(project).renderOffline(bridgeSteps, cancel, nullptr, takePending(project.python));
    }
    if (!rendered && m_settings.mode == RenderMode::Online)
        return displayOnly(out, viaBridge, rendered.error());
    if (!rendered) {
        const int first = viaBridge.value(0);
        out.steps.resize(first + 1);
        out.failedStep = first;
        out.failedInBridge = true;
        out.bridgeRunFailed = true;
        out.error = rendered.error();
        return out;
    }
    out.frame = rendered.value().frame;
    for (int k = 0; k < viaBridge.size(); ++k) {
        const int i = viaBridge[k];
        BridgeStepSql &r = rendered.value().steps[k];
        out.steps[i].body = std::move(r.body);
        if (r.error && out.steps[i].online) {
            // only for display: alembic runs this step online, where the
            // branch that failed offline (a read through op.get_bind()) works
            out.steps[i].body.append(SqlStatement::statement(
                QStringLiteral("-- alembic's offline rendering of this step stopped here: %1")
                    .arg(r.error.message().simplified())));
            continue;
        }
        if (r.error) {
            out.steps.resize(i + 1);
            out.failedStep = i;
            out.failedInBridge = true;
            out.error = r.error;
            return out;
        }
    }
    return out;
}

} // namespace retort
