#pragma once

#include "authoring/revisionwriter.h"
#include "error.h"
#include "loadedproject.h"

#include <QObject>

#include <functional>
#include <memory>

class QAction;
class QThread;
class QWidget;

namespace retort::gui {

class ProjectSession;

// "New Revision…" and "Merge Heads…": the dialog on the GUI thread, the
// file planned and written (through the bridge when the template needs
// Mako) on a worker thread, then written() so the window reloads the graph
// with the new revision selected.
class AuthoringController : public QObject {
    Q_OBJECT
public:
    // selection: the id of the revision selected in the graph (or empty).
    AuthoringController(QWidget *window, ProjectSession *session, std::function<QString()> selection);
    ~AuthoringController() override;

    QAction *newRevisionAction() const { return m_newRevision; }
    QAction *mergeHeadsAction() const { return m_mergeHeads; }
    void updateActions();

    // Writes the request's file for the loaded project off the GUI thread;
    // false when nothing is loaded or a write is running.
    bool write(const RevisionRequest &request);
    bool isWriting() const { return m_thread != nullptr; }

signals:
    void written(const QString &revisionId, const QString &path);
    void failed(const retort::Error &error);

private:
    void ask(bool merge);
    void onThreadDone();

    QWidget *m_window = nullptr;
    ProjectSession *m_session = nullptr;
    std::function<QString()> m_selection;
    QAction *m_newRevision = nullptr;
    QAction *m_mergeHeads = nullptr;
    QThread *m_thread = nullptr;
    std::shared_ptr<Result<PlannedRevision>> m_result;
};

} // namespace retort::gui
