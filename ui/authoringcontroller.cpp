#include "authoringcontroller.h"

#include "authoring/bridgedtemplate.h"
#include "newrevisiondialog.h"
#include "projectsession.h"

#include <QAction>
#include <QMessageBox>
#include <QThread>

namespace retort::gui {

AuthoringController::AuthoringController(QWidget *window, ProjectSession *session, std::function<QString()> selection)
    : QObject(window), m_window(window), m_session(session), m_selection(std::move(selection))
{
    m_newRevision = new QAction(tr("&New Revision…"), this);
    m_newRevision->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_newRevision->setToolTip(tr("Write a new revision file on a head (alembic revision)"));
    connect(m_newRevision, &QAction::triggered, this, [this] { ask(false); });
    m_mergeHeads = new QAction(tr("&Merge Heads…"), this);
    m_mergeHeads->setToolTip(tr("Write a merge revision joining heads (alembic merge)"));
    connect(m_mergeHeads, &QAction::triggered, this, [this] { ask(true); });
    updateActions();
}

AuthoringController::~AuthoringController()
{
    // the worker only reads the shared project and writes one file: let it end
    if (m_thread)
        m_thread->wait();
}

void AuthoringController::updateActions()
{
    const LoadedProjectPtr &project = m_session->project();
    const bool idle = project && !m_thread && !m_session->isLoading();
    m_newRevision->setEnabled(idle);
    m_mergeHeads->setEnabled(idle && project->graph.heads().size() > 1);
}

void AuthoringController::ask(bool merge)
{
    const LoadedProjectPtr project = m_session->project();
    if (!project)
        return;
    auto *dialog = new NewRevisionDialog(project, merge, m_selection ? m_selection() : QString(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { write(dialog->request()); });
    dialog->open();
}

bool AuthoringController::write(const RevisionRequest &request)
{
    const LoadedProjectPtr project = m_session->project();
    if (!project || m_thread)
        return false;
    auto result = std::make_shared<Result<PlannedRevision>>(Error(Error::Kind::Internal, QStringLiteral("not run")));
    m_result = result;
    m_thread = QThread::create([project, request, result] {
        RevisionWriter writer(project->config, project->scripts, project->graph);
        writer.setBridgeRenderer(
            bridgeTemplateRenderer({QString(), project->config.iniPath, project->config.section, {}, project->config.tomlPath},
                                   request.merge));
        Result<PlannedRevision> planned = writer.plan(request);
        if (planned)
            if (const Error e = RevisionWriter::write(planned.value()))
                planned = e;
        *result = planned;
    });
    connect(m_thread, &QThread::finished, this, &AuthoringController::onThreadDone);
    m_thread->start();
    updateActions();
    return true;
}

void AuthoringController::onThreadDone()
{
    m_thread->deleteLater();
    m_thread = nullptr;
    const Result<PlannedRevision> result = *m_result;
    m_result.reset();
    updateActions();
    if (!result) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Revision not written"), result.error().headline(),
                                    QMessageBox::Ok, m_window);
        box->setDetailedText(result.error().toString());
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        emit failed(result.error());
        return;
    }
    emit written(result->revId, result->path);
}

} // namespace retort::gui
