#pragma once

#include <QSet>
#include <QString>
#include <QWidget>

namespace retort::gui {

class DatabaseSession;
class ProgressStrip;
class ProjectSession;
class SqlSession;

// Under the window's pages: one progress strip per kind of background work
// the user may wait for (loading the project, reading its databases, checking
// which revisions need Python), each with its Cancel. Esc cancels a load
// whose strip is showing; nothing is migrated by any of these, so none asks.
class ProgressArea : public QWidget {
    Q_OBJECT
public:
    ProgressArea(ProjectSession *project, DatabaseSession *databases, SqlSession *sql, QWidget *parent = nullptr);

    ProgressStrip *loadStrip() const { return m_load; }
    ProgressStrip *databaseStrip() const { return m_databases; }
    ProgressStrip *scanStrip() const { return m_scan; }

private:
    void updateDatabaseProgress();

    DatabaseSession *m_databaseSession = nullptr;
    ProgressStrip *m_load = nullptr;
    ProgressStrip *m_databases = nullptr;
    ProgressStrip *m_scan = nullptr;
    // The connections read since the strip was last idle: those no longer
    // reading are the reads done.
    QSet<QString> m_readsStarted;
};

} // namespace retort::gui
