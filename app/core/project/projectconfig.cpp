#include "projectconfig.h"

#include "project/alembicoptions.h"
#include "project/projectfile.h"
#include "pytext.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <sys/stat.h>

#include <cerrno>

namespace retort {

QString pyAbsPath(const QString &path)
{
    return QDir::cleanPath(QDir::current().absoluteFilePath(path));
}

namespace {

// alembic's coerce_resource_to_filename: "package:path" needs Python.
Result<QString> resourcePath(const QString &ini, int line, const QString &value)
{
    if (!QDir::isAbsolutePath(value) && value.contains(QLatin1Char(':')))
        return configError(ini, line,
                           QStringLiteral("'%1' names a Python package resource; Retort reads "
                                          "filesystem paths only")
                               .arg(value));
    return value;
}

} // namespace

Result<ProjectConfig> ProjectConfig::load(const QString &iniPath, const QString &section, const QString &tomlPath)
{
    ProjectConfig cfg;
    cfg.iniPath = iniPath;
    cfg.section = section;

    Result<AlembicOptions> loaded = AlembicOptions::load(iniPath, tomlPath, section);
    if (!loaded)
        return loaded.error();
    const AlembicOptions &options = loaded.value();
    if (options.hasToml())
        cfg.tomlPath = tomlPath;
    // alembic 1.8.1's message when there is no [tool.alembic] to fall back on
    if (!options.hasIniSection() && !options.hasToml())
        return configError(iniPath, 0,
                           QStringLiteral("No config file %1 found, or file has no '[%2]' section")
                               .arg(pyRepr(iniPath), section));

    Result<std::optional<QString>> location = options.text(QStringLiteral("script_location"));
    if (!location)
        return location.error();
    if (!location.value())
        return configError(options.hasIniSection() ? iniPath : cfg.tomlPath, 0,
                           QStringLiteral("No 'script_location' key found in configuration."));
    const Location locationAt = options.where(QStringLiteral("script_location"));
    Result<QString> scriptDir = resourcePath(locationAt.file, locationAt.line, **location);
    if (!scriptDir)
        return scriptDir.error();
    cfg.scriptLocation = **location;
    cfg.scriptDirectory = pyAbsPath(scriptDir.value());
    struct stat st {};
    if (::stat(QFile::encodeName(scriptDir.value()).constData(), &st) != 0 && errno != ENOENT
        && errno != ENOTDIR)
        return fileError(cfg.scriptDirectory, errno);
    if (!QFileInfo::exists(scriptDir.value()))
        return configError(locationAt.file, locationAt.line,
                           QStringLiteral("Path doesn't exist: %1.  Please use the 'init' command to "
                                          "create a new scripts folder.")
                               .arg(pyRepr(cfg.scriptDirectory)));
    cfg.envPath = cfg.scriptDirectory + QStringLiteral("/env.py");

    Result<std::optional<QStringList>> locations = options.pathList(QStringLiteral("version_locations"));
    if (!locations)
        return locations.error();
    // no location at all (`version_locations = []`, or only separators) is
    // alembic's default: a falsy list
    if (locations.value() && !locations.value()->isEmpty()) {
        const Location at = options.where(QStringLiteral("version_locations"));
        for (const QString &p : **locations) {
            Result<QString> path = resourcePath(at.file, at.line, p);
            if (!path)
                return path.error();
            cfg.versionLocations << pyAbsPath(path.value());
        }
        cfg.explicitVersionLocations = true;
    } else {
        cfg.versionLocations << pyAbsPath(scriptDir.value() + QStringLiteral("/versions"));
    }

    Result<bool> recursive = options.boolean(QStringLiteral("recursive_version_locations"));
    if (!recursive)
        return recursive.error();
    cfg.recursiveVersionLocations = recursive.value();

    Result<std::optional<QStringList>> prepend = options.pathList(QStringLiteral("prepend_sys_path"));
    if (!prepend)
        return prepend.error();
    if (prepend.value())
        cfg.prependSysPath = **prepend;

    // sqlalchemy.url is read from the ini only, also by alembic 1.16
    if (options.inIni(QStringLiteral("sqlalchemy.url"))) {
        Result<QString> url = options.ini()->value(section, QStringLiteral("sqlalchemy.url"));
        if (url)
            cfg.sqlalchemyUrl = url.value();
    }
    return cfg;
}

QString ProjectConfig::configFile() const
{
    return tomlPath.isEmpty() || QFileInfo(iniPath).isFile() ? iniPath : tomlPath;
}

} // namespace retort
