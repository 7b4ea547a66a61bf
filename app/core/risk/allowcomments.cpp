#include "risk/allowcomments.h"

#include "exec/plannedstatements.h"
#include "python/tokenizer.h"
#include "risk/riskrule.h"

#include <QFile>
#include <QRegularExpression>

namespace retort::risk {

namespace {

const QString kSyntax = QStringLiteral("'# retort: allow RULE[, RULE...] [reason]'");

QString knownRules()
{
    QStringList ids;
    for (const RiskRule &r : riskRules())
        ids << r.id;
    return ids.join(QStringLiteral(", "));
}

// Reads one comment's text (from its '#'); other comments are left alone.
void readDirective(const QString &comment, const QString &file, int line, AllowComments &out)
{
    static const QRegularExpression directive(QStringLiteral("^#\\s*retort\\s*:\\s*(.*)$"));
    const QRegularExpressionMatch m = directive.match(comment);
    if (!m.hasMatch())
        return;
    auto problem = [&](const QString &message) {
        out.problems.append(Error(Error::Kind::Config, message, Location{file, line, 0, QString(), -1, 0}));
    };
    const QString text = m.captured(1).trimmed();
    static const QRegularExpression allow(QStringLiteral("^allow(?:\\s+|$)"));
    const QRegularExpressionMatch a = allow.match(text);
    if (!a.hasMatch())
        return problem(QStringLiteral("'# retort: %1' is not %2; the rules are: %3").arg(text, kSyntax, knownRules()));

    static const QRegularExpression ruleId(QStringLiteral("([A-Za-z0-9_-]+)\\s*(,?)\\s*"));
    QStringList ids;
    int at = a.capturedEnd();
    bool moreExpected = true;
    while (moreExpected) {
        const QRegularExpressionMatch r =
            ruleId.match(text, at, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!r.hasMatch())
            return problem(QStringLiteral("%1 names no rule%2: write %3; the rules are: %4")
                               .arg(QStringLiteral("'# retort: %1'").arg(text),
                                    ids.isEmpty() ? QString() : QStringLiteral(" after ','"), kSyntax, knownRules()));
        const QString id = r.captured(1);
        if (!findRule(id))
            return problem(QStringLiteral("unknown rule '%1' in '# retort: %2'; the rules are: %3")
                               .arg(id, text, knownRules()));
        ids << id;
        moreExpected = !r.captured(2).isEmpty();
        at = r.capturedEnd();
    }
    const QString reason = text.mid(at).trimmed();
    // `allow a b`: b would silently become the reason's first word
    if (const QString next = reason.section(QLatin1Char(' '), 0, 0); findRule(next))
        return problem(QStringLiteral("rule '%1' follows '%2' without a comma in '# retort: %3': separate rules "
                                      "with commas (as written, '%1' starts the reason)")
                           .arg(next, ids.last(), text));
    for (const QString &id : std::as_const(ids))
        out.rules.insert(id, reason.isEmpty() ? QStringLiteral("(no reason given)") : reason);
}

} // namespace

AllowComments allowComments(const QByteArray &fileBytes, const QString &fileName)
{
    AllowComments out;
    py::TokenizerOptions options;
    options.emitComments = true;
    const py::TokenizeResult tokens = py::tokenize(std::string_view(fileBytes.constData(), size_t(fileBytes.size())),
                                                   fileName, options);
    for (const py::Token &t : tokens.tokens) {
        if (t.kind != py::TokenKind::Comment)
            continue;
        const std::string_view text = t.text(tokens.text);
        readDirective(QString::fromUtf8(text.data(), qsizetype(text.size())), fileName, int(t.line), out);
    }
    // Comments past a lexical error cannot be told from string contents:
    // say so rather than drop an opt-out the file may hold there.
    const uint32_t readUpTo = tokens.tokens.size() > 1 ? tokens.tokens[tokens.tokens.size() - 2].endOffset() : 0;
    if (!tokens.ok() && std::string_view(tokens.text).substr(std::min<size_t>(readUpTo, tokens.text.size())).find("retort:")
                            != std::string_view::npos)
        out.problems.append(Error(Error::Kind::Syntax,
                                  QStringLiteral("cannot read the '# retort:' comments past this point: %1")
                                      .arg(tokens.error.message()),
                                  tokens.error.where()));
    return out;
}

PlanAllowComments allowCommentsOf(const QVector<PlannedStep> &steps)
{
    PlanAllowComments out;
    for (const PlannedStep &s : steps) {
        if (s.revision.isEmpty() || out.byRevision.contains(s.revision))
            continue;
        QFile f(s.file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        AllowComments file = allowComments(f.readAll(), s.file);
        out.byRevision.insert(s.revision, file.rules);
        out.problems += file.problems;
    }
    return out;
}

} // namespace retort::risk
