#include "journal/unifieddiff.h"

#include <QStringList>
#include <QVector>

#include <algorithm>

namespace retort {

namespace {

constexpr int kContext = 3;
// Cells of the longest-common-subsequence table; bodies are far smaller.
constexpr qint64 kMaxCells = 16 * 1024 * 1024;

enum class Op : char { Same, Remove, Add };
struct Edit {
    Op op;
    int oldLine;  // 0-based index into the old lines (Same, Remove)
    int newLine;  // into the new lines (Same, Add)
};

QStringList linesOf(const QString &text)
{
    if (text.isEmpty())
        return {};
    QStringList lines = text.split(QLatin1Char('\n'));
    if (text.endsWith(QLatin1Char('\n')))
        lines.removeLast();
    return lines;
}

QVector<Edit> editScript(const QStringList &a, const QStringList &b)
{
    // common prefix and suffix first: an edit to a body is usually small
    int head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    int tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    const int n = int(a.size()) - head - tail, m = int(b.size()) - head - tail;
    QVector<Edit> edits;
    for (int i = 0; i < head; ++i)
        edits.append({Op::Same, i, i});
    if (qint64(n + 1) * qint64(m + 1) > kMaxCells) {
        for (int i = 0; i < n; ++i)
            edits.append({Op::Remove, head + i, -1});
        for (int j = 0; j < m; ++j)
            edits.append({Op::Add, -1, head + j});
    } else {
        // lcs[i][j]: the longest common subsequence of a[head+i..] and b[head+j..]
        std::vector<int> lcs(size_t(n + 1) * size_t(m + 1), 0);
        auto at = [&](int i, int j) -> int & { return lcs[size_t(i) * size_t(m + 1) + size_t(j)]; };
        for (int i = n - 1; i >= 0; --i)
            for (int j = m - 1; j >= 0; --j)
                at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
        int i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[head + i] == b[head + j]) {
                edits.append({Op::Same, head + i, head + j});
                ++i;
                ++j;
            } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
                edits.append({Op::Remove, head + i, -1});  // removals first, as diff -u
                ++i;
            } else {
                edits.append({Op::Add, -1, head + j});
                ++j;
            }
        }
    }
    for (int k = 0; k < tail; ++k)
        edits.append({Op::Same, int(a.size()) - tail + k, int(b.size()) - tail + k});
    return edits;
}

QString range(int start, int count)
{
    // diff -u: "l,s"; an empty range names the line before it
    if (count == 1)
        return QString::number(start + 1);
    return QStringLiteral("%1,%2").arg(count == 0 ? start : start + 1).arg(count);
}

} // namespace

QString unifiedDiff(const QString &oldText, const QString &newText, const QString &oldLabel, const QString &newLabel)
{
    if (oldText == newText)
        return QString();
    const QStringList a = linesOf(oldText), b = linesOf(newText);
    const QVector<Edit> edits = editScript(a, b);
    QString out = QStringLiteral("--- %1\n+++ %2\n").arg(oldLabel, newLabel);
    int k = 0;
    const int total = int(edits.size());
    while (k < total) {
        while (k < total && edits[k].op == Op::Same)
            ++k;
        if (k == total)
            break;
        // a hunk: from kContext lines before this change to kContext after the
        // last change closer than 2 * kContext lines to the one before
        const int start = std::max(0, k - kContext);
        int end = k;
        int sameRun = 0;
        for (int x = k; x < total; ++x) {
            if (edits[x].op == Op::Same) {
                if (++sameRun > 2 * kContext)
                    break;
            } else {
                sameRun = 0;
                end = x + 1;
            }
        }
        const int stop = std::min(total, end + kContext);
        int oldStart = 0, newStart = 0, oldCount = 0, newCount = 0;
        for (int x = 0; x < start; ++x) {
            oldStart += edits[x].op != Op::Add;
            newStart += edits[x].op != Op::Remove;
        }
        QString body;
        for (int x = start; x < stop; ++x) {
            const Edit &e = edits[x];
            oldCount += e.op != Op::Add;
            newCount += e.op != Op::Remove;
            switch (e.op) {
            case Op::Same:
                body += QLatin1Char(' ') + a[e.oldLine] + QLatin1Char('\n');
                break;
            case Op::Remove:
                body += QLatin1Char('-') + a[e.oldLine] + QLatin1Char('\n');
                break;
            case Op::Add:
                body += QLatin1Char('+') + b[e.newLine] + QLatin1Char('\n');
                break;
            }
        }
        out += QStringLiteral("@@ -%1 +%2 @@\n").arg(range(oldStart, oldCount), range(newStart, newCount)) + body;
        k = stop;
    }
    return out;
}

} // namespace retort
