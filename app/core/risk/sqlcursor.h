#pragma once

#include "render/sqllexer.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace retort::risk {

// An identifier as PostgreSQL reads it: folded to lower case when bare,
// exactly as written (quotes removed, "" undoubled) when quoted.
struct QualifiedName {
    QString schema;  // empty when not qualified
    QString name;
    bool isEmpty() const { return name.isEmpty(); }
};

// Reads one tokenized statement front to back: keywords, identifiers and
// qualified names, skipping parenthesised groups.
class SqlCursor {
public:
    SqlCursor(const QString &text, const QVector<sql::Token> &tokens, int from = 0, int to = -1);

    bool atEnd() const { return m_pos >= m_end; }
    int pos() const { return m_pos; }
    void seek(int pos) { m_pos = pos; }
    int end() const { return m_end; }
    const sql::Token &peek(int ahead = 0) const;

    // True and advances when the next tokens are these keywords, in order.
    bool accept(const char *keyword);
    bool accept(std::initializer_list<const char *> keywords);
    bool peekWord(const char *keyword, int ahead = 0) const;
    bool acceptPunct(char c);
    void skip(int n = 1) { m_pos = std::min(m_end, m_pos + n); }
    // Skips a parenthesised group when the cursor is on its '('.
    void skipGroup();

    // An identifier (bare word or quoted); empty when the next token is not one.
    QString identifier();
    // name or schema.name (a third part, database.schema.name, keeps the last two).
    QualifiedName qualifiedName();
    // The source text of tokens [from, to).
    QString text(int from, int to) const;
    // Index range of the group that opens at `open` ('('): returns the index of its ')'.
    int groupEnd(int open) const;
    const QVector<sql::Token> &tokens() const { return m_tokens; }
    const QString &source() const { return m_text; }

    // The identifier a single token spells.
    QString identifierOf(const sql::Token &t) const;

private:
    const QString &m_text;
    const QVector<sql::Token> &m_tokens;
    int m_pos = 0;
    int m_end = 0;
};

} // namespace retort::risk
