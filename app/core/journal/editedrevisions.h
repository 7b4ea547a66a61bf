#pragma once

#include "journal/journalrecord.h"
#include "project/revisionscript.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QVector>

namespace retort {

class RevisionGraph;
struct DatabaseGraphState;

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
QVector<AppliedRevision> appliedRevisions(const QVector<JournalRecord> &records);

// Those the database's version rows still have applied (an ancestor of, or
// a current revision): a database reset or downgraded by another tool does
// not flag revisions it no longer has. Revisions the graph does not know are
// kept (their file is gone).
QVector<AppliedRevision> stillApplied(const QVector<AppliedRevision> &applied, const RevisionGraph &graph,
                                      const DatabaseGraphState &state);

// The records of several sources merged: one per id, newest first.
QVector<JournalRecord> mergeRecords(const QVector<JournalRecord> &a, const QVector<JournalRecord> &b);

// An applied revision whose file no longer holds what was applied.
struct EditedRevision {
    QString revision;
    QString file;          // the file now, or the file recorded when the revision is gone
    QDateTime appliedAt;
    QStringList changed;   // "upgrade()", "downgrade()", or "the revision file is gone"
    QString diff;          // unified diff of the changed functions, when the old text is recorded
};

// Compares each applied revision's recorded checksums with the current file
// (RevisionBodies); an unreadable file is an edit too, with the reason.
QVector<EditedRevision> editedRevisions(const QVector<AppliedRevision> &applied, const RevisionGraph &graph,
                                        const QVector<RevisionScript> &scripts);

// Revision id -> the first line of why it is flagged, for the window's graph.
QHash<QString, QString> editedSummary(const QVector<EditedRevision> &edited);


} // namespace retort
