#include "sqlpane.h"

#include "codeeditor.h"
#include "graphstyle.h"
#include "icons.h"
#include "sqllexer.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QSaveFile>
#include <QShortcut>
#include <QThread>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

namespace retort::gui {

namespace {

QToolButton *toolButton(const QIcon &icon, const QString &text, const QString &tip)
{
    auto *b = new QToolButton;
    b->setIcon(icon);
    b->setText(text);
    b->setToolTip(tip);
    b->setAutoRaise(true);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return b;
}

QColor destructiveColor(const QPalette &palette)
{
    return graphstyle::isDark(palette) ? QColor(0xff7b72) : QColor(0xcf222e);
}

} // namespace

SqlPane::SqlPane(const QString &objectName, QWidget *parent) : QWidget(parent)
{
    setObjectName(objectName);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(8, 3, 4, 3);
    // One line, cut with an ellipsis: the full text (a long "needs Python"
    // reason) is in the tooltip.
    m_engine = new ElidedLabel;
    m_engine->setObjectName(QStringLiteral("sqlEngineLabel"));
    m_destructiveLabel = new QLabel;
    m_destructiveLabel->setObjectName(QStringLiteral("destructiveLabel"));
    m_destructiveLabel->hide();
    m_riskLabel = new QLabel;
    m_riskLabel->setObjectName(QStringLiteral("riskLabel"));
    m_riskLabel->hide();
    // In the text's own colour: a revision made irreversible on purpose is no failure.
    m_irreversibleLabel = new QLabel;
    m_irreversibleLabel->setObjectName(QStringLiteral("irreversibleLabel"));
    m_irreversibleLabel->setTextFormat(Qt::PlainText);
    m_irreversibleLabel->hide();
    m_copy = toolButton(icons::copy(), tr("Copy"), tr("Copy: the whole SQL to the clipboard"));
    m_save = toolButton(icons::save(), tr("Save as .sql…"), tr("Save as .sql… (Ctrl+S)"));
    auto *find = toolButton(icons::find(), QString(), tr("Find in the SQL (Ctrl+F)"));
    // Icons only: the engine line gets the width, the tooltips say what they do.
    for (QToolButton *b : {find, m_copy, m_save})
        b->setToolButtonStyle(Qt::ToolButtonIconOnly);
    connect(m_copy, &QToolButton::clicked, this, &SqlPane::copyAll);
    connect(m_save, &QToolButton::clicked, this, &SqlPane::saveAs);
    connect(find, &QToolButton::clicked, this, &SqlPane::showFind);
    header->addWidget(m_engine, 1);
    header->addSpacing(16);
    header->addWidget(m_destructiveLabel);
    header->addSpacing(8);
    header->addWidget(m_riskLabel);
    header->addSpacing(8);
    header->addWidget(m_irreversibleLabel);
    header->addSpacing(8);
    header->addWidget(find);
    header->addWidget(m_copy);
    header->addWidget(m_save);
    layout->addLayout(header);

    m_editor = new CodeEditor;
    m_editor->setObjectName(objectName + QStringLiteral("Editor"));
    m_editor->setLexer(new SqlLexer(m_editor));
    m_editor->setReadOnly(true);
    // The symbol margin carries the destructive marks.
    m_editor->setMarginWidth(1, 14);
    m_editor->setMarginMarkerMask(1, 1 << kDestructiveMarker);
    // A margin of its own for the lock model's marks, so both can show on one line.
    m_editor->setMarginType(kRiskMargin, QsciScintilla::SymbolMargin);
    m_editor->setMarginWidth(kRiskMargin, 14);
    m_editor->setMarginMarkerMask(kRiskMargin, (1 << kRiskErrorMarker) | (1 << kRiskWarningMarker) | (1 << kRiskLockMarker));
    m_editor->markerDefine(QsciScintilla::RightArrow, kDestructiveMarker);
    m_editor->markerDefine(QsciScintilla::Circle, kRiskErrorMarker);
    m_editor->markerDefine(QsciScintilla::Circle, kRiskWarningMarker);
    m_editor->markerDefine(QsciScintilla::SmallRectangle, kRiskLockMarker);
    // the lock model's reading of a statement, when the mouse rests on its line
    m_editor->SendScintilla(QsciScintilla::SCI_SETMOUSEDWELLTIME, 400);
    connect(m_editor, &QsciScintilla::SCN_DWELLSTART, this, [this](int, int x, int y) { showRiskTooltip(x, y); });
    connect(m_editor, &QsciScintilla::SCN_DWELLEND, this, [] { QToolTip::hideText(); });
    m_editor->indicatorDefine(QsciScintilla::FullBoxIndicator, kDestructiveIndicator);
    m_editor->setIndicatorDrawUnder(true, kDestructiveIndicator);
    layout->addWidget(m_editor, 1);

    m_findBar = new QWidget;
    m_findBar->setObjectName(QStringLiteral("sqlFindBar"));
    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(6, 3, 6, 3);
    m_findField = new QLineEdit;
    m_findField->setObjectName(QStringLiteral("sqlFindField"));
    m_findField->setPlaceholderText(tr("Find in SQL"));
    m_findField->setClearButtonEnabled(true);
    auto *previous = toolButton(icons::up(), QString(), tr("Previous match (Shift+Enter, Shift+F3)"));
    auto *next = toolButton(icons::down(), QString(), tr("Next match (Enter, F3)"));
    auto *close = toolButton(icons::close(), QString(), tr("Close (Esc)"));
    for (QToolButton *b : {previous, next, close})
        b->setToolButtonStyle(Qt::ToolButtonIconOnly);
    connect(m_findField, &QLineEdit::returnPressed, this, [this] { findNext(true); });
    connect(m_findField, &QLineEdit::textEdited, this, [this] {
        m_editor->setCursorPosition(0, 0);
        findNext(true);
    });
    connect(next, &QToolButton::clicked, this, [this] { findNext(true); });
    connect(previous, &QToolButton::clicked, this, [this] { findNext(false); });
    connect(close, &QToolButton::clicked, m_findBar, &QWidget::hide);
    findLayout->addWidget(m_findField, 1);
    findLayout->addWidget(previous);
    findLayout->addWidget(next);
    findLayout->addWidget(close);
    m_findBar->hide();
    layout->addWidget(m_findBar);

    // Scoped to this pane. Ctrl+F, F3 and Shift+F3 are the window's Find actions,
    // which come here when the focus is in this pane (MainWindow::focusedSqlPane).
    auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::SHIFT | Qt::Key_Return), [this] { findNext(false); });
    shortcut(QKeySequence(Qt::Key_Escape), [this] { m_findBar->hide(); });
    shortcut(QKeySequence::Save, [this] { saveAs(); });

    setPending(QString());
}

void SqlPane::setPending(const QString &message)
{
    m_script = SqlScript();
    m_editor->setContent(QString());
    m_engine->setText(message);
    m_engine->setToolTip(message);
    m_irreversibleLabel->hide();
    m_copy->setEnabled(false);
    m_save->setEnabled(false);
    markDestructive();
    markRisks();
}

void SqlPane::setScript(const SqlScript &script, const QString &suggestedPath)
{
    m_script = script;
    m_suggestedPath = suggestedPath;
    if (script.ok && !script.irreversible.isEmpty()) {
        // what runs before the raise, then where alembic stops (after the
        // text: the destructive marks' offsets stay as they are)
        m_editor->setContent(script.text + QStringLiteral("-- %1: alembic stops here with the exception\n")
                                               .arg(script.irreversible));
        m_engine->setText(tr("Rendered by: %1").arg(script.engine));
        m_engine->setToolTip(script.engine);
    } else if (script.ok) {
        m_editor->setContent(script.text.isEmpty() ? tr("-- this step runs no SQL (an empty or `pass` body)\n")
                                                   : script.text);
        m_engine->setText(tr("Rendered by: %1").arg(script.engine));
        m_engine->setToolTip(script.engine == QLatin1String("native")
                                 ? tr("Retort rendered this SQL without Python; it is the body alembic prints "
                                      "for this step with --sql.")
                                 : script.engine);
    } else {
        m_editor->setContent(QStringLiteral("-- %1\n").arg(script.engine));
        m_engine->setText(script.engine);
        m_engine->setToolTip(script.engine + QLatin1Char('\n') + script.problem);
    }
    m_irreversibleLabel->setText(script.irreversible);
    m_irreversibleLabel->setToolTip(script.irreversible);
    m_irreversibleLabel->setVisible(!script.irreversible.isEmpty());
    m_copy->setEnabled(script.ok && !script.text.isEmpty());
    m_save->setEnabled(script.ok && !script.text.isEmpty());
    markDestructive();
    markRisks();
}

void SqlPane::markRisks()
{
    const bool dark = graphstyle::isDark(palette());
    const QColor error = destructiveColor(palette());
    const QColor warning = dark ? QColor(0xe3b341) : QColor(0xbf8700);
    const QColor lock = dark ? QColor(0x8b949e) : QColor(0x57606a);
    for (const auto &[marker, color] : {std::pair{kRiskErrorMarker, error}, std::pair{kRiskWarningMarker, warning},
                                        std::pair{kRiskLockMarker, lock}}) {
        m_editor->setMarkerBackgroundColor(color, marker);
        m_editor->setMarkerForegroundColor(color, marker);
        m_editor->markerDeleteAll(marker);
    }
    int errors = 0, warnings = 0;
    for (const risk::ScriptStatementRisk &s : std::as_const(m_script.risks)) {
        risk::Severity worst = risk::Severity::Info;
        bool any = false;
        for (const risk::Finding &f : s.risk.findings) {
            if (f.severity == risk::Severity::Info)
                continue;
            worst = std::max(worst, f.severity);
            any = true;
            (f.severity == risk::Severity::Error ? errors : warnings) += 1;
        }
        if (any)
            m_editor->markerAdd(s.line - 1, worst == risk::Severity::Error ? kRiskErrorMarker : kRiskWarningMarker);
        else if (risk::blocksWrites(s.risk.strongest()))
            m_editor->markerAdd(s.line - 1, kRiskLockMarker);
    }
    if (errors + warnings == 0) {
        m_riskLabel->clear();
        m_riskLabel->hide();
        return;
    }
    QStringList counts;
    if (errors)
        counts << (errors == 1 ? tr("1 lock error") : tr("%1 lock errors").arg(errors));
    if (warnings)
        counts << (warnings == 1 ? tr("1 lock warning") : tr("%1 lock warnings").arg(warnings));
    m_riskLabel->setText(QStringLiteral("<span style=\"color:%1\">● %2</span>")
                             .arg((errors ? error : warning).name(), counts.join(QStringLiteral(", "))));
    m_riskLabel->setToolTip(tr("The lock model's findings; rest the mouse on a marked line for its locks and why"));
    m_riskLabel->show();
}

QString SqlPane::riskTooltipAtLine(int line) const
{
    for (const risk::ScriptStatementRisk &s : m_script.risks)
        if (s.line - 1 == line)
            return risk::describeStatementRisk(s.risk);
    return {};
}

void SqlPane::showRiskTooltip(int x, int y)
{
    const long pos = m_editor->SendScintilla(QsciScintilla::SCI_POSITIONFROMPOINT, x, y);
    const int line = int(m_editor->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, pos));
    const QString text = riskTooltipAtLine(line);
    if (!text.isEmpty())
        QToolTip::showText(m_editor->viewport()->mapToGlobal(QPoint(x, y)), text, m_editor);
}

void SqlPane::markDestructive()
{
    const QColor color = destructiveColor(palette());
    m_editor->setIndicatorForegroundColor(color, kDestructiveIndicator);
    m_editor->SendScintilla(QsciScintilla::SCI_INDICSETALPHA, kDestructiveIndicator, 40);
    m_editor->SendScintilla(QsciScintilla::SCI_INDICSETOUTLINEALPHA, kDestructiveIndicator, 160);
    m_editor->setMarkerBackgroundColor(color, kDestructiveMarker);
    m_editor->setMarkerForegroundColor(color, kDestructiveMarker);
    m_editor->markerDeleteAll(kDestructiveMarker);
    m_editor->SendScintilla(QsciScintilla::SCI_SETINDICATORCURRENT, kDestructiveIndicator);
    m_editor->SendScintilla(QsciScintilla::SCI_INDICATORCLEARRANGE, 0,
                            m_editor->SendScintilla(QsciScintilla::SCI_GETLENGTH));
    const QString &text = m_script.text;
    for (const DestructiveStatement &d : std::as_const(m_script.destructive)) {
        // Scintilla counts UTF-8 bytes.
        const long start = long(QStringView(text).left(d.offset).toUtf8().size());
        const long length = long(QStringView(text).mid(d.offset, d.length).toUtf8().size());
        m_editor->SendScintilla(QsciScintilla::SCI_INDICATORFILLRANGE, start, length);
        const int lastLine = d.line - 1 + int(QStringView(text).mid(d.offset, d.length).count(QLatin1Char('\n')));
        for (int line = d.line - 1; line <= lastLine; ++line)
            m_editor->markerAdd(line, kDestructiveMarker);
    }
    const int count = destructiveCount();
    if (count > 0) {
        QStringList kinds;
        for (const DestructiveStatement &d : std::as_const(m_script.destructive))
            kinds << tr("line %1: %2").arg(d.line).arg(d.kindName());
        m_destructiveLabel->setText(QStringLiteral("<span style=\"color:%1\">⚠ %2</span>")
                                        .arg(color.name(), count == 1 ? tr("1 destructive statement")
                                                                      : tr("%1 destructive statements").arg(count)));
        m_destructiveLabel->setToolTip(kinds.join(QLatin1Char('\n')));
        m_destructiveLabel->show();
    } else {
        m_destructiveLabel->clear();
        m_destructiveLabel->hide();
    }
    emit destructiveCountChanged(count);
}

void SqlPane::showFind()
{
    m_findBar->show();
    m_findField->setFocus();
    m_findField->selectAll();
}

bool SqlPane::findNext(bool forward)
{
    const QString needle = m_findField->text();
    if (needle.isEmpty())
        return false;
    int line = -1, index = -1;
    if (!forward && m_editor->hasSelectedText()) {
        int lineTo = 0, indexTo = 0;
        m_editor->getSelection(&line, &index, &lineTo, &indexTo);
    }
    const bool found = m_editor->findFirst(needle, false, false, false, true, forward, line, index, true);
    QPalette p = m_findField->palette();
    p.setColor(QPalette::Base, found ? palette().color(QPalette::Base)
                                     : QColor(graphstyle::isDark(palette()) ? 0x5a1e1e : 0xffdede));
    m_findField->setPalette(p);
    return found;
}

void SqlPane::copyAll()
{
    if (m_script.ok)
        QGuiApplication::clipboard()->setText(m_script.text);
}

void SqlPane::saveAs()
{
    if (!m_script.ok || m_script.text.isEmpty())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save SQL"),
                                                      m_suggestedPath,
                                                      tr("SQL files (*.sql);;All files (*)"));
    if (path.isEmpty())
        return;
    // Written on a short-lived thread: file work stays off the GUI thread.
    const QByteArray data = m_script.text.toUtf8();
    QPointer<SqlPane> self(this);
    QThread *writer = QThread::create([self, path, data] {
        QSaveFile file(path);
        const bool ok = file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
        const QString error = ok ? QString() : file.errorString();
        QMetaObject::invokeMethod(qApp, [self, path, error] {
            if (self && !error.isEmpty())
                QMessageBox::warning(self, tr("Save SQL"), tr("Could not write %1: %2").arg(path, error));
        }, Qt::QueuedConnection);
    });
    connect(writer, &QThread::finished, writer, &QObject::deleteLater);
    writer->start();
}

} // namespace retort::gui
