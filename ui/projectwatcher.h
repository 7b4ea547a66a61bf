#pragma once

#include "loadedproject.h"

#include <QObject>
#include <QString>
#include <QStringList>

class QFileSystemWatcher;
class QTimer;

namespace retort::gui {

// Watches the files a project is read from, and says changed() once a burst
// of changes has settled (an editor's save, a `git checkout`): the ini,
// env.py, the version folders (files added, removed, renamed) and, up to
// kMaxFiles, each revision file (edited in place).
class ProjectWatcher : public QObject {
    Q_OBJECT
public:
    explicit ProjectWatcher(QObject *parent = nullptr);

    // The files and folders to watch for `project`, those that exist: one
    // pass over its revisions, made by the loader off the GUI thread.
    static QStringList pathsFor(const LoadedProject &project);
    // Watches project.watchPaths.
    void watch(const LoadedProject &project);
    // A load that failed: the ini, and the file its error names with its folder,
    // so fixing that file reads the project again.
    void watchFailed(const QString &iniPath, const QString &errorFile);
    QStringList watched() const;

    static constexpr int kSettleMs = 300;
    static constexpr int kMaxFiles = 4000;

signals:
    void changed();

private:
    static QStringList existing(const QStringList &paths);
    void watchOnly(const QStringList &existingPaths);

    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_settle = nullptr;
};

} // namespace retort::gui
