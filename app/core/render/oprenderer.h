#pragma once

#include "render/pyvalue.h"

#include <QString>
#include <QStringList>

namespace retort {

// Renders one evaluated op call as alembic 1.8.1 with SQLAlchemy 1.4
// prints it for PostgreSQL offline (statements without ';'), or returns
// false with the reason it needs Python. Dispatches to the DDL
// (ddlrenderer.h) and DML (dmlrenderer.h) renderers; only forms verified
// against alembic are rendered.
class OpRenderer {
public:
    bool render(const OpCall &call, QStringList &statements, QString &reason) const;

private:
    bool execute(const PyValue &c, QStringList &out, QString &reason) const;
};

} // namespace retort
