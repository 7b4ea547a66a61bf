#pragma once

#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace retort {

// One step of a recorded run.
struct JournalStep {
    QString kind;        // "upgrade", "downgrade", "stamp"
    QString revision;    // the revision whose function ran; empty for stamps
    QStringList from;
    QStringList to;
    QString outcome;     // "committed", "rolled back", "failed", "cancelled", "not run"
    QString engine;      // "native" (Retort sent the SQL) or "python" (alembic online)
    QString file;        // the revision file
    // The revision file's upgrade(), downgrade() and module-level code when
    // the run was recorded (RevisionBodies): SHA-256 hex and the text itself.
    // Records written before the module-level code was kept have none.
    QString upgradeSha256;
    QString downgradeSha256;
    QString moduleSha256;
    QString upgradeText;
    QString downgradeText;
    QString moduleText;
    QString bodyError;   // why they could not be read, when they could not

    bool operator==(const JournalStep &o) const;
};

// One apply, rollback, stamp or reset, as the journal keeps it: locally as
// one line of JSON (LocalJournal), in a database as one row whose `record`
// column holds the same JSON (DatabaseJournal). Never a password.
struct JournalRecord {
    static constexpr int kFormat = 1;

    QString id;              // a UUID, the same locally and in the database
    QDateTime startedAt;     // UTC, milliseconds
    qint64 durationMs = 0;
    QString operation;       // "upgrade", "downgrade", "stamp", "reset-local"
    QStringList targets;
    QString outcome;         // "succeeded", "failed", "cancelled"
    QString osUser;
    QString databaseUser;    // current_user, else the user the connection asked for
    QString clientHost;      // the machine Retort ran on
    QString databaseKey;     // host:port/database, the key `journal` and `verify` select by
    // databasejournal::identity() after the run: tells this database from
    // another one later reached by the same key. Empty when not read.
    QString databaseIdentity;
    QString server;          // ConnectionSettings::describe(): user@host:port/db
    QString project;         // alembic.ini
    QString versionTable;
    bool transactionPerMigration = false;
    QStringList headsBefore;
    QStringList headsAfter;
    // readVersionRowWrites() when the run started and after it: which
    // transaction last wrote each version row. Chained run to run they show
    // the rows written outside Retort in between, even back to the same
    // values (verifyApplied). Unset when not read (older records, no connection).
    std::optional<QStringList> rowWritesBefore;
    std::optional<QStringList> rowWritesAfter;
    QString sqlSha256;       // RunReport::sqlSha256
    int statementsSent = 0;
    QString error;           // the error text, with its causes
    QString sqlState;
    // Where the database's copy went: "" (not asked for), "in the run's
    // transaction", "after the run", or why it could not be written.
    QString inDatabase;
    QVector<JournalStep> steps;

    QJsonObject toJson() const;
    // Error when `json` is not a record of a format this build reads.
    static Result<JournalRecord> fromJson(const QJsonObject &json);
    // Compact JSON text, one line.
    QByteArray toLine() const;

    bool operator==(const JournalRecord &o) const;
};

// A run as people read it: a headline (when, what, outcome, duration, who,
// `source`), then the database, version rows, SQL hash, one line per step
// and the error. What `retort journal` prints and the window's journal shows.
QString describeRecord(const JournalRecord &record, const QString &source);

} // namespace retort
