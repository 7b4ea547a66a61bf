#include "journaldialog.h"

#include "journal/localjournal.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSplitter>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace retort::gui {

JournalDialog::JournalDialog(const QString &connectionName, const ConnectionSettings &settings, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("journalDialog"));
    setWindowTitle(tr("Run Journal — %1").arg(connectionName));
    m_status = new QLabel(tr("Reading the journal of %1…").arg(settings.describe()));
    m_status->setWordWrap(true);
    m_list = new QTreeWidget;
    m_list->setObjectName(QStringLiteral("journalRuns"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Started"), tr("Operation"), tr("Outcome"), tr("Duration"), tr("Who"), tr("Recorded")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_details = new QPlainTextEdit;
    m_details->setObjectName(QStringLiteral("journalDetails"));
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_list);
    split->addWidget(m_details);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &JournalDialog::showDetails);
    resize(900, 560);

    QPointer<JournalDialog> self(this);
    const QString localDirectory = LocalJournal::defaultDirectory();  // read here, not on the worker
    m_thread = QThread::create([self, settings, localDirectory] {
        const DatabaseHistory history = loadDatabaseHistory(settings, nullptr, nullptr, localDirectory);
        QMetaObject::invokeMethod(self, [self, history] {
            if (self)
                self->showHistory(history);
        }, Qt::QueuedConnection);
    });
    m_thread->start();
}

JournalDialog::~JournalDialog()
{
    m_thread->wait();
    delete m_thread;
}

void JournalDialog::showHistory(const DatabaseHistory &history)
{
    m_history = history;
    QStringList notes;
    if (history.error.isError())
        notes << history.error.message();
    notes += history.warnings;
    m_status->setText(notes.isEmpty() ? tr("%n run(s), newest first", nullptr, int(history.records.size()))
                                      : notes.join(QLatin1Char('\n')));
    for (const JournalRecord &r : history.records) {
        auto *item = new QTreeWidgetItem(m_list, {r.startedAt.toLocalTime().toString(Qt::ISODate),
                                                  r.operation + QLatin1Char(' ') + r.targets.join(QLatin1Char(' ')),
                                                  r.outcome, tr("%1 ms").arg(r.durationMs),
                                                  QStringLiteral("%1 / %2 @ %3").arg(r.osUser, r.databaseUser, r.clientHost),
                                                  history.sources.value(r.id)});
        item->setToolTip(2, r.error);
    }
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    emit loaded();
}

void JournalDialog::showDetails()
{
    const int row = m_list->indexOfTopLevelItem(m_list->currentItem());
    if (row < 0 || row >= m_history.records.size()) {
        m_details->clear();
        return;
    }
    const JournalRecord &r = m_history.records[row];
    m_details->setPlainText(describeRecord(r, m_history.sources.value(r.id)));
}

} // namespace retort::gui
