#include "databasecontroller.h"

#include "connectionsdialog.h"
#include "databasesession.h"
#include "detailpane.h"
#include "graphstyle.h"
#include "historymodel.h"
#include "passwordkeyring.h"
#include "sqlsession.h"

#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QSet>

namespace retort::gui {

namespace {

// The banner's background: a warning, readable in light and dark palettes.
QColor warningColor(const QPalette &palette)
{
    return graphstyle::isDark(palette) ? QColor(0x4d2d00) : QColor(0xfff1c2);
}

} // namespace

DatabaseController::DatabaseController(HistoryModel *model, DetailPane *detail, SqlSession *sql, QWidget *window)
    : QObject(window), m_model(model), m_detail(detail), m_sql(sql), m_window(window)
{
    m_databases = new DatabaseSession(this);
    connect(m_databases, &DatabaseSession::readFinished, this, &DatabaseController::onRead);
    connect(m_databases, &DatabaseSession::activeChanged, this, &DatabaseController::updateViews);
    connect(m_databases, &DatabaseSession::passwordNeeded, this, &DatabaseController::promptPassword);
    connect(m_sql, &SqlSession::rangeReady, this, &DatabaseController::showRange);
    m_keyring = new PasswordKeyring(this);
    connect(m_keyring, &PasswordKeyring::readFinished, this, &DatabaseController::onKeyringRead);
    const auto reportFailure = [this](const QString &, bool ok, const QString &message) {
        if (!ok)
            showKeyringProblem(message);
    };
    connect(m_keyring, &PasswordKeyring::stored, this, reportFailure);
    connect(m_keyring, &PasswordKeyring::removed, this, reportFailure);

    m_banner = new QLabel;
    m_banner->setObjectName(QStringLiteral("databaseBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setContentsMargins(10, 6, 10, 6);
    m_banner->setAutoFillBackground(true);
    m_banner->hide();
}

QString DatabaseController::activeName() const
{
    return m_databases->activeName();
}

const DatabaseRead *DatabaseController::activeDatabase() const
{
    const DatabaseRead *read = m_databases->activeRead();
    const LoadedProjectPtr &project = m_model->project();
    // A read made for another load of the project is stale until read again.
    if (!read || !read->ok || !project || read->state.perNode.size() != size_t(project->graph.size()))
        return nullptr;
    return read;
}

QString DatabaseController::unknownReason() const
{
    const DatabaseSession::Entry *e = m_databases->entry(activeName());
    if (!e)
        return tr("no database");
    if (e->reading || !e->last)
        return tr("still reading");
    if (!e->last->ok)
        return tr("could not be read: %1").arg(e->last->error.message());
    return tr("read for an earlier load of the project");
}

void DatabaseController::setProject(LoadedProjectPtr project)
{
    const QString ini = project ? project->iniPath : QString();
    if (ini != m_projectIni) {
        m_projectIni = ini;
        // A prompt for the last project's database must not be answered for this one.
        for (QInputDialog *prompt : m_window->findChildren<QInputDialog *>(QStringLiteral("passwordPrompt")))
            prompt->reject();
    }
    m_databases->setProject(std::move(project));
    readKeyring();
}

void DatabaseController::refreshAll()
{
    m_databases->refreshAll();
}

void DatabaseController::showConnections()
{
    if (!m_model->project())
        return;  // connections are saved per project
    const QVector<SavedConnection> before = m_databases->savedConnections();
    QHash<QString, QString> passwords;
    for (const SavedConnection &c : before)
        if (m_databases->hasSessionPassword(c.name))
            passwords.insert(c.name, m_databases->sessionPassword(c.name));
    auto *dialog = new ConnectionsDialog(before, m_window, passwords);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setEnvPath(m_model->project()->config.envPath);
    connect(dialog, &QDialog::accepted, this, [this, dialog, before] {
        const QHash<QString, QString> passwords = dialog->passwords();
        for (auto it = passwords.cbegin(); it != passwords.cend(); ++it)
            m_databases->setSessionPassword(it.key(), it.value());
        updateKeyring(before, dialog->connections(), passwords);
        m_databases->setSavedConnections(dialog->connections());
    });
    dialog->open();
}

void DatabaseController::readKeyring()
{
    const QString projectKey = m_databases->projectKey();
    for (const SavedConnection &c : m_databases->savedConnections()) {
        if (!c.passwordInKeyring || m_databases->hasSessionPassword(c.name))
            continue;
        const QString key = PasswordKeyring::keyFor(projectKey, c.name);
        if (m_keyringPending.contains(key))
            continue;
        m_keyringPending.insert(key, c.name);
        m_keyring->read(key);
    }
}

void DatabaseController::onKeyringRead(const QString &key, bool found, const QString &password,
                                       const QString &message)
{
    const QString name = m_keyringPending.take(key);
    // An answer for another project's connection, or for one since removed.
    if (name.isEmpty() || key != PasswordKeyring::keyFor(m_databases->projectKey(), name)
        || !m_databases->entry(name))
        return;
    if (found) {
        m_databases->setSessionPassword(name, password);
        return;
    }
    const DatabaseSession::Entry *e = m_databases->entry(name);
    if (e->last && e->last->passwordRejected)  // it was waiting for the keyring
        promptPassword(name, message.isEmpty() ? e->last->error.message() : message);
    else if (!message.isEmpty())
        showKeyringProblem(message);
}

void DatabaseController::updateKeyring(const QVector<SavedConnection> &before, const QVector<SavedConnection> &after,
                                       const QHash<QString, QString> &passwords)
{
    const QString projectKey = m_databases->projectKey();
    QSet<QString> keep;
    for (const SavedConnection &c : after) {
        if (!c.passwordInKeyring)
            continue;
        keep.insert(c.name);
        if (passwords.contains(c.name))
            m_keyring->store(PasswordKeyring::keyFor(projectKey, c.name), passwords.value(c.name));
    }
    for (const SavedConnection &c : before)
        if (c.passwordInKeyring && !keep.contains(c.name))
            m_keyring->remove(PasswordKeyring::keyFor(projectKey, c.name));
}

void DatabaseController::showKeyringProblem(const QString &message)
{
    if (m_window->findChild<QMessageBox *>(QStringLiteral("keyringMessage")))
        return;  // one at a time: every job of a missing keyring fails alike
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Desktop Keyring"), message, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("keyringMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void DatabaseController::onRead(const QString &name)
{
    updateViews();
    emit databaseStateChanged(name);
}

void DatabaseController::updateViews()
{
    const LoadedProjectPtr &project = m_model->project();
    QVector<DatabaseOnGraph> shown;
    QStringList unknown;
    const QString active = m_databases->activeName();
    for (const DatabaseSession::Entry &e : m_databases->entries()) {
        if (!project || !e.last || !e.last->ok || e.last->state.perNode.size() != size_t(project->graph.size()))
            continue;
        DatabaseOnGraph db{e.connection.name, QColor(e.connection.color), e.last->state, e.last->edited,
                           e.connection.kind};
        if (e.connection.name == active)
            shown.prepend(db);
        else
            shown.append(db);
        for (const QString &id : e.last->state.unknown)
            unknown << tr("<b>%1</b> is at <code>%2</code>, a revision this project's files do not have")
                           .arg(e.connection.name.toHtmlEscaped(), id.toHtmlEscaped());
    }
    // Only the active database colours the nodes; the others show as markers.
    if (!shown.isEmpty() && shown.front().name != active)
        shown.prepend(DatabaseOnGraph{active, QColor(), DatabaseGraphState(), {}});
    m_model->setDatabases(shown);
    m_banner->setVisible(!unknown.isEmpty());
    if (!unknown.isEmpty()) {
        QPalette p = m_banner->palette();
        p.setColor(QPalette::Window, warningColor(m_window->palette()));
        m_banner->setPalette(p);
        m_banner->setText(QStringLiteral("⚠ ") + unknown.join(QStringLiteral("<br>⚠ "))
                          + tr("<br>Was it made from another branch of the code, or were files deleted?"));
    }
    updatePreview();
    emit viewsUpdated();
}

void DatabaseController::updatePreview()
{
    const DatabaseRead *db = activeDatabase();
    const LoadedProjectPtr &project = m_model->project();
    const int node = m_detail->shownNode();
    if (!project || node < 0)
        return;
    const QString name = activeName();
    if (!db) {
        const DatabaseSession::Entry *e = m_databases->entry(name);
        if (!e)
            m_detail->setPreviewPending(
                tr("Connect to a database (Database ▸ Connections…) to preview the script it would run."));
        else if (e->reading || !e->last)
            m_detail->setPreviewPending(tr("Waiting for %1…").arg(name));
        else
            m_detail->setPreviewPending(tr("%1 could not be read: %2").arg(name, e->last->error.message()));
        return;
    }
    const RevisionDbState state = db->state.state(node);
    if (state == RevisionDbState::Current) {
        m_detail->setPreviewPending(tr("%1 is at this revision: there is nothing to run.").arg(name));
        return;
    }
    m_detail->setPreviewPending(tr("Planning…"));
    m_sql->requestRange(db->version.rows, db->version.tableExists, project->graph.node(node).id,
                        state == RevisionDbState::Applied);
}

void DatabaseController::showRange(const SqlScript &script)
{
    const DatabaseRead *db = activeDatabase();
    const int node = m_detail->shownNode();
    const LoadedProjectPtr &project = m_model->project();
    if (!db || !project || node < 0)
        return;
    const bool down = db->state.state(node) == RevisionDbState::Applied;
    m_detail->setPreview(script, tr("%1: %2 to %3")
                                     .arg(activeName(), down ? tr("downgrade") : tr("upgrade"),
                                          project->graph.node(node).id));
}

void DatabaseController::promptPassword(const QString &name, const QString &message)
{
    // Asked once per failed read; a cancelled prompt leaves the message in the status bar.
    if (m_window->findChild<QInputDialog *>(QStringLiteral("passwordPrompt")))
        return;
    if (!m_keyringPending.key(name).isEmpty())
        return;  // the keyring's answer comes first
    auto *prompt = new QInputDialog(m_window);
    prompt->setObjectName(QStringLiteral("passwordPrompt"));
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    prompt->setWindowTitle(tr("Password for %1").arg(name));
    prompt->setLabelText(tr("%1\n\nPassword (kept in memory until Retort quits, never saved):").arg(message));
    prompt->setTextEchoMode(QLineEdit::Password);
    connect(prompt, &QInputDialog::textValueSelected, this,
            [this, name](const QString &password) { m_databases->setSessionPassword(name, password); });
    prompt->open();
}

} // namespace retort::gui
