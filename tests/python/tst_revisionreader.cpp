#include "project/revisionreader.h"

#include "pythoninterpreter.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using retort::Error;
using retort::HeaderValue;
using retort::RevisionScript;
using retort::test::PythonInterpreter;

namespace {

// absent | None | 'a' | ('a', 'b') | ?expression ; with "@line" for all but absent.
QString show(const HeaderValue &v)
{
    QString s;
    switch (v.state) {
    case HeaderValue::State::Absent: return QStringLiteral("absent");
    case HeaderValue::State::Unresolved: s = QLatin1Char('?') + v.expression; break;
    case HeaderValue::State::Imported:
        s = QStringLiteral("import:")
            + (v.isSequence ? QLatin1Char('(') + v.items.join(QStringLiteral(", ")) + QLatin1Char(')') : v.items.value(0));
        break;
    case HeaderValue::State::Literal:
        if (v.isNone) {
            s = QStringLiteral("None");
        } else if (v.isSequence) {
            QStringList items;
            for (const QString &i : v.items)
                items << QLatin1Char('\'') + i + QLatin1Char('\'');
            s = QLatin1Char('(') + items.join(QStringLiteral(", ")) + QLatin1Char(')');
        } else {
            s = QLatin1Char('\'') + v.items.value(0) + QLatin1Char('\'');
        }
        break;
    }
    return s + QLatin1Char('@') + QString::number(v.line);
}

QString headers(const RevisionScript &s)
{
    return QStringList{show(s.revision), show(s.downRevision), show(s.branchLabels), show(s.dependsOn)}.join(
        QStringLiteral(" | "));
}

RevisionScript read(const QByteArray &src)
{
    return retort::readRevisionScript(QStringLiteral("versions/abc_x.py"), src);
}

} // namespace

class TestRevisionReader : public QObject {
    Q_OBJECT

private slots:
    void headers_data();
    void headers();
    void unresolvedProblems();
    void docstrings_data();
    void docstrings();
    void functions();
    void pathAndFileName();
    void syntaxErrors_data();
    void syntaxErrors();
    void crossCheckWithPython();
};

void TestRevisionReader::headers_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *name, const char *src, const char *expected) {
        QTest::newRow(name) << QByteArray(src) << QString::fromUtf8(expected);
    };
    row("plain", "revision = 'a1'\ndown_revision = None\nbranch_labels = None\ndepends_on = None\n",
        "'a1'@1 | None@2 | None@3 | None@4");
    row("annotated", "revision: str = \"a1\"\ndown_revision: Union[str, None] = 'b2'\n"
                     "branch_labels: Union[str, Sequence[str], None] = None\ndepends_on: str | Sequence[str] | None = None\n",
        "'a1'@1 | 'b2'@2 | None@3 | None@4");
    row("tuple, list, 1-tuple, empty", "revision = 'm'\ndown_revision = ('a', 'b')\nbranch_labels = ['x']\ndepends_on = ('c',)\n",
        "'m'@1 | ('a', 'b')@2 | ('x')@3 | ('c')@4");
    row("empty tuple", "depends_on = ()\n", "absent | absent | absent | ()@1");
    row("chained", "revision = 'r'\nbranch_labels = depends_on = None\n", "'r'@1 | absent | None@2 | None@2");
    row("last assignment wins", "revision = 'a'\nrevision = 'b'\n", "'b'@2 | absent | absent | absent");
    row("tuple unpacking", "revision, down_revision = 'a', 'b'\n", "'a'@1 | 'b'@1 | absent | absent");
    row("unpacking shapes differ", "revision, down_revision = pair\n", "?revision@1 | ?down_revision@1 | absent | absent");
    row("name reference", "BASE = 'b'\nrevision = 'a'\ndown_revision = BASE\n", "'a'@2 | 'b'@3 | absent | absent");
    row("name reference to tuple", "L = ('x', 'y')\nbranch_labels = L\n", "absent | absent | ('x', 'y')@2 | absent");
    row("name inside tuple", "B = 'b'\ndown_revision = ('a', B)\n", "absent | ('a', 'b')@2 | absent | absent");
    row("name rebound later", "B = 'b'\nB = f()\ndown_revision = B\n", "absent | ?B@3 | absent | absent");
    row("unknown name", "down_revision = BASE\n", "absent | ?BASE@1 | absent | absent");
    row("implicit concatenation", "revision = 'ab' 'cd'\n", "'abcd'@1 | absent | absent | absent");
    row("prefixes", "revision = r'a\\d'\ndown_revision = u'b'\n", "'a\\d'@1 | 'b'@2 | absent | absent");
    row("escapes", "revision = 'a\\x41'\n", "'aA'@1 | absent | absent | absent");
    row("f-string without fields", "revision = f'abc'\n", "'abc'@1 | absent | absent | absent");
    row("f-string with a field", "revision = f'{x}'\n", "?f'{x}'@1 | absent | absent | absent");
    // constants of other modules are read later, by ScriptLoader (tst_alembicdiff::importedHeaders)
    row("attribute", "import cli\nbranch_labels = (cli.EXPAND_BRANCH,)\n", "absent | absent | import:(cli.EXPAND_BRANCH)@2 | absent");
    row("dotted import", "import a.b.c\nimport a.b as m\nrevision = a.b.c.R\ndown_revision = m.D\n",
        "import:a.b.c.R@3 | import:a.b.D@4 | absent | absent");
    row("import inside if", "if x:\n    import cli\nbranch_labels = (cli.E,)\n", "absent | absent | ?(cli.E,)@3 | absent");
    row("relative import", "from . import cli\nbranch_labels = (cli.E,)\n", "absent | absent | ?(cli.E,)@2 | absent");
    row("attribute of a plain name", "cli = 'x'\nbranch_labels = (cli.E,)\n", "absent | absent | ?(cli.E,)@2 | absent");
    row("call", "depends_on = tuple(x)\n", "absent | absent | absent | ?tuple(x)@1");
    row("tuple() of a module list", "_deps = ['a', 'b']\ndepends_on = tuple(_deps)\n",
        "absent | absent | absent | ('a', 'b')@2");
    row("list() of a tuple display", "branch_labels = list(('x',))\n", "absent | absent | ('x')@1 | absent");
    row("tuple() of a tuple of names", "A = 'a'\n_p = (A, 'b')\ndown_revision = tuple(_p)\n",
        "absent | ('a', 'b')@3 | absent | absent");
    row("tuple() of a str", "D = 'ab'\ndepends_on = tuple(D)\n", "absent | absent | absent | ?tuple(D)@2");
    row("tuple() of None", "D = None\ndepends_on = tuple(D)\n", "absent | absent | absent | ?tuple(D)@2");
    row("tuple() of a list mutated", "_d = ['a']\n_d.append('b')\ndepends_on = tuple(_d)\n",
        "absent | absent | absent | ?tuple(_d)@3");
    row("tuple() of a list read elsewhere", "_d = ['a']\nx = f(_d)\ndepends_on = tuple(_d)\n",
        "absent | absent | absent | ?tuple(_d)@3");
    row("tuple() after a module function runs", "_d = ['a']\ndef g():\n    _d.append('b')\nx = g()\n"
                                                "depends_on = tuple(_d)\n",
        "absent | absent | absent | ?tuple(_d)@5");
    row("tuple() beside function bodies", "_d = ['a']\ndef upgrade():\n    op.execute('x')\n    print(_d)\n"
                                          "depends_on = tuple(_d)\n",
        "absent | absent | absent | ('a')@5");
    row("tuple() after a nested function runs", "_d = ['a']\nif True:\n    def g():\n        pass\nx = g()\n"
                                                "depends_on = tuple(_d)\n",
        "absent | absent | absent | ?tuple(_d)@6");
    row("tuple() of a list a decorator reads", "_d = ['a']\n@register(_d)\ndef f():\n    pass\n"
                                               "depends_on = tuple(_d)\n",
        "absent | absent | absent | ?tuple(_d)@5");
    row("tuple rebound", "tuple = sorted\n_d = ['b', 'a']\ndepends_on = tuple(_d)\n",
        "absent | absent | absent | ?tuple(_d)@3");
    row("tuple() with a keyword", "_d = ['a']\ndepends_on = tuple(_d, x=1)\n",
        "absent | absent | absent | ?tuple(_d, x=1)@2");
    row("bytes", "revision = b'a'\n", "?b'a'@1 | absent | absent | absent");
    row("number", "revision = 1\n", "?1@1 | absent | absent | absent");
    row("concatenation operator", "revision = 'a' + 'b'\n", "?'a' + 'b'@1 | absent | absent | absent");
    row("None inside tuple", "down_revision = (None,)\n", "absent | ?(None,)@1 | absent | absent");
    row("nested tuple", "down_revision = (('a',),)\n", "absent | ?(('a',),)@1 | absent | absent");
    row("multi-line value", "down_revision = (\n    'a',\n    'b',\n)\n", "absent | ('a', 'b')@1 | absent | absent");
    row("nested in if", "if x:\n    down_revision = 'a'\n", "absent | ?'a'@2 | absent | absent");
    row("nested in try", "try:\n    revision = 'a'\nexcept E:\n    pass\n", "?'a'@2 | absent | absent | absent");
    row("nested in for", "for revision in x: pass\n", "?revision@1 | absent | absent | absent");
    row("nested in with", "with x:\n    depends_on = None\n", "absent | absent | absent | ?None@2");
    row("plain after nested wins", "if x:\n    revision = 'a'\nrevision = 'b'\n", "'b'@3 | absent | absent | absent");
    row("inside a function is ignored", "def f():\n    revision = 'a'\nrevision = 'b'\n", "'b'@3 | absent | absent | absent");
    row("inside a class is ignored", "class C:\n    revision = 'a'\n", "absent | absent | absent | absent");
    row("augmented", "revision = 'a'\nrevision += 'b'\n", "?revision@2 | absent | absent | absent");
    row("imported", "from x import revision\n", "import:x.revision@1 | absent | absent | absent");
    row("deleted", "revision = 'a'\ndel revision\n", "?revision@2 | absent | absent | absent");
    row("annotation without value", "revision: str\n", "absent | absent | absent | absent");
    row("semicolons", "revision = 'a'; down_revision = 'b'\n", "'a'@1 | 'b'@1 | absent | absent");
    row("ids that are not hex", "revision = 'kilo'\ndown_revision = '001'\ndepends_on = 'Ibac91d24da2'\n",
        "'kilo'@1 | '001'@2 | absent | 'Ibac91d24da2'@3");
    row("unicode", "branch_labels = ('café',)\n", "absent | absent | ('café')@1 | absent");
    row("missing revision", "down_revision = None\n", "absent | None@1 | absent | absent");
    row("empty file", "", "absent | absent | absent | absent");
}

void TestRevisionReader::headers()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, expected);
    const RevisionScript s = read(source);
    QVERIFY2(!s.hasSyntaxError, qPrintable(s.problems.value(0).toString()));
    QCOMPARE(::headers(s), expected);
    // Only unresolved values are problems; a missing one is the graph's business.
    bool unresolved = false;
    for (const HeaderValue *v : {&s.revision, &s.downRevision, &s.branchLabels, &s.dependsOn})
        unresolved |= v->state == HeaderValue::State::Unresolved;
    QCOMPARE(s.problems.isEmpty(), !unresolved);
}

void TestRevisionReader::unresolvedProblems()
{
    const RevisionScript s = read("import cli\nrevision = 'a'\n\nbranch_labels = (cli.EXPAND_BRANCH,)\n"
                                  "depends_on = tuple(x)\nif y:\n    down_revision = 'q'\n");
    QVERIFY(!s.hasSyntaxError);
    QCOMPARE(s.problems.size(), 2);  // not (cli.EXPAND_BRANCH,): ScriptLoader reads cli
    QStringList lines;
    for (const Error &e : s.problems) {
        QCOMPARE(e.kind(), Error::Kind::Unresolved);
        QCOMPARE(e.where().file, QStringLiteral("versions/abc_x.py"));
        lines << e.headline();
    }
    QCOMPARE(lines, QStringList({
        QStringLiteral("versions/abc_x.py:7: down_revision is assigned inside a module-level 'if' statement, so "
                       "its value depends on how the module runs: 'q'"),
        QStringLiteral("versions/abc_x.py:5: depends_on is not a literal: tuple(x)"),
    }));
}

void TestRevisionReader::docstrings_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<bool>("has");
    QTest::addColumn<QString>("docstring");
    QTest::addColumn<QString>("createDate");
    auto row = [](const char *name, const QByteArray &src, bool has, const QString &doc, const QString &date) {
        QTest::newRow(name) << src << has << doc << date;
    };
    row("alembic template",
        "\"\"\"create account table\n\nRevision ID: 1975ea83b712\nRevises:\nCreate Date: 2011-11-08 11:40:27.089406\n\n\"\"\"\n"
        "from alembic import op\nrevision = '1975ea83b712'\n",
        true, QStringLiteral("create account table\n\nRevision ID: 1975ea83b712\nRevises:\nCreate Date: 2011-11-08 11:40:27.089406\n\n"),
        QStringLiteral("2011-11-08 11:40:27.089406"));
    row("after imports", "import os\n\"\"\"Not a docstring\nCreate Date: x\"\"\"\n", false, QString(), QString());
    row("after a comment", "#!/usr/bin/env python\n# comment\n\n'doc'\n", true, QStringLiteral("doc"), QString());
    row("escapes", "'a\\tb\\\\c\\u00e9\\n'\n", true, QStringLiteral("a\tb\\c\u00e9\n"), QString());
    row("raw", "r'''a\\tb\\n'''\n", true, QStringLiteral("a\\tb\\n"), QString());
    row("concatenated", "'a' \"b\"\n", true, QStringLiteral("ab"), QString());
    row("f-string", "f'doc'\n", false, QString(), QString());
    row("f-string concatenated", "'doc' f'x'\n", false, QString(), QString());
    row("bytes", "b'doc'\n", false, QString(), QString());
    row("parenthesised", "('doc')\n", true, QStringLiteral("doc"), QString());
    row("not an expression statement", "x = 'doc'\n", false, QString(), QString());
    row("string in an expression", "'doc' + 'x'\n", false, QString(), QString());
    row("crlf", "\"\"\"a\r\nCreate Date: today\r\n\"\"\"\r\n", true, QStringLiteral("a\nCreate Date: today\n"),
        QStringLiteral("today"));
    row("bom", "\xEF\xBB\xBF'doc'\n", true, QStringLiteral("doc"), QString());
    row("latin-1", "# coding: latin-1\n'caf\xE9'\n", true, QStringLiteral("caf\u00e9"), QString());
    row("create date trimmed", "'''x\n  Create Date:   2020-01-01   \nmore'''\n", true,
        QStringLiteral("x\n  Create Date:   2020-01-01   \nmore"), QStringLiteral("2020-01-01"));
    row("indentation kept", "'''\n    first\n        second\n    '''\n", true,
        QStringLiteral("\n    first\n        second\n    "), QString());
    row("empty file", "", false, QString(), QString());
    row("empty docstring", "''\n", true, QString(), QString());
}

void TestRevisionReader::docstrings()
{
    QFETCH(QByteArray, source);
    QFETCH(bool, has);
    QFETCH(QString, docstring);
    QFETCH(QString, createDate);
    const RevisionScript s = read(source);
    QVERIFY2(!s.hasSyntaxError, qPrintable(s.problems.value(0).toString()));
    QCOMPARE(s.hasDocstring, has);
    QCOMPARE(s.docstring, docstring);
    QCOMPARE(s.createDate, createDate);
    if (has)
        QVERIFY(s.docstringLine >= 1);
}

void TestRevisionReader::functions()
{
    const RevisionScript s = read("'''doc'''\nrevision = 'a'\n\n\ndef upgrade(op, tables, tester):\n    op.x()\n\n"
                                  "class Helper:\n    def downgrade(self):\n        pass\n");
    QCOMPARE(s.upgradeLine, 5);
    QCOMPARE(s.downgradeLine, 0);
    QCOMPARE(s.docstringLine, 1);
    const RevisionScript t = read("def upgrade() -> None: pass\nasync def downgrade():\n    pass\n"
                                  "def upgrade():\n    pass\n");
    QCOMPARE(t.upgradeLine, 4);
    QCOMPARE(t.downgradeLine, 2);
}

void TestRevisionReader::pathAndFileName()
{
    const RevisionScript s = retort::readRevisionScript(QStringLiteral("/p/alembic/versions/expand/1a_b.py"), "x = 1\n");
    QCOMPARE(s.path, QStringLiteral("/p/alembic/versions/expand/1a_b.py"));
    QCOMPARE(s.fileName, QStringLiteral("1a_b.py"));
    QVERIFY(s.problems.isEmpty());
    QCOMPARE(s.revision.state, HeaderValue::State::Absent);
}

void TestRevisionReader::syntaxErrors_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");
    QTest::newRow("error after headers")
        << QByteArray("revision = 'a'\ndown_revision = 'b'\n\ndef upgrade(:\n    pass\n") << 4 << 13
        << QStringLiteral("invalid syntax") << QStringLiteral("'a'@1 | 'b'@2 | absent | absent");
    QTest::newRow("truncated") << QByteArray("revision = 'a'\ndef upgrade():\n    op.create_table('t',\n        sa.Col")
                               << 3 << 20 << QStringLiteral("'(' was never closed")
                               << QStringLiteral("'a'@1 | absent | absent | absent");
    QTest::newRow("error in a skipped body") << QByteArray("revision = 'a'\ndef upgrade():\n    x = 'oops\n")
                                             << 3 << 9 << QStringLiteral("unterminated string literal (detected at line 3)")
                                             << QStringLiteral("'a'@1 | absent | absent | absent");
    QTest::newRow("error before headers") << QByteArray("x = = 1\nrevision = 'a'\n") << 1 << 5
                                          << QStringLiteral("invalid syntax") << QStringLiteral("absent | absent | absent | absent");
    QTest::newRow("binary junk") << QByteArray("revision = 'a'\n\x89PNG\r\n\x1a\n\xff\xfe") << 2 << 1
                                 << QStringLiteral("invalid UTF-8 byte 0x89 (no other encoding is declared; see PEP 263)")
                                 << QStringLiteral("'a'@1 | absent | absent | absent");
    QTest::newRow("nul byte") << QByteArray("revision = 'a'\n\0", 16) << 2 << 1
                              << QStringLiteral("source code cannot contain null bytes")
                              << QStringLiteral("absent | absent | absent | absent");
    QTest::newRow("unterminated docstring") << QByteArray("\"\"\"doc\n\nrevision = 'a'\n") << 1 << 1
                                            << QStringLiteral("unterminated triple-quoted string literal (detected at line 3)")
                                            << QStringLiteral("absent | absent | absent | absent");
    QTest::newRow("bad dedent") << QByteArray("revision = 'a'\ndef upgrade():\n        x\n    y\n") << 4 << 5
                                << QStringLiteral("unindent does not match any outer indentation level")
                                << QStringLiteral("'a'@1 | absent | absent | absent");
}

void TestRevisionReader::syntaxErrors()
{
    QFETCH(QByteArray, source);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    QFETCH(QString, expected);
    const RevisionScript s = read(source);
    QVERIFY(s.hasSyntaxError);
    QCOMPARE(s.problems.size(), 1);
    const Error &e = s.problems.first();
    QCOMPARE(e.kind(), Error::Kind::Syntax);
    QCOMPARE(e.message(), message);
    QCOMPARE(e.where().file, QStringLiteral("versions/abc_x.py"));
    QCOMPARE(e.where().line, line);
    QCOMPARE(e.where().column, column);
    QCOMPARE(::headers(s), expected);
}

void TestRevisionReader::crossCheckWithPython()
{
    QStringList files;
    for (const QString &sub : {QStringLiteral("revisions"), QStringLiteral("invalid")}) {
        QDirIterator it(QDir(PythonInterpreter::dataDir()).filePath(sub), {QStringLiteral("*.py")}, QDir::Files);
        while (it.hasNext())
            files << it.next();
    }
    QDirIterator mig(QStringLiteral(RETORT_SOURCE_DIR "/migrations"), {QStringLiteral("*.py")}, QDir::Files,
                     QDirIterator::Subdirectories);
    while (mig.hasNext()) {
        const QString path = mig.next();
        if (path.contains(QLatin1String("/versions/")))
            files << path;
    }
    files.sort();
    QVERIFY(files.size() >= 20);

    const QString python = PythonInterpreter::find({QStringLiteral("importlib"), QStringLiteral("json")});
    QVERIFY2(!python.isEmpty(), "no Python interpreter able to 'import importlib' was found: install python3 "
                                "(this test executes the revision files to compare)");
    QByteArray out;
    QString error;
    QVERIFY2(PythonInterpreter::run(python, QStringList{QStringLiteral("-W"), QStringLiteral("ignore"),
                                                        PythonInterpreter::script(QStringLiteral("pyexec_headers.py"))}
                                                + files,
                                    &out, &error),
             qPrintable(error));

    QStringList failures;
    int index = 0, compared = 0;
    for (const QByteArray &line : out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QString path = o.value(QStringLiteral("file")).toString();
        QCOMPARE(path, files.value(index++));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const RevisionScript s = retort::readRevisionScript(path, f.readAll());
        if (!o.value(QStringLiteral("ok")).toBool()) {
            if (!s.hasSyntaxError)
                failures << QStringLiteral("%1: python fails (%2), retort reports no syntax error")
                                .arg(path, o.value(QStringLiteral("error")).toString());
            continue;
        }
        if (s.hasSyntaxError) {
            failures << QStringLiteral("%1: python loads it, retort: %2").arg(path, s.problems.first().toString());
            continue;
        }
        ++compared;
        const QJsonValue doc = o.value(QStringLiteral("doc"));
        if (s.hasDocstring != !doc.isNull() || s.docstring != doc.toString())
            failures << QStringLiteral("%1: docstring python %2, retort %3")
                            .arg(path, QString::fromUtf8(QJsonDocument(QJsonArray{doc}).toJson(QJsonDocument::Compact)),
                                 s.hasDocstring ? s.docstring : QStringLiteral("<none>"));
        const std::pair<const char *, const HeaderValue *> fields[] = {
            {"revision", &s.revision}, {"down_revision", &s.downRevision},
            {"branch_labels", &s.branchLabels}, {"depends_on", &s.dependsOn}};
        for (const auto &[name, value] : fields) {
            const QJsonObject py = o.value(QLatin1String(name)).toObject();
            const QString type = py.value(QStringLiteral("t")).toString();
            QString theirs, ours;
            if (type == QLatin1String("absent")) theirs = QStringLiteral("absent");
            else if (type == QLatin1String("none")) theirs = QStringLiteral("None");
            else if (type == QLatin1String("str")) theirs = QLatin1Char('\'') + py.value(QStringLiteral("v")).toString() + QLatin1Char('\'');
            else if (type == QLatin1String("seq")) {
                QStringList items;
                for (const QJsonValue &v : py.value(QStringLiteral("v")).toArray())
                    items << QLatin1Char('\'') + v.toString() + QLatin1Char('\'');
                theirs = QLatin1Char('(') + items.join(QStringLiteral(", ")) + QLatin1Char(')');
            } else {
                theirs = QStringLiteral("other");
            }
            ours = show(*value);
            ours = ours.left(ours.lastIndexOf(QLatin1Char('@')) < 0 ? ours.size() : ours.lastIndexOf(QLatin1Char('@')));
            // Unresolved (and Imported: read later, from the other module)
            // is an honest answer for anything; a literal or "absent" must be
            // exactly what Python has.
            if (value->state == HeaderValue::State::Unresolved || value->state == HeaderValue::State::Imported)
                continue;
            if (ours != theirs)
                failures << QStringLiteral("%1: %2 python %3, retort %4").arg(path, QLatin1String(name), theirs, ours);
        }
    }
    QCOMPARE(index, int(files.size()));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    qInfo("compared %d revision files with %s", compared, qPrintable(python));
}

QTEST_GUILESS_MAIN(TestRevisionReader)
#include "tst_revisionreader.moc"
