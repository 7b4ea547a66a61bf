#pragma once

#include "result.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace retort {

// A PostgreSQL connection as a form shows it (host, port, database, user,
// SSL, service) and the SQLAlchemy URL alembic reads, converted both ways
// without losing what libpq would be given: fromUrl() then toUrl() names the
// same server, user, database and keywords (ConnectionSettings's view), and
// query keywords the form has no field for are kept in `otherParameters`.
// The password is never a field: fromUrl() hands it back apart, toUrl()
// never writes one.
struct ConnectionFields {
    QString driver = QStringLiteral("postgresql");  // the scheme as written: postgres, postgresql+asyncpg, ...
    QString host;       // a name, an address (IPv6 without brackets) or a socket directory; empty: libpq's default
    int port = -1;      // -1: libpq's default
    QString database;   // empty: libpq's default (the user's name)
    QString user;       // empty: libpq's default (the OS user)
    QString sslmode;    // empty: libpq's default (prefer)
    QString sslrootcert;
    QString service;    // a section of pg_service.conf
    // Every other query keyword, decoded, in URL order.
    QList<QPair<QString, QString>> otherParameters;

    // libpq's sslmode values, weakest first.
    static const QStringList &sslModes();

    // The URL's fields as libpq gets them (?user= over user@, ?host= over the
    // authority, as SQLAlchemy's psycopg2 dialect passes them). The password,
    // from user:password@ or ?password=, goes to `password` when given.
    static Result<ConnectionFields> fromUrl(const QString &url, QString *password = nullptr);
    // An SQLAlchemy URL for these fields, without a password: a socket
    // directory, or a host that cannot sit in the authority, goes to ?host=.
    QString toUrl() const;

    // otherParameters as "key=value&key=value" (decoded, '&' and '=' in
    // values percent-encoded), and back; blank values are dropped.
    QString otherParametersText() const;
    static QList<QPair<QString, QString>> parseParameters(const QString &text);
};

} // namespace retort
