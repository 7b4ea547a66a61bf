#pragma once

#include "db/connectionsettings.h"
#include "result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>


namespace retort {

// One open QPSQL connection, named uniquely, owned by the thread that opened
// it (a QSqlDatabase must not be used from another thread). Closed and
// removed from QtSql's registry when destroyed.
class Connection {
public:
    struct Options {
        int connectTimeoutSeconds = 10;  // libpq's connect_timeout unless the URL sets one
    };

    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // Opens a connection. Without a password in the URL none is passed, and
    // libpq reads PGPASSFILE / ~/.pgpass itself. Errors are Kind::Database
    // with a message naming host, port, user and database (never the
    // password), the SQLSTATE when there is one, and libpq's text as cause.
    static Result<std::unique_ptr<Connection>> open(const ConnectionSettings &settings, const Options &options);
    static Result<std::unique_ptr<Connection>> open(const ConnectionSettings &settings)
    {
        return open(settings, Options());
    }

    QSqlDatabase database() const;
    const QString &connectionName() const { return m_name; }
    const ConnectionSettings &settings() const { return m_settings; }
    // SHOW server_version, e.g. "16.4 (Debian 16.4-1.pgdg120+1)".
    QString serverVersion() const;

private:
    Connection(QString name, ConnectionSettings settings);

    QString m_name;
    ConnectionSettings m_settings;
};

// The libpq keywords passed through QSqlDatabase::setConnectOptions
// ("connect_timeout=10;sslmode='require'"); exposed for tests. Fails for a
// value QPSQL cannot carry (it turns every ';' into a space).
Result<QString> connectOptionsFor(const ConnectionSettings &settings, const Connection::Options &options);

// A connection failure turned into an Error people can act on, from libpq's
// message; exposed for tests.
Error connectionError(const ConnectionSettings &settings, const QString &libpqMessage, int timeoutSeconds);

} // namespace retort
