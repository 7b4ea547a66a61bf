#pragma once

#include <QSqlDatabase>

struct pg_conn;

namespace retort {

// libpq's connection behind an open QPSQL QSqlDatabase (QSqlDriver::handle()),
// or nullptr for another driver or a closed connection. For what QtSql does
// not expose; the QSqlDatabase keeps owning it.
pg_conn *pgConnOf(const QSqlDatabase &db);

} // namespace retort
