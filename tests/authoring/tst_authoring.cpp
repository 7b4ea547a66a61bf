// New revision and merge files: Retort's RevisionWriter (through the CLI's
// own argument parser) against the real alembic 1.8.1 on copies of the same
// project, both clocks pinned to the same instant (alembic's through
// alembic_pinned.py). The new files must be byte-identical, and alembic must
// read both projects back identically (`heads -v`, `history -v`). Refusals
// must carry alembic's text and write nothing. The retort binary is run
// too, unpinned: its output and files equal alembic's but for the Create
// Date line.

#include "authoring/bridgedtemplate.h"
#include "authoring/revisiontemplate.h"
#include "authoring/revisionwriter.h"
#include "authoringcommand.h"
#include "cliargs.h"
#include "filetree.h"
#include "graph/revisiongraph.h"
#include "outputnormalizer.h"
#include "processrunner.h"
#include "project/projectconfig.h"
#include "project/scriptloader.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::testsupport;

namespace {

const QString kPinned = QStringLiteral(RETORT_SOURCE_DIR "/tests/authoring/alembic_pinned.py");
// 2026-01-02 03:04:05.123456 UTC, and a whole second (str() drops the fraction).
constexpr qint64 kNow = 1767323045123456LL;
constexpr qint64 kWholeSecond = 1767323045000000LL;

QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

void writeText(const QString &path, const QString &text)
{
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    f.write(text.toUtf8());
}

// Every file below dir (relative path -> bytes), __pycache__ left out.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(QLatin1String("__pycache__")))
            continue;
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            files.insert(path.mid(dir.size() + 1), f.readAll());
    }
    return files;
}

QMap<QString, QByteArray> added(const QMap<QString, QByteArray> &before, const QMap<QString, QByteArray> &after)
{
    QMap<QString, QByteArray> out;
    for (auto it = after.begin(); it != after.end(); ++it)
        if (!before.contains(it.key()))
            out.insert(it.key(), it.value());
    return out;
}

QByteArray maskCreateDate(QByteArray text)
{
    static const QRegularExpression line(QStringLiteral("^(\\s*)Create Date: .*$"), QRegularExpression::MultilineOption);
    return QString::fromUtf8(text).replace(line, QStringLiteral("\\1Create Date: <masked>")).toUtf8();
}

// The project's [alembic] section with `key = value` lines replaced or added.
void tweakIni(const QString &ini, const QStringList &settings)
{
    QStringList lines = readText(ini).split(QLatin1Char('\n'));
    for (const QString &setting : settings) {
        const QString key = setting.section(QLatin1Char('='), 0, 0).trimmed();
        static const QRegularExpression sectionRe(QStringLiteral("^\\[(.*)\\]"));
        QString current;
        QStringList kept;
        for (const QString &l : std::as_const(lines)) {
            const auto m = sectionRe.match(l);
            if (m.hasMatch())
                current = m.captured(1);
            if (current == QLatin1String("alembic") && l.section(QLatin1Char('='), 0, 0).trimmed() == key)
                continue;
            kept << l;
        }
        lines = kept;
        lines.insert(lines.indexOf(QStringLiteral("[alembic]")) + 1, setting);
    }
    writeText(ini, lines.join(QLatin1Char('\n')));
}

QString templatePathIn(const QString &dir)
{
    QDirIterator it(dir, {QStringLiteral("script.py.mako")}, QDir::Files, QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
}

} // namespace

class TestAuthoring : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_generated;  // the branchy project, never modified
    QHash<QString, QString> m_tokens;
    int m_case = 0;

    QString sourceOf(const QString &project) const
    {
        if (project == QLatin1String("generated"))
            return m_generated;
        return QStringLiteral(RETORT_SOURCE_DIR "/migrations/") + project;
    }

    // A fresh copy of the project with the ini settings and template given.
    QString copyProject(const QString &project, const QStringList &settings, const QString &templateText,
                        const QString &side)
    {
        const QString dir = m_tmp.filePath(QStringLiteral("case%1/%2").arg(m_case).arg(side));
        if (!copyTree(sourceOf(project), dir))
            return {};
        if (!settings.isEmpty())
            tweakIni(dir + QStringLiteral("/alembic.ini"), settings);
        if (!templateText.isEmpty())
            writeText(templatePathIn(dir), templateText);
        return dir;
    }

    QStringList resolve(QStringList args) const
    {
        for (QString &a : args)
            for (auto it = m_tokens.begin(); it != m_tokens.end(); ++it)
                a.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value());
        return args;
    }

    // alembic's run in alembicDir (clock pinned unless now is 0), then its
    // reading of alembicDir and of each of readAlso.
    QJsonObject alembicPinned(const QString &alembicDir, qint64 now, const QStringList &args,
                              const QStringList &readAlso = {})
    {
        const ProcessResult r = runProcess(alembicPython(),
                                           QStringList{kPinned, QString::number(now), alembicDir} + readAlso
                                               + QStringList{QStringLiteral("--"), QStringLiteral("-c"),
                                                             QStringLiteral("alembic.ini")}
                                               + args,
                                           QString());
        if (!r.ok())
            qWarning("%s", qPrintable(r.describe()));
        return QJsonDocument::fromJson(r.out).object();
    }

    // Retort's side: the CLI's parser, then RevisionWriter with the clock pinned.
    // bridged: templates beyond Retort's own renderer go through the bridge.
    Result<PlannedRevision> retortPinned(const QString &dir, qint64 now, const QStringList &args, bool bridged = true)
    {
        const cli::ParseResult parsed = cli::parseArgs(QStringList{QStringLiteral("-c"), QStringLiteral("alembic.ini")}
                                                       + args);
        if (!parsed.args)
            return Error(Error::Kind::Internal, parsed.error);
        const QString previous = QDir::currentPath();
        QDir::setCurrent(dir);
        auto restore = qScopeGuard([&] { QDir::setCurrent(previous); });
        Result<ProjectConfig> config = ProjectConfig::load(QStringLiteral("alembic.ini"));
        if (!config)
            return config.error();
        Result<ScriptLoader::Loaded> loaded = ScriptLoader::load(config.value());
        if (!loaded)
            return loaded.error();
        Result<RevisionGraph> graph = RevisionGraph::build(loaded->scripts);
        if (!graph)
            return graph.error();
        RevisionRequest request = cli::revisionRequest(*parsed.args);
        request.nowMicroseconds = now;
        RevisionWriter writer(config.value(), loaded->scripts, graph.value());
        if (bridged)
            writer.setBridgeRenderer(bridgeTemplateRenderer({alembicPython(), QStringLiteral("alembic.ini"),
                                                             QStringLiteral("alembic"), {}, {}},
                                                            request.merge));
        Result<PlannedRevision> planned = writer.plan(request);
        if (!planned)
            return planned;
        if (const Error e = RevisionWriter::write(planned.value()))
            return e;
        return planned;
    }

    // `heads -v` and `history -v` of both projects, as alembic prints them.
    // alembic's `heads -v` and `history -v` of both projects must be equal;
    // masked: the Create Date lines (of unpinned runs) are left out.
    void compareReads(const QJsonObject &run, const QString &alembicDir, const QString &retortDir, bool masked = false)
    {
        const QJsonObject reads = run.value(QStringLiteral("reads")).toObject();
        const QJsonObject a = reads.value(alembicDir).toObject();
        const QJsonObject b = reads.value(retortDir).toObject();
        QCOMPARE(a.value(QStringLiteral("exit")).toInt(-1), 0);
        QCOMPARE(b.value(QStringLiteral("exit")).toInt(-1), 0);
        for (const char *what : {"heads", "history"}) {
            QString fromAlembic = a.value(QLatin1String(what)).toString().replace(alembicDir, QStringLiteral("<dir>"));
            QString fromRetort = b.value(QLatin1String(what)).toString().replace(retortDir, QStringLiteral("<dir>"));
            // alembic prints branch labels in Python's set order
            fromAlembic = QString::fromUtf8(normalizeSetOrder(fromAlembic.toUtf8()));
            fromRetort = QString::fromUtf8(normalizeSetOrder(fromRetort.toUtf8()));
            if (masked) {
                fromAlembic = QString::fromUtf8(maskCreateDate(fromAlembic.toUtf8()));
                fromRetort = QString::fromUtf8(maskCreateDate(fromRetort.toUtf8()));
            }
            QVERIFY(!fromAlembic.isEmpty());
            QCOMPARE(fromRetort, fromAlembic);
        }
    }

    // One row of the columns() tables: its project copied twice, its
    // arguments with the generated project's ids filled in.
    struct Case {
        QString alembicDir, retortDir;
        QStringList args;
        qint64 now = 0;
    };
    Case fetchCase()
    {
        QFETCH(QString, project);
        QFETCH(QStringList, settings);
        QFETCH(QString, templateText);
        QFETCH(QStringList, args);
        QFETCH(qint64, now);
        ++m_case;
        return {copyProject(project, settings, templateText, QStringLiteral("alembic")),
                copyProject(project, settings, templateText, QStringLiteral("retort")), resolve(args), now};
    }

    void columns()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QStringList>("settings");
        QTest::addColumn<QString>("templateText");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<qint64>("now");
    }

private slots:
    void initTestCase();
    void sameFileAsAlembic_data();
    void sameFileAsAlembic();
    void refusedWithAlembicsText_data();
    void refusedWithAlembicsText();
    void reusedRevisionIdWritesNothing();
    void templateBeyondTheSubsetIsNamed();
    void aFileOutsideTheLocationIsRefused_data();
    void aFileOutsideTheLocationIsRefused();
    void aRevisionTheGraphWouldRefuseIsNotWritten_data();
    void aRevisionTheGraphWouldRefuseIsNotWritten();
    void bridgedTemplateErrorNamesTheLine();
    void cliPrintsWhatAlembicPrints_data();
    void cliPrintsWhatAlembicPrints();
};

void TestAuthoring::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY2(!alembicPython().isEmpty(), "no Python that can import alembic");
    // Both sides read the local zone from TZ: one with a half-hour offset
    // and daylight saving makes a wrong conversion visible.
    qputenv("TZ", "America/St_Johns");
    m_generated = m_tmp.filePath(QStringLiteral("generated"));
    const ProcessResult gen = runProcess(
        alembicPython(),
        {QStringLiteral(RETORT_SOURCE_DIR "/bench/generate_project.py"), m_generated, QStringLiteral("--revisions"),
         QStringLiteral("24"), QStringLiteral("--branch-every"), QStringLiteral("5"), QStringLiteral("--merge-every"),
         QStringLiteral("9"), QStringLiteral("--labels"), QStringLiteral("2"), QStringLiteral("--depends-on"),
         QStringLiteral("2"), QStringLiteral("--heads"), QStringLiteral("3"), QStringLiteral("--version-locations"),
         QStringLiteral("2"), QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--ops"),
         QStringLiteral("minimal"), QStringLiteral("--quiet")},
        QString());
    QVERIFY2(gen.ok(), qPrintable(gen.describe()));

    // Revision ids and labels to use, as alembic itself lists them.
    const ProcessResult heads = runAlembic(QStringLiteral("alembic.ini"), {QStringLiteral("heads")}, m_generated);
    QVERIFY2(heads.ok(), qPrintable(heads.describe()));
    const QStringList headLines = QString::fromUtf8(heads.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(headLines.size(), 3);
    static const QRegularExpression labelRe(QStringLiteral("^\\S+ \\(([^)]+)\\) \\(head\\)"));
    for (int i = 0; i < headLines.size(); ++i) {
        m_tokens.insert(QStringLiteral("head%1").arg(i), headLines[i].section(QLatin1Char(' '), 0, 0));
        const auto m = labelRe.match(headLines[i]);
        if (m.hasMatch() && !m_tokens.contains(QStringLiteral("label")))
            m_tokens.insert(QStringLiteral("label"), m.captured(1));
        // which version location holds the head
        QDirIterator it(m_generated + QStringLiteral("/migrations/versions/reporting"), {QStringLiteral("*.py")});
        while (it.hasNext())
            if (readText(it.next()).contains(QStringLiteral("revision: str = '%1'").arg(m_tokens[QStringLiteral("head%1").arg(i)]))
                || readText(it.filePath()).contains(QStringLiteral("revision = '%1'").arg(m_tokens[QStringLiteral("head%1").arg(i)])))
                m_tokens.insert(QStringLiteral("reportinghead"), m_tokens[QStringLiteral("head%1").arg(i)]);
    }
    QVERIFY(m_tokens.contains(QStringLiteral("label")));
    QVERIFY2(m_tokens.contains(QStringLiteral("reportinghead")), "no head in versions/reporting");
    const ProcessResult history = runAlembic(QStringLiteral("alembic.ini"), {QStringLiteral("history")}, m_generated);
    QVERIFY2(history.ok(), qPrintable(history.describe()));
    const QStringList lines = QString::fromUtf8(history.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // the last line is "<base> -> ROOT, ..."; a middle line's child is not a head
    m_tokens.insert(QStringLiteral("root"), lines.last().section(QStringLiteral(" -> "), 1).section(QLatin1Char(' '), 0, 0)
                                                .remove(QLatin1Char(',')));
    m_tokens.insert(QStringLiteral("nonhead"), lines[lines.size() - 3].section(QStringLiteral(" -> "), 1)
                                                   .section(QLatin1Char(' '), 0, 0).remove(QLatin1Char(',')));
    m_tokens.insert(QStringLiteral("middle"), lines[lines.size() / 2].section(QStringLiteral(" -> "), 1)
                                                  .section(QLatin1Char(' '), 0, 0).remove(QLatin1Char(',')));
    QVERIFY(m_tokens[QStringLiteral("nonhead")] != m_tokens[QStringLiteral("head0")]);
}

void TestAuthoring::sameFileAsAlembic_data()
{
    columns();
    const QString generic = readText(QStringLiteral("/usr/lib/python3/dist-packages/alembic/templates/generic/script.py.mako"));
    const QString features = QStringLiteral(
        "## a comment line: dropped\n"
        "\"\"\"${message | trim}\n"
        "\n"
        "Revision ID: ${up_revision}\n"
        "Revises: ${down_revision | comma}\n"
        "Depends: ${depends_on | comma,n}\n"
        "Create Date: ${create_date}\n"
        "<%text>${not rendered} <%also not%></%text>\n"
        "%% percent at the start of a line\n"
        "a long line \\\n"
        "continued\n"
        "\"\"\"\n"
        "  ## indented comment\n"
        "revision = ${repr(up_revision)}\n"
        "down_revision = ${repr(down_revision)}\n"
        "% if branch_labels:\n"
        "branch_labels = ${repr(branch_labels)}\n"
        "% elif not depends_on:\n"
        "branch_labels = None  # ${'no labels' if not branch_labels else 'labels'}\n"
        "% else:\n"
        "branch_labels = ()\n"
        "% endif\n"
        "depends_on = ${repr(depends_on)}\n"
        "labels_text = \"\"\"${branch_labels}\"\"\"\n"
        "${imports if imports else \"\"}\n"
        "def upgrade():\n"
        "    ${upgrades if upgrades else 'pass'}\n"
        "\n"
        "\n"
        "def downgrade():\n"
        "    % if downgrades:\n"
        "    ${downgrades}\n"
        "    % else:\n"
        "    pass\n"
        "    % endif\n");
    const QStringList none;
    const QStringList rev = {QStringLiteral("revision")};
    QTest::newRow("jobs: message with punctuation") << "jobs" << none << QString()
        << rev + QStringList{"-m", "Add user's email, index! (v2)", "--rev-id", "a1b2c3d4e5f6"} << kNow;
    QTest::newRow("jobs: no message, whole second") << "jobs" << none << QString()
        << rev + QStringList{"--rev-id", "beef01"} << kWholeSecond;
    QTest::newRow("jobs: unicode message") << "jobs" << none << QString()
        << rev + QStringList{"-m", "Ünïcödé naïve café ΣΊΣΥΦΟΣ 数据 ١٢٣", "--rev-id", "c0ffee"} << kNow;
    QTest::newRow("jobs: slug truncated at 10") << "jobs" << QStringList{"truncate_slug_length = 10"} << QString()
        << rev + QStringList{"-m", "add the customer accounts table", "--rev-id", "0a0a"} << kNow;
    QTest::newRow("jobs: slug truncated, no underscore") << "jobs" << QStringList{"truncate_slug_length = 5"} << QString()
        << rev + QStringList{"-m", "supercalifragilistic word", "--rev-id", "0b0b"} << kNow;
    QTest::newRow("jobs: truncate_slug_length 0 means 40") << "jobs" << QStringList{"truncate_slug_length = 0"} << QString()
        << rev + QStringList{"-m", "one two three four five six seven eight nine ten eleven", "--rev-id", "0c0c"} << kNow;
    QTest::newRow("jobs: branch label") << "jobs" << none << QString()
        << rev + QStringList{"-m", "feature", "--branch-label", "feature", "--rev-id", "fe01"} << kNow;
    QTest::newRow("jobs: splice onto a non-head") << "jobs" << none << QString()
        << rev + QStringList{"-m", "side", "--head", "002", "--splice", "--rev-id", "5p1ce"} << kNow;
    QTest::newRow("jobs: new root from base") << "jobs" << none << QString()
        << rev + QStringList{"-m", "another root", "--head", "base", "--rev-id", "r00t"} << kNow;
    QTest::newRow("jobs: depends on two") << "jobs" << none << QString()
        << rev + QStringList{"-m", "dep", "--depends-on", "001", "--depends-on", "003", "--rev-id", "d3p"} << kNow;
    QTest::newRow("jobs: one depends_on is a scalar") << "jobs" << none << QString()
        << rev + QStringList{"-m", "dep", "--depends-on", "002", "--rev-id", "d3p1"} << kNow;
    QTest::newRow("jobs: every file_template field, timezone +05:30") << "jobs"
        << QStringList{"file_template = %%(epoch)s_%%(year)d%%(month).2d%%(day).2d_%%(hour).2d%%(minute).2d%%(second).2d_%%(rev)s_%%(slug)s",
                       "timezone = Asia/Kolkata"}
        << QString() << rev + QStringList{"-m", "dated", "--rev-id", "da7e"} << kNow;
    QTest::newRow("jobs: file_template flags and widths") << "jobs"
        << QStringList{"file_template = %%(year)05d-%%(month)-3d|%%(day)+d_%%(slug).4s_%%(rev)8s_%%(hour)x%%%%"}
        << QString() << rev + QStringList{"-m", "flags here", "--rev-id", "f1a9"} << kNow;
    QTest::newRow("jobs: timezone in lower case, whole second") << "jobs" << QStringList{"timezone = utc"} << QString()
        << rev + QStringList{"-m", "utc", "--rev-id", "u7c"} << kWholeSecond;
    QTest::newRow("jobs: timezone with a negative offset") << "jobs" << QStringList{"timezone = America/Los_Angeles"}
        << QString() << rev + QStringList{"-m", "la", "--rev-id", "1a"} << kNow;
    QTest::newRow("jobs: alembic's generic template") << "jobs" << none << generic
        << rev + QStringList{"-m", "generic", "--rev-id", "9e0"} << kNow;
    QTest::newRow("jobs: template features, no labels") << "jobs" << none << features
        << rev + QStringList{"-m", "  spaced message  ", "--rev-id", "fea1"} << kNow;
    QTest::newRow("jobs: template features, labels and depends_on") << "jobs" << none << features
        << rev + QStringList{"-m", "labelled", "--branch-label", "lbl", "--depends-on", "001", "--depends-on", "002",
                             "--rev-id", "fea2"} << kNow;
    QTest::newRow("generated: template features, merge") << "generated" << none << features
        << QStringList{"merge", "-m", "m", "--rev-id", "fea3", "{head0}", "{head2}"} << kNow;
    const QString multidb = readText(QStringLiteral("/usr/lib/python3/dist-packages/alembic/templates/multidb/script.py.mako"));
    QTest::newRow("jobs: alembic's multidb template, through the bridge") << "jobs"
        << QStringList{"databases = engine1, engine2"} << multidb
        << rev + QStringList{"-m", "two engines", "--depends-on", "002", "--rev-id", "mdb1"} << kNow;
    QTest::newRow("generated: repr(create_date) and % for, through the bridge") << "generated" << none
        << QStringLiteral("<%! import os %>\\\n\"\"\"${message}\n\nCreate Date: ${repr(create_date)}\n\"\"\"\n"
                          "revision = ${repr(up_revision)}\ndown_revision = ${repr(down_revision)}\n"
                          "branch_labels = ${repr(branch_labels)}\ndepends_on = ${repr(depends_on)}\n"
                          "% for h in (down_revision or ()):\n# parent ${h}\n% endfor\n")
        << QStringList{"merge", "-m", "bridged merge", "--branch-label", "bm", "--rev-id", "b41d", "heads"} << kNow;
    QTest::newRow("projects: typed template") << "projects" << none << QString()
        << rev + QStringList{"-m", "typed", "--rev-id", "7yped"} << kNow;
    QTest::newRow("auditing: dated file_template") << "auditing" << none << QString()
        << rev + QStringList{"-m", "audit trail", "--rev-id", "aud17"} << kNow;
    QTest::newRow("analytics: <%doc> and \\ template, label@head") << "analytics" << none << QString()
        << rev + QStringList{"-m", "reporting view", "--head", "reporting@head", "--rev-id", "an01"} << kNow;
    QTest::newRow("analytics: --version-path") << "analytics" << none << QString()
        << rev + QStringList{"-m", "core thing", "--head", "core@head", "--version-path", "alembic/versions/core",
                             "--rev-id", "an02"} << kNow;
    QTest::newRow("analytics: a missing version location is created") << "analytics"
        << QStringList{"version_locations = %(here)s/alembic/versions/core %(here)s/alembic/versions/reporting %(here)s/alembic/versions/extra"}
        << QString() << rev + QStringList{"-m", "extra", "--head", "base", "--version-path", "alembic/versions/extra",
                                          "--branch-label", "extra", "--rev-id", "an03"} << kNow;
    QTest::newRow("generated: label@head") << "generated" << none << QString()
        << rev + QStringList{"-m", "on the label", "--head", "{label}@head", "--rev-id", "9e01"} << kNow;
    QTest::newRow("generated: head in the second location") << "generated" << none << QString()
        << rev + QStringList{"-m", "reporting", "--head", "{reportinghead}", "--rev-id", "9e02"} << kNow;
    QTest::newRow("generated: splice, --version-path, depends_on a label") << "generated" << none << QString()
        << rev + QStringList{"-m", "spliced", "--head", "{nonhead}", "--splice", "--version-path",
                             "migrations/versions/reporting", "--depends-on", "{label}", "--depends-on", "{middle}",
                             "--rev-id", "9e03"} << kNow;
    QTest::newRow("generated: merge heads") << "generated" << none << QString()
        << QStringList{"merge", "-m", "merge all heads", "--rev-id", "9e04", "heads"} << kNow;
    QTest::newRow("generated: merge two heads with a label") << "generated" << none << QString()
        << QStringList{"merge", "-m", "merge two", "--branch-label", "merged", "--rev-id", "9e05", "{head2}", "{head0}"}
        << kWholeSecond;
    QTest::newRow("generated: merge by prefix and label") << "generated" << none << QString()
        << QStringList{"merge", "--rev-id", "9e06", "{label}@head", "{head1}"} << kNow;
}

void TestAuthoring::sameFileAsAlembic()
{
    const Case c = fetchCase();
    const QString &aDir = c.alembicDir;
    const QString &rDir = c.retortDir;
    const QStringList &args = c.args;
    const qint64 now = c.now;
    QVERIFY(!aDir.isEmpty() && !rDir.isEmpty());
    const auto aBefore = snapshot(aDir);
    const auto rBefore = snapshot(rDir);
    QCOMPARE(rBefore, aBefore);

    const Result<PlannedRevision> planned = retortPinned(rDir, now, args);
    QVERIFY2(planned.ok(), qPrintable(planned.error().toString()));
    const QJsonObject expected = alembicPinned(aDir, now, args, {rDir});
    const QString out = expected.value(QStringLiteral("out")).toString();
    QVERIFY2(expected.value(QStringLiteral("exit")).toInt(-1) == 0,
             qPrintable(out + expected.value(QStringLiteral("err")).toString()));

    const auto aNew = added(aBefore, snapshot(aDir));
    const auto rNew = added(rBefore, snapshot(rDir));
    QCOMPARE(aNew.size(), 1);
    QCOMPARE(rNew.keys(), aNew.keys());
    QCOMPARE(QString::fromUtf8(rNew.first()), QString::fromUtf8(aNew.first()));
    QCOMPARE(rNew.first(), aNew.first());
    // the path Retort reports is the one alembic printed after "Generating"
    QVERIFY2(out.contains(QStringLiteral("Generating ") + QString(planned->path).replace(rDir, aDir) + QStringLiteral(" ...")),
             qPrintable(out));
    compareReads(expected, aDir, rDir);
}

void TestAuthoring::refusedWithAlembicsText_data()
{
    columns();
    const QStringList none;
    const QStringList rev = {QStringLiteral("revision")};
    const QString noLabels = QStringLiteral("\"\"\"${message}\"\"\"\nrevision = ${repr(up_revision)}\n"
                                            "down_revision = ${repr(down_revision)}\n");
    QTest::newRow("multiple heads without --head") << "generated" << none << QString()
        << rev + QStringList{"-m", "x", "--rev-id", "e1"} << kNow;
    QTest::newRow("a non-head without --splice") << "generated" << none << QString()
        << rev + QStringList{"--head", "{nonhead}", "--rev-id", "e2"} << kNow;
    QTest::newRow("an unknown --head") << "jobs" << none << QString()
        << rev + QStringList{"--head", "nosuch", "--rev-id", "e3"} << kNow;
    QTest::newRow("an ambiguous prefix") << "jobs" << none << QString()
        << rev + QStringList{"--head", "00", "--rev-id", "e4"} << kNow;
    QTest::newRow("illegal characters in --rev-id") << "jobs" << none << QString()
        << rev + QStringList{"--rev-id", "a-b@c+d"} << kNow;
    QTest::newRow("merge of one revision twice") << "jobs" << none << QString()
        << QStringList{"merge", "--rev-id", "e6", "005", "005"} << kNow;
    QTest::newRow("--version-path outside the locations") << "jobs" << none << QString()
        << rev + QStringList{"--version-path", "elsewhere", "--rev-id", "e7"} << kNow;
    QTest::newRow("several locations, nothing to place it by") << "generated" << none << QString()
        << rev + QStringList{"--head", "base", "--rev-id", "e8"} << kNow;
    QTest::newRow("an unknown timezone") << "jobs" << QStringList{"timezone = Nowhere/Atlantis"} << QString()
        << rev + QStringList{"--rev-id", "e9"} << kNow;
    QTest::newRow("an unknown --depends-on") << "jobs" << none << QString()
        << rev + QStringList{"--depends-on", "nosuch", "--rev-id", "e10"} << kNow;
    QTest::newRow("merge with an unknown revision") << "generated" << none << QString()
        << QStringList{"merge", "--rev-id", "e11", "{head0}", "nosuch"} << kNow;
    QTest::newRow("a template without branch_labels") << "jobs" << none << noLabels
        << rev + QStringList{"--branch-label", "lost", "--rev-id", "e12"} << kNow;
    QTest::newRow("head with multiple heads in merge args") << "generated" << none << QString()
        << QStringList{"merge", "--rev-id", "e13", "head"} << kNow;
}

void TestAuthoring::refusedWithAlembicsText()
{
    const Case c = fetchCase();
    const QString &aDir = c.alembicDir;
    const QString &rDir = c.retortDir;
    const QStringList &args = c.args;
    const qint64 now = c.now;
    const auto before = snapshot(rDir);
    const Result<PlannedRevision> planned = retortPinned(rDir, now, args);
    const QJsonObject expected = alembicPinned(aDir, now, args);
    QCOMPARE(expected.value(QStringLiteral("exit")).toInt(), 255);
    const QString failed = expected.value(QStringLiteral("out")).toString().section(QStringLiteral("FAILED: "), 1).trimmed();
    QVERIFY2(!failed.isEmpty(), qPrintable(expected.value(QStringLiteral("out")).toString()));
    QVERIFY2(!planned.ok(), "Retort wrote a revision alembic refuses");
    QCOMPARE(QString(planned.error().message()).replace(rDir, aDir), failed);
    QCOMPARE(snapshot(rDir), before);  // nothing written, even where alembic leaves a file behind
}

// alembic 1.8.1 writes the file, then only warns "Revision X is present
// more than once" and exits 0, leaving two files with one id. Retort
// refuses with that text and writes nothing.
void TestAuthoring::reusedRevisionIdWritesNothing()
{
    ++m_case;
    const QString aDir = copyProject(QStringLiteral("jobs"), {}, {}, QStringLiteral("alembic"));
    const QString rDir = copyProject(QStringLiteral("jobs"), {}, {}, QStringLiteral("retort"));
    const QStringList args = {QStringLiteral("revision"), QStringLiteral("-m"), QStringLiteral("again"),
                              QStringLiteral("--rev-id"), QStringLiteral("003")};
    const auto before = snapshot(rDir);
    const Result<PlannedRevision> planned = retortPinned(rDir, kNow, args);
    const QJsonObject expected = alembicPinned(aDir, kNow, args);
    QCOMPARE(expected.value(QStringLiteral("exit")).toInt(-1), 0);
    QVERIFY(expected.value(QStringLiteral("err")).toString().contains(
        QLatin1String("UserWarning: Revision 003 is present more than once")));
    QVERIFY(!planned.ok());
    QCOMPARE(planned.error().message(), QStringLiteral("Revision 003 is present more than once"));
    QCOMPARE(snapshot(rDir), before);
}

// Without the bridge, a template that needs Mako itself is refused by name
// and line, before anything is written.
void TestAuthoring::templateBeyondTheSubsetIsNamed()
{
    ++m_case;
    const QString multidb = readText(QStringLiteral("/usr/lib/python3/dist-packages/alembic/templates/multidb/script.py.mako"));
    QVERIFY(!multidb.isEmpty());
    const QString rDir = copyProject(QStringLiteral("jobs"), {}, multidb, QStringLiteral("retort"));
    const auto before = snapshot(rDir);
    const Result<PlannedRevision> planned =
        retortPinned(rDir, kNow, {QStringLiteral("revision"), QStringLiteral("--rev-id"), QStringLiteral("x1")}, false);
    QVERIFY(!planned.ok());
    QCOMPARE(planned.error().where().file, templatePathIn(rDir));
    QCOMPARE(planned.error().where().line, 1);
    QVERIFY2(planned.error().message().contains(QLatin1String("'<%!'")), qPrintable(planned.error().message()));
    QCOMPARE(snapshot(rDir), before);
}

// Mako's own error, through the bridge, names the template line; nothing
// is written (alembic fails too: "Template rendering failed").
void TestAuthoring::bridgedTemplateErrorNamesTheLine()
{
    ++m_case;
    const QString text = QStringLiteral("\"\"\"${message}\"\"\"\nrevision = ${repr(up_revision)}\n<% x = 1 / 0 %>\n");
    const QString aDir = copyProject(QStringLiteral("jobs"), {}, text, QStringLiteral("alembic"));
    const QString rDir = copyProject(QStringLiteral("jobs"), {}, text, QStringLiteral("retort"));
    const QStringList args = {QStringLiteral("revision"), QStringLiteral("--rev-id"), QStringLiteral("z3r0")};
    const auto before = snapshot(rDir);
    const Result<PlannedRevision> planned = retortPinned(rDir, kNow, args);
    QVERIFY(!planned.ok());
    QCOMPARE(planned.error().where().file, templatePathIn(rDir));
    QCOMPARE(planned.error().where().line, 3);
    QVERIFY2(planned.error().message().startsWith(QLatin1String("Template rendering failed: ZeroDivisionError")),
             qPrintable(planned.error().message()));
    QCOMPARE(snapshot(rDir), before);
    const QJsonObject expected = alembicPinned(aDir, kNow, args);
    QCOMPARE(expected.value(QStringLiteral("exit")).toInt(), 255);
    QVERIFY(expected.value(QStringLiteral("out")).toString().contains(QLatin1String("FAILED: Template rendering failed")));
}

// alembic 1.8.1 opens whatever path the id and file_template make (a file
// outside every version location, or an error from open()); Retort
// refuses before writing.
void TestAuthoring::aFileOutsideTheLocationIsRefused_data()
{
    QTest::addColumn<QStringList>("settings");
    QTest::addColumn<QString>("revId");
    QTest::newRow("a slash in the id") << QStringList() << QStringLiteral("../../escaped");
    QTest::newRow("a slash in file_template") << QStringList{QStringLiteral("file_template = ../%%(rev)s_%%(slug)s")}
                                              << QStringLiteral("up1");
}

void TestAuthoring::aFileOutsideTheLocationIsRefused()
{
    QFETCH(QStringList, settings);
    QFETCH(QString, revId);
    ++m_case;
    const QString rDir = copyProject(QStringLiteral("jobs"), settings, {}, QStringLiteral("retort"));
    const auto before = snapshot(rDir);
    const auto outside = snapshot(m_tmp.path());
    const Result<PlannedRevision> planned =
        retortPinned(rDir, kNow, {QStringLiteral("revision"), QStringLiteral("-m"), QStringLiteral("x"),
                                  QStringLiteral("--rev-id"), revId});
    QVERIFY(!planned.ok());
    QVERIFY2(planned.error().message().contains(QLatin1String("is not a file in the version location")),
             qPrintable(planned.error().message()));
    QCOMPARE(snapshot(rDir), before);
    QCOMPARE(snapshot(m_tmp.path()).size(), outside.size());
}

// alembic writes these and exits 1 (a reused label) or 0 (a symbol as id),
// leaving a project Retort's graph refuses; found by a hostile try.
void TestAuthoring::aRevisionTheGraphWouldRefuseIsNotWritten_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("a label another revision has") << QStringList{QStringLiteral("--branch-label"), QStringLiteral("005")}
                                                  << QStringLiteral("already used by revision 005");
    QTest::newRow("heads as the id") << QStringList{QStringLiteral("--rev-id"), QStringLiteral("heads")}
                                     << QStringLiteral("is one of alembic's symbols");
    QTest::newRow("base as the id") << QStringList{QStringLiteral("--rev-id"), QStringLiteral("base")}
                                    << QStringLiteral("is one of alembic's symbols");
}

void TestAuthoring::aRevisionTheGraphWouldRefuseIsNotWritten()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    ++m_case;
    const QString rDir = copyProject(QStringLiteral("jobs"), {}, {}, QStringLiteral("retort"));
    const auto before = snapshot(rDir);
    const Result<PlannedRevision> planned =
        retortPinned(rDir, kNow, QStringList{QStringLiteral("revision"), QStringLiteral("-m"), QStringLiteral("x")} + args);
    QVERIFY(!planned.ok());
    QVERIFY2(planned.error().message().contains(message), qPrintable(planned.error().message()));
    QCOMPARE(snapshot(rDir), before);
}

void TestAuthoring::cliPrintsWhatAlembicPrints_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<QStringList>("args");
    QTest::newRow("revision") << "jobs" << QStringList{"revision", "-m", "cli revision", "--rev-id", "c11"};
    QTest::newRow("revision --message=") << "jobs" << QStringList{"revision", "--message=eq form", "--rev-id=c12",
                                                                  "--head=005"};
    QTest::newRow("merge") << "generated" << QStringList{"merge", "-m", "cli merge", "--rev-id", "c13", "heads"};
    QTest::newRow("merge with a label") << "generated" << QStringList{"merge", "--branch-label", "cli", "--rev-id", "c14",
                                                                      "{head0}", "{head1}"};
    QTest::newRow("creating a directory") << "analytics-extra" << QStringList{"revision", "--head", "base",
                                                                              "--version-path", "alembic/versions/extra",
                                                                              "--rev-id", "c15"};
    QTest::newRow("multiple heads") << "generated" << QStringList{"revision", "--rev-id", "c16"};
    QTest::newRow("multidb template through the bridge") << "jobs-multidb"
                                                         << QStringList{"revision", "-m", "bridged", "--rev-id", "c18"};
    QTest::newRow("not a head") << "generated" << QStringList{"revision", "--head", "{nonhead}", "--rev-id", "c17"};
    QTest::newRow("bad rev id") << "jobs" << QStringList{"revision", "--rev-id", "a@b"};
    QTest::newRow("merge without revisions") << "jobs" << QStringList{"merge", "-m", "x"};
    QTest::newRow("merge --sql") << "jobs" << QStringList{"merge", "--sql", "heads"};
    QTest::newRow("merge --head") << "jobs" << QStringList{"merge", "--head", "005", "heads"};
    QTest::newRow("-m without a value") << "jobs" << QStringList{"revision", "-m"};
    QTest::newRow("revision --sql") << "jobs" << QStringList{"revision", "--sql", "--rev-id", "c19"};
    QTest::newRow("--autogenerate --sql") << "jobs" << QStringList{"revision", "--autogenerate", "--sql"};
}

void TestAuthoring::cliPrintsWhatAlembicPrints()
{
    QFETCH(QString, project);
    QFETCH(QStringList, args);
    ++m_case;
    args = resolve(args);
    QStringList settings;
    QString templateText;
    if (project == QLatin1String("analytics-extra")) {
        project = QStringLiteral("analytics");
        settings << QStringLiteral("version_locations = %(here)s/alembic/versions/core "
                                   "%(here)s/alembic/versions/reporting %(here)s/alembic/versions/extra");
    } else if (project == QLatin1String("jobs-multidb")) {
        project = QStringLiteral("jobs");
        settings << QStringLiteral("databases = one, two");
        templateText = readText(QStringLiteral("/usr/lib/python3/dist-packages/alembic/templates/multidb/script.py.mako"));
    }
    const QString aDir = copyProject(project, settings, templateText, QStringLiteral("alembic"));
    const QString rDir = copyProject(project, settings, templateText, QStringLiteral("retort"));
    const auto aBefore = snapshot(aDir);
    const auto rBefore = snapshot(rDir);
    const ProcessResult actual = runRetort(QStringList{QStringLiteral("-c"), QStringLiteral("alembic.ini")} + args, rDir);
    QVERIFY2(actual.error.isEmpty(), qPrintable(actual.describe()));
    const QJsonObject expected = alembicPinned(aDir, 0, args, {rDir});
    QCOMPARE(actual.exitCode, expected.value(QStringLiteral("exit")).toInt(-1));
    QCOMPARE(QString::fromUtf8(actual.out).replace(rDir, QStringLiteral("<dir>")),
             expected.value(QStringLiteral("out")).toString().replace(aDir, QStringLiteral("<dir>")));
    if (actual.exitCode == 2)  // argparse's usage error: both name the problem on stderr
        QVERIFY2(actual.err.contains("error: ") && expected.value(QStringLiteral("err")).toString().contains(QLatin1String("error: ")),
                 actual.err.constData());
    const auto aNew = added(aBefore, snapshot(aDir));
    const auto rNew = added(rBefore, snapshot(rDir));
    QCOMPARE(rNew.keys(), aNew.keys());
    for (const QString &k : aNew.keys())
        QCOMPARE(maskCreateDate(rNew.value(k)), maskCreateDate(aNew.value(k)));
    if (!aNew.isEmpty())
        compareReads(expected, aDir, rDir, true);
}

QTEST_GUILESS_MAIN(TestAuthoring)
#include "tst_authoring.moc"
