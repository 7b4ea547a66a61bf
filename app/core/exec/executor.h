#pragma once

#include "db/connectionsettings.h"
#include "db/versionstate.h"
#include "exec/plannedstatements.h"
#include "error.h"
#include "graph/migrationplan.h"
#include "result.h"

#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

class QThread;

namespace retort {

class RunRecorder;

// How the executor runs python-online steps (StepSql::online): through
// alembic online, in the project's own env.py, against the run's database.
// The bridge implements it (bridge/onlinesteprunner.h); the executor only
// sees this interface.
struct PythonRunEvents {
    std::function<void(int index)> started;  // index into the steps given
    std::function<void(int index, const QStringList &heads)> finished;
    std::function<void(const QString &line)> log;  // alembic's log, one line
    std::function<void(const QString &text)> printed;  // what env.py or a step print()ed (alembic's stdout)
    // Called every few milliseconds on the caller's thread while alembic
    // runs; the executor cancels the bridge's statement from here.
    std::function<void()> poll;
};
// The session the bridge's connection should have, like Retort's own.
struct PythonRunSession {
    QString applicationName;  // unique: its backend is found (and cancelled) in pg_stat_activity
    std::optional<int> lockTimeoutMs;
    std::optional<int> statementTimeoutMs;
    // The migration lock the run holds (MigrationLock): each connection of
    // the child takes `childLockKey` shared before anything else, and before
    // each COMMIT checks that backend `lockPid` still holds `lockKey`.
    int lockPid = 0;
    qint64 lockKey = 0;
    qint64 childLockKey = 0;
};
struct PythonRunResult {
    int finishedSteps = 0;
    Error error;  // alembic's error (revision, file, line), or the bridge's
};
// `kill` stops the child process.
using PythonStepRunner = std::function<PythonRunResult(const QVector<PlannedStep> &steps,
                                                       const PythonRunSession &session,
                                                       const PythonRunEvents &events,
                                                       const std::atomic<bool> *kill)>;

// Whether to wait for another Retort holding the migration lock of the same
// version table, or to refuse at once naming the holder.
enum class LockWait { Wait, NoWait };

// How a run should behave; shared by the runner, the CLI and the GUI.
struct RunOptions {
    bool transactionPerMigration = false;  // env.py's transaction_per_migration
    std::optional<int> lockTimeoutMs;      // SET lock_timeout (also bounds the wait for the migration lock)
    std::optional<int> statementTimeoutMs; // SET statement_timeout
    LockWait lockWait = LockWait::Wait;
    // Called on the executor's thread once a step's last statement (body
    // and version rows) has run, before its COMMIT or the run's, with the
    // pid of the run's backend; may be unset. --rehearse reads the locks the
    // step holds then. Not called for steps alembic runs online.
    std::function<void(int step, int backendPid)> afterStepStatements;
};

// The version-row changes are computed from the rows the database holds
// when the run starts (under the migration lock). `replan` lets the runner
// plan from those rows; without it `steps` run as given, and when
// `expectedHeads` is set a database whose rows differ is refused.
// Given whether the run was cancelled, where its log lines go, and what to
// call once the database is dropped (from then on no failure may say the
// database is as it was: RunReport::databaseDropped).
using RunPrepare =
    std::function<Error(const std::function<bool()> &cancelled, const std::function<void(const QString &)> &log,
                        const std::function<void()> &dropped)>;

struct RunRequest {
    ConnectionSettings connection;
    VersionTable versionTable;
    bool versionTablePk = true;
    RunOptions options;
    QVector<PlannedStep> steps;
    bool purge = false;  // stamp --purge: delete every version row before the steps
    std::optional<QStringList> expectedHeads;
    // Called on the executor's thread with the rows read under the lock; the
    // steps it returns replace `steps`. Must only read shared data.
    std::function<Result<QVector<PlannedStep>>(const VersionState &)> replan;
    // Runs the python-online steps. With transaction_per_migration each
    // consecutive run of them is handed to it (Retort runs the rest); in the
    // default mode a run with any such step is handed to it WHOLE, so that
    // alembic runs everything in its one transaction. Retort's own
    // connection holds the migration lock meanwhile. Unset: such a run fails.
    PythonStepRunner pythonRunner;
    // Told when the run commits and when it ends (the journal); may be unset.
    std::shared_ptr<RunRecorder> recorder;
    // Runs first, on the executor's thread, before the run connects: a
    // reset's drop and create of the database. Its error fails the run.
    RunPrepare prepare;
};

struct RunProgress {
    int step = 0;           // 1-based index of the running step; 0 before the first
    int stepCount = 0;
    QString revision;
    QString stepLog;        // MigrationStep::shortLog()
    int statement = 0;      // 1-based within the step (body then version-row statements)
    int statementCount = 0;
    QString statementText;
    qint64 elapsedMs = 0;   // since run() started
};

struct RunReport {
    bool ok = false;
    bool cancelled = false;
    // SQLSTATE in error.sqlState(); where() carries revision, file, line of
    // the op call and statementOffset (the server's error position in the
    // statement, 0-based) when known.
    Error error;
    QString failedStatement;    // the statement that failed, as sent
    // Its index in the run's statements (statementsFor(), RunPreview::statements),
    // so a view can place it even when the same text appears twice; -1 outside them.
    int failedStatementIndex = -1;
    int stepsCommitted = 0;     // steps whose effects are in the database
    int stepCount = 0;
    QStringList headsBefore;    // version rows when the run started
    // readVersionRowWrites() when the run started, under the lock (unset
    // when it could not be read): the journal chains runs by it.
    std::optional<QStringList> rowWritesBefore;
    QStringList headsAfter;     // version rows when the run ended (re-read)
    QStringList log;            // the lines logLine() emitted
    qint64 elapsedMs = 0;
    // For the journal: when the run started (UTC), who the server says we
    // are, the SHA-256 (hex) of the statements Retort sent in order (each
    // followed by ";\n"; alembic's own statements in bridged steps are not
    // in it), and the index of the step running when the run failed: -1
    // before the first step, the step count when the final COMMIT failed.
    QDateTime startedAt;
    QString databaseUser;       // current_user
    QString database;           // current_database()
    QString sqlSha256;
    int statementsSent = 0;
    int failedStep = -1;
    // A restore or recreate dropped the database before it failed: the
    // failure cannot say "not changed".
    bool databaseDropped = false;
    // Statements that ran outside a transaction (autocommit blocks): they
    // stay whatever happens after them.
    int autocommitStatements = 0;
};

// Applies planned steps to PostgreSQL. Lives on a worker thread and opens its
// own connection there. run() blocks that thread until done; cancel() may be
// called from any thread and also stops the statement running on the server.
class Executor : public QObject {
    Q_OBJECT
public:
    explicit Executor(QObject *parent = nullptr);
    ~Executor() override;

    // Runs synchronously on the calling thread (the executor's thread when
    // invoked through a queued connection); emits finished() at the end and
    // returns the same report.
    RunReport run(const RunRequest &request);
    // Thread-safe: sets the cancel flag and sends PostgreSQL's cancel request
    // for the statement in flight.
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }

    // Used in application_name: "retort <version> (<user>@<host>)".
    static QString applicationName();

Q_SIGNALS:
    void progress(const retort::RunProgress &progress);
    void logLine(const QString &line);
    // Text a step run through alembic print()ed, as alembic's stdout has it.
    void printed(const QString &text);
    void finished(const retort::RunReport &report);
    // The run has waited about a second for a lock another session holds:
    // "waiting for the migration lock held by pid 4242 (application ...,
    // user ..., since ...)", "waiting for a lock on public.item held by
    // ..."; empty when that wait is over (LockWatch). Emitted on the lock
    // watch's thread, while run() is blocked: connect queued, or to
    // something thread-safe.
    void waiting(const QString &what);

private:
    friend class ExecutorThread;
    friend class ExecutorRun;
    void setCancelHandle(void *pgcancel);  // PGcancel*, owned here
    void clearCancelHandle();
    void sendCancel();

    std::atomic<bool> m_cancelled{false};
    std::mutex m_cancelMutex;
    void *m_cancelHandle = nullptr;
};

// Owns a QThread with an Executor on it, for callers that must not block
// (the GUI). Signals arrive queued on the thread that created the handle.
// Destroying the handle cancels a run in progress and waits for the thread.
class ExecutorThread : public QObject {
    Q_OBJECT
public:
    explicit ExecutorThread(QObject *parent = nullptr);
    ~ExecutorThread() override;

    // Starts a run; false when one is already running.
    bool start(const RunRequest &request);
    void cancel();
    bool isRunning() const { return m_running; }
    // Blocks until the current run has finished (for tests and the CLI).
    void wait();

Q_SIGNALS:
    void progress(const retort::RunProgress &progress);
    void logLine(const QString &line);
    void finished(const retort::RunReport &report);
    void waiting(const QString &what);

private:
    QThread *m_thread = nullptr;
    Executor *m_executor = nullptr;  // lives on m_thread
    bool m_running = false;
};

} // namespace retort

Q_DECLARE_METATYPE(retort::RunProgress)
Q_DECLARE_METATYPE(retort::RunReport)
