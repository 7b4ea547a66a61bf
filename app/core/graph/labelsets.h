#pragma once

#include <cstddef>
#include <unordered_set>
#include <vector>

namespace retort {

// Distinct label sets, each a sorted list of label ids stored once; set 0
// is the empty set. A revision with one parent shares its parent's set; a
// merge or a labelled revision unites its sets once.
class LabelSets {
public:
    LabelSets() { intern({}); }
    // m_ids' hash and equality point at this object.
    LabelSets(const LabelSets &) = delete;
    LabelSets &operator=(const LabelSets &) = delete;

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
    static std::size_t hash(const std::vector<int> &ids);
    // The distinct sets by their ids, hashed and compared by content: each
    // set's ids are stored once, in m_sets.
    struct ById {
        const LabelSets *sets;
        std::size_t operator()(int set) const { return sets->m_hashes[std::size_t(set)]; }
        bool operator()(int a, int b) const { return sets->m_sets[std::size_t(a)] == sets->m_sets[std::size_t(b)]; }
    };
    // base: a set inside ids, added: the ids not in base (for unite()).
    int intern(std::vector<int> ids, int base, std::vector<int> *added);

    std::vector<std::vector<int>> m_sets;
    std::vector<std::size_t> m_hashes;
    // Each set's lineage: the set it was made from and the ids it added,
    // so that uniting a set with its own descendants reads only what they added.
    std::vector<int> m_base;
    std::vector<std::vector<int>> m_added;
    std::unordered_set<int, ById, ById> m_ids{16, ById{this}, ById{this}};
    std::vector<int> m_parts, m_within;  // unite()'s scratch
    long long m_work = 0;
};

} // namespace retort
