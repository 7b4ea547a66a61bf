#pragma once

#include "eval/pyvalue.h"

namespace retort {

// One op.<name>(...) call of a body, its arguments evaluated, or the edge of
// a `with op.get_context().autocommit_block():` (name and call empty).
struct OpCall {
    enum class Kind { Op, EnterAutocommit, LeaveAutocommit };
    QString name;  // "execute", "create_index", ...
    PyValue call;  // Construct "op.<name>"
    int line = 0;
    Kind kind = Kind::Op;
};

} // namespace retort
