#include "mainwindow.h"

#include "applycontroller.h"
#include "authoringcontroller.h"
#include "connectionsdialog.h"
#include "databasecontroller.h"
#include "databasesession.h"
#include "databasestatus.h"
#include "detailpane.h"
#include "errorpanel.h"
#include "graphlegend.h"
#include "historymodel.h"
#include "historyview.h"
#include "icons.h"
#include "loadingpage.h"
#include "progressarea.h"
#include "projectsession.h"
#include "recentprojects.h"
#include "runview.h"
#include "searchbar.h"
#include "sqlpane.h"
#include "sqlsession.h"
#include "welcomepage.h"

#include "bridge/reproducedversions.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace retort::gui {

namespace {

// A local folder or file among dropped URLs, if any.
QString droppedPath(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile())
            continue;
        const QFileInfo info(url.toLocalFile());
        if (info.isDir() || (info.isFile() && info.suffix() == QLatin1String("ini")))
            return info.absoluteFilePath();
    }
    return {};
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Retort"));
    setWindowIcon(icons::application());
    setAcceptDrops(true);
    m_recent = RecentProjects::list();
    m_settingsWriter.setMaxThreadCount(1);

    m_session = new ProjectSession(this);
    m_model = new HistoryModel(this);
    m_sql = new SqlSession(this);
    connect(m_sql, &SqlSession::needsPythonReady, m_model, &HistoryModel::setNeedsPython);
    connect(m_sql, &SqlSession::irreversibleReady, m_model, &HistoryModel::setIrreversible);
    connect(m_sql, &SqlSession::searchIndexReady, m_model, &HistoryModel::setSearchIndex);
    connect(m_model, &HistoryModel::matchesChanged, this,
            [this] { m_search->setMatchCount(m_model->matchCount(), !m_model->searchText().isEmpty()); });
    connect(m_session, &ProjectSession::loadingStarted, this, &MainWindow::onLoadingStarted);
    connect(m_session, &ProjectSession::loaded, this, &MainWindow::onLoaded);
    connect(m_session, &ProjectSession::failed, this, &MainWindow::onFailed);
    connect(m_session, &ProjectSession::loadCancelled, this, &MainWindow::onLoadCancelled);

    createPages();
    m_databases = new DatabaseController(m_model, m_detail, m_sql, this);
    m_databaseArea->insertWidget(1, m_databases->banner());
    connect(m_databases, &DatabaseController::databaseStateChanged, this, &MainWindow::databaseStateChanged);
    connect(m_databases, &DatabaseController::viewsUpdated, this, [this] {
        m_dbStatus->update();
        updateActions();
    });
    connect(m_databases->session(), &DatabaseSession::readStarted, this, [this] { m_dbStatus->update(); });
    m_progress = new ProgressArea(m_session, m_databases->session(), m_sql);
    static_cast<QVBoxLayout *>(centralWidget()->layout())->addWidget(m_progress);
    createActions();
    createStatusBar();
    restoreSettings();
    updateActions();
    setPage(Page::Welcome);
}

MainWindow::~MainWindow() = default;

void MainWindow::createPages()
{
    // The pages, and under them the progress strips (added once the sessions exist).
    auto *central = new QWidget;
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_pages = new QStackedWidget;
    centralLayout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_welcome = new WelcomePage;
    m_welcome->setRecentProjects(m_recent);
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::chooseProject);
    connect(m_welcome, &WelcomePage::recentRequested, this, &MainWindow::openProject);
    connect(m_welcome, &WelcomePage::retryRequested, m_session, &ProjectSession::reload);

    m_loading = new LoadingPage;

    m_error = new ErrorPanel;
    connect(m_error, &ErrorPanel::retryRequested, m_session, &ProjectSession::reload);
    connect(m_error, &ErrorPanel::openRequested, this, &MainWindow::chooseProject);

    m_search = new SearchBar;
    connect(m_search, &SearchBar::textChanged, this, &MainWindow::onSearchChanged);
    connect(m_search, &SearchBar::nextRequested, this, [this] { findNext(true); });
    connect(m_search, &SearchBar::previousRequested, this, [this] { findNext(false); });

    m_view = new HistoryView;
    m_view->setHistoryModel(m_model);
    connect(m_search, &SearchBar::dismissed, m_view, qOverload<>(&QWidget::setFocus));
    connect(m_view, &HistoryView::currentNodeChanged, this, &MainWindow::onCurrentNodeChanged);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_view, 1);
    m_legend = new GraphLegend;
    leftLayout->addWidget(m_legend);
    m_databaseArea = leftLayout;

    m_detail = new DetailPane;
    connect(m_detail, &DetailPane::revisionActivated, this, &MainWindow::selectRevision);
    connect(m_detail, &DetailPane::sourceWanted, m_session, &ProjectSession::requestSource);
    connect(m_session, &ProjectSession::sourceReady, m_detail, &DetailPane::setSource);
    connect(m_detail, &DetailPane::sqlWanted, m_sql, &SqlSession::requestRevision);
    connect(m_sql, &SqlSession::revisionReady, m_detail, &DetailPane::setSql);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    m_pages->addWidget(m_welcome);
    m_pages->addWidget(m_loading);
    m_pages->addWidget(m_error);
    m_pages->addWidget(m_splitter);
}

void MainWindow::createStatusBar()
{
    m_pathLabel = new QLabel;
    m_pathLabel->setObjectName(QStringLiteral("statusPath"));
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_countLabel = new QLabel;
    m_countLabel->setObjectName(QStringLiteral("statusRevisions"));
    m_headsLabel = new QLabel;
    m_headsLabel->setObjectName(QStringLiteral("statusHeads"));
    m_warningsLabel = new QLabel;
    m_warningsLabel->setObjectName(QStringLiteral("statusWarnings"));
    m_warningsLabel->hide();
    for (QLabel *label : {m_pathLabel, m_countLabel, m_headsLabel, m_warningsLabel})
        label->setContentsMargins(6, 0, 6, 0);
    statusBar()->addWidget(m_pathLabel, 1);
    m_dbStatus = new DatabaseStatus(m_databases->session());
    connect(m_dbStatus, &DatabaseStatus::connectionsRequested, this, &MainWindow::showConnections);
    connect(m_dbStatus, &DatabaseStatus::refreshRequested, this, &MainWindow::refreshDatabaseState);
    statusBar()->addPermanentWidget(m_dbStatus);
    statusBar()->addPermanentWidget(m_warningsLabel);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_headsLabel);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // A small or highly scaled screen (1366x768 at 200% is 683x384) gets what fits.
        const QSize available = screen() ? screen()->availableGeometry().size() : QSize(1280, 800);
        resize(QSize(1280, 800).boundedTo(available));
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (!m_splitter->restoreState(settings.value(QStringLiteral("window/mainSplitter")).toByteArray()))
        m_splitter->setSizes({760, 520});
    if (!m_detail->splitter()->restoreState(settings.value(QStringLiteral("window/detailSplitter")).toByteArray()))
        m_detail->splitter()->setSizes({260, 540});
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/mainSplitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/detailSplitter"), m_detail->splitter()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (RunView *run = m_apply->runView(); run && run->isRunning()) {
        // Quitting mid-run cancels only when the user insists, and the window
        // closes only once the executor has rolled back.
        event->ignore();
        run->show();
        run->raise();
        run->askToCancel(tr("A migration is running. Quitting cancels it: the running statement is stopped on the "
                            "server and the run rolls back before Retort closes."),
                         tr("Cancel Migration and Quit"), [this] { m_closeAfterRun = true; });
        return;
    }
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedPath(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedPath(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openProject(path);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = m_recent;
    for (const QString &path : recent)
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] { openProject(path); });
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear List"), this, [this] {
            m_recent.clear();
            m_settingsWriter.start([] { RecentProjects::save({}); });
            rebuildRecentMenu();
            m_welcome->setRecentProjects({});
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::openProject(const QString &path)
{
    m_reselectId.clear();
    m_session->open(path);
}

void MainWindow::chooseProject()
{
    const QString start = m_session->iniPath().isEmpty() ? QDir::currentPath()
                                                         : QFileInfo(m_session->iniPath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Alembic Project"), start,
                                                      tr("Alembic configuration (*.ini);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::chooseFolder()
{
    const QString start = m_session->iniPath().isEmpty() ? QDir::currentPath()
                                                         : QFileInfo(m_session->iniPath()).absolutePath();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Alembic Project Folder"), start);
    if (!dir.isEmpty())
        openProject(dir);
}

void MainWindow::onLoadingStarted(const QString &iniPath)
{
    if (m_model->project() && m_model->project()->iniPath == iniPath) {
        // A reload: keep the graph up and the selection for afterwards.
        if (m_reselectId.isEmpty() && m_detail->shownNode() >= 0)
            m_reselectId = m_model->project()->graph.node(m_detail->shownNode()).id;
    } else {
        m_loading->setPath(QDir::toNativeSeparators(iniPath));
        setPage(Page::Loading);
    }
    m_pathLabel->setText(tr("Loading %1…").arg(QDir::toNativeSeparators(iniPath)));
    updateActions();
}

void MainWindow::onLoaded(const LoadedProjectPtr &project)
{
    m_welcome->setNotice(QString());
    const QString reselect = m_reselectId;
    m_reselectId.clear();
    m_model->setProject(project);
    m_detail->setProject(project);
    m_sql->setProject(project);
    m_databases->setProject(project);
    setPage(Page::History);

    const QString dir = QFileInfo(project->iniPath).dir().dirName();
    setWindowTitle(tr("%1 — Retort").arg(dir));
    setWindowFilePath(project->iniPath);
    m_pathLabel->setText(QDir::toNativeSeparators(project->iniPath));
    m_pathLabel->setToolTip(tr("Script directory: %1").arg(project->config.scriptDirectory));
    const int revisions = project->graph.size();
    m_countLabel->setText(revisions == 1 ? tr("1 revision") : tr("%1 revisions").arg(revisions));
    const int heads = project->graph.realHeads().size();
    m_headsLabel->setText(heads == 1 ? tr("1 head") : tr("%1 heads").arg(heads));
    QStringList headIds;
    for (int h : project->graph.realHeads())
        headIds << project->graph.node(h).id;
    m_headsLabel->setToolTip(headIds.join(QLatin1Char('\n')));
    m_warningsLabel->setVisible(!project->warnings.isEmpty());
    if (!project->warnings.isEmpty()) {
        m_warningsLabel->setText(project->warnings.size() == 1 ? tr("1 warning")
                                                               : tr("%1 warnings").arg(project->warnings.size()));
        QStringList lines;
        for (const Error &w : project->warnings)
            lines << w.headline();
        m_warningsLabel->setToolTip(lines.join(QLatin1Char('\n')));
    }

    m_recent = RecentProjects::added(m_recent, project->iniPath);
    m_settingsWriter.start([recent = m_recent] { RecentProjects::save(recent); });
    rebuildRecentMenu();
    m_welcome->setRecentProjects(m_recent);

    if (reselect.isEmpty() || !selectRevision(reselect))
        m_view->selectRow(m_model->rowCount() > 0 ? 0 : -1);
    m_view->setFocus();
    updateActions();
    emit projectShown();
}

void MainWindow::onFailed(const Error &error, const QString &iniPath)
{
    m_welcome->setNotice(QString());
    m_reselectId.clear();
    m_model->setProject(nullptr);
    m_detail->setProject(nullptr);
    m_sql->setProject(nullptr);
    m_databases->setProject(nullptr);
    m_error->showError(error, QDir::toNativeSeparators(iniPath));
    setPage(Page::Error);
    setWindowTitle(tr("%1 — Retort").arg(QFileInfo(iniPath).dir().dirName()));
    m_pathLabel->setText(tr("Could not open %1").arg(QDir::toNativeSeparators(iniPath)));
    m_countLabel->clear();
    m_headsLabel->clear();
    m_warningsLabel->hide();
    updateActions();
    emit projectFailed();
}

void MainWindow::onLoadCancelled(const QString &iniPath)
{
    m_reselectId.clear();
    if (const LoadedProjectPtr &shown = m_model->project()) {
        // The project shown before stays, whole: nothing of the cancelled load reached the views.
        setPage(Page::History);
        m_pathLabel->setText(QDir::toNativeSeparators(shown->iniPath));
    } else {
        m_welcome->setNotice(tr("Opening %1 was cancelled.").arg(QDir::toNativeSeparators(iniPath)));
        setPage(Page::Welcome);
        setWindowTitle(QStringLiteral("Retort"));
        m_pathLabel->setText(tr("Opening cancelled"));
    }
    updateActions();
}

bool MainWindow::selectRevision(const QString &idOrPrefix)
{
    const int row = m_model->rowOfRevision(idOrPrefix);
    if (row < 0)
        return false;
    m_view->selectRow(row);
    return true;
}

void MainWindow::onCurrentNodeChanged(int node)
{
    m_detail->showRevision(node);
    m_databases->updatePreview();
    updateActions();
}

QString MainWindow::activeConnectionName() const
{
    return m_databases->activeName();
}

const DatabaseRead *MainWindow::activeDatabase() const
{
    return m_databases->activeDatabase();
}

DatabaseSession *MainWindow::databaseSession() const
{
    return m_databases->session();
}

QLabel *MainWindow::databaseBanner() const
{
    return m_databases->banner();
}

void MainWindow::refreshDatabaseState()
{
    m_databases->refreshAll();
}

void MainWindow::showConnections()
{
    m_databases->showConnections();
}

void MainWindow::jumpToCurrent()
{
    const DatabaseRead *db = activeDatabase();
    if (db && !db->state.current.isEmpty())
        m_view->selectRow(m_model->rowOfNode(db->state.current.front()));
}

void MainWindow::onSearchChanged(const QString &text)
{
    m_model->setSearchText(text);
    if (m_model->searchText().isEmpty() || m_model->rowMatches(m_view->currentRow()))
        return;
    // Jump to the first match from the top: newest first, like the list.
    const int row = m_model->findMatch(-1, true);
    if (row >= 0)
        m_view->selectRow(row);
}

SqlPane *MainWindow::focusedSqlPane() const
{
    for (QWidget *w = QApplication::focusWidget(); w; w = w->parentWidget()) {
        if (auto *pane = qobject_cast<SqlPane *>(w))
            return pane;
    }
    return nullptr;
}

void MainWindow::findNext(bool forward)
{
    if (SqlPane *pane = focusedSqlPane()) {
        pane->findNext(forward);
        return;
    }
    const int row = m_model->findMatch(m_view->currentRow(), forward);
    if (row >= 0)
        m_view->selectRow(row);
}

void MainWindow::goToRelative(bool parent)
{
    const LoadedProjectPtr &project = m_model->project();
    const int node = m_detail->shownNode();
    if (!project || node < 0)
        return;
    const RevisionNode &n = project->graph.node(node);
    const QVector<int> &next = parent ? n.versionedDown : n.nextrev;
    if (!next.isEmpty())
        m_view->selectRow(m_model->rowOfNode(next.front()));
}

void MainWindow::copyRevisionId()
{
    const LoadedProjectPtr &project = m_model->project();
    if (project && m_detail->shownNode() >= 0)
        QGuiApplication::clipboard()->setText(project->graph.node(m_detail->shownNode()).id);
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Retort"),
        tr("<h3>Retort %1</h3>"
           "<p>A desktop migration manager for Alembic projects on PostgreSQL.</p>"
           "<p>Retort reads an Alembic project as it is (alembic.ini, env.py, the revision files) "
           "and shows its revision graph: branches, merges, labels and depends_on.</p>"
           "<p>Built with Qt %2 and QScintilla.</p><p>%3</p>")
            .arg(QStringLiteral(RETORT_VERSION), QString::fromLatin1(qVersion()),
                 reproducedVersionsText().simplified().toHtmlEscaped()));
}

MainWindow::Page MainWindow::page() const
{
    return Page(m_pages->currentIndex());
}

void MainWindow::setPage(Page page)
{
    m_pages->setCurrentIndex(int(page));
    updateActions();
}

void MainWindow::updateActions()
{
    const bool history = m_pages && page() == Page::History;
    const LoadedProjectPtr &project = m_model->project();
    const int node = m_detail ? m_detail->shownNode() : -1;
    const RevisionNode *n = project && node >= 0 ? &project->graph.node(node) : nullptr;
    if (m_reloadAction)
        m_reloadAction->setEnabled(!m_session->iniPath().isEmpty() && !m_session->isLoading());
    if (m_findAction) {
        m_findAction->setEnabled(history);
        m_findNextAction->setEnabled(history);
        m_findPreviousAction->setEnabled(history);
        m_copyIdAction->setEnabled(n != nullptr);
        m_parentAction->setEnabled(n && !n->versionedDown.isEmpty());
        m_childAction->setEnabled(n && !n->nextrev.isEmpty());
    }
    if (m_authoring)
        m_authoring->updateActions();
    if (m_connectionsAction)
        m_connectionsAction->setEnabled(project != nullptr);  // saved per project
    if (m_jumpCurrentAction) {
        const DatabaseRead *db = activeDatabase();
        m_jumpCurrentAction->setEnabled(history && db && !db->state.current.isEmpty());
        m_previewAction->setEnabled(history && n != nullptr);
    }
}

} // namespace retort::gui
