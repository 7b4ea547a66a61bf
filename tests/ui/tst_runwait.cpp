// The run view against the private cluster: a run waiting for the migration
// lock says so in its status line, naming the holder's pid (not
// "Starting…"), and a failing statement shows PostgreSQL's HINT with the
// SQLSTATE and the message.
#include "applyplan.h"
#include "exec/migrationlock.h"
#include "projectloader.h"
#include "runview.h"
#include "smallproject.h"
#include "testcluster.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::gui;
using retort::testsupport::TestCluster;

namespace {

constexpr int kWait = 60000;

// The plan and the request the apply controller would make for `upgrade heads`.
bool planFor(const QString &ini, const QString &url, ApplyPlan &plan, RunRequest &request, QString &error)
{
    auto project = ProjectLoader::loadProject(ini);
    if (!project) {
        error = project.error().toString();
        return false;
    }
    Operation op;
    op.kind = Operation::Kind::Upgrade;
    op.targets = {QStringLiteral("heads")};
    Result<ApplyPlan> built = buildApplyPlan(project.value(), ConnectionSettings::parse(url).value(), op);
    if (!built) {
        error = built.error().toString();
        return false;
    }
    plan = built.value();
    request.connection = plan.connection;
    request.versionTable = plan.versionTable;
    request.steps = plan.preview.steps;
    request.expectedHeads = plan.preview.state.rows;
    return true;
}

} // namespace

class TestRunWait : public QObject {
    Q_OBJECT

private slots:
    void waitingNamesTheHolder()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        const QString ini = testsupport::writeSmallProject(tmp.path(), {QStringLiteral("op.execute(\"SELECT 1\")")});
        QVERIFY(!ini.isEmpty());
        const QString db = cluster.createDatabase(QStringLiteral("runwait"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        ApplyPlan plan;
        RunRequest request;
        QString error;
        QVERIFY2(planFor(ini, cluster.url(db), plan, request, error), qPrintable(error));
        QString holderName;
        {
            QSqlDatabase holder = cluster.open(db);
            holderName = holder.connectionName();
            QSqlQuery q(holder);
            QVERIFY(q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next());
            const int pid = q.value(0).toInt();
            const qint64 key = MigrationLock::keyFor(plan.versionTable);
            QVERIFY(q.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(key)));

            RunView view(plan);
            view.show();
            QVERIFY(view.start(request));
            const QString expected = QStringLiteral("Waiting for the migration lock held by pid %1 (").arg(pid);
            QTRY_VERIFY2_WITH_TIMEOUT(view.statusLabel()->text().startsWith(expected) || view.report(),
                                      qPrintable(view.statusLabel()->text()), kWait);
            QVERIFY2(!view.report(), "the run ended instead of waiting");
            QVERIFY2(view.logPane()->toPlainText().contains(expected), qPrintable(view.logPane()->toPlainText()));
            QVERIFY(q.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(key)));
            QTRY_VERIFY_WITH_TIMEOUT(view.report(), kWait);
            QVERIFY2(view.report()->ok, qPrintable(view.report()->error.toString()));
            QVERIFY2(view.statusLabel()->text().startsWith(QStringLiteral("Done")), qPrintable(view.statusLabel()->text()));
            holder.close();
        }
        QSqlDatabase::removeDatabase(holderName);
        QVERIFY(cluster.dropDatabase(db));
    }

    void failureShowsHint()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        const QString ini =
            testsupport::writeSmallProject(tmp.path(), {QStringLiteral("op.execute(\"SELECT pg_sleep('a', 'b')\")")});
        QVERIFY(!ini.isEmpty());
        const QString db = cluster.createDatabase(QStringLiteral("runhint"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        ApplyPlan plan;
        RunRequest request;
        QString error;
        QVERIFY2(planFor(ini, cluster.url(db), plan, request, error), qPrintable(error));
        RunView view(plan);
        view.show();
        QVERIFY(view.start(request));
        QTRY_VERIFY_WITH_TIMEOUT(view.report(), kWait);
        QVERIFY(!view.report()->ok);
        const QString shown = view.errorLabel()->text();
        QVERIFY2(shown.contains(QStringLiteral("function pg_sleep(unknown, unknown) does not exist")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("42883")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("HINT: No function matches the given name and argument types.")),
                 qPrintable(shown));
        QVERIFY(cluster.dropDatabase(db));
    }
};

QTEST_MAIN(TestRunWait)
#include "tst_runwait.moc"
