// History rows as the window shows them: the date keeps its place on rows
// that carry pills (head, labels, markers), at every width; labels Python
// computes are what alembic reads.

#include "errorpanel.h"
#include "filetree.h"
#include "historydelegate.h"
#include "historymodel.h"
#include "mainwindow.h"

#include <QApplication>
#include <QIdentityProxyModel>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort;
using namespace retort::gui;
using retort::testsupport::copyTree;

namespace {

const QString kAnalytics = QStringLiteral(RETORT_SOURCE_DIR "/migrations/analytics/alembic.ini");

// The history's rows as the delegate sees them, optionally without their
// pills (head, labels, markers, edited, py) or without their date.
class RowVariant : public QIdentityProxyModel {
public:
    bool noPills = false;
    bool noDate = false;
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (noDate && role == HistoryModel::CreateDateRole)
            return QString();
        if (noPills) {
            switch (role) {
            case HistoryModel::FlagsRole:
                return QIdentityProxyModel::data(index, role).toInt() & ~(HistoryModel::Head | HistoryModel::EffectiveHead);
            case HistoryModel::LabelsRole: return QStringList();
            case HistoryModel::DbMarkersRole: return QVariant();
            case HistoryModel::EditedRole: return QString();
            case HistoryModel::NeedsPythonRole: return false;
            default: break;
            }
        }
        return QIdentityProxyModel::data(index, role);
    }
};

QImage paintRow(const QModelIndex &index, int width)
{
    HistoryDelegate delegate;
    const QFontMetrics fm(QApplication::font());
    QImage image(width, HistoryDelegate::rowHeight(fm), QImage::Format_ARGB32);
    image.fill(QApplication::palette().color(QPalette::Base));
    QStyleOptionViewItem option;
    option.rect = image.rect();
    option.palette = QApplication::palette();
    option.font = QApplication::font();
    option.fontMetrics = fm;
    option.state = QStyle::State_Enabled;
    QPainter painter(&image);
    delegate.paint(&painter, option, index);
    return image;
}

// Whether the row's date is painted at its place, the row's right end: the
// row painted without its date differs there.
bool datePainted(HistoryModel *model, const QString &id, int width, bool pills)
{
    RowVariant with, without;
    with.setSourceModel(model);
    without.setSourceModel(model);
    with.noPills = without.noPills = !pills;
    without.noDate = true;
    const int row = model->rowOfRevision(id);
    const QImage a = paintRow(with.index(row, 0), width);
    const QImage b = paintRow(without.index(row, 0), width);
    for (int x = width - 40; x < width - 8; ++x)
        for (int y = 0; y < a.height(); ++y)
            if (a.pixel(x, y) != b.pixel(x, y))
                return true;
    return false;
}

} // namespace

class TestHistoryRows : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void datesStayOnRowsWithPills();
    void headersPythonComputesAreAlembics();
    void aFileThatFailsAtImportFailsTheOpen_data();
    void aFileThatFailsAtImportFailsTheOpen();
};

// The importedheaders fixture copied into dir, `from` replaced by `to` in
// one of its revision files.
static void editedImportedHeaders(const QTemporaryDir &dir, const char *file, const QByteArray &from, const QByteArray &to)
{
    QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/tests/cli/fixtures/importedheaders"), dir.path()));
    QFile f(dir.filePath(QStringLiteral("migrations/versions/") + QLatin1String(file)));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray text = f.readAll();
    f.close();
    QVERIFY(text.contains(from));
    text.replace(from, to);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

// A row's date does not vanish because the row carries pills: at any width
// the head row shows its date exactly when the same row without pills does.
void TestHistoryRows::datesStayOnRowsWithPills()
{
    MainWindow window;
    QSignalSpy shown(&window, &MainWindow::projectShown);
    window.openProject(kAnalytics);
    QVERIFY(QTest::qWaitFor([&] { return !shown.isEmpty(); }, 20000));
    HistoryModel *model = window.historyModel();
    const QString head = QStringLiteral("9b52e1c8f3a6");
    QVERIFY(model->index(model->rowOfRevision(head)).data(HistoryModel::FlagsRole).toInt() & HistoryModel::Head);
    QVERIFY(!model->index(model->rowOfRevision(head)).data(HistoryModel::CreateDateRole).toString().isEmpty());
    for (int width = 360; width <= 1000; width += 20)
        QVERIFY2(datePainted(model, head, width, true) == datePainted(model, head, width, false),
                 qPrintable(QStringLiteral("width %1").arg(width)));
    QVERIFY(datePainted(model, head, 1000, true));
}

// A revision that changes an imported constant before its header reads it:
// the static reader cannot know the value, alembic (through the bridge)
// reads "mine", and the window shows that label and says Python read it.
void TestHistoryRows::headersPythonComputesAreAlembics()
{
    QTemporaryDir dir;
    editedImportedHeaders(dir, "e0e0e0000001_expand_start.py", "branch_labels = (",
                          "cli.EXPAND_BRANCH = \"mine\"\nbranch_labels = (");
    if (QTest::currentTestFailed())
        return;

    MainWindow window;
    QSignalSpy shown(&window, &MainWindow::projectShown);
    window.openProject(dir.filePath(QStringLiteral("alembic.ini")));
    QVERIFY(QTest::qWaitFor([&] { return !shown.isEmpty(); }, 60000));
    HistoryModel *model = window.historyModel();
    const QModelIndex row = model->index(model->rowOfRevision(QStringLiteral("e0e0e0000001")));
    QVERIFY(row.isValid());
    QCOMPARE(row.data(HistoryModel::LabelsRole).toStringList(), QStringList{QStringLiteral("mine")});
    QVERIFY(window.selectRevision(QStringLiteral("e0e0e0000001")));
    auto *kind = window.findChild<QLabel *>(QStringLiteral("revisionKindLabel"));
    QVERIFY(kind);
    QVERIFY2(kind->text().contains(QStringLiteral("headers read by Python")), qPrintable(kind->text()));
    // a revision the static reader read is not marked
    QVERIFY(window.selectRevision(QStringLiteral("a1b2c3d4e5f6")));
    QVERIFY2(!kind->text().contains(QStringLiteral("Python")), qPrintable(kind->text()));
}

// A revision file that raises, or ends Python (sys.exit), as it is imported
// (its headers plain literals): alembic cannot load the project, for any
// command, so the window does not show a graph alembic would not run
// either; it shows why, at the file.
void TestHistoryRows::aFileThatFailsAtImportFailsTheOpen_data()
{
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("raise") << QByteArray("raise RuntimeError(\"not on Tuesdays\")") << QStringLiteral("not on Tuesdays");
    QTest::newRow("sys.exit(0)") << QByteArray("import sys\nsys.exit(0)") << QStringLiteral("ends Python (exit 0)");
}

void TestHistoryRows::aFileThatFailsAtImportFailsTheOpen()
{
    QFETCH(QByteArray, code);
    QFETCH(QString, message);
    QTemporaryDir dir;
    editedImportedHeaders(dir, "e0e0e0000002_add_berths.py", "branch_labels = None", "branch_labels = None\n" + code);
    if (QTest::currentTestFailed())
        return;
    MainWindow window;
    QSignalSpy failed(&window, &MainWindow::projectFailed);
    QSignalSpy shown(&window, &MainWindow::projectShown);
    window.openProject(dir.filePath(QStringLiteral("alembic.ini")));
    QVERIFY(QTest::qWaitFor([&] { return !failed.isEmpty() || !shown.isEmpty(); }, 60000));
    QVERIFY(shown.isEmpty());
    const QString where = window.errorPanel()->messageText() + window.errorPanel()->locationText();
    QVERIFY2(where.contains(message), qPrintable(where));
    QVERIFY2(where.contains(QStringLiteral("e0e0e0000002_add_berths.py")), qPrintable(where));
}

QTEST_MAIN(TestHistoryRows)
#include "tst_historyrows.moc"
