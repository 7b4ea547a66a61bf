#include "historyview.h"

#include "historydelegate.h"
#include "historymodel.h"

#include <QEvent>
#include <QItemSelectionModel>

namespace retort::gui {

HistoryView::HistoryView(QWidget *parent) : QListView(parent)
{
    setObjectName(QStringLiteral("historyView"));
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);  // two rows: the Schema tab compares them
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setMouseTracking(true);
    m_delegate = new HistoryDelegate(this);
    m_delegate->setBaseFont(font());
    setItemDelegate(m_delegate);
    setAccessibleName(tr("Revision history"));
}

void HistoryView::changeEvent(QEvent *event)
{
    QListView::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        m_delegate->setBaseFont(font());
}

void HistoryView::setHistoryModel(HistoryModel *model)
{
    m_model = model;
    setModel(model);
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                emit currentNodeChanged(current.isValid() ? m_model->nodeAt(current.row()) : -1);
            });
    connect(model, &QAbstractItemModel::modelReset, this, [this] { emit currentNodeChanged(-1); });
}

void HistoryView::selectRow(int row)
{
    if (!m_model)
        return;
    if (row < 0 || row >= m_model->rowCount()) {
        selectionModel()->clear();
        return;
    }
    const QModelIndex index = m_model->index(row);
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    scrollTo(index, QAbstractItemView::EnsureVisible);
}

int HistoryView::currentRow() const
{
    const QModelIndex current = currentIndex();
    return current.isValid() ? current.row() : -1;
}

} // namespace retort::gui
