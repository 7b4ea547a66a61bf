// Differential tests: the same read-only command on the same project, run by
// the real alembic and by retort; stdout and the exit status must match byte
// for byte (set-ordered places normalized, see outputnormalizer.h).

#include "alembiccompare.h"
#include "filetree.h"
#include "outputnormalizer.h"
#include "processrunner.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort::testsupport;

namespace {

// Revision ids and labels, read from alembic's own history and heads output.
struct Facts {
    QStringList ids;     // newest first, as history lists them
    QStringList labels;
};

} // namespace

class TestAlembicDiff : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QList<Project> m_projects;
    QHash<QString, Facts> m_facts;

    void generate(const QString &name, const QStringList &options)
    {
        const QString out = m_tmp.filePath(name);
        const ProcessResult r = runProcess(
            alembicPython(),
            QStringList{QStringLiteral(RETORT_SOURCE_DIR "/bench/generate_project.py"), out} + options, QString());
        QVERIFY2(r.ok(), qPrintable(QStringLiteral("generator failed: ") + r.describe()));
        m_projects << Project{name, out, QStringLiteral("alembic.ini")};
    }

    Facts factsOf(const Project &p)
    {
        Facts f;
        const ProcessResult history = runAlembic(p.ini, {QStringLiteral("history")}, p.dir);
        static const QRegularExpression arrow(QStringLiteral("-> ([^ ,]+)"));
        for (const QString &line : QString::fromUtf8(history.out).split(QLatin1Char('\n'))) {
            const auto m = arrow.match(line);
            if (m.hasMatch())
                f.ids << m.captured(1);
        }
        const ProcessResult heads = runAlembic(p.ini, {QStringLiteral("history"), QStringLiteral("-v")}, p.dir);
        for (const QString &line : QString::fromUtf8(heads.out).split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("Branch names: ")))
                for (const QString &l : line.mid(14).split(QStringLiteral(", ")))
                    if (!f.labels.contains(l))
                        f.labels << l;
        }
        return f;
    }

    // The importedheaders fixture copied into dir, `from` replaced by `to` in
    // `file`; several files as "a|b" with their from and to split the same
    // way.
    static void editedImportedHeaders(const QTemporaryDir &dir, const QString &file, const QString &from,
                                      const QString &to)
    {
        QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/tests/cli/fixtures/importedheaders"), dir.path()));
        const QStringList files = file.split(QLatin1Char('|')), froms = from.split(QLatin1Char('|')),
                          tos = to.split(QLatin1Char('|'));
        QCOMPARE(froms.size(), files.size());
        QCOMPARE(tos.size(), files.size());
        for (int i = 0; i < files.size(); ++i) {
            QFile f(dir.filePath(files[i]));
            QByteArray text;
            if (f.exists() || !froms[i].isEmpty()) {  // an empty `from` may also make a new file
                QVERIFY(f.open(QIODevice::ReadOnly));
                text = f.readAll();
                f.close();
            }
            if (froms[i].isEmpty()) {
                text.prepend(tos[i].toUtf8());
            } else {
                QVERIFY2(text.contains(froms[i].toUtf8()), qPrintable(froms[i]));
                text.replace(froms[i].toUtf8(), tos[i].toUtf8());
            }
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(text);
            f.close();
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!alembicPython().isEmpty(),
                 "no Python interpreter can import alembic: install python3-alembic (scripts/run-tests.sh does)");
        QVERIFY(m_tmp.isValid());
        for (const char *sample : {"analytics", "projects", "auditing", "jobs"})
            m_projects << Project{QLatin1String(sample), QStringLiteral(RETORT_SOURCE_DIR "/migrations/") + QLatin1String(sample),
                                  QStringLiteral("alembic.ini")};
        // headers Python computes: tuple()/list() of module-level data
        m_projects << Project{QStringLiteral("computedheaders"),
                              QStringLiteral(RETORT_SOURCE_DIR "/tests/cli/fixtures/computedheaders"),
                              QStringLiteral("alembic.ini")};
        // headers naming constants of the project's own package (prepend_sys_path)
        m_projects << Project{QStringLiteral("importedheaders"),
                              QStringLiteral(RETORT_SOURCE_DIR "/tests/cli/fixtures/importedheaders"),
                              QStringLiteral("alembic.ini")};
        generate(QStringLiteral("linear50"), {QStringLiteral("--revisions"), QStringLiteral("50"),
                                              QStringLiteral("--seed"), QStringLiteral("1")});
        generate(QStringLiteral("branchy200"),
                 {QStringLiteral("--revisions"), QStringLiteral("200"), QStringLiteral("--branch-every"),
                  QStringLiteral("7"), QStringLiteral("--merge-every"), QStringLiteral("11"), QStringLiteral("--labels"),
                  QStringLiteral("4"), QStringLiteral("--depends-on"), QStringLiteral("9"), QStringLiteral("--seed"),
                  QStringLiteral("2"), QStringLiteral("--id-style"), QStringLiteral("mixed"),
                  QStringLiteral("--version-locations"), QStringLiteral("2"), QStringLiteral("--heads"), QStringLiteral("3"),
                  QStringLiteral("--effective-heads"), QStringLiteral("2")});
        generate(QStringLiteral("heads400"),
                 {QStringLiteral("--revisions"), QStringLiteral("400"), QStringLiteral("--branch-every"),
                  QStringLiteral("5"), QStringLiteral("--merge-every"), QStringLiteral("40"), QStringLiteral("--labels"),
                  QStringLiteral("6"), QStringLiteral("--depends-on"), QStringLiteral("13"), QStringLiteral("--seed"),
                  QStringLiteral("3"), QStringLiteral("--id-style"), QStringLiteral("seq"), QStringLiteral("--heads"),
                  QStringLiteral("0")});
        generate(QStringLiteral("big2000"),
                 {QStringLiteral("--revisions"), QStringLiteral("2000"), QStringLiteral("--branch-every"),
                  QStringLiteral("25"), QStringLiteral("--merge-every"), QStringLiteral("30"), QStringLiteral("--labels"),
                  QStringLiteral("5"), QStringLiteral("--depends-on"), QStringLiteral("50"), QStringLiteral("--seed"),
                  QStringLiteral("4")});
        for (const Project &p : std::as_const(m_projects)) {
            m_facts.insert(p.name, factsOf(p));
            QVERIFY2(!m_facts[p.name].ids.isEmpty(), qPrintable(p.name + QStringLiteral(": alembic listed no revisions")));
        }
    }

    // --help names the alembic and SQLAlchemy whose output Retort
    // reproduces: the versions of the oracle these tests run, and what
    // SQLAlchemy 2.0's type names do.
    void helpNamesReproducedVersions()
    {
        const ProcessResult versions = runProcess(
            alembicPython(),
            {QStringLiteral("-c"), QStringLiteral("import alembic, sqlalchemy; print(alembic.__version__, sqlalchemy.__version__)")},
            QString());
        QVERIFY2(versions.ok(), qPrintable(versions.describe()));
        const QStringList v = QString::fromUtf8(versions.out).trimmed().split(QLatin1Char(' '));
        QCOMPARE(v.size(), 2);
        const ProcessResult help = runRetort({QStringLiteral("--help")}, QString());
        QVERIFY2(help.ok(), qPrintable(help.describe()));
        const QString text = QString::fromUtf8(help.out).simplified();
        QVERIFY2(text.contains(QStringLiteral("Retort reproduces alembic %1 with SQLAlchemy %2").arg(v[0], v[1])),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("SQLAlchemy 2.0's type names (sa.Uuid, sa.UUID, sa.Double, sa.DOUBLE_PRECISION) "
                                             "are not rendered natively")),
                 qPrintable(text));
    }

    void readOnlyCommands_data()
    {
        QTest::addColumn<int>("project");
        QTest::addColumn<QStringList>("args");
        for (int i = 0; i < m_projects.size(); ++i) {
            const Project &p = m_projects[i];
            const Facts &f = m_facts[p.name];
            const QString newest = f.ids.front();
            const QString oldest = f.ids.back();
            const QString middle = f.ids[f.ids.size() / 2];
            QList<QStringList> commands = {
                {QStringLiteral("heads")},
                {QStringLiteral("heads"), QStringLiteral("-v")},
                {QStringLiteral("heads"), QStringLiteral("--resolve-dependencies")},
                {QStringLiteral("history")},
                {QStringLiteral("history"), QStringLiteral("-v")},
                {QStringLiteral("branches")},
                {QStringLiteral("branches"), QStringLiteral("-v")},
                {QStringLiteral("show"), QStringLiteral("heads")},
                {QStringLiteral("show"), QStringLiteral("head")},
                {QStringLiteral("show"), QStringLiteral("base")},
                {QStringLiteral("show"), newest},
                {QStringLiteral("show"), oldest},
                {QStringLiteral("show"), middle.left(4)},
                {QStringLiteral("show"), middle.left(3)},
                {QStringLiteral("show"), QStringLiteral("zzzzzzzz")},
                {QStringLiteral("show"), middle + QStringLiteral("+1")},
                {QStringLiteral("show"), middle + QStringLiteral("-1")},
                {QStringLiteral("show"), QStringLiteral("-1")},
                {QStringLiteral("show"), QStringLiteral("head-1")},
                {QStringLiteral("history"), QStringLiteral("-r"), oldest + QLatin1Char(':') + newest},
                {QStringLiteral("history"), QStringLiteral("-r"), middle + QLatin1Char(':')},
                {QStringLiteral("history"), QStringLiteral("-r=") + middle + QLatin1Char(':')},
                {QStringLiteral("history"), QStringLiteral("-r"), QLatin1Char(':') + middle},
                {QStringLiteral("history"), QStringLiteral("-r"), newest + QLatin1Char(':') + oldest},
                {QStringLiteral("history"), QStringLiteral("-r"), QStringLiteral("base:heads")},
                {QStringLiteral("history"), QStringLiteral("-r"), QStringLiteral("-2:")},
                {QStringLiteral("history"), QStringLiteral("-r"), middle},
                {QStringLiteral("history"), QStringLiteral("-v"), QStringLiteral("-r"), middle + QStringLiteral(":head")},
            };
            for (const QString &label : f.labels.mid(0, 3)) {
                commands << QStringList{QStringLiteral("show"), label + QStringLiteral("@head")};
                commands << QStringList{QStringLiteral("show"), label + QStringLiteral("@base")};
                commands << QStringList{QStringLiteral("show"), label};
                commands << QStringList{QStringLiteral("history"), QStringLiteral("-r"),
                                        label + QStringLiteral("@base:") + label + QStringLiteral("@head")};
            }
            for (const QStringList &c : std::as_const(commands))
                QTest::newRow(qPrintable(p.name + QLatin1Char(' ') + c.join(QLatin1Char(' ')))) << i << c;
        }
    }

    void readOnlyCommands()
    {
        QFETCH(int, project);
        QFETCH(QStringList, args);
        compareWithAlembic(m_projects[project], args);
    }

    // Broken projects: alembic's message (or at least a failure) and a
    // located explanation from retort.
    void brokenProjects_data()
    {
        QTest::addColumn<QString>("mutation");
        QTest::newRow("cycle") << QStringLiteral("cycle");
        QTest::newRow("missing parent") << QStringLiteral("missing");
        QTest::newRow("reused label") << QStringLiteral("label");
        QTest::newRow("no script_location") << QStringLiteral("noscript");
        QTest::newRow("no such section") << QStringLiteral("nosection");
        // a revision id declared twice: the later file wins, the earlier
        // one is still walked by alembic's cycle check (found by tst_inputfuzz)
        QTest::newRow("shadowed file's parent missing") << QStringLiteral("shadowmissing");
        QTest::newRow("shadowed file's dependency missing") << QStringLiteral("shadowdep");
        QTest::newRow("shadowed file's parent present") << QStringLiteral("shadowparent");
        QTest::newRow("later file's parent missing") << QStringLiteral("shadowlater");
        // depends_on = '' depends on nothing, but alembic then finds no real
        // base (found by tst_inputfuzz seed 2284555933); () and [] are None
        QTest::newRow("base with depends_on ''") << QStringLiteral("emptydep");
        QTest::newRow("base with depends_on ()") << QStringLiteral("emptytupledep");
    }

    // The importedheaders fixture changed: where alembic fails importing
    // the project's modules, Retort fails too naming a file; where the
    // value is decided at run time, Retort says it needs Python; else the
    // same answers.
    void importedHeaders_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("outcome");  // same | fails | circular-fails | python (alembic must compute it) | env | refused
        const QString cli = QStringLiteral("shipyard/db/migration/cli.py");
        const QString heads = QStringLiteral("shipyard/db/migration/heads.py");
        const QString expand = QStringLiteral("migrations/versions/e0e0e0000001_expand_start.py");
        QTest::newRow("constant rebound later") << cli << "\n\ndef main(" << "\nEXPAND_BRANCH = \"grow\"\n\ndef main(" << "same";
        QTest::newRow("no such constant") << expand << "cli.EXPAND_BRANCH" << "cli.EXPAND_BRANCHES" << "fails";
        QTest::newRow("syntax error in the module") << heads << "\"e0e0e0000002\"" << "(\"e0e0e0000002\"" << "fails";
        QTest::newRow("syntax error in a package it needs")
            << QStringLiteral("shipyard/__init__.py") << "" << "def (:\n" << "fails";
        QTest::newRow("a module it imports is broken")
            << QStringLiteral("shipyard/db/migration/branches.py") << "CONTRACT = " << "CONTRACT = = " << "fails";
        QTest::newRow("a project module it imports is missing")
            << cli << "import os\n" << "import os\nimport shipyard.db.missing\n" << "fails";
        QTest::newRow("decided at run time")
            << cli << "\n\ndef main(" << "\nif os.environ.get(\"SHIPYARD_LEGACY\"):\n    EXPAND_BRANCH = \"legacy\"\n\ndef main("
            << "python";
        QTest::newRow("relative import in a revision file")
            << expand << "from shipyard.db.migration import cli" << "from . import cli" << "fails";
        // rebound while the module runs, not by a module-level assignment (a hostile try found these)
        QTest::newRow("global in a function run at import")
            << heads << "\"e0e0e0000002\"\n" << "\"e0e0e0000002\"\n\ndef _bump():\n    global EXPAND_HEAD\n    EXPAND_HEAD = \"deadbeef\"\n\n_bump()\n"
            << "python";
        QTest::newRow("walrus at module level")
            << heads << "\"e0e0e0000002\"\n" << "\"e0e0e0000002\"\n(EXPAND_HEAD := \"deadbeef\")\n" << "python";
        QTest::newRow("globals() written")
            << heads << "\"e0e0e0000002\"\n" << "\"e0e0e0000002\"\nglobals()[\"EXPAND_HEAD\"] = \"deadbeef\"\n" << "python";
        // a circular import: Python hands out the half-run module, so what it
        // holds depends on which module ran first (a hostile try found the first)
        QTest::newRow("circular import that stops Python")
            << heads << "" << "from shipyard.db.migration.branches import CONTRACT\n" << "circular-fails";
        QTest::newRow("circular import Python survives")
            << heads << "\"e0e0e0000002\"\n" << "\"e0e0e0000002\"\nimport shipyard.db.migration.branches\n"
            << "python";
        // another module's constant changed while the modules are imported:
        // alembic reads the changed value (a hostile try found the first three)
        const QString first = QStringLiteral("migrations/versions/a1b2c3d4e5f6_create_yards.py");
        const QString berths = QStringLiteral("migrations/versions/e0e0e0000002_add_berths.py");
        QTest::newRow("the revision sets the constant it reads")
            << expand << "branch_labels = (" << "cli.EXPAND_BRANCH = \"mine\"\nbranch_labels = (" << "python";
        QTest::newRow("another revision sets it")
            << first << "from shipyard.db import migration\n"
            << "from shipyard.db import migration\nimport shipyard.db.migration.cli\n"
               "shipyard.db.migration.cli.EXPAND_BRANCH = \"mine\"\n"
            << "python";
        QTest::newRow("a module it imports sets it")
            << cli << "import branches\n" << "import branches\n\nbranches.CONTRACT = \"mine\"\n" << "python";
        QTest::newRow("a function run at import sets it")
            << cli << "import branches\n"
            << "import branches\n\n\ndef _rename():\n    branches.CONTRACT += \"-mine\"\n\n\n_rename()\n"
            << "python";
        QTest::newRow("importlib hands out the module")
            << first << "from shipyard.db import migration\n"
            << "from shipyard.db import migration\nimport importlib\n"
               "importlib.import_module(\"shipyard.db.migration.cli\").EXPAND_BRANCH = \"mine\"\n"
            << "python";
        QTest::newRow("sys.modules hands out the module")
            << first << "from shipyard.db import migration\n"
            << "from shipyard.db import migration\nimport sys\nimport shipyard.db.migration.branches\n"
               "setattr(sys.modules[\"shipyard.db.migration.branches\"], \"CONTRACT\", \"mine\")\n"
            << "python";
        // a list changed in place (append, +=, through another name): alembic
        // reads the changed list (a trust hole found while fixing the above)
        const QString branches = QStringLiteral("shipyard/db/migration/branches.py");
        const QString drop = QStringLiteral("migrations/versions/c0ffee000002_drop_old_docks.py");
        const QString merge = QStringLiteral("migrations/versions/f00d00000001_merge.py");
        const QString parents = QStringLiteral("MERGE_PARENTS = (EXPAND_HEAD, \"c0ffee000002\")");
        QTest::newRow("a module's own list changed in place")
            << branches << parents << "MERGE_PARENTS = [EXPAND_HEAD]\nMERGE_PARENTS.append(\"c0ffee000002\")" << "python";
        QTest::newRow("a revision changes an imported list")
            << branches + QLatin1Char('|') + first << parents + QLatin1Char('|') + "from shipyard.db import migration\n"
            << "MERGE_PARENTS = [EXPAND_HEAD]|from shipyard.db import migration\n"
               "from shipyard.db.migration import branches\nbranches.MERGE_PARENTS.append(\"c0ffee000002\")\n"
            << "python";
        QTest::newRow("an imported list changed through another name")
            << branches + QLatin1Char('|') + merge << parents + QLatin1Char('|') + "down_revision = MERGE_PARENTS"
            << "MERGE_PARENTS = [EXPAND_HEAD]|ALL = MERGE_PARENTS\nALL += [\"c0ffee000002\"]\ndown_revision = MERGE_PARENTS"
            << "python";
        QTest::newRow("the revision changes its list header in place")
            << drop << "depends_on = [h.EXPAND_HEAD]" << "depends_on = [h.EXPAND_HEAD]\ndepends_on.append(\"a1b2c3d4e5f6\")"
            << "python";
        // ways a hostile try found of changing a constant the scan did not see
        const QString mut = QStringLiteral("shipyard/db/migration/mut.py");
        const QString importCli = QStringLiteral("from shipyard.db.migration import cli\n");
        const QString mutText = QStringLiteral("from shipyard.db.migration import cli\ncli.EXPAND_BRANCH = \"mine\"\n");
        QTest::newRow("a module imported inside a block changes it")
            << mut + QLatin1Char('|') + expand << QLatin1Char('|') + importCli
            << mutText + QLatin1Char('|') + importCli + "if True:\n    import shipyard.db.migration.mut\n" << "python";
        QTest::newRow("a module imported by a function run at import changes it")
            << mut + QLatin1Char('|') + expand << QLatin1Char('|') + importCli
            << mutText + QLatin1Char('|') + importCli
                   + "\n\ndef _load():\n    import shipyard.db.migration.mut\n\n\n_load()\n"
            << "python";
        QTest::newRow("a module handed to a function")
            << expand << importCli << importCli + "\n\ndef _set(m):\n    m.EXPAND_BRANCH = \"mine\"\n\n\n_set(cli)\n"
            << "python";
        QTest::newRow("header set through the frame's globals")
            << berths << "branch_labels = None"
            << "import sys\nbranch_labels = None\nsys._getframe().f_globals[\"branch_labels\"] = (\"mine\",)" << "python";
        QTest::newRow("header set through locals()")
            << berths << "branch_labels = None" << "branch_labels = None\nlocals()[\"branch_labels\"] = (\"mine\",)"
            << "python";
        QTest::newRow("the package binds the submodule's name to another module")
            << "shipyard/real.py|shipyard/consts.py|shipyard/__init__.py|" + expand << "|||branch_labels = (cli.EXPAND_BRANCH,)"
            << "X = \"real\"\n|X = \"orig\"\n|from . import real as consts\n|"
               "from shipyard import consts\nbranch_labels = (consts.X,)"
            << "python";
        QTest::newRow("env.py changes it")
            << QStringLiteral("migrations/env.py") << "" << "from shipyard.db.migration import cli\ncli.EXPAND_BRANCH = \"mine\"\n"
            << "env";
        // the revision's own header, set some other way than by assigning it
        QTest::newRow("header set through globals()")
            << berths << "branch_labels = None" << "globals()[\"branch_labels\"] = (\"mine\",)" << "python";
        QTest::newRow("header set by a walrus")
            << berths << "branch_labels = None" << "(branch_labels := (\"mine\",))" << "python";
        QTest::newRow("header set by exec()")
            << berths << "branch_labels = None" << "exec(\"branch_labels = ('mine',)\")" << "python";
        QTest::newRow("a tuple constant inside a tuple")
            << QStringLiteral("migrations/versions/f00d00000001_merge.py") << "down_revision = MERGE_PARENTS"
            << "down_revision = (MERGE_PARENTS,)" << "refused";
    }

    void importedHeaders()
    {
        QFETCH(QString, file);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, outcome);
        QTemporaryDir dir;
        editedImportedHeaders(dir, file, from, to);
        if (QTest::currentTestFailed())
            return;
        const Project p{QStringLiteral("importedheaders"), dir.path(), QStringLiteral("alembic.ini")};
        const QStringList heads{QStringLiteral("heads")};
        const ProcessResult expected = runAlembic(p.ini, heads, p.dir);
        const ProcessResult actual = runRetort(QStringList{QStringLiteral("-c"), p.ini} + heads, p.dir);
        if (outcome == QLatin1String("same")) {
            compareWithAlembic(p, heads);
            compareWithAlembic(p, {QStringLiteral("history")});
            QVERIFY2(actual.out.contains("grow"), actual.out.constData());
        } else if (outcome == QLatin1String("fails")) {
            QVERIFY2(expected.exitCode != 0, expected.out.constData());
            QVERIFY2(actual.exitCode != 0, actual.out.constData());
            QVERIFY2(actual.err.contains(".py:"), actual.err.constData());  // names the file and line
        } else if (outcome == QLatin1String("circular-fails")) {
            QVERIFY2(expected.exitCode != 0, expected.out.constData());
            QVERIFY2(expected.err.contains("circular import"), expected.err.constData());
            // alembic's own error now (the bridge read the headers): "... (most likely due to a circular import)"
            QVERIFY2(actual.exitCode != 0 && (actual.out + actual.err).contains("circular import"), actual.err.constData());
        } else if (outcome == QLatin1String("env")) {
            // heads and history run no env.py: alembic's own reading is theirs;
            // an upgrade runs it first and sees another graph: Retort refuses
            compareWithAlembic(p, heads);
            compareWithAlembic(p, {QStringLiteral("history")});
            const ProcessResult upgrade = runRetort(
                QStringList{QStringLiteral("-c"), p.ini, QStringLiteral("upgrade"), QStringLiteral("heads"), QStringLiteral("--sql")},
                p.dir);
            QVERIFY2(upgrade.exitCode != 0 && upgrade.out.contains("changed by env.py"), upgrade.out.constData());
        } else if (outcome == QLatin1String("refused")) {
            // what Python gives is not a string or a tuple of strings: alembic
            // copes in ways of its own, Retort says what it got and stops
            QCOMPARE(expected.exitCode, 0);
            QVERIFY2(actual.exitCode != 0 && actual.out.contains("Python gives"), actual.out.constData());
        } else {
            // alembic reads the header: Retort asks it (the bridge), from a
            // cold and then a warm header cache; --engine native refuses
            QCOMPARE(expected.exitCode, 0);
            compareWithAlembic(p, heads);
            compareWithAlembic(p, {QStringLiteral("history")});
            const ProcessResult native =
                runRetort(QStringList{QStringLiteral("-c"), p.ini, QStringLiteral("heads"), QStringLiteral("--engine"),
                                      QStringLiteral("native")},
                          p.dir);
            QVERIFY2(native.exitCode != 0 && native.out.contains("reading it needs Python"), native.out.constData());
        }
    }

    // Module-level code of a revision file runs whenever alembic loads the
    // revisions: what it prints starts alembic's output, in alembic's file
    // order, for every command; a raise ends the command. Retort asks
    // alembic (the bridge) rather than answering from the static reading.
    void importTimeCode_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("outcome");  // printed | exits | raises
        const QString berths = QStringLiteral("migrations/versions/e0e0e0000002_add_berths.py");
        const QString yards = QStringLiteral("migrations/versions/a1b2c3d4e5f6_create_yards.py");
        const QString labels = QStringLiteral("branch_labels = None");
        QTest::newRow("print()") << berths << labels << labels + "\nprint(\"loading berths\")" << "printed";
        QTest::newRow("prints in two files")
            << berths + "|" + yards << labels + "|" + labels
            << labels + "\nprint(\"berths\")|" + labels + "\nprint(\"yards\", 1, sep=\"-\")" << "printed";
        QTest::newRow("print() inside an if") << berths << labels << labels + "\nif True:\n    print(\"in if\")" << "printed";
        QTest::newRow("print() in an assignment") << berths << labels << labels + "\n_ = print(\"assigned\")" << "printed";
        QTest::newRow("a function called at import")
            << berths << labels << labels + "\ndef _say():\n    print(\"said\")\n_say()" << "printed";
        QTest::newRow("sys.stdout.write") << berths << labels << labels + "\nimport sys\nsys.stdout.write(\"raw\\n\")"
                                         << "printed";
        // what a real sys.stdout offers, used at import (not an AttributeError)
        QTest::newRow("sys.stdout.reconfigure and .buffer")
            << berths << labels
            << labels + "\nimport sys\nsys.stdout.reconfigure(encoding=\"utf-8\")\nsys.stdout.buffer.write(b\"bytes\\n\")\n"
                        "print(sys.stdout.errors, sys.stdout.closed, sys.stdout.line_buffering is not None)"
            << "printed";
        // sys.exit() ends alembic's command with its status after what was printed
        QTest::newRow("sys.exit(0) at import")
            << berths << labels << labels + "\nprint(\"before\")\nimport sys\nsys.exit(0)" << "exits";
        QTest::newRow("sys.exit(3) at import")
            << berths << labels << labels + "\nprint(\"before\")\nimport sys\nsys.exit(3)" << "exits";
        QTest::newRow("os._exit(4) at import") << berths << labels << labels + "\nimport os\nos._exit(4)" << "exits";
        QTest::newRow("raise at import") << berths << labels << labels + "\nraise RuntimeError(\"not on Tuesdays\")"
                                        << "raises@e0e0e0000002_add_berths.py:13";
        // alembic's stdout keeps what was printed before the raise
        QTest::newRow("print then raise at import")
            << berths << labels << labels + "\nprint(\"before\")\nraise RuntimeError(\"not on Tuesdays\")"
            << "raises@e0e0e0000002_add_berths.py:14";
        QTest::newRow("assert at import") << berths << labels << labels + "\nassert False, \"never\""
                                         << "raises@e0e0e0000002_add_berths.py:13";
        // a project module the revisions import runs as they are imported
        const QString cli = QStringLiteral("shipyard/db/migration/cli.py");
        const QString branches = QStringLiteral("MIGRATION_BRANCHES = (EXPAND_BRANCH, CONTRACT_BRANCH)");
        QTest::newRow("a project module prints") << cli << branches << branches + "\nprint(\"cli loaded\")" << "printed";
        QTest::newRow("a project module raises") << cli << branches << branches + "\nraise RuntimeError(\"cli boom\")"
                                                << "raises@cli.py:11";
    }

    void importTimeCode()
    {
        QFETCH(QString, file);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, outcome);
        QTemporaryDir dir;
        editedImportedHeaders(dir, file, from, to);
        if (QTest::currentTestFailed())
            return;
        const Project p{QStringLiteral("importedheaders"), dir.path(), QStringLiteral("alembic.ini")};
        const QList<QStringList> commands{{QStringLiteral("heads")},
                                          {QStringLiteral("history")},
                                          {QStringLiteral("show"), QStringLiteral("e0e0e0000002")},
                                          {QStringLiteral("upgrade"), QStringLiteral("heads"), QStringLiteral("--sql")}};
        // every command from a cold header cache, then heads from a warm one
        const QList<QStringList> runs = commands + QList<QStringList>{commands.front()};
        if (outcome == QLatin1String("exits")) {
            // the commands that run no env.py end where alembic ends: same text, same status
            for (const QStringList &c : runs) {
                if (c.contains(QStringLiteral("--sql"))) {
                    compareWithAlembic(p, c);
                    continue;
                }
                const ProcessResult expected = runAlembic(p.ini, c, p.dir);
                const ProcessResult actual = runRetort(QStringList{QStringLiteral("-c"), p.ini} + c, p.dir);
                QCOMPARE(QString::fromUtf8(actual.out), QString::fromUtf8(expected.out));
                QCOMPARE(actual.exitCode, expected.exitCode);
            }
            return;
        }
        if (outcome == QLatin1String("printed")) {
            for (const QStringList &c : runs)
                compareWithAlembic(p, c);
            const ProcessResult native = runRetort(
                {QStringLiteral("-c"), p.ini, QStringLiteral("heads"), QStringLiteral("--engine"), QStringLiteral("native")},
                p.dir);
            QVERIFY2(native.exitCode != 0 && native.out.contains("runs when alembic imports the revisions"),
                     native.out.constData());
            return;
        }
        const QString message = QString::fromUtf8(to.toUtf8()).section(QLatin1Char('"'), -2, -2);  // the raise's
        const QByteArray where = outcome.section(QLatin1Char('@'), 1).toUtf8();
        for (const QStringList &c : runs) {
            const ProcessResult expected = runAlembic(p.ini, c, p.dir);
            QCOMPARE(expected.exitCode, 1);
            const ProcessResult actual = runRetort(QStringList{QStringLiteral("-c"), p.ini} + c, p.dir);
            QVERIFY2(actual.exitCode == 1, qPrintable(c.join(' ') + ": " + actual.out + actual.err));
            QCOMPARE(QString::fromUtf8(actual.out), QString::fromUtf8(expected.out));
            QVERIFY2(actual.err.contains(where), actual.err.constData());
            QVERIFY2(actual.err.contains(message.toUtf8()), actual.err.constData());
        }
    }

    // Revision code may read sys.argv (`"--sql" in sys.argv`): under Retort
    // it is what alembic's would be for the same command, Retort's own
    // options (--engine) left out.
    void sysArgvIsAlembics()
    {
        QTemporaryDir dir;
        QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/migrations/jobs"), dir.path()));
        QFile f(dir.filePath(QStringLiteral("versions/002_add_job_with_result_view.py")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray text = f.readAll();
        f.close();
        QVERIFY(text.contains("\ndef upgrade():\n"));
        text.replace("\ndef upgrade():\n", "\nimport sys\nprint(sys.argv[1:])\n\n\ndef upgrade():\n"
                                         "    if \"--sql\" in sys.argv:\n        op.execute(\"SELECT 'offline marker'\")\n");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        const Project p{QStringLiteral("jobs"), dir.path(), QStringLiteral("alembic.ini")};
        const QStringList sql{QStringLiteral("upgrade"), QStringLiteral("001:002"), QStringLiteral("--sql")};
        const ProcessResult expected = runAlembic(p.ini, sql, p.dir);
        QVERIFY2(expected.exitCode == 0 && expected.out.contains("offline marker"), qPrintable(expected.describe()));
        compareWithAlembic(p, sql);
        compareWithAlembic(p, {QStringLiteral("heads")});
        const ProcessResult actual = runRetort(QStringList{QStringLiteral("-c"), p.ini} + sql
                                                   + QStringList{QStringLiteral("--engine"), QStringLiteral("python")},
                                               p.dir);
        QCOMPARE(actual.exitCode, 0);
        QCOMPARE(QString::fromUtf8(actual.out), QString::fromUtf8(expected.out));
    }

    // An unknown command word after alembic's options is a usage error, as
    // alembic's argparse makes it (exit 2), not a window opened in its place.
    void unknownCommandIsAUsageError()
    {
        const Project &p = m_projects.front();
        const QStringList args{QStringLiteral("frobnicate")};
        const ProcessResult expected = runAlembic(p.ini, args, p.dir);
        const ProcessResult actual = runRetort(QStringList{QStringLiteral("-c"), p.ini} + args, p.dir, {}, 20000);
        QCOMPARE(expected.exitCode, 2);
        QVERIFY2(actual.error.isEmpty(), qPrintable(actual.describe()));  // it ended by itself
        QCOMPARE(actual.exitCode, 2);
        QVERIFY2(actual.err.contains("frobnicate"), actual.err.constData());
        QVERIFY(actual.out.isEmpty());
    }

    void brokenProjects()
    {
        QFETCH(QString, mutation);
        QTemporaryDir dir;
        const QString root = dir.path();
        QDir().mkpath(root + QStringLiteral("/mig/versions"));
        auto write = [&](const QString &rel, const QByteArray &text) {
            QFile f(root + QLatin1Char('/') + rel);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        };
        QByteArray ini = "[alembic]\nscript_location = %(here)s/mig\n";
        if (mutation == QLatin1String("noscript"))
            ini = "[alembic]\nsqlalchemy.url = postgresql://x/y\n";
        if (mutation == QLatin1String("nosection"))
            ini = "[other]\nscript_location = %(here)s/mig\n";
        write(QStringLiteral("alembic.ini"), ini);
        write(QStringLiteral("mig/env.py"), "");
        auto rev = [&](const char *id, const char *down, const char *extra = "") {
            write(QStringLiteral("mig/versions/%1.py").arg(QLatin1String(id)),
                  QByteArray("\"\"\"rev ") + id + "\"\"\"\nrevision = '" + id + "'\ndown_revision = " + down + "\n" + extra
                      + "\ndef upgrade():\n    pass\n\ndef downgrade():\n    pass\n");
        };
        if (mutation == QLatin1String("emptydep"))
            rev("aaaa1", "None", "depends_on = ''");
        else if (mutation == QLatin1String("emptytupledep"))
            rev("aaaa1", "None", "depends_on = ()");
        else
            rev("aaaa1", "None");
        if (mutation == QLatin1String("cycle")) {
            rev("bbbb2", "'cccc3'");
            rev("cccc3", "'bbbb2'");
        } else if (mutation == QLatin1String("missing")) {
            rev("bbbb2", "'ffff9'");
        } else if (mutation == QLatin1String("label")) {
            rev("bbbb2", "'aaaa1'", "branch_labels = ('x',)");
            rev("cccc3", "'aaaa1'", "branch_labels = ('x',)");
        } else if (mutation.startsWith(QLatin1String("shadow"))) {
            auto as = [&](const char *file, const char *id, const char *down, const char *extra = "") {
                write(QStringLiteral("mig/versions/%1.py").arg(QLatin1String(file)),
                      QByteArray("revision = '") + id + "'\ndown_revision = " + down + "\n" + extra
                          + "\ndef upgrade():\n    pass\n\ndef downgrade():\n    pass\n");
            };
            rev("dddd4", "'aaaa1'");
            if (mutation == QLatin1String("shadowmissing"))
                as("bbbb2", "bbbb2", "'ffff9'");
            else if (mutation == QLatin1String("shadowdep"))
                as("bbbb2", "bbbb2", "'aaaa1'", "depends_on = 'ffff9'");
            else
                as("bbbb2", "bbbb2", "'dddd4'");
            as("cccc3", "bbbb2", mutation == QLatin1String("shadowlater") ? "'ffff9'" : "'aaaa1'");
        } else {
            rev("bbbb2", "'aaaa1'");
        }
        const Project p{mutation, root, QStringLiteral("alembic.ini")};
        for (const QStringList &args : {QStringList{QStringLiteral("heads")}, QStringList{QStringLiteral("history")}})
            compareWithAlembic(p, args);
        const ProcessResult actual = runRetort({QStringLiteral("-c"), p.ini, QStringLiteral("heads")}, root);
        if (mutation == QLatin1String("shadowparent") || mutation == QLatin1String("emptytupledep")) {
            QCOMPARE(actual.exitCode, 0);  // alembic reads it, with a warning
            return;
        }
        QVERIFY(actual.exitCode != 0);
        if (mutation == QLatin1String("cycle") || mutation == QLatin1String("missing")
            || mutation == QLatin1String("label") || mutation.startsWith(QLatin1String("shadow"))
            || mutation == QLatin1String("emptydep"))
            QVERIFY2(actual.err.contains(".py:"), actual.err.constData());  // names the file and line
    }
};

QTEST_GUILESS_MAIN(TestAlembicDiff)
#include "tst_alembicdiff.moc"
