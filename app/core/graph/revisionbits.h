#pragma once

#include <cstdint>
#include <vector>

namespace retort {

// A set of revision indices of one graph, dense.
class RevisionBits {
public:
    explicit RevisionBits(int n = 0) : m_words(size_t((n + 63) / 64), 0) {}
    void set(int i) { m_words[size_t(i) >> 6] |= (1ull << (i & 63)); }
    void reset(int i) { m_words[size_t(i) >> 6] &= ~(1ull << (i & 63)); }
    bool test(int i) const { return m_words[size_t(i) >> 6] >> (i & 63) & 1; }

private:
    std::vector<std::uint64_t> m_words;
};

} // namespace retort
