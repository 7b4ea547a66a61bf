// A revision whose downgrade() raises on purpose (`raise NotImplementedError(
// "...")`), in the window, offscreen: its graph row carries an "irreversible"
// mark with the message in the tooltip, its Downgrade SQL tab shows what runs
// before the raise and a plain note (not a failure), the range preview of a
// rollback through it says so, and "Downgrade to Here" past it is refused in
// the confirmation, with the database untouched (the private cluster).

#include "applyharness.h"
#include "codeeditor.h"
#include "confirmdialog.h"
#include "detailpane.h"
#include "elidedlabel.h"
#include "historymodel.h"
#include "mainwindow.h"
#include "projectloader.h"
#include "sqlpane.h"
#include "sqlworker.h"

#include "processrunner.h"
#include "smallproject.h"
#include "testcluster.h"

#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::gui;
using namespace retort::testsupport;
using namespace retort::testui;

namespace {

const QString kMessage = QStringLiteral("the old data is gone");

// s1 makes t, s2 adds t.b and cannot be undone (after one statement), s3 adds t.c.
QString writeProject(const QString &dir)
{
    return writeSmallProject(
        dir,
        {QStringLiteral("op.create_table('t', sa.Column('id', sa.Integer, primary_key=True))"),
         QStringLiteral("op.add_column('t', sa.Column('b', sa.Integer))"),
         QStringLiteral("op.add_column('t', sa.Column('c', sa.Integer))")},
        false,
        {QStringLiteral("op.drop_table('t')"),
         QStringLiteral("op.execute('UPDATE t SET b = NULL')\nraise NotImplementedError('%1')").arg(kMessage),
         QStringLiteral("op.drop_column('t', 'c')")});
}

// The line of the raise in s2.py.
int raiseLine(const QString &dir)
{
    QFile f(dir + QStringLiteral("/migrations/versions/s2.py"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (int i = 0; i < lines.size(); ++i)
        if (lines[i].contains("raise NotImplementedError"))
            return i + 1;
    return 0;
}

bool rendered(SqlPane *pane)
{
    const QString engine = pane->engineLabel()->text();
    return !engine.isEmpty() && engine != QStringLiteral("Rendering…");
}

} // namespace

class TestIrreversibleUi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { useEmptyTestSettings(QStringLiteral("tst_irreversibleui")); }

    void rowMarkAndDowngradeTab()
    {
        QTemporaryDir tmp;
        const QString ini = writeProject(tmp.path());
        QVERIFY(!ini.isEmpty());
        const int line = raiseLine(tmp.path());
        QVERIFY(line > 0);
        const QString note = QStringLiteral("Irreversible: %1 (s2.py:%2)").arg(kMessage).arg(line);

        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QSignalSpy shown(&window, &MainWindow::projectShown);
        window.openProject(ini);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), kWait);
        const HistoryModel &model = *window.historyModel();
        auto rowOf = [&](const char *id) {
            return model.index(model.rowOfNode(model.project()->graph.indexOf(QLatin1String(id))));
        };
        QTRY_COMPARE_WITH_TIMEOUT(rowOf("s2").data(HistoryModel::IrreversibleRole).toString(), note, kWait);
        QVERIFY2(rowOf("s2").data(Qt::ToolTipRole).toString().contains(kMessage),
                 qPrintable(rowOf("s2").data(Qt::ToolTipRole).toString()));
        QCOMPARE(rowOf("s1").data(HistoryModel::IrreversibleRole).toString(), QString());
        QCOMPARE(rowOf("s3").data(HistoryModel::IrreversibleRole).toString(), QString());

        QVERIFY(window.selectRevision(QStringLiteral("s2")));
        SqlPane *pane = window.detailPane()->downgradePane();
        QTRY_VERIFY_WITH_TIMEOUT(rendered(pane), kWait);
        // rendered, not failed: the SQL before the raise and the note
        QVERIFY2(pane->script().ok, qPrintable(pane->script().engine + QLatin1Char('\n') + pane->script().problem));
        QCOMPARE(pane->engineLabel()->text(), QStringLiteral("Rendered by: native"));
        QCOMPARE(pane->script().text, QStringLiteral("UPDATE t SET b = NULL;\n\n"));
        QVERIFY(pane->irreversibleLabel()->isVisibleTo(pane));
        QCOMPARE(pane->irreversibleLabel()->text(), note);
        QVERIFY2(pane->editor()->text().contains(QStringLiteral("-- ") + note), qPrintable(pane->editor()->text()));
        // the upgrade tab has no such note
        QVERIFY(!window.detailPane()->upgradePane()->irreversibleLabel()->isVisibleTo(window.detailPane()->upgradePane()));
    }

    // The range preview of a rollback through s2: the statements up to the
    // raise (no version row, no COMMIT), and the note.
    void rangePreviewStopsAtTheRaise()
    {
        QTemporaryDir tmp;
        const QString ini = writeProject(tmp.path());
        QVERIFY(!ini.isEmpty());
        auto loaded = ProjectLoader::loadProject(ini);
        QVERIFY2(loaded, qPrintable(loaded.error().toString()));
        std::unique_ptr<PlanRenderer> renderer = SqlWorker::planRendererFor(*loaded.value());
        const SqlScript script = SqlWorker::rangeScript(*renderer, loaded.value(), {QStringLiteral("s3")}, true,
                                                        QStringLiteral("s1"), true);
        QVERIFY2(script.ok, qPrintable(script.problem));
        QVERIFY2(script.irreversible.startsWith(QStringLiteral("Irreversible: %1 (s2.py:").arg(kMessage)),
                 qPrintable(script.irreversible));
        QVERIFY2(script.text.endsWith(QStringLiteral("UPDATE t SET b = NULL;\n\n")), qPrintable(script.text));
        QVERIFY2(script.text.contains(QStringLiteral("ALTER TABLE t DROP COLUMN c")), qPrintable(script.text));
        QCOMPARE(script.text.count(QStringLiteral("UPDATE alembic_version")), 1);  // s3's, not s2's
    }

    void rollbackIsRefusedInTheConfirmation()
    {
        TestCluster cluster;
        RETORT_REQUIRE_CLUSTER(cluster);
        QTemporaryDir tmp;
        const QString ini = writeProject(tmp.path());
        QVERIFY(!ini.isEmpty());
        const QString db = cluster.createDatabase(QStringLiteral("irrevui"));
        QVERIFY2(!db.isEmpty(), qPrintable(cluster.lastError()));
        Harness h;
        ConfirmDialog *up = confirmUpgradeToHead(h, ini, cluster.url(db));
        QVERIFY(up);
        const RunReport *report = runConfirmed(h, up);
        QVERIFY(report && report->ok);
        QCOMPARE(cluster.versionRows(db), QStringList{QStringLiteral("s3")});
        const QString before = cluster.schemaDump(db);
        h.readDatabase();

        Operation down;
        down.kind = Operation::Kind::Downgrade;
        down.targets = {QStringLiteral("s1")};
        ConfirmDialog *dialog = confirmFor(h, down);
        QVERIFY(dialog);
        auto *refusal = dialog->findChild<QLabel *>(QStringLiteral("irreversibleRefusal"));
        QVERIFY(refusal);
        QVERIFY2(refusal->text().contains(QLatin1String("revision s2 is irreversible")), qPrintable(refusal->text()));
        QVERIFY2(refusal->text().contains(QStringLiteral("NotImplementedError: ") + kMessage), qPrintable(refusal->text()));
        QVERIFY2(refusal->text().contains(QRegularExpression(QStringLiteral("s2\\.py:\\d+"))), qPrintable(refusal->text()));
        tickAll(dialog);
        QVERIFY(!dialog->isComplete());
        QVERIFY(!dialog->runButton()->isEnabled());
        dialog->close();
        QCOMPARE(cluster.versionRows(db), QStringList{QStringLiteral("s3")});
        QCOMPARE(cluster.schemaDump(db), before);

        // Downgrading short of s2 is no rollback through it: allowed.
        down.targets = {QStringLiteral("s2")};
        ConfirmDialog *shortOf = confirmFor(h, down);
        QVERIFY(shortOf);
        QVERIFY(!shortOf->findChild<QLabel *>(QStringLiteral("irreversibleRefusal")));
        const RunReport *ran = runConfirmed(h, shortOf);
        QVERIFY(ran && ran->ok);
        QCOMPARE(cluster.versionRows(db), QStringList{QStringLiteral("s2")});
        QVERIFY(cluster.dropDatabase(db));
    }
};

QTEST_MAIN(TestIrreversibleUi)
#include "tst_irreversibleui.moc"
