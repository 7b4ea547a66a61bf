#pragma once

#include "render/opcall.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace retort {

// Renders one evaluated op call as alembic 1.8.1 with SQLAlchemy 1.4
// prints it for PostgreSQL offline (statements without ';'), or returns
// false with the reason it needs Python. Dispatches to the DDL
// (ddlrenderer.h) and DML (dmlrenderer.h) renderers; only forms verified
// against alembic are rendered. One renderer serves the op calls of one
// run in order: like alembic's DDL runner it remembers the native enums it
// has created, and creates each only once.
class OpRenderer {
public:
    bool render(const OpCall &call, QStringList &statements, QString &reason) const;

private:
    bool execute(const PyValue &c, QStringList &out, QString &reason) const;

    mutable QSet<QString> m_createdEnums;  // "schema.name"
};

} // namespace retort
