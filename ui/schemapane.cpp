#include "schemapane.h"

#include "schemasession.h"
#include "scratch/schemadiff.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace retort::gui {

SchemaPane::SchemaPane(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("schemaPane"));
    m_session = new SchemaSession(this);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("schemaStatus"));
    m_status->setWordWrap(true);
    m_bar = new QProgressBar;
    m_bar->setObjectName(QStringLiteral("schemaProgress"));
    m_bar->setMaximumWidth(160);
    m_bar->setTextVisible(false);
    m_bar->hide();
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("schemaCancel"));
    m_cancel->hide();
    m_text = new QPlainTextEdit;
    m_text->setObjectName(QStringLiteral("schemaText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_bar);
    top->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_text, 1);

    connect(m_cancel, &QPushButton::clicked, m_session, &SchemaSession::cancel);
    connect(m_session, &SchemaSession::progress, this,
            [this](const QString &revision, const QString &line, int done, int total) {
                m_status->setText(tr("Replaying the revisions up to %1 on a scratch database: %2")
                                      .arg(revision.left(12), line));
                m_bar->setRange(0, total);
                m_bar->setValue(total > 0 ? done : 0);
            });
    connect(m_session, &SchemaSession::ready, this, &SchemaPane::render);
    connect(m_session, &SchemaSession::failed, this, [this](const QString &revision, const Error &error) {
        if (!m_revisions.contains(revision))
            return;
        m_bar->hide();
        m_cancel->hide();
        if (error.kind() == Error::Kind::Cancelled) {
            m_status->setText(tr("Cancelled: the scratch database was removed. Select the revision again to "
                                 "replay it."));
            m_text->clear();
        } else {
            m_status->setText(tr("The schema at %1 could not be replayed.").arg(revision.left(12)));
            m_text->setPlainText(error.toString());
        }
        emit shown();
    });
}

void SchemaPane::setProject(LoadedProjectPtr project)
{
    m_project = std::move(project);
    m_session->setProject(m_project);
    m_revisions.clear();
    m_text->clear();
    m_status->clear();
    m_bar->hide();
    m_cancel->hide();
}

void SchemaPane::showRevisions(const QStringList &revisions)
{
    if (revisions == m_revisions && !m_session->isBusy() && !m_text->toPlainText().isEmpty())
        return;
    m_revisions = revisions;
    bool cached = true;
    for (const QString &id : revisions)
        cached = cached && m_session->snapshot(id);
    if (cached) {
        render();
        return;
    }
    m_text->clear();
    m_status->setText(tr("Starting a scratch database to replay the revisions…"));
    m_bar->setRange(0, 0);
    m_bar->show();
    m_cancel->show();
    m_session->want(revisions);
}

QString SchemaPane::text() const
{
    return m_text->toPlainText();
}

QString SchemaPane::describe(const QString &revision) const
{
    const int node = m_project ? m_project->graph.indexOf(revision) : -1;
    const QString message = node >= 0 ? m_project->messages.value(node).simplified() : QString();
    return message.isEmpty() ? revision : QStringLiteral("%1 (%2)").arg(revision, message);
}

void SchemaPane::render()
{
    QVector<const SchemaSnapshot *> snapshots;
    for (const QString &id : std::as_const(m_revisions)) {
        if (const SchemaSnapshot *s = m_session->snapshot(id))
            snapshots << s;
    }
    if (snapshots.isEmpty() || snapshots.size() != m_revisions.size())
        return;  // ready() for what was wanted before
    m_bar->hide();
    m_cancel->hide();
    QStringList lines;
    if (snapshots.size() == 1) {
        m_status->setText(tr("The schema at %1, as its upgrade and those before it give it").arg(describe(m_revisions[0])));
        lines = describeSnapshot(*snapshots[0]);
        if (lines.isEmpty())
            lines << tr("(no tables, types or other objects: the schema is empty)");
    } else {
        m_status->setText(tr("From %1 to %2").arg(describe(m_revisions[0]), describe(m_revisions[1])));
        lines = describeChanges(diffSchemas(*snapshots[0], *snapshots[1]));
        if (lines.isEmpty())
            lines << tr("The two revisions give the same schema.");
    }
    m_text->setPlainText(lines.join(QLatin1Char('\n')));
    emit shown();
}

} // namespace retort::gui
