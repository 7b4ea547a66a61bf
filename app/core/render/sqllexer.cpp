#include "render/sqllexer.h"

namespace retort::sql {

namespace {

bool isWordStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$');
}

// A dollar-quote tag at `i` ("$$" or "$tag$"), or an empty string.
QString dollarTag(const QString &s, int i)
{
    if (s.at(i) != QLatin1Char('$'))
        return {};
    int j = i + 1;
    if (j < s.size() && !(isWordStart(s.at(j)) || s.at(j) == QLatin1Char('$')))
        return {};
    while (j < s.size() && s.at(j) != QLatin1Char('$')) {
        if (!(s.at(j).isLetterOrNumber() || s.at(j) == QLatin1Char('_')))
            return {};
        ++j;
    }
    if (j >= s.size())
        return {};
    return s.mid(i, j - i + 1);
}

} // namespace

// Splits on top-level ';' and tokenizes each statement, skipping comments
// and the insides of literals.
QVector<TokenizedStatement> tokenizeStatements(const QString &s)
{
    QVector<TokenizedStatement> out;
    TokenizedStatement cur;
    int depth = 0;
    const int n = int(s.size());
    int i = 0;
    auto push = [&](Token::Type type, int start, int end, QString upper = {}) {
        cur.tokens.append(Token{type, std::move(upper), start, end, depth});
    };
    while (i < n) {
        const QChar c = s.at(i);
        const QChar next = i + 1 < n ? s.at(i + 1) : QChar();
        if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            while (i < n && s.at(i) != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            int nest = 0;  // PostgreSQL's block comments nest
            while (i < n) {
                if (s.at(i) == QLatin1Char('/') && i + 1 < n && s.at(i + 1) == QLatin1Char('*')) {
                    ++nest;
                    i += 2;
                } else if (s.at(i) == QLatin1Char('*') && i + 1 < n && s.at(i + 1) == QLatin1Char('/')) {
                    i += 2;
                    if (--nest == 0)
                        break;
                } else {
                    ++i;
                }
            }
        } else if (c == QLatin1Char('\'')
                   || ((c == QLatin1Char('E') || c == QLatin1Char('e')) && next == QLatin1Char('\''))) {
            const int start = i;
            const bool escapes = c != QLatin1Char('\'');
            i += escapes ? 2 : 1;
            while (i < n) {
                if (escapes && s.at(i) == QLatin1Char('\\')) {
                    i += 2;
                } else if (s.at(i) == QLatin1Char('\'')) {
                    if (i + 1 < n && s.at(i + 1) == QLatin1Char('\'')) {
                        i += 2;
                    } else {
                        ++i;
                        break;
                    }
                } else {
                    ++i;
                }
            }
            push(Token::Type::Literal, start, std::min(i, n));
        } else if (c == QLatin1Char('"')) {
            const int start = i++;
            while (i < n) {
                if (s.at(i) == QLatin1Char('"')) {
                    if (i + 1 < n && s.at(i + 1) == QLatin1Char('"')) {
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                ++i;
            }
            push(Token::Type::Quoted, start, std::min(i, n));
        } else if (c == QLatin1Char('$') && !dollarTag(s, i).isEmpty()) {
            const QString tag = dollarTag(s, i);
            const int start = i;
            const int close = int(s.indexOf(tag, i + tag.size()));
            i = close < 0 ? n : close + int(tag.size());
            push(Token::Type::Literal, start, i);
        } else if (isWordStart(c)) {
            const int start = i;
            while (i < n && isWordChar(s.at(i)))
                ++i;
            push(Token::Type::Word, start, i, s.mid(start, i - start).toUpper());
        } else if (c.isDigit()) {
            const int start = i;
            while (i < n && (s.at(i).isLetterOrNumber() || s.at(i) == QLatin1Char('.')))
                ++i;
            push(Token::Type::Literal, start, i);
        } else if (c == QLatin1Char(';') && depth == 0) {
            cur.end = i;
            if (!cur.tokens.isEmpty())
                out.append(cur);
            cur = TokenizedStatement();
            ++i;
        } else {
            if (c == QLatin1Char(')'))
                depth = std::max(0, depth - 1);
            push(Token::Type::Punct, i, i + 1, QString(c));
            if (c == QLatin1Char('('))
                ++depth;
            ++i;
        }
    }
    cur.end = n;
    if (!cur.tokens.isEmpty())
        out.append(cur);
    return out;
}


} // namespace retort::sql
