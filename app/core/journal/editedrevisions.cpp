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

namespace {

// A revision the journal says is applied on a database, with its bodies as
// they were when it was applied.
struct AppliedRevision {
    QString revision;
    QDateTime appliedAt;
    QString recordId;
    JournalStep step;  // upgradeSha256/downgradeSha256 and, when kept, the texts
};

// Replays the records (any order; the same id twice counts once) oldest
// first: a committed upgrade step applies its revision, a committed
// downgrade step removes it. Stamps run no body and change nothing here.
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

// Those the database's version rows still have applied (an ancestor of, or
// a current revision): a database reset or downgraded by another tool does
// not flag revisions it no longer has. Revisions the graph does not know are
// kept (their file is gone).
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

// Compares each applied revision's recorded checksums with the current file
// (RevisionBodies); an unreadable file is an edit too, with the reason.
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
            {"module-level code", a.step.moduleSha256, a.step.moduleText, now->module},
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

// Which runs wrote the version rows as they are now, one after the other
// with nothing else writing them in between: from the rows now back
// through each run that wrote them, whose rows after the run are the rows
// that followed it and whose rows before it lead to the run before.
// Unset when no record kept the rows (older journals): nothing can be told.
struct RowChain {
    QSet<QString> runs;       // record ids
    bool complete = false;    // back to no rows, or to a record that kept none before it
};

std::optional<RowChain> rowChain(const QVector<JournalRecord> &records, const std::optional<QStringList> &rowWritesNow)
{
    if (!rowWritesNow)
        return std::nullopt;
    QVector<const JournalRecord *> writers;
    bool anyKept = false;
    for (const JournalRecord &r : records) {
        anyKept = anyKept || r.rowWritesAfter.has_value();
        // a run that left the rows as it found them only read them; one that
        // kept none before (a restore) wrote them
        if (r.rowWritesAfter && r.rowWritesBefore != r.rowWritesAfter)
            writers.append(&r);
    }
    if (!anyKept)
        return std::nullopt;
    RowChain chain;
    QStringList rows = *rowWritesNow;
    for (;;) {
        // each transaction id is written once, so at most one run left these rows
        auto it = std::find_if(writers.cbegin(), writers.cend(), [&rows, &chain](const JournalRecord *r) {
            return *r->rowWritesAfter == rows && !chain.runs.contains(r->id);
        });
        if (it == writers.cend()) {
            // no rows: whatever was applied before was removed
            chain.complete = rows.isEmpty();
            return chain;
        }
        chain.runs.insert((*it)->id);
        if (!(*it)->rowWritesBefore) {
            chain.complete = true;
            return chain;
        }
        rows = *(*it)->rowWritesBefore;
    }
}

} // namespace

QVector<JournalRecord> recordsOfDatabase(const QVector<JournalRecord> &records, const QString &identity,
                                         const QString &versionTable, QStringList *notes)
{
    QVector<JournalRecord> out;
    int otherDatabase = 0;
    QHash<QString, int> otherTables;
    for (const JournalRecord &r : records) {
        if (!identity.isEmpty() && !r.databaseIdentity.isEmpty() && r.databaseIdentity != identity)
            ++otherDatabase;
        else if (!r.versionTable.isEmpty() && r.versionTable != versionTable)
            ++otherTables[r.versionTable];
        else
            out.append(r);
    }
    if (otherDatabase > 0)
        *notes << QStringLiteral("%1 journal record(s) describe another database reached the same way (dropped and "
                                 "created again, or another server): not used")
                      .arg(otherDatabase);
    for (auto it = otherTables.cbegin(); it != otherTables.cend(); ++it)
        *notes << QStringLiteral("%1 journal record(s) are of the version table %2, not %3 (another project): not used")
                      .arg(it.value())
                      .arg(it.key(), versionTable);
    return out;
}

Verification verifyApplied(const QVector<JournalRecord> &records, const RevisionGraph &graph,
                           const QVector<RevisionScript> &scripts, const DatabaseGraphState &state,
                           const std::optional<QStringList> &rowWritesNow)
{
    Verification v;
    QVector<AppliedRevision> withChecksums;
    QHash<QString, QString> withoutChecksums;  // revision -> why
    for (const AppliedRevision &a : stillApplied(appliedRevisions(records), graph, state)) {
        if (!a.step.upgradeSha256.isEmpty() || !a.step.downgradeSha256.isEmpty())
            withChecksums.append(a);
        else
            withoutChecksums.insert(a.revision, a.step.bodyError.isEmpty()
                                                     ? QStringLiteral("the journal kept no checksum of its file")
                                                     : QStringLiteral("the journal kept no checksum of its file: ")
                                                           + a.step.bodyError);
    }
    v.edited = editedRevisions(withChecksums, graph, scripts);
    v.checked = int(withChecksums.size());

    // Revisions whose file changed stay flagged as edited: that holds
    // whoever ran them since.
    const std::optional<RowChain> chain = rowChain(records, rowWritesNow);
    QSet<QString> edited;
    for (const EditedRevision &e : std::as_const(v.edited))
        edited.insert(e.revision);
    QHash<QString, const AppliedRevision *> appliedBy;
    for (const AppliedRevision &a : std::as_const(withChecksums))
        appliedBy.insert(a.revision, &a);
    for (int node : graph.parentsFirst(RevisionGraph::Relation::AllDown)) {
        const RevisionDbState s = state.state(node);
        if (s != RevisionDbState::Applied && s != RevisionDbState::Current)
            continue;
        ++v.appliedOnDatabase;
        const RevisionNode &n = graph.node(node);
        const AppliedRevision *a = appliedBy.value(n.id);
        if (!a) {
            v.unchecked.append({n.id, scripts[n.script].path,
                                withoutChecksums.value(n.id, QStringLiteral("no committed upgrade of it in the journal"))});
        } else if (chain && !chain->complete && !chain->runs.contains(a->recordId) && !edited.contains(n.id)) {
            v.unchecked.append({n.id, scripts[n.script].path,
                                QStringLiteral("the version rows were written outside Retort since it applied this "
                                               "revision %1 (another tool may have run it again, with other code)")
                                    .arg(a->appliedAt.toString(Qt::ISODateWithMs))});
            --v.checked;
        }
    }
    for (const QString &row : state.unknown) {
        ++v.appliedOnDatabase;
        if (!appliedBy.contains(row))  // else flagged as gone
            v.unchecked.append({row, QString(), QStringLiteral("a version row naming no revision of the project")});
    }
    return v;
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
