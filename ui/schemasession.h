#pragma once

#include "loadedproject.h"
#include "scratch/schemasnapshot.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>

namespace retort::gui {

class ScratchWorker;

// The schema at any revision for the Schema tab: replayed on one scratch
// database kept for the session (made empty again for each revision), off
// the GUI thread, and cached per revision until another project is loaded.
class SchemaSession : public QObject {
    Q_OBJECT
public:
    explicit SchemaSession(QObject *parent = nullptr);
    ~SchemaSession() override;

    // Forgets the cache; a replay in progress is cancelled.
    void setProject(LoadedProjectPtr project);
    // The snapshots the tab shows now: those not cached are replayed, one
    // after the other; ready() once all are. Replaces what was wanted before.
    void want(const QStringList &revisions);
    const SchemaSnapshot *snapshot(const QString &revision) const;
    // Stops the replay and drops the scratch database.
    void cancel();
    bool isBusy() const { return !m_running.isEmpty(); }
    // Replays started since the session began (each one a revision not cached).
    int replays() const { return m_replays; }
    // Where its scratch database is (ScratchDatabase::note), once made.
    const QString &scratchNote() const { return m_note; }

signals:
    void progress(const QString &revision, const QString &line, int done, int total);
    void ready();
    void failed(const QString &revision, const retort::Error &error);

private:
    void startNext();
    void onFinished(quint64 job, const retort::Error &error);

    LoadedProjectPtr m_project;
    ScratchWorker *m_worker = nullptr;
    QHash<QString, SchemaSnapshot> m_cache;  // by revision id
    QStringList m_wanted;
    QString m_running;  // the revision being replayed
    quint64 m_job = 0;
    std::shared_ptr<Result<SchemaSnapshot>> m_result;  // the running replay's, written on the worker
    int m_replays = 0;
    QString m_note;
};

} // namespace retort::gui
