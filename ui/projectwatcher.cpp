#include "projectwatcher.h"

#include "guithreadwork.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QSet>
#include <QTimer>

namespace retort::gui {

ProjectWatcher::ProjectWatcher(QObject *parent)
    : QObject(parent), m_watcher(new QFileSystemWatcher(this)), m_settle(new QTimer(this))
{
    m_settle->setSingleShot(true);
    m_settle->setInterval(kSettleMs);
    connect(m_settle, &QTimer::timeout, this, &ProjectWatcher::changed);
    const auto changedPath = [this] { m_settle->start(); };
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, changedPath);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, changedPath);
}

QStringList ProjectWatcher::pathsFor(const LoadedProject &project)
{
    GuiThreadWork::count(project.scripts.size());
    const QDir here = QFileInfo(project.iniPath).absoluteDir();
    QStringList paths{project.iniPath, project.config.iniPath, here.absoluteFilePath(QStringLiteral("pyproject.toml"))};
    const QString scripts = here.absoluteFilePath(project.config.scriptLocation);
    paths << scripts + QStringLiteral("/env.py");
    for (const QString &location : project.config.versionLocations)
        paths << here.absoluteFilePath(location);
    // Folders under a recursive version location, and the files themselves
    // (a folder does not hear a file written in place).
    QSet<QString> folders;
    QString last;  // files come folder by folder: most need no lookup
    for (const RevisionScript &script : project.scripts) {
        const QString file = here.absoluteFilePath(script.path);
        const QStringView folder = QStringView(file).left(file.lastIndexOf(QLatin1Char('/')));
        if (folder != last) {
            last = folder.toString();
            folders.insert(last);
        }
    }
    paths << QStringList(folders.cbegin(), folders.cend());
    if (project.scripts.size() <= kMaxFiles)
        for (const RevisionScript &script : project.scripts)
            paths << here.absoluteFilePath(script.path);
    return existing(paths);
}

void ProjectWatcher::watch(const LoadedProject &project)
{
    watchOnly(project.watchPaths);
}

void ProjectWatcher::watchFailed(const QString &iniPath, const QString &errorFile)
{
    const QDir here = QFileInfo(iniPath).absoluteDir();
    QStringList paths{iniPath, here.absoluteFilePath(QStringLiteral("alembic.ini")),
                      here.absoluteFilePath(QStringLiteral("pyproject.toml"))};
    if (!errorFile.isEmpty()) {
        const QString file = QFileInfo(iniPath).absoluteDir().absoluteFilePath(errorFile);
        paths << file << QFileInfo(file).absolutePath();
    }
    watchOnly(existing(paths));
}

QStringList ProjectWatcher::watched() const
{
    return m_watcher->files() + m_watcher->directories();
}

QStringList ProjectWatcher::existing(const QStringList &paths)
{
    QStringList out;
    for (const QString &path : paths)
        if (QFileInfo::exists(path))
            out << QDir::cleanPath(path);
    out.removeDuplicates();
    return out;
}

void ProjectWatcher::watchOnly(const QStringList &existingPaths)
{
    m_settle->stop();
    QStringList old = watched();
    // A reload watches what it watched: adding a watch on a folder of
    // 100,000 files costs the kernel a pass over them, on the GUI thread.
    old.sort();
    QStringList wanted = existingPaths;
    wanted.sort();
    if (old == wanted)
        return;
    if (!old.isEmpty())
        m_watcher->removePaths(old);
    if (!existingPaths.isEmpty())
        m_watcher->addPaths(existingPaths);
}

} // namespace retort::gui
