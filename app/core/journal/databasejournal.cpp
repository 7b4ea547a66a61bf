#include "journal/databasejournal.h"

#include "db/dberror.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace retort::databasejournal {

namespace {

// QPSQL binds a null QString as NULL
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

Error failed(const QSqlQuery &q, const QString &what, const QString &sql)
{
    return DbError::of(q).toError(what + QLatin1Char(' ') + tableName(), sql);
}

} // namespace

QString tableName()
{
    return QStringLiteral("retort.journal");
}

Result<bool> exists(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    const QString sql = QStringLiteral("SELECT to_regclass('retort.journal') IS NOT NULL");
    if (!q.exec(sql) || !q.next())
        return failed(q, QStringLiteral("Could not look for"), sql);
    return q.value(0).toBool();
}

Result<QString> identity(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    const QString sql = QStringLiteral("SELECT s.system_identifier::text || '/' || d.oid::text "
                                       "FROM pg_control_system() s, pg_database d WHERE d.datname = current_database()");
    if (!q.exec(sql) || !q.next())
        return DbError::of(q).toError(QStringLiteral("Could not read which database this is"), sql);
    return q.value(0).toString();
}

Error write(const QSqlDatabase &db, const JournalRecord &record)
{
    Result<bool> there = exists(db);
    if (!there)
        return there.error();
    QSqlQuery q(db);
    if (!there.value()) {
        const QStringList create = {
            QStringLiteral("CREATE SCHEMA IF NOT EXISTS retort"),
            QStringLiteral("CREATE TABLE IF NOT EXISTS retort.journal ("
                           "id uuid PRIMARY KEY, "
                           "started_at timestamptz NOT NULL, "
                           "duration_ms bigint NOT NULL, "
                           "operation text NOT NULL, "
                           "targets text NOT NULL, "
                           "outcome text NOT NULL, "
                           "os_user text NOT NULL, "
                           "db_user text NOT NULL, "
                           "client_host text NOT NULL, "
                           "heads_before text NOT NULL, "
                           "heads_after text NOT NULL, "
                           "sql_sha256 text NOT NULL, "
                           "error text, "
                           "record jsonb NOT NULL)"),
            QStringLiteral("COMMENT ON TABLE retort.journal IS 'Retort''s run journal: one row per upgrade, "
                           "downgrade, stamp or reset-local. Not an alembic table.'"),
        };
        for (const QString &sql : create)
            if (!q.exec(sql))
                return failed(q, QStringLiteral("Could not create the journal table"), sql);
    }
    const QString sql = QStringLiteral(
        "INSERT INTO retort.journal (id, started_at, duration_ms, operation, targets, outcome, os_user, db_user, "
        "client_host, heads_before, heads_after, sql_sha256, error, record) "
        "VALUES (CAST(? AS uuid), CAST(? AS timestamptz), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))");
    q.prepare(sql);
    q.addBindValue(text(record.id));
    q.addBindValue(record.startedAt.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(record.durationMs);
    q.addBindValue(text(record.operation));
    q.addBindValue(text(record.targets.join(QLatin1Char(' '))));
    q.addBindValue(text(record.outcome));
    q.addBindValue(text(record.osUser));
    q.addBindValue(text(record.databaseUser));
    q.addBindValue(text(record.clientHost));
    q.addBindValue(text(record.headsBefore.join(QLatin1Char(' '))));
    q.addBindValue(text(record.headsAfter.join(QLatin1Char(' '))));
    q.addBindValue(text(record.sqlSha256));
    q.addBindValue(record.error.isEmpty() ? QVariant() : QVariant(record.error));
    q.addBindValue(QString::fromUtf8(record.toLine()));
    if (!q.exec())
        return failed(q, QStringLiteral("Could not write to"), sql);
    return Error();
}

Result<JournalContents> read(const QSqlDatabase &db)
{
    JournalContents out;
    Result<bool> there = exists(db);
    if (!there)
        return there.error();
    if (!there.value())
        return out;
    QSqlQuery q(db);
    const QString sql = QStringLiteral("SELECT id::text, record::text FROM retort.journal ORDER BY started_at DESC, id");
    if (!q.exec(sql))
        return failed(q, QStringLiteral("Could not read"), sql);
    int row = 0;
    while (q.next()) {
        ++row;
        const QJsonDocument doc = QJsonDocument::fromJson(q.value(1).toString().toUtf8());
        Result<JournalRecord> r = doc.isObject() ? JournalRecord::fromJson(doc.object())
                                                 : Result<JournalRecord>(Error(Error::Kind::Io, QStringLiteral("not a JSON object")));
        if (r)
            out.records.append(std::move(r).value());
        else
            out.damaged.append({row, QStringLiteral("row %1: %2").arg(q.value(0).toString(), r.error().message())});
    }
    return out;
}

} // namespace retort::databasejournal
