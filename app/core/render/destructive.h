#pragma once

#include "render/stepsql.h"

#include <QString>
#include <QVector>

namespace retort {

// A statement that throws data or schema away when it runs, found by reading
// the SQL as PostgreSQL's lexer does: comments (-- and nested /* */), string
// literals ('', E'', standard and backslash escapes), quoted identifiers and
// dollar quoting are skipped, keywords are matched case-insensitively and
// only outside them.
struct DestructiveStatement {
    enum class Kind {
        DropTable,       // DROP TABLE
        DropColumn,      // ALTER TABLE ... DROP [COLUMN]
        DropConstraint,  // ALTER TABLE ... DROP CONSTRAINT
        DropIndex,       // DROP INDEX
        DropView,        // DROP [MATERIALIZED] VIEW
        DropType,        // DROP TYPE / DROP DOMAIN
        DropSchema,      // DROP SCHEMA
        DropSequence,    // DROP SEQUENCE
        DropDatabase,    // DROP DATABASE
        AlterColumnType, // ALTER TABLE ... ALTER [COLUMN] c [SET DATA] TYPE
        Truncate,        // TRUNCATE
        DeleteAll,       // DELETE without WHERE
        UpdateAll,       // UPDATE without WHERE
    };
    Kind kind = Kind::DropTable;
    // In the text that was classified (for a StepBody: in body[statementIndex].sql).
    int offset = 0;  // the statement's first keyword (UTF-16 offset)
    int length = 0;  // up to, not including, its ';'
    int line = 1;    // 1-based line of `offset`
    int statementIndex = -1;  // StepBody only: which body element

    // "DROP TABLE", "DELETE without WHERE", ...
    QString kindName() const;
};

// The destructive statements of an SQL text (one or many statements), in order.
// A statement with several destructive ALTER TABLE actions is reported once,
// with the kind of its first destructive action.
QVector<DestructiveStatement> findDestructive(const QString &sql);

// The same for a rendered step body; offsets are within each statement's text.
QVector<DestructiveStatement> findDestructive(const StepBody &body);

} // namespace retort
