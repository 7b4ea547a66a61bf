#include "schemasnapshot.h"

#include "risk/relationname.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace retort {

namespace {

// Schemas that are PostgreSQL's own, never a migration's.
const char kUserSchema[] = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
                           "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%' ";

// Objects an extension created come and go with the extension.
QString notInExtension(const char *catalog, const char *oid)
{
    return QStringLiteral("AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '%1'::regclass "
                          "AND e.objid = %2 AND e.deptype = 'e') ")
        .arg(QLatin1String(catalog), QLatin1String(oid));
}

// How a query's rows become objects. Each row: schema, the table it belongs
// to (NULL when none), the object's own name, for a function its argument
// list, then one value per attribute. Identifiers in attribute values are
// quoted by the query (quote_ident, format's %I), as PostgreSQL's own
// pg_get_*def() quote them.
struct Source {
    const char *kind;
    bool namedUnderTable;  // "users.email" (columns, constraints, ...) rather than "ix_a" (indexes)
    QStringList attributes;
    QString sql;
    bool withArguments = false;  // "touch(integer)"
};

// Names as PostgreSQL prints them (quote_ident, regclass): "Users"."E-mail",
// so that a name with a dot, a quote or a capital reads as one name.
QString qualified(const QString &schema, const QString &name)
{
    return risk::regclassText(schema, name);
}

QVector<Source> sources()
{
    const QString user = QString::fromLatin1(kUserSchema);
    QVector<Source> s;
    s.append({"schema", false, {QStringLiteral("comment")},
              QStringLiteral("SELECT n.nspname, NULL, NULL, obj_description(n.oid, 'pg_namespace') "
                             "FROM pg_namespace n WHERE ")
                  + user + notInExtension("pg_namespace", "n.oid")});
    s.append({"extension", false, {QStringLiteral("schema")},
              QStringLiteral("SELECT 'public', NULL, x.extname, quote_ident(n.nspname) FROM pg_extension x "
                             "JOIN pg_namespace n ON n.oid = x.extnamespace WHERE x.extname <> 'plpgsql'")});
    s.append({"table", false,
              {QStringLiteral("kind"), QStringLiteral("unlogged"), QStringLiteral("row security"),
               QStringLiteral("partitioned by"), QStringLiteral("definition"), QStringLiteral("comment")},
              QStringLiteral("SELECT n.nspname, NULL, c.relname, "
                             "CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' "
                             "WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' END, "
                             "CASE WHEN c.relpersistence = 'u' THEN 'yes' END, "
                             "CASE WHEN c.relrowsecurity THEN CASE WHEN c.relforcerowsecurity THEN 'forced' "
                             "ELSE 'enabled' END END, "
                             "CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END, "
                             "CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END, "
                             "obj_description(c.oid, 'pg_class') "
                             "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                             "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ")
                  + user + notInExtension("pg_class", "c.oid")});
    s.append({"column", true,
              {QStringLiteral("type"), QStringLiteral("not null"), QStringLiteral("default"),
               QStringLiteral("identity"), QStringLiteral("generated"), QStringLiteral("collation"),
               QStringLiteral("comment")},
              QStringLiteral("SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), "
                             "CASE WHEN a.attnotnull THEN 'yes' END, pg_get_expr(d.adbin, d.adrelid), "
                             "CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END, "
                             "CASE a.attgenerated WHEN 's' THEN 'stored' END, "
                             "CASE WHEN a.attcollation <> t.typcollation THEN quote_ident(co.collname) END, "
                             "col_description(c.oid, a.attnum) "
                             "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                             "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid "
                             "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                             "LEFT JOIN pg_collation co ON co.oid = a.attcollation "
                             "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') "
                             "AND ")
                  + user + notInExtension("pg_class", "c.oid")});
    s.append({"constraint", true, {QStringLiteral("definition"), QStringLiteral("comment")},
              QStringLiteral("SELECT n.nspname, COALESCE(c.relname, t.typname), k.conname, "
                             "pg_get_constraintdef(k.oid, true), obj_description(k.oid, 'pg_constraint') "
                             "FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace "
                             "LEFT JOIN pg_class c ON c.oid = k.conrelid LEFT JOIN pg_type t ON t.oid = k.contypid "
                             "WHERE ")
                  + user + notInExtension("pg_constraint", "k.oid")});
    s.append({"index", false, {QStringLiteral("definition"), QStringLiteral("comment")},
              QStringLiteral("SELECT n.nspname, tc.relname, ic.relname, pg_get_indexdef(i.indexrelid), "
                             "obj_description(ic.oid, 'pg_class') "
                             "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
                             "JOIN pg_class tc ON tc.oid = i.indrelid JOIN pg_namespace n ON n.oid = ic.relnamespace "
                             "WHERE ")
                  + user + notInExtension("pg_class", "ic.oid")});
    s.append({"sequence", false,
              {QStringLiteral("type"), QStringLiteral("start"), QStringLiteral("increment"),
               QStringLiteral("minimum"), QStringLiteral("maximum"), QStringLiteral("cache"),
               QStringLiteral("cycle"), QStringLiteral("owned by"), QStringLiteral("comment")},
              // an owned sequence (serial, identity) comes and goes with its table
              QStringLiteral("SELECT n.nspname, (SELECT tc.relname FROM pg_depend d JOIN pg_class tc ON tc.oid = "
                             " d.refobjid WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid "
                             " AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') "
                             " AND d.refobjsubid > 0 LIMIT 1), c.relname, format_type(q.seqtypid, NULL), q.seqstart::text, "
                             "q.seqincrement::text, q.seqmin::text, q.seqmax::text, q.seqcache::text, "
                             "CASE WHEN q.seqcycle THEN 'yes' END, "
                             "(SELECT format('%I.%I.%I', tn.nspname, tc.relname, a.attname) FROM pg_depend d "
                             " JOIN pg_class tc ON tc.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = tc.relnamespace "
                             " JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid "
                             " WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid "
                             " AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0 LIMIT 1), "
                             "obj_description(c.oid, 'pg_class') "
                             "FROM pg_sequence q JOIN pg_class c ON c.oid = q.seqrelid "
                             "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ")
                  + user + notInExtension("pg_class", "c.oid")});
    s.append({"type", false, {QStringLiteral("definition"), QStringLiteral("comment")},
              QStringLiteral("SELECT n.nspname, NULL, t.typname, "
                             "CASE t.typtype "
                             " WHEN 'e' THEN 'enum (' || (SELECT string_agg(quote_literal(e.enumlabel), ', ' "
                             "   ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid) || ')' "
                             " WHEN 'd' THEN 'domain ' || format_type(t.typbasetype, t.typtypmod) "
                             "   || CASE WHEN t.typnotnull THEN ' not null' ELSE '' END "
                             "   || COALESCE(' default ' || t.typdefault, '') "
                             " WHEN 'c' THEN 'composite (' || (SELECT string_agg(quote_ident(a.attname) || ' ' "
                             "   || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum) FROM pg_attribute a "
                             "   WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) || ')' "
                             " WHEN 'r' THEN 'range of ' || (SELECT format_type(r.rngsubtype, NULL) FROM pg_range r "
                             "   WHERE r.rngtypid = t.oid) "
                             "END, obj_description(t.oid, 'pg_type') "
                             "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                             "WHERE (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND "
                             " (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')) AND ")
                  + user + notInExtension("pg_type", "t.oid")});
    s.append({"function", false, {QStringLiteral("definition"), QStringLiteral("comment")},
              QStringLiteral("SELECT n.nspname, NULL, p.proname, pg_get_function_identity_arguments(p.oid), "
                             "pg_get_functiondef(p.oid), obj_description(p.oid, 'pg_proc') "
                             "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                             "WHERE p.prokind IN ('f', 'p') AND ")
                  + user + notInExtension("pg_proc", "p.oid"),
              true});
    s.append({"trigger", true, {QStringLiteral("definition"), QStringLiteral("enabled"), QStringLiteral("comment")},
              QStringLiteral("SELECT n.nspname, c.relname, g.tgname, pg_get_triggerdef(g.oid, true), "
                             "CASE g.tgenabled WHEN 'O' THEN NULL WHEN 'D' THEN 'disabled' WHEN 'R' THEN 'replica' "
                             "WHEN 'A' THEN 'always' END, obj_description(g.oid, 'pg_trigger') "
                             "FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid "
                             "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT g.tgisinternal AND ")
                  + user});
    s.append({"policy", true,
              {QStringLiteral("command"), QStringLiteral("permissive"), QStringLiteral("roles"),
               QStringLiteral("using"), QStringLiteral("with check"), QStringLiteral("comment")},
              QStringLiteral("SELECT n.nspname, c.relname, p.polname, p.polcmd::text, "
                             "CASE WHEN p.polpermissive THEN 'yes' ELSE 'no' END, "
                             "(SELECT string_agg(CASE WHEN r = 0 THEN 'public' ELSE quote_ident(pg_get_userbyid(r)::text) END, "
                             " ', ' ORDER BY 1) FROM unnest(p.polroles) r), "
                             "pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid), "
                             "obj_description(p.oid, 'pg_policy') "
                             "FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid "
                             "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ")
                  + user});
    return s;
}

} // namespace

bool SchemaSnapshot::operator==(const SchemaSnapshot &other) const
{
    if (objects.size() != other.objects.size())
        return false;
    for (auto a = objects.cbegin(), b = other.objects.cbegin(); a != objects.cend(); ++a, ++b)
        if (a.key() != b.key() || a->attributes != b->attributes)
            return false;
    return true;
}

Result<SchemaSnapshot> readSchemaSnapshot(const QSqlDatabase &db, const SnapshotOptions &options)
{
    QString excludedSchema = options.excludeTableSchema;
    if (!options.excludeTable.isEmpty() && excludedSchema.isEmpty()) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT current_schema()")) || !q.next())
            return Error(Error::Kind::Database,
                         QStringLiteral("cannot read the current schema: %1").arg(q.lastError().text()));
        excludedSchema = q.value(0).toString();
    }
    SchemaSnapshot snapshot;
    for (const Source &source : sources()) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(source.sql))
            return Error(Error::Kind::Database, QStringLiteral("reading the schema (%1s) failed: %2")
                                                    .arg(QLatin1String(source.kind), q.lastError().text()));
        const QString kind = QLatin1String(source.kind);
        while (q.next()) {
            const QString schema = q.value(0).toString();
            const QString table = q.value(1).toString();
            const QString own = q.value(2).toString();
            const bool onExcluded = schema == excludedSchema && !options.excludeTable.isEmpty()
                                    && (table == options.excludeTable
                                        || (kind == QLatin1String("table") && own == options.excludeTable));
            if (onExcluded)
                continue;
            SchemaObject o;
            o.kind = kind;
            if (kind == QLatin1String("schema"))
                o.name = risk::pgQuoteIdentifier(schema);
            else if (source.namedUnderTable)
                o.name = qualified(schema, table) + QLatin1Char('.') + risk::pgQuoteIdentifier(own);
            else
                o.name = qualified(schema, own);
            const int firstAttribute = source.withArguments ? 4 : 3;
            if (source.withArguments)
                o.name += QLatin1Char('(') + q.value(3).toString() + QLatin1Char(')');
            if (!table.isEmpty())
                o.parent = qualified(schema, table);
            for (int i = 0; i < source.attributes.size(); ++i) {
                const QString value = q.value(firstAttribute + i).toString();
                if (!value.isEmpty())
                    o.attributes.insert(source.attributes[i], value);
            }
            // a view is named a view, not a table with a kind
            if (kind == QLatin1String("table") && o.attributes.contains(QStringLiteral("kind"))
                && o.attributes.value(QStringLiteral("kind")) != QLatin1String("partitioned table"))
                o.kind = o.attributes.take(QStringLiteral("kind"));
            snapshot.objects.insert(o.key(), o);
        }
    }
    return snapshot;
}

} // namespace retort
