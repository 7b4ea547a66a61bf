// Projects configured the way alembic ≥1.16 allows: pyproject.toml's
// [tool.alembic], path_separator, recursive_version_locations and a
// file_template with sub-folders. Only alembic 1.8.1 is installed, so the
// oracle is 1.8.1 run on the same project written as an ini (in the same
// folder, so the paths it prints are the same), and alembic's documented
// rules where 1.8.1 has no counterpart.

#include "processrunner.h"
#include "project/projectconfig.h"
#include "project/scriptloader.h"

#include <QDir>
#include <QDirIterator>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::testsupport;

namespace {

void writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    f.write(text);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray revisionFile(const QByteArray &id, const QByteArray &down, const QByteArray &extra = {},
                        const QByteArray &body = "    pass\n")
{
    return "\"\"\"" + id + "\n\nRevision ID: " + id + "\n\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n"
           + extra + "\nrevision = '" + id + "'\ndown_revision = " + down
           + "\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n" + body
           + "\n\ndef downgrade():\n    pass\n";
}

// env.py for offline runs, with no logging set-up (a pyproject-only project
// has no ini for fileConfig to read).
const QByteArray kEnv = "from alembic import context\n\n"
                        "context.configure(url='postgresql://u@localhost/db', literal_binds=True,\n"
                        "                  dialect_opts={'paramstyle': 'named'})\n"
                        "with context.begin_transaction():\n"
                        "    context.run_migrations()\n";

// mig/ (env.py, script.py.mako), revisions in mig/versions and other/, and
// a label constant in lib/labels.py that a header imports.
void writeProjectFiles(const QString &root)
{
    writeFile(root + QStringLiteral("/mig/env.py"), kEnv);
    writeFile(root + QStringLiteral("/mig/script.py.mako"),
              readFile(QStringLiteral(RETORT_SOURCE_DIR "/migrations/analytics/alembic/script.py.mako")));
    writeFile(root + QStringLiteral("/lib/labels.py"), "SIDE = 'side'\n");
    writeFile(root + QStringLiteral("/mig/versions/a1_first.py"),
              revisionFile("a1", "None", {},
                           "    op.create_table('t1', sa.Column('id', sa.Integer, primary_key=True))\n"));
    QByteArray b2 = revisionFile("b2", "'a1'", "import labels\n",
                                 "    op.add_column('t1', sa.Column('note', sa.Text()))\n");
    b2.replace("branch_labels = None", "branch_labels = (labels.SIDE,)");
    writeFile(root + QStringLiteral("/other/b2_second.py"), b2);
    writeFile(root + QStringLiteral("/mig/versions/c3_third.py"),
              revisionFile("c3", "'b2'", {}, "    op.create_index('ix_t1_note', 't1', ['note'])\n"));
}

// env.py and one revision, a1, in mig/versions.
void writeFirstRevision(const QString &root)
{
    writeFile(root + QStringLiteral("/mig/env.py"), kEnv);
    writeFile(root + QStringLiteral("/mig/versions/a1_first.py"), revisionFile("a1", "None"));
}

const QByteArray kIni = "[alembic]\n"
                        "script_location = %(here)s/mig\n"
                        "version_locations = %(here)s/mig/versions %(here)s/other\n"
                        "prepend_sys_path = lib\n";
const QByteArray kToml = "[project]\nname = \"demo\"\n\n"
                         "[tool.alembic]\n"
                         "script_location = \"%(here)s/mig\"\n"
                         "version_locations = [\n  \"%(here)s/mig/versions\",\n  '%(here)s/other',  # literal\n]\n"
                         "prepend_sys_path = [\"lib\"]\n";

QStringList scriptNames(const ProjectConfig &config)
{
    Result<ScriptLoader::Loaded> loaded = ScriptLoader::load(config);
    if (!loaded)
        return {QStringLiteral("error: ") + loaded.error().toString()};
    QStringList names;
    for (const RevisionScript &s : loaded->scripts)
        names << QDir(config.versionLocations.front()).relativeFilePath(s.path);
    return names;
}

QStringList filesUnder(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(dir).relativeFilePath(it.next());
    out.sort();
    return out;
}

} // namespace

class TestModernConfig : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_same;                         // the project read both ways
    QHash<QString, ProcessResult> m_oracle; // alembic 1.8.1 on the ini version, per command

    static QStringList commands()
    {
        return {QStringLiteral("heads"), QStringLiteral("history"), QStringLiteral("history -v"),
                QStringLiteral("branches"), QStringLiteral("show c3"), QStringLiteral("upgrade base:heads --sql"),
                QStringLiteral("downgrade c3:a1 --sql")};
    }

    QString freshDir(const QString &name)
    {
        const QString dir = m_tmp.filePath(name);
        QDir(dir).removeRecursively();
        QDir().mkpath(dir);
        return dir;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY2(!alembicPython().isEmpty(), "no Python can import alembic (scripts/run-tests.sh installs it)");
        m_same = freshDir(QStringLiteral("same"));
        writeProjectFiles(m_same);
        writeFile(m_same + QStringLiteral("/alembic.ini"), kIni);
        for (const QString &command : commands()) {
            const ProcessResult r = runAlembic(QStringLiteral("alembic.ini"), command.split(QLatin1Char(' ')), m_same);
            QVERIFY2(r.ok(), qPrintable(command + QStringLiteral(": ") + r.describe()));
            m_oracle.insert(command, r);
        }
        QVERIFY(QFile::remove(m_same + QStringLiteral("/alembic.ini")));
        writeFile(m_same + QStringLiteral("/pyproject.toml"), kToml);
    }

    // A project configured in pyproject.toml alone reads, prints and renders
    // as alembic 1.8.1 does the same project written as alembic.ini; with
    // --engine python the bridge gets the same configuration.
    void pyprojectOnlyEqualsIni_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("extra");
        for (const QString &command : commands())
            QTest::newRow(qPrintable(command)) << command << QStringList();
        QTest::newRow("upgrade --sql through the bridge")
            << QStringLiteral("upgrade base:heads --sql") << QStringList{QStringLiteral("--engine"), QStringLiteral("python")};
        QTest::newRow("heads with -c pyproject.toml")
            << QStringLiteral("heads") << QStringList{QStringLiteral("-c"), QStringLiteral("pyproject.toml")};
    }

    void pyprojectOnlyEqualsIni()
    {
        QFETCH(QString, command);
        QFETCH(QStringList, extra);
        QStringList args = command.split(QLatin1Char(' '));
        if (extra.value(0) == QLatin1String("-c"))
            args = extra + args;
        else
            args += extra;
        const ProcessResult expected = m_oracle.value(command);
        const ProcessResult actual = runRetort(args, m_same);
        QVERIFY2(actual.error.isEmpty(), qPrintable(actual.describe()));
        QCOMPARE(QString::fromUtf8(actual.out), QString::fromUtf8(expected.out));
        QCOMPARE(actual.exitCode, 0);
    }

    // ALEMBIC_CONFIG naming a pyproject.toml makes it the TOML file.
    void alembicConfigNamesToml()
    {
        const QString dir = freshDir(QStringLiteral("fromenv"));
        writeFirstRevision(dir);
        writeFile(dir + QStringLiteral("/pyproject.toml"), "[tool.alembic]\nscript_location = \"%(here)s/mig\"\n");
        QProcessEnvironment env;
        env.insert(QStringLiteral("ALEMBIC_CONFIG"), dir + QStringLiteral("/pyproject.toml"));
        const ProcessResult actual = runRetort({QStringLiteral("heads")}, m_tmp.path(), env);
        QCOMPARE(QString::fromUtf8(actual.out), QStringLiteral("a1 (head)\n"));
    }

    // Each kind of key: the ini's main section wins over [tool.alembic],
    // and the TOML's other keys still apply.
    void iniOverridesToml_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QByteArray>("toml");
        QTest::addColumn<QString>("heads");
        const QByteArray base = "[alembic]\nscript_location = %(here)s/mig\n";
        QTest::newRow("string: script_location")
            << base << QByteArray("[tool.alembic]\nscript_location = \"%(here)s/nowhere\"\n"
                                  "recursive_version_locations = true\n")
            << QStringLiteral("b2 (head)\n");
        QTest::newRow("list: version_locations")
            << base + "version_locations = %(here)s/mig/versions\n"
            << QByteArray("[tool.alembic]\nversion_locations = [\"%(here)s/other\"]\nrecursive_version_locations = true\n")
            << QStringLiteral("b2 (head)\n");
        QTest::newRow("boolean: recursive_version_locations")
            << base + "recursive_version_locations = false\n"
            << QByteArray("[tool.alembic]\nrecursive_version_locations = true\n"
                          "version_locations = [\"%(here)s/mig/versions\", \"%(here)s/other\"]\n")
            << QStringLiteral("x9 (head)\n");
        QTest::newRow("toml fills what the ini lacks")
            << base << QByteArray("[tool.alembic]\nrecursive_version_locations = true\n") << QStringLiteral("b2 (head)\n");
    }

    void iniOverridesToml()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QByteArray, toml);
        QFETCH(QString, heads);
        const QString dir = freshDir(QStringLiteral("override"));
        writeFirstRevision(dir);
        writeFile(dir + QStringLiteral("/mig/versions/sub/b2_sub.py"), revisionFile("b2", "'a1'"));
        writeFile(dir + QStringLiteral("/other/x9_other.py"), revisionFile("x9", "'a1'"));
        writeFile(dir + QStringLiteral("/alembic.ini"), ini);
        writeFile(dir + QStringLiteral("/pyproject.toml"), toml);
        const ProcessResult r = runRetort({QStringLiteral("heads")}, dir);
        QCOMPARE(QString::fromUtf8(r.out), heads);
        QCOMPARE(r.exitCode, 0);
    }

    // An integer key (truncate_slug_length): the ini's 10 wins over the TOML's 40.
    void iniOverridesTomlInteger()
    {
        const QString dir = freshDir(QStringLiteral("integer"));
        writeProjectFiles(dir);
        writeFile(dir + QStringLiteral("/alembic.ini"), kIni + "truncate_slug_length = 10\n");
        writeFile(dir + QStringLiteral("/pyproject.toml"), "[tool.alembic]\ntruncate_slug_length = 40\n");
        const ProcessResult r = runRetort({QStringLiteral("revision"), QStringLiteral("-m"),
                                           QStringLiteral("a rather long message"), QStringLiteral("--rev-id"),
                                           QStringLiteral("d4")},
                                          dir);
        QVERIFY2(r.ok(), qPrintable(r.describe() + QString::fromUtf8(r.out)));
        QVERIFY2(QFileInfo::exists(dir + QStringLiteral("/mig/versions/d4_a_rather_.py")), r.out.constData());
        // the TOML's integer is used when the ini has none
        writeFile(dir + QStringLiteral("/alembic.ini"), kIni);
        writeFile(dir + QStringLiteral("/pyproject.toml"), "[tool.alembic]\ntruncate_slug_length = 8\n");
        const ProcessResult t = runRetort({QStringLiteral("revision"), QStringLiteral("-m"),
                                           QStringLiteral("a rather long message"), QStringLiteral("--rev-id"),
                                           QStringLiteral("e5"), QStringLiteral("--head"), QStringLiteral("d4")},
                                          dir);
        QVERIFY2(t.ok(), qPrintable(t.describe() + QString::fromUtf8(t.out)));
        QVERIFY2(QFileInfo::exists(dir + QStringLiteral("/mig/versions/e5_a_.py")), t.out.constData());
    }

    // path_separator splits version_locations and prepend_sys_path; pieces
    // are stripped, so a folder name with a space survives.
    void pathSeparator_data()
    {
        QTest::addColumn<QByteArray>("options");
        QTest::newRow("newline") << QByteArray("path_separator = newline\n"
                                               "version_locations =\n    %(here)s/mig/ver sions\n    %(here)s/other\n"
                                               "prepend_sys_path =\n    lib dir\n");
        QTest::newRow(";") << QByteArray("path_separator = ;\n"
                                         "version_locations = %(here)s/mig/ver sions ; %(here)s/other\n"
                                         "prepend_sys_path = lib dir;.\n");
        QTest::newRow("os") << QByteArray("path_separator = os\n"
                                          "version_locations = %(here)s/mig/ver sions:%(here)s/other\n"
                                          "prepend_sys_path = lib dir\n");
        QTest::newRow("over version_path_separator")
            << QByteArray("path_separator = ;\nversion_path_separator = space\n"
                          "version_locations = %(here)s/mig/ver sions;%(here)s/other\n"
                          "prepend_sys_path = lib dir\n");
    }

    void pathSeparator()
    {
        QFETCH(QByteArray, options);
        const QString dir = freshDir(QStringLiteral("separator"));
        writeFile(dir + QStringLiteral("/mig/env.py"), kEnv);
        writeFile(dir + QStringLiteral("/lib dir/labels.py"), "SIDE = 'side'\n");
        writeFile(dir + QStringLiteral("/mig/ver sions/a1_first.py"), revisionFile("a1", "None"));
        QByteArray b2 = revisionFile("b2", "'a1'", "import labels\n");
        b2.replace("branch_labels = None", "branch_labels = (labels.SIDE,)");
        writeFile(dir + QStringLiteral("/other/b2_second.py"), b2);
        writeFile(dir + QStringLiteral("/alembic.ini"), "[alembic]\nscript_location = %(here)s/mig\n" + options);
        const ProcessResult r = runRetort({QStringLiteral("heads"), QStringLiteral("--engine"), QStringLiteral("native")}, dir);
        QCOMPARE(QString::fromUtf8(r.out), QStringLiteral("b2 (side) (head)\n"));
        QCOMPARE(r.exitCode, 0);
        // the bridge reads the header with the same sys.path
        QByteArray computed = revisionFile("c3", "'b' + '2'", "import labels\n");
        writeFile(dir + QStringLiteral("/other/c3_third.py"), computed);
        const ProcessResult p = runRetort({QStringLiteral("heads"), QStringLiteral("--engine"), QStringLiteral("python")}, dir);
        QCOMPARE(QString::fromUtf8(p.out), QStringLiteral("c3 (side) (head)\n"));
    }

    // An ini-only project that has path_separator: alembic 1.8.1 ignores the
    // key, and where its legacy split gives the same pieces both agree.
    void pathSeparatorAgreesWithAlembic181()
    {
        const QString dir = freshDir(QStringLiteral("separator181"));
        writeProjectFiles(dir);
        writeFile(dir + QStringLiteral("/alembic.ini"), kIni + "path_separator = space\n");
        for (const QString &command : {QStringLiteral("heads"), QStringLiteral("history -v")}) {
            const ProcessResult expected = runAlembic(QStringLiteral("alembic.ini"), command.split(QLatin1Char(' ')), dir);
            QVERIFY2(expected.ok(), qPrintable(expected.describe()));
            const ProcessResult actual = runRetort(command.split(QLatin1Char(' ')), dir);
            QCOMPARE(QString::fromUtf8(actual.out), QString::fromUtf8(expected.out));
        }
    }

    // recursive_version_locations: os.walk top-down, each folder's files
    // sorted before its sub-folders (sorted), __pycache__ skipped.
    void recursiveOrder()
    {
        const QString dir = freshDir(QStringLiteral("recursive"));
        writeFile(dir + QStringLiteral("/mig/env.py"), kEnv);
        const QString v = dir + QStringLiteral("/mig/versions/");
        // written out of order, so readdir's order is not the answer by chance
        writeFile(v + QStringLiteral("sub2/x5.py"), revisionFile("x5", "'y4'"));
        writeFile(v + QStringLiteral("b2.py"), revisionFile("b2", "'a1'"));
        writeFile(v + QStringLiteral("sub1/deeper/z4.py"), revisionFile("z4", "'y3'"));
        writeFile(v + QStringLiteral("sub1/y3.py"), revisionFile("y3", "'b2'"));
        writeFile(v + QStringLiteral("a1.py"), revisionFile("a1", "None"));
        writeFile(v + QStringLiteral("sub2/__pycache__/w9.py"), revisionFile("w9", "'x5'"));
        writeFile(v + QStringLiteral("sub1/deeper/y4.py"), revisionFile("y4", "'z4'"));
        writeFile(dir + QStringLiteral("/alembic.ini"),
                  "[alembic]\nscript_location = %(here)s/mig\nrecursive_version_locations = true\n");
        Result<ProjectConfig> config = ProjectConfig::load(dir + QStringLiteral("/alembic.ini"));
        QVERIFY2(config, qPrintable(config.error().toString()));
        QCOMPARE(scriptNames(config.value()),
                 (QStringList{QStringLiteral("a1.py"), QStringLiteral("b2.py"), QStringLiteral("sub1/y3.py"),
                              QStringLiteral("sub1/deeper/y4.py"), QStringLiteral("sub1/deeper/z4.py"),
                              QStringLiteral("sub2/x5.py")}));
        ProcessResult r = runRetort({QStringLiteral("heads")}, dir);
        QCOMPARE(QString::fromUtf8(r.out), QStringLiteral("x5 (head)\n"));
        // without the option only the top folder is read, as alembic 1.8.1 reads it
        writeFile(dir + QStringLiteral("/alembic.ini"), "[alembic]\nscript_location = %(here)s/mig\n");
        r = runRetort({QStringLiteral("heads")}, dir);
        const ProcessResult expected = runAlembic(QStringLiteral("alembic.ini"), {QStringLiteral("heads")}, dir);
        QCOMPARE(QString::fromUtf8(expected.out), QStringLiteral("b2 (head)\n"));
        QCOMPARE(QString::fromUtf8(r.out), QString::fromUtf8(expected.out));
    }

    // Every configuration error alembic ≥1.16 raises, with its text, and the
    // file and line Retort adds on stderr.
    void errors_data()
    {
        QTest::addColumn<QByteArray>("ini");   // empty: no alembic.ini
        QTest::addColumn<QByteArray>("toml");  // empty: no pyproject.toml
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("where");    // on stderr; empty: nothing checked there
        const QByteArray ini = "[alembic]\nscript_location = %(here)s/mig\n";
        const QStringList heads{QStringLiteral("heads")};
        QTest::newRow("two ini files")
            << ini << QByteArray() << QStringList{QStringLiteral("-c"), QStringLiteral("alembic.ini"), QStringLiteral("-c"),
                                                  QStringLiteral("other.ini"), QStringLiteral("heads")}
            << QStringLiteral("only one ini file may be indicated") << QString();
        QTest::newRow("two toml files")
            << ini << QByteArray() << QStringList{QStringLiteral("-c"), QStringLiteral("pyproject.toml"), QStringLiteral("-c"),
                                                  QStringLiteral("x/pyproject.toml"), QStringLiteral("heads")}
            << QStringLiteral("pyproject.toml indicated more than once") << QString();
        QTest::newRow("tool.alembic not a table")
            << QByteArray() << QByteArray("[tool]\nalembic = \"mig\"\n") << heads
            << QStringLiteral("Incorrect TOML format") << QStringLiteral("pyproject.toml:2");
        QTest::newRow("tool not a table")
            << QByteArray() << QByteArray("tool = 1\n") << heads << QStringLiteral("Incorrect TOML format")
            << QStringLiteral("pyproject.toml:1");
        QTest::newRow("unknown interpolation name")
            << QByteArray() << QByteArray("[tool.alembic]\nscript_location = \"%(there)s/mig\"\n") << heads
            << QStringLiteral("script_location: KeyError: 'there'") << QStringLiteral("pyproject.toml:2");
        QTest::newRow("unsupported type")
            << QByteArray() << QByteArray("[tool.alembic]\nscript_location = 1.5\n") << heads
            << QStringLiteral("unsupported TOML value type for key: 'script_location'") << QStringLiteral("pyproject.toml:2");
        QTest::newRow("boolean as a string")
            << QByteArray()
            << QByteArray("[tool.alembic]\nscript_location = \"%(here)s/mig\"\n\nrecursive_version_locations = \"true\"\n")
            << heads << QStringLiteral("boolean value expected for TOML parameter 'recursive_version_locations'")
            << QStringLiteral("pyproject.toml:4");
        QTest::newRow("no script_location")
            << QByteArray() << QByteArray("[tool.alembic]\nversion_locations = []\n") << heads
            << QStringLiteral("No 'script_location' key found in configuration.") << QString();
        QTest::newRow("toml syntax")
            << ini << QByteArray("[tool.alembic]\nprepend_sys_path = [\"a\",\n  \"b\"\nx = 1\n") << heads
            << QStringLiteral("pyproject.toml is not valid TOML:") << QStringLiteral("pyproject.toml:4");
        // tomllib decodes the file as plain UTF-8: a byte order mark is a stray character before the first key
        QTest::newRow("toml with a byte order mark")
            << QByteArray() << QByteArray("\xef\xbb\xbf[tool.alembic]\nscript_location = \"%(here)s/mig\"\n") << heads
            << QStringLiteral("pyproject.toml is not valid TOML:") << QStringLiteral("pyproject.toml:1");
        // configparser (alembic 1.8.1) reads the ini as plain UTF-8 too: U+FEFF starts line 1, before any section
        QTest::newRow("ini with a byte order mark")
            << "\xef\xbb\xbf" + ini << QByteArray() << heads
            << QStringLiteral("File contains no section headers: line 1: '\\ufeff[alembic]'")
            << QStringLiteral("alembic.ini:1");
        QTest::newRow("bad path_separator")
            << ini + "version_locations = %(here)s/mig/versions\n\npath_separator = comma\n" << QByteArray() << heads
            << QStringLiteral("'comma' is not a valid value for path_separator; expected 'space', 'newline', 'os', ':', ';'")
            << QStringLiteral("alembic.ini:5");
    }

    void errors()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QByteArray, toml);
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QFETCH(QString, where);
        const QString dir = freshDir(QStringLiteral("errors"));
        writeFirstRevision(dir);
        if (!ini.isEmpty())
            writeFile(dir + QStringLiteral("/alembic.ini"), ini);
        if (!toml.isEmpty())
            writeFile(dir + QStringLiteral("/pyproject.toml"), toml);
        const ProcessResult r = runRetort(args, dir);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.describe()));
        QVERIFY2(r.out.startsWith("FAILED: " + message.toUtf8()), r.out.constData());
        QCOMPARE(r.exitCode, 255);
        if (!where.isEmpty())
            QVERIFY2(r.err.contains(where.toUtf8()), r.err.constData());
    }

    // `revision` with a file_template that makes sub-folders: created and
    // read back; alembic 1.8.1 (which reads no sub-folder) reads the same
    // file once it is moved to the top folder. Without
    // recursive_version_locations it is refused before anything is written.
    void revisionInSubFolder()
    {
        const QString dir = freshDir(QStringLiteral("subfolder"));
        writeProjectFiles(dir);
        writeFile(dir + QStringLiteral("/pyproject.toml"),
                  kToml + "file_template = \"%%(year)d/%%(month).2d/%%(rev)s_%%(slug)s\"\n");
        const QStringList revision{QStringLiteral("revision"), QStringLiteral("-m"), QStringLiteral("add x"),
                                   QStringLiteral("--rev-id"), QStringLiteral("d4"), QStringLiteral("--head"),
                                   QStringLiteral("c3")};
        const QStringList before = filesUnder(dir);
        ProcessResult r = runRetort(revision, dir);
        QCOMPARE(r.exitCode, 255);
        QVERIFY2(r.out.startsWith("FAILED: file_template '%(year)d/%(month).2d/%(rev)s_%(slug)s' puts the new "
                                  "revision in the sub-folder"),
                 r.out.constData());
        QVERIFY2(r.out.contains("recursive_version_locations"), r.out.constData());
        QVERIFY2(r.err.contains("pyproject.toml:11"), r.err.constData());
        QCOMPARE(filesUnder(dir), before);

        writeFile(dir + QStringLiteral("/pyproject.toml"),
                  kToml + "file_template = \"%%(year)d/%%(month).2d/%%(rev)s_%%(slug)s\"\n"
                          "recursive_version_locations = true\n");
        // the year and month of the clock alembic reads (UTC: no timezone is set)
        const QDate utcBefore = QDateTime::currentDateTimeUtc().date();
        r = runRetort(revision, dir);
        const QDate utcAfter = QDateTime::currentDateTimeUtc().date();
        QVERIFY2(r.ok(), qPrintable(r.describe() + QString::fromUtf8(r.out)));
        QStringList added = filesUnder(dir);
        for (const QString &f : before)
            added.removeOne(f);
        QCOMPARE(added.size(), 1);
        const QString created = added.front();
        const auto expectedAt = [](const QDate &d) {
            return QStringLiteral("mig/versions/%1/%2/d4_add_x.py").arg(d.year()).arg(d.month(), 2, 10, QLatin1Char('0'));
        };
        QVERIFY2(created == expectedAt(utcBefore) || created == expectedAt(utcAfter), qPrintable(created));
        r = runRetort({QStringLiteral("heads")}, dir);
        QCOMPARE(QString::fromUtf8(r.out), QStringLiteral("d4 (side) (head)\n"));

        // the oracle: the same project as an ini, the new file in the top folder
        QVERIFY(QFile::rename(dir + QLatin1Char('/') + created, dir + QStringLiteral("/mig/versions/d4_add_x.py")));
        QVERIFY(QFile::remove(dir + QStringLiteral("/pyproject.toml")));
        writeFile(dir + QStringLiteral("/alembic.ini"), kIni);
        const ProcessResult expected = runAlembic(QStringLiteral("alembic.ini"), {QStringLiteral("history")}, dir);
        QVERIFY2(expected.ok(), qPrintable(expected.describe()));
        QVERIFY2(expected.out.startsWith("c3 -> d4 (side) (head), add x\n"), expected.out.constData());
        r = runRetort({QStringLiteral("history")}, dir);
        QCOMPARE(QString::fromUtf8(r.out), QString::fromUtf8(expected.out));
    }

    // `version_locations = []` is a falsy list to alembic: its default
    // folder, <script_location>/versions, is read (a hostile try: nothing
    // was found, exit 0). alembic 1.8.1 agrees for an ini whose list
    // splits into nothing.
    void anEmptyVersionLocationsListIsTheDefault()
    {
        const QString dir = freshDir(QStringLiteral("emptylist"));
        writeFirstRevision(dir);
        writeFile(dir + QStringLiteral("/pyproject.toml"),
                  "[tool.alembic]\nscript_location = \"%(here)s/mig\"\nversion_locations = []\n");
        ProcessResult r = runRetort({QStringLiteral("heads")}, dir);
        QCOMPARE(QString::fromUtf8(r.out), QStringLiteral("a1 (head)\n"));
        QVERIFY(QFile::remove(dir + QStringLiteral("/pyproject.toml")));
        writeFile(dir + QStringLiteral("/alembic.ini"),
                  "[alembic]\nscript_location = %(here)s/mig\nversion_path_separator = os\nversion_locations = :\n");
        const ProcessResult expected = runAlembic(QStringLiteral("alembic.ini"), {QStringLiteral("heads")}, dir);
        QVERIFY2(expected.ok(), qPrintable(expected.describe()));
        r = runRetort({QStringLiteral("-c"), QStringLiteral("alembic.ini"), QStringLiteral("heads")}, dir);
        QCOMPARE(QString::fromUtf8(r.out), QString::fromUtf8(expected.out));
    }

    // A sub-folder that is a link: the walk does not follow it, so the new
    // file would land where the link points and never be found (a hostile
    // try wrote outside the project with exit 0). Refused, nothing written.
    void revisionThroughALinkedSubFolderIsRefused()
    {
        const QString dir = freshDir(QStringLiteral("linked"));
        writeProjectFiles(dir);
        writeFile(dir + QStringLiteral("/pyproject.toml"),
                  kToml + "file_template = \"sub/%%(rev)s_%%(slug)s\"\nrecursive_version_locations = true\n");
        const QString outside = freshDir(QStringLiteral("outside"));
        QVERIFY(QFile::link(outside, dir + QStringLiteral("/mig/versions/sub")));
        const QStringList before = filesUnder(dir);
        const ProcessResult r = runRetort({QStringLiteral("revision"), QStringLiteral("-m"), QStringLiteral("through link"),
                                           QStringLiteral("--rev-id"), QStringLiteral("d5"), QStringLiteral("--head"),
                                           QStringLiteral("c3")},
                                          dir);
        QCOMPARE(r.exitCode, 255);
        QVERIFY2(r.out.contains("a link"), r.out.constData());
        QCOMPARE(filesUnder(dir), before);
        QVERIFY(QDir(outside).entryList(QDir::Files).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestModernConfig)
#include "tst_modernconfig.moc"
