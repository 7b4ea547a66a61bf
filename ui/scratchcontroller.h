#pragma once

#include "scratchworker.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QAction;
class QMenu;

namespace retort::gui {

class MainWindow;
class SchemaPane;
class ScratchDialog;

// The scratch-database tools in the window: "Check Consistency…", "Compare
// With Files (Drift)…" and "Rehearse…" in the Database menu and the
// history's context menu, each run on a ScratchWorker with progress, Cancel
// and its result in a ScratchDialog, in the command line's words; the Schema
// tab of the detail pane (SchemaPane, one or two selected rows); and the
// drift badge on a database's marker, from a comparison that found
// differences until a clean one or until its version rows change.
class ScratchController : public QObject {
    Q_OBJECT
public:
    // Adds its actions to `menu` and the history's context menu, its tab to
    // the detail pane.
    ScratchController(MainWindow *window, QMenu *menu);
    ~ScratchController() override;

    QAction *checkAction() const { return m_check; }
    QAction *driftAction() const { return m_drift; }
    QAction *rehearseAction() const { return m_rehearse; }
    SchemaPane *schemaPane() const { return m_schema; }
    // The dialog of the run in progress or the last one, while it is open.
    ScratchDialog *dialog() const;
    bool isBusy() const { return m_worker != nullptr; }

public slots:
    void updateActions();

signals:
    void runStarted(retort::gui::ScratchDialog *dialog);
    void runFinished();

private:
    // Runs `task` on a new worker and shows its dialog; `done` fills the
    // dialog once it ends (error: the scratch database or Cancelled).
    void startRun(const QString &title, const ScratchRequest &request, ScratchWorker::Task task,
                  std::function<void(ScratchDialog *, const Error &)> done);
    void check();
    void drift();
    void rehearse();
    void showSchema();
    void onDatabaseRead(const QString &name);
    // The drift badges on the graph from m_drifted.
    void showDrift();
    // The scratch request for a job that stands in for the active database.
    ScratchRequest requestForActive() const;
    QString selectedRevision() const;

    MainWindow *m_window = nullptr;
    QAction *m_check = nullptr;
    QAction *m_drift = nullptr;
    QAction *m_rehearse = nullptr;
    SchemaPane *m_schema = nullptr;
    ScratchWorker *m_worker = nullptr;
    QPointer<ScratchDialog> m_dialog;
    QString m_projectIni;
    // Databases whose last comparison found drift, with their version rows then.
    QHash<QString, QStringList> m_drifted;
};

} // namespace retort::gui
