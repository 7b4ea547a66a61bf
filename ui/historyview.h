#pragma once

#include <QListView>

namespace retort::gui {

class HistoryDelegate;
class HistoryModel;

// The history list: uniform rows, so only the visible ones cost anything;
// the current row is the one shown; Ctrl+click selects a second one to
// compare; keyboard navigation from QListView.
class HistoryView : public QListView {
    Q_OBJECT
public:
    explicit HistoryView(QWidget *parent = nullptr);

    void setHistoryModel(HistoryModel *model);
    HistoryModel *historyModel() const { return m_model; }

    // Selects and reveals a row; -1 clears the selection.
    void selectRow(int row);
    int currentRow() const;

signals:
    // The graph index of the selected revision, -1 for none.
    void currentNodeChanged(int node);

protected:
    void changeEvent(QEvent *event) override;

private:
    HistoryModel *m_model = nullptr;
    HistoryDelegate *m_delegate = nullptr;
};

} // namespace retort::gui
