#pragma once

#include "db/savedconnections.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QThread;
class QToolButton;

namespace retort::gui {

class ConnectionForm;

// Add, edit, remove and test saved connections: a name, the connection's
// form (fields and URL), its kind, colour and journal. A password typed in
// the form or a URL is saved without it; it is handed back (passwords()) for
// this session, and for the keyring where the connection keeps it there.
// Test connects on a thread of its own and reads the version table.
class ConnectionsDialog : public QDialog {
    Q_OBJECT
public:
    // `passwords`: this session's, by connection name, shown in the form.
    explicit ConnectionsDialog(const QVector<SavedConnection> &connections, QWidget *parent = nullptr,
                               const QHash<QString, QString> &passwords = {});
    ~ConnectionsDialog() override;

    // The project's env.py, whose version table Test reads (alembic's
    // default table when empty).
    void setEnvPath(const QString &envPath) { m_envPath = envPath; }

    QVector<SavedConnection> connections() const { return m_connections; }
    // Passwords typed in URLs, by connection name: memory only.
    QHash<QString, QString> passwords() const { return m_passwords; }

    QListWidget *list() const { return m_list; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *urlField() const;
    ConnectionForm *form() const { return m_form; }
    QComboBox *kindBox() const { return m_kind; }
    QCheckBox *keyringCheck() const { return m_keyring; }
    QLabel *testResult() const { return m_result; }
    QPushButton *testButton() const { return m_testButton; }

public slots:
    void addConnection();
    void removeConnection();
    void testConnection();

signals:
    // A test finished; `message` is what the dialog shows.
    void testFinished(bool ok, const QString &message);

private:
    void loadRow(int row);
    void storeRow();
    void chooseColor();
    void updateColorButton();

    QVector<SavedConnection> m_connections;
    QHash<QString, QString> m_passwords;
    QString m_envPath;
    int m_row = -1;
    bool m_loading = false;
    quint64 m_testRequest = 0;
    QList<QThread *> m_threads;

    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    ConnectionForm *m_form = nullptr;
    QComboBox *m_kind = nullptr;
    QCheckBox *m_keyring = nullptr;
    QCheckBox *m_journal = nullptr;
    QToolButton *m_color = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_testButton = nullptr;
    QPushButton *m_remove = nullptr;
    QString m_currentColor;
};

} // namespace retort::gui
