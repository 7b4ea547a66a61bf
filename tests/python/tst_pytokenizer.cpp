#include "python/tokenizer.h"

#include <QTest>

using namespace retort::py;

namespace {

// "x = 1" -> "x = 1 <NEWLINE> <END>"; Indent/Dedent as <INDENT>/<DEDENT>.
QString dumpTokens(const TokenizeResult &r, bool positions = false)
{
    QStringList out;
    for (const Token &t : r.tokens) {
        QString s;
        switch (t.kind) {
        case TokenKind::Newline: s = QStringLiteral("<NEWLINE>"); break;
        case TokenKind::Indent: s = QStringLiteral("<INDENT>"); break;
        case TokenKind::Dedent: s = QStringLiteral("<DEDENT>"); break;
        case TokenKind::EndMarker: s = QStringLiteral("<END>"); break;
        case TokenKind::Error: s = QStringLiteral("<ERROR>"); break;
        default: {
            const std::string_view text = t.text(r.text);
            s = QString::fromUtf8(text.data(), int(text.size()));
            if (t.kind == TokenKind::Name)
                s = QStringLiteral("N:") + s;
            else if (t.kind == TokenKind::Number)
                s = QStringLiteral("#:") + s;
            else if (t.kind == TokenKind::Comment)
                s = QStringLiteral("C:") + s;
        }
        }
        if (positions)
            s += QStringLiteral("@%1:%2-%3:%4").arg(t.line).arg(t.column).arg(t.endLine).arg(t.endColumn);
        out << s;
    }
    return out.join(QLatin1Char(' '));
}

} // namespace

class TestPyTokenizer : public QObject {
    Q_OBJECT

private slots:
    void tokens_data();
    void tokens();
    void positions_data();
    void positions();
    void errors_data();
    void errors();
    void stringFlags_data();
    void stringFlags();
    void escapesFlag();
    void comments();
    void offsetsAndText();
    void latin1();
    void rangeAndEmbedded();
};

void TestPyTokenizer::tokens_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("expected");

    auto row = [](const char *name, const char *src, const char *expected) {
        QTest::newRow(name) << QByteArray(src) << QString::fromUtf8(expected);
    };
    row("empty", "", "<END>");
    row("only newlines", "\n\n\n", "<END>");
    row("only comment", "# hello", "<END>");
    row("no final newline", "x", "N:x <NEWLINE> <END>");
    row("assign", "x = 1\n", "N:x = #:1 <NEWLINE> <END>");
    row("keywords", "if not x is None: pass\n", "if not N:x is None : pass <NEWLINE> <END>");
    row("soft keywords are names", "match = case = _\n", "N:match = N:case = N:_ <NEWLINE> <END>");
    row("non-ascii names", "café = naïve_π\n", "N:café = N:naïve_π <NEWLINE> <END>");
    row("cjk name", "変数 = 1\n", "N:変数 = #:1 <NEWLINE> <END>");
    // numbers
    row("ints", "0 00 0_0 7 1_000 0x_fF 0o17 0b1_0 0XA 0O7 0B1\n",
        "#:0 #:00 #:0_0 #:7 #:1_000 #:0x_fF #:0o17 #:0b1_0 #:0XA #:0O7 #:0B1 <NEWLINE> <END>");
    row("floats", "1.0 1. .5 1e5 1E-5 1.5e+3 1_0.0_1e1_0 09.5 0e0 00.0\n",
        "#:1.0 #:1. #:.5 #:1e5 #:1E-5 #:1.5e+3 #:1_0.0_1e1_0 #:09.5 #:0e0 #:00.0 <NEWLINE> <END>");
    row("imaginary", "1j 1.5J .5j 1e3j 1_0j 0j\n", "#:1j #:1.5J #:.5j #:1e3j #:1_0j #:0j <NEWLINE> <END>");
    row("number then keyword", "1if x else 2\n", "#:1 if N:x else #:2 <NEWLINE> <END>");
    row("hex then keyword", "0x1for\n", "#:0x1f or <NEWLINE> <END>");
    row("number dot attr", "5 .real 5j.imag\n", "#:5 . N:real #:5j . N:imag <NEWLINE> <END>");
    row("e without digits backs up", "1else\n", "#:1 else <NEWLINE> <END>");
    // strings
    row("single quotes", "'a' \"b\" '' \"\"\n", "'a' \"b\" '' \"\" <NEWLINE> <END>");
    row("escaped quotes", "'it\\'s' \"say \\\"hi\\\"\"\n", "'it\\'s' \"say \\\"hi\\\"\" <NEWLINE> <END>");
    row("prefixes", "r'a' u'b' b'c' f'd' br'e' rb'f' fr'g' rf'h'\n",
        "r'a' u'b' b'c' f'd' br'e' rb'f' fr'g' rf'h' <NEWLINE> <END>");
    row("prefixes any case", "R'a' U'b' B'c' F'd' Br'e' rB'f' FR'g' Rf'h' bR'i'\n",
        "R'a' U'b' B'c' F'd' Br'e' rB'f' FR'g' Rf'h' bR'i' <NEWLINE> <END>");
    row("not prefixes", "ur'a'\n", "N:ur 'a' <NEWLINE> <END>");
    row("name before string", "print'x'\n", "N:print 'x' <NEWLINE> <END>");
    row("triple", "'''a\n'b'\n''' \"\"\"c\"\"\"\n", "'''a\n'b'\n''' \"\"\"c\"\"\" <NEWLINE> <END>");
    row("triple with quotes inside", "'''a''b'''\n", "'''a''b''' <NEWLINE> <END>");
    row("raw backslash quote", "r'\\''\n", "r'\\'' <NEWLINE> <END>");
    row("backslash newline in string", "'a\\\nb'\n", "'a\\\nb' <NEWLINE> <END>");
    row("empty triple", "''''''\n", "'''''' <NEWLINE> <END>");
    // operators
    row("operators", "a->b := c ** d **= e // f //= g @ h @= i ... j != k <= l >= m << n >>= o\n",
        "N:a -> N:b := N:c ** N:d **= N:e // N:f //= N:g @ N:h @= N:i ... N:j != N:k <= N:l >= N:m << N:n >>= N:o "
        "<NEWLINE> <END>");
    row("more operators", "a+=b-=c*=d/=e%=f&=g|=h^=i<<=j~k\n",
        "N:a += N:b -= N:c *= N:d /= N:e %= N:f &= N:g |= N:h ^= N:i <<= N:j ~ N:k <NEWLINE> <END>");
    row("dots", "a.b .. ...\n", "N:a . N:b . . ... <NEWLINE> <END>");
    // indentation
    row("indent dedent", "if x:\n    y\nz\n", "if N:x : <NEWLINE> <INDENT> N:y <NEWLINE> <DEDENT> N:z <NEWLINE> <END>");
    row("nested dedent to zero", "if a:\n  if b:\n    c\nd\n",
        "if N:a : <NEWLINE> <INDENT> if N:b : <NEWLINE> <INDENT> N:c <NEWLINE> <DEDENT> <DEDENT> N:d <NEWLINE> <END>");
    row("dedents at eof", "if a:\n  if b:\n    c",
        "if N:a : <NEWLINE> <INDENT> if N:b : <NEWLINE> <INDENT> N:c <NEWLINE> <DEDENT> <DEDENT> <END>");
    row("blank and comment lines ignored", "if a:\n\n  # c\n        # deeper\n  b\n\n# x\nc\n",
        "if N:a : <NEWLINE> <INDENT> N:b <NEWLINE> <DEDENT> N:c <NEWLINE> <END>");
    row("tabs", "if a:\n\tif b:\n\t\tc\n\td\n",
        "if N:a : <NEWLINE> <INDENT> if N:b : <NEWLINE> <INDENT> N:c <NEWLINE> <DEDENT> N:d <NEWLINE> <DEDENT> <END>");
    row("form feed resets", "if a:\n  \f  b\n", "if N:a : <NEWLINE> <INDENT> N:b <NEWLINE> <DEDENT> <END>");
    row("whitespace-only last line", "x\n    ", "N:x <NEWLINE> <END>");
    // line joining
    row("brackets join lines", "x = (1,\n  2\n)\n", "N:x = ( #:1 , #:2 ) <NEWLINE> <END>");
    row("brackets ignore indentation", "if a:\n  x = [\n1]\n  y\n",
        "if N:a : <NEWLINE> <INDENT> N:x = [ #:1 ] <NEWLINE> N:y <NEWLINE> <DEDENT> <END>");
    row("backslash continuation", "x = 1 + \\\n    2\n", "N:x = #:1 + #:2 <NEWLINE> <END>");
    row("continuation no indent", "if a:\n  x = \\\n1\n  y\n",
        "if N:a : <NEWLINE> <INDENT> N:x = #:1 <NEWLINE> N:y <NEWLINE> <DEDENT> <END>");
    row("semicolons", "a; b;\n", "N:a ; N:b ; <NEWLINE> <END>");
    // newlines
    row("crlf", "if a:\r\n    b\r\nc\r\n", "if N:a : <NEWLINE> <INDENT> N:b <NEWLINE> <DEDENT> N:c <NEWLINE> <END>");
    row("lone cr", "a\rb\r", "N:a <NEWLINE> N:b <NEWLINE> <END>");
    row("crlf continuation", "x = 1 + \\\r\n 2\r\n", "N:x = #:1 + #:2 <NEWLINE> <END>");
    row("bom", "\xEF\xBB\xBFx = 1\n", "N:x = #:1 <NEWLINE> <END>");
    row("utf-8 cookie", "# -*- coding: utf-8 -*-\nx = 'é'\n", "N:x = 'é' <NEWLINE> <END>");
    row("invalid utf-8 in comments passes", "x = 1  # caf\xE9\n# \xFF\xFE\ny\n", "N:x = #:1 <NEWLINE> N:y <NEWLINE> <END>");
    row("cookie on line 2", "#!/usr/bin/env python\n# vim: set fileencoding=utf8 :\nx\n", "N:x <NEWLINE> <END>");
}

void TestPyTokenizer::tokens()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, expected);
    const TokenizeResult r = tokenize(std::string_view(source.constData(), size_t(source.size())));
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(dumpTokens(r), expected);
}

void TestPyTokenizer::positions_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *name, const char *src, const char *expected) {
        QTest::newRow(name) << QByteArray(src) << QString::fromUtf8(expected);
    };
    row("simple", "ab = 12\n", "N:ab@1:1-1:3 =@1:4-1:5 #:12@1:6-1:8 <NEWLINE>@1:8-1:9 <END>@2:1-2:1");
    row("indent", "if x:\n  y\n",
        "if@1:1-1:3 N:x@1:4-1:5 :@1:5-1:6 <NEWLINE>@1:6-1:7 <INDENT>@2:3-2:3 N:y@2:3-2:4 <NEWLINE>@2:4-2:5 "
        "<DEDENT>@3:1-3:1 <END>@3:1-3:1");
    row("multi-line string", "x = '''a\nbc''' + 1\n",
        "N:x@1:1-1:2 =@1:3-1:4 '''a\nbc'''@1:5-2:6 +@2:7-2:8 #:1@2:9-2:10 <NEWLINE>@2:10-2:11 <END>@3:1-3:1");
    row("crlf string", "s = '''a\r\nb'''\r\nt\r\n",
        "N:s@1:1-1:2 =@1:3-1:4 '''a\r\nb'''@1:5-2:5 <NEWLINE>@2:5-2:7 N:t@3:1-3:2 <NEWLINE>@3:2-3:4 <END>@4:1-4:1");
    row("continuation", "a = \\\n  b\n", "N:a@1:1-1:2 =@1:3-1:4 N:b@2:3-2:4 <NEWLINE>@2:4-2:5 <END>@3:1-3:1");
    row("bom columns", "\xEF\xBB\xBF" "ab\n", "N:ab@1:1-1:3 <NEWLINE>@1:3-1:4 <END>@2:1-2:1");
    row("utf-8 columns are bytes", "é = x\n", "N:é@1:1-1:3 =@1:4-1:5 N:x@1:6-1:7 <NEWLINE>@1:7-1:8 <END>@2:1-2:1");
    row("string continuation", "'a\\\nb' c\n", "'a\\\nb'@1:1-2:3 N:c@2:4-2:5 <NEWLINE>@2:5-2:6 <END>@3:1-3:1");
}

void TestPyTokenizer::positions()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, expected);
    const TokenizeResult r = tokenize(std::string_view(source.constData(), size_t(source.size())));
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(dumpTokens(r, true), expected);
}

void TestPyTokenizer::errors_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    auto row = [](const char *name, const QByteArray &src, int line, int col, const char *msg) {
        QTest::newRow(name) << src << line << col << QString::fromUtf8(msg);
    };
    row("unterminated", "x = 'abc\n", 1, 5, "unterminated string literal (detected at line 1)");
    row("unterminated bytes", "y\nx = b'abc", 2, 5, "unterminated string literal (detected at line 2)");
    row("unterminated triple", "x = '''abc\n\n", 1, 5, "unterminated triple-quoted string literal (detected at line 2)");
    row("unterminated triple eof", "x = \"\"\"", 1, 5, "unterminated triple-quoted string literal (detected at line 1)");
    row("unterminated after continuation", "x = 'a\\\nb\n", 1, 5, "unterminated string literal (detected at line 2)");
    row("dedent mismatch", "if x:\n    a\n  b\n", 3, 3, "unindent does not match any outer indentation level");
    row("tab inconsistency", "if x:\n\tif y:\n        a\n", 3, 9, "inconsistent use of tabs and spaces in indentation");
    row("tab vs spaces same level", "if x:\n        a\n\tb\n", 3, 2, "inconsistent use of tabs and spaces in indentation");
    row("never closed", "x = (1,\n2\n", 1, 5, "'(' was never closed");
    row("inner never closed", "x = [(\n", 1, 6, "'(' was never closed");
    row("mismatch", "x = (1]\n", 1, 7, "closing parenthesis ']' does not match opening parenthesis '('");
    row("mismatch other line", "x = (1,\n2]\n", 2, 2,
        "closing parenthesis ']' does not match opening parenthesis '(' on line 1");
    row("unmatched", "x = 1)\n", 1, 6, "unmatched ')'");
    row("leading zeros", "x = 012\n", 1, 5,
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
    row("empty hex", "x = 0x\n", 1, 7, "invalid hexadecimal literal");
    row("octal digit", "x = 0o8\n", 1, 7, "invalid digit '8' in octal literal");
    row("binary digit", "x = 0b102\n", 1, 9, "invalid digit '2' in binary literal");
    row("double underscore", "x = 1__0\n", 1, 6, "invalid decimal literal");
    row("trailing underscore", "x = 1_\n", 1, 6, "invalid decimal literal");
    row("binary trailing underscore", "x = 0b1_\n", 1, 8, "invalid binary literal");
    row("name after number", "x = 1abc\n", 1, 5, "invalid decimal literal");
    row("name after imaginary", "x = 1jx\n", 1, 5, "invalid imaginary literal");
    row("dollar", "x = $\n", 1, 5, "invalid syntax");
    row("question mark", "a ? b\n", 1, 3, "invalid syntax");
    row("bang", "a!b\n", 1, 2, "invalid syntax");
    row("bad continuation", "x = \\ y\n", 1, 6, "unexpected character after line continuation character");
    row("continuation at eof", "x = 1 \\", 1, 8, "unexpected EOF while parsing");
    row("invalid character", "x = €\n", 1, 5, "invalid character '€' (U+20AC)");
    row("invalid character in name", "ab€ = 1\n", 1, 3, "invalid character '€' (U+20AC)");
    row("non-printable", "x = \x01\n", 1, 5, "invalid non-printable character U+0001");
    row("nbsp", "x =\xC2\xA0" "1\n", 1, 4, "invalid non-printable character U+00A0");
    row("nul byte", QByteArray("x = 1\ny = \0\n", 12), 2, 5, "source code cannot contain null bytes");
    row("invalid utf-8", "x = 1\ny = 'caf\xE9'\n", 2, 9, "invalid UTF-8 byte 0xe9 (no other encoding is declared; see PEP 263)");
    row("invalid utf-8 in a name", "# caf\xE9\nx\xE9 = 1\n", 2, 2, "invalid UTF-8 byte 0xe9 (no other encoding is declared; see PEP 263)");
    row("truncated utf-8", "x = '\xE2\x82'\n", 1, 6, "invalid UTF-8 byte 0xe2 (no other encoding is declared; see PEP 263)");
    row("overlong utf-8", "x = '\xC0\xAF'\n", 1, 6, "invalid UTF-8 byte 0xc0 (no other encoding is declared; see PEP 263)");
    row("surrogate utf-8", "x = '\xED\xA0\x80'\n", 1, 6, "invalid UTF-8 byte 0xed (no other encoding is declared; see PEP 263)");
    row("unknown cookie", "# coding: xyz\nx = 1\n", 1, 1, "unknown encoding: xyz");
    row("utf-8 alias decodes strictly", "# coding: UTF8\nx = 1  # caf\xE9\n", 2, 13,
        "invalid UTF-8 byte 0xe9 (no other encoding is declared; see PEP 263)");
    row("undecodable for the codec", "# coding: euc-jp\nx = 1\ny = '\xE9'\n", 3, 1, "'euc-jp' codec can't decode the file");
    row("latin-1 with bom", "\xEF\xBB\xBF# coding: latin-1\n", 1, 1, "encoding problem: latin-1 with BOM");
    row("ascii cookie", "# coding: ascii\nx = '\xC3\xA9'\n", 2, 6, "non-ASCII byte 0xc3 in a file declared as 'ascii'");
    QByteArray deep;
    for (int i = 0; i < 201; ++i)
        deep += '(';
    row("too many parens", deep, 1, 201, "too many nested parentheses");
    QByteArray indents;
    for (int i = 0; i < 101; ++i)
        indents += QByteArray(i, ' ') + "if x:\n";
    row("too many indents", indents, 101, 101, "too many levels of indentation");
}

void TestPyTokenizer::errors()
{
    QFETCH(QByteArray, source);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const TokenizeResult r = tokenize(std::string_view(source.constData(), size_t(source.size())),
                                      QStringLiteral("f.py"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind(), retort::Error::Kind::Syntax);
    QCOMPARE(r.error.message(), message);
    QCOMPARE(r.error.where().file, QStringLiteral("f.py"));
    QCOMPARE(r.error.where().line, line);
    QCOMPARE(r.error.where().column, column);
    QCOMPARE(r.tokens.back().kind, TokenKind::Error);
}

void TestPyTokenizer::stringFlags_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<int>("flags");
    QTest::addColumn<int>("prefix");
    using namespace StringFlag;
    QTest::newRow("plain") << QByteArray("'a'") << 0 << 0;
    QTest::newRow("raw") << QByteArray("R'a'") << int(Raw) << 1;
    QTest::newRow("bytes") << QByteArray("b'a'") << int(Bytes) << 1;
    QTest::newRow("format") << QByteArray("f'a'") << int(Format) << 1;
    QTest::newRow("unicode") << QByteArray("u'a'") << int(Unicode) << 1;
    QTest::newRow("raw bytes") << QByteArray("Rb'''a'''") << int(Raw | Bytes | Triple) << 2;
    QTest::newRow("raw format") << QByteArray("fR\"\"\"a\"\"\"") << int(Raw | Format | Triple) << 2;
}

void TestPyTokenizer::stringFlags()
{
    QFETCH(QByteArray, source);
    QFETCH(int, flags);
    QFETCH(int, prefix);
    const TokenizeResult r = tokenize(std::string_view(source.constData(), size_t(source.size())));
    QVERIFY(r.ok());
    QCOMPARE(r.tokens[0].kind, TokenKind::String);
    QCOMPARE(int(r.tokens[0].flags & 0x1F), flags);
    QCOMPARE(int(StringFlag::prefixLength(r.tokens[0].flags)), prefix);
}

void TestPyTokenizer::escapesFlag()
{
    for (const char *plain : {"'abc'", "'''a\nb'''", "b'x'"}) {
        const TokenizeResult r = tokenize(plain);
        QVERIFY(r.ok());
        QVERIFY2(!(r.tokens[0].flags & StringFlag::Escapes), plain);
    }
    for (const char *escaped : {"'a\\nb'", "r'\\d'", "'''a\r\nb'''", "'a\\\nb'"}) {
        const TokenizeResult r = tokenize(escaped);
        QVERIFY(r.ok());
        QVERIFY2(r.tokens[0].flags & StringFlag::Escapes, escaped);
    }
}

void TestPyTokenizer::comments()
{
    const QByteArray src = "x = 1  # one\n# alone\n";
    TokenizerOptions options;
    options.emitComments = true;
    const TokenizeResult r = tokenize(std::string_view(src.constData(), size_t(src.size())), {}, options);
    QVERIFY(r.ok());
    QCOMPARE(dumpTokens(r), QStringLiteral("N:x = #:1 C:# one <NEWLINE> C:# alone <END>"));
}

void TestPyTokenizer::offsetsAndText()
{
    const QByteArray src = "\xEF\xBB\xBF" "def f():\n    return 'x'\n";
    const TokenizeResult r = tokenize(std::string_view(src.constData(), size_t(src.size())));
    QVERIFY(r.ok());
    // Offsets index the file's bytes: the BOM stays in place.
    QCOMPARE(r.tokens[0].offset, 3u);
    QCOMPARE(r.tokens[0].length, 3u);
    for (const Token &t : r.tokens) {
        QVERIFY(t.offset + t.length <= r.text.size());
        if (t.kind == TokenKind::String)
            QCOMPARE(std::string(t.text(r.text)), std::string("'x'"));
    }
}

void TestPyTokenizer::latin1()
{
    const QByteArray src = "# -*- coding: latin-1 -*-\nx = 'caf\xE9'\n";
    const TokenizeResult r = tokenize(std::string_view(src.constData(), size_t(src.size())));
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    // Transcoded to UTF-8: offsets refer to the UTF-8 text.
    QCOMPARE(QString::fromStdString(r.text).mid(26), QStringLiteral("x = 'café'\n"));
    QCOMPARE(dumpTokens(r), QStringLiteral("N:x = 'café' <NEWLINE> <END>"));
    const QByteArray iso = "#!python\n# coding=iso-8859-1\ns = '\xB5'\n";
    const TokenizeResult r2 = tokenize(std::string_view(iso.constData(), size_t(iso.size())));
    QVERIFY2(r2.ok(), qPrintable(r2.error.toString()));
    QCOMPARE(dumpTokens(r2), QStringLiteral("N:s = 'µ' <NEWLINE> <END>"));
    // Python's aliases, and codecs read through ICU.
    for (const char *cookie : {"utf-(8", "latin", "L1", "ISO_8859-1", "cp819"}) {
        const QByteArray src = QByteArray("# -*- coding: ") + cookie + " -*-\ns = '" + (QByteArray(cookie).startsWith("utf") ? "\xC3\xA9" : "\xE9") + "'\n";
        const TokenizeResult r4 = tokenize(std::string_view(src.constData(), size_t(src.size())));
        QVERIFY2(r4.ok(), cookie);
        QCOMPARE(dumpTokens(r4), QStringLiteral("N:s = '\u00e9' <NEWLINE> <END>"));
    }
    const QByteArray cp1252 = "# vim: set fileencoding=cp1252 :\ns = '\x80 \x93x\x94'\n";
    const TokenizeResult r5 = tokenize(std::string_view(cp1252.constData(), size_t(cp1252.size())));
    QVERIFY2(r5.ok(), qPrintable(r5.error.toString()));
    QCOMPARE(dumpTokens(r5), QStringLiteral("N:s = '\u20ac \u201cx\u201d' <NEWLINE> <END>"));
    // A cookie on line 2 counts only when line 1 is a comment or blank.
    const QByteArray late = "x = 1\n# coding: latin-1\ny = '\xE9'\n";
    const TokenizeResult r3 = tokenize(std::string_view(late.constData(), size_t(late.size())));
    QVERIFY(!r3.ok());
}

void TestPyTokenizer::rangeAndEmbedded()
{
    const std::string text = "def f():\n    x = 1\n    y = (2 +\n  3)\nz = 4\n";
    Tokenizer t(text);
    const uint32_t bodyBegin = uint32_t(text.find("    x"));
    const uint32_t bodyEnd = uint32_t(text.find("z = 4"));
    t.setRange(bodyBegin, bodyEnd, 2);
    QStringList kinds;
    for (Token tok = t.next(); tok.kind != TokenKind::EndMarker; tok = t.next()) {
        QVERIFY(tok.kind != TokenKind::Error);
        kinds << QString::fromLatin1(tokenKindName(tok.kind));
        if (tok.kind == TokenKind::Name && tok.text(text) == "y")
            QCOMPARE(tok.line, 3u);
    }
    QCOMPARE(kinds.join(QLatin1Char(' ')),
             QStringLiteral("INDENT NAME OP NUMBER NEWLINE NAME OP OP NUMBER OP NUMBER OP NEWLINE DEDENT"));

    const std::string f = "x = f'{a +\n b}'";
    Tokenizer e(f);
    e.setEmbedded(uint32_t(f.find('a')), uint32_t(f.find('}')), 1, 0);
    QStringList parts;
    for (Token tok = e.next(); tok.kind != TokenKind::EndMarker; tok = e.next()) {
        QVERIFY(tok.kind != TokenKind::Error);
        parts << QStringLiteral("%1@%2:%3").arg(QString::fromUtf8(tok.text(f).data(), int(tok.length))).arg(tok.line).arg(tok.column);
    }
    QCOMPARE(parts.join(QLatin1Char(' ')), QStringLiteral("a@1:8 +@1:10 b@2:2"));
}

QTEST_GUILESS_MAIN(TestPyTokenizer)
#include "tst_pytokenizer.moc"
