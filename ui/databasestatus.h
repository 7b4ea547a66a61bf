#pragma once

#include <QToolButton>

namespace retort::gui {

class DatabaseSession;

// The status bar's database part: the active connection's colour, database,
// host, server version and current revision(s); its menu switches the active
// connection, opens the connections dialog and reads the databases again.
class DatabaseStatus : public QToolButton {
    Q_OBJECT
public:
    explicit DatabaseStatus(DatabaseSession *session, QWidget *parent = nullptr);

    // Re-reads the session (after a read, a change of connections or of the active one).
    void update();

signals:
    void connectionsRequested();
    void refreshRequested();

private:
    void rebuildMenu();

    DatabaseSession *m_session;
};

} // namespace retort::gui
