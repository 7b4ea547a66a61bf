#include "databasesession.h"

#include "threadpriority.h"

#include <QPointer>
#include <QSettings>
#include <QThread>

namespace retort::gui {

DatabaseSession::DatabaseSession(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<retort::gui::DatabaseRead>();
    qRegisterMetaType<retort::ConnectionSettings>();
}

DatabaseSession::~DatabaseSession()
{
    // Reads end by themselves (connect_timeout bounds them); wait so none
    // outlives the objects it reports to.
    for (QThread *thread : std::as_const(m_threads))
        thread->wait();
}

void DatabaseSession::setProject(LoadedProjectPtr project)
{
    m_project = std::move(project);
    const QString key =
        m_project ? SavedConnections::projectKey(m_project->iniPath, m_project->config.scriptDirectory) : QString();
    if (key != m_projectKey) {
        // Another project: nothing of the last one's databases is kept, not
        // even what was read (reads in flight are dropped by their request id).
        m_projectKey = key;
        m_entries.clear();
        m_saved.clear();
        m_active.clear();
        m_activeChosen = false;
        if (!key.isEmpty()) {
            QSettings settings;
            m_saved = SavedConnections::load(settings, key);
            m_active = SavedConnections::active(settings, key);
            m_activeChosen = !m_active.isEmpty();
        }
    }
    rebuildEntries();
    refreshAll();
}

void DatabaseSession::setSavedConnections(const QVector<SavedConnection> &connections)
{
    m_saved.clear();
    for (SavedConnection c : connections) {
        c.url = stripUrlPassword(c.url);
        m_saved.append(c);
    }
    if (!m_projectKey.isEmpty()) {
        QSettings settings;
        SavedConnections::save(settings, m_projectKey, m_saved);
    }
    rebuildEntries();
    refreshAll();
}

QVector<SavedConnection> DatabaseSession::savedConnections() const
{
    return m_saved;
}

void DatabaseSession::rebuildEntries()
{
    QVector<Entry> entries;
    // The project's own URL first: DATABASE_URL where env.py reads it, else
    // sqlalchemy.url. Alembic never reads DATABASE_URL itself: a project whose
    // env.py does not would connect elsewhere, so it is not offered there.
    if (m_project) {
        const QString envUrl = m_project->envVariables.contains(QLatin1String("DATABASE_URL"))
                                   ? qEnvironmentVariable("DATABASE_URL")
                                   : QString();
        const QString url = !envUrl.isEmpty() ? envUrl : m_project->config.sqlalchemyUrl;
        if (!url.isEmpty()) {
            Entry e;
            e.fromProject = true;
            e.connection.name = !envUrl.isEmpty() ? tr("DATABASE_URL") : tr("alembic.ini");
            e.connection.url = stripUrlPassword(url);
            e.connection.color = QStringLiteral("#0969da");
            e.fullUrl = url;
            bool duplicate = false;
            for (const SavedConnection &s : std::as_const(m_saved))
                duplicate = duplicate || s.url == e.connection.url;
            if (!duplicate)
                entries.append(e);
        }
    }
    for (const SavedConnection &s : std::as_const(m_saved)) {
        Entry e;
        e.connection = s;
        e.fullUrl = s.url;
        entries.append(e);
    }
    // Keep what is known about connections that stay.
    for (Entry &e : entries) {
        if (const Entry *old = find(e.connection.name); old && old->connection.url == e.connection.url) {
            e.last = old->last;
            e.request = old->request;
            e.reading = old->reading;
        }
    }
    m_entries = entries;
    // Without a choice remembered for the project: the first connection the
    // user saved, else the project's own URL.
    if (!m_activeChosen || !entry(m_active))
        m_active = !m_saved.isEmpty()      ? m_saved.front().name
                   : m_entries.isEmpty() ? QString()
                                         : m_entries.front().connection.name;
    emit connectionsChanged();
    emit activeChanged(m_active);
}

DatabaseSession::Entry *DatabaseSession::find(const QString &name)
{
    for (Entry &e : m_entries) {
        if (e.connection.name == name)
            return &e;
    }
    return nullptr;
}

const DatabaseSession::Entry *DatabaseSession::entry(const QString &name) const
{
    return const_cast<DatabaseSession *>(this)->find(name);
}

void DatabaseSession::setActive(const QString &name)
{
    if (name == m_active || !entry(name))
        return;
    m_active = name;
    m_activeChosen = true;
    if (!m_projectKey.isEmpty()) {
        QSettings settings;
        SavedConnections::setActive(settings, m_projectKey, name);
    }
    emit activeChanged(name);
}

const DatabaseRead *DatabaseSession::activeRead() const
{
    const Entry *e = entry(m_active);
    return e && e->last ? &*e->last : nullptr;
}

void DatabaseSession::setSessionPassword(const QString &name, const QString &password)
{
    m_passwords.insert(passwordKey(name), password);
    refresh(name);
}

Result<ConnectionSettings> DatabaseSession::settingsFor(const QString &name) const
{
    const Entry *e = entry(name);
    if (!e)
        return Error(Error::Kind::Config, tr("No connection named \"%1\"").arg(name));
    Result<ConnectionSettings> settings = ConnectionSettings::parse(e->fullUrl);
    if (!settings)
        return settings;
    ConnectionSettings s = settings.value();
    if (const auto it = m_passwords.constFind(passwordKey(name)); it != m_passwords.cend()) {
        s.password = it.value();
        s.hasPassword = true;
    }
    return s;
}

void DatabaseSession::refreshAll()
{
    for (const Entry &e : std::as_const(m_entries))
        refresh(e.connection.name);
}

void DatabaseSession::refresh(const QString &name)
{
    Entry *e = find(name);
    if (!e)
        return;
    const quint64 request = ++m_request;
    e->request = request;
    Result<ConnectionSettings> settings = settingsFor(name);
    if (!settings) {
        DatabaseRead failed;
        failed.name = name;
        failed.error = settings.error();
        e->last = failed;
        e->reading = false;
        emit readFinished(name);
        return;
    }
    e->reading = true;
    emit readStarted(name);
    QPointer<DatabaseSession> self(this);
    const LoadedProjectPtr project = m_project;
    const ConnectionSettings s = settings.value();
    QThread *thread = QThread::create([self, request, name, s, project] {
        lowerCurrentThreadPriority();
        const DatabaseRead result = DatabaseWorker::readDatabase(name, s, project);
        if (self)
            QMetaObject::invokeMethod(self, [self, request, result] {
                if (self)
                    self->onRead(request, result);
            }, Qt::QueuedConnection);
    });
    thread->setObjectName(QStringLiteral("retort-db-read"));
    m_threads.append(thread);
    connect(thread, &QThread::finished, this, [this, thread] {
        m_threads.removeOne(thread);
        thread->deleteLater();
    });
    thread->start();
}

void DatabaseSession::cancelReads()
{
    QStringList cancelled;
    for (Entry &e : m_entries) {
        if (!e.reading)
            continue;
        e.reading = false;
        e.request = ++m_request;  // the read in flight no longer matches
        DatabaseRead read;
        read.name = e.connection.name;
        read.error = Error(Error::Kind::Cancelled, tr("reading was cancelled"));
        e.last = read;
        cancelled << e.connection.name;
    }
    for (const QString &name : std::as_const(cancelled))
        emit readFinished(name);
}

void DatabaseSession::onRead(quint64 request, const DatabaseRead &result)
{
    Entry *e = find(result.name);
    if (!e || e->request != request)
        return;  // superseded by a later read, or the connection is gone
    e->reading = false;
    e->last = result;
    emit readFinished(result.name);
    if (!result.ok && result.passwordRejected)
        emit passwordNeeded(result.name, result.error.message());
}

} // namespace retort::gui
