#pragma once

#include "error.h"
#include "python/ast.h"

#include <string_view>

namespace retort::py {

struct ParseOptions {
    QString fileName;  // for error locations
    // Do not build function bodies: tokenize them (so lexical errors are
    // still found) and record FunctionDef::bodyRange instead. f-string
    // replacement fields inside skipped bodies are not checked.
    bool skipFunctionBodies = false;
};

struct ParseResult {
    Module module;  // on error: the top-level statements before the failing one
    Error error;    // Kind::Syntax with file, line, column and Python's message
    bool ok() const { return !error.isError(); }
};

// Parses a whole file given as raw bytes (BOM, coding cookie and UTF-8 are
// checked first). Python 3.11 syntax except `match` statements, which are
// reported as unsupported.
ParseResult parseModule(std::string_view raw, const ParseOptions &options = {});

// Parses the body of a function that was skipped with skipFunctionBodies,
// into the same module (its arena, its offsets). Does nothing for a body that
// is already there. On error the body stays skipped.
Error parseFunctionBody(Module &module, FunctionDef &function, const QString &fileName = {});

// Parses all skipped function bodies, nested ones included.
Error parseAllFunctionBodies(Module &module, const QString &fileName = {});

} // namespace retort::py
