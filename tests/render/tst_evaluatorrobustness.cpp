// The body evaluator on dynamic Python: realistic revision bodies that need
// a database, the project's code or Python's own machinery, the same bodies
// with static code generated around them, and mutants of them and of the
// control corpus. Nothing may crash; nothing dynamic may be rendered; every
// refusal names the line (marked `# needs-python` in the source) that needs
// Python. Seeded by RETORT_FUZZ_SEED (tests/support/fuzzseed.h); fixed by default.

#include "error.h"
#include "../support/fuzzseed.h"
#include "render/revisionrenderer.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace retort;

namespace {

const char *const kHeader = R"(from alembic import op, context
import sqlalchemy as sa
from myproject.models import User
from myproject import helpers
import logging

revision = "r1"
down_revision = None
log = logging.getLogger(__name__)
TABLES = ("a", "b")


def _backfill(table):
    op.execute(f"UPDATE {table} SET x = 1")


def _two_steps():
    sql = "SELECT 1"
    return sql


)";

// Bodies of upgrade(); the line that needs Python carries `# needs-python`.
const char *const kDynamic[] = {
    R"(    conn = op.get_bind()  # needs-python
    conn.execute(sa.text("UPDATE t SET a = 1"))
)",
    R"(    op.execute("SELECT 1")
    bind = op.get_bind()  # needs-python
    rows = bind.execute(sa.text("SELECT id FROM users")).fetchall()
    for row in rows:
        op.execute(f"UPDATE users SET n = {row.id}")
)",
    R"(    inspector = sa.inspect(op.get_bind())  # needs-python
    if "users" in inspector.get_table_names():
        op.drop_table("users")
)",
    R"(    for table in TABLES:
        _backfill(table)  # needs-python
)",
    R"(    op.execute(helpers.render_sql("x"))  # needs-python
)",
    R"(    op.execute(_two_steps())  # needs-python
)",
    R"(    kind = sa.Enum("a", "b", name="kind")
    kind.create(conn, checkfirst=False)  # needs-python
)",
    R"(    op.bulk_insert(User.__table__, [{"id": 1}])  # needs-python
)",
    R"(    i = 0
    while i < 3:  # needs-python
        op.execute("SELECT 1")
        i += 1
)",
    R"(    try:  # needs-python
        op.drop_table("t")
    except Exception:
        pass
)",
    R"(    global TABLES  # needs-python
    TABLES = ()
)",
    R"(    names = [r[0] for r in op.get_bind().execute(sa.text("SELECT name FROM t"))]  # needs-python
)",
    R"(    log.info("migrating")  # needs-python
    op.execute("SELECT 1")
)",
    R"(    op.execute("SELECT 1")
    if op.get_bind().dialect.name == "postgresql":  # needs-python
        op.execute("SELECT 2")
)",
    R"(    meta = sa.MetaData()  # needs-python
    t = sa.Table("t", meta, autoload_with=op.get_bind())
)",
    R"(    op.execute(
        "UPDATE t SET a = "
        + str(compute())  # needs-python
    )
)",
    R"(    with op.batch_alter_table("t") as batch_op:
        batch_op.drop_column("a")
        batch_op.add_column(make_column())  # needs-python
)",
    R"(    with open("data.sql") as f:  # needs-python
        op.execute(f.read())
)",
    R"(    ctx = op.get_context()
    if ctx.opts["x"]:  # needs-python
        pass
)",
    R"(    result = op.execute("SELECT 1")  # needs-python
)",
    R"(    f = lambda t: "DROP TABLE " + t  # needs-python
    op.execute(f("t"))
)",
    R"(    op.execute("SELECT 1")
    for t in {"a", "b"}:  # needs-python
        op.drop_table(t)
)",
    R"(    op.execute(sa.text("SELECT :x").bindparams(x=1))  # needs-python
)",
    R"(    stmt = sa.update(sa.table("t", sa.column("a"))).values(a=1)  # needs-python
    op.execute(stmt)
)",
    R"(    value = 1.5
    op.execute(f"SELECT {value}")  # needs-python
)",
    R"(    op.execute("SELECT 1")
    op.execute(x)  # needs-python
    x = "SELECT 2"
)",
    R"(    import os
    op.execute(os.environ["SQL"])  # needs-python
)",
    R"(    with op.batch_alter_table("t", recreate="always") as batch_op:  # needs-python
        batch_op.drop_column("a")
)",
    // a raise Retort does not read as deliberate (deliberateRaise: the ones it does)
    R"(    for i in range(10):
        if i == 3:
            raise ValueError("stop")  # needs-python
        op.execute(f"SELECT {i}")
)",
    R"(    if context.is_offline_mode() or TABLES:
        print("-- offline")  # needs-python
)",
    // the function op.get_bind, not a connection: SQLAlchemy's create() fails on it
    R"(    bind = op.get_bind
    sa.Enum("a", name="e").create(bind)  # needs-python
)",
};

// Statements that are evaluated and rendered natively.
const char *const kStatic[] = {
    "op.execute(\"SELECT 1\")",
    "op.execute(f\"SELECT '{TABLES[0]}'\")",
    "op.drop_table(\"x\")",
    "op.create_index(op.f(\"ix_t_a\"), \"t\", [\"a\"])",
    "op.drop_index(\"ix_t_b\", table_name=\"t\")",
    "s = \"SELECT %s\" % len(TABLES)",
    "n = 2",
    "pass",
    "\"\"\"A docstring-like string.\"\"\"",
    "op.execute(\"SELECT {}\".format(3))",
    "op.drop_constraint(\"fk_x\", \"t\", type_=\"foreignkey\")",
};

struct Marked {
    QByteArray source;
    int line = 0;  // the line marked `# needs-python`
};

Marked revisionFile(const QByteArray &body)
{
    Marked m;
    m.source = QByteArray(kHeader) + "def upgrade():\n" + body + "\n\ndef downgrade():\n    pass\n";
    const QList<QByteArray> lines = m.source.split('\n');
    for (int i = 0; i < lines.size(); ++i)
        if (lines[i].contains("# needs-python"))
            m.line = i + 1;
    return m;
}

class Mutator {
public:
    explicit Mutator(uint32_t seed) : m_rng(seed) {}
    uint32_t pick(uint32_t n) { return n ? std::uniform_int_distribution<uint32_t>(0, n - 1)(m_rng) : 0; }

    // Mutates the lines from `from` (0-based) on; the lines before stay as they are.
    QByteArray mutate(const QByteArray &source, int from)
    {
        static const char *const snippets[] = {
            "'", "\"", "(", ")", "[", "]", ":", "\n", "    ", "\t", "#", "\\", "op.", "sa.", "f'{", "}'", "=", ",",
            "for x in y:", "if x:", "else:", "with op.batch_alter_table('t') as b:", "return", "break", "\xff",
            "op.execute('SELECT 1')", "op.get_bind()", "lambda", "*", "**", "%", "{}", ".format(", "global x",
        };
        QList<QByteArray> lines = source.split('\n');
        const int count = 1 + int(pick(4));
        for (int k = 0; k < count && from < lines.size(); ++k) {
            const int i = from + int(pick(uint32_t(lines.size() - from)));
            QByteArray &l = lines[i];
            switch (pick(6)) {
            case 0:
                l.insert(int(pick(uint32_t(l.size() + 1))), snippets[pick(sizeof snippets / sizeof *snippets)]);
                break;
            case 1:
                if (!l.isEmpty())
                    l.remove(int(pick(uint32_t(l.size()))), int(1 + pick(8)));
                break;
            case 2:
                lines.insert(i, lines[from + int(pick(uint32_t(lines.size() - from)))]);
                break;
            case 3:
                if (lines.size() - from > 1)
                    lines.removeAt(i);
                break;
            case 4:
                l.prepend(pick(2) ? "    " : "  ");
                break;
            default:
                if (!l.isEmpty())
                    l[int(pick(uint32_t(l.size())))] = char(pick(256));
                break;
            }
        }
        return lines.join('\n');
    }

private:
    std::mt19937 m_rng;
};

uint32_t seed()
{
    return retort::testsupport::fuzzSeed(20261121u);
}

} // namespace

class TestEvaluatorRobustness : public QObject {
    Q_OBJECT

private slots:
    void dynamicBodies_data();
    void dynamicBodies();
    void onlineMode();
    void deliberateRaise();
    void enumCheckfirst();
    void generatedBodies();
    void mutants();

private:
    // Renders `source` as revision r1's upgrade; returns the error (or a null
    // optional when it rendered).
    std::optional<Error> render(const QByteArray &source, RenderMode mode, StepBody *body = nullptr,
                                std::optional<StepRaise> *raised = nullptr);

    QTemporaryDir m_dir;
    int m_files = 0;
};

std::optional<Error> TestEvaluatorRobustness::render(const QByteArray &source, RenderMode mode, StepBody *body,
                                                     std::optional<StepRaise> *raised)
{
    const QString path = m_dir.filePath(QStringLiteral("r%1.py").arg(++m_files));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(source) != source.size())
        qFatal("cannot write %s", qPrintable(path));
    f.close();
    RevisionRenderer renderer;
    Result<StepBody> r = renderer.render(path, QStringLiteral("r1"), true, mode, raised);
    QFile::remove(path);
    if (!r)
        return r.error();
    if (body)
        *body = r.value();
    return std::nullopt;
}

void TestEvaluatorRobustness::dynamicBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    int i = 0;
    for (const char *b : kDynamic)
        QTest::addRow("dynamic%02d", ++i) << QByteArray(b);
}

void TestEvaluatorRobustness::dynamicBodies()
{
    QFETCH(QByteArray, body);
    const Marked m = revisionFile(body);
    QVERIFY2(m.line > 0, "the body marks no line");
    for (RenderMode mode : {RenderMode::Offline, RenderMode::Online}) {
        const std::optional<Error> e = render(m.source, mode);
        QVERIFY2(e, "rendered natively a body that needs Python");
        QCOMPARE(e->kind(), Error::Kind::Unresolved);
        QVERIFY2(e->where().line == m.line,
                 qPrintable(QStringLiteral("refused at line %1, not %2: %3").arg(e->where().line).arg(m.line).arg(e->message())));
        QVERIFY(e->message().contains(QLatin1String("needs Python")));
    }
}

// A deliberate raise is no Python to run: the SQL before it, and where and
// what it raises; without a place for the raise, the run is refused.
void TestEvaluatorRobustness::deliberateRaise()
{
    const Marked m = revisionFile(R"(    for i in range(10):
        if i == 3:
            raise RuntimeError(f"stop at {i}")  # needs-python
        op.execute(f"SELECT {i}")
)");
    QVERIFY(m.line > 0);
    StepBody body;
    std::optional<StepRaise> raised;
    QVERIFY(!render(m.source, RenderMode::Offline, &body, &raised));
    QVERIFY(raised);
    QCOMPARE(raised->line, m.line);
    QCOMPARE(raised->text(), QStringLiteral("RuntimeError: stop at 3"));
    QCOMPARE(body.size(), 3);
    QCOMPARE(body.back().sql, QStringLiteral("SELECT 2"));
    const std::optional<Error> refused = render(m.source, RenderMode::Online);
    QVERIFY(refused);
    QCOMPARE(refused->kind(), Error::Kind::Revision);
    QCOMPARE(refused->where().line, m.line);
    QVERIFY2(refused->message().contains(QLatin1String("revision r1 is irreversible")), qPrintable(refused->message()));
}

void TestEvaluatorRobustness::onlineMode()
{
    // Offline takes the first branch and renders it; online the dynamic one.
    const Marked m = revisionFile(R"(    if context.is_offline_mode():
        op.execute("SELECT 'offline'")
    else:
        conn = op.get_bind()  # needs-python
        conn.execute(sa.text("SELECT 1"))
)");
    StepBody body;
    QVERIFY(!render(m.source, RenderMode::Offline, &body));
    QCOMPARE(body.size(), 1);
    QCOMPARE(body.front().sql, QStringLiteral("SELECT 'offline'"));
    const std::optional<Error> e = render(m.source, RenderMode::Online);
    QVERIFY(e);
    QCOMPARE(e->where().line, m.line);
}

void TestEvaluatorRobustness::enumCheckfirst()
{
    // postgresql.ENUM.create() checks pg_type first by default: online that
    // query needs Python; offline SQLAlchemy's mock connection never checks.
    // sa.Enum.create() defaults to checkfirst=False and is plain both ways.
    const Marked m = revisionFile(R"(    from sqlalchemy.dialects import postgresql
    sa.Enum("a", "b", name="plain").create(op.get_bind())
    postgresql.ENUM("x", name="checked").create(bind=op.get_bind())  # needs-python
)");
    StepBody body;
    QVERIFY(!render(m.source, RenderMode::Offline, &body));
    QCOMPARE(body.size(), 2);
    QCOMPARE(body.at(0).sql, QStringLiteral("CREATE TYPE plain AS ENUM ('a', 'b')"));
    QCOMPARE(body.at(1).sql, QStringLiteral("CREATE TYPE checked AS ENUM ('x')"));
    const std::optional<Error> e = render(m.source, RenderMode::Online);
    QVERIFY(e);
    QCOMPARE(e->where().line, m.line);
    QVERIFY2(e->message().contains(QLatin1String("checkfirst")), qPrintable(e->message()));

    const Marked plain = revisionFile(R"(    sa.Enum("a", name="plain").drop(op.get_bind())
    sa.Enum(name="other").drop(op.get_bind(), checkfirst=False)
)");
    QVERIFY(!render(plain.source, RenderMode::Online, &body));
    QCOMPARE(body.size(), 2);
    QCOMPARE(body.at(0).sql, QStringLiteral("DROP TYPE plain"));
    QCOMPARE(body.at(1).sql, QStringLiteral("DROP TYPE other"));
}

void TestEvaluatorRobustness::generatedBodies()
{
    // Static statements around one dynamic body, at any depth: the refusal is
    // always at the dynamic line.
    Mutator rng(seed());
    const int dynamicCount = int(sizeof kDynamic / sizeof *kDynamic);
    const int staticCount = int(sizeof kStatic / sizeof *kStatic);
    for (int n = 0; n < 4000; ++n) {
        QByteArray body;
        QByteArray indent = "    ";
        const int before = int(rng.pick(5));
        for (int i = 0; i < before; ++i)
            body += indent + kStatic[rng.pick(uint32_t(staticCount))] + '\n';
        switch (rng.pick(4)) {
        case 0:
            body += indent + "for _i in range(2):\n";
            indent += "    ";
            break;
        case 1:
            body += indent + "if TABLES:\n";
            indent += "    ";
            break;
        case 2:
            body += indent + "with op.batch_alter_table(\"t\") as batch_op:\n";
            body += indent + "    batch_op.drop_column(\"c\")\n";
            indent += "    ";
            break;
        default:
            break;
        }
        // the dynamic body, re-indented
        for (const QByteArray &line : QByteArray(kDynamic[rng.pick(uint32_t(dynamicCount))]).split('\n'))
            if (!line.isEmpty())
                body += indent + line.mid(4) + '\n';
        const int after = int(rng.pick(4));
        for (int i = 0; i < after; ++i)
            body += "    " + QByteArray(kStatic[rng.pick(uint32_t(staticCount))]) + '\n';
        const Marked m = revisionFile(body);
        const std::optional<Error> e = render(m.source, rng.pick(2) ? RenderMode::Offline : RenderMode::Online);
        if (!e || e->where().line != m.line)
            QFAIL(qPrintable(QStringLiteral("%1 instead of a refusal at line %2 in:\n%3")
                                 .arg(e ? QStringLiteral("line %1: %2").arg(e->where().line).arg(e->message())
                                        : QStringLiteral("native SQL"))
                                 .arg(m.line)
                                 .arg(QString::fromUtf8(m.source))));
    }
}

void TestEvaluatorRobustness::mutants()
{
    // Mutate the lines after the marked one: whatever the parser and the
    // evaluator make of them, nothing crashes and nothing renders (the
    // marked line still stands), and a refusal names a line of code.
    Mutator rng(seed() + 1);
    int refused = 0, syntax = 0;
    for (int round = 0; round < 150; ++round) {
        for (const char *b : kDynamic) {
            const Marked m = revisionFile(b);
            const QByteArray mutant = rng.mutate(m.source, m.line);
            const std::optional<Error> e = render(mutant, rng.pick(2) ? RenderMode::Offline : RenderMode::Online);
            if (!e)
                QFAIL(qPrintable(QStringLiteral("a mutant rendered natively:\n%1").arg(QString::fromUtf8(mutant))));
            const int lines = int(mutant.count('\n')) + 1;
            QVERIFY2(e->where().line >= 1 && e->where().line <= lines + 1, qPrintable(e->message()));
            if (e->kind() == Error::Kind::Unresolved) {
                // Loops may run a mutated later line first; the refusal must
                // still name a line of code.
                ++refused;
                const QByteArray text = mutant.split('\n').value(e->where().line - 1).trimmed();
                QVERIFY2(!text.isEmpty() && !text.startsWith('#'),
                         qPrintable(QStringLiteral("refused at line %1, which holds no code: %2\n%3")
                                        .arg(e->where().line)
                                        .arg(e->message(), QString::fromUtf8(mutant))));
            } else {
                ++syntax;
            }
        }
    }
    // Every control-corpus revision mutated anywhere: no crash, located errors.
    QDirIterator it(QStringLiteral(RETORT_SOURCE_DIR "/tests/render/corpus/control/versions"), {QStringLiteral("*.py")},
                    QDir::Files);
    int files = 0;
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray source = f.readAll();
        ++files;
        for (int k = 0; k < 20; ++k) {
            const QByteArray mutant = rng.mutate(source, 0);
            const std::optional<Error> e = render(mutant, rng.pick(2) ? RenderMode::Offline : RenderMode::Online);
            if (e) {
                const int lines = int(mutant.count('\n')) + 1;
                QVERIFY2(e->where().line >= 0 && e->where().line <= lines + 1, qPrintable(e->message()));
            }
        }
    }
    QVERIFY2(files >= 100, "the control corpus is missing");
    qInfo("mutants: %d refused, %d syntax errors; %d corpus files x 20 mutants", refused, syntax, files);
}

QTEST_GUILESS_MAIN(TestEvaluatorRobustness)
#include "tst_evaluatorrobustness.moc"
