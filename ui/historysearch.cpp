#include "historysearch.h"

#include <QStringMatcher>

#include <algorithm>

namespace retort::gui {

void HistorySearch::setProject(LoadedProjectPtr project)
{
    m_project = std::move(project);
    m_index = m_project ? m_project->searchIndex : nullptr;
    search(false);
}

void HistorySearch::setIndex(SearchIndexPtr index)
{
    if (!m_project || !index || index->project != m_project.get())
        return;
    m_index = std::move(index);
    search(false);  // a search typed while the scan ran
}

void HistorySearch::setText(const QString &text)
{
    if (text == m_text)
        return;
    const bool narrow = !m_text.isEmpty() && text.startsWith(m_text, Qt::CaseInsensitive);
    m_text = text;
    search(narrow);
}

bool HistorySearch::textHit(int row, const QStringMatcher &matcher) const
{
    const SearchIndex &index = *m_index;
    const qsizetype start = index.rowStart[size_t(row)];
    const qsizetype idEnd = start + index.idLength[size_t(row)];
    const QStringView text = QStringView(index.all).first(index.rowStart[size_t(row) + 1]);
    for (qsizetype at = matcher.indexIn(text, start); at >= 0; at = matcher.indexIn(text, at + 1)) {
        if (at == start || at > idEnd)
            return true;
    }
    return false;
}

void HistorySearch::search(bool narrow)
{
    m_work = 0;
    if (!m_project || m_text.isEmpty()) {
        m_match.clear();
        m_matched.clear();
        return;
    }
    if (!m_index)
        m_index = SearchIndex::build(*m_project);  // a project made without its index
    const SearchIndex &index = *m_index;
    const QStringMatcher matcher(m_text.toCaseFolded(), Qt::CaseSensitive);
    std::vector<char> hitLabel(size_t(index.foldedLabels.size()), 0);
    bool anyLabel = false;
    for (qsizetype i = 0; i < index.foldedLabels.size(); ++i) {
        ++m_work;
        hitLabel[size_t(i)] = matcher.indexIn(index.foldedLabels[i]) >= 0;
        anyLabel = anyLabel || hitLabel[size_t(i)];
    }
    std::vector<signed char> setHit;
    if (anyLabel)
        setHit.assign(size_t(m_project->graph.labelSetCount()), -1);
    const auto labelHit = [&](int row) {
        const int set = index.rowLabelSet[size_t(row)];
        if (setHit.empty() || set == 0)
            return false;
        signed char &hit = setHit[size_t(set)];
        if (hit < 0) {
            ++m_work;
            const std::vector<int> &ids = m_project->graph.node(m_project->rows[row]).branchLabels.labelIds();
            hit = std::any_of(ids.cbegin(), ids.cend(), [&](int id) { return hitLabel[size_t(id)] != 0; });
        }
        return hit == 1;
    };

    const int rows = int(index.rowLabelSet.size());
    std::vector<int> matched;
    if (narrow && !m_match.empty()) {
        for (int r : m_matched) {
            ++m_work;
            if (textHit(r, matcher) || labelHit(r))
                matched.push_back(r);
            else
                m_match[size_t(r)] = false;
        }
    } else {
        // One pass of the string search over every row's text.
        m_match.assign(size_t(rows), false);
        m_work += rows;
        const QStringView all(index.all);
        int row = 0;
        for (qsizetype at = matcher.indexIn(all, 0); at >= 0;) {
            while (index.rowStart[size_t(row) + 1] <= at)
                ++row;
            const qsizetype start = index.rowStart[size_t(row)];
            if (at == start || at > start + index.idLength[size_t(row)]) {
                m_match[size_t(row)] = true;
                at = matcher.indexIn(all, index.rowStart[size_t(row) + 1]);
            } else {
                at = matcher.indexIn(all, at + 1);  // inside the id: only its prefix counts
            }
        }
        for (int r = 0; r < rows; ++r) {
            if (m_match[size_t(r)] || labelHit(r)) {
                m_match[size_t(r)] = true;
                matched.push_back(r);
            }
        }
    }
    m_matched = std::move(matched);
}

int HistorySearch::findMatch(int from, bool forward) const
{
    if (m_matched.empty())
        return -1;
    if (forward) {
        const auto next = std::upper_bound(m_matched.cbegin(), m_matched.cend(), from);
        return next == m_matched.cend() ? m_matched.front() : *next;
    }
    const int before = from < 0 ? int(m_match.size()) : from;
    const auto at = std::lower_bound(m_matched.cbegin(), m_matched.cend(), before);
    return at == m_matched.cbegin() ? m_matched.back() : *(at - 1);
}

} // namespace retort::gui
