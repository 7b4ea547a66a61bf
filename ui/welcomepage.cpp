#include "welcomepage.h"

#include "icons.h"

#include <QCommandLinkButton>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace retort::gui {

WelcomePage::WelcomePage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    m_notice = new QLabel;
    m_notice->setObjectName(QStringLiteral("welcomeNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::RichText);
    m_notice->hide();
    connect(m_notice, &QLabel::linkActivated, this, &WelcomePage::retryRequested);
    auto *title = new QLabel(tr("Open an Alembic project"));
    QFont titleFont = font();
    titleFont.setPointSizeF(font().pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *hint = new QLabel(tr("Choose an alembic.ini or the folder holding one, or drop it on this window. "
                               "Nothing in the project is changed by opening it."));
    hint->setWordWrap(true);
    auto *open = new QPushButton(icons::open(), tr("&Open Project…"));
    open->setDefault(true);
    connect(open, &QPushButton::clicked, this, &WelcomePage::openRequested);

    m_recentBox = new QWidget;
    m_recent = new QVBoxLayout(m_recentBox);
    m_recent->setContentsMargins(0, 12, 0, 0);

    auto *column = new QVBoxLayout;
    column->setSpacing(12);
    column->addWidget(m_notice);
    column->addWidget(title);
    column->addWidget(hint);
    column->addWidget(open, 0, Qt::AlignLeft);
    column->addWidget(m_recentBox);
    column->addStretch(1);

    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(48, 48, 48, 48);
    outer->addStretch(1);
    outer->addLayout(column, 4);
    outer->addStretch(1);
}

void WelcomePage::setNotice(const QString &text)
{
    m_notice->setVisible(!text.isEmpty());
    m_notice->setText(text.isEmpty() ? QString()
                                     : QStringLiteral("%1 <a href=\"retry\">%2</a>")
                                           .arg(text.toHtmlEscaped(), tr("Try again")));
}

QString WelcomePage::notice() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void WelcomePage::setRecentProjects(const QStringList &iniPaths)
{
    while (QLayoutItem *item = m_recent->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_recentBox->setVisible(!iniPaths.isEmpty());
    if (iniPaths.isEmpty())
        return;
    auto *caption = new QLabel(tr("Recent projects"));
    QFont bold = caption->font();
    bold.setBold(true);
    caption->setFont(bold);
    m_recent->addWidget(caption);
    for (const QString &path : iniPaths) {
        const QFileInfo info(path);
        auto *button = new QCommandLinkButton(info.dir().dirName(), QDir::toNativeSeparators(path));
        button->setIcon(icons::application());
        button->setToolTip(path);
        connect(button, &QCommandLinkButton::clicked, this, [this, path] { emit recentRequested(path); });
        m_recent->addWidget(button);
    }
}

} // namespace retort::gui
