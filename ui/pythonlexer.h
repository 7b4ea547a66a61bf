#pragma once

#include "themedlexer.h"

#include <Qsci/qscilexerpython.h>

namespace retort::gui {

// QScintilla's Python lexer with colours for light and dark palettes.
class PythonLexer : public QsciLexerPython, public ThemedLexer {
    Q_OBJECT
public:
    explicit PythonLexer(QObject *parent = nullptr);
    void applyPalette(const QPalette &palette, const QFont &font) override;
};

} // namespace retort::gui
