#pragma once

#include "db/connectionsettings.h"
#include "exec/migrationrunner.h"
#include "risk/lockmode.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QVector>

#include <memory>

namespace retort {

class Connection;

// A relation a rehearsed step locked, or that the lock model said it would.
struct StepLock {
    QString relation;  // regclass text on the default search_path
    QString taken;     // the strongest pg_locks mode the step took; empty: none seen
    QString predicted; // app/core/risk's strongest mode for the step; empty: none
    bool invisible = false;  // made in the run's open transaction: a second session cannot see it
    // `taken` was held since an earlier step of the same transaction: taking
    // it again adds no pg_locks row, so this step's own taking is not seen
    bool heldBefore = false;
};

struct StepLocks {
    QString revision;
    // false: the step ran through alembic online, or the run stopped first
    bool observed = false;
    bool online = false;
    QVector<StepLock> locks;  // by relation
};

// What each step of a rehearsal locks on the scratch database, read from
// pg_locks by a second session once the step's last statement has run and
// before its COMMIT (RunOptions::afterStepStatements), beside what the lock
// model of app/core/risk predicts for the same plan. alembic's version table
// is left out. Use on the thread that runs the plan.
class StepLockWatch {
public:
    // Plans `operation` on `scratch` as it is now (before the run) and
    // predicts its locks.
    StepLockWatch(const ProjectContext &project, const ConnectionSettings &scratch, const StepRenderer &render,
                  const Operation &operation);
    ~StepLockWatch();

    // For RunOptions::afterStepStatements.
    void afterStep(int step, int backendPid);

    // One per planned step.
    const QVector<StepLocks> &steps() const { return m_steps; }
    // Why the locks could not be predicted or read; empty when they were.
    const QString &problem() const { return m_problem; }

private:
    std::unique_ptr<Connection> m_second;
    QString m_versionTable;
    bool m_perMigration = false;
    QVector<StepLocks> m_steps;
    QVector<QHash<QString, risk::LockMode>> m_predicted;  // by step, by relation
    QSet<QString> m_held;  // "relation mode" held after the last step observed, in the open transaction
    QString m_problem;
};

} // namespace retort
