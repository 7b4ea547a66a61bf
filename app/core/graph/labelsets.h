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
    // The sets by id; this object is empty afterwards.
    std::vector<std::vector<int>> take();

private:
    struct Hash {
        std::size_t operator()(const std::vector<int> &ids) const;
    };
    std::vector<std::vector<int>> m_sets;
    std::unordered_map<std::vector<int>, int, Hash> m_ids;
};

} // namespace retort
