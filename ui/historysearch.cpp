#include "historysearch.h"

#include <QStringMatcher>

#include <algorithm>

namespace retort::gui {

void HistorySearch::setProject(LoadedProjectPtr project)
{
    m_project = std::move(project);
    m_touched.clear();
    m_haystack.clear();
    search(false);
}

void HistorySearch::setTouched(QVector<QStringList> byNode)
{
    m_touched = m_project && byNode.size() == m_project->graph.size() ? std::move(byNode) : QVector<QStringList>();
    m_haystack.clear();
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

void HistorySearch::buildIndex()
{
    const LoadedProject &p = *m_project;
    m_haystack.assign(size_t(p.graph.size()), QString());
    m_foldedLabels.clear();
    for (int node = 0; node < p.graph.size(); ++node) {
        // U+0000 between the parts: no typed text spans two of them.
        QString text = p.messages.value(node);
        for (const QString &name : m_touched.value(node))
            text += QChar(0) + name;
        m_haystack[size_t(node)] = text.toCaseFolded();
        const LabelList &labels = p.graph.node(node).branchLabels;
        if (m_foldedLabels.isEmpty() && !labels.isEmpty()) {
            for (const QString &name : labels.names())
                m_foldedLabels << name.toCaseFolded();
        }
    }
}

void HistorySearch::search(bool narrow)
{
    m_work = 0;
    if (!m_project || m_text.isEmpty()) {
        m_match.clear();
        m_matched.clear();
        return;
    }
    if (m_haystack.empty())
        buildIndex();
    const RevisionGraph &graph = m_project->graph;
    const QString folded = m_text.toCaseFolded();
    const QStringMatcher matcher(folded, Qt::CaseSensitive);
    // Labels are propagated from their declarations: each is tested once,
    // then each distinct set of labels once.
    std::vector<char> hitLabel(size_t(m_foldedLabels.size()), 0);
    bool anyLabel = false;
    for (qsizetype i = 0; i < m_foldedLabels.size(); ++i) {
        ++m_work;
        hitLabel[size_t(i)] = matcher.indexIn(m_foldedLabels[i]) >= 0;
        anyLabel = anyLabel || hitLabel[size_t(i)];
    }
    std::vector<signed char> setHit;
    if (anyLabel)
        setHit.assign(size_t(graph.labelSetCount()), -1);
    const auto matches = [&](int node) {
        const RevisionNode &n = graph.node(node);
        ++m_work;
        if (n.id.startsWith(m_text, Qt::CaseInsensitive))
            return true;
        ++m_work;
        if (matcher.indexIn(m_haystack[size_t(node)]) >= 0)
            return true;
        if (setHit.empty() || n.labelSet == 0)
            return false;
        signed char &hit = setHit[size_t(n.labelSet)];
        if (hit < 0) {
            const std::vector<int> &ids = n.branchLabels.labelIds();
            hit = std::any_of(ids.cbegin(), ids.cend(), [&](int id) { return hitLabel[size_t(id)] != 0; });
        }
        return hit == 1;
    };

    const QVector<int> &rows = m_project->rows;
    std::vector<int> matched;
    if (narrow && !m_match.empty()) {
        for (int r : m_matched) {
            if (matches(rows[r]))
                matched.push_back(r);
            else
                m_match[size_t(r)] = false;
        }
    } else {
        m_match.assign(size_t(rows.size()), false);
        for (int r = 0; r < rows.size(); ++r) {
            if (matches(rows[r])) {
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
