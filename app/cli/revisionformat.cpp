#include "revisionformat.h"

#include "pytext.h"

namespace retort::cli {

namespace {
const QString kComma = QStringLiteral(", ");
}

QString RevisionFormat::longdoc(int rev) const
{
    const RevisionScript &s = m_scripts[m_graph.node(rev).script];
    return s.hasDocstring ? pyStrip(s.docstring) : QString();
}

QString RevisionFormat::doc(int rev) const
{
    const QString text = longdoc(rev);
    const int cut = text.indexOf(QStringLiteral("\n\n"));
    return cut < 0 ? text : text.left(cut);
}

QString RevisionFormat::downRevisionText(int rev) const
{
    const RevisionNode &n = m_graph.node(rev);
    return n.downRevisions.isEmpty() ? QStringLiteral("<base>") : n.downRevisions.join(kComma);
}

QString RevisionFormat::headOnly(int rev, const Options &o) const
{
    const RevisionNode &n = m_graph.node(rev);
    QString text = n.id;
    if (o.includeParents) {
        if (!n.dependencies.isEmpty())
            text = QStringLiteral("%1 (%2) -> %3").arg(downRevisionText(rev), n.dependencies.join(kComma), text);
        else
            text = QStringLiteral("%1 -> %2").arg(downRevisionText(rev), text);
    }
    if (o.includeBranches && !n.branchLabels.isEmpty())
        text += QStringLiteral(" (%1)").arg(n.branchLabels.join(kComma));
    // head_indicators is always on for the callers alembic has
    if (n.isRealHead())
        text += QStringLiteral(" (head)");
    if (n.isHead() && !n.isRealHead())
        text += QStringLiteral(" (effective head)");
    if (o.current)
        text += QStringLiteral(" (current)");
    if (o.treeIndicators) {
        if (n.isBranchPoint())
            text += QStringLiteral(" (branchpoint)");
        if (n.isMergePoint())
            text += QStringLiteral(" (mergepoint)");
    }
    if (o.includeDoc)
        text += kComma + doc(rev);
    return text;
}

QString RevisionFormat::logEntry(int rev, bool current) const
{
    const RevisionNode &n = m_graph.node(rev);
    const RevisionScript &s = m_scripts[n.script];
    QString entry = QStringLiteral("Rev: ") + n.id;
    if (n.isHead())
        entry += QStringLiteral(" (head)");
    if (n.isBranchPoint())
        entry += QStringLiteral(" (branchpoint)");
    if (n.isMergePoint())
        entry += QStringLiteral(" (mergepoint)");
    if (current)
        entry += QStringLiteral(" (current)");
    entry += QLatin1Char('\n');
    entry += (n.isMergePoint() ? QStringLiteral("Merges: ") : QStringLiteral("Parent: ")) + downRevisionText(rev)
             + QLatin1Char('\n');
    if (!n.dependencies.isEmpty())
        entry += QStringLiteral("Also depends on: %1\n").arg(n.dependencies.join(kComma));
    if (n.isBranchPoint()) {
        QStringList next;
        for (int c : n.nextrev)
            next << m_graph.node(c).id;
        entry += QStringLiteral("Branches into: %1\n").arg(next.join(kComma));
    }
    if (!n.branchLabels.isEmpty())
        entry += QStringLiteral("Branch names: %1\n").arg(n.branchLabels.join(kComma));
    entry += QStringLiteral("Path: %1\n").arg(s.path);
    QStringList paras;
    for (const QString &line : pySplitlines(longdoc(rev)))
        paras << QStringLiteral("    ") + line;
    entry += QLatin1Char('\n') + paras.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return entry;
}

QString RevisionFormat::cmdFormat(int rev, bool verbose, const Options &o) const
{
    return verbose ? logEntry(rev, o.current) : headOnly(rev, o);
}

} // namespace retort::cli
