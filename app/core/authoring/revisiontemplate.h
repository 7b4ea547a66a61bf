#pragma once

#include "result.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace retort {

// A value alembic hands to script.py.mako, reduced to the Python types it
// really passes: None, a str, a tuple or list of str. Undefined is Mako's
// UNDEFINED (a name the template reads that alembic did not pass, e.g.
// `upgrades` when no env.py ran): falsy, and an error when printed.
struct TemplateValue {
    enum class Kind { Undefined, None, Str, Tuple, List };
    Kind kind = Kind::Undefined;
    QString text;       // Str
    QStringList items;  // Tuple, List

    static TemplateValue none() { return {Kind::None, {}, {}}; }
    static TemplateValue str(const QString &s) { return {Kind::Str, s, {}}; }
    static TemplateValue tuple(const QStringList &l) { return {Kind::Tuple, {}, l}; }
    static TemplateValue list(const QStringList &l) { return {Kind::List, {}, l}; }
};
using TemplateValues = QHash<QString, TemplateValue>;

// script.py.mako read the way Mako's lexer reads it, for the part of Mako
// that alembic's own templates (generic, async, and every older version)
// and typical project templates use:
//   text; `\` + newline (dropped); `##` comment lines; `<%doc>...</%doc>`;
//   `<%text>...</%text>` (verbatim); `%%` at a line start;
//   ${NAME}, ${repr(NAME)}, ${'literal'}, ${A if [not] NAME else B}
//     (A, B: a name or a string literal), each optionally `| f1, f2` with
//     the filters n, str, comma, trim;
//   `% if [not] NAME:` / `% elif [not] NAME:` / `% else:` / `% endif` lines.
// Anything else (Python blocks, `<%! %>`, `% for`, other tags, calls such
// as config.get_main_option(...) or context.get(...)) needs Mako itself:
// bridgeReason() then names the first such construct with file:line, and
// the caller renders through alembic (the bridge) or refuses.
class RevisionTemplate {
public:
    // Parses the template's bytes (UTF-8, a BOM and a utf-8 coding comment
    // allowed). Fails only for what Mako itself rejects (an unclosed ${ or
    // <%text>, `% endif` without `% if`); a construct beyond the subset is
    // not an error but a bridgeReason().
    static Result<RevisionTemplate> parse(const QString &path, const QByteArray &bytes);

    bool isNative() const { return !m_bridgeReason.isError(); }
    const Error &bridgeReason() const { return m_bridgeReason; }

    // The rendered text; an error naming the template line when it prints
    // a name alembic does not pass (Mako raises NameError there too).
    Result<QString> render(const TemplateValues &values) const;

    struct Node;

private:
    QString m_path;
    std::shared_ptr<const std::vector<Node>> m_nodes;
    Error m_bridgeReason;
};

// Python's str() and repr() of a template value (repr of a str as pyRepr).
QString templateValueStr(const TemplateValue &value);
QString templateValueRepr(const TemplateValue &value);

} // namespace retort
