#include "labelsets.h"

#include <algorithm>
#include <iterator>

namespace retort {

int LabelSets::intern(std::vector<int> ids)
{
    auto [it, added] = m_ids.try_emplace(ids, int(m_sets.size()));
    if (added)
        m_sets.push_back(std::move(ids));
    return it->second;
}

int LabelSets::unite(const std::vector<int> &sets)
{
    int only = 0;
    size_t total = 0;
    for (int s : sets) {
        if (s != 0 && s != only) {
            only = only == 0 ? s : -1;
            total += m_sets[size_t(s)].size();
        }
    }
    if (only >= 0)
        return only;
    std::vector<int> ids, merged;
    ids.reserve(total);
    merged.reserve(total);
    for (int s : sets) {
        merged.clear();
        std::set_union(ids.begin(), ids.end(), m_sets[size_t(s)].begin(), m_sets[size_t(s)].end(),
                       std::back_inserter(merged));
        ids.swap(merged);
    }
    return intern(std::move(ids));
}

std::vector<std::vector<int>> LabelSets::take()
{
    m_ids.clear();
    return std::move(m_sets);
}

std::size_t LabelSets::Hash::operator()(const std::vector<int> &ids) const
{
    std::size_t h = ids.size();
    for (int i : ids)
        h = h * 1000003u ^ std::size_t(i);
    return h;
}

} // namespace retort
