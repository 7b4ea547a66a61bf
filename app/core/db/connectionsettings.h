#pragma once

#include "result.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace retort {

// Where a database URL came from, in the order Retort looks: --url, then the
// DATABASE_URL environment variable, then sqlalchemy.url of alembic.ini.
enum class UrlSource { None, CommandLine, Environment, IniFile };
QString urlSourceName(UrlSource source);

// A PostgreSQL connection described by an SQLAlchemy-style URL, as users
// write them: postgresql://, postgres://, postgresql+psycopg2://, +asyncpg,
// +psycopg, +pg8000. The query's user, password, host, port, database and
// dbname count as SQLAlchemy's psycopg2 dialect passes them to libpq. The
// password (user:password@, or ?password=) is kept for connecting only:
// redacted(), describe() and every error message leave it out.
struct ConnectionSettings {
    QString drivername;      // as written: "postgresql+psycopg2"
    QString user;            // percent-decoded; empty: libpq's default
    QString password;        // percent-decoded; empty with hasPassword false: none given
    bool hasPassword = false;
    QString host;            // decoded; "::1" without brackets; a directory for a socket
    bool hostFromQuery = false;  // host came from ?host=
    int port = -1;           // -1: libpq's default
    QString database;
    // The URL's own parts before the query, for redacted(): the user and
    // whether a password was written (-1: none, else its length).
    QString urlUser;
    int urlPasswordLength = -1;
    QString urlHost;
    int urlPort = -1;
    QString urlDatabase;
    // Query parameters in URL order, decoded (keys may repeat).
    QList<QPair<QString, QString>> query;
    UrlSource source = UrlSource::None;

    // The libpq keywords Retort passes on (sslmode, connect_timeout,
    // application_name, options, ...); everything else in the query is
    // ignored and listed by unknownParameters().
    static const QStringList &knownParameters();
    // host, port, user, dbname, database, password: parse() moves them into
    // the fields above, and they are passed on from there only.
    static bool isTakenApart(const QString &key);
    // The query's known keywords that are not taken apart, in URL order.
    QList<QPair<QString, QString>> libpqParameters() const;
    QStringList unknownParameters() const;
    QString queryValue(const QString &key) const;  // the last value given

    bool isSocket() const { return host.startsWith(QLatin1Char('/')); }
    // alembic's util.obfuscate_url_pw(url) as str() renders it with
    // SQLAlchemy 1.4: the password becomes XXXXX, query keys sorted.
    QString redacted() const;
    // "user@host:port/db" for messages (socket dirs and defaults spelled out).
    QString describe() const;

    static Result<ConnectionSettings> parse(const QString &url);
    // --url, DATABASE_URL, then sqlalchemy.url; an error naming all three when
    // none is set, or the source of a URL that does not parse.
    static Result<ConnectionSettings> resolve(const QString &commandLineUrl, const QString &environmentUrl,
                                              const QString &iniUrl);
};

} // namespace retort
