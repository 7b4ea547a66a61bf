#include "recentprojects.h"

#include <QSettings>

namespace retort::gui {

namespace {
const QString kKey = QStringLiteral("recentProjects");
}

QStringList RecentProjects::list()
{
    return QSettings().value(kKey).toStringList();
}

QStringList RecentProjects::added(QStringList paths, const QString &iniPath)
{
    paths.removeAll(iniPath);
    paths.prepend(iniPath);
    while (paths.size() > kMaximum)
        paths.removeLast();
    return paths;
}

void RecentProjects::save(const QStringList &paths)
{
    QSettings settings;
    if (paths.isEmpty())
        settings.remove(kKey);
    else
        settings.setValue(kKey, paths);
}

} // namespace retort::gui
