#pragma once

#include <Qsci/qsciscintilla.h>

namespace retort::gui {

// The general editor the source and SQL views build on: UTF-8, line numbers
// sized to the text, folding, brace matching, the system fixed font, and
// colours that follow the application palette (light or dark).
class CodeEditor : public QsciScintilla {
    Q_OBJECT
public:
    explicit CodeEditor(QWidget *parent = nullptr);

    // Replaces the text and shows its start; keeps the read-only state.
    void setContent(const QString &text);
    // Also colours a ThemedLexer from the palette.
    void setLexer(QsciLexer *lexer = nullptr) override;

protected:
    void changeEvent(QEvent *event) override;
    // Re-colours the editor (and a palette-aware lexer) from palette().
    virtual void applyPalette();

private:
    void updateLineNumberWidth();
};

} // namespace retort::gui
