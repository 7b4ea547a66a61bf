#include "risk/statementrisk.h"

#include "risk/altertablerisk.h"
#include "risk/relationname.h"
#include "risk/sqlcursor.h"

#include <algorithm>

namespace retort::risk {

namespace {

using Rows = SchemaCatalog::Rows;

bool isSystem(const QString &relation)
{
    return relation.startsWith(QLatin1String("pg_")) || relation.startsWith(QLatin1String("information_schema."));
}

// The relations a query reads: names after FROM and JOIN at any depth and
// the other items of a FROM list; CTE names and functions are left out.
QStringList querySources(SqlCursor &c, int from, int to)
{
    QSet<QString> cteNames;
    const QVector<sql::Token> &t = c.tokens();
    for (int i = from; i + 1 < to; ++i)
        if (t[i + 1].isWord("AS") && (i == from || t[i - 1].isWord("WITH") || t[i - 1].isPunct(',')))
            cteNames.insert(c.identifierOf(t[i]));
    QStringList out;
    auto readItem = [&](int i) {
        c.seek(i);
        if (c.peekWord("ONLY"))
            c.skip();
        if (c.peek().isPunct('(') || c.peekWord("LATERAL") || c.peekWord("SELECT"))
            return;
        const QualifiedName name = c.qualifiedName();
        if (name.isEmpty() || c.peek().isPunct('(') || (name.schema.isEmpty() && cteNames.contains(name.name)))
            return;
        const QString key = relationKey(name);
        if (!isSystem(key) && name.schema != QLatin1String("pg_catalog"))
            out << key;
    };
    for (int i = from; i < to; ++i) {
        if (t[i].isWord("FROM") || t[i].isWord("JOIN")) {
            readItem(i + 1);
            if (!t[i].isWord("FROM"))
                continue;
            // FROM a x, b y: the items of the list at this depth
            for (int j = i + 1; j < to && t[j].depth >= t[i].depth; ++j) {
                if (t[j].depth != t[i].depth)
                    continue;
                if (t[j].isWord("WHERE") || t[j].isWord("GROUP") || t[j].isWord("ORDER") || t[j].isWord("JOIN")
                    || t[j].isWord("LIMIT") || t[j].isWord("HAVING") || t[j].isWord("WINDOW") || t[j].isWord("UNION")
                    || t[j].isWord("ON") || t[j].isWord("RETURNING") || t[j].isWord("SET"))
                    break;
                if (t[j].isPunct(','))
                    readItem(j + 1);
            }
        }
    }
    out.removeDuplicates();
    return out;
}

void readSources(SqlCursor &c, int from, StatementWork &w, bool scans)
{
    for (const QString &s : querySources(c, from, c.end())) {
        w.lock(s, LockMode::AccessShare);
        if (scans)
            w.risk.scan = true;
    }
}

// The columns an INSERT names, or empty for all.
QStringList insertColumns(SqlCursor &c)
{
    QStringList out;
    if (!c.peek().isPunct('('))
        return out;
    const int close = c.groupEnd(c.pos());
    c.skip();
    while (c.pos() < close) {
        const QString id = c.identifier();
        if (!id.isEmpty())
            out << id;
        else
            c.skip();
    }
    c.seek(close + 1);
    return out;
}

// The row-level checks of foreign keys: a write to the referencing columns
// locks the referenced table FOR KEY SHARE (RowShareLock); a delete or key
// update of a referenced table's rows checks or changes the referencing ones.
void referencingWrite(StatementWork &w, const QString &table, const QStringList &columns)
{
    for (const SchemaCatalog::ForeignKey &fk : w.catalog.foreignKeysOf(table)) {
        if (fk.deferred || fk.referenced == table)
            continue;
        bool touched = columns.isEmpty();
        for (const QString &col : fk.columns)
            touched = touched || columns.contains(col);
        if (touched)
            w.lock(fk.referenced, LockMode::RowShare);  // by the referenced key's unique index
    }
}

void referencedWrite(StatementWork &w, const QString &table, const QStringList &columns, bool deleting)
{
    if (w.catalog.table(table) && w.catalog.table(table)->rows == Rows::None)
        return;  // no row, no trigger
    for (const SchemaCatalog::ForeignKey &fk : w.catalog.foreignKeysTo(table)) {
        if (fk.table == table)
            continue;
        bool touched = deleting;
        for (const QString &col : fk.referencedColumns)
            touched = touched || columns.contains(col);
        if (!touched)
            continue;
        const bool changes = deleting && !fk.onDelete.isEmpty() && fk.onDelete != QLatin1String("NO ACTION")
                             && fk.onDelete != QLatin1String("RESTRICT");
        if (changes)
            w.lock(fk.table, LockMode::RowExclusive);
        else if (!fk.deferred)
            w.lock(fk.table, LockMode::RowShare);
        // the referencing rows are looked up by a query: a scan without an index
        if (fk.columns.isEmpty() || !w.catalog.isIndexed(fk.table, fk.columns.front()))
            w.risk.scan = true;
    }
}

// [TABLE] [ONLY] name [*] [, ...]
QStringList relationList(SqlCursor &c)
{
    c.accept("TABLE");
    QStringList names;
    do {
        c.accept("ONLY");
        names << relationKey(c.qualifiedName());
        c.acceptPunct('*');
    } while (c.acceptPunct(','));
    return names;
}

bool restHasWord(const SqlCursor &c, const char *keyword)
{
    for (int i = c.pos(); i < c.end(); ++i)
        if (c.tokens()[i].isWord(keyword))
            return true;
    return false;
}

void createTable(SqlCursor &c, StatementWork &w)
{
    c.accept({"IF", "NOT", "EXISTS"});
    const QString table = relationKey(c.qualifiedName());
    w.created(table);
    SchemaCatalog::Table &info = w.catalog.addTable(table, true);
    Q_UNUSED(info);
    if (c.accept({"PARTITION", "OF"})) {
        w.lock(relationKey(c.qualifiedName()), LockMode::AccessExclusive);
        return;
    }
    if (c.peek().isPunct('('))
        readTableElements(c, table, w);
    if (c.accept("AS")) {
        readSources(c, c.pos(), w, true);
        w.catalog.table(table)->rows = Rows::Unknown;
        return;
    }
    if (c.accept("INHERITS")) {
        c.acceptPunct('(');
        w.lock(relationKey(c.qualifiedName()), LockMode::ShareUpdateExclusive);
    }
}

void createIndex(SqlCursor &c, StatementWork &w)
{
    const bool concurrently = c.accept("CONCURRENTLY");
    c.accept({"IF", "NOT", "EXISTS"});
    QualifiedName index;
    if (!c.peekWord("ON"))
        index = c.qualifiedName();
    c.accept("ON");
    c.accept("ONLY");
    const QualifiedName tableName = c.qualifiedName();
    const QString table = relationKey(tableName);
    w.catalog.touch(table);
    w.lock(table, concurrently ? LockMode::ShareUpdateExclusive : LockMode::Share);
    w.risk.scan = true;
    w.setConcurrently(concurrently);
    if (!index.isEmpty())
        w.catalog.addIndex(regclassText(tableName.schema, index.name), table);
    while (!c.atEnd() && !c.peek().isPunct('('))
        c.skip();
    if (c.acceptPunct('(') && (c.peek(1).isPunct(')') || c.peek(1).isPunct(',')))
        w.catalog.addIndexedColumn(table, c.identifier());
    if (!concurrently && !w.isNew(table))
        w.find(rules::IndexWithoutConcurrently,
               QStringLiteral("CREATE INDEX on %1 takes ShareLock: writes to %1 wait until it is built").arg(table));
}

void dropRelations(SqlCursor &c, StatementWork &w, bool views)
{
    c.accept({"IF", "EXISTS"});
    QStringList names;
    do {
        names << relationKey(c.qualifiedName());
    } while (c.acceptPunct(','));
    const bool cascade = restHasWord(c, "CASCADE");
    for (const QString &table : std::as_const(names)) {
        w.lock(table, LockMode::AccessExclusive);
        for (const SchemaCatalog::ForeignKey &fk : w.catalog.foreignKeysOf(table))
            w.lock(fk.referenced, LockMode::AccessExclusive);
        if (cascade) {
            for (const SchemaCatalog::ForeignKey &fk : w.catalog.foreignKeysTo(table))
                w.lock(fk.table, LockMode::AccessExclusive);
            for (const QString &v : w.catalog.viewsReading(table))
                w.lock(v, LockMode::AccessExclusive);
        }
        if (!views && !w.isNew(table))
            w.find(rules::DropTable, QStringLiteral("drops %1 and its data").arg(table));
    }
    for (const QString &table : std::as_const(names))
        w.catalog.dropTable(table);
}

void dropIndex(SqlCursor &c, StatementWork &w)
{
    const bool concurrently = c.accept("CONCURRENTLY");
    c.accept({"IF", "EXISTS"});
    w.setConcurrently(concurrently);
    do {
        const QString index = relationKey(c.qualifiedName());
        const QString table = w.catalog.tableOfIndex(index);
        if (table.isEmpty()) {
            w.risk.understood = false;
            w.find(rules::NotUnderstood,
                   QStringLiteral("the table of index %1 is not known: its lock is not predicted").arg(index));
            continue;
        }
        w.lock(table, concurrently ? LockMode::ShareUpdateExclusive : LockMode::AccessExclusive);
        w.catalog.dropIndex(index);
        if (!concurrently && !w.isNew(table))
            w.find(rules::DropIndexWithoutConcurrently,
                   QStringLiteral("DROP INDEX %1 takes AccessExclusiveLock on %2").arg(index, table));
    } while (c.acceptPunct(','));
}

void createView(SqlCursor &c, StatementWork &w, bool materialized, bool orReplace)
{
    c.accept({"IF", "NOT", "EXISTS"});
    const QString view = relationKey(c.qualifiedName());
    const bool existed = w.catalog.knows(view);
    if (existed && orReplace)
        w.lock(view, LockMode::AccessExclusive);
    else
        w.created(view);
    while (!c.atEnd() && !c.peekWord("AS"))
        c.skip();
    const int query = c.pos();
    const QStringList sources = querySources(c, query, c.end());
    bool withData = true;
    for (int i = query; i + 2 < c.end(); ++i)
        if (c.tokens()[i].isWord("WITH") && c.tokens()[i + 1].isWord("NO") && c.tokens()[i + 2].isWord("DATA"))
            withData = false;
    for (const QString &s : sources) {
        w.lock(s, LockMode::AccessShare);
        if (materialized && withData)
            w.risk.scan = true;
    }
    SchemaCatalog::Table &info = existed ? *w.catalog.table(view) : w.catalog.addTable(view, true);
    info.isView = !materialized;
    info.isMaterializedView = materialized;
    info.sources = sources;
}

void refreshView(SqlCursor &c, StatementWork &w)
{
    const bool concurrently = c.accept("CONCURRENTLY");
    const QString view = relationKey(c.qualifiedName());
    bool withData = true;
    if (c.accept({"WITH", "NO", "DATA"}))
        withData = false;
    w.lock(view, concurrently ? LockMode::Exclusive : LockMode::AccessExclusive);
    if (const SchemaCatalog::Table *t = w.catalog.table(view); t && withData) {
        for (const QString &s : t->sources) {
            w.lock(s, LockMode::AccessShare);
            w.risk.scan = true;
        }
    }
    if (!concurrently) {
        w.risk.rewrite = true;
        w.find(rules::TableRewrite,
               QStringLiteral("REFRESH MATERIALIZED VIEW %1 holds AccessExclusiveLock: reads of it wait").arg(view));
    }
}

void insert(SqlCursor &c, StatementWork &w)
{
    c.accept("INTO");
    const QString table = relationKey(c.qualifiedName());
    if (c.accept("AS"))
        c.identifier();
    w.lock(table, LockMode::RowExclusive);
    const QStringList columns = insertColumns(c);
    bool hasRows = true;
    if (c.accept({"DEFAULT", "VALUES"}))
        hasRows = true;
    readSources(c, c.pos(), w, true);
    if (hasRows) {
        referencingWrite(w, table, columns);
        w.catalog.touch(table).rows = Rows::Some;
    }
}

QStringList setColumns(SqlCursor &c)
{
    QStringList out;
    if (!c.accept("SET"))
        return out;
    const int depth = c.peek().depth;
    bool expectColumn = true;
    while (!c.atEnd() && !(c.peek().depth == depth && (c.peekWord("FROM") || c.peekWord("WHERE") || c.peekWord("RETURNING")))) {
        if (expectColumn && c.peek().depth == depth) {
            if (c.peek().isPunct('(')) {
                const int close = c.groupEnd(c.pos());
                for (int i = c.pos() + 1; i < close; ++i)
                    if (!c.identifierOf(c.tokens()[i]).isEmpty())
                        out << c.identifierOf(c.tokens()[i]);
                c.seek(close + 1);
            } else {
                out << c.identifier();
            }
            expectColumn = false;
            continue;
        }
        if (c.peek().isPunct(',') && c.peek().depth == depth)
            expectColumn = true;
        c.skip();
    }
    return out;
}

bool hasTopLevelWhere(const SqlCursor &c, int from)
{
    for (int i = from; i < c.end(); ++i)
        if (c.tokens()[i].isWord("WHERE") && c.tokens()[i].depth == c.tokens()[from].depth)
            return true;
    return false;
}

// Whether the statement reads `table` whole: no WHERE, or a WHERE that
// names no column an index leads with (the planner then has only the heap).
bool readsWhole(const SqlCursor &c, int from, const QString &table, const SchemaCatalog &catalog)
{
    int where = -1;
    for (int i = from; i < c.end() && where < 0; ++i)
        if (c.tokens()[i].isWord("WHERE") && c.tokens()[i].depth == c.tokens()[from].depth)
            where = i;
    if (where < 0)
        return true;
    for (int i = where + 1; i < c.end(); ++i) {
        const QString id = c.identifierOf(c.tokens()[i]);
        if (!id.isEmpty() && catalog.isIndexed(table, id))
            return false;
    }
    return true;
}

void update(SqlCursor &c, StatementWork &w)
{
    c.accept("ONLY");
    const QString table = relationKey(c.qualifiedName());
    w.lock(table, LockMode::RowExclusive);
    while (!c.atEnd() && !c.peekWord("SET"))
        c.skip();
    const int at = c.pos();
    const QStringList columns = setColumns(c);
    readSources(c, at, w, true);
    if (readsWhole(c, at, table, w.catalog))
        w.risk.scan = true;
    if (w.catalog.table(table) && w.catalog.table(table)->rows == Rows::None)
        return;
    referencingWrite(w, table, columns.isEmpty() ? QStringList{QStringLiteral("\x01")} : columns);
    referencedWrite(w, table, columns, false);
}

void deleteFrom(SqlCursor &c, StatementWork &w)
{
    c.accept("FROM");
    c.accept("ONLY");
    const QString table = relationKey(c.qualifiedName());
    const int at = c.pos();
    w.lock(table, LockMode::RowExclusive);
    readSources(c, at, w, true);
    const bool all = !hasTopLevelWhere(c, at);
    if (readsWhole(c, at, table, w.catalog))
        w.risk.scan = true;
    referencedWrite(w, table, {}, true);
    if (all)
        w.catalog.touch(table).rows = Rows::None;
}

void truncate(SqlCursor &c, StatementWork &w)
{
    const QStringList names = relationList(c);
    const bool cascade = restHasWord(c, "CASCADE");
    for (const QString &t : names) {
        w.lock(t, LockMode::AccessExclusive);
        if (cascade)
            for (const SchemaCatalog::ForeignKey &fk : w.catalog.foreignKeysTo(t))
                w.lock(fk.table, LockMode::AccessExclusive);
        // the table's indexes are built again over the new storage
        if (!w.catalog.knows(t) || w.catalog.hasIndex(t))
            w.risk.scan = true;
        w.catalog.touch(t).rows = Rows::None;
    }
    w.risk.rewrite = true;
}

void lockTable(SqlCursor &c, StatementWork &w)
{
    const QStringList names = relationList(c);
    LockMode mode = LockMode::AccessExclusive;
    if (c.accept("IN")) {
        QStringList words;
        while (!c.atEnd() && !c.peekWord("MODE")) {
            words << c.peek().upper;
            c.skip();
        }
        mode = lockModeFromSqlWords(words.join(QLatin1Char(' '))).value_or(LockMode::AccessExclusive);
    }
    for (const QString &t : std::as_const(names))
        w.lock(t, mode);
}

// VACUUM [(options)] [FULL] [FREEZE] [VERBOSE] [ANALYZE] [table [(cols)], ...]
void vacuum(SqlCursor &c, StatementWork &w, bool analyzeOnly)
{
    bool full = false;
    if (c.peek().isPunct('(')) {
        const int close = c.groupEnd(c.pos());
        for (int i = c.pos(); i < close; ++i)
            full = full || c.tokens()[i].isWord("FULL");
        c.seek(close + 1);
    }
    while (c.peekWord("FULL") || c.peekWord("FREEZE") || c.peekWord("VERBOSE") || c.peekWord("ANALYZE")
           || c.peekWord("ANALYSE")) {
        full = full || c.peekWord("FULL");
        c.skip();
    }
    w.risk.transactional = analyzeOnly;
    do {
        const QualifiedName name = c.qualifiedName();
        if (name.isEmpty())
            break;
        c.skipGroup();
        const QString t = relationKey(name);
        w.lock(t, full ? LockMode::AccessExclusive : LockMode::ShareUpdateExclusive);
        if (full) {
            w.risk.rewrite = true;
            w.risk.scan = true;
            w.find(rules::TableRewrite, QStringLiteral("VACUUM FULL rewrites %1 under AccessExclusiveLock").arg(t));
        }
    } while (c.acceptPunct(','));
}

void cluster(SqlCursor &c, StatementWork &w)
{
    c.accept("VERBOSE");
    const QualifiedName name = c.qualifiedName();
    if (name.isEmpty()) {
        w.risk.transactional = false;  // CLUSTER of every clustered table
        w.risk.understood = false;
        return;
    }
    const QString t = relationKey(name);
    w.lock(t, LockMode::AccessExclusive);
    w.risk.rewrite = true;
    w.risk.scan = true;
    w.find(rules::TableRewrite, QStringLiteral("CLUSTER rewrites %1 under AccessExclusiveLock").arg(t));
}

void reindex(SqlCursor &c, StatementWork &w)
{
    if (c.peek().isPunct('('))
        c.skipGroup();
    const bool index = c.accept("INDEX");
    if (!index && !c.accept("TABLE")) {
        w.risk.understood = false;
        w.risk.transactional = false;  // SCHEMA, DATABASE, SYSTEM
        return;
    }
    const bool concurrently = c.accept("CONCURRENTLY");
    const QString name = relationKey(c.qualifiedName());
    const QString table = index ? w.catalog.tableOfIndex(name) : name;
    w.setConcurrently(concurrently);
    w.risk.scan = true;
    if (table.isEmpty()) {
        w.risk.understood = false;
        return;
    }
    w.lock(table, concurrently ? LockMode::ShareUpdateExclusive : LockMode::Share);
}

void comment(SqlCursor &c, StatementWork &w)
{
    if (c.accept("TABLE") || c.accept("VIEW") || c.accept({"MATERIALIZED", "VIEW"}) || c.accept({"FOREIGN", "TABLE"})) {
        w.lock(relationKey(c.qualifiedName()), LockMode::ShareUpdateExclusive);
    } else if (c.accept("COLUMN")) {
        // [schema.]table.column: the relation is what comes before the last part
        QStringList parts;
        do {
            parts << c.identifier();
        } while (c.acceptPunct('.'));
        if (parts.size() >= 2) {
            QualifiedName rel;
            rel.name = parts[parts.size() - 2];
            rel.schema = parts.size() >= 3 ? parts[parts.size() - 3] : QString();
            w.lock(relationKey(rel), LockMode::ShareUpdateExclusive);
        }
    } else if (c.accept("CONSTRAINT")) {
        c.identifier();
        if (c.accept("ON") && !c.peekWord("DOMAIN"))
            w.lock(relationKey(c.qualifiedName()), LockMode::AccessShare);
    }
}

void alterType(SqlCursor &c, StatementWork &w)
{
    c.qualifiedName();
    if (c.accept({"ADD", "VALUE"}))
        w.risk.addsEnumValue = true;
}

void setting(SqlCursor &c, StatementWork &w)
{
    c.accept("SESSION") || c.accept("LOCAL");
    if (c.accept("LOCK_TIMEOUT")) {
        c.accept("TO") || c.acceptPunct('=');
        const QString value = c.source().mid(c.peek().offset, c.peek().end - c.peek().offset);
        QString v = value;
        v.remove(QLatin1Char('\''));
        w.risk.setsLockTimeout = !(v.trimmed() == QLatin1String("0") || c.peekWord("DEFAULT"));
    }
}

} // namespace

LockMode StatementRisk::strongest() const
{
    LockMode m = LockMode::None;
    for (const RelationLock &l : locks)
        m = std::max(m, l.mode);
    return m;
}

void StatementWork::lock(const QString &relation, LockMode mode)
{
    if (relation.isEmpty() || mode == LockMode::None)
        return;
    LockMode &m = m_locks[relation];
    m = std::max(m, mode);
}

Finding Finding::of(const QString &rule, const QString &message)
{
    const RiskRule *r = findRule(rule);
    return Finding{rule, r ? r->severity : Severity::Warning, message, QString()};
}

void StatementWork::find(const QString &rule, const QString &message)
{
    risk.findings.append(Finding::of(rule, message));
}

bool StatementWork::isNew(const QString &relation) const
{
    const SchemaCatalog::Table *t = catalog.table(relation);
    return t && t->createdInPlan && t->rows == Rows::None;
}

bool StatementWork::hasRows(const QString &relation) const
{
    const SchemaCatalog::Table *t = catalog.table(relation);
    return !t || t->rows != Rows::None;
}

StatementRisk StatementWork::finish()
{
    for (auto it = m_locks.constBegin(); it != m_locks.constEnd(); ++it)
        if (!m_created.contains(it.key())) {
            risk.locks.append(RelationLock{it.key(), it.value()});
            if (!isNew(it.key()))
                risk.strongestOnExisting = std::max(risk.strongestOnExisting, it.value());
        }
    std::sort(risk.locks.begin(), risk.locks.end(),
              [](const RelationLock &a, const RelationLock &b) { return a.relation < b.relation; });
    return risk;
}

namespace {

// One statement of a text into `w`; false when the model does not know it.
bool analyzeOne(SqlCursor &c, StatementWork &w)
{
    bool known = true;
    if (c.accept("CREATE")) {
        const bool orReplace = c.accept({"OR", "REPLACE"});
        c.accept("GLOBAL") || c.accept("LOCAL");
        c.accept("TEMPORARY") || c.accept("TEMP") || c.accept("UNLOGGED");
        if (c.accept("TABLE"))
            createTable(c, w);
        else if (c.accept("INDEX") || c.accept({"UNIQUE", "INDEX"}))
            createIndex(c, w);
        else if (c.accept("VIEW") || c.accept({"RECURSIVE", "VIEW"}))
            createView(c, w, false, orReplace);
        else if (c.accept({"MATERIALIZED", "VIEW"}))
            createView(c, w, true, orReplace);
        else if (c.accept("DATABASE") || c.accept("TABLESPACE"))
            w.risk.transactional = false;
        else
            known = c.accept("TYPE") || c.accept("SCHEMA") || c.accept("SEQUENCE") || c.accept("EXTENSION")
                    || c.accept("DOMAIN") || c.accept("FUNCTION") || c.accept("ROLE");
    } else if (c.accept("ALTER")) {
        if (c.accept("TABLE") || c.accept({"FOREIGN", "TABLE"}))
            analyzeAlterTable(c, w);
        else if (c.accept("TYPE"))
            alterType(c, w);
        else if (c.accept("SYSTEM"))
            w.risk.transactional = false;
        else
            known = c.accept("INDEX") || c.accept("SEQUENCE") || c.accept("SCHEMA") || c.accept("DOMAIN");
    } else if (c.accept("DROP")) {
        if (c.accept("TABLE") || c.accept({"FOREIGN", "TABLE"}))
            dropRelations(c, w, false);
        else if (c.accept("VIEW") || c.accept({"MATERIALIZED", "VIEW"}))
            dropRelations(c, w, true);
        else if (c.accept("INDEX"))
            dropIndex(c, w);
        else if (c.accept("DATABASE") || c.accept("TABLESPACE"))
            w.risk.transactional = false;
        else
            known = c.accept("TYPE") || c.accept("SCHEMA") || c.accept("SEQUENCE") || c.accept("EXTENSION")
                    || c.accept("DOMAIN") || c.accept("FUNCTION");
    } else if (c.accept("INSERT")) {
        insert(c, w);
    } else if (c.accept("UPDATE")) {
        update(c, w);
    } else if (c.accept("DELETE")) {
        deleteFrom(c, w);
    } else if (c.peekWord("SELECT") || c.peekWord("WITH") || c.peekWord("VALUES")) {
        readSources(c, 0, w, true);
        known = !c.peekWord("WITH");
    } else if (c.accept("TRUNCATE")) {
        truncate(c, w);
    } else if (c.accept("LOCK")) {
        lockTable(c, w);
    } else if (c.accept("VACUUM")) {
        vacuum(c, w, false);
    } else if (c.accept("ANALYZE") || c.accept("ANALYSE")) {
        vacuum(c, w, true);
    } else if (c.accept("CLUSTER")) {
        cluster(c, w);
    } else if (c.accept("REINDEX")) {
        reindex(c, w);
    } else if (c.accept({"REFRESH", "MATERIALIZED", "VIEW"})) {
        refreshView(c, w);
    } else if (c.accept({"COMMENT", "ON"})) {
        comment(c, w);
    } else if (c.accept("SET")) {
        setting(c, w);
    } else {
        known = c.accept("RESET") || c.accept("SHOW") || c.accept("GRANT") || c.accept("REVOKE")
                || c.accept("BEGIN") || c.accept("COMMIT") || c.accept("NOTIFY");
    }
    return known;
}

} // namespace

StatementRisk StatementAnalyzer::analyze(const QString &text)
{
    // op.execute("SET ...; ALTER ...; DROP ...") sends one text that runs as
    // several statements: each is read, into one prediction.
    StatementWork w(m_catalog);
    for (const sql::TokenizedStatement &statement : sql::tokenizeStatements(text)) {
        SqlCursor c(text, statement.tokens);
        if (!analyzeOne(c, w) && w.risk.understood) {
            w.risk.understood = false;
            w.find(rules::NotUnderstood, QStringLiteral("Retort cannot predict the locks of this statement"));
        }
    }
    return w.finish();
}

} // namespace retort::risk
