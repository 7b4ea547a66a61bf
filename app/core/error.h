#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace retort {

// Where something went wrong: a file position, a revision, or a statement
// inside a larger SQL text. Any field may be empty; toString() prints what is set.
struct Location {
    QString file;
    int line = 0;    // 1-based; 0 = unknown
    int column = 0;  // 1-based; 0 = unknown
    QString revision;
    int statementOffset = -1;  // offset of the failing statement in its script
    int statementLength = 0;

    bool isEmpty() const;
    QString toString() const;  // "file:line:col (revision abc)"
};

// The one error type of the core. It carries what failed, where, the
// SQLSTATE for database errors, and the chain of causes. The UI decides how
// to show it; the CLI prints message() exactly as alembic would.
class Error {
public:
    enum class Kind {
        None,
        Io,            // a file or folder could not be read
        Config,        // alembic.ini / env.py problems
        Syntax,        // a revision file is not valid Python
        Unresolved,    // a value the static reader cannot evaluate
        Revision,      // alembic's CommandError family: cycles, missing parents, ...
        Resolution,    // an identifier that names nothing ("Can't locate revision ...")
        MultipleHeads,
        Database,
        Cancelled,
        Internal,
    };

    Error() = default;
    Error(Kind kind, QString message, Location where = {});

    static Error syntax(const QString &file, int line, int column, const QString &message);

    Kind kind() const { return m_kind; }
    bool isError() const { return m_kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    const QString &message() const { return m_message; }
    const Location &where() const { return m_where; }
    Location &where() { return m_where; }
    const QString &sqlState() const { return m_sqlState; }
    void setSqlState(const QString &state) { m_sqlState = state; }

    const Error *cause() const { return m_cause.get(); }
    Error &causedBy(const Error &cause);

    // "file:line: message [SQLSTATE x]" for this error alone.
    QString headline() const;
    // headline(), followed by one "  caused by: ..." line per cause.
    QString toString() const;

private:
    Kind m_kind = Kind::None;
    QString m_message;
    Location m_where;
    QString m_sqlState;
    std::shared_ptr<const Error> m_cause;
};

} // namespace retort
