#pragma once

#include <QString>

namespace retort::sql {

// SQLAlchemy 1.4's PostgreSQL IdentifierPreparer.quote(): an identifier is
// left bare unless it is a reserved word, starts with a digit or '$', has a
// character outside [A-Za-z0-9_$] or has an upper-case letter; quoted, '"'
// is doubled.
bool identifierNeedsQuotes(const QString &name);
QString quoteIdentifier(const QString &name);

// A table name as format_table() renders it: "schema.table", each quoted
// on its own; no schema when `schema` is null or empty.
QString qualifiedTable(const QString &schema, const QString &table);

// The PostgreSQL literal of a Python str under literal_binds: quotes
// doubled, and backslashes doubled because offline there is no connection
// to report standard_conforming_strings (SQLAlchemy then assumes escapes).
QString stringLiteral(const QString &value);

// PostgreSQL's limit on identifier length (max_identifier_length).
constexpr int kMaxIdentifierLength = 63;

} // namespace retort::sql
