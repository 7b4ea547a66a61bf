// Spans and layout rules: hand-written plans whose expected spans are
// counted by hand from the statements laid out by statementsFor().

#include "exec/plannedstatements.h"
#include "risk/planrisk.h"
#include "risk/touchedobjects.h"

#include <QtTest>

using namespace retort;
using namespace retort::risk;

namespace {

PlannedStep step(const QString &revision, const QString &from, const QStringList &sql, bool autocommitLast = false)
{
    PlannedStep p;
    p.step.kind = MigrationStep::Kind::Upgrade;
    p.revision = revision;
    VersionRowOp row;
    row.kind = from.isEmpty() ? VersionRowOp::Kind::Insert : VersionRowOp::Kind::Update;
    row.from = from;
    row.to = revision;
    p.step.rowOps = {row};
    for (int i = 0; i < sql.size(); ++i) {
        const bool block = autocommitLast && i == sql.size() - 1;
        if (block)
            p.sql.body.append(SqlStatement{SqlStatement::Kind::EnterAutocommit, QString(), 0, {}});
        p.sql.body.append(SqlStatement::statement(sql[i]));
        if (block)
            p.sql.body.append(SqlStatement{SqlStatement::Kind::LeaveAutocommit, QString(), 0, {}});
    }
    return p;
}

PlanRisk analyze(const QVector<PlannedStep> &steps, bool perMigration, PlanRiskOptions options = PlanRiskOptions())
{
    return analyzePlan(steps, statementsFor(steps, true, VersionTable(), true, perMigration), SchemaCatalog(), options);
}

const LockSpan *spanOf(const PlanRisk &plan, const QString &relation, LockMode mode)
{
    for (const LockSpan &s : plan.spans)
        if (s.relation == relation && s.mode == mode)
            return &s;
    return nullptr;
}

QStringList rulesOf(const StatementReport &s)
{
    QStringList out;
    for (const Finding &f : s.risk.findings)
        out << f.rule;
    return out;
}

} // namespace

class TestPlanRisk : public QObject {
    Q_OBJECT

private slots:
    void oneTransactionHoldsToTheLastCommit();
    void perMigrationCommitsEachStep();
    void autocommitBlockHoldsForOneStatement();
    void layoutRules();
    void allowComments_data();
    void allowComments();
    void severalStatementsInOneText();
    void touchedObjects_data();
    void touchedObjects();
};

// Step a: ALTER users (AccessExclusive), its version row; step b: two
// statements and its version row; one COMMIT at the end.
void TestPlanRisk::oneTransactionHoldsToTheLastCommit()
{
    const QVector<PlannedStep> steps{
        step(QStringLiteral("a"), QString(), {QStringLiteral("SET lock_timeout = '2s'"),
                                              QStringLiteral("ALTER TABLE users ADD COLUMN x integer")}),
        step(QStringLiteral("b"), QStringLiteral("a"), {QStringLiteral("UPDATE orders SET n = 1 WHERE id = 3"),
                                                        QStringLiteral("SELECT 1")}),
    };
    const PlanRisk plan = analyze(steps, false);
    // a: SET, ALTER, INSERT version row; b: UPDATE, SELECT, UPDATE version row
    QCOMPARE(plan.statements.size(), 6);
    const LockSpan *users = spanOf(plan, QStringLiteral("users"), LockMode::AccessExclusive);
    QVERIFY(users);
    QCOMPARE(plan.statements[users->from].revision, QStringLiteral("a"));
    QCOMPARE(plan.statements[users->from].number, 2);
    QCOMPARE(plan.statements[users->to].revision, QStringLiteral("b"));
    QCOMPARE(users->statements, 5);  // ALTER through b's version row
    QCOMPARE(users->revisions, 2);
    QCOMPARE(plan.describe(*users),
             QStringLiteral("AccessExclusiveLock on users from revision a statement 2 to revision b COMMIT "
                            "(5 statements, 2 revisions)"));
    const LockSpan *orders = spanOf(plan, QStringLiteral("orders"), LockMode::RowExclusive);
    QVERIFY(orders);
    QCOMPARE(orders->statements, 3);
    QCOMPARE(orders->revisions, 1);
}

void TestPlanRisk::perMigrationCommitsEachStep()
{
    const QVector<PlannedStep> steps{
        step(QStringLiteral("a"), QString(), {QStringLiteral("ALTER TABLE users ADD COLUMN x integer")}),
        step(QStringLiteral("b"), QStringLiteral("a"), {QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2")}),
    };
    const PlanRisk plan = analyze(steps, true);
    const LockSpan *users = spanOf(plan, QStringLiteral("users"), LockMode::AccessExclusive);
    QVERIFY(users);
    QCOMPARE(users->statements, 2);  // the ALTER and a's version row, then a's COMMIT
    QCOMPARE(users->revisions, 1);
    QCOMPARE(plan.statements[users->to].revision, QStringLiteral("a"));
}

void TestPlanRisk::autocommitBlockHoldsForOneStatement()
{
    const QVector<PlannedStep> steps{step(QStringLiteral("a"), QString(),
                                          {QStringLiteral("SET lock_timeout = '2s'"),
                                           QStringLiteral("CREATE INDEX CONCURRENTLY ix ON users (email)")},
                                          true)};
    const PlanRisk plan = analyze(steps, false);
    const LockSpan *users = spanOf(plan, QStringLiteral("users"), LockMode::ShareUpdateExclusive);
    QVERIFY(users);
    QVERIFY(users->autocommit);
    QCOMPARE(users->statements, 1);
    QVERIFY(plan.describe(*users).endsWith(QLatin1String("(autocommit: that statement only)")));
    QCOMPARE(plan.statements[1].inTransaction, false);
    QVERIFY(rulesOf(plan.statements[1]).isEmpty());
}

void TestPlanRisk::layoutRules()
{
    // CONCURRENTLY and ADD VALUE inside the transaction; DDL without lock_timeout
    const QVector<PlannedStep> steps{step(QStringLiteral("a"), QString(),
                                          {QStringLiteral("CREATE INDEX CONCURRENTLY ix ON users (email)"),
                                           QStringLiteral("ALTER TYPE mood ADD VALUE 'sad'"),
                                           QStringLiteral("ALTER TABLE users ADD COLUMN x integer")})};
    const PlanRisk plan = analyze(steps, false);
    QCOMPARE(rulesOf(plan.statements[0]), QStringList{rules::ConcurrentlyInTransaction});
    QCOMPARE(plan.statements[0].risk.findings.front().severity, Severity::Error);
    QCOMPARE(rulesOf(plan.statements[1]), QStringList{rules::EnumAddValueInTransaction});
    QCOMPARE(rulesOf(plan.statements[2]), QStringList{rules::MissingLockTimeout});
    // with --lock-timeout the last one is fine
    PlanRiskOptions timeout;
    timeout.lockTimeoutSet = true;
    QVERIFY(rulesOf(analyze(steps, false, timeout).statements[2]).isEmpty());
    // a lock_timeout set LOCAL lasts until its transaction's COMMIT only
    const QVector<PlannedStep> local{
        step(QStringLiteral("a"), QString(), {QStringLiteral("SET LOCAL lock_timeout = '2s'"),
                                              QStringLiteral("ALTER TABLE users ADD COLUMN x integer")}),
        step(QStringLiteral("b"), QStringLiteral("a"), {QStringLiteral("ALTER TABLE users ADD COLUMN y integer")}),
    };
    const PlanRisk perStep = analyze(local, true);
    QVERIFY(rulesOf(perStep.statements[1]).isEmpty());
    QCOMPARE(rulesOf(perStep.statements[3]), QStringList{rules::MissingLockTimeout});
}

void TestPlanRisk::allowComments_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("allowed");   // "rule=reason"
    QTest::addColumn<QStringList>("problems");  // "line: part of the message"
    const QString idx = QStringLiteral("index-without-concurrently");
    const QString lt = QStringLiteral("missing-lock-timeout");
    QTest::newRow("own line and after code")
        << QStringLiteral("def upgrade():\n"
                          "    # retort: allow index-without-concurrently the table has 40 rows\n"
                          "    op.create_index('ix', 't', ['a'])  # retort: allow missing-lock-timeout\n")
        << QStringList{idx + QStringLiteral("=the table has 40 rows"), lt + QStringLiteral("=(no reason given)")}
        << QStringList();
    QTest::newRow("a list")
        << QStringLiteral("#retort:allow index-without-concurrently ,missing-lock-timeout, drop-table  small, and old\n")
        << QStringList{idx + QStringLiteral("=small, and old"), lt + QStringLiteral("=small, and old"),
                       QStringLiteral("drop-table=small, and old")}
        << QStringList();
    QTest::newRow("a list without spaces") << QStringLiteral("# retort: allow index-without-concurrently,missing-lock-timeout\n")
                                           << QStringList{idx + QStringLiteral("=(no reason given)"), lt + QStringLiteral("=(no reason given)")}
                                           << QStringList();
    QTest::newRow("strings and docstrings")
        << QStringLiteral("\"\"\"doc\n# retort: allow index-without-concurrently\n\"\"\"\n"
                          "x = '# retort: allow missing-lock-timeout'\n"
                          "y = f\"{x} # retort: allow drop-table\"\n"
                          "op.execute(\"\"\"\n    -- # retort: allow drop-column\n\"\"\")\n")
        << QStringList() << QStringList();
    QTest::newRow("not a directive") << QStringLiteral("# see retort: allow lists in the README\n# retort\n")
                                     << QStringList() << QStringList();
    QTest::newRow("unknown rule")
        << QStringLiteral("\n# retort: allow index-without-concurency typo\n")
        << QStringList() << QStringList{QStringLiteral("2: unknown rule 'index-without-concurency'")};
    QTest::newRow("an unknown rule in a list leaves the list")
        << QStringLiteral("# retort: allow missing-lock-timeout, nosuch\n")
        << QStringList() << QStringList{QStringLiteral("1: unknown rule 'nosuch'")};
    QTest::newRow("no rule") << QStringLiteral("x = 1  # retort: allow\n") << QStringList()
                             << QStringList{QStringLiteral("1: '# retort: allow' names no rule")};
    QTest::newRow("nothing after a comma") << QStringLiteral("# retort: allow drop-table,\n") << QStringList()
                                           << QStringList{QStringLiteral("1: '# retort: allow drop-table,' names no rule after ','")};
    QTest::newRow("two rules without a comma")
        << QStringLiteral("# retort: allow drop-table drop-column gone\n") << QStringList()
        << QStringList{QStringLiteral("1: rule 'drop-column' follows 'drop-table' without a comma")};
    QTest::newRow("another word") << QStringLiteral("\n\n    # retort: allowance is not a rule\n") << QStringList()
                                  << QStringList{QStringLiteral("3: '# retort: allowance is not a rule' is not '# retort: allow RULE")};
}

void TestPlanRisk::allowComments()
{
    QFETCH(QString, source);
    QFETCH(QStringList, allowed);
    QFETCH(QStringList, problems);
    const AllowComments read = risk::allowComments(source.toUtf8(), QStringLiteral("r.py"));
    QStringList gotAllowed;
    for (auto it = read.rules.cbegin(); it != read.rules.cend(); ++it)
        gotAllowed << it.key() + QLatin1Char('=') + it.value();
    gotAllowed.sort();
    allowed.sort();
    QCOMPARE(gotAllowed, allowed);
    QCOMPARE(read.problems.size(), problems.size());
    for (int i = 0; i < problems.size(); ++i) {
        QCOMPARE(read.problems[i].where().file, QStringLiteral("r.py"));
        const QString got = QStringLiteral("%1: %2").arg(read.problems[i].where().line).arg(read.problems[i].message());
        QVERIFY2(got.startsWith(problems[i]), qPrintable(got));
    }
    if (!problems.isEmpty() && !problems.first().contains(QLatin1String("without a comma")))
        QVERIFY2(read.problems.first().message().contains(QStringLiteral("the rules are: index-without-concurrently, ")),
                 qPrintable(read.problems.first().message()));
}

// What a statement names, for the window's search ("users.email"): the SQL
// as alembic 1.8.1 prints it for the ops, and hand-written raw SQL.
void TestPlanRisk::touchedObjects_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("touched");
    QTest::newRow("create table") << QStringLiteral(
        "CREATE TABLE users (\n    id SERIAL NOT NULL, \n    email VARCHAR(255), \n    \"Org Id\" INTEGER, \n"
        "    PRIMARY KEY (id), \n    UNIQUE (email), \n    CONSTRAINT fk FOREIGN KEY(\"Org Id\") REFERENCES orgs (id)\n)")
        << QStringList{"users", "users.id", "users.email", "users.Org Id"};
    QTest::newRow("create index") << QStringLiteral(
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_users_email ON app.users USING btree (email, lower(name), ts DESC)")
        << QStringList{"idx_users_email", "users", "app.users", "users.email", "users.ts"};
    QTest::newRow("alter table, several actions") << QStringLiteral(
        "ALTER TABLE audit_logs ADD COLUMN request_id UUID, DROP COLUMN IF EXISTS ip, ALTER COLUMN ts TYPE TIMESTAMP, "
        "ADD CONSTRAINT uq_req UNIQUE (request_id)")
        << QStringList{"audit_logs", "audit_logs.request_id", "audit_logs.ip", "audit_logs.ts", "uq_req"};
    QTest::newRow("renames") << QStringLiteral("ALTER TABLE t RENAME COLUMN a TO b; ALTER TABLE t RENAME TO u")
                             << QStringList{"t", "t.a", "t.b", "u"};
    QTest::newRow("drops") << QStringLiteral("DROP INDEX idx_a; DROP TABLE IF EXISTS a, s.b")
                           << QStringList{"idx_a", "a", "b", "s.b"};
    QTest::newRow("dml") << QStringLiteral(
        "INSERT INTO users (id, email) VALUES (1, 'a@b'); UPDATE users SET email = lower(email), name = 'x' WHERE id = 1; "
        "DELETE FROM sessions WHERE true")
        << QStringList{"users", "users.id", "users.email", "users.name", "sessions"};
    QTest::newRow("comments, views") << QStringLiteral(
        "COMMENT ON COLUMN app.users.email IS 'x'; CREATE OR REPLACE VIEW v AS SELECT email FROM users")
        << QStringList{"users.email", "v"};
    QTest::newRow("names nothing") << QStringLiteral("SELECT 1; SET lock_timeout = 1000; VACUUM users") << QStringList{};
}

void TestPlanRisk::touchedObjects()
{
    QFETCH(QString, sql);
    QFETCH(QStringList, touched);
    QCOMPARE(risk::touchedObjects(sql), touched);
}

QTEST_GUILESS_MAIN(TestPlanRisk)
// op.execute("SET ...; ALTER ...; DROP ...") runs all three: every one's
// findings count (only the first's did; a hostile try).
void TestPlanRisk::severalStatementsInOneText()
{
    auto rulesFor = [](const QString &sql) {
        SchemaCatalog catalog;
        StatementAnalyzer analyzer(catalog);
        QStringList out;
        for (const Finding &f : analyzer.analyze(sql).findings)
            out << f.rule;
        out.sort();
        out.removeDuplicates();
        return out;
    };
    const QString alter = QStringLiteral("ALTER TABLE users ALTER COLUMN name TYPE text");
    const QString drop = QStringLiteral("DROP TABLE artifact");
    QVERIFY(!rulesFor(alter).isEmpty());
    QVERIFY(!rulesFor(drop).isEmpty());
    QStringList expected = rulesFor(alter) + rulesFor(drop);
    expected.sort();
    expected.removeDuplicates();
    QCOMPARE(rulesFor(QStringLiteral("SET lock_timeout = '2s'; ") + alter + QStringLiteral("; ") + drop), expected);
    QCOMPARE(rulesFor(QStringLiteral("SELECT 1; ") + alter), rulesFor(alter));
}

#include "tst_planrisk.moc"
