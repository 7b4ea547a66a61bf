#pragma once

#include "eval/pyvalue.h"

#include <QString>
#include <QStringList>

namespace retort::dml {

// op.bulk_insert(table, rows): one INSERT per row, its values rendered as
// SQLAlchemy 1.4 renders literals offline for each column's type. The table
// is sa.table("t", sa.column("c", type), ..., schema=...) or the value of
// `t = op.create_table(...)`; op.inline_literal(str|int) values render by
// their own type. Values SQLAlchemy cannot render offline
// (dicts, lists, dates, untyped columns) are refused, as alembic fails there.
bool bulkInsert(const PyValue &call, QStringList &out, QString &reason);

} // namespace retort::dml
