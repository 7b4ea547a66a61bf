#pragma once

#include "loadedproject.h"

#include "db/savedconnections.h"

#include <QHash>
#include <QObject>

class QLabel;
class QWidget;

namespace retort::gui {

class DatabaseSession;
class PasswordKeyring;
struct DatabaseRead;
class DetailPane;
class HistoryModel;
class SqlSession;
struct SqlScript;

// The window's databases: the session that reads them, their states on the
// graph (the active one colours the nodes, every one gets a marker), the
// banner for version rows the files do not have, the "From database" preview
// of the selected revision, the connections dialog and password prompts.
class DatabaseController : public QObject {
    Q_OBJECT
public:
    DatabaseController(HistoryModel *model, DetailPane *detail, SqlSession *sql, QWidget *window);

    DatabaseSession *session() const { return m_databases; }
    QLabel *banner() const { return m_banner; }
    QString activeName() const;
    // The active database's last read, when it succeeded for the loaded project.
    const DatabaseRead *activeDatabase() const;
    // Why activeDatabase() is null: no database, still reading, the read's error.
    QString unknownReason() const;

    void setProject(LoadedProjectPtr project);
    void refreshAll();
    void showConnections();
    // The selected revision changed: plan the preview again.
    void updatePreview();

signals:
    // A database was read again (its state on the graph may have changed).
    void databaseStateChanged(const QString &connectionName);
    // The graph, the banner and the preview show the databases as they are now.
    void viewsUpdated();

private:
    void onRead(const QString &name);
    void updateViews();
    void showRange(const SqlScript &script);
    void promptPassword(const QString &name, const QString &message);
    // Asks the keyring for the passwords of connections that keep one there.
    void readKeyring();
    void onKeyringRead(const QString &key, bool found, const QString &password, const QString &message);
    // The saved connections after the dialog: passwords into the keyring,
    // entries of connections that no longer keep one there out of it.
    void updateKeyring(const QVector<SavedConnection> &before, const QVector<SavedConnection> &after,
                       const QHash<QString, QString> &passwords);
    void showKeyringProblem(const QString &message);

    HistoryModel *m_model = nullptr;
    DetailPane *m_detail = nullptr;
    SqlSession *m_sql = nullptr;
    QWidget *m_window = nullptr;
    DatabaseSession *m_databases = nullptr;
    QLabel *m_banner = nullptr;  // database rows the files do not have
    QString m_projectIni;        // the project the prompts were asked for
    PasswordKeyring *m_keyring = nullptr;
    QHash<QString, QString> m_keyringPending;  // keyring key -> connection name, read under way
};

} // namespace retort::gui
