#include "connection.h"

#include "db/swap.h"

#include <QAtomicInteger>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace retort {

namespace {

const QString kDriver = QStringLiteral("QPSQL");

QString uniqueName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("retort-db-%1-%2")
        .arg(quintptr(QThread::currentThreadId()), 0, 16)
        .arg(counter.fetchAndAddRelaxed(1));
}

// A libpq conninfo value: quoted when it holds spaces, quotes or backslashes.
QString conninfoValue(const QString &value)
{
    static const QRegularExpression plain(QStringLiteral("^[^\\s'\\\\]+$"));
    if (plain.match(value).hasMatch())
        return value;
    QString v = value;
    v.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    v.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}

QString where(const ConnectionSettings &s)
{
    return s.describe();
}

} // namespace

Result<QString> connectOptionsFor(const ConnectionSettings &settings, const Connection::Options &options)
{
    QStringList parts;
    bool timeoutGiven = false;
    // host, port, user and the database go through QSqlDatabase's setters;
    // unknown keys would make libpq refuse the whole connection.
    for (const auto &kv : settings.libpqParameters()) {
        if (kv.second.contains(QLatin1Char(';')))
            return Error(Error::Kind::Config,
                         QStringLiteral("The connection parameter %1 contains ';', which QtSql's PostgreSQL "
                                        "driver cannot pass on")
                             .arg(kv.first));
        if (kv.first == QLatin1String("connect_timeout"))
            timeoutGiven = true;
        parts << kv.first + QLatin1Char('=') + conninfoValue(kv.second);
    }
    if (!timeoutGiven && options.connectTimeoutSeconds > 0)
        parts.prepend(QStringLiteral("connect_timeout=%1").arg(options.connectTimeoutSeconds));
    return parts.join(QLatin1Char(';'));
}

Error connectionError(const ConnectionSettings &s, const QString &libpqMessage, int timeoutSeconds)
{
    const QString text = libpqMessage.trimmed();
    QString message;
    QString state;
    static const QRegularExpression dbMissing(QStringLiteral("database \"([^\"]*)\" does not exist"));
    static const QRegularExpression roleMissing(QStringLiteral("role \"([^\"]*)\" does not exist"));
    if (text.contains(QLatin1String("password authentication failed"))) {
        state = QStringLiteral("28P01");
        message = QStringLiteral("Password authentication failed for user \"%1\" (%2)").arg(s.user, where(s));
    } else if (text.contains(QLatin1String("no password supplied"))) {
        state = QStringLiteral("28P01");
        message = QStringLiteral("The server asks for a password for user \"%1\" and none was found in the URL, "
                                 "PGPASSFILE or ~/.pgpass (%2)")
                      .arg(s.user, where(s));
    } else if (const auto m = dbMissing.match(text); m.hasMatch()) {
        state = QStringLiteral("3D000");
        message = QStringLiteral("Database \"%1\" does not exist (%2)").arg(m.captured(1), where(s));
    } else if (const auto m = roleMissing.match(text); m.hasMatch()) {
        state = QStringLiteral("28000");
        message = QStringLiteral("Role \"%1\" does not exist (%2)").arg(m.captured(1), where(s));
    } else if (text.contains(QLatin1String("Connection refused"))) {
        state = QStringLiteral("08001");
        message = QStringLiteral("Connection refused (%1): is PostgreSQL running there and accepting %2 "
                                 "connections?")
                      .arg(where(s), s.isSocket() ? QStringLiteral("socket") : QStringLiteral("TCP/IP"));
    } else if (text.contains(QLatin1String("timeout expired"))) {
        state = QStringLiteral("08001");
        message = QStringLiteral("Timed out after %1 s connecting (%2)").arg(timeoutSeconds).arg(where(s));
    } else if (text.contains(QLatin1String("No such file or directory")) && s.isSocket()) {
        state = QStringLiteral("08001");
        message = QStringLiteral("No PostgreSQL socket found (%1)").arg(where(s));
    } else {
        state = QStringLiteral("08001");
        message = QStringLiteral("Cannot connect (%1): %2").arg(where(s), text.section(QLatin1Char('\n'), 0, 0));
    }
    Error e(Error::Kind::Database, message);
    e.setSqlState(state);
    if (!text.isEmpty())
        e.causedBy(Error(Error::Kind::Database, QStringLiteral("libpq: ") + text.simplified()));
    return e;
}

Connection::Connection(QString name, ConnectionSettings settings)
    : m_name(std::move(name)), m_settings(std::move(settings))
{
}

Connection::~Connection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

Result<std::unique_ptr<Connection>> Connection::open(const ConnectionSettings &settings, const Options &options)
{
    if (!QSqlDatabase::isDriverAvailable(kDriver))
        return Error(Error::Kind::Database,
                     QStringLiteral("QtSql's PostgreSQL driver (QPSQL) is not installed; available drivers: %1. "
                                    "On Debian/Ubuntu install libqt6sql6-psql.")
                         .arg(QSqlDatabase::drivers().join(QStringLiteral(", "))));
    Result<QString> connectOptions = connectOptionsFor(settings, options);
    if (!connectOptions)
        return connectOptions.error();

    std::unique_ptr<Connection> c(new Connection(uniqueName(), settings));
    QString libpqMessage;
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(kDriver, c->m_name);
        if (!settings.host.isEmpty())
            db.setHostName(settings.host);
        if (settings.port > 0)
            db.setPort(settings.port);
        if (!settings.database.isEmpty())
            db.setDatabaseName(settings.database);
        if (!settings.user.isEmpty())
            db.setUserName(settings.user);
        // QPSQL leaves password= out of the conninfo when it is empty, so
        // libpq falls back to PGPASSFILE / ~/.pgpass.
        if (settings.hasPassword && !settings.password.isEmpty())
            db.setPassword(settings.password);
        db.setConnectOptions(connectOptions.value());
        ok = db.open();
        if (!ok)
            libpqMessage = db.lastError().databaseText();
        // The password is not kept in QtSql's registry longer than needed.
        db.setPassword(QString());
    }
    if (!ok) {
        const QString timeout = settings.queryValue(QStringLiteral("connect_timeout"));
        const Error e = connectionError(settings, libpqMessage,
                                        timeout.isEmpty() ? options.connectTimeoutSeconds : timeout.toInt());
        // a database dropped by a swap that did not finish: its data is in a copy
        if (e.sqlState() == QLatin1String("3D000"))
            if (const QString hint = missingDatabaseHint(settings); !hint.isEmpty()) {
                Error named(e.kind(), e.message() + QStringLiteral(". ") + hint);
                named.setSqlState(e.sqlState());
                if (e.cause())
                    named.causedBy(*e.cause());
                return named;
            }
        return e;
    }
    return c;
}

QSqlDatabase Connection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

QString Connection::serverVersion() const
{
    QSqlQuery q(database());
    if (q.exec(QStringLiteral("SHOW server_version")) && q.next())
        return q.value(0).toString();
    return QString();
}

} // namespace retort
