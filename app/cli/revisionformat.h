#pragma once

#include "graph/revisiongraph.h"
#include "project/revisionscript.h"

#include <QByteArray>
#include <QString>
#include <QVector>

#include <vector>

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
    // The same texts appended as UTF-8, for the commands that print one per
    // revision: a label list is as long as the labels above the revision, so
    // the text grows with revisions x labels, and each list is copied once.
    void appendHeadOnly(QByteArray &out, int rev, const Options &o) const;
    void appendLogEntry(QByteArray &out, int rev, bool current = false) const;
    void appendCmdFormat(QByteArray &out, int rev, bool verbose, const Options &o) const;

    // How many label lists were joined into text: one per distinct list
    // (RevisionNode::labelSet), however many revisions carry it.
    int labelTextsBuilt() const { return m_labelTextsBuilt; }
    // How many label names were encoded for those lists: one per name used.
    int labelNamesEncoded() const { return m_labelNamesEncoded; }

    // Script.longdoc: the stripped module docstring
    QString longdoc(int rev) const;
    // Script.doc: its first paragraph
    QString doc(int rev) const;
    QStringView docView(int rev) const;
    QString downRevisionText(int rev) const;

private:
    // "a, b" for the revision's (non-empty) labels, UTF-8, joined on first use.
    const QByteArray &labelText(int rev) const;

    const RevisionGraph &m_graph;
    const QVector<RevisionScript> &m_scripts;
    mutable std::vector<QByteArray> m_labelText;  // by RevisionNode::labelSet
    mutable std::vector<QByteArray> m_labelUtf8;  // by label id (LabelList::labelIds)
    mutable int m_labelTextsBuilt = 0;
    mutable int m_labelNamesEncoded = 0;
};

} // namespace retort::cli
