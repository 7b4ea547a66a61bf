#include "loadedproject.h"

#include "guithreadwork.h"
#include "pytext.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

namespace retort::gui {

LoadedProject::~LoadedProject()
{
    GuiThreadWork::count(scripts.size());
}

LoadedProjectPtr shareLoadedProject(std::unique_ptr<LoadedProject> project)
{
    return LoadedProjectPtr(project.release(), [](const LoadedProject *p) {
        const QCoreApplication *app = QCoreApplication::instance();
        QThreadPool *pool = app && QThread::currentThread() == app->thread() ? QThreadPool::globalInstance() : nullptr;
        if (pool)
            pool->start([p] { delete p; });
        else
            delete p;  // already off the GUI thread, or the application is closing
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
