#include "progressstrip.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace retort::gui {

ProgressStrip::ProgressStrip(const QString &objectName, QWidget *parent) : QWidget(parent)
{
    setObjectName(objectName);
    m_label = new QLabel;
    m_label->setTextFormat(Qt::PlainText);
    m_label->setMinimumWidth(120);
    m_bar = new QProgressBar;
    m_bar->setMaximumWidth(240);
    m_bar->setMaximumHeight(16);
    m_bar->setTextVisible(false);
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setAutoDefault(false);
    connect(m_cancel, &QPushButton::clicked, this, &ProgressStrip::cancelRequested);
    m_delay = new QTimer(this);
    m_delay->setSingleShot(true);
    m_delay->setInterval(kDelayMs);
    connect(m_delay, &QTimer::timeout, this, [this] { setVisible(m_active); });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 3, 6, 3);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    hide();
}

void ProgressStrip::start(const QString &text)
{
    if (!m_active) {
        m_active = true;
        m_delay->start();
    }
    setProgress(text, 0, 0);
}

void ProgressStrip::setProgress(const QString &text, qint64 done, qint64 total)
{
    if (!m_active)
        return;
    if (total > 0) {
        // QProgressBar counts in int: scale a size beyond it down.
        const qint64 scale = total / std::numeric_limits<int>::max() + 1;
        m_bar->setRange(0, int(total / scale));
        m_bar->setValue(int(std::min(done, total) / scale));
        const QLocale locale;
        m_label->setText(tr("%1: %2 of %3").arg(text, locale.toString(done), locale.toString(total)));
    } else {
        m_bar->setRange(0, 0);  // busy: the size is not known
        m_label->setText(tr("%1…").arg(text));
    }
}

void ProgressStrip::finish()
{
    m_active = false;
    m_delay->stop();
    hide();
}

} // namespace retort::gui
