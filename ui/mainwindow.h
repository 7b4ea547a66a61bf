#pragma once

#include "loadedproject.h"

#include <QMainWindow>
#include <QThreadPool>

class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;
class QVBoxLayout;

namespace retort::gui {

class ApplyController;
class DatabaseController;
class DatabaseSession;
struct DatabaseRead;
class DatabaseStatus;
class DetailPane;
class ErrorPanel;
class GraphLegend;
class HistoryModel;
class HistoryView;
class LoadingPage;
class ProgressArea;
class ProjectSession;
class SearchBar;
class AuthoringController;
class ScratchController;
class SqlPane;
class SqlSession;
class WelcomePage;

// The window: menus and actions, the pages (welcome, loading, error, the
// history with its detail pane), the status bar, and remembered geometry.
// Loading, drawing and showing details live in their own classes.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Page { Welcome, Loading, Error, History };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // A folder with an alembic.ini, or the ini itself; loads in the background.
    void openProject(const QString &path);
    // Selects a revision by id, unique id prefix or branch label.
    bool selectRevision(const QString &idOrPrefix);

    Page page() const;
    ProjectSession *session() const { return m_session; }
    HistoryModel *historyModel() const { return m_model; }
    HistoryView *historyView() const { return m_view; }
    DetailPane *detailPane() const { return m_detail; }
    GraphLegend *graphLegend() const { return m_legend; }
    ErrorPanel *errorPanel() const { return m_error; }
    ApplyController *applyController() const { return m_apply; }
    SearchBar *searchBar() const { return m_search; }
    SqlSession *sqlSession() const { return m_sql; }
    WelcomePage *welcomePage() const { return m_welcome; }
    // The strips of loading, database reads and the needs-Python scan.
    ProgressArea *progressArea() const { return m_progress; }
    AuthoringController *authoringController() const { return m_authoring; }
    ScratchController *scratchController() const { return m_scratch; }

    // The databases: saved connections and the project's own URL, each read in
    // the background. The active one colours the graph's nodes and is what an
    // apply would target: its settings (with a session password) and last read.
    DatabaseSession *databaseSession() const;
    QString activeConnectionName() const;
    const DatabaseRead *activeDatabase() const;
    QLabel *databaseBanner() const;
    DatabaseStatus *databaseStatus() const { return m_dbStatus; }

public slots:
    // Reads every database again (after an apply, a stamp, a reload).
    void refreshDatabaseState();
    void showConnections();
    void jumpToCurrent();

signals:
    // The history of a newly loaded project is in the view (not yet painted).
    void projectShown();
    // Loading failed and the error panel is up.
    void projectFailed();
    // A database was read again (its state on the graph may have changed).
    void databaseStateChanged(const QString &connectionName);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createPages();
    void createStatusBar();
    void restoreSettings();
    void saveSettings() const;
    void rebuildRecentMenu();

    void chooseProject();
    void chooseFolder();
    void onLoadingStarted(const QString &iniPath);
    void onLoaded(const LoadedProjectPtr &project);
    void onFailed(const Error &error, const QString &iniPath);
    void onLoadCancelled(const QString &iniPath);
    void onCurrentNodeChanged(int node);
    void onSearchChanged(const QString &text);
    void findNext(bool forward);
    // The SQL tab holding the keyboard focus, if any (Find then searches its SQL).
    SqlPane *focusedSqlPane() const;
    void goToRelative(bool parent);
    void copyRevisionId();
    void showAbout();
    void setPage(Page page);
    void updateActions();

    ProjectSession *m_session = nullptr;
    HistoryModel *m_model = nullptr;

    QStackedWidget *m_pages = nullptr;
    WelcomePage *m_welcome = nullptr;
    LoadingPage *m_loading = nullptr;
    ErrorPanel *m_error = nullptr;
    QSplitter *m_splitter = nullptr;
    SearchBar *m_search = nullptr;
    HistoryView *m_view = nullptr;
    DetailPane *m_detail = nullptr;
    GraphLegend *m_legend = nullptr;
    QVBoxLayout *m_databaseArea = nullptr;  // above the graph: the search, the database banner
    SqlSession *m_sql = nullptr;
    DatabaseController *m_databases = nullptr;
    DatabaseStatus *m_dbStatus = nullptr;
    AuthoringController *m_authoring = nullptr;

    QLabel *m_pathLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_headsLabel = nullptr;
    QLabel *m_warningsLabel = nullptr;
    ProgressArea *m_progress = nullptr;

    QMenu *m_recentMenu = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_findNextAction = nullptr;
    QAction *m_findPreviousAction = nullptr;
    QAction *m_parentAction = nullptr;
    QAction *m_childAction = nullptr;
    QAction *m_copyIdAction = nullptr;
    QAction *m_connectionsAction = nullptr;
    QAction *m_refreshDbAction = nullptr;
    QAction *m_jumpCurrentAction = nullptr;
    QAction *m_previewAction = nullptr;

    ApplyController *m_apply = nullptr;
    ScratchController *m_scratch = nullptr;  // check, drift, rehearse; the Schema tab
    bool m_closeAfterRun = false;  // the user chose to cancel a run and quit

    QString m_reselectId;  // kept across a reload
    QStringList m_recent;  // RecentProjects, as last written
    QThreadPool m_settingsWriter;  // one thread: writes in the order they were made
};

} // namespace retort::gui
