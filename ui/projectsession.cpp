#include "projectsession.h"

#include "projectloader.h"
#include "projectwatcher.h"
#include "threadpriority.h"

#include <QThread>

namespace retort::gui {

ProjectSession::ProjectSession(QObject *parent)
    : QObject(parent), m_thread(new QThread(this)), m_loader(new ProjectLoader), m_watcher(new ProjectWatcher(this))
{
    // Files added, edited or removed on disk read the project again.
    connect(m_watcher, &ProjectWatcher::changed, this, &ProjectSession::reload);
    qRegisterMetaType<retort::gui::LoadedProjectPtr>();
    qRegisterMetaType<retort::Error>();
    m_thread->setObjectName(QStringLiteral("retort-project-loader"));
    m_loader->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_loader, &QObject::deleteLater);
    connect(m_thread, &QThread::started, m_loader, &lowerCurrentThreadPriority, Qt::DirectConnection);
    connect(this, &ProjectSession::sourceRequested, m_loader, &ProjectLoader::readSource, Qt::QueuedConnection);

    connect(m_loader, &ProjectLoader::progressed, this,
            [this](quint64 request, const QString &step, qint64 done, qint64 total) {
                if (request == m_request && m_loading)
                    emit progress(step, done, total);
            }, Qt::QueuedConnection);
    connect(m_loader, &ProjectLoader::loaded, this, [this](quint64 request, LoadedProjectPtr project) {
        if (request != m_request || !m_loading)
            return;  // superseded by a later open(), or cancelled
        m_loading = false;
        m_project = std::move(project);
        m_watcher->watch(*m_project);
        emit loaded(m_project);
    }, Qt::QueuedConnection);
    connect(m_loader, &ProjectLoader::failed, this,
            [this](quint64 request, const Error &error, const QString &iniPath) {
                if (request != m_request || !m_loading)
                    return;
                m_loading = false;
                m_project.reset();
                m_watcher->watchFailed(iniPath, error.where().file);
                emit failed(error, iniPath);
            }, Qt::QueuedConnection);
    connect(m_loader, &ProjectLoader::sourceRead, this,
            [this](quint64 request, const QString &filePath, const QString &text, const QString &error) {
                if (request == m_sourceRequest)
                    emit sourceReady(filePath, text, error);
            }, Qt::QueuedConnection);
    m_thread->start();
}

ProjectSession::~ProjectSession()
{
    if (m_cancel)
        m_cancel->store(true);  // closing the window does not wait for a whole load
    m_thread->quit();
    m_thread->wait();
}

void ProjectSession::open(const QString &path)
{
    if (m_cancel)
        m_cancel->store(true);  // a load still under way is superseded: stop it
    m_iniPath = ProjectLoader::resolveIniPath(path);
    m_loading = true;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    emit loadingStarted(m_iniPath);
    const quint64 request = ++m_request;
    QMetaObject::invokeMethod(m_loader, [loader = m_loader, request, path = m_iniPath, cancel = m_cancel] {
        loader->load(request, path, *cancel);
    }, Qt::QueuedConnection);
}

void ProjectSession::cancel()
{
    if (!m_loading)
        return;
    m_cancel->store(true);
    m_loading = false;
    const QString attempted = m_iniPath;
    if (m_project)
        m_iniPath = m_project->iniPath;  // Reload reads what is shown
    emit loadCancelled(attempted);
}

void ProjectSession::reload()
{
    if (!m_iniPath.isEmpty())
        open(m_iniPath);
}

void ProjectSession::requestSource(const QString &filePath)
{
    emit sourceRequested(++m_sourceRequest, filePath, QPrivateSignal());
}

} // namespace retort::gui
