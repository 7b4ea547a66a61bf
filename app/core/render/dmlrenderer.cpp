#include "render/dmlrenderer.h"

#include "render/renderargs.h"
#include "render/sqlliteral.h"
#include "render/sqlquoting.h"
#include "render/typecompiler.h"

namespace retort::dml {

using render::Args;
using render::bindArgs;
using render::fail;
using render::isNone;

namespace {

struct TableColumn {
    QString name;
    CompiledType type;
};

struct TableShape {
    QString schema, name;
    QVector<TableColumn> columns;
};

bool tableShape(const PyValue &t, TableShape &out, QString &reason)
{
    const bool lightweight = t.called && t.isConstruct("sa.table");
    const bool created = t.called && t.isConstruct("op.create_table");
    if (!lightweight && !created)
        return fail(reason, QStringLiteral("op.bulk_insert into something that is not sa.table(...) or op.create_table(...)"));
    if (t.items.isEmpty() || !render::nameOf(&t.items.front(), out.name, reason, "the table name"))
        return fail(reason, reason.isEmpty() ? QStringLiteral("op.bulk_insert: a table without a literal name") : reason);
    for (const auto &[key, value] : t.keywords) {
        if (key == QLatin1String("schema")) {
            if (!render::schemaOf(&value, out.schema, reason))
                return false;
        } else if (!created) {
            return fail(reason, QStringLiteral("sa.table(%1=...) is not rendered natively yet").arg(key));
        }
    }
    for (int i = 1; i < t.items.size(); ++i) {
        const PyValue &c = t.items[i];
        const bool isColumn = c.called && (lightweight ? c.isConstruct("sa.column") : c.isConstruct("sa.Column"));
        if (!isColumn) {
            if (created)
                continue;  // constraints and indexes of the created table
            return fail(reason, QStringLiteral("sa.table() with an argument that is not sa.column(...)"));
        }
        TableColumn col;
        if (c.items.isEmpty() || !render::nameOf(&c.items.front(), col.name, reason, "a column name"))
            return fail(reason, reason.isEmpty() ? QStringLiteral("a column without a literal name") : reason);
        if (c.items.size() < 2)
            return fail(reason, QStringLiteral("column %1 has no type (SQLAlchemy cannot render its literals)").arg(col.name));
        if (!compileType(c.items[1], col.type, reason))
            return false;
        out.columns << col;
    }
    return true;
}

bool literal(const PyValue &v, const TableColumn &col, QString &out, QString &reason)
{
    using Family = CompiledType::Family;
    if (v.kind == PyValue::Kind::None) {
        out = QStringLiteral("NULL");
        return true;
    }
    const Family f = col.type.family;
    if (v.isConstruct("op.inline_literal") && v.called) {
        // its own type, from the Python value, whatever the column's
        if (v.items.size() == 1 && v.keywords.isEmpty()) {
            const PyValue &inner = v.items.front();
            if (inner.isStr())
                return render::strLiteral(inner.str, out, reason);
            if (inner.kind == PyValue::Kind::Int) {
                out = QString::number(inner.integer);
                return true;
            }
        }
        return fail(reason, QStringLiteral("an op.inline_literal() that is not of a literal str or int"));
    }
    switch (v.kind) {
    case PyValue::Kind::Str:
        if (f == Family::String)
            return render::strLiteral(v.str, out, reason);
        break;
    case PyValue::Kind::Int:
        if (col.type.isIntegerFamily() || f == Family::Float || f == Family::Numeric) {
            out = QString::number(v.integer);
            return true;
        }
        break;
    case PyValue::Kind::Float:
        if (f == Family::Float || f == Family::Numeric) {
            if (!render::pythonFloatRepr(v.real, out))
                return fail(reason, QStringLiteral("a float that is not finite"));
            return true;
        }
        break;
    case PyValue::Kind::Bool:
        if (f == Family::Boolean) {
            out = v.boolean ? QStringLiteral("true") : QStringLiteral("false");
            return true;
        }
        break;
    default:
        break;
    }
    return fail(reason, QStringLiteral("a value for column %1 (%2) whose literal is not rendered natively")
                            .arg(col.name, col.type.sql));
}

} // namespace

bool bulkInsert(const PyValue &c, QStringList &out, QString &reason)
{
    const Args a = bindArgs(c, {"table", "rows", "multiinsert"});
    if (!a.ok())
        return fail(reason, QStringLiteral("op.bulk_insert: ") + a.error);
    if (!a[0] || !a[1])
        return fail(reason, QStringLiteral("op.bulk_insert without a table and rows"));
    bool ok = true;
    render::boolArg(a[2], true, ok);
    if (!ok)
        return fail(reason, QStringLiteral("op.bulk_insert: multiinsert= is not a literal bool"));
    TableShape table;
    if (!tableShape(*a[0], table, reason))
        return false;
    if (!a[1]->isSequence())
        return fail(reason, QStringLiteral("op.bulk_insert rows that are not a literal list"));
    const QString target = sql::qualifiedTable(table.schema, table.name);
    for (const PyValue &row : a[1]->items) {
        if (row.kind != PyValue::Kind::Dict)
            return fail(reason, QStringLiteral("op.bulk_insert: a row that is not a literal dict"));
        QStringList names, values;
        for (const TableColumn &col : std::as_const(table.columns)) {
            const PyValue *v = nullptr;
            for (const auto &[key, value] : row.keywords)
                if (key == col.name)
                    v = &value;
            if (!v)
                continue;
            QString lit;
            if (!literal(*v, col, lit, reason))
                return false;
            names << sql::quoteIdentifier(col.name);
            values << lit;
        }
        for (const auto &[key, value] : row.keywords) {
            bool known = false;
            for (const TableColumn &col : std::as_const(table.columns))
                known = known || col.name == key;
            if (!known)
                return fail(reason, QStringLiteral("op.bulk_insert: a row names column %1 the table does not have").arg(key));
        }
        if (names.isEmpty())
            return fail(reason, QStringLiteral("op.bulk_insert: an empty row is not rendered natively yet"));
        out << QStringLiteral("INSERT INTO ") + target + QStringLiteral(" (") + names.join(QStringLiteral(", "))
                   + QStringLiteral(") VALUES (") + values.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    return true;
}

} // namespace retort::dml
