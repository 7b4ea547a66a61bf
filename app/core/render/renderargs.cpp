#include "render/renderargs.h"

#include "render/sqlquoting.h"

#include <QRegularExpression>

namespace retort::render {

Args bindArgs(const PyValue &call, std::initializer_list<const char *> params, bool extraKeywords)
{
    Args a;
    const QVector<const char *> names(params);
    a.values.fill(nullptr, names.size());
    if (call.items.size() > names.size()) {
        a.error = QStringLiteral("too many positional arguments");
        return a;
    }
    for (int i = 0; i < call.items.size(); ++i)
        a.values[i] = &call.items[i];
    for (const auto &kw : call.keywords) {
        int idx = -1;
        for (int i = 0; i < names.size(); ++i)
            if (kw.first == QLatin1String(names[i]))
                idx = i;
        if (idx < 0 && extraKeywords) {
            a.extra.append({kw.first, &kw.second});
            continue;
        }
        if (idx < 0 || a.values[idx]) {
            a.error = QStringLiteral("the argument %1= is not rendered natively yet").arg(kw.first);
            return a;
        }
        a.values[idx] = &kw.second;
    }
    return a;
}

bool fail(QString &reason, const QString &why)
{
    reason = why;
    return false;
}

bool isNone(const PyValue *v)
{
    return !v || v->kind == PyValue::Kind::None;
}

bool boolArg(const PyValue *v, bool fallback, bool &ok)
{
    if (isNone(v))
        return fallback;
    if (v->kind != PyValue::Kind::Bool) {
        ok = false;
        return fallback;
    }
    return v->boolean;
}

bool intArg(const PyValue *v, qint64 &out)
{
    if (!v || v->kind != PyValue::Kind::Int)
        return false;
    out = v->integer;
    return true;
}

bool nameOf(const PyValue *v, QString &out, QString &reason, const char *what)
{
    if (v && v->isConstruct("op.f") && v->items.size() == 1 && v->keywords.isEmpty())
        v = &v->items.front();
    if (!v || !v->isStr()) {
        reason = QStringLiteral("%1 is not a literal str").arg(QLatin1String(what));
        return false;
    }
    if (v->str.size() > sql::kMaxIdentifierLength) {
        reason = QStringLiteral("%1 is longer than %2 characters").arg(QLatin1String(what)).arg(sql::kMaxIdentifierLength);
        return false;
    }
    out = v->str;
    return true;
}

bool schemaOf(const PyValue *v, QString &out, QString &reason)
{
    if (isNone(v))
        return true;
    return nameOf(v, out, reason, "schema");
}

bool columnList(const PyValue *v, QString &out, QString &reason)
{
    if (!v || !v->isSequence() || v->items.isEmpty()) {
        reason = QStringLiteral("the columns are not a literal list of names");
        return false;
    }
    QStringList cols;
    for (const PyValue &c : v->items) {
        QString n;
        if (!nameOf(&c, n, reason, "a column"))
            return false;
        cols << sql::quoteIdentifier(n);
    }
    out = cols.join(QStringLiteral(", "));
    return true;
}

bool plainSqlText(const PyValue *v, QString &out, bool percentOk)
{
    if (v && v->isConstruct("sa.text") && v->items.size() == 1 && v->keywords.isEmpty())
        v = &v->items.front();
    if (!v || !v->isStr())
        return false;
    static const QRegularExpression bind(QStringLiteral("(?<![:\\w$\\\\]):[\\w$]+(?![:\\w$])"));
    if (v->str.contains(bind) || v->str.contains(QLatin1String("\\:")))
        return false;
    if (!percentOk && v->str.contains(QLatin1Char('%')))
        return false;
    out = v->str;
    return true;
}

QString libraryName(const PyValue &v, bool *dialect)
{
    if (v.kind != PyValue::Kind::Construct)
        return {};
    static const char *const dialectPrefixes[] = {"postgresql.", "sa.dialects.postgresql."};
    static const char *const corePrefixes[] = {"sa.types.", "sa.schema.", "sa.sql.expression.", "sa.sql.sqltypes.",
                                               "sa.sql.schema.", "sa."};
    for (const char *p : dialectPrefixes)
        if (v.str.startsWith(QLatin1String(p))) {
            if (dialect)
                *dialect = true;
            return v.str.mid(int(qstrlen(p)));
        }
    for (const char *p : corePrefixes)
        if (v.str.startsWith(QLatin1String(p))) {
            const QString rest = v.str.mid(int(qstrlen(p)));
            if (rest.contains(QLatin1Char('.')) && !rest.startsWith(QLatin1String("func.")))
                continue;
            if (dialect)
                *dialect = false;
            return rest;
        }
    return {};
}

} // namespace retort::render
