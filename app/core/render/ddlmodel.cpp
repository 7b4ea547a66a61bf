#include "render/ddlmodel.h"

#include "render/renderargs.h"
#include "render/sqlquoting.h"

#include <QCryptographicHash>

namespace retort::ddl {

using render::fail;

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

QString conventionName(const QString &name)
{
    // DDLCompiler._truncate_and_render_maxlen_name: a name made by a naming
    // convention longer than the dialect allows keeps its first max-8
    // characters, then "_" and the last 4 hex digits of the whole name's md5
    if (name.size() <= sql::kMaxIdentifierLength)
        return name;
    const QByteArray md5 = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Md5).toHex();
    return name.left(sql::kMaxIdentifierLength - 8) + QLatin1Char('_') + QString::fromLatin1(md5.right(4));
}

QString defaultIndexName(const TableDef &t, const QString &column)
{
    // column_0_label is the first column's label (ColumnClause._gen_label):
    // [schema with '.' as '_' + '_']table_column
    const QString schema = t.schema.isEmpty() ? QString() : QString(t.schema).replace(QLatin1Char('.'), QLatin1Char('_')) + QLatin1Char('_');
    return conventionName(QStringLiteral("ix_") + schema + t.name + QLatin1Char('_') + column);
}

IndexDef defaultIndex(const TableDef &t, const ColumnDef &col)
{
    IndexDef index;
    index.name = defaultIndexName(t, col.name);
    index.table = t;
    index.unique = col.unique;
    index.elements = {IndexElement{col.name, QString(), QString()}};
    return index;
}

} // namespace retort::ddl
