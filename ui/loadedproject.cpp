#include "loadedproject.h"

#include "guithreadwork.h"
#include "pytext.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace retort::gui {

LoadedProject::~LoadedProject()
{
    GuiThreadWork::count(scripts.size());
}

namespace {

void destroy(const LoadedProject *project)
{
    delete project;
#ifdef __GLIBC__
    // A project's memory came from its loader thread's arena, and glibc
    // keeps what is freed there mapped for that arena's next use: without
    // this, every reload would leave the process a whole project bigger
    // than what it holds (tens of MB at 10,000 revisions).
    if (QCoreApplication::instance())
        malloc_trim(0);
#endif
}

} // namespace

LoadedProjectPtr shareLoadedProject(std::unique_ptr<LoadedProject> project)
{
    return LoadedProjectPtr(project.release(), [](const LoadedProject *p) {
        const QCoreApplication *app = QCoreApplication::instance();
        QThreadPool *pool = app && QThread::currentThread() == app->thread() ? QThreadPool::globalInstance() : nullptr;
        if (pool)
            pool->start([p] { destroy(p); });
        else
            destroy(p);  // already off the GUI thread, or the application is closing
    });
}

QString revisionMessage(const RevisionScript &script)
{
    if (!script.hasDocstring)
        return {};
    const QString text = pyStrip(script.docstring);
    const int cut = text.indexOf(QStringLiteral("\n\n"));
    return cut < 0 ? text : text.left(cut);
}

} // namespace retort::gui
