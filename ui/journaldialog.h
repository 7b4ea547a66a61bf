#pragma once

#include "db/connectionsettings.h"
#include "journal/databasehistory.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QThread;
class QTreeWidget;

namespace retort::gui {

// A database's run history (DatabaseHistory): every run this machine
// recorded for it and the rows of its retort.journal, newest first; the
// selected run's steps, hashes and error below. Read on a worker thread.
class JournalDialog : public QDialog {
    Q_OBJECT
public:
    JournalDialog(const QString &connectionName, const ConnectionSettings &settings, QWidget *parent = nullptr);
    ~JournalDialog() override;

    QTreeWidget *runList() const { return m_list; }
    QPlainTextEdit *details() const { return m_details; }

signals:
    void loaded();

private:
    void showHistory(const DatabaseHistory &history);
    void showDetails();

    DatabaseHistory m_history;
    QThread *m_thread = nullptr;
    QLabel *m_status = nullptr;
    QTreeWidget *m_list = nullptr;
    QPlainTextEdit *m_details = nullptr;
};

} // namespace retort::gui
