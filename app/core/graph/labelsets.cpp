#include "labelsets.h"

#include <algorithm>
#include <iterator>

namespace retort {

namespace {
// How far up a part's lineage unite() looks for a set inside the largest
// part before it reads the part's members instead.
constexpr int kLineageSteps = 16;
}

int LabelSets::intern(std::vector<int> ids)
{
    return intern(std::move(ids), 0, nullptr);
}

int LabelSets::intern(std::vector<int> ids, int base, std::vector<int> *added)
{
    // Looked up as the next set: no copy of ids as a key.
    m_hashes.push_back(hash(ids));
    m_sets.push_back(std::move(ids));
    const auto [it, isNew] = m_ids.insert(int(m_sets.size()) - 1);
    if (!isNew) {
        m_sets.pop_back();
        m_hashes.pop_back();
        return *it;
    }
    m_base.push_back(base);
    m_added.push_back(added ? std::move(*added) : m_sets.back());
    return *it;
}

int LabelSets::unite(const std::vector<int> &sets)
{
    m_parts.clear();
    for (int s : sets)
        if (s != 0)
            m_parts.push_back(s);
    std::sort(m_parts.begin(), m_parts.end());
    m_parts.erase(std::unique(m_parts.begin(), m_parts.end()), m_parts.end());
    if (m_parts.empty())
        return 0;
    if (m_parts.size() == 1)
        return m_parts.front();
    // The largest part is copied once; each other part contributes only
    // what it added since its lineage met a set inside the largest one
    // (a branch that took the trunk's labels and added its own).
    const int largest = *std::max_element(m_parts.begin(), m_parts.end(), [this](int a, int b) {
        return m_sets[size_t(a)].size() < m_sets[size_t(b)].size();
    });
    m_within.assign(1, 0);  // the empty set is in every set
    for (int s = largest, step = 0; s != 0 && step <= kLineageSteps; s = m_base[size_t(s)], ++step)
        m_within.push_back(s);
    const auto inLargest = [this](int s) { return std::find(m_within.begin(), m_within.end(), s) != m_within.end(); };
    std::vector<int> extra;
    for (int part : m_parts) {
        int s = part;
        for (int step = 0; !inLargest(s) && step < kLineageSteps; ++step) {
            extra.insert(extra.end(), m_added[size_t(s)].begin(), m_added[size_t(s)].end());
            m_work += (long long)(m_added[size_t(s)].size());
            s = m_base[size_t(s)];
        }
        if (!inLargest(s)) {
            extra.insert(extra.end(), m_sets[size_t(part)].begin(), m_sets[size_t(part)].end());
            m_work += (long long)(m_sets[size_t(part)].size());
        }
    }
    const std::vector<int> &base = m_sets[size_t(largest)];
    std::sort(extra.begin(), extra.end());
    extra.erase(std::unique(extra.begin(), extra.end()), extra.end());
    extra.erase(std::remove_if(extra.begin(), extra.end(),
                               [&base](int id) { return std::binary_search(base.begin(), base.end(), id); }),
                extra.end());
    if (extra.empty())
        return largest;
    std::vector<int> ids;
    ids.reserve(base.size() + extra.size());
    std::merge(base.begin(), base.end(), extra.begin(), extra.end(), std::back_inserter(ids));
    m_work += (long long)(ids.size());
    return intern(std::move(ids), largest, &extra);
}

std::vector<std::vector<int>> LabelSets::take()
{
    m_ids.clear();
    m_hashes.clear();
    m_base.clear();
    m_added.clear();
    return std::move(m_sets);
}

std::size_t LabelSets::hash(const std::vector<int> &ids)
{
    std::size_t h = ids.size();
    for (int i : ids)
        h = h * 1000003u ^ std::size_t(i);
    return h;
}

} // namespace retort
