#pragma once

#include <cstddef>
#include <unordered_map>
#include <vector>

namespace retort {

// Distinct label sets, each a sorted list of label ids stored once; set 0
// is the empty set. A revision with one parent shares its parent's set; a
// merge or a labelled revision unites its sets once.
class LabelSets {
public:
    LabelSets() { intern({}); }

    int intern(std::vector<int> ids);
    // The union of the given sets (ids, possibly repeated or empty).
    int unite(const std::vector<int> &sets);

    const std::vector<int> &members(int set) const { return m_sets[std::size_t(set)]; }
    std::size_t size() const { return m_sets.size(); }
    // Label ids read or written by unite() so far.
    long long work() const { return m_work; }
    // The sets by id; this object is empty afterwards.
    std::vector<std::vector<int>> take();

private:
    struct Hash {
        std::size_t operator()(const std::vector<int> &ids) const;
    };
    // base: a set inside ids, added: the ids not in base (for unite()).
    int intern(std::vector<int> ids, int base, std::vector<int> *added);

    std::vector<std::vector<int>> m_sets;
    // Each set's lineage: the set it was made from and the ids it added,
    // so that uniting a set with its own descendants reads only what they added.
    std::vector<int> m_base;
    std::vector<std::vector<int>> m_added;
    std::unordered_map<std::vector<int>, int, Hash> m_ids;
    std::vector<int> m_parts, m_within;  // unite()'s scratch
    long long m_work = 0;
};

} // namespace retort
