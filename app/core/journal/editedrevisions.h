#pragma once

#include "journal/journalrecord.h"
#include "project/revisionscript.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QVector>

#include <optional>

namespace retort {

class RevisionGraph;
struct DatabaseGraphState;

// The records of several sources merged: one per id, newest first.
QVector<JournalRecord> mergeRecords(const QVector<JournalRecord> &a, const QVector<JournalRecord> &b);

// An applied revision whose file no longer holds what was applied.
struct EditedRevision {
    QString revision;
    QString file;          // the file now, or the file recorded when the revision is gone
    QDateTime appliedAt;
    QStringList changed;   // "upgrade()", "downgrade()", "module-level code", or "the revision file is gone"
    QString diff;          // unified diff of each changed part, when the old text is recorded
};

// The records that may describe the database verify reads: those of another
// database reached by the same key (their identity is another) and those of
// another version table (another project in the same database) are left
// out, each kind said once in `notes`. Records without an identity or a
// version table (older ones) are kept.
QVector<JournalRecord> recordsOfDatabase(const QVector<JournalRecord> &records, const QString &identity,
                                         const QString &versionTable, QStringList *notes);

// An applied revision of the database that nothing in the journal lets
// `verify` check.
struct UncheckedRevision {
    QString revision;
    QString file;    // empty when the project has no such revision
    QString reason;
};

// What `verify` found for one database.
struct Verification {
    QVector<EditedRevision> edited;
    // Graph order, parents first; then version rows naming no revision.
    QVector<UncheckedRevision> unchecked;
    int checked = 0;  // applied revisions compared with their files
    int appliedOnDatabase = 0;  // what the version rows say is applied (unknown rows included)

    // Every applied revision checked and none changed.
    bool verified() const { return edited.isEmpty() && unchecked.isEmpty(); }
};

// The journal's records replayed (appliedRevisions), bounded by what the
// version rows still have applied (stillApplied), compared with the files
// (editedRevisions); and every revision the rows say is applied that no
// committed upgrade with its checksums covers: applied by another tool or
// before the journal, stamped, its record lost or damaged, a version row
// naming a revision the project does not have.
//
// `rowWritesNow` (readVersionRowWrites(), when read): the runs that wrote
// the version rows are chained from the rows now back, each run's rows
// before it being the rows the run before left. Where the chain breaks,
// another tool wrote the rows (alembic downgrading a revision and applying
// it again with other code leaves the same values, not the same writer):
// a revision applied by a run before the break is not checked. Records
// that kept no such reading (older ones) cannot tell, and nothing is
// concluded from them.
Verification verifyApplied(const QVector<JournalRecord> &records, const RevisionGraph &graph,
                           const QVector<RevisionScript> &scripts, const DatabaseGraphState &state,
                           const std::optional<QStringList> &rowWritesNow = std::nullopt);

// Revision id -> the first line of why it is flagged, for the window's graph.
QHash<QString, QString> editedSummary(const QVector<EditedRevision> &edited);


} // namespace retort
