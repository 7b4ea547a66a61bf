#include "db/dberror.h"

#include "db/pghandle.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <optional>

namespace retort {

DbError DbError::of(const QSqlQuery &query)
{
    DbError e;
    const QSqlError se = query.lastError();
    e.sqlState = se.nativeErrorCode();
    e.message = pghandle::errorPrimary(query);
    if (e.message.isEmpty()) {
        // no libpq result (the connection is gone, or not QPSQL)
        e.message = se.databaseText().trimmed();
        if (e.message.isEmpty())
            e.message = se.text().trimmed();
        static const QRegularExpression severity(QStringLiteral("^(ERROR|FATAL|PANIC):\\s+"));
        e.message.remove(severity);
        e.message = e.message.section(QLatin1Char('\n'), 0, 0);
    }
    e.detail = pghandle::errorDetail(query);
    e.hint = pghandle::errorHint(query);
    e.position = pghandle::errorPosition(query);
    return e;
}

Error DbError::toError(const QString &context, const QString &statement) const
{
    Error headline(Error::Kind::Database, context.isEmpty() ? message : context + QStringLiteral(": ") + message);
    headline.setSqlState(sqlState);
    return withCauses(std::move(headline), statement);
}

Error DbError::withCauses(Error headline, const QString &statement) const
{
    if (position > 0 && !statement.isEmpty())
        headline.where().statementOffset = position - 1;
    // Error keeps one cause, which keeps its own: built from the last
    std::optional<Error> chain;
    auto prepend = [&chain](const QString &text) {
        Error e(Error::Kind::Database, text);
        if (chain)
            e.causedBy(*chain);
        chain = e;
    };
    if (!statement.isEmpty())
        prepend(QStringLiteral("while running: %1").arg(statement.simplified()));
    if (!hint.isEmpty())
        prepend(QStringLiteral("HINT: ") + hint);
    if (!detail.isEmpty())
        prepend(QStringLiteral("DETAIL: ") + detail);
    if (chain)
        headline.causedBy(*chain);
    return headline;
}

} // namespace retort
