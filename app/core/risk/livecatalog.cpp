#include "risk/livecatalog.h"

#include "db/dberror.h"
#include "risk/altertablerisk.h"

#include <QSqlQuery>
#include <QVariant>

namespace retort::risk {

namespace {

const QString kUserRelations = QStringLiteral(
    "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'");

QString onDelete(const QString &code)
{
    if (code == QLatin1String("c"))
        return QStringLiteral("CASCADE");
    if (code == QLatin1String("n"))
        return QStringLiteral("SET NULL");
    if (code == QLatin1String("d"))
        return QStringLiteral("SET DEFAULT");
    if (code == QLatin1String("r"))
        return QStringLiteral("RESTRICT");
    return {};
}

} // namespace

Result<SchemaCatalog> readSchemaCatalog(const QSqlDatabase &db)
{
    SchemaCatalog catalog;
    QSqlQuery q(db);
    auto run = [&q](const QString &sql, const QString &what) -> Error {
        if (q.exec(sql))
            return {};
        return DbError::of(q).toError(QStringLiteral("reading %1 for the lock model").arg(what), sql);
    };
    if (Error e = run(QStringLiteral("SELECT c.oid::regclass::text, c.relkind, c.reltuples FROM pg_class c "
                                     "JOIN pg_namespace n ON n.oid = c.relnamespace "
                                     "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ")
                          + kUserRelations,
                      QStringLiteral("the tables")))
        return e;
    while (q.next()) {
        SchemaCatalog::Table &t = catalog.addTable(q.value(0).toString(), false);
        const QString kind = q.value(1).toString();
        t.isView = kind == QLatin1String("v");
        t.isMaterializedView = kind == QLatin1String("m");
        // statistics that saw rows; -1 (never analysed) and 0 (maybe stale) say nothing
        if (q.value(2).toDouble() > 0)
            t.rows = SchemaCatalog::Rows::Some;
    }
    if (Error e = run(QStringLiteral("SELECT a.attrelid::regclass::text, a.attname, format_type(a.atttypid, a.atttypmod) "
                                     "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                                     "JOIN pg_namespace n ON n.oid = c.relnamespace "
                                     "WHERE a.attnum > 0 AND NOT a.attisdropped "
                                     "AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ")
                          + kUserRelations,
                      QStringLiteral("the columns")))
        return e;
    while (q.next())
        if (SchemaCatalog::Table *t = catalog.table(q.value(0).toString()))
            t->columnTypes.insert(q.value(1).toString(), q.value(2).toString());
    for (auto it = catalog.begin(); it != catalog.end(); ++it)
        for (QString &type : it->columnTypes)
            type = normalizeType(type);

    // attribute names joined with a unit separator: names may hold commas
    const QString names = QStringLiteral(
        "(SELECT string_agg(a.attname, E'\\x1f' ORDER BY k.n) FROM unnest(%1) WITH ORDINALITY k(att, n) "
        "JOIN pg_attribute a ON a.attrelid = %2 AND a.attnum = k.att)");
    if (Error e = run(QStringLiteral("SELECT c.conrelid::regclass::text, c.conname, c.confrelid::regclass::text, "
                                     "c.convalidated, c.confdeltype, c.condeferred, %1, %2 "
                                     "FROM pg_constraint c WHERE c.contype = 'f'")
                          .arg(names.arg(QStringLiteral("c.conkey"), QStringLiteral("c.conrelid")),
                               names.arg(QStringLiteral("c.confkey"), QStringLiteral("c.confrelid"))),
                      QStringLiteral("the foreign keys")))
        return e;
    while (q.next()) {
        SchemaCatalog::ForeignKey fk;
        fk.table = q.value(0).toString();
        fk.name = q.value(1).toString();
        fk.referenced = q.value(2).toString();
        fk.valid = q.value(3).toBool();
        fk.onDelete = onDelete(q.value(4).toString());
        fk.deferred = q.value(5).toBool();
        fk.columns = q.value(6).toString().split(QChar(0x1f));
        fk.referencedColumns = q.value(7).toString().split(QChar(0x1f));
        catalog.addForeignKey(fk);
    }
    if (Error e = run(QStringLiteral("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), convalidated "
                                     "FROM pg_constraint WHERE contype = 'c' AND conrelid <> 0"),
                      QStringLiteral("the check constraints")))
        return e;
    while (q.next()) {
        SchemaCatalog::Check check;
        check.table = q.value(0).toString();
        check.name = q.value(1).toString();
        // "CHECK ((a > 0)) NOT VALID" -> "((a > 0))"
        QString def = q.value(2).toString();
        def.remove(QStringLiteral(" NOT VALID"));
        check.expression = def.mid(def.indexOf(QLatin1Char('('))).simplified().toLower();
        check.valid = q.value(3).toBool();
        catalog.addCheck(check);
    }
    if (Error e = run(QStringLiteral("SELECT i.indexrelid::regclass::text, i.indrelid::regclass::text, a.attname "
                                     "FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
                                     "JOIN pg_namespace n ON n.oid = c.relnamespace "
                                     "LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] "
                                     "WHERE ")
                          + kUserRelations,
                      QStringLiteral("the indexes")))
        return e;
    while (q.next()) {
        catalog.addIndex(q.value(0).toString(), q.value(1).toString());
        if (!q.value(2).isNull())
            catalog.addIndexedColumn(q.value(1).toString(), q.value(2).toString());
    }
    return catalog;
}

} // namespace retort::risk
