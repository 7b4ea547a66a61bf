#pragma once

#include "render/opcall.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace retort {

// One of alembic's operations that Retort knows: the op registry. The
// evaluator records op.<name>(...) and batch_op.<name>(...) calls for the
// operations listed here, and OpRenderer renders them.
struct OpSpec {
    // Renders an op call's statements, or returns false with the reason it
    // needs Python. `createdEnums` is the run's native enums ("schema.name").
    using Render = bool (*)(const PyValue &call, QStringList &out, QString &reason, QSet<QString> &createdEnums);

    const char *name;
    Render render;  // nullptr: recorded, but not rendered natively yet
    // batch_op.<name>(...), queued by alembic on PostgreSQL until the batch
    // block ends: where the table name goes among the plain op's positional
    // arguments (-1: not a batch method), how many positional arguments the
    // batch method takes, and the schema keyword.
    int batchTableAt = -1;
    int batchMaxPositional = 0;
    const char *batchSchemaKeyword = nullptr;
    // An alembic op (op.<name>), or a call the evaluator records under this
    // name (an enum's create() and drop()).
    bool isOp = true;
};

// The operation called `name`, or nullptr.
const OpSpec *findOperation(const QString &name);

// Renders one evaluated op call as alembic 1.8.1 with SQLAlchemy 1.4
// prints it for PostgreSQL offline (statements without ';'), or returns
// false with the reason it needs Python. Dispatches through the op registry
// to the DDL (ddlrenderer.h) and DML (dmlrenderer.h) renderers; only forms
// verified against alembic are rendered. One renderer serves the op calls of
// one run in order: like alembic's DDL runner it remembers the native enums
// it has created, and creates each only once.
class OpRenderer {
public:
    // On success `reason` is empty, or the order note of statements alembic
    // emits in Python set order (SqlStatement::orderNote).
    bool render(const OpCall &call, QStringList &statements, QString &reason) const;

private:
    mutable QSet<QString> m_createdEnums;  // "schema.name"
};

} // namespace retort
