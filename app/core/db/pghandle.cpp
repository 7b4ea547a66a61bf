#include "db/pghandle.h"

#include "db/pgconn.h"

#include <QSqlQuery>
#include <QSqlResult>
#include <QVariant>

#include <libpq-fe.h>

#include <cstring>

namespace retort::pghandle {

namespace {

PGconn *connOf(const QSqlDatabase &db)
{
    return pgConnOf(db);
}

const PGresult *resultOf(const QSqlQuery &query)
{
    const QSqlResult *r = query.result();
    if (!r)
        return nullptr;
    const QVariant v = r->handle();
    if (!v.isValid() || (qstrcmp(v.typeName(), "PGresult*") != 0 && qstrcmp(v.typeName(), "pg_result*") != 0))
        return nullptr;
    return *static_cast<PGresult *const *>(v.constData());
}

QString field(const QSqlQuery &query, int code)
{
    const PGresult *res = resultOf(query);
    if (!res)
        return QString();
    const char *value = PQresultErrorField(res, code);
    return value ? QString::fromUtf8(value) : QString();
}

} // namespace

void *newCancel(const QSqlDatabase &db)
{
    PGconn *conn = connOf(db);
    return conn ? PQgetCancel(conn) : nullptr;
}

void freeCancel(void *cancel)
{
    if (cancel)
        PQfreeCancel(static_cast<PGcancel *>(cancel));
}

bool sendCancel(void *cancel, QString *error)
{
    if (!cancel)
        return false;
    char buffer[256] = {};
    const bool ok = PQcancel(static_cast<PGcancel *>(cancel), buffer, int(sizeof buffer)) == 1;
    if (!ok && error)
        *error = QString::fromLocal8Bit(buffer).trimmed();
    return ok;
}

bool connectionAlive(const QSqlDatabase &db)
{
    PGconn *conn = connOf(db);
    if (!conn)
        return db.isOpen();
    return PQstatus(conn) == CONNECTION_OK;
}

int errorPosition(const QSqlQuery &query)
{
    return field(query, PG_DIAG_STATEMENT_POSITION).toInt();
}

QString errorPrimary(const QSqlQuery &query)
{
    return field(query, PG_DIAG_MESSAGE_PRIMARY);
}

QString errorDetail(const QSqlQuery &query)
{
    return field(query, PG_DIAG_MESSAGE_DETAIL);
}

QString errorHint(const QSqlQuery &query)
{
    return field(query, PG_DIAG_MESSAGE_HINT);
}

int backendPid(const QSqlDatabase &db)
{
    PGconn *conn = connOf(db);
    return conn ? PQbackendPID(conn) : 0;
}

} // namespace retort::pghandle
