#include "searchindex.h"

#include "guithreadwork.h"
#include "loadedproject.h"

namespace retort::gui {

SearchIndexPtr SearchIndex::build(const LoadedProject &p, const QVector<QStringList> &touchedByNode)
{
    GuiThreadWork::count(p.rows.size());
    auto index = std::make_shared<SearchIndex>();
    index->project = &p;
    const QVector<int> &rows = p.rows;
    index->rowStart.assign(size_t(rows.size()) + 1, 0);
    index->idLength.assign(size_t(rows.size()), 0);
    index->rowLabelSet.assign(size_t(rows.size()), 0);
    // Folded all at once when that keeps every length (folding never
    // shortens a text), else part by part.
    const bool touched = touchedByNode.size() == p.graph.size();
    const auto build = [&](bool foldParts) {
        const auto fold = [foldParts](const QString &text) { return foldParts ? text.toCaseFolded() : text; };
        QString all;
        for (int r = 0; r < rows.size(); ++r) {
            const int node = rows[r];
            const RevisionNode &n = p.graph.node(node);
            const QString id = fold(n.id);
            index->rowStart[size_t(r)] = int(all.size());
            index->idLength[size_t(r)] = int(id.size());
            index->rowLabelSet[size_t(r)] = n.labelSet;
            all += id;
            all += QChar(0);
            if (node < p.messages.size())
                all += fold(p.messages.at(node));
            all += QChar(0);
            if (touched) {
                for (const QString &name : touchedByNode.at(node)) {
                    all += fold(name);
                    all += QChar(0);
                }
            }
            if (index->foldedLabels.isEmpty() && !n.branchLabels.isEmpty()) {
                for (const QString &name : n.branchLabels.names())
                    index->foldedLabels << name.toCaseFolded();
            }
        }
        index->rowStart.back() = int(all.size());
        return all;
    };
    const QString raw = build(false);
    index->all = raw.toCaseFolded();
    if (index->all.size() != raw.size())
        index->all = build(true);
    index->all.squeeze();
    return index;
}

} // namespace retort::gui
