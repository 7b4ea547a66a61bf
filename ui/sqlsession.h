#pragma once

#include "loadedproject.h"
#include "sqlworker.h"

#include <QObject>

#include <atomic>
#include <memory>

class QThread;

namespace retort::gui {

// The GUI side of SQL rendering: owns SqlWorker's thread, numbers requests
// and drops answers that a later request superseded.
class SqlSession : public QObject {
    Q_OBJECT
public:
    explicit SqlSession(QObject *parent = nullptr);
    ~SqlSession() override;

    // A new project: forgets pending answers and starts the needs-Python scan.
    void setProject(LoadedProjectPtr project);
    // Stops the needs-Python scan: scanStopped() at once, no badges drawn.
    void cancelScan();
    bool isScanning() const { return m_scanning; }
    // The worker that scans, for a test to hear its reports on its own thread.
    SqlWorker *scanWorker() const { return m_scanWorker; }
    void requestRevision(int node);
    void requestRange(const QStringList &heads, bool versionTableExists, const QString &target, bool downgrade);

signals:
    void revisionReady(const retort::gui::RevisionSql &sql);
    void rangeReady(const retort::gui::SqlScript &script);
    void scanStarted();
    void scanProgress(qint64 done, qint64 total);
    void needsPythonReady(const QVector<int> &nodes);
    // The project's search index with the tables, columns and indexes each
    // upgrade names (natively rendered revisions only), just before
    // needsPythonReady().
    void searchIndexReady(const retort::gui::SearchIndexPtr &index);
    // Per graph index, the note of a downgrade() that raises on purpose
    // (empty: none known), just before needsPythonReady().
    void irreversibleReady(const QStringList &byNode);
    // The scan was cancelled, or its project replaced by none.
    void scanStopped();

    // Internal: carried to the worker thread.
    void renderRequested(quint64 request, const retort::gui::LoadedProjectPtr &project, int node, QPrivateSignal);
    void rangeRequested(quint64 request, const retort::gui::LoadedProjectPtr &project, const QStringList &heads,
                        bool versionTableExists, const QString &target, bool downgrade, QPrivateSignal);
    void scanRequested(quint64 request, const retort::gui::LoadedProjectPtr &project, QPrivateSignal);

private:
    QThread *m_thread = nullptr;      // the selection's SQL and the range preview
    SqlWorker *m_worker = nullptr;
    QThread *m_scanThread = nullptr;  // the needs-Python scan, so it never delays the selection
    SqlWorker *m_scanWorker = nullptr;
    std::shared_ptr<std::atomic<quint64>> m_latestScan = std::make_shared<std::atomic<quint64>>(0);
    std::shared_ptr<std::atomic<bool>> m_closing = std::make_shared<std::atomic<bool>>(false);
    LoadedProjectPtr m_project;
    quint64 m_request = 0;
    quint64 m_rangeRequest = 0;
    bool m_scanning = false;
};

} // namespace retort::gui
