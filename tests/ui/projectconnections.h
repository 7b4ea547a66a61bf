#pragma once

// Saved connections for a project, filed as the window files them: under the
// key of the project's alembic.ini and script directory.

#include "db/savedconnections.h"
#include "project/projectconfig.h"

#include <QSettings>
#include <QtGlobal>

inline QString projectKeyOf(const QString &iniPath)
{
    const auto config = retort::ProjectConfig::load(iniPath);
    if (!config)
        qFatal("cannot read %s", qPrintable(iniPath));
    return retort::SavedConnections::projectKey(iniPath, config->scriptDirectory);
}

inline void saveConnectionsFor(const QString &iniPath, const QVector<retort::SavedConnection> &connections)
{
    QSettings settings;
    retort::SavedConnections::save(settings, projectKeyOf(iniPath), connections);
}
