#include "python/literal.h"

#include <QTest>

using namespace retort::py;

class TestPyLiteral : public QObject {
    Q_OBJECT

private slots:
    void decode_data();
    void decode();
    void errors_data();
    void errors();
    void verbatim();
};

void TestPyLiteral::decode_data()
{
    QTest::addColumn<QByteArray>("literal");
    QTest::addColumn<QByteArray>("expected");
    auto row = [](const char *name, const QByteArray &literal, const QByteArray &expected) {
        QTest::newRow(name) << literal << expected;
    };
    row("plain", "'abc'", "abc");
    row("double", "\"a'b\"", "a'b");
    row("triple", "'''a\nb'''", "a\nb");
    row("triple double", "\"\"\"x\"y\"\"\"", "x\"y");
    row("empty", "''", "");
    row("empty triple", "''''''", "");
    row("simple escapes", "'\\n\\t\\r\\\\\\'\\\"\\a\\b\\f\\v'", QByteArray("\n\t\r\\'\"\a\b\f\v"));
    row("octal", "'\\0\\101\\1010\\7'", QByteArray("\0A" "A0\x07", 5));
    row("octal above 0o377 in str", "'\\777'", "\xC7\xBF");
    row("octal in bytes wraps", "b'\\777'", "\xFF");
    row("hex", "'\\x41\\xe9'", "A\xC3\xA9");
    row("hex bytes", "b'\\x00\\xff'", QByteArray("\0\xFF", 2));
    row("u escape", "'\\u00e9\\u4e2d'", "\xC3\xA9\xE4\xB8\xAD");
    row("U escape", "'\\U0001F600'", "\xF0\x9F\x98\x80");
    row("u in bytes is literal", "b'\\u00e9'", "\\u00e9");
    row("N escape", "'\\N{LATIN SMALL LETTER E WITH ACUTE}'", "\xC3\xA9");
    row("N in bytes is literal", "b'\\N{X}'", "\\N{X}");
    row("unknown escape kept", "'\\d\\w'", "\\d\\w");
    row("line continuation", "'a\\\nb'", "ab");
    row("crlf continuation", "'a\\\r\nb'", "ab");
    row("crlf in triple", "'''a\r\nb\rc'''", "a\nb\nc");
    row("raw", "r'\\n\\d\\\\'", "\\n\\d\\\\");
    row("raw quote", "r'\\''", "\\'");
    row("raw crlf", "r'''a\\\r\nb'''", "a\\\nb");
    row("raw bytes", "Rb'\\x00'", "\\x00");
    row("u prefix", "u'\\u00e9'", "\xC3\xA9");
    row("utf-8 passes through", "'\xE4\xB8\xAD'", "\xE4\xB8\xAD");
    row("trailing backslash pair", "'\\\\'", "\\");
    row("surrogate escape", "'\\ud800'", "\xED\xA0\x80");
}

void TestPyLiteral::decode()
{
    QFETCH(QByteArray, literal);
    QFETCH(QByteArray, expected);
    std::string out;
    LiteralError error;
    QVERIFY2(decodeStringLiteral(std::string_view(literal.constData(), size_t(literal.size())), out, &error),
             error.message.c_str());
    QCOMPARE(QByteArray(out.data(), int(out.size())), expected);
}

void TestPyLiteral::errors_data()
{
    QTest::addColumn<QByteArray>("literal");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("message");
    QTest::newRow("short hex") << QByteArray("'ab\\x4'") << 3 << QStringLiteral("truncated \\xXX escape");
    QTest::newRow("short hex bytes") << QByteArray("b'\\xg0'") << 2 << QStringLiteral("invalid \\x escape");
    QTest::newRow("short u") << QByteArray("'\\u12'") << 1 << QStringLiteral("truncated \\uXXXX escape");
    QTest::newRow("short U") << QByteArray("'\\U1234'") << 1 << QStringLiteral("truncated \\UXXXXXXXX escape");
    QTest::newRow("big U") << QByteArray("'\\U00110000'") << 1 << QStringLiteral("illegal Unicode character");
    QTest::newRow("bad N") << QByteArray("'\\N'") << 1 << QStringLiteral("malformed \\N character escape");
    QTest::newRow("unknown N") << QByteArray("'\\N{NOT A NAME}'") << 1 << QStringLiteral("unknown Unicode character name");
    QTest::newRow("non-ascii bytes") << QByteArray("b'a\xC3\xA9'") << 3 << QStringLiteral("bytes can only contain ASCII literal characters");
    QTest::newRow("f-string") << QByteArray("f'x'") << 0 << QStringLiteral("f-strings are not constants");
    QTest::newRow("unterminated") << QByteArray("'abc") << 4 << QStringLiteral("unterminated string literal");
}

void TestPyLiteral::errors()
{
    QFETCH(QByteArray, literal);
    QFETCH(int, offset);
    QFETCH(QString, message);
    std::string out;
    LiteralError error;
    QVERIFY(!decodeStringLiteral(std::string_view(literal.constData(), size_t(literal.size())), out, &error));
    QCOMPARE(QString::fromStdString(error.message), message);
    QCOMPARE(int(error.offset), offset);
}

void TestPyLiteral::verbatim()
{
    QVERIFY(isVerbatimBody("plain text", false));
    QVERIFY(isVerbatimBody("caf\xC3\xA9", false));
    QVERIFY(!isVerbatimBody("caf\xC3\xA9", true));
    QVERIFY(!isVerbatimBody("a\\nb", false));
    QVERIFY(!isVerbatimBody("a\r\nb", false));
}

QTEST_GUILESS_MAIN(TestPyLiteral)
#include "tst_pyliteral.moc"
