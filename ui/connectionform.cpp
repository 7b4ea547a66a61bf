#include "connectionform.h"

#include "db/connectionsettings.h"
#include "db/pgpassfile.h"
#include "db/savedconnections.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>

namespace retort::gui {

ConnectionForm::ConnectionForm(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("connectionForm"));
    const auto line = [this](const char *name, const QString &placeholder) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(name));
        edit->setPlaceholderText(placeholder);
        return edit;
    };
    m_url = line("connectionUrl", QStringLiteral("postgresql://user@host:5432/dbname"));
    m_url->setToolTip(tr("The URL alembic reads (sqlalchemy.url): paste one in any form alembic accepts and the "
                         "fields below fill in; edit a field and the URL follows. A password in it is moved to "
                         "the password field and never saved."));
    m_host = line("connectionHost", tr("localhost, an address, or a socket directory"));
    m_port = line("connectionPort", QStringLiteral("5432"));
    m_port->setValidator(new QIntValidator(1, 65535, m_port));
    m_port->setMaximumWidth(80);
    m_database = line("connectionDatabase", tr("the user's name"));
    m_user = line("connectionUser", tr("your login name"));
    m_password = line("connectionPassword", tr("from ~/.pgpass, or asked when needed"));
    m_password->setEchoMode(QLineEdit::Password);
    m_sslmode = new QComboBox(this);
    m_sslmode->setObjectName(QStringLiteral("connectionSslMode"));
    m_sslmode->addItem(tr("default (prefer)"), QString());
    for (const QString &mode : ConnectionFields::sslModes())
        m_sslmode->addItem(mode, mode);
    m_sslrootcert = line("connectionSslRootCert", tr("root certificate file (verify-ca, verify-full)"));
    m_service = new QComboBox(this);
    m_service->setObjectName(QStringLiteral("connectionService"));
    m_service->setEditable(true);
    m_service->addItem(QString());
    m_service->addItems(m_services.names());
    m_service->setToolTip(tr("A service of %1: libpq takes the host, port, database and user from it unless "
                             "they are given here")
                              .arg(m_services.files().join(tr(" or "))));
    m_other = line("connectionOther", QStringLiteral("connect_timeout=5&application_name=retort"));
    m_other->setToolTip(tr("Every other keyword of the URL's query, key=value joined by &"));
    m_passwordSource = new QLabel(this);
    m_passwordSource->setObjectName(QStringLiteral("passwordSource"));
    m_passwordSource->setEnabled(false);
    m_passwordSource->setWordWrap(true);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("urlProblem"));
    m_problem->setWordWrap(true);
    m_problem->setVisible(false);

    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    hostRow->addWidget(new QLabel(tr("Port"), this));
    hostRow->addWidget(m_port);
    auto *sslRow = new QHBoxLayout;
    sslRow->addWidget(m_sslmode);
    sslRow->addWidget(m_sslrootcert, 1);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("URL"), m_url);
    form->addRow(QString(), m_problem);
    form->addRow(tr("Host"), hostRow);
    form->addRow(tr("Database"), m_database);
    form->addRow(tr("User"), m_user);
    form->addRow(tr("Password"), m_password);
    form->addRow(QString(), m_passwordSource);
    form->addRow(tr("SSL"), sslRow);
    form->addRow(tr("Service"), m_service);
    form->addRow(tr("Other"), m_other);

    connect(m_url, &QLineEdit::textEdited, this, &ConnectionForm::urlEdited);
    connect(m_url, &QLineEdit::editingFinished, this, [this] {
        bool hadPassword = false;
        const QString stripped = stripUrlPassword(m_url->text(), &hadPassword);
        if (hadPassword)
            m_url->setText(stripped);
    });
    for (QLineEdit *edit : {m_host, m_port, m_database, m_user, m_sslrootcert, m_other})
        connect(edit, &QLineEdit::textEdited, this, &ConnectionForm::fieldEdited);
    connect(m_sslmode, &QComboBox::currentIndexChanged, this, &ConnectionForm::fieldEdited);
    connect(m_service, &QComboBox::currentTextChanged, this, &ConnectionForm::fieldEdited);
    connect(m_password, &QLineEdit::textEdited, this, [this] {
        updateNotes();
        emit edited();
    });
}

void ConnectionForm::setConnection(const QString &url, const QString &password)
{
    m_syncing = true;
    m_url->setText(stripUrlPassword(url));
    m_url->setCursorPosition(0);
    m_password->setText(password);
    m_syncing = false;
    urlEdited();
}

QString ConnectionForm::url() const
{
    return stripUrlPassword(m_url->text().trimmed());
}

QString ConnectionForm::password() const
{
    return m_password->text();
}

ConnectionFields ConnectionForm::fields() const
{
    ConnectionFields f;
    f.driver = m_driver;
    f.host = m_host->text().trimmed();
    f.port = m_port->text().isEmpty() ? -1 : m_port->text().toInt();
    f.database = m_database->text();
    f.user = m_user->text();
    f.sslmode = m_sslmode->currentData().toString();
    f.sslrootcert = m_sslrootcert->text().trimmed();
    f.service = m_service->currentText().trimmed();
    f.otherParameters = ConnectionFields::parseParameters(m_other->text());
    return f;
}

void ConnectionForm::urlEdited()
{
    if (m_syncing)
        return;
    QString password;
    Result<ConnectionFields> parsed = ConnectionFields::fromUrl(m_url->text(), &password);
    if (parsed) {
        m_driver = parsed->driver;
        showFields(parsed.value());
        if (!password.isEmpty())
            m_password->setText(password);
    }
    updateNotes();
    emit edited();
}

void ConnectionForm::fieldEdited()
{
    if (m_syncing)
        return;
    m_syncing = true;
    m_url->setText(fields().toUrl());
    m_syncing = false;
    updateNotes();
    emit edited();
}

void ConnectionForm::showFields(const ConnectionFields &f)
{
    m_syncing = true;
    m_host->setText(f.host);
    m_port->setText(f.port > 0 ? QString::number(f.port) : QString());
    m_database->setText(f.database);
    m_user->setText(f.user);
    int mode = m_sslmode->findData(f.sslmode);
    if (mode < 0) {  // a value libpq will refuse: shown as written, the Test says why
        m_sslmode->addItem(f.sslmode, f.sslmode);
        mode = m_sslmode->count() - 1;
    }
    m_sslmode->setCurrentIndex(mode);
    m_sslrootcert->setText(f.sslrootcert);
    m_service->setCurrentText(f.service);
    m_other->setText(f.otherParametersText());
    m_syncing = false;
}

void ConnectionForm::updateNotes()
{
    Result<ConnectionSettings> settings = ConnectionSettings::parse(url());
    QString problem;
    if (!settings) {
        problem = settings.error().message();
    } else if (const QStringList unknown = settings->unknownParameters(); !unknown.isEmpty()) {
        problem = tr("Not libpq keywords, kept in the URL for alembic's driver and not used by Retort: %1")
                      .arg(unknown.join(QStringLiteral(", ")));
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());

    QString source;
    if (!m_password->text().isEmpty()) {
        source = tr("password typed here: kept for this session only");
    } else if (settings) {
        const PassFileEntry entry = PassFileEntry::find(settings.value());
        if (entry.matches())
            source = entry.describe();
        else if (!entry.problem.isEmpty())
            source = entry.problem;
        else
            source = tr("no password in %1 for this connection: Retort asks if the server wants one").arg(entry.file);
    }
    m_passwordSource->setText(source);
    QString file;
    const auto keywords = m_services.keywords(m_service->currentText().trimmed(), &file);
    QStringList shown;
    for (const auto &kv : keywords)
        shown << kv.first + QLatin1Char('=') + kv.second;
    m_service->setToolTip(shown.isEmpty() ? tr("A service of pg_service.conf (PGSERVICEFILE)")
                                          : tr("%1 (from %2)").arg(shown.join(QLatin1Char(' ')), file));
}

} // namespace retort::gui
