// Differential tests of offline SQL: `upgrade/downgrade/stamp ... --sql` run
// by the real alembic and by retort on the same projects. Whenever retort
// prints a script it must equal alembic's stdout byte for byte; the version
// rows of one step (a merge) are compared by their effect because alembic
// picks the parent row to update in Python set order.

#include "filetree.h"
#include "outputnormalizer.h"
#include "processrunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort::testsupport;

namespace {

struct Project {
    QString name;
    QString dir;
    QStringList ids;     // 001, 002, ... (--id-style seq)
    QStringList labels;  // branch labels
};

} // namespace

class TestOfflineSql : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QHash<QString, Project> m_projects;

    void generate(const QString &name, const QStringList &options, int revisions)
    {
        const QString out = m_tmp.filePath(name);
        const ProcessResult r = runProcess(
            alembicPython(),
            QStringList{QStringLiteral(RETORT_SOURCE_DIR "/bench/generate_project.py"), out, QStringLiteral("--revisions"),
                        QString::number(revisions), QStringLiteral("--id-style"), QStringLiteral("seq"),
                        QStringLiteral("--quiet")}
                + options,
            QString());
        QVERIFY2(r.ok(), qPrintable(QStringLiteral("generator failed: ") + r.describe()));
        Project p{name, out, {}, {}};
        for (int i = 1; i <= revisions; ++i)
            p.ids << QStringLiteral("%1").arg(i, 3, 10, QLatin1Char('0'));
        const ProcessResult history = runAlembic(QStringLiteral("alembic.ini"), {QStringLiteral("history"), QStringLiteral("-v")}, out);
        for (const QString &line : QString::fromUtf8(history.out).split(QLatin1Char('\n')))
            if (line.startsWith(QLatin1String("Branch names: ")))
                for (const QString &l : line.mid(14).split(QStringLiteral(", ")))
                    if (!p.labels.contains(l))
                        p.labels << l;
        m_projects.insert(name, p);
    }

    // env.py's offline context.configure(...) gets extra keyword arguments.
    void configureOffline(const QString &name, const QString &extra)
    {
        QFile f(m_projects[name].dir + QStringLiteral("/migrations/env.py"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString env = QString::fromUtf8(f.readAll());
        f.close();
        const QString anchor = QStringLiteral("literal_binds=True,");
        QVERIFY(env.contains(anchor));
        env.replace(anchor, anchor + QStringLiteral("\n        ") + extra);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(env.toUtf8());
    }

    // tests/render/fixtures: one small revision per rendered form, f001...
    void copyFixtures()
    {
        const QString from = QStringLiteral(RETORT_SOURCE_DIR "/tests/render/fixtures");
        const QString to = m_tmp.filePath(QStringLiteral("fixtures"));
        QDir(from).mkpath(to + QStringLiteral("/migrations/versions"));
        Project p{QStringLiteral("fixtures"), to, {}, {}};
        for (const QString &f : {QStringLiteral("alembic.ini"), QStringLiteral("migrations/env.py"),
                                 QStringLiteral("migrations/script.py.mako")})
            QVERIFY(QFile::copy(from + QLatin1Char('/') + f, to + QLatin1Char('/') + f));
        QDir versions(from + QStringLiteral("/migrations/versions"));
        const QStringList files = versions.entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
        for (const QString &f : files) {
            QVERIFY(QFile::copy(versions.filePath(f), to + QStringLiteral("/migrations/versions/") + f));
            p.ids << f.left(4);
        }
        m_projects.insert(p.name, p);
    }

    // tests/render/<name>, copied once into the temp dir (alembic writes
    // __pycache__ beside the files it loads); empty when it cannot be.
    QString projectCopy(const QString &name)
    {
        const QString dir = m_tmp.filePath(name);
        if (QFileInfo::exists(dir) || copyTree(QStringLiteral(RETORT_SOURCE_DIR "/tests/render/") + name, dir))
            return dir;
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY2(!alembicPython().isEmpty(),
                 "no Python interpreter can import alembic: install python3-alembic (scripts/run-tests.sh does)");
        const QStringList minimal{QStringLiteral("--ops"), QStringLiteral("minimal")};
        const QStringList branchy{QStringLiteral("--branch-every"), QStringLiteral("4"), QStringLiteral("--merge-every"),
                                  QStringLiteral("5"), QStringLiteral("--labels"), QStringLiteral("2"),
                                  QStringLiteral("--depends-on"), QStringLiteral("3"), QStringLiteral("--seed"),
                                  QStringLiteral("11")};
        generate(QStringLiteral("linear"), minimal, 12);
        generate(QStringLiteral("branchy"), minimal + branchy, 30);
        generate(QStringLiteral("per_migration"), minimal + branchy + QStringList{QStringLiteral("--transaction-per-migration")}, 30);
        generate(QStringLiteral("three_heads"), minimal + branchy + QStringList{QStringLiteral("--heads"), QStringLiteral("3")}, 30);
        generate(QStringLiteral("version_table"), minimal, 6);
        configureOffline(QStringLiteral("version_table"),
                         QStringLiteral("version_table=\"schema_Versions\", version_table_schema=\"audit\","));
        generate(QStringLiteral("reserved_schema"), minimal + QStringList{QStringLiteral("--transaction-per-migration")}, 6);
        configureOffline(QStringLiteral("reserved_schema"),
                         QStringLiteral("version_table=\"versions\", version_table_schema=\"user\","));
        generate(QStringLiteral("realistic"), {QStringLiteral("--seed"), QStringLiteral("5")}, 40);
        copyFixtures();
    }

    void compare_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QStringList>("args");
        const QString sql = QStringLiteral("--sql");
        auto add = [&](const QString &project, const QString &command, const QStringList &revs, bool withSql = true) {
            QStringList args{command};
            args += revs;
            if (withSql)
                args << sql;
            QTest::addRow("%s: %s", qPrintable(project), qPrintable(args.join(QLatin1Char(' '))))
                << project << args;
        };
        for (const QString &name : {QStringLiteral("linear"), QStringLiteral("branchy"), QStringLiteral("per_migration"),
                                    QStringLiteral("three_heads"), QStringLiteral("version_table"),
                                    QStringLiteral("reserved_schema")}) {
            const Project &p = m_projects[name];
            const QString first = p.ids.front(), third = p.ids[2], fifth = p.ids[4], last = p.ids.back();
            add(name, QStringLiteral("upgrade"), {QStringLiteral("base:heads")});
            add(name, QStringLiteral("upgrade"), {QStringLiteral("heads")});
            add(name, QStringLiteral("upgrade"), {first + QLatin1Char(':') + fifth});
            add(name, QStringLiteral("upgrade"), {third + QStringLiteral(":+2")});
            add(name, QStringLiteral("upgrade"), {third + QStringLiteral(":heads")});
            add(name, QStringLiteral("upgrade"), {QStringLiteral("base:") + last});
            add(name, QStringLiteral("upgrade"), {QStringLiteral("base:base")});
            add(name, QStringLiteral("upgrade"), {first + QStringLiteral(":zzz")});
            add(name, QStringLiteral("upgrade"), {first + QLatin1Char(':') + third}, false);
            add(name, QStringLiteral("downgrade"), {QStringLiteral("heads:base")});
            add(name, QStringLiteral("downgrade"), {fifth + QLatin1Char(':') + first});
            add(name, QStringLiteral("downgrade"), {fifth + QStringLiteral(":base")});
            add(name, QStringLiteral("downgrade"), {last + QStringLiteral(":-2")});
            add(name, QStringLiteral("downgrade"), {fifth});
            add(name, QStringLiteral("stamp"), {first + QLatin1Char(':') + fifth});
            add(name, QStringLiteral("stamp"), {fifth + QLatin1Char(':') + first});
            add(name, QStringLiteral("stamp"), {last});
            add(name, QStringLiteral("stamp"), {QStringLiteral("heads")});
            add(name, QStringLiteral("stamp"), {fifth + QStringLiteral(":base")});
            for (const QString &label : p.labels) {
                add(name, QStringLiteral("upgrade"), {QStringLiteral("base:") + label + QStringLiteral("@head")});
                add(name, QStringLiteral("downgrade"), {QStringLiteral("heads:") + label + QStringLiteral("@base")});
            }
        }
    }

    void compare()
    {
        QFETCH(QString, project);
        QFETCH(QStringList, args);
        const Project &p = m_projects[project];
        const QString ini = QStringLiteral("alembic.ini");
        const ProcessResult expected = runAlembic(ini, args, p.dir);
        QVERIFY2(expected.error.isEmpty(), qPrintable(expected.describe()));
        const ProcessResult actual = runRetort(QStringList{QStringLiteral("-c"), ini} + args, p.dir);
        QVERIFY2(actual.error.isEmpty(), qPrintable(actual.describe()));
        QCOMPARE(actual.exitCode, expected.exitCode);
        QCOMPARE(normalizeVersionRowOrder(actual.out), normalizeVersionRowOrder(expected.out));
    }

    // The fixture corpus renders natively: exit 0 and alembic's bytes.
    void fixtures_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString sql = QStringLiteral("--sql");
        QTest::newRow("upgrade base:heads") << QStringList{QStringLiteral("upgrade"), QStringLiteral("base:heads"), sql};
        QTest::newRow("downgrade heads:base") << QStringList{QStringLiteral("downgrade"), QStringLiteral("heads:base"), sql};
        const QStringList ids = m_projects[QStringLiteral("fixtures")].ids;
        for (int i = 0; i + 1 < ids.size(); ++i) {
            QTest::addRow("upgrade %s:%s", qPrintable(ids[i]), qPrintable(ids[i + 1]))
                << QStringList{QStringLiteral("upgrade"), ids[i] + QLatin1Char(':') + ids[i + 1], sql};
            QTest::addRow("downgrade %s:%s", qPrintable(ids[i + 1]), qPrintable(ids[i]))
                << QStringList{QStringLiteral("downgrade"), ids[i + 1] + QLatin1Char(':') + ids[i], sql};
        }
    }

    void fixtures()
    {
        QFETCH(QStringList, args);
        const Project &p = m_projects[QStringLiteral("fixtures")];
        const QString ini = QStringLiteral("alembic.ini");
        const ProcessResult expected = runAlembic(ini, args, p.dir);
        QVERIFY2(expected.ok(), qPrintable(expected.describe()));
        QElapsedTimer timer;
        timer.start();
        const ProcessResult actual = runRetort(QStringList{QStringLiteral("-c"), ini} + args, p.dir);
        qInfo("retort %s: %lld ms (process included)", qPrintable(args.join(QLatin1Char(' '))), timer.elapsed());
        QCOMPARE(actual.exitCode, 0);
        QCOMPARE(QString::fromUtf8(actual.out), QString::fromUtf8(expected.out));
    }

    // print() in env.py (around the transaction), at a revision's module
    // level and between a step's ops: alembic's --sql has the text in the
    // script; retort puts it at the same places, natively rendered steps
    // (p002) between the bridged ones (tests/render/printing).
    void printed_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("engine");
        for (const QString &engine : {QStringLiteral("auto"), QStringLiteral("python")}) {
            for (const QString &range : {QStringLiteral("upgrade base:heads"), QStringLiteral("downgrade heads:base"),
                                         QStringLiteral("upgrade p001:p003"), QStringLiteral("downgrade p003:p001"),
                                         QStringLiteral("upgrade p001:p002")})
                QTest::addRow("%s %s", qPrintable(range), qPrintable(engine))
                    << range.split(QLatin1Char(' ')) + QStringList{QStringLiteral("--sql")} << engine;
        }
    }

    void printed()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, engine);
        const QString dir = projectCopy(QStringLiteral("printing"));
        QVERIFY(!dir.isEmpty());
        const QString ini = QStringLiteral("alembic.ini");
        const ProcessResult expected = runAlembic(ini, args, dir);
        QVERIFY2(expected.ok(), qPrintable(expected.describe()));
        QVERIFY(expected.out.contains("-- env.py loaded\nBEGIN;"));  // the fixture prints what it should
        const ProcessResult actual = runRetort(QStringList{QStringLiteral("-c"), ini} + args + QStringList{QStringLiteral("--engine"), engine}, dir);
        QVERIFY2(actual.exitCode == 0, qPrintable(actual.describe()));
        QCOMPARE(QString::fromUtf8(actual.out), QString::fromUtf8(expected.out));
    }

    // --engine native cannot place what env.py prints: refused, naming where.
    void printedRefusedNatively()
    {
        const QString dir = projectCopy(QStringLiteral("printing"));
        QVERIFY(!dir.isEmpty());
        const ProcessResult r = runRetort({QStringLiteral("-c"), QStringLiteral("alembic.ini"), QStringLiteral("upgrade"),
                                           QStringLiteral("p001:p002"), QStringLiteral("--sql"), QStringLiteral("--engine"),
                                           QStringLiteral("native")},
                                          dir);
        QCOMPARE(r.exitCode, 255);
        QVERIFY2(r.out.contains("migrations/env.py:15: print() output") && !r.out.contains("ALTER TABLE"),
                 qPrintable(r.describe()));
    }

    // Type names SQLAlchemy 1.4 lacks (2.0's sa.Uuid, sa.UUID, sa.Double,
    // sa.DOUBLE_PRECISION; sa.INET, which 1.4 has only in the PostgreSQL
    // dialect; postgresql.Integer): alembic 1.8.1 fails on each with an
    // AttributeError. Retort prints what alembic prints and fails as it
    // does, never a script of its own; --engine native refuses with the
    // reason (tests/render/sa2names; n000 uses the dialect's spellings,
    // which work).
    void typeNamesSqlAlchemy14Lacks_data()
    {
        QTest::addColumn<QString>("range");
        QTest::addColumn<QString>("reason");
        const QString sa2 = QStringLiteral("is SQLAlchemy 2.0's and SQLAlchemy 1.4 has no such name");
        QTest::newRow("sa.Uuid") << QStringLiteral("n000:n001") << QStringLiteral("sa.Uuid ") + sa2;
        QTest::newRow("sa.UUID") << QStringLiteral("n001:n002") << QStringLiteral("sa.UUID ") + sa2;
        QTest::newRow("sa.Double") << QStringLiteral("n002:n003") << QStringLiteral("sa.Double ") + sa2;
        QTest::newRow("sa.DOUBLE_PRECISION") << QStringLiteral("n003:n004") << QStringLiteral("sa.DOUBLE_PRECISION ") + sa2;
        QTest::newRow("sa.INET") << QStringLiteral("n004:n005")
                                 << QStringLiteral("SQLAlchemy 1.4 defines INET only in sqlalchemy.dialects.postgresql");
        QTest::newRow("postgresql.Integer") << QStringLiteral("n005:n006")
                                            << QStringLiteral("SQLAlchemy 1.4 defines Integer only in sqlalchemy (sa.)");
    }

    void typeNamesSqlAlchemy14Lacks()
    {
        QFETCH(QString, range);
        QFETCH(QString, reason);
        const QString dir = projectCopy(QStringLiteral("sa2names"));
        QVERIFY(!dir.isEmpty());
        const QString ini = QStringLiteral("alembic.ini");
        const QStringList args{QStringLiteral("upgrade"), range, QStringLiteral("--sql")};
        const ProcessResult expected = runAlembic(ini, args, dir);
        QVERIFY2(expected.exitCode == 1 && expected.err.contains("AttributeError"), qPrintable(expected.describe()));
        const ProcessResult actual = runRetort(QStringList{QStringLiteral("-c"), ini} + args, dir);
        QCOMPARE(actual.exitCode, expected.exitCode);
        QCOMPARE(QString::fromUtf8(actual.out), QString::fromUtf8(expected.out));
        QVERIFY2(actual.err.contains("AttributeError"), qPrintable(actual.describe()));
        const ProcessResult native = runRetort(QStringList{QStringLiteral("-c"), ini} + args
                                                   + QStringList{QStringLiteral("--engine"), QStringLiteral("native")},
                                               dir);
        QCOMPARE(native.exitCode, 255);
        QVERIFY2(QString::fromUtf8(native.out).contains(reason), qPrintable(native.describe()));
    }

    // The dialect's spellings SQLAlchemy 1.4 has render natively, as alembic does.
    void typeNamesOfTheDialect()
    {
        const QString dir = projectCopy(QStringLiteral("sa2names"));
        QVERIFY(!dir.isEmpty());
        const QStringList args{QStringLiteral("upgrade"), QStringLiteral("base:n000"), QStringLiteral("--sql")};
        const ProcessResult expected = runAlembic(QStringLiteral("alembic.ini"), args, dir);
        QVERIFY2(expected.ok(), qPrintable(expected.describe()));
        const ProcessResult actual = runRetort(QStringList{QStringLiteral("-c"), QStringLiteral("alembic.ini")} + args
                                                   + QStringList{QStringLiteral("--engine"), QStringLiteral("native")},
                                               dir);
        QVERIFY2(actual.ok(), qPrintable(actual.describe()));
        QCOMPARE(QString::fromUtf8(actual.out), QString::fromUtf8(expected.out));
    }

    // create_table with several indexes and add_column making several
    // constraints: alembic emits each group in Python set order, which
    // changes with PYTHONHASHSEED. Retort renders them natively in the order
    // written, which must be one of alembic's orders: the same script but
    // for a permutation inside those groups; `engines` says so
    // (tests/render/setorder).
    void setOrderIsOneOfAlembics()
    {
        const QString dir = projectCopy(QStringLiteral("setorder"));
        QVERIFY(!dir.isEmpty());
        const QStringList args{QStringLiteral("upgrade"), QStringLiteral("base:heads"), QStringLiteral("--sql")};
        const ProcessResult actual = runRetort(QStringList{QStringLiteral("-c"), QStringLiteral("alembic.ini")} + args
                                                   + QStringList{QStringLiteral("--engine"), QStringLiteral("native")},
                                               dir);
        QVERIFY2(actual.exitCode == 0, qPrintable(actual.describe()));
        // the chunks of a group, sorted, stand for the group: scripts that
        // differ only by order inside a group become equal
        auto canonical = [](const QByteArray &out) {
            const QStringList chunks = QString::fromUtf8(out).split(QStringLiteral(";\n\n"));
            QStringList result, group;
            QString kind;
            for (const QString &c : chunks) {
                const QString k = c.startsWith(QLatin1String("CREATE INDEX")) || c.startsWith(QLatin1String("CREATE UNIQUE INDEX"))
                                      ? QStringLiteral("index")
                                  : c.startsWith(QLatin1String("ALTER TABLE account ADD ")) && !c.contains(QLatin1String(" COLUMN "))
                                      ? QStringLiteral("constraint")
                                      : QString();
                if (k != kind && !group.isEmpty()) {
                    group.sort();
                    result << QStringLiteral("{") + group.join(QStringLiteral(" | ")) + QStringLiteral("}");
                    group.clear();
                }
                kind = k;
                if (k.isEmpty())
                    result << c;
                else
                    group << c;
            }
            return result;
        };
        QSet<QByteArray> alembicOrders;
        for (int seed = 0; seed < 6; ++seed) {
            QProcessEnvironment env;
            env.insert(QStringLiteral("PYTHONHASHSEED"), QString::number(seed));
            const ProcessResult expected = runAlembic(QStringLiteral("alembic.ini"), args, dir, env);
            QVERIFY2(expected.ok(), qPrintable(expected.describe()));
            alembicOrders.insert(expected.out);
            QCOMPARE(canonical(actual.out), canonical(expected.out));
        }
        QVERIFY2(alembicOrders.size() > 1, "alembic's order did not vary with PYTHONHASHSEED: the fixture tests nothing");
        const ProcessResult engines = runRetort({QStringLiteral("-c"), QStringLiteral("alembic.ini"), QStringLiteral("engines")}, dir);
        QVERIFY2(engines.ok() && engines.out.contains("s001_indexes.py:19: one of alembic's valid orders: it emits these 4 "
                                                      "CREATE INDEX statements of op.create_table in Python set order"),
                 qPrintable(engines.describe()));
        QVERIFY2(engines.out.contains("2 of 2 revision functions render natively"), qPrintable(engines.describe()));
    }

    // Realistic bodies: every command either prints alembic's script exactly
    // or refuses with the revision that needs Python, and prints no SQL.
    void realisticIsExactOrRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString sql = QStringLiteral("--sql");
        const QStringList ids = m_projects[QStringLiteral("realistic")].ids;
        QTest::newRow("upgrade base:heads") << QStringList{QStringLiteral("upgrade"), QStringLiteral("base:heads"), sql};
        QTest::newRow("downgrade heads:base") << QStringList{QStringLiteral("downgrade"), QStringLiteral("heads:base"), sql};
        for (int i = 0; i + 1 < ids.size(); ++i) {
            const QString a = ids[i], b = ids[i + 1];
            QTest::addRow("upgrade %s:%s", qPrintable(a), qPrintable(b))
                << QStringList{QStringLiteral("upgrade"), a + QLatin1Char(':') + b, sql};
            QTest::addRow("downgrade %s:%s", qPrintable(b), qPrintable(a))
                << QStringList{QStringLiteral("downgrade"), b + QLatin1Char(':') + a, sql};
        }
    }

    void realisticIsExactOrRefused()
    {
        QFETCH(QStringList, args);
        const Project &p = m_projects[QStringLiteral("realistic")];
        const QString ini = QStringLiteral("alembic.ini");
        const ProcessResult actual = runRetort(QStringList{QStringLiteral("-c"), ini} + args, p.dir);
        QVERIFY2(actual.error.isEmpty(), qPrintable(actual.describe()));
        if (actual.exitCode != 0 && actual.out.contains("needs Python to render")) {
            static const QRegularExpression refusal(
                QStringLiteral("^FAILED: \\S+\\.py:\\d+: revision \\S+ needs Python to render \\(.+\\)\\n$"));
            QVERIFY2(refusal.match(QString::fromUtf8(actual.out)).hasMatch(), actual.out.constData());
            return;
        }
        const ProcessResult expected = runAlembic(ini, args, p.dir);
        QVERIFY2(expected.error.isEmpty(), qPrintable(expected.describe()));
        QCOMPARE(actual.exitCode, expected.exitCode);
        QCOMPARE(normalizeVersionRowOrder(actual.out), normalizeVersionRowOrder(expected.out));
    }

    // At scale, natively: a generated 2,000-revision project with realistic
    // bodies, branches, merges, labels and depends_on renders every step
    // without Python (--engine native would fail on the first refusal), and
    // both whole-history scripts equal alembic's (merge rows by effect).
    void largeProjectIsNativeAndExact_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("upgrade base:heads") << QStringList{QStringLiteral("upgrade"), QStringLiteral("base:heads")};
        QTest::newRow("downgrade heads:base") << QStringList{QStringLiteral("downgrade"), QStringLiteral("heads:base")};
    }

    void largeProjectIsNativeAndExact()
    {
        QFETCH(QStringList, args);
        const QString name = QStringLiteral("large");
        if (!m_projects.contains(name))
            generate(name,
                     {QStringLiteral("--branch-every"), QStringLiteral("20"), QStringLiteral("--merge-every"),
                      QStringLiteral("25"), QStringLiteral("--labels"), QStringLiteral("10"),
                      QStringLiteral("--depends-on"), QStringLiteral("40"), QStringLiteral("--seed"), QStringLiteral("7")},
                     2000);
        QVERIFY(m_projects.contains(name));
        const Project &p = m_projects[name];
        const QString ini = QStringLiteral("alembic.ini");
        args << QStringLiteral("--sql");
        const ProcessResult actual =
            runRetort(QStringList{QStringLiteral("-c"), ini} + args + QStringList{QStringLiteral("--engine"), QStringLiteral("native")},
                      p.dir);
        QVERIFY2(actual.error.isEmpty() && actual.exitCode == 0, qPrintable(actual.describe()));
        const ProcessResult expected = runAlembic(ini, args, p.dir);
        QVERIFY2(expected.error.isEmpty() && expected.exitCode == 0, qPrintable(expected.describe()));
        QVERIFY(expected.out.count("-- Running ") >= 2000);
        QCOMPARE(normalizeVersionRowOrder(actual.out), normalizeVersionRowOrder(expected.out));
    }
};

QTEST_GUILESS_MAIN(TestOfflineSql)
#include "tst_offlinesql.moc"
