#include "applyscripteditor.h"

#include "graphstyle.h"
#include "themedlexer.h"

#include <QFontDatabase>

#include <Qsci/qscilexersql.h>

namespace retort::gui {

namespace {

// QScintilla's SQL lexer in the palette's colours.
class RunSqlLexer : public QsciLexerSQL, public ThemedLexer {
public:
    explicit RunSqlLexer(QObject *parent) : QsciLexerSQL(parent) {}

    void applyPalette(const QPalette &p, const QFont &font) override
    {
        const bool dark = graphstyle::isDark(p);
        setDefaultPaper(p.color(QPalette::Base));
        setPaper(p.color(QPalette::Base));
        setDefaultFont(font);
        setFont(font);
        setDefaultColor(p.color(QPalette::Text));
        setColor(p.color(QPalette::Text));
        const QColor comment = graphstyle::dimText(p);
        const QColor keyword = dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x4f, 0xb0);
        const QColor string = dark ? QColor(0xa8, 0xd8, 0x8a) : QColor(0x2e, 0x7d, 0x32);
        const QColor number = dark ? QColor(0xf2, 0xb8, 0x6b) : QColor(0xa0, 0x52, 0x00);
        for (int style : {Comment, CommentLine, CommentDoc, CommentLineHash})
            setColor(comment, style);
        setColor(keyword, Keyword);
        QFont bold = font;
        bold.setBold(true);
        setFont(bold, Keyword);
        for (int style : {DoubleQuotedString, SingleQuotedString})
            setColor(string, style);
        setColor(number, Number);
    }
};

} // namespace

ApplyScriptEditor::ApplyScriptEditor(QWidget *parent) : CodeEditor(parent)
{
    setReadOnly(true);
    setLexer(new RunSqlLexer(this));
    indicatorDefine(QsciScintilla::SquiggleIndicator, kErrorIndicator);
    applyPalette();
}

void ApplyScriptEditor::applyPalette()
{
    CodeEditor::applyPalette();
    const bool dark = graphstyle::isDark(palette());
    setIndicatorForegroundColor(dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd0, 0x10, 0x10), kErrorIndicator);
}

int ApplyScriptEditor::bytePosition(int offset) const
{
    return int(text().left(offset).toUtf8().size());
}

void ApplyScriptEditor::markError(int offset, int length, int caret)
{
    clearError();
    if (offset < 0 || length <= 0)
        return;
    m_errorOffset = offset;
    m_errorLength = length;
    const int from = bytePosition(offset);
    const int to = bytePosition(offset + length);
    SendScintilla(SCI_SETINDICATORCURRENT, kErrorIndicator);
    SendScintilla(SCI_INDICATORFILLRANGE, from, to - from);
    const int at = caret >= offset && caret < offset + length ? bytePosition(caret) : from;
    int line = 0;
    int index = 0;
    lineIndexFromPosition(at, &line, &index);
    setCursorPosition(line, index);
    ensureLineVisible(line);
    int endLine = 0;
    int endIndex = 0;
    lineIndexFromPosition(to, &endLine, &endIndex);
    ensureLineVisible(endLine);
    ensureLineVisible(line);
}

void ApplyScriptEditor::clearError()
{
    SendScintilla(SCI_SETINDICATORCURRENT, kErrorIndicator);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0, SendScintilla(SCI_GETLENGTH));
    m_errorOffset = -1;
    m_errorLength = 0;
}

bool ApplyScriptEditor::isMarkedAt(int offset)
{
    return SendScintilla(SCI_INDICATORVALUEAT, kErrorIndicator, bytePosition(offset)) != 0;
}

} // namespace retort::gui
