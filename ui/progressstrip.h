#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace retort::gui {

// One piece of background work the user may wait for: what it does, how far
// it got (determinate when its size is known) and Cancel. The strip stays
// hidden for work that ends within kDelayMs, so quick work does not flicker.
class ProgressStrip : public QWidget {
    Q_OBJECT
public:
    static constexpr int kDelayMs = 300;

    explicit ProgressStrip(const QString &objectName, QWidget *parent = nullptr);

    // Work began; the strip shows itself if it is still running after kDelayMs.
    void start(const QString &text);
    // `done` of `total` (total 0: size not known yet).
    void setProgress(const QString &text, qint64 done, qint64 total);
    // The work ended (finished, failed or cancelled).
    void finish();
    bool isActive() const { return m_active; }

    QLabel *label() const { return m_label; }
    QProgressBar *bar() const { return m_bar; }
    QPushButton *cancelButton() const { return m_cancel; }

signals:
    void cancelRequested();

private:
    QLabel *m_label = nullptr;
    QProgressBar *m_bar = nullptr;
    QPushButton *m_cancel = nullptr;
    QTimer *m_delay = nullptr;
    bool m_active = false;
};

} // namespace retort::gui
