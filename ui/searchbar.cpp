#include "searchbar.h"

#include "icons.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace retort::gui {

SearchBar::SearchBar(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("searchBar"));
    m_field = new QLineEdit;
    m_field->setObjectName(QStringLiteral("searchField"));
    m_field->setPlaceholderText(tr("Search revision id, message, branch label, or a table, column or index (users.email)"));
    m_field->setClearButtonEnabled(true);
    m_field->addAction(icons::find(), QLineEdit::LeadingPosition);
    m_field->setToolTip(tr("Rows that do not match are dimmed; Enter: next match, Shift+Enter: previous"));
    m_field->installEventFilter(this);
    connect(m_field, &QLineEdit::textChanged, this, &SearchBar::textChanged);

    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("searchCount"));
    m_count->setMinimumWidth(m_count->fontMetrics().horizontalAdvance(tr("No matches")) + 8);
    m_count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_previous = new QToolButton;
    m_previous->setIcon(icons::up());
    m_previous->setToolTip(tr("Previous match (Shift+F3)"));
    m_previous->setAutoRaise(true);
    connect(m_previous, &QToolButton::clicked, this, &SearchBar::previousRequested);
    m_next = new QToolButton;
    m_next->setIcon(icons::down());
    m_next->setToolTip(tr("Next match (F3)"));
    m_next->setAutoRaise(true);
    connect(m_next, &QToolButton::clicked, this, &SearchBar::nextRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    setMatchCount(0, false);
}

QString SearchBar::text() const
{
    return m_field->text();
}

void SearchBar::setMatchCount(int matches, bool searching)
{
    m_count->setText(!searching ? QString() : matches == 0 ? tr("No matches")
                      : matches == 1 ? tr("1 match") : tr("%1 matches").arg(matches));
    m_previous->setEnabled(matches > 0);
    m_next->setEnabled(matches > 0);
}

void SearchBar::focusField()
{
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

bool SearchBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                emit previousRequested();
            else
                emit nextRequested();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            // Done searching: the keys go back to the list (its arrows move the selection).
            m_field->clear();
            emit dismissed();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace retort::gui
