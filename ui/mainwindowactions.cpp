#include "mainwindow.h"

#include "applycontroller.h"
#include "applyscreenshot.h"
#include "authoringcontroller.h"
#include "databasecontroller.h"
#include "databasesession.h"
#include "detailpane.h"
#include "historymodel.h"
#include "historyview.h"
#include "icons.h"
#include "journaldialog.h"
#include "projectsession.h"
#include "scratchcontroller.h"
#include "searchbar.h"
#include "sqlpane.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QTabWidget>
#include <QToolBar>

namespace retort::gui {

// The menus, the toolbar and the controllers behind their actions.
void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(icons::open(), tr("&Open Project…"), this, &MainWindow::chooseProject);
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Open an alembic.ini, or a folder holding one"));
    QAction *openFolder = file->addAction(tr("Open &Folder…"), this, &MainWindow::chooseFolder);
    openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openFolder->setToolTip(tr("Open the folder holding a project's alembic.ini"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    m_reloadAction = file->addAction(icons::reload(), tr("&Reload"), m_session, &ProjectSession::reload);
    m_reloadAction->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R)});
    m_reloadAction->setToolTip(tr("Read the project's files again (F5)"));
    file->addSeparator();
    QAction *quit = file->addAction(icons::close(), tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_copyIdAction = edit->addAction(tr("&Copy Revision Id"), this, &MainWindow::copyRevisionId);
    m_copyIdAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    edit->addSeparator();
    // Find follows the focus: in an SQL tab it searches the SQL, elsewhere the graph.
    m_findAction = edit->addAction(icons::find(), tr("&Find…"), this, [this] {
        if (SqlPane *pane = focusedSqlPane())
            pane->showFind();
        else
            m_search->focusField();
    });
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setToolTip(tr("Search by revision id prefix, message, branch label, or a table, column or index the upgrade names (Ctrl+F)"));
    m_findNextAction = edit->addAction(tr("Find &Next"), this, [this] { findNext(true); });
    m_findNextAction->setShortcut(QKeySequence::FindNext);
    m_findPreviousAction = edit->addAction(tr("Find &Previous"), this, [this] { findNext(false); });
    m_findPreviousAction->setShortcut(QKeySequence::FindPrevious);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    m_parentAction = go->addAction(icons::parent(), tr("&Parent Revision"), this, [this] { goToRelative(true); });
    m_parentAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    m_parentAction->setToolTip(tr("Go to the first parent (down_revision) of the selected revision (Alt+Down)"));
    m_childAction = go->addAction(icons::child(), tr("&Child Revision"), this, [this] { goToRelative(false); });
    m_childAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_childAction->setToolTip(tr("Go to the first child of the selected revision (Alt+Up)"));

    m_jumpCurrentAction = go->addAction(icons::current(), tr("&Database's Current Revision"), this,
                                        &MainWindow::jumpToCurrent);
    m_jumpCurrentAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    m_jumpCurrentAction->setIconText(tr("Current"));
    m_jumpCurrentAction->setToolTip(tr("Select the revision the active database is at (Ctrl+J)"));

    // New revision files: the graph reloads with the new one selected.
    m_authoring = new AuthoringController(this, m_session, [this] {
        const int node = m_detail->shownNode();
        return m_model->project() && node >= 0 ? m_model->project()->graph.node(node).id : QString();
    });
    connect(m_authoring, &AuthoringController::written, this, [this](const QString &id) {
        m_reselectId = id;
        m_session->reload();
    });
    QMenu *revision = menuBar()->addMenu(tr("&Revision"));
    revision->addAction(m_authoring->newRevisionAction());
    revision->addAction(m_authoring->mergeHeadsAction());

    QMenu *database = menuBar()->addMenu(tr("&Database"));
    m_connectionsAction = database->addAction(icons::database(), tr("&Connections…"), this,
                                              &MainWindow::showConnections);
    m_connectionsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_connectionsAction->setIconText(tr("Databases"));
    m_connectionsAction->setToolTip(tr("Add, edit, test and remove saved database connections (Ctrl+Shift+D)"));
    m_refreshDbAction = database->addAction(icons::reload(), tr("&Read Databases Again"), this,
                                            &MainWindow::refreshDatabaseState);
    m_refreshDbAction->setShortcut(QKeySequence(Qt::Key_F6));
    m_refreshDbAction->setToolTip(tr("Read every connection's version table again (F6)"));
    QAction *journal = database->addAction(tr("Run &Journal…"), this, [this] {
        Result<ConnectionSettings> settings = m_databases->session()->settingsFor(activeConnectionName());
        if (!settings)
            return;
        auto *dialog = new JournalDialog(activeConnectionName(), settings.value(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    journal->setObjectName(QStringLiteral("journalAction"));
    journal->setToolTip(tr("Who applied what to the active database, when, and how it ended"));
    database->addAction(m_jumpCurrentAction);
    m_previewAction = database->addAction(icons::preview(), tr("&Preview Script to Selected"), this, [this] {
        m_detail->tabs()->setCurrentIndex(DetailPane::PreviewTab);
    });
    m_previewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_previewAction->setIconText(tr("Preview"));
    m_previewAction->setToolTip(tr("Show the whole script the active database would run to reach the selected "
                                   "revision (Ctrl+P)"));

    // The guarded apply flow (ui/applycontroller.h): upgrade, downgrade, stamp
    // and reset in this menu, the toolbar and the history's context menu.
    ApplyController::Context apply;
    apply.project = [this] { return m_model->project(); };
    apply.connection = [this] { return m_databases->session()->settingsFor(activeConnectionName()); };
    apply.database = [this] {
        ApplyController::TargetDatabase target;
        if (const DatabaseSession::Entry *e = m_databases->session()->entry(activeConnectionName())) {
            target.name = activeConnectionName();
            target.kind = e->connection.kind;
        }
        if (const DatabaseRead *db = activeDatabase())
            target.state = &db->state;
        else
            target.unknownReason = m_databases->unknownReason();
        return target;
    };
    apply.selectedRevision = [this] {
        const int node = m_view->currentRow() >= 0 ? m_model->nodeAt(m_view->currentRow()) : -1;
        return node >= 0 ? m_model->project()->graph.node(node).id : QString();
    };
    apply.refreshDatabase = [this] { refreshDatabaseState(); };
    apply.journalInDatabase = [this] {
        const DatabaseSession::Entry *e = m_databases->session()->entry(activeConnectionName());
        return e && e->connection.journalInDatabase;
    };
    auto *applyFlow = new ApplyController(std::move(apply), this);
    m_apply = applyFlow;
    connect(applyFlow, &ApplyController::runFinished, this, [this] {
        if (m_closeAfterRun)
            close();
    });

    database->addSeparator();
    database->addActions(applyFlow->actions());
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions(applyFlow->actions());
    connect(m_view, &HistoryView::currentNodeChanged, applyFlow, &ApplyController::updateActions);
    connect(this, &MainWindow::databaseStateChanged, applyFlow, &ApplyController::updateActions);
    connect(m_databases, &DatabaseController::viewsUpdated, applyFlow, &ApplyController::updateActions);
    ApplyScreenshot::fromEnvironment(this, applyFlow);
    m_scratch = new ScratchController(this, database);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(icons::about(), tr("&About Retort"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(16, 16));
    toolbar->addAction(open);
    toolbar->addAction(m_reloadAction);
    toolbar->addSeparator();
    toolbar->addAction(m_parentAction);
    toolbar->addAction(m_childAction);
    toolbar->addSeparator();
    toolbar->addAction(m_connectionsAction);
    toolbar->addAction(m_jumpCurrentAction);
    toolbar->addAction(m_previewAction);
    toolbar->addAction(applyFlow->upgradeAction());
    toolbar->addAction(applyFlow->downgradeAction());
}

} // namespace retort::gui
