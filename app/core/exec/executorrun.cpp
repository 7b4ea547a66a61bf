#include "exec/executorrun.h"

#include "db/connection.h"
#include "db/dberror.h"
#include "db/pghandle.h"
#include "db/swap.h"
#include "exec/executor.h"
#include "exec/lockwatch.h"
#include "exec/migrationlock.h"
#include "exec/runrecorder.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace retort {

namespace {

const QString kInfo = QStringLiteral("INFO  [alembic.runtime.migration] ");

// How often a bridged run asks whether this session still holds the migration lock.
constexpr qint64 kLockCheckMs = 250;

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString joinRows(const QStringList &rows)
{
    return rows.isEmpty() ? QStringLiteral("(none)") : rows.join(QStringLiteral(", "));
}

} // namespace

// One run: its connection, transaction state and report. Lives on the
// executor's thread for the duration of Executor::run().
class ExecutorRun {
public:
    ExecutorRun(Executor &executor, const RunRequest &request) : m_executor(executor), m_request(request)
    {
        m_timer.start();
        m_report.startedAt = QDateTime::currentDateTimeUtc();
    }

    RunReport run()
    {
        execute();
        finish();
        return m_report;
    }

private:
    using K = PlannedStatement::Kind;

    void log(const QString &line)
    {
        m_report.log << line;
        Q_EMIT m_executor.logLine(line);
    }

    bool cancelled() const { return m_executor.isCancelled(); }

    Error cancelledError() const
    {
        return Error(Error::Kind::Cancelled, QStringLiteral("Cancelled"));
    }

    void fail(Error error)
    {
        if (m_report.error.isError())
            return;
        m_report.failedStep = m_currentStep;
        m_report.error = std::move(error);
        if (m_report.error.kind() == Error::Kind::Cancelled)
            m_report.cancelled = true;
    }

    // QPSQL answers exec() with the first statement's result; those of the
    // others in the same string (op.execute("a; b")) wait as further result
    // sets, an error among them unseen (the server stops at it). All are read.
    // `rowsAffected`: the first statement's count (reading on forgets it).
    static bool execEveryStatement(QSqlQuery &q, const QString &sql, int *rowsAffected)
    {
        if (!q.exec(sql))
            return false;
        *rowsAffected = q.numRowsAffected();
        while (q.nextResult()) {
        }
        return !q.lastError().isValid();
    }

    // A statement that is not part of a step (SET, BEGIN, ...).
    bool plainExec(const QString &sql)
    {
        sent(sql);
        QSqlQuery q(db());
        if (q.exec(sql))
            return true;
        fail(statementError(q, sql, -1, 0));
        return false;
    }

    QSqlDatabase db() const { return m_connection->database(); }

    // Every statement of the migration goes through here, in order, for the
    // journal's hash of the SQL sent.
    void sent(const QString &sql)
    {
        m_sent += sql.toUtf8();
        m_sent += ";\n";
        ++m_report.statementsSent;
    }

    void readSessionUser()
    {
        QSqlQuery q(db());
        if (q.exec(QStringLiteral("SELECT current_user, current_database()")) && q.next()) {
            m_report.databaseUser = q.value(0).toString();
            m_report.database = q.value(1).toString();
        }
    }

    // The default mode's one transaction is about to commit: the journal's
    // row goes into it, so a run that does not commit never claims success.
    bool recordInTransaction()
    {
        if (!m_request.recorder)
            return true;
        RunReport soFar = m_report;
        soFar.ok = true;
        soFar.stepsCommitted = int(m_steps.size());
        soFar.headsAfter = m_steps.isEmpty() ? m_report.headsBefore : m_steps.back().step.headsAfter;
        soFar.elapsedMs = m_timer.elapsed();
        // the same hash the run ends with: its COMMIT included
        soFar.sqlSha256 = sha256(m_sent + "COMMIT;\n");
        ++soFar.statementsSent;
        Error e = m_request.recorder->recordInTransaction(db(), soFar, m_steps);
        if (!e.isError())
            return true;
        fail(e);
        return false;
    }

    // Before a COMMIT: the migration lock is still this session's.
    bool lockStillHeld()
    {
        Error e = m_lock->verify();
        if (!e.isError())
            return true;
        m_connectionLost = !pghandle::connectionAlive(db());
        fail(e);
        return false;
    }

    Error statementError(const QSqlQuery &q, const QString &sql, int step, int line)
    {
        const DbError server = DbError::of(q);
        const bool alive = pghandle::connectionAlive(db());
        m_connectionLost = !alive;
        Error e;
        if (server.sqlState == QLatin1String("57014") && cancelled()) {
            e = Error(Error::Kind::Cancelled, QStringLiteral("Cancelled while running a statement"));
        } else if (!alive) {
            e = Error(Error::Kind::Database,
                      QStringLiteral("The connection to the database was lost (%1): %2. The server rolled back "
                                     "the open transaction.")
                          .arg(m_request.connection.describe(), server.message));
        } else {
            e = Error(Error::Kind::Database, server.message);
        }
        e.setSqlState(server.sqlState.isEmpty() && !alive ? QStringLiteral("08006") : server.sqlState);
        Location &where = e.where();
        if (step >= 0 && step < m_steps.size()) {
            where.revision = m_steps[step].revision.isEmpty() ? m_steps[step].step.to.join(QLatin1Char(','))
                                                              : m_steps[step].revision;
            if (line > 0) {
                where.file = m_steps[step].file;
                where.line = line;
            }
        }
        m_report.failedStatement = sql;
        m_report.failedStatementIndex = m_statementIndex;
        return server.withCauses(e, sql);
    }

    void execute()
    {
        const int stepCount = m_request.steps.size();
        m_report.stepCount = stepCount;
        if (cancelled())
            return fail(cancelledError());
        if (m_request.prepare) {
            const Error prepared = m_request.prepare(
                [this] { return cancelled(); },
                [this](const QString &line) { log(QStringLiteral("INFO  [retort] ") + line); },
                [this] { m_report.databaseDropped = true; });
            if (prepared)
                return fail(prepared);
        }

        ConnectionSettings settings = m_request.connection;
        if (settings.queryValue(QStringLiteral("application_name")).isEmpty())
            settings.query.append({QStringLiteral("application_name"), Executor::applicationName()});
        Result<std::unique_ptr<Connection>> c = Connection::open(settings);
        if (!c)
            return fail(c.error());
        m_connection = std::move(c.value());
        readSessionUser();
        m_executor.setCancelHandle(pghandle::newCancel(db()));
        m_watch.emplace(settings, pghandle::backendPid(db()),
                        [this](const QString &what) { Q_EMIT m_executor.waiting(what); });
        if (cancelled())
            return fail(cancelledError());

        log(kInfo + QStringLiteral("Context impl PostgresqlImpl."));
        log(kInfo + QStringLiteral("Will assume transactional DDL."));

        const RunOptions &o = m_request.options;
        if (o.lockTimeoutMs && !plainExec(QStringLiteral("SET lock_timeout = %1").arg(*o.lockTimeoutMs)))
            return;
        if (o.statementTimeoutMs
            && !plainExec(QStringLiteral("SET statement_timeout = %1").arg(*o.statementTimeoutMs)))
            return;

        m_lock.emplace(db(), m_request.versionTable);
        MigrationLock::WaitHooks hooks;
        hooks.log = [this](const QString &l) { log(QStringLiteral("INFO  [retort] ") + l); };
        hooks.waiting = [this](const QString &what) { Q_EMIT m_executor.waiting(what); };
        hooks.cancelled = [this] { return cancelled(); };
        if (Error e = m_lock->acquire(o.lockWait == LockWait::Wait, hooks)) {
            if (cancelled())
                return fail(cancelledError());
            return fail(e);
        }
        // a restore or recreate would replace what this run commits; one
        // that starts later sees this session and refuses
        if (Error e = refuseWhileReplaced(db(), m_report.database))
            return fail(e);

        Result<VersionState> state = readVersionState(db(), m_request.versionTable);
        if (!state)
            return fail(state.error());
        m_report.headsBefore = state->rows;
        m_report.headsAfter = state->rows;
        if (Result<QStringList> writes = readVersionRowWrites(db(), m_request.versionTable))
            m_report.rowWritesBefore = writes.value();
        if (m_request.expectedHeads) {
            QStringList expected = *m_request.expectedHeads, found = state->rows;
            expected.sort();
            found.sort();
            if (expected != found)
                return fail(Error(Error::Kind::Revision,
                                  QStringLiteral("The version rows of %1 changed since the plan was made "
                                                 "(planned from %2, the database now holds %3); plan again")
                                      .arg(m_request.versionTable.displayName(), joinRows(expected),
                                           joinRows(found))));
        }
        if (m_request.replan) {
            Result<QVector<PlannedStep>> planned = m_request.replan(state.value());
            if (!planned)
                return fail(planned.error());
            m_steps = planned.value();
        } else {
            m_steps = m_request.steps;
        }
        // a step that raises on purpose never runs, nor any step before it
        for (const PlannedStep &p : std::as_const(m_steps))
            if (p.sql.raised)
                return fail(p.sql.raised->runRefusal());
        m_report.stepCount = m_steps.size();

        // python-online steps run through alembic online, never from SQL
        int firstOnline = -1;
        for (int i = 0; i < m_steps.size() && firstOnline < 0; ++i)
            if (m_steps[i].sql.online)
                firstOnline = i;
        if (firstOnline >= 0 && !m_request.pythonRunner)
            return fail(onlineError(firstOnline, QStringLiteral("needs Python online, and no alembic bridge was "
                                                                "given to run it")));
        if (firstOnline >= 0 && !o.transactionPerMigration)
            return runWholeThroughAlembic(firstOnline);

        const QVector<PlannedStatement> statements =
            statementsFor(m_steps, state->tableExists, m_request.versionTable, m_request.versionTablePk,
                          o.transactionPerMigration, m_request.purge);
        runStatements(statements);
    }

    QString stepName(int step) const
    {
        const PlannedStep &p = m_steps[step];
        return p.revision.isEmpty() ? p.step.shortLog() : p.revision;
    }

    Error onlineError(int step, const QString &what) const
    {
        Error e(Error::Kind::Config, QStringLiteral("step %1 (%2) %3").arg(stepName(step), m_steps[step].step.shortLog(), what));
        e.where().revision = m_steps[step].revision;
        e.where().file = m_steps[step].file;
        return e;
    }

    // The default mode: one transaction for the whole run cannot be split
    // across Retort's connection and alembic's, so alembic runs every step
    // in its one transaction, as `alembic upgrade` would, while this
    // connection holds the migration lock. Nothing is half-done on failure.
    void runWholeThroughAlembic(int firstOnline)
    {
        log(QStringLiteral("INFO  [retort] step %1 needs Python online; the run is executed by alembic in one "
                           "transaction")
                .arg(stepName(firstOnline)));
        if (m_request.purge)
            return fail(onlineError(firstOnline, QStringLiteral("needs Python online and cannot be combined with --purge")));
        for (int i = 0; i < m_steps.size(); ++i)
            if (m_steps[i].step.kind == MigrationStep::Kind::Stamp || m_steps[i].revision.isEmpty())
                return fail(onlineError(firstOnline, QStringLiteral("needs Python online, and the run also stamps "
                                                                    "(%1), which alembic cannot run as a step")
                                                         .arg(m_steps[i].step.shortLog())));
        m_rereadHeads = true;
        if (!runThroughAlembic(0, int(m_steps.size()), false))
            return;
        m_report.stepsCommitted = m_steps.size();
        m_report.ok = true;
    }

    // Hands steps [first, first + count) to alembic online. With `perStep`
    // each finished step is committed (alembic's transaction_per_migration).
    bool runThroughAlembic(int first, int count, bool perStep)
    {
        m_rereadHeads = true;
        if (perStep)
            log(QStringLiteral("INFO  [retort] %1 need%2 Python online; alembic runs %3 online, each step in its own "
                               "transaction")
                    .arg(count == 1 ? QStringLiteral("step ") + stepName(first)
                                    : QStringLiteral("steps %1..%2").arg(stepName(first), stepName(first + count - 1)),
                         count == 1 ? QStringLiteral("s") : QString(), count == 1 ? QStringLiteral("it") : QStringLiteral("them")));
        const QVector<PlannedStep> slice = m_steps.mid(first, count);
        const QString appName =
            QStringLiteral("retort-bridge %1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
        std::atomic<bool> kill{false};
        QElapsedTimer sinceCancel, sinceSignal, sinceLockCheck;
        Error lockLost;
        PythonRunEvents events;
        events.started = [&](int i) {
            m_currentStep = first + i;
            const PlannedStep &p = m_steps[first + i];
            RunProgress progress;
            progress.step = first + i + 1;
            progress.stepCount = m_steps.size();
            progress.revision = p.revision;
            progress.stepLog = p.step.shortLog();
            progress.statement = 1;
            progress.statementCount = 1;
            progress.statementText = QStringLiteral("-- alembic (online) runs %1").arg(p.step.shortLog());
            progress.elapsedMs = m_timer.elapsed();
            Q_EMIT m_executor.progress(progress);
        };
        events.finished = [&](int i, const QStringList &) {
            if (perStep)
                m_report.stepsCommitted = first + i + 1;
        };
        events.log = [&](const QString &line) { log(line); };
        events.printed = [&](const QString &text) { Q_EMIT m_executor.printed(text); };
        events.poll = [&] {
            // alembic commits on its own connection: while it runs, this
            // session must still hold the migration lock, or alembic is stopped
            if (!lockLost.isError() && (!sinceLockCheck.isValid() || sinceLockCheck.elapsed() >= kLockCheckMs)) {
                sinceLockCheck.start();
                lockLost = m_lock->verify();
                if (lockLost.isError())
                    kill = true;
            }
            if (!cancelled())
                return;
            // stop the statement alembic's connection is running, for real;
            // again every half second (it may connect after the first), and
            // kill the child when it has not exited after five
            if (!sinceCancel.isValid())
                sinceCancel.start();
            if (sinceSignal.isValid() && sinceSignal.elapsed() < 500)
                return;
            sinceSignal.start();
            QSqlQuery q(db());
            q.prepare(QStringLiteral("SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = ?"));
            q.addBindValue(appName);
            q.exec();
            if (sinceCancel.elapsed() > 5000)
                kill = true;
        };
        PythonRunSession session;
        session.applicationName = appName;
        session.lockTimeoutMs = m_request.options.lockTimeoutMs;
        session.statementTimeoutMs = m_request.options.statementTimeoutMs;
        session.lockPid = pghandle::backendPid(db());
        session.lockKey = MigrationLock::keyFor(m_request.versionTable);
        session.childLockKey = MigrationLock::childKeyFor(m_request.versionTable);
        const PythonRunResult r = m_request.pythonRunner(slice, session, events, &kill);
        if (lockLost.isError()) {
            m_connectionLost = !pghandle::connectionAlive(db());
            lockLost.causedBy(Error(Error::Kind::Database,
                                    QStringLiteral("alembic was running %1 online and was stopped; what it had not "
                                                   "committed was rolled back")
                                        .arg(stepName(first + qMin(r.finishedSteps, count - 1)))));
            fail(lockLost);
            return false;
        }
        if (r.error.isError()) {
            if (cancelled())
                fail(Error(Error::Kind::Cancelled, QStringLiteral("Cancelled while alembic ran %1 online")
                                                       .arg(stepName(first + qMin(r.finishedSteps, count - 1)))));
            else
                fail(r.error);
            return false;
        }
        if (r.finishedSteps != count) {
            fail(onlineError(first, QStringLiteral("was handed to alembic online, which finished %1 of %2 steps "
                                                   "without an error (does env.py call run_migrations()?)")
                                        .arg(r.finishedSteps).arg(count)));
            return false;
        }
        return true;
    }

    void runStatements(const QVector<PlannedStatement> &statements)
    {
        // statement counts per step, for progress
        QVector<int> perStep(m_steps.size(), 0);
        for (const PlannedStatement &s : statements)
            if (s.step >= 0 && (s.kind == K::Body || s.kind == K::VersionRow))
                ++perStep[s.step];
        int completedSteps = 0;  // steps whose version rows are written
        int statementInStep = 0;

        for (int at = 0; at < statements.size(); ++at) {
            const PlannedStatement &s = statements[at];
            m_statementIndex = at;
            if (cancelled())
                return fail(cancelledError());
            switch (s.kind) {
            case K::Begin:
                if (s.step >= 0 && m_steps[s.step].sql.online) {
                    // transaction_per_migration: alembic runs this run of
                    // python-online steps, each committed alone
                    int last = s.step;
                    while (last + 1 < m_steps.size() && m_steps[last + 1].sql.online)
                        ++last;
                    if (!runThroughAlembic(s.step, last - s.step + 1, true))
                        return;
                    completedSteps = last + 1;
                    m_report.stepsCommitted = completedSteps;
                    Result<VersionState> now = readVersionState(db(), m_request.versionTable);
                    if (!now)
                        return fail(now.error());
                    QStringList expected = m_steps[last].step.headsAfter, found = now->rows;
                    expected.sort();
                    found.sort();
                    if (expected != found)
                        return fail(onlineError(last, QStringLiteral("was run by alembic online, which left the version "
                                                                     "rows %1 where the plan expects %2")
                                                          .arg(joinRows(found), joinRows(expected))));
                    while (at + 1 < statements.size()
                           && !(statements[at].kind == K::Commit && statements[at].step == last))
                        ++at;
                    break;
                }
                if (!plainExec(s.sql))
                    return;
                m_inTransaction = true;
                break;
            case K::Commit:
                if (s.step < 0)
                    m_currentStep = int(m_steps.size());  // the run's COMMIT, after every step
                if (!lockStillHeld() || (s.step < 0 && !recordInTransaction()) || !plainExec(s.sql))
                    return;
                m_inTransaction = false;
                completedSteps = s.step >= 0 ? s.step + 1 : int(m_steps.size());
                m_report.stepsCommitted = completedSteps;
                break;
            case K::CreateVersionTable:
            case K::Purge:
                if (!plainExec(s.sql))
                    return;
                break;
            case K::StepStart: {
                statementInStep = 0;
                m_currentStep = s.step;
                completedSteps = s.step;
                const PlannedStep &p = m_steps[s.step];
                QString line = kInfo + QStringLiteral("Running ");
                // alembic's str(step): "upgrade a -> b, doc" when the script has a doc
                if (p.step.kind != MigrationStep::Kind::Stamp && !p.doc.isEmpty())
                    line += QStringLiteral("%1 %2 -> %3, %4")
                                .arg(p.step.kind == MigrationStep::Kind::Upgrade ? QStringLiteral("upgrade")
                                                                                 : QStringLiteral("downgrade"),
                                     p.step.from.join(QStringLiteral(", ")), p.step.to.join(QStringLiteral(", ")),
                                     p.doc);
                else
                    line += p.step.shortLog();
                log(line);
                break;
            }
            case K::EnterAutocommit:
                if (m_inTransaction) {
                    if (!lockStillHeld() || !plainExec(QStringLiteral("COMMIT")))
                        return;
                    m_inTransaction = false;
                    m_report.stepsCommitted = completedSteps;
                    m_autocommitLeftOpen = true;
                }
                break;
            case K::LeaveAutocommit:
                if (m_autocommitLeftOpen) {
                    if (!plainExec(QStringLiteral("BEGIN")))
                        return;
                    m_inTransaction = true;
                    m_autocommitLeftOpen = false;
                }
                break;
            case K::Body:
            case K::VersionRow: {
                ++statementInStep;
                const PlannedStep &p = m_steps[s.step];
                RunProgress progress;
                progress.step = s.step + 1;
                progress.stepCount = m_steps.size();
                progress.revision = p.revision;
                progress.stepLog = p.step.shortLog();
                progress.statement = statementInStep;
                progress.statementCount = perStep[s.step];
                progress.statementText = s.sql;
                progress.elapsedMs = m_timer.elapsed();
                Q_EMIT m_executor.progress(progress);

                sent(s.sql);
                QSqlQuery q(db());
                int n = -1;
                if (!execEveryStatement(q, s.sql, &n))
                    return fail(statementError(q, s.sql, s.step, s.line));
                if (!m_inTransaction)
                    ++m_report.autocommitStatements;
                if (s.kind == K::VersionRow) {
                    const VersionRowOp &op = p.step.rowOps[s.rowOp];
                    if (op.kind != VersionRowOp::Kind::Insert && n != 1) {
                        // alembic's HeadMaintainer check, in its words
                        const QString msg =
                            op.kind == VersionRowOp::Kind::Delete
                                ? QStringLiteral("Online migration expected to match one row when deleting '%1' "
                                                 "in '%2'; %3 found")
                                      .arg(op.from, m_request.versionTable.name)
                                      .arg(n)
                                : QStringLiteral("Online migration expected to match one row when updating '%1' "
                                                 "to '%2' in '%3'; %4 found")
                                      .arg(op.from, op.to, m_request.versionTable.name)
                                      .arg(n);
                        Error e(Error::Kind::Revision, msg);
                        e.where().revision = p.revision;
                        m_report.failedStatement = s.sql;
                        m_report.failedStatementIndex = at;
                        return fail(e);
                    }
                }
                if (statementInStep == perStep[s.step] && m_request.options.afterStepStatements)
                    m_request.options.afterStepStatements(s.step, pghandle::backendPid(db()));
                break;
            }
            }
        }
        m_report.stepsCommitted = m_steps.size();
        m_report.ok = true;
    }

    void finish()
    {
        m_executor.clearCancelHandle();
        m_watch.reset();
        if (m_connection) {
            if (!m_report.ok && m_inTransaction && !m_connectionLost) {
                // a cancel request that arrives late may hit the ROLLBACK itself
                for (int attempt = 0; attempt < 2; ++attempt) {
                    QSqlQuery q(db());
                    if (q.exec(QStringLiteral("ROLLBACK")) || !pghandle::connectionAlive(db()))
                        break;
                }
            }
            if (!m_connectionLost && pghandle::connectionAlive(db())) {
                if (!m_report.ok || m_rereadHeads) {
                    // An aborted statement may have left the session in a
                    // failed transaction; ROLLBACK above ended it.
                    Result<VersionState> after = readVersionState(db(), m_request.versionTable);
                    if (after)
                        m_report.headsAfter = after->rows;
                } else if (!m_steps.isEmpty()) {
                    m_report.headsAfter = m_steps.back().step.headsAfter;
                }
                record(true);  // still under the migration lock
                if (m_lock)
                    m_lock->release();
            } else {
                m_report.headsAfter = m_report.headsBefore;  // nothing uncommitted survives
                if (m_report.stepsCommitted > 0 && m_report.stepsCommitted <= m_steps.size())
                    m_report.headsAfter = m_steps[m_report.stepsCommitted - 1].step.headsAfter;
                record(false);
            }
            m_lock.reset();
            m_connection.reset();
        } else {
            record(false);
        }
    }

    void record(bool connected)
    {
        m_report.elapsedMs = m_timer.elapsed();
        m_report.sqlSha256 = sha256(m_sent);
        if (!m_request.recorder)
            return;
        const QSqlDatabase database = connected ? db() : QSqlDatabase();
        m_request.recorder->recordFinished(connected ? &database : nullptr, m_report, m_steps);
    }

    Executor &m_executor;
    const RunRequest &m_request;
    QVector<PlannedStep> m_steps;
    QElapsedTimer m_timer;
    RunReport m_report;
    std::unique_ptr<Connection> m_connection;
    std::optional<MigrationLock> m_lock;
    std::optional<LockWatch> m_watch;
    bool m_inTransaction = false;
    bool m_autocommitLeftOpen = false;
    bool m_connectionLost = false;
    bool m_rereadHeads = false;  // alembic ran steps: the rows are read back, not assumed
    int m_statementIndex = -1;   // in runStatements(): the statement being run
    int m_currentStep = -1;      // the step being run, for RunReport::failedStep
    QByteArray m_sent;           // every statement sent, for RunReport::sqlSha256
};

RunReport executeRun(Executor &executor, const RunRequest &request)
{
    return ExecutorRun(executor, request).run();
}

} // namespace retort
