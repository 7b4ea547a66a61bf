#pragma once

#include "error.h"
#include "python/ast.h"

#include <unordered_map>

namespace retort::py {

// What CPython's symbol table learns about a function, lambda or
// comprehension that its compiler's later checks need.
struct BlockFacts {
    bool generator = false;  // a yield in the block itself
    bool coroutine = false;  // async def; a comprehension with 'async for' or await
};

struct SymbolTable {
    Error error;  // the first error of the symbol-table pass, or none
    std::unordered_map<const Node *, BlockFacts> blocks;

    BlockFacts facts(const Node *block) const
    {
        const auto it = blocks.find(block);
        return it == blocks.end() ? BlockFacts{} : it->second;
    }
};

// A list, set or dict comprehension or a generator expression taken apart,
// as both compile passes walk it; `node` is nullptr for any other node.
struct ComprehensionParts {
    const Expr *node = nullptr;
    Span<Comprehension *> generators;
    const Expr *elt = nullptr;    // a dict comprehension's key
    const Expr *value = nullptr;  // a dict comprehension's value, else nullptr
};
ComprehensionParts comprehensionParts(const Node *node);

// fn(arg) for each parameter of a def or lambda in the order CPython's
// passes visit them: positional-only, positional, keyword-only, *args, **kwargs.
template <class F>
void forEachParameter(const Arguments *a, F &&fn)
{
    for (Span<Arg *> list : {a->posonlyargs, a->args, a->kwonlyargs})
        for (const Arg *arg : list)
            fn(arg);
    for (const Arg *arg : {a->vararg, a->kwarg})
        if (arg)
            fn(arg);
}

// CPython 3.11's symbol-table pass (Python/symtable.c) over a parsed module:
// the scope errors compile() raises before its code generator runs
// (global/nonlocal after use or assignment, parameter and global, no binding
// for nonlocal, annotated global, duplicate parameters, import * in a
// function, walrus rules in comprehensions, yield in a comprehension), in
// Python's order, message and position. With `futureAnnotations`,
// annotations are left out, as Python then only keeps their text.
SymbolTable buildSymbolTable(const Module &module, const QString &fileName, bool futureAnnotations);

} // namespace retort::py
