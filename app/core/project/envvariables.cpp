#include "project/envvariables.h"

#include "python/ast.h"

namespace retort {

using namespace py;

namespace {

bool endsWith(const std::string &dotted, std::string_view suffix)
{
    return dotted == suffix
        || (dotted.size() > suffix.size() && dotted.compare(dotted.size() - suffix.size(), suffix.size(), suffix) == 0
            && dotted[dotted.size() - suffix.size() - 1] == '.');
}

// os.environ, environ, or whatever.environ: the mapping itself.
bool isEnviron(const Expr *e) { return e && endsWith(dottedName(e), "environ"); }

QString stringConstant(const Expr *e)
{
    const auto *c = e ? e->dyn<Constant>() : nullptr;
    return c && c->isString() ? QString::fromUtf8(c->value.data(), int(c->value.size())) : QString();
}

} // namespace

QStringList environmentVariablesRead(const Module &module)
{
    QStringList names;
    const auto add = [&names](const QString &name) {
        if (!name.isEmpty() && !names.contains(name))
            names << name;
    };
    for (const Stmt *s : module.body) {
        walk(s, [&](const Node *n) {
            if (const auto *sub = n->dyn<Subscript>(); sub && isEnviron(sub->value)) {
                add(stringConstant(sub->slice));
            } else if (const auto *call = n->dyn<Call>(); call && !call->args.empty()) {
                const std::string callee = dottedName(call->func);
                if (endsWith(callee, "getenv") || endsWith(callee, "environ.get")
                    || endsWith(callee, "environ.setdefault") || endsWith(callee, "environ.pop"))
                    add(stringConstant(call->args[0]));
            } else if (const auto *cmp = n->dyn<Compare>(); cmp && cmp->ops.size() == 1
                       && (cmp->ops[0] == CmpOpKind::In || cmp->ops[0] == CmpOpKind::NotIn)
                       && isEnviron(cmp->comparators[0])) {
                add(stringConstant(cmp->left));
            }
            return true;
        });
    }
    return names;
}

} // namespace retort
