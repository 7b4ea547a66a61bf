// The detail pane's SQL tabs against the real alembic: selecting a revision of
// migrations/analytics shows, for each step Retort renders natively, exactly
// the body alembic 1.8.1 prints for that step with --sql; the others say they
// need Python, with file and line. Destructive statements are counted and
// marked in the editor. Offscreen; waits are on conditions, never on sleeps.

#include "codeeditor.h"
#include "detailpane.h"
#include "elidedlabel.h"
#include "historymodel.h"
#include "historyview.h"
#include "mainwindow.h"
#include "sqlpane.h"

#include "processrunner.h"

#include <QClipboard>
#include <QLabel>
#include <QRegularExpression>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QtTest>

using namespace retort;
using namespace retort::gui;
using namespace retort::testsupport;

namespace {

const QString kSource = QStringLiteral(RETORT_SOURCE_DIR);
const QString kAnalyticsDir = kSource + QStringLiteral("/migrations/analytics");
const QString kAnalytics = kAnalyticsDir + QStringLiteral("/alembic.ini");

// Step bodies by revision id from alembic's offline script: the text between
// a step's "-- Running ..." marker and its version-table statement.
QHash<QString, QString> alembicBodies(const QString &script, bool upgrade)
{
    QHash<QString, QString> bodies;
    const QString marker = upgrade ? QStringLiteral("-- Running upgrade ") : QStringLiteral("-- Running downgrade ");
    qsizetype at = script.indexOf(marker);
    while (at >= 0) {
        const qsizetype lineEnd = script.indexOf(QLatin1Char('\n'), at);
        const QString line = script.mid(at, lineEnd - at);
        // upgrade "a, b -> c": the revision is after the arrow; downgrade "c -> a, b": before it.
        const QString id = upgrade ? line.section(QStringLiteral(" -> "), 1).trimmed()
                                   : line.mid(marker.size()).section(QStringLiteral(" -> "), 0, 0).trimmed();
        const qsizetype bodyStart = lineEnd + 2;  // the marker's chunk ends in a blank line
        qsizetype end = script.size();
        for (const char *versionStatement : {"INSERT INTO alembic_version", "UPDATE alembic_version",
                                             "DELETE FROM alembic_version", "-- Running "}) {
            const qsizetype e = script.indexOf(QLatin1String(versionStatement), bodyStart);
            if (e >= 0 && e < end)
                end = e;
        }
        bodies.insert(id, script.mid(bodyStart, end - bodyStart));
        at = script.indexOf(marker, end);
    }
    return bodies;
}

// Statements of an alembic body that begin with DROP (alembic's own text, not Retort's classifier).
int dropStatements(const QString &body)
{
    int n = 0;
    for (const QString &chunk : body.split(QStringLiteral(";\n\n"), Qt::SkipEmptyParts))
        n += chunk.trimmed().startsWith(QLatin1String("DROP "));
    return n;
}

bool openAndWait(MainWindow &window, const QString &path)
{
    QSignalSpy shown(&window, &MainWindow::projectShown);
    window.openProject(path);
    return QTest::qWaitFor([&] { return !shown.isEmpty(); }, 20000);
}

bool rendered(SqlPane *pane)
{
    const QString engine = pane->engineLabel()->text();
    return !engine.isEmpty() && engine != QStringLiteral("Rendering…");
}

} // namespace

class TestSqlPane : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void matchesAlembicBodies();
    void destructiveMarks();
    void findAndCopy();
    void riskMarks();
    void engineLineIsCutWithAnEllipsis();

private:
    QString m_upgradeScript;
    QString m_downgradeScript;
};

void TestSqlPane::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RetortTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_sqlpane"));
    QSettings().clear();
    qunsetenv("DATABASE_URL");
    QVERIFY2(!alembicPython().isEmpty(), "no Python can import alembic (install python3-alembic)");
    const ProcessResult up = runAlembic(kAnalytics, {"upgrade", "base:heads", "--sql"}, kAnalyticsDir);
    QVERIFY2(up.ok(), qPrintable(up.describe()));
    const ProcessResult down = runAlembic(kAnalytics, {"downgrade", "heads:base", "--sql"}, kAnalyticsDir);
    QVERIFY2(down.ok(), qPrintable(down.describe()));
    m_upgradeScript = QString::fromUtf8(up.out);
    m_downgradeScript = QString::fromUtf8(down.out);
}

void TestSqlPane::matchesAlembicBodies()
{
    const QHash<QString, QString> upBodies = alembicBodies(m_upgradeScript, true);
    const QHash<QString, QString> downBodies = alembicBodies(m_downgradeScript, false);
    QVERIFY2(upBodies.size() >= 10, qPrintable(QStringLiteral("%1 upgrade steps in alembic's script").arg(upBodies.size())));
    QCOMPARE(downBodies.size(), upBodies.size());

    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(openAndWait(window, kAnalytics));
    DetailPane *detail = window.detailPane();
    QCOMPARE(detail->tabs()->tabText(DetailPane::UpgradeTab).left(11), QStringLiteral("Upgrade SQL"));
    QCOMPARE(detail->tabs()->tabText(DetailPane::PythonTab), QStringLiteral("Python"));

    int native = 0, bridge = 0, needsPython = 0;
    for (auto it = upBodies.cbegin(); it != upBodies.cend(); ++it) {
        const QString id = it.key();
        QVERIFY2(window.selectRevision(id), qPrintable(id));
        for (const bool upgrade : {true, false}) {
            SqlPane *pane = upgrade ? detail->upgradePane() : detail->downgradePane();
            QTRY_VERIFY_WITH_TIMEOUT(rendered(pane), 20000);
            const QString expected = upgrade ? it.value() : downBodies.value(id);
            const SqlScript &script = pane->script();
            const QString what = QStringLiteral("%1 %2").arg(upgrade ? "upgrade" : "downgrade", id);
            if (script.ok) {
                QVERIFY2(script.text == expected,
                         qPrintable(QStringLiteral("%1:\n--- retort\n%2\n--- alembic\n%3").arg(what, script.text, expected)));
                if (script.engine == QLatin1String("native")) {
                    ++native;
                    QCOMPARE(pane->engineLabel()->text(), QStringLiteral("Rendered by: native"));
                } else {
                    // Through the bridge: the engine line names it and why the native engine refused.
                    ++bridge;
                    QVERIFY2(pane->engineLabel()->text().startsWith(
                                 QLatin1String("Rendered by: alembic (Python); needs Python: ")),
                             qPrintable(pane->engineLabel()->text()));
                    QVERIFY2(script.engine.contains(QRegularExpression(QStringLiteral("\\w+_\\w+\\.py:\\d+: "))),
                             qPrintable(script.engine));
                }
                QCOMPARE(pane->editor()->text(),
                         expected.isEmpty() ? QStringLiteral("-- this step runs no SQL (an empty or `pass` body)\n")
                                            : expected);
            } else {
                ++needsPython;
                // Says why, where: "needs Python: ... (file.py:line)".
                QVERIFY2(script.engine.startsWith(QLatin1String("needs Python: ")), qPrintable(script.engine));
                QVERIFY2(script.engine.contains(QRegularExpression(QStringLiteral("\\(\\w+_.*\\.py:\\d+\\)$"))),
                         qPrintable(script.engine));
                QVERIFY(pane->engineLabel()->text().startsWith(QLatin1String("needs Python")));
            }
        }
    }
    qInfo("%d native and %d bridge step bodies equal to alembic's; %d not rendered", native, bridge, needsPython);
    QCOMPARE(needsPython, 0);  // the bridge renders whatever the native engine refuses
    QVERIFY2(native >= 8, qPrintable(QStringLiteral("only %1 bodies rendered natively").arg(native)));
}

void TestSqlPane::destructiveMarks()
{
    // b6f04d8c3e52's downgrade drops two tables and three indexes.
    const QString id = QStringLiteral("b6f04d8c3e52");
    const QString expected = alembicBodies(m_downgradeScript, false).value(id);
    const int drops = dropStatements(expected);
    QCOMPARE(drops, 5);

    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(openAndWait(window, kAnalytics));
    QVERIFY(window.selectRevision(id));
    SqlPane *pane = window.detailPane()->downgradePane();
    QTRY_VERIFY_WITH_TIMEOUT(rendered(pane), 20000);
    QVERIFY2(pane->script().ok, qPrintable(pane->script().engine));
    QCOMPARE(pane->script().text, expected);
    QCOMPARE(pane->destructiveCount(), drops);
    QCOMPARE(pane->destructiveLabel()->text().contains(QStringLiteral("5 destructive statements")), true);
    QCOMPARE(window.detailPane()->tabs()->tabText(DetailPane::DowngradeTab), QStringLiteral("Downgrade SQL (5 ⚠)"));

    // Every DROP line of alembic's text carries the margin mark and the indicator; no other line does.
    CodeEditor *editor = pane->editor();
    const QStringList lines = expected.split(QLatin1Char('\n'));
    int marked = 0;
    for (int line = 0; line < lines.size(); ++line) {
        const bool drop = lines[line].startsWith(QLatin1String("DROP "));
        const bool marker = editor->markersAtLine(line) & (1 << SqlPane::kDestructiveMarker);
        QVERIFY2(marker == drop, qPrintable(QStringLiteral("line %1: %2").arg(line + 1).arg(lines[line])));
        if (drop) {
            const long pos = editor->positionFromLineIndex(line, 2);
            const long on = editor->SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, SqlPane::kDestructiveIndicator, pos);
            QVERIFY2(on != 0, qPrintable(lines[line]));
            ++marked;
        }
    }
    QCOMPARE(marked, drops);

    // Its upgrade creates only: nothing destructive, the tab says so by saying nothing.
    SqlPane *up = window.detailPane()->upgradePane();
    QTRY_VERIFY_WITH_TIMEOUT(rendered(up), 20000);
    if (up->script().ok) {
        QCOMPARE(up->destructiveCount(), 0);
        QCOMPARE(window.detailPane()->tabs()->tabText(DetailPane::UpgradeTab), QStringLiteral("Upgrade SQL"));
    }
}

// The lock model's marks: an error where a type change rewrites, a warning
// on an index built without CONCURRENTLY, nothing on a plain SELECT; the
// tooltip of a marked line names the lock and the rule.
void TestSqlPane::riskMarks()
{
    SqlScript script;
    script.ok = true;
    script.engine = QStringLiteral("native");
    script.text = QStringLiteral("ALTER TABLE users ALTER COLUMN id TYPE BIGINT;\n\n"
                                 "CREATE INDEX ix_users_email ON users (email);\n\n"
                                 "SELECT 1;\n\n");
    script.risks = risk::scriptRisks(script.text);
    SqlPane pane(QStringLiteral("riskPane"));
    pane.setScript(script, QStringLiteral("x.sql"));
    CodeEditor *editor = pane.editor();
    QVERIFY(editor->markersAtLine(0) & (1 << SqlPane::kRiskErrorMarker));
    QVERIFY(editor->markersAtLine(2) & (1 << SqlPane::kRiskWarningMarker));
    QVERIFY(!(editor->markersAtLine(2) & (1 << SqlPane::kRiskErrorMarker)));
    QCOMPARE(editor->markersAtLine(4), 0u);
    const QString tip = pane.riskTooltipAtLine(0);
    QVERIFY2(tip.startsWith(QLatin1String("AccessExclusiveLock on users; rewrites the table")), qPrintable(tip));
    QVERIFY2(tip.contains(QLatin1String("error [alter-column-type-rewrite]")), qPrintable(tip));
    QVERIFY(pane.riskTooltipAtLine(2).contains(QLatin1String("ShareLock on users")));
    QVERIFY(pane.riskTooltipAtLine(1).isEmpty());
    QVERIFY(!pane.riskLabel()->isHidden());
    QVERIFY2(pane.riskLabel()->text().contains(QLatin1String("1 lock error, 1 lock warning")), qPrintable(pane.riskLabel()->text()));

    // Another script replaces the marks.
    script.text = QStringLiteral("SELECT 1;\n");
    script.risks = risk::scriptRisks(script.text);
    pane.setScript(script, QStringLiteral("x.sql"));
    QCOMPARE(editor->markersAtLine(0), 0u);
    QVERIFY(pane.riskLabel()->isHidden());
}

// A pane narrower than its header line shows it cut with an ellipsis (never
// "Rendered by:" with the value gone), the whole line in its tooltip.
void TestSqlPane::engineLineIsCutWithAnEllipsis()
{
    SqlPane pane(QStringLiteral("narrow"));
    SqlScript script;
    script.ok = false;
    script.engine = QStringLiteral("needs Python: the body calls helpers.make_table(), which Retort does not read");
    script.problem = QStringLiteral("line 12");
    pane.setScript(script, QString());
    pane.resize(260, 200);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    ElidedLabel *line = pane.engineLabel();
    QCOMPARE(line->text(), script.engine);
    QVERIFY2(line->displayedText().endsWith(QStringLiteral("…")), qPrintable(line->displayedText()));
    QVERIFY(line->displayedText().size() < script.engine.size());
    QVERIFY(line->toolTip().contains(script.engine));
    pane.resize(1600, 200);
    QTRY_COMPARE(line->displayedText(), script.engine);
}

void TestSqlPane::findAndCopy()
{
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(openAndWait(window, kAnalytics));
    QVERIFY(window.selectRevision(QStringLiteral("b6f04d8c3e52")));
    SqlPane *pane = window.detailPane()->downgradePane();
    QTRY_VERIFY_WITH_TIMEOUT(rendered(pane), 20000);
    QVERIFY(pane->script().ok);
    QVERIFY(pane->editor()->isReadOnly());

    // Ctrl+F in the SQL opens its own find bar (the graph's search keeps Ctrl+F elsewhere).
    window.detailPane()->tabs()->setCurrentWidget(pane);
    window.activateWindow();
    pane->editor()->setFocus();
    QTRY_VERIFY(pane->editor()->hasFocus());
    auto *field = pane->findChild<QLineEdit *>(QStringLiteral("sqlFindField"));
    QVERIFY(field);
    QVERIFY(!field->isVisible());
    QTest::keyClick(pane->editor(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(field->isVisible());
    QVERIFY(field->hasFocus());
    field->setText(QStringLiteral("drop table"));
    QVERIFY(pane->findNext(true));
    int l1 = 0, i1 = 0, l2 = 0, i2 = 0;
    pane->editor()->getSelection(&l1, &i1, &l2, &i2);
    const QStringList lines = pane->script().text.split(QLatin1Char('\n'));
    int firstDrop = -1, secondDrop = -1;
    for (int i = 0; i < lines.size(); ++i) {
        if (lines[i].startsWith(QLatin1String("DROP TABLE"))) {
            (firstDrop < 0 ? firstDrop : secondDrop) = i;
            if (secondDrop >= 0)
                break;
        }
    }
    QCOMPARE(l1, firstDrop);
    QTest::keyClick(field, Qt::Key_F3);  // the window's Find Next, routed to the focused SQL
    pane->editor()->getSelection(&l1, &i1, &l2, &i2);
    QCOMPARE(l1, secondDrop);
    QVERIFY(pane->findNext(false));
    pane->editor()->getSelection(&l1, &i1, &l2, &i2);
    QCOMPARE(l1, firstDrop);
    field->setText(QStringLiteral("no such text"));
    QVERIFY(!pane->findNext(true));

    pane->copyAll();
    QCOMPARE(QGuiApplication::clipboard()->text(), pane->script().text);
}

QTEST_MAIN(TestSqlPane)
#include "tst_sqlpane.moc"
