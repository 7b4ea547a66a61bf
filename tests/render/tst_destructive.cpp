// The destructive-statement classifier on scripts people write: what it must
// flag (drops, column type changes, TRUNCATE, DELETE/UPDATE without WHERE)
// and what it must not (the same words in comments, literals, dollar-quoted
// bodies, quoted identifiers, or harmless ALTER actions).
#include "render/destructive.h"

#include <QTest>

using retort::DestructiveStatement;
using retort::findDestructive;
using Kind = DestructiveStatement::Kind;

Q_DECLARE_METATYPE(QList<int>)

class TestDestructive : public QObject {
    Q_OBJECT
private slots:
    void kinds_data();
    void kinds();
    void positions();
    void stepBody();
};

void TestDestructive::kinds_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QList<int>>("kinds");  // Kind values in order

    auto k = [](std::initializer_list<Kind> list) {
        QList<int> out;
        for (Kind kind : list)
            out << int(kind);
        return out;
    };
    QTest::newRow("drop table") << "DROP TABLE users" << k({Kind::DropTable});
    QTest::newRow("lower case") << "drop table if exists users cascade;" << k({Kind::DropTable});
    QTest::newRow("drop index") << "DROP INDEX CONCURRENTLY ix_users_email" << k({Kind::DropIndex});
    QTest::newRow("drop view") << "DROP VIEW v; DROP MATERIALIZED VIEW mv" << k({Kind::DropView, Kind::DropView});
    QTest::newRow("drop type") << "DROP TYPE mood; DROP DOMAIN d" << k({Kind::DropType, Kind::DropType});
    QTest::newRow("drop schema") << "DROP SCHEMA audit CASCADE" << k({Kind::DropSchema});
    QTest::newRow("drop sequence") << "DROP SEQUENCE s" << k({Kind::DropSequence});
    QTest::newRow("drop column") << "ALTER TABLE users DROP COLUMN email" << k({Kind::DropColumn});
    QTest::newRow("drop column short") << "ALTER TABLE public.users DROP email" << k({Kind::DropColumn});
    QTest::newRow("drop constraint") << "ALTER TABLE ONLY \"Users\" DROP CONSTRAINT users_pkey"
                                     << k({Kind::DropConstraint});
    QTest::newRow("second action drops") << "ALTER TABLE t ADD COLUMN a int, DROP COLUMN b" << k({Kind::DropColumn});
    QTest::newRow("alter type") << "ALTER TABLE t ALTER COLUMN c TYPE BIGINT" << k({Kind::AlterColumnType});
    QTest::newRow("alter set data type") << "ALTER TABLE t ALTER c SET DATA TYPE text USING c::text"
                                         << k({Kind::AlterColumnType});
    QTest::newRow("truncate") << "TRUNCATE TABLE events RESTART IDENTITY" << k({Kind::Truncate});
    QTest::newRow("delete all") << "DELETE FROM events" << k({Kind::DeleteAll});
    QTest::newRow("update all") << "UPDATE users SET active = false" << k({Kind::UpdateAll});
    QTest::newRow("cte delete all") << "WITH x AS (SELECT 1 WHERE true) DELETE FROM events"
                                    << k({Kind::DeleteAll});

    // Not destructive.
    QTest::newRow("delete where") << "DELETE FROM events WHERE id = 1" << k({});
    QTest::newRow("update where") << "update users set a = 1 where id in (select id from x)" << k({});
    QTest::newRow("update where in subquery only")
        << "UPDATE users SET a = (SELECT b FROM c WHERE c.id = users.id)" << k({Kind::UpdateAll});
    QTest::newRow("alter drop default") << "ALTER TABLE t ALTER COLUMN c DROP DEFAULT" << k({});
    QTest::newRow("alter drop not null") << "ALTER TABLE t ALTER COLUMN c DROP NOT NULL" << k({});
    QTest::newRow("alter set default") << "ALTER TABLE t ALTER COLUMN type SET DEFAULT 1" << k({});
    QTest::newRow("add column named type") << "ALTER TABLE t ADD COLUMN type text" << k({});
    QTest::newRow("create table") << "CREATE TABLE t (id int, drop_me text)" << k({});
    QTest::newRow("line comment") << "-- DROP TABLE users;\nSELECT 1" << k({});
    QTest::newRow("block comment") << "/* DROP TABLE users; /* nested; */ TRUNCATE x; */ SELECT 1" << k({});
    QTest::newRow("string literal") << "INSERT INTO log VALUES ('DROP TABLE users; DELETE FROM x')" << k({});
    QTest::newRow("escaped quote") << "INSERT INTO log VALUES ('it''s; DROP TABLE x')" << k({});
    QTest::newRow("E string") << "INSERT INTO log VALUES (E'a\\'; DROP TABLE x')" << k({});
    QTest::newRow("dollar quoted") << "CREATE FUNCTION f() RETURNS void AS $$ DELETE FROM t; $$ LANGUAGE sql" << k({});
    QTest::newRow("tagged dollar") << "DO $body$ BEGIN TRUNCATE t; END $body$" << k({});
    QTest::newRow("quoted identifier") << "SELECT \"DROP TABLE x; \" FROM t" << k({});
    QTest::newRow("comment before") << "/* cleanup */ -- really\n  DROP TABLE old_stuff" << k({Kind::DropTable});
    QTest::newRow("mixed") << "CREATE INDEX i ON t (a);\nDROP INDEX j;\nUPDATE t SET a = 1 WHERE b;\nTRUNCATE t"
                           << k({Kind::DropIndex, Kind::Truncate});
}

void TestDestructive::kinds()
{
    QFETCH(QString, sql);
    QFETCH(QList<int>, kinds);
    QList<int> got;
    for (const DestructiveStatement &d : findDestructive(sql))
        got << int(d.kind);
    QCOMPARE(got, kinds);
}

void TestDestructive::positions()
{
    const QString sql = QStringLiteral("CREATE TABLE a (id int);\n\n-- drop the old one\nDROP TABLE old  ;\n"
                                       "UPDATE a SET id = 2;\n");
    const QVector<DestructiveStatement> found = findDestructive(sql);
    QCOMPARE(found.size(), 2);
    QCOMPARE(found[0].line, 4);
    QCOMPARE(sql.mid(found[0].offset, found[0].length), QStringLiteral("DROP TABLE old"));
    QCOMPARE(found[0].kindName(), QStringLiteral("DROP TABLE"));
    QCOMPARE(found[1].line, 5);
    QCOMPARE(sql.mid(found[1].offset, found[1].length), QStringLiteral("UPDATE a SET id = 2"));
    QCOMPARE(found[1].kindName(), QStringLiteral("UPDATE without WHERE"));
}

void TestDestructive::stepBody()
{
    retort::StepBody body;
    body << retort::SqlStatement::statement(QStringLiteral("CREATE TABLE a (id int)"), 20)
         << retort::SqlStatement{retort::SqlStatement::Kind::EnterAutocommit, {}, 21, {}}
         << retort::SqlStatement::statement(QStringLiteral("DROP INDEX CONCURRENTLY ix"), 22)
         << retort::SqlStatement{retort::SqlStatement::Kind::LeaveAutocommit, {}, 23, {}}
         << retort::SqlStatement::statement(QStringLiteral("ALTER TABLE a DROP COLUMN b"), 24);
    const QVector<DestructiveStatement> found = findDestructive(body);
    QCOMPARE(found.size(), 2);
    QCOMPARE(found[0].statementIndex, 2);
    QCOMPARE(found[0].kind, Kind::DropIndex);
    QCOMPARE(found[0].offset, 0);
    QCOMPARE(found[1].statementIndex, 4);
    QCOMPARE(found[1].kind, Kind::DropColumn);
}

QTEST_GUILESS_MAIN(TestDestructive)
#include "tst_destructive.moc"
