#pragma once

// What the two halves of tst_dbstate share: the suite's class (its states on
// the graph in tst_dbstate.cpp, its saved connections in
// tst_dbconnections.cpp), the fixture projects and a few helpers.

#include "historymodel.h"
#include "mainwindow.h"

#include "testcluster.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace retort::dbstatetest {

extern const QString kSource;
extern const QString kAnalyticsDir;
extern const QString kAnalytics;
extern const QString kJobsDir;
extern const QString kJobs;

// alembic's environment for a database: DATABASE_URL, no bytecode files.
QProcessEnvironment envFor(const QString &url);
// Opens `path` in `window` and waits until it is shown.
bool openAndWait(gui::MainWindow &window, const QString &path);
// A revision's row's database state (HistoryModel::DbStateRole).
int rowState(const gui::HistoryModel &model, const QString &id);

} // namespace retort::dbstatetest

class TestDbState : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void statesAfterAlembicStamp();
    void unknownRevisionShown();
    void savedConnectionsNeverWritePassword();
    void wrongPassword();
    void connectionsDialogTest();
    void connectionFormBothWays();
    void connectionFormServiceAndPgpass();
    void testShowsCurrentRevisions();
    void productionIsGuarded();
    void stateAgreesWithPlaceOnGraph();
    void appliedRootIsFilledAndLegendShown();
    void serverDownIsUnknownNotApplied();
    void databasesBelongToTheirProject();
    void databaseUrlOnlyWhereEnvReadsIt();
    void editedAppliedRevisionIsMarked();
    void cleanupTestCase();

private:
    // A database stamped at `revision` by alembic, saved as analytics' "local"; empty on failure.
    QString stampedLocal(const QString &name, const QString &revision);
    // Shows `window` on analytics and waits for its active database to be read.
    bool openWithActiveDatabase(retort::gui::MainWindow &window);

    retort::testsupport::TestCluster m_cluster;
    QStringList m_databases;
};
