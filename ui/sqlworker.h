#pragma once

#include "loadedproject.h"
#include "render/destructive.h"
#include "render/stepsql.h"
#include "risk/scriptrisk.h"
#include "searchindex.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <memory>

namespace retort {
class PlanRenderer;
class RevisionRenderer;
}

namespace retort::gui {

// One SQL text for the pane: a step body or a whole script, with the engine
// that produced it and its destructive statements (offsets into `text`).
struct SqlScript {
    bool ok = false;
    QString text;          // the SQL, or empty when it could not be rendered
    QString engine;        // "native", "alembic (Python)", or "needs Python: reason (file:line)"
    QString problem;       // why there is no SQL, for the pane to show
    // Not a failure: the step raises on purpose (StepRaise::note), `text` is
    // what it emits before the raise; alembic fails there.
    QString irreversible;
    QVector<DestructiveStatement> destructive;
    QVector<risk::ScriptStatementRisk> risks;  // the lock model's reading of each statement
};

// A revision's upgrade and downgrade bodies.
struct RevisionSql {
    int node = -1;
    SqlScript upgrade;
    SqlScript downgrade;
};

// Renders SQL off the GUI thread: a revision's bodies when it is selected, a
// whole upgrade or downgrade script for the range preview, and, in the
// background, which revisions need Python to render. Lives on SqlSession's
// thread; answers by signals that reach the GUI queued.
class SqlWorker : public QObject {
    Q_OBJECT
public:
    explicit SqlWorker(std::shared_ptr<std::atomic<quint64>> latestScan, QObject *parent = nullptr);
    ~SqlWorker() override;

    // The single place that turns one step into SQL text: alembic's statement
    // chunks ("stmt;" and a blank line), as `upgrade <parent>:<rev> --sql` prints them.
    // Native first; a step the native engine refuses goes through the alembic
    // bridge (the project's own Python), and the engine line says so and why.
    static SqlScript stepScript(PlanRenderer &renderer, const LoadedProject &project, int node, bool upgrade,
                                const std::atomic<bool> *cancel = nullptr);
    // Set before the worker moves to its thread: when it becomes true, a bridge
    // run in progress stops (the window is closing).
    void setCancelFlag(std::shared_ptr<std::atomic<bool>> cancel) { m_cancel = std::move(cancel); }
    // A PlanRenderer (native, then the bridge) for a project.
    static std::unique_ptr<PlanRenderer> planRendererFor(const LoadedProject &project);
    // The script a database at `heads` would get to reach `target` (upgrade when
    // the target is not applied, downgrade when it is): exactly the statements
    // apply sends, from the executor's own plan (MigrationRunner::plan, then
    // statementsFor), bodies native first and through the bridge otherwise.
    static SqlScript rangeScript(PlanRenderer &renderer, const LoadedProjectPtr &project, const QStringList &heads,
                                 bool versionTableExists, const QString &target, bool downgrade);

public slots:
    void renderRevision(quint64 request, const retort::gui::LoadedProjectPtr &project, int node);
    void renderRange(quint64 request, const retort::gui::LoadedProjectPtr &project, const QStringList &heads,
                     bool versionTableExists, const QString &target, bool downgrade);
    void scanNeedsPython(quint64 request, const retort::gui::LoadedProjectPtr &project);

signals:
    void revisionRendered(quint64 request, const retort::gui::RevisionSql &sql);
    void rangeRendered(quint64 request, const retort::gui::SqlScript &script);
    // Revisions scanned so far, about a hundred times per scan.
    void needsPythonProgressed(quint64 request, qint64 done, qint64 total);
    // Graph indices whose upgrade() the native renderer cannot render, the
    // project's search index with what each rendered upgrade names
    // (risk::touchedObjects), and per graph index the note of a downgrade()
    // that raises on purpose (StepRaise::note; empty: none known).
    void needsPythonScanned(quint64 request, const QVector<int> &nodes, const retort::gui::SearchIndexPtr &search,
                            const QStringList &irreversible);

private:
    PlanRenderer &planRendererFor(const LoadedProjectPtr &project);

    std::shared_ptr<std::atomic<quint64>> m_latestScan;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    LoadedProjectPtr m_planProject;  // kept alive: the PlanRenderer refers to its graph and scripts
    std::unique_ptr<PlanRenderer> m_planRenderer;
};

} // namespace retort::gui

Q_DECLARE_METATYPE(retort::gui::RevisionSql)
Q_DECLARE_METATYPE(retort::gui::SqlScript)
