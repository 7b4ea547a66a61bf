#pragma once

#include <QStringList>

#include <algorithm>
#include <vector>

namespace retort::bench {

// Takes "--runs N" out of args; `fallback` when absent.
inline int takeRuns(QStringList &args, int fallback)
{
    const int i = args.indexOf(QStringLiteral("--runs"));
    if (i < 0 || i + 1 >= args.size())
        return fallback;
    const int runs = std::max(1, args.at(i + 1).toInt());
    args.remove(i, 2);
    return runs;
}

inline double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

} // namespace retort::bench
