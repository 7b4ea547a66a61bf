#include "render/alembichost.h"

#include "eval/builtins.h"
#include "eval/evaluator.h"
#include "eval/operations.h"
#include "python/ast.h"
#include "render/oprenderer.h"

#include <utility>

namespace retort {

using pyeval::Evaluator;
using pyeval::Flow;

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// The canonical name of a dotted path into alembic or sqlalchemy ("sa.",
// "postgresql.", "op.", "context."), or an empty string for any other module.
QString canonicalPath(const QString &dotted)
{
    QString p = dotted;
    if (p == QLatin1String("sqlalchemy") || p.startsWith(QLatin1String("sqlalchemy.")))
        p = QLatin1String("sa") + p.mid(10);
    if (p == QLatin1String("alembic.op") || p.startsWith(QLatin1String("alembic.op.")))
        p = p.mid(8);
    else if (p == QLatin1String("alembic.context") || p.startsWith(QLatin1String("alembic.context.")))
        p = p.mid(8);
    static const char *const saModules[] = {"sa.sql.expression", "sa.sql.sqltypes", "sa.sql", "sa.types", "sa.schema"};
    if (p == QLatin1String("sa.dialects.postgresql") || p.startsWith(QLatin1String("sa.dialects.postgresql.")))
        p = p.mid(12);
    else
        for (const char *m : saModules) {
            const QLatin1String prefix(m);
            if (p == prefix || (p.startsWith(prefix) && p.at(prefix.size()) == QLatin1Char('.'))) {
                p = QLatin1String("sa") + p.mid(prefix.size());
                break;
            }
        }
    const QString head = p.section(QLatin1Char('.'), 0, 0);
    if (head == QLatin1String("sa") || head == QLatin1String("postgresql") || head == QLatin1String("op")
        || head == QLatin1String("context") || p == QLatin1String("alembic"))
        return p;
    return {};
}

// alembic's module-level operations (op.<name>) that Retort records.
bool isOperation(const QString &name)
{
    const OpSpec *op = findOperation(name);
    return op && op->isOp;
}

PyValue hostReference(int kind, const QString &name, int line)
{
    PyValue r = pyeval::referenceValue(PyValue::Ref::Host, name, line);
    r.hostKind = kind;
    return r;
}

} // namespace

void AlembicHost::start(QVector<OpCall> *calls)
{
    m_calls = calls;
    m_batches.clear();
    m_autocommitDepth = 0;
}

QString AlembicHost::libraryName(const QString &dotted) const
{
    return canonicalPath(dotted);
}

std::optional<PyValue> AlembicHost::attribute(Evaluator &ev, const PyValue &base, const QString &attr, const py::Expr *e)
{
    const int line = int(e->line);
    if (base.isReference()) {
        if (base.hostKind == MigrationDialect && attr == QLatin1String("name"))
            return pyeval::strValue(QStringLiteral("postgresql"), line);  // Retort renders for PostgreSQL only
        if (base.hostKind == MigrationDialect || base.hostKind == AutocommitBlock)
            return ev.fail(e, QStringLiteral("the attribute %1 of the migration context's %2").arg(attr, base.member()));
        return ev.fail(e, QStringLiteral("the attribute %1 of %2").arg(attr, base.str));
    }
    // the migration context: its dialect, offline flag and autocommit block
    if (base.str == QLatin1String("op.get_context")) {
        if (attr == QLatin1String("dialect"))
            return hostReference(MigrationDialect, QStringLiteral("migration_context.dialect"), line);
        if (attr == QLatin1String("autocommit_block"))
            return hostReference(AutocommitBlock, QStringLiteral("migration_context.autocommit_block"), line);
        if (attr == QLatin1String("as_sql"))
            return pyeval::boolValue(m_mode == RenderMode::Offline, line);
        return ev.fail(e, QStringLiteral("the migration context's %1").arg(attr));
    }
    if (base.str == QLatin1String("op.batch_alter_table")) {
        PyValue r = hostReference(BatchMethod, QLatin1String("batch.") + attr, line);
        r.integer = base.integer;
        return r;
    }
    return ev.fail(e, QStringLiteral("the attribute %1 of %2(...)").arg(attr, base.str));
}

std::optional<PyValue> AlembicHost::call(Evaluator &ev, const PyValue &callee, const py::Call *call)
{
    const int line = int(call->line);
    const QString name = callee.str;
    PyValue args;
    args.kind = PyValue::Kind::Construct;
    args.str = name;
    args.line = line;
    if (name == QLatin1String("op.get_bind"))
        return ev.fail(call, QStringLiteral("op.get_bind() needs a database connection"));
    if (name == QLatin1String("sa.inspect"))
        return ev.fail(call, QStringLiteral("sa.inspect() reflects the database"));
    static const QSet<QString> queries{
        QStringLiteral("sa.select"), QStringLiteral("sa.insert"), QStringLiteral("sa.update"), QStringLiteral("sa.delete"),
        QStringLiteral("sa.create_engine"), QStringLiteral("sa.engine_from_config"), QStringLiteral("sa.MetaData"),
        QStringLiteral("sa.Table"), QStringLiteral("sa.exists"),
    };
    if (queries.contains(name))
        return ev.fail(call, QStringLiteral("%1() is not evaluated natively (queries, engines and reflected tables need Python)").arg(name));
    if (!ev.evalArguments(call, args))
        return std::nullopt;
    if (callee.ref == PyValue::Ref::Host) {
        const QString method = callee.member();
        if (callee.hostKind != BatchMethod)
            return ev.fail(call, QStringLiteral("%1() is not evaluated natively").arg(name));
        if (method == QLatin1String("f") || method == QLatin1String("inline_literal")) {
            args.str = QLatin1String("op.") + method;
            return args;
        }
        return ev.fail(call, QStringLiteral("batch_op.%1(...) as a value").arg(method));
    }
    if (name == QLatin1String("op.get_context") || name == QLatin1String("context.get_context")) {
        if (!args.items.isEmpty() || !args.keywords.isEmpty())
            return ev.fail(call, QStringLiteral("%1() with arguments (TypeError)").arg(name));
        args.str = QStringLiteral("op.get_context");
        return args;
    }
    if (name == QLatin1String("context.is_offline_mode")) {
        if (!args.items.isEmpty() || !args.keywords.isEmpty())
            return ev.fail(call, QStringLiteral("%1() with arguments (TypeError)").arg(name));
        return pyeval::boolValue(m_mode == RenderMode::Offline, line);
    }
    if (name == QLatin1String("op.f") || name == QLatin1String("op.inline_literal"))
        return args;
    if (name.startsWith(QLatin1String("op.")) || name.startsWith(QLatin1String("context.")) || name == QLatin1String("alembic")) {
        if (isOperation(name.mid(3)))
            return ev.fail(call, QStringLiteral("the result of %1() used as a value").arg(name));
        return ev.fail(call, QStringLiteral("%1() is not evaluated natively").arg(name));
    }
    // sa.*, postgresql.*: a constructor for the renderer to interpret
    return args;
}

std::optional<PyValue> AlembicHost::readName(Evaluator &ev, const PyValue &value, const QString &name, const py::Expr *e)
{
    // the migration's connection serves only as an enum's bind (enumDdl);
    // any other use is refused where the connection was taken
    return ev.fail(value.line, QStringLiteral("op.get_bind() needs a database connection (%1, used at line %2 other than "
                                              "as the bind of an enum's create() or drop())")
                                   .arg(name)
                                   .arg(e->line));
}

// ---- statements ---------------------------------------------------------------

AlembicHost::Handled AlembicHost::callStatement(Evaluator &ev, const py::Call *call, bool assigned, PyValue &result)
{
    bool enumOk = false;
    if (enumDdl(ev, call, assigned, enumOk)) {
        if (!enumOk)
            return Handled::Failed;
        result = PyValue();
        result.line = int(call->line);
        return Handled::Done;
    }
    std::optional<PyValue> callee = ev.eval(call->func);
    if (!callee)
        return Handled::Failed;
    const int line = int(call->line);
    const bool isOp = callee->isReference(PyValue::Ref::Library) && callee->str.startsWith(QLatin1String("op."))
                      && isOperation(callee->str.mid(3));
    const bool isBatch = callee->isReference(PyValue::Ref::Host) && callee->hostKind == BatchMethod
                         && callee->member() != QLatin1String("f") && callee->member() != QLatin1String("inline_literal");
    if (!isOp && !isBatch)
        return Handled::No;
    if (assigned && callee->str != QLatin1String("op.create_table"))
        return ev.fail(call, QStringLiteral("the result of %1() used as a value").arg(callee->str)), Handled::Failed;
    PyValue args;
    args.kind = PyValue::Kind::Construct;
    args.str = callee->str;
    args.line = line;
    if (!ev.evalArguments(call, args))
        return Handled::Failed;
    if (isOp) {
        m_calls->append(OpCall{callee->str.mid(3), args, line, OpCall::Kind::Op});
        result = args;
        return Handled::Done;
    }
    std::optional<OpCall> op = batchCall(ev, *callee, args, line);
    if (!op)
        return Handled::Failed;
    result = PyValue();
    result.line = line;
    if (op->name == QLatin1String("execute")) {
        m_calls->append(*op);  // batch_op.execute runs at once, through the migration context
        return Handled::Done;
    }
    m_batches[int(callee->integer)].queued.append(*op);
    return Handled::Done;
}

AlembicHost::Handled AlembicHost::assignment(Evaluator &ev, const py::Assign *a)
{
    if (!storesMigrationBind(ev, a))
        return Handled::No;
    // a placeholder only enumDdl accepts
    const PyValue connection = hostReference(MigrationBind, QStringLiteral("op.get_bind"), int(a->line));
    for (const py::Expr *t : a->targets)
        ev.bind(t, connection);
    return Handled::Done;
}

// ---- enum types created and dropped through the migration's connection ----------

bool AlembicHost::storesMigrationBind(Evaluator &ev, const py::Assign *a) const
{
    const auto *call = a->value->dyn<py::Call>();
    if (!call->args.empty() || !call->keywords.empty() || !ev.function())
        return false;
    const auto *f = call->func->dyn<py::Attribute>();
    const auto *base = f ? f->value->dyn<py::Name>() : nullptr;
    if (!base || f->attr != "get_bind")
        return false;
    const QString module = qs(base->id);
    const PyValue *op = ev.global(module);
    if (!op || !op->isReference(PyValue::Ref::Library) || op->str != QLatin1String("op"))
        return false;
    // Every read of each name, anywhere in the function, must be the bind of
    // an enum's create() or drop(); a connection used for anything else (or
    // for nothing) is refused where it is taken.
    for (const py::Expr *t : a->targets) {
        const auto *target = t->dyn<py::Name>();
        if (!target)
            return false;
        int reads = 0, binds = 0;
        for (const py::Stmt *s : ev.function()->body) {
            py::walk(s, [&](const py::Node *n) {
                if (const auto *name = n->dyn<py::Name>(); name && name->ctx == py::ExprContext::Load && name->id == target->id)
                    ++reads;
                const auto *c = n->dyn<py::Call>();
                const auto *m = c ? c->func->dyn<py::Attribute>() : nullptr;
                if (!m || (m->attr != "create" && m->attr != "drop"))
                    return true;
                auto isTarget = [&](const py::Expr *e) {
                    const auto *name = e ? e->dyn<py::Name>() : nullptr;
                    return name && name->id == target->id;
                };
                if (!c->args.empty() && isTarget(c->args[0]))
                    ++binds;
                for (const py::Keyword *k : c->keywords)
                    if (k->arg == "bind" && isTarget(k->value))
                        ++binds;
                return true;
            });
        }
        if (reads == 0 || reads != binds)
            return false;
    }
    return true;
}

bool AlembicHost::enumDdl(Evaluator &ev, const py::Call *call, bool assigned, bool &ok)
{
    ok = false;
    const auto *attr = call->func->dyn<py::Attribute>();
    if (!attr || (attr->attr != "create" && attr->attr != "drop"))
        return false;
    const QString method = qs(attr->attr);
    std::optional<PyValue> type = ev.eval(attr->value);
    if (!type)
        return true;
    if (type->kind != PyValue::Kind::Construct || !type->called
        || !(type->str == QLatin1String("sa.Enum") || type->str == QLatin1String("postgresql.ENUM")))
        return false;  // evaluated again, and refused, as any other call
    const int line = int(call->line);
    const QString what = QStringLiteral("%1(...).%2()").arg(type->str, method);
    if (assigned)
        return ev.fail(call, QStringLiteral("the result of %1 used as a value").arg(what)), true;
    // (bind=None, checkfirst=...): the bind must be the migration's own connection
    const py::Expr *given[2] = {nullptr, nullptr};
    static const char *const params[] = {"bind", "checkfirst"};
    if (call->args.size() > 2)
        return ev.fail(call, QStringLiteral("%1 with more than two positional arguments (TypeError)").arg(what)), true;
    for (uint32_t i = 0; i < call->args.size(); ++i) {
        if (call->args[i]->is<py::Starred>())
            return ev.fail(call->args[i], QStringLiteral("*arguments to %1").arg(what)), true;
        given[i] = call->args[i];
    }
    for (const py::Keyword *k : call->keywords) {
        int idx = -1;
        for (int i = 0; i < 2; ++i)
            if (k->arg == params[i])
                idx = i;
        if (idx < 0)
            return ev.fail(k->value, QStringLiteral("%1 with the argument %2").arg(what, k->arg.empty() ? QStringLiteral("**") : qs(k->arg))), true;
        if (given[idx])
            return ev.fail(k->value, QStringLiteral("%1 with %2 given twice (TypeError)").arg(what, qs(k->arg))), true;
        given[idx] = k->value;
    }
    // op.get_bind() itself, or a local name bound to it
    bool migrationBind = false;
    if (const auto *name = given[0] ? given[0]->dyn<py::Name>() : nullptr) {
        const PyValue *local = ev.local(qs(name->id));
        migrationBind = local && local->isReference(PyValue::Ref::Host) && local->hostKind == MigrationBind;
    } else if (const auto *bindCall = given[0] ? given[0]->dyn<py::Call>() : nullptr) {
        std::optional<PyValue> bindee = ev.eval(bindCall->func);
        migrationBind = bindee && bindee->isReference(PyValue::Ref::Library) && bindee->str == QLatin1String("op.get_bind")
                        && bindCall->args.empty() && bindCall->keywords.empty();
    }
    if (!migrationBind)
        return ev.fail(given[0] ? given[0] : call->func,
                    QStringLiteral("%1 with a bind other than op.get_bind()").arg(what)), true;
    // sa.Enum's create/drop default to checkfirst=False, postgresql.ENUM's to True
    bool checkfirst = type->str == QLatin1String("postgresql.ENUM");
    if (given[1]) {
        std::optional<PyValue> v = ev.eval(given[1]);
        if (!v)
            return true;
        const std::optional<bool> t = pyeval::truth(*v);
        if (!t || v->kind == PyValue::Kind::Construct)
            return ev.fail(given[1], QStringLiteral("%1 with a checkfirst that is not known").arg(what)), true;
        checkfirst = *t;
    }
    // Offline SQLAlchemy's mock connection never checks first; online the
    // check queries pg_type, which only Python can do.
    if (checkfirst && m_mode == RenderMode::Online)
        return ev.fail(call, QStringLiteral("%1 with checkfirst=True asks the database whether the type exists").arg(what)), true;
    PyValue args;
    args.kind = PyValue::Kind::Construct;
    args.str = type->str + QLatin1Char('.') + method;
    args.line = line;
    args.items << *type;
    m_calls->append(OpCall{QLatin1String("enum_") + method, args, line, OpCall::Kind::Op});
    ok = true;
    return true;
}

std::optional<OpCall> AlembicHost::batchCall(Evaluator &ev, const PyValue &ref, const PyValue &args, int line)
{
    const QString method = ref.member();
    Batch &batch = m_batches[int(ref.integer)];
    if (!batch.open)
        return ev.fail(line, QStringLiteral("batch_op.%1() after its with block (alembic would never run it)").arg(method));
    PyValue call = args;
    call.str = QLatin1String("op.") + method;
    if (method == QLatin1String("execute"))
        return OpCall{method, call, line, OpCall::Kind::Op};
    const OpSpec *spec = findOperation(method);
    if (!spec || spec->batchTableAt < 0)
        return ev.fail(line, QStringLiteral("batch_op.%1() is not evaluated natively").arg(method));
    if (call.items.size() > spec->batchMaxPositional) {
        if (method == QLatin1String("create_foreign_key") && call.items.size() == 5) {
            call.keywords.append({QStringLiteral("referent_schema"), call.items.takeLast()});
        } else {
            return ev.fail(line, QStringLiteral("batch_op.%1() with too many positional arguments (TypeError)").arg(method));
        }
    }
    for (const auto &kw : std::as_const(call.keywords)) {
        if (kw.first == QLatin1String("table_name") || kw.first == QLatin1String(spec->batchSchemaKeyword)
            || kw.first == QLatin1String("source_table"))
            return ev.fail(line, QStringLiteral("batch_op.%1(%2=...) (TypeError)").arg(method, kw.first));
        if ((kw.first == QLatin1String("insert_before") || kw.first == QLatin1String("insert_after"))
            && kw.second.kind != PyValue::Kind::None)
            return ev.fail(line, QStringLiteral("batch_op.%1(%2=...) needs recreate='always'").arg(method, kw.first));
    }
    if (call.items.size() < spec->batchTableAt)
        return ev.fail(line, QStringLiteral("batch_op.%1() without its required arguments (TypeError)").arg(method));
    if (method == QLatin1String("drop_index"))
        call.keywords.append({QStringLiteral("table_name"), batch.table});
    else
        call.items.insert(spec->batchTableAt, batch.table);
    if (batch.schema.kind != PyValue::Kind::None)
        call.keywords.append({QLatin1String(spec->batchSchemaKeyword), batch.schema});
    return OpCall{method, call, line, OpCall::Kind::Op};
}

Flow AlembicHost::withStatement(Evaluator &ev, const py::With *w)
{
    const int line = int(w->line);
    if (w->isAsync() || w->items.size() != 1)
        return ev.fail(line, QStringLiteral("a with statement other than op.batch_alter_table(...) or an autocommit block")),
               Flow::Fail;
    const py::WithItem *item = w->items.front();
    const auto *call = item->contextExpr->dyn<py::Call>();
    std::optional<PyValue> callee = call ? ev.eval(call->func) : std::nullopt;
    if (!call || (callee && !callee->isReference()))
        return ev.fail(item->contextExpr, QStringLiteral("a with statement other than op.batch_alter_table(...) or an autocommit block")),
               Flow::Fail;
    if (!callee)
        return Flow::Fail;
    PyValue args;
    args.kind = PyValue::Kind::Construct;
    args.str = callee->str;
    args.line = int(call->line);
    if (callee->isReference(PyValue::Ref::Host) && callee->hostKind == AutocommitBlock) {
        if (!ev.evalArguments(call, args))
            return Flow::Fail;
        if (!args.items.isEmpty() || !args.keywords.isEmpty())
            return ev.fail(call, QStringLiteral("autocommit_block() with arguments (TypeError)")), Flow::Fail;
        if (item->optionalVars)
            return ev.fail(item->optionalVars, QStringLiteral("`as` on an autocommit block")), Flow::Fail;
        if (m_autocommitDepth > 0)
            return ev.fail(call, QStringLiteral("an autocommit block inside another")), Flow::Fail;
        OpCall edge;
        edge.kind = OpCall::Kind::EnterAutocommit;
        edge.line = line;
        m_calls->append(edge);
        ++m_autocommitDepth;
        const Flow flow = ev.runBlock(w->body);
        --m_autocommitDepth;
        // a raise leaves the block too: alembic's `finally` emits BEGIN
        if (flow == Flow::Fail)
            return flow;
        edge.kind = OpCall::Kind::LeaveAutocommit;
        m_calls->append(edge);
        return flow;
    }
    if (callee->str != QLatin1String("op.batch_alter_table"))
        return ev.fail(call, QStringLiteral("a with statement on %1(...)").arg(callee->str)), Flow::Fail;
    if (!ev.evalArguments(call, args))
        return Flow::Fail;
    static const char *const params[] = {"table_name", "schema", "recreate"};
    const PyValue *given[3] = {nullptr, nullptr, nullptr};
    if (args.items.size() > 3)
        return ev.fail(call, QStringLiteral("op.batch_alter_table() with arguments beyond table_name, schema, recreate")), Flow::Fail;
    for (int i = 0; i < args.items.size(); ++i)
        given[i] = &args.items[i];
    for (const auto &kw : std::as_const(args.keywords)) {
        int idx = -1;
        for (int i = 0; i < 3; ++i)
            if (kw.first == QLatin1String(params[i]))
                idx = i;
        if (idx < 0 || given[idx])
            return ev.fail(call, QStringLiteral("op.batch_alter_table(%1=...) is not evaluated natively").arg(kw.first)), Flow::Fail;
        given[idx] = &kw.second;
    }
    if (!given[0] || !given[0]->isStr())
        return ev.fail(call, QStringLiteral("op.batch_alter_table() without a literal table name")), Flow::Fail;
    if (given[1] && given[1]->kind != PyValue::Kind::None && !given[1]->isStr())
        return ev.fail(call, QStringLiteral("op.batch_alter_table() with a schema that is not a str")), Flow::Fail;
    if (given[2] && !(given[2]->isStr() && (given[2]->str == QLatin1String("auto") || given[2]->str == QLatin1String("never"))))
        return ev.fail(call, QStringLiteral("op.batch_alter_table(recreate=...) other than 'auto' or 'never' (a table copy needs Python)")),
               Flow::Fail;
    Batch batch;
    batch.table = *given[0];
    if (given[1])
        batch.schema = *given[1];
    m_batches.append(batch);
    PyValue handle = args;
    handle.integer = m_batches.size() - 1;
    handle.items.clear();
    handle.keywords.clear();
    if (item->optionalVars && !ev.bind(item->optionalVars, handle))
        return Flow::Fail;
    const int index = int(handle.integer);
    const Flow flow = ev.runBlock(w->body);
    // alembic flushes the batch after its `yield`, which a raise never reaches
    if (flow == Flow::Fail || flow == Flow::Raise)
        return flow;
    // the batch's ops run when the block ends, after the plain ops inside it
    m_batches[index].open = false;
    *m_calls << m_batches[index].queued;
    return flow;
}

} // namespace retort
