#pragma once

#include <QFont>
#include <QStyledItemDelegate>

namespace retort::gui {

// Draws one history row from what the model stores: the row's edges and
// node (lanes computed when the project loaded), label pills, the id, an
// elided message and the date. paint() computes no layout.
class HistoryDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit HistoryDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Geometry shared with tests and the view: a row's height and a lane's
    // width for a given font.
    static int rowHeight(const QFontMetrics &fm);
    static int laneWidth(const QFontMetrics &fm);

private:
    QFont m_mono;
};

} // namespace retort::gui
