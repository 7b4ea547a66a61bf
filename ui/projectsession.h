#pragma once

#include "loadedproject.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace retort::gui {

class ProjectLoader;
class ProjectWatcher;

// The GUI side of the opened project: owns the loader's worker thread, sends
// it requests, cancels the one a later request or the user supersedes (its
// answers are dropped), and keeps the last project that loaded.
class ProjectSession : public QObject {
    Q_OBJECT
public:
    explicit ProjectSession(QObject *parent = nullptr);
    ~ProjectSession() override;

    // Starts loading (a folder or an alembic.ini); the answer comes as
    // loaded() or failed().
    void open(const QString &path);
    void reload();
    // Stops the load under way: loadCancelled() at once, and the project
    // shown before (if any) stays the session's project.
    void cancel();
    void requestSource(const QString &filePath);

    bool isLoading() const { return m_loading; }
    const LoadedProjectPtr &project() const { return m_project; }
    // The ini of the project being loaded or shown.
    QString iniPath() const { return m_iniPath; }

    // For tests and benchmarks: the worker and its thread.
    ProjectLoader *loader() const { return m_loader; }
    QThread *workerThread() const { return m_thread; }
    ProjectWatcher *watcher() const { return m_watcher; }

signals:
    void loadingStarted(const QString &iniPath);
    // The load's step, `done` of `total` (0: not known); `done` grows within a step.
    void progress(const QString &step, qint64 done, qint64 total);
    void loadCancelled(const QString &iniPath);
    void loaded(retort::gui::LoadedProjectPtr project);
    void failed(const retort::Error &error, const QString &iniPath);
    void sourceReady(const QString &filePath, const QString &text, const QString &error);

    // Internal: carried to the worker thread.
    void sourceRequested(quint64 request, const QString &filePath, QPrivateSignal);

private:
    QThread *m_thread = nullptr;
    ProjectLoader *m_loader = nullptr;
    ProjectWatcher *m_watcher = nullptr;  // reloads when the project's files change
    quint64 m_request = 0;
    quint64 m_sourceRequest = 0;
    bool m_loading = false;
    std::shared_ptr<std::atomic<bool>> m_cancel;  // the load under way's
    QString m_iniPath;
    LoadedProjectPtr m_project;
};

} // namespace retort::gui
