#pragma once

#include "render/pyvalue.h"

#include <QString>
#include <QStringList>

namespace retort {

// Renders one evaluated op call as SQLAlchemy 1.4 compiles it for
// PostgreSQL offline (statements without ';'), or returns false with the
// reason it needs Python. Only forms verified against alembic are rendered:
// execute (str, sa.text), drop_table, drop_column, create_index, drop_index,
// create_foreign_key, drop_constraint.
class OpRenderer {
public:
    bool render(const OpCall &call, QStringList &statements, QString &reason) const;

private:
    bool execute(const PyValue &c, QStringList &out, QString &reason) const;
    bool dropTable(const PyValue &c, QStringList &out, QString &reason) const;
    bool dropColumn(const PyValue &c, QStringList &out, QString &reason) const;
    bool createIndex(const PyValue &c, QStringList &out, QString &reason) const;
    bool dropIndex(const PyValue &c, QStringList &out, QString &reason) const;
    bool createForeignKey(const PyValue &c, QStringList &out, QString &reason) const;
    bool dropConstraint(const PyValue &c, QStringList &out, QString &reason) const;
};

} // namespace retort
