#include "project/envreader.h"

#include "project/envflow.h"
#include "project/envvariables.h"
#include "project/projectfile.h"
#include "python/compilecheck.h"
#include "python/parser.h"

#include <QFile>

#include <sys/stat.h>

#include <cerrno>

#include <algorithm>
#include <map>
#include <string_view>
#include <vector>

namespace retort {

namespace {

using namespace retort::py;

QString qstr(std::string_view s) { return QString::fromUtf8(s.data(), int(s.size())); }

enum class OptionType { Str, Bool };

struct OptionSpec {
    const char *name;
    OptionType type;
};
constexpr OptionSpec kOptions[] = {
    {"version_table", OptionType::Str},
    {"version_table_schema", OptionType::Str},
    {"transaction_per_migration", OptionType::Bool},
    {"version_table_pk", OptionType::Bool},
    {"transactional_ddl", OptionType::Bool},
};
constexpr int kOptionCount = int(sizeof kOptions / sizeof kOptions[0]);
// configure()'s own parameters: every call sets them, to their default when
// not given (the others go through **kw and stay from an earlier call)
constexpr int kTransactionPerMigration = 2;
constexpr int kTransactionalDdl = 4;

// A literal as env.py may spell it.
struct Literal {
    enum Type { Invalid, None, Str, Bool } type = Invalid;
    QString text;
    bool flag = false;

    bool operator==(const Literal &o) const { return type == o.type && text == o.text && flag == o.flag; }
    QString toString() const
    {
        switch (type) {
        case None: return QStringLiteral("None");
        case Str: return QLatin1Char('\'') + text + QLatin1Char('\'');
        case Bool: return flag ? QStringLiteral("True") : QStringLiteral("False");
        default: return QString();
        }
    }
};

Literal literalOf(const Expr *e)
{
    Literal l;
    const auto *c = e->dyn<Constant>();
    if (!c)
        return l;
    switch (c->type) {
    case ConstantType::None: l.type = Literal::None; break;
    case ConstantType::True: l.type = Literal::Bool; l.flag = true; break;
    case ConstantType::False: l.type = Literal::Bool; l.flag = false; break;
    case ConstantType::Str:
        if (!c->lossy) {
            l.type = Literal::Str;
            l.text = qstr(c->value);
        }
        break;
    default: break;
    }
    return l;
}

// The assignments of one scope (the module, or one function without the
// functions nested in it): name -> every value assigned (nullptr when the
// binding is not a plain assignment: a parameter, an import, a loop target).
using Assignments = std::map<std::string_view, std::vector<const Expr *>>;

void collectTarget(const Expr *target, const Expr *value, Assignments &out)
{
    if (const auto *n = target->dyn<Name>()) {
        out[n->id].push_back(value);
        return;
    }
    if (const auto *seq = target->dyn<Sequence>()) {
        const auto *values = value ? value->dyn<Sequence>() : nullptr;
        const bool pairwise = values && values->elts.size() == seq->elts.size();
        for (uint32_t i = 0; i < seq->elts.size(); ++i)
            collectTarget(seq->elts[i], pairwise ? values->elts[i] : nullptr, out);
        return;
    }
    if (const auto *s = target->dyn<Starred>())
        collectTarget(s->value, nullptr, out);
}

void collectScope(Span<Stmt *> body, Assignments &out);

void collectStatement(const Stmt *s, Assignments &out)
{
    switch (s->kind) {
    case NodeKind::Assign:
        for (const Expr *t : s->as<Assign>()->targets)
            collectTarget(t, s->as<Assign>()->value, out);
        break;
    case NodeKind::AnnAssign:
        if (s->as<AnnAssign>()->value)
            collectTarget(s->as<AnnAssign>()->target, s->as<AnnAssign>()->value, out);
        break;
    case NodeKind::AugAssign: collectTarget(s->as<AugAssign>()->target, nullptr, out); break;
    case NodeKind::For:
    case NodeKind::AsyncFor:
        collectTarget(s->as<For>()->target, nullptr, out);
        collectScope(s->as<For>()->body, out);
        collectScope(s->as<For>()->orelse, out);
        break;
    case NodeKind::While:
        collectScope(s->as<While>()->body, out);
        collectScope(s->as<While>()->orelse, out);
        break;
    case NodeKind::If:
        collectScope(s->as<If>()->body, out);
        collectScope(s->as<If>()->orelse, out);
        break;
    case NodeKind::With:
    case NodeKind::AsyncWith:
        for (const WithItem *item : s->as<With>()->items)
            if (item->optionalVars)
                collectTarget(item->optionalVars, nullptr, out);
        collectScope(s->as<With>()->body, out);
        break;
    case NodeKind::Try:
    case NodeKind::TryStar: {
        const auto *t = s->as<Try>();
        collectScope(t->body, out);
        for (const ExceptHandler *h : t->handlers) {
            if (!h->name.empty())
                out[h->name].push_back(nullptr);
            collectScope(h->body, out);
        }
        collectScope(t->orelse, out);
        collectScope(t->finalbody, out);
        break;
    }
    case NodeKind::Import:
    case NodeKind::ImportFrom: {
        const Span<Alias *> names = s->kind == NodeKind::Import ? s->as<Import>()->names : s->as<ImportFrom>()->names;
        for (const Alias *a : names)
            out[boundName(a, s->kind)].push_back(nullptr);
        break;
    }
    case NodeKind::FunctionDef:
    case NodeKind::AsyncFunctionDef: out[s->as<FunctionDef>()->name].push_back(nullptr); break;
    case NodeKind::ClassDef: out[s->as<ClassDef>()->name].push_back(nullptr); break;
    default: break;
    }
}

void collectScope(Span<Stmt *> body, Assignments &out)
{
    for (const Stmt *s : body)
        collectStatement(s, out);
}

struct Scope {
    const FunctionDef *function = nullptr;  // nullptr: module level
    Assignments assignments;
};

class EnvReader {
public:
    // mode: the run whose options are read (kOfflineRun or kOnlineRun)
    EnvReader(const Module &module, const QString &path, EnvOptions &options, unsigned mode)
        : m_module(module), m_path(path), m_out(options), m_mode(mode),
          m_isContext([this](const Expr *e) { return isContext(e); })
    {
    }

    void run()
    {
        collectScope(m_module.body, m_moduleScope.assignments);
        findContextAliases();
        m_functionModes = functionModes(m_module, m_isContext);
        for (const Stmt *s : m_module.body)
            visit(s, &m_moduleScope, kEitherRun);
        apply();
    }

private:
    struct Seen {
        Literal value;
        int line = 0;
        bool given = true;  // false: a call that resets the option by leaving it out

        QString describe() const
        {
            return given ? value.toString() : value.toString() + QStringLiteral(" (not given: each call resets it)");
        }
    };

    // Names that refer to alembic's context: "context" itself, and whatever
    // it was imported or assigned as.
    void findContextAliases()
    {
        m_contextNames.push_back("context");
        for (const Stmt *s : m_module.body) {
            walk(s, [this](const Node *n) {
                if (const auto *from = n->dyn<ImportFrom>(); from && from->module == "alembic") {
                    for (const Alias *a : from->names)
                        if (a->name == "context" && !a->asname.empty())
                            m_contextNames.push_back(a->asname);
                } else if (const auto *imp = n->dyn<Import>()) {
                    for (const Alias *a : imp->names)
                        if (a->name == "alembic.context" && !a->asname.empty())
                            m_contextNames.push_back(a->asname);
                } else if (const auto *as = n->dyn<Assign>(); as && isContext(as->value)) {
                    for (const Expr *t : as->targets)
                        if (const auto *name = t->dyn<Name>())
                            m_contextNames.push_back(name->id);
                }
                return true;
            });
        }
    }

    bool isContext(const Expr *e) const
    {
        if (const auto *n = e->dyn<Name>()) {
            for (std::string_view c : m_contextNames)
                if (n->id == c)
                    return true;
            return false;
        }
        // alembic.context
        if (const auto *a = e->dyn<Attribute>()) {
            const auto *base = a->value->dyn<Name>();
            return a->attr == "context" && base && base->id == "alembic";
        }
        return false;
    }

    // runs: the modes in which alembic runs this code
    void visit(const Node *node, Scope *scope, unsigned runs)
    {
        if (const auto *f = node->dyn<FunctionDef>()) {
            Scope inner;
            inner.function = f;
            collectScope(f->body, inner.assignments);
            for (const auto *list : {&f->args->posonlyargs, &f->args->args, &f->args->kwonlyargs})
                for (const Arg *a : *list)
                    inner.assignments[a->arg].push_back(nullptr);
            if (f->args->vararg)
                inner.assignments[f->args->vararg->arg].push_back(nullptr);
            if (f->args->kwarg)
                inner.assignments[f->args->kwarg->arg].push_back(nullptr);
            for (const Expr *d : f->decoratorList)
                visit(d, scope, runs);
            // a module-level function runs where it is named; one never
            // named may still run (through code not followed): either mode
            unsigned inside = runs;
            const FunctionDef *unnamed = m_unnamed;
            if (scope == &m_moduleScope) {
                const auto named = m_functionModes.find(f);
                inside = named != m_functionModes.end() ? named->second : kEitherRun;
                m_unnamed = named != m_functionModes.end() ? nullptr : f;
            }
            for (const Stmt *s : f->body)
                visit(s, &inner, inside);
            m_unnamed = unnamed;
            return;
        }
        const auto isConfigure = [this](const Node *n) {
            const auto *attr = n->dyn<Attribute>();
            return attr && attr->attr == "configure" && isContext(attr->value);
        };
        if (const auto *call = node->dyn<Call>(); call && isConfigure(call->func)) {
            if (runs & m_mode)
                configureCall(call, scope);
            // its arguments; the function is read
            forEachChild(node, [&](const Node *child) {
                if (child != call->func)
                    visit(child, scope, runs);
            });
            return;
        }
        // configure() under another name: its options are not seen
        if (runs & m_mode) {
            const auto *from = node->dyn<ImportFrom>();
            if (isConfigure(node)
                || (from && from->module == "alembic.context"
                    && std::any_of(from->names.begin(), from->names.end(),
                                   [](const Alias *a) { return a->name == "configure" || a->name == "*"; })))
                problem(Error::Kind::Unresolved, int(node->line),
                        QStringLiteral("context.configure is reached by another name (%1): its options are not read")
                            .arg(qstr(m_module.text(node))));
        }
        forEachChildByMode(node, runs, m_isContext,
                           [this, scope](const Node *child, unsigned inside) { visit(child, scope, inside); });
    }

    // The literal a name refers to from `scope`, if it is bound exactly
    // once (or always to the same literal).
    bool resolveName(std::string_view name, const Scope *scope, Literal *out) const
    {
        for (const Scope *s : {scope, &m_moduleScope}) {
            auto it = s->assignments.find(name);
            if (it == s->assignments.end())
                continue;
            Literal first;
            for (size_t i = 0; i < it->second.size(); ++i) {
                const Expr *value = it->second[i];
                if (!value)
                    return false;
                const Literal l = literalOf(value);
                if (l.type == Literal::Invalid || (i > 0 && !(l == first)))
                    return false;
                if (i == 0)
                    first = l;
            }
            *out = first;
            return true;
        }
        return false;
    }

    void problem(Error::Kind kind, int line, const QString &message)
    {
        Location where;
        where.file = m_path;
        where.line = line;
        m_out.problems << Error(kind, message, where);
    }

    void configureCall(const Call *call, const Scope *scope)
    {
        if (m_unnamed) {
            // dead code, or run in a way not followed (getattr, a string):
            // harmless unless it sets what Retort reads
            for (const Keyword *k : call->keywords) {
                const bool read = k->arg.empty() || std::any_of(std::begin(kOptions), std::end(kOptions),
                                                               [k](const OptionSpec &o) { return k->arg == o.name; });
                if (read) {
                    problem(Error::Kind::Unresolved, int(k->line),
                            QStringLiteral("context.configure() in %1(), which env.py never calls by name, sets %2")
                                .arg(qstr(m_unnamed->name), qstr(m_module.text(k))));
                    break;
                }
            }
            return;
        }
        ++m_out.configureCalls;
        bool given[kOptionCount] = {};
        for (const Keyword *k : call->keywords) {
            if (k->arg.empty()) {
                problem(Error::Kind::Unresolved, int(k->line),
                        QStringLiteral("context.configure(**%1): options passed through ** are not read")
                            .arg(qstr(m_module.text(k->value))));
                continue;
            }
            for (int i = 0; i < kOptionCount; ++i) {
                if (k->arg != kOptions[i].name)
                    continue;
                Literal value = literalOf(k->value);
                if (value.type == Literal::Invalid) {
                    if (const auto *n = k->value->dyn<Name>())
                        resolveName(n->id, scope, &value);
                }
                // None: the dialect's own, which for PostgreSQL is True
                if (i == kTransactionalDdl && value.type == Literal::None) {
                    value.type = Literal::Bool;
                    value.flag = true;
                }
                const bool typeOk = value.type != Literal::Invalid
                    && (kOptions[i].type == OptionType::Bool ? value.type == Literal::Bool
                                                               : value.type != Literal::Bool);
                const QString name = QLatin1String(kOptions[i].name);
                if (!typeOk) {
                    problem(Error::Kind::Unresolved, int(k->value->line),
                            QStringLiteral("%1 is not a literal: %2").arg(name, qstr(m_module.text(k->value))));
                    if (!m_out.unresolved.contains(name))
                        m_out.unresolved << name;
                    continue;
                }
                given[i] = true;
                see(i, {value, int(k->value->line), true});
            }
        }
        Literal off;
        off.type = Literal::Bool;
        Literal on = off;
        on.flag = true;
        if (!given[kTransactionPerMigration])
            see(kTransactionPerMigration, {off, int(call->line), false});
        if (!given[kTransactionalDdl])
            see(kTransactionalDdl, {on, int(call->line), false});
    }

    void see(int option, const Seen &seen)
    {
        if (!m_seen[option].empty() && !(m_seen[option].front().value == seen.value)) {
            const Seen &first = m_seen[option].front();
            problem(Error::Kind::Config, seen.line,
                    QStringLiteral("context.configure() calls disagree on %1: %2 (line %3) and %4")
                        .arg(QLatin1String(kOptions[option].name), first.describe())
                        .arg(first.line)
                        .arg(seen.describe()));
        }
        m_seen[option].push_back(seen);
    }

    void apply()
    {
        for (int i = 0; i < kOptionCount; ++i) {
            if (m_seen[i].empty())
                continue;
            const Seen &s = m_seen[i].front();
            if (std::any_of(m_seen[i].cbegin(), m_seen[i].cend(), [](const Seen &x) { return x.given; }))
                m_out.found << QLatin1String(kOptions[i].name);
            switch (i) {
            case 0:
                if (s.value.type == Literal::Str)
                    m_out.versionTable = s.value.text;
                else
                    problem(Error::Kind::Config, s.line, QStringLiteral("version_table=None is not a table name; "
                                                                        "alembic would fail"));
                break;
            case 1: m_out.versionTableSchema = s.value.type == Literal::Str ? s.value.text : QString(); break;
            case 2: m_out.transactionPerMigration = s.value.flag; break;
            case 3: m_out.versionTablePk = s.value.flag; break;
            case 4:
                m_out.transactionalDdl = s.value.flag;
                m_out.transactionalDdlLine = s.value.flag ? 0 : s.line;
                break;
            }
        }
    }

    const Module &m_module;
    const QString &m_path;
    EnvOptions &m_out;
    const unsigned m_mode;
    const IsContext m_isContext;
    std::map<const FunctionDef *, unsigned> m_functionModes;
    const FunctionDef *m_unnamed = nullptr;  // the module-level function being read, when never named
    Scope m_moduleScope;
    std::vector<std::string_view> m_contextNames;
    std::vector<Seen> m_seen[kOptionCount];
};

} // namespace

namespace {

// What env.py decides that Retort cannot read or does not follow, where
// following defaults instead would write or read another version table, or
// run and print the migrations otherwise than alembic.
Error runOptionsNotFollowed(const QString &envPath, const EnvOptions &options)
{
    for (const Error &problem : options.problems) {
        const QString &m = problem.message();
        // calls in the same mode: which one runs is decided at run time
        if (problem.kind() == Error::Kind::Config && m.startsWith(QLatin1String("context.configure() calls disagree")))
            return Error(Error::Kind::Config,
                         m + QStringLiteral("; Retort cannot tell which one alembic uses"),
                         problem.where());
        if (problem.kind() != Error::Kind::Unresolved)
            continue;
        const auto is = [&m](const char *option) {
            return m.startsWith(QLatin1String(option) + QLatin1String(" is not a literal"));
        };
        QString what;
        if (is("version_table") || is("version_table_schema") || is("version_table_pk"))
            what = QStringLiteral("which version table the database keeps its revisions in");
        else if (is("transaction_per_migration") || is("transactional_ddl"))
            what = QStringLiteral("how alembic would group the migrations in transactions");
        else  // options through **, configure() under another name or in a function never named
            what = QStringLiteral("which version table the database keeps its revisions in, or how alembic would "
                                  "group the migrations in transactions");
        return Error(Error::Kind::Unresolved, QStringLiteral("Retort cannot tell %1: %2").arg(what, problem.message()),
                     problem.where());
    }
    if (!options.transactionalDdl) {
        Location where;
        where.file = envPath;
        where.line = options.transactionalDdlLine;
        return Error(Error::Kind::Config,
                     QStringLiteral("transactional_ddl=False: alembic then runs each migration in a "
                                    "transaction of its own and prints no BEGIN or COMMIT with --sql; Retort does "
                                    "not run or print migrations that way"),
                     where);
    }
    return {};
}

} // namespace

EnvOptions readEnvOptions(const QString &path, const QByteArray &source, EnvMode mode)
{
    EnvOptions options;
    ParseOptions parseOptions;
    parseOptions.fileName = path;
    const ParseResult parsed = parseModule(std::string_view(source.constData(), size_t(source.size())), parseOptions);
    // Python compiles what it imports: its compiler's checks come after the parser's
    const Error error = parsed.ok() ? checkCompiles(parsed.module, path) : parsed.error;
    if (error) {
        options.hasSyntaxError = true;
        options.problems << error;
    }
    EnvReader(parsed.module, path, options, mode == EnvMode::Offline ? kOfflineRun : kOnlineRun).run();
    options.environmentVariables = environmentVariablesRead(parsed.module);
    if (!error) {
        bool foreign = false;
        const int runs = migrationRuns(parsed.module, &foreign);
        options.migrationRuns = runs == 0 && foreign ? -1 : runs;
    }
    return options;
}

Result<EnvOptions> loadEnvOptions(const QString &envPath, EnvMode mode)
{
    struct stat st {};
    if (::lstat(QFile::encodeName(envPath).constData(), &st) != 0 && errno == ENOENT)
        return EnvOptions();
    Result<QByteArray> source = readProjectFile(envPath, FileLimit::kEnv, QStringLiteral("env.py"));
    if (!source)
        return source.error();
    EnvOptions options = readEnvOptions(envPath, source.value(), mode);
    // alembic runs env.py: one it cannot compile stops every command that
    // needs it, and one that never runs the migrations prints nothing
    if (options.hasSyntaxError && !options.problems.isEmpty())
        return options.problems.front();
    if (options.migrationRuns == 0 || options.migrationRuns > 1) {
        Location where;
        where.file = envPath;
        return Error(Error::Kind::Config,
                     options.migrationRuns == 0
                         ? QStringLiteral("env.py never runs the migrations: no module-level code reaches "
                                          "context.run_migrations(), so alembic would do nothing")
                         : QStringLiteral("env.py can run the migrations more than once (context.run_migrations() "
                                          "is reached twice); Retort renders and applies them once only"),
                     where);
    }
    if (Error e = runOptionsNotFollowed(envPath, options))
        return e;
    return options;
}

} // namespace retort
