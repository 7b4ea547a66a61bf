#include "pgconn.h"

#include <QSqlDriver>
#include <QVariant>

#include <libpq-fe.h>

namespace retort {

pg_conn *pgConnOf(const QSqlDatabase &db)
{
    if (!db.isValid() || !db.driver())
        return nullptr;
    const QVariant v = db.driver()->handle();
    // QPSQL's metatype names are libpq's struct names
    if (!v.isValid() || (qstrcmp(v.typeName(), "PGconn*") != 0 && qstrcmp(v.typeName(), "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(v.constData());
}

} // namespace retort
