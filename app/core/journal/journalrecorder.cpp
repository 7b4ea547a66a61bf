#include "journal/journalrecorder.h"

#include "journal/databasejournal.h"
#include "journal/localjournal.h"
#include "journal/revisionbodies.h"

#include <QHash>
#include <QSysInfo>
#include <QUuid>

#include <pwd.h>
#include <unistd.h>

namespace retort {

namespace {

QString stepKind(MigrationStep::Kind kind)
{
    switch (kind) {
    case MigrationStep::Kind::Upgrade:
        return QStringLiteral("upgrade");
    case MigrationStep::Kind::Downgrade:
        return QStringLiteral("downgrade");
    case MigrationStep::Kind::Stamp:
        break;
    }
    return QStringLiteral("stamp");
}

QString stepOutcome(const RunReport &report, int index, int stepCount)
{
    if (report.ok || index < report.stepsCommitted)
        return QStringLiteral("committed");
    if (index == report.failedStep)
        return report.cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed");
    if (index < report.failedStep && report.failedStep <= stepCount)
        return QStringLiteral("rolled back");
    return QStringLiteral("not run");
}

} // namespace

QString operationName(Operation::Kind kind)
{
    switch (kind) {
    case Operation::Kind::Upgrade:
        return QStringLiteral("upgrade");
    case Operation::Kind::Downgrade:
        return QStringLiteral("downgrade");
    case Operation::Kind::Stamp:
        return QStringLiteral("stamp");
    case Operation::Kind::Restore:
        return QStringLiteral("restore");
    case Operation::Kind::ResetLocal:
        break;
    }
    return QStringLiteral("reset-local");
}

QString databaseKey(const ConnectionSettings &c)
{
    QString host = c.host;
    if (host.isEmpty())
        host = qEnvironmentVariable("PGHOST", QStringLiteral("/var/run/postgresql"));
    int port = c.port;
    if (port <= 0)
        port = qEnvironmentVariable("PGPORT", QStringLiteral("5432")).toInt();
    QString database = c.database;
    if (database.isEmpty())
        database = qEnvironmentVariable("PGDATABASE");
    if (database.isEmpty())
        database = c.user.isEmpty() ? osUserName() : c.user;
    if (!host.startsWith(QLatin1Char('/')))
        host = host.toLower();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("%1:%2/%3").arg(host).arg(port).arg(database);
}

QString osUserName()
{
    if (const passwd *pw = ::getpwuid(::geteuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    return qEnvironmentVariable("USER", QStringLiteral("uid %1").arg(::geteuid()));
}

JournalRecorder::JournalRecorder(JournalContext context)
    : m_context(std::move(context)), m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    // the recorder never needs it; a copy is one place less it could leak from
    m_context.connection.password.fill(QLatin1Char('\0'));
    m_context.connection.password.clear();
    m_context.connection.hasPassword = false;
    if (m_context.localDirectory.isEmpty())
        m_context.localDirectory = LocalJournal::defaultDirectory();
}

JournalRecord JournalRecorder::build(const RunReport &report, const QVector<PlannedStep> &steps) const
{
    JournalRecord r;
    r.id = m_id;
    r.startedAt = report.startedAt.isValid() ? report.startedAt : QDateTime::currentDateTimeUtc();
    r.durationMs = report.elapsedMs;
    r.operation = operationName(m_context.operation.kind);
    r.targets = m_context.operation.targets;
    r.outcome = report.ok ? QStringLiteral("succeeded")
                          : report.cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed");
    r.osUser = osUserName();
    r.databaseUser = report.databaseUser.isEmpty() ? m_context.connection.user : report.databaseUser;
    r.clientHost = QSysInfo::machineHostName();
    r.databaseKey = databaseKey(m_context.connection);
    r.server = m_context.connection.describe();
    r.project = m_context.project;
    r.versionTable = m_context.versionTable.displayName();
    r.transactionPerMigration = m_context.transactionPerMigration;
    r.headsBefore = report.headsBefore;
    r.headsAfter = report.headsAfter;
    r.rowWritesBefore = report.rowWritesBefore;
    r.sqlSha256 = report.sqlSha256;
    r.statementsSent = report.statementsSent;
    if (report.error.isError()) {
        r.error = report.error.toString();
        r.sqlState = report.error.sqlState();
    }
    QHash<QString, Result<RevisionBodies>> bodies;
    for (int i = 0; i < steps.size(); ++i) {
        const PlannedStep &p = steps[i];
        JournalStep s;
        s.kind = stepKind(p.step.kind);
        s.revision = p.revision;
        s.from = p.step.from;
        s.to = p.step.to;
        s.outcome = stepOutcome(report, i, int(steps.size()));
        if (p.step.kind != MigrationStep::Kind::Stamp)
            s.engine = p.sql.online ? QStringLiteral("python") : QStringLiteral("native");
        s.file = p.file;
        if (!p.file.isEmpty()) {
            auto it = bodies.find(p.file);
            if (it == bodies.end())
                it = bodies.insert(p.file, RevisionBodies::read(p.file));
            if (it.value()) {
                s.upgradeText = it.value()->upgrade;
                s.downgradeText = it.value()->downgrade;
                s.moduleText = it.value()->module;
                s.upgradeSha256 = it.value()->upgradeSha256();
                s.downgradeSha256 = it.value()->downgradeSha256();
                s.moduleSha256 = it.value()->moduleSha256();
            } else {
                s.bodyError = it.value().error().toString();
            }
        }
        r.steps.append(std::move(s));
    }
    return r;
}

Error JournalRecorder::recordInTransaction(const QSqlDatabase &db, const RunReport &report,
                                           const QVector<PlannedStep> &steps)
{
    if (!wantsDatabase(db))
        return Error();
    JournalRecord r = build(report, steps);
    r.inDatabase = QStringLiteral("in the run's transaction");
    // the rows this transaction wrote already carry its id: what they will
    // be once it commits
    if (Result<QStringList> writes = readVersionRowWrites(db, m_context.versionTable))
        r.rowWritesAfter = writes.value();
    Error e = databasejournal::write(db, r);
    if (e.isError()) {
        Error refused(Error::Kind::Database,
                      QStringLiteral("The run was not committed: its journal row could not be written to %1 "
                                     "(turn the database journal off for this database, or let the user create "
                                     "schema retort)")
                          .arg(databasejournal::tableName()));
        refused.causedBy(e);
        return refused;
    }
    std::lock_guard<std::mutex> guard(m_mutex);
    m_inTransaction = true;
    return Error();
}

void JournalRecorder::recordFinished(const QSqlDatabase *db, const RunReport &report, const QVector<PlannedStep> &steps)
{
    JournalRecord r = build(report, steps);
    if (db) {
        // after the run, outside its transaction: a failure here harms nothing
        if (Result<QString> identity = databasejournal::identity(*db))
            r.databaseIdentity = identity.value();
        if (Result<QStringList> writes = readVersionRowWrites(*db, m_context.versionTable))
            r.rowWritesAfter = writes.value();
    }
    QStringList problems;
    bool inTransaction = false;
    {
        std::lock_guard<std::mutex> guard(m_mutex);
        inTransaction = m_inTransaction && report.ok;
    }
    if (inTransaction || (db && wantsDatabase(*db)) || (!db && m_context.databaseTable)) {
        if (inTransaction) {
            r.inDatabase = QStringLiteral("in the run's transaction");
        } else if (!db) {
            r.inDatabase = QStringLiteral("not written: no connection to the database");
            problems << QStringLiteral("the run was not recorded in %1: no connection to the database")
                            .arg(databasejournal::tableName());
        } else {
            r.inDatabase = QStringLiteral("after the run");
            if (Error e = databasejournal::write(*db, r)) {
                r.inDatabase = QStringLiteral("not written: ") + e.message();
                problems << QStringLiteral("the run was not recorded in the database: ") + e.toString();
            }
        }
    }
    const LocalJournal local(m_context.localDirectory);
    if (Error e = local.append(r))
        problems << e.toString();
    std::lock_guard<std::mutex> guard(m_mutex);
    m_record = std::move(r);
    m_problems += problems;
}

bool JournalRecorder::wantsDatabase(const QSqlDatabase &db) const
{
    if (m_context.databaseTable)
        return true;
    // someone turned it on for this database: every run is recorded there
    const Result<bool> there = databasejournal::exists(db);
    return !there || there.value();
}

JournalRecord JournalRecorder::record() const
{
    std::lock_guard<std::mutex> guard(m_mutex);
    return m_record;
}

QStringList JournalRecorder::problems() const
{
    std::lock_guard<std::mutex> guard(m_mutex);
    return m_problems;
}

} // namespace retort
