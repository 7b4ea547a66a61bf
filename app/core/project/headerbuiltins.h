#pragma once

#include "python/ast.h"

#include <string_view>
#include <unordered_map>

namespace retort {

// Header values Python computes with tuple() or list() of data the module
// itself spells out: `depends_on = tuple(_depends_on)` after
// `_depends_on = ["a1", "b2"]`, or `branch_labels = list(("x",))`. A static
// reader may take the argument's value only when nothing at module level
// can have changed it since it was bound, so a name qualifies only when
// every read of it in the module is such an argument, no module-level
// statement is a bare expression (`_depends_on.append(...)`), and no
// module-level code calls a function the module defines (which could
// mutate it through `global`).
class SequenceBuiltins {
public:
    explicit SequenceBuiltins(const py::Module &module);

    // The argument of `tuple(x)` or `list(x)` (one positional argument, no
    // keywords) when its value may be read statically: a list or tuple
    // display, or a name as described above. Else nullptr. `builtin` gets
    // "tuple" or "list", for the caller to check the module does not
    // rebind it.
    const py::Expr *argument(const py::Expr *e, std::string_view *builtin) const;

private:
    static const py::Expr *callArgument(const py::Expr *e, std::string_view *builtin);

    std::unordered_map<std::string_view, int> m_reads;          // Name loads per name
    std::unordered_map<std::string_view, int> m_argumentReads;  // of which tuple()/list() arguments
    bool m_moduleMayMutate = false;
};

} // namespace retort
