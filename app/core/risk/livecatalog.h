#pragma once

#include "result.h"
#include "risk/schemacatalog.h"

#include <QSqlDatabase>

namespace retort::risk {

// What a connected database already holds, for the lock model to start
// from: its tables and views with their column types and whether
// statistics say they have rows, foreign keys, check constraints, and each
// index's table and leading column. Read-only catalog queries.
Result<SchemaCatalog> readSchemaCatalog(const QSqlDatabase &db);

} // namespace retort::risk
