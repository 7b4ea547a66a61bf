#pragma once

#include <QJsonObject>
#include <QString>

namespace retort {

// The project's configuration as Retort resolved it, for the bridge to put
// into the ini-style Config alembic 1.8.1 builds (it reads no
// pyproject.toml and knows no path_separator): the options [tool.alembic]
// sets and the ini does not, as text, and the version locations and
// prepend_sys_path already split. Empty when the ini alone says everything
// the way alembic 1.8.1 reads it (or the configuration cannot be read: the
// bridge then meets alembic's own error).
QJsonObject resolvedBridgeConfig(const QString &iniPath, const QString &section, const QString &tomlPath);

} // namespace retort
