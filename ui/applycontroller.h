#pragma once

#include "applyplan.h"
#include "db/backup.h"
#include "db/environmentkind.h"
#include "exec/executor.h"
#include "graph/dbstate.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QAction;
class QThread;
class QWidget;

namespace retort {
struct JournalContext;
}

namespace retort::gui {

class ConfirmDialog;
class RestoreJob;
class RunView;

// The guarded apply flow: actions (upgrade or downgrade to the selected
// revision, stamp, reset a local database, recreate it and upgrade to the
// selected revision, restore the backup the confirmation just took) that plan on a worker from the
// database's own rows, show the plan and a checklist (ConfirmDialog), run it
// on the executor's thread (RunView), then ask the window to read the
// database again. What it needs of the window comes through Context, so the
// window only constructs it and places its actions.
class ApplyController : public QObject {
    Q_OBJECT
public:
    // The database the actions target, as far as it was read.
    struct TargetDatabase {
        QString name;  // empty: no database is configured
        // Its state on the loaded project's graph; null while unknown.
        const DatabaseGraphState *state = nullptr;
        QString unknownReason;  // why it is unknown: still reading, the read's error
        EnvironmentKind kind = EnvironmentKind::Development;  // SavedConnection::kind
    };

    struct Context {
        std::function<LoadedProjectPtr()> project;
        // The database the actions target, with any session password; an
        // error when none is configured.
        std::function<Result<ConnectionSettings>()> connection;
        // What is known of that database now.
        std::function<TargetDatabase()> database;
        // The selected revision's id, empty for none.
        std::function<QString()> selectedRevision;
        // Read the database again and redraw its state on the graph.
        std::function<void()> refreshDatabase;
        // Whether runs on the target database also go to its retort.journal
        // (SavedConnection::journalInDatabase); unset: only locally.
        std::function<bool()> journalInDatabase;
    };

    ApplyController(Context context, QWidget *window);
    ~ApplyController() override;

    QAction *upgradeAction() const { return m_upgrade; }
    QAction *downgradeAction() const { return m_downgrade; }
    QAction *stampAction() const { return m_stamp; }
    QAction *resetAction() const { return m_reset; }
    QAction *recreateAction() const { return m_recreate; }
    QAction *restoreAction() const { return m_restore; }
    QList<QAction *> actions() const;

    // Plans `operation` in the background, then opens the confirmation.
    void start(const Operation &operation);
    bool isBusy() const;

    // The open confirmation / the last run's view (for tests and screenshots).
    ConfirmDialog *confirmDialog() const;
    RunView *runView() const;
    // The last planning error, when planning failed.
    const Error &planError() const { return m_planError; }

public slots:
    // Enables the actions from the selection and the database's state, each
    // disabled one saying why in its tooltip; call when either changes.
    void updateActions();

signals:
    void planningFinished(bool ok);
    void confirmationOpened(retort::gui::ConfirmDialog *dialog);
    void runStarted(retort::gui::RunView *view);
    void runFinished(const retort::RunReport &report);
    void restoreFinished(const retort::RunReport &report);

private:
    void upgradeToSelected();
    void downgradeToSelected();
    void askStamp();
    void resetLocal();
    void recreateToSelected();
    void restoreLastBackup();
    void restore(const ApplyPlan &plan);
    JournalContext journalFor(const ApplyPlan &plan) const;
    void onPlanned(quint64 request, const Result<ApplyPlan> &plan);
    void openConfirmation(const ApplyPlan &plan);
    void run(const ApplyPlan &plan, const QString &backupNote);
    void showError(const QString &title, const Error &error);

    Context m_context;
    QWidget *m_window = nullptr;
    QAction *m_upgrade = nullptr;
    QAction *m_downgrade = nullptr;
    QAction *m_stamp = nullptr;
    QAction *m_reset = nullptr;
    QAction *m_recreate = nullptr;
    QAction *m_restore = nullptr;

    QThread *m_planThread = nullptr;
    quint64 m_request = 0;
    Error m_planError;
    LoadedProjectPtr m_planProject;  // the project the plan was made for
    QPointer<ConfirmDialog> m_dialog;
    QPointer<RunView> m_runView;
    RestoreJob *m_restoreJob = nullptr;
    // The last backup a confirmation took, and of which database (the
    // target's name, as the window knows it).
    std::optional<BackupResult> m_lastBackup;
    QString m_lastBackupOf;
};

} // namespace retort::gui
