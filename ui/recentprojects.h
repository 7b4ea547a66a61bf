#pragma once

#include <QStringList>

namespace retort::gui {

// The projects opened lately, most recent first, kept in QSettings. Only the
// paths of alembic.ini files are stored: never a URL, never a password.
class RecentProjects {
public:
    static constexpr int kMaximum = 10;

    static QStringList list();
    // `paths` with iniPath moved or put first, kMaximum at most.
    static QStringList added(QStringList paths, const QString &iniPath);
    // Writes the list (a settings file: keep it off the GUI thread).
    static void save(const QStringList &paths);
};

} // namespace retort::gui
