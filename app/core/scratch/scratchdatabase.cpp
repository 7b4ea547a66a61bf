#include "scratchdatabase.h"

#include "db/connection.h"
#include "db/versionstate.h"
#include "scratch/pginstallation.h"
#include "scratch/scratchcluster.h"

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
    }
    if (Error e = runOn(scratch->m_server, QStringLiteral("CREATE DATABASE %1").arg(quotePgIdentifier(name)))) {
        return Error(Error::Kind::Database, QStringLiteral("cannot create the scratch database %1 on %2")
                                                .arg(name, scratch->m_server.describe()))
            .causedBy(e);
    }
    scratch->m_settings = scratch->m_server;
    scratch->m_settings.database = name;
    return scratch;
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
