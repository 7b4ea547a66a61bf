#include "project/headerbuiltins.h"

#include <functional>
#include <unordered_set>

namespace retort {

using namespace retort::py;

SequenceBuiltins::SequenceBuiltins(const Module &module)
{
    std::unordered_set<std::string_view> functions;
    for (const Stmt *s : module.body)
        if (const auto *f = s->dyn<FunctionDef>())
            functions.insert(f->name);
    bool first = true;
    std::function<bool(const Node *)> visit = [&](const Node *n) {
        // a function's body runs only when called; its decorators, defaults and annotations run now
        if (const auto *f = n->dyn<FunctionDef>()) {
            functions.insert(f->name);
            for (const Expr *d : f->decoratorList)
                walk(d, visit);
            walk(f->args, visit);
            walk(f->returns, visit);
            return false;
        }
        if (const auto *e = n->dyn<ExprStmt>()) {
            const auto *c = e->value->dyn<Constant>();
            // the module docstring is the one harmless expression statement
            if (!(first && c && c->type == ConstantType::Str))
                m_moduleMayMutate = true;
        } else if (const auto *name = n->dyn<Name>()) {
            if (name->ctx == ExprContext::Load)
                ++m_reads[name->id];
        } else if (const auto *call = n->dyn<Call>()) {
            const auto *callee = call->func->dyn<Name>();
            if (callee && functions.count(callee->id))
                m_moduleMayMutate = true;
            std::string_view builtin;
            if (const Expr *arg = callArgument(call, &builtin))
                if (const auto *argName = arg->dyn<Name>())
                    ++m_argumentReads[argName->id];
        }
        return true;
    };
    for (const Stmt *s : module.body) {
        walk(s, visit);
        first = false;
    }
}

const Expr *SequenceBuiltins::callArgument(const Expr *e, std::string_view *builtin)
{
    const auto *call = e->dyn<Call>();
    const auto *callee = call ? call->func->dyn<Name>() : nullptr;
    if (!callee || (callee->id != "tuple" && callee->id != "list") || call->args.size() != 1
        || call->keywords.size() != 0 || call->args[0]->is<Starred>())
        return nullptr;
    *builtin = callee->id;
    return call->args[0];
}

const Expr *SequenceBuiltins::argument(const Expr *e, std::string_view *builtin) const
{
    const Expr *arg = callArgument(e, builtin);
    if (!arg)
        return nullptr;
    if (arg->is<Sequence>())
        return arg;
    const auto *name = arg->dyn<Name>();
    if (!name || m_moduleMayMutate)
        return nullptr;
    const auto reads = m_reads.find(name->id);
    const auto argumentReads = m_argumentReads.find(name->id);
    if (reads == m_reads.end() || argumentReads == m_argumentReads.end() || reads->second != argumentReads->second)
        return nullptr;
    return arg;
}

} // namespace retort
