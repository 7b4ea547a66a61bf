#pragma once

#include <QString>
#include <QStringList>

namespace retort::risk {

// What a statement's DDL or DML names, for "which revisions touched
// users.email?": tables ("users", and "app.users" when qualified), their
// columns ("users.email"), indexes and views, lower-cased as PostgreSQL
// folds bare names. Read from CREATE/ALTER/DROP TABLE, CREATE/DROP INDEX,
// CREATE VIEW, INSERT, UPDATE, DELETE and COMMENT ON; other statements, and
// the queries inside them, name nothing here.
QStringList touchedObjects(const QString &sql);

} // namespace retort::risk
