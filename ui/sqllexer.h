#pragma once

#include "themedlexer.h"

#include <Qsci/qscilexersql.h>

namespace retort::gui {

// QScintilla's SQL lexer with PostgreSQL's keywords and types, and colours
// for light and dark palettes.
class SqlLexer : public QsciLexerSQL, public ThemedLexer {
    Q_OBJECT
public:
    explicit SqlLexer(QObject *parent = nullptr);
    const char *keywords(int set) const override;
    void applyPalette(const QPalette &palette, const QFont &font) override;
};

} // namespace retort::gui
