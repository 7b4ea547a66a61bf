#include "errorpanel.h"

#include "icons.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

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

    m_details = new QPlainTextEdit;
    m_details->setObjectName(QStringLiteral("errorDetails"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setMaximumHeight(140);

    auto *retry = new QPushButton(icons::reload(), tr("&Try Again"));
    retry->setToolTip(tr("Read the project again (after fixing the file)"));
    connect(retry, &QPushButton::clicked, this, &ErrorPanel::retryRequested);
    auto *open = new QPushButton(icons::open(), tr("&Open Another Project…"));
    connect(open, &QPushButton::clicked, this, &ErrorPanel::openRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(retry);
    buttons->addWidget(open);
    buttons->addStretch(1);

    auto *text = new QVBoxLayout;
    text->setSpacing(10);
    text->addWidget(m_title);
    text->addWidget(m_message);
    text->addWidget(m_location);
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
