#include "render/oprenderer.h"

#include "render/ddlrenderer.h"
#include "render/dmlrenderer.h"
#include "render/renderargs.h"

#include <QHash>
#include <QRegularExpression>

namespace retort {

namespace {

using OpFunction = bool (*)(const PyValue &, QStringList &, QString &);

const QHash<QString, OpFunction> &operations()
{
    static const QHash<QString, OpFunction> ops = {
        {QStringLiteral("drop_table"), &ddl::dropTable},
        {QStringLiteral("add_column"), &ddl::addColumn},
        {QStringLiteral("drop_column"), &ddl::dropColumn},
        {QStringLiteral("alter_column"), &ddl::alterColumn},
        {QStringLiteral("create_index"), &ddl::createIndex},
        {QStringLiteral("drop_index"), &ddl::dropIndex},
        {QStringLiteral("create_foreign_key"), &ddl::createForeignKey},
        {QStringLiteral("create_unique_constraint"), &ddl::createUniqueConstraint},
        {QStringLiteral("create_check_constraint"), &ddl::createCheckConstraint},
        {QStringLiteral("create_primary_key"), &ddl::createPrimaryKey},
        {QStringLiteral("drop_constraint"), &ddl::dropConstraint},
        {QStringLiteral("rename_table"), &ddl::renameTable},
        {QStringLiteral("create_table_comment"), &ddl::createTableComment},
        {QStringLiteral("drop_table_comment"), &ddl::dropTableComment},
        {QStringLiteral("bulk_insert"), &dml::bulkInsert},
        {QStringLiteral("enum_create"), &ddl::createEnumType},
        {QStringLiteral("enum_drop"), &ddl::dropEnumType},
    };
    return ops;
}

} // namespace

bool OpRenderer::render(const OpCall &call, QStringList &statements, QString &reason) const
{
    if (call.name == QLatin1String("execute"))
        return execute(call.call, statements, reason);
    if (call.name == QLatin1String("create_table"))
        return ddl::createTable(call.call, statements, reason, m_createdEnums);
    if (const auto it = operations().constFind(call.name); it != operations().constEnd())
        return (*it)(call.call, statements, reason);
    reason = QStringLiteral("op.%1 is not rendered natively yet").arg(call.name);
    return false;
}

bool OpRenderer::execute(const PyValue &c, QStringList &out, QString &reason) const
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

} // namespace retort
