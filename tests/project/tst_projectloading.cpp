// Reading a project the way alembic does: alembic.ini (configparser rules),
// version locations, which files are revisions, and the graph's own errors,
// each naming the file and line a user has to open.

#include "graph/revisiongraph.h"
#include "progress.h"
#include "project/envreader.h"
#include "project/inifile.h"
#include "project/projectconfig.h"
#include "project/revisionreader.h"
#include "project/scriptloader.h"
#include "filetree.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <ctime>
#include <mutex>
#include <thread>

using namespace retort;
using retort::testsupport::writeFile;

namespace {

QByteArray revisionFile(const QByteArray &id, const QByteArray &down, const QByteArray &extra = {})
{
    return "\"\"\"" + id + "\"\"\"\nrevision = '" + id + "'\ndown_revision = " + down + "\n" + extra
           + "\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n";
}

// A linear project of `count` revisions r0001 <- r0002 <- ...; its alembic.ini path.
QString writeChain(const QString &root, int count)
{
    writeFile(root + QStringLiteral("/alembic.ini"), "[alembic]\nscript_location = %(here)s/mig\n");
    writeFile(root + QStringLiteral("/mig/env.py"), "");
    for (int i = 1; i <= count; ++i) {
        const QByteArray id = "r" + QByteArray::number(i).rightJustified(5, '0');
        const QByteArray down = i == 1 ? "None" : "'r" + QByteArray::number(i - 1).rightJustified(5, '0') + "'";
        writeFile(root + QStringLiteral("/mig/versions/") + QString::fromLatin1(id) + QStringLiteral(".py"),
                  revisionFile(id, down));
    }
    return root + QStringLiteral("/alembic.ini");
}

// What a Progress listener heard, per step.
struct Heard {
    std::mutex mutex;
    QList<QPair<QString, qint64>> reports;  // (step, done)
    QHash<QString, qint64> totals;

    QList<qint64> doneOf(const QString &step)
    {
        std::lock_guard<std::mutex> lock(mutex);
        QList<qint64> out;
        for (const auto &[s, done] : std::as_const(reports))
            if (s == step)
                out << done;
        return out;
    }
};

RevisionScript script(const QString &name, const QByteArray &text)
{
    return readRevisionScript(QStringLiteral("/p/versions/") + name, text);
}

} // namespace

class TestProjectLoading : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void iniValues_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("here") << QByteArray("[alembic]\nscript_location = %(here)s/mig\n") << "script_location"
                              << "/proj/dir/mig";
        QTest::newRow("percent escape") << QByteArray("[alembic]\nx = 100%%\n") << "x" << "100%";
        QTest::newRow("colon delimiter, case-folded key") << QByteArray("[alembic]\nScript_Location: a\n")
                                                           << "script_location" << "a";
        QTest::newRow("continuation lines") << QByteArray("[alembic]\nv = a\n  b\n\n  c\n") << "v" << "a\nb\n\nc";
        QTest::newRow("comment lines skipped") << QByteArray("[alembic]\n# v = no\n; v = no\nv = yes\n") << "v"
                                               << "yes";
        QTest::newRow("DEFAULT section") << QByteArray("[DEFAULT]\nbase = /x\n[alembic]\nv = %(base)s/y\n") << "v"
                                         << "/x/y";
        QTest::newRow("inline # is part of the value") << QByteArray("[alembic]\nv = a # b\n") << "v" << "a # b";
    }

    void iniValues()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        Result<IniFile> f = IniFile::parse(QStringLiteral("a.ini"), QString::fromUtf8(ini),
                                           {{QStringLiteral("here"), QStringLiteral("/proj/dir")}});
        QVERIFY2(f.ok(), qPrintable(f.error().toString()));
        Result<QString> v = f->value(QStringLiteral("alembic"), key);
        QVERIFY2(v.ok(), qPrintable(v.error().toString()));
        QCOMPARE(v.value(), expected);
    }

    void iniErrorsNameTheLine_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<int>("line");
        QTest::newRow("no section header") << QByteArray("x = 1\n") << 1;
        QTest::newRow("duplicate option") << QByteArray("[alembic]\nx = 1\nx = 2\n") << 3;
        QTest::newRow("duplicate section") << QByteArray("[alembic]\n[alembic]\n") << 2;
        QTest::newRow("line without delimiter") << QByteArray("[alembic]\n\njunk\n") << 3;
        QTest::newRow("line without a key") << QByteArray("[alembic]\nx = 1\n: value\n") << 3;
        QTest::newRow("line without a key, '='") << QByteArray("[alembic]\n = value\n") << 2;
    }

    void iniErrorsNameTheLine()
    {
        QFETCH(QByteArray, ini);
        QFETCH(int, line);
        Result<IniFile> f = IniFile::parse(QStringLiteral("a.ini"), QString::fromUtf8(ini));
        QVERIFY(!f.ok());
        QCOMPARE(f.error().where().file, QStringLiteral("a.ini"));
        QCOMPARE(f.error().where().line, line);
    }

    // configparser refuses bytes that are not UTF-8 (found by tst_inputfuzz)
    void iniNotUtf8IsAnError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("alembic.ini"));
        writeFile(path, "[alembic]\nscript_location = mig\nx = caf\xe9\n");
        Result<IniFile> f = IniFile::load(path);
        QVERIFY(!f.ok());
        QCOMPARE(f.error().where().file, path);
        QCOMPARE(f.error().where().line, 3);
        QVERIFY2(f.error().message().contains(QLatin1String("can't decode byte 0xe9")), qPrintable(f.error().message()));
    }

    // alembic does nothing for an env.py whose module level never reaches
    // context.run_migrations(); Retort must not render a script for it
    // (found by tst_inputfuzz: a truncated env.py).
    void envReachesRunMigrations_data()
    {
        QTest::addColumn<QByteArray>("env");
        QTest::addColumn<bool>("runs");
        const QByteArray offline = "from alembic import context\n\ndef run_migrations_offline():\n"
                                   "    context.configure(url='x')\n    with context.begin_transaction():\n"
                                   "        context.run_migrations()\n\n";
        QTest::newRow("defined, never called") << offline << false;
        QTest::newRow("called under if") << offline + "if context.is_offline_mode():\n    run_migrations_offline()\n"
                                         << true;
        QTest::newRow("async template: passed as a callback")
            << QByteArray("import asyncio\nfrom alembic import context\n\ndef do_run(connection):\n"
                          "    context.configure(connection=connection)\n    context.run_migrations()\n\n"
                          "async def run_async():\n    async with engine.connect() as c:\n        await c.run_sync(do_run)\n\n"
                          "asyncio.run(run_async())\n")
            << true;
        QTest::newRow("delegated to the project's own code")
            << QByteArray("from myapp.migrations import run_env\n\nrun_env()\n") << true;
        QTest::newRow("nothing but imports") << QByteArray("import os\nfrom alembic import context\n") << false;
        QTest::newRow("twice in a row") << offline + "run_migrations_offline()\nrun_migrations_offline()\n" << false;
        QTest::newRow("in a loop") << offline + "for i in range(2):\n    run_migrations_offline()\n" << false;
        QTest::newRow("once in each branch")
            << offline + "if context.is_offline_mode():\n    run_migrations_offline()\nelse:\n    run_migrations_offline()\n"
            << true;
    }

    void envReachesRunMigrations()
    {
        QFETCH(QByteArray, env);
        QFETCH(bool, runs);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("env.py"));
        writeFile(path, env);
        Result<EnvOptions> options = loadEnvOptions(path);
        QCOMPARE(options.ok(), runs);
        if (!runs) {
            QCOMPARE(options.error().where().file, path);
            QVERIFY(options.error().message().contains(QLatin1String("the migrations")));
        }
    }

    void badInterpolationIsAnError()
    {
        Result<IniFile> f = IniFile::parse(QStringLiteral("a.ini"), QStringLiteral("[alembic]\nv = %(nope)s\n"));
        QVERIFY(f.ok());
        Result<QString> v = f->value(QStringLiteral("alembic"), QStringLiteral("v"));
        QVERIFY(!v.ok());
        QVERIFY(v.error().message().contains(QLatin1String("nope")));
        QCOMPARE(v.error().where().line, 2);
    }

    // 40,000 sections once took 16 s (each header was looked up in a list):
    // ten times the sections must cost about ten times the work. Compared as
    // a ratio of this thread's CPU time (other processes on the machine do
    // not count), best of five, with room for caches the larger file
    // outgrows: linear parsing gives 10 to 20, the quadratic one gave 124.
    void manySectionsCostLinearTime()
    {
        auto text = [](int sections) {
            QString t = QStringLiteral("[alembic]\nscript_location = mig\n");
            for (int i = 0; i < sections; ++i)
                t += QStringLiteral("[section_%1]\nkey = value %1\n").arg(i);
            return t;
        };
        auto threadCpuNs = [] {
            timespec ts{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
            return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
        };
        auto cost = [&](const QString &t) {
            qint64 best = std::numeric_limits<qint64>::max();
            for (int run = 0; run < 5; ++run) {
                const qint64 start = threadCpuNs();
                Result<IniFile> f = IniFile::parse(QStringLiteral("a.ini"), t);
                if (!f.ok() || !f->hasSection(QStringLiteral("section_1")))
                    qFatal("parse failed");
                best = std::min(best, threadCpuNs() - start);
            }
            return best;
        };
        const qint64 small = cost(text(4000));
        const qint64 large = cost(text(40000));
        const double ratio = double(large) / double(std::max<qint64>(small, 1));
        qInfo("4,000 sections: %.1f ms, 40,000 sections: %.1f ms of CPU, ratio %.1f", small / 1e6, large / 1e6, ratio);
        QVERIFY2(ratio < 40, qPrintable(QStringLiteral("ratio %1").arg(ratio)));
    }

    void versionLocationsAndFileFilter()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        writeFile(root + QStringLiteral("/alembic.ini"),
                  "[alembic]\nscript_location = %(here)s/mig\n"
                  "version_locations = %(here)s/v1;%(here)s/missing;%(here)s/v2\nversion_path_separator = ;\n");
        writeFile(root + QStringLiteral("/mig/env.py"), "");
        writeFile(root + QStringLiteral("/v1/a1.py"), revisionFile("a1", "None"));
        writeFile(root + QStringLiteral("/v1/__init__.py"), "");
        writeFile(root + QStringLiteral("/v1/.#a1.py"), "editor lock file, not Python");
        writeFile(root + QStringLiteral("/v1/notes.txt"), "not a revision");
        writeFile(root + QStringLiteral("/v1/a1.pyc"), "compiled");
        writeFile(root + QStringLiteral("/v2/b2.py"), revisionFile("b2", "'a1'"));
        Result<ProjectConfig> cfg = ProjectConfig::load(root + QStringLiteral("/alembic.ini"));
        QVERIFY2(cfg.ok(), qPrintable(cfg.error().toString()));
        QCOMPARE(cfg->versionLocations.size(), 3);
        Result<ScriptLoader::Loaded> loaded = ScriptLoader::load(cfg.value());
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().toString()));
        QStringList names;
        for (const RevisionScript &s : loaded->scripts)
            names << s.fileName;
        QCOMPARE(names, QStringList({QStringLiteral("a1.py"), QStringLiteral("b2.py")}));
        QCOMPARE(loaded->scripts[1].path, cfg->versionLocations[2] + QStringLiteral("/b2.py"));
    }

    // Unchanged files come from the cache; a changed, added or removed file
    // is seen at once, even when its size stays the same.
    void headerCacheFollowsTheFiles()
    {
        QTemporaryDir dir, cacheDir;
        const QString root = dir.path();
        writeFile(root + QStringLiteral("/alembic.ini"), "[alembic]\nscript_location = %(here)s/mig\n");
        writeFile(root + QStringLiteral("/mig/env.py"), "");
        writeFile(root + QStringLiteral("/mig/versions/a1.py"), revisionFile("a1", "None"));
        writeFile(root + QStringLiteral("/mig/versions/b2.py"), revisionFile("b2", "'a1'"));
        Result<ProjectConfig> cfg = ProjectConfig::load(root + QStringLiteral("/alembic.ini"));
        QVERIFY(cfg.ok());
        auto load = [&] {
            Result<ScriptLoader::Loaded> l = ScriptLoader::load(cfg.value(), cacheDir.path());
            if (!l.ok())
                qFatal("%s", qPrintable(l.error().toString()));
            return l.value();
        };
        auto down = [](const ScriptLoader::Loaded &l, const QString &file) {
            for (const RevisionScript &s : l.scripts)
                if (s.fileName == file)
                    return s.downRevision.items.value(0);
            return QStringLiteral("<missing>");
        };
        const ScriptLoader::Loaded first = load();
        QCOMPARE(first.cachedCount, 0);
        const ScriptLoader::Loaded second = load();
        QCOMPARE(second.cachedCount, 2);
        QCOMPARE(down(second, QStringLiteral("b2.py")), QStringLiteral("a1"));
        QCOMPARE(second.scripts.size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(second.scripts[i].docstring, first.scripts[i].docstring);
            QCOMPARE(second.scripts[i].revision.line, first.scripts[i].revision.line);
        }

        // same size, new parent
        writeFile(root + QStringLiteral("/mig/versions/b2.py"), revisionFile("b2", "'z9'"));
        const ScriptLoader::Loaded third = load();
        QCOMPARE(third.cachedCount, 1);
        QCOMPARE(down(third, QStringLiteral("b2.py")), QStringLiteral("z9"));

        QVERIFY(QFile::remove(root + QStringLiteral("/mig/versions/a1.py")));
        writeFile(root + QStringLiteral("/mig/versions/c3.py"), revisionFile("c3", "'b2'"));
        const ScriptLoader::Loaded fourth = load();
        QCOMPARE(fourth.scripts.size(), 2);
        QCOMPARE(fourth.cachedCount, 1);
        QCOMPARE(down(fourth, QStringLiteral("a1.py")), QStringLiteral("<missing>"));
        QCOMPARE(down(fourth, QStringLiteral("c3.py")), QStringLiteral("b2"));

        // a damaged cache file is ignored, not trusted
        const QStringList caches = QDir(cacheDir.path()).entryList(QDir::Files);
        QCOMPARE(caches.size(), 1);
        writeFile(cacheDir.filePath(caches.front()), "RTRC garbage");
        const ScriptLoader::Loaded fifth = load();
        QCOMPARE(fifth.cachedCount, 0);
        QCOMPARE(down(fifth, QStringLiteral("c3.py")), QStringLiteral("b2"));
    }

    void readingReportsEachFileOnce()
    {
        QTemporaryDir dir, cacheDir;
        constexpr int kFiles = 700;
        Result<ProjectConfig> cfg = ProjectConfig::load(writeChain(dir.path(), kFiles));
        QVERIFY(cfg.ok());
        for (const bool warm : {false, true}) {  // parsed, then from the header cache
            Heard heard;
            std::atomic<bool> cancel{false};
            Progress progress([&heard](const QString &step, qint64 done, qint64 total) {
                std::lock_guard<std::mutex> lock(heard.mutex);
                heard.reports << qMakePair(step, done);
                heard.totals.insert(step, total);
            }, &cancel);
            Result<ScriptLoader::Loaded> loaded = ScriptLoader::load(cfg.value(), cacheDir.path(), &progress);
            QVERIFY2(loaded.ok(), qPrintable(loaded.error().toString()));
            QCOMPARE(loaded->cachedCount, warm ? kFiles : 0);
            const QString step = QStringLiteral("Reading revision files");
            const QList<qint64> done = heard.doneOf(step);
            QCOMPARE(heard.totals.value(step), qint64(kFiles));
            // From 0 to every file, always forward, in about a hundred reports, not one per file.
            QVERIFY(done.size() >= 2);
            QCOMPARE(done.front(), qint64(0));
            QCOMPARE(done.back(), qint64(kFiles));
            for (int i = 1; i < done.size(); ++i)
                QVERIFY2(done[i] > done[i - 1], qPrintable(QStringLiteral("report %1: %2 after %3").arg(i).arg(done[i]).arg(done[i - 1])));
            QVERIFY2(done.size() <= Progress::kReportsPerStep + 2, qPrintable(QString::number(done.size())));
        }
    }

    void cancelStopsReadingWithinAFilePerThread()
    {
        QTemporaryDir dir, cacheDir;
        constexpr int kFiles = 3000;
        Result<ProjectConfig> cfg = ProjectConfig::load(writeChain(dir.path(), kFiles));
        QVERIFY(cfg.ok());
        std::atomic<bool> cancel{false};
        qint64 doneAtCancel = -1;
        Progress progress([&](const QString &, qint64 done, qint64) {
            // The listener runs under the Progress's lock: no file is counted
            // between this report and the flag.
            if (done > 0 && doneAtCancel < 0) {
                doneAtCancel = done;
                cancel.store(true);
            }
        }, &cancel);
        Result<ScriptLoader::Loaded> loaded = ScriptLoader::load(cfg.value(), cacheDir.path(), &progress);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().kind(), Error::Kind::Cancelled);
        QVERIFY(doneAtCancel > 0);
        // Each reading thread finishes the file in its hands, and takes no other.
        const qint64 threads = std::clamp(int(std::thread::hardware_concurrency()), 1, 8);
        QVERIFY2(progress.done() - doneAtCancel < threads,
                 qPrintable(QStringLiteral("%1 files read after the cancel at %2").arg(progress.done() - doneAtCancel)
                                .arg(doneAtCancel)));
        QVERIFY(progress.done() < kFiles / 10);
        // Nothing of the cut-short run reached the header cache; a full run then reads everything.
        QVERIFY(QDir(cacheDir.path()).entryList(QDir::Files).isEmpty());
        Result<ScriptLoader::Loaded> again = ScriptLoader::load(cfg.value(), cacheDir.path());
        QVERIFY(again.ok());
        QCOMPARE(again->scripts.size(), kFiles);
        QCOMPARE(again->cachedCount, 0);
    }

    void missingScriptLocationIsNamed()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("alembic.ini")), "[alembic]\nscript_location = %(here)s/nowhere\n");
        Result<ProjectConfig> cfg = ProjectConfig::load(dir.filePath(QStringLiteral("alembic.ini")));
        QVERIFY(!cfg.ok());
        QVERIFY(cfg.error().message().startsWith(QLatin1String("Path doesn't exist: '")));
        QVERIFY(cfg.error().message().contains(QLatin1String("/nowhere'")));
        QCOMPARE(cfg.error().where().line, 2);
    }

    // Graph errors must say which file and line to open.
    void graphErrorsAreLocated_data()
    {
        QTest::addColumn<QByteArray>("second");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        QTest::newRow("missing parent") << revisionFile("b2", "'zz99'") << "Revision zz99 referenced from b2 is not present"
                                        << 3;
        QTest::newRow("self loop") << revisionFile("b2", "'b2'") << "Self-loop is detected in revisions (b2)" << 3;
        QTest::newRow("dependency self loop") << revisionFile("b2", "'a1'", "depends_on = 'b2'")
                                              << "Dependency self-loop is detected in revisions (b2)" << 4;
        QTest::newRow("illegal character") << QByteArray("revision = 'b-2'\ndown_revision = 'a1'\n")
                                           << "Character(s) '-' not allowed in revision identifier 'b-2'" << 1;
        QTest::newRow("id that is alembic's symbol")
            << QByteArray("revision = 'head'\ndown_revision = 'a1'\n")
            << "Revision identifier 'head' is one of alembic's symbols (head, heads, base) and cannot name a revision" << 1;
        QTest::newRow("unknown dependency") << revisionFile("b2", "'a1'", "depends_on = ('nope',)")
                                            << "Dependency nope referenced from b2 is not present" << 4;
        QTest::newRow("computed down_revision needs Python")
            << revisionFile("b2", "'a' + '1'") << "down_revision is not a literal value ('a' + '1'); reading it needs Python" << 3;
        QTest::newRow("label from a constant needs Python")
            << revisionFile("b2", "'a1'", "branch_labels = (cli.EXPAND,)")
            << "branch_labels is not a literal value ((cli.EXPAND,)); reading it needs Python" << 4;
        QTest::newRow("no revision variable")
            << QByteArray("down_revision = 'a1'\n")
            << "Could not determine revision id from filename second.py. Be sure the 'revision' variable is declared "
               "inside the script (please see 'Upgrading from Alembic 0.1 to 0.2' in the documentation)."
            << 0;
    }

    void graphErrorsAreLocated()
    {
        QFETCH(QByteArray, second);
        QFETCH(QString, message);
        QFETCH(int, line);
        const QVector<RevisionScript> scripts = {script(QStringLiteral("first.py"), revisionFile("a1", "None")),
                                                 script(QStringLiteral("second.py"), second)};
        Result<RevisionGraph> g = RevisionGraph::build(scripts);
        QVERIFY(!g.ok());
        QCOMPARE(g.error().message(), message);
        QCOMPARE(g.error().where().file, QStringLiteral("/p/versions/second.py"));
        QCOMPARE(g.error().where().line, line);
    }

    // b2 depends on its own descendant c3: alembic 1.8.1's checks let it
    // through and its history walk never ends (found by tst_inputfuzz).
    void dependencyOnADescendantIsACycle()
    {
        const QVector<RevisionScript> scripts = {
            script(QStringLiteral("a.py"), revisionFile("a1", "None")),
            script(QStringLiteral("b.py"), revisionFile("b2", "'a1'", "depends_on = 'c3'")),
            script(QStringLiteral("c.py"), revisionFile("c3", "'b2'")),
            script(QStringLiteral("d.py"), revisionFile("d4", "'c3'")),
        };
        Result<RevisionGraph> g = RevisionGraph::build(scripts);
        QVERIFY(!g.ok());
        QCOMPARE(g.error().message(), QStringLiteral("Dependency cycle is detected in revisions (b2, c3)"));
        QCOMPARE(g.error().where().file, QStringLiteral("/p/versions/b.py"));
    }

    void syntaxErrorStopsTheGraphWithItsPosition()
    {
        const QVector<RevisionScript> scripts = {
            script(QStringLiteral("first.py"), revisionFile("a1", "None")),
            script(QStringLiteral("broken.py"), "revision = 'b2'\ndown_revision = ('a1'\n\ndef upgrade(:\n")};
        Result<RevisionGraph> g = RevisionGraph::build(scripts);
        QVERIFY(!g.ok());
        QCOMPARE(g.error().kind(), Error::Kind::Syntax);
        QCOMPARE(g.error().where().file, QStringLiteral("/p/versions/broken.py"));
        QVERIFY(g.error().where().line >= 2);
    }

    void duplicateIdOnlyWarns()
    {
        const QVector<RevisionScript> scripts = {script(QStringLiteral("a.py"), revisionFile("a1", "None")),
                                                 script(QStringLiteral("b.py"), revisionFile("a1", "None"))};
        Result<RevisionGraph> g = RevisionGraph::build(scripts);
        QVERIFY2(g.ok(), qPrintable(g.error().toString()));
        QCOMPARE(g->size(), 1);
        QCOMPARE(g->warnings().size(), 1);
        QCOMPARE(g->warnings().front().message(), QStringLiteral("Revision a1 is present more than once"));
        QCOMPARE(g->warnings().front().where().file, QStringLiteral("/p/versions/b.py"));
    }

    void effectiveHeadsAndLabels()
    {
        // c3 depends on b2: b2 is a head through down_revision only.
        const QVector<RevisionScript> scripts = {
            script(QStringLiteral("a.py"), revisionFile("a1", "None", "branch_labels = ('core',)")),
            script(QStringLiteral("b.py"), revisionFile("b2", "'a1'")),
            script(QStringLiteral("c.py"), revisionFile("c3", "'a1'", "depends_on = 'b2'")),
        };
        Result<RevisionGraph> g = RevisionGraph::build(scripts);
        QVERIFY2(g.ok(), qPrintable(g.error().toString()));
        QStringList heads, realHeads;
        for (int h : g->heads())
            heads << g->node(h).id;
        for (int h : g->realHeads())
            realHeads << g->node(h).id;
        QCOMPARE(heads, QStringList({QStringLiteral("b2"), QStringLiteral("c3")}));
        QCOMPARE(realHeads, QStringList({QStringLiteral("c3")}));
        QVERIFY(g->node(g->indexOf(QStringLiteral("a1"))).isBranchPoint());
        QCOMPARE(g->node(g->indexOf(QStringLiteral("c3"))).branchLabels.toList(), QStringList({QStringLiteral("core")}));
        QCOMPARE(g->lookup(QStringLiteral("core")), g->indexOf(QStringLiteral("a1")));
    }
};

QTEST_GUILESS_MAIN(TestProjectLoading)
#include "tst_projectloading.moc"
