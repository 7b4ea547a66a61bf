#include "pythonlexer.h"


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
    const QColor comment = themedColor(palette, 0x6a737d, 0x8b949e);
    const QColor string = themedColor(palette, 0x0a7a3b, 0x9fd6a4);
    const QColor docstring = themedColor(palette, 0x7d6a1f, 0xd7c48f);
    const QColor keyword = themedColor(palette, 0x9b2fae, 0xd2a8ff);
    const QColor number = themedColor(palette, 0x005cc5, 0x79c0ff);
    const QColor definition = themedColor(palette, 0xb35900, 0xffa657);
    paintLexerStyles(*this, palette, font, [&](int style, QColor &c, QFont &f) {
        switch (style) {
        case Comment:
        case CommentBlock:
            c = comment;
            f.setItalic(true);
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
            f.setBold(true);
            break;
        case ClassName:
        case FunctionMethodName:
            c = definition;
            f.setBold(true);
            break;
        case Decorator:
            c = definition;
            break;
        default:
            break;
        }
    });
}

} // namespace retort::gui
