#include "render/ddlrenderer.h"

#include "render/ddlmodelreader.h"
#include "render/pgddlcompiler.h"
#include "render/renderargs.h"
#include "render/sqlliteral.h"
#include "render/sqlquoting.h"
#include "render/typecompiler.h"

#include <optional>

namespace retort::ddl {

using render::Args;
using render::bindArgs;
using render::fail;
using render::isNone;
using render::nameOf;
using render::schemaOf;

namespace {

QString q(const QString &name)
{
    return sql::quoteIdentifier(name);
}

QString setOrderNote(qsizetype count, const char *what)
{
    return QStringLiteral("one of alembic's valid orders: it emits these %1 %2 in Python set order, which varies "
                          "between its runs; Retort keeps the order written")
        .arg(count)
        .arg(QLatin1String(what));
}

} // namespace

bool createTable(const PyValue &c, QStringList &out, QString &reason, QSet<QString> &createdEnums)
{
    TableModel t;
    if (!readCreateTable(c, t, reason))
        return false;
    int serial = -1;
    if (!autoincrementColumn(t.columns, primaryKeyColumns(t), serial, reason))
        return false;
    // CREATE TYPE for native enums, once per name and run, in column order
    QStringList created;
    for (const ColumnDef &col : std::as_const(t.columns)) {
        for (const EnumTypeDef &e : col.type.enums) {
            const QString key = e.schema + QLatin1Char('.') + e.name;
            if (!e.createType || createdEnums.contains(key) || created.contains(key))
                continue;
            created << key;
            out << pgddl::visitCreateEnumType(e);
        }
    }
    QString createTable;
    if (!pgddl::visitCreateTable(t, serial, createTable, reason))
        return false;
    out << createTable;
    QVector<IndexDef> indexes = t.indexes;
    for (const ColumnDef &col : std::as_const(t.columns)) {
        if (!col.index)
            continue;
        indexes << defaultIndex(t.table, col);
    }
    // table.indexes is a Python set: alembic's order varies between its runs;
    // the order written is one of them, and the step says so
    if (indexes.size() > 1)
        reason = setOrderNote(indexes.size(), "CREATE INDEX statements of op.create_table");
    for (const IndexDef &index : std::as_const(indexes))
        out << pgddl::visitCreateIndex(index);
    if (t.comment) {
        QString s;
        if (!pgddl::visitSetTableComment(t.table, t.comment, s, reason))
            return false;
        out << s;
    }
    for (const ColumnDef &col : std::as_const(t.columns)) {
        if (col.comment.isEmpty())
            continue;
        QString s;
        if (!pgddl::visitSetColumnComment(t.table, col.name, col.comment, s, reason))
            return false;
        out << s;
    }
    for (const QString &key : std::as_const(created))
        createdEnums.insert(key);
    return true;
}

bool dropTable(const PyValue &c, QStringList &out, QString &reason)
{
    const Args a = bindArgs(c, {"table_name", "schema"});
    TableDef t;
    if (!a.ok())
        return fail(reason, QStringLiteral("op.drop_table: ") + a.error);
    if (!nameOf(a[0], t.name, reason, "the table name") || !schemaOf(a[1], t.schema, reason))
        return false;
    out << pgddl::visitDropTable(t);
    return true;
}

bool addColumn(const PyValue &c, QStringList &out, QString &reason)
{
    const Args a = bindArgs(c, {"table_name", "column", "schema"});
    TableDef t;
    if (!a.ok())
        return fail(reason, QStringLiteral("op.add_column: ") + a.error);
    if (!nameOf(a[0], t.name, reason, "the table name") || !schemaOf(a[2], t.schema, reason))
        return false;
    if (!a[1])
        return fail(reason, QStringLiteral("op.add_column without a column"));
    ColumnDef col;
    if (!readColumn(*a[1], col, reason))
        return false;
    if (col.type.enumCheck)
        return fail(reason, QStringLiteral("op.add_column of a non-native enum with a constraint"));
    int serial = -1;
    QVector<ColumnDef> cols{col};
    if (!autoincrementColumn(cols, col.primaryKey ? QVector<int>{0} : QVector<int>{}, serial, reason))
        return false;
    const QString table = sql::qualifiedTable(t.schema, t.name);
    out << QStringLiteral("ALTER TABLE ") + table + QStringLiteral(" ADD COLUMN ")
               + pgddl::getColumnSpecification(col, serial == 0);
    QStringList constraints;
    if (col.unique && !col.index)
        constraints << pgddl::visitUniqueConstraint({QString(), {col.name}, {}});
    for (const ForeignKeyDef &fk : std::as_const(col.foreignKeys))
        if (!fk.options.useAlter)
            constraints << pgddl::visitForeignKeyConstraint(fk);
    // the constraints of alembic's throwaway table are a Python set (see createTable)
    if (constraints.size() > 1)
        reason = setOrderNote(constraints.size(), "constraints op.add_column adds");
    for (const QString &s : std::as_const(constraints))
        out << pgddl::visitAddConstraint(t, s);
    if (col.index) {
        out << pgddl::visitCreateIndex(defaultIndex(t, col));
    }
    if (!col.comment.isEmpty()) {
        QString s;
        if (!pgddl::visitSetColumnComment(t, col.name, col.comment, s, reason))
            return false;
        out << s;
    }
    return true;
}

bool dropColumn(const PyValue &c, QStringList &out, QString &reason)
{
    const Args a = bindArgs(c, {"table_name", "column_name", "schema"});
    TableDef t;
    QString column;
    if (!a.ok())
        return fail(reason, QStringLiteral("op.drop_column: ") + a.error);
    if (!nameOf(a[0], t.name, reason, "the table name") || !nameOf(a[1], column, reason, "the column name")
        || !schemaOf(a[2], t.schema, reason))
        return false;
    out << QStringLiteral("ALTER TABLE ") + sql::qualifiedTable(t.schema, t.name) + QStringLiteral(" DROP COLUMN ")
               + q(column);
    return true;
}

bool alterColumn(const PyValue &c, QStringList &out, QString &reason)
{
    const Args a = bindArgs(c, {"table_name", "column_name", "nullable", "comment", "server_default", "new_column_name",
                                "type_", "existing_type", "existing_server_default", "existing_nullable",
                                "existing_comment", "schema"},
                            true);
    if (!a.ok())
        return fail(reason, QStringLiteral("op.alter_column: ") + a.error);
    TableDef t;
    QString column;
    if (!nameOf(a[0], t.name, reason, "the table name") || !nameOf(a[1], column, reason, "the column name")
        || !schemaOf(a[11], t.schema, reason))
        return false;
    QString using_;
    bool hasUsing = false;
    for (const auto &[key, value] : a.extra) {
        if (key == QLatin1String("postgresql_using")) {
            if (isNone(value))
                continue;
            if (!render::plainSqlText(value, using_, false))
                return fail(reason, QStringLiteral("postgresql_using= that is not plain literal SQL"));
            hasUsing = true;
        } else if (key == QLatin1String("autoincrement") || key == QLatin1String("existing_autoincrement")) {
            // alembic only warns about these on PostgreSQL
        } else {
            return fail(reason, QStringLiteral("op.alter_column(%1=...) is not rendered natively yet").arg(key));
        }
    }
    const QString table = QStringLiteral("ALTER TABLE ") + sql::qualifiedTable(t.schema, t.name);
    const PyValue *type = a[6];
    if (hasUsing && isNone(type))
        return fail(reason, QStringLiteral("postgresql_using without type_ (alembic raises CommandError)"));
    if (!isNone(type)) {
        CompiledType ct;
        if (!compileType(*type, ct, reason))
            return false;
        if (ct.enumCheck)
            return fail(reason, QStringLiteral("type_ a non-native enum with a constraint"));
        out << table + QStringLiteral(" ALTER COLUMN ") + q(column) + QStringLiteral(" TYPE ") + ct.sql
                   + (hasUsing ? QStringLiteral(" USING ") + using_ : QString());
    }
    const PyValue *nullable = a[2];
    if (!isNone(nullable)) {
        bool value = false;
        if (!literalBool(nullable, value))
            return fail(reason, QStringLiteral("nullable= is not a literal bool"));
        out << table + QStringLiteral(" ALTER COLUMN ") + q(column)
                   + (value ? QStringLiteral(" DROP NOT NULL") : QStringLiteral(" SET NOT NULL"));
    }
    const PyValue *def = a[4];
    if (def && !(def->kind == PyValue::Kind::Bool && !def->boolean)) {
        if (isNone(def)) {
            out << table + QStringLiteral(" ALTER COLUMN ") + q(column) + QStringLiteral(" DROP DEFAULT");
        } else {
            QString expr;
            if (!render::defaultExpression(*def, expr, reason))
                return false;
            out << table + QStringLiteral(" ALTER COLUMN ") + q(column) + QStringLiteral(" SET DEFAULT ") + expr;
        }
    }
    const PyValue *comm = a[3];
    if (comm && !(comm->kind == PyValue::Kind::Bool && !comm->boolean)) {
        std::optional<QString> text;
        if (!isNone(comm)) {
            if (!comm->isStr())
                return fail(reason, QStringLiteral("comment= is not a literal str"));
            text = comm->str;
        }
        QString s;
        if (!pgddl::visitSetColumnComment(t, column, text, s, reason))
            return false;
        out << s;
    }
    if (!isNone(a[5])) {
        QString newName;
        if (!nameOf(a[5], newName, reason, "new_column_name"))
            return false;
        out << table + QStringLiteral(" RENAME ") + q(column) + QStringLiteral(" TO ") + q(newName);
    }
    return true;
}

bool createIndex(const PyValue &c, QStringList &out, QString &reason)
{
    const Args a = bindArgs(c, {"index_name", "table_name", "columns", "schema", "unique"}, true);
    IndexDef index;
    if (!a.ok())
        return fail(reason, QStringLiteral("op.create_index: ") + a.error);
    // index_name is required, but may be None
    if (!a[0])
        return fail(reason, QStringLiteral("op.create_index without an index name (alembic raises TypeError)"));
    if ((!isNone(a[0]) && !nameOf(a[0], index.name, reason, "the index name"))
        || !nameOf(a[1], index.table.name, reason, "the table name") || !schemaOf(a[3], index.table.schema, reason))
        return false;
    if (!readIndex(a[2], a.extra, index, reason))
        return false;
    if (isNone(a[0])) {
        // Index(None, ...) gets its name from the default naming convention
        const IndexElement &first = index.elements.front();
        index.name = defaultIndexName(index.table, first.column.isEmpty() ? first.text : first.column);
    }
    if (!literalBool(a[4], index.unique))
        return fail(reason, QStringLiteral("op.create_index: unique= is not a literal bool"));
    out << pgddl::visitCreateIndex(index);
    return true;
}

bool dropIndex(const PyValue &c, QStringList &out, QString &reason)
{
    const Args a = bindArgs(c, {"index_name", "table_name", "schema"}, true);
    QString index, table, schema;
    if (!a.ok())
        return fail(reason, QStringLiteral("op.drop_index: ") + a.error);
    if (!nameOf(a[0], index, reason, "the index name") || !schemaOf(a[2], schema, reason))
        return false;
    if (!isNone(a[1]) && !nameOf(a[1], table, reason, "the table name"))
        return false;
    bool concurrently = false;
    for (const auto &[key, value] : a.extra) {
        bool ignored = false;
        // if_exists: an argument of an unknown dialect "if" to alembic 1.8.1, ignored
        const bool ok = key == QLatin1String("postgresql_concurrently") ? literalBool(value, concurrently)
                        : key == QLatin1String("if_exists")             ? literalBool(value, ignored)
                                                                        : otherDialectArgument(key, "Index");
        if (!ok)
            return fail(reason, QStringLiteral("op.drop_index(%1=...) is not rendered natively yet").arg(key));
    }
    out << pgddl::visitDropIndex(schema, index, concurrently);
    return true;
}

bool createForeignKey(const PyValue &c, QStringList &out, QString &reason)
{
    const Args a = bindArgs(c, {"constraint_name", "source_table", "referent_table", "local_cols", "remote_cols",
                                "onupdate", "ondelete", "deferrable", "initially", "match", "source_schema",
                                "referent_schema"});
    if (!a.ok())
        return fail(reason, QStringLiteral("op.create_foreign_key: ") + a.error);
    ForeignKeyDef fk;
    QString source, sourceSchema;
    if (!optionalName(a[0], fk.name, reason) || !nameOf(a[1], source, reason, "the source table")
        || !nameOf(a[2], fk.refTable, reason, "the referent table") || !namedList(a[3], fk.local, reason, "a local column")
        || !namedList(a[4], fk.remote, reason, "a remote column") || !schemaOf(a[10], sourceSchema, reason)
        || !schemaOf(a[11], fk.refSchema, reason))
        return false;
    if (fk.local.size() != fk.remote.size())
        return fail(reason, QStringLiteral("op.create_foreign_key with column lists of different lengths"));
    const char *keys[] = {"onupdate", "ondelete", "deferrable", "initially", "match"};
    for (int i = 0; i < 5; ++i) {
        bool handled = false;
        if (!constraintOption(QLatin1String(keys[i]), a[5 + i], fk.options, handled, reason))
            return fail(reason, QStringLiteral("op.create_foreign_key: ") + reason);
    }
    out << pgddl::visitAddConstraint({sourceSchema, source}, pgddl::visitForeignKeyConstraint(fk));
    return true;
}

bool createUniqueConstraint(const PyValue &c, QStringList &out, QString &reason)
{
    const Args a = bindArgs(c, {"constraint_name", "table_name", "columns", "schema", "deferrable", "initially"});
    if (!a.ok())
        return fail(reason, QStringLiteral("op.create_unique_constraint: ") + a.error);
    TableDef t;
    UniqueDef uq;
    if (!optionalName(a[0], uq.name, reason) || !nameOf(a[1], t.name, reason, "the table name")
        || !namedList(a[2], uq.columns, reason, "a column") || !schemaOf(a[3], t.schema, reason))
        return false;
    bool handled = false;
    if (!constraintOption(QStringLiteral("deferrable"), a[4], uq.options, handled, reason)
        || !constraintOption(QStringLiteral("initially"), a[5], uq.options, handled, reason))
        return false;
    out << pgddl::visitAddConstraint(t, pgddl::visitUniqueConstraint(uq));
    return true;
}

bool createCheckConstraint(const PyValue &c, QStringList &out, QString &reason)
{
    const Args a = bindArgs(c, {"constraint_name", "table_name", "condition", "schema"});
    if (!a.ok())
        return fail(reason, QStringLiteral("op.create_check_constraint: ") + a.error);
    TableDef t;
    CheckDef ck;
    if (!optionalName(a[0], ck.name, reason) || !nameOf(a[1], t.name, reason, "the table name")
        || !schemaOf(a[3], t.schema, reason))
        return false;
    if (!render::plainSqlText(a[2], ck.sqltext, false))
        return fail(reason, QStringLiteral("a check condition that is not plain literal SQL (no bind parameters, '\\:' or '%')"));
    out << pgddl::visitAddConstraint(t, pgddl::visitCheckConstraint(ck));
    return true;
}

bool createPrimaryKey(const PyValue &c, QStringList &out, QString &reason)
{
    const Args a = bindArgs(c, {"constraint_name", "table_name", "columns", "schema"});
    if (!a.ok())
        return fail(reason, QStringLiteral("op.create_primary_key: ") + a.error);
    TableDef t;
    PrimaryKeyDef pk;
    if (!optionalName(a[0], pk.name, reason) || !nameOf(a[1], t.name, reason, "the table name")
        || !schemaOf(a[3], t.schema, reason))
        return false;
    if (!a[2] || !a[2]->isSequence() || a[2]->items.isEmpty())
        return fail(reason, QStringLiteral("the columns are not a literal list of names"));
    if (!namedList(a[2], pk.columns, reason, "a column"))
        return false;
    out << pgddl::visitAddConstraint(t, pgddl::visitPrimaryKeyConstraint(pk));
    return true;
}

bool dropConstraint(const PyValue &c, QStringList &out, QString &reason)
{
    const Args a = bindArgs(c, {"constraint_name", "table_name", "type_", "schema"});
    QString name;
    TableDef t;
    if (!a.ok())
        return fail(reason, QStringLiteral("op.drop_constraint: ") + a.error);
    if (!nameOf(a[0], name, reason, "the constraint name") || !nameOf(a[1], t.name, reason, "the table name")
        || !schemaOf(a[3], t.schema, reason))
        return false;
    if (!isNone(a[2]) && !a[2]->isStr())
        return fail(reason, QStringLiteral("op.drop_constraint: type_ is not a literal str"));
    out << pgddl::visitDropConstraint(t, name);
    return true;
}

bool renameTable(const PyValue &c, QStringList &out, QString &reason)
{
    const Args a = bindArgs(c, {"old_table_name", "new_table_name", "schema"});
    QString from, to, schema;
    if (!a.ok())
        return fail(reason, QStringLiteral("op.rename_table: ") + a.error);
    if (!nameOf(a[0], from, reason, "the table name") || !nameOf(a[1], to, reason, "the new table name")
        || !schemaOf(a[2], schema, reason))
        return false;
    out << QStringLiteral("ALTER TABLE ") + sql::qualifiedTable(schema, from) + QStringLiteral(" RENAME TO ") + q(to);
    return true;
}

bool createTableComment(const PyValue &c, QStringList &out, QString &reason)
{
    const Args a = bindArgs(c, {"table_name", "comment", "existing_comment", "schema"});
    TableDef t;
    if (!a.ok())
        return fail(reason, QStringLiteral("op.create_table_comment: ") + a.error);
    if (!nameOf(a[0], t.name, reason, "the table name") || !schemaOf(a[3], t.schema, reason))
        return false;
    std::optional<QString> text;
    if (!isNone(a[1])) {
        if (!a[1]->isStr())
            return fail(reason, QStringLiteral("op.create_table_comment: the comment is not a literal str"));
        text = a[1]->str;
    }
    QString s;
    if (!pgddl::visitSetTableComment(t, text, s, reason))
        return false;
    out << s;
    return true;
}

bool dropTableComment(const PyValue &c, QStringList &out, QString &reason)
{
    const Args a = bindArgs(c, {"table_name", "existing_comment", "schema"});
    TableDef t;
    if (!a.ok())
        return fail(reason, QStringLiteral("op.drop_table_comment: ") + a.error);
    if (!nameOf(a[0], t.name, reason, "the table name") || !schemaOf(a[2], t.schema, reason))
        return false;
    out << pgddl::visitDropTableComment(t);
    return true;
}

namespace {

// The one native enum an "enum_create"/"enum_drop" call is about.
bool enumOf(const PyValue &c, bool dropping, EnumTypeDef &out, QString &reason)
{
    if (c.items.size() != 1)
        return fail(reason, QStringLiteral("%1 without its enum").arg(c.str));
    PyValue type = c.items.front();
    // DROP TYPE needs only the name: `sa.Enum(name="x").drop(...)` is valid
    // SQLAlchemy, but the type compiler wants the values a CREATE needs.
    if (dropping && type.items.isEmpty()) {
        PyValue placeholder;
        placeholder.kind = PyValue::Kind::Str;
        placeholder.str = QStringLiteral("-");
        type.items << placeholder;
    }
    CompiledType ct;
    if (!compileType(type, ct, reason))
        return false;
    if (ct.enums.size() != 1)
        return fail(reason, QStringLiteral("%1 on an enum that is not native (SQLAlchemy creates no type)").arg(c.str));
    out = ct.enums.front();
    return true;
}

} // namespace

bool createEnumType(const PyValue &c, QStringList &out, QString &reason)
{
    EnumTypeDef e;
    if (!enumOf(c, false, e, reason))
        return false;
    if (e.values.isEmpty())
        return fail(reason, QStringLiteral("%1 of an enum without values").arg(c.str));
    out << pgddl::visitCreateEnumType(e);
    return true;
}

bool dropEnumType(const PyValue &c, QStringList &out, QString &reason)
{
    EnumTypeDef e;
    if (!enumOf(c, true, e, reason))
        return false;
    out << pgddl::visitDropEnumType(e);
    return true;
}

} // namespace retort::ddl
