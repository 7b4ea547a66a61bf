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

namespace {

// _validate_autoinc: whether `c` can be the autoincrement column; with
// autoincrement=True, SQLAlchemy raises where this refuses.
bool validateAutoincrement(const ColumnDef &c, bool autoincrementTrue, bool &valid, QString &reason)
{
    using Family = CompiledType::Family;
    // Integer or Numeric type affinity (Float is a Numeric)
    const bool affinity = c.type.isIntegerFamily() || c.type.family == Family::Numeric || c.type.family == Family::Float;
    valid = false;
    if (!affinity) {
        if (autoincrementTrue)
            return fail(reason, QStringLiteral("autoincrement=True on column %1, whose type is not an integer "
                                               "(SQLAlchemy raises ArgumentError)").arg(c.name));
        return true;
    }
    if (!autoincrementTrue && c.pythonDefault)
        return true;
    // sa.Computed is the column's server default too; sa.Identity is not counted
    if (!autoincrementTrue && (c.hasServerDefault || !c.computed.isEmpty()))
        return true;
    if (c.hasForeignKey() && c.autoincrement != ColumnDef::Autoincrement::Yes
        && c.autoincrement != ColumnDef::Autoincrement::IgnoreFk)
        return true;
    valid = true;
    return true;
}

} // namespace

bool autoincrementColumn(const QVector<ColumnDef> &cols, const QVector<int> &pk, int &out, QString &reason)
{
    using Auto = ColumnDef::Autoincrement;
    out = -1;
    bool valid = false;
    if (pk.size() == 1) {
        const ColumnDef &c = cols[pk.front()];
        if (c.autoincrement == Auto::No)
            return true;
        if (!validateAutoincrement(c, c.autoincrement == Auto::Yes, valid, reason))
            return false;
        if (valid || c.autoincrement == Auto::Yes)
            out = pk.front();
        return true;
    }
    // several columns: only one marked autoincrement=True
    for (int i : pk) {
        if (cols[i].autoincrement != Auto::Yes)
            continue;
        if (!validateAutoincrement(cols[i], true, valid, reason))
            return false;
        if (out >= 0)
            return fail(reason, QStringLiteral("two primary key columns marked autoincrement=True (SQLAlchemy raises "
                                               "ArgumentError)"));
        out = i;
    }
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
