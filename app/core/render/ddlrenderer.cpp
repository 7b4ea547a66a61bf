#include "render/ddlrenderer.h"

#include "render/renderargs.h"
#include "render/sqlliteral.h"
#include "render/sqlquoting.h"
#include "render/typecompiler.h"

#include <QHash>
#include <QRegularExpression>

#include <optional>

namespace retort::ddl {

using render::Args;
using render::bindArgs;
using render::columnList;
using render::isNone;
using render::nameOf;
using render::schemaOf;

namespace {

bool fail(QString &reason, const QString &why)
{
    reason = why;
    return false;
}

QString q(const QString &name)
{
    return sql::quoteIdentifier(name);
}

// Referential actions and deferral as SQLAlchemy validates and prints them.
struct ConstraintOptions {
    QString ondelete, onupdate, initially, match;
    std::optional<bool> deferrable;
    bool useAlter = false;

    QString fkTail() const
    {
        QString s;
        if (!match.isEmpty())
            s += QStringLiteral(" MATCH ") + match;
        if (!ondelete.isEmpty())
            s += QStringLiteral(" ON DELETE ") + ondelete;
        if (!onupdate.isEmpty())
            s += QStringLiteral(" ON UPDATE ") + onupdate;
        return s + deferral();
    }
    QString deferral() const
    {
        QString s;
        if (deferrable)
            s += *deferrable ? QStringLiteral(" DEFERRABLE") : QStringLiteral(" NOT DEFERRABLE");
        if (!initially.isEmpty())
            s += QStringLiteral(" INITIALLY ") + initially;
        return s;
    }
};

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

struct ForeignKeyDef {
    QString name;
    QStringList local;
    QString refSchema, refTable;
    QStringList remote;
    ConstraintOptions options;

    QString clause() const
    {
        QStringList l, r;
        for (const QString &c : local)
            l << q(c);
        for (const QString &c : remote)
            r << q(c);
        QString s = name.isEmpty() ? QString() : QStringLiteral("CONSTRAINT ") + q(name) + QLatin1Char(' ');
        return s + QStringLiteral("FOREIGN KEY(") + l.join(QStringLiteral(", ")) + QStringLiteral(") REFERENCES ")
               + sql::qualifiedTable(refSchema, refTable) + QStringLiteral(" (") + r.join(QStringLiteral(", "))
               + QLatin1Char(')') + options.fkTail();
    }
};

// A constraint's own name= (str, op.f(str) or None).
bool optionalName(const PyValue *v, QString &out, QString &reason)
{
    if (isNone(v))
        return true;
    return nameOf(v, out, reason, "the constraint name");
}

struct ColumnDef {
    QString name;
    CompiledType type;
    bool primaryKey = false;
    std::optional<bool> nullable;
    int autoincrement = -1;  // -1 "auto", 0 False, 1 True
    bool pythonDefault = false;
    QString serverDefault;
    bool hasServerDefault = false;
    QString comment;
    bool unique = false;
    bool index = false;
    QString identity;   // "GENERATED ... AS IDENTITY ..."
    QString computed;   // "GENERATED ALWAYS AS (...) STORED"
    QVector<ForeignKeyDef> foreignKeys;

    bool effectiveNullable() const
    {
        if (nullable)
            return *nullable;
        return !primaryKey && identity.isEmpty();
    }
};

bool identityClause(const PyValue &v, QString &out, QString &reason)
{
    bool always = false;
    QStringList options;
    qint64 start = 0, increment = 0, minvalue = 0, maxvalue = 0, cache = 0;
    bool hasStart = false, hasIncrement = false, hasMin = false, hasMax = false, hasCache = false, cycle = false;
    if (!v.items.isEmpty())
        return fail(reason, QStringLiteral("sa.Identity() with positional arguments is not rendered natively yet"));
    for (const auto &[key, value] : v.keywords) {
        const PyValue *p = &value;
        bool ok = true;
        if (key == QLatin1String("always"))
            always = render::boolArg(p, false, ok);
        else if (key == QLatin1String("start"))
            ok = (hasStart = !isNone(p)) ? render::intArg(p, start) : true;
        else if (key == QLatin1String("increment"))
            ok = (hasIncrement = !isNone(p)) ? render::intArg(p, increment) : true;
        else if (key == QLatin1String("minvalue"))
            ok = (hasMin = !isNone(p)) ? render::intArg(p, minvalue) : true;
        else if (key == QLatin1String("maxvalue"))
            ok = (hasMax = !isNone(p)) ? render::intArg(p, maxvalue) : true;
        else if (key == QLatin1String("cache"))
            ok = (hasCache = !isNone(p)) ? render::intArg(p, cache) : true;
        else if (key == QLatin1String("cycle"))
            ok = !isNone(p) && (cycle = render::boolArg(p, false, ok), ok && cycle);
        else
            return fail(reason, QStringLiteral("sa.Identity(%1=...) is not rendered natively yet").arg(key));
        if (!ok)
            return fail(reason, QStringLiteral("sa.Identity(%1=...) with a value that is not rendered natively yet").arg(key));
    }
    if (hasIncrement)
        options << QStringLiteral("INCREMENT BY %1").arg(increment);
    if (hasStart)
        options << QStringLiteral("START WITH %1").arg(start);
    if (hasMin)
        options << QStringLiteral("MINVALUE %1").arg(minvalue);
    if (hasMax)
        options << QStringLiteral("MAXVALUE %1").arg(maxvalue);
    if (hasCache)
        options << QStringLiteral("CACHE %1").arg(cache);
    if (cycle)
        options << QStringLiteral("CYCLE");
    out = always ? QStringLiteral("GENERATED ALWAYS AS IDENTITY") : QStringLiteral("GENERATED BY DEFAULT AS IDENTITY");
    if (!options.isEmpty())
        out += QStringLiteral(" (") + options.join(QLatin1Char(' ')) + QLatin1Char(')');
    return true;
}

bool computedClause(const PyValue &v, QString &out, QString &reason)
{
    const Args a = bindArgs(v, {"sqltext", "persisted"});
    QString text;
    if (!a.ok() || !render::plainSqlText(a[0], text, false))
        return fail(reason, QStringLiteral("sa.Computed() of something that is not a plain literal SQL text"));
    bool ok = true;
    const bool persisted = render::boolArg(a[1], true, ok);
    if (!ok || !persisted)
        return fail(reason, QStringLiteral("sa.Computed(persisted=False) (PostgreSQL has only STORED)"));
    out = QStringLiteral("GENERATED ALWAYS AS (") + text + QStringLiteral(") STORED");
    return true;
}

bool foreignKeyOf(const PyValue &v, const QString &column, ForeignKeyDef &out, QString &reason)
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

// A call of the SQLAlchemy constructor `name` (not the class itself).
bool isLibrary(const PyValue &v, const char *name)
{
    return v.called && render::libraryName(v) == QLatin1String(name);
}

bool parseColumn(const PyValue &c, ColumnDef &col, QString &reason)
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
            if (!foreignKeyOf(item, col.name, fk, reason))
                return false;
            col.foreignKeys << fk;
        } else if (kind == QLatin1String("Identity")) {
            if (!identityClause(item, col.identity, reason))
                return false;
        } else if (kind == QLatin1String("Computed")) {
            if (!computedClause(item, col.computed, reason))
                return false;
        } else if (kind == QLatin1String("Sequence")) {
            // the column's default: not SERIAL, and CreateTable does not create it
            QString seq;
            if (item.items.size() != 1 || !item.keywords.isEmpty() || !nameOf(&item.items.front(), seq, reason, "the sequence name"))
                return fail(reason, QStringLiteral("sa.Sequence() other than sa.Sequence(\"name\") is not rendered natively yet"));
            col.pythonDefault = true;
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
                col.autoincrement = v->boolean ? 1 : 0;
            else if (!(v->isStr() && v->str == QLatin1String("auto")))
                ok = false;
        } else if (key == QLatin1String("default") || key == QLatin1String("onupdate")) {
            if (key == QLatin1String("default") && !isNone(v))
                col.pythonDefault = true;
        } else if (key == QLatin1String("doc") || key == QLatin1String("info")) {
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
    if (!col.identity.isEmpty() && (col.nullable.value_or(false) || col.hasServerDefault || !col.computed.isEmpty()))
        return fail(reason, QStringLiteral("sa.Identity() with nullable=True, a server default or sa.Computed()"));
    if (!col.computed.isEmpty() && col.hasServerDefault)
        return fail(reason, QStringLiteral("sa.Computed() with a server default"));
    if (col.foreignKeys.size() > 1)
        return fail(reason, QStringLiteral("a column with several sa.ForeignKey()s"));
    return true;
}

// The column's DDL; `serial`: it is the table's autoincrement column.
QString columnSpec(const ColumnDef &col, bool serial)
{
    QString s = q(col.name) + QLatin1Char(' ');
    if (serial && col.identity.isEmpty()) {
        s += col.type.family == CompiledType::Family::BigInteger     ? QStringLiteral("BIGSERIAL")
             : col.type.family == CompiledType::Family::SmallInteger ? QStringLiteral("SMALLSERIAL")
                                                                     : QStringLiteral("SERIAL");
    } else {
        s += col.type.sql;
        if (col.hasServerDefault)
            s += QStringLiteral(" DEFAULT ") + col.serverDefault;
    }
    if (!col.computed.isEmpty())
        s += QLatin1Char(' ') + col.computed;
    if (!col.identity.isEmpty())
        s += QLatin1Char(' ') + col.identity;
    else if (!col.effectiveNullable())
        s += QStringLiteral(" NOT NULL");
    return s;
}

// SQLAlchemy's PrimaryKeyConstraint._autoincrement_column: the column that
// becomes SERIAL, or -1. False with a reason for the forms not verified.
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

struct TableDef {
    QString schema, name;
};

QString enumCheck(const ColumnDef &c)
{
    QStringList values;
    for (const QString &v : c.type.enumValues)
        values << sql::stringLiteral(v);
    return QStringLiteral("CONSTRAINT ") + q(c.type.enumCheckName) + QStringLiteral(" CHECK (") + q(c.name)
           + QStringLiteral(" IN (") + values.join(QStringLiteral(", ")) + QStringLiteral("))");
}

QString uniqueClause(const QString &name, const QStringList &cols, const ConstraintOptions &o)
{
    QStringList quoted;
    for (const QString &c : cols)
        quoted << q(c);
    QString s = name.isEmpty() ? QString() : QStringLiteral("CONSTRAINT ") + q(name) + QLatin1Char(' ');
    return s + QStringLiteral("UNIQUE (") + quoted.join(QStringLiteral(", ")) + QLatin1Char(')') + o.deferral();
}

// The default name of index=True: ix_<column label>, the label being
// [schema_]table_column.
bool indexName(const TableDef &t, const QString &column, QString &out, QString &reason)
{
    out = QStringLiteral("ix_") + (t.schema.isEmpty() ? QString() : t.schema + QLatin1Char('_')) + t.name
          + QLatin1Char('_') + column;
    if (out.size() > sql::kMaxIdentifierLength)
        return fail(reason, QStringLiteral("the index name %1 is too long (SQLAlchemy truncates it)").arg(out));
    return true;
}

bool comment(const QString &target, const std::optional<QString> &text, QString &out, QString &reason)
{
    QString literal = QStringLiteral("NULL");
    if (text && !render::strLiteral(*text, literal, reason))
        return false;
    out = QStringLiteral("COMMENT ON ") + target + QStringLiteral(" IS ") + literal;
    return true;
}

QString columnTarget(const TableDef &t, const QString &column)
{
    return QStringLiteral("COLUMN ") + sql::qualifiedTable(t.schema, t.name) + QLatin1Char('.') + q(column);
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

bool tableConstraint(const PyValue &c, const TableDef &t, QString &clause, QStringList &pkColumns, QString &pkName,
                     bool &isPk, QString &reason)
{
    const QString kind = c.called ? render::libraryName(c) : QString();
    isPk = false;
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
        isPk = true;
        if (!options(c, {}) || !nameItems(c.items, 0, pkColumns, reason))
            return false;
        pkName = name;
        return true;
    }
    if (kind == QLatin1String("UniqueConstraint")) {
        QStringList cols;
        if (!options(c, {"deferrable", "initially"}) || !nameItems(c.items, 0, cols, reason))
            return false;
        clause = uniqueClause(name, cols, o);
        return true;
    }
    if (kind == QLatin1String("CheckConstraint")) {
        QString text;
        if (!options(c, {}))
            return false;
        if (c.items.size() != 1 || !render::plainSqlText(&c.items.front(), text, false))
            return fail(reason, QStringLiteral("sa.CheckConstraint() of something that is not plain literal SQL "
                                               "(no bind parameters, '\\:' or '%')"));
        clause = (name.isEmpty() ? QString() : QStringLiteral("CONSTRAINT ") + q(name) + QLatin1Char(' '))
                 + QStringLiteral("CHECK (") + text + QLatin1Char(')');
        return true;
    }
    if (kind == QLatin1String("ForeignKeyConstraint")) {
        const Args a = bindArgs(c, {"columns", "refcolumns"}, true);
        if (!a.ok())
            return fail(reason, QStringLiteral("sa.ForeignKeyConstraint: ") + a.error);
        ForeignKeyDef fk;
        QStringList targets;
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
        Q_UNUSED(t);
        if (!fk.options.useAlter)
            clause = fk.clause();
        return true;
    }
    return fail(reason, QStringLiteral("a create_table argument that is not rendered natively yet"));
}

// sa.Index("name", "col", ..., unique=...) inside create_table.
bool tableIndex(const PyValue &c, const TableDef &t, QString &out, QString &reason)
{
    QString name;
    if (c.items.size() < 2 || !nameOf(&c.items.front(), name, reason, "the index name"))
        return fail(reason, reason.isEmpty() ? QStringLiteral("sa.Index() without a literal name and columns") : reason);
    QStringList cols;
    if (!nameItems(c.items, 1, cols, reason))
        return false;
    bool unique = false;
    for (const auto &[key, value] : c.keywords) {
        bool ok = true;
        if (key == QLatin1String("unique"))
            unique = render::boolArg(&value, false, ok);
        else
            ok = false;
        if (!ok)
            return fail(reason, QStringLiteral("sa.Index(%1=...) is not rendered natively yet").arg(key));
    }
    QStringList quoted;
    for (const QString &col : cols)
        quoted << q(col);
    out = (unique ? QStringLiteral("CREATE UNIQUE INDEX ") : QStringLiteral("CREATE INDEX ")) + q(name)
          + QStringLiteral(" ON ") + sql::qualifiedTable(t.schema, t.name) + QStringLiteral(" (")
          + quoted.join(QStringLiteral(", ")) + QLatin1Char(')');
    return true;
}

bool literalBool(const PyValue *v, bool &out)
{
    bool ok = true;
    out = render::boolArg(v, false, ok);
    return ok;
}

} // namespace

bool createTable(const PyValue &c, QStringList &out, QString &reason, QSet<QString> &createdEnums)
{
    if (c.items.isEmpty())
        return fail(reason, QStringLiteral("op.create_table without a table name"));
    TableDef t;
    if (!nameOf(&c.items.front(), t.name, reason, "the table name"))
        return false;
    std::optional<QString> tableComment;
    for (const auto &[key, value] : c.keywords) {
        if (key == QLatin1String("schema")) {
            if (!schemaOf(&value, t.schema, reason))
                return false;
        } else if (key == QLatin1String("comment")) {
            if (!isNone(&value)) {
                if (!value.isStr() || value.str.isEmpty())
                    return fail(reason, QStringLiteral("a table comment that is not a literal non-empty str"));
                tableComment = value.str;
            }
        } else {
            return fail(reason, QStringLiteral("op.create_table(%1=...) is not rendered natively yet").arg(key));
        }
    }
    QVector<ColumnDef> cols;
    QStringList explicitConstraints, indexes;
    QStringList pkColumns;
    QString pkName;
    bool tablePk = false;
    for (int i = 1; i < c.items.size(); ++i) {
        const PyValue &item = c.items[i];
        if (isLibrary(item, "Column")) {
            ColumnDef col;
            if (!parseColumn(item, col, reason))
                return false;
            for (const ColumnDef &other : std::as_const(cols))
                if (other.name == col.name)
                    return fail(reason, QStringLiteral("two columns named %1").arg(col.name));
            cols << col;
            continue;
        }
        if (isLibrary(item, "Index")) {
            QString s;
            if (!tableIndex(item, t, s, reason))
                return false;
            indexes << s;
            continue;
        }
        QString clause;
        QStringList pk;
        QString name;
        bool isPk = false;
        if (!tableConstraint(item, t, clause, pk, name, isPk, reason))
            return false;
        if (isPk) {
            if (tablePk)
                return fail(reason, QStringLiteral("two sa.PrimaryKeyConstraint()s"));
            tablePk = true;
            pkColumns = pk;
            pkName = name;
        } else if (!clause.isEmpty()) {
            explicitConstraints << clause;
        }
    }
    // the primary key: the table-level constraint, or the columns marked primary_key
    QVector<int> pk;
    if (tablePk) {
        for (const ColumnDef &col : std::as_const(cols))
            if (col.primaryKey)
                return fail(reason, QStringLiteral("primary_key=True together with a sa.PrimaryKeyConstraint()"));
        for (const QString &n : std::as_const(pkColumns)) {
            int idx = -1;
            for (int i = 0; i < cols.size(); ++i)
                if (cols[i].name == n)
                    idx = i;
            if (idx < 0)
                return fail(reason, QStringLiteral("the primary key names a column %1 the table does not have").arg(n));
            cols[idx].primaryKey = true;
            pk << idx;
        }
    } else {
        for (int i = 0; i < cols.size(); ++i)
            if (cols[i].primaryKey)
                pk << i;
    }
    int serial = -1;
    if (!autoincrementColumn(cols, pk, serial, reason))
        return false;
    // CREATE TYPE for native enums, once per name and run, in column order
    QStringList created;
    for (const ColumnDef &col : std::as_const(cols)) {
        for (const EnumTypeDef &e : col.type.enums) {
            const QString key = e.schema + QLatin1Char('.') + e.name;
            if (!e.createType || createdEnums.contains(key) || created.contains(key))
                continue;
            created << key;
            QStringList values;
            for (const QString &v : e.values)
                values << sql::stringLiteral(v);
            out << QStringLiteral("CREATE TYPE ") + sql::qualifiedTable(e.schema, e.name) + QStringLiteral(" AS ENUM (")
                       + values.join(QStringLiteral(", ")) + QLatin1Char(')');
        }
    }
    QStringList lines;
    for (int i = 0; i < cols.size(); ++i)
        lines << columnSpec(cols[i], i == serial);
    if (!pk.isEmpty()) {
        QStringList names;
        for (int i : std::as_const(pk))
            names << q(cols[i].name);
        lines << (pkName.isEmpty() ? QString() : QStringLiteral("CONSTRAINT ") + q(pkName) + QLatin1Char(' '))
                     + QStringLiteral("PRIMARY KEY (") + names.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    lines += explicitConstraints;
    // constraints the columns make, created when the table is: after the explicit ones
    for (const ColumnDef &col : std::as_const(cols)) {
        QStringList own;
        if (col.unique && !col.index)
            own << uniqueClause(QString(), {col.name}, {});
        for (const ForeignKeyDef &fk : col.foreignKeys)
            if (!fk.options.useAlter)
                own << fk.clause();
        if (col.type.enumCheck)
            own << enumCheck(col);
        if (own.size() > 1)
            return fail(reason, QStringLiteral("column %1 makes several constraints (their order is not verified)").arg(col.name));
        lines += own;
    }
    if (lines.isEmpty())
        return fail(reason, QStringLiteral("op.create_table without columns"));
    out << QStringLiteral("CREATE TABLE ") + sql::qualifiedTable(t.schema, t.name) + QStringLiteral(" (\n    ")
               + lines.join(QStringLiteral(", \n    ")) + QStringLiteral("\n)");
    for (const ColumnDef &col : std::as_const(cols)) {
        if (!col.index)
            continue;
        QString name;
        if (!indexName(t, col.name, name, reason))
            return false;
        indexes << (col.unique ? QStringLiteral("CREATE UNIQUE INDEX ") : QStringLiteral("CREATE INDEX ")) + q(name)
                       + QStringLiteral(" ON ") + sql::qualifiedTable(t.schema, t.name) + QStringLiteral(" (")
                       + q(col.name) + QLatin1Char(')');
    }
    // table.indexes is a Python set: with several, alembic's order is arbitrary
    if (indexes.size() > 1)
        return fail(reason, QStringLiteral("op.create_table with several indexes (alembic emits them in set order)"));
    out += indexes;
    if (tableComment) {
        QString s;
        if (!comment(QStringLiteral("TABLE ") + sql::qualifiedTable(t.schema, t.name), tableComment, s, reason))
            return false;
        out << s;
    }
    for (const ColumnDef &col : std::as_const(cols)) {
        if (col.comment.isEmpty())
            continue;
        QString s;
        if (!comment(columnTarget(t, col.name), col.comment, s, reason))
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
    out << QStringLiteral("DROP TABLE ") + sql::qualifiedTable(t.schema, t.name);
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
    if (!parseColumn(*a[1], col, reason))
        return false;
    if (col.type.enumCheck)
        return fail(reason, QStringLiteral("op.add_column of a non-native enum with a constraint"));
    int serial = -1;
    QVector<ColumnDef> cols{col};
    if (!autoincrementColumn(cols, col.primaryKey ? QVector<int>{0} : QVector<int>{}, serial, reason))
        return false;
    const QString table = sql::qualifiedTable(t.schema, t.name);
    out << QStringLiteral("ALTER TABLE ") + table + QStringLiteral(" ADD COLUMN ") + columnSpec(col, serial == 0);
    QStringList constraints;
    if (col.unique && !col.index)
        constraints << uniqueClause(QString(), {col.name}, {});
    for (const ForeignKeyDef &fk : std::as_const(col.foreignKeys))
        if (!fk.options.useAlter)
            constraints << fk.clause();
    // the constraints of alembic's throwaway table are a Python set
    if (constraints.size() > 1)
        return fail(reason, QStringLiteral("op.add_column of a column making several constraints (set order)"));
    for (const QString &s : std::as_const(constraints))
        out << QStringLiteral("ALTER TABLE ") + table + QStringLiteral(" ADD ") + s;
    if (col.index) {
        QString name;
        if (!indexName(t, col.name, name, reason))
            return false;
        out << (col.unique ? QStringLiteral("CREATE UNIQUE INDEX ") : QStringLiteral("CREATE INDEX ")) + q(name)
                   + QStringLiteral(" ON ") + table + QStringLiteral(" (") + q(col.name) + QLatin1Char(')');
    }
    if (!col.comment.isEmpty()) {
        QString s;
        if (!comment(columnTarget(t, col.name), col.comment, s, reason))
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
        if (!comment(columnTarget(t, column), text, s, reason))
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
    TableDef t;
    QString index;
    if (!a.ok())
        return fail(reason, QStringLiteral("op.create_index: ") + a.error);
    if (!nameOf(a[0], index, reason, "the index name") || !nameOf(a[1], t.name, reason, "the table name")
        || !schemaOf(a[3], t.schema, reason))
        return false;
    const PyValue *columns = a[2];
    if (!columns || !columns->isSequence() || columns->items.isEmpty())
        return fail(reason, QStringLiteral("the index columns are not a literal list"));
    // postgresql_ops: an operator class after the named columns it keys
    QHash<QString, QString> ops;
    for (const auto &[key, value] : a.extra) {
        if (key != QLatin1String("postgresql_ops") || isNone(value))
            continue;
        if (value->kind != PyValue::Kind::Dict)
            return fail(reason, QStringLiteral("postgresql_ops= is not a literal dict"));
        for (const auto &[column, opclass] : value->keywords) {
            static const QRegularExpression word(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
            if (!opclass.isStr() || !word.match(opclass.str).hasMatch())
                return fail(reason, QStringLiteral("postgresql_ops= with an operator class that is not a plain name"));
            ops.insert(column, opclass.str);
        }
    }
    QStringList cols;
    for (const PyValue &col : columns->items) {
        if (col.isConstruct("sa.text")) {
            QString text;
            if (!render::plainSqlText(&col, text, false))
                return fail(reason, QStringLiteral("an index expression with bind parameters, '\\:' or '%'"));
            cols << text;
            continue;
        }
        QString n;
        if (!nameOf(&col, n, reason, "an index column"))
            return false;
        cols << q(n) + (ops.contains(n) ? QLatin1Char(' ') + ops.value(n) : QString());
    }
    bool unique = false;
    if (!literalBool(a[4], unique))
        return fail(reason, QStringLiteral("op.create_index: unique= is not a literal bool"));
    bool concurrently = false;
    QString using_, where, include, with, tablespace;
    for (const auto &[key, value] : a.extra) {
        if (key == QLatin1String("postgresql_concurrently")) {
            if (!literalBool(value, concurrently))
                return fail(reason, QStringLiteral("postgresql_concurrently= is not a literal bool"));
        } else if (key == QLatin1String("postgresql_using")) {
            static const QRegularExpression word(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
            if (isNone(value))
                continue;
            if (!value->isStr() || !word.match(value->str).hasMatch())
                return fail(reason, QStringLiteral("postgresql_using= is not a plain method name"));
            using_ = value->str.toLower();
        } else if (key == QLatin1String("postgresql_where")) {
            if (isNone(value))
                continue;
            if (!value->isConstruct("sa.text") || !render::plainSqlText(value, where, false))
                return fail(reason, QStringLiteral("postgresql_where= that is not sa.text() of plain SQL"));
        } else if (key == QLatin1String("postgresql_include")) {
            if (isNone(value))
                continue;
            if (!columnList(value, include, reason))
                return false;
        } else if (key == QLatin1String("postgresql_with")) {
            if (isNone(value))
                continue;
            if (value->kind != PyValue::Kind::Dict)
                return fail(reason, QStringLiteral("postgresql_with= is not a literal dict"));
            // Python's "%s = %s" of each item
            QStringList params;
            for (const auto &[param, v] : value->keywords) {
                if (v.kind == PyValue::Kind::Int)
                    params << param + QStringLiteral(" = ") + QString::number(v.integer);
                else if (v.isStr())
                    params << param + QStringLiteral(" = ") + v.str;
                else
                    return fail(reason, QStringLiteral("postgresql_with= with a value that is not an int or str"));
            }
            if (!params.isEmpty())
                with = params.join(QStringLiteral(", "));
        } else if (key == QLatin1String("postgresql_tablespace")) {
            if (isNone(value))
                continue;
            if (!nameOf(value, tablespace, reason, "postgresql_tablespace"))
                return false;
        } else if (key == QLatin1String("postgresql_ops")) {
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
    QString s = QStringLiteral("CREATE ") + (unique ? QStringLiteral("UNIQUE ") : QString()) + QStringLiteral("INDEX ")
                + (concurrently ? QStringLiteral("CONCURRENTLY ") : QString()) + q(index) + QStringLiteral(" ON ")
                + sql::qualifiedTable(t.schema, t.name);
    if (!using_.isEmpty())
        s += QStringLiteral(" USING ") + using_;
    s += QStringLiteral(" (") + cols.join(QStringLiteral(", ")) + QLatin1Char(')');
    if (!include.isEmpty())
        s += QStringLiteral(" INCLUDE (") + include + QLatin1Char(')');
    if (!with.isEmpty())
        s += QStringLiteral(" WITH (") + with + QLatin1Char(')');
    if (!tablespace.isEmpty())
        s += QStringLiteral(" TABLESPACE ") + q(tablespace);
    if (!where.isEmpty())
        s += QStringLiteral(" WHERE ") + where;
    out << s;
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
                                                                        : false;
        if (!ok)
            return fail(reason, QStringLiteral("op.drop_index(%1=...) is not rendered natively yet").arg(key));
    }
    out << QStringLiteral("DROP INDEX ") + (concurrently ? QStringLiteral("CONCURRENTLY ") : QString())
               + sql::qualifiedTable(schema, index);
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
    out << QStringLiteral("ALTER TABLE ") + sql::qualifiedTable(sourceSchema, source) + QStringLiteral(" ADD ")
               + fk.clause();
    return true;
}

bool createUniqueConstraint(const PyValue &c, QStringList &out, QString &reason)
{
    const Args a = bindArgs(c, {"constraint_name", "table_name", "columns", "schema", "deferrable", "initially"});
    if (!a.ok())
        return fail(reason, QStringLiteral("op.create_unique_constraint: ") + a.error);
    TableDef t;
    QString name;
    QStringList cols;
    if (!optionalName(a[0], name, reason) || !nameOf(a[1], t.name, reason, "the table name")
        || !namedList(a[2], cols, reason, "a column") || !schemaOf(a[3], t.schema, reason))
        return false;
    ConstraintOptions o;
    bool handled = false;
    if (!constraintOption(QStringLiteral("deferrable"), a[4], o, handled, reason)
        || !constraintOption(QStringLiteral("initially"), a[5], o, handled, reason))
        return false;
    out << QStringLiteral("ALTER TABLE ") + sql::qualifiedTable(t.schema, t.name) + QStringLiteral(" ADD ")
               + uniqueClause(name, cols, o);
    return true;
}

bool createCheckConstraint(const PyValue &c, QStringList &out, QString &reason)
{
    const Args a = bindArgs(c, {"constraint_name", "table_name", "condition", "schema"});
    if (!a.ok())
        return fail(reason, QStringLiteral("op.create_check_constraint: ") + a.error);
    TableDef t;
    QString name, text;
    if (!optionalName(a[0], name, reason) || !nameOf(a[1], t.name, reason, "the table name")
        || !schemaOf(a[3], t.schema, reason))
        return false;
    if (!render::plainSqlText(a[2], text, false))
        return fail(reason, QStringLiteral("a check condition that is not plain literal SQL (no bind parameters, '\\:' or '%')"));
    out << QStringLiteral("ALTER TABLE ") + sql::qualifiedTable(t.schema, t.name) + QStringLiteral(" ADD ")
               + (name.isEmpty() ? QString() : QStringLiteral("CONSTRAINT ") + q(name) + QLatin1Char(' '))
               + QStringLiteral("CHECK (") + text + QLatin1Char(')');
    return true;
}

bool createPrimaryKey(const PyValue &c, QStringList &out, QString &reason)
{
    const Args a = bindArgs(c, {"constraint_name", "table_name", "columns", "schema"});
    if (!a.ok())
        return fail(reason, QStringLiteral("op.create_primary_key: ") + a.error);
    TableDef t;
    QString name, cols;
    if (!optionalName(a[0], name, reason) || !nameOf(a[1], t.name, reason, "the table name")
        || !columnList(a[2], cols, reason) || !schemaOf(a[3], t.schema, reason))
        return false;
    out << QStringLiteral("ALTER TABLE ") + sql::qualifiedTable(t.schema, t.name) + QStringLiteral(" ADD ")
               + (name.isEmpty() ? QString() : QStringLiteral("CONSTRAINT ") + q(name) + QLatin1Char(' '))
               + QStringLiteral("PRIMARY KEY (") + cols + QLatin1Char(')');
    return true;
}

bool dropConstraint(const PyValue &c, QStringList &out, QString &reason)
{
    const Args a = bindArgs(c, {"constraint_name", "table_name", "type_", "schema"});
    QString name, table, schema;
    if (!a.ok())
        return fail(reason, QStringLiteral("op.drop_constraint: ") + a.error);
    if (!nameOf(a[0], name, reason, "the constraint name") || !nameOf(a[1], table, reason, "the table name")
        || !schemaOf(a[3], schema, reason))
        return false;
    if (!isNone(a[2]) && !a[2]->isStr())
        return fail(reason, QStringLiteral("op.drop_constraint: type_ is not a literal str"));
    out << QStringLiteral("ALTER TABLE ") + sql::qualifiedTable(schema, table) + QStringLiteral(" DROP CONSTRAINT ")
               + q(name);
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
    if (!comment(QStringLiteral("TABLE ") + sql::qualifiedTable(t.schema, t.name), text, s, reason))
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
    out << QStringLiteral("COMMENT ON TABLE ") + sql::qualifiedTable(t.schema, t.name) + QStringLiteral(" IS NULL");
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
    QStringList values;
    for (const QString &v : std::as_const(e.values))
        values << sql::stringLiteral(v);
    out << QStringLiteral("CREATE TYPE ") + sql::qualifiedTable(e.schema, e.name) + QStringLiteral(" AS ENUM (")
               + values.join(QStringLiteral(", ")) + QLatin1Char(')');
    return true;
}

bool dropEnumType(const PyValue &c, QStringList &out, QString &reason)
{
    EnumTypeDef e;
    if (!enumOf(c, true, e, reason))
        return false;
    out << QStringLiteral("DROP TYPE ") + sql::qualifiedTable(e.schema, e.name);
    return true;
}

} // namespace retort::ddl
