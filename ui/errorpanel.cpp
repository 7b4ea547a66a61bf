#include "errorpanel.h"

#include "icons.h"
#include "project/projectfile.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QStyle>
#include <QThreadPool>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace retort::gui {

ErrorPanel::ErrorPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("errorPanel"));
    auto *icon = new QLabel;
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop);

    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("errorTitle"));
    QFont titleFont = font();
    titleFont.setPointSizeF(font().pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("errorMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_location = new QLabel;
    m_location->setObjectName(QStringLiteral("errorLocation"));
    m_location->setWordWrap(true);
    m_location->setTextFormat(Qt::PlainText);
    m_location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_location->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_excerpt = new QPlainTextEdit;
    m_excerpt->setObjectName(QStringLiteral("errorExcerpt"));
    m_excerpt->setReadOnly(true);
    m_excerpt->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_excerpt->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_excerpt->setMaximumHeight(m_excerpt->fontMetrics().lineSpacing() * (2 * kContextLines + 3) + 12);
    m_excerpt->hide();

    m_details = new QPlainTextEdit;
    m_details->setObjectName(QStringLiteral("errorDetails"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setMaximumHeight(140);

    auto *retry = new QPushButton(icons::reload(), tr("&Try Again"));
    retry->setToolTip(tr("Read the project again (after fixing the file)"));
    connect(retry, &QPushButton::clicked, this, &ErrorPanel::retryRequested);
    m_openFile = new QPushButton(tr("Open in &Editor"));
    m_openFile->setObjectName(QStringLiteral("openInEditor"));
    m_openFile->setToolTip(tr("Open the file in the desktop's editor for it"));
    m_openFile->hide();
    connect(m_openFile, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_file)); });
    auto *open = new QPushButton(icons::open(), tr("&Open Another Project…"));
    connect(open, &QPushButton::clicked, this, &ErrorPanel::openRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_openFile);
    buttons->addWidget(retry);
    buttons->addWidget(open);
    buttons->addStretch(1);

    auto *text = new QVBoxLayout;
    text->setSpacing(10);
    text->addWidget(m_title);
    text->addWidget(m_message);
    text->addWidget(m_location);
    text->addWidget(m_excerpt);
    text->addWidget(m_details);
    text->addLayout(buttons);

    auto *row = new QHBoxLayout;
    row->setSpacing(16);
    row->addWidget(icon);
    row->addLayout(text, 1);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(48, 40, 48, 40);
    outer->addLayout(row);
    outer->addStretch(1);
}

void ErrorPanel::showError(const Error &error, const QString &iniPath)
{
    m_title->setText(tr("Could not open %1").arg(iniPath));
    m_message->setText(error.message());
    const QString where = error.where().toString();
    m_location->setText(where.isEmpty() ? QString() : tr("at %1").arg(where));
    m_location->setVisible(!where.isEmpty());
    // The cause chain, when there is more than the headline above.
    m_details->setPlainText(error.toString());
    m_details->setVisible(error.cause() != nullptr);

    const quint64 request = ++m_request;
    m_excerpt->clear();
    m_excerpt->hide();
    m_file.clear();
    m_openFile->hide();
    if (error.where().file.isEmpty())
        return;
    m_file = QFileInfo(iniPath).absoluteDir().absoluteFilePath(error.where().file);
    m_openFile->setVisible(QFileInfo(m_file).isFile());
    const int line = error.where().line;
    if (line <= 0)
        return;
    // Read on a pool thread: the file may be large, slow or not a file at all.
    const int column = error.where().column;
    QThreadPool::globalInstance()->start([panel = QPointer<ErrorPanel>(this), file = m_file, request, line, column] {
        const Result<QByteArray> bytes = readProjectFile(file, FileLimit::kRevision, QStringLiteral("project file"));
        const QString text = bytes ? QString::fromUtf8(bytes.value()) : QString();
        // Back through the application object, which outlives the panel: the
        // panel is looked at only on the GUI thread, where it is deleted.
        QMetaObject::invokeMethod(qApp, [panel, request, text, line, column] {
            if (panel)
                panel->showExcerpt(request, text, line, column);
        }, Qt::QueuedConnection);
    });
}

void ErrorPanel::showExcerpt(quint64 request, const QString &text, int line, int column)
{
    if (request != m_request || text.isEmpty())
        return;
    const QStringList lines = text.split(QLatin1Char('\n'));
    if (line > lines.size())
        return;
    const int first = std::max(1, line - kContextLines);
    const int last = std::min(int(lines.size()), line + kContextLines);
    const int width = int(QString::number(last).size());
    QStringList out;
    for (int n = first; n <= last; ++n) {
        QString shown = lines[n - 1];
        shown.remove(QLatin1Char('\r'));
        out << QStringLiteral("%1 %2 | %3").arg(n == line ? QStringLiteral(">") : QStringLiteral(" "))
                   .arg(n, width)
                   .arg(shown);
        if (n == line && column > 0)
            out << QString(width + 5 + column - 1, QLatin1Char(' ')) + QLatin1Char('^');
    }
    m_excerpt->setPlainText(out.join(QLatin1Char('\n')));
    m_excerpt->show();
    emit excerptShown();
}

QString ErrorPanel::excerptText() const
{
    return m_excerpt->isHidden() ? QString() : m_excerpt->toPlainText();
}

QString ErrorPanel::messageText() const
{
    return m_message->text();
}

QString ErrorPanel::locationText() const
{
    return m_location->text();
}

} // namespace retort::gui
