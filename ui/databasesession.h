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

// The databases the window shows: the saved connections (QSettings, never a
// password) plus the project's own DATABASE_URL / sqlalchemy.url, each read
// on a thread of its own (DatabaseWorker::readDatabase), with the graph state
// of each. Passwords typed at a
// prompt live here, in memory, for the session only.
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

    // A new project: its own URL joins the saved connections; all are read.
    void setProject(LoadedProjectPtr project);
    // Replaces the saved connections (and writes them to QSettings), then reads them.
    void setSavedConnections(const QVector<SavedConnection> &connections);
    QVector<SavedConnection> savedConnections() const;

    const QVector<Entry> &entries() const { return m_entries; }
    const Entry *entry(const QString &name) const;
    // The connection whose state the graph's nodes and the status bar show.
    QString activeName() const { return m_active; }
    void setActive(const QString &name);
    const DatabaseRead *activeRead() const;

    // Kept in memory for this session only; re-reads that connection.
    void setSessionPassword(const QString &name, const QString &password);
    bool hasSessionPassword(const QString &name) const { return m_passwords.contains(name); }

    // Settings with the session password applied; an error when the URL does not parse.
    Result<ConnectionSettings> settingsFor(const QString &name) const;

public slots:
    // Reads every connection again (after a reload, an apply, a stamp elsewhere).
    void refreshAll();
    void refresh(const QString &name);

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

    void onRead(quint64 request, const DatabaseRead &result);

    QVector<QThread *> m_threads;  // one per read in flight, so a slow server delays only itself
    LoadedProjectPtr m_project;
    QVector<SavedConnection> m_saved;
    QVector<Entry> m_entries;
    QHash<QString, QString> m_passwords;  // by connection name; memory only
    QString m_active;
    quint64 m_request = 0;
};

} // namespace retort::gui
