// The window on label-heavy histories (bench/shapes.py), where a revision
// carries every label of its line: every key typed in the search costs one
// pass over the rows at most (not rows x labels, which froze the window at
// 100,000 revisions) and finds exactly the rows the search's rule names.

#include "historymodel.h"
#include "processrunner.h"
#include "projectloader.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::gui;
using retort::testsupport::ProcessResult;
using retort::testsupport::runProcess;

namespace {

constexpr int kRevisions = 3000;

// The search's rule, said plainly: an id prefix, or part of a label the
// revision carries or of its message, case-insensitive.
QStringList expectedIds(const LoadedProject &p, const QString &text)
{
    QStringList ids;
    for (int node : p.rows) {
        const RevisionNode &n = p.graph.node(node);
        bool hit = n.id.startsWith(text, Qt::CaseInsensitive)
                   || p.messages.value(node).contains(text, Qt::CaseInsensitive);
        for (const QString &label : n.branchLabels)
            hit = hit || label.contains(text, Qt::CaseInsensitive);
        if (hit)
            ids << n.id;
    }
    return ids;
}

QStringList matchedIds(const HistoryModel &model)
{
    QStringList ids;
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r).data(HistoryModel::SearchMatchRole).toBool())
            ids << model.index(r).data(HistoryModel::RevisionIdRole).toString();
    }
    return ids;
}

} // namespace

class TestLongHistory : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void typingCostsAPassOverTheRowsPerKey_data();
    void typingCostsAPassOverTheRowsPerKey();

private:
    QTemporaryDir m_dir;
    QHash<QString, LoadedProjectPtr> m_projects;
};

void TestLongHistory::initTestCase()
{
    qputenv("RETORT_CACHE_DIR", "off");
    QVERIFY(m_dir.isValid());
    for (const QString &shape : {QStringLiteral("linear-labels"), QStringLiteral("wide-merges")}) {
        const QString out = m_dir.filePath(shape);
        const ProcessResult r = runProcess(QStringLiteral("python3"),
                                           {QStringLiteral(RETORT_SOURCE_DIR "/bench/shapes.py"), out,
                                            QStringLiteral("--shape"), shape, QStringLiteral("--revisions"),
                                            QString::number(kRevisions)},
                                           QString());
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        Result<LoadedProjectPtr> loaded = ProjectLoader::loadProject(out + QStringLiteral("/alembic.ini"));
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().toString()));
        m_projects.insert(shape, loaded.value());
    }
}

void TestLongHistory::typingCostsAPassOverTheRowsPerKey_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("labelsMatch");

    // A label typed out: at first every label matches, then one.
    QTest::newRow("linear-labels, a label") << "linear-labels" << "feature_0012" << true;
    QTest::newRow("linear-labels, upper case") << "linear-labels" << "FEATURE_0031" << true;
    QTest::newRow("linear-labels, no label") << "linear-labels" << "qzx" << false;
    QTest::newRow("wide-merges, a label") << "wide-merges" << "wide_0040" << true;
    QTest::newRow("wide-merges, a message") << "wide-merges" << "merge" << false;
}

void TestLongHistory::typingCostsAPassOverTheRowsPerKey()
{
    QFETCH(QString, shape);
    QFETCH(QString, typed);
    QFETCH(bool, labelsMatch);
    const LoadedProjectPtr project = m_projects.value(shape);
    QVERIFY(project);
    HistoryModel model;
    model.setProject(project);
    const qint64 rows = model.rowCount();
    QCOMPARE(rows, qint64(project->graph.size()));

    bool sawLabelHit = false;
    for (int i = 1; i <= typed.size(); ++i) {
        const QString text = typed.left(i);
        model.setSearchText(text);
        const QStringList expected = expectedIds(*project, text);
        QCOMPARE(matchedIds(model), expected);
        QCOMPARE(model.matchCount(), expected.size());
        // A revision carries every label of its line (hundreds here): testing
        // each row's labels afresh is rows x labels per key.
        QVERIFY2(model.searchWork() <= 3 * rows,
                 qPrintable(QStringLiteral("'%1': %2 strings compared for %3 rows").arg(text).arg(model.searchWork()).arg(rows)));
        for (const QString &id : expected) {
            const RevisionNode &n = project->graph.node(project->graph.indexOf(id));
            for (const QString &label : n.branchLabels)
                sawLabelHit = sawLabelHit || label.contains(text, Qt::CaseInsensitive);
        }
    }
    QCOMPARE(sawLabelHit, labelsMatch);
    // Deleting a key widens the search again.
    model.setSearchText(typed.left(1));
    QCOMPARE(matchedIds(model), expectedIds(*project, typed.left(1)));
    model.setSearchText(QString());
    QCOMPARE(model.matchCount(), 0);
    QVERIFY(model.rowMatches(0));
}

QTEST_MAIN(TestLongHistory)
#include "tst_longhistory.moc"
