#pragma once

#include <QObject>
#include <QString>

namespace retort::gui {

// Connection passwords in the desktop keyring (the Secret Service of GNOME
// Keyring or KeePassXC, or KWallet, through qtkeychain), never in settings.
// Every call is a D-Bus round trip answered by a signal: the GUI thread never
// waits. Without a usable keyring each call fails with a message saying the
// password is kept for this session only; no message holds a password.
class PasswordKeyring : public QObject {
    Q_OBJECT
public:
    explicit PasswordKeyring(QObject *parent = nullptr);

    // The entry of one saved connection of one project (SavedConnections::projectKey).
    static QString keyFor(const QString &projectKey, const QString &connection);
    // The keyring entries' service name.
    static QString service();

    void store(const QString &key, const QString &password);
    void read(const QString &key);
    void remove(const QString &key);

signals:
    void stored(const QString &key, bool ok, const QString &message);
    // found false with an empty message: the keyring has no such entry.
    void readFinished(const QString &key, bool found, const QString &password, const QString &message);
    void removed(const QString &key, bool ok, const QString &message);
};

} // namespace retort::gui
