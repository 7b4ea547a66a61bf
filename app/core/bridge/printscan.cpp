#include "bridge/printscan.h"

#include "project/revisionscript.h"
#include "python/tokenizer.h"

#include <QFile>

#include <vector>

namespace retort {

namespace {

// The line of the first `print(` call, at module level only when asked; 0 when none.
int firstPrintLine(const QString &path, bool moduleLevelOnly)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray raw = file.readAll();
    if (!raw.contains("print"))
        return 0;
    const py::TokenizeResult tokens = py::tokenize(std::string_view(raw.constData(), size_t(raw.size())), path);
    // per open block: whether it is (inside) a def or class body
    std::vector<bool> inBody{false};
    bool defLine = false;
    bool opensBody = false;
    for (size_t i = 0; i + 1 < tokens.tokens.size(); ++i) {
        const py::Token &t = tokens.tokens[i];
        switch (t.kind) {
        case py::TokenKind::KwDef:
        case py::TokenKind::KwClass:
            defLine = true;
            break;
        case py::TokenKind::Newline:
            opensBody = defLine;
            defLine = false;
            continue;
        case py::TokenKind::Indent:
            inBody.push_back(inBody.back() || opensBody);
            break;
        case py::TokenKind::Dedent:
            if (inBody.size() > 1)
                inBody.pop_back();
            break;
        case py::TokenKind::Name:
            if (t.text(tokens.text) == "print" && tokens.tokens[i + 1].is(py::TokenKind::LPar)
                && (!moduleLevelOnly || !inBody.back()))
                return int(t.line);
            break;
        default:
            break;
        }
        opensBody = false;
    }
    return 0;
}

} // namespace

ProjectPrints scanProjectPrints(const QString &envPath, const QVector<RevisionScript> &scripts)
{
    ProjectPrints out;
    if (const int line = firstPrintLine(envPath, false))
        out.envWhere = QStringLiteral("%1:%2").arg(envPath).arg(line);
    for (const RevisionScript &s : scripts) {
        if (const int line = firstPrintLine(s.path, true)) {
            out.revisionWhere = QStringLiteral("%1:%2").arg(s.path).arg(line);
            break;
        }
    }
    return out;
}

} // namespace retort
