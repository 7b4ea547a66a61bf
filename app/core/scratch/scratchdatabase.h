#pragma once

#include "db/connectionsettings.h"
#include "result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>

namespace retort {

class ScratchCluster;

// What a scratch database should be made on, and what it stands in for.
struct ScratchRequest {
    // --scratch-url: a server the user names, where a scratch database is
    // created and dropped afterwards. Empty: a private cluster (ScratchCluster).
    QString scratchUrl;
    // The target's server major version, 0 when unknown; the private
    // cluster uses the same major when it is installed.
    int targetMajor = 0;
    // "the target (retort@localhost:5432/app)", or why the target's version
    // is unknown; for the note.
    QString targetDescription;
};

// A throwaway PostgreSQL database, gone when this object is (and, for the
// private cluster, when the process dies). A database made with --scratch-url
// outlives a killed run: it is named retort_scratch_* and its comment names
// the run (ScratchOwner), and the next run on that server drops it once that
// run provably no longer runs.
class ScratchDatabase {
public:
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    static Result<std::unique_ptr<ScratchDatabase>> create(const ScratchRequest &request);

    const ConnectionSettings &settings() const { return m_settings; }
    // Where the scratch database is and which server version it runs,
    // compared with the target's: for the user, on stderr or in a dialog.
    const QString &note() const { return m_note; }
    // What create() dropped on the --scratch-url server: databases of runs
    // that were killed; one line each, for the user.
    const QStringList &droppedLeftovers() const { return m_dropped; }
    // The private cluster's dir; empty with --scratch-url.
    QString clusterDirectory() const;

    // Drops the database and makes it again, empty, under the same name
    // (for the next replay, without another cluster).
    Error recreate();

    // Drops the database (or stops the cluster). Idempotent.
    void release();

private:
    ScratchDatabase() = default;
    // CREATE DATABASE, and on a named server the comment naming this run.
    Error make(const QString &name);

    std::unique_ptr<ScratchCluster> m_cluster;
    ConnectionSettings m_server;  // --scratch-url as given: where DROP DATABASE runs
    ConnectionSettings m_settings;
    QString m_note;
    QStringList m_dropped;
};

// SHOW server_version_num of an open connection (150008), or an error.
Result<int> serverVersionNum(const QSqlDatabase &db);

} // namespace retort
