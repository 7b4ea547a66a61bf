#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVector>

#include <algorithm>

namespace retort::risk {

// What the model knows of the database while it reads a plan: the tables
// and views it has seen created (or was told about), their columns and
// constraints, which indexes belong to which table. Relations are keyed by
// their regclass text. Statements update it as they would the database.
class SchemaCatalog {
public:
    enum class Rows { Unknown, None, Some };

    struct ForeignKey {
        QString name;
        QString table;       // the referencing table
        QStringList columns;
        QString referenced;  // the referenced table
        QStringList referencedColumns;
        bool valid = true;
        QString onDelete;    // "CASCADE", "SET NULL", ... empty for NO ACTION
        bool deferred = false;  // INITIALLY DEFERRED: checked at COMMIT
    };
    struct Check {
        QString name;
        QString table;
        QString expression;  // as written, whitespace collapsed, lower case
        bool valid = true;
    };
    struct Table {
        QHash<QString, QString> columnTypes;  // column -> type as written, normalised
        Rows rows = Rows::Unknown;
        bool createdInPlan = false;
        bool isView = false;
        bool isMaterializedView = false;
        QStringList sources;  // views: the relations they read
    };

    bool knows(const QString &relation) const { return m_tables.contains(relation); }
    Table *table(const QString &relation);
    const Table *table(const QString &relation) const;
    Table &addTable(const QString &relation, bool createdInPlan);
    void dropTable(const QString &relation);
    void renameTable(const QString &from, const QString &to);
    void renameColumn(const QString &relation, const QString &from, const QString &to);
    void dropColumn(const QString &relation, const QString &column);
    // A table the model meets without having seen it created: it exists.
    Table &touch(const QString &relation);

    void addForeignKey(ForeignKey fk) { m_foreignKeys.append(std::move(fk)); }
    QVector<ForeignKey> foreignKeysOf(const QString &table) const;
    QVector<ForeignKey> foreignKeysTo(const QString &referenced) const;
    ForeignKey *foreignKey(const QString &table, const QString &name);
    void addCheck(Check check) { m_checks.append(std::move(check)); }
    Check *check(const QString &table, const QString &name);
    bool hasValidNotNullCheck(const QString &table, const QString &column) const;
    // Removes the named constraint of `table`, of whatever kind.
    void dropConstraint(const QString &table, const QString &name);

    void addIndex(const QString &index, const QString &table) { m_indexTable.insert(index, table); }
    QString tableOfIndex(const QString &index) const { return m_indexTable.value(index); }
    void dropIndex(const QString &index) { m_indexTable.remove(index); }
    // The leading column of an index (or a primary key or unique constraint):
    // what lets the planner find rows without reading the table.
    void addIndexedColumn(const QString &table, const QString &column) { m_indexed[table].insert(column); }
    bool isIndexed(const QString &table, const QString &column) const { return m_indexed.value(table).contains(column); }
    bool hasIndex(const QString &table) const { return std::find(m_indexTable.begin(), m_indexTable.end(), table) != m_indexTable.end(); }

    // Every table and view, for filling in what a database says.
    QHash<QString, Table>::iterator begin() { return m_tables.begin(); }
    QHash<QString, Table>::iterator end() { return m_tables.end(); }

    // Views and materialized views that read `relation`.
    QStringList viewsReading(const QString &relation) const;

private:
    QHash<QString, Table> m_tables;
    QVector<ForeignKey> m_foreignKeys;
    QVector<Check> m_checks;
    QHash<QString, QString> m_indexTable;
    QHash<QString, QSet<QString>> m_indexed;
};

} // namespace retort::risk
