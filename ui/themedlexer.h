#pragma once

class QFont;
class QPalette;

namespace retort::gui {

// A lexer whose colours follow the application palette; CodeEditor calls
// applyPalette() when it gets the lexer and whenever the palette changes.
class ThemedLexer {
public:
    virtual ~ThemedLexer() = default;
    virtual void applyPalette(const QPalette &palette, const QFont &font) = 0;
};

} // namespace retort::gui
