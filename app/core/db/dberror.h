#pragma once

#include "error.h"

#include <QString>

class QSqlQuery;

namespace retort {

// What PostgreSQL said about a statement that failed: the one path from a
// QtSql error to an Error, used by the executor, the migration lock and
// every read. The fields come from libpq's result (QtSql folds them into
// one string, and drops HINT).
struct DbError {
    QString message;   // the primary message, without "ERROR:  "
    QString sqlState;  // empty when the statement never reached the server
    QString detail;
    QString hint;
    int position = 0;  // 1-based character in the statement; 0 when not given

    static DbError of(const QSqlQuery &query);

    // Kind::Database: "<context>: <message>" (or the message alone) with the
    // SQLSTATE, the statement offset from `position`, and as causes, each on
    // its own line, "DETAIL: ...", "HINT: ..." and "while running: <statement>".
    Error toError(const QString &context = QString(), const QString &statement = QString()) const;
    // The same causes under another headline (the executor words some errors its own way).
    Error withCauses(Error headline, const QString &statement) const;
};

} // namespace retort
