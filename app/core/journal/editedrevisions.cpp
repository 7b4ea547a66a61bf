#include "journal/editedrevisions.h"

#include "graph/dbstate.h"
#include "graph/revisiongraph.h"
#include "journal/revisionbodies.h"
#include "journal/unifieddiff.h"

#include <QSet>

#include <algorithm>

namespace retort {

QVector<JournalRecord> mergeRecords(const QVector<JournalRecord> &a, const QVector<JournalRecord> &b)
{
    QVector<JournalRecord> all;
    QSet<QString> seen;
    for (const QVector<JournalRecord> *list : {&a, &b})
        for (const JournalRecord &r : *list)
            if (!seen.contains(r.id)) {
                seen.insert(r.id);
                all.append(r);
            }
    std::stable_sort(all.begin(), all.end(),
                     [](const JournalRecord &x, const JournalRecord &y) { return x.startedAt > y.startedAt; });
    return all;
}

QVector<AppliedRevision> appliedRevisions(const QVector<JournalRecord> &records)
{
    QVector<JournalRecord> ordered = mergeRecords(records, {});
    std::reverse(ordered.begin(), ordered.end());
    QVector<AppliedRevision> applied;
    auto find = [&applied](const QString &revision) {
        return std::find_if(applied.begin(), applied.end(),
                            [&revision](const AppliedRevision &a) { return a.revision == revision; });
    };
    for (const JournalRecord &r : ordered)
        for (const JournalStep &s : r.steps) {
            if (s.outcome != QLatin1String("committed") || s.revision.isEmpty())
                continue;
            auto it = find(s.revision);
            if (it != applied.end())
                applied.erase(it);
            if (s.kind == QLatin1String("upgrade"))
                applied.append({s.revision, r.startedAt, r.id, s});
        }
    return applied;
}

QVector<AppliedRevision> stillApplied(const QVector<AppliedRevision> &applied, const RevisionGraph &graph,
                                      const DatabaseGraphState &state)
{
    QVector<AppliedRevision> out;
    for (const AppliedRevision &a : applied) {
        const int node = graph.indexOf(a.revision);
        const RevisionDbState s = state.state(node);
        if (node < 0 || s == RevisionDbState::Applied || s == RevisionDbState::Current)
            out.append(a);
    }
    return out;
}

QVector<EditedRevision> editedRevisions(const QVector<AppliedRevision> &applied, const RevisionGraph &graph,
                                        const QVector<RevisionScript> &scripts)
{
    QVector<EditedRevision> out;
    for (const AppliedRevision &a : applied) {
        EditedRevision e;
        e.revision = a.revision;
        e.appliedAt = a.appliedAt;
        e.file = a.step.file;
        const int index = graph.indexOf(a.revision);
        if (index < 0) {
            e.changed << QStringLiteral("the revision file is gone");
            out.append(e);
            continue;
        }
        e.file = scripts[graph.node(index).script].path;
        Result<RevisionBodies> now = RevisionBodies::read(e.file);
        if (!now) {
            e.changed << QStringLiteral("the file cannot be read: ") + now.error().toString();
            out.append(e);
            continue;
        }
        const QString when = a.appliedAt.toString(Qt::ISODateWithMs);
        struct Part {
            const char *name;
            QString recordedSha, recordedText, current;
        };
        const Part parts[] = {
            {"upgrade()", a.step.upgradeSha256, a.step.upgradeText, now->upgrade},
            {"downgrade()", a.step.downgradeSha256, a.step.downgradeText, now->downgrade},
        };
        for (const Part &p : parts) {
            if (p.recordedSha.isEmpty() || p.recordedSha == RevisionBodies::sha256(p.current))
                continue;
            const QString name = QLatin1String(p.name);
            e.changed << name;
            if (RevisionBodies::sha256(p.recordedText) == p.recordedSha)
                e.diff += unifiedDiff(p.recordedText, p.current,
                                      QStringLiteral("%1 %2 as applied %3").arg(a.revision, name, when),
                                      QStringLiteral("%1 %2 now").arg(e.file, name));
        }
        if (!e.changed.isEmpty())
            out.append(e);
    }
    return out;
}

QHash<QString, QString> editedSummary(const QVector<EditedRevision> &edited)
{
    QHash<QString, QString> out;
    for (const EditedRevision &e : edited)
        out.insert(e.revision, QStringLiteral("Edited since it was applied (%1): %2")
                                   .arg(e.appliedAt.toString(Qt::ISODate), e.changed.join(QStringLiteral(", "))));
    return out;
}

} // namespace retort
