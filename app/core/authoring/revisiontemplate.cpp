#include "revisiontemplate.h"

#include "pytext.h"

#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>
#include <vector>

namespace retort {

namespace {

struct Operand {
    bool literal = false;
    QString text;  // the name, or the literal's value
};

struct Condition {
    bool negate = false;
    QString name;
};

struct Expression {
    enum class Form { Operand, Repr, Ternary };
    Form form = Form::Operand;
    Operand value;      // Operand, Repr; Ternary: the value when true
    Condition test;     // Ternary
    Operand otherwise;  // Ternary
    QStringList filters;
};

} // namespace

struct RevisionTemplate::Node {
    enum class Kind { Text, Expression, If };
    Kind kind = Kind::Text;
    int line = 0;
    QString text;                            // Text
    Expression expression;                   // Expression
    std::vector<Condition> conditions;       // If: one per `if`/`elif`
    std::vector<std::vector<Node>> branches; // If: one per condition, then the `else` one
};

namespace {

using Node = RevisionTemplate::Node;

const QString kName = QStringLiteral("[A-Za-z_][A-Za-z0-9_]*");
const QString kOperand = QStringLiteral("(?:[A-Za-z_][A-Za-z0-9_]*|'[^'\\\\\\n]*'|\"[^\"\\\\\\n]*\")");

// Names Mako would not take from alembic's arguments (Python builtins and
// keywords) or that print a Python object's address (config, comma).
bool needsPython(const QString &name)
{
    static const QStringList names = {
        QStringLiteral("config"), QStringLiteral("context"), QStringLiteral("comma"),
        QStringLiteral("None"), QStringLiteral("True"), QStringLiteral("False"),
        QStringLiteral("not"), QStringLiteral("and"), QStringLiteral("or"), QStringLiteral("if"),
        QStringLiteral("else"), QStringLiteral("lambda"), QStringLiteral("str"), QStringLiteral("repr"),
        QStringLiteral("len"), QStringLiteral("list"), QStringLiteral("tuple"), QStringLiteral("dict"),
        QStringLiteral("int"), QStringLiteral("print"), QStringLiteral("capture"), QStringLiteral("caller"),
        QStringLiteral("local"), QStringLiteral("self"), QStringLiteral("parent"), QStringLiteral("next"),
        QStringLiteral("loop"), QStringLiteral("UNDEFINED"),
    };
    return names.contains(name);
}

Operand operandOf(const QString &text)
{
    if (text.startsWith(QLatin1Char('\'')) || text.startsWith(QLatin1Char('"')))
        return {true, text.mid(1, text.size() - 2)};
    return {false, text};
}

class Parser {
public:
    Parser(const QString &path, const QString &text) : m_path(path), m_text(text)
    {
        for (qsizetype i = 0; i < text.size(); ++i)
            if (text[i] == QLatin1Char('\n'))
                m_newlines.push_back(i);
    }

    Error parse()
    {
        m_stack.push_back(&m_root);
        const qsizetype n = m_text.size();
        while (m_pos < n && !m_bridge.isError()) {
            if (atLineStart()) {
                const Error e = controlLine();
                if (e.isError())
                    return e;
                if (m_consumed)
                    continue;
            }
            const QStringView rest = QStringView(m_text).mid(m_pos);
            if (rest.startsWith(QLatin1String("${"))) {
                const Error e = expression();
                if (e.isError())
                    return e;
                continue;
            }
            if (rest.startsWith(QLatin1String("<%doc>"))) {
                const qsizetype end = m_text.indexOf(QLatin1String("</%doc>"), m_pos);
                if (end < 0)
                    return parseError(QStringLiteral("Unclosed tag: <%doc>"));
                flushText();
                m_pos = end + 7;
                continue;
            }
            if (rest.startsWith(QLatin1String("<%text>"))) {
                const qsizetype end = m_text.indexOf(QLatin1String("</%text>"), m_pos);
                if (end < 0)
                    return parseError(QStringLiteral("Unclosed tag: <%text>"));
                m_buffer += m_text.mid(m_pos + 7, end - m_pos - 7);
                m_pos = end + 8;
                continue;
            }
            static const QRegularExpression tag(QStringLiteral("\\G</?[%&]"));
            if (rest.startsWith(QLatin1Char('<'))
                && tag.match(m_text, m_pos, QRegularExpression::NormalMatch,
                             QRegularExpression::AnchorAtOffsetMatchOption).hasMatch()) {
                const qsizetype eol = m_text.indexOf(QLatin1Char('\n'), m_pos);
                bridge(QStringLiteral("'%1' (a Mako tag or Python block)")
                           .arg(m_text.mid(m_pos, (eol < 0 ? n : eol) - m_pos).trimmed().left(60)));
                break;
            }
            // Mako drops a backslash-newline in text (line continuation).
            if (rest.startsWith(QLatin1String("\\\n"))) {
                m_pos += 2;
                continue;
            }
            if (rest.startsWith(QLatin1String("\\\r\n"))) {
                m_pos += 3;
                continue;
            }
            m_buffer += m_text[m_pos++];
        }
        if (m_bridge.isError())
            return {};
        flushText();
        if (!m_ifs.empty())
            return parseError(QStringLiteral("Unterminated control keyword: 'if'"), m_openIfLines.back());
        return {};
    }

    std::vector<Node> takeNodes() { return std::move(m_root); }
    const Error &bridgeReason() const { return m_bridge; }

private:
    bool atLineStart() const { return m_pos == 0 || m_text[m_pos - 1] == QLatin1Char('\n'); }

    int lineAt(qsizetype pos) const
    {
        return int(std::lower_bound(m_newlines.begin(), m_newlines.end(), pos) - m_newlines.begin()) + 1;
    }

    Error parseError(const QString &message, int line = 0) const
    {
        Location where;
        where.file = m_path;
        where.line = line > 0 ? line : lineAt(m_pos);
        return Error(Error::Kind::Config, message, where);
    }

    void bridge(const QString &what)
    {
        Location where;
        where.file = m_path;
        where.line = lineAt(m_pos);
        m_bridge = Error(Error::Kind::Unresolved,
                         QStringLiteral("%1 needs Mako itself (Retort renders only the substitutions "
                                        "alembic's own templates use)")
                             .arg(what),
                         where);
    }

    void flushText()
    {
        if (m_buffer.isEmpty())
            return;
        Node node;
        node.kind = Node::Kind::Text;
        node.text = m_buffer;
        m_stack.back()->push_back(std::move(node));
        m_buffer.clear();
    }

    // Mako's control lines: `[ \t]*%` (not `%%`) or `[ \t]*##`, through the
    // end of the line and its newline. `%%` at a line start is a literal `%`.
    Error controlLine()
    {
        m_consumed = false;
        static const QRegularExpression re(
            QStringLiteral("\\G[\\t ]*(%(?!%)|##)[\\t ]*((?:\\\\\\r?\\n|[^\\r\\n])*)(?:\\r?\\n|$)"));
        const QRegularExpressionMatch m =
            re.match(m_text, m_pos, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch()) {
            static const QRegularExpression percents(QStringLiteral("\\G[\\t ]*%%"));
            const QRegularExpressionMatch p = percents.match(m_text, m_pos, QRegularExpression::NormalMatch,
                                                             QRegularExpression::AnchorAtOffsetMatchOption);
            if (p.hasMatch()) {
                if (m_text[m_pos] != QLatin1Char('%')) {
                    bridge(QStringLiteral("'%%' after indentation"));
                    m_consumed = true;
                    return {};
                }
                ++m_pos;  // Mako skips the first '%' and reads on from the second as text
                m_buffer += m_text[m_pos++];
                m_consumed = true;
            }
            return {};
        }
        m_consumed = true;
        const int line = lineAt(m_pos);
        const qsizetype start = m_pos;
        m_pos = m_pos + m.capturedLength(0);
        if (m.captured(1) == QLatin1String("##"))
            return {};
        flushText();
        const QString body = m.captured(2).trimmed();
        static const QRegularExpression keywordRe(QStringLiteral("^(end)?(\\w+)\\s*(.*)$"),
                                                  QRegularExpression::DotMatchesEverythingOption);
        const QRegularExpressionMatch k = keywordRe.match(body);
        if (!k.hasMatch())
            return parseError(QStringLiteral("Invalid control line: '%1'").arg(body), line);
        const bool isEnd = !k.captured(1).isEmpty();
        const QString keyword = k.captured(2);
        const QString rest = k.captured(3).trimmed();
        static const QRegularExpression condRe(QStringLiteral("^(not\\s+)?(%1)\\s*:$").arg(kName));
        auto unsupported = [&] {
            m_pos = start;
            bridge(QStringLiteral("'% ") + body + QLatin1Char('\''));
            return Error();
        };
        if (keyword == QLatin1String("if") && isEnd) {
            if (m_ifs.empty())
                return parseError(QStringLiteral("No starting keyword 'if' for '%1'").arg(body), line);
            m_stack.pop_back();
            m_ifs.pop_back();
            m_openIfLines.pop_back();
            return {};
        }
        if (keyword != QLatin1String("if") && keyword != QLatin1String("elif") && keyword != QLatin1String("else"))
            return unsupported();
        Condition cond;
        if (keyword != QLatin1String("else")) {
            const QRegularExpressionMatch c = condRe.match(rest);
            if (!c.hasMatch() || needsPython(c.captured(2)))
                return unsupported();
            cond = Condition{!c.captured(1).isEmpty(), c.captured(2)};
        } else if (rest != QLatin1String(":")) {
            return unsupported();
        }
        if (keyword == QLatin1String("if")) {
            Node node;
            node.kind = Node::Kind::If;
            node.line = line;
            node.conditions.push_back(cond);
            node.branches.emplace_back();
            m_stack.back()->push_back(std::move(node));
            Node &placed = m_stack.back()->back();
            m_stack.push_back(&placed.branches.back());
            m_ifs.push_back(&placed);
            m_openIfLines.push_back(line);
            return {};
        }
        if (m_ifs.empty())
            return parseError(QStringLiteral("No starting keyword 'if' for '%1'").arg(body), line);
        Node *open = m_ifs.back();
        if (open->branches.size() > open->conditions.size())
            return parseError(QStringLiteral("'%1' after '% else:'").arg(body), line);
        if (keyword == QLatin1String("elif"))
            open->conditions.push_back(cond);
        open->branches.emplace_back();
        m_stack.back() = &open->branches.back();  // the branch list may have moved
        return {};
    }

    Error expression()
    {
        const int line = lineAt(m_pos);
        const qsizetype start = m_pos;
        qsizetype i = m_pos + 2;
        int depth = 0;
        QChar quote;
        qsizetype bar = -1;
        for (; i < m_text.size(); ++i) {
            const QChar c = m_text[i];
            if (!quote.isNull()) {
                if (c == QLatin1Char('\\'))
                    ++i;
                else if (c == quote)
                    quote = QChar();
                continue;
            }
            if (c == QLatin1Char('\'') || c == QLatin1Char('"'))
                quote = c;
            else if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{'))
                ++depth;
            else if ((c == QLatin1Char(')') || c == QLatin1Char(']')) && depth > 0)
                --depth;
            else if (c == QLatin1Char('}')) {
                if (depth == 0)
                    break;
                --depth;
            } else if (c == QLatin1Char('|') && depth == 0 && bar < 0)
                bar = i;
        }
        if (i >= m_text.size())
            return parseError(QStringLiteral("Expected: }"), line);
        const QString inner = m_text.mid(start + 2, i - start - 2);
        m_pos = i + 1;
        const QString code = (bar < 0 ? inner : m_text.mid(start + 2, bar - start - 2)).trimmed();
        QStringList filters;
        if (bar >= 0)
            for (const QString &f : m_text.mid(bar + 1, i - bar - 1).split(QLatin1Char(',')))
                filters << f.trimmed();

        Expression e;
        e.filters = filters;
        static const QRegularExpression reprRe(QStringLiteral("^repr\\(\\s*(%1)\\s*\\)$").arg(kName));
        static const QRegularExpression ternaryRe(
            QStringLiteral("^(%1)\\s+if\\s+(not\\s+)?(%2)\\s+else\\s+(%1)$").arg(kOperand, kName));
        static const QRegularExpression operandRe(QStringLiteral("^(%1)$").arg(kOperand));
        QStringList names;
        if (const auto m = reprRe.match(code); m.hasMatch() && m.captured(1) != QLatin1String("create_date")) {
            // (create_date is a datetime to alembic: its repr needs Python)
            e.form = Expression::Form::Repr;
            e.value = operandOf(m.captured(1));
            names << m.captured(1);
        } else if (const auto t = ternaryRe.match(code); t.hasMatch()) {
            e.form = Expression::Form::Ternary;
            e.value = operandOf(t.captured(1));
            e.test = Condition{!t.captured(2).isEmpty(), t.captured(3)};
            e.otherwise = operandOf(t.captured(4));
            names << t.captured(3);
            for (const Operand *o : {&e.value, &e.otherwise})
                if (!o->literal)
                    names << o->text;
        } else if (const auto o = operandRe.match(code); o.hasMatch()) {
            e.value = operandOf(o.captured(1));
            if (!e.value.literal)
                names << e.value.text;
        } else {
            m_pos = start;
            bridge(QStringLiteral("'${%1}'").arg(inner));
            return {};
        }
        static const QStringList knownFilters = {QStringLiteral("n"), QStringLiteral("str"),
                                                 QStringLiteral("comma"), QStringLiteral("trim")};
        for (const QString &f : std::as_const(filters))
            if (!knownFilters.contains(f)) {
                m_pos = start;
                bridge(QStringLiteral("the filter '%1' in '${%2}'").arg(f, inner));
                return {};
            }
        for (const QString &name : std::as_const(names))
            if (needsPython(name)) {
                m_pos = start;
                bridge(QStringLiteral("'${%1}'").arg(inner));
                return {};
            }
        flushText();
        Node node;
        node.kind = Node::Kind::Expression;
        node.line = line;
        node.expression = e;
        m_stack.back()->push_back(std::move(node));
        return {};
    }

    QString m_path;
    QString m_text;
    std::vector<qsizetype> m_newlines;
    qsizetype m_pos = 0;
    bool m_consumed = false;
    QString m_buffer;
    std::vector<Node> m_root;
    // Where nodes go: the root, then the current branch of each open `% if`.
    std::vector<std::vector<Node> *> m_stack;
    std::vector<Node *> m_ifs;
    std::vector<int> m_openIfLines;
    Error m_bridge;
};

bool truthy(const TemplateValue &v)
{
    switch (v.kind) {
    case TemplateValue::Kind::Undefined:
    case TemplateValue::Kind::None:
        return false;
    case TemplateValue::Kind::Str:
        return !v.text.isEmpty();
    case TemplateValue::Kind::Tuple:
    case TemplateValue::Kind::List:
        return !v.items.isEmpty();
    }
    return false;
}

class Renderer {
public:
    Renderer(const QString &path, const TemplateValues &values) : m_path(path), m_values(values) {}

    Error render(const std::vector<Node> &nodes, QString &out) const
    {
        for (const Node &node : nodes) {
            switch (node.kind) {
            case Node::Kind::Text:
                out += node.text;
                break;
            case Node::Kind::Expression: {
                Result<QString> text = expression(node);
                if (!text)
                    return text.error();
                out += text.value();
                break;
            }
            case Node::Kind::If: {
                size_t chosen = node.conditions.size();
                for (size_t i = 0; i < node.conditions.size(); ++i)
                    if (test(node.conditions[i])) {
                        chosen = i;
                        break;
                    }
                if (chosen < node.branches.size())
                    if (const Error e = render(node.branches[chosen], out))
                        return e;
                break;
            }
            }
        }
        return {};
    }

private:
    TemplateValue value(const Operand &o) const
    {
        if (o.literal)
            return TemplateValue::str(o.text);
        return m_values.value(o.text);
    }

    bool test(const Condition &c) const { return truthy(m_values.value(c.name)) != c.negate; }

    Error undefined(const Node &node, const QString &why) const
    {
        Location where;
        where.file = m_path;
        where.line = node.line;
        return Error(Error::Kind::Config, QStringLiteral("Template rendering failed: %1").arg(why), where);
    }

    Result<QString> expression(const Node &node) const
    {
        const Expression &e = node.expression;
        TemplateValue v;
        QString name = e.value.text;
        switch (e.form) {
        case Expression::Form::Operand:
            v = value(e.value);
            break;
        case Expression::Form::Repr:
            v = value(e.value);
            if (v.kind == TemplateValue::Kind::Undefined)
                return undefined(node, QStringLiteral("'%1' is not defined when alembic writes a new revision").arg(name));
            v = TemplateValue::str(templateValueRepr(v));
            break;
        case Expression::Form::Ternary: {
            const bool pick = test(e.test);
            v = value(pick ? e.value : e.otherwise);
            name = pick ? e.value.text : e.otherwise.text;
            break;
        }
        }
        auto toStr = [&]() -> Error {
            if (v.kind == TemplateValue::Kind::Undefined)
                return undefined(node, QStringLiteral("'%1' is not defined when alembic writes a new revision").arg(name));
            v = TemplateValue::str(templateValueStr(v));
            return {};
        };
        if (!e.filters.contains(QStringLiteral("n")))
            if (const Error err = toStr())
                return err;
        for (const QString &f : e.filters) {
            if (f == QLatin1String("str")) {
                if (const Error err = toStr())
                    return err;
            } else if (f == QLatin1String("trim")) {
                if (const Error err = toStr())
                    return err;
                v.text = pyStrip(v.text);
            } else if (f == QLatin1String("comma")) {
                // alembic's format_as_comma
                if (v.kind == TemplateValue::Kind::None)
                    v = TemplateValue::str(QString());
                else if (v.kind == TemplateValue::Kind::Tuple || v.kind == TemplateValue::Kind::List)
                    v = TemplateValue::str(v.items.join(QStringLiteral(", ")));
                else if (v.kind == TemplateValue::Kind::Undefined)
                    return undefined(node, QStringLiteral("'%1' is not defined when alembic writes a new revision").arg(name));
            }
        }
        if (v.kind != TemplateValue::Kind::Str)
            return undefined(node, QStringLiteral("'%1' is not a string (the 'n' filter leaves it as it is)").arg(name));
        return v.text;
    }

    QString m_path;
    const TemplateValues &m_values;
};

QString listRepr(const QStringList &items)
{
    QStringList reprs;
    for (const QString &s : items)
        reprs << pyRepr(s);
    return QLatin1Char('[') + reprs.join(QStringLiteral(", ")) + QLatin1Char(']');
}

} // namespace

QString templateValueStr(const TemplateValue &value)
{
    return value.kind == TemplateValue::Kind::Str ? value.text : templateValueRepr(value);
}

QString templateValueRepr(const TemplateValue &value)
{
    switch (value.kind) {
    case TemplateValue::Kind::Undefined:
        return QStringLiteral("UNDEFINED");
    case TemplateValue::Kind::None:
        return QStringLiteral("None");
    case TemplateValue::Kind::Str:
        return pyRepr(value.text);
    case TemplateValue::Kind::Tuple:
        return pyTupleRepr(value.items);
    case TemplateValue::Kind::List:
        return listRepr(value.items);
    }
    return {};
}

Result<RevisionTemplate> RevisionTemplate::parse(const QString &path, const QByteArray &bytes)
{
    QByteArray raw = bytes;
    if (raw.startsWith("\xEF\xBB\xBF"))
        raw.remove(0, 3);
    // Mako's magic encoding comment: only on the first line.
    static const QRegularExpression coding(QStringLiteral("^#.*coding[:=]\\s*([-\\w.]+).*\\r?\\n"));
    const QRegularExpressionMatch c = coding.match(QString::fromUtf8(raw.left(raw.indexOf('\n') + 1)));
    RevisionTemplate t;
    t.m_path = path;
    if (c.hasMatch()) {
        const QString enc = c.captured(1).toLower().replace(QLatin1Char('_'), QLatin1Char('-'));
        if (enc != QLatin1String("utf-8") && enc != QLatin1String("utf8")) {
            Location where;
            where.file = path;
            where.line = 1;
            t.m_bridgeReason = Error(Error::Kind::Unresolved,
                                     QStringLiteral("the template's encoding '%1' needs Mako itself").arg(c.captured(1)),
                                     where);
            return t;
        }
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(raw);
    if (decoder.hasError()) {
        Location where;
        where.file = path;
        return Error(Error::Kind::Config, QStringLiteral("Unicode decode operation of encoding 'utf-8' failed"), where);
    }
    Parser parser(path, text);
    if (const Error e = parser.parse())
        return e;
    t.m_bridgeReason = parser.bridgeReason();
    t.m_nodes = std::make_shared<const std::vector<Node>>(parser.takeNodes());
    return t;
}

Result<QString> RevisionTemplate::render(const TemplateValues &values) const
{
    if (!isNative())
        return m_bridgeReason;
    QString out;
    if (const Error e = Renderer(m_path, values).render(*m_nodes, out))
        return e;
    return out;
}

} // namespace retort
