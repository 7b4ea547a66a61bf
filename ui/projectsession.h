#pragma once

#include "loadedproject.h"

#include <QObject>
#include <QString>

class QThread;

namespace retort::gui {

class ProjectLoader;

// The GUI side of the opened project: owns the loader's worker thread, sends
// it requests, drops answers to requests that were superseded, and keeps the
// last project that loaded.
class ProjectSession : public QObject {
    Q_OBJECT
public:
    explicit ProjectSession(QObject *parent = nullptr);
    ~ProjectSession() override;

    // Starts loading (a folder or an alembic.ini); the answer comes as
    // loaded() or failed().
    void open(const QString &path);
    void reload();
    void requestSource(const QString &filePath);

    bool isLoading() const { return m_loading; }
    const LoadedProjectPtr &project() const { return m_project; }
    // The ini of the project being loaded or shown.
    QString iniPath() const { return m_iniPath; }

    // For tests and benchmarks: the worker and its thread.
    ProjectLoader *loader() const { return m_loader; }
    QThread *workerThread() const { return m_thread; }

signals:
    void loadingStarted(const QString &iniPath);
    void loaded(retort::gui::LoadedProjectPtr project);
    void failed(const retort::Error &error, const QString &iniPath);
    void sourceReady(const QString &filePath, const QString &text, const QString &error);

    // Internal: carried to the worker thread.
    void loadRequested(quint64 request, const QString &path, QPrivateSignal);
    void sourceRequested(quint64 request, const QString &filePath, QPrivateSignal);

private:
    QThread *m_thread = nullptr;
    ProjectLoader *m_loader = nullptr;
    quint64 m_request = 0;
    quint64 m_sourceRequest = 0;
    bool m_loading = false;
    QString m_iniPath;
    LoadedProjectPtr m_project;
};

} // namespace retort::gui
