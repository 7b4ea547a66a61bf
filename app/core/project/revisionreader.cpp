#include "project/revisionreader.h"

#include "project/headerbuiltins.h"
#include "project/importtimeeffects.h"
#include "python/compilecheck.h"
#include "python/parser.h"

#include <QHash>

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace retort {

namespace {

using namespace retort::py;

QString qstr(std::string_view s) { return QString::fromUtf8(s.data(), int(s.size())); }

// What a module-level name is bound to, as far as a static reader knows.
// Unresolved values keep the node they came from; its text is only made
// into a QString for the four header fields.
struct Value {
    HeaderValue header;         // state Literal or Unresolved; expression left empty
    const Node *source = nullptr;  // the expression an Unresolved value stands for
};

struct Binding {
    std::string_view name;
    Value value;
};

enum HeaderField { Revision, DownRevision, BranchLabels, DependsOn, HeaderCount };

class Reader {
public:
    // package: the dotted package a module belongs to, for its relative
    // imports; a revision file has none (alembic loads it by path).
    Reader(const Module &module, RevisionScript &script, std::string_view package = {})
        : m_module(module), m_script(script), m_builtins(module), m_package(package)
    {
        m_bindings.reserve(16);
    }

    // Every module-level name whose final value is a literal or another
    // module's constant, with that value, and the modules imported.
    ModuleConstants constants() const
    {
        ModuleConstants out;
        for (const Binding &b : m_bindings) {
            const HeaderValue &h = b.value.header;
            if (h.state == HeaderValue::State::Literal || h.state == HeaderValue::State::Imported)
                out.values.insert(qstr(b.name), h);
        }
        out.imports = m_imports;
        out.fromImports = m_fromImports;
        return out;
    }

    // The value `name` is bound to at the end of the module (Absent: none).
    HeaderValue bindingValue(std::string_view name) const
    {
        const auto at = m_index.find(name);
        return at == m_index.end() ? HeaderValue{} : m_bindings[at->second].value.header;
    }

    // The module (or a module's name) an import bound `name` to, as it
    // stands at the end of the module; empty when it is not an import.
    QString moduleBinding(std::string_view name) const
    {
        const auto at = m_index.find(name);
        if (at == m_index.end())
            return {};
        const HeaderValue &h = m_bindings[at->second].value.header;
        return isLoneImport(h) ? h.items.front() : QString();
    }

    void run()
    {
        for (const Stmt *s : m_module.body)
            statement(s, nullptr);
    }

    // The final value of a header field, with the source text of an
    // unresolved one, and the compound statement it was assigned in (or null).
    HeaderValue result(HeaderField field, const char **nestedIn) const
    {
        const Value &v = m_headers[field];
        *nestedIn = m_nestedIn[field];
        HeaderValue h = v.header;
        if ((h.state == HeaderValue::State::Unresolved || h.state == HeaderValue::State::Imported) && v.source)
            h.expression = qstr(m_module.text(v.source));
        return h;
    }

private:
    static int headerField(std::string_view name)
    {
        if (name == "revision") return Revision;
        if (name == "down_revision") return DownRevision;
        if (name == "branch_labels") return BranchLabels;
        if (name == "depends_on") return DependsOn;
        return -1;
    }

    // By hash: a constants module may bind hundreds of thousands of names.
    Binding *lookup(std::string_view name)
    {
        const auto at = m_index.find(name);
        return at == m_index.end() ? nullptr : &m_bindings[at->second];
    }

    void bind(std::string_view name, const Value &value, const char *nestedIn = nullptr)
    {
        if (Binding *b = lookup(name))
            b->value = value;
        else
        {
            m_index.emplace(name, m_bindings.size());
            m_bindings.push_back({name, value});
        }
        const int field = headerField(name);
        if (field >= 0) {
            m_headers[field] = value;
            m_nestedIn[field] = nestedIn;
        }
    }

    static Value unresolved(const Node *expr, uint32_t line)
    {
        Value v;
        v.header.state = HeaderValue::State::Unresolved;
        v.header.line = int(line);
        v.source = expr;
        return v;
    }

    static Value literal(const HeaderValue &h)
    {
        Value v;
        v.header = h;
        return v;
    }

    // A name or attribute another module defines: "pkg.mod.NAME".
    static Value imported(const QString &dotted, const Node *source, uint32_t line)
    {
        Value v;
        v.header.state = HeaderValue::State::Imported;
        v.header.line = int(line);
        v.header.items << dotted;
        v.header.importedItems << 0;
        v.source = source;
        return v;
    }

    static bool isLoneImport(const HeaderValue &h)
    {
        return h.state == HeaderValue::State::Imported && !h.isSequence && h.items.size() == 1;
    }

    // `cli.EXPAND_BRANCH` where cli is an imported module: the dotted path.
    Value evaluateAttribute(const Attribute *a, uint32_t line, const Expr *whole)
    {
        QString chain = qstr(a->attr);
        const Expr *e = a->value;
        while (const auto *inner = e->dyn<Attribute>()) {
            chain = qstr(inner->attr) + QLatin1Char('.') + chain;
            e = inner->value;
        }
        if (const auto *n = e->dyn<Name>()) {
            const Binding *b = lookup(n->id);
            if (b && isLoneImport(b->value.header))
                return imported(b->value.header.items.front() + QLatin1Char('.') + chain, whole, line);
        }
        return unresolved(whole, line);
    }

    // The module a module-level import names, absolute; empty for a
    // relative import without a package to anchor it.
    QString importedModule(const ImportFrom *f) const
    {
        return absoluteImportModule(qstr(m_package), f->level, f->module);
    }

    void bindImport(const Stmt *s, const Alias *a, const char *nestedIn)
    {
        const std::string_view bound = boundName(a, s->kind);
        if (bound == "*")
            return;
        QString target;
        if (!nestedIn) {
            if (s->kind == NodeKind::Import) {
                // import a.b binds a; import a.b as m binds m to a.b
                target = a->asname.empty() ? qstr(a->name).section(QLatin1Char('.'), 0, 0) : qstr(a->name);
            } else {
                const QString module = importedModule(s->as<ImportFrom>());
                if (!module.isEmpty())
                    target = module + QLatin1Char('.') + qstr(a->name);
            }
        }
        if (target.isEmpty()) {
            bindOpaque(bound, a, s->line);
            return;
        }
        bind(bound, imported(target, a, s->line));
        // what importing this module imports first
        if (s->kind == NodeKind::Import)
            m_imports << qstr(a->name);
        else
            m_fromImports << target;
    }

    // A str constant, or an f-string without replacement fields.
    static bool stringValue(const Expr *e, QString *out)
    {
        if (const auto *c = e->dyn<Constant>()) {
            if (c->type != ConstantType::Str || c->lossy)
                return false;
            *out = qstr(c->value);
            return true;
        }
        if (const auto *j = e->dyn<JoinedStr>()) {
            QString text;
            for (const Expr *part : j->values) {
                const auto *c = part->dyn<Constant>();
                if (!c || c->type != ConstantType::Str)
                    return false;
                text += qstr(c->value);
            }
            *out = text;
            return true;
        }
        return false;
    }

    // Evaluates a value the way the module would: None, str, a tuple/list of
    // str, or a name bound to one of those earlier.
    Value evaluate(const Expr *e, uint32_t line)
    {
        HeaderValue v;
        v.state = HeaderValue::State::Literal;
        v.line = int(line);
        QString s;
        if (const auto *c = e->dyn<Constant>(); c && c->type == ConstantType::None) {
            v.isNone = true;
            return literal(v);
        }
        if (stringValue(e, &s)) {
            v.items << s;
            return literal(v);
        }
        if (const auto *n = e->dyn<Name>())
            return evaluateName(n, line, e);
        if (const auto *a = e->dyn<Attribute>())
            return evaluateAttribute(a, line, e);
        if (const auto *seq = e->dyn<Sequence>()) {
            v.isSequence = true;
            for (const Expr *elt : seq->elts) {
                if (stringValue(elt, &s)) {
                    v.items << s;
                    continue;
                }
                Value inner;
                if (const auto *n = elt->dyn<Name>())
                    inner = evaluateName(n, line, e);
                else if (const auto *a = elt->dyn<Attribute>())
                    inner = evaluateAttribute(a, line, e);
                if (inner.header.isLiteral() && !inner.header.isNone && !inner.header.isSequence) {
                    v.items << inner.header.items;
                    continue;
                }
                if (isLoneImport(inner.header)) {
                    v.importedItems << qint32(v.items.size());
                    v.items << inner.header.items;
                    continue;
                }
                return unresolved(e, line);
            }
            if (v.importedItems.isEmpty())
                return literal(v);
            v.state = HeaderValue::State::Imported;
            Value out = literal(v);
            out.source = e;
            return out;
        }
        std::string_view builtin;
        if (const Expr *arg = m_builtins.argument(e, &builtin); arg && !lookup(builtin)) {
            const Value inner = arg->is<Name>() ? evaluateName(arg->as<Name>(), line, e) : evaluate(arg, line);
            if (inner.header.isLiteral() && inner.header.isSequence)
                return inner;
        }
        return unresolved(e, line);
    }

    Value evaluateName(const Name *n, uint32_t line, const Expr *whole)
    {
        const Binding *b = lookup(n->id);
        if (b && b->value.header.isLiteral()) {
            Value v = b->value;
            v.header.line = int(line);
            return v;
        }
        if (b && b->value.header.state == HeaderValue::State::Imported) {
            Value v = b->value;
            v.header.line = int(line);
            v.source = whole;
            return v;
        }
        return unresolved(whole, line);
    }

    // Binds the names in an assignment target.
    void assign(const Expr *target, const Expr *value, uint32_t line, const char *nestedIn)
    {
        if (const auto *n = target->dyn<Name>()) {
            if (nestedIn)
                bind(n->id, unresolved(value ? static_cast<const Node *>(value) : target, line), nestedIn);
            else if (value)
                bind(n->id, evaluate(value, line));
            else
                bind(n->id, unresolved(target, line));
            return;
        }
        if (const auto *seq = target->dyn<Sequence>()) {
            // a, b = "x", "y": element-wise when the shapes match.
            const auto *values = value ? value->dyn<Sequence>() : nullptr;
            bool starred = false;
            for (const Expr *elt : seq->elts)
                starred |= elt->is<Starred>();
            if (values && !starred && values->elts.size() == seq->elts.size()) {
                for (uint32_t i = 0; i < seq->elts.size(); ++i)
                    assign(seq->elts[i], values->elts[i], line, nestedIn);
                return;
            }
            for (const Expr *elt : seq->elts)
                assign(elt, nullptr, line, nestedIn);
            return;
        }
        if (const auto *s = target->dyn<Starred>())
            assign(s->value, nullptr, line, nestedIn);
        // Attributes and subscripts bind no module-level name.
    }

    void bindOpaque(std::string_view name, const Node *node, uint32_t line)
    {
        bind(name, unresolved(node, line));
    }

    void block(Span<Stmt *> body, const char *nestedIn)
    {
        for (const Stmt *s : body)
            statement(s, nestedIn);
    }

    void statement(const Stmt *s, const char *nestedIn)
    {
        switch (s->kind) {
        case NodeKind::Assign: {
            const auto *a = s->as<Assign>();
            for (const Expr *t : a->targets)
                assign(t, a->value, s->line, nestedIn);
            break;
        }
        case NodeKind::AnnAssign: {
            const auto *a = s->as<AnnAssign>();
            if (a->value)
                assign(a->target, a->value, s->line, nestedIn);
            break;
        }
        case NodeKind::AugAssign:
            assign(s->as<AugAssign>()->target, nullptr, s->line, nestedIn);
            break;
        case NodeKind::Delete:
            for (const Expr *t : s->as<Delete>()->targets)
                assign(t, nullptr, s->line, nestedIn);
            break;
        case NodeKind::Import:
        case NodeKind::ImportFrom: {
            const Span<Alias *> names = s->kind == NodeKind::Import ? s->as<Import>()->names : s->as<ImportFrom>()->names;
            for (const Alias *a : names)
                bindImport(s, a, nestedIn);
            break;
        }
        case NodeKind::FunctionDef:
        case NodeKind::AsyncFunctionDef: {
            const auto *f = s->as<FunctionDef>();
            if (!nestedIn) {
                if (f->name == "upgrade")
                    m_script.upgradeLine = int(s->line);
                else if (f->name == "downgrade")
                    m_script.downgradeLine = int(s->line);
            }
            bindOpaque(f->name, s, s->line);
            break;
        }
        case NodeKind::ClassDef:
            bindOpaque(s->as<ClassDef>()->name, s, s->line);
            break;
        case NodeKind::If:
            block(s->as<If>()->body, "if");
            block(s->as<If>()->orelse, "if");
            break;
        case NodeKind::While:
            block(s->as<While>()->body, "while");
            block(s->as<While>()->orelse, "while");
            break;
        case NodeKind::For:
        case NodeKind::AsyncFor: {
            const auto *f = s->as<For>();
            assign(f->target, nullptr, s->line, "for");
            block(f->body, "for");
            block(f->orelse, "for");
            break;
        }
        case NodeKind::With:
        case NodeKind::AsyncWith: {
            const auto *w = s->as<With>();
            for (const WithItem *item : w->items) {
                if (item->optionalVars)
                    assign(item->optionalVars, nullptr, s->line, "with");
            }
            block(w->body, "with");
            break;
        }
        case NodeKind::Try:
        case NodeKind::TryStar: {
            const auto *t = s->as<Try>();
            block(t->body, "try");
            for (const ExceptHandler *h : t->handlers) {
                if (!h->name.empty())
                    bindOpaque(h->name, h, h->line);
                block(h->body, "try");
            }
            block(t->orelse, "try");
            block(t->finalbody, "try");
            break;
        }
        default:
            break;
        }
    }

    const Module &m_module;
    RevisionScript &m_script;
    const SequenceBuiltins m_builtins;
    const std::string_view m_package;
    QStringList m_imports, m_fromImports;
    std::vector<Binding> m_bindings;
    std::unordered_map<std::string_view, size_t> m_index;  // name -> its binding
    Value m_headers[HeaderCount];
    const char *m_nestedIn[HeaderCount] = {};
};

void readDocstring(const Module &module, RevisionScript &script)
{
    if (module.body.empty())
        return;
    const auto *e = module.body[0]->dyn<ExprStmt>();
    const auto *c = e ? e->value->dyn<Constant>() : nullptr;
    if (!c || c->type != ConstantType::Str)
        return;
    script.hasDocstring = true;
    script.docstring = qstr(c->value);
    script.docstringLine = int(c->line);
    const std::string_view doc = c->value;
    const size_t at = doc.find("Create Date:");
    if (at != std::string_view::npos) {
        const size_t from = at + 12;
        const size_t to = std::min(doc.find('\n', from), doc.size());
        script.createDate = qstr(doc.substr(from, to - from)).trimmed();
    }
}

void reportUnresolved(const QString &path, const char *name, const HeaderValue &value, const char *nestedIn,
                      RevisionScript &script)
{
    if (value.state != HeaderValue::State::Unresolved)
        return;
    Location where;
    where.file = path;
    where.line = value.line;
    const QString message = nestedIn
        ? QStringLiteral("%1 is assigned inside a module-level '%2' statement, so its value depends on how "
                         "the module runs: %3")
              .arg(QLatin1String(name), QLatin1String(nestedIn), value.expression)
        : QStringLiteral("%1 is not a literal: %2").arg(QLatin1String(name), value.expression);
    script.problems << Error(Error::Kind::Unresolved, message, where);
}

// A header the module may set some other way than by assigning it: a
// global statement, a walrus, globals()/vars()/exec()/setattr() (a hostile
// try wrote `globals()["branch_labels"] = ...`, which alembic reads).
void rebindAtRunTime(const char *name, const ImportTimeEffects &effects, HeaderValue &value)
{
    QString why;
    if (effects.reboundNames.contains(QLatin1String(name)))
        why = QStringLiteral("%1 is also bound by a global statement or a := expression").arg(QLatin1String(name));
    else if (!effects.reflective.isEmpty())
        why = QStringLiteral("the module uses %1 on line %2, which can set %3")
                  .arg(effects.reflective)
                  .arg(effects.reflectiveLine)
                  .arg(QLatin1String(name));
    if (why.isEmpty())
        return;
    if (value.state == HeaderValue::State::Absent)
        value.line = effects.reflectiveLine;
    value.expression = why;
    value.state = HeaderValue::State::Unresolved;
    value.importedItems.clear();
}

// alembic's and SQLAlchemy's own modules: a project that shadowed them
// could not run alembic at all.
QStringList projectModules(const QStringList &modules)
{
    QStringList out;
    for (const QString &m : modules) {
        const QString top = m.section(QLatin1Char('.'), 0, 0);
        if (top != QLatin1String("alembic") && top != QLatin1String("sqlalchemy"))
            out << m;
    }
    return out;
}

} // namespace

Result<ModuleConstants> readModuleConstants(const QString &path, const QByteArray &source, const QString &package)
{
    ParseOptions options;
    options.fileName = path;
    options.skipFunctionBodies = false;
    const ParseResult parsed = parseModule(std::string_view(source.constData(), size_t(source.size())), options);
    const Error error = parsed.ok() ? checkCompiles(parsed.module, path) : parsed.error;
    if (error)
        return error;
    RevisionScript ignored;
    const QByteArray packageUtf8 = package.toUtf8();
    Reader reader(parsed.module, ignored, std::string_view(packageUtf8.constData(), size_t(packageUtf8.size())));
    reader.run();
    ModuleConstants constants = reader.constants();
    const ImportTimeEffects effects =
        importTimeEffects(parsed.module, [&reader](std::string_view name) { return reader.moduleBinding(name); }, {},
                          {}, package);
    if (!effects.reflective.isEmpty())
        constants.values.clear();
    for (const QString &name : effects.reboundNames)
        constants.values.remove(name);
    // a list that may be changed in place is not what the file spells out
    for (const QString &name : effects.escapedNames) {
        const auto value = constants.values.constFind(name);
        if (value != constants.values.constEnd() && value->isSequence)
            constants.values.erase(value);
    }
    constants.stores = effects.stores;
    for (ModuleStore &store : constants.stores)
        store.file = path;
    constants.anyImports = effects.imports;
    const ImportTimeRun run = importTimeRun(parsed.module);
    constants.importTimeCode = run.what;
    constants.importTimeLine = run.line;
    return constants;
}

RevisionScript readRevisionScript(const QString &path, const QByteArray &source)
{
    RevisionScript script;
    script.path = path;
    const int slash = int(path.lastIndexOf(QLatin1Char('/')));
    script.fileName = slash >= 0 ? path.mid(slash + 1) : path;

    ParseOptions options;
    options.fileName = path;
    // Bodies are parsed too: alembic imports the whole module, so a syntax
    // error anywhere in it stops alembic, and must stop Retort.
    options.skipFunctionBodies = false;
    const ParseResult parsed = parseModule(std::string_view(source.constData(), size_t(source.size())), options);
    // Python compiles what it imports: its compiler's checks come after the parser's
    const Error error = parsed.ok() ? checkCompiles(parsed.module, path) : parsed.error;
    if (error) {
        script.hasSyntaxError = true;
        script.problems << error;
    }
    readDocstring(parsed.module, script);
    Reader reader(parsed.module, script);
    reader.run();
    const std::pair<HeaderField, HeaderValue RevisionScript::*> fields[] = {
        {Revision, &RevisionScript::revision},
        {DownRevision, &RevisionScript::downRevision},
        {BranchLabels, &RevisionScript::branchLabels},
        {DependsOn, &RevisionScript::dependsOn},
    };
    static const char *const names[] = {"revision", "down_revision", "branch_labels", "depends_on"};
    // upgrade() and downgrade() run after alembic has read the headers
    const ImportTimeEffects effects = importTimeEffects(
        parsed.module, [&reader](std::string_view name) { return reader.moduleBinding(name); },
        {QStringLiteral("upgrade"), QStringLiteral("downgrade")},
        {QStringLiteral("revision"), QStringLiteral("down_revision"), QStringLiteral("branch_labels"),
         QStringLiteral("depends_on")});
    // A list of the module's changed in place: any list header may be it
    // (`branch_labels = L` then `L.append(...)`, or the header itself).
    QString changedList;
    for (const QString &name : effects.escapedNames) {
        const QByteArray utf8 = name.toUtf8();
        if (reader.bindingValue(std::string_view(utf8.constData(), size_t(utf8.size()))).isSequence) {
            changedList = name;
            break;
        }
    }
    for (const auto &[field, member] : fields) {
        const char *nestedIn = nullptr;
        script.*member = reader.result(field, &nestedIn);
        rebindAtRunTime(names[field], effects, script.*member);
        HeaderValue &h = script.*member;
        if (!changedList.isEmpty() && h.isSequence
            && (h.state == HeaderValue::State::Literal || h.state == HeaderValue::State::Imported)) {
            h.state = HeaderValue::State::Unresolved;
            h.expression = QStringLiteral("the list %1 may be changed in place while the module runs").arg(changedList);
            h.importedItems.clear();
        }
        reportUnresolved(path, names[field], script.*member, nestedIn, script);
    }
    script.imports = projectModules(effects.imports);
    script.stores = effects.stores;
    const ImportTimeRun run = importTimeRun(parsed.module);
    script.importTimeCode = run.what;
    script.importTimeLine = run.line;
    for (ModuleStore &store : script.stores)
        store.file = path;
    return script;
}

} // namespace retort
