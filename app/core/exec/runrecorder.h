#pragma once

#include "error.h"
#include "exec/plannedstatements.h"

#include <QVector>

class QSqlDatabase;

namespace retort {

struct RunReport;

// Told about every run the executor makes, so that it can be recorded (the
// journal implements it; the executor only sees this interface). Both calls
// happen on the executor's thread.
class RunRecorder {
public:
    virtual ~RunRecorder() = default;

    // A run in one transaction (the default mode), on the run's connection,
    // inside that transaction, right before its COMMIT: what is written here
    // commits or rolls back with the migration. `report` is the report the
    // run will give if the COMMIT succeeds. An error fails the run, which is
    // then rolled back.
    virtual Error recordInTransaction(const QSqlDatabase &db, const RunReport &report,
                                      const QVector<PlannedStep> &steps) = 0;

    // Every run, once, when it has ended (committed or rolled back): `db` is
    // its connection, outside any transaction and still holding the
    // migration lock, or nullptr when there is none (it never opened, or was
    // lost). `steps` are the steps planned under the lock (empty when the
    // run failed before planning).
    virtual void recordFinished(const QSqlDatabase *db, const RunReport &report,
                                const QVector<PlannedStep> &steps) = 0;
};

} // namespace retort
