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

// rule -> its "allowed" reason (null when not allowed), for the findings of
// the json statements of `revision` whose sql starts with `sql`.
QHash<QString, QJsonValue> findingsOf(const QJsonObject &doc, const QString &revision, const QString &sql)
{
    QHash<QString, QJsonValue> out;
    for (const QJsonValue &v : doc.value(QLatin1String("statements")).toArray()) {
        const QJsonObject s = v.toObject();
        if (s.value(QLatin1String("revision")).toString() != revision
            || !s.value(QLatin1String("sql")).toString().startsWith(sql))
            continue;
        for (const QJsonValue &f : s.value(QLatin1String("findings")).toArray())
            out.insert(f.toObject().value(QLatin1String("rule")).toString(), f.toObject().value(QLatin1String("allowed")));
    }
    return out;
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
    void allowInStringsIsNotHonoured();
    void allowListHonoursEveryRule();
    void badAllowCommentsAreErrors();
    void errorsLeaveMachineReadableStdoutEmpty_data();
    void errorsLeaveMachineReadableStdoutEmpty();
    void vacuumFullIsRefusedNotConcurrently();
    void statementNumbersCountFromOne();
    void unanalysedTableSizeIsExplained();
    void sarifMatchesTheSchema_data();
    void sarifMatchesTheSchema();
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

// What the schema cannot say (sarifMatchesTheSchema checks the schema):
// ruleIndex points at the rule named by ruleId, locations are the revision
// files, the opted-out finding carries the suppression.
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

// An opt-out written in a docstring, a string constant or the SQL of
// op.execute is text, not a comment: its findings stay.
void TestLint::allowInStringsIsNotHonoured()
{
    const Run r = lint(QStringLiteral("lintallow"), {QStringLiteral("r3:r4"), QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    const QHash<QString, QJsonValue> findings = findingsOf(parse(r.out), QStringLiteral("r4"), QStringLiteral("CREATE INDEX ix_t_a4"));
    QVERIFY2(findings.contains(QStringLiteral("index-without-concurrently")), r.out.left(2000));
    QVERIFY2(findings.value(QStringLiteral("index-without-concurrently")).isUndefined(), r.out.left(2000));
    QVERIFY2(findings.contains(QStringLiteral("missing-lock-timeout")), r.out.left(2000));
    QVERIFY2(findings.value(QStringLiteral("missing-lock-timeout")).isUndefined(), r.out.left(2000));
}

// `# retort: allow a, b reason`: both rules, each with the reason.
void TestLint::allowListHonoursEveryRule()
{
    const Run r = lint(QStringLiteral("lintallow"), {QStringLiteral("r4:r5"), QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    const QHash<QString, QJsonValue> findings = findingsOf(parse(r.out), QStringLiteral("r5"), QStringLiteral("CREATE INDEX ix_t_a5"));
    QCOMPARE(findings.value(QStringLiteral("index-without-concurrently")).toString(), QStringLiteral("t is small"));
    QCOMPARE(findings.value(QStringLiteral("missing-lock-timeout")).toString(), QStringLiteral("t is small"));
}

// An unknown rule or an allow naming none is an error naming file:line,
// with the rules there are; never silently ignored.
void TestLint::badAllowCommentsAreErrors()
{
    const Run r = lint(QStringLiteral("lintallow"), {QStringLiteral("r6:r7")});
    QCOMPARE(r.exitCode, 255);
    const QString err = QString::fromUtf8(r.err);
    const QString file = QStringLiteral(RETORT_SOURCE_DIR "/tests/risk/fixtures/lintallow/migrations/versions/r7_bad.py");
    QVERIFY2(err.contains(file + QStringLiteral(":16: unknown rule 'index-without-concurency'")), r.err);
    QVERIFY2(err.contains(file + QStringLiteral(":18: '# retort: allow' names no rule")), r.err);
    QVERIFY2(err.contains(QStringLiteral("the rules are: index-without-concurrently, ")), r.err);
    QVERIFY2(r.out.contains("unknown rule 'index-without-concurency'"), r.out);
}

void TestLint::errorsLeaveMachineReadableStdoutEmpty_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("failed");
    QTest::addColumn<QString>("where");
    const QString bad = QStringLiteral(RETORT_SOURCE_DIR "/tests/risk/fixtures/lintallow/migrations/versions/r7_bad.py");
    const QString unknownRule = QStringLiteral("unknown rule 'index-without-concurency'");
    QTest::newRow("json, a rejected allow") << "lintallow" << "json" << "r6:r7" << unknownRule << bad + QStringLiteral(":16: ");
    QTest::newRow("sarif, a rejected allow") << "lintallow" << "sarif" << "r6:r7" << unknownRule << bad + QStringLiteral(":16: ");
    QTest::newRow("json, not a range") << "lintallow" << "json" << "r1" << "lint needs a range FROM:TO, not 'r1'" << QString();
    QTest::newRow("sarif, an unknown revision") << "lintallow" << "sarif" << "nosuch:heads" << "nosuch" << QString();
    QTest::newRow("json, no project") << "nosuch" << "json" << "base:heads" << "No config file" << QString();
}

// A CI job parses stdout as the json or SARIF it asked for: an error leaves
// stdout empty, alembic's FAILED line and the file:line go to stderr.
void TestLint::errorsLeaveMachineReadableStdoutEmpty()
{
    QFETCH(QString, fixture);
    QFETCH(QString, format);
    QFETCH(QString, range);
    QFETCH(QString, failed);
    QFETCH(QString, where);
    const Run r = lint(fixture, {range, QStringLiteral("--format"), format});
    QCOMPARE(r.exitCode, 255);
    QVERIFY2(r.out.isEmpty(), r.out);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(QStringLiteral("FAILED: ")) && err.contains(failed), r.err);
    if (!where.isEmpty())
        QVERIFY2(err.contains(where + failed), r.err);
}

// VACUUM FULL in alembic's transaction: PostgreSQL refuses it (not a
// CONCURRENTLY), and it rewrites the table under AccessExclusiveLock.
void TestLint::vacuumFullIsRefusedNotConcurrently()
{
    const Run r = lint(QStringLiteral("lintallow"), {QStringLiteral("r5:r6"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject doc = parse(r.out);
    QStringList rules = findingsOf(doc, QStringLiteral("r6"), QStringLiteral("VACUUM FULL t")).keys();
    rules.sort();
    QCOMPARE(rules, (QStringList{QStringLiteral("refused-in-transaction"), QStringLiteral("table-rewrite")}));
    for (const QJsonValue &v : doc.value(QLatin1String("statements")).toArray())
        if (v.toObject().value(QLatin1String("sql")).toString() == QLatin1String("VACUUM FULL t"))
            QCOMPARE(v.toObject().value(QLatin1String("locks")).toArray(),
                     (QJsonArray{QJsonObject{{QLatin1String("relation"), QStringLiteral("t")},
                                             {QLatin1String("mode"), QStringLiteral("AccessExclusiveLock")}}}));
}

// r2 runs SET LOCAL, CREATE INDEX, the version row: the CREATE INDEX is
// statement 2, as the run view counts ("statement 2/3"), in text and SARIF;
// the JSON's documented "index" counts from 0.
void TestLint::statementNumbersCountFromOne()
{
    const QStringList range{QStringLiteral("r1:r2"), QStringLiteral("--format")};
    const Run text = lint(QStringLiteral("lintallow"), range + QStringList{QStringLiteral("text")});
    QVERIFY2(text.out.contains("lock: ShareLock on t from revision r2 statement 2 to revision r2 COMMIT (2 statements, 1 revision)"),
             text.out);
    const QJsonObject doc = parse(lint(QStringLiteral("lintallow"), range + QStringList{QStringLiteral("json")}).out);
    QStringList numbered;
    for (const QJsonValue &v : doc.value(QLatin1String("statements")).toArray())
        numbered << QStringLiteral("%1 %2").arg(v.toObject().value(QLatin1String("index")).toInt())
                        .arg(v.toObject().value(QLatin1String("sql")).toString().section(QLatin1Char(' '), 0, 1));
    QCOMPARE(numbered, (QStringList{QStringLiteral("0 SET LOCAL"), QStringLiteral("1 CREATE INDEX"), QStringLiteral("2 UPDATE alembic_version")}));
    const QJsonObject span = doc.value(QLatin1String("spans")).toArray().first().toObject();
    QCOMPARE(span.value(QLatin1String("from")).toObject().value(QLatin1String("index")).toInt(), 1);
    QCOMPARE(span.value(QLatin1String("to")).toObject().value(QLatin1String("index")).toInt(), 2);
    const QJsonObject sarif = parse(lint(QStringLiteral("lintallow"), range + QStringList{QStringLiteral("sarif")}).out);
    const QJsonObject result = sarif.value(QLatin1String("runs")).toArray().first().toObject()
                                   .value(QLatin1String("results")).toArray().first().toObject();
    QCOMPARE(result.value(QLatin1String("properties")).toObject().value(QLatin1String("statement")).toInt(), 2);
    QCOMPARE(result.value(QLatin1String("properties")).toObject().value(QLatin1String("revision")).toString(), QStringLiteral("r2"));
}

// A table never analysed has no row estimate (reltuples -1): said in words
// in text, null in json.
void TestLint::unanalysedTableSizeIsExplained()
{
    retort::testsupport::TestCluster cluster;
    RETORT_REQUIRE_CLUSTER(cluster);
    const QString db = cluster.createDatabase(QStringLiteral("lintsize"));
    QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
    QVERIFY(cluster.exec(db, QStringLiteral("CREATE TABLE t (id integer PRIMARY KEY, a integer)")));
    const QStringList args{QStringLiteral("r1:r3"), QStringLiteral("--url"), cluster.url(db), QStringLiteral("--format")};
    const Run text = lint(QStringLiteral("lintallow"), args + QStringList{QStringLiteral("text")});
    const Run json = lint(QStringLiteral("lintallow"), args + QStringList{QStringLiteral("json")});
    cluster.dropDatabase(db);
    QVERIFY2(text.exitCode == 0, text.out + text.err);
    QVERIFY2(!text.out.contains("?"), text.out);
    QVERIFY2(QRegularExpression(QStringLiteral("\\nsize: t \\d+ bytes, rows unknown \\(table not analysed\\)\\n"))
                 .match(QString::fromUtf8(text.out)).hasMatch(),
             text.out);
    bool sawT = false;
    for (const QJsonValue &v : parse(json.out).value(QLatin1String("live")).toObject().value(QLatin1String("relations")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QLatin1String("relation")).toString() != QLatin1String("t"))
            continue;
        sawT = true;
        QVERIFY2(o.value(QLatin1String("estimatedRows")).isNull(), json.out);
    }
    QVERIFY2(sawT, json.out);
}

namespace {

// The errors of `log` against the official SARIF 2.1.0 schema, by Debian's
// python3-jsonschema; empty when it is valid.
QString schemaErrors(const QByteArray &log)
{
    const QString schema = qEnvironmentVariable("RETORT_SARIF_SCHEMA");
    if (schema.isEmpty())
        return QStringLiteral("RETORT_SARIF_SCHEMA is not set: scripts/run-tests.sh fetches the SARIF 2.1.0 schema "
                              "(retort_ensure_sarif_schema in scripts/lib/common.sh)");
    static const char *validate =
        "import json, sys, jsonschema\n"
        "schema = json.load(open(sys.argv[1]))\n"
        "log = json.load(sys.stdin)\n"
        "validator = jsonschema.validators.validator_for(schema)(schema)\n"
        "errors = sorted(validator.iter_errors(log), key=lambda e: [str(p) for p in e.path])\n"
        "for e in errors[:20]:\n"
        "    print('/'.join(str(p) for p in e.path) + ': ' + e.message)\n"
        "sys.exit(1 if errors else 0)\n";
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QString::fromLatin1(validate), schema});
    p.write(log);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return out.isEmpty() ? QStringLiteral("the validator failed to run") : out;
    return QString();
}

} // namespace

void TestLint::sarifMatchesTheSchema_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("range");
    QTest::newRow("a suppression") << "lintallow" << "r1:r3";
    QTest::newRow("errors and no lock_timeout") << "lintallow" << "r3:r6";
    QTest::newRow("the lock model fixture") << "lockmodel" << "base:heads";
}

// Every SARIF log lint writes is valid against the SARIF 2.1.0 schema, and
// the validator does reject a log that is not (so it really checks).
void TestLint::sarifMatchesTheSchema()
{
    QFETCH(QString, fixture);
    QFETCH(QString, range);
    const Run r = lint(fixture, {range, QStringLiteral("--format"), QStringLiteral("sarif")});
    QVERIFY2(r.exitCode == 0 || r.exitCode == 1, r.out + r.err);
    const QString errors = schemaErrors(r.out);
    QVERIFY2(errors.isEmpty(), qPrintable(errors));

    QJsonObject broken = parse(r.out);
    QJsonArray runs = broken.value(QLatin1String("runs")).toArray();
    QJsonObject run = runs.first().toObject();
    QJsonArray results = run.value(QLatin1String("results")).toArray();
    QVERIFY(!results.isEmpty());
    QJsonObject result = results.first().toObject();
    result.insert(QLatin1String("level"), QStringLiteral("fatal"));
    results.replace(0, result);
    run.insert(QLatin1String("results"), results);
    runs.replace(0, run);
    broken.insert(QLatin1String("runs"), runs);
    QVERIFY(schemaErrors(QJsonDocument(broken).toJson()).contains(QLatin1String("'fatal' is not one of")));
}

QTEST_GUILESS_MAIN(TestLint)
#include "tst_lint.moc"
