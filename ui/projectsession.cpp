#include "projectsession.h"

#include "projectloader.h"

#include <QThread>

namespace retort::gui {

ProjectSession::ProjectSession(QObject *parent)
    : QObject(parent), m_thread(new QThread(this)), m_loader(new ProjectLoader)
{
    qRegisterMetaType<retort::gui::LoadedProjectPtr>();
    qRegisterMetaType<retort::Error>();
    m_thread->setObjectName(QStringLiteral("retort-project-loader"));
    m_loader->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_loader, &QObject::deleteLater);
    connect(this, &ProjectSession::loadRequested, m_loader, &ProjectLoader::load, Qt::QueuedConnection);
    connect(this, &ProjectSession::sourceRequested, m_loader, &ProjectLoader::readSource, Qt::QueuedConnection);

    connect(m_loader, &ProjectLoader::loaded, this, [this](quint64 request, LoadedProjectPtr project) {
        if (request != m_request)
            return;  // superseded by a later open()
        m_loading = false;
        m_project = std::move(project);
        emit loaded(m_project);
    }, Qt::QueuedConnection);
    connect(m_loader, &ProjectLoader::failed, this,
            [this](quint64 request, const Error &error, const QString &iniPath) {
                if (request != m_request)
                    return;
                m_loading = false;
                m_project.reset();
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
    m_thread->quit();
    m_thread->wait();
}

void ProjectSession::open(const QString &path)
{
    m_iniPath = ProjectLoader::resolveIniPath(path);
    m_loading = true;
    emit loadingStarted(m_iniPath);
    emit loadRequested(++m_request, m_iniPath, QPrivateSignal());
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
