#pragma once

#include "risk/sqlcursor.h"
#include "risk/statementrisk.h"

namespace retort::risk {

// The regclass text of a name read from SQL (unqualified: public).
QString relationKey(const QualifiedName &name);

// A column type as written, in one spelling per type ("character varying(20)"
// and "VARCHAR(20)" both "varchar(20)").
QString normalizeType(const QString &typeText);
// Whether ALTER COLUMN ... TYPE from `from` to `to` (normalised) rewrites the
// table: everything but PostgreSQL's binary-coercible changes (a wider or
// unbounded varchar, varchar <-> text, a wider numeric precision, the same
// type). An unknown `from` counts as a rewrite.
bool typeChangeRewrites(const QString &from, const QString &to);

// Reads the elements of CREATE TABLE's parenthesised list (the cursor on its
// '('): columns and table constraints, recorded in the catalog for `table`.
void readTableElements(SqlCursor &c, const QString &table, StatementWork &work);

// ALTER TABLE (the cursor after ALTER TABLE): the lock of each subcommand as
// PostgreSQL 15's ALTER TABLE page gives it, the strongest of them taken.
void analyzeAlterTable(SqlCursor &c, StatementWork &work);

} // namespace retort::risk
