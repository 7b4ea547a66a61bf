#include "render/sqlquoting.h"

#include <QSet>

namespace retort::sql {

namespace {

// sqlalchemy.dialects.postgresql.base.RESERVED_WORDS (1.4)
const QSet<QString> &reservedWords()
{
    static const QSet<QString> words = [] {
        const char *const list[] = {
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case",
            "cast", "check", "collate", "column", "constraint", "create", "current_catalog", "current_date",
            "current_role", "current_time", "current_timestamp", "current_user", "default", "deferrable",
            "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from",
            "grant", "group", "having", "in", "initially", "intersect", "into", "leading", "limit",
            "localtime", "localtimestamp", "new", "not", "null", "of", "off", "offset", "old", "on", "only",
            "or", "order", "placing", "primary", "references", "returning", "select", "session_user", "some",
            "symmetric", "table", "then", "to", "trailing", "true", "union", "unique", "user", "using",
            "variadic", "when", "where", "window", "with", "authorization", "between", "binary", "cross",
            "current_schema", "freeze", "full", "ilike", "inner", "is", "isnull", "join", "left", "like",
            "natural", "notnull", "outer", "over", "overlaps", "right", "similar", "verbose"};
        QSet<QString> s;
        for (const char *w : list)
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    return words;
}

bool isLegalChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' || u == '$';
}

} // namespace

bool identifierNeedsQuotes(const QString &name)
{
    if (name.isEmpty())
        return true;
    const QChar first = name.front();
    if (first == QLatin1Char('$') || (first >= QLatin1Char('0') && first <= QLatin1Char('9')))
        return true;
    for (QChar c : name) {
        if (!isLegalChar(c))
            return true;
        if (c.unicode() >= 'A' && c.unicode() <= 'Z')
            return true;
    }
    return reservedWords().contains(name);
}

QString quoteIdentifier(const QString &name)
{
    if (!identifierNeedsQuotes(name))
        return name;
    QString escaped = name;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString qualifiedTable(const QString &schema, const QString &table)
{
    if (schema.isEmpty())
        return quoteIdentifier(table);
    return quoteIdentifier(schema) + QLatin1Char('.') + quoteIdentifier(table);
}

namespace {
thread_local bool t_onlineLiterals = false;
} // namespace

bool OnlineLiterals::active()
{
    return t_onlineLiterals;
}

OnlineLiterals::OnlineLiterals(bool online) : m_previous(t_onlineLiterals)
{
    t_onlineLiterals = online;
}

OnlineLiterals::~OnlineLiterals()
{
    t_onlineLiterals = m_previous;
}

QString stringLiteral(const QString &value)
{
    QString v = value;
    v.replace(QLatin1Char('\''), QLatin1String("''"));
    if (!v.contains(QLatin1Char('\\')))
        return QLatin1Char('\'') + v + QLatin1Char('\'');
    v.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    // Online the text must mean the same whatever standard_conforming_strings
    // the role or database sets: an escape string does, a plain one does not.
    return (t_onlineLiterals ? QLatin1String("E'") : QLatin1String("'")) + v + QLatin1Char('\'');
}

} // namespace retort::sql
