#include "loadingpage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace retort::gui {

LoadingPage::LoadingPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("loadingPage"));
    m_label = new QLabel;
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_label);
    layout->addStretch(1);
}

void LoadingPage::setPath(const QString &iniPath)
{
    m_label->setText(tr("Reading %1…").arg(iniPath));
}

} // namespace retort::gui
