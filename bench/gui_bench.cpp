// The GUI budgets of issues 5 and 10 for a large project, offscreen:
//   retort_gui_bench PROJECT [--runs N] [--loading | --session]
// PROJECT is an alembic.ini or its folder, e.g. one made with
//   python3 bench/generate_project.py /tmp/p10k --revisions 10000
//       --branch-every 20 --merge-every 25 --labels 10 --depends-on 40
// Prints medians over N runs (default 5): the load on the worker (and its
// steps), the lane layout alone, open-to-first-painted-graph, one repaint per
// scroll step, and the process's resident memory. Then, or alone with
// --loading, the window's responsiveness while it loads: the longest gap
// between ticks of a 10 ms timer on the GUI thread from open() until the
// graph is painted and the needs-Python scan has answered, for an open and
// for N reloads. With --session, what one user's window costs in memory: one
// window, the steps of a working session, the process's peak and resident
// memory after each (nothing else ran in the process before).

#include "benchargs.h"
#include "graph/dbstate.h"
#include "graph/lanelayout.h"
#include "graph/revisionwalker.h"
#include "detailpane.h"
#include "historymodel.h"
#include "historyview.h"
#include "mainwindow.h"
#include "searchbar.h"
#include "projectloader.h"
#include "projectsession.h"
#include "sqlsession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

#include <fcntl.h>
#include <malloc.h>
#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <functional>
#include <cstdio>
#include <vector>

using namespace retort;
using retort::bench::median;
using namespace retort::gui;

namespace {

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// CPU time of the calling thread, in ms: what a frame costs regardless of
// how many other processes share the cores.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// VmRSS / VmHWM from /proc/self/status, in MB.
double procStatusMb(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(int(qstrlen(key))).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// The longest the GUI thread went without running its event loop: a timer
// asks for a tick every 10 ms, and any gap between two ticks beyond that was
// a frame the user waited for (a click, a repaint, the Cancel button).
// Times every event the GUI thread handles at the top level (a queued slot
// call, a paint, a timer): which ones are long, and what they cost in CPU.
class TimingApplication : public QApplication {
public:
    using QApplication::QApplication;

    struct Slow {
        double wallMs = 0;
        double cpuMs = 0;
        QString what;
    };

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth > 0 || !m_recording || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        // Named first: the event may delete its receiver (DeferredDelete).
        const QString what = QStringLiteral("%1 to %2 %3")
                                 .arg(int(event->type()))
                                 .arg(QString::fromLatin1(receiver->metaObject()->className()), receiver->objectName());
        ++m_depth;
        QElapsedTimer wall;
        wall.start();
        const double cpu = threadCpuMs();
        const bool result = QApplication::notify(receiver, event);
        const double cpuMs = threadCpuMs() - cpu;
        const double wallMs = msSince(wall);
        --m_depth;
        if (m_slowest.size() < 5 || cpuMs > m_slowest.back().cpuMs) {
            m_slowest.push_back({wallMs, cpuMs, what});
            std::sort(m_slowest.begin(), m_slowest.end(), [](const Slow &a, const Slow &b) { return a.cpuMs > b.cpuMs; });
            if (m_slowest.size() > 5)
                m_slowest.pop_back();
        }
        return result;
    }

    void record(bool on)
    {
        m_recording = on;
        if (on)
            m_slowest.clear();
    }
    const std::vector<Slow> &slowest() const { return m_slowest; }

private:
    int m_depth = 0;
    bool m_recording = false;
    std::vector<Slow> m_slowest;  // by CPU time, longest first
};

// Calls back on each paint event of the watched widget.
class PaintWatcher : public QObject {
public:
    PaintWatcher(QWidget *watched, std::function<void()> onPaint) : QObject(watched), m_onPaint(std::move(onPaint))
    {
        watched->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            m_onPaint();
        return false;
    }

private:
    std::function<void()> m_onPaint;
};

class StallMeter {
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const double now = msSince(m_clock);
            const double cpu = threadCpuMs();
            if (now - m_last > m_maxGap) {
                m_maxGap = now - m_last;
                m_maxAt = m_last;
            }
            // The same gap in CPU time: what the GUI thread itself did, less
            // the time other processes held the cores.
            m_maxCpu = std::max(m_maxCpu, cpu - m_lastCpu);
            m_last = now;
            m_lastCpu = cpu;
            ++m_ticks;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_lastCpu = threadCpuMs();
        m_maxGap = 0;
        m_maxCpu = 0;
        m_ticks = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double maxGap() const { return m_maxGap; }
    double maxGapStartedAt() const { return m_maxAt; }  // ms after start()
    double maxCpuBetweenTicks() const { return m_maxCpu; }
    double elapsed() const { return msSince(m_clock); }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_last = 0;
    double m_maxGap = 0;
    double m_maxAt = 0;
    double m_lastCpu = 0;
    double m_maxCpu = 0;
    int m_ticks = 0;
};

struct LoadingFigures {
    double longestStall = 0;      // ms between two ticks of the 10 ms timer
    double longestStallAt = 0;    // ms after open
    double mostCpuBetweenTicks = 0;
    double shownAt = 0;           // projectShown, ms after open
    double paintedAt = 0;         // the first paint of the graph ended, ms after open
    double scannedAt = 0;         // the needs-Python scan answered
};

// Opens `project` in `window` while a StallMeter runs, until the graph is
// shown and painted and the needs-Python scan has answered. The same path
// again is a reload: the graph stays up and the old project is replaced.
bool measureLoading(MainWindow &window, const QString &project, LoadingFigures *out)
{
    QSignalSpy shown(&window, &MainWindow::projectShown);
    QSignalSpy scanned(window.sqlSession(), &SqlSession::needsPythonReady);
    StallMeter meter;
    // The first paint of the graph after it was shown ends when the event
    // loop next runs a zero timer.
    QWidget *viewport = window.historyView()->viewport();
    bool painted = false;
    auto *filter = new PaintWatcher(viewport, [&] {
        if (!shown.isEmpty() && !painted) {
            painted = true;
            QTimer::singleShot(0, viewport, [&] { out->paintedAt = meter.elapsed(); });
        }
    });
    auto *app = static_cast<TimingApplication *>(QCoreApplication::instance());
    app->record(true);
    meter.start();
    window.openProject(project);
    if (!shown.wait(600000))
        return false;
    out->shownAt = meter.elapsed();
    if (!QTest::qWaitFor([&] { return out->paintedAt > 0; }, 60000))
        return false;
    if (scanned.isEmpty() && !scanned.wait(600000))
        return false;
    out->scannedAt = meter.elapsed();
    QTest::qWait(100);  // the scan's answer handled, a few more ticks
    meter.stop();
    app->record(false);
    delete filter;
    out->longestStall = meter.maxGap();
    out->longestStallAt = meter.maxGapStartedAt();
    out->mostCpuBetweenTicks = meter.maxCpuBetweenTicks();
    return true;
}

// 6. Responsiveness while loading: in one window, an open and then reloads.
// 6. Searching and selecting, as a user does once the project is shown: a
// search typed a key at a time (each key filters every row on the GUI thread,
// then the list repaints), and revisions picked anywhere in the list (the
// detail pane shows one at once; its SQL comes from a worker thread).
bool reportSearchAndSelect(MainWindow &window)
{
    HistoryModel *model = window.historyModel();
    const LoadedProjectPtr p = model->project();
    HistoryView *view = window.historyView();
    QLineEdit *field = window.searchBar()->field();
    const RevisionGraph &graph = p->graph;
    QString label;
    for (const RevisionNode &n : graph.nodes()) {
        if (!n.declaredLabels.isEmpty()) {
            label = n.declaredLabels.front();
            break;
        }
    }
    const QStringList queries{graph.node(p->rows[p->rows.size() / 2]).id.left(5), label, QStringLiteral("merge"),
                              QStringLiteral("zqxj")};
    std::vector<double> keys, keysCpu;
    QStringList found;
    for (const QString &query : queries) {
        if (query.isEmpty())
            continue;
        for (int i = 1; i <= query.size(); ++i) {
            QElapsedTimer key;
            key.start();
            const double cpu = threadCpuMs();
            field->setText(query.left(i));
            view->viewport()->repaint();
            keysCpu.push_back(threadCpuMs() - cpu);
            keys.push_back(msSince(key));
        }
        found << QStringLiteral("'%1' %2").arg(query).arg(model->matchCount());
        field->clear();
    }
    std::printf("search, per key (filter + repaint) median %.2f ms  p95 %.2f  max %.2f  (CPU median %.2f, max %.2f; "
                "%zu keys; matches: %s)\n",
                median(keys), percentile(keys, 0.95), *std::max_element(keys.begin(), keys.end()), median(keysCpu),
                *std::max_element(keysCpu.begin(), keysCpu.end()), keys.size(), qPrintable(found.join(QStringLiteral(", "))));

    QSignalSpy sqlReady(window.sqlSession(), &SqlSession::revisionReady);
    QRandomGenerator rng(11);
    std::vector<double> shownMs, sqlMs;
    for (int i = 0; i < 30; ++i) {
        const int row = int(rng.bounded(quint32(p->rows.size())));
        const qsizetype before = sqlReady.size();
        QElapsedTimer t;
        t.start();
        view->selectRow(row);
        window.detailPane()->repaint();
        shownMs.push_back(msSince(t));
        if (sqlReady.size() == before && !sqlReady.wait(30000)) {
            std::fprintf(stderr, "no SQL arrived for row %d\n", row);
            return false;
        }
        sqlMs.push_back(msSince(t));
    }
    std::printf("select a revision: shown median %.2f ms  max %.2f; its SQL median %.1f ms  max %.1f  (%zu picks)\n",
                median(shownMs), *std::max_element(shownMs.begin(), shownMs.end()), median(sqlMs),
                *std::max_element(sqlMs.begin(), sqlMs.end()), shownMs.size());
    return true;
}

bool reportLoading(const QString &project, int runs)
{
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QCoreApplication::processEvents();
    std::vector<double> stalls, cpu, painted, reloadStalls, reloadCpu;
    for (int r = 0; r < runs + 1; ++r) {
        LoadingFigures f;
        if (!measureLoading(window, project, &f))
            return false;
        std::printf("%-8s longest GUI-thread stall %6.1f ms at %6.0f ms (most GUI-thread CPU between ticks %5.1f ms); "
                    "shown at %.0f ms, painted at %.0f ms, scan answered at %.0f ms\n",
                    r == 0 ? "open" : "reload", f.longestStall, f.longestStallAt, f.mostCpuBetweenTicks, f.shownAt,
                    f.paintedAt, f.scannedAt);
        std::printf("         the GUI thread's longest events (CPU / wall ms, event type, receiver):");
        for (const TimingApplication::Slow &slow : static_cast<TimingApplication *>(QCoreApplication::instance())->slowest())
            std::printf(" %.1f/%.1f %s;", slow.cpuMs, slow.wallMs, qPrintable(slow.what));
        std::printf("\n");
        (r == 0 ? stalls : reloadStalls).push_back(f.longestStall);
        (r == 0 ? cpu : reloadCpu).push_back(f.mostCpuBetweenTicks);
        if (r == 0)
            painted.push_back(f.paintedAt);
    }
    std::printf("while loading: longest GUI-thread stall, open %.1f ms, reload median %.1f ms max %.1f ms "
                "(budget 50 ms); open to first painted graph %.0f ms\n",
                stalls.front(), median(reloadStalls), *std::max_element(reloadStalls.begin(), reloadStalls.end()),
                painted.front());
    return true;
}

// The session's memory after each step: the kernel's peak (VmHWM) and
// resident (VmRSS) figures, and what malloc hands out at that moment.
void printMemory(const char *step)
{
    const struct mallinfo2 m = mallinfo2();
    std::printf("session %-34s VmHWM %6.1f MB  VmRSS %6.1f MB  malloc in use %6.1f MB\n", step,
                procStatusMb("VmHWM:"), procStatusMb("VmRSS:"), double(m.uordblks + m.hblkhd) / 1048576.0);
    std::fflush(stdout);
}

// Waits until the window shows a project again and the background scan of
// that project has answered.
bool waitShownAndScanned(QSignalSpy &shown, QSignalSpy &scanned)
{
    return (!shown.isEmpty() || shown.wait(600000)) && (!scanned.isEmpty() || scanned.wait(600000));
}

// A file's attributes touched, its times kept to the nanosecond: the
// project's watcher hears a change and reloads, caches keyed on the time
// stay valid (the sweep's projects are shared).
bool touchKeepingTimes(const QString &path)
{
    struct stat st {};
    const QByteArray name = QFile::encodeName(path);
    if (::stat(name.constData(), &st) != 0)
        return false;
    const timespec times[2] = {st.st_atim, st.st_mtim};
    return ::utimensat(AT_FDCWD, name.constData(), times, 0) == 0;
}

bool reportSession(const QString &project)
{
    printMemory("before the window");
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QCoreApplication::processEvents();
    printMemory("window shown, no project");
    QSignalSpy shown(&window, &MainWindow::projectShown);
    QSignalSpy scanned(window.sqlSession(), &SqlSession::needsPythonReady);
    window.openProject(project);
    if (!shown.wait(600000))
        return false;
    HistoryView *view = window.historyView();
    view->viewport()->repaint();
    printMemory("project shown and painted");
    if (!waitShownAndScanned(shown, scanned))
        return false;
    printMemory("needs-Python scan answered");

    QScrollBar *bar = view->verticalScrollBar();
    for (bar->setValue(0);; bar->setValue(bar->value() + bar->pageStep())) {
        view->viewport()->repaint();
        if (bar->value() >= bar->maximum())
            break;
    }
    printMemory("scrolled top to bottom");

    // Only the window holds the project: a reload frees it as a user's would.
    const LoadedProject &p = *window.historyModel()->project();
    const QString iniPath = p.iniPath;
    const int rows = int(p.rows.size());
    const QString query = QStringLiteral("merge ") + p.graph.node(p.rows.front()).id.left(3);
    QLineEdit *field = window.searchBar()->field();
    for (int i = 1; i <= query.size(); ++i) {
        field->setText(query.left(i));
        view->viewport()->repaint();
    }
    field->clear();
    view->viewport()->repaint();
    printMemory("search typed and cleared");

    QSignalSpy sqlReady(window.sqlSession(), &SqlSession::revisionReady);
    for (int i = 1; i <= 10; ++i) {  // spread over the history, never the row shown at open
        sqlReady.clear();
        view->selectRow(int(qint64(rows - 1) * i / 10));
        window.detailPane()->repaint();
        if (sqlReady.isEmpty() && !sqlReady.wait(60000))
            return false;
    }
    printMemory("ten revisions selected");

    shown.clear();
    scanned.clear();
    window.session()->reload();
    if (!waitShownAndScanned(shown, scanned))
        return false;
    QThreadPool::globalInstance()->waitForDone(60000);  // the shown project before it, destroyed there
    printMemory("reloaded (F5)");
    shown.clear();
    scanned.clear();
    if (!touchKeepingTimes(iniPath))
        return false;
    if (!waitShownAndScanned(shown, scanned))
        return false;
    QThreadPool::globalInstance()->waitForDone(60000);
    printMemory("reloaded (a touched file)");
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    TimingApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("RetortBench"));
    QStringList args = QCoreApplication::arguments().mid(1);
    const int runs = bench::takeRuns(args, 5);
    const bool loadingOnly = args.removeAll(QStringLiteral("--loading")) > 0;
    const bool sessionOnly = args.removeAll(QStringLiteral("--session")) > 0;
    if (args.size() != 1 || (loadingOnly && sessionOnly)) {
        std::fprintf(stderr, "usage: retort_gui_bench PROJECT [--runs N] [--loading | --session]\n");
        return 2;
    }
    const QString project = args.front();
    std::printf("retort_gui_bench %s, %d runs, offscreen\n", qPrintable(project), runs);
    // Wall-clock figures: a busy machine inflates them, so say how busy it is.
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    if (loadavg.open(QIODevice::ReadOnly))
        std::printf("load average: %s (%d cores)\n", loadavg.readLine().trimmed().constData(), QThread::idealThreadCount());
    if (sessionOnly)
        return reportSession(project) ? 0 : 1;
    const double rssStart = procStatusMb("VmRSS:");
    if (loadingOnly)
        return reportLoading(project, runs) ? 0 : 1;

    // 1. The worker's load, synchronously, step by step.
    std::vector<double> total, config, scripts, graph, order, messages, layoutInLoad;
    LoadedProjectPtr loaded;
    for (int r = 0; r < runs; ++r) {
        Result<LoadedProjectPtr> result = ProjectLoader::loadProject(project);
        if (!result) {
            std::fprintf(stderr, "cannot load: %s\n", qPrintable(result.error().toString()));
            return 1;
        }
        loaded = result.value();
        const auto &t = loaded->timings;
        total.push_back(double(t.totalMs));
        config.push_back(double(t.configMs));
        scripts.push_back(double(t.scriptsMs));
        graph.push_back(double(t.graphMs));
        order.push_back(double(t.orderMs));
        messages.push_back(double(t.messagesMs));
        layoutInLoad.push_back(double(t.layoutMs));
    }
    std::printf("revisions %d, rows %d, lanes %d, edges %zu\n", loaded->graph.size(), int(loaded->rows.size()),
                loaded->layout.maxWidth(), loaded->layout.edges().size());
    std::printf("load (worker thread)       median %7.1f ms  [ini %.0f, files %.0f, graph %.0f, history order %.0f, "
                "messages %.0f, lanes %.0f]\n",
                median(total), median(config), median(scripts), median(graph), median(order), median(messages),
                median(layoutInLoad));

    // 2. The lane layout alone.
    std::vector<double> lanes, lanesCpu;
    for (int r = 0; r < std::max(runs, 20); ++r) {
        QElapsedTimer t;
        t.start();
        const double cpu = threadCpuMs();
        const LaneLayout layout = LaneLayout::compute(loaded->graph, loaded->rows);
        lanesCpu.push_back(threadCpuMs() - cpu);
        lanes.push_back(msSince(t));
        if (layout.rowCount() != loaded->rows.size())
            return 1;
    }
    // alembic's history order alone (the largest step of the load above).
    std::vector<double> history, historyCpu;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        const double cpu = threadCpuMs();
        const Result<QVector<int>> order = RevisionWalker(loaded->graph).history(QString(), QString());
        historyCpu.push_back(threadCpuMs() - cpu);
        history.push_back(msSince(t));
        if (!order)
            return 1;
    }
    std::printf("history order alone        median %7.1f ms  (CPU time median %.1f ms)\n", median(history),
                median(historyCpu));
    std::printf("lane layout                median %7.2f ms  (max %.2f; CPU time median %.2f ms)\n", median(lanes),
                *std::max_element(lanes.begin(), lanes.end()), median(lanesCpu));
    loaded.reset();

    // 3. Open to first painted graph, and 4. repaint per scroll step, in a
    // fresh window each run.
    std::vector<double> open, firstPaint, scroll, jump, scrollCpu;
    double rssAfterFirst = 0;
    for (int r = 0; r < runs; ++r) {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QCoreApplication::processEvents();
        QSignalSpy shown(&window, &MainWindow::projectShown);
        QElapsedTimer t;
        t.start();
        window.openProject(project);
        if (!shown.wait(60000)) {
            std::fprintf(stderr, "the project was not shown\n");
            return 1;
        }
        const double atShown = msSince(t);
        HistoryView *view = window.historyView();
        QElapsedTimer paint;
        paint.start();
        view->viewport()->repaint();  // synchronous: returns once the rows are painted
        firstPaint.push_back(msSince(paint));
        open.push_back(msSince(t));
        (void)atShown;
        if (r == 0)
            rssAfterFirst = procStatusMb("VmRSS:");

        // Scrolling: three rows per wheel step, each step one repaint.
        QScrollBar *bar = view->verticalScrollBar();
        const int step = view->sizeHintForRow(0) * 3;
        for (int i = 0; i < 300; ++i) {
            bar->setValue(bar->value() + step);
            QElapsedTimer frame;
            frame.start();
            const double cpu = threadCpuMs();
            view->viewport()->repaint();
            scrollCpu.push_back(threadCpuMs() - cpu);
            scroll.push_back(msSince(frame));
        }
        // Jumps anywhere (dragging the scroll bar thumb).
        QRandomGenerator rng(7);
        for (int i = 0; i < 100; ++i) {
            bar->setValue(int(rng.bounded(bar->maximum() + 1)));
            QElapsedTimer frame;
            frame.start();
            view->viewport()->repaint();
            jump.push_back(msSince(frame));
        }
    }
    std::printf("open -> first painted graph median %6.1f ms  (first run %.1f; paint alone median %.2f ms)\n",
                median(open), open.front(), median(firstPaint));
    std::printf("repaint per scroll step    median %7.2f ms  p95 %.2f  max %.2f  (%zu frames)\n", median(scroll),
                percentile(scroll, 0.95), *std::max_element(scroll.begin(), scroll.end()), scroll.size());
    std::printf("  same frames, CPU time    median %7.2f ms  p95 %.2f  max %.2f\n", median(scrollCpu),
                percentile(scrollCpu, 0.95), *std::max_element(scrollCpu.begin(), scrollCpu.end()));
    std::printf("repaint after a jump       median %7.2f ms  p95 %.2f  max %.2f  (%zu frames)\n", median(jump),
                percentile(jump, 0.95), *std::max_element(jump.begin(), jump.end()), jump.size());

    // 5. Databases on the graph and the background needs-Python scan: a
    // database placed halfway down (its state computed once, as a read does),
    // scrolling with node states and markers, and the scan's time and memory.
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QSignalSpy shown(&window, &MainWindow::projectShown);
        QSignalSpy scanned(window.sqlSession(), &SqlSession::needsPythonReady);
        QElapsedTimer t;
        t.start();
        window.openProject(project);
        if (!shown.wait(60000))
            return 1;
        HistoryModel *model = window.historyModel();
        const LoadedProjectPtr p = model->project();
        const QString middle = p->graph.node(p->rows[p->rows.size() / 2]).id;
        QElapsedTimer c;
        c.start();
        DatabaseGraphState state = DatabaseGraphState::compute(p->graph, {middle});
        const double computeMs = msSince(c);
        model->setDatabases({{QStringLiteral("local"), QColor(0x2da44e), state, {}},
                             {QStringLiteral("staging"), QColor(0xd4a72c), DatabaseGraphState::compute(p->graph, {p->graph.node(p->rows.front()).id}), {}}});
        HistoryView *view = window.historyView();
        QScrollBar *bar = view->verticalScrollBar();
        const int step = view->sizeHintForRow(0) * 3;
        std::vector<double> frames;
        for (int i = 0; i < 300; ++i) {
            bar->setValue(bar->value() + step);
            QElapsedTimer frame;
            frame.start();
            view->viewport()->repaint();
            frames.push_back(msSince(frame));
        }
        std::printf("database state (%d applied) computed in %.1f ms; repaint with states median %.2f ms  p95 %.2f  max %.2f\n",
                    state.appliedCount, computeMs, median(frames), percentile(frames, 0.95),
                    *std::max_element(frames.begin(), frames.end()));
        if (scanned.isEmpty() && !scanned.wait(600000))
            return 1;
        std::printf("needs-Python scan (background, low priority): %.0f ms after open, %d revisions need Python\n",
                    msSince(t), model->needsPythonCount());
        if (!reportSearchAndSelect(window))
            return 1;
    }
    if (!reportLoading(project, 2))
        return 1;
    std::printf("memory: RSS at start %.0f MB, after the first open %.0f MB, now %.0f MB, peak %.0f MB\n", rssStart,
                rssAfterFirst, procStatusMb("VmRSS:"), procStatusMb("VmHWM:"));
    std::printf("budgets: open <= 500 ms, frame <= 16 ms, memory <= 200 MB\n");
    return 0;
}
