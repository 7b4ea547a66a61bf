#include "progressarea.h"

#include "databasesession.h"
#include "progressstrip.h"
#include "projectsession.h"
#include "sqlsession.h"

#include <QShortcut>
#include <QVBoxLayout>

namespace retort::gui {

ProgressArea::ProgressArea(ProjectSession *project, DatabaseSession *databases, SqlSession *sql, QWidget *parent)
    : QWidget(parent), m_databaseSession(databases)
{
    setObjectName(QStringLiteral("progressArea"));
    m_load = new ProgressStrip(QStringLiteral("loadProgress"));
    m_databases = new ProgressStrip(QStringLiteral("databaseProgress"));
    m_scan = new ProgressStrip(QStringLiteral("scanProgress"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    for (ProgressStrip *strip : {m_load, m_databases, m_scan})
        layout->addWidget(strip);

    connect(project, &ProjectSession::loadingStarted, m_load,
            [this] { m_load->start(tr("Opening the project")); });
    connect(project, &ProjectSession::progress, m_load, &ProgressStrip::setProgress);
    connect(project, &ProjectSession::loaded, m_load, &ProgressStrip::finish);
    connect(project, &ProjectSession::failed, m_load, &ProgressStrip::finish);
    connect(project, &ProjectSession::loadCancelled, m_load, &ProgressStrip::finish);
    connect(m_load, &ProgressStrip::cancelRequested, project, &ProjectSession::cancel);
    // Only on the load's strip (a shortcut is live while its widget shows): the
    // search field's own Esc keeps working while databases or the scan run.
    auto *esc = new QShortcut(QKeySequence(Qt::Key_Escape), m_load);
    esc->setContext(Qt::WindowShortcut);
    connect(esc, &QShortcut::activated, project, &ProjectSession::cancel);

    connect(databases, &DatabaseSession::readStarted, this, &ProgressArea::updateDatabaseProgress);
    connect(databases, &DatabaseSession::readFinished, this, &ProgressArea::updateDatabaseProgress);
    connect(databases, &DatabaseSession::connectionsChanged, this, &ProgressArea::updateDatabaseProgress);
    connect(m_databases, &ProgressStrip::cancelRequested, databases, &DatabaseSession::cancelReads);

    connect(sql, &SqlSession::scanStarted, m_scan,
            [this] { m_scan->start(tr("Checking which revisions need Python")); });
    connect(sql, &SqlSession::scanProgress, m_scan, [this](qint64 done, qint64 total) {
        m_scan->setProgress(tr("Checking which revisions need Python"), done, total);
    });
    connect(sql, &SqlSession::needsPythonReady, m_scan, &ProgressStrip::finish);
    connect(sql, &SqlSession::scanStopped, m_scan, &ProgressStrip::finish);
    connect(m_scan, &ProgressStrip::cancelRequested, sql, &SqlSession::cancelScan);
}

void ProgressArea::updateDatabaseProgress()
{
    QSet<QString> reading, present;
    for (const DatabaseSession::Entry &e : m_databaseSession->entries()) {
        present.insert(e.connection.name);
        if (e.reading)
            reading.insert(e.connection.name);
    }
    if (reading.isEmpty()) {
        m_databases->finish();
        m_readsStarted.clear();
        return;
    }
    if (!m_databases->isActive()) {
        m_readsStarted.clear();
        m_databases->start(tr("Reading the databases"));
    }
    m_readsStarted.intersect(present);  // another project's connections are not waited for
    m_readsStarted.unite(reading);
    m_databases->setProgress(tr("Reading the databases"), m_readsStarted.size() - reading.size(),
                             m_readsStarted.size());
}

} // namespace retort::gui
