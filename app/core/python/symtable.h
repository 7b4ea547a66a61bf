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

// CPython 3.11's symbol-table pass (Python/symtable.c) over a parsed module:
// the scope errors compile() raises before its code generator runs
// (global/nonlocal after use or assignment, parameter and global, no binding
// for nonlocal, annotated global, duplicate parameters, import * in a
// function, walrus rules in comprehensions, yield in a comprehension), in
// Python's order, message and position. With `futureAnnotations`,
// annotations are left out, as Python then only keeps their text.
SymbolTable buildSymbolTable(const Module &module, const QString &fileName, bool futureAnnotations);

} // namespace retort::py
