#pragma once

#include "journal/journalrecord.h"
#include "result.h"

#include <QString>
#include <QVector>

namespace retort {

// A line of the journal file that is not a record: reported, never fatal.
struct DamagedRecord {
    int line = 0;    // 1-based
    QString reason;
};

struct JournalContents {
    QVector<JournalRecord> records;  // in file order (oldest first)
    QVector<DamagedRecord> damaged;
};

// The journal every Retort on this machine appends to for this user: one
// file, `journal.jsonl`, in a private folder (project/privatedir) under the
// user's data folder (`$XDG_DATA_HOME/retort/journal`, or
// `RETORT_JOURNAL_DIR`). Each run is one line, "<sha256> <json>\n": the
// SHA-256 (hex) of the JSON text that follows it, so a line damaged by a
// crash, a full disk or an editor is told from a record and skipped alone.
// Appends take an exclusive flock() and write the whole line at once, so
// concurrent Retorts never interleave; a last line left without its newline
// is closed first, so the damage stays on its own line.
class LocalJournal {
public:
    explicit LocalJournal(QString directory = defaultDirectory());

    static QString defaultDirectory();
    QString directory() const { return m_directory; }
    QString filePath() const;

    // Error when the folder is not private or the file cannot be written;
    // the file and the reason are named.
    Error append(const JournalRecord &record) const;
    // A missing file is an empty journal.
    Result<JournalContents> read() const;

    // One line as append() writes it, and its reading.
    static QByteArray line(const JournalRecord &record);
    static Result<JournalRecord> parseLine(const QByteArray &line);

private:
    QString m_directory;
};

} // namespace retort
