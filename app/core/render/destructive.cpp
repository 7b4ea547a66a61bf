#include "render/destructive.h"

#include "render/sqllexer.h"

namespace retort {

namespace {

using Token = sql::Token;
using Statement = sql::TokenizedStatement;

bool isWord(const Token &t, const char *keyword)
{
    return t.type == Token::Type::Word && t.upper == QLatin1String(keyword);
}

using Kind = DestructiveStatement::Kind;

// The first destructive action of an ALTER TABLE, given the tokens after
// the table name; actions are separated by commas at the statement's level.
bool alterTableAction(const QVector<Token> &t, int from, Kind &kind)
{
    int i = from;
    while (i < t.size()) {
        int end = i;
        while (end < t.size() && !(t[end].depth == 0 && t[end].type == Token::Type::Punct && t[end].upper == QLatin1String(",")))
            ++end;
        if (i < end && isWord(t[i], "DROP")) {
            const bool constraint = i + 1 < end && isWord(t[i + 1], "CONSTRAINT");
            kind = constraint ? Kind::DropConstraint : Kind::DropColumn;
            return true;
        }
        if (i < end && isWord(t[i], "ALTER")) {
            // ALTER [COLUMN] name [SET DATA] TYPE ...; not ALTER ... SET/DROP DEFAULT etc.
            int j = i + 1;
            if (j < end && isWord(t[j], "COLUMN"))
                ++j;
            ++j;  // the column's name
            if (j < end && isWord(t[j], "SET") && j + 1 < end && isWord(t[j + 1], "DATA"))
                j += 2;
            if (j < end && isWord(t[j], "TYPE")) {
                kind = Kind::AlterColumnType;
                return true;
            }
        }
        i = end + 1;
    }
    return false;
}

bool hasTopLevelWord(const QVector<Token> &t, int from, const char *keyword)
{
    for (int i = from; i < t.size(); ++i) {
        if (t[i].depth == 0 && isWord(t[i], keyword))
            return true;
    }
    return false;
}

bool classify(const QVector<Token> &t, Kind &kind)
{
    if (t.isEmpty())
        return false;
    int i = 0;
    if (isWord(t[0], "WITH")) {
        // The main statement follows the CTEs: its verb is the first data-modifying keyword at level 0.
        for (i = 1; i < t.size(); ++i) {
            if (t[i].depth == 0 && (isWord(t[i], "SELECT") || isWord(t[i], "INSERT") || isWord(t[i], "UPDATE")
                                    || isWord(t[i], "DELETE")))
                break;
        }
        if (i >= t.size())
            return false;
    }
    const Token &verb = t[i];
    if (isWord(verb, "DROP") && i + 1 < t.size()) {
        const Token &what = t[i + 1];
        if (isWord(what, "TABLE") || isWord(what, "FOREIGN"))
            kind = Kind::DropTable;
        else if (isWord(what, "INDEX"))
            kind = Kind::DropIndex;
        else if (isWord(what, "VIEW") || isWord(what, "MATERIALIZED"))
            kind = Kind::DropView;
        else if (isWord(what, "TYPE") || isWord(what, "DOMAIN"))
            kind = Kind::DropType;
        else if (isWord(what, "SCHEMA"))
            kind = Kind::DropSchema;
        else if (isWord(what, "SEQUENCE"))
            kind = Kind::DropSequence;
        else if (isWord(what, "DATABASE"))
            kind = Kind::DropDatabase;
        else
            return false;
        return true;
    }
    if (isWord(verb, "TRUNCATE")) {
        kind = Kind::Truncate;
        return true;
    }
    if (isWord(verb, "DELETE")) {
        kind = Kind::DeleteAll;
        return !hasTopLevelWord(t, i + 1, "WHERE");
    }
    if (isWord(verb, "UPDATE")) {
        kind = Kind::UpdateAll;
        return !hasTopLevelWord(t, i + 1, "WHERE");
    }
    if (isWord(verb, "ALTER") && i + 1 < t.size()
        && (isWord(t[i + 1], "TABLE") || isWord(t[i + 1], "FOREIGN"))) {
        int j = i + 2;
        if (j < t.size() && isWord(t[i + 1], "FOREIGN"))
            ++j;  // FOREIGN TABLE
        if (j + 1 < t.size() && isWord(t[j], "IF") && isWord(t[j + 1], "EXISTS"))
            j += 2;
        if (j < t.size() && isWord(t[j], "ONLY"))
            ++j;
        // The (possibly schema-qualified) name: name [. name] [*]
        ++j;
        while (j + 1 < t.size() && t[j].type == Token::Type::Punct && t[j].upper == QLatin1String("."))
            j += 2;
        if (j < t.size() && t[j].type == Token::Type::Punct && t[j].upper == QLatin1String("*"))
            ++j;
        return alterTableAction(t, j, kind);
    }
    return false;
}

int lineAt(const QString &s, int offset)
{
    return 1 + int(QStringView(s).left(offset).count(QLatin1Char('\n')));
}

} // namespace

QString DestructiveStatement::kindName() const
{
    switch (kind) {
    case Kind::DropTable: return QStringLiteral("DROP TABLE");
    case Kind::DropColumn: return QStringLiteral("DROP COLUMN");
    case Kind::DropConstraint: return QStringLiteral("DROP CONSTRAINT");
    case Kind::DropIndex: return QStringLiteral("DROP INDEX");
    case Kind::DropView: return QStringLiteral("DROP VIEW");
    case Kind::DropType: return QStringLiteral("DROP TYPE");
    case Kind::DropSchema: return QStringLiteral("DROP SCHEMA");
    case Kind::DropSequence: return QStringLiteral("DROP SEQUENCE");
    case Kind::DropDatabase: return QStringLiteral("DROP DATABASE");
    case Kind::AlterColumnType: return QStringLiteral("ALTER COLUMN TYPE");
    case Kind::Truncate: return QStringLiteral("TRUNCATE");
    case Kind::DeleteAll: return QStringLiteral("DELETE without WHERE");
    case Kind::UpdateAll: return QStringLiteral("UPDATE without WHERE");
    }
    return {};
}

QVector<DestructiveStatement> findDestructive(const QString &sql)
{
    QVector<DestructiveStatement> out;
    for (const Statement &st : sql::tokenizeStatements(sql)) {
        Kind kind;
        if (!classify(st.tokens, kind))
            continue;
        DestructiveStatement d;
        d.kind = kind;
        d.offset = st.tokens.front().offset;
        d.length = st.end - d.offset;
        // trailing whitespace before the ';' is not part of the statement
        while (d.length > 0 && sql.at(d.offset + d.length - 1).isSpace())
            --d.length;
        d.line = lineAt(sql, d.offset);
        out.append(d);
    }
    return out;
}

QVector<DestructiveStatement> findDestructive(const StepBody &body)
{
    QVector<DestructiveStatement> out;
    for (int i = 0; i < body.size(); ++i) {
        if (!body[i].isSql())
            continue;
        for (DestructiveStatement d : findDestructive(body[i].sql)) {
            d.statementIndex = i;
            out.append(d);
        }
    }
    return out;
}

} // namespace retort
