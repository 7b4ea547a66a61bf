#include "render/ddlmodelreader.h"

#include "render/renderargs.h"
#include "render/sqlliteral.h"
#include "render/sqlquoting.h"

#include <QHash>
#include <QRegularExpression>

namespace retort::ddl {

using render::Args;
using render::bindArgs;
using render::fail;
using render::isNone;
using render::nameOf;
using render::schemaOf;

// One keyword of ondelete/onupdate/deferrable/initially/match into `o`;
// false with the reason when it is one of them but not valid; `handled`
// tells whether the key was one of them.
bool constraintOption(const QString &key, const PyValue *v, ConstraintOptions &o, bool &handled, QString &reason)
{
    static const QRegularExpression action(QStringLiteral("^(?:RESTRICT|CASCADE|SET NULL|NO ACTION|SET DEFAULT)$"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression initially(QStringLiteral("^(?:DEFERRED|IMMEDIATE)$"),
                                              QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression match(QStringLiteral("^(?:FULL|PARTIAL|SIMPLE)$"));
    handled = true;
    if (isNone(v))
        return true;
    if (key == QLatin1String("ondelete") || key == QLatin1String("onupdate")) {
        if (!v->isStr() || !action.match(v->str).hasMatch())
            return fail(reason, QStringLiteral("an unusual %1= action").arg(key));
        (key == QLatin1String("ondelete") ? o.ondelete : o.onupdate) = v->str;
        return true;
    }
    if (key == QLatin1String("initially")) {
        if (!v->isStr() || !initially.match(v->str).hasMatch())
            return fail(reason, QStringLiteral("an unusual initially="));
        o.initially = v->str;
        return true;
    }
    if (key == QLatin1String("match")) {
        if (!v->isStr() || !match.match(v->str).hasMatch())
            return fail(reason, QStringLiteral("an unusual match="));
        o.match = v->str;
        return true;
    }
    if (key == QLatin1String("deferrable") || key == QLatin1String("use_alter")) {
        if (v->kind != PyValue::Kind::Bool)
            return fail(reason, QStringLiteral("%1= is not a literal bool").arg(key));
        if (key == QLatin1String("deferrable"))
            o.deferrable = v->boolean;
        else
            o.useAlter = v->boolean;
        return true;
    }
    handled = false;
    return true;
}

// A constraint's own name= (str, op.f(str) or None).
bool optionalName(const PyValue *v, QString &out, QString &reason)
{
    if (isNone(v))
        return true;
    return nameOf(v, out, reason, "the constraint name");
}

bool otherDialectArgument(const QString &key, const char *construct)
{
    static const QHash<QString, QStringList> accepted = {
        {QStringLiteral("Table"), {QStringLiteral("mysql_*"), QStringLiteral("sqlite_autoincrement"),
                                   QStringLiteral("sqlite_with_rowid")}},
        {QStringLiteral("Index"), {QStringLiteral("mysql_using"), QStringLiteral("mysql_length"),
                                   QStringLiteral("mysql_prefix"), QStringLiteral("mysql_with_parser"),
                                   QStringLiteral("sqlite_where")}},
        {QStringLiteral("Column"), {QStringLiteral("sqlite_on_conflict_primary_key"),
                                    QStringLiteral("sqlite_on_conflict_not_null"),
                                    QStringLiteral("sqlite_on_conflict_unique")}},
    };
    for (const QString &a : accepted.value(QLatin1String(construct))) {
        if (a.endsWith(QLatin1Char('*')) ? key.startsWith(a.chopped(1)) && key.size() > a.size() - 1 : key == a)
            return true;
    }
    return false;
}

namespace {

// "table.column" or "schema.table.column" of a ForeignKey / ForeignKeyConstraint.
struct ColumnRef {
    QString schema, table, column;
};

bool columnRef(const PyValue &v, ColumnRef &out, QString &reason)
{
    if (!v.isStr())
        return fail(reason, QStringLiteral("a foreign key target that is not a literal \"table.column\""));
    const QStringList parts = v.str.split(QLatin1Char('.'));
    if (parts.size() == 2)
        out = {QString(), parts[0], parts[1]};
    else if (parts.size() == 3)
        out = {parts[0], parts[1], parts[2]};
    else
        return fail(reason, QStringLiteral("the foreign key target %1 is not \"table.column\"").arg(v.str));
    for (const QString &p : parts)
        if (p.isEmpty() || p.size() > sql::kMaxIdentifierLength)
            return fail(reason, QStringLiteral("the foreign key target %1 is not \"table.column\"").arg(v.str));
    return true;
}

bool readIdentity(const PyValue &v, IdentityDef &out, QString &reason)
{
    if (!v.items.isEmpty())
        return fail(reason, QStringLiteral("sa.Identity() with positional arguments is not rendered natively yet"));
    for (const auto &[key, value] : v.keywords) {
        const PyValue *p = &value;
        bool ok = true;
        auto integer = [&](std::optional<qint64> &field) {
            if (isNone(p))
                return true;
            qint64 n = 0;
            if (!render::intArg(p, n))
                return false;
            field = n;
            return true;
        };
        if (key == QLatin1String("always"))
            out.always = render::boolArg(p, false, ok);
        else if (key == QLatin1String("start"))
            ok = integer(out.start);
        else if (key == QLatin1String("increment"))
            ok = integer(out.increment);
        else if (key == QLatin1String("minvalue"))
            ok = integer(out.minvalue);
        else if (key == QLatin1String("maxvalue"))
            ok = integer(out.maxvalue);
        else if (key == QLatin1String("cache"))
            ok = integer(out.cache);
        else if (key == QLatin1String("cycle"))
            ok = !isNone(p) && (out.cycle = render::boolArg(p, false, ok), ok && out.cycle);
        else
            return fail(reason, QStringLiteral("sa.Identity(%1=...) is not rendered natively yet").arg(key));
        if (!ok)
            return fail(reason, QStringLiteral("sa.Identity(%1=...) with a value that is not rendered natively yet").arg(key));
    }
    return true;
}

bool readComputed(const PyValue &v, QString &sqltext, QString &reason)
{
    const Args a = bindArgs(v, {"sqltext", "persisted"});
    if (!a.ok() || !render::plainSqlText(a[0], sqltext, false))
        return fail(reason, QStringLiteral("sa.Computed() of something that is not a plain literal SQL text"));
    bool ok = true;
    const bool persisted = render::boolArg(a[1], true, ok);
    if (!ok || !persisted)
        return fail(reason, QStringLiteral("sa.Computed(persisted=False) (PostgreSQL has only STORED)"));
    return true;
}

bool readForeignKey(const PyValue &v, const QString &column, ForeignKeyDef &out, QString &reason)
{
    if (v.items.size() != 1)
        return fail(reason, QStringLiteral("sa.ForeignKey() without exactly one target"));
    ColumnRef ref;
    if (!columnRef(v.items.front(), ref, reason))
        return false;
    out.local = {column};
    out.refSchema = ref.schema;
    out.refTable = ref.table;
    out.remote = {ref.column};
    for (const auto &[key, value] : v.keywords) {
        bool handled = false;
        if (!constraintOption(key, &value, out.options, handled, reason))
            return false;
        if (handled)
            continue;
        if (key == QLatin1String("name")) {
            if (!optionalName(&value, out.name, reason))
                return false;
            continue;
        }
        return fail(reason, QStringLiteral("sa.ForeignKey(%1=...) is not rendered natively yet").arg(key));
    }
    return true;
}

// String names of a constraint's columns (positional items).
bool nameItems(const QVector<PyValue> &items, int from, QStringList &out, QString &reason)
{
    for (int i = from; i < items.size(); ++i) {
        QString n;
        if (!nameOf(&items[i], n, reason, "a constraint column"))
            return false;
        out << n;
    }
    if (out.isEmpty())
        return fail(reason, QStringLiteral("a constraint without columns"));
    return true;
}


// A table-level constraint argument of create_table into `t`.
bool readTableConstraint(const PyValue &c, TableModel &t, QString &reason)
{
    const QString kind = c.called ? render::libraryName(c) : QString();
    ConstraintOptions o;
    QString name;
    auto options = [&](const PyValue &call, std::initializer_list<const char *> allowed) {
        for (const auto &[key, value] : call.keywords) {
            if (key == QLatin1String("name")) {
                if (!optionalName(&value, name, reason))
                    return false;
                continue;
            }
            bool known = false;
            for (const char *a : allowed)
                known = known || key == QLatin1String(a);
            bool handled = false;
            if (!known || !constraintOption(key, &value, o, handled, reason) || !handled)
                return fail(reason, reason.isEmpty() ? QStringLiteral("sa.%1(%2=...) is not rendered natively yet").arg(kind, key)
                                                     : reason);
        }
        return true;
    };
    if (kind == QLatin1String("PrimaryKeyConstraint")) {
        PrimaryKeyDef pk;
        if (!options(c, {}) || !nameItems(c.items, 0, pk.columns, reason))
            return false;
        if (t.primaryKey)
            return fail(reason, QStringLiteral("two sa.PrimaryKeyConstraint()s"));
        pk.name = name;
        t.primaryKey = pk;
        return true;
    }
    if (kind == QLatin1String("UniqueConstraint")) {
        TableModel::Constraint u;
        if (!options(c, {"deferrable", "initially"}) || !nameItems(c.items, 0, u.unique.columns, reason))
            return false;
        u.unique.name = name;
        u.unique.options = o;
        t.constraints << u;
        return true;
    }
    if (kind == QLatin1String("CheckConstraint")) {
        TableModel::Constraint ck;
        ck.kind = TableModel::Constraint::Kind::Check;
        if (!options(c, {}))
            return false;
        if (c.items.size() != 1 || !render::plainSqlText(&c.items.front(), ck.check.sqltext, false))
            return fail(reason, QStringLiteral("sa.CheckConstraint() of something that is not plain literal SQL "
                                               "(no bind parameters, '\\:' or '%')"));
        ck.check.name = name;
        t.constraints << ck;
        return true;
    }
    if (kind == QLatin1String("ForeignKeyConstraint")) {
        const Args a = bindArgs(c, {"columns", "refcolumns"}, true);
        if (!a.ok())
            return fail(reason, QStringLiteral("sa.ForeignKeyConstraint: ") + a.error);
        ForeignKeyDef fk;
        if (!namedList(a[0], fk.local, reason, "a foreign key column"))
            return false;
        if (!a[1] || !a[1]->isSequence() || a[1]->items.size() != fk.local.size())
            return fail(reason, QStringLiteral("sa.ForeignKeyConstraint() targets are not a literal list as long as its columns"));
        for (const PyValue &r : a[1]->items) {
            ColumnRef ref;
            if (!columnRef(r, ref, reason))
                return false;
            if (!fk.remote.isEmpty() && (ref.schema != fk.refSchema || ref.table != fk.refTable))
                return fail(reason, QStringLiteral("sa.ForeignKeyConstraint() targets in different tables"));
            fk.refSchema = ref.schema;
            fk.refTable = ref.table;
            fk.remote << ref.column;
        }
        for (const auto &[key, value] : a.extra) {
            if (key == QLatin1String("name")) {
                if (!optionalName(value, fk.name, reason))
                    return false;
                continue;
            }
            bool handled = false;
            if (!constraintOption(key, value, fk.options, handled, reason))
                return false;
            if (!handled)
                return fail(reason, QStringLiteral("sa.ForeignKeyConstraint(%1=...) is not rendered natively yet").arg(key));
        }
        TableModel::Constraint f;
        f.kind = TableModel::Constraint::Kind::ForeignKey;
        f.foreignKey = fk;
        t.constraints << f;
        return true;
    }
    return fail(reason, QStringLiteral("a create_table argument that is not rendered natively yet"));
}

// sa.Index("name", "col", ..., unique=...) inside create_table.
bool readTableIndex(const PyValue &c, TableModel &t, QString &reason)
{
    IndexDef index;
    index.table = t.table;
    if (c.items.size() < 2 || !nameOf(&c.items.front(), index.name, reason, "the index name"))
        return fail(reason, reason.isEmpty() ? QStringLiteral("sa.Index() without a literal name and columns") : reason);
    QStringList cols;
    if (!nameItems(c.items, 1, cols, reason))
        return false;
    for (const auto &[key, value] : c.keywords) {
        bool ok = true;
        if (key == QLatin1String("unique"))
            index.unique = render::boolArg(&value, false, ok);
        else
            ok = false;
        if (!ok)
            return fail(reason, QStringLiteral("sa.Index(%1=...) is not rendered natively yet").arg(key));
    }
    for (const QString &col : std::as_const(cols))
        index.elements << IndexElement{col, QString(), QString()};
    t.indexes << index;
    return true;
}

} // namespace

// A call of the SQLAlchemy constructor `name` (not the class itself).
bool isLibrary(const PyValue &v, const char *name)
{
    return v.called && render::libraryName(v) == QLatin1String(name);
}

bool readColumn(const PyValue &c, ColumnDef &col, QString &reason)
{
    if (!isLibrary(c, "Column"))
        return fail(reason, QStringLiteral("a column that is not a literal sa.Column(...)"));
    if (c.items.size() < 2 || !c.items[0].isStr())
        return fail(reason, QStringLiteral("sa.Column() without a literal name and a type"));
    if (!nameOf(&c.items[0], col.name, reason, "the column name"))
        return false;
    if (!compileType(c.items[1], col.type, reason))
        return false;
    for (int i = 2; i < c.items.size(); ++i) {
        const PyValue &item = c.items[i];
        const QString kind = item.called ? render::libraryName(item) : QString();
        if (kind == QLatin1String("ForeignKey")) {
            ForeignKeyDef fk;
            if (!readForeignKey(item, col.name, fk, reason))
                return false;
            col.foreignKeys << fk;
        } else if (kind == QLatin1String("Identity")) {
            IdentityDef identity;
            if (!readIdentity(item, identity, reason))
                return false;
            col.identity = identity;
        } else if (kind == QLatin1String("Computed")) {
            if (!readComputed(item, col.computed, reason))
                return false;
        } else if (kind == QLatin1String("Sequence")) {
            // the column's default: not SERIAL, and CreateTable does not create it
            QString seq;
            if (item.items.size() != 1 || !item.keywords.isEmpty() || !nameOf(&item.items.front(), seq, reason, "the sequence name"))
                return fail(reason, QStringLiteral("sa.Sequence() other than sa.Sequence(\"name\") is not rendered natively yet"));
            col.sequence = true;
        } else {
            return fail(reason, QStringLiteral("a sa.Column() argument that is not rendered natively yet"));
        }
    }
    for (const auto &[key, value] : c.keywords) {
        const PyValue *v = &value;
        bool ok = true;
        if (key == QLatin1String("primary_key")) {
            col.primaryKey = render::boolArg(v, false, ok);
        } else if (key == QLatin1String("nullable")) {
            if (isNone(v))
                return fail(reason, QStringLiteral("nullable=None is not rendered natively yet"));
            col.nullable = render::boolArg(v, true, ok);
        } else if (key == QLatin1String("unique")) {
            col.unique = render::boolArg(v, false, ok);
        } else if (key == QLatin1String("index")) {
            col.index = render::boolArg(v, false, ok);
        } else if (key == QLatin1String("autoincrement")) {
            if (v->kind == PyValue::Kind::Bool)
                col.autoincrement = v->boolean ? ColumnDef::Autoincrement::Yes : ColumnDef::Autoincrement::No;
            else if (v->isStr() && v->str == QLatin1String("auto"))
                col.autoincrement = ColumnDef::Autoincrement::Auto;
            else if (v->isStr() && v->str == QLatin1String("ignore_fk"))
                col.autoincrement = ColumnDef::Autoincrement::IgnoreFk;
            else
                ok = false;
        } else if (key == QLatin1String("default") || key == QLatin1String("onupdate")) {
            if (key == QLatin1String("default") && !isNone(v))
                col.pythonDefault = true;
        } else if (key == QLatin1String("doc") || key == QLatin1String("info") || otherDialectArgument(key, "Column")) {
        } else if (key == QLatin1String("server_default")) {
            if (!isNone(v)) {
                if (!render::defaultExpression(*v, col.serverDefault, reason))
                    return false;
                col.hasServerDefault = true;
            }
        } else if (key == QLatin1String("comment")) {
            if (!isNone(v)) {
                if (!v->isStr())
                    return fail(reason, QStringLiteral("a column comment that is not a literal str"));
                col.comment = v->str;
                if (col.comment.isEmpty())
                    return fail(reason, QStringLiteral("an empty column comment is not rendered natively yet"));
            }
        } else {
            return fail(reason, QStringLiteral("sa.Column(%1=...) is not rendered natively yet").arg(key));
        }
        if (!ok)
            return fail(reason, QStringLiteral("sa.Column(%1=...) is not a literal of the expected kind").arg(key));
    }
    if (col.identity && (col.nullable.value_or(false) || col.hasServerDefault || !col.computed.isEmpty()))
        return fail(reason, QStringLiteral("sa.Identity() with nullable=True, a server default or sa.Computed()"));
    if (!col.computed.isEmpty() && col.hasServerDefault)
        return fail(reason, QStringLiteral("sa.Computed() with a server default"));
    if (col.foreignKeys.size() > 1)
        return fail(reason, QStringLiteral("a column with several sa.ForeignKey()s"));
    return true;
}

bool namedList(const PyValue *v, QStringList &out, QString &reason, const char *what)
{
    if (!v || !v->isSequence() || v->items.isEmpty())
        return fail(reason, QStringLiteral("%1 is not a literal list of names").arg(QLatin1String(what)));
    for (const PyValue &i : v->items) {
        QString n;
        if (!nameOf(&i, n, reason, what))
            return false;
        out << n;
    }
    return true;
}

bool literalBool(const PyValue *v, bool &out)
{
    bool ok = true;
    out = render::boolArg(v, false, ok);
    return ok;
}

bool readCreateTable(const PyValue &c, TableModel &t, QString &reason)
{
    if (c.items.isEmpty())
        return fail(reason, QStringLiteral("op.create_table without a table name"));
    if (!nameOf(&c.items.front(), t.table.name, reason, "the table name"))
        return false;
    for (const auto &[key, value] : c.keywords) {
        if (key == QLatin1String("schema")) {
            if (!schemaOf(&value, t.table.schema, reason))
                return false;
        } else if (key == QLatin1String("comment")) {
            if (!isNone(&value)) {
                if (!value.isStr() || value.str.isEmpty())
                    return fail(reason, QStringLiteral("a table comment that is not a literal non-empty str"));
                t.comment = value.str;
            }
        } else if (otherDialectArgument(key, "Table")) {
        } else {
            return fail(reason, QStringLiteral("op.create_table(%1=...) is not rendered natively yet").arg(key));
        }
    }
    for (int i = 1; i < c.items.size(); ++i) {
        const PyValue &item = c.items[i];
        if (isLibrary(item, "Column")) {
            ColumnDef col;
            if (!readColumn(item, col, reason))
                return false;
            for (const ColumnDef &other : std::as_const(t.columns))
                if (other.name == col.name)
                    return fail(reason, QStringLiteral("two columns named %1").arg(col.name));
            t.columns << col;
            continue;
        }
        if (isLibrary(item, "Index")) {
            if (!readTableIndex(item, t, reason))
                return false;
            continue;
        }
        if (!readTableConstraint(item, t, reason))
            return false;
    }
    auto column = [&t](const QString &name) -> ColumnDef * {
        for (ColumnDef &c : t.columns)
            if (c.name == name)
                return &c;
        return nullptr;
    };
    // a ForeignKeyConstraint gives each of its columns a foreign key (Column.foreign_keys)
    for (const TableModel::Constraint &c : std::as_const(t.constraints)) {
        if (c.kind != TableModel::Constraint::Kind::ForeignKey)
            continue;
        for (const QString &n : c.foreignKey.local) {
            ColumnDef *col = column(n);
            if (!col)
                return fail(reason, QStringLiteral("the foreign key names a column %1 the table does not have").arg(n));
            col->inForeignKeyConstraint = true;
        }
    }
    // a table-level primary key marks its columns, as PrimaryKeyConstraint._set_parent does
    if (t.primaryKey) {
        for (const ColumnDef &col : std::as_const(t.columns))
            if (col.primaryKey)
                return fail(reason, QStringLiteral("primary_key=True together with a sa.PrimaryKeyConstraint()"));
        for (const QString &n : std::as_const(t.primaryKey->columns)) {
            ColumnDef *col = column(n);
            if (!col)
                return fail(reason, QStringLiteral("the primary key names a column %1 the table does not have").arg(n));
            col->primaryKey = true;
        }
    }
    return true;
}

bool readIndex(const PyValue *columns, const QVector<QPair<QString, const PyValue *>> &keywords, IndexDef &out,
               QString &reason)
{
    static const QRegularExpression word(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (!columns || !columns->isSequence() || columns->items.isEmpty())
        return fail(reason, QStringLiteral("the index columns are not a literal list"));
    // postgresql_ops: an operator class after the elements it keys
    QHash<QString, QString> ops;
    for (const auto &[key, value] : keywords) {
        if (key != QLatin1String("postgresql_ops") || isNone(value))
            continue;
        if (value->kind != PyValue::Kind::Dict)
            return fail(reason, QStringLiteral("postgresql_ops= is not a literal dict"));
        for (const auto &[column, opclass] : value->keywords) {
            if (!opclass.isStr() || !word.match(opclass.str).hasMatch())
                return fail(reason, QStringLiteral("postgresql_ops= with an operator class that is not a plain name"));
            ops.insert(column, opclass.str);
        }
    }
    for (const PyValue &col : columns->items) {
        IndexElement e;
        if (col.isConstruct("sa.text")) {
            if (!render::plainSqlText(&col, e.text, false))
                return fail(reason, QStringLiteral("an index expression with bind parameters, '\\:' or '%'"));
        } else {
            if (!nameOf(&col, e.column, reason, "an index column"))
                return false;
        }
        // alembic's _textual_index_element keys a text() by its text, as a column by its name
        e.opclass = ops.value(e.column.isEmpty() ? e.text : e.column);
        out.elements << e;
    }
    for (const auto &[key, value] : keywords) {
        if (key == QLatin1String("postgresql_concurrently")) {
            if (!literalBool(value, out.concurrently))
                return fail(reason, QStringLiteral("postgresql_concurrently= is not a literal bool"));
        } else if (key == QLatin1String("postgresql_using")) {
            if (isNone(value))
                continue;
            if (!value->isStr() || !word.match(value->str).hasMatch())
                return fail(reason, QStringLiteral("postgresql_using= is not a plain method name"));
            out.using_ = value->str.toLower();
        } else if (key == QLatin1String("postgresql_where")) {
            if (isNone(value))
                continue;
            if (!value->isConstruct("sa.text") || !render::plainSqlText(value, out.where, false))
                return fail(reason, QStringLiteral("postgresql_where= that is not sa.text() of plain SQL"));
        } else if (key == QLatin1String("postgresql_include")) {
            if (isNone(value))
                continue;
            if (!value->isSequence() || value->items.isEmpty())
                return fail(reason, QStringLiteral("the columns are not a literal list of names"));
            if (!namedList(value, out.include, reason, "a column"))
                return false;
        } else if (key == QLatin1String("postgresql_with")) {
            if (isNone(value))
                continue;
            if (value->kind != PyValue::Kind::Dict)
                return fail(reason, QStringLiteral("postgresql_with= is not a literal dict"));
            // Python's "%s = %s" of each item
            for (const auto &[param, v] : value->keywords) {
                if (v.kind == PyValue::Kind::Int)
                    out.with << qMakePair(param, QString::number(v.integer));
                else if (v.isStr())
                    out.with << qMakePair(param, v.str);
                else
                    return fail(reason, QStringLiteral("postgresql_with= with a value that is not an int or str"));
            }
        } else if (key == QLatin1String("postgresql_tablespace")) {
            if (isNone(value))
                continue;
            if (!nameOf(value, out.tablespace, reason, "postgresql_tablespace"))
                return false;
        } else if (key == QLatin1String("postgresql_ops") || otherDialectArgument(key, "Index")) {
        } else if (key == QLatin1String("if_not_exists")) {
            // alembic 1.8.1 hands it to Index() as an argument of an unknown
            // dialect "if": SQLAlchemy warns and ignores it
            bool ignored = false;
            if (!literalBool(value, ignored))
                return fail(reason, QStringLiteral("if_not_exists= is not a literal bool"));
        } else {
            return fail(reason, QStringLiteral("op.create_index(%1=...) is not rendered natively yet").arg(key));
        }
    }
    return true;
}

} // namespace retort::ddl
