// Revisions that raise on purpose: `raise NotImplementedError("...")` in a
// downgrade() that cannot be undone. Offline, `downgrade --sql` through one
// prints alembic's script byte for byte up to the raise and fails as alembic
// fails (exit 1, the exception at the revision's file:line), rendered
// natively: --engine native, which never starts Python, gives the same. A
// raise Retort does not know stays alembic's, through the bridge. Online, a
// downgrade across such a step is refused before anything runs: the version
// rows and the schema are as they were, also with transaction_per_migration.

#include "processrunner.h"
#include "smallproject.h"
#include "testcluster.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort::testsupport;

namespace {

// Offline alembic needs a URL for its dialect only; nothing connects.
QProcessEnvironment offlineUrl()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("DATABASE_URL"), QStringLiteral("postgresql://nobody@localhost/nothing"));
    return env;
}

// The innermost line of `file` in a Python traceback, as alembic prints it.
QString tracebackLine(const QByteArray &err, const QString &file)
{
    static const QRegularExpression frame(QStringLiteral("File \"[^\"]*/([^/\"]+)\", line (\\d+)"));
    QString line;
    for (auto it = frame.globalMatch(QString::fromUtf8(err)); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.captured(1) == file)
            line = m.captured(2);
    }
    return line;
}

QString lastLine(const QByteArray &err)
{
    return QString::fromUtf8(err).trimmed().split(QLatin1Char('\n')).back();
}

// s1 makes t, s2 adds t.b and its downgrade is `downgrade`, s3 adds t.c.
QStringList upgrades()
{
    return {QStringLiteral("op.create_table('t', sa.Column('id', sa.Integer, primary_key=True), sa.Column('a', sa.Integer))"),
            QStringLiteral("op.add_column('t', sa.Column('b', sa.Integer))"),
            QStringLiteral("op.add_column('t', sa.Column('c', sa.Integer))")};
}

QStringList downgrades(const QString &s2)
{
    return {QStringLiteral("op.drop_table('t')"), s2, QStringLiteral("op.drop_column('t', 'c')")};
}

} // namespace

class TestIrreversible : public QObject {
    Q_OBJECT

private slots:
    void offlineIsAlembics_data()
    {
        QTest::addColumn<QString>("downgrade");
        QTest::addColumn<bool>("native");  // whether Retort knows the raise (--engine native renders it)
        QTest::newRow("message") << QStringLiteral("raise NotImplementedError(\"irreversible: the old data is gone\")")
                                 << true;
        QTest::newRow("bare class") << QStringLiteral("raise NotImplementedError") << true;
        QTest::newRow("no arguments") << QStringLiteral("raise NotImplementedError()") << true;
        QTest::newRow("empty message") << QStringLiteral("raise NotImplementedError('')") << true;
        QTest::newRow("f-string") << QStringLiteral("table = 't'\nraise NotImplementedError(f'{table}.b: the old "
                                                    "values are gone ({len(table)} table)')")
                                  << true;
        QTest::newRow("after ops") << QStringLiteral("op.execute(\"UPDATE t SET a = b\")\nop.drop_column('t', 'b')\n"
                                                     "raise NotImplementedError('b was merged into a')")
                                   << true;
        QTest::newRow("static if") << QStringLiteral("keep = False\nif keep:\n    op.drop_column('t', 'b')\nelse:\n"
                                                     "    op.execute('SELECT 1')\n    raise NotImplementedError('kept')")
                                   << true;
        QTest::newRow("in a loop") << QStringLiteral("for column in ['a', 'b']:\n    op.execute(f'UPDATE t SET {column} "
                                                     "= 0')\n    if column == 'b':\n        raise RuntimeError(column)")
                                   << true;
        QTest::newRow("Exception") << QStringLiteral("raise Exception('Irreversible migration')") << true;
        QTest::newRow("RuntimeError") << QStringLiteral("raise RuntimeError('cannot downgrade')") << true;
        // alembic's batch flush follows its yield: the raise drops the queued ops
        QTest::newRow("in a batch") << QStringLiteral("op.execute('SELECT 1')\nwith op.batch_alter_table('t') as batch:\n"
                                                      "    batch.drop_column('b')\n    raise NotImplementedError('batch')")
                                    << true;
        // the autocommit block's `finally` emits BEGIN before the error
        QTest::newRow("in an autocommit block")
            << QStringLiteral("with op.get_context().autocommit_block():\n    op.execute('VACUUM t')\n"
                              "    raise NotImplementedError('after vacuum')")
            << true;
        // what Retort does not know stays alembic's, through the bridge
        QTest::newRow("ValueError") << QStringLiteral("raise ValueError('no')") << false;
        QTest::newRow("shadowed") << QStringLiteral("NotImplementedError = ValueError\nraise NotImplementedError('x')")
                                  << false;
        QTest::newRow("two arguments") << QStringLiteral("raise NotImplementedError('a', 'b')") << false;
        QTest::newRow("from") << QStringLiteral("raise NotImplementedError('x') from None") << false;
    }

    void offlineIsAlembics()
    {
        QFETCH(QString, downgrade);
        QFETCH(bool, native);
        QTemporaryDir tmp;
        const QString ini = writeSmallProject(tmp.path(), upgrades(), false, downgrades(downgrade));
        QVERIFY(!ini.isEmpty());
        const QStringList args{QStringLiteral("downgrade"), QStringLiteral("s3:s1"), QStringLiteral("--sql")};
        const ProcessResult expected = runAlembic(ini, args, tmp.path(), offlineUrl());
        QCOMPARE(expected.exitCode, 1);
        const QString line = tracebackLine(expected.err, QStringLiteral("s2.py"));
        QVERIFY2(!line.isEmpty(), expected.err.constData());
        const QString exception = lastLine(expected.err);

        for (const QString &engine : {QStringLiteral("auto"), QStringLiteral("native")}) {
            const ProcessResult actual =
                runRetort(QStringList{QStringLiteral("-c"), ini} + args + QStringList{QStringLiteral("--engine"), engine},
                          tmp.path(), offlineUrl());
            if (!native && engine == QLatin1String("native")) {
                // never approximated: the raise needs Python, and native refuses
                QCOMPARE(actual.exitCode, 255);
                QVERIFY2(actual.out.contains(": revision s2 needs Python to render"), actual.out.constData());
                continue;
            }
            QVERIFY2(actual.exitCode == 1, qPrintable(engine + QLatin1String(": ") + actual.describe()));
            QCOMPARE(QString::fromUtf8(actual.out), QString::fromUtf8(expected.out));
            const QString err = QString::fromUtf8(actual.err);
            QVERIFY2(err.contains(QStringLiteral("s2.py:%1").arg(line)), qPrintable(err));
            QVERIFY2(err.contains(exception), qPrintable(err));
        }
    }

    // An upgrade() may raise too (a revision that refuses to go forward).
    void raisingUpgradeIsAlembics()
    {
        QTemporaryDir tmp;
        QStringList up = upgrades();
        up[1] = QStringLiteral("op.execute('SELECT 1')\nraise NotImplementedError('run the manual script first')");
        const QString ini = writeSmallProject(tmp.path(), up);
        QVERIFY(!ini.isEmpty());
        const QStringList args{QStringLiteral("upgrade"), QStringLiteral("base:heads"), QStringLiteral("--sql")};
        const ProcessResult expected = runAlembic(ini, args, tmp.path(), offlineUrl());
        QCOMPARE(expected.exitCode, 1);
        const ProcessResult actual = runRetort(QStringList{QStringLiteral("-c"), ini} + args
                                                   + QStringList{QStringLiteral("--engine"), QStringLiteral("native")},
                                               tmp.path(), offlineUrl());
        QVERIFY2(actual.exitCode == 1, qPrintable(actual.describe()));
        QCOMPARE(QString::fromUtf8(actual.out), QString::fromUtf8(expected.out));
        QVERIFY2(actual.err.contains("NotImplementedError: run the manual script first"), actual.err.constData());
    }

    // `engines` says which functions raise, and does not count them as
    // functions either engine renders (alembic renders nothing for them).
    void enginesCountsThemApart()
    {
        QTemporaryDir tmp;
        const QString ini = writeSmallProject(tmp.path(), upgrades(), false,
                                              downgrades(QStringLiteral("raise NotImplementedError('gone')")));
        QVERIFY(!ini.isEmpty());
        const ProcessResult r = runRetort({QStringLiteral("-c"), ini, QStringLiteral("engines")}, tmp.path());
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY2(r.out.contains("5 of 5 revision functions render natively"), r.out.constData());
        QVERIFY2(r.out.contains("1 revision functions raise on purpose (irreversible), not counted"), r.out.constData());
        QVERIFY2(r.out.contains("NotImplementedError: gone"), r.out.constData());
    }

    // Online, a downgrade across the raise is refused before anything runs:
    // alembic would run s3's downgrade first (committed on its own with
    // transaction_per_migration) and then fail.
    void onlineDowngradeIsRefusedUpFront_data()
    {
        QTest::addColumn<bool>("perMigration");
        QTest::newRow("one transaction") << false;
        QTest::newRow("transaction_per_migration") << true;
    }

    void onlineDowngradeIsRefusedUpFront()
    {
        QFETCH(bool, perMigration);
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        const QString ini = writeSmallProject(tmp.path(), upgrades(), perMigration,
                                              downgrades(QStringLiteral("raise NotImplementedError('the old data is gone')")));
        QVERIFY(!ini.isEmpty());
        const QString db = cluster.createDatabase(QStringLiteral("irrev"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        QProcessEnvironment env;
        env.insert(QStringLiteral("DATABASE_URL"), cluster.url(db));
        const ProcessResult up = runRetort({QStringLiteral("-c"), ini, QStringLiteral("upgrade"), QStringLiteral("heads")},
                                           tmp.path(), env);
        QVERIFY2(up.ok(), qPrintable(up.describe()));
        const QString before = cluster.schemaDump(db);
        QVERIFY(!before.isEmpty());
        QCOMPARE(cluster.versionRows(db), QStringList{QStringLiteral("s3")});

        for (const QString &target : {QStringLiteral("base"), QStringLiteral("s1"), QStringLiteral("-2")}) {
            const ProcessResult down =
                runRetort({QStringLiteral("-c"), ini, QStringLiteral("downgrade"), target}, tmp.path(), env);
            QVERIFY2(down.exitCode != 0, qPrintable(down.describe()));
            QCOMPARE(cluster.versionRows(db), QStringList{QStringLiteral("s3")});
            QCOMPARE(cluster.schemaDump(db), before);
            const QString all = QString::fromUtf8(down.out + down.err);
            QVERIFY2(all.contains(QLatin1String("revision s2 is irreversible")), qPrintable(all));
            QVERIFY2(all.contains(QLatin1String("NotImplementedError: the old data is gone")), qPrintable(all));
            QVERIFY2(all.contains(QRegularExpression(QStringLiteral("s2\\.py:\\d+"))), qPrintable(all));
        }
        // short of the raise, a downgrade runs
        const ProcessResult toS2 =
            runRetort({QStringLiteral("-c"), ini, QStringLiteral("downgrade"), QStringLiteral("s2")}, tmp.path(), env);
        QVERIFY2(toS2.ok(), qPrintable(toS2.describe()));
        QCOMPARE(cluster.versionRows(db), QStringList{QStringLiteral("s2")});
        QVERIFY(cluster.dropDatabase(db));
    }
};

QTEST_GUILESS_MAIN(TestIrreversible)
#include "tst_irreversible.moc"
