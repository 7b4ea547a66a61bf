#include "risk/schemacatalog.h"

#include <QRegularExpression>

#include <algorithm>

namespace retort::risk {

SchemaCatalog::Table *SchemaCatalog::table(const QString &relation)
{
    auto it = m_tables.find(relation);
    return it == m_tables.end() ? nullptr : &it.value();
}

const SchemaCatalog::Table *SchemaCatalog::table(const QString &relation) const
{
    auto it = m_tables.constFind(relation);
    return it == m_tables.constEnd() ? nullptr : &it.value();
}

SchemaCatalog::Table &SchemaCatalog::addTable(const QString &relation, bool createdInPlan)
{
    Table t;
    t.createdInPlan = createdInPlan;
    t.rows = createdInPlan ? Rows::None : Rows::Unknown;
    m_tables.insert(relation, t);
    return m_tables[relation];
}

SchemaCatalog::Table &SchemaCatalog::touch(const QString &relation)
{
    if (!m_tables.contains(relation))
        return addTable(relation, false);
    return m_tables[relation];
}

void SchemaCatalog::dropTable(const QString &relation)
{
    m_tables.remove(relation);
    m_indexed.remove(relation);
    m_foreignKeys.erase(std::remove_if(m_foreignKeys.begin(), m_foreignKeys.end(),
                                       [&](const ForeignKey &fk) {
                                           return fk.table == relation || fk.referenced == relation;
                                       }),
                        m_foreignKeys.end());
    m_checks.erase(std::remove_if(m_checks.begin(), m_checks.end(),
                                  [&](const Check &c) { return c.table == relation; }),
                   m_checks.end());
    for (auto it = m_indexTable.begin(); it != m_indexTable.end();) {
        if (it.value() == relation)
            it = m_indexTable.erase(it);
        else
            ++it;
    }
}

void SchemaCatalog::renameTable(const QString &from, const QString &to)
{
    if (m_indexed.contains(from))
        m_indexed.insert(to, m_indexed.take(from));
    if (!m_tables.contains(from))
        return;
    m_tables.insert(to, m_tables.take(from));
    for (ForeignKey &fk : m_foreignKeys) {
        if (fk.table == from)
            fk.table = to;
        if (fk.referenced == from)
            fk.referenced = to;
    }
    for (Check &c : m_checks)
        if (c.table == from)
            c.table = to;
    for (QString &t : m_indexTable)
        if (t == from)
            t = to;
    for (Table &t : m_tables)
        t.sources.replaceInStrings(QRegularExpression(QStringLiteral("^%1$").arg(QRegularExpression::escape(from))), to);
}

void SchemaCatalog::renameColumn(const QString &relation, const QString &from, const QString &to)
{
    if (Table *t = table(relation); t && t->columnTypes.contains(from))
        t->columnTypes.insert(to, t->columnTypes.take(from));
    for (ForeignKey &fk : m_foreignKeys) {
        if (fk.table == relation)
            fk.columns.replaceInStrings(QRegularExpression(QStringLiteral("^%1$").arg(QRegularExpression::escape(from))), to);
        if (fk.referenced == relation)
            fk.referencedColumns.replaceInStrings(
                QRegularExpression(QStringLiteral("^%1$").arg(QRegularExpression::escape(from))), to);
    }
}

void SchemaCatalog::dropColumn(const QString &relation, const QString &column)
{
    if (Table *t = table(relation))
        t->columnTypes.remove(column);
    m_foreignKeys.erase(std::remove_if(m_foreignKeys.begin(), m_foreignKeys.end(),
                                       [&](const ForeignKey &fk) {
                                           return fk.table == relation && fk.columns.contains(column);
                                       }),
                        m_foreignKeys.end());
}

QVector<SchemaCatalog::ForeignKey> SchemaCatalog::foreignKeysOf(const QString &table) const
{
    QVector<ForeignKey> out;
    for (const ForeignKey &fk : m_foreignKeys)
        if (fk.table == table)
            out.append(fk);
    return out;
}

QVector<SchemaCatalog::ForeignKey> SchemaCatalog::foreignKeysTo(const QString &referenced) const
{
    QVector<ForeignKey> out;
    for (const ForeignKey &fk : m_foreignKeys)
        if (fk.referenced == referenced)
            out.append(fk);
    return out;
}

SchemaCatalog::ForeignKey *SchemaCatalog::foreignKey(const QString &table, const QString &name)
{
    for (ForeignKey &fk : m_foreignKeys)
        if (fk.table == table && fk.name == name)
            return &fk;
    return nullptr;
}

SchemaCatalog::Check *SchemaCatalog::check(const QString &table, const QString &name)
{
    for (Check &c : m_checks)
        if (c.table == table && c.name == name)
            return &c;
    return nullptr;
}

bool SchemaCatalog::hasValidNotNullCheck(const QString &table, const QString &column) const
{
    const QString wanted = column + QStringLiteral(" is not null");
    for (const Check &c : m_checks) {
        QString e = c.expression;
        while (e.startsWith(QLatin1Char('(')) && e.endsWith(QLatin1Char(')')))
            e = e.mid(1, e.size() - 2).trimmed();
        if (c.table == table && c.valid && e == wanted)
            return true;
    }
    return false;
}

void SchemaCatalog::dropConstraint(const QString &table, const QString &name)
{
    m_foreignKeys.erase(std::remove_if(m_foreignKeys.begin(), m_foreignKeys.end(),
                                       [&](const ForeignKey &fk) { return fk.table == table && fk.name == name; }),
                        m_foreignKeys.end());
    m_checks.erase(std::remove_if(m_checks.begin(), m_checks.end(),
                                  [&](const Check &c) { return c.table == table && c.name == name; }),
                   m_checks.end());
}

QStringList SchemaCatalog::viewsReading(const QString &relation) const
{
    QStringList out;
    for (auto it = m_tables.constBegin(); it != m_tables.constEnd(); ++it)
        if ((it->isView || it->isMaterializedView) && it->sources.contains(relation))
            out << it.key();
    out.sort();
    return out;
}

} // namespace retort::risk
