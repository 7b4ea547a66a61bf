// script.py.mako read as Mako reads it: what Retort renders itself, what it
// leaves to Mako (named with file:line), what Mako rejects too, and the
// errors of rendering. The rendered text itself is checked against alembic
// in tst_authoring.

#include "authoring/revisiontemplate.h"

#include <QtTest>

using namespace retort;

class TestRevisionTemplate : public QObject {
    Q_OBJECT

private slots:
    void templateParsing_data();
    void templateParsing();
    void printingAnUndefinedNameNamesTheLine();
    void crlfAndControlLines();
};

void TestRevisionTemplate::templateParsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");       // the line named; 0: native
    QTest::addColumn<QString>("named");  // what the reason or error quotes
    QTest::addColumn<bool>("isError");   // Mako rejects it too
    QTest::newRow("python block") << "a\nb\n<% x = 1 %>\n" << 3 << "'<% x = 1 %>'" << false;
    QTest::newRow("for loop") << "a\n% for x in y:\n${x}\n% endfor\n" << 2 << "'% for x in y:'" << false;
    QTest::newRow("call in an expression") << "${config.get_main_option('x')}\n" << 1
                                           << "'${config.get_main_option('x')}'" << false;
    QTest::newRow("context.get") << "x\n${context.get('a_upgrades', 'pass')}\n" << 2 << "context.get" << false;
    QTest::newRow("html filter") << "${message | h}\n" << 1 << "the filter 'h'" << false;
    QTest::newRow("def tag") << "x\n<%def name='f()'>y</%def>\n" << 2 << "<%def" << false;
    QTest::newRow("condition on an expression") << "% if len(x) > 1:\ny\n% endif\n" << 1 << "'% if len(x) > 1:'" << false;
    QTest::newRow("unclosed expression") << "a\n${message\n" << 2 << "Expected: }" << true;
    QTest::newRow("endif without if") << "a\n% endif\n" << 2 << "No starting keyword 'if' for 'endif'" << true;
    QTest::newRow("unterminated if") << "a\n% if message:\nb\n" << 2 << "Unterminated control keyword: 'if'" << true;
    QTest::newRow("repr of the datetime") << "x\n${repr(create_date)}\n" << 2 << "repr(create_date)" << false;
    QTest::newRow("native") << "\"\"\"${message}\"\"\"\n% if x:\n${repr(up_revision)}\n% endif\n" << 0 << "" << false;
}

void TestRevisionTemplate::templateParsing()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(QString, named);
    QFETCH(bool, isError);
    const Result<RevisionTemplate> t = RevisionTemplate::parse(QStringLiteral("/p/script.py.mako"), text.toUtf8());
    if (isError) {
        QVERIFY(!t.ok());
        QCOMPARE(t.error().where().line, line);
        QVERIFY2(t.error().message().contains(named), qPrintable(t.error().message()));
        return;
    }
    QVERIFY2(t.ok(), qPrintable(t.error().toString()));
    QCOMPARE(t->isNative(), line == 0);
    if (line) {
        QCOMPARE(t->bridgeReason().where().file, QStringLiteral("/p/script.py.mako"));
        QCOMPARE(t->bridgeReason().where().line, line);
        QVERIFY2(t->bridgeReason().message().contains(named), qPrintable(t->bridgeReason().message()));
    }
}

// alembic passes no `upgrades` without env.py: printing it fails in Mako
// (NameError), and here with the template's line.
void TestRevisionTemplate::printingAnUndefinedNameNamesTheLine()
{
    const Result<RevisionTemplate> t = RevisionTemplate::parse(
        QStringLiteral("/p/script.py.mako"), QByteArray("def upgrade():\n    ${upgrades if upgrades else 'pass'}\n    ${upgrades}\n"));
    QVERIFY2(t.ok(), qPrintable(t.error().toString()));
    QVERIFY(t->isNative());
    const Result<QString> out = t->render({});
    QVERIFY(!out.ok());
    QCOMPARE(out.error().where().file, QStringLiteral("/p/script.py.mako"));
    QCOMPARE(out.error().where().line, 3);
    QVERIFY2(out.error().message().contains(QLatin1String("'upgrades' is not defined")), qPrintable(out.error().message()));
}

void TestRevisionTemplate::crlfAndControlLines()
{
    const Result<RevisionTemplate> t = RevisionTemplate::parse(
        QStringLiteral("/p/script.py.mako"),
        QByteArray("\xEF\xBB\xBF## -*- coding: utf-8 -*-\r\na ${message}\r\n% if not branch_labels:\r\nnone\r\n"
                   "% endif\r\n%%x\r\n"));
    QVERIFY2(t.ok(), qPrintable(t.error().toString()));
    QVERIFY(t->isNative());
    TemplateValues values;
    values.insert(QStringLiteral("message"), TemplateValue::str(QStringLiteral("m")));
    values.insert(QStringLiteral("branch_labels"), TemplateValue::none());
    const Result<QString> out = t->render(values);
    QVERIFY2(out.ok(), qPrintable(out.error().toString()));
    QCOMPARE(out.value(), QStringLiteral("a m\r\nnone\r\n%x\r\n"));
}

QTEST_GUILESS_MAIN(TestRevisionTemplate)
#include "tst_revisiontemplate.moc"
