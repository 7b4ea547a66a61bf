#include "project/importtimeeffects.h"

#include "python/ast.h"

#include <QHash>
#include <QSet>

#include <unordered_set>

#include <algorithm>
#include <utility>
#include <iterator>

namespace retort {

namespace {

using namespace retort::py;

QString qstr(std::string_view s) { return QString::fromUtf8(s.data(), int(s.size())); }

class Scanner {
public:
    Scanner(const Module &module, const std::function<QString(std::string_view)> &moduleOf, QString package)
        : m_module(module), m_moduleOf(moduleOf), m_package(std::move(package))
    {
    }

    void collectLocalImports(const Node *root)
    {
        // An absolute import inside a function binds the name there: enough
        // to know `consts.X = ...` next to it changes a module.
        walk(root, [this](const Node *n) {
            if (n->kind != NodeKind::Import && n->kind != NodeKind::ImportFrom)
                return true;
            const Span<Alias *> names = n->kind == NodeKind::Import ? n->as<Import>()->names : n->as<ImportFrom>()->names;
            for (const Alias *a : names) {
                const std::string_view bound = boundName(a, n->kind);
                QString target;
                if (n->kind == NodeKind::Import) {
                    target = a->asname.empty() ? qstr(a->name).section(QLatin1Char('.'), 0, 0) : qstr(a->name);
                    effects.imports << qstr(a->name);
                } else {
                    const QString module = absoluteImportModule(m_package, n->as<ImportFrom>()->level, n->as<ImportFrom>()->module);
                    if (!module.isEmpty()) {
                        target = module + QLatin1Char('.') + qstr(a->name);
                        effects.imports << (a->name == "*" ? module : target);
                    }
                }
                if (bound != "*" && !target.isEmpty() && !m_localImports.contains(qstr(bound)))
                    m_localImports.insert(qstr(bound), target);
            }
            return true;
        });
    }

    // The places where reading a name or module constant cannot change its
    // object: compared, iterated, copied or measured by a builtin, or bound
    // to a header name alembic only reads.
    void collectSafeReads(const Node *root, const QStringList &headerNames)
    {
        static const std::string_view readers[] = {"tuple", "list", "len", "sorted", "set", "frozenset", "str",
                                                   "repr", "print", "bool", "any", "all", "min", "max", "sum",
                                                   "iter", "enumerate", "zip", "reversed", "isinstance"};
        walk(root, [&](const Node *n) {
            if (const auto *a = n->dyn<Assign>()) {
                bool headers = true;
                for (const Expr *t : a->targets) {
                    const auto *name = t->dyn<Name>();
                    headers = headers && name && headerNames.contains(qstr(name->id));
                }
                if (headers)
                    m_safe.insert(a->value);
            } else if (const auto *c = n->dyn<Call>()) {
                const auto *f = c->func->dyn<Name>();
                if (f && std::find(std::begin(readers), std::end(readers), f->id) != std::end(readers)) {
                    for (const Expr *arg : c->args)
                        m_safe.insert(arg);
                }
            } else if (const auto *cmp = n->dyn<Compare>()) {
                m_safe.insert(cmp->left);
                for (const Expr *e : cmp->comparators)
                    m_safe.insert(e);
            } else if (const auto *f = n->dyn<For>()) {
                m_safe.insert(f->iter);
            } else if (const auto *g = n->dyn<Comprehension>()) {
                m_safe.insert(g->iter);
            } else if (const auto *a = n->dyn<Attribute>(); a && a->value->is<Name>()) {
                m_attributeRoots.insert(a->value);
            }
            return true;
        });
    }

    void scan(const Node *root)
    {
        walk(root, [this](const Node *n) {
            visit(n);
            return true;
        });
    }

    ImportTimeEffects effects;

private:
    QString moduleOf(std::string_view name) const
    {
        const QString bound = m_moduleOf(name);
        return bound.isEmpty() ? m_localImports.value(qstr(name)) : bound;
    }

    // "pkg.consts.X" for `consts.X` where consts is an imported module.
    QString moduleDotted(const Expr *e) const
    {
        const std::string dotted = dottedName(e);
        const size_t dot = dotted.find('.');
        const std::string_view root(dotted.data(), dot == std::string::npos ? dotted.size() : dot);
        if (root.empty())
            return {};
        const QString module = moduleOf(root);
        return module.isEmpty() ? module : module + QString::fromStdString(dotted.substr(root.size()));
    }

    // sys.modules[...], importlib.import_module(...), __import__(...): an
    // expression that hands out a module named at run time.
    static bool namesAModuleAtRunTime(const Expr *e)
    {
        if (const auto *s = e->dyn<Subscript>()) {
            const std::string v = dottedName(s->value);
            return v == "sys.modules" || v == "modules";
        }
        if (const auto *c = e->dyn<Call>()) {
            const std::string f = dottedName(c->func);
            return f == "__import__" || f == "import_module" || f == "importlib.import_module"
                || f == "sys.modules.get" || f == "modules.get" || f == "reload" || f == "importlib.reload";
        }
        return false;
    }

    static const Expr *chainRoot(const Expr *e)
    {
        while (const auto *a = e->dyn<Attribute>())
            e = a->value;
        return e;
    }

    void store(const QString &target, const Node *at, ExprContext ctx = ExprContext::Load)
    {
        QString what = qstr(m_module.text(at)).simplified().left(80);
        if (ctx == ExprContext::Store)
            what += QStringLiteral(" = ...");
        else if (ctx == ExprContext::Del)
            what.prepend(QStringLiteral("del "));
        effects.stores << ModuleStore{target, what, QString(), int(at->line)};
    }

    void reflect(const QString &what, const Node *at)
    {
        if (effects.reflective.isEmpty()) {
            effects.reflective = what;
            effects.reflectiveLine = int(at->line);
        }
    }

    void visit(const Node *n)
    {
        if (n->kind == NodeKind::Global || n->kind == NodeKind::Nonlocal) {
            for (std::string_view name : n->as<Global>()->names)
                effects.reboundNames << qstr(name);
        } else if (const auto *w = n->dyn<NamedExpr>()) {
            if (const auto *target = w->target->dyn<Name>())
                effects.reboundNames << qstr(target->id);
        } else if (const auto *name = n->dyn<Name>()) {
            escapes(name);
            static const std::string_view reflective[] = {"globals", "locals", "vars", "exec", "eval", "setattr",
                                                          "delattr", "__import__"};
            if (std::find(std::begin(reflective), std::end(reflective), name->id) != std::end(reflective))
                reflect(qstr(name->id) + QStringLiteral("()"), n);
            // exec and eval can change any module
            if (name->id == "exec" || name->id == "eval")
                store(QStringLiteral("*"), n);
        } else if (const auto *a = n->dyn<Attribute>()) {
            visitAttribute(a);
        } else if (const auto *s = n->dyn<Subscript>()) {
            if (s->ctx != ExprContext::Load && namesAModuleAtRunTime(s->value))
                store(QStringLiteral("*"), n, s->ctx);  // sys.modules["x"] = other
        } else if (const auto *c = n->dyn<Call>()) {
            visitCall(c);
        }
    }

    void visitAttribute(const Attribute *a)
    {
        escapes(a);
        if (a->attr == "modules" || a->attr == "__dict__" || a->attr == "globals" || a->attr == "locals")
            reflect(qstr(m_module.text(a)), a);
        // a frame's globals are any module's (sys._getframe(1).f_globals, inspect.currentframe())
        if (a->attr == "_getframe" || a->attr == "currentframe" || a->attr == "f_globals" || a->attr == "f_locals") {
            reflect(qstr(m_module.text(a)), a);
            store(QStringLiteral("*"), a);
        }
        if (a->attr == "__dict__") {
            // consts.__dict__[...] = ..., consts.__dict__.update(...)
            const QString module = moduleDotted(a->value);
            if (!module.isEmpty())
                store(module + QStringLiteral(".*"), a);
            return;
        }
        if (a->ctx == ExprContext::Load)
            return;
        const QString target = moduleDotted(a);
        if (!target.isEmpty()) {
            store(target, a, a->ctx);
            return;
        }
        if (namesAModuleAtRunTime(chainRoot(a)))
            store(QStringLiteral("*"), a, a->ctx);
    }

    void visitCall(const Call *c)
    {
        const std::string callee = dottedName(c->func);
        if (callee == "__import__" || callee == "import_module" || callee == "importlib.import_module") {
            // a module imported by a name spelled out, or any module
            const auto *name = c->args.empty() ? nullptr : c->args[0]->dyn<Constant>();
            if (name && name->type == ConstantType::Str)
                effects.imports << qstr(name->value);
            else
                store(QStringLiteral("*"), c);
            return;
        }
        const auto *f = c->func->dyn<Name>();
        if (!f || c->args.empty())
            return;
        if (f->id != "setattr" && f->id != "delattr" && f->id != "vars")
            return;
        const Expr *object = c->args[0];
        const QString module = moduleDotted(object);
        if (!module.isEmpty())
            store(module + QStringLiteral(".*"), c);
        else if (namesAModuleAtRunTime(object))
            store(QStringLiteral("*"), c);
        // anything else is an object's attribute, not a module's
    }

    // A name or module constant read where its object may be changed.
    void escapes(const Expr *e)
    {
        if (m_safe.count(e))
            return;
        if (const auto *name = e->dyn<Name>()) {
            if (name->ctx != ExprContext::Load)
                return;
            const QString module = moduleOf(name->id);
            if (module.isEmpty()) {
                if (!effects.escapedNames.contains(qstr(name->id)))
                    effects.escapedNames << qstr(name->id);
            } else if (!m_attributeRoots.count(e)) {
                // an alias of a module constant (`L = consts.LABELS`), or a
                // module handed to code that may set its attributes (`f(consts)`)
                mutation(module, e, true);
            }
            return;
        }
        if (const auto *a = e->dyn<Attribute>(); a && a->ctx == ExprContext::Load) {
            const QString dotted = moduleDotted(a);
            if (!dotted.isEmpty())
                mutation(dotted, e);
        }
    }

    void mutation(const QString &target, const Node *at, bool handedOn = false)
    {
        const QString top = target.section(QLatin1Char('.'), 0, 0);
        const QString key = target + (handedOn ? QStringLiteral("!") : QString());
        if (top == QLatin1String("alembic") || top == QLatin1String("sqlalchemy") || m_mutated.contains(key))
            return;  // not the project's; or said already
        m_mutated.insert(key);
        ModuleStore s{target, qstr(m_module.text(at)).simplified().left(80), QString(), int(at->line), true};
        s.handedOn = handedOn;
        effects.stores << s;
    }

    const Module &m_module;
    const std::function<QString(std::string_view)> &m_moduleOf;
    const QString m_package;
    QHash<QString, QString> m_localImports;
    std::unordered_set<const Node *> m_safe;
    std::unordered_set<const Node *> m_attributeRoots;  // the `consts` of `consts.X`
    QSet<QString> m_mutated;
};

bool skipped(const Stmt *s, const QStringList &skipFunctions)
{
    if (skipFunctions.isEmpty() || (s->kind != NodeKind::FunctionDef && s->kind != NodeKind::AsyncFunctionDef))
        return false;
    const std::string_view name = s->as<FunctionDef>()->name;
    return skipFunctions.contains(QString::fromUtf8(name.data(), int(name.size())));
}

// Module-level code runs; function and lambda bodies wait for a call.
template <typename F>
void walkImportTimeCode(const Node *n, F &&visit)
{
    if (n->kind == NodeKind::FunctionDef || n->kind == NodeKind::AsyncFunctionDef || n->kind == NodeKind::Lambda)
        return;
    if (!visit(n))
        return;
    forEachChild(n, [&visit](const Node *child) { walkImportTimeCode(child, visit); });
}

} // namespace

ImportTimeRun importTimeRun(const py::Module &module)
{
    ImportTimeRun found;
    auto note = [&found](const QString &what, const Node *at) {
        if (found.line == 0 || int(at->line) < found.line)
            found = ImportTimeRun{what, int(at->line)};
    };
    for (const Stmt *s : module.body) {
        walkImportTimeCode(s, [&](const Node *n) {
            if (n->kind == NodeKind::Raise) {
                note(QStringLiteral("raise"), n);
            } else if (n->kind == NodeKind::Assert) {
                note(QStringLiteral("assert"), n);
            } else if (const auto *e = n->dyn<ExprStmt>(); e && e->value->is<Call>()) {
                const std::string callee = dottedName(e->value->as<Call>()->func);
                note(QStringLiteral("%1()").arg(callee.empty() ? QStringLiteral("a call") : QString::fromStdString(callee)), n);
            } else if (const auto *c = n->dyn<Call>()) {
                if (const auto *f = c->func->dyn<Name>(); f && f->id == "print")
                    note(QStringLiteral("print()"), n);
            }
            return found.line == 0;
        });
        if (found.line)
            break;
    }
    return found;
}

QString absoluteImportModule(const QString &package, uint32_t level, std::string_view module)
{
    if (level == 0)
        return qstr(module);
    QStringList parts = package.isEmpty() ? QStringList() : package.split(QLatin1Char('.'));
    for (uint32_t up = 1; up < level && !parts.isEmpty(); ++up)
        parts.removeLast();
    if (parts.isEmpty())
        return {};
    if (!module.empty())
        parts << qstr(module);
    return parts.join(QLatin1Char('.'));
}

ImportTimeEffects importTimeEffects(const py::Module &module,
                                    const std::function<QString(std::string_view name)> &moduleOf,
                                    const QStringList &skipFunctions, const QStringList &headerNames,
                                    const QString &package)
{
    Scanner scanner(module, moduleOf, package);
    for (const Stmt *s : module.body) {
        if (!skipped(s, skipFunctions)) {
            scanner.collectLocalImports(s);
            scanner.collectSafeReads(s, headerNames);
        }
    }
    for (const Stmt *s : module.body) {
        if (!skipped(s, skipFunctions))
            scanner.scan(s);
    }
    return scanner.effects;
}

} // namespace retort
