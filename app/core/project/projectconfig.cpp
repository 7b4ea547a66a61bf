#include "projectconfig.h"

#include "project/inifile.h"
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

Error configError(const QString &file, int line, const QString &message)
{
    Location where;
    where.file = file;
    where.line = line;
    return Error(Error::Kind::Config, message, where);
}

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

Result<ProjectConfig> ProjectConfig::load(const QString &iniPath, const QString &section)
{
    ProjectConfig cfg;
    cfg.iniPath = iniPath;
    cfg.section = section;

    const QString noConfig = QStringLiteral("No config file %1 found, or file has no '[%2]' section")
                                 .arg(pyRepr(iniPath), section);
    if (!QFileInfo(iniPath).isFile())
        return configError(iniPath, 0, noConfig);
    const QString here = QDir::cleanPath(QFileInfo(pyAbsPath(iniPath)).path());
    Result<IniFile> ini = IniFile::load(iniPath, {{QStringLiteral("here"), here}});
    if (!ini)
        return ini.error();
    if (!ini->hasSection(section))
        return configError(iniPath, 0, noConfig);

    auto option = [&](const char *key) -> Result<QString> {
        if (!ini->hasOption(section, QLatin1String(key)))
            return QString();
        return ini->value(section, QLatin1String(key));
    };

    Result<QString> location = option("script_location");
    if (!location)
        return location.error();
    if (!ini->hasOption(section, QStringLiteral("script_location")))
        return configError(iniPath, 0, QStringLiteral("No 'script_location' key found in configuration."));
    const int locationLine = ini->lineOf(section, QStringLiteral("script_location"));
    Result<QString> scriptDir = resourcePath(iniPath, locationLine, location.value());
    if (!scriptDir)
        return scriptDir.error();
    cfg.scriptLocation = location.value();
    cfg.scriptDirectory = pyAbsPath(scriptDir.value());
    struct stat st {};
    if (::stat(QFile::encodeName(scriptDir.value()).constData(), &st) != 0 && errno != ENOENT
        && errno != ENOTDIR)
        return fileError(cfg.scriptDirectory, errno);
    if (!QFileInfo::exists(scriptDir.value()))
        return configError(iniPath, locationLine,
                           QStringLiteral("Path doesn't exist: %1.  Please use the 'init' command to "
                                          "create a new scripts folder.")
                               .arg(pyRepr(cfg.scriptDirectory)));
    cfg.envPath = cfg.scriptDirectory + QStringLiteral("/env.py");

    Result<QString> locations = option("version_locations");
    if (!locations)
        return locations.error();
    if (!locations->isEmpty()) {
        Result<QString> sep = option("version_path_separator");
        if (!sep)
            return sep.error();
        const bool hasSep = ini->hasOption(section, QStringLiteral("version_path_separator"));
        QStringList parts;
        if (!hasSep) {
            // legacy: split on ", *" or " +", keeping empty pieces as alembic does
            static const QRegularExpression legacy(QStringLiteral(", *| +"));
            parts = locations->split(legacy);
        } else {
            QString splitOn;
            if (sep.value() == QLatin1String("space"))
                splitOn = QStringLiteral(" ");
            else if (sep.value() == QLatin1String("os") || sep.value() == QLatin1String(":"))
                splitOn = QStringLiteral(":");
            else if (sep.value() == QLatin1String(";"))
                splitOn = QStringLiteral(";");
            else
                return configError(iniPath, ini->lineOf(section, QStringLiteral("version_path_separator")),
                                   QStringLiteral("'%1' is not a valid value for version_path_separator; "
                                                  "expected 'space', 'os', ':', ';'")
                                       .arg(sep.value()));
            parts = locations->split(splitOn, Qt::SkipEmptyParts);
        }
        const int line = ini->lineOf(section, QStringLiteral("version_locations"));
        for (const QString &p : std::as_const(parts)) {
            Result<QString> path = resourcePath(iniPath, line, p);
            if (!path)
                return path.error();
            cfg.versionLocations << pyAbsPath(path.value());
        }
        cfg.explicitVersionLocations = true;
    } else {
        cfg.versionLocations << pyAbsPath(scriptDir.value() + QStringLiteral("/versions"));
    }

    Result<QString> prepend = option("prepend_sys_path");
    if (!prepend)
        return prepend.error();
    if (!prepend->isEmpty()) {
        static const QRegularExpression separators(QStringLiteral(", *|(?: +)|:"));
        cfg.prependSysPath = prepend->split(separators);
    }

    Result<QString> url = option("sqlalchemy.url");
    if (url)
        cfg.sqlalchemyUrl = url.value();
    return cfg;
}

} // namespace retort
