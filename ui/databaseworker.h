#pragma once

#include "db/connectionsettings.h"
#include "db/locality.h"
#include "db/versionstate.h"
#include "error.h"
#include "graph/dbstate.h"
#include "loadedproject.h"

#include <QHash>
#include <QMetaType>
#include <QObject>

namespace retort::gui {

// What one read of a database found: where it is, what it runs, and its
// version rows laid over the project's graph.
struct DatabaseRead {
    QString name;            // the connection's name
    bool ok = false;
    Error error;
    bool passwordRejected = false;  // the server wants a (different) password
    QString database;
    QString host;            // where the connection really went (Locality::where)
    Locality locality;       // whether that is this machine, and why
    QString serverVersion;
    VersionState version;
    DatabaseGraphState state;
    // Revisions applied there whose upgrade()/downgrade() changed since (per
    // the journal): id -> why, for the graph's "edited" mark.
    QHash<QString, QString> edited;
    QStringList journalWarnings;  // damaged journal records, an unreadable retort.journal
};

// Reads databases on its own thread: each read opens its own, uniquely named
// connection there (a QSqlDatabase belongs to the thread that opened it),
// reads the server version and the version table, closes it, and computes
// the graph state off the GUI thread.
class DatabaseWorker : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Synchronous: the whole read on the calling thread.
    // The version table is the one the project's env.py configures.
    static DatabaseRead readDatabase(const QString &name, const ConnectionSettings &settings,
                                     const LoadedProjectPtr &project);

public slots:
    void read(quint64 request, const QString &name, const retort::ConnectionSettings &settings,
              const retort::gui::LoadedProjectPtr &project);

signals:
    void readFinished(quint64 request, const retort::gui::DatabaseRead &result);
};

} // namespace retort::gui

Q_DECLARE_METATYPE(retort::gui::DatabaseRead)
Q_DECLARE_METATYPE(retort::ConnectionSettings)
