#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace retort::gui {

// The history search: a field (id prefix, message or label), the number of
// matches, and previous/next. Enter goes to the next match, Shift+Enter to
// the previous one, Escape clears and hands the keys back to the list.
class SearchBar : public QWidget {
    Q_OBJECT
public:
    explicit SearchBar(QWidget *parent = nullptr);

    QLineEdit *field() const { return m_field; }
    QString text() const;
    void setMatchCount(int matches, bool searching);
    void focusField();

signals:
    void textChanged(const QString &text);
    void nextRequested();
    void previousRequested();
    // Esc: the search is cleared and the field gives up the keyboard.
    void dismissed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLineEdit *m_field = nullptr;
    QLabel *m_count = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
};

} // namespace retort::gui
