// Predicted equals actual: every statement of tests/risk/fixtures/lockmodel
// (upgrade base -> heads, then downgrade to base, as one plan) runs on the
// private cluster; what PostgreSQL reports (pg_locks of the statement's own
// backend, relfilenode changes, pg_stat_user_tables.seq_scan) must be what
// the lock model predicted, for every statement.

#include "db/pgconn.h"
#include "exec/migrationrunner.h"
#include "exec/plannedstatements.h"
#include "projectfixture.h"
#include "risk/liveblockers.h"
#include "risk/livecatalog.h"
#include "risk/planrisk.h"
#include "testcluster.h"

#include <QFile>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QtTest>

#include <libpq-fe.h>

using namespace retort;
using namespace retort::risk;
using namespace retort::testsupport;

namespace {

struct Relation {
    QString name;
    QString relfilenode;
};

struct Observed {
    QVector<RelationLock> locks;
    bool rewrite = false;
    bool scan = false;
    QStringList scannedTables;
    bool transactional = true;
    QString error;
};

QString describeLocks(const QVector<RelationLock> &locks)
{
    QStringList parts;
    for (const RelationLock &l : locks)
        parts << l.relation + QLatin1Char(' ') + lockModeName(l.mode);
    return parts.join(QStringLiteral(", "));
}

class Probe {
public:
    explicit Probe(QSqlDatabase db) : m_db(db) {}

    QHash<QString, Relation> relations()
    {
        QHash<QString, Relation> out;
        QSqlQuery q(m_db);
        q.exec(QStringLiteral(
            "SELECT c.oid::text, c.oid::regclass::text, c.relfilenode::text FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
            "AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"));
        while (q.next())
            out.insert(q.value(0).toString(), Relation{q.value(1).toString(), q.value(2).toString()});
        return out;
    }

    QHash<QString, qint64> seqScans()
    {
        QHash<QString, qint64> out;
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("SELECT pg_stat_clear_snapshot()"));
        q.exec(QStringLiteral("SELECT relid::text, seq_scan FROM pg_stat_user_tables"));
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toLongLong());
        return out;
    }

    bool exec(const QString &sql, QString *error = nullptr, QString *state = nullptr)
    {
        QSqlQuery q(m_db);
        if (q.exec(sql))
            return true;
        if (error)
            *error = q.lastError().text();
        if (state)
            *state = q.lastError().nativeErrorCode();
        return false;
    }

    // The relation locks this backend holds, strongest per relation, named
    // through the relations that existed before the statement.
    QVector<RelationLock> heldLocks(const QHash<QString, Relation> &before)
    {
        QHash<QString, LockMode> strongest;
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("SELECT relation::text, mode FROM pg_locks WHERE pid = pg_backend_pid() "
                              "AND locktype = 'relation' AND granted "
                              "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
        while (q.next()) {
            const QString oid = q.value(0).toString();
            if (!before.contains(oid))
                continue;  // created by the statement, or a catalog
            const LockMode mode = lockModeFromName(q.value(1).toString()).value_or(LockMode::None);
            LockMode &m = strongest[before.value(oid).name];
            m = std::max(m, mode);
        }
        QVector<RelationLock> out;
        for (auto it = strongest.constBegin(); it != strongest.constEnd(); ++it)
            out.append(RelationLock{it.key(), it.value()});
        std::sort(out.begin(), out.end(), [](const RelationLock &a, const RelationLock &b) { return a.relation < b.relation; });
        return out;
    }

    bool rewritten(const QHash<QString, Relation> &before)
    {
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("SELECT oid::text, relfilenode::text FROM pg_class"));
        while (q.next()) {
            const auto it = before.constFind(q.value(0).toString());
            if (it != before.constEnd() && it->relfilenode != q.value(1).toString() && it->relfilenode != QLatin1String("0"))
                return true;
        }
        return false;
    }

    QString backendPid()
    {
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("SELECT pg_backend_pid()"));
        return q.next() ? q.value(0).toString() : QString();
    }

private:
    QSqlDatabase m_db;
};

// The tables whose seq_scan counter grew.
QStringList scanned(const QHash<QString, qint64> &before, const QHash<QString, qint64> &after,
                    const QHash<QString, Relation> &names)
{
    QStringList out;
    for (auto it = before.constBegin(); it != before.constEnd(); ++it)
        if (after.value(it.key(), it.value()) > it.value())
            out << names.value(it.key()).name;
    out.sort();
    return out;
}

} // namespace

class TestLockModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void predictedEqualsActual();
    void liveBlockerIsNamed();
    void liveCatalog();

private:
    // A statement PostgreSQL refuses in a transaction: the refusal, then the
    // mode it asks for on each predicted relation, seen while another
    // session holds that relation.
    Observed observeOutsideTransaction(Probe &main, const QString &sql, const StatementRisk &predicted,
                                       const QHash<QString, Relation> &before);

    TestCluster m_cluster;
    QString m_db;
    QSqlDatabase m_main;
    QSqlDatabase m_other;
};

void TestLockModel::initTestCase()
{
    RETORT_REQUIRE_CLUSTER(m_cluster);
    m_db = m_cluster.createDatabase(QStringLiteral("lockmodel"));
    QVERIFY2(!m_db.isEmpty(), qPrintable(m_cluster.lastError()));
    // timestamp <-> timestamptz is binary-coercible only in UTC: the fixture
    // runs where it is a rewrite
    QVERIFY(m_cluster.exec(m_db, QStringLiteral("ALTER DATABASE %1 SET timezone TO 'Europe/Berlin'").arg(m_db)));
    m_main = m_cluster.open(m_db);
    m_other = m_cluster.open(m_db);
    QVERIFY(m_main.isOpen());
    QVERIFY(m_other.isOpen());
}

void TestLockModel::cleanupTestCase()
{
    const QString a = m_main.connectionName();
    const QString b = m_other.connectionName();
    m_main.close();
    m_other.close();
    m_main = QSqlDatabase();
    m_other = QSqlDatabase();
    QSqlDatabase::removeDatabase(a);
    QSqlDatabase::removeDatabase(b);
    if (!m_db.isEmpty())
        m_cluster.dropDatabase(m_db);
}

Observed TestLockModel::observeOutsideTransaction(Probe &main, const QString &sql, const StatementRisk &predicted,
                                                  const QHash<QString, Relation> &before)
{
    Observed o;
    QString state;
    main.exec(QStringLiteral("BEGIN"));
    o.transactional = main.exec(sql, nullptr, &state);
    main.exec(QStringLiteral("ROLLBACK"));
    if (o.transactional)
        return o;
    if (state != QLatin1String("25001"))
        o.error = QStringLiteral("refused in a transaction with SQLSTATE %1, not 25001").arg(state);

    Probe other(m_other);
    const QString pid = main.backendPid();
    QHash<QString, QString> oidOf;
    for (auto it = before.constBegin(); it != before.constEnd(); ++it)
        oidOf.insert(it->name, it.key());
    // The other session holds the weakest mode that conflicts with the
    // predicted one: weaker requests pass, the predicted one queues and
    // shows in pg_locks (a stronger or an earlier conflicting one would show
    // instead, and differ).
    auto weakestConflicting = [](LockMode m) {
        switch (m) {
        case LockMode::AccessShare: return LockMode::AccessExclusive;
        case LockMode::RowShare: return LockMode::Exclusive;
        case LockMode::RowExclusive: return LockMode::Share;
        case LockMode::ShareUpdateExclusive: return LockMode::ShareUpdateExclusive;
        case LockMode::Share:
        case LockMode::ShareRowExclusive: return LockMode::RowExclusive;
        case LockMode::Exclusive: return LockMode::RowShare;
        default: return LockMode::AccessShare;
        }
    };
    auto runHeld = [&](const RelationLock &predicted) -> LockMode {
        const QString &relation = predicted.relation;
        other.exec(QStringLiteral("BEGIN"));
        other.exec(QStringLiteral("LOCK TABLE %1 IN %2 MODE").arg(relation, lockModeSqlWords(weakestConflicting(predicted.mode))));
        pg_conn *conn = pgConnOf(m_main);
        PQsendQuery(conn, sql.toUtf8().constData());
        LockMode seen = LockMode::None;
        // until the statement queues behind the lock (bounded: it must)
        for (int i = 0; i < 2000 && seen == LockMode::None; ++i) {
            QSqlQuery q(m_other);
            q.exec(QStringLiteral("SELECT mode FROM pg_locks WHERE pid = %1 AND NOT granted AND relation = %2")
                       .arg(pid, oidOf.value(relation)));
            if (q.next())
                seen = lockModeFromName(q.value(0).toString()).value_or(LockMode::None);
            else
                QThread::msleep(5);
        }
        other.exec(QStringLiteral("ROLLBACK"));
        while (PGresult *r = PQgetResult(conn)) {
            if (PQresultStatus(r) == PGRES_FATAL_ERROR)
                o.error = QString::fromUtf8(PQresultErrorMessage(r));
            PQclear(r);
        }
        return seen;
    };
    for (const RelationLock &l : predicted.locks)
        o.locks.append(RelationLock{l.relation, runHeld(l)});
    if (predicted.locks.isEmpty() && !main.exec(sql, &o.error))
        return o;
    return o;
}

void TestLockModel::predictedEqualsActual()
{
    const LoadedProject project = loadProject(QStringLiteral(RETORT_SOURCE_DIR "/tests/risk/fixtures/lockmodel/alembic.ini"));
    QVERIFY2(project.error.isEmpty(), qPrintable(project.error));
    MigrationRunner runner(project.context, clusterSettings(m_cluster.url(m_db)), RunOptions());
    Operation up;
    up.kind = Operation::Kind::Upgrade;
    up.targets = QStringList{QStringLiteral("heads")};
    Result<QVector<PlannedStep>> upSteps = runner.plan(up, {});
    QVERIFY2(upSteps, qPrintable(upSteps.error().toString()));
    Operation down;
    down.kind = Operation::Kind::Downgrade;
    down.targets = QStringList{QStringLiteral("base")};
    Result<QVector<PlannedStep>> downSteps = runner.plan(down, upSteps->last().step.headsAfter);
    QVERIFY2(downSteps, qPrintable(downSteps.error().toString()));
    const QVector<PlannedStep> steps = upSteps.value() + downSteps.value();
    const QVector<PlannedStatement> statements =
        statementsFor(steps, false, project.context.versionTable(), true, false);
    const PlanRisk plan = analyzePlan(steps, statements);

    Probe main(m_main);
    QStringList mismatches;
    QStringList results{QStringLiteral("# revision\tstatement\tpredicted locks\tactual locks\trewrite p/a\tscan p/a (tables scanned)\ttransactional p/a\tsql")};
    int outside = 0;
    for (const StatementReport &r : plan.statements) {
        const QHash<QString, Relation> before = main.relations();
        const QHash<QString, qint64> scansBefore = main.seqScans();
        Observed o;
        // The fixture's tables are a few rows, where the planner reads a
        // table whole even when an index would find the rows; on tables
        // large enough to matter it takes the index. Filtered lookups (a
        // WHERE, a foreign key's check of inserted values) are run the way
        // they run there.
        static const QRegularExpression filtered(QStringLiteral("\\bWHERE\\b|^INSERT\\b.*\\bVALUES\\b"),
                                                 QRegularExpression::CaseInsensitiveOption
                                                     | QRegularExpression::DotMatchesEverythingOption);
        const bool lookup = filtered.match(r.sql).hasMatch() && !r.sql.startsWith(QLatin1String("CREATE"));
        main.exec(QStringLiteral("SET enable_seqscan = %1").arg(lookup ? QStringLiteral("off") : QStringLiteral("on")));
        if (r.risk.transactional) {
            main.exec(QStringLiteral("BEGIN"));
            if (!main.exec(r.sql, &o.error)) {
                main.exec(QStringLiteral("ROLLBACK"));
                QFAIL(qPrintable(QStringLiteral("%1 #%2 failed: %3\n%4").arg(r.revision).arg(r.number).arg(o.error, r.sql)));
            }
            o.locks = main.heldLocks(before);
            o.rewrite = main.rewritten(before);
            main.exec(QStringLiteral("SELECT pg_stat_force_next_flush()"));
            main.exec(QStringLiteral("COMMIT"));
        } else {
            ++outside;
            o = observeOutsideTransaction(main, r.sql, r.risk, before);
            QVERIFY2(o.error.isEmpty(), qPrintable(QStringLiteral("%1 #%2: %3").arg(r.revision).arg(r.number).arg(o.error)));
            o.rewrite = main.rewritten(before);
            main.exec(QStringLiteral("SELECT pg_stat_force_next_flush()"));
        }
        main.exec(QStringLiteral("SELECT 1"));  // the flush happens when the backend is idle again
        o.scannedTables = scanned(scansBefore, main.seqScans(), before);
        o.scan = !o.scannedTables.isEmpty();

        const bool same = o.locks == r.risk.locks && o.rewrite == r.risk.rewrite && o.scan == r.risk.scan
                          && o.transactional == r.risk.transactional;
        const QString line = QStringLiteral("%1\t%2\t%3\t%4\t%5/%6\t%7/%8 (%12)\t%9/%10\t%11")
                                 .arg(r.revision.isEmpty() ? QStringLiteral("-") : r.revision)
                                 .arg(r.number)
                                 .arg(describeLocks(r.risk.locks), describeLocks(o.locks))
                                 .arg(r.risk.rewrite).arg(o.rewrite)
                                 .arg(r.risk.scan).arg(o.scan)
                                 .arg(r.risk.transactional).arg(o.transactional)
                                 .arg(QString(r.sql).replace(QLatin1Char('\n'), QLatin1Char(' ')).simplified())
                                 .arg(o.scannedTables.join(QLatin1Char(',')));
        results << line;
        if (!same)
            mismatches << line;
    }
    if (!qEnvironmentVariableIsEmpty("RETORT_LOCKMODEL_RESULTS")) {
        QFile f(qEnvironmentVariable("RETORT_LOCKMODEL_RESULTS"));
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(results.join(QLatin1Char('\n')).toUtf8() + '\n');
    }
    qInfo("%d statements, %d outside a transaction, %d as predicted", int(plan.statements.size()), outside,
          int(plan.statements.size() - mismatches.size()));
    QVERIFY2(plan.statements.size() >= 150, "the fixture covers fewer statements than it should");
    QVERIFY2(mismatches.isEmpty(), qPrintable(QStringLiteral("%1 of %2 statements differ:\n")
                                                   .arg(mismatches.size()).arg(plan.statements.size())
                                               + mismatches.join(QLatin1Char('\n'))));
}

void TestLockModel::liveBlockerIsNamed()
{
    QVERIFY(m_cluster.exec(m_db, QStringLiteral("CREATE TABLE live_t (id integer)")));
    QVERIFY(m_cluster.exec(m_db, QStringLiteral("INSERT INTO live_t SELECT generate_series(1, 100)")));
    QVERIFY(m_cluster.exec(m_db, QStringLiteral("ANALYZE live_t")));
    // a dump in progress: another session reading the table in a transaction
    Probe other(m_other);
    QVERIFY(other.exec(QStringLiteral("SET application_name = 'pg_dump'")));
    QVERIFY(other.exec(QStringLiteral("BEGIN")));
    QVERIFY(other.exec(QStringLiteral("LOCK TABLE live_t IN ACCESS SHARE MODE")));
    const QString pid = other.backendPid();
    const Result<LiveRisk> ddl = readLiveRisk(m_main, {RelationLock{QStringLiteral("live_t"), LockMode::AccessExclusive}});
    const Result<LiveRisk> read = readLiveRisk(m_main, {RelationLock{QStringLiteral("live_t"), LockMode::AccessShare}});
    QVERIFY(other.exec(QStringLiteral("ROLLBACK")));
    const Result<LiveRisk> after = readLiveRisk(m_main, {RelationLock{QStringLiteral("live_t"), LockMode::AccessExclusive}});
    QVERIFY2(ddl && read && after, "reading the live state failed");

    QCOMPARE(ddl->blockers.size(), 1);
    const LiveBlocker &b = ddl->blockers.front();
    QCOMPARE(QString::number(b.pid), pid);
    QCOMPARE(b.application, QStringLiteral("pg_dump"));
    QVERIFY2(b.describe().startsWith(QStringLiteral("will wait behind pid %1 (pg_dump, user %2, idle in transaction")
                                         .arg(pid, m_cluster.user())),
             qPrintable(b.describe()));
    QVERIFY(b.describe().endsWith(QStringLiteral("AccessShareLock on live_t")));
    QCOMPARE(ddl->relations.size(), 1);
    QVERIFY(ddl->relations.front().exists);
    QCOMPARE(ddl->relations.front().estimatedRows, 100.0);
    QVERIFY(ddl->relations.front().totalBytes > 0);
    // a plan that only reads does not wait for a reader; nobody is left once it ends
    QVERIFY(read->blockers.isEmpty());
    QVERIFY(after->blockers.isEmpty());
}

// With a connection the model starts from the database: a table with rows,
// an index and a foreign key it did not see created.
void TestLockModel::liveCatalog()
{
    for (const char *sql : {"CREATE TABLE lc_parent (id integer PRIMARY KEY)",
                            "CREATE TABLE lc_child (id integer, pid integer REFERENCES lc_parent (id), name varchar(20))",
                            "CREATE INDEX ix_lc_child_name ON lc_child (name)",
                            "INSERT INTO lc_parent VALUES (1)", "INSERT INTO lc_child VALUES (1, 1, 'a')",
                            "ANALYZE lc_parent", "ANALYZE lc_child"})
        QVERIFY2(m_cluster.exec(m_db, QString::fromLatin1(sql)), sql);
    Result<SchemaCatalog> catalog = readSchemaCatalog(m_main);
    QVERIFY2(catalog, catalog ? "" : qPrintable(catalog.error().toString()));
    StatementAnalyzer analyzer(catalog.value());

    const StatementRisk notNull = analyzer.analyze(QStringLiteral("ALTER TABLE lc_child ADD COLUMN c integer NOT NULL"));
    QCOMPARE(notNull.findings.size(), 1);
    QCOMPARE(notNull.findings.front().rule, rules::AddColumnNotNullWithoutDefault);
    QCOMPARE(notNull.findings.front().severity, Severity::Error);  // the table has rows

    const StatementRisk widen = analyzer.analyze(QStringLiteral("ALTER TABLE lc_child ALTER COLUMN name TYPE varchar(40)"));
    QVERIFY(!widen.rewrite);  // varchar(20) -> varchar(40), as the database says name is

    const StatementRisk dropIndex = analyzer.analyze(QStringLiteral("DROP INDEX ix_lc_child_name"));
    QCOMPARE(dropIndex.locks, (QVector<RelationLock>{{QStringLiteral("lc_child"), LockMode::AccessExclusive}}));

    const StatementRisk drop = analyzer.analyze(QStringLiteral("DROP TABLE lc_child"));
    QCOMPARE(drop.locks, (QVector<RelationLock>{{QStringLiteral("lc_child"), LockMode::AccessExclusive},
                                                {QStringLiteral("lc_parent"), LockMode::AccessExclusive}}));
}

QTEST_GUILESS_MAIN(TestLockModel)
#include "tst_lockmodel.moc"
