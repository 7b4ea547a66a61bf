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
// doubled, and backslashes doubled, as SQLAlchemy renders offline (with no
// connection to report standard_conforming_strings it assumes escapes).
// Online (an OnlineLiterals scope) a literal with a backslash is the escape
// string E'...' with backslashes doubled: it stores the same value as
// SQLAlchemy's bound parameter whatever the server's
// standard_conforming_strings, where a plain '...' would change meaning (and
// could end early) when a role or database sets it off.
QString stringLiteral(const QString &value);

// While alive, stringLiteral() on this thread renders literals for an
// online run (the native renderer in RenderMode::Online, the executor's
// version-row statements). Scopes nest.
class OnlineLiterals {
public:
    // Whether a scope on this thread selects online literals.
    static bool active();

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
