#include "risk/relationname.h"

#include <QSet>
#include <QStringList>

namespace retort::risk {

namespace {

// PostgreSQL 15's keywords outside the UNRESERVED category
// (pg_get_keywords() where catcode <> 'U'): quote_identifier() quotes them.
const QSet<QString> &quotedKeywords()
{
    static const QSet<QString> words = [] {
        const QStringList list = QStringLiteral(
            "all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean "
            "both case cast char character check coalesce collate collation column concurrently constraint create "
            "cross current_catalog current_date current_role current_schema current_time current_timestamp "
            "current_user dec decimal default deferrable desc distinct do else end except exists extract false "
            "fetch float for foreign freeze from full grant greatest group grouping having ilike in initially inner "
            "inout int integer intersect interval into is isnull join lateral leading least left like limit "
            "localtime localtimestamp national natural nchar none normalize not notnull null nullif numeric offset "
            "on only or order out outer overlaps overlay placing position precision primary real references "
            "returning right row select session_user setof similar smallint some substring symmetric table "
            "tablesample then time timestamp to trailing treat trim true union unique user using values varchar "
            "variadic verbose when where window with xmlattributes xmlconcat xmlelement xmlexists xmlforest "
            "xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable").split(QLatin1Char(' '));
        return QSet<QString>(list.begin(), list.end());
    }();
    return words;
}

} // namespace

QString pgQuoteIdentifier(const QString &name)
{
    bool safe = !name.isEmpty()
                && ((name.front() >= QLatin1Char('a') && name.front() <= QLatin1Char('z')) || name.front() == QLatin1Char('_'));
    for (QChar c : name) {
        if (!((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
              || c == QLatin1Char('_')))
            safe = false;
    }
    if (safe && quotedKeywords().contains(name))
        safe = false;
    if (safe)
        return name;
    QString escaped = name;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString regclassText(const QString &schema, const QString &name)
{
    if (schema.isEmpty() || schema == QLatin1String("public"))
        return pgQuoteIdentifier(name);
    return pgQuoteIdentifier(schema) + QLatin1Char('.') + pgQuoteIdentifier(name);
}

} // namespace retort::risk
