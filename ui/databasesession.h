#pragma once

#include "databaseworker.h"
#include "db/savedconnections.h"
#include "loadedproject.h"

#include <QHash>
#include <QObject>
#include <QVector>

#include <optional>

class QThread;

namespace retort::gui {

// The databases the window shows for the open project: the connections saved
// for that project (QSettings, never a password) plus its own DATABASE_URL /
// sqlalchemy.url, each read on a thread of its own
// (DatabaseWorker::readDatabase), with the graph state of each. Another
// project brings its own list and its own active database; nothing of the
// previous one is carried over. Passwords typed at a prompt live here, in
// memory, for the session only, per project.
class DatabaseSession : public QObject {
    Q_OBJECT
public:
    struct Entry {
        SavedConnection connection;  // url without password
        QString fullUrl;             // the project's own URL may carry one; never saved
        bool fromProject = false;
        bool reading = false;
        quint64 request = 0;
        std::optional<DatabaseRead> last;
    };

    explicit DatabaseSession(QObject *parent = nullptr);
    ~DatabaseSession() override;

    // A project (or a reload of it): its saved connections and its own URL;
    // all are read. Another project starts from its own list and its own
    // remembered active database.
    void setProject(LoadedProjectPtr project);
    // Replaces the project's saved connections (and writes them to QSettings),
    // then reads them. Without a project there is nothing to save them for.
    void setSavedConnections(const QVector<SavedConnection> &connections);
    QVector<SavedConnection> savedConnections() const;

    const QVector<Entry> &entries() const { return m_entries; }
    const Entry *entry(const QString &name) const;
    // The connection whose state the graph's nodes and the status bar show;
    // remembered per project when set.
    QString activeName() const { return m_active; }
    void setActive(const QString &name);
    const DatabaseRead *activeRead() const;

    // Kept in memory for this session only; re-reads that connection.
    void setSessionPassword(const QString &name, const QString &password);
    bool hasSessionPassword(const QString &name) const { return m_passwords.contains(passwordKey(name)); }
    QString sessionPassword(const QString &name) const { return m_passwords.value(passwordKey(name)); }
    // SavedConnections::projectKey of the open project; empty without one.
    QString projectKey() const { return m_projectKey; }

    // Settings with the session password applied; an error when the URL does not parse.
    Result<ConnectionSettings> settingsFor(const QString &name) const;

public slots:
    // Reads every connection again (after a reload, an apply, a stamp elsewhere).
    void refreshAll();
    void refresh(const QString &name);
    // Stops waiting for the reads under way: each of those connections is
    // left "not read" with a Cancelled error (its state on the graph unknown)
    // until read again; a late answer is dropped. The read's thread ends by
    // itself (connect_timeout bounds it).
    void cancelReads();

signals:
    void readStarted(const QString &name);
    // A read finished (ok or not); entry(name)->last holds it.
    void readFinished(const QString &name);
    // The server refused: no password or a wrong one. The UI may prompt.
    void passwordNeeded(const QString &name, const QString &message);
    void activeChanged(const QString &name);
    void connectionsChanged();

private:
    void rebuildEntries();
    Entry *find(const QString &name);
    QString passwordKey(const QString &name) const { return m_projectKey + QLatin1Char('\n') + name; }

    void onRead(quint64 request, const DatabaseRead &result);

    QVector<QThread *> m_threads;  // one per read in flight, so a slow server delays only itself
    LoadedProjectPtr m_project;
    QString m_projectKey;  // SavedConnections::projectKey of m_project; empty without one
    QVector<SavedConnection> m_saved;
    QVector<Entry> m_entries;
    QHash<QString, QString> m_passwords;  // by passwordKey(); memory only
    QString m_active;
    bool m_activeChosen = false;  // by the user (now or remembered), not a default
    quint64 m_request = 0;
};

} // namespace retort::gui
