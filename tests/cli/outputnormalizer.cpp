#include "outputnormalizer.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace retort::testsupport {

namespace {

QString sortList(const QString &list)
{
    QStringList items = list.split(QStringLiteral(", "));
    items.sort();
    return items.join(QStringLiteral(", "));
}

QString normalizeLine(const QString &line)
{
    // Which of two revisions reusing a label is named first is set order too.
    static const QRegularExpression reused(
        QStringLiteral("^FAILED: Branch name '(.*)' in revision (\\S+) already used by revision (\\S+)$"));
    if (const auto m = reused.match(line); m.hasMatch()) {
        QStringList pair{m.captured(2), m.captured(3)};
        pair.sort();
        return QStringLiteral("FAILED: Branch name '%1' reused by revisions %2").arg(m.captured(1), pair.join(QStringLiteral(", ")));
    }
    for (const char *prefix : {"Branch names: ", "Branches into: "}) {
        const QString p = QLatin1String(prefix);
        if (line.startsWith(p))
            return p + sortList(line.mid(p.size()));
    }
    // "(a, b)" groups: branch labels (and depends_on, whose order is the
    // file's in both tools, so sorting it too loses nothing).
    static const QRegularExpression group(QStringLiteral("\\(([^()]*, [^()]*)\\)"));
    QString out;
    qsizetype last = 0;
    auto it = group.globalMatch(line);
    while (it.hasNext()) {
        const auto m = it.next();
        out += line.mid(last, m.capturedStart() - last);
        out += QLatin1Char('(') + sortList(m.captured(1)) + QLatin1Char(')');
        last = m.capturedEnd();
    }
    out += line.mid(last);
    return out;
}

} // namespace

QByteArray normalizeSetOrder(const QByteArray &text)
{
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    QStringList out;
    static const QRegularExpression child(QStringLiteral("^ + -> "));
    for (int i = 0; i < lines.size();) {
        if (child.match(lines[i]).hasMatch()) {
            // The children of a branch point, up to the blank line that ends
            // the block; a message may continue on lines of its own.
            QStringList entries;
            while (i < lines.size() && !lines[i].isEmpty()) {
                if (child.match(lines[i]).hasMatch() || entries.isEmpty())
                    entries << normalizeLine(lines[i]);
                else
                    entries.back() += QLatin1Char('\n') + normalizeLine(lines[i]);
                ++i;
            }
            entries.sort();
            out << entries;
            continue;
        }
        out << normalizeLine(lines[i++]);
    }
    return out.join(QLatin1Char('\n')).toUtf8();
}

namespace {

bool isRowStatement(const QString &chunk)
{
    static const QRegularExpression row(
        QStringLiteral("^(INSERT INTO|UPDATE|DELETE FROM) \\S+ (\\(version_num\\) VALUES|SET version_num=|WHERE)"));
    return row.match(chunk).hasMatch();
}

// What a run of version-row statements does: the rows it removes and the
// rows it adds. alembic chooses which parent row of a merge to UPDATE and
// which to DELETE in Python set order, so only the effect is comparable.
QString rowEffect(const QStringList &run)
{
    static const QRegularExpression literal(QStringLiteral("'([^']*)'"));
    QStringList removed, added;
    for (const QString &chunk : run) {
        QStringList values;
        for (auto it = literal.globalMatch(chunk); it.hasNext();)
            values << it.next().captured(1);
        if (chunk.startsWith(QLatin1String("INSERT"))) {
            added << values.value(0);
        } else if (chunk.startsWith(QLatin1String("DELETE"))) {
            removed << values.value(0);
        } else {  // UPDATE ... SET version_num='to' WHERE ... = 'from'
            added << values.value(0);
            removed << values.value(1);
        }
    }
    removed.sort();
    added.sort();
    return QStringLiteral("<version rows: -%1 +%2>").arg(removed.join(QLatin1Char(',')), added.join(QLatin1Char(',')));
}

} // namespace

QString normalizeVersionRowOrder(const QByteArray &out)
{
    const QStringList chunks = QString::fromUtf8(out).split(QStringLiteral("\n\n"));
    QStringList normalized;
    for (int i = 0; i < chunks.size();) {
        int j = i;
        while (j < chunks.size() && isRowStatement(chunks[j]))
            ++j;
        if (j - i > 1) {
            normalized << rowEffect(chunks.mid(i, j - i));
            i = j;
        } else {
            normalized << chunks[i];
            i = j == i ? i + 1 : j;
        }
    }
    return normalized.join(QStringLiteral("\n\n"));
}

} // namespace retort::testsupport
