// The planner's steps and version-row operations against alembic's own:
// `alembic upgrade A:B --sql` prints one "-- Running ..." line per step and
// every INSERT/UPDATE/DELETE on the version table, in order.

#include "graph/migrationplan.h"
#include "graph/revisiongraph.h"
#include "graph/revisionwalker.h"
#include "processrunner.h"
#include "project/projectconfig.h"
#include "project/scriptloader.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::testsupport;

namespace {

// One step as text: "upgrade a -> b | +b" with row changes as a sorted
// net set per step (which parent row a merge updates is Python set order).
QStringList stepsFromSql(const QByteArray &sql)
{
    static const QRegularExpression running(QStringLiteral("^-- Running (.*)$"));
    static const QRegularExpression insert(QStringLiteral("^INSERT INTO alembic_version \\(version_num\\) VALUES \\('([^']*)'\\)"));
    static const QRegularExpression update(
        QStringLiteral("^UPDATE alembic_version SET version_num='([^']*)' WHERE alembic_version.version_num = '([^']*)';"));
    static const QRegularExpression remove(
        QStringLiteral("^DELETE FROM alembic_version WHERE alembic_version.version_num = '([^']*)';"));
    QStringList out;
    QString header;
    QStringList added, removed;
    auto flush = [&] {
        if (header.isEmpty())
            return;
        added.sort();
        removed.sort();
        out << header + QStringLiteral(" | +") + added.join(QLatin1Char(',')) + QStringLiteral(" -") + removed.join(QLatin1Char(','));
        added.clear();
        removed.clear();
    };
    for (const QString &line : QString::fromUtf8(sql).split(QLatin1Char('\n'))) {
        if (auto m = running.match(line); m.hasMatch()) {
            flush();
            header = m.captured(1);
        } else if (auto m = insert.match(line); m.hasMatch()) {
            added << m.captured(1);
        } else if (auto m = update.match(line); m.hasMatch()) {
            removed << m.captured(2);
            added << m.captured(1);
        } else if (auto m = remove.match(line); m.hasMatch()) {
            removed << m.captured(1);
        }
    }
    flush();
    return out;
}

QStringList stepsFromPlan(const QVector<MigrationStep> &steps)
{
    QStringList out;
    for (const MigrationStep &s : steps) {
        QStringList added, removed;
        for (const VersionRowOp &op : s.rowOps) {
            if (op.kind != VersionRowOp::Kind::Insert)
                removed << op.from;
            if (op.kind != VersionRowOp::Kind::Delete)
                added << op.to;
        }
        added.sort();
        removed.sort();
        out << s.shortLog() + QStringLiteral(" | +") + added.join(QLatin1Char(',')) + QStringLiteral(" -")
                   + removed.join(QLatin1Char(','));
    }
    return out;
}

struct Loaded {
    QString dir;
    QVector<RevisionScript> scripts;
    std::optional<RevisionGraph> graph;
};

} // namespace

class TestMigrationPlan : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QList<Loaded> m_projects;

    void addProject(const QString &dir)
    {
        Result<ProjectConfig> cfg = ProjectConfig::load(dir + QStringLiteral("/alembic.ini"));
        QVERIFY2(cfg.ok(), qPrintable(cfg.error().toString()));
        Result<ScriptLoader::Loaded> loaded = ScriptLoader::load(cfg.value());
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().toString()));
        Loaded l;
        l.dir = dir;
        l.scripts = loaded.value().scripts;
        Result<RevisionGraph> g = RevisionGraph::build(l.scripts);
        QVERIFY2(g.ok(), qPrintable(g.error().toString()));
        l.graph = std::move(g.value());
        m_projects << l;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!alembicPython().isEmpty(), "no Python interpreter can import alembic");
        QVERIFY(m_tmp.isValid());
        addProject(QStringLiteral(RETORT_SOURCE_DIR "/migrations/analytics"));
        addProject(QStringLiteral(RETORT_SOURCE_DIR "/migrations/projects"));
        const QString gen = m_tmp.filePath(QStringLiteral("branchy"));
        const ProcessResult r = runProcess(
            alembicPython(),
            {QStringLiteral(RETORT_SOURCE_DIR "/bench/generate_project.py"), gen, QStringLiteral("--revisions"),
             QStringLiteral("120"), QStringLiteral("--branch-every"), QStringLiteral("6"), QStringLiteral("--merge-every"),
             QStringLiteral("9"), QStringLiteral("--labels"), QStringLiteral("3"), QStringLiteral("--depends-on"),
             QStringLiteral("10"), QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--heads"), QStringLiteral("3")},
            QString());
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        addProject(gen);
    }

    // Offline runs from one starting revision to a target, both directions,
    // on ranges picked at random (fixed seed) plus the full span.
    void offlineRangesMatchAlembic_data()
    {
        QTest::addColumn<int>("project");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QRandomGenerator rng(20261121);
        for (int p = 0; p < m_projects.size(); ++p) {
            const RevisionGraph &g = *m_projects[p].graph;
            Result<QVector<int>> order = RevisionWalker(g).history(QString(), QString());
            QVERIFY(order.ok());
            const QVector<int> revs = order.value();
            auto name = [&](const char *c, const QString &a, const QString &b) {
                return qPrintable(QStringLiteral("%1 %2 %3:%4").arg(QFileInfo(m_projects[p].dir).fileName(),
                                                                    QLatin1String(c), a, b));
            };
            QTest::newRow(name("upgrade", QStringLiteral("base"), QStringLiteral("heads")))
                << p << QStringLiteral("upgrade") << QStringLiteral("base") << QStringLiteral("heads");
            for (int k = 0; k < 6; ++k) {
                const QString a = g.node(revs[rng.bounded(revs.size())]).id;
                const QString b = g.node(revs[rng.bounded(revs.size())]).id;
                QTest::newRow(name("upgrade", a, b)) << p << QStringLiteral("upgrade") << a << b;
                QTest::newRow(name("upgrade", a, QStringLiteral("heads"))) << p << QStringLiteral("upgrade") << a << QStringLiteral("heads");
                QTest::newRow(name("downgrade", b, a)) << p << QStringLiteral("downgrade") << b << a;
                QTest::newRow(name("downgrade", b, QStringLiteral("base"))) << p << QStringLiteral("downgrade") << b << QStringLiteral("base");
                QTest::newRow(name("downgrade", b, QStringLiteral("-1"))) << p << QStringLiteral("downgrade") << b << QStringLiteral("-1");
                QTest::newRow(name("stamp", a, b)) << p << QStringLiteral("stamp") << a << b;
                QTest::newRow(name("stamp", b, QStringLiteral("base"))) << p << QStringLiteral("stamp") << b << QStringLiteral("base");
            }
        }
    }

    void offlineRangesMatchAlembic()
    {
        QFETCH(int, project);
        QFETCH(QString, command);
        QFETCH(QString, from);
        QFETCH(QString, to);
        const Loaded &l = m_projects[project];
        const ProcessResult alembic = runAlembic(QStringLiteral("alembic.ini"),
                                                 {command, from + QLatin1Char(':') + to, QStringLiteral("--sql")}, l.dir);
        QVERIFY2(alembic.error.isEmpty(), qPrintable(alembic.describe()));

        MigrationPlanner planner(*l.graph);
        Result<QStringList> start = planner.resolveStartingRevisions({from});
        auto run = [&]() -> Result<QVector<MigrationStep>> {
            if (!start.ok())
                return start.error();
            if (command == QLatin1String("upgrade"))
                return planner.upgrade(start.value(), to);
            if (command == QLatin1String("downgrade"))
                return planner.downgrade(start.value(), to);
            return planner.stamp(start.value(), {to});
        };
        const Result<QVector<MigrationStep>> plan = run();
        if (alembic.exitCode != 0) {
            QVERIFY2(!plan.ok(), qPrintable(QStringLiteral("alembic failed (%1) but retort planned %2 steps")
                                                .arg(QString::fromUtf8(alembic.out.right(300)))
                                                .arg(plan.ok() ? plan.value().size() : 0)));
            if (alembic.out.startsWith("FAILED: "))
                QCOMPARE(QStringLiteral("FAILED: ") + plan.error().message(), QString::fromUtf8(alembic.out.trimmed()));
            return;
        }
        QVERIFY2(plan.ok(), qPrintable(plan.error().toString() + QStringLiteral("\nalembic said:\n")
                                       + QString::fromUtf8(alembic.out.left(2000))));
        QCOMPARE(stepsFromPlan(plan.value()), stepsFromSql(alembic.out));
    }
};

QTEST_GUILESS_MAIN(TestMigrationPlan)
#include "tst_migrationplan.moc"
