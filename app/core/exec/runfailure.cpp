#include "runfailure.h"

#include "exec/executor.h"

namespace retort {

QString failureLine(const RunReport &report)
{
    const Error &e = report.error;
    QString where;
    if (!e.where().revision.isEmpty())
        where = QStringLiteral("revision %1").arg(e.where().revision);
    if (!e.where().file.isEmpty())
        where += QStringLiteral(" (%1:%2)").arg(e.where().file).arg(e.where().line);
    QString text = where.isEmpty() ? e.message() : where + QStringLiteral(": ") + e.message();
    if (!e.sqlState().isEmpty())
        text += QStringLiteral(" [SQLSTATE %1]").arg(e.sqlState());
    if (!report.failedStatement.isEmpty()) {
        QString statement = report.failedStatement.simplified();
        if (statement.size() > 200)
            statement = statement.left(197) + QStringLiteral("...");
        text += QStringLiteral("; statement: %1").arg(statement);
        if (e.where().statementOffset >= 0)
            text += QStringLiteral(" (at character %1)").arg(e.where().statementOffset + 1);
    }
    return text;
}

} // namespace retort
