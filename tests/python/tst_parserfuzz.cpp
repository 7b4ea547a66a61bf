// Mutates real revision files at random (fixed seed) and feeds them to the
// tokenizer, both parser modes and the readers: nothing may crash, every
// failure must be a located Error, and the modes must agree with each other.
// Runs for RETORT_FUZZ_SECONDS (default 5), seeded by RETORT_FUZZ_SEED (tests/support/fuzzseed.h).

#include "../support/fuzzseed.h"
#include "project/envreader.h"
#include "project/revisionreader.h"
#include "python/compilecheck.h"
#include "python/parser.h"
#include "python/tokenizer.h"

#include "pythoninterpreter.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace retort::py;
using retort::Error;
using retort::test::PythonInterpreter;

namespace {

class Mutator {
public:
    explicit Mutator(uint32_t seed) : m_rng(seed) {}

    QByteArray mutate(QByteArray s)
    {
        const int count = 1 + int(pick(4));
        for (int i = 0; i < count; ++i)
            s = once(std::move(s));
        return s;
    }

private:
    uint32_t pick(uint32_t n) { return n ? std::uniform_int_distribution<uint32_t>(0, n - 1)(m_rng) : 0; }
    int position(const QByteArray &s) { return int(pick(uint32_t(s.size()) + 1)); }

    QList<QByteArray> lines(const QByteArray &s) { return s.split('\n'); }

    QByteArray once(QByteArray s)
    {
        static const char *const snippets[] = {
            "'", "\"", "'''", "\"\"\"", "(", ")", "[", "]", "{", "}", "\\", "\\\n", "#", ":", "\n", "\r", "\r\n",
            "\t", "    ", "f'{", "}'", "f\"{x!r:>{w}}\"", "rb'", "0x", "1_", "09", "1e", ".", "...", "@", "->", ":=",
            "lambda", "yield", "await ", "async ", "def ", "class ", "if x:", "else:", "try:", "except*", "match ",
            "\xff", "\xc3", "\xed\xa0\x80", "\xe2\x82\xac", "\xef\xbb\xbf", "# coding: latin-1\n", "$", "?", "!",
            "*", "**", "=", "==", ",", ";", "u'\\N{", "'\\x4'", "b'\xc3\xa9'", "é", "\f",
        };
        const int n = int(sizeof snippets / sizeof snippets[0]);
        switch (pick(12)) {
        case 0: {  // flip a bit
            if (s.isEmpty())
                return s;
            const int i = int(pick(uint32_t(s.size())));
            s[i] = char(s[i] ^ (1 << pick(8)));
            return s;
        }
        case 1:  // truncate
            s.truncate(position(s));
            return s;
        case 2:
        case 3:
        case 4:  // insert a snippet
            s.insert(position(s), snippets[pick(uint32_t(n))]);
            return s;
        case 5:  // NUL
            s.insert(position(s), QByteArray(1, '\0'));
            return s;
        case 6: {  // delete a line
            QList<QByteArray> l = lines(s);
            if (!l.isEmpty())
                l.removeAt(int(pick(uint32_t(l.size()))));
            return l.join('\n');
        }
        case 7: {  // duplicate a line
            QList<QByteArray> l = lines(s);
            if (!l.isEmpty()) {
                const int i = int(pick(uint32_t(l.size())));
                l.insert(i, l[i]);
            }
            return l.join('\n');
        }
        case 8: {  // indent or dedent a line
            QList<QByteArray> l = lines(s);
            if (!l.isEmpty()) {
                const int i = int(pick(uint32_t(l.size())));
                if (pick(2))
                    l[i].prepend(pick(2) ? "  " : "\t");
                else
                    l[i] = l[i].trimmed();
            }
            return l.join('\n');
        }
        case 9: {  // delete a span
            const int a = position(s);
            s.remove(a, int(pick(40)));
            return s;
        }
        case 10: {  // swap two lines
            QList<QByteArray> l = lines(s);
            if (l.size() > 1)
                l.swapItemsAt(int(pick(uint32_t(l.size()))), int(pick(uint32_t(l.size()))));
            return l.join('\n');
        }
        default: {  // random byte
            s.insert(position(s), char(pick(256)));
            return s;
        }
        }
    }

    std::mt19937 m_rng;
};

struct Pos {
    int line = 0;
    int column = 0;
    bool operator<(const Pos &o) const { return line < o.line || (line == o.line && column < o.column); }
    bool operator==(const Pos &o) const { return line == o.line && column == o.column; }
};

Pos pos(const Error &e) { return {e.where().line, e.where().column}; }

// "'(' was never closed" is found at the end of the file but points back at
// the bracket: errors found before it may lie after it.
bool deferred(const Error &e) { return e.message().endsWith(QLatin1String("was never closed")); }

// Errors whose line we place where Python does: the tokenizer's, and the
// ones at the end of a block. For the rest (generic "invalid syntax", the
// messages of CPython's second pass, literal decoding, and "'(' was never
// closed", which replaces a parser error only if the parser had read past
// the bracket's line) Python's line depends on how far its PEG parser had
// looked ahead; ours points at the culprit.
bool locatedLikePython(const QString &pythonMessage)
{
    static const char *const messages[] = {
        "unterminated string literal", "unterminated triple-quoted string literal",
        "unmatched", "does not match opening parenthesis", "literal", "invalid digit", "leading zeros",
        "invalid character", "invalid non-printable character", "unindent does not match",
        "inconsistent use of tabs", "unexpected indent", "expected an indented block", "unexpected EOF",
        "unexpected character after line continuation", "too many",
    };
    if (pythonMessage.startsWith(QLatin1String("(unicode error)")) || pythonMessage.startsWith(QLatin1String("f-string")))
        return false;
    for (const char *m : messages)
        if (pythonMessage.contains(QLatin1String(m)))
            return true;
    return false;
}

} // namespace

class TestParserFuzz : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void fuzz();
    void mutantsAgainstPython();

private:
    // Returns an empty string when all is well, else what went wrong.
    QString check(const QByteArray &src);
    QString checkError(const Error &e, const QByteArray &src, const char *what);

    QList<QByteArray> m_seeds;
};

void TestParserFuzz::initTestCase()
{
    QStringList roots{PythonInterpreter::dataDir(), QStringLiteral(RETORT_SOURCE_DIR "/migrations")};
    for (const QString &root : roots) {
        QDirIterator it(root, {QStringLiteral("*.py")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (root.endsWith(QLatin1String("migrations")) && !path.contains(QLatin1String("/versions/")))
                continue;
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            m_seeds << f.readAll();
        }
    }
    QVERIFY(m_seeds.size() >= 20);
}

QString TestParserFuzz::checkError(const Error &e, const QByteArray &src, const char *what)
{
    const int lines = int(src.count('\n') + src.count('\r')) + 1;
    if (e.kind() != Error::Kind::Syntax)
        return QStringLiteral("%1: error of kind %2").arg(QLatin1String(what)).arg(int(e.kind()));
    if (e.message().isEmpty())
        return QStringLiteral("%1: empty message").arg(QLatin1String(what));
    if (e.where().line < 1 || e.where().line > lines + 1 || e.where().column < 1)
        return QStringLiteral("%1: bad location %2:%3 for %4 (%5 lines)")
            .arg(QLatin1String(what))
            .arg(e.where().line)
            .arg(e.where().column)
            .arg(e.message())
            .arg(lines);
    return {};
}

QString TestParserFuzz::check(const QByteArray &src)
{
    const std::string_view text(src.constData(), size_t(src.size()));
    const TokenizeResult tokens = tokenize(text);
    ParseOptions skipOptions;
    skipOptions.skipFunctionBodies = true;
    ParseResult skip = parseModule(text, skipOptions);
    const ParseResult full = parseModule(text);

    const std::pair<const Error *, const char *> errors[] = {
        {&tokens.error, "tokenize"}, {&skip.error, "skip"}, {&full.error, "full"}};
    for (const auto &[error, what] : errors) {
        if (error->isError()) {
            const QString problem = checkError(*error, src, what);
            if (!problem.isEmpty())
                return problem;
        }
    }
    // Every token lies inside the text, in order.
    uint32_t previous = 0;
    for (const Token &t : tokens.tokens) {
        if (t.kind == TokenKind::Error)
            break;
        if (t.offset + t.length > tokens.text.size() || t.offset < previous || t.line < 1 || t.column < 1)
            return QStringLiteral("token out of place at offset %1").arg(t.offset);
        previous = t.offset;
    }
    // Skipping bodies checks less. (Which of several errors each mode
    // reports may differ: both prefer a later tokenizer error to a parser
    // error, as CPython does, and skip mode does not see body parse errors.)
    if (full.ok() && !skip.ok())
        return QStringLiteral("skip mode fails (%1) where full mode parses").arg(skip.error.toString());
    // A lexical error is found in skip mode too, unless a parse error comes
    // first (perhaps at the same place: an INDENT or DEDENT sits where the
    // first token of its line starts).
    if (!tokens.ok()) {
        if (skip.ok())
            return QStringLiteral("skip mode accepts what the tokenizer rejects: %1").arg(tokens.error.toString());
        // (Undecodable bytes in a string are the parser's finding when it
        // decodes the literal, so a later tokenizer error may win, as in CPython.)
        // (Nor are $ ? ` ! errors to the parser, only tokens it cannot use.)
        if (!deferred(tokens.error) && !tokens.error.message().startsWith(QLatin1String("invalid UTF-8"))
            && tokens.error.message() != QLatin1String("invalid syntax") && pos(tokens.error) < pos(skip.error))
            return QStringLiteral("skip mode reports %1 after the tokenizer's %2")
                .arg(skip.error.toString(), tokens.error.toString());
    }
    // Bodies parsed later give the tree the full parse gives.
    if (skip.ok()) {
        const Error lazy = parseAllFunctionBodies(skip.module);
        if (full.ok()) {
            if (lazy.isError())
                return QStringLiteral("lazy body parse fails: %1").arg(lazy.toString());
            DumpOptions withPositions;
            withPositions.positions = true;
            if (dump(skip.module, withPositions) != dump(full.module, withPositions))
                return QStringLiteral("lazy and full trees differ");
        } else if (!lazy.isError()) {
            return QStringLiteral("full mode fails (%1), lazy body parse does not").arg(full.error.toString());
        } else if (lazy.message() != full.error.message() || !(pos(lazy) == pos(full.error))) {
            return QStringLiteral("lazy body parse says %1, full mode %2").arg(lazy.toString(), full.error.toString());
        }
    }
    // Trees and source text of every node can be walked and dumped.
    for (const ParseResult *r : {static_cast<const ParseResult *>(&skip), &full}) {
        for (const Stmt *s : r->module.body) {
            QString bad;
            walk(s, [&](const Node *n) {
                if (n->end < n->begin || n->end > r->module.source().size() || n->line < 1)
                    bad = QStringLiteral("node %1 out of place").arg(QLatin1String(nodeKindName(n->kind)));
                return bad.isEmpty();
            });
            if (!bad.isEmpty())
                return bad;
        }
        (void)dump(r->module);
    }
    // The readers never crash and locate what they report.
    const retort::RevisionScript script = retort::readRevisionScript(QStringLiteral("f.py"), src);
    // ... which also applies the compiler's checks, as importing the file would
    const bool compiles = full.ok() && !checkCompiles(full.module, QStringLiteral("f.py"));
    if (script.hasSyntaxError == compiles)
        return QStringLiteral("readRevisionScript disagrees with the parser and compiler checks on syntax errors");
    for (const Error &e : script.problems) {
        if (e.message().isEmpty() || e.where().line < 1 || e.where().file != QLatin1String("f.py"))
            return QStringLiteral("revision problem without location: %1").arg(e.toString());
    }
    const retort::EnvOptions env = retort::readEnvOptions(QStringLiteral("env.py"), src);
    for (const Error &e : env.problems) {
        if (e.message().isEmpty() || e.where().line < 1)
            return QStringLiteral("env problem without location: %1").arg(e.toString());
    }
    return {};
}

void TestParserFuzz::fuzz()
{
    bool ok = false;
    double seconds = qEnvironmentVariable("RETORT_FUZZ_SECONDS").toDouble(&ok);
    if (!ok || seconds <= 0)
        seconds = 5;
    // The seeds themselves first.
    for (const QByteArray &seed : m_seeds) {
        const QString problem = check(seed);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    // A fixed seed, so that a failure repeats; RETORT_FUZZ_SEED explores others.
    const uint32_t seed = retort::testsupport::fuzzSeed(20240501u);
    Mutator mutator(seed);
    QElapsedTimer timer;
    timer.start();
    qint64 cases = 0, rejected = 0;
    while (timer.elapsed() < qint64(seconds * 1000)) {
        for (int k = 0; k < 64; ++k) {
            const QByteArray &seed = m_seeds[int(cases % m_seeds.size())];
            const QByteArray input = mutator.mutate(seed);
            const QString problem = check(input);
            if (!problem.isEmpty()) {
                QFile out(QDir::temp().filePath(QStringLiteral("retort-fuzz-failure.py")));
                if (out.open(QIODevice::WriteOnly))
                    out.write(input);
                QFAIL(qPrintable(QStringLiteral("case %1: %2 (input saved to %3)").arg(cases).arg(problem, out.fileName())));
            }
            ++cases;
            rejected += !parseModule(std::string_view(input.constData(), size_t(input.size()))).ok();
        }
    }
    qInfo("%lld mutated files in %.1f s, %lld of them rejected", cases, timer.elapsed() / 1000.0, rejected);
}

// A few hundred mutants judged by the real interpreter too: it must accept
// what we accept (with the same tree) and reject what we reject (on the
// same line).
void TestParserFuzz::mutantsAgainstPython()
{
    const QString python = PythonInterpreter::find({QStringLiteral("ast"), QStringLiteral("json")});
    QVERIFY2(!python.isEmpty(), "no Python interpreter able to 'import ast' was found: install python3");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Mutator mutator(retort::testsupport::fuzzSeed(7u));
    QStringList files;
    QList<QByteArray> inputs;
    for (int i = 0; i < 600; ++i) {
        const QByteArray input = mutator.mutate(m_seeds[i % m_seeds.size()]);
        const QString path = dir.filePath(QStringLiteral("m%1.py").arg(i, 4, 10, QLatin1Char('0')));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(input);
        files << path;
        inputs << input;
    }
    QByteArray out;
    QString error;
    QVERIFY2(PythonInterpreter::run(python, QStringList{QStringLiteral("-W"), QStringLiteral("ignore"),
                                                        PythonInterpreter::script(QStringLiteral("pyast_dump.py"))}
                                                + files,
                                    &out, &error),
             qPrintable(error));
    QStringList failures;
    int index = 0, agreed = 0, sameLine = 0, rejected = 0;
    for (const QByteArray &line : out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QByteArray &input = inputs[index];
        const QString path = files[index++];
        const ParseResult r = parseModule(std::string_view(input.constData(), size_t(input.size())));
        const bool pyOk = o.value(QStringLiteral("ok")).toBool();
        const QJsonArray pyError = o.value(QStringLiteral("error")).toArray();
        if (!r.ok() && r.error.message() == QLatin1String("'match' statements are not supported"))
            continue;
        if (pyOk != r.ok()) {
            failures << QStringLiteral("%1: python %2, retort %3")
                            .arg(path, pyOk ? QStringLiteral("accepts") : QStringLiteral("rejects (%1:%2 %3)").arg(pyError.at(0).toInt()).arg(pyError.at(1).toInt()).arg(pyError.at(2).toString()),
                                 r.ok() ? QStringLiteral("accepts") : QStringLiteral("rejects (%1)").arg(r.error.toString()));
        } else if (pyOk && QString::fromStdString(dump(r.module)) != o.value(QStringLiteral("dump")).toString()) {
            failures << QStringLiteral("%1: trees differ").arg(path);
        } else if (!pyOk && pyError.at(0).toInt() != 0 && locatedLikePython(pyError.at(2).toString())
                   && pyError.at(0).toInt() != r.error.where().line) {
            failures << QStringLiteral("%1: python rejects line %2 (%3), retort %4")
                            .arg(path)
                            .arg(pyError.at(0).toInt())
                            .arg(pyError.at(2).toString(), r.error.toString());
        } else {
            ++agreed;
            if (!pyOk) {
                ++rejected;
                sameLine += pyError.at(0).toInt() == r.error.where().line;
            }
        }
    }
    QCOMPARE(index, int(files.size()));
    if (!failures.isEmpty())
        dir.setAutoRemove(false);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    qInfo("%d of %d mutants judged alike by Python; of %d rejected, %d with the error on Python's line", agreed,
          int(files.size()), rejected, sameLine);
}

QTEST_GUILESS_MAIN(TestParserFuzz)
#include "tst_parserfuzz.moc"
