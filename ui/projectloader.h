#pragma once

#include "loadedproject.h"
#include "result.h"

#include <QObject>
#include <QPair>
#include <QString>

#include <atomic>

namespace retort {
class Progress;
}

namespace retort::gui {

// The worker that reads a project: alembic.ini, every revision file, the
// graph, alembic's history order and the lanes. It lives on a worker thread
// (see ProjectSession) and answers by signals, which reach the GUI queued.
class ProjectLoader : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // A folder means the alembic.ini inside it; the result is absolute.
    static QString resolveIniPath(const QString &path);
    // The ini and the pyproject.toml a resolved path stands for (either may not exist).
    static QPair<QString, QString> configFiles(const QString &resolved);
    // The whole load, synchronously, on the calling thread. progress (may be
    // null) hears each step; its cancel flag stops the load between files
    // and between steps, with a Cancelled error.
    static Result<LoadedProjectPtr> loadProject(const QString &path, Progress *progress = nullptr);

    // On the worker's thread: answers with loaded() or failed() unless
    // `cancel` became true first (then with nothing: the caller moved on).
    void load(quint64 request, const QString &path, const std::atomic<bool> &cancel);

public slots:
    void readSource(quint64 request, const QString &filePath);

signals:
    // From the load's threads, about a hundred times per step at most.
    void progressed(quint64 request, const QString &step, qint64 done, qint64 total);
    void loaded(quint64 request, retort::gui::LoadedProjectPtr project);
    void failed(quint64 request, const retort::Error &error, const QString &iniPath);
    void sourceRead(quint64 request, const QString &filePath, const QString &text, const QString &error);
};

} // namespace retort::gui
