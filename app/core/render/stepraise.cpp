#include "render/stepraise.h"

namespace retort {

QString StepRaise::text() const
{
    return message.isEmpty() ? exception : QStringLiteral("%1: %2").arg(exception, message);
}

QString StepRaise::note() const
{
    return QStringLiteral("Irreversible: %1 (%2:%3)")
        .arg(message.isEmpty() ? exception : message, file.section(QLatin1Char('/'), -1))
        .arg(line);
}

Error StepRaise::alembicError() const
{
    Location where;
    where.file = file;
    where.line = line;
    where.revision = revision;
    return Error(Error::Kind::Revision, text(), where);
}

Error StepRaise::runRefusal() const
{
    Location where;
    where.file = file;
    where.line = line;
    where.revision = revision;
    return Error(Error::Kind::Revision,
                 QStringLiteral("revision %1 is irreversible: its %2() raises %3 (%4:%5); refused before "
                                "anything ran, the database is unchanged")
                     .arg(revision, upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade"), text(),
                          file.section(QLatin1Char('/'), -1))
                     .arg(line),
                 where);
}

} // namespace retort
