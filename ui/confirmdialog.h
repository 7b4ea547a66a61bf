#pragma once

#include "applyplan.h"
#include "db/backup.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace retort::gui {

class BackupJob;

// The last look before a database changes: what runs (steps, engines,
// destructive statements), where (database, user, host), and a checklist
// that must be complete before Run is enabled: a backup exists (one can be
// taken here, its file and size recorded), the SQL was reviewed, application
// traffic is stopped; for a server not proven to run on this machine
// (Locality, never the URL's text) the database name must be typed. Nothing of it is remembered.
class ConfirmDialog : public QDialog {
    Q_OBJECT
public:
    ConfirmDialog(const ApplyPlan &plan, const LoadedProjectPtr &project, QWidget *parent = nullptr);
    ~ConfirmDialog() override;

    const ApplyPlan &plan() const { return m_plan; }
    // Everything on the checklist is done.
    bool isComplete() const;
    // For a reset of a database that is not local: the user insisted.
    bool forceReset() const;
    // For a recreate or restore: other sessions are ended rather than refused.
    bool disconnectOthers() const;
    // The database name typed to force that reset (Operation::forceDatabase), or empty.
    QString forcedDatabase() const;
    // The database the plan's connection reached (current_database()).
    QString targetDatabase() const;

    // Runs pg_dump of the target database into `file` on a worker thread;
    // "Back up now" asks for the file, then calls this.
    void startBackup(const QString &file);
    bool isBackingUp() const;
    // The backup taken here, when one finished.
    const BackupResult *backup() const { return m_backupDone ? &m_backup : nullptr; }

    // The parts, for tests and screenshots.
    QCheckBox *backupCheck() const { return m_backupCheck; }
    QCheckBox *reviewedCheck() const { return m_reviewedCheck; }
    QCheckBox *trafficCheck() const { return m_trafficCheck; }
    QCheckBox *forceCheck() const { return m_forceCheck; }
    QCheckBox *disconnectCheck() const { return m_disconnectCheck; }
    QLineEdit *typedNameEdit() const { return m_typedName; }
    QPushButton *runButton() const { return m_runButton; }
    QPushButton *backupButton() const { return m_backupButton; }
    QLabel *backupLabel() const { return m_backupLabel; }
    QLabel *destructiveLabel() const { return m_destructiveLabel; }
    QTreeWidget *stepList() const { return m_steps; }
    // The locks, findings and live blockers; the box to tick when a finding is an error.
    QLabel *riskLabel() const { return m_riskLabel; }
    QCheckBox *riskCheck() const { return m_riskCheck; }

signals:
    void backupFinished(bool ok);

private:
    QString riskText() const;
    QString findingsText() const;
    QWidget *createPlanPart(const LoadedProjectPtr &project);
    QWidget *createChecklist();
    void chooseBackupFile();
    void onBackupProgress(qint64 bytes);
    void onBackupFinished(bool ok, const BackupResult &result, const Error &error);
    void showScript();
    void updateRunButton();
    void reject() override;

    ApplyPlan m_plan;
    bool m_needsTypedName = false;
    bool m_needsForce = false;

    QTreeWidget *m_steps = nullptr;
    QLabel *m_destructiveLabel = nullptr;
    QLabel *m_riskLabel = nullptr;
    QCheckBox *m_riskCheck = nullptr;
    QCheckBox *m_backupCheck = nullptr;
    QPushButton *m_backupButton = nullptr;
    QProgressBar *m_backupProgress = nullptr;
    QLabel *m_backupLabel = nullptr;
    QCheckBox *m_reviewedCheck = nullptr;
    QCheckBox *m_trafficCheck = nullptr;
    QLineEdit *m_typedName = nullptr;
    QCheckBox *m_forceCheck = nullptr;
    QCheckBox *m_disconnectCheck = nullptr;
    QPushButton *m_runButton = nullptr;

    BackupJob *m_backupJob = nullptr;
    BackupResult m_backup;
    bool m_backupDone = false;
};

// "12.3 MB"
QString formatBytes(qint64 bytes);

} // namespace retort::gui
