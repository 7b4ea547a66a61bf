#include "risk/altertablerisk.h"

#include "risk/relationname.h"

#include <QRegularExpression>

namespace retort::risk {

namespace {

using Rows = SchemaCatalog::Rows;

// Words that end a column's type in a column definition.
bool endsType(const sql::Token &t)
{
    static const char *const words[] = {"NOT",       "NULL",    "DEFAULT", "CONSTRAINT", "PRIMARY", "UNIQUE",
                                        "CHECK",     "REFERENCES", "GENERATED", "COLLATE", "DEFERRABLE",
                                        "INITIALLY", "USING",   "COMPRESSION", "STORAGE"};
    for (const char *w : words)
        if (t.isWord(w))
            return true;
    return false;
}

// Functions whose value does not change within a statement: a default made
// of them is evaluated once when the column is added (PostgreSQL 11's fast
// default). Any other function call counts as volatile.
bool nonVolatileFunction(const QString &upper)
{
    static const QSet<QString> known{
        QStringLiteral("NOW"), QStringLiteral("LOWER"), QStringLiteral("UPPER"), QStringLiteral("COALESCE"),
        QStringLiteral("CAST"), QStringLiteral("ARRAY"), QStringLiteral("ROW"), QStringLiteral("STATEMENT_TIMESTAMP"),
        QStringLiteral("TRANSACTION_TIMESTAMP"), QStringLiteral("TIMEZONE"), QStringLiteral("DATE_TRUNC"),
        QStringLiteral("CONCAT"), QStringLiteral("LENGTH"), QStringLiteral("ABS"), QStringLiteral("GREATEST"),
        QStringLiteral("LEAST"), QStringLiteral("NULLIF"), QStringLiteral("MAKE_INTERVAL"),
        QStringLiteral("JSONB_BUILD_OBJECT"), QStringLiteral("JSON_BUILD_OBJECT"), QStringLiteral("CURRENT_SETTING"),
        QStringLiteral("CURRENT_TIMESTAMP"), QStringLiteral("CURRENT_TIME"), QStringLiteral("LOCALTIMESTAMP"),
        QStringLiteral("LOCALTIME")};
    return known.contains(upper);
}

// Whether the expression tokens [from, to) call a volatile function.
bool callsVolatile(const SqlCursor &c, int from, int to)
{
    const QVector<sql::Token> &t = c.tokens();
    for (int i = from; i + 1 < to; ++i) {
        if (t[i].type != sql::Token::Type::Word || !t[i + 1].isPunct('('))
            continue;
        const bool isCastType = (i >= 2 && t[i - 1].isPunct(':') && t[i - 2].isPunct(':'))
                                || (i >= 1 && t[i - 1].isWord("AS"));
        if (!isCastType && !nonVolatileFunction(t[i].upper))
            return true;
    }
    return false;
}

QStringList identifierList(SqlCursor &c)
{
    QStringList out;
    if (!c.acceptPunct('('))
        return out;
    while (!c.atEnd() && !c.peek().isPunct(')')) {
        const QString id = c.identifier();
        if (!id.isEmpty())
            out << id;
        else
            c.skip();
        c.acceptPunct(',');
    }
    c.acceptPunct(')');
    return out;
}

QString bareName(const QString &relation)
{
    // the table's own name, for PostgreSQL's default constraint names
    const int dot = relation.lastIndexOf(QLatin1Char('.'));
    QString name = dot >= 0 && !relation.endsWith(QLatin1Char('"')) ? relation.mid(dot + 1) : relation;
    if (name.startsWith(QLatin1Char('"')))
        name = name.mid(1, name.size() - 2).replace(QLatin1String("\"\""), QLatin1String("\""));
    return name;
}

QString schemaPrefix(const QString &relation)
{
    // "app.t" -> "app."; for index keys in the table's schema
    if (relation.startsWith(QLatin1Char('"')))
        return {};
    const int dot = relation.indexOf(QLatin1Char('.'));
    return dot >= 0 ? relation.left(dot + 1) : QString();
}

// REFERENCES t [(cols)] [MATCH x] [ON DELETE a] [ON UPDATE a] [[NOT] DEFERRABLE] [INITIALLY x] [NOT VALID]
SchemaCatalog::ForeignKey readReferences(SqlCursor &c, int end, const QString &table)
{
    SchemaCatalog::ForeignKey fk;
    fk.table = table;
    fk.referenced = relationKey(c.qualifiedName());
    fk.referencedColumns = identifierList(c);
    while (c.pos() < end) {
        if (c.accept({"ON", "DELETE"}) || c.accept({"ON", "UPDATE"})) {
            const bool onDelete = c.peek(-1).isWord("DELETE");
            QString action = c.peek().upper;
            c.skip();
            if (action == QLatin1String("SET") || action == QLatin1String("NO")) {
                action += QLatin1Char(' ') + c.peek().upper;
                c.skip();
            }
            if (onDelete)
                fk.onDelete = action;
        } else if (c.accept({"INITIALLY", "DEFERRED"})) {
            fk.deferred = true;
        } else if (c.accept({"NOT", "VALID"})) {
            fk.valid = false;
        } else if (c.peek().isWord("CONSTRAINT") || c.peek().isWord("REFERENCES") || c.peek().isWord("CHECK")
                   || c.peek().isWord("PRIMARY") || c.peek().isWord("UNIQUE") || c.peek().isWord("DEFAULT")
                   || (c.peek().isWord("NOT") && c.peek(1).isWord("NULL")) || c.peek().isWord("NULL")) {
            break;
        } else {
            c.skip();
        }
    }
    return fk;
}

void recordForeignKey(SchemaCatalog::ForeignKey fk, StatementWork &w)
{
    if (fk.referenced != fk.table)
        w.lock(fk.referenced, LockMode::ShareRowExclusive);
    w.catalog.addForeignKey(std::move(fk));
}

struct ColumnDef {
    QString name;
    QString type;
    bool notNull = false;
    bool hasDefault = false;
    bool volatileDefault = false;
    bool fillsRows = false;  // identity, serial or stored generated: every row gets a computed value
    bool buildsIndex = false;
    bool checks = false;     // a CHECK or a foreign key to validate
};

// A column definition up to `end`, its constraints recorded for `table`.
ColumnDef readColumn(SqlCursor &c, int end, const QString &table, StatementWork &w)
{
    ColumnDef col;
    col.name = c.identifier();
    const int typeStart = c.pos();
    while (c.pos() < end && !endsType(c.peek())) {
        if (c.peek().isPunct('('))
            c.skipGroup();
        else
            c.skip();
    }
    col.type = normalizeType(c.text(typeStart, c.pos()));
    if (col.type == QLatin1String("serial") || col.type == QLatin1String("bigserial")
        || col.type == QLatin1String("smallserial")) {
        col.fillsRows = true;
        col.hasDefault = true;
        col.type = col.type == QLatin1String("serial") ? QStringLiteral("integer")
                   : col.type == QLatin1String("bigserial") ? QStringLiteral("bigint") : QStringLiteral("smallint");
    }
    QString constraintName;
    while (c.pos() < end) {
        if (c.accept("CONSTRAINT")) {
            constraintName = c.identifier();
            continue;
        }
        if (c.accept({"NOT", "NULL"})) {
            col.notNull = true;
        } else if (c.accept("NULL")) {
        } else if (c.accept("DEFAULT")) {
            col.hasDefault = true;
            const int from = c.pos();
            while (c.pos() < end && !(endsType(c.peek()) && c.peek().depth == c.tokens()[from].depth)) {
                if (c.peek().isPunct('('))
                    c.skipGroup();
                else
                    c.skip();
            }
            col.volatileDefault = callsVolatile(c, from, c.pos());
        } else if (c.accept({"PRIMARY", "KEY"})) {
            col.notNull = true;
            col.buildsIndex = true;
            w.catalog.addIndexedColumn(table, col.name);
            w.catalog.addIndex(schemaPrefix(table) + pgQuoteIdentifier(constraintName.isEmpty()
                                                                   ? bareName(table) + QStringLiteral("_pkey")
                                                                   : constraintName),
                               table);
        } else if (c.accept("UNIQUE")) {
            col.buildsIndex = true;
            w.catalog.addIndexedColumn(table, col.name);
            w.catalog.addIndex(schemaPrefix(table)
                                   + pgQuoteIdentifier(constraintName.isEmpty()
                                                           ? bareName(table) + QLatin1Char('_') + col.name + QStringLiteral("_key")
                                                           : constraintName),
                               table);
        } else if (c.accept("CHECK")) {
            const int open = c.pos();
            c.skipGroup();
            col.checks = true;
            SchemaCatalog::Check check;
            check.table = table;
            check.name = constraintName.isEmpty() ? bareName(table) + QLatin1Char('_') + col.name + QStringLiteral("_check")
                                                  : constraintName;
            check.expression = c.text(open, c.pos()).simplified().toLower();
            w.catalog.addCheck(check);
        } else if (c.accept("REFERENCES")) {
            SchemaCatalog::ForeignKey fk = readReferences(c, end, table);
            fk.columns = QStringList{col.name};
            fk.name = constraintName.isEmpty() ? bareName(table) + QLatin1Char('_') + col.name + QStringLiteral("_fkey")
                                               : constraintName;
            col.checks = true;
            recordForeignKey(fk, w);
        } else if (c.accept("GENERATED")) {
            col.fillsRows = true;
            col.hasDefault = true;
            while (c.pos() < end && !c.peek().isPunct('(') && !c.peekWord("IDENTITY") && !c.peekWord("AS"))
                c.skip();
        } else if (c.peek().isPunct('(')) {
            c.skipGroup();
        } else {
            c.skip();
            continue;
        }
        constraintName.clear();
    }
    return col;
}

// A table constraint up to `end` (after CONSTRAINT name, if any).
void readTableConstraint(SqlCursor &c, int end, const QString &table, QString name, StatementWork &w,
                         bool *buildsIndex, bool *validates, bool *usingIndex, bool *isForeignKey)
{
    if (c.accept({"PRIMARY", "KEY"}) || c.accept("UNIQUE")) {
        const bool primary = c.peek(-1).isWord("KEY");
        if (c.accept({"USING", "INDEX"})) {
            *usingIndex = true;
            const QString index = c.identifier();
            w.catalog.dropIndex(schemaPrefix(table) + pgQuoteIdentifier(index));
            if (name.isEmpty())
                name = index;
        } else {
            const QStringList cols = identifierList(c);
            *buildsIndex = true;
            if (!cols.isEmpty())
                w.catalog.addIndexedColumn(table, cols.front());
            if (name.isEmpty())
                name = primary ? bareName(table) + QStringLiteral("_pkey")
                               : bareName(table) + QLatin1Char('_') + cols.join(QLatin1Char('_')) + QStringLiteral("_key");
        }
        w.catalog.addIndex(schemaPrefix(table) + pgQuoteIdentifier(name), table);
    } else if (c.accept({"FOREIGN", "KEY"})) {
        const QStringList cols = identifierList(c);
        c.accept("REFERENCES");
        SchemaCatalog::ForeignKey fk = readReferences(c, end, table);
        fk.columns = cols;
        fk.name = name.isEmpty() ? bareName(table) + QLatin1Char('_') + cols.join(QLatin1Char('_')) + QStringLiteral("_fkey")
                                 : name;
        *validates = fk.valid;
        *isForeignKey = true;
        recordForeignKey(fk, w);
    } else if (c.accept("CHECK")) {
        const int open = c.pos();
        c.skipGroup();
        SchemaCatalog::Check check;
        check.table = table;
        check.expression = c.text(open, c.pos()).simplified().toLower();
        if (name.isEmpty()) {
            // PostgreSQL names it after the first column the expression uses
            QString first;
            if (const SchemaCatalog::Table *t = w.catalog.table(table)) {
                for (int i = open; i < c.pos() && first.isEmpty(); ++i)
                    if (t->columnTypes.contains(c.identifierOf(c.tokens()[i])))
                        first = c.identifierOf(c.tokens()[i]);
            }
            name = bareName(table) + (first.isEmpty() ? QString() : QLatin1Char('_') + first) + QStringLiteral("_check");
        }
        check.name = name;
        check.valid = !(c.accept({"NOT", "VALID"}));
        *validates = check.valid;
        w.catalog.addCheck(check);
    } else if (c.accept("EXCLUDE")) {
        *buildsIndex = true;
    }
    c.seek(end);
}

// Splits [from, to) on commas at `depth`.
QVector<QPair<int, int>> splitOnCommas(const SqlCursor &c, int from, int to, int depth)
{
    QVector<QPair<int, int>> out;
    int start = from;
    for (int i = from; i < to; ++i) {
        if (c.tokens()[i].isPunct(',') && c.tokens()[i].depth == depth) {
            out.append({start, i});
            start = i + 1;
        }
    }
    if (start < to)
        out.append({start, to});
    return out;
}

bool startsTableConstraint(const SqlCursor &c)
{
    return c.peekWord("CONSTRAINT") || (c.peekWord("PRIMARY") && c.peekWord("KEY", 1)) || c.peekWord("UNIQUE")
           || (c.peekWord("FOREIGN") && c.peekWord("KEY", 1)) || c.peekWord("CHECK") || c.peekWord("EXCLUDE");
}

} // namespace

QString relationKey(const QualifiedName &name)
{
    return regclassText(name.schema, name.name);
}

QString normalizeType(const QString &typeText)
{
    QString t = typeText.simplified().toLower();
    t.replace(QRegularExpression(QStringLiteral("\\s*([(),])\\s*")), QStringLiteral("\\1"));
    static const QVector<QPair<QString, QString>> synonyms{
        {QStringLiteral("character varying"), QStringLiteral("varchar")},
        {QStringLiteral("timestamp without time zone"), QStringLiteral("timestamp")},
        {QStringLiteral("timestamp with time zone"), QStringLiteral("timestamptz")},
        {QStringLiteral("time without time zone"), QStringLiteral("time")},
        {QStringLiteral("double precision"), QStringLiteral("float8")},
        {QStringLiteral("int4"), QStringLiteral("integer")},
        {QStringLiteral("int8"), QStringLiteral("bigint")},
        {QStringLiteral("int2"), QStringLiteral("smallint")},
        {QStringLiteral("bool"), QStringLiteral("boolean")},
        {QStringLiteral("decimal"), QStringLiteral("numeric")},
    };
    for (const auto &s : synonyms) {
        if (t == s.first || t.startsWith(s.first + QLatin1Char('(')))
            t = s.second + t.mid(s.first.size());
    }
    if (t == QLatin1String("int"))
        t = QStringLiteral("integer");
    return t;
}

bool typeChangeRewrites(const QString &from, const QString &to)
{
    if (from.isEmpty())
        return true;
    if (from == to)
        return false;
    static const QRegularExpression sized(QStringLiteral("^(varchar|numeric)(?:\\((\\d+)(?:,(\\d+))?\\))?$"));
    const QRegularExpressionMatch a = sized.match(from);
    const QRegularExpressionMatch b = sized.match(to);
    if (a.hasMatch() && b.hasMatch() && a.captured(1) == b.captured(1)) {
        if (b.captured(2).isEmpty())
            return false;  // to the unbounded type
        if (a.captured(2).isEmpty())
            return true;
        if (a.captured(1) == QLatin1String("numeric") && a.captured(3) != b.captured(3))
            return true;
        return b.captured(2).toInt() < a.captured(2).toInt();
    }
    if (a.hasMatch() && a.captured(1) == QLatin1String("varchar") && to == QLatin1String("text"))
        return false;
    if (from == QLatin1String("text") && to == QLatin1String("varchar"))
        return false;
    if (from == QLatin1String("cidr") && to == QLatin1String("inet"))
        return false;
    return true;
}

void readTableElements(SqlCursor &c, const QString &table, StatementWork &work)
{
    const int open = c.pos();
    const int close = c.groupEnd(open);
    const int depth = c.tokens()[open].depth + 1;
    SchemaCatalog::Table *t = work.catalog.table(table);
    for (const auto &[from, to] : splitOnCommas(c, open + 1, close, depth)) {
        c.seek(from);
        bool buildsIndex = false, validates = false, usingIndex = false, isForeignKey = false;
        if (startsTableConstraint(c)) {
            QString name;
            if (c.accept("CONSTRAINT"))
                name = c.identifier();
            readTableConstraint(c, to, table, name, work, &buildsIndex, &validates, &usingIndex, &isForeignKey);
        } else if (c.accept("LIKE")) {
            work.lock(relationKey(c.qualifiedName()), LockMode::AccessShare);
        } else {
            const ColumnDef col = readColumn(c, to, table, work);
            if (t)
                t->columnTypes.insert(col.name, col.type);
        }
    }
    c.seek(close + 1);
}

void analyzeAlterTable(SqlCursor &c, StatementWork &w)
{
    c.accept({"IF", "EXISTS"});
    c.accept("ONLY");
    const QString table = relationKey(c.qualifiedName());
    c.acceptPunct('*');
    SchemaCatalog::Table &info = w.catalog.touch(table);
    const bool fresh = w.isNew(table);
    const bool rows = w.hasRows(table);
    const int depth = c.peek().depth;
    LockMode mode = LockMode::None;
    auto take = [&](LockMode m) { mode = std::max(mode, m); };

    for (const auto &[from, to] : splitOnCommas(c, c.pos(), c.end(), depth)) {
        c.seek(from);
        if (c.accept("ADD")) {
            bool buildsIndex = false, validates = false, usingIndex = false, isForeignKey = false;
            if (startsTableConstraint(c)) {
                QString name;
                if (c.accept("CONSTRAINT"))
                    name = c.identifier();
                readTableConstraint(c, to, table, name, w, &buildsIndex, &validates, &usingIndex, &isForeignKey);
                take(isForeignKey ? LockMode::ShareRowExclusive : LockMode::AccessExclusive);
                if (buildsIndex || validates)
                    w.risk.scan = true;
                if (validates && rows && !fresh)
                    w.find(rules::ConstraintWithoutNotValid,
                           QStringLiteral("constraint added to %1 without NOT VALID checks every row under %2")
                               .arg(table, lockModeName(isForeignKey ? LockMode::ShareRowExclusive : LockMode::AccessExclusive)));
                if (buildsIndex && !fresh)
                    w.find(rules::UniqueWithoutIndex,
                           QStringLiteral("the constraint's index on %1 is built under AccessExclusiveLock").arg(table));
                continue;
            }
            c.accept("COLUMN");
            c.accept({"IF", "NOT", "EXISTS"});
            take(LockMode::AccessExclusive);
            const ColumnDef col = readColumn(c, to, table, w);
            info.columnTypes.insert(col.name, col.type);
            if (col.volatileDefault || col.fillsRows) {
                w.risk.rewrite = true;
                w.risk.scan = true;
                if (!fresh)
                    w.find(rules::AddColumnVolatileDefault,
                           QStringLiteral("adding %1.%2 rewrites %1 under AccessExclusiveLock").arg(table, col.name));
            }
            if (col.buildsIndex || col.checks || (col.notNull && !col.hasDefault))
                w.risk.scan = true;
            if (col.notNull && !col.hasDefault && rows) {
                w.find(rules::AddColumnNotNullWithoutDefault,
                       QStringLiteral("%1.%2 is NOT NULL without a default: the statement fails if %1 has rows")
                           .arg(table, col.name));
                if (info.rows == Rows::Some)
                    w.risk.findings.last().severity = Severity::Error;
            }
            continue;
        }
        if (c.accept("DROP")) {
            if (c.accept("CONSTRAINT")) {
                c.accept({"IF", "EXISTS"});
                const QString name = c.identifier();
                take(LockMode::AccessExclusive);
                if (const SchemaCatalog::ForeignKey *fk = w.catalog.foreignKey(table, name))
                    w.lock(fk->referenced, LockMode::AccessExclusive);
                w.catalog.dropConstraint(table, name);
                w.catalog.dropIndex(schemaPrefix(table) + pgQuoteIdentifier(name));
                continue;
            }
            {
                c.accept("COLUMN");
                c.accept({"IF", "EXISTS"});
                const QString column = c.identifier();
                take(LockMode::AccessExclusive);
                for (const SchemaCatalog::ForeignKey &fk : w.catalog.foreignKeysOf(table))
                    if (fk.columns.contains(column))
                        w.lock(fk.referenced, LockMode::AccessExclusive);
                w.catalog.dropColumn(table, column);
                if (!fresh)
                    w.find(rules::DropColumn, QStringLiteral("drops %1.%2 and its data").arg(table, column));
                continue;
            }
        }
        if (c.accept("ALTER")) {
            if (c.accept("CONSTRAINT")) {
                take(LockMode::AccessExclusive);
                continue;
            }
            c.accept("COLUMN");
            const QString column = c.identifier();
            if (c.accept({"SET", "DATA", "TYPE"}) || c.accept("TYPE")) {
                take(LockMode::AccessExclusive);
                const int typeStart = c.pos();
                while (c.pos() < to && !c.peekWord("USING") && !c.peekWord("COLLATE"))
                    c.peek().isPunct('(') ? c.skipGroup() : c.skip();
                const QString type = normalizeType(c.text(typeStart, c.pos()));
                const bool usingExpr = c.peekWord("USING");
                const QString old = info.columnTypes.value(column);
                const bool rewrites = usingExpr || typeChangeRewrites(old, type);
                info.columnTypes.insert(column, type);
                // a foreign key on either side is dropped and added again
                for (const SchemaCatalog::ForeignKey &fk : w.catalog.foreignKeysOf(table))
                    if (fk.columns.contains(column) && fk.referenced != table)
                        w.lock(fk.referenced, LockMode::AccessExclusive);
                for (const SchemaCatalog::ForeignKey &fk : w.catalog.foreignKeysTo(table))
                    if (fk.referencedColumns.contains(column) && fk.table != table)
                        w.lock(fk.table, LockMode::AccessExclusive);
                if (rewrites) {
                    w.risk.rewrite = true;
                    w.risk.scan = true;
                    if (!fresh)
                        w.find(rules::AlterColumnTypeRewrite,
                               QStringLiteral("changing %1.%2 to %3 rewrites %1 under AccessExclusiveLock")
                                   .arg(table, column, type));
                }
                continue;
            }
            if (c.accept({"SET", "NOT", "NULL"})) {
                take(LockMode::AccessExclusive);
                if (!w.catalog.hasValidNotNullCheck(table, column)) {
                    w.risk.scan = true;
                    if (rows && !fresh)
                        w.find(rules::SetNotNullScan,
                               QStringLiteral("SET NOT NULL on %1.%2 reads all of %1 under AccessExclusiveLock")
                                   .arg(table, column));
                }
                continue;
            }
            if (c.accept("SET") && (c.peekWord("STATISTICS") || c.peek().isPunct('('))) {
                take(LockMode::ShareUpdateExclusive);
                continue;
            }
            if (c.accept("RESET")) {
                take(LockMode::ShareUpdateExclusive);
                continue;
            }
            // SET/DROP DEFAULT, DROP NOT NULL, SET STORAGE, identity, expression
            take(LockMode::AccessExclusive);
            continue;
        }
        if (c.accept("RENAME")) {
            if (c.accept("TO")) {
                take(LockMode::AccessExclusive);
                const QString newName = c.identifier();
                const QString schema = schemaPrefix(table);
                const QString target = schema.isEmpty() ? pgQuoteIdentifier(newName)
                                                        : regclassText(schema.chopped(1), newName);
                w.catalog.renameTable(table, target);
                if (!fresh)
                    w.find(rules::RenameTable, QStringLiteral("renames %1 to %2").arg(table, target));
                continue;
            }
            if (c.accept("CONSTRAINT")) {
                take(LockMode::AccessExclusive);
                continue;
            }
            c.accept("COLUMN");
            const QString from = c.identifier();
            c.accept("TO");
            const QString toName = c.identifier();
            take(LockMode::AccessExclusive);
            w.catalog.renameColumn(table, from, toName);
            if (!fresh)
                w.find(rules::RenameColumn, QStringLiteral("renames %1.%2 to %3").arg(table, from, toName));
            continue;
        }
        if (c.accept({"VALIDATE", "CONSTRAINT"})) {
            const QString name = c.identifier();
            take(LockMode::ShareUpdateExclusive);
            if (SchemaCatalog::ForeignKey *fk = w.catalog.foreignKey(table, name)) {
                if (!fk->valid) {
                    w.lock(fk->referenced, LockMode::RowShare);
                    w.risk.scan = true;
                    fk->valid = true;
                }
            } else if (SchemaCatalog::Check *check = w.catalog.check(table, name)) {
                if (!check->valid) {
                    w.risk.scan = true;
                    check->valid = true;
                }
            } else {
                w.risk.scan = true;
            }
            continue;
        }
        if (c.peekWord("SET") && (c.peek(1).isPunct('(') || c.peekWord("STATISTICS", 1) || c.peekWord("WITHOUT", 1))) {
            take(LockMode::ShareUpdateExclusive);
            continue;
        }
        if (c.accept("RESET") || c.accept({"CLUSTER", "ON"})) {
            take(LockMode::ShareUpdateExclusive);
            continue;
        }
        if ((c.peekWord("ENABLE") || c.peekWord("DISABLE")) && (c.peekWord("TRIGGER", 1) || c.peekWord("REPLICA", 1) || c.peekWord("ALWAYS", 1))) {
            take(LockMode::ShareRowExclusive);
            continue;
        }
        if (c.accept({"SET", "TABLESPACE"}) || c.accept({"SET", "LOGGED"}) || c.accept({"SET", "UNLOGGED"})) {
            take(LockMode::AccessExclusive);
            w.risk.rewrite = true;
            continue;
        }
        if (c.accept({"ATTACH", "PARTITION"})) {
            take(LockMode::ShareUpdateExclusive);
            w.lock(relationKey(c.qualifiedName()), LockMode::AccessExclusive);
            w.risk.scan = true;
            continue;
        }
        // OWNER TO, SET SCHEMA, INHERIT, REPLICA IDENTITY, ROW LEVEL SECURITY, ...
        take(LockMode::AccessExclusive);
    }
    w.lock(table, mode);
}

} // namespace retort::risk
