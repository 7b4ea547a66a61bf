#pragma once

#include "db/connectionsettings.h"
#include "db/versionstate.h"
#include "exec/migrationrunner.h"
#include "exec/runrecorder.h"
#include "journal/journalrecord.h"

#include <QString>
#include <QStringList>

#include <mutex>

namespace retort {

// What the journal knows of a run before it starts.
struct JournalContext {
    Operation operation;
    QString project;          // alembic.ini
    VersionTable versionTable;
    bool transactionPerMigration = false;
    ConnectionSettings connection;  // its password is never read here
    bool databaseTable = false;     // also write retort.journal, creating it when missing
    QString localDirectory;         // LocalJournal's folder; empty: the default
};

// "upgrade", "downgrade", "stamp", "reset-local", "restore".
QString operationName(Operation::Kind kind);
// host:port/database as libpq would fill in the defaults: the key by which
// `journal` and `verify` find a database's records.
QString databaseKey(const ConnectionSettings &connection);
// The user this process runs as.
QString osUserName();

// Records one run (RunRecorder): locally always, and in the database's
// retort.journal when asked or when that table exists (turning it on is
// for the database, for every Retort that migrates it): inside the run's transaction when the run has
// one (a rolled-back run never claims success there), after the run
// otherwise (transaction_per_migration, a run alembic executed, a failure).
class JournalRecorder : public RunRecorder {
public:
    explicit JournalRecorder(JournalContext context);

    Error recordInTransaction(const QSqlDatabase &db, const RunReport &report,
                              const QVector<PlannedStep> &steps) override;
    void recordFinished(const QSqlDatabase *db, const RunReport &report, const QVector<PlannedStep> &steps) override;

    // After the run: the record written, and what went wrong with the
    // journal itself (a file or table that could not be written).
    JournalRecord record() const;
    QStringList problems() const;

    // The record of a run, its bodies read from the revision files now.
    JournalRecord build(const RunReport &report, const QVector<PlannedStep> &steps) const;

private:
    // Asked for, or the table is already there (an error looking counts as there).
    bool wantsDatabase(const QSqlDatabase &db) const;

    JournalContext m_context;
    QString m_id;
    mutable std::mutex m_mutex;
    bool m_inTransaction = false;  // the row went into the run's transaction
    JournalRecord m_record;
    QStringList m_problems;
};

} // namespace retort
