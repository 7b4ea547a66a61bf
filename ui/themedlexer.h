#pragma once

#include <QColor>

#include <functional>

class QFont;
class QPalette;
class QsciLexer;

namespace retort::gui {

// A lexer whose colours follow the application palette; CodeEditor calls
// applyPalette() when it gets the lexer and whenever the palette changes.
class ThemedLexer {
public:
    virtual ~ThemedLexer() = default;
    virtual void applyPalette(const QPalette &palette, const QFont &font) = 0;
};

// The light or the dark variant of a syntax colour, by the palette.
QColor themedColor(const QPalette &palette, QRgb light, QRgb dark);

// Gives every style `lexer` describes the palette's base as paper, its text
// colour and `font`, then lets `style(id, colour, font)` change them.
void paintLexerStyles(QsciLexer &lexer, const QPalette &palette, const QFont &font,
                      const std::function<void(int style, QColor &colour, QFont &font)> &style);

} // namespace retort::gui
