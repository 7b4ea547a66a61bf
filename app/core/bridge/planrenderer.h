#pragma once

#include "bridge/alembicbridge.h"
#include "bridge/interpreterfinder.h"
#include "bridge/printscan.h"
#include "graph/migrationplan.h"
#include "render/bodyevaluator.h"
#include "render/stepsql.h"
#include "result.h"

#include <QString>
#include <QVector>

#include <atomic>
#include <memory>
#include <optional>

namespace retort {

class RevisionGraph;
class RevisionRenderer;
struct RevisionScript;

// Which engine renders step bodies.
enum class EnginePolicy {
    Auto,    // native first, the alembic bridge for the steps the native engine refuses
    Native,  // never the bridge: a step that needs Python fails with the reason
    Python,  // every step through the bridge
};

std::optional<EnginePolicy> parseEnginePolicy(const QString &name);
QString enginePolicyName(EnginePolicy policy);

struct PlanRenderSettings {
    EnginePolicy policy = EnginePolicy::Auto;
    // What context.is_offline_mode() answers to the native engine: Offline
    // for --sql and the SQL tabs, Online for a run against a database. In
    // Online mode a step the native engine refuses is a python-online step
    // (StepSql::online): alembic runs it online, and its body here is
    // alembic's offline SQL for display (an offline failure does not fail
    // the plan, the body then holds what the step wrote and a note).
    RenderMode mode = RenderMode::Offline;
    // How the bridge runs the project. An empty `bridge.python` is looked up
    // with `interpreter` the first time the bridge is needed.
    BridgeProject bridge;
    InterpreterQuery interpreter;
    // --sql of a project that prints outside its steps: the bridge runs
    // env.py even when every step renders natively, for PlanSql::frame.
    ProjectPrints prints;
};

// Every planned step's body, or where rendering stopped.
struct PlanSql {
    QVector<StepSql> steps;  // one per planned step up to failedStep (stamps: empty native bodies)
    // The first step that could not be rendered, -1 when all were. When the
    // bridge ran it and alembic failed, or the step raises on purpose
    // (steps[failedStep].raised, rendered natively), steps[failedStep].body
    // holds what the step wrote before the error (alembic's own output stops
    // there) and `error` is alembic's exception.
    int failedStep = -1;
    bool failedInBridge = false;
    bool bridgeRunFailed = false;  // the bridge as a whole failed (env.py, start): no step ran
    Error error;
    Interpreter interpreter;  // set when the bridge ran
    OfflineFrame frame;       // what env.py and the revision modules printed (PlanRenderSettings::prints)

    // The failed step's raise when it raises on purpose, else nullptr.
    const StepRaise *raised() const
    {
        return failedStep >= 0 && failedStep < steps.size() && steps[failedStep].raised ? &*steps[failedStep].raised
                                                                                         : nullptr;
    }
};

// How one revision function is rendered, for `retort engines` and the graph.
struct EngineVerdict {
    int revision = -1;
    bool upgrade = true;
    RenderEngine engine = RenderEngine::Native;
    bool available = true;  // false: needs Python and the policy is native
    QString reason;         // "file:line: revision x needs Python to render (...)"; native: its order note
    QString file;
    int line = 0;
    // Native: the function raises on purpose (irreversible); alembic renders
    // nothing for it but fails, so it is not a function either engine renders.
    std::optional<StepRaise> raised;
};

// Gives each planned step its StepSql: native first (RevisionRenderer), then
// the bridge in ONE batch for the steps the native engine refused, under an
// EnginePolicy. Runs processes: use it from a worker thread or the CLI.
class PlanRenderer {
public:
    PlanRenderer(const RevisionGraph &graph, const QVector<RevisionScript> &scripts, PlanRenderSettings settings);
    ~PlanRenderer();

    PlanSql render(const QVector<MigrationStep> &steps, const std::atomic<bool> *cancel = nullptr);

    // Without running anything: which engine would render the revision's
    // upgrade() or downgrade() under the policy, and why.
    EngineVerdict verdict(int revision, bool upgrade);

private:
    BridgeProject bridgeProject() const;

    const RevisionGraph &m_graph;
    const QVector<RevisionScript> &m_scripts;
    PlanRenderSettings m_settings;
    std::unique_ptr<RevisionRenderer> m_native;
    std::optional<Interpreter> m_interpreter;  // the one that worked, kept for the next render()
};

} // namespace retort
