#include "journal/journalrecord.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace retort {

namespace {

QString rows(const QStringList &list)
{
    return list.isEmpty() ? QStringLiteral("(none)") : list.join(QStringLiteral(", "));
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out << v.toString();
    return out;
}

void putIfSet(QJsonObject &o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

QJsonObject stepJson(const JournalStep &s)
{
    QJsonObject o;
    o.insert(QLatin1String("kind"), s.kind);
    putIfSet(o, "revision", s.revision);
    o.insert(QLatin1String("from"), strings(s.from));
    o.insert(QLatin1String("to"), strings(s.to));
    o.insert(QLatin1String("outcome"), s.outcome);
    putIfSet(o, "engine", s.engine);
    putIfSet(o, "file", s.file);
    putIfSet(o, "upgradeSha256", s.upgradeSha256);
    putIfSet(o, "downgradeSha256", s.downgradeSha256);
    putIfSet(o, "moduleSha256", s.moduleSha256);
    putIfSet(o, "upgradeText", s.upgradeText);
    putIfSet(o, "downgradeText", s.downgradeText);
    putIfSet(o, "moduleText", s.moduleText);
    putIfSet(o, "bodyError", s.bodyError);
    return o;
}

JournalStep stepOf(const QJsonObject &o)
{
    JournalStep s;
    s.kind = o.value(QLatin1String("kind")).toString();
    s.revision = o.value(QLatin1String("revision")).toString();
    s.from = stringsOf(o.value(QLatin1String("from")));
    s.to = stringsOf(o.value(QLatin1String("to")));
    s.outcome = o.value(QLatin1String("outcome")).toString();
    s.engine = o.value(QLatin1String("engine")).toString();
    s.file = o.value(QLatin1String("file")).toString();
    s.upgradeSha256 = o.value(QLatin1String("upgradeSha256")).toString();
    s.downgradeSha256 = o.value(QLatin1String("downgradeSha256")).toString();
    s.moduleSha256 = o.value(QLatin1String("moduleSha256")).toString();
    s.upgradeText = o.value(QLatin1String("upgradeText")).toString();
    s.downgradeText = o.value(QLatin1String("downgradeText")).toString();
    s.moduleText = o.value(QLatin1String("moduleText")).toString();
    s.bodyError = o.value(QLatin1String("bodyError")).toString();
    return s;
}

} // namespace

bool JournalStep::operator==(const JournalStep &o) const
{
    return stepJson(*this) == stepJson(o);
}

QJsonObject JournalRecord::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("format"), kFormat);
    o.insert(QLatin1String("id"), id);
    o.insert(QLatin1String("startedAt"), startedAt.toUTC().toString(Qt::ISODateWithMs));
    o.insert(QLatin1String("durationMs"), double(durationMs));
    o.insert(QLatin1String("operation"), operation);
    o.insert(QLatin1String("targets"), strings(targets));
    o.insert(QLatin1String("outcome"), outcome);
    o.insert(QLatin1String("osUser"), osUser);
    o.insert(QLatin1String("databaseUser"), databaseUser);
    o.insert(QLatin1String("clientHost"), clientHost);
    o.insert(QLatin1String("databaseKey"), databaseKey);
    putIfSet(o, "databaseIdentity", databaseIdentity);
    o.insert(QLatin1String("server"), server);
    putIfSet(o, "project", project);
    putIfSet(o, "versionTable", versionTable);
    o.insert(QLatin1String("transactionPerMigration"), transactionPerMigration);
    o.insert(QLatin1String("headsBefore"), strings(headsBefore));
    o.insert(QLatin1String("headsAfter"), strings(headsAfter));
    if (rowWritesBefore)
        o.insert(QLatin1String("rowWritesBefore"), strings(*rowWritesBefore));
    if (rowWritesAfter)
        o.insert(QLatin1String("rowWritesAfter"), strings(*rowWritesAfter));
    o.insert(QLatin1String("sqlSha256"), sqlSha256);
    o.insert(QLatin1String("statementsSent"), statementsSent);
    putIfSet(o, "error", error);
    putIfSet(o, "sqlState", sqlState);
    putIfSet(o, "inDatabase", inDatabase);
    QJsonArray steps;
    for (const JournalStep &s : this->steps)
        steps.append(stepJson(s));
    o.insert(QLatin1String("steps"), steps);
    return o;
}

Result<JournalRecord> JournalRecord::fromJson(const QJsonObject &o)
{
    const int format = o.value(QLatin1String("format")).toInt(-1);
    if (format != kFormat)
        return Error(Error::Kind::Io, QStringLiteral("a journal record of format %1, which this Retort does not read")
                                          .arg(o.value(QLatin1String("format")).toVariant().toString()));
    JournalRecord r;
    r.id = o.value(QLatin1String("id")).toString();
    r.startedAt = QDateTime::fromString(o.value(QLatin1String("startedAt")).toString(), Qt::ISODateWithMs);
    if (r.id.isEmpty() || !r.startedAt.isValid())
        return Error(Error::Kind::Io, QStringLiteral("a journal record without an id or a start time"));
    r.startedAt = r.startedAt.toUTC();
    r.durationMs = qint64(o.value(QLatin1String("durationMs")).toDouble());
    r.operation = o.value(QLatin1String("operation")).toString();
    r.targets = stringsOf(o.value(QLatin1String("targets")));
    r.outcome = o.value(QLatin1String("outcome")).toString();
    r.osUser = o.value(QLatin1String("osUser")).toString();
    r.databaseUser = o.value(QLatin1String("databaseUser")).toString();
    r.clientHost = o.value(QLatin1String("clientHost")).toString();
    r.databaseKey = o.value(QLatin1String("databaseKey")).toString();
    r.databaseIdentity = o.value(QLatin1String("databaseIdentity")).toString();
    r.server = o.value(QLatin1String("server")).toString();
    r.project = o.value(QLatin1String("project")).toString();
    r.versionTable = o.value(QLatin1String("versionTable")).toString();
    r.transactionPerMigration = o.value(QLatin1String("transactionPerMigration")).toBool();
    r.headsBefore = stringsOf(o.value(QLatin1String("headsBefore")));
    r.headsAfter = stringsOf(o.value(QLatin1String("headsAfter")));
    if (o.contains(QLatin1String("rowWritesBefore")))
        r.rowWritesBefore = stringsOf(o.value(QLatin1String("rowWritesBefore")));
    if (o.contains(QLatin1String("rowWritesAfter")))
        r.rowWritesAfter = stringsOf(o.value(QLatin1String("rowWritesAfter")));
    r.sqlSha256 = o.value(QLatin1String("sqlSha256")).toString();
    r.statementsSent = o.value(QLatin1String("statementsSent")).toInt();
    r.error = o.value(QLatin1String("error")).toString();
    r.sqlState = o.value(QLatin1String("sqlState")).toString();
    r.inDatabase = o.value(QLatin1String("inDatabase")).toString();
    for (const QJsonValue &v : o.value(QLatin1String("steps")).toArray())
        r.steps.append(stepOf(v.toObject()));
    return r;
}

QByteArray JournalRecord::toLine() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

QString describeRecord(const JournalRecord &r, const QString &source)
{
    QString text = QStringLiteral("%1  %2 %3  %4  %5 ms  %6 (database user %7) on %8  [%9]\n")
                       .arg(r.startedAt.toString(Qt::ISODateWithMs), r.operation, r.targets.join(QLatin1Char(' ')),
                            r.outcome)
                       .arg(r.durationMs)
                       .arg(r.osUser, r.databaseUser, r.clientHost, source);
    text += QStringLiteral("  id %1  %2  version rows %3 -> %4\n")
                .arg(r.id, r.server, rows(r.headsBefore), rows(r.headsAfter));
    text += QStringLiteral("  sql sha256 %1 (%2 statements)\n").arg(r.sqlSha256).arg(r.statementsSent);
    for (const JournalStep &s : r.steps) {
        QString line = QStringLiteral("  %1 %2 -> %3  %4").arg(s.kind, rows(s.from), rows(s.to), s.outcome);
        if (!s.engine.isEmpty())
            line += QStringLiteral("  %1").arg(s.engine);
        if (!s.upgradeSha256.isEmpty())
            line += QStringLiteral("  upgrade() %1 downgrade() %2").arg(s.upgradeSha256.left(12), s.downgradeSha256.left(12));
        text += line + QLatin1Char('\n');
    }
    if (!r.error.isEmpty())
        text += QStringLiteral("  error: %1\n").arg(QString(r.error).replace(QLatin1Char('\n'), QStringLiteral("\n    ")));
    return text;
}

bool JournalRecord::operator==(const JournalRecord &o) const
{
    return toJson() == o.toJson();
}

} // namespace retort
