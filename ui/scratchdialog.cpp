#include "scratchdialog.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace retort::gui {

namespace {

QPlainTextEdit *readOnlyText(const QString &objectName)
{
    auto *text = new QPlainTextEdit;
    text->setObjectName(objectName);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return text;
}

} // namespace

ScratchDialog::ScratchDialog(const QString &title, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("scratchDialog"));
    setWindowTitle(title);
    resize(760, 480);
    auto *layout = new QVBoxLayout(this);
    m_headline = new QLabel(tr("Starting a scratch database…"));
    m_headline->setObjectName(QStringLiteral("scratchHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("scratchNote"));
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bar = new QProgressBar;
    m_bar->setObjectName(QStringLiteral("scratchProgress"));
    m_bar->setRange(0, 0);
    m_log = readOnlyText(QStringLiteral("scratchLog"));
    m_result = readOnlyText(QStringLiteral("scratchResult"));
    m_result->hide();
    m_button = new QPushButton(tr("Cancel"));
    m_button->setObjectName(QStringLiteral("scratchCancel"));
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (m_running)
            requestCancel();
        else
            accept();
    });
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_button);
    layout->addWidget(m_headline);
    layout->addWidget(m_note);
    layout->addWidget(m_bar);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_result, 2);
    layout->addLayout(buttons);
}

void ScratchDialog::setNote(const QString &note)
{
    m_note->setText(note);
}

void ScratchDialog::setProgress(const QString &line, int done, int total)
{
    if (!m_running)
        return;
    m_headline->setText(line);
    m_log->appendPlainText(line);
    m_bar->setRange(0, total);
    m_bar->setValue(total > 0 ? done : 0);
}

void ScratchDialog::finish(Outcome outcome, const QString &headline, const QString &result)
{
    m_running = false;
    m_outcome = outcome;
    m_headline->setText(headline);
    m_bar->hide();
    m_result->setPlainText(result);
    m_result->setVisible(!result.isEmpty());
    m_button->setEnabled(true);
    m_button->setText(tr("Close"));
}

QString ScratchDialog::headline() const
{
    return m_headline->text();
}

QString ScratchDialog::resultText() const
{
    return m_result->toPlainText();
}

QString ScratchDialog::logText() const
{
    return m_log->toPlainText();
}

void ScratchDialog::reject()
{
    if (m_running)
        requestCancel();
    QDialog::reject();
}

void ScratchDialog::requestCancel()
{
    m_button->setEnabled(false);
    m_headline->setText(tr("Cancelling: stopping the running statement and removing the scratch database…"));
    emit cancelRequested();
}

} // namespace retort::gui
