#include "render/typecompiler.h"

#include "render/renderargs.h"
#include "render/sqlquoting.h"

#include <QHash>

namespace retort {

using render::Args;
using render::bindArgs;
using render::fail;
using render::isNone;

namespace {

using Family = CompiledType::Family;

// Where SQLAlchemy 1.4 defines a type name: `sa.INET` or `postgresql.Integer`
// is an AttributeError in alembic, so Retort must not render it either.
enum class Defined : uint8_t { Both, CoreOnly, DialectOnly };

struct Simple {
    const char *sql;
    Family family;
    Defined defined = Defined::Both;
};

// Types without arguments: the name as written (sa. or postgresql.) and
// what it compiles to.
const QHash<QString, Simple> &simpleTypes()
{
    static const QHash<QString, Simple> types = {
        {QStringLiteral("Integer"), {"INTEGER", Family::Integer, Defined::CoreOnly}},
        {QStringLiteral("INTEGER"), {"INTEGER", Family::Integer, Defined::Both}},
        {QStringLiteral("INT"), {"INTEGER", Family::Integer, Defined::CoreOnly}},
        {QStringLiteral("SmallInteger"), {"SMALLINT", Family::SmallInteger, Defined::CoreOnly}},
        {QStringLiteral("SMALLINT"), {"SMALLINT", Family::SmallInteger, Defined::Both}},
        {QStringLiteral("BigInteger"), {"BIGINT", Family::BigInteger, Defined::CoreOnly}},
        {QStringLiteral("BIGINT"), {"BIGINT", Family::BigInteger, Defined::Both}},
        {QStringLiteral("Date"), {"DATE", Family::Other, Defined::CoreOnly}},
        {QStringLiteral("DATE"), {"DATE", Family::Other, Defined::Both}},
        {QStringLiteral("DATETIME"), {"DATETIME", Family::Other, Defined::CoreOnly}},
        {QStringLiteral("Interval"), {"INTERVAL", Family::Other, Defined::CoreOnly}},
        {QStringLiteral("REAL"), {"REAL", Family::Float, Defined::Both}},
        {QStringLiteral("DOUBLE_PRECISION"), {"DOUBLE PRECISION", Family::Float, Defined::DialectOnly}},
        {QStringLiteral("CLOB"), {"CLOB", Family::Other, Defined::CoreOnly}},
        {QStringLiteral("BLOB"), {"BLOB", Family::Other, Defined::CoreOnly}},
        {QStringLiteral("PickleType"), {"BYTEA", Family::Other, Defined::CoreOnly}},
        {QStringLiteral("BYTEA"), {"BYTEA", Family::Other, Defined::DialectOnly}},
        {QStringLiteral("INET"), {"INET", Family::Other, Defined::DialectOnly}},
        {QStringLiteral("CIDR"), {"CIDR", Family::Other, Defined::DialectOnly}},
        {QStringLiteral("TSVECTOR"), {"TSVECTOR", Family::Other, Defined::DialectOnly}},
        {QStringLiteral("MACADDR"), {"MACADDR", Family::Other, Defined::DialectOnly}},
        {QStringLiteral("MONEY"), {"MONEY", Family::Other, Defined::DialectOnly}},
        {QStringLiteral("HSTORE"), {"HSTORE", Family::Other, Defined::DialectOnly}},
        {QStringLiteral("OID"), {"OID", Family::Other, Defined::DialectOnly}},
        {QStringLiteral("REGCLASS"), {"REGCLASS", Family::Other, Defined::DialectOnly}},
        {QStringLiteral("INT4RANGE"), {"INT4RANGE", Family::Other, Defined::DialectOnly}},
        {QStringLiteral("INT8RANGE"), {"INT8RANGE", Family::Other, Defined::DialectOnly}},
        {QStringLiteral("NUMRANGE"), {"NUMRANGE", Family::Other, Defined::DialectOnly}},
        {QStringLiteral("DATERANGE"), {"DATERANGE", Family::Other, Defined::DialectOnly}},
        {QStringLiteral("TSRANGE"), {"TSRANGE", Family::Other, Defined::DialectOnly}},
        {QStringLiteral("TSTZRANGE"), {"TSTZRANGE", Family::Other, Defined::DialectOnly}},
    };
    return types;
}

bool noArgs(const PyValue &t, const QString &name, QString &reason)
{
    if (!t.items.isEmpty() || !t.keywords.isEmpty())
        return fail(reason, QStringLiteral("%1() with arguments is not rendered natively yet").arg(name));
    return true;
}

// An optional non-negative int argument.
bool optInt(const PyValue *v, qint64 &out, bool &given)
{
    given = !isNone(v);
    if (!given)
        return true;
    return render::intArg(v, out) && out >= 0;
}

bool optBool(const PyValue *v, bool fallback, bool &out)
{
    bool ok = true;
    out = render::boolArg(v, fallback, ok);
    return ok;
}

// String(length, collation) and its upper-case kin.
bool stringType(const PyValue &t, const QString &name, const char *sqlName, CompiledType &out, QString &reason,
                bool lengthAllowed)
{
    const Args a = bindArgs(t, {"length", "collation"});
    if (!a.ok())
        return fail(reason, name + QStringLiteral(": ") + a.error);
    qint64 length = 0;
    bool hasLength = false;
    if (!optInt(a[0], length, hasLength))
        return fail(reason, name + QStringLiteral(": the length is not a literal int"));
    if (hasLength && !lengthAllowed)
        return fail(reason, name + QStringLiteral(" with a length is not rendered natively yet"));
    out.sql = QLatin1String(sqlName);
    if (hasLength && length > 0)
        out.sql += QStringLiteral("(%1)").arg(length);
    if (!isNone(a[1])) {
        if (!a[1]->isStr() || a[1]->str.contains(QLatin1Char('"')))
            return fail(reason, name + QStringLiteral(": the collation is not a plain literal str"));
        out.sql += QStringLiteral(" COLLATE \"%1\"").arg(a[1]->str);
    }
    out.family = Family::String;
    return true;
}

bool timeType(const PyValue &t, const QString &name, const char *sqlName, bool dialect, CompiledType &out,
              QString &reason)
{
    const Args a = dialect ? bindArgs(t, {"timezone", "precision"}) : bindArgs(t, {"timezone"});
    if (!a.ok())
        return fail(reason, name + QStringLiteral(": ") + a.error);
    bool tz = false;
    if (!optBool(a[0], false, tz))
        return fail(reason, name + QStringLiteral(": timezone is not a literal bool"));
    qint64 precision = 0;
    bool hasPrecision = false;
    if (dialect && !optInt(a[1], precision, hasPrecision))
        return fail(reason, name + QStringLiteral(": precision is not a literal int"));
    out.sql = QLatin1String(sqlName);
    if (hasPrecision)
        out.sql += QStringLiteral("(%1)").arg(precision);
    out.sql += tz ? QLatin1String(" WITH TIME ZONE") : QLatin1String(" WITHOUT TIME ZONE");
    return true;
}

bool numericType(const PyValue &t, const QString &name, const char *sqlName, CompiledType &out, QString &reason)
{
    const Args a = bindArgs(t, {"precision", "scale", "decimal_return_scale", "asdecimal"});
    if (!a.ok())
        return fail(reason, name + QStringLiteral(": ") + a.error);
    qint64 precision = 0, scale = 0, drs = 0;
    bool hasPrecision = false, hasScale = false, hasDrs = false, asdecimal = true;
    if (!optInt(a[0], precision, hasPrecision) || !optInt(a[1], scale, hasScale) || !optInt(a[2], drs, hasDrs)
        || !optBool(a[3], true, asdecimal))
        return fail(reason, name + QStringLiteral(": an argument is not a literal"));
    // a scale without a precision is dropped, as SQLAlchemy does
    out.sql = QLatin1String(sqlName);
    if (hasPrecision && hasScale)
        out.sql += QStringLiteral("(%1, %2)").arg(precision).arg(scale);
    else if (hasPrecision)
        out.sql += QStringLiteral("(%1)").arg(precision);
    out.family = Family::Numeric;
    return true;
}

bool floatType(const PyValue &t, const QString &name, CompiledType &out, QString &reason)
{
    const Args a = bindArgs(t, {"precision", "asdecimal", "decimal_return_scale"});
    if (!a.ok())
        return fail(reason, name + QStringLiteral(": ") + a.error);
    qint64 precision = 0, drs = 0;
    bool hasPrecision = false, hasDrs = false, asdecimal = false;
    if (!optInt(a[0], precision, hasPrecision) || !optBool(a[1], false, asdecimal) || !optInt(a[2], drs, hasDrs))
        return fail(reason, name + QStringLiteral(": an argument is not a literal"));
    out.sql = QStringLiteral("FLOAT");
    if (hasPrecision)
        out.sql += QStringLiteral("(%1)").arg(precision);
    out.family = Family::Float;
    return true;
}

bool enumType(const PyValue &t, const QString &name, bool dialect, CompiledType &out, QString &reason)
{
    QStringList values;
    for (const PyValue &v : t.items) {
        if (!v.isStr())
            return fail(reason, name + QStringLiteral(": a value that is not a literal str"));
        if (v.str.contains(QLatin1Char('%')))
            return fail(reason, name + QStringLiteral(": a value with '%' (its quoting depends on the paramstyle)"));
        values << v.str;
    }
    QString enumName, schema;
    bool native = true, constraint = false, createType = true;
    bool hasLength = false;
    qint64 length = 0;
    for (const auto &[key, v] : t.keywords) {
        bool ok = true;
        if (key == QLatin1String("name")) {
            if (!isNone(&v) && !render::nameOf(&v, enumName, reason, "the enum name"))
                return false;
        } else if (key == QLatin1String("schema")) {
            if (!render::schemaOf(&v, schema, reason))
                return false;
        } else if (key == QLatin1String("native_enum")) {
            ok = optBool(&v, true, native);
        } else if (key == QLatin1String("create_constraint")) {
            ok = optBool(&v, false, constraint);
        } else if (key == QLatin1String("create_type") && dialect) {
            ok = optBool(&v, true, createType);
        } else if (key == QLatin1String("validate_strings")) {
            bool ignored = false;
            ok = optBool(&v, false, ignored);
        } else if (key == QLatin1String("length")) {
            ok = optInt(&v, length, hasLength);
        } else {
            return fail(reason, QStringLiteral("%1(%2=...) is not rendered natively yet").arg(name, key));
        }
        if (!ok)
            return fail(reason, QStringLiteral("%1: %2= is not a literal").arg(name, key));
    }
    if (native) {
        if (constraint)
            return fail(reason, name + QStringLiteral(": create_constraint on a native enum is not rendered natively yet"));
        if (enumName.isEmpty())
            return fail(reason, name + QStringLiteral(" without a name (PostgreSQL needs one; SQLAlchemy refuses)"));
        // an existing type named without its values: postgresql.ENUM(name=..., create_type=False)
        if (values.isEmpty() && createType)
            return fail(reason, name + QStringLiteral(" without literal values"));
        out.sql = sql::qualifiedTable(schema, enumName);
        out.enums.append({schema, enumName, values, createType});
        out.family = Family::String;  // Enum is a String: its literals are quoted strs
        return true;
    }
    if (values.isEmpty())
        return fail(reason, name + QStringLiteral(" without literal values"));
    if (!schema.isEmpty())
        return fail(reason, name + QStringLiteral(": schema= on a non-native enum is not rendered natively yet"));
    qint64 longest = 0;
    for (const QString &v : values)
        longest = qMax<qint64>(longest, v.toUcs4().size());
    if (hasLength && length < longest)
        return fail(reason, name + QStringLiteral(": length= shorter than a value (SQLAlchemy refuses)"));
    out.sql = QStringLiteral("VARCHAR(%1)").arg(hasLength ? length : longest);
    out.family = Family::String;
    if (constraint) {
        if (enumName.isEmpty())
            return fail(reason, name + QStringLiteral(": create_constraint without a name is not rendered natively yet"));
        out.enumCheck = true;
        out.enumCheckName = enumName;
        out.enumValues = values;
    }
    return true;
}

// Why a type name spelled this way cannot be rendered: SQLAlchemy 2.0's
// names, and names SQLAlchemy 1.4 defines only in the other module. Empty
// when it can be. (Retort reproduces SQLAlchemy 1.4: see reproducedversions.h.)
QString undefinedIn14(const QString &name, bool dialect, const QString &written)
{
    static const QStringList sqlalchemy2 = {QStringLiteral("Uuid"), QStringLiteral("UUID"), QStringLiteral("Double"),
                                            QStringLiteral("DOUBLE_PRECISION"), QStringLiteral("DOUBLE")};
    if (!dialect && sqlalchemy2.contains(name))
        return QStringLiteral("%1 is SQLAlchemy 2.0's and SQLAlchemy 1.4 has no such name: the project's own "
                              "alembic renders it (with SQLAlchemy 1.4 it fails there with AttributeError, as alembic "
                              "itself does)")
            .arg(written);
    const auto it = simpleTypes().constFind(name);
    if (it == simpleTypes().constEnd())
        return {};
    if ((it->defined == Defined::DialectOnly && !dialect) || (it->defined == Defined::CoreOnly && dialect))
        return QStringLiteral("SQLAlchemy 1.4 defines %1 only in %2: alembic fails on %3 with AttributeError")
            .arg(name, dialect ? QStringLiteral("sqlalchemy (sa.)") : QStringLiteral("sqlalchemy.dialects.postgresql"),
                 written);
    return {};
}

bool arrayType(const PyValue &t, const QString &name, CompiledType &out, QString &reason)
{
    const Args a = bindArgs(t, {"item_type", "as_tuple", "dimensions", "zero_indexes"});
    if (!a.ok())
        return fail(reason, name + QStringLiteral(": ") + a.error);
    if (!a[0])
        return fail(reason, name + QStringLiteral(" without an item type"));
    CompiledType item;
    if (!compileType(*a[0], item, reason))
        return false;
    if (item.sql.endsWith(QLatin1String("[]")) || item.enumCheck)
        return fail(reason, name + QStringLiteral(" of this item type is not rendered natively yet"));
    bool flag = false;
    if (!optBool(a[1], false, flag) || !optBool(a[3], false, flag))
        return fail(reason, name + QStringLiteral(": an argument is not a literal bool"));
    qint64 dims = 1;
    bool hasDims = false;
    if (!optInt(a[2], dims, hasDims) || (hasDims && dims < 1))
        return fail(reason, name + QStringLiteral(": dimensions is not a positive literal int"));
    QString brackets = QStringLiteral("[]").repeated(int(hasDims ? dims : 1));
    // SQLAlchemy puts the brackets before a COLLATE clause
    const int collate = int(item.sql.indexOf(QLatin1String(" COLLATE")));
    out.sql = collate < 0 ? item.sql + brackets : item.sql.left(collate) + brackets + item.sql.mid(collate);
    out.enums = item.enums;
    out.family = Family::Other;
    return true;
}

} // namespace

bool compileType(const PyValue &type, CompiledType &out, QString &reason)
{
    out = CompiledType();
    bool dialect = false;
    const QString name = render::libraryName(type, &dialect);
    if (name.isEmpty())
        return fail(reason, QStringLiteral("a column type that is not a SQLAlchemy type"));
    const QString shown = type.str + QStringLiteral("()");
    if (const QString why = undefinedIn14(name, dialect, type.str); !why.isEmpty())
        return fail(reason, why);
    if (auto it = simpleTypes().constFind(name); it != simpleTypes().constEnd()) {
        if (!noArgs(type, shown, reason))
            return false;
        out.sql = QLatin1String(it->sql);
        out.family = it->family;
        return true;
    }
    if (name == QLatin1String("String") || name == QLatin1String("Unicode") || name == QLatin1String("VARCHAR"))
        return stringType(type, shown, "VARCHAR", out, reason, true);
    if (name == QLatin1String("NVARCHAR"))
        return stringType(type, shown, "NVARCHAR", out, reason, true);
    if (name == QLatin1String("CHAR"))
        return stringType(type, shown, "CHAR", out, reason, true);
    if (name == QLatin1String("NCHAR"))
        return stringType(type, shown, "NCHAR", out, reason, true);
    if (name == QLatin1String("Text") || name == QLatin1String("UnicodeText") || name == QLatin1String("TEXT"))
        return stringType(type, shown, "TEXT", out, reason, false);
    if (name == QLatin1String("Boolean") || name == QLatin1String("BOOLEAN")) {
        const Args a = bindArgs(type, {"create_constraint", "name"});
        bool constraint = false;
        if (!a.ok() || !optBool(a[0], false, constraint) || constraint)
            return fail(reason, shown + QStringLiteral(" with arguments is not rendered natively yet"));
        out.sql = QStringLiteral("BOOLEAN");
        out.family = Family::Boolean;
        return true;
    }
    if (name == QLatin1String("DateTime") || (name == QLatin1String("TIMESTAMP") && !dialect))
        return timeType(type, shown, "TIMESTAMP", false, out, reason);
    if (name == QLatin1String("TIMESTAMP"))
        return timeType(type, shown, "TIMESTAMP", true, out, reason);
    if (name == QLatin1String("Time") || (name == QLatin1String("TIME") && !dialect))
        return timeType(type, shown, "TIME", false, out, reason);
    if (name == QLatin1String("TIME"))
        return timeType(type, shown, "TIME", true, out, reason);
    if (name == QLatin1String("INTERVAL") && dialect) {
        const Args a = bindArgs(type, {"precision", "fields"});
        qint64 precision = 0;
        bool hasPrecision = false;
        if (!a.ok() || !optInt(a[0], precision, hasPrecision) || (!isNone(a[1]) && !a[1]->isStr()))
            return fail(reason, shown + QStringLiteral(" with these arguments is not rendered natively yet"));
        static const QStringList fields = {
            QStringLiteral("YEAR"), QStringLiteral("MONTH"), QStringLiteral("DAY"), QStringLiteral("HOUR"),
            QStringLiteral("MINUTE"), QStringLiteral("SECOND")};
        out.sql = QStringLiteral("INTERVAL");
        if (!isNone(a[1])) {
            if (!fields.contains(a[1]->str))
                return fail(reason, shown + QStringLiteral(": fields= other than one plain field"));
            out.sql += QLatin1Char(' ') + a[1]->str;
        }
        if (hasPrecision)
            out.sql += QStringLiteral(" (%1)").arg(precision);
        return true;
    }
    if (name == QLatin1String("Float") || name == QLatin1String("FLOAT"))
        return floatType(type, shown, out, reason);
    if (name == QLatin1String("Numeric") || name == QLatin1String("NUMERIC"))
        return numericType(type, shown, "NUMERIC", out, reason);
    if (name == QLatin1String("DECIMAL"))
        return numericType(type, shown, "DECIMAL", out, reason);
    if (name == QLatin1String("LargeBinary")) {
        const Args a = bindArgs(type, {"length"});
        qint64 length = 0;
        bool has = false;
        if (!a.ok() || !optInt(a[0], length, has))
            return fail(reason, shown + QStringLiteral(" with these arguments is not rendered natively yet"));
        out.sql = QStringLiteral("BYTEA");
        return true;
    }
    if (name == QLatin1String("BINARY") || name == QLatin1String("VARBINARY")) {
        const Args a = bindArgs(type, {"length"});
        qint64 length = 0;
        bool has = false;
        if (!a.ok() || !optInt(a[0], length, has) || !has)
            return fail(reason, shown + QStringLiteral(" without a literal length is not rendered natively yet"));
        out.sql = name + QStringLiteral("(%1)").arg(length);
        return true;
    }
    if (name == QLatin1String("JSON") || (name == QLatin1String("JSONB") && dialect)) {
        const Args a = dialect ? bindArgs(type, {"none_as_null", "astext_type"}) : bindArgs(type, {"none_as_null"});
        bool flag = false;
        if (!a.ok() || !optBool(a[0], false, flag))
            return fail(reason, shown + QStringLiteral(" with these arguments is not rendered natively yet"));
        if (dialect && !isNone(a[1])) {
            CompiledType astext;
            if (!compileType(*a[1], astext, reason))
                return false;
        }
        out.sql = name;
        return true;
    }
    if (name == QLatin1String("UUID") && dialect) {
        const Args a = bindArgs(type, {"as_uuid"});
        bool flag = false;
        if (!a.ok() || !optBool(a[0], false, flag))
            return fail(reason, shown + QStringLiteral(" with these arguments is not rendered natively yet"));
        out.sql = QStringLiteral("UUID");
        return true;
    }
    if (name == QLatin1String("ARRAY"))
        return arrayType(type, shown, out, reason);
    if (name == QLatin1String("BIT") && dialect) {
        const Args a = bindArgs(type, {"length", "varying"});
        qint64 length = 0;
        bool hasLength = false, varying = false;
        if (!a.ok() || !optInt(a[0], length, hasLength) || !optBool(a[1], false, varying))
            return fail(reason, shown + QStringLiteral(" with these arguments is not rendered natively yet"));
        if (varying)
            out.sql = hasLength ? QStringLiteral("BIT VARYING(%1)").arg(length) : QStringLiteral("BIT VARYING");
        else
            out.sql = QStringLiteral("BIT(%1)").arg(hasLength && length > 0 ? length : 1);
        return true;
    }
    if (name == QLatin1String("Enum") || (name == QLatin1String("ENUM") && dialect))
        return enumType(type, shown, dialect, out, reason);
    return fail(reason, QStringLiteral("the type %1 is not rendered natively yet").arg(type.str));
}

} // namespace retort
