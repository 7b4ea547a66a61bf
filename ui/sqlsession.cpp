#include "sqlsession.h"

#include "threadpriority.h"

#include <QThread>

#include <utility>

namespace retort::gui {

SqlSession::SqlSession(QObject *parent)
    : QObject(parent), m_thread(new QThread(this)), m_scanThread(new QThread(this))
{
    qRegisterMetaType<retort::gui::RevisionSql>();
    qRegisterMetaType<retort::gui::SqlScript>();
    qRegisterMetaType<retort::gui::LoadedProjectPtr>();
    qRegisterMetaType<retort::gui::SearchIndexPtr>();
    m_worker = new SqlWorker(m_latestScan);
    m_worker->setCancelFlag(m_closing);
    m_thread->setObjectName(QStringLiteral("retort-sql-renderer"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_scanWorker = new SqlWorker(m_latestScan);
    m_scanThread->setObjectName(QStringLiteral("retort-sql-scan"));
    m_scanWorker->moveToThread(m_scanThread);
    connect(m_scanThread, &QThread::finished, m_scanWorker, &QObject::deleteLater);
    connect(m_scanThread, &QThread::started, m_scanWorker, &lowerCurrentThreadPriority, Qt::DirectConnection);
    connect(this, &SqlSession::renderRequested, m_worker, &SqlWorker::renderRevision, Qt::QueuedConnection);
    connect(this, &SqlSession::rangeRequested, m_worker, &SqlWorker::renderRange, Qt::QueuedConnection);
    connect(this, &SqlSession::scanRequested, m_scanWorker, &SqlWorker::scanNeedsPython, Qt::QueuedConnection);
    connect(m_worker, &SqlWorker::revisionRendered, this, [this](quint64 request, const RevisionSql &sql) {
        if (request == m_request)
            emit revisionReady(sql);
    }, Qt::QueuedConnection);
    connect(m_worker, &SqlWorker::rangeRendered, this, [this](quint64 request, const SqlScript &script) {
        if (request == m_rangeRequest)
            emit rangeReady(script);
    }, Qt::QueuedConnection);
    connect(m_scanWorker, &SqlWorker::needsPythonProgressed, this, [this](quint64 request, qint64 done, qint64 total) {
        if (request == m_latestScan->load() && m_scanning)
            emit scanProgress(done, total);
    }, Qt::QueuedConnection);
    connect(m_scanWorker, &SqlWorker::needsPythonScanned, this,
            [this](quint64 request, const QVector<int> &nodes, const SearchIndexPtr &search,
                   const QStringList &irreversible) {
        if (request != m_latestScan->load() || !m_scanning)
            return;
        m_scanning = false;
        emit searchIndexReady(search);
        emit irreversibleReady(irreversible);
        emit needsPythonReady(nodes);
    }, Qt::QueuedConnection);
    m_thread->start();
    m_scanThread->start();
}

SqlSession::~SqlSession()
{
    m_latestScan->store(0);  // stops a scan in progress
    m_closing->store(true);  // and a bridge run
    for (QThread *thread : {m_thread, m_scanThread}) {
        thread->quit();
        thread->wait();
    }
}

void SqlSession::setProject(LoadedProjectPtr project)
{
    m_project = std::move(project);
    ++m_request;
    ++m_rangeRequest;
    const quint64 scan = m_latestScan->load() + 1;
    m_latestScan->store(scan);
    const bool wasScanning = std::exchange(m_scanning, m_project != nullptr);
    if (m_project) {
        emit scanStarted();
        emit scanRequested(scan, m_project, QPrivateSignal());
    } else if (wasScanning) {
        emit scanStopped();
    }
}

void SqlSession::cancelScan()
{
    if (!m_scanning)
        return;
    m_latestScan->store(m_latestScan->load() + 1);  // the scan's loop sees it is no longer wanted
    m_scanning = false;
    emit scanStopped();
}

void SqlSession::requestRevision(int node)
{
    emit renderRequested(++m_request, m_project, node, QPrivateSignal());
}

void SqlSession::requestRange(const QStringList &heads, bool versionTableExists, const QString &target, bool downgrade)
{
    emit rangeRequested(++m_rangeRequest, m_project, heads, versionTableExists, target, downgrade, QPrivateSignal());
}

} // namespace retort::gui
