#include "render/oprenderer.h"

#include "render/ddlrenderer.h"
#include "render/dmlrenderer.h"
#include "render/renderargs.h"

namespace retort {

namespace {

// A renderer that has no use for the run's enums.
template <bool (*F)(const PyValue &, QStringList &, QString &)>
bool stateless(const PyValue &call, QStringList &out, QString &reason, QSet<QString> &)
{
    return F(call, out, reason);
}

bool execute(const PyValue &c, QStringList &out, QString &reason)
{
    const render::Args a = render::bindArgs(c, {"sqltext"});
    if (!a.ok())
        return reason = QStringLiteral("op.execute: ") + a.error, false;
    const PyValue *v = a[0];
    if (v && v->isConstruct("sa.text") && v->items.size() == 1 && v->keywords.isEmpty())
        v = &v->items.front();
    if (!v || !v->isStr())
        return reason = QStringLiteral("op.execute of something that is not a literal str or sa.text(str)"), false;
    // text(): ":name" is a bind parameter and "\:" an escape; '%' depends on
    // env.py's paramstyle. Those need SQLAlchemy itself.
    QString text;
    if (!render::plainSqlText(v, text, false))
        return reason = QStringLiteral("op.execute text with bind parameters, '\\:' or '%'"), false;
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

const OpSpec kOperations[] = {
    {"execute", &stateless<&execute>},
    {"create_table", &ddl::createTable},
    {"drop_table", &stateless<&ddl::dropTable>},
    {"add_column", &stateless<&ddl::addColumn>, 0, 1, "schema"},
    {"drop_column", &stateless<&ddl::dropColumn>, 0, 1, "schema"},
    {"alter_column", &stateless<&ddl::alterColumn>, 0, 1, "schema"},
    {"create_index", &stateless<&ddl::createIndex>, 1, 2, "schema"},
    {"drop_index", &stateless<&ddl::dropIndex>, 1, 1, "schema"},
    {"create_foreign_key", &stateless<&ddl::createForeignKey>, 1, 4, "source_schema"},
    {"create_unique_constraint", &stateless<&ddl::createUniqueConstraint>, 1, 2, "schema"},
    {"create_check_constraint", &stateless<&ddl::createCheckConstraint>, 1, 2, "schema"},
    {"create_primary_key", &stateless<&ddl::createPrimaryKey>, 1, 2, "schema"},
    {"create_exclude_constraint", nullptr},
    {"drop_constraint", &stateless<&ddl::dropConstraint>, 1, 2, "schema"},
    {"rename_table", &stateless<&ddl::renameTable>},
    {"create_table_comment", &stateless<&ddl::createTableComment>},
    {"drop_table_comment", &stateless<&ddl::dropTableComment>},
    {"bulk_insert", &stateless<&dml::bulkInsert>},
    {"enum_create", &stateless<&ddl::createEnumType>, -1, 0, nullptr, false},
    {"enum_drop", &stateless<&ddl::dropEnumType>, -1, 0, nullptr, false},
};

} // namespace

const OpSpec *findOperation(const QString &name)
{
    for (const OpSpec &op : kOperations)
        if (name == QLatin1String(op.name))
            return &op;
    return nullptr;
}

bool OpRenderer::render(const OpCall &call, QStringList &statements, QString &reason) const
{
    const OpSpec *op = findOperation(call.name);
    if (!op || !op->render) {
        reason = QStringLiteral("op.%1 is not rendered natively yet").arg(call.name);
        return false;
    }
    return op->render(call.call, statements, reason, m_createdEnums);
}

} // namespace retort
