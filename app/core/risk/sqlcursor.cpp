#include "risk/sqlcursor.h"

namespace retort::risk {

namespace {
const sql::Token kNoToken{sql::Token::Type::Punct, QString(), 0, 0, -1};
} // namespace

SqlCursor::SqlCursor(const QString &text, const QVector<sql::Token> &tokens, int from, int to)
    : m_text(text), m_tokens(tokens), m_pos(from), m_end(to < 0 ? int(tokens.size()) : to)
{
}

const sql::Token &SqlCursor::peek(int ahead) const
{
    const int i = m_pos + ahead;
    return i < m_end ? m_tokens[i] : kNoToken;
}

bool SqlCursor::peekWord(const char *keyword, int ahead) const
{
    return peek(ahead).isWord(keyword);
}

bool SqlCursor::accept(const char *keyword)
{
    if (!peekWord(keyword))
        return false;
    ++m_pos;
    return true;
}

bool SqlCursor::accept(std::initializer_list<const char *> keywords)
{
    int i = 0;
    for (const char *k : keywords) {
        if (!peekWord(k, i))
            return false;
        ++i;
    }
    m_pos += i;
    return true;
}

bool SqlCursor::acceptPunct(char c)
{
    if (!peek().isPunct(c))
        return false;
    ++m_pos;
    return true;
}

int SqlCursor::groupEnd(int open) const
{
    const int depth = m_tokens[open].depth;
    for (int i = open + 1; i < m_end; ++i)
        if (m_tokens[i].isPunct(')') && m_tokens[i].depth == depth)
            return i;
    return m_end;
}

void SqlCursor::skipGroup()
{
    if (peek().isPunct('('))
        m_pos = std::min(m_end, groupEnd(m_pos) + 1);
}

QString SqlCursor::identifierOf(const sql::Token &t) const
{
    if (t.type == sql::Token::Type::Word)
        return t.upper.toLower();
    if (t.type == sql::Token::Type::Quoted) {
        QString inner = m_text.mid(t.offset + 1, t.end - t.offset - 2);
        inner.replace(QLatin1String("\"\""), QLatin1String("\""));
        return inner;
    }
    return {};
}

QString SqlCursor::identifier()
{
    const sql::Token &t = peek();
    if (t.depth < 0 || (t.type != sql::Token::Type::Word && t.type != sql::Token::Type::Quoted))
        return {};
    ++m_pos;
    return identifierOf(t);
}

QualifiedName SqlCursor::qualifiedName()
{
    QualifiedName q;
    q.name = identifier();
    while (!q.name.isEmpty() && peek().isPunct('.')) {
        ++m_pos;
        q.schema = q.name;
        q.name = identifier();
    }
    return q;
}

QString SqlCursor::text(int from, int to) const
{
    if (from >= to || from >= m_tokens.size())
        return {};
    const int start = m_tokens[from].offset;
    const int stop = m_tokens[std::min(to, int(m_tokens.size())) - 1].end;
    return m_text.mid(start, stop - start);
}

} // namespace retort::risk
