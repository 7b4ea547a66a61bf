#pragma once

#include "render/stepraise.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace retort {

// One element of a step's body, in the order the step runs it: a statement,
// or the edge of an `op.get_context().autocommit_block()`. Offline, entering
// a block prints alembic's "COMMIT;" and leaving it "BEGIN;"; online, the
// executor commits, runs the block's statements outside a transaction, and
// begins again. Text is what the step print()ed (bridge only): alembic's
// --sql has it as is between the statements; it is never executed.
struct SqlStatement {
    enum class Kind { Sql, EnterAutocommit, LeaveAutocommit, Text };
    Kind kind = Kind::Sql;
    QString sql;  // Sql: the statement without its terminating ';'; Text: the printed text
    int line = 0; // the op call's line in the revision file; 0 when not known (bridge)
    // Set on the statements of an op whose order alembic takes from a Python
    // set (several indexes of create_table, several constraints of
    // add_column): it varies between alembic's own runs, and this is one of
    // its valid orders (the order written). Says so, for engines and the pane.
    QString orderNote;

    static SqlStatement statement(QString text, int line = 0) { return {Kind::Sql, std::move(text), line, {}}; }
    bool isSql() const { return kind == Kind::Sql; }
};

using StepBody = QVector<SqlStatement>;

// Printed text (Kind::Text) as lines for a log or a comment: the newline
// that ends print()'s output does not make an empty last line.
inline QStringList printedLines(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    if (lines.size() > 1 && lines.back().isEmpty())
        lines.removeLast();
    return lines;
}

// The first orderNote of a body ("line N: ..."), empty when none.
inline QString orderNote(const StepBody &body)
{
    for (const SqlStatement &s : body)
        if (!s.orderNote.isEmpty())
            return QStringLiteral("line %1: %2").arg(s.line).arg(s.orderNote);
    return {};
}

// Which engine produced a step's body.
enum class RenderEngine {
    Native,  // Retort's own evaluator and renderer
    Python,  // the alembic bridge, offline
};

// A step's body and where it came from. `reason` says why the native engine
// refused ("file:line: ..."), empty for native steps.
struct StepSql {
    RenderEngine engine = RenderEngine::Native;
    StepBody body;
    QString reason;
    // Python engine for an online run: the native engine refused the body
    // with context.is_offline_mode() False, so the step runs through alembic
    // online (the bridge) and `body` is alembic's OFFLINE SQL, for display
    // only: it is never executed.
    bool online = false;
    // Native only: the body raises on purpose (an irreversible downgrade);
    // `body` is what it emits before the raise. Such a step never runs.
    std::optional<StepRaise> raised;
};

} // namespace retort
