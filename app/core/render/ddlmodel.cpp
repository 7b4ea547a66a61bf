#include "render/ddlmodel.h"

#include "render/sqlquoting.h"

namespace retort::ddl {

namespace {

bool fail(QString &reason, const QString &why)
{
    reason = why;
    return false;
}

} // namespace

QVector<int> primaryKeyColumns(const TableModel &t)
{
    QVector<int> pk;
    if (t.primaryKey) {
        for (const QString &n : t.primaryKey->columns)
            for (int i = 0; i < t.columns.size(); ++i)
                if (t.columns[i].name == n)
                    pk << i;
        return pk;
    }
    for (int i = 0; i < t.columns.size(); ++i)
        if (t.columns[i].primaryKey)
            pk << i;
    return pk;
}

bool autoincrementColumn(const QVector<ColumnDef> &cols, const QVector<int> &pk, int &out, QString &reason)
{
    out = -1;
    if (pk.size() != 1) {
        for (int i : pk)
            if (cols[i].autoincrement == 1)
                return fail(reason, QStringLiteral("autoincrement=True in a composite primary key"));
        return true;
    }
    const ColumnDef &c = cols[pk.front()];
    if (c.autoincrement == 0)
        return true;
    const bool integer = c.type.isIntegerFamily();
    const bool numeric = c.type.family == CompiledType::Family::Numeric || c.type.family == CompiledType::Family::Float;
    if (numeric)
        return fail(reason, QStringLiteral("a numeric primary key column (SQLAlchemy makes it SERIAL)"));
    if (c.autoincrement == 1) {
        if (!integer || c.pythonDefault || c.hasServerDefault || !c.foreignKeys.isEmpty())
            return fail(reason, QStringLiteral("autoincrement=True on this column is not rendered natively yet"));
        out = pk.front();
        return true;
    }
    if (!integer || c.pythonDefault || c.hasServerDefault || !c.foreignKeys.isEmpty() || !c.computed.isEmpty())
        return true;
    out = pk.front();
    return true;
}

bool defaultIndex(const TableDef &t, const ColumnDef &col, IndexDef &out, QString &reason)
{
    // column_0_label is the column's label: [schema_]table_column
    out.name = QStringLiteral("ix_") + (t.schema.isEmpty() ? QString() : t.schema + QLatin1Char('_')) + t.name
               + QLatin1Char('_') + col.name;
    if (out.name.size() > sql::kMaxIdentifierLength)
        return fail(reason, QStringLiteral("the index name %1 is too long (SQLAlchemy truncates it)").arg(out.name));
    out.table = t;
    out.unique = col.unique;
    out.elements = {IndexElement{col.name, QString(), QString()}};
    return true;
}

} // namespace retort::ddl
