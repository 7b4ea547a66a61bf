// What an online run sends means the same on any server setting, and the
// version table holds each revision id exactly:
// - string literals rendered natively (server defaults, comments,
//   bulk_insert values, inline_literal) against a database where a role or
//   the database sets standard_conforming_strings=off, compared with alembic
//   online on a twin (SQLAlchemy asks the server and escapes accordingly);
// - revision ids with backslashes and quotes through every kind of
//   version-row write (insert, update, delete, merge, stamp, --purge), in
//   both transaction modes, compared with alembic online on a twin;
// - the preview of a run is the text the executor sends.
#include "bridge/onlinesteprunner.h"
#include "bridge/planrenderer.h"
#include "exec/executor.h"
#include "exec/migrationrunner.h"
#include "processrunner.h"
#include "projectfixture.h"
#include "testcluster.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::testsupport;

namespace {

QString fixtureDir(const QString &name)
{
    return QStringLiteral(RETORT_SOURCE_DIR "/tests/exec/fixtures/") + name;
}

// The value every literal of tests/exec/fixtures/scsoff holds: under
// standard_conforming_strings=off a plain '...' literal of it ends at its
// quote, and what follows drops the table `victim`.
const QString kEvil = QStringLiteral("\\'); DROP TABLE victim; --");

// How a test turns standard_conforming_strings off for the sessions of one database.
QString scsOffStatement(const QString &how, const QString &db)
{
    if (how == QLatin1String("database"))
        return QStringLiteral("ALTER DATABASE %1 SET standard_conforming_strings = off").arg(quoteIdentifier(db));
    return QStringLiteral("ALTER ROLE CURRENT_USER IN DATABASE %1 SET standard_conforming_strings = off")
        .arg(quoteIdentifier(db));
}

} // namespace

class TestLiteralSafety : public QObject {
    Q_OBJECT

private:
    // `retort -c ini <args>` on ours, `alembic -c ini <args>` on the twin:
    // both exit 0 and leave the same version rows.
    void sameRows(TestCluster &cluster, const QString &dir, const QStringList &args, const QString &ours,
                  const QString &twin)
    {
        const QString ini = dir + QStringLiteral("/alembic.ini");
        const ProcessResult a = runAlembic(ini, args, dir, alembicEnv(cluster.url(twin)));
        const ProcessResult r = runRetort(QStringList{QStringLiteral("-c"), ini} + args, dir, alembicEnv(cluster.url(ours)));
        const QString what = args.join(QLatin1Char(' '));
        QVERIFY2(a.ok(), qPrintable(what + QStringLiteral(": alembic ") + a.describe()));
        QVERIFY2(r.ok(), qPrintable(what + QStringLiteral(": retort ") + r.describe()));
        QCOMPARE(cluster.versionRows(ours), cluster.versionRows(twin));
    }

    // retort alone (alembic 1.8.1 splices ids into its SQL and fails on a quote).
    void retortRows(TestCluster &cluster, const QString &dir, const QStringList &args, const QString &db,
                    const QStringList &expected)
    {
        const ProcessResult r = runRetort(QStringList{QStringLiteral("-c"), dir + QStringLiteral("/alembic.ini")} + args,
                                          dir, alembicEnv(cluster.url(db)));
        QVERIFY2(r.ok(), qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": retort ") + r.describe()));
        QCOMPARE(cluster.versionRows(db), expected);
    }

private slots:
    void initTestCase() { QVERIFY2(!alembicPython().isEmpty(), "no Python that can import alembic"); }

    // Offline, the version-row statements are alembic's text byte for byte:
    // the ids spliced as written (alembic escapes nothing there).
    void offlineVersionRowsAsAlembic_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("upgrade") << QStringList{"upgrade", "b\\c:m\\g", "--sql"};
        QTest::newRow("upgrade with a quote") << QStringList{"upgrade", "heads", "--sql"};
        QTest::newRow("downgrade") << QStringList{"downgrade", "q'\\z:base", "--sql"};
        QTest::newRow("stamp") << QStringList{"stamp", "x\\y", "--sql"};
    }
    void offlineVersionRowsAsAlembic()
    {
        QFETCH(QStringList, args);
        const QString dir = fixtureDir(QStringLiteral("quotedids"));
        const QString ini = dir + QStringLiteral("/alembic.ini");
        const QProcessEnvironment env = alembicEnv(QStringLiteral("postgresql://nobody@localhost/none"));
        const ProcessResult a = runAlembic(ini, args, dir, env);
        const ProcessResult r = runRetort(QStringList{QStringLiteral("-c"), ini} + args, dir, env);
        QVERIFY2(a.ok(), qPrintable(a.describe()));
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(QString::fromUtf8(r.out), QString::fromUtf8(a.out));
    }

    void versionIdsAsAlembic_data()
    {
        QTest::addColumn<bool>("perMigration");
        QTest::newRow("one transaction") << false;
        QTest::newRow("transaction_per_migration") << true;
    }
    // Ids with backslashes: inserts, updates, a merge (delete + update), the
    // unmerge, deletes down to base, stamp and stamp --purge leave the rows
    // alembic leaves. Then an id with a quote and a backslash, which alembic
    // 1.8.1 cannot write (its SQL has a syntax error): Retort stores it as
    // written, updates it and deletes it.
    void versionIdsAsAlembic()
    {
        QFETCH(bool, perMigration);
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        const QString fixture = fixtureDir(QStringLiteral("quotedids"));
        const QString dir = perMigration ? perStepCopy(fixture, tmp.path()) : fixture;
        QVERIFY2(!dir.isEmpty(), "cannot copy tests/exec/fixtures/quotedids");
        const QString ours = cluster.createDatabase(QStringLiteral("ids_retort"));
        const QString twin = cluster.createDatabase(QStringLiteral("ids_alembic"));
        QVERIFY2(!ours.isEmpty() && !twin.isEmpty(), qPrintable(cluster.lastError()));

        const QList<QStringList> commands = {
            {"upgrade", "x\\y"},           // insert b\c, update to x\y
            {"upgrade", "br\\1"},          // a second branch: insert br\1
            {"upgrade", "m\\g"},           // the merge: delete one, update the other
            {"downgrade", "x\\y"},         // the unmerge: update back, insert the other
            {"downgrade", "base"},         // deletes
            {"stamp", "m\\g"},             // insert
            {"stamp", "--purge", "b\\c"},  // delete all, insert
            {"stamp", "x\\y"},             // update
        };
        for (const QStringList &c : commands) {
            sameRows(cluster, dir, c, ours, twin);
            if (QTest::currentTestFailed())
                return;
        }
        QCOMPARE(cluster.versionRows(ours), QStringList{QStringLiteral("x\\y")});

        const ProcessResult a = runAlembic(dir + QStringLiteral("/alembic.ini"), {QStringLiteral("upgrade"), QStringLiteral("heads")},
                                           dir, alembicEnv(cluster.url(twin)));
        QVERIFY2(a.exitCode == 1 && a.err.contains("syntax error"), qPrintable(a.describe()));
        const QString quoted = QStringLiteral("q'\\z");
        retortRows(cluster, dir, {QStringLiteral("upgrade"), QStringLiteral("heads")}, ours, {quoted});
        retortRows(cluster, dir, {QStringLiteral("downgrade"), QStringLiteral("-1")}, ours, {QStringLiteral("m\\g")});
        retortRows(cluster, dir, {QStringLiteral("stamp"), QStringLiteral("--purge"), quoted}, ours, {quoted});
        retortRows(cluster, dir, {QStringLiteral("downgrade"), QStringLiteral("base")}, ours, {});
        QVERIFY(cluster.dropDatabase(ours));
        QVERIFY(cluster.dropDatabase(twin));
    }

    // The same ids where standard_conforming_strings is off: each row holds
    // the id as written (alembic's own splicing would store "bc" there).
    void versionIdsWithEscapesOn()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString dir = fixtureDir(QStringLiteral("quotedids"));
        const QString db = cluster.createDatabase(QStringLiteral("ids_scs"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        QVERIFY2(cluster.exec(db, scsOffStatement(QStringLiteral("database"), db)), qPrintable(cluster.lastError()));
        retortRows(cluster, dir, {QStringLiteral("upgrade"), QStringLiteral("x\\y")}, db, {QStringLiteral("x\\y")});
        retortRows(cluster, dir, {QStringLiteral("upgrade"), QStringLiteral("heads")}, db, {QStringLiteral("q'\\z")});
        retortRows(cluster, dir, {QStringLiteral("stamp"), QStringLiteral("--purge"), QStringLiteral("br\\1")}, db,
                   {QStringLiteral("br\\1")});
        retortRows(cluster, dir, {QStringLiteral("downgrade"), QStringLiteral("base")}, db, {});
        QVERIFY(cluster.dropDatabase(db));
    }

    void literalsWithEscapesOn_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("ALTER DATABASE SET") << QStringLiteral("database");
        QTest::newRow("ALTER ROLE SET") << QStringLiteral("role");
    }
    // standard_conforming_strings=off for the database or the role: the
    // server default, the column and table comments and the bulk_insert
    // values hold the value written in the revision, the table `victim`
    // survives, and schema and rows equal alembic's; then an inline_literal
    // (alembic cannot run it online) holds its value too.
    void literalsWithEscapesOn()
    {
        QFETCH(QString, how);
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString dir = fixtureDir(QStringLiteral("scsoff"));
        const QString ours = cluster.createDatabase(QStringLiteral("scs_retort"));
        const QString twin = cluster.createDatabase(QStringLiteral("scs_alembic"));
        QVERIFY2(!ours.isEmpty() && !twin.isEmpty(), qPrintable(cluster.lastError()));
        for (const QString &db : {ours, twin}) {
            QVERIFY2(cluster.exec(db, QStringLiteral("CREATE TABLE victim (id int)")), qPrintable(cluster.lastError()));
            QVERIFY2(cluster.exec(db, scsOffStatement(how, db)), qPrintable(cluster.lastError()));
        }
        QCOMPARE(queryRows(cluster, ours, QStringLiteral("SHOW standard_conforming_strings")), QStringList{QStringLiteral("off")});

        const QString ini = dir + QStringLiteral("/alembic.ini");
        const QStringList args{QStringLiteral("upgrade"), QStringLiteral("s001")};
        const ProcessResult a = runAlembic(ini, args, dir, alembicEnv(cluster.url(twin)));
        QVERIFY2(a.ok(), qPrintable(a.describe()));
        const ProcessResult r = runRetort(QStringList{QStringLiteral("-c"), ini} + args, dir, alembicEnv(cluster.url(ours)));
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY2(!r.err.contains("needs Python"), r.err.constData());  // every literal rendered natively

        QCOMPARE(queryRows(cluster, ours, QStringLiteral("SELECT to_regclass('victim') IS NOT NULL")),
                 QStringList{QStringLiteral("true")});
        QCOMPARE(queryRows(cluster, ours, QStringLiteral("SELECT id, dir, extra FROM path ORDER BY id")),
                 (QStringList{QStringLiteral("1|%1|%1 2").arg(kEvil), QStringLiteral("2|%1 2|%1 2").arg(kEvil),
                              QStringLiteral("3|%1|%1 2").arg(kEvil)}));
        QCOMPARE(queryRows(cluster, ours, QStringLiteral("SELECT obj_description('path'::regclass, 'pg_class'), "
                                                         "col_description('path'::regclass, 3)")),
                 QStringList{QStringLiteral("%1 3|C:%1").arg(kEvil)});
        QCOMPARE(queryRows(cluster, ours, QStringLiteral("SELECT note FROM path WHERE id = 1")),
                 QStringList{QStringLiteral("tab\\tnot a tab")});
        const QString schema = cluster.schemaDump(ours);
        QVERIFY2(!schema.isEmpty(), qPrintable(cluster.lastError()));
        QCOMPARE(schema, cluster.schemaDump(twin));
        QCOMPARE(tableData(cluster, ours), tableData(cluster, twin));
        QCOMPARE(cluster.versionRows(ours), cluster.versionRows(twin));

        // op.inline_literal in bulk_insert, which alembic only runs offline
        const ProcessResult inl = runRetort({QStringLiteral("-c"), ini, QStringLiteral("upgrade"), QStringLiteral("s002")},
                                            dir, alembicEnv(cluster.url(ours)));
        QVERIFY2(inl.ok(), qPrintable(inl.describe()));
        QVERIFY2(!inl.err.contains("needs Python"), inl.err.constData());
        QCOMPARE(queryRows(cluster, ours, QStringLiteral("SELECT dir FROM path WHERE id = 4")),
                 QStringList{kEvil + QStringLiteral(" inline")});
        QCOMPARE(queryRows(cluster, ours, QStringLiteral("SELECT to_regclass('victim') IS NOT NULL")),
                 QStringList{QStringLiteral("true")});
        QVERIFY(cluster.dropDatabase(ours));
        QVERIFY(cluster.dropDatabase(twin));
    }

    // The statements a run's preview lists are, in order and byte for byte,
    // the statements the executor sends (each one as its progress shows
    // it), for the literal fixture and for ids with backslashes and quotes.
    void previewIsWhatIsSent_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::newRow("literals") << QStringLiteral("scsoff");
        QTest::newRow("ids") << QStringLiteral("quotedids");
    }
    void previewIsWhatIsSent()
    {
        QFETCH(QString, fixture);
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("preview"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        QVERIFY2(cluster.exec(db, QStringLiteral("CREATE TABLE victim (id int)")), qPrintable(cluster.lastError()));
        QVERIFY2(cluster.exec(db, scsOffStatement(QStringLiteral("role"), db)), qPrintable(cluster.lastError()));
        const LoadedProject project = loadProject(fixtureDir(fixture) + QStringLiteral("/alembic.ini"));
        QVERIFY2(project.error.isEmpty(), qPrintable(project.error));
        RunOptions options;
        options.transactionPerMigration = project.context.env.transactionPerMigration;
        const ConnectionSettings connection = clusterSettings(cluster.url(db));
        MigrationRunner runner(project.context, connection, options);
        PlanRenderSettings settings;
        settings.mode = RenderMode::Online;
        settings.policy = EnginePolicy::Native;
        runner.setStepRenderer(planStepRenderer(project.context, settings));
        Operation op;
        op.targets = QStringList{QStringLiteral("heads")};
        Result<RunPreview> preview = runner.preview(op);
        QVERIFY2(preview.ok(), qPrintable(preview.error().toString()));
        QStringList shown;
        for (const PlannedStatement &s : preview->statements)
            if (s.kind == PlannedStatement::Kind::Body || s.kind == PlannedStatement::Kind::VersionRow)
                shown << s.sql;
        const QString script = scriptText(preview->statements);
        if (fixture == QLatin1String("scsoff"))
            QVERIFY2(script.contains(QStringLiteral("E'\\\\''); DROP TABLE victim; --'")), qPrintable(script));
        else
            QVERIFY2(script.contains(QStringLiteral("VALUES (E'b\\\\c')")) && script.contains(QStringLiteral("'q''\\\\z'")),
                     qPrintable(script));

        Result<RunRequest> request = runner.request(op);
        QVERIFY2(request.ok(), qPrintable(request.error().toString()));
        Executor executor;
        QStringList sent;
        connect(&executor, &Executor::progress, this, [&sent](const RunProgress &p) { sent << p.statementText; });
        const RunReport report = executor.run(request.value());
        QVERIFY2(report.ok, qPrintable(describe(report)));
        QCOMPARE(sent, shown);
        QCOMPARE(queryRows(cluster, db, QStringLiteral("SELECT to_regclass('victim') IS NOT NULL")),
                 QStringList{QStringLiteral("true")});
        QVERIFY(cluster.dropDatabase(db));
    }
};

QTEST_GUILESS_MAIN(TestLiteralSafety)
#include "tst_literalsafety.moc"
