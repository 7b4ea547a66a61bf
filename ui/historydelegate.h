#pragma once

#include "graph/dbstate.h"

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
    // Where paint() puts the centre of a node in `lane` of a row drawn in `row`.
    QPointF nodeCentre(const QRectF &row, int lane) const;
    // A node in `state` as the graph draws it, centred in `box` (the legend).
    static void paintNodeSample(QPainter *painter, const QRectF &box, RevisionDbState state,
                                const QPalette &palette);

    // The view's font, from which the id and pill fonts derive; set by the
    // view whenever its font changes, so paint() never builds fonts.
    void setBaseFont(const QFont &font);

private:
    QFont m_base;
    QFont m_mono;
    QFont m_pill;
    QFontMetricsF m_baseMetrics{QFont()};
    QFontMetricsF m_monoMetrics{QFont()};
    QFontMetricsF m_pillMetrics{QFont()};
    qreal m_idWidth = 0;  // twelve hex digits, the usual id
    int m_laneWidth = 16;
};

} // namespace retort::gui
