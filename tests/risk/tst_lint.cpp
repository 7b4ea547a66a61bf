// `retort lint` as CI runs it: the binary on the fixture projects, its exit
// code, its json and its SARIF.

#include "testcluster.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QtTest>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run lint(const QString &fixture, const QStringList &args)
{
    QProcess p;
    p.setProgram(QStringLiteral(RETORT_BINARY));
    p.setArguments(QStringList{QStringLiteral("-c"),
                               QStringLiteral(RETORT_SOURCE_DIR "/tests/risk/fixtures/%1/alembic.ini").arg(fixture),
                               QStringLiteral("lint")}
                   + args);
    p.start();
    p.waitForFinished(120000);
    return Run{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

QJsonObject parse(const QByteArray &text)
{
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(text, &e);
    return e.error == QJsonParseError::NoError ? d.object() : QJsonObject();
}

} // namespace

class TestLint : public QObject {
    Q_OBJECT

private slots:
    void exitCodes_data();
    void exitCodes();
    void jsonShape();
    void allowedFindingIsReported();
    void sarifStructure();
    void liveBlockersWithUrl();
};

void TestLint::exitCodes_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("clean") << "lintallow" << QStringList{QStringLiteral("base:r1"), QStringLiteral("--fail-on"), QStringLiteral("warning")} << 0;
    QTest::newRow("opted out") << "lintallow" << QStringList{QStringLiteral("r1:r2"), QStringLiteral("--fail-on"), QStringLiteral("warning")} << 0;
    QTest::newRow("a warning") << "lintallow" << QStringList{QStringLiteral("r1:r3"), QStringLiteral("--fail-on"), QStringLiteral("warning")} << 1;
    QTest::newRow("a warning, fail on errors") << "lintallow" << QStringList{QStringLiteral("r1:r3")} << 0;
    QTest::newRow("errors") << "lockmodel" << QStringList{QStringLiteral("--format"), QStringLiteral("json")} << 1;
    QTest::newRow("unknown revision") << "lintallow" << QStringList{QStringLiteral("nosuch:heads")} << 255;
    QTest::newRow("not a range") << "lintallow" << QStringList{QStringLiteral("r1")} << 255;
    QTest::newRow("bad format") << "lintallow" << QStringList{QStringLiteral("--format"), QStringLiteral("xml")} << 2;
}

void TestLint::exitCodes()
{
    QFETCH(QString, fixture);
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    const Run r = lint(fixture, args);
    QVERIFY2(r.exitCode == exitCode, r.out + r.err);
}

void TestLint::jsonShape()
{
    const Run r = lint(QStringLiteral("lockmodel"), {QStringLiteral("--format"), QStringLiteral("json")});
    const QJsonObject doc = parse(r.out);
    QVERIFY2(doc.contains(QLatin1String("statements")) && doc.contains(QLatin1String("spans")), r.out.left(300));
    const QJsonArray statements = doc.value(QLatin1String("statements")).toArray();
    QVERIFY(statements.size() > 100);
    bool sawRewriteError = false;
    for (const QJsonValue &v : statements) {
        const QJsonObject s = v.toObject();
        for (const char *key : {"revision", "direction", "index", "sql", "transactional", "locks", "rewrite", "scan", "findings"})
            QVERIFY2(s.contains(QLatin1String(key)), key);
        QVERIFY(s.value(QLatin1String("direction")).toString() == QLatin1String("upgrade"));
        for (const QJsonValue &l : s.value(QLatin1String("locks")).toArray())
            QVERIFY(l.toObject().value(QLatin1String("mode")).toString().endsWith(QLatin1String("Lock")));
        for (const QJsonValue &f : s.value(QLatin1String("findings")).toArray()) {
            const QString severity = f.toObject().value(QLatin1String("severity")).toString();
            QVERIFY(severity == QLatin1String("info") || severity == QLatin1String("warning") || severity == QLatin1String("error"));
            if (f.toObject().value(QLatin1String("rule")).toString() == QLatin1String("alter-column-type-rewrite")
                && s.value(QLatin1String("sql")).toString().contains(QLatin1String("qty TYPE BIGINT")))
                sawRewriteError = s.value(QLatin1String("rewrite")).toBool();
        }
    }
    QVERIFY2(sawRewriteError, "items.qty INTEGER -> BIGINT is a rewrite with its finding");
    // the statement that adds a foreign key column names the referenced table
    bool sawParent = false;
    for (const QJsonValue &v : statements) {
        const QJsonObject s = v.toObject();
        if (s.value(QLatin1String("sql")).toString() == QLatin1String("ALTER TABLE items ADD COLUMN c_fk INTEGER"))
            continue;
        if (s.value(QLatin1String("sql")).toString().startsWith(QLatin1String("ALTER TABLE items ADD CONSTRAINT fk_items_qty")))
            for (const QJsonValue &l : s.value(QLatin1String("locks")).toArray())
                sawParent = sawParent || (l.toObject().value(QLatin1String("relation")).toString() == QLatin1String("parent")
                                          && l.toObject().value(QLatin1String("mode")).toString() == QLatin1String("ShareRowExclusiveLock"));
    }
    QVERIFY(sawParent);
    const QJsonArray spans = doc.value(QLatin1String("spans")).toArray();
    QVERIFY(!spans.isEmpty());
    for (const char *key : {"relation", "mode", "from", "to", "statements", "revisions"})
        QVERIFY2(spans.first().toObject().contains(QLatin1String(key)), key);
}

void TestLint::allowedFindingIsReported()
{
    const Run r = lint(QStringLiteral("lintallow"), {QStringLiteral("r1:r3"), QStringLiteral("--format"), QStringLiteral("json")});
    const QJsonArray statements = parse(r.out).value(QLatin1String("statements")).toArray();
    QStringList allowed, notAllowed;
    for (const QJsonValue &v : statements) {
        for (const QJsonValue &f : v.toObject().value(QLatin1String("findings")).toArray()) {
            const QJsonObject o = f.toObject();
            if (o.value(QLatin1String("rule")).toString() != QLatin1String("index-without-concurrently"))
                continue;
            (o.contains(QLatin1String("allowed")) ? allowed : notAllowed) << v.toObject().value(QLatin1String("revision")).toString();
            if (o.contains(QLatin1String("allowed")))
                QCOMPARE(o.value(QLatin1String("allowed")).toString(), QStringLiteral("t is written only by the nightly job"));
        }
    }
    QCOMPARE(allowed, QStringList{QStringLiteral("r2")});
    QCOMPARE(notAllowed, QStringList{QStringLiteral("r3")});
}

// No SARIF schema is installed offline: the properties SARIF 2.1.0 requires
// (sarifLog: version, runs; run: tool.driver.name; result: message.text;
// ruleIndex within the driver's rules; region.startLine >= 1) are checked here.
void TestLint::sarifStructure()
{
    const Run r = lint(QStringLiteral("lintallow"), {QStringLiteral("r1:r3"), QStringLiteral("--format"), QStringLiteral("sarif")});
    const QJsonObject log = parse(r.out);
    QCOMPARE(log.value(QLatin1String("version")).toString(), QStringLiteral("2.1.0"));
    const QJsonArray runs = log.value(QLatin1String("runs")).toArray();
    QCOMPARE(runs.size(), 1);
    const QJsonObject run = runs.first().toObject();
    const QJsonObject driver = run.value(QLatin1String("tool")).toObject().value(QLatin1String("driver")).toObject();
    QCOMPARE(driver.value(QLatin1String("name")).toString(), QStringLiteral("retort"));
    const QJsonArray rules = driver.value(QLatin1String("rules")).toArray();
    QVERIFY(rules.size() >= 16);
    const QJsonArray results = run.value(QLatin1String("results")).toArray();
    QCOMPARE(results.size(), 2);
    int suppressed = 0;
    for (const QJsonValue &v : results) {
        const QJsonObject res = v.toObject();
        QVERIFY(!res.value(QLatin1String("message")).toObject().value(QLatin1String("text")).toString().isEmpty());
        const int index = res.value(QLatin1String("ruleIndex")).toInt(-1);
        QVERIFY(index >= 0 && index < rules.size());
        QCOMPARE(rules[index].toObject().value(QLatin1String("id")).toString(), res.value(QLatin1String("ruleId")).toString());
        const QString level = res.value(QLatin1String("level")).toString();
        QVERIFY(level == QLatin1String("error") || level == QLatin1String("warning") || level == QLatin1String("note"));
        const QJsonObject physical = res.value(QLatin1String("locations")).toArray().first().toObject()
                                         .value(QLatin1String("physicalLocation")).toObject();
        QVERIFY(physical.value(QLatin1String("artifactLocation")).toObject().value(QLatin1String("uri")).toString()
                    .startsWith(QLatin1String("migrations/versions/r")));
        QVERIFY(physical.value(QLatin1String("region")).toObject().value(QLatin1String("startLine")).toInt() >= 1);
        const QJsonArray suppressions = res.value(QLatin1String("suppressions")).toArray();
        if (!suppressions.isEmpty()) {
            ++suppressed;
            QCOMPARE(suppressions.first().toObject().value(QLatin1String("kind")).toString(), QStringLiteral("inSource"));
        }
    }
    QCOMPARE(suppressed, 1);
}

// --url: a session writing to the table the plan indexes is named, with
// what it holds, as the session the CREATE INDEX will wait behind.
void TestLint::liveBlockersWithUrl()
{
    retort::testsupport::TestCluster cluster;
    RETORT_REQUIRE_CLUSTER(cluster);
    const QString db = cluster.createDatabase(QStringLiteral("lint"));
    QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
    QVERIFY(cluster.exec(db, QStringLiteral("CREATE TABLE t (id integer PRIMARY KEY, a integer)")));
    QString name;
    Run r;
    QString pid;
    {
        QSqlDatabase writer = cluster.open(db);
        name = writer.connectionName();
        QSqlQuery q(writer);
        QVERIFY(q.exec(QStringLiteral("SET application_name = 'writer'")));
        QVERIFY(q.exec(QStringLiteral("BEGIN")));
        QVERIFY(q.exec(QStringLiteral("LOCK TABLE t IN ROW EXCLUSIVE MODE")));
        QVERIFY(q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next());
        pid = q.value(0).toString();
        r = lint(QStringLiteral("lintallow"), {QStringLiteral("r1:r3"), QStringLiteral("--format"), QStringLiteral("json"),
                                               QStringLiteral("--url"), cluster.url(db)});
        QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        writer.close();
    }
    QSqlDatabase::removeDatabase(name);
    cluster.dropDatabase(db);
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    const QJsonObject live = parse(r.out).value(QLatin1String("live")).toObject();
    const QJsonArray blockers = live.value(QLatin1String("blockers")).toArray();
    QCOMPARE(blockers.size(), 1);
    const QJsonObject b = blockers.first().toObject();
    QCOMPARE(b.value(QLatin1String("application")).toString(), QStringLiteral("writer"));
    QCOMPARE(QString::number(b.value(QLatin1String("pid")).toInt()), pid);
    QCOMPARE(b.value(QLatin1String("mode")).toString(), QStringLiteral("RowExclusiveLock"));
    QVERIFY(b.value(QLatin1String("text")).toString().startsWith(QStringLiteral("will wait behind pid ") + pid));
    const QJsonArray relations = live.value(QLatin1String("relations")).toArray();
    QCOMPARE(relations.size(), 2);  // alembic_version (not there) and t
}

QTEST_GUILESS_MAIN(TestLint)
#include "tst_lint.moc"
