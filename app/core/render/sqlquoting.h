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
// doubled, and, offline, backslashes doubled: with no connection to report
// standard_conforming_strings SQLAlchemy assumes escapes. Online it asks the
// server, which says "on" (PostgreSQL's default since 9.1), and leaves
// backslashes alone; an OnlineLiterals scope selects that rendering.
QString stringLiteral(const QString &value);

// While alive, stringLiteral() on this thread renders literals as SQLAlchemy
// does on a connection with standard_conforming_strings=on (the native
// renderer in RenderMode::Online). Scopes nest.
class OnlineLiterals {
public:
    explicit OnlineLiterals(bool online);
    ~OnlineLiterals();
    OnlineLiterals(const OnlineLiterals &) = delete;
    OnlineLiterals &operator=(const OnlineLiterals &) = delete;

private:
    bool m_previous;
};

// PostgreSQL's limit on identifier length (max_identifier_length).
constexpr int kMaxIdentifierLength = 63;

} // namespace retort::sql
