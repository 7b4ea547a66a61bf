// A seeded random walk of upgrades, downgrades and stamps (every identifier
// form: heads, head, base, +n/-n, label@head, full ids and prefixes, stamp
// --purge) applied by Retort's executor to one database and by the real
// alembic, online, to a twin. After every step both agree on success or
// alembic's FAILED message, the version rows and the pg_dump of the schema.
#include "graph/revisiongraph.h"
#include "processrunner.h"
#include "projectfixture.h"
#include "testcluster.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::testsupport;

namespace {

struct WalkOp {
    Operation op;
    QStringList alembicArgs;
    QString text;
};

// A random operation from the twin's current rows.
WalkOp pickOp(const RevisionGraph &graph, const QStringList &rows, QRandomGenerator &rng)
{
    auto randomRev = [&] { return graph.node(int(rng.bounded(graph.size()))).id; };
    auto randomLabel = [&]() -> QString {
        const QStringList labels = graph.labels().keys();
        if (labels.isEmpty())
            return QString();
        QStringList sorted = labels;
        sorted.sort();
        return sorted[int(rng.bounded(sorted.size()))];
    };
    WalkOp w;
    const int roll = int(rng.bounded(100));
    QString target;
    if (roll < 45) {
        w.op.kind = Operation::Kind::Upgrade;
        const int form = int(rng.bounded(7));
        switch (form) {
        case 0: target = QStringLiteral("heads"); break;
        case 1: target = QStringLiteral("head"); break;
        case 2: target = QStringLiteral("+%1").arg(1 + rng.bounded(3)); break;
        case 3: {
            const QString label = randomLabel();
            target = label.isEmpty() ? QStringLiteral("heads") : label + QStringLiteral("@head");
            break;
        }
        case 4: target = randomRev().left(6); break;
        default: target = randomRev(); break;
        }
        w.alembicArgs = {QStringLiteral("upgrade"), target};
    } else if (roll < 80) {
        w.op.kind = Operation::Kind::Downgrade;
        const int form = int(rng.bounded(6));
        switch (form) {
        case 0: target = QStringLiteral("base"); break;
        case 1: target = QStringLiteral("-%1").arg(1 + rng.bounded(3)); break;
        case 2: target = randomRev().left(6); break;
        default: target = randomRev(); break;
        }
        w.alembicArgs = {QStringLiteral("downgrade"), target};
    } else {
        w.op.kind = Operation::Kind::Stamp;
        const int form = int(rng.bounded(6));
        QStringList targets;
        switch (form) {
        case 0: targets = {QStringLiteral("heads")}; break;
        case 1: targets = {QStringLiteral("base")}; break;
        case 2: targets = {randomRev(), randomRev()}; break;
        default: targets = {randomRev()}; break;
        }
        w.op.purge = rng.bounded(4) == 0;
        w.op.targets = targets;
        w.alembicArgs = QStringList{QStringLiteral("stamp")} + (w.op.purge ? QStringList{QStringLiteral("--purge")} : QStringList()) + targets;
        w.text = w.alembicArgs.join(QLatin1Char(' ')) + QStringLiteral(" (from ") + rows.join(QLatin1Char(',')) + QLatin1Char(')');
        return w;
    }
    w.op.targets = {target};
    w.text = w.alembicArgs.join(QLatin1Char(' ')) + QStringLiteral(" (from ") + rows.join(QLatin1Char(',')) + QLatin1Char(')');
    return w;
}

QString failedLine(const QByteArray &out)
{
    for (const QByteArray &line : out.split('\n'))
        if (line.startsWith("FAILED: "))
            return QString::fromUtf8(line.mid(8));
    return QString();
}

// psycopg2's "psycopg2.errors.UndefinedTable: relation "x" does not exist",
// or asyncpg's "asyncpg.exceptions.UndefinedTableError: ..." (auditing uses
// alembic's async template): the server's primary message.
QString serverMessage(const QByteArray &err)
{
    for (const QByteArray &line : err.split('\n'))
        if (line.startsWith("psycopg2.errors.") || line.startsWith("psycopg2.") || line.startsWith("asyncpg.exceptions."))
            return QString::fromUtf8(line.mid(line.indexOf(": ") + 2)).trimmed();
    return QString();
}

} // namespace

class TestRandomWalk : public QObject {
    Q_OBJECT

private:
    int m_steps = 0, m_failedAlike = 0, m_refused = 0, m_changed = 0;

private slots:
    void initTestCase() { QVERIFY2(!alembicPython().isEmpty(), "no Python that can import alembic"); }

    void cleanupTestCase()
    {
        qInfo("random walk: %d steps compared (%d changed the database, %d failed alike in both, %d not "
              "renderable natively nor through the bridge, brought forward by alembic on both)",
              m_steps, m_changed, m_failedAlike, m_refused);
    }

    void walk_data()
    {
        QTest::addColumn<QString>("sample");        // migrations/<sample>, or empty: generate
        QTest::addColumn<QStringList>("generate");  // generate_project.py options
        QTest::addColumn<int>("seed");
        QTest::addColumn<int>("steps");
        QTest::newRow("generated: branches, merges, labels, depends_on")
            << QString() << QStringList{"--revisions", "14", "--branch-every", "4", "--merge-every", "5",
                                        "--labels", "2", "--depends-on", "2", "--heads", "2", "--ops", "minimal",
                                        "--seed", "11"}
            << 7 << 14;
        QTest::newRow("generated: seq ids, per-migration transactions")
            << QString() << QStringList{"--revisions", "10", "--branch-every", "3", "--merge-every", "4",
                                        "--labels", "1", "--id-style", "seq", "--ops", "minimal",
                                        "--transaction-per-migration", "--seed", "5"}
            << 3 << 10;
        QTest::newRow("generated: realistic ops")
            << QString() << QStringList{"--revisions", "10", "--branch-every", "4", "--merge-every", "5",
                                        "--ops", "realistic", "--seed", "23"}
            << 9 << 8;
        QTest::newRow("analytics") << QStringLiteral("analytics") << QStringList() << 1 << 8;
        QTest::newRow("projects") << QStringLiteral("projects") << QStringList() << 2 << 6;
        QTest::newRow("auditing") << QStringLiteral("auditing") << QStringList() << 3 << 6;
        QTest::newRow("jobs") << QStringLiteral("jobs") << QStringList() << 4 << 6;
    }

    void walk()
    {
        QFETCH(QString, sample);
        QFETCH(QStringList, generate);
        QFETCH(int, seed);
        QFETCH(int, steps);

        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        QString ini;
        if (sample.isEmpty()) {
            const QString dir = tmp.path() + QStringLiteral("/project");
            const QString err = generateProject(dir, generate);
            QVERIFY2(err.isEmpty(), qPrintable(err));
            ini = dir + QStringLiteral("/alembic.ini");
        } else {
            ini = QStringLiteral(RETORT_SOURCE_DIR "/migrations/%1/alembic.ini").arg(sample);
        }
        const LoadedProject project = loadProject(ini);
        QVERIFY2(project.error.isEmpty(), qPrintable(project.error));
        const RevisionGraph &graph = *project.context.graph;

        const QString ours = cluster.createDatabase(QStringLiteral("walk_retort"));
        const QString twin = cluster.createDatabase(QStringLiteral("walk_alembic"));
        QVERIFY2(!ours.isEmpty() && !twin.isEmpty(), qPrintable(cluster.lastError()));
        const QProcessEnvironment twinEnv = alembicEnv(cluster.url(twin));
        const QString table = project.context.env.versionTable;
        const QString schema = project.context.env.versionTableSchema;

        QRandomGenerator rng{quint32(seed)};
        QStringList rows;
        for (int i = 0; i < steps; ++i) {
            const WalkOp w = pickOp(graph, rows, rng);
            const ProcessResult a = runAlembic(ini, w.alembicArgs, project.dir, twinEnv);
            const RunReport r = applyWithRetort(project, cluster.url(ours), w.op, RunOptions(), true);
            const QString context = QStringLiteral("step %1: %2\nalembic: %3\nretort: %4")
                                        .arg(i)
                                        .arg(w.text, a.describe(), describe(r));
            ++m_steps;
            if (!r.ok && a.ok() && r.failedStatement.isEmpty() && r.error.kind() != Error::Kind::Database) {
                // Neither Retort nor the bridge could render a body (alembic
                // offline cannot run it either): bring Retort's database
                // along with alembic so the walk goes on.
                const ProcessResult b = runAlembic(ini, w.alembicArgs, project.dir, alembicEnv(cluster.url(ours)));
                QVERIFY2(b.exitCode == a.exitCode,
                         qPrintable(context + QStringLiteral("\nalembic on Retort's database: ") + b.describe()));
                ++m_refused;
            } else if (a.exitCode == 255) {
                // a CommandError: the same message
                QVERIFY2(!r.ok, qPrintable(QStringLiteral("alembic failed, Retort did not\n") + context));
                QCOMPARE(r.error.message(), failedLine(a.out));
                ++m_failedAlike;
            } else if (!a.ok()) {
                // the database refused a statement: the same server message,
                // and (below) the same rows and schema afterwards
                QVERIFY2(!r.ok, qPrintable(QStringLiteral("alembic failed, Retort did not\n") + context));
                const QString server = serverMessage(a.err);
                QVERIFY2(!server.isEmpty(), qPrintable(QStringLiteral("no psycopg2 or asyncpg error in alembic's output\n") + context));
                QCOMPARE(r.error.message(), server);
                QCOMPARE(r.error.kind(), Error::Kind::Database);
                QVERIFY2(!r.error.sqlState().isEmpty(), qPrintable(context));
                ++m_failedAlike;
            } else {
                QVERIFY2(r.ok, qPrintable(context));
                ++m_changed;
            }
            rows = cluster.versionRows(twin, table, schema);
            QCOMPARE(cluster.versionRows(ours, table, schema), rows);
            const QString dumpOurs = cluster.schemaDump(ours);
            const QString dumpTwin = cluster.schemaDump(twin);
            QVERIFY2(!dumpOurs.isEmpty() && !dumpTwin.isEmpty(), qPrintable(cluster.lastError()));
            if (dumpOurs != dumpTwin)
                QFAIL(qPrintable(QStringLiteral("schemas differ after %1").arg(context) + QStringLiteral("\n--- retort\n")
                                 + dumpOurs + QStringLiteral("\n--- alembic\n") + dumpTwin));
        }
        cluster.dropDatabase(ours);
        cluster.dropDatabase(twin);
    }
};

QTEST_GUILESS_MAIN(TestRandomWalk)
#include "tst_randomwalk.moc"
