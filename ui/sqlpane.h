#pragma once

#include "elidedlabel.h"
#include "sqlworker.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace retort::gui {

class CodeEditor;

// One SQL text in a read-only editor: SQL colouring, line numbers, folding,
// find (Ctrl+F, next/previous), Copy and "Save as .sql…", the engine that
// produced it, and each destructive statement underlined with a margin mark.
class SqlPane : public QWidget {
    Q_OBJECT
public:
    explicit SqlPane(const QString &objectName, QWidget *parent = nullptr);

    // The SQL to show; `suggestedPath` is the file "Save as" proposes.
    void setScript(const SqlScript &script, const QString &suggestedPath);
    QString suggestedPath() const { return m_suggestedPath; }
    // A placeholder while the SQL is rendered off the GUI thread.
    void setPending(const QString &message);

    const SqlScript &script() const { return m_script; }
    int destructiveCount() const { return int(m_script.destructive.size()); }
    CodeEditor *editor() const { return m_editor; }
    ElidedLabel *engineLabel() const { return m_engine; }
    QLabel *destructiveLabel() const { return m_destructiveLabel; }
    // "Irreversible: message (file:line)" for a step that raises on purpose; hidden otherwise.
    QLabel *irreversibleLabel() const { return m_irreversibleLabel; }

    // The indicator and marker numbers the editor uses for destructive statements.
    static constexpr int kDestructiveIndicator = 9;
    static constexpr int kDestructiveMarker = 3;
    // Lock-model marks in the same margin: a statement with an error finding,
    // with a warning, or taking a lock that blocks writes.
    static constexpr int kRiskMargin = 3;
    static constexpr int kRiskErrorMarker = 4;
    static constexpr int kRiskWarningMarker = 5;
    static constexpr int kRiskLockMarker = 6;

    // What the lock model says of the statement that starts on `line` (0-based), or empty.
    QString riskTooltipAtLine(int line) const;
    QLabel *riskLabel() const { return m_riskLabel; }

public slots:
    void showFind();
    bool findNext(bool forward = true);
    void copyAll();
    void saveAs();

signals:
    void destructiveCountChanged(int count);

private:
    void markDestructive();
    void markRisks();
    void showRiskTooltip(int x, int y);

    SqlScript m_script;
    QString m_suggestedPath;
    CodeEditor *m_editor = nullptr;
    ElidedLabel *m_engine = nullptr;
    QLabel *m_destructiveLabel = nullptr;
    QLabel *m_riskLabel = nullptr;
    QLabel *m_irreversibleLabel = nullptr;
    QWidget *m_findBar = nullptr;
    QLineEdit *m_findField = nullptr;
    QToolButton *m_copy = nullptr;
    QToolButton *m_save = nullptr;
};

} // namespace retort::gui
