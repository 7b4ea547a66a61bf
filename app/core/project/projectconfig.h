#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

namespace retort {

// Where an alembic project keeps its revisions, read from alembic.ini the
// way alembic's Config and ScriptDirectory.from_config read it.
struct ProjectConfig {
    QString iniPath;                 // as given (relative paths stay relative, as alembic prints them)
    QString section = QStringLiteral("alembic");
    QString scriptLocation;          // script_location after interpolation
    QString scriptDirectory;         // absolute
    QStringList versionLocations;    // absolute, in configured order; existing or not
    bool explicitVersionLocations = false;
    QString sqlalchemyUrl;           // may be empty
    QString envPath;                 // <scriptDirectory>/env.py
    // prepend_sys_path as alembic splits it: the folders Python searches
    // first for the modules revision files import. Relative ones are
    // relative to workDir.
    QStringList prependSysPath;
    QString workDir;                 // where alembic would run; empty: the current directory

    static Result<ProjectConfig> load(const QString &iniPath,
                                      const QString &section = QStringLiteral("alembic"));
};

// os.path.abspath: the current directory joined and normalised lexically.
QString pyAbsPath(const QString &path);

} // namespace retort
