// The GUI budgets of issue 5 for a large project, offscreen:
//   retort_gui_bench PROJECT [--runs N]
// PROJECT is an alembic.ini or its folder, e.g. one made with
//   python3 bench/generate_project.py /tmp/p10k --revisions 10000
//       --branch-every 20 --merge-every 25 --labels 10 --depends-on 40
// Prints medians over N runs (default 5): the load on the worker (and its
// steps), the lane layout alone, open-to-first-painted-graph, one repaint per
// scroll step, and the process's resident memory.

#include "benchargs.h"
#include "graph/dbstate.h"
#include "graph/lanelayout.h"
#include "graph/revisionwalker.h"
#include "historymodel.h"
#include "historyview.h"
#include "mainwindow.h"
#include "projectloader.h"
#include "sqlsession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <ctime>
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

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("RetortBench"));
    QStringList args = QCoreApplication::arguments().mid(1);
    const int runs = bench::takeRuns(args, 5);
    if (args.size() != 1) {
        std::fprintf(stderr, "usage: retort_gui_bench PROJECT [--runs N]\n");
        return 2;
    }
    const QString project = args.front();
    std::printf("retort_gui_bench %s, %d runs, offscreen\n", qPrintable(project), runs);
    // Wall-clock figures: a busy machine inflates them, so say how busy it is.
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    if (loadavg.open(QIODevice::ReadOnly))
        std::printf("load average: %s (%d cores)\n", loadavg.readLine().trimmed().constData(), QThread::idealThreadCount());
    const double rssStart = procStatusMb("VmRSS:");

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
        model->setDatabases({{QStringLiteral("local"), QColor(0x2da44e), state},
                             {QStringLiteral("staging"), QColor(0xd4a72c), DatabaseGraphState::compute(p->graph, {p->graph.node(p->rows.front()).id})}});
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
    }
    std::printf("memory: RSS at start %.0f MB, after the first open %.0f MB, now %.0f MB, peak %.0f MB\n", rssStart,
                rssAfterFirst, procStatusMb("VmRSS:"), procStatusMb("VmHWM:"));
    std::printf("budgets: open <= 500 ms, frame <= 16 ms, memory <= 200 MB\n");
    return 0;
}
