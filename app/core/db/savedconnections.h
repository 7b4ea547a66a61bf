#pragma once

#include "db/environmentkind.h"

#include <QString>
#include <QVector>

class QSettings;

namespace retort {

// A database the user named and saved: never with a password. Passwords come
// from ~/.pgpass / PGPASSFILE (libpq reads them itself) or from a prompt and
// stay in memory for the session.
struct SavedConnection {
    QString name;   // "local", "staging", ...
    QString url;    // SQLAlchemy-style URL, password stripped
    QString color;  // the marker's colour on the graph, "#rrggbb"
    // Runs on this database are also recorded in its own retort.journal
    // (created on first use), for the whole team to see.
    bool journalInDatabase = false;
    // Settings saved before kinds existed load as development: guarded by
    // where the server is, as they were.
    EnvironmentKind kind = EnvironmentKind::Development;
    // The password is kept in the desktop keyring (never in settings).
    bool passwordInKeyring = false;

    bool operator==(const SavedConnection &o) const
    {
        return name == o.name && url == o.url && color == o.color && journalInDatabase == o.journalInDatabase
            && kind == o.kind && passwordInKeyring == o.passwordInKeyring;
    }
};

// The URL with any password removed: the ":secret" of "user:secret@host" and a
// "password=" query parameter (its key decoded as SQLAlchemy does). The rest is kept exactly as written.
QString stripUrlPassword(const QString &url, bool *hadPassword = nullptr);
// The URL with every character of those passwords replaced by 'x', same length.
QString maskUrlPassword(const QString &url);

// Saved connections belong to one project: a database saved for one project
// is never shown, read or targeted in another. A project is named by its
// alembic.ini and its script directory, both canonical (two checkouts are two
// projects; so are two ini files sharing one script directory).
// In QSettings under "projects/<key>/": "connections" (an array of name, url,
// color, journalInDatabase, kind, passwordInKeyring), "active" (the connection last made active there), and the paths
// the key stands for. load() and save() strip passwords again, whatever they
// get. The global "connections/" list of earlier versions is left as it is
// and shown to no project: which project each entry was for is not known.
class SavedConnections {
public:
    static QString projectKey(const QString &iniPath, const QString &scriptDirectory);
    static QVector<SavedConnection> load(QSettings &settings, const QString &projectKey);
    static void save(QSettings &settings, const QString &projectKey, const QVector<SavedConnection> &connections);
    // The connection last made active in the project, empty when none was chosen.
    static QString active(QSettings &settings, const QString &projectKey);
    static void setActive(QSettings &settings, const QString &projectKey, const QString &name);
    // The colour for a new connection: one none of `others` (the project's
    // other connections) has, never the head pill's green nor the error red.
    static QString defaultColor(const QVector<SavedConnection> &others);
};

} // namespace retort
