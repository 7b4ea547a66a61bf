#pragma once

#include "codeeditor.h"

namespace retort::gui {

// The script of a run, read-only, with SQL colours and one error indicator:
// a squiggle under the statement that failed, scrolled into view.
class ApplyScriptEditor : public CodeEditor {
    Q_OBJECT
public:
    explicit ApplyScriptEditor(QWidget *parent = nullptr);

    // Underlines [offset, offset + length) of the text (UTF-16 offsets, as
    // QString counts), moves the caret to `caret` (an offset in that range,
    // or -1 for its start) and scrolls there.
    void markError(int offset, int length, int caret = -1);
    void clearError();
    bool hasError() const { return m_errorLength > 0; }
    int errorOffset() const { return m_errorOffset; }
    int errorLength() const { return m_errorLength; }
    // Whether the indicator is drawn at a UTF-16 offset of the text (for tests).
    bool isMarkedAt(int offset);

    static constexpr int kErrorIndicator = 9;

protected:
    void applyPalette() override;

private:
    int bytePosition(int offset) const;

    int m_errorOffset = -1;
    int m_errorLength = 0;
};

} // namespace retort::gui
