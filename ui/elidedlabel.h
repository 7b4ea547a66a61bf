#pragma once

#include <QLabel>

namespace retort::gui {

// A one-line label that, when narrower than its text, shows the text cut
// with an ellipsis rather than clipped mid-word ("Rendered by:" with the
// value gone). text() stays the whole text; the tooltip says it whole
// unless one was set.
class ElidedLabel : public QLabel {
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    // What is painted at the current width.
    QString displayedText() const;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
};

} // namespace retort::gui
