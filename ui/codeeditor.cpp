#include "codeeditor.h"

#include "graphstyle.h"
#include "themedlexer.h"

#include <QEvent>
#include <QFontDatabase>

#include <Qsci/qscilexer.h>

namespace retort::gui {

CodeEditor::CodeEditor(QWidget *parent) : QsciScintilla(parent)
{
    setUtf8(true);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(mono);
    setMarginsFont(mono);
    setMarginLineNumbers(0, true);
    setMarginType(1, QsciScintilla::SymbolMargin);
    setMarginWidth(1, 4);
    setFolding(QsciScintilla::BoxedTreeFoldStyle, 2);
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    setCaretLineVisible(true);
    setIndentationGuides(true);
    setTabWidth(4);
    setIndentationsUseTabs(false);
    setWrapMode(QsciScintilla::WrapNone);
    setScrollWidthTracking(true);
    setScrollWidth(1);
    setFrameShape(QFrame::NoFrame);
    connect(this, &QsciScintilla::linesChanged, this, &CodeEditor::updateLineNumberWidth);
    applyPalette();
    updateLineNumberWidth();
}

void CodeEditor::setContent(const QString &text)
{
    const bool wasReadOnly = isReadOnly();
    setReadOnly(false);
    setText(text);
    setReadOnly(wasReadOnly);
    setCursorPosition(0, 0);
    ensureLineVisible(0);
    setScrollWidth(1);
}

void CodeEditor::setLexer(QsciLexer *lexer)
{
    QsciScintilla::setLexer(lexer);
    applyPalette();
    setMarginsFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    updateLineNumberWidth();
}

void CodeEditor::changeEvent(QEvent *event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyPalette();
}

void CodeEditor::applyPalette()
{
    const QPalette p = palette();
    const QColor base = p.color(QPalette::Base);
    const QColor text = p.color(QPalette::Text);
    setPaper(base);
    setColor(text);
    setCaretForegroundColor(text);
    QColor caretLine = p.color(QPalette::Highlight);
    caretLine.setAlphaF(graphstyle::isDark(p) ? 0.18f : 0.10f);
    setCaretLineBackgroundColor(caretLine);
    setSelectionBackgroundColor(p.color(QPalette::Highlight));
    setSelectionForegroundColor(p.color(QPalette::HighlightedText));
    setMarginsBackgroundColor(p.color(QPalette::Window));
    setMarginsForegroundColor(graphstyle::dimText(p));
    setFoldMarginColors(p.color(QPalette::Window), p.color(QPalette::Window));
    setMatchedBraceBackgroundColor(caretLine.darker(120));
    setMatchedBraceForegroundColor(text);
    setIndentationGuidesForegroundColor(graphstyle::dimText(p));
    setIndentationGuidesBackgroundColor(base);
    // The fold markers (boxes and tree lines) in the margin's quiet colours,
    // not Scintilla's black on white.
    for (unsigned long marker = SC_MARKNUM_FOLDEREND; marker <= SC_MARKNUM_FOLDEROPEN; ++marker) {
        SendScintilla(SCI_MARKERSETFORE, marker, p.color(QPalette::Window));
        SendScintilla(SCI_MARKERSETBACK, marker, graphstyle::dimText(p));
    }
    if (auto *themed = dynamic_cast<ThemedLexer *>(lexer()))
        themed->applyPalette(p, QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

void CodeEditor::updateLineNumberWidth()
{
    const int digits = QString::number(std::max(1, lines())).size();
    setMarginWidth(0, QString(digits + 1, QLatin1Char('9')));
}

} // namespace retort::gui
