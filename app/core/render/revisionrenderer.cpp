#include "render/revisionrenderer.h"

#include "python/ast.h"
#include "python/parser.h"
#include "render/bodyevaluator.h"
#include "render/oprenderer.h"
#include "render/sqlquoting.h"

#include <QFile>

namespace retort {

struct RevisionRenderer::Parsed {
    py::Module module;
};

RevisionRenderer::RevisionRenderer() = default;
RevisionRenderer::~RevisionRenderer() = default;

namespace {

Error needsPython(const QString &path, int line, const QString &revision, const QString &reason)
{
    Location where;
    where.file = path;
    where.line = line;
    where.revision = revision;
    return Error(Error::Kind::Unresolved,
                 QStringLiteral("revision %1 needs Python to render (%2)").arg(revision, reason), where);
}

// The last module-level definition wins, as in Python.
const py::FunctionDef *findFunction(const py::Module &module, std::string_view name)
{
    const py::FunctionDef *found = nullptr;
    for (const py::Stmt *s : module.body)
        if (const auto *f = s->dyn<py::FunctionDef>(); f && f->name == name)
            found = f;
    return found;
}

} // namespace

Result<const RevisionRenderer::Parsed *> RevisionRenderer::parsed(const QString &path)
{
    if (auto it = m_files.constFind(path); it != m_files.constEnd())
        return static_cast<const Parsed *>(it.value().get());
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(Error::Kind::Io, QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    const QByteArray bytes = f.readAll();
    py::ParseOptions options;
    options.fileName = path;
    py::ParseResult r = py::parseModule(std::string_view(bytes.constData(), size_t(bytes.size())), options);
    if (!r.ok())
        return r.error;
    auto p = std::make_shared<Parsed>();
    p->module = std::move(r.module);
    m_files.insert(path, p);
    return static_cast<const Parsed *>(p.get());
}

bool RevisionRenderer::mayRaise(const QString &path, bool upgrade)
{
    Result<const Parsed *> p = parsed(path);
    const py::FunctionDef *fn = p ? findFunction(p.value()->module, upgrade ? "upgrade" : "downgrade") : nullptr;
    if (!fn)
        return false;
    bool found = false;
    for (const py::Stmt *s : fn->body)
        py::walk(s, [&found](const py::Node *n) {
            found = found || n->is<py::Raise>();
            return !found;
        });
    return found;
}

Result<StepBody> RevisionRenderer::render(const QString &path, const QString &revision, bool upgrade, RenderMode mode,
                                          std::optional<StepRaise> *raised)
{
    if (raised)
        raised->reset();
    Result<const Parsed *> p = parsed(path);
    if (!p)
        return p.error();
    const py::Module &module = p.value()->module;
    const char *name = upgrade ? "upgrade" : "downgrade";
    const py::FunctionDef *fn = findFunction(module, name);
    if (!fn)
        return needsPython(path, 1, revision, QStringLiteral("no module-level %1() to read").arg(QLatin1String(name)));
    // alembic calls upgrade(**kw) with what env.py passes to run_migrations(),
    // nothing in the usual env.py: required parameters are its TypeError,
    // defaulted ones are values Retort cannot see.
    const py::Arguments *a = fn->args;
    if (a && (!a->posonlyargs.empty() || !a->args.empty() || a->vararg || !a->kwonlyargs.empty() || a->kwarg)) {
        bool required = a->posonlyargs.size() + a->args.size() > a->defaults.size();
        for (const py::Expr *d : a->kwDefaults)
            required = required || !d;
        return needsPython(path, int(fn->line), revision,
                           required ? QStringLiteral("%1() has parameters without defaults; alembic calls it with "
                                                     "only what env.py passes to run_migrations() (TypeError)")
                                          .arg(QLatin1String(name))
                                    : QStringLiteral("%1() takes parameters env.py may pass through run_migrations()")
                                          .arg(QLatin1String(name)));
    }
    if (!fn->decoratorList.empty())
        return needsPython(path, int(fn->line), revision,
                           QStringLiteral("%1() is decorated").arg(QLatin1String(name)));
    QVector<OpCall> calls;
    const sql::OnlineLiterals literals(mode == RenderMode::Online);
    BodyEvaluator evaluator(module, mode);
    if (std::optional<BodyEvaluator::Failure> f = evaluator.evaluate(*fn, calls))
        return needsPython(path, f->line, revision, f->reason);
    StepBody body;
    const OpRenderer renderer;
    QStringList statements;
    for (const OpCall &call : std::as_const(calls)) {
        if (call.kind != OpCall::Kind::Op) {
            SqlStatement edge;
            edge.kind = call.kind == OpCall::Kind::EnterAutocommit ? SqlStatement::Kind::EnterAutocommit
                                                                    : SqlStatement::Kind::LeaveAutocommit;
            edge.line = call.line;
            body.append(edge);
            continue;
        }
        QString reason;
        statements.clear();
        if (!renderer.render(call, statements, reason))
            return needsPython(path, call.line, revision, reason);
        // a reason on success is an order note (OpRenderer::render)
        for (QString &s : statements) {
            body.append(SqlStatement::statement(std::move(s), call.line));
            body.back().orderNote = reason;
        }
    }
    if (const std::optional<pyeval::Raised> &r = evaluator.raised()) {
        StepRaise step{r->exception, r->message, path, r->line, revision, upgrade};
        if (!raised)
            return step.runRefusal();
        *raised = std::move(step);
    }
    return body;
}

} // namespace retort
