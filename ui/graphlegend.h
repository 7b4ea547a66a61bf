#pragma once

#include <QStringList>
#include <QWidget>

namespace retort::gui {

// A strip under the graph saying what its drawing means: applied, pending
// and unknown (not read) revisions drawn as the graph draws them, and the
// database markers. Painted with HistoryDelegate's own node drawing.
class GraphLegend : public QWidget {
    Q_OBJECT
public:
    explicit GraphLegend(QWidget *parent = nullptr);

    // The entries' texts, in the order shown.
    QStringList entries() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace retort::gui
