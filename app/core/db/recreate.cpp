#include "recreate.h"

#include "db/connection.h"
#include "db/dberror.h"
#include "db/swap.h"
#include "db/versionstate.h"
#include "render/sqlquoting.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QThread>

namespace retort {

namespace {

constexpr int kSettleTries = 20;
constexpr unsigned long kSettleMs = 100;

// Online literals: an escape string when needed, the same whatever
// standard_conforming_strings a role or database sets.
QString literal(const QString &value)
{
    const sql::OnlineLiterals online(true);
    return sql::stringLiteral(value);
}

// What CREATE DATABASE needs to make the same database again.
struct DatabaseShape {
    QString name;
    QString owner;
    QString encoding;
    QString collate;
    QString ctype;
    QString tablespace;
    QString localeProvider;  // "icu", "builtin", or empty for libc
    QString providerLocale;
    int serverVersion = 0;

    QString createStatement(const QString &as) const
    {
        QString sql = QStringLiteral("CREATE DATABASE %1 OWNER %2 TEMPLATE template0 ENCODING %3")
                          .arg(quotePgIdentifier(as), quotePgIdentifier(owner), literal(encoding));
        if (!collate.isEmpty())
            sql += QStringLiteral(" LC_COLLATE %1").arg(literal(collate));
        if (!ctype.isEmpty())
            sql += QStringLiteral(" LC_CTYPE %1").arg(literal(ctype));
        if (!localeProvider.isEmpty()) {
            sql += QStringLiteral(" LOCALE_PROVIDER %1").arg(localeProvider);
            if (!providerLocale.isEmpty())
                sql += QStringLiteral(" %1_LOCALE %2").arg(localeProvider.toUpper(), literal(providerLocale));
        }
        if (tablespace != QLatin1String("pg_default"))
            sql += QStringLiteral(" TABLESPACE %1").arg(quotePgIdentifier(tablespace));
        return sql;
    }
};

Error queryError(const QSqlQuery &q, const QString &what, const QString &sql)
{
    return DbError::of(q).toError(what, sql);
}

// Read as JSON: the locale columns are named differently from one major
// version to the next (daticulocale, datlocale).
Result<DatabaseShape> readShape(const QSqlDatabase &db)
{
    const QString sql = QStringLiteral(
        "SELECT to_jsonb(d)::text, pg_get_userbyid(d.datdba), pg_encoding_to_char(d.encoding), t.spcname, "
        "current_setting('server_version_num')::int "
        "FROM pg_database d JOIN pg_tablespace t ON t.oid = d.dattablespace WHERE d.datname = current_database()");
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return queryError(q, QStringLiteral("Reading how the database was created"), sql);
    const QJsonObject row = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    DatabaseShape s;
    s.name = row.value(QLatin1String("datname")).toString();
    s.owner = q.value(1).toString();
    s.encoding = q.value(2).toString();
    s.tablespace = q.value(3).toString();
    s.serverVersion = q.value(4).toInt();
    s.collate = row.value(QLatin1String("datcollate")).toString();
    s.ctype = row.value(QLatin1String("datctype")).toString();
    const QString provider = row.value(QLatin1String("datlocprovider")).toString();
    if (provider == QLatin1String("i"))
        s.localeProvider = QStringLiteral("icu");
    else if (provider == QLatin1String("b"))
        s.localeProvider = QStringLiteral("builtin");
    if (!s.localeProvider.isEmpty()) {
        s.providerLocale = row.value(QLatin1String("datlocale")).toString();
        if (s.providerLocale.isEmpty())
            s.providerLocale = row.value(QLatin1String("daticulocale")).toString();
    }
    return s;
}

} // namespace

QString DatabaseSession::describe() const
{
    return QStringLiteral("pid %1 (%2, user %3, connected since %4)")
        .arg(pid)
        .arg(application.isEmpty() ? QStringLiteral("no application_name") : application, user,
             since.toUTC().toString(Qt::ISODate));
}

Result<QVector<DatabaseSession>> otherSessions(const QSqlDatabase &db, const QString &database)
{
    QSqlQuery q(db);
    const QString sql = QStringLiteral("SELECT pid, application_name, usename, backend_start FROM pg_stat_activity a "
                                       "WHERE datname = ? AND pid <> pg_backend_pid() "
                                       "AND COALESCE(to_jsonb(a) ->> 'backend_type', '') <> 'autovacuum worker' ORDER BY pid");
    q.prepare(sql);
    q.addBindValue(database);
    if (!q.exec())
        return queryError(q, QStringLiteral("Reading who is connected to %1").arg(database), sql);
    QVector<DatabaseSession> out;
    while (q.next())
        out.append({q.value(0).toInt(), q.value(1).toString(), q.value(2).toString(), q.value(3).toDateTime()});
    return out;
}

Result<QVector<DatabaseSession>> settledSessions(const QSqlDatabase &db, const QString &database)
{
    Result<QVector<DatabaseSession>> sessions = otherSessions(db, database);
    for (int tries = 0; sessions && !sessions->isEmpty() && tries < kSettleTries; ++tries) {
        QThread::msleep(kSettleMs);
        sessions = otherSessions(db, database);
    }
    return sessions;
}

Error recreateDatabase(const RecreateRequest &request)
{
    const auto log = [&request](const QString &line) {
        if (request.log)
            request.log(line);
    };
    const auto cancelled = [&request] { return request.cancelled && request.cancelled(); };
    const Error cancelError(Error::Kind::Cancelled, QStringLiteral("Cancelled; the database was not changed"));

    Result<std::unique_ptr<Connection>> maintenance = openMaintenance(request.connection);
    if (!maintenance)
        return maintenance.error();
    const QSqlDatabase db = maintenance.value()->database();
    // Taken before anything connects to the database: a rival run's
    // connection would count as another session of it.
    QStringList locked;
    const auto unlock = qScopeGuard([&db, &locked] {
        for (const QString &name : locked)
            releaseSwapLock(db, name);
    });
    const auto lock = [&db, &locked](const QString &name) {
        if (name.isEmpty() || locked.contains(name))
            return Error();
        if (Error busy = takeSwapLock(db, name))
            return busy;
        locked << name;
        return Error();
    };
    if (Error busy = lock(request.connection.database))
        return busy;

    DatabaseShape shape;
    {
        Result<std::unique_ptr<Connection>> target = Connection::open(request.connection);
        if (!target)
            return target.error();
        Result<DatabaseShape> read = readShape(target.value()->database());
        if (!read)
            return read.error();
        shape = read.value();
        if (request.check)
            if (Error refused = request.check(target.value()->database(), shape.name))
                return refused;
    }
    // the name reached, when a service file or PGDATABASE chose it
    if (Error busy = lock(shape.name))
        return busy;
    if (Error e = clearSwapCopies(db, shape.name, true, log))
        return e;

    // The backend of a connection just closed (ours above, the run's guard)
    // ends a moment later: a session is counted once it has stayed a while.
    Result<QVector<DatabaseSession>> sessions = settledSessions(db, shape.name);
    if (!sessions)
        return sessions.error();
    if (!sessions->isEmpty()) {
        QStringList who;
        for (const DatabaseSession &s : sessions.value())
            who << s.describe();
        if (!request.disconnectOthers)
            return Error(Error::Kind::Config,
                         QStringLiteral("Database \"%1\" has %2 other session(s): %3. Nothing was changed; close "
                                        "them, or insist on disconnecting them")
                             .arg(shape.name)
                             .arg(sessions->size())
                             .arg(who.join(QStringLiteral("; "))));
        if (shape.serverVersion < 130000)
            return Error(Error::Kind::Config,
                         QStringLiteral("Database \"%1\" has other sessions (%2), and PostgreSQL before 13 cannot "
                                        "drop a database with sessions (DROP DATABASE ... WITH (FORCE)); nothing "
                                        "was changed")
                             .arg(shape.name, who.join(QStringLiteral("; "))));
        log(QStringLiteral("Disconnecting %1 other session(s): %2").arg(sessions->size()).arg(who.join(QStringLiteral("; "))));
    }
    if (cancelled())
        return cancelError;

    const QString fresh = swapCopyName(shape.name);
    const QString create = shape.createStatement(fresh);
    log(QStringLiteral("Creating the new database as %1: %2").arg(fresh, create));
    QSqlQuery q(db);
    if (!q.exec(create))
        return queryError(q, QStringLiteral("Creating the new database (\"%1\" was not changed)").arg(shape.name), create);
    const auto dropFresh = [&db, &fresh, &log] {
        if (Error e = dropSwapCopy(db, fresh))
            log(QStringLiteral("The new database %1 was left: %2").arg(fresh, e.toString()));
    };
    if (Error e = markSwapCopy(db, fresh, shape.name, false, request.what)) {
        dropFresh();
        return e;
    }
    if (request.fill) {
        ConnectionSettings filling = request.connection;
        filling.database = fresh;
        if (Error e = request.fill(filling)) {
            dropFresh();
            return e;
        }
    }
    if (cancelled()) {
        dropFresh();
        return cancelError;
    }
    Error closed = markSwapCopy(db, fresh, shape.name, true, request.what);
    if (!closed)
        closed = closeSwapCopy(db, fresh);
    if (closed) {
        dropFresh();
        return closed;
    }

    const QString drop = QStringLiteral("DROP DATABASE %1%2")
                             .arg(quotePgIdentifier(shape.name),
                                  request.disconnectOthers ? QStringLiteral(" WITH (FORCE)") : QString());
    log(drop);
    if (!q.exec(drop)) {
        const Error e = queryError(q, QStringLiteral("Dropping \"%1\" (it was not changed)").arg(shape.name), drop);
        dropFresh();
        return e;
    }
    if (request.dropped)
        request.dropped();
    const QString rename =
        QStringLiteral("ALTER DATABASE %1 RENAME TO %2").arg(quotePgIdentifier(fresh), quotePgIdentifier(shape.name));
    log(rename);
    if (!q.exec(rename))
        return queryError(q,
                          QStringLiteral("\"%1\" was dropped, but its replacement is still named \"%2\": finish "
                                         "with `retort %3`")
                              .arg(shape.name, fresh, finishSwapCommand()),
                          rename);
    q.exec(QStringLiteral("COMMENT ON DATABASE %1 IS NULL").arg(quotePgIdentifier(shape.name)));
    return reopenSwappedDatabase(db, shape.name);
}

} // namespace retort
