#pragma once

#include "db/connectionfields.h"
#include "db/pgservicefile.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace retort::gui {

// A PostgreSQL connection as fields (host, port, database, user, SSL mode and
// root certificate, service, other keywords) and as the URL alembic reads,
// kept in step both ways: editing a field rewrites the URL, typing or pasting
// a URL fills the fields (ConnectionFields does the conversion). A password
// in a pasted URL moves to the password field; url() never holds one. The
// password field shows where libpq would find a password instead (pgpass).
class ConnectionForm : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionForm(QWidget *parent = nullptr);

    // Shows `url` (a saved connection's) and its fields; the password field
    // gets `password` (this session's, or the keyring's).
    void setConnection(const QString &url, const QString &password);
    // The URL, password removed.
    QString url() const;
    QString password() const;
    // The fields as the form shows them now.
    ConnectionFields fields() const;

    QLineEdit *urlField() const { return m_url; }
    QLineEdit *hostField() const { return m_host; }
    QLineEdit *portField() const { return m_port; }
    QLineEdit *databaseField() const { return m_database; }
    QLineEdit *userField() const { return m_user; }
    QLineEdit *passwordField() const { return m_password; }
    QComboBox *sslModeBox() const { return m_sslmode; }
    QLineEdit *sslRootCertField() const { return m_sslrootcert; }
    QComboBox *serviceBox() const { return m_service; }
    QLineEdit *otherField() const { return m_other; }
    // Where the password comes from ("password from ~/.pgpass (line 2)").
    QLabel *passwordSource() const { return m_passwordSource; }
    // A URL that does not parse, the keywords libpq does not know.
    QLabel *urlProblem() const { return m_problem; }

signals:
    // The user changed the URL, a field or the password.
    void edited();

private:
    void urlEdited();
    void fieldEdited();
    void showFields(const ConnectionFields &fields);
    void updateNotes();

    QString m_driver = QStringLiteral("postgresql");
    PgServiceFile m_services;  // read once, when the form opens
    bool m_syncing = false;

    QLineEdit *m_url = nullptr;
    QLineEdit *m_host = nullptr;
    QLineEdit *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QComboBox *m_sslmode = nullptr;
    QLineEdit *m_sslrootcert = nullptr;
    QComboBox *m_service = nullptr;
    QLineEdit *m_other = nullptr;
    QLabel *m_passwordSource = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace retort::gui
