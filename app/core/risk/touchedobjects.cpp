#include "risk/touchedobjects.h"

#include "risk/sqlcursor.h"

namespace retort::risk {

namespace {

class Touched {
public:
    explicit Touched(QStringList &out) : m_out(out) {}

    void table(const QualifiedName &t)
    {
        if (t.isEmpty())
            return;
        add(t.name);
        if (!t.schema.isEmpty())
            add(t.schema + QLatin1Char('.') + t.name);
    }
    void column(const QualifiedName &t, const QString &column)
    {
        if (!t.isEmpty() && !column.isEmpty())
            add(t.name + QLatin1Char('.') + column);
    }
    void name(const QString &n)
    {
        if (!n.isEmpty())
            add(n);
    }

private:
    void add(const QString &s)
    {
        if (!m_out.contains(s))
            m_out << s;
    }
    QStringList &m_out;
};

bool isConstraintStart(const SqlCursor &c)
{
    for (const char *k : {"CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "EXCLUDE", "LIKE"})
        if (c.peekWord(k))
            return true;
    return false;
}

// The bare column names of a parenthesised list the cursor is on: each
// element's first identifier when the element is just a name (an index's
// expression elements name nothing here).
QStringList columnList(SqlCursor &c, bool firstWordOnly)
{
    QStringList columns;
    if (!c.peek().isPunct('('))
        return columns;
    const int open = c.pos();
    const int close = c.groupEnd(open);
    const int depth = c.tokens()[open].depth + 1;
    bool elementStart = true;
    for (int i = open + 1; i < close; ++i) {
        const sql::Token &t = c.tokens()[i];
        if (t.depth == depth && t.isPunct(',')) {
            elementStart = true;
            continue;
        }
        if (elementStart && t.depth == depth) {
            elementStart = false;
            SqlCursor element(c.source(), c.tokens(), i, close);
            if (isConstraintStart(element))
                continue;
            const QString name = element.identifier();
            const sql::Token &after = element.peek();
            const bool plain = after.isPunct(',') || element.pos() >= close || firstWordOnly
                               || after.type == sql::Token::Type::Word;  // ASC, DESC, NULLS, COLLATE, opclass
            if (!name.isEmpty() && plain && !after.isPunct('('))
                columns << name;
        }
    }
    c.seek(std::min(close + 1, c.end()));
    return columns;
}

void createTable(SqlCursor &c, Touched &touched)
{
    c.accept({"IF", "NOT", "EXISTS"});
    const QualifiedName t = c.qualifiedName();
    touched.table(t);
    for (const QString &col : columnList(c, true))
        touched.column(t, col);
}

void createIndex(SqlCursor &c, Touched &touched)
{
    c.accept("CONCURRENTLY");
    c.accept({"IF", "NOT", "EXISTS"});
    if (!c.peekWord("ON"))
        touched.name(c.qualifiedName().name);
    if (!c.accept("ON"))
        return;
    c.accept("ONLY");
    const QualifiedName t = c.qualifiedName();
    touched.table(t);
    if (c.accept("USING"))
        c.skip();
    for (const QString &col : columnList(c, false))
        touched.column(t, col);
}

void alterTable(SqlCursor &c, Touched &touched)
{
    c.accept({"IF", "EXISTS"});
    c.accept("ONLY");
    const QualifiedName t = c.qualifiedName();
    touched.table(t);
    // actions, comma-separated at the statement's top level
    while (!c.atEnd()) {
        if (c.accept("ADD")) {
            if (isConstraintStart(c)) {
                if (c.accept("CONSTRAINT"))
                    touched.name(c.identifier());
            } else {
                c.accept("COLUMN");
                c.accept({"IF", "NOT", "EXISTS"});
                touched.column(t, c.identifier());
            }
        } else if (c.accept("DROP")) {
            if (c.accept("CONSTRAINT")) {
                c.accept({"IF", "EXISTS"});
                touched.name(c.identifier());
            } else {
                c.accept("COLUMN");
                c.accept({"IF", "EXISTS"});
                touched.column(t, c.identifier());
            }
        } else if (c.accept("ALTER")) {
            c.accept("COLUMN");
            touched.column(t, c.identifier());
        } else if (c.accept("RENAME")) {
            if (c.accept("TO")) {
                touched.table({t.schema, c.identifier()});
            } else if (c.accept("CONSTRAINT")) {
                touched.name(c.identifier());
                if (c.accept("TO"))
                    touched.name(c.identifier());
            } else {
                c.accept("COLUMN");
                touched.column(t, c.identifier());
                if (c.accept("TO"))
                    touched.column(t, c.identifier());
            }
        }
        // on to the next action
        while (!c.atEnd() && !(c.peek().isPunct(',') && c.peek().depth == 0))
            c.skip();
        c.acceptPunct(',');
    }
}

void statement(SqlCursor &c, Touched &touched)
{
    if (c.accept("CREATE")) {
        c.accept({"OR", "REPLACE"});
        for (const char *k : {"UNLOGGED", "TEMPORARY", "TEMP", "GLOBAL", "LOCAL"})
            c.accept(k);
        if (c.accept("TABLE"))
            return createTable(c, touched);
        c.accept("UNIQUE");
        if (c.accept("INDEX"))
            return createIndex(c, touched);
        c.accept("MATERIALIZED");
        if (c.accept("VIEW")) {
            c.accept({"IF", "NOT", "EXISTS"});
            touched.table(c.qualifiedName());
        }
        return;
    }
    if (c.accept({"ALTER", "TABLE"}))
        return alterTable(c, touched);
    if (c.accept("DROP")) {
        c.accept("MATERIALIZED");
        const bool index = c.accept("INDEX");
        if (!index && !c.accept("TABLE") && !c.accept("VIEW"))
            return;
        c.accept("CONCURRENTLY");
        c.accept({"IF", "EXISTS"});
        do {
            const QualifiedName n = c.qualifiedName();
            if (index)
                touched.name(n.name);
            else
                touched.table(n);
        } while (c.acceptPunct(','));
        return;
    }
    if (c.accept({"INSERT", "INTO"})) {
        const QualifiedName t = c.qualifiedName();
        touched.table(t);
        for (const QString &col : columnList(c, true))
            touched.column(t, col);
        return;
    }
    if (c.accept("UPDATE")) {
        c.accept("ONLY");
        const QualifiedName t = c.qualifiedName();
        touched.table(t);
        if (!c.peekWord("SET"))
            c.skip();  // an alias
        if (!c.accept("SET"))
            return;
        // SET a = ..., b = ...: the names before each top-level '='
        for (bool expectName = true; !c.atEnd() && !c.peekWord("FROM") && !c.peekWord("WHERE")
                                     && !c.peekWord("RETURNING");) {
            if (expectName) {
                touched.column(t, c.identifier());
                expectName = false;
                continue;
            }
            if (c.peek().isPunct(',') && c.peek().depth == 0)
                expectName = true;
            c.skip();
        }
        return;
    }
    if (c.accept({"DELETE", "FROM"})) {
        c.accept("ONLY");
        touched.table(c.qualifiedName());
        return;
    }
    if (c.accept({"COMMENT", "ON"})) {
        if (c.accept("TABLE")) {
            touched.table(c.qualifiedName());
        } else if (c.accept("COLUMN")) {
            // [schema.]table.column
            QStringList parts{c.identifier()};
            while (c.acceptPunct('.'))
                parts << c.identifier();
            if (parts.size() >= 2)
                touched.column({parts.size() > 2 ? parts[parts.size() - 3] : QString(), parts[parts.size() - 2]},
                               parts.back());
        }
    }
}

} // namespace

QStringList touchedObjects(const QString &sql)
{
    QStringList out;
    Touched touched(out);
    for (const sql::TokenizedStatement &s : sql::tokenizeStatements(sql)) {
        SqlCursor c(sql, s.tokens);
        statement(c, touched);
    }
    return out;
}

} // namespace retort::risk
