#include "revisionformat.h"

#include "pytext.h"
#include "utf8text.h"

#include <cstring>

namespace retort::cli {

namespace {
const QString kComma = QStringLiteral(", ");

// out += text.toUtf8() without the temporary: `history` appends a few
// strings per revision.
void appendUtf8(QByteArray &out, QStringView text)
{
    const qsizetype at = out.size();
    out.resize(at + maxUtf8Size(text.size()));
    out.truncate(writeUtf8(out.data() + at, text) - out.constData());
}

void appendJoined(QByteArray &out, const QStringList &items)
{
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += ", ";
        appendUtf8(out, items[i]);
    }
}
}

QString RevisionFormat::longdoc(int rev) const
{
    const RevisionScript &s = m_scripts[m_graph.node(rev).script];
    return s.hasDocstring ? pyStrip(s.docstring) : QString();
}

QString RevisionFormat::doc(int rev) const
{
    return docView(rev).toString();
}

QStringView RevisionFormat::docView(int rev) const
{
    const RevisionScript &s = m_scripts[m_graph.node(rev).script];
    if (!s.hasDocstring)
        return {};
    const QStringView text = pyStripView(s.docstring);
    const qsizetype cut = text.indexOf(QStringLiteral("\n\n"));
    return cut < 0 ? text : text.first(cut);
}

QString RevisionFormat::downRevisionText(int rev) const
{
    const RevisionNode &n = m_graph.node(rev);
    return n.downRevisions.isEmpty() ? QStringLiteral("<base>") : n.downRevisions.join(kComma);
}

const QByteArray &RevisionFormat::labelText(int rev) const
{
    const RevisionNode &n = m_graph.node(rev);
    if (m_labelText.empty())
        m_labelText.resize(size_t(m_graph.labelSetCount()));
    QByteArray &text = m_labelText[size_t(n.labelSet)];
    if (!text.isEmpty())
        return text;
    // Hundreds of merged label branches make thousands of distinct sets of
    // the same few hundred names: each name is encoded once, and each set's
    // text is one sized buffer of copied names.
    const std::vector<int> &ids = n.branchLabels.labelIds();
    const QStringList &names = n.branchLabels.names();
    if (m_labelUtf8.empty())
        m_labelUtf8.resize(size_t(names.size()));
    qsizetype size = 2 * qsizetype(ids.size() - 1);
    for (int id : ids) {
        QByteArray &utf8 = m_labelUtf8[size_t(id)];
        if (utf8.isEmpty()) {
            appendUtf8(utf8, names[id]);
            ++m_labelNamesEncoded;
        }
        size += utf8.size();
    }
    text.resize(size);
    char *at = text.data();
    for (size_t i = 0; i < ids.size(); ++i) {
        if (i > 0) {
            std::memcpy(at, ", ", 2);
            at += 2;
        }
        const QByteArray &name = m_labelUtf8[size_t(ids[i])];
        std::memcpy(at, name.constData(), size_t(name.size()));
        at += name.size();
    }
    ++m_labelTextsBuilt;
    return text;
}

void RevisionFormat::appendHeadOnly(QByteArray &out, int rev, const Options &o) const
{
    const RevisionNode &n = m_graph.node(rev);
    if (o.includeParents) {
        if (n.downRevisions.isEmpty())
            out += "<base>";
        else
            appendJoined(out, n.downRevisions);
        if (!n.dependencies.isEmpty()) {
            out += " (";
            appendJoined(out, n.dependencies);
            out += ')';
        }
        out += " -> ";
    }
    appendUtf8(out, n.id);
    if (o.includeBranches && !n.branchLabels.isEmpty()) {
        out += " (";
        out += labelText(rev);
        out += ')';
    }
    // head_indicators is always on for the callers alembic has
    if (n.isRealHead())
        out += " (head)";
    if (n.isHead() && !n.isRealHead())
        out += " (effective head)";
    if (o.current)
        out += " (current)";
    if (o.treeIndicators) {
        if (n.isBranchPoint())
            out += " (branchpoint)";
        if (n.isMergePoint())
            out += " (mergepoint)";
    }
    if (o.includeDoc) {
        out += ", ";
        appendUtf8(out, docView(rev));
    }
}

void RevisionFormat::appendLogEntry(QByteArray &out, int rev, bool current) const
{
    const RevisionNode &n = m_graph.node(rev);
    const RevisionScript &s = m_scripts[n.script];
    out += "Rev: " + n.id.toUtf8();
    if (n.isHead())
        out += " (head)";
    if (n.isBranchPoint())
        out += " (branchpoint)";
    if (n.isMergePoint())
        out += " (mergepoint)";
    if (current)
        out += " (current)";
    out += '\n';
    out += n.isMergePoint() ? "Merges: " : "Parent: ";
    out += downRevisionText(rev).toUtf8() + '\n';
    if (!n.dependencies.isEmpty())
        out += "Also depends on: " + n.dependencies.join(kComma).toUtf8() + '\n';
    if (n.isBranchPoint()) {
        QStringList next;
        for (int c : n.nextrev)
            next << m_graph.node(c).id;
        out += "Branches into: " + next.join(kComma).toUtf8() + '\n';
    }
    if (!n.branchLabels.isEmpty()) {
        out += "Branch names: ";
        out += labelText(rev);
        out += '\n';
    }
    out += "Path: " + s.path.toUtf8() + '\n';
    QStringList paras;
    for (const QString &line : pySplitlines(longdoc(rev)))
        paras << QStringLiteral("    ") + line;
    out += '\n' + paras.join(QLatin1Char('\n')).toUtf8() + '\n';
}

void RevisionFormat::appendCmdFormat(QByteArray &out, int rev, bool verbose, const Options &o) const
{
    if (verbose)
        appendLogEntry(out, rev, o.current);
    else
        appendHeadOnly(out, rev, o);
}

QString RevisionFormat::headOnly(int rev, const Options &o) const
{
    QByteArray out;
    appendHeadOnly(out, rev, o);
    return QString::fromUtf8(out);
}

QString RevisionFormat::logEntry(int rev, bool current) const
{
    QByteArray out;
    appendLogEntry(out, rev, current);
    return QString::fromUtf8(out);
}

QString RevisionFormat::cmdFormat(int rev, bool verbose, const Options &o) const
{
    return verbose ? logEntry(rev, o.current) : headOnly(rev, o);
}

} // namespace retort::cli
