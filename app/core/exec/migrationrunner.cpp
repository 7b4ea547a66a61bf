#include "migrationrunner.h"

#include "graph/revisiongraph.h"

namespace retort {

VersionTable ProjectContext::versionTable() const
{
    return VersionTable::fromEnv(env);
}

MigrationRunner::MigrationRunner(ProjectContext project, ConnectionSettings connection, RunOptions options)
    : m_project(std::move(project)), m_connection(std::move(connection)), m_options(options)
{
}

Result<QVector<PlannedStep>> MigrationRunner::plan(const Operation &, const QStringList &) const
{
    return Error(Error::Kind::Internal, QStringLiteral("not implemented yet"));
}

Result<RunPreview> MigrationRunner::preview(const Operation &) const
{
    return Error(Error::Kind::Internal, QStringLiteral("not implemented yet"));
}

Result<RunRequest> MigrationRunner::request(const Operation &) const
{
    return Error(Error::Kind::Internal, QStringLiteral("not implemented yet"));
}

RunReport MigrationRunner::apply(const Operation &operation, Executor &executor) const
{
    Result<RunRequest> r = request(operation);
    if (!r) {
        RunReport report;
        report.error = r.error();
        return report;
    }
    return executor.run(r.value());
}

bool MigrationRunner::isLocalHost(const ConnectionSettings &settings)
{
    return settings.host.isEmpty() || settings.isSocket() || settings.host == QLatin1String("localhost")
           || settings.host == QLatin1String("127.0.0.1") || settings.host == QLatin1String("::1");
}

} // namespace retort
