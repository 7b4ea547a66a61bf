#pragma once

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

    bool operator==(const SavedConnection &o) const
    {
        return name == o.name && url == o.url && color == o.color;
    }
};

// The URL with any password removed: the ":secret" of "user:secret@host" and a
// "password=" query parameter (its key decoded as SQLAlchemy does). The rest is kept exactly as written.
QString stripUrlPassword(const QString &url, bool *hadPassword = nullptr);
// The URL with every character of those passwords replaced by 'x', same length.
QString maskUrlPassword(const QString &url);

// Saved connections in QSettings under "connections/" (an array of name,
// url, color). load() and save() strip passwords again, whatever they get.
class SavedConnections {
public:
    static QVector<SavedConnection> load(QSettings &settings);
    static void save(QSettings &settings, const QVector<SavedConnection> &connections);
    // Colours for new connections, distinct from each other and from the graph's lanes.
    static QString defaultColor(int index);
};

} // namespace retort
