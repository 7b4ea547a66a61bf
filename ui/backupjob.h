#pragma once

#include "db/backup.h"

#include <QObject>

#include <memory>

class QThread;

namespace retort::gui {

// One pg_dump on a thread of its own (Backup::run blocks), with progress
// and the result delivered on the GUI thread. Destroying the job cancels a
// dump in progress and waits for it, so no pg_dump outlives the dialog.
class BackupJob : public QObject {
    Q_OBJECT
public:
    explicit BackupJob(QObject *parent = nullptr);
    ~BackupJob() override;

    // False when a dump is already running.
    bool start(const BackupRequest &request);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }

signals:
    void progress(qint64 bytes);
    // ok: result holds the file and size; otherwise error says why.
    void finished(bool ok, const retort::BackupResult &result, const retort::Error &error);

private:
    void onThreadDone(const Result<BackupResult> &result);

    QThread *m_thread = nullptr;
    std::shared_ptr<Backup> m_backup;
};

} // namespace retort::gui
