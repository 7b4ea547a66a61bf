#pragma once

#include "db/savedconnections.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QThread;
class QToolButton;

namespace retort::gui {

// Add, edit, remove and test saved connections. A URL typed with a password
// is saved without it; the password is handed back for this session only
// (passwords()). Test connects on a thread of its own.
class ConnectionsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConnectionsDialog(const QVector<SavedConnection> &connections, QWidget *parent = nullptr);
    ~ConnectionsDialog() override;

    QVector<SavedConnection> connections() const { return m_connections; }
    // Passwords typed in URLs, by connection name: memory only.
    QHash<QString, QString> passwords() const { return m_passwords; }

    QListWidget *list() const { return m_list; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *urlField() const { return m_url; }
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
    int m_row = -1;
    bool m_loading = false;
    quint64 m_testRequest = 0;
    QList<QThread *> m_threads;

    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QCheckBox *m_journal = nullptr;
    QToolButton *m_color = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_testButton = nullptr;
    QPushButton *m_remove = nullptr;
    QString m_currentColor;
};

} // namespace retort::gui
