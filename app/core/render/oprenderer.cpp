#include "render/oprenderer.h"

#include "render/sqlquoting.h"

#include <QRegularExpression>

namespace retort {

namespace {

// Positional-or-keyword parameters of an alembic op, in order; the call must
// use no others.
struct Args {
    QVector<const PyValue *> values;  // nullptr: not given
    QString error;
};

Args bindArgs(const PyValue &call, std::initializer_list<const char *> params)
{
    Args a;
    const QVector<const char *> names(params);
    a.values.fill(nullptr, names.size());
    if (call.items.size() > names.size()) {
        a.error = QStringLiteral("too many positional arguments");
        return a;
    }
    for (int i = 0; i < call.items.size(); ++i)
        a.values[i] = &call.items[i];
    for (const auto &kw : call.keywords) {
        int idx = -1;
        for (int i = 0; i < names.size(); ++i)
            if (kw.first == QLatin1String(names[i]))
                idx = i;
        if (idx < 0 || a.values[idx]) {
            a.error = QStringLiteral("the argument %1= is not rendered natively yet").arg(kw.first);
            return a;
        }
        a.values[idx] = &kw.second;
    }
    return a;
}

bool isNone(const PyValue *v)
{
    return !v || v->kind == PyValue::Kind::None;
}

// A name: a str or op.f(str); checked against PostgreSQL's length limit
// (SQLAlchemy raises IdentifierError beyond it).
bool nameOf(const PyValue *v, QString &out, QString &reason, const char *what)
{
    if (v && v->isConstruct("op.f") && v->items.size() == 1 && v->keywords.isEmpty())
        v = &v->items.front();
    if (!v || !v->isStr()) {
        reason = QStringLiteral("%1 is not a literal str").arg(QLatin1String(what));
        return false;
    }
    if (v->str.size() > sql::kMaxIdentifierLength) {
        reason = QStringLiteral("%1 is longer than %2 characters").arg(QLatin1String(what)).arg(sql::kMaxIdentifierLength);
        return false;
    }
    out = v->str;
    return true;
}

bool schemaOf(const PyValue *v, QString &out, QString &reason)
{
    if (isNone(v))
        return true;
    return nameOf(v, out, reason, "schema");
}

bool columnList(const PyValue *v, QString &out, QString &reason)
{
    if (!v || !v->isSequence() || v->items.isEmpty()) {
        reason = QStringLiteral("the columns are not a literal list of names");
        return false;
    }
    QStringList cols;
    for (const PyValue &c : v->items) {
        QString n;
        if (!nameOf(&c, n, reason, "a column"))
            return false;
        cols << sql::quoteIdentifier(n);
    }
    out = cols.join(QStringLiteral(", "));
    return true;
}

} // namespace

bool OpRenderer::render(const OpCall &call, QStringList &statements, QString &reason) const
{
    const PyValue &c = call.call;
    const QString &n = call.name;
    if (n == QLatin1String("execute"))
        return execute(c, statements, reason);
    if (n == QLatin1String("drop_table"))
        return dropTable(c, statements, reason);
    if (n == QLatin1String("drop_column"))
        return dropColumn(c, statements, reason);
    if (n == QLatin1String("create_index"))
        return createIndex(c, statements, reason);
    if (n == QLatin1String("drop_index"))
        return dropIndex(c, statements, reason);
    if (n == QLatin1String("create_foreign_key"))
        return createForeignKey(c, statements, reason);
    if (n == QLatin1String("drop_constraint"))
        return dropConstraint(c, statements, reason);
    reason = QStringLiteral("op.%1 is not rendered natively yet").arg(n);
    return false;
}

bool OpRenderer::execute(const PyValue &c, QStringList &out, QString &reason) const
{
    const Args a = bindArgs(c, {"sqltext"});
    if (!a.error.isEmpty())
        return reason = QStringLiteral("op.execute: ") + a.error, false;
    const PyValue *v = a.values[0];
    if (v && v->isConstruct("sa.text") && v->items.size() == 1 && v->keywords.isEmpty())
        v = &v->items.front();
    if (!v || !v->isStr())
        return reason = QStringLiteral("op.execute of something that is not a literal str or sa.text(str)"), false;
    // text(): ":name" is a bind parameter and "\:" an escape; '%' depends on
    // env.py's paramstyle. Those need SQLAlchemy itself.
    static const QRegularExpression bind(QStringLiteral("(?<![:\\w$\\\\]):[\\w$]+(?![:\\w$])"));
    if (v->str.contains(bind) || v->str.contains(QLatin1String("\\:")) || v->str.contains(QLatin1Char('%')))
        return reason = QStringLiteral("op.execute text with bind parameters, '\\:' or '%'"), false;
    QString text = v->str;
    text.replace(QLatin1Char('\t'), QLatin1String("    "));
    // Python's str.strip(): whitespace at both ends
    int b = 0, e = int(text.size());
    while (b < e && text.at(b).isSpace())
        ++b;
    while (e > b && text.at(e - 1).isSpace())
        --e;
    out << text.mid(b, e - b);
    return true;
}

bool OpRenderer::dropTable(const PyValue &c, QStringList &out, QString &reason) const
{
    const Args a = bindArgs(c, {"table_name", "schema"});
    QString table, schema;
    if (!a.error.isEmpty())
        return reason = QStringLiteral("op.drop_table: ") + a.error, false;
    if (!nameOf(a.values[0], table, reason, "the table name") || !schemaOf(a.values[1], schema, reason))
        return false;
    out << QLatin1String("DROP TABLE ") + sql::qualifiedTable(schema, table);
    return true;
}

bool OpRenderer::dropColumn(const PyValue &c, QStringList &out, QString &reason) const
{
    const Args a = bindArgs(c, {"table_name", "column_name", "schema"});
    QString table, column, schema;
    if (!a.error.isEmpty())
        return reason = QStringLiteral("op.drop_column: ") + a.error, false;
    if (!nameOf(a.values[0], table, reason, "the table name") || !nameOf(a.values[1], column, reason, "the column name")
        || !schemaOf(a.values[2], schema, reason))
        return false;
    out << QLatin1String("ALTER TABLE ") + sql::qualifiedTable(schema, table) + QLatin1String(" DROP COLUMN ")
               + sql::quoteIdentifier(column);
    return true;
}

bool OpRenderer::createIndex(const PyValue &c, QStringList &out, QString &reason) const
{
    const Args a = bindArgs(c, {"index_name", "table_name", "columns", "schema", "unique"});
    QString index, table, schema, cols;
    if (!a.error.isEmpty())
        return reason = QStringLiteral("op.create_index: ") + a.error, false;
    if (!nameOf(a.values[0], index, reason, "the index name") || !nameOf(a.values[1], table, reason, "the table name")
        || !columnList(a.values[2], cols, reason) || !schemaOf(a.values[3], schema, reason))
        return false;
    const PyValue *unique = a.values[4];
    if (!isNone(unique) && unique->kind != PyValue::Kind::Bool)
        return reason = QStringLiteral("op.create_index: unique= is not a bool"), false;
    const bool isUnique = unique && unique->kind == PyValue::Kind::Bool && unique->boolean;
    out << QLatin1String(isUnique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") + sql::quoteIdentifier(index)
               + QLatin1String(" ON ") + sql::qualifiedTable(schema, table) + QLatin1String(" (") + cols
               + QLatin1Char(')');
    return true;
}

bool OpRenderer::dropIndex(const PyValue &c, QStringList &out, QString &reason) const
{
    const Args a = bindArgs(c, {"index_name", "table_name", "schema"});
    QString index, table, schema;
    if (!a.error.isEmpty())
        return reason = QStringLiteral("op.drop_index: ") + a.error, false;
    if (!nameOf(a.values[0], index, reason, "the index name") || !schemaOf(a.values[2], schema, reason))
        return false;
    if (!isNone(a.values[1]) && !nameOf(a.values[1], table, reason, "the table name"))
        return false;
    out << QLatin1String("DROP INDEX ") + sql::qualifiedTable(schema, index);
    return true;
}

bool OpRenderer::createForeignKey(const PyValue &c, QStringList &out, QString &reason) const
{
    const Args a = bindArgs(c, {"constraint_name", "source_table", "referent_table", "local_cols", "remote_cols",
                                "onupdate", "ondelete"});
    QString name, source, referent, local, remote;
    if (!a.error.isEmpty())
        return reason = QStringLiteral("op.create_foreign_key: ") + a.error, false;
    if (!nameOf(a.values[0], name, reason, "the constraint name")
        || !nameOf(a.values[1], source, reason, "the source table")
        || !nameOf(a.values[2], referent, reason, "the referent table") || !columnList(a.values[3], local, reason)
        || !columnList(a.values[4], remote, reason))
        return false;
    QString s = QLatin1String("ALTER TABLE ") + sql::quoteIdentifier(source) + QLatin1String(" ADD CONSTRAINT ")
                + sql::quoteIdentifier(name) + QLatin1String(" FOREIGN KEY(") + local + QLatin1String(") REFERENCES ")
                + sql::quoteIdentifier(referent) + QLatin1String(" (") + remote + QLatin1Char(')');
    static const QRegularExpression action(QStringLiteral("^(?:RESTRICT|CASCADE|SET NULL|NO ACTION|SET DEFAULT)$"),
                                           QRegularExpression::CaseInsensitiveOption);
    // SQLAlchemy's order: ON DELETE, then ON UPDATE
    for (const auto &[idx, words] : {std::pair{6, "ON DELETE "}, std::pair{5, "ON UPDATE "}}) {
        const PyValue *v = a.values[idx];
        if (isNone(v))
            continue;
        if (!v->isStr() || !action.match(v->str).hasMatch())
            return reason = QStringLiteral("op.create_foreign_key: an unusual ON DELETE/ON UPDATE action"), false;
        s += QLatin1Char(' ') + QLatin1String(words) + v->str;
    }
    out << s;
    return true;
}

bool OpRenderer::dropConstraint(const PyValue &c, QStringList &out, QString &reason) const
{
    const Args a = bindArgs(c, {"constraint_name", "table_name", "type_", "schema"});
    QString name, table, schema;
    if (!a.error.isEmpty())
        return reason = QStringLiteral("op.drop_constraint: ") + a.error, false;
    if (!nameOf(a.values[0], name, reason, "the constraint name") || !nameOf(a.values[1], table, reason, "the table name")
        || !schemaOf(a.values[3], schema, reason))
        return false;
    if (!isNone(a.values[2]) && !a.values[2]->isStr())
        return reason = QStringLiteral("op.drop_constraint: type_ is not a literal str"), false;
    out << QLatin1String("ALTER TABLE ") + sql::qualifiedTable(schema, table) + QLatin1String(" DROP CONSTRAINT ")
               + sql::quoteIdentifier(name);
    return true;
}

} // namespace retort
