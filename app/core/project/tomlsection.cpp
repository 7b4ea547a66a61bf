#include "tomlsection.h"

#include "project/projectconfig.h"
#include "project/projectfile.h"
#include "pytext.h"

#include <QDir>
#include <QFileInfo>

#include <toml++/toml.h>

#include <string>

namespace retort {

namespace {

QString qstr(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

int lineOf(const toml::node &node)
{
    return int(node.source().begin.line);
}

// A table whose values are all strings, in the order written; nullopt otherwise.
std::optional<QList<QPair<QString, QString>>> stringTable(const toml::table &table)
{
    QList<QPair<QString, QString>> out;
    // toml++ keeps keys sorted: the source positions give the order written
    std::vector<std::pair<toml::source_position, std::pair<QString, QString>>> ordered;
    for (const auto &[key, node] : table) {
        const auto *s = node.as_string();
        if (!s)
            return std::nullopt;
        ordered.push_back({key.source().begin, {qstr(key.str()), qstr(s->get())}});
    }
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) {
        return a.first.line != b.first.line ? a.first.line < b.first.line : a.first.column < b.first.column;
    });
    for (const auto &entry : ordered)
        out << entry.second;
    return out;
}

TomlValue convert(const toml::node &node)
{
    TomlValue v;
    v.line = lineOf(node);
    if (const auto *s = node.as_string()) {
        v.kind = TomlValue::Kind::String;
        v.text = qstr(s->get());
    } else if (const auto *b = node.as_boolean()) {
        v.kind = TomlValue::Kind::Boolean;
        v.boolean = b->get();
        v.integer = v.boolean ? 1 : 0;
        v.text = v.boolean ? QStringLiteral("True") : QStringLiteral("False");
    } else if (const auto *i = node.as_integer()) {
        v.kind = TomlValue::Kind::Integer;
        v.integer = i->get();
        v.text = QString::number(v.integer);
    } else if (const auto *t = node.as_table()) {
        if (auto table = stringTable(*t)) {
            v.kind = TomlValue::Kind::Table;
            v.tables << *table;
        }
    } else if (const auto *a = node.as_array()) {
        // alembic looks at the first item: a table makes it a list of tables
        if (!a->empty() && a->front().is_table()) {
            v.kind = TomlValue::Kind::TableList;
            for (const toml::node &item : *a) {
                const auto *t = item.as_table();
                std::optional<QList<QPair<QString, QString>>> table;
                if (t)
                    table = stringTable(*t);
                if (!table) {
                    v.kind = TomlValue::Kind::Unsupported;
                    break;
                }
                v.tables << *table;
            }
        } else {
            v.kind = TomlValue::Kind::StringList;
            for (const toml::node &item : *a) {
                const auto *s = item.as_string();
                if (!s) {
                    v.kind = TomlValue::Kind::Unsupported;
                    break;
                }
                v.list << qstr(s->get());
            }
        }
    }
    return v;
}

} // namespace

Result<std::optional<TomlSection>> TomlSection::load(const QString &path)
{
    Result<QByteArray> text = readProjectFile(path, FileLimit::kIni, QStringLiteral("pyproject.toml"));
    if (!text)
        return text.error();
    return parse(path, text.value());
}

Result<std::optional<TomlSection>> TomlSection::parse(const QString &path, const QByteArray &text)
{
    // toml++ skips a byte order mark; Python's tomllib (alembic's reader)
    // decodes plain UTF-8 and stops at the stray U+FEFF
    if (text.startsWith("\xef\xbb\xbf"))
        return configError(path, 1,
                           QStringLiteral("pyproject.toml is not valid TOML: it starts with a byte order mark "
                                          "(U+FEFF), which Python's tomllib refuses; save it as UTF-8 without one"));
    toml::table doc;
    try {
        doc = toml::parse(std::string_view(text.constData(), size_t(text.size())),
                          std::string_view("pyproject.toml"));
    } catch (const toml::parse_error &e) {
        return configError(path, int(e.source().begin.line),
                           QStringLiteral("pyproject.toml is not valid TOML: %1").arg(qstr(e.description())));
    }
    const toml::node *tool = doc.get("tool");
    if (!tool)
        return std::optional<TomlSection>();
    // tomllib gives alembic a dict per table; anything else at tool or
    // tool.alembic makes its .get() fail: Retort says what 1.16 says
    const auto *toolTable = tool->as_table();
    if (!toolTable)
        return configError(path, lineOf(*tool), QStringLiteral("Incorrect TOML format"));
    const toml::node *alembic = toolTable->get("alembic");
    if (!alembic)
        return std::optional<TomlSection>();
    const auto *table = alembic->as_table();
    if (!table)
        return configError(path, lineOf(*alembic), QStringLiteral("Incorrect TOML format"));
    TomlSection section;
    section.m_path = path;
    section.m_line = lineOf(*alembic);
    for (const auto &[key, node] : *table) {
        TomlValue v = convert(node);
        if (!v.line)
            v.line = int(key.source().begin.line);
        section.m_values.insert(qstr(key.str()), v);
    }
    return std::optional<TomlSection>(section);
}

QString TomlSection::here() const
{
    return QDir::cleanPath(QFileInfo(pyAbsPath(m_path)).path());
}

const TomlValue *TomlSection::find(const QString &key) const
{
    auto it = m_values.constFind(key);
    return it == m_values.constEnd() ? nullptr : &it.value();
}

Result<QString> pyPercentInterpolate(const QString &text, const QHash<QString, QString> &args)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('%')) {
            out += c;
            continue;
        }
        if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('%')) {
            out += QLatin1Char('%');
            ++i;
            continue;
        }
        if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('(')) {
            const qsizetype close = text.indexOf(QLatin1Char(')'), i + 2);
            if (close < 0)
                return Error(Error::Kind::Config, QStringLiteral("ValueError: incomplete format key"));
            const QString name = text.mid(i + 2, close - i - 2);
            if (close + 1 >= text.size())
                return Error(Error::Kind::Config, QStringLiteral("ValueError: incomplete format"));
            if (text.at(close + 1) != QLatin1Char('s'))
                return Error(Error::Kind::Config,
                             QStringLiteral("unsupported format %1 (Retort reads %%(name)s and %%%% only)")
                                 .arg(pyRepr(text.mid(i, close + 2 - i))));
            if (!args.contains(name))
                return Error(Error::Kind::Config, QStringLiteral("KeyError: %1").arg(pyRepr(name)));
            out += args.value(name);
            i = close + 1;
            continue;
        }
        if (i + 1 >= text.size())
            return Error(Error::Kind::Config, QStringLiteral("ValueError: incomplete format"));
        return Error(Error::Kind::Config,
                     QStringLiteral("unsupported format %1 (Retort reads %%(name)s and %%%% only)")
                         .arg(pyRepr(text.mid(i, 2))));
    }
    return out;
}

} // namespace retort
