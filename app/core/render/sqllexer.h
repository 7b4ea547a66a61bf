#pragma once

#include <QString>
#include <QVector>

namespace retort::sql {

// A word, quoted identifier, literal or punctuation mark at statement level,
// as PostgreSQL's lexer sees it: comments are skipped, literals (standard,
// E'' and dollar-quoted) and quoted identifiers are single tokens.
struct Token {
    enum class Type { Word, Quoted, Literal, Punct };
    Type type = Type::Word;
    QString upper;  // Word: the keyword in upper case; Punct: the character
    int offset = 0;
    int end = 0;
    int depth = 0;  // parenthesis depth where the token starts

    bool isWord(const char *keyword) const { return type == Type::Word && upper == QLatin1String(keyword); }
    bool isPunct(char c) const { return type == Type::Punct && upper.size() == 1 && upper.at(0) == QLatin1Char(c); }
};

struct TokenizedStatement {
    QVector<Token> tokens;
    int end = 0;  // offset of its ';' or of the text's end
};

// Splits an SQL text on top-level ';' and tokenizes each statement.
QVector<TokenizedStatement> tokenizeStatements(const QString &sql);

} // namespace retort::sql
