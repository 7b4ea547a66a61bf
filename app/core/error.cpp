#include "error.h"

namespace retort {

bool Location::isEmpty() const
{
    return file.isEmpty() && line == 0 && revision.isEmpty() && statementOffset < 0;
}

QString Location::toString() const
{
    QString out = file;
    if (line > 0) {
        out += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            out += QLatin1Char(':') + QString::number(column);
    }
    if (!revision.isEmpty()) {
        if (!out.isEmpty())
            out += QLatin1Char(' ');
        out += QStringLiteral("(revision %1)").arg(revision);
    }
    if (statementOffset >= 0) {
        if (!out.isEmpty())
            out += QLatin1Char(' ');
        out += QStringLiteral("(statement at offset %1)").arg(statementOffset);
    }
    return out;
}

Error::Error(Kind kind, QString message, Location where)
    : m_kind(kind), m_message(std::move(message)), m_where(std::move(where))
{
}

Error Error::syntax(const QString &file, int line, int column, const QString &message)
{
    Location loc;
    loc.file = file;
    loc.line = line;
    loc.column = column;
    return Error(Kind::Syntax, message, loc);
}

Error &Error::causedBy(const Error &cause)
{
    m_cause = std::make_shared<const Error>(cause);
    return *this;
}

QString Error::headline() const
{
    QString out;
    const QString where = m_where.toString();
    if (!where.isEmpty())
        out = where + QStringLiteral(": ");
    out += m_message;
    if (!m_sqlState.isEmpty())
        out += QStringLiteral(" [SQLSTATE %1]").arg(m_sqlState);
    return out;
}

QString Error::toString() const
{
    QString out = headline();
    for (const Error *c = cause(); c; c = c->cause())
        out += QStringLiteral("\n  caused by: ") + c->headline();
    return out;
}

} // namespace retort
