#include "connectionsdialog.h"

#include "connectionform.h"
#include "db/connection.h"
#include "db/versionstate.h"
#include "icons.h"
#include "project/envreader.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

namespace retort::gui {

namespace {

QIcon swatch(const QString &color)
{
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(color));
    p.drawEllipse(QRectF(1, 1, 12, 12));
    return QIcon(pm);
}

// What Test found: the server's version and the version table's rows.
QString testReport(const Connection &connection, const QString &envPath)
{
    QString text = ConnectionsDialog::tr("Connected: PostgreSQL %1").arg(connection.serverVersion());
    VersionTable table;
    if (!envPath.isEmpty()) {
        Result<EnvOptions> env = loadEnvOptions(envPath);
        if (!env)
            return text + QStringLiteral("; ") + env.error().message();
        table = VersionTable::fromEnv(env.value());
    }
    Result<VersionState> state = readVersionState(connection.database(), table);
    if (!state)
        return text + QStringLiteral("; ") + state.error().message();
    if (!state->tableExists)
        return text + ConnectionsDialog::tr("; no %1 table: at base").arg(table.displayName());
    if (state->rows.isEmpty())
        return text + ConnectionsDialog::tr("; %1 is empty: at base").arg(table.displayName());
    return text + ConnectionsDialog::tr("; current revision%1: %2")
                      .arg(state->rows.size() > 1 ? QStringLiteral("s") : QString(),
                           state->rows.join(QStringLiteral(", ")));
}

} // namespace

ConnectionsDialog::ConnectionsDialog(const QVector<SavedConnection> &connections, QWidget *parent,
                                     const QHash<QString, QString> &passwords)
    : QDialog(parent), m_connections(connections), m_passwords(passwords)
{
    setObjectName(QStringLiteral("connectionsDialog"));
    setWindowTitle(tr("Database Connections"));
    setWindowIcon(icons::database());
    resize(820, 520);

    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("connectionsList"));
    auto *add = new QPushButton(tr("&Add"));
    add->setToolTip(tr("Add a connection"));
    m_remove = new QPushButton(tr("&Remove"));
    m_remove->setToolTip(tr("Remove the selected connection"));
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(m_remove);
    listButtons->addStretch(1);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("connectionName"));
    m_name->setPlaceholderText(tr("local, staging, production…"));
    m_form = new ConnectionForm;
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("connectionKind"));
    for (int i = 0; i < environmentKindNames().size(); ++i)
        m_kind->addItem(swatch(environmentKindColor(EnvironmentKind(i))), environmentKindNames().at(i));
    m_kind->setToolTip(tr("Production databases always need their name typed before a run and are never reset"));
    m_keyring = new QCheckBox(tr("Keep the password in the desktop keyring"));
    m_keyring->setObjectName(QStringLiteral("connectionKeyring"));
    m_keyring->setToolTip(tr("The password typed above is stored in the desktop keyring (Secret Service or KWallet), "
                             "never in Retort's settings; without it, only for this session."));
    m_color = new QToolButton;
    m_color->setObjectName(QStringLiteral("connectionColor"));
    m_color->setToolTip(tr("The colour of this database's marker on the graph"));
    m_journal = new QCheckBox(tr("Record runs in the database's own journal"));
    m_journal->setObjectName(QStringLiteral("connectionJournal"));
    m_journal->setToolTip(tr("Every run is recorded on this machine. With this on, runs are also written to the "
                             "table retort.journal in this database (created on first use), in the run's own "
                             "transaction, so the whole team sees who applied what; once the table exists every "
                             "Retort records there."));
    m_testButton = new QPushButton(icons::database(), tr("&Test"));
    m_testButton->setObjectName(QStringLiteral("testConnectionButton"));
    m_testButton->setToolTip(tr("Connect in the background and read the server's version"));
    m_result = new QLabel;
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *note = new QLabel(tr("Passwords are never saved in Retort's settings. libpq reads ~/.pgpass and "
                               "PGPASSFILE; the desktop keyring keeps one where asked; otherwise Retort asks and "
                               "keeps the password in memory until it quits."));
    note->setWordWrap(true);
    note->setEnabled(false);

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(m_form);
    form->addRow(QString(), m_keyring);
    form->addRow(tr("Kind"), m_kind);
    form->addRow(tr("Colour"), m_color);
    form->addRow(QString(), m_journal);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_result, 1);
    form->addRow(QString(), testRow);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addStretch(1);
    right->addWidget(note);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 3);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto *outer = new QVBoxLayout(this);
    outer->addLayout(columns, 1);
    outer->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        storeRow();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, &ConnectionsDialog::addConnection);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionsDialog::removeConnection);
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionsDialog::testConnection);
    connect(m_color, &QToolButton::clicked, this, &ConnectionsDialog::chooseColor);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        storeRow();
        loadRow(row);
    });
    connect(m_name, &QLineEdit::textEdited, this, &ConnectionsDialog::storeRow);
    connect(m_form, &ConnectionForm::edited, this, &ConnectionsDialog::storeRow);
    connect(m_journal, &QCheckBox::toggled, this, &ConnectionsDialog::storeRow);
    connect(m_keyring, &QCheckBox::toggled, this, &ConnectionsDialog::storeRow);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ConnectionsDialog::storeRow);

    for (const SavedConnection &c : std::as_const(m_connections))
        m_list->addItem(new QListWidgetItem(swatch(c.color), c.name));
    if (!m_connections.isEmpty())
        m_list->setCurrentRow(0);
    else
        loadRow(-1);
}

ConnectionsDialog::~ConnectionsDialog()
{
    for (QThread *thread : std::as_const(m_threads))
        thread->wait();
}

QLineEdit *ConnectionsDialog::urlField() const
{
    return m_form->urlField();
}

void ConnectionsDialog::loadRow(int row)
{
    m_loading = true;
    m_row = row;
    const bool valid = row >= 0 && row < m_connections.size();
    for (QWidget *w : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_form),
                       static_cast<QWidget *>(m_color), static_cast<QWidget *>(m_testButton),
                       static_cast<QWidget *>(m_journal), static_cast<QWidget *>(m_kind),
                       static_cast<QWidget *>(m_keyring), static_cast<QWidget *>(m_remove)})
        w->setEnabled(valid);
    const SavedConnection c = valid ? m_connections[row] : SavedConnection();
    m_name->setText(c.name);
    m_form->setConnection(c.url, m_passwords.value(c.name));
    m_currentColor = c.color;
    m_journal->setChecked(c.journalInDatabase);
    m_kind->setCurrentIndex(int(c.kind));
    m_keyring->setChecked(c.passwordInKeyring);
    m_result->clear();
    updateColorButton();
    m_loading = false;
}

void ConnectionsDialog::storeRow()
{
    if (m_loading || m_row < 0 || m_row >= m_connections.size())
        return;
    SavedConnection &c = m_connections[m_row];
    const QString oldName = c.name;
    c.name = m_name->text().trimmed();
    c.url = m_form->url();
    m_passwords.remove(oldName);
    if (!m_form->password().isEmpty())
        m_passwords.insert(c.name, m_form->password());
    c.color = m_currentColor;
    c.journalInDatabase = m_journal->isChecked();
    c.kind = EnvironmentKind(m_kind->currentIndex());
    c.passwordInKeyring = m_keyring->isChecked();
    if (QListWidgetItem *item = m_list->item(m_row)) {
        item->setText(c.name);
        item->setIcon(swatch(c.color));
    }
}

void ConnectionsDialog::addConnection()
{
    storeRow();
    SavedConnection c;
    QStringList names;
    for (const SavedConnection &s : std::as_const(m_connections))
        names << s.name;
    int n = int(m_connections.size()) + 1;
    c.name = n == 1 ? QStringLiteral("local") : QStringLiteral("database %1").arg(n);
    while (names.contains(c.name))
        c.name = QStringLiteral("database %1").arg(++n);
    c.url = QStringLiteral("postgresql://localhost/");
    c.color = SavedConnections::defaultColor(m_connections);
    m_connections.append(c);
    m_list->addItem(new QListWidgetItem(swatch(c.color), c.name));
    m_list->setCurrentRow(int(m_connections.size()) - 1);
    m_name->setFocus();
    m_name->selectAll();
}

void ConnectionsDialog::removeConnection()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_connections.size())
        return;
    m_passwords.remove(m_connections[row].name);
    m_row = -1;  // nothing to store for the removed row
    m_connections.removeAt(row);
    delete m_list->takeItem(row);
    loadRow(m_list->currentRow());
}

void ConnectionsDialog::chooseColor()
{
    const QColor color = QColorDialog::getColor(QColor(m_currentColor), this, tr("Marker Colour"));
    if (!color.isValid())
        return;
    m_currentColor = color.name();
    updateColorButton();
    storeRow();
}

void ConnectionsDialog::updateColorButton()
{
    m_color->setIcon(swatch(m_currentColor.isEmpty() ? QStringLiteral("#888888") : m_currentColor));
    m_color->setText(m_currentColor);
    m_color->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
}

void ConnectionsDialog::testConnection()
{
    storeRow();
    if (m_row < 0)
        return;
    const SavedConnection c = m_connections[m_row];
    Result<ConnectionSettings> parsed = ConnectionSettings::parse(c.url);
    if (!parsed) {
        m_result->setText(parsed.error().message());
        emit testFinished(false, parsed.error().message());
        return;
    }
    ConnectionSettings settings = parsed.value();
    if (m_passwords.contains(c.name)) {
        settings.password = m_passwords.value(c.name);
        settings.hasPassword = true;
    }
    m_result->setText(tr("Connecting to %1…").arg(settings.describe()));
    m_testButton->setEnabled(false);
    const quint64 request = ++m_testRequest;
    QPointer<ConnectionsDialog> self(this);
    const QString envPath = m_envPath;
    QThread *thread = QThread::create([self, request, settings, envPath] {
        Result<std::unique_ptr<Connection>> connection = Connection::open(settings);
        const bool ok = bool(connection);
        const QString message = ok ? testReport(*connection.value(), envPath) : connection.error().message();
        QMetaObject::invokeMethod(self, [self, request, ok, message] {
            if (!self || request != self->m_testRequest)
                return;
            self->m_testButton->setEnabled(self->m_row >= 0);
            self->m_result->setText(message);
            emit self->testFinished(ok, message);
        }, Qt::QueuedConnection);
    });
    m_threads.append(thread);
    connect(thread, &QThread::finished, this, [this, thread] {
        m_threads.removeOne(thread);
        thread->deleteLater();
    });
    thread->start();
}

} // namespace retort::gui
