#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>
#include <vector>

namespace retort::gui {

struct LoadedProject;

// What the history's search looks through, for one project, in row order:
// each row's id, message and touched names case-folded into one text (a key
// is one fast pass of a string search over it, not a search per field per
// row), where each row's text starts, how long its id is, and its label set;
// the graph's label names folded. A revision carries all the labels of its
// line, hundreds on long histories, but there are only as many distinct
// label sets as branch and merge points: each name is tested once per key,
// each set once.
// Folding is a pass over every revision's text (tens of ms at 100,000): the
// loader builds it with the project, the background scan again with the
// names it found, both off the GUI thread; the search only reads it.
struct SearchIndex {
    // The project it was built for (compared, never followed).
    const LoadedProject *project = nullptr;
    QString all;  // U+0000 ends every part: no typed text spans two of them
    std::vector<int> rowStart;  // rows + 1 entries
    std::vector<int> idLength;
    std::vector<int> rowLabelSet;
    QStringList foldedLabels;

    // touched: per graph index, what each revision's upgrade names; empty
    // before the scan found them.
    static std::shared_ptr<const SearchIndex> build(const LoadedProject &project,
                                                    const QVector<QStringList> &touched = {});
};

using SearchIndexPtr = std::shared_ptr<const SearchIndex>;

} // namespace retort::gui

Q_DECLARE_METATYPE(retort::gui::SearchIndexPtr)
