#include "schemasession.h"

#include "scratch/revisionschema.h"
#include "scratchworker.h"

#include <memory>

namespace retort::gui {

SchemaSession::SchemaSession(QObject *parent) : QObject(parent)
{
    // no target: the newest server installed, said in the worker's note
    ScratchRequest request;
    request.targetDescription = QStringLiteral("the schema of the project's files, on no database of yours");
    m_worker = new ScratchWorker(request, ScratchWorker::Lifetime::Session, this);
    connect(m_worker, &ScratchWorker::progress, this, [this](quint64 job, const QString &line, int done, int total) {
        if (job == m_job)
            emit progress(m_running, line, done, total);
    });
    connect(m_worker, &ScratchWorker::finished, this, &SchemaSession::onFinished);
    connect(m_worker, &ScratchWorker::scratchReady, this, [this](const QString &note) { m_note = note; });
}

SchemaSession::~SchemaSession() = default;

void SchemaSession::setProject(LoadedProjectPtr project)
{
    if (project == m_project)
        return;
    m_project = std::move(project);
    m_cache.clear();
    m_wanted.clear();
    if (!m_running.isEmpty())
        m_worker->cancel();
    else
        m_worker->release();
    m_running.clear();
    m_job = 0;
    m_result.reset();
}

const SchemaSnapshot *SchemaSession::snapshot(const QString &revision) const
{
    const auto it = m_cache.constFind(revision);
    return it == m_cache.cend() ? nullptr : &it.value();
}

void SchemaSession::want(const QStringList &revisions)
{
    m_wanted = revisions;
    startNext();
}

void SchemaSession::cancel()
{
    m_wanted.clear();
    m_worker->cancel();
}

void SchemaSession::startNext()
{
    if (!m_running.isEmpty() || !m_project)
        return;
    QString next;
    for (const QString &id : std::as_const(m_wanted)) {
        if (!m_cache.contains(id)) {
            next = id;
            break;
        }
    }
    if (next.isEmpty()) {
        if (!m_wanted.isEmpty())
            emit ready();
        return;
    }
    m_running = next;
    ++m_replays;
    auto result = std::make_shared<Result<SchemaSnapshot>>(Error());
    const LoadedProjectPtr project = m_project;
    const quint64 job = m_worker->run([project, next, result](const ScratchDatabase &scratch, ScratchControl &control,
                                                              const ScratchWorker::Progress &) {
        Result<ScratchRun> run = scratchRunFor(project, scratch.settings());
        if (!run) {
            *result = run.error();
            return;
        }
        *result = schemaAtRevision(run->project, scratch.settings(), run->render, run->python, next, &control);
    });
    m_job = job;
    m_result = result;
}

void SchemaSession::onFinished(quint64 job, const Error &error)
{
    if (job != m_job || !m_result)
        return;  // a replay for a project no longer shown
    const QString revision = m_running;
    m_running.clear();
    const Result<SchemaSnapshot> result = *m_result;
    m_result.reset();
    if (!error && result) {
        m_cache.insert(revision, result.value());
    } else {
        m_wanted.removeAll(revision);
        emit failed(revision, error ? error : result.error());
    }
    startNext();
}

} // namespace retort::gui
