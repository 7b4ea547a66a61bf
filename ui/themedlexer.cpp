#include "themedlexer.h"

#include "graphstyle.h"

#include <Qsci/qscilexer.h>

#include <QFont>
#include <QPalette>

namespace retort::gui {

QColor themedColor(const QPalette &palette, QRgb light, QRgb dark)
{
    return QColor(graphstyle::isDark(palette) ? dark : light);
}

void paintLexerStyles(QsciLexer &lexer, const QPalette &palette, const QFont &font,
                      const std::function<void(int style, QColor &colour, QFont &font)> &style)
{
    const QColor text = palette.color(QPalette::Text);
    lexer.setDefaultPaper(palette.color(QPalette::Base));
    lexer.setDefaultColor(text);
    lexer.setPaper(palette.color(QPalette::Base), -1);
    lexer.setFont(font, -1);
    for (int id = 0; id <= 127; ++id) {
        if (lexer.description(id).isEmpty())
            continue;
        QColor c = text;
        QFont f = font;
        style(id, c, f);
        lexer.setColor(c, id);
        lexer.setFont(f, id);
    }
}

} // namespace retort::gui
