#pragma once

#include "error.h"
#include "graph/lanelayout.h"
#include "graph/revisiongraph.h"
#include "project/projectconfig.h"
#include "project/revisionscript.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

namespace retort::gui {

struct SearchIndex;

// Everything the window shows about one opened project, built off the GUI
// thread and never changed afterwards (shared read-only by the views).
struct LoadedProject {
    QString iniPath;  // absolute
    ProjectConfig config;
    QVector<RevisionScript> scripts;
    RevisionGraph graph;
    QVector<int> rows;       // graph indices, newest first (alembic's history order)
    LaneLayout layout;       // computed for `rows`
    QStringList messages;    // per graph index: the first paragraph of the docstring
    // The search's folded text of ids, messages and labels (the scan adds
    // touched names to a copy of its own).
    std::shared_ptr<const SearchIndex> searchIndex;
    QList<Error> warnings;   // loader and graph warnings, to show, not to fail on
    // What env.py reads from the environment by name: DATABASE_URL is the
    // project's URL only where env.py reads it (alembic itself never does).
    QStringList envVariables;
    QStringList watchPaths;  // what reloads the project when it changes: ProjectWatcher::pathsFor

    struct Timings {
        qint64 configMs = 0;
        qint64 scriptsMs = 0;
        qint64 graphMs = 0;
        qint64 orderMs = 0;     // alembic's history order
        qint64 messagesMs = 0;  // and the search index
        qint64 layoutMs = 0;
        qint64 totalMs = 0;
    } timings;

    LoadedProject() = default;
    LoadedProject(const LoadedProject &) = default;
    LoadedProject(LoadedProject &&) = default;
    LoadedProject &operator=(const LoadedProject &) = default;
    LoadedProject &operator=(LoadedProject &&) = default;
    ~LoadedProject();  // counted as GUI-thread work when it runs there

    const RevisionScript &script(int node) const { return scripts[graph.node(node).script]; }
};

using LoadedProjectPtr = std::shared_ptr<const LoadedProject>;

// Shares a loaded project. Destroying one is a pass over every revision (a
// frame's time at 100,000): when its last owner lets it go on the GUI thread,
// a pooled thread destroys it.
LoadedProjectPtr shareLoadedProject(std::unique_ptr<LoadedProject> project);

// alembic's Script.doc: the first paragraph of the stripped module docstring.
QString revisionMessage(const RevisionScript &script);

} // namespace retort::gui

Q_DECLARE_METATYPE(retort::gui::LoadedProjectPtr)
Q_DECLARE_METATYPE(retort::Error)
