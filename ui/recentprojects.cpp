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

void RecentProjects::add(const QString &iniPath)
{
    QStringList paths = list();
    paths.removeAll(iniPath);
    paths.prepend(iniPath);
    while (paths.size() > kMaximum)
        paths.removeLast();
    QSettings().setValue(kKey, paths);
}

void RecentProjects::remove(const QString &iniPath)
{
    QStringList paths = list();
    paths.removeAll(iniPath);
    QSettings().setValue(kKey, paths);
}

void RecentProjects::clear()
{
    QSettings().remove(kKey);
}

} // namespace retort::gui
