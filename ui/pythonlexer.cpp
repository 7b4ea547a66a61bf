#include "pythonlexer.h"

#include "graphstyle.h"

#include <QFont>
#include <QPalette>

namespace retort::gui {

PythonLexer::PythonLexer(QObject *parent) : QsciLexerPython(parent)
{
    setFoldComments(true);
    setFoldQuotes(true);
    setIndentationWarning(QsciLexerPython::NoWarning);
}

void PythonLexer::applyPalette(const QPalette &palette, const QFont &font)
{
    const bool dark = graphstyle::isDark(palette);
    const QColor text = palette.color(QPalette::Text);
    auto pick = [dark](QRgb light, QRgb darkColor) { return QColor(dark ? darkColor : light); };
    const QColor comment = pick(0x6a737d, 0x8b949e);
    const QColor string = pick(0x0a7a3b, 0x9fd6a4);
    const QColor docstring = pick(0x7d6a1f, 0xd7c48f);
    const QColor keyword = pick(0x9b2fae, 0xd2a8ff);
    const QColor number = pick(0x005cc5, 0x79c0ff);
    const QColor definition = pick(0xb35900, 0xffa657);

    setDefaultPaper(palette.color(QPalette::Base));
    setDefaultColor(text);
    setPaper(palette.color(QPalette::Base), -1);
    setFont(font, -1);
    for (int style = 0; style <= 127; ++style) {
        if (description(style).isEmpty())
            continue;
        QColor c = text;
        switch (style) {
        case Comment:
        case CommentBlock:
            c = comment;
            break;
        case Number:
            c = number;
            break;
        case DoubleQuotedString:
        case SingleQuotedString:
        case DoubleQuotedFString:
        case SingleQuotedFString:
        case UnclosedString:
            c = string;
            break;
        case TripleSingleQuotedString:
        case TripleDoubleQuotedString:
        case TripleSingleQuotedFString:
        case TripleDoubleQuotedFString:
            c = docstring;
            break;
        case Keyword:
            c = keyword;
            break;
        case ClassName:
        case FunctionMethodName:
        case Decorator:
            c = definition;
            break;
        default:
            break;
        }
        setColor(c, style);
        QFont f = font;
        if (style == Keyword || style == ClassName || style == FunctionMethodName)
            f.setBold(true);
        if (style == Comment || style == CommentBlock)
            f.setItalic(true);
        setFont(f, style);
    }
}

} // namespace retort::gui
