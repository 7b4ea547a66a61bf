#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

namespace retort {

// Where an alembic project keeps its revisions, read from alembic.ini and
// pyproject.toml's [tool.alembic] the way alembic's Config and
// ScriptDirectory.from_config read them (see AlembicOptions).
struct ProjectConfig {
    QString iniPath;                 // as given (relative paths stay relative, as alembic prints them); may not exist
    QString tomlPath;                // pyproject.toml with a [tool.alembic] table; empty when none is used
    QString section = QStringLiteral("alembic");
    QString scriptLocation;          // script_location after interpolation
    QString scriptDirectory;         // absolute
    QStringList versionLocations;    // absolute, in configured order; existing or not
    bool explicitVersionLocations = false;
    bool recursiveVersionLocations = false;  // alembic ≥1.10: sub-folders are read too
    QString sqlalchemyUrl;           // may be empty
    QString envPath;                 // <scriptDirectory>/env.py
    // prepend_sys_path as alembic splits it: the folders Python searches
    // first for the modules revision files import. Relative ones are
    // relative to workDir.
    QStringList prependSysPath;
    QString workDir;                 // where alembic would run; empty: the current directory

    // tomlPath: the pyproject.toml to read after the ini (empty: none).
    static Result<ProjectConfig> load(const QString &iniPath,
                                      const QString &section = QStringLiteral("alembic"),
                                      const QString &tomlPath = QString());
    // The file a user opens for this project: the ini when it exists, else pyproject.toml.
    QString configFile() const;
};

// os.path.abspath: the current directory joined and normalised lexically.
QString pyAbsPath(const QString &path);

} // namespace retort
