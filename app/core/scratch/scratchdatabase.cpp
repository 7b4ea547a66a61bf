#include "scratchdatabase.h"

#include "db/connection.h"
#include "db/versionstate.h"
#include "scratch/pginstallation.h"
#include "scratch/scratchcluster.h"
#include "scratch/scratchowner.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace retort {

namespace {

Error sqlFailure(const QString &what, const QSqlQuery &q)
{
    return Error(Error::Kind::Database, QStringLiteral("%1: %2").arg(what, q.lastError().text()));
}

Error runOn(const ConnectionSettings &settings, const QString &sql)
{
    Result<std::unique_ptr<Connection>> c = Connection::open(settings);
    if (!c)
        return c.error();
    QSqlQuery q(c.value()->database());
    if (!q.exec(sql))
        return sqlFailure(sql, q);
    return Error();
}

QString uniqueName()
{
    return QStringLiteral("retort_scratch_%1_%2")
        .arg(QCoreApplication::applicationPid())
        .arg(QRandomGenerator::global()->generate() & 0xffffff, 6, 16, QLatin1Char('0'));
}

// The retort_scratch_* databases on the server of `db` whose comment names a
// maker that provably no longer runs (a killed run's), dropped; one line per
// database for the user. Any other database, ours or not, is left alone.
QStringList dropAbandoned(const QSqlDatabase &db, const QString &server)
{
    QStringList lines;
    const std::optional<ScratchOwner> here = ScratchOwner::current();
    if (!here)
        return lines;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database "
                               "WHERE datname LIKE 'retort\\_scratch\\_%' ORDER BY datname")))
        return lines;
    QVector<std::pair<QString, ScratchOwner>> abandoned;
    while (q.next()) {
        const std::optional<ScratchOwner> owner = ScratchOwner::fromComment(q.value(1).toString());
        if (owner && owner->provablyGone(*here))
            abandoned.append({q.value(0).toString(), *owner});
    }
    for (const auto &[name, owner] : abandoned) {
        // the killed run's sessions may still be open (a backend notices a
        // dead client only when it next talks to it): FORCE ends them
        QSqlQuery drop(db);
        const QString sql = QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quotePgIdentifier(name));
        if (drop.exec(sql))
            lines << QStringLiteral("scratch: dropped %1 on %2, left by a run that ended without dropping it "
                                    "(process %3 of this machine)")
                         .arg(name, server)
                         .arg(owner.pid);
        else
            lines << QStringLiteral("scratch: cannot drop %1 on %2, left by a run that ended (process %3 of this "
                                    "machine): %4")
                         .arg(name, server)
                         .arg(owner.pid)
                         .arg(drop.lastError().text());
    }
    return lines;
}

} // namespace

Result<int> serverVersionNum(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SHOW server_version_num")) || !q.next())
        return sqlFailure(QStringLiteral("SHOW server_version_num"), q);
    return q.value(0).toInt();
}

ScratchDatabase::~ScratchDatabase()
{
    release();
}

QString ScratchDatabase::clusterDirectory() const
{
    return m_cluster ? m_cluster->directory() : QString();
}

Result<std::unique_ptr<ScratchDatabase>> ScratchDatabase::create(const ScratchRequest &request)
{
    std::unique_ptr<ScratchDatabase> scratch(new ScratchDatabase);
    const QString name = uniqueName();
    if (request.scratchUrl.isEmpty()) {
        QString note;
        Result<PgInstallation> server = chooseServer(request.targetMajor, request.targetDescription, &note);
        if (!server)
            return server.error();
        Result<std::unique_ptr<ScratchCluster>> cluster = ScratchCluster::start(server.value());
        if (!cluster)
            return cluster.error();
        scratch->m_cluster = std::move(cluster.value());
        scratch->m_server = scratch->m_cluster->settings(QStringLiteral("postgres"));
        scratch->m_note = QStringLiteral("scratch: %1, in %2").arg(note, scratch->m_cluster->directory());
    } else {
        Result<ConnectionSettings> server = ConnectionSettings::parse(request.scratchUrl);
        if (!server)
            return Error(Error::Kind::Config, QStringLiteral("--scratch-url: %1").arg(server.error().message()));
        scratch->m_server = server.value();
        Result<std::unique_ptr<Connection>> c = Connection::open(scratch->m_server);
        if (!c)
            return c.error();
        Result<int> version = serverVersionNum(c.value()->database());
        if (!version)
            return version.error();
        const int major = majorFromVersionNum(version.value());
        QString versions;
        if (request.targetMajor == 0)
            versions = QStringLiteral("PostgreSQL %1; %2").arg(major).arg(request.targetDescription);
        else if (request.targetMajor == major)
            versions = QStringLiteral("PostgreSQL %1, the major version of %2").arg(major).arg(request.targetDescription);
        else
            versions = QStringLiteral("PostgreSQL %1, but %2 runs PostgreSQL %3: results may differ where the "
                                      "versions do")
                           .arg(major)
                           .arg(request.targetDescription)
                           .arg(request.targetMajor);
        scratch->m_note = QStringLiteral("scratch: database %1 on %2, %3")
                              .arg(name, scratch->m_server.describe(), versions);
        scratch->m_dropped = dropAbandoned(c.value()->database(), scratch->m_server.describe());
    }
    if (Error e = scratch->make(name))
        return e;
    return scratch;
}

Error ScratchDatabase::make(const QString &name)
{
    if (Error e = runOn(m_server, QStringLiteral("CREATE DATABASE %1").arg(quotePgIdentifier(name)))) {
        return Error(Error::Kind::Database, QStringLiteral("cannot create the scratch database %1 on %2")
                                                .arg(name, m_server.describe()))
            .causedBy(e);
    }
    m_settings = m_server;
    m_settings.database = name;
    // a private cluster dies with the run; a database on a named server is
    // marked so that the next run can drop it should this one be killed
    const std::optional<ScratchOwner> owner = ScratchOwner::current();
    if (!m_cluster && owner) {
        const QString sql = QStringLiteral("COMMENT ON DATABASE %1 IS '%2'").arg(quotePgIdentifier(name), owner->comment());
        if (Error e = runOn(m_server, sql))
            m_note += QStringLiteral(" (not marked as this run's, so not dropped by a later run should this "
                                     "one be killed: %1)")
                          .arg(e.message());
    }
    return Error();
}

Error ScratchDatabase::recreate()
{
    const QString name = m_settings.database;
    if (name.isEmpty())
        return Error(Error::Kind::Internal, QStringLiteral("the scratch database was released"));
    const QString db = quotePgIdentifier(name);
    if (Error e = runOn(m_server, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(db)))
        return Error(Error::Kind::Database, QStringLiteral("cannot drop the scratch database %1 on %2 to start again")
                                                .arg(name, m_server.describe()))
            .causedBy(e);
    return make(name);
}

void ScratchDatabase::release()
{
    if (m_settings.database.isEmpty())
        return;
    if (m_cluster) {
        m_cluster->stop();  // the whole cluster goes: no need to drop first
        m_cluster.reset();
    } else {
        // WITH (FORCE) (PostgreSQL 13+) ends sessions a bridge child left
        const QString db = quotePgIdentifier(m_settings.database);
        if (runOn(m_server, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(db)))
            runOn(m_server, QStringLiteral("DROP DATABASE IF EXISTS %1").arg(db));
    }
    m_settings.database.clear();
}

} // namespace retort
