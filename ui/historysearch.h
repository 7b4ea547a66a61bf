#pragma once

#include "loadedproject.h"
#include "searchindex.h"

#include <QString>
#include <QStringMatcher>
#include <QStringList>
#include <QVector>

#include <vector>

namespace retort::gui {

// Which rows of the history match the search text: an id prefix, or part of
// a message, a branch label or a name the upgrade touches (a table, column
// or index), case-insensitive. It runs on the GUI thread at every key, so a
// key costs one pass over the rows at most, whatever the labels, and reads
// a SearchIndex built elsewhere.
class HistorySearch {
public:
    // Searches the project's own index (ids, messages, labels).
    void setProject(LoadedProjectPtr project);
    // A fuller index of the same project: with the names each revision's
    // upgrade touches, from the scan. One built for another project is ignored.
    void setIndex(SearchIndexPtr index);
    // The text, trimmed; empty: no search.
    void setText(const QString &text);
    const QString &text() const { return m_text; }

    bool rowMatches(int row) const { return m_match.empty() || (row >= 0 && size_t(row) < m_match.size() && m_match[size_t(row)]); }
    int matchCount() const { return int(m_matched.size()); }
    // The next matching row after `from` (wrapping), or before it when
    // !forward; `from` itself when it is the only match; -1 without any.
    int findMatch(int from, bool forward) const;
    // The strings the last setText() compared: the guard on its cost.
    qint64 lastWork() const { return m_work; }

private:
    // narrow: the text only grew at its end, so only rows that matched
    // before can match now.
    void search(bool narrow);
    // Whether the row's own text holds the folded text where it counts: at
    // the start of its id, anywhere in the rest.
    bool textHit(int row, const QStringMatcher &matcher) const;

    LoadedProjectPtr m_project;
    SearchIndexPtr m_index;
    QString m_text;
    std::vector<bool> m_match;  // per row, empty without a search
    std::vector<int> m_matched; // the matching rows, in order
    qint64 m_work = 0;
};

} // namespace retort::gui
