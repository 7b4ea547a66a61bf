// The alembic bridge. Offline: `upgrade base:heads --sql` and `downgrade
// heads:base --sql` with --engine auto and --engine python against the real
// alembic's stdout, byte for byte (a merge's version rows compared by their
// effect, as alembic picks them in set order), on projects whose revisions
// need Python, the four sample projects and a generated one. Then interpreter
// discovery, the bridge's error for a step that fails offline, and an online
// run on the private cluster with the URL passed through the environment.

#include "bridge/alembicbridge.h"
#include "bridge/bridgeprocess.h"
#include "bridge/interpreterfinder.h"
#include "outputnormalizer.h"
#include "filetree.h"
#include "processrunner.h"
#include "testcluster.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::testsupport;

namespace {

bool writeExecutable(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(text);
    f.close();
    return f.setPermissions(f.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeUser);
}

// Every process's argv on this machine that contains `needle`.
QStringList processesWith(const QByteArray &needle)
{
    QStringList found;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        if (pid.toInt() <= 0)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(needle))
            found << pid;
    }
    return found;
}

} // namespace

class TestBridge : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QHash<QString, QString> m_projects;  // name -> dir holding alembic.ini
    QHash<QString, ProcessResult> m_alembic;  // "project|args" -> alembic's run

    const ProcessResult &alembic(const QString &project, const QStringList &args)
    {
        const QString key = project + QLatin1Char('|') + args.join(QLatin1Char(' '));
        if (!m_alembic.contains(key))
            m_alembic.insert(key, runAlembic(QStringLiteral("alembic.ini"), args, m_projects[project]));
        return m_alembic[key];
    }

    QString fixtures() const { return m_projects[QStringLiteral("fixtures")]; }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY2(!alembicPython().isEmpty(),
                 "no Python interpreter can import alembic: install python3-alembic (scripts/run-tests.sh does)");
        const QString fixtureDir = m_tmp.filePath(QStringLiteral("fixtures"));
        QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/tests/bridge/fixtures"), fixtureDir));
        m_projects.insert(QStringLiteral("fixtures"), fixtureDir);
        for (const QString &sample : {QStringLiteral("analytics"), QStringLiteral("auditing"), QStringLiteral("jobs"),
                                      QStringLiteral("projects")}) {
            const QString dir = m_tmp.filePath(sample);
            QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/migrations/") + sample, dir));
            m_projects.insert(sample, dir);
        }
        const QString generated = m_tmp.filePath(QStringLiteral("generated"));
        const ProcessResult gen = runProcess(
            alembicPython(),
            {QStringLiteral(RETORT_SOURCE_DIR "/bench/generate_project.py"), generated, QStringLiteral("--revisions"),
             QStringLiteral("300"), QStringLiteral("--branch-every"), QStringLiteral("20"), QStringLiteral("--merge-every"),
             QStringLiteral("25"), QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--quiet")},
            QString());
        QVERIFY2(gen.ok(), qPrintable(QStringLiteral("generator failed: ") + gen.describe()));
        m_projects.insert(QStringLiteral("generated"), generated);
    }

    // The full scripts, byte for byte, with each engine that uses the bridge.
    void offlineMatchesAlembic_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QStringList>("args");
        const QStringList up{QStringLiteral("upgrade"), QStringLiteral("base:heads"), QStringLiteral("--sql")};
        const QStringList down{QStringLiteral("downgrade"), QStringLiteral("heads:base"), QStringLiteral("--sql")};
        for (const QString &project : {QStringLiteral("fixtures"), QStringLiteral("analytics"), QStringLiteral("auditing"),
                                       QStringLiteral("jobs"), QStringLiteral("projects"), QStringLiteral("generated")})
            for (const QString &engine : {QStringLiteral("auto"), QStringLiteral("python")})
                for (const QStringList &args : {up, down})
                    QTest::addRow("%s %s --engine %s", qPrintable(project), qPrintable(args.mid(0, 2).join(QLatin1Char(' '))),
                                  qPrintable(engine))
                        << project << engine << args;
        // a range that stops before the revision that cannot run offline
        QTest::newRow("fixtures upgrade base:b006 --engine auto")
            << QStringLiteral("fixtures") << QStringLiteral("auto")
            << QStringList{QStringLiteral("upgrade"), QStringLiteral("base:b006"), QStringLiteral("--sql")};
        // -x reaches env.py and the revision files (b003 reads it when loaded)
        QTest::newRow("fixtures -x shards=2 upgrade b002:b004 --engine auto")
            << QStringLiteral("fixtures") << QStringLiteral("auto")
            << QStringList{QStringLiteral("-x"), QStringLiteral("shards=2"), QStringLiteral("upgrade"), QStringLiteral("b002:b004"),
                           QStringLiteral("--sql")};
        QTest::newRow("fixtures upgrade b002:b005 --engine python")
            << QStringLiteral("fixtures") << QStringLiteral("python")
            << QStringList{QStringLiteral("upgrade"), QStringLiteral("b002:b005"), QStringLiteral("--sql")};
    }

    void offlineMatchesAlembic()
    {
        QFETCH(QString, project);
        QFETCH(QString, engine);
        QFETCH(QStringList, args);
        const ProcessResult &expected = alembic(project, args);
        QVERIFY2(expected.error.isEmpty(), qPrintable(expected.describe()));
        const ProcessResult actual = runRetort(
            QStringList{QStringLiteral("-c"), QStringLiteral("alembic.ini")} + args + QStringList{QStringLiteral("--engine"), engine},
            m_projects[project]);
        QVERIFY2(actual.error.isEmpty(), qPrintable(actual.describe()));
        if (actual.exitCode != expected.exitCode)
            qWarning("retort stderr: %s\nalembic stderr tail: %s", actual.err.constData(), expected.err.right(600).constData());
        QCOMPARE(actual.exitCode, expected.exitCode);
        QCOMPARE(normalizeVersionRowOrder(actual.out), normalizeVersionRowOrder(expected.out));
    }

    // A step that cannot run offline: alembic's output up to the failure,
    // exit 1, and alembic's exception with the revision file's line (both
    // taken from alembic's own traceback).
    void offlineErrorIsAlembics()
    {
        const QStringList args{QStringLiteral("upgrade"), QStringLiteral("b005:b007"), QStringLiteral("--sql")};
        const ProcessResult &expected = alembic(QStringLiteral("fixtures"), args);
        QCOMPARE(expected.exitCode, 1);
        const QStringList tb = QString::fromUtf8(expected.err).trimmed().split(QLatin1Char('\n'));
        const QString exception = tb.back();
        QVERIFY2(exception.startsWith(QLatin1String("AttributeError: ")), qPrintable(exception));
        static const QRegularExpression frame(QStringLiteral("File \"([^\"]*b007_offline_only_fails\\.py)\", line (\\d+)"));
        QString line;
        for (auto it = frame.globalMatch(QString::fromUtf8(expected.err)); it.hasNext();)
            line = it.next().captured(2);
        QVERIFY2(!line.isEmpty(), expected.err.constData());

        const ProcessResult actual = runRetort(QStringList{QStringLiteral("-c"), QStringLiteral("alembic.ini")} + args,
                                               fixtures());
        QCOMPARE(actual.exitCode, 1);
        QCOMPARE(QString::fromUtf8(actual.out), QString::fromUtf8(expected.out));
        const QString err = QString::fromUtf8(actual.err);
        QVERIFY2(err.contains(exception), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("b007_offline_only_fails.py:%1").arg(line)), qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("(revision b007)")), qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("can only run online")), qPrintable(err));
    }

    // A downgrade that raises on purpose (NotImplementedError: irreversible)
    // fails as alembic fails, with the revision's own words and line, and
    // without the note that blames offline mode's mock connection.
    void irreversibleDowngradeIsTheRevisionsOwnError()
    {
        QTemporaryDir dir;
        QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/tests/bridge/fixtures"), dir.path()));
        QFile f(dir.filePath(QStringLiteral("migrations/versions/b008_irreversible.py")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\"\"\"irreversible\"\"\"\nfrom alembic import op\n\nrevision = \"b008\"\ndown_revision = \"b007\"\n"
                "branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    op.execute(\"SELECT 1\")\n\n\n"
                "def downgrade():\n    raise NotImplementedError(\"irreversible: the old data is gone\")\n");
        f.close();
        const QStringList args{QStringLiteral("-c"), QStringLiteral("alembic.ini"), QStringLiteral("downgrade"),
                               QStringLiteral("b008:b007"), QStringLiteral("--sql")};
        const ProcessResult expected = runAlembic(QStringLiteral("alembic.ini"), args.mid(2), dir.path());
        QCOMPARE(expected.exitCode, 1);
        QVERIFY2(expected.err.contains("NotImplementedError: irreversible: the old data is gone"), expected.err.constData());
        static const QRegularExpression frame(QStringLiteral("File \"[^\"]*b008_irreversible\\.py\", line (\\d+)"));
        const QString line = frame.match(QString::fromUtf8(expected.err)).captured(1);
        QVERIFY2(!line.isEmpty(), expected.err.constData());
        const ProcessResult actual = runRetort(args, dir.path());
        QCOMPARE(actual.exitCode, 1);
        QCOMPARE(QString::fromUtf8(actual.out), QString::fromUtf8(expected.out));
        const QString err = QString::fromUtf8(actual.err);
        QVERIFY2(err.contains(QStringLiteral("b008_irreversible.py:%1").arg(line)), qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("NotImplementedError: irreversible: the old data is gone")), qPrintable(err));
        QVERIFY2(!err.contains(QLatin1String("can only run online")), qPrintable(err));
    }

    // --engine native never runs Python: the first step that needs it fails
    // with its file and line.
    void nativeEngineRefuses()
    {
        const ProcessResult r = runRetort({QStringLiteral("-c"), QStringLiteral("alembic.ini"), QStringLiteral("upgrade"),
                                           QStringLiteral("base:heads"), QStringLiteral("--sql"), QStringLiteral("--engine"),
                                           QStringLiteral("native")},
                                          fixtures());
        QCOMPARE(r.exitCode, 255);
        static const QRegularExpression refusal(
            QStringLiteral("^FAILED: \\S+/b00\\d_\\w+\\.py:\\d+: revision b00\\d needs Python to render \\(.+\\)\\n$"));
        QVERIFY2(refusal.match(QString::fromUtf8(r.out)).hasMatch(), r.out.constData());
    }

    // `engines --format json`: every revision and direction, native or python,
    // with the reason at file:line for python.
    void enginesListing()
    {
        const ProcessResult r = runRetort({QStringLiteral("-c"), QStringLiteral("alembic.ini"), QStringLiteral("engines"),
                                           QStringLiteral("--format"), QStringLiteral("json")},
                                          fixtures());
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc.value(QLatin1String("policy")).toString(), QStringLiteral("auto"));
        const QJsonArray revisions = doc.value(QLatin1String("revisions")).toArray();
        QStringList ids;
        int python = 0;
        for (const QJsonValue &v : revisions) {
            const QJsonObject rev = v.toObject();
            ids << rev.value(QLatin1String("revision")).toString();
            for (const QString &direction : {QStringLiteral("upgrade"), QStringLiteral("downgrade")}) {
                const QJsonObject e = rev.value(direction).toObject();
                const QString engine = e.value(QLatin1String("engine")).toString();
                QVERIFY2(engine == QLatin1String("native") || engine == QLatin1String("python"), qPrintable(engine));
                if (engine == QLatin1String("native"))
                    continue;
                ++python;
                const QString file = e.value(QLatin1String("file")).toString();
                const int line = e.value(QLatin1String("line")).toInt();
                QVERIFY2(file.endsWith(QLatin1String(".py")) && line > 0, qPrintable(QString::fromUtf8(QJsonDocument(e).toJson())));
                QVERIFY(e.value(QLatin1String("reason")).toString().startsWith(QStringLiteral("%1:%2: ").arg(file).arg(line)));
                QFile src(QDir(fixtures()).filePath(file));
                QVERIFY2(src.open(QIODevice::ReadOnly), qPrintable(file));
                QVERIFY(line <= src.readAll().count('\n') + 1);
            }
        }
        QCOMPARE(ids, (QStringList{QStringLiteral("b001"), QStringLiteral("b002"), QStringLiteral("b003"), QStringLiteral("b004"),
                                   QStringLiteral("b005"), QStringLiteral("b006"), QStringLiteral("b007")}));
        // b007 reads the database (get_bind): no native engine can render it
        const QJsonObject b007 = revisions.last().toObject().value(QLatin1String("upgrade")).toObject();
        QCOMPARE(b007.value(QLatin1String("engine")).toString(), QStringLiteral("python"));
        QCOMPARE(doc.value(QLatin1String("summary")).toObject().value(QLatin1String("python")).toInt(), python);
        QCOMPARE(doc.value(QLatin1String("summary")).toObject().value(QLatin1String("functions")).toInt(), 14);

        const ProcessResult all = runRetort({QStringLiteral("-c"), QStringLiteral("alembic.ini"), QStringLiteral("engines"),
                                             QStringLiteral("--engine"), QStringLiteral("python")},
                                            fixtures());
        QVERIFY2(all.ok(), qPrintable(all.describe()));
        QVERIFY2(all.out.endsWith("0 of 14 revision functions render natively (--engine python)\n"), all.out.constData());
    }

    // A project .venv whose python links to /usr/bin/python3 is found first;
    // one that cannot import alembic (site-packages off) is passed over with
    // the reason; an explicit path that does not exist is reported.
    void interpreterDiscovery()
    {
        const QString root = m_tmp.filePath(QStringLiteral("venvs"));
        const QString projectDir = root + QStringLiteral("/service/db");
        QVERIFY(QDir().mkpath(projectDir));
        QVERIFY(QDir().mkpath(root + QStringLiteral("/.git")));
        QFile ini(projectDir + QStringLiteral("/alembic.ini"));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[alembic]\nscript_location = migrations\n");
        ini.close();
        // next to alembic.ini: a venv without alembic
        QVERIFY(writeExecutable(projectDir + QStringLiteral("/.venv/bin/python"),
                                "#!/bin/sh\nexec /usr/bin/python3 -S \"$@\"\n"));
        // in the project root (the folder holding .git): one that works
        QVERIFY(QDir().mkpath(root + QStringLiteral("/venv/bin")));
        QVERIFY(QFile::link(QStringLiteral("/usr/bin/python3"), root + QStringLiteral("/venv/bin/python")));

        InterpreterQuery query;
        query.iniPath = projectDir + QStringLiteral("/alembic.ini");
        query.explicitPath = root + QStringLiteral("/missing/python");
        Result<Interpreter> found = InterpreterFinder::find(query);
        QVERIFY2(found.ok(), qPrintable(found.error().toString()));
        QCOMPARE(found->path, root + QStringLiteral("/venv/bin/python"));
        QCOMPARE(found->origin, QStringLiteral("project venv"));
        QCOMPARE(found->rejected.size(), 2);
        QCOMPARE(found->rejected[0].path, query.explicitPath);
        QCOMPARE(found->rejected[0].failure, QStringLiteral("does not exist"));
        QCOMPARE(found->rejected[1].path, projectDir + QStringLiteral("/.venv/bin/python"));
        QVERIFY2(found->rejected[1].failure.contains(QLatin1String("No module named 'alembic'")),
                 qPrintable(found->rejected[1].failure));

        // the CLI takes the same route: --python to a broken one still renders
        const ProcessResult r = runRetort({QStringLiteral("-c"), QStringLiteral("alembic.ini"), QStringLiteral("upgrade"),
                                           QStringLiteral("b001:b003"), QStringLiteral("--sql"), QStringLiteral("--python"),
                                           projectDir + QStringLiteral("/.venv/bin/python")},
                                          fixtures());
        const ProcessResult &expected = alembic(QStringLiteral("fixtures"),
                                                {QStringLiteral("upgrade"), QStringLiteral("b001:b003"), QStringLiteral("--sql")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromUtf8(r.out), QString::fromUtf8(expected.out));
    }

    // The runner stops a child that is cancelled or runs past its timeout,
    // and says which; stderr and the JSON lines before that are kept.
    void processCancelAndTimeout()
    {
        ProcessRequest request;
        request.program = alembicPython();
        request.arguments = {QStringLiteral("-c"),
                             QStringLiteral("import sys, time; print('{\\\"event\\\": \\\"hello\\\"}', flush=True); "
                                            "sys.stderr.write('waiting\\n'); sys.stderr.flush(); time.sleep(60)")};
        std::atomic<bool> cancel{false};
        request.cancel = &cancel;
        QStringList events;
        request.onEvent = [&](const QJsonObject &e) {
            events << e.value(QLatin1String("event")).toString();
            cancel = true;  // cancel once the child is known to be running
        };
        const Result<ProcessOutcome> cancelled = runJsonLinesProcess(request);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().kind(), Error::Kind::Cancelled);
        QCOMPARE(events, QStringList{QStringLiteral("hello")});

        request.cancel = nullptr;
        request.onEvent = {};
        request.timeoutMs = 1500;
        const Result<ProcessOutcome> late = runJsonLinesProcess(request);
        QVERIFY(!late.ok());
        QCOMPARE(late.error().kind(), Error::Kind::Io);
        QVERIFY2(late.error().message().contains(QLatin1String("did not finish within")), qPrintable(late.error().message()));

        request.program = QStringLiteral("/nonexistent/python3");
        const Result<ProcessOutcome> missing = runJsonLinesProcess(request);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message().startsWith(QLatin1String("cannot start /nonexistent/python3")),
                 qPrintable(missing.error().message()));
    }

    // Online: two steps applied for real, the URL (with the password in it)
    // only in the child's environment, never in any process's argv.
    void onlineRun()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        const QString db = cluster.createDatabase(QStringLiteral("bridge"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        QVERIFY(cluster.exec(db, QStringLiteral("SELECT 1")));

        // the password from the pgpass file, into the URL as a real client would have it
        QFile pass(cluster.passFile());
        QVERIFY(pass.open(QIODevice::ReadOnly));
        const QString password = QString::fromUtf8(pass.readAll().trimmed().split('\n').front()).section(QLatin1Char(':'), 4);
        QVERIFY(password.size() >= 8);
        QString url = cluster.url(db);
        url.replace(QStringLiteral("://%1@").arg(cluster.user()),
                    QStringLiteral("://%1:%2@").arg(cluster.user(), QString::fromLatin1(QUrl::toPercentEncoding(password))));

        BridgeProject project;
        project.python = alembicPython();
        project.iniPath = QStringLiteral("alembic.ini");
        project.workDir = fixtures();
        const QString versions = fixtures() + QStringLiteral("/migrations/versions/");
        QVector<BridgeStep> steps{{QStringLiteral("b001"), true, {}, versions + QStringLiteral("b001_base_tables.py")},
                                  {QStringLiteral("b002"), true, {QStringLiteral("b001")},
                                   versions + QStringLiteral("b002_get_bind_offline_branch.py")}};
        QStringList started, finished, seenInArgv;
        QString log;
        Result<BridgeOnlineResult> run = AlembicBridge(project).runOnline(
            steps, url, [&](const BridgeEvent &e) {
                if (e.kind == BridgeEvent::Kind::Started) {
                    started << e.revision;
                    seenInArgv += processesWith(password.toUtf8());
                } else if (e.kind == BridgeEvent::Kind::Finished) {
                    finished << e.revision + QLatin1Char('=') + e.headsAfter.join(QLatin1Char(','));
                } else {
                    log += e.text + QLatin1Char('\n');
                }
            });
        QVERIFY2(run.ok(), qPrintable(run.error().toString()));
        QCOMPARE(started, (QStringList{QStringLiteral("b001"), QStringLiteral("b002")}));
        QCOMPARE(finished, (QStringList{QStringLiteral("b001=b001"), QStringLiteral("b002=b002")}));
        QCOMPARE(run->finishedSteps, 2);
        QVERIFY2(log.contains(QLatin1String("Running upgrade b001 -> b002")), qPrintable(log));
        QVERIFY2(seenInArgv.isEmpty(), qPrintable(seenInArgv.join(QLatin1Char(' '))));
        QVERIFY(!log.contains(password));
        QCOMPARE(cluster.versionRows(db), QStringList{QStringLiteral("b002")});
        // b002 ran its online branch (get_bind): the column exists
        QVERIFY2(cluster.exec(db, QStringLiteral("SELECT invoice_count FROM account")), qPrintable(cluster.lastError()));

        // a failing step: alembic's error, located at the revision line
        QVERIFY(cluster.exec(db, QStringLiteral("CREATE TABLE event_01 (id int)")));
        Result<BridgeOnlineResult> failed = AlembicBridge(project).runOnline(
            {{QStringLiteral("b003"), true, {QStringLiteral("b002")}, versions + QStringLiteral("b003_helpers_and_loops.py")}},
            url);
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error().message().contains(QLatin1String("DuplicateTable")), qPrintable(failed.error().toString()));
        QVERIFY2(failed.error().where().file.endsWith(QLatin1String("b003_helpers_and_loops.py")),
                 qPrintable(failed.error().toString()));
        QVERIFY(failed.error().where().line > 0);
        QCOMPARE(failed.error().where().revision, QStringLiteral("b003"));
        QCOMPARE(cluster.versionRows(db), QStringList{QStringLiteral("b002")});  // one transaction: rolled back
        QVERIFY(cluster.dropDatabase(db));
    }
};

QTEST_GUILESS_MAIN(TestBridge)
#include "tst_bridge.moc"
