#include "swap.h"

#include "db/advisorylock.h"
#include "db/connection.h"
#include "db/dberror.h"
#include "db/recreate.h"
#include "db/versionstate.h"
#include "render/sqlquoting.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlQuery>

namespace retort {

namespace {

constexpr int kMaxIdentifierBytes = 63;
const QString kSuffixPattern = QStringLiteral("_retort_[0-9a-f]{8}$");
const QString kMarkerPrefix = QStringLiteral("retort swap copy ");

qint64 swapKey(const QString &database)
{
    return advisoryKey(QStringLiteral("retort swap ") + database);
}

// Only copies named for `database` (a name cut to 63 bytes, or whole).
bool namedFor(const QString &copy, const QString &database)
{
    const QString base = copy.left(copy.size() - QStringLiteral("_retort_12345678").size());
    if (base == database)
        return true;
    return copy.toUtf8().size() == kMaxIdentifierBytes && database.startsWith(base);
}

} // namespace

QString swapCopyName(const QString &database)
{
    const QString suffix =
        QStringLiteral("_retort_%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    QString base = database;
    while ((base + suffix).toUtf8().size() > kMaxIdentifierBytes)
        base.chop(1);
    return base + suffix;
}

Result<std::unique_ptr<Connection>> openMaintenance(const ConnectionSettings &target)
{
    ConnectionSettings s = target;
    // what a refused rival run names
    if (s.queryValue(QStringLiteral("application_name")).isEmpty()) {
        QString name = QStringLiteral("retort replacing ") + target.database;
        while (name.toUtf8().size() > kMaxIdentifierBytes)
            name.chop(1);
        s.query.append({QStringLiteral("application_name"), name});
    }
    s.database = QStringLiteral("postgres");
    Result<std::unique_ptr<Connection>> c = Connection::open(s);
    if (c)
        return c;
    s.database = QStringLiteral("template1");
    Result<std::unique_ptr<Connection>> fallback = Connection::open(s);
    if (fallback)
        return fallback;
    return c.error();
}

Error takeSwapLock(const QSqlDatabase &maintenance, const QString &database)
{
    const QString sql = QStringLiteral("SELECT pg_try_advisory_lock(?)");
    QSqlQuery q(maintenance);
    q.prepare(sql);
    q.addBindValue(swapKey(database));
    if (!q.exec() || !q.next())
        return DbError::of(q).toError(QStringLiteral("Taking the lock on the name \"%1\"").arg(database), sql);
    if (q.value(0).toBool())
        return Error();
    Error e(Error::Kind::Config,
            QStringLiteral("Another run is replacing database \"%1\" (%2); nothing was changed. Wait for it to end")
                .arg(database, advisoryHolder(maintenance, swapKey(database)).describe()));
    e.setSqlState(QStringLiteral("55P03"));
    return e;
}

void releaseSwapLock(const QSqlDatabase &maintenance, const QString &database)
{
    QSqlQuery q(maintenance);
    q.prepare(QStringLiteral("SELECT pg_advisory_unlock(?)"));
    q.addBindValue(swapKey(database));
    q.exec();
}

Error refuseWhileReplaced(const QSqlDatabase &db, const QString &database)
{
    for (const QString &maintenance : {QStringLiteral("postgres"), QStringLiteral("template1")}) {
        const AdvisoryHolder h = advisoryHolder(db, swapKey(database), maintenance);
        if (!h.found)
            continue;
        Error e(Error::Kind::Database,
                QStringLiteral("Database \"%1\" is being replaced by a reset-local --recreate or a restore (%2); "
                               "nothing was changed. Run again when it has ended")
                    .arg(database, h.describe()));
        e.setSqlState(QStringLiteral("55P03"));
        return e;
    }
    return Error();
}

Error markSwapCopy(const QSqlDatabase &maintenance, const QString &copy, const QString &database, bool complete,
                   const QString &what)
{
    QJsonObject marker;
    marker.insert(QStringLiteral("of"), database);
    marker.insert(QStringLiteral("complete"), complete);
    marker.insert(QStringLiteral("what"), what);
    QSqlQuery q(maintenance);
    const sql::OnlineLiterals online(true);
    const QString sql =
        QStringLiteral("COMMENT ON DATABASE %1 IS %2")
            .arg(quotePgIdentifier(copy),
                 sql::stringLiteral(kMarkerPrefix + QString::fromUtf8(QJsonDocument(marker).toJson(QJsonDocument::Compact))));
    if (q.exec(sql))
        return Error();
    return DbError::of(q).toError(QStringLiteral("Marking the copy \"%1\" as Retort's").arg(copy), sql);
}

QString SwapCopy::describe() const
{
    if (!marked)
        return QStringLiteral("\"%1\", named like a copy of \"%2\" but not created by Retort (no marker), left alone")
            .arg(name, of);
    QString text = complete ? QStringLiteral("\"%1\", a complete copy (%2) waiting to be renamed into place")
                            : QStringLiteral("\"%1\", a partial copy (%2) of a run that did not finish");
    text = text.arg(name, what.isEmpty() ? QStringLiteral("unmarked") : what);
    if (!sessions.isEmpty())
        text += QStringLiteral(", in use by %1").arg(sessions.join(QStringLiteral("; ")));
    return text;
}

Result<QVector<SwapCopy>> swapCopies(const QSqlDatabase &maintenance, const QString &database)
{
    const QString sql = QStringLiteral("SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database "
                                       "WHERE datname ~ ? ORDER BY datname");
    QSqlQuery q(maintenance);
    q.prepare(sql);
    q.addBindValue(kSuffixPattern);
    if (!q.exec())
        return DbError::of(q).toError(QStringLiteral("Looking for copies of \"%1\"").arg(database), sql);
    QVector<SwapCopy> out;
    while (q.next()) {
        SwapCopy c;
        c.name = q.value(0).toString();
        c.of = database;
        const QString comment = q.value(1).toString();
        if (comment.startsWith(kMarkerPrefix)) {
            const QJsonObject marker =
                QJsonDocument::fromJson(comment.mid(kMarkerPrefix.size()).toUtf8()).object();
            if (marker.value(QLatin1String("of")).toString() != database)
                continue;
            c.marked = true;
            c.complete = marker.value(QLatin1String("complete")).toBool();
            c.what = marker.value(QLatin1String("what")).toString();
        } else if (!comment.isEmpty() || !namedFor(c.name, database)) {
            continue;  // another database's, or the user's
        }
        out.append(c);
    }
    for (SwapCopy &c : out) {
        Result<QVector<DatabaseSession>> sessions = otherSessions(maintenance, c.name);
        if (!sessions)
            return sessions.error();
        for (const DatabaseSession &s : sessions.value())
            c.sessions << s.describe();
    }
    return out;
}

Error dropSwapCopy(const QSqlDatabase &maintenance, const QString &copy)
{
    QSqlQuery q(maintenance);
    const bool force = q.exec(QStringLiteral("SELECT current_setting('server_version_num')::int >= 130000")) && q.next()
                       && q.value(0).toBool();
    const QString sql = QStringLiteral("DROP DATABASE IF EXISTS %1%2")
                            .arg(quotePgIdentifier(copy), force ? QStringLiteral(" WITH (FORCE)") : QString());
    if (q.exec(sql))
        return Error();
    return DbError::of(q).toError(QStringLiteral("Dropping the copy \"%1\"").arg(copy), sql);
}

Error clearSwapCopies(const QSqlDatabase &maintenance, const QString &database, bool databaseExists,
                      const std::function<void(const QString &)> &log)
{
    Result<QVector<SwapCopy>> copies = swapCopies(maintenance, database);
    if (!copies)
        return copies.error();
    if (!databaseExists) {
        for (const SwapCopy &c : copies.value())
            if (c.complete)
                return Error(Error::Kind::Config,
                             QStringLiteral("Database \"%1\" does not exist: a run that replaced it stopped between "
                                            "DROP DATABASE and the RENAME. Its data is in %2. Finish it with "
                                            "`retort %3`")
                                 .arg(database, c.describe(), finishSwapCommand()));
        return Error();
    }
    for (const SwapCopy &c : copies.value()) {
        if (!c.marked) {
            if (log)
                log(c.describe());
            continue;
        }
        if (!c.sessions.isEmpty()) {
            if (log)
                log(QStringLiteral("Left %1").arg(c.describe()));
            continue;
        }
        if (Error e = dropSwapCopy(maintenance, c.name))
            return e;
        if (log)
            log(QStringLiteral("Dropped %1").arg(c.describe()));
    }
    return Error();
}

QString finishSwapCommand()
{
    return QStringLiteral("reset-local --finish-swap");
}

QString missingDatabaseHint(const ConnectionSettings &settings)
{
    if (settings.database.isEmpty() || settings.database == QLatin1String("postgres")
        || settings.database == QLatin1String("template1"))
        return QString();
    Result<std::unique_ptr<Connection>> maintenance = openMaintenance(settings);
    if (!maintenance)
        return QString();
    Result<QVector<SwapCopy>> copies = swapCopies(maintenance.value()->database(), settings.database);
    if (!copies || copies->isEmpty())
        return QString();
    QStringList found;
    bool complete = false;
    for (const SwapCopy &c : copies.value()) {
        if (!c.marked)
            continue;
        found << c.describe();
        complete = complete || c.complete;
    }
    if (found.isEmpty())
        return QString();
    QString hint = QStringLiteral("The server holds Retort's copies of it: %1").arg(found.join(QStringLiteral("; ")));
    if (complete)
        hint += QStringLiteral(". A run stopped between DROP DATABASE and the RENAME: finish it with `retort %1`")
                    .arg(finishSwapCommand());
    return hint;
}

Error finishSwap(const FinishSwapRequest &request)
{
    const QString database = request.connection.database;
    Result<std::unique_ptr<Connection>> maintenance = openMaintenance(request.connection);
    if (!maintenance)
        return maintenance.error();
    const QSqlDatabase db = maintenance.value()->database();
    if (request.check)
        if (Error refused = request.check(db, database))
            return refused;
    if (Error busy = takeSwapLock(db, database))
        return busy;
    const auto unlock = qScopeGuard([&db, &database] { releaseSwapLock(db, database); });
    QSqlQuery exists(db);
    exists.prepare(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = ?"));
    exists.addBindValue(database);
    if (!exists.exec())
        return DbError::of(exists).toError(QStringLiteral("Looking for \"%1\"").arg(database), exists.lastQuery());
    if (exists.next())
        return Error(Error::Kind::Config,
                     QStringLiteral("Database \"%1\" exists: there is no swap to finish; nothing was changed").arg(database));
    Result<QVector<SwapCopy>> copies = swapCopies(db, database);
    if (!copies)
        return copies.error();
    QVector<SwapCopy> complete;
    QStringList all;
    for (const SwapCopy &c : copies.value()) {
        all << c.describe();
        if (c.complete)
            complete << c;
    }
    if (complete.size() != 1)
        return Error(Error::Kind::Config,
                     QStringLiteral("Database \"%1\" does not exist, and %2 complete copy of it was found (%3): "
                                    "nothing was changed")
                         .arg(database, complete.isEmpty() ? QStringLiteral("no") : QStringLiteral("more than one"),
                              all.isEmpty() ? QStringLiteral("no copies at all") : all.join(QStringLiteral("; "))));
    const SwapCopy &copy = complete.front();
    if (!copy.sessions.isEmpty())
        return Error(Error::Kind::Config,
                     QStringLiteral("%1: a database in use cannot be renamed; nothing was changed").arg(copy.describe()));
    const QString rename = QStringLiteral("ALTER DATABASE %1 RENAME TO %2")
                               .arg(quotePgIdentifier(copy.name), quotePgIdentifier(database));
    if (request.log)
        request.log(rename);
    QSqlQuery q(db);
    if (!q.exec(rename))
        return DbError::of(q).toError(QStringLiteral("Renaming \"%1\" to \"%2\"").arg(copy.name, database), rename);
    q.exec(QStringLiteral("COMMENT ON DATABASE %1 IS NULL").arg(quotePgIdentifier(database)));
    return reopenSwappedDatabase(db, database);
}

Error closeSwapCopy(const QSqlDatabase &maintenance, const QString &copy)
{
    QSqlQuery q(maintenance);
    const QString close = QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS false").arg(quotePgIdentifier(copy));
    if (!q.exec(close))
        return DbError::of(q).toError(QStringLiteral("Closing the copy \"%1\" to new sessions").arg(copy), close);
    const QString end = QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                       "WHERE datname = ? AND pid <> pg_backend_pid()");
    q.prepare(end);
    q.addBindValue(copy);
    if (!q.exec())
        return DbError::of(q).toError(QStringLiteral("Ending the sessions on the copy \"%1\"").arg(copy), end);
    Result<QVector<DatabaseSession>> left = settledSessions(maintenance, copy);
    if (!left)
        return left.error();
    if (left->isEmpty())
        return Error();
    QStringList who;
    for (const DatabaseSession &s : left.value())
        who << s.describe();
    return Error(Error::Kind::Database, QStringLiteral("The copy \"%1\" has sessions that could not be ended: %2")
                                            .arg(copy, who.join(QStringLiteral("; "))));
}

Error reopenSwappedDatabase(const QSqlDatabase &maintenance, const QString &database)
{
    QSqlQuery q(maintenance);
    const QString open = QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS true").arg(quotePgIdentifier(database));
    if (q.exec(open))
        return Error();
    return DbError::of(q).toError(
        QStringLiteral("\"%1\" is in place but still refuses connections: run `%2` as its owner").arg(database, open),
        open);
}

} // namespace retort
