#pragma once

#include <QStringList>

namespace retort::gui {

// The projects opened lately, most recent first, kept in QSettings. Only the
// paths of alembic.ini files are stored: never a URL, never a password.
class RecentProjects {
public:
    static constexpr int kMaximum = 10;

    static QStringList list();
    static void add(const QString &iniPath);
    static void remove(const QString &iniPath);
    static void clear();
};

} // namespace retort::gui
