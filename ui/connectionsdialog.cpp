#include "connectionsdialog.h"

#include "db/connection.h"
#include "icons.h"

#include <QCheckBox>
#include <QColorDialog>
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

} // namespace

ConnectionsDialog::ConnectionsDialog(const QVector<SavedConnection> &connections, QWidget *parent)
    : QDialog(parent), m_connections(connections)
{
    setObjectName(QStringLiteral("connectionsDialog"));
    setWindowTitle(tr("Database Connections"));
    setWindowIcon(icons::database());
    resize(640, 360);

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
    m_url = new QLineEdit;
    m_url->setObjectName(QStringLiteral("connectionUrl"));
    m_url->setPlaceholderText(QStringLiteral("postgresql://user@host:5432/dbname"));
    m_url->setToolTip(tr("An SQLAlchemy URL. Passwords are never saved: put them in ~/.pgpass (or PGPASSFILE), "
                         "or type them when asked; a password typed here is used for this session only."));
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
    auto *note = new QLabel(tr("Passwords are never saved. libpq reads ~/.pgpass and PGPASSFILE; "
                               "otherwise Retort asks and keeps the password in memory until it quits."));
    note->setWordWrap(true);
    note->setEnabled(false);

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("URL"), m_url);
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
    columns->addLayout(left, 2);
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
    connect(m_url, &QLineEdit::textEdited, this, &ConnectionsDialog::storeRow);
    connect(m_journal, &QCheckBox::toggled, this, &ConnectionsDialog::storeRow);

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

void ConnectionsDialog::loadRow(int row)
{
    m_loading = true;
    m_row = row;
    const bool valid = row >= 0 && row < m_connections.size();
    for (QWidget *w : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_url),
                       static_cast<QWidget *>(m_color), static_cast<QWidget *>(m_testButton),
                       static_cast<QWidget *>(m_journal),
                       static_cast<QWidget *>(m_remove)})
        w->setEnabled(valid);
    m_name->setText(valid ? m_connections[row].name : QString());
    m_url->setText(valid ? m_connections[row].url : QString());
    m_currentColor = valid ? m_connections[row].color : QString();
    m_journal->setChecked(valid && m_connections[row].journalInDatabase);
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
    bool hadPassword = false;
    const QString typed = m_url->text().trimmed();
    c.url = stripUrlPassword(typed, &hadPassword);
    if (hadPassword) {
        Result<ConnectionSettings> parsed = ConnectionSettings::parse(typed);
        if (parsed && parsed->hasPassword)
            m_passwords.insert(c.name, parsed->password);
    } else if (oldName != c.name && m_passwords.contains(oldName)) {
        m_passwords.insert(c.name, m_passwords.take(oldName));
    }
    c.color = m_currentColor;
    c.journalInDatabase = m_journal->isChecked();
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
    QThread *thread = QThread::create([self, request, settings] {
        Result<std::unique_ptr<Connection>> connection = Connection::open(settings);
        const bool ok = bool(connection);
        const QString message = ok ? tr("Connected: PostgreSQL %1").arg(connection.value()->serverVersion())
                                   : connection.error().message();
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
