#pragma once

#include "graph/revisiongraph.h"
#include "project/revisionscript.h"

#include <QString>
#include <QVector>

namespace retort::cli {

// alembic's Script text forms (script/base.py), byte for byte.
class RevisionFormat {
public:
    RevisionFormat(const RevisionGraph &graph, const QVector<RevisionScript> &scripts)
        : m_graph(graph), m_scripts(scripts) {}

    struct Options {
        bool includeBranches = false;
        bool includeDoc = false;
        bool includeParents = false;
        bool treeIndicators = true;
        bool current = false;  // the "(current)" marker
    };

    // Script._head_only
    QString headOnly(int rev, const Options &o) const;
    // Script.log_entry (ends with a newline)
    QString logEntry(int rev, bool current = false) const;
    // Script.cmd_format
    QString cmdFormat(int rev, bool verbose, const Options &o) const;

    // Script.longdoc: the stripped module docstring
    QString longdoc(int rev) const;
    // Script.doc: its first paragraph
    QString doc(int rev) const;
    QString downRevisionText(int rev) const;

private:
    const RevisionGraph &m_graph;
    const QVector<RevisionScript> &m_scripts;
};

} // namespace retort::cli
