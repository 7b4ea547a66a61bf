#include "confirmdialog.h"

#include "applyscripteditor.h"
#include "backupjob.h"
#include "graph/dbstate.h"
#include "graph/revisiongraph.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace retort::gui {

namespace {

QString stepKind(const MigrationStep &step)
{
    switch (step.kind) {
    case MigrationStep::Kind::Upgrade:
        return QStringLiteral("upgrade");
    case MigrationStep::Kind::Downgrade:
        return QStringLiteral("downgrade");
    case MigrationStep::Kind::Stamp:
        return QStringLiteral("stamp");
    }
    return QString();
}

QString hostText(const ConnectionSettings &s)
{
    QString host = s.host.isEmpty() ? QStringLiteral("local socket") : s.host;
    if (s.isSocket())
        host = QStringLiteral("socket in %1").arg(s.host);
    if (s.port > 0)
        host += QStringLiteral(":%1").arg(s.port);
    return host;
}

// Where the connection really went (the plan's connection to the server),
// else what the URL says.
QString hostText(const ApplyPlan &plan)
{
    return plan.preview.locality.where.isEmpty() ? hostText(plan.connection) : plan.preview.locality.where;
}

QString userText(const ConnectionSettings &s)
{
    return s.user.isEmpty() ? qEnvironmentVariable("USER", QStringLiteral("(libpq default)")) : s.user;
}

QString rowsText(const VersionState &state)
{
    if (!state.tableExists)
        return QStringLiteral("base (no %1 table yet)").arg(state.table.displayName());
    if (state.rows.isEmpty())
        return QStringLiteral("base (%1 is empty)").arg(state.table.displayName());
    return state.rows.join(QStringLiteral(", "));
}

// The version rows the plan leaves, said so that a database ending on
// several branches is noticed.
QString endRowsText(const QStringList &end, const QStringList &now)
{
    if (end.isEmpty())
        return QStringLiteral("base (no revision applied)");
    QStringList rows = end;
    rows.sort();
    QString text = rows.join(QStringLiteral(", ")).toHtmlEscaped();
    if (end.size() > 1 && end.size() > now.size())
        text += QStringLiteral(" <b>(%1 version rows: the database ends on separate branches)</b>").arg(end.size());
    return text;
}

// Revisions applied now that a stamp to `end` would mark as not applied,
// though their changes stay in the schema.
int unmarkedByStamp(const RevisionGraph &graph, const QStringList &now, const QStringList &end)
{
    const DatabaseGraphState before = DatabaseGraphState::compute(graph, now);
    const DatabaseGraphState after = DatabaseGraphState::compute(graph, end);
    int count = 0;
    for (int node = 0; node < graph.size(); ++node)
        count += before.state(node) != RevisionDbState::Pending && before.state(node) != RevisionDbState::Unknown
                 && after.state(node) == RevisionDbState::Pending;
    return count;
}

// A reset or restore: everything in the database goes.
bool replacesDatabase(const Operation &operation)
{
    return operation.kind == Operation::Kind::ResetLocal || operation.kind == Operation::Kind::Restore;
}

} // namespace

QString formatBytes(qint64 bytes)
{
    return QLocale::system().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

ConfirmDialog::ConfirmDialog(const ApplyPlan &plan, const LoadedProjectPtr &project, QWidget *parent)
    : QDialog(parent), m_plan(plan)
{
    // Only a server proven to run here counts as this machine (Locality).
    m_needsTypedName = !plan.preview.locality.local || plan.operation.production;
    m_needsForce = replacesDatabase(plan.operation) && !plan.preview.locality.local;
    setWindowTitle(QStringLiteral("%1 — %2").arg(plan.title, plan.connection.database));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createPlanPart(project), 1);
    layout->addWidget(createChecklist());

    auto *buttons = new QDialogButtonBox(this);
    m_runButton = buttons->addButton(QStringLiteral("Run"), QDialogButtonBox::AcceptRole);
    m_runButton->setToolTip(QStringLiteral("Enabled when every item of the checklist is done"));
    buttons->addButton(QDialogButtonBox::Cancel);
    m_runButton->setDefault(false);
    m_runButton->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isComplete())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &ConfirmDialog::reject);
    layout->addWidget(buttons);

    resize(760, sizeHint().height());
    updateRunButton();
}

ConfirmDialog::~ConfirmDialog() = default;

QWidget *ConfirmDialog::createPlanPart(const LoadedProjectPtr &project)
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *heading = new QLabel(QStringLiteral("<b>%1</b>").arg(m_plan.title.toHtmlEscaped()), box);
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    heading->setFont(f);
    layout->addWidget(heading);

    auto *form = new QFormLayout;
    const ConnectionSettings &s = m_plan.connection;
    auto *db = new QLabel(QStringLiteral("<b>%1</b>").arg(targetDatabase().toHtmlEscaped()), box);
    db->setObjectName(QStringLiteral("targetDatabase"));
    form->addRow(QStringLiteral("Database:"), db);
    form->addRow(QStringLiteral("User:"), new QLabel(userText(s).toHtmlEscaped(), box));
    const Locality &locality = m_plan.preview.locality;
    auto *host = new QLabel(hostText(m_plan).toHtmlEscaped()
                                + (locality.local ? QStringLiteral(" (this machine)")
                                                  : QStringLiteral(" <b>(not proven to be this machine)</b>")),
                            box);
    host->setObjectName(QStringLiteral("targetHost"));
    host->setToolTip(locality.describe());
    form->addRow(QStringLiteral("Host:"), host);
    if (!locality.local && !locality.reason.isEmpty()) {
        auto *why = new QLabel(locality.reason.toHtmlEscaped(), box);
        why->setObjectName(QStringLiteral("localityReason"));
        why->setWordWrap(true);
        form->addRow(QString(), why);
    }
    form->addRow(QStringLiteral("Now at:"), new QLabel(rowsText(m_plan.preview.state).toHtmlEscaped(), box));
    const QStringList &now = m_plan.preview.state.rows;
    const QStringList end = m_plan.preview.steps.isEmpty() ? now : m_plan.preview.steps.back().step.headsAfter;
    auto *ends = new QLabel(m_plan.operation.kind == Operation::Kind::Restore
                                ? QStringLiteral("the version rows in the dump")
                                : endRowsText(end, now),
                            box);
    ends->setObjectName(QStringLiteral("endState"));
    ends->setWordWrap(true);
    form->addRow(QStringLiteral("Ends at:"), ends);
    layout->addLayout(form);
    if (m_plan.operation.kind == Operation::Kind::Stamp && project) {
        if (const int unmarked = unmarkedByStamp(project->graph, now, end)) {
            auto *backwards = new QLabel(
                QStringLiteral("<span style='color:#c62828'><b>This stamp goes backwards:</b></span> %1 "
                               "will be marked as not applied, though no downgrade runs and the schema keeps "
                               "their changes; the next upgrade runs them again.")
                    .arg(unmarked == 1 ? QStringLiteral("1 applied revision")
                                       : QStringLiteral("%1 applied revisions").arg(unmarked)),
                box);
            backwards->setObjectName(QStringLiteral("stampBackwards"));
            backwards->setWordWrap(true);
            layout->addWidget(backwards);
        }
    }

    if (const StepRaise *raised = planRaise(m_plan.preview.steps)) {
        // never a half-run: alembic would run the steps before it, then fail
        auto *refusal = new QLabel(
            QStringLiteral("<b>Refused: revision %1 is irreversible.</b> Its %2() raises %3 (%4:%5), so this run "
                           "cannot pass it; nothing will run.")
                .arg(raised->revision.toHtmlEscaped(), raised->upgrade ? QStringLiteral("upgrade")
                                                                         : QStringLiteral("downgrade"),
                     raised->text().toHtmlEscaped(), raised->file.section(QLatin1Char('/'), -1).toHtmlEscaped())
                .arg(raised->line),
            box);
        refusal->setObjectName(QStringLiteral("irreversibleRefusal"));
        refusal->setWordWrap(true);
        layout->addWidget(refusal);
    }

    m_steps = new QTreeWidget(box);
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->setHeaderLabels({QStringLiteral("#"), QStringLiteral("Step"), QStringLiteral("Revision"),
                              QStringLiteral("Message"), QStringLiteral("Engine"), QStringLiteral("Destructive")});
    const auto &steps = m_plan.preview.steps;
    for (int i = 0; i < steps.size(); ++i) {
        const PlannedStep &p = steps[i];
        QString revision = p.revision;
        QString message;
        if (p.step.kind == MigrationStep::Kind::Stamp)
            revision = p.step.to.isEmpty() ? QStringLiteral("base") : p.step.to.join(QStringLiteral(", "));
        else if (!p.doc.isEmpty())
            message = p.doc;
        else if (project && p.step.revision >= 0 && p.step.revision < project->messages.size())
            message = project->messages[p.step.revision];
        const QString engine = p.step.kind == MigrationStep::Kind::Stamp ? QStringLiteral("—")
                               : p.sql.raised                         ? QStringLiteral("irreversible")
                               : p.sql.engine == RenderEngine::Native ? QStringLiteral("native")
                               : p.sql.online                         ? QStringLiteral("alembic (online)")
                                                                      : QStringLiteral("python");
        const int destructive = m_plan.destructivePerStep.value(i);
        auto *item = new QTreeWidgetItem(m_steps, {QString::number(i + 1), stepKind(p.step), revision, message,
                                                   engine, destructive ? QString::number(destructive) : QString()});
        item->setToolTip(1, p.step.shortLog());
        if (!p.sql.reason.isEmpty())
            item->setToolTip(4, p.sql.reason);
        if (destructive)
            item->setForeground(5, QColor(0xc6, 0x28, 0x28));
    }
    m_steps->header()->setStretchLastSection(false);
    m_steps->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    for (int c : {0, 1, 2, 4, 5})
        m_steps->resizeColumnToContents(c);
    // Tall enough for the steps (up to a dozen) without empty rows below them.
    const int rowHeight = steps.isEmpty() ? m_steps->fontMetrics().height() + 4 : m_steps->sizeHintForRow(0);
    const int visibleRows = std::clamp(int(steps.size()), 3, 12);
    m_steps->setMinimumHeight(m_steps->header()->sizeHint().height() + rowHeight * visibleRows
                              + 2 * m_steps->frameWidth() + 4);
    layout->addWidget(m_steps, 1);

    QString summary = steps.isEmpty() ? QStringLiteral("Nothing to do: the database is already there.")
                                      : tr("%n step(s)", nullptr, int(steps.size()));
    if (m_plan.operation.kind == Operation::Kind::Restore)
        summary = QStringLiteral("<span style='color:#c62828'><b>Everything in %1 is replaced</b></span> by the "
                                 "dump %2 (pg_restore into a new database, which then takes its place)")
                      .arg(targetDatabase().toHtmlEscaped(), m_plan.operation.targets.value(0).toHtmlEscaped());
    else if (m_plan.operation.recreate)
        summary.prepend(QStringLiteral("<span style='color:#c62828'><b>%1 is dropped with everything in it</b></span> "
                                       "and created again empty, then ")
                            .arg(targetDatabase().toHtmlEscaped()));
    if (!steps.isEmpty()) {
        summary += m_plan.destructiveCount
                       ? QStringLiteral(", <span style='color:#c62828'><b>%1 destructive statement%2</b></span>")
                             .arg(m_plan.destructiveCount)
                             .arg(m_plan.destructiveCount == 1 ? QString() : QStringLiteral("s"))
                       : QStringLiteral(", no destructive statements");
        int python = 0, online = 0;
        for (const PlannedStep &p : steps) {
            const bool viaAlembic = p.step.kind != MigrationStep::Kind::Stamp && p.sql.engine == RenderEngine::Python;
            online += viaAlembic && p.sql.online;
            python += viaAlembic && !p.sql.online;
        }
        if (python)
            summary += QStringLiteral(", %1 rendered by alembic").arg(python);
        if (online)
            summary += m_plan.transactionPerMigration
                           ? QStringLiteral(", %1 run by alembic online").arg(online)
                           : QStringLiteral(", %1 need%2 Python online: alembic runs the whole run in one transaction")
                                 .arg(online)
                                 .arg(online == 1 ? QStringLiteral("s") : QString());
        if (m_plan.operation.kind == Operation::Kind::Stamp)
            summary += QStringLiteral(" — only the version table changes");
    }
    m_destructiveLabel = new QLabel(summary, box);
    m_destructiveLabel->setObjectName(QStringLiteral("summary"));
    layout->addWidget(m_destructiveLabel);
    m_riskLabel = new QLabel(riskText(), box);
    m_riskLabel->setObjectName(QStringLiteral("riskSummary"));
    m_riskLabel->setWordWrap(true);
    m_riskLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_riskLabel->setToolTip(findingsText());
    layout->addWidget(m_riskLabel);
    return box;
}

QWidget *ConfirmDialog::createChecklist()
{
    auto *group = new QGroupBox(QStringLiteral("Before it runs"), this);
    auto *layout = new QVBoxLayout(group);

    auto *backupRow = new QHBoxLayout;
    m_backupCheck = new QCheckBox(QStringLiteral("A backup exists"), group);
    m_backupButton = new QPushButton(QStringLiteral("Back up now…"), group);
    m_backupButton->setToolTip(QStringLiteral("pg_dump -Fc of %1 into a file you choose").arg(m_plan.connection.database));
    m_backupProgress = new QProgressBar(group);
    m_backupProgress->setRange(0, 0);
    m_backupProgress->setTextVisible(false);
    m_backupProgress->setMaximumWidth(120);
    m_backupProgress->hide();
    backupRow->addWidget(m_backupCheck);
    backupRow->addStretch(1);
    backupRow->addWidget(m_backupProgress);
    backupRow->addWidget(m_backupButton);
    layout->addLayout(backupRow);
    m_backupLabel = new QLabel(group);
    m_backupLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_backupLabel->setWordWrap(true);
    m_backupLabel->setContentsMargins(24, 0, 0, 0);
    m_backupLabel->hide();
    layout->addWidget(m_backupLabel);

    auto *reviewRow = new QHBoxLayout;
    m_reviewedCheck = new QCheckBox(QStringLiteral("I reviewed the SQL"), group);
    auto *scriptLink = new QLabel(tr("<a href='#script'>Show the full script (%n statement(s))</a>",
                                                 nullptr, int(m_plan.statements.size())),
                                  group);
    scriptLink->setObjectName(QStringLiteral("scriptLink"));
    connect(scriptLink, &QLabel::linkActivated, this, &ConfirmDialog::showScript);
    reviewRow->addWidget(m_reviewedCheck);
    reviewRow->addStretch(1);
    reviewRow->addWidget(scriptLink);
    layout->addLayout(reviewRow);

    m_trafficCheck = new QCheckBox(QStringLiteral("Application traffic is stopped"), group);
    layout->addWidget(m_trafficCheck);

    if (const int errors = m_plan.risk.countAtLeast(risk::Severity::Error); errors > 0) {
        QStringList rules;
        for (const risk::StatementReport &s : m_plan.risk.statements)
            for (const risk::Finding &f : s.risk.findings)
                if (f.severity == risk::Severity::Error && f.allowedBecause.isEmpty() && !rules.contains(f.rule))
                    rules << f.rule;
        m_riskCheck = new QCheckBox(
            (errors == 1 ? tr("I accept the lock model's error finding (%1)")
                         : tr("I accept the lock model's %1 error findings (%2)").arg(errors))
                .arg(rules.join(QStringLiteral(", "))),
            group);
        m_riskCheck->setObjectName(QStringLiteral("riskCheck"));
        m_riskCheck->setToolTip(findingsText());
        layout->addWidget(m_riskCheck);
        connect(m_riskCheck, &QCheckBox::toggled, this, &ConfirmDialog::updateRunButton);
    }

    if (m_plan.operation.recreate || m_plan.operation.kind == Operation::Kind::Restore) {
        m_disconnectCheck = new QCheckBox(
            QStringLiteral("End other sessions of %1 (else it is refused, naming them)").arg(targetDatabase()), group);
        m_disconnectCheck->setObjectName(QStringLiteral("disconnectOthers"));
        layout->addWidget(m_disconnectCheck);
    }
    if (m_needsForce) {
        m_forceCheck = new QCheckBox(
            QStringLiteral("%1 is not proven to be this machine: reset it anyway").arg(hostText(m_plan)), group);
        layout->addWidget(m_forceCheck);
        connect(m_forceCheck, &QCheckBox::toggled, this, &ConfirmDialog::updateRunButton);
    }
    if (m_needsTypedName) {
        auto *row = new QHBoxLayout;
        const QString why = m_plan.operation.production
                                ? QStringLiteral("This database is marked production.")
                                : QStringLiteral("%1 is not proven to be this machine.").arg(hostText(m_plan));
        row->addWidget(new QLabel(why + QStringLiteral(" Type the database name to confirm:"), group));
        m_typedName = new QLineEdit(group);
        m_typedName->setPlaceholderText(targetDatabase());
        row->addWidget(m_typedName);
        layout->addLayout(row);
        connect(m_typedName, &QLineEdit::textChanged, this, &ConfirmDialog::updateRunButton);
    }

    for (QCheckBox *c : {m_backupCheck, m_reviewedCheck, m_trafficCheck})
        connect(c, &QCheckBox::toggled, this, &ConfirmDialog::updateRunButton);
    connect(m_backupButton, &QPushButton::clicked, this, &ConfirmDialog::chooseBackupFile);
    return group;
}

bool ConfirmDialog::isComplete() const
{
    if (m_plan.preview.steps.isEmpty() && !(m_plan.operation.kind == Operation::Kind::Stamp && m_plan.operation.purge)
        && m_plan.operation.kind != Operation::Kind::Restore)
        return false;  // nothing would run
    if (planRaise(m_plan.preview.steps))
        return false;  // a step raises on purpose: refused, whatever is ticked
    if (!m_backupCheck->isChecked() || !m_reviewedCheck->isChecked() || !m_trafficCheck->isChecked())
        return false;
    if (m_riskCheck && !m_riskCheck->isChecked())
        return false;
    if (isBackingUp())
        return false;
    if (m_needsTypedName && m_typedName->text() != targetDatabase())
        return false;
    if (m_needsForce && !m_forceCheck->isChecked())
        return false;
    return true;
}

QString ConfirmDialog::riskText() const
{
    using namespace risk;
    const PlanRisk &r = m_plan.risk;
    QStringList lines;
    const int errors = r.countAtLeast(Severity::Error);
    const int warnings = r.countAtLeast(Severity::Warning) - errors;
    const int allowed = r.countAtLeast(Severity::Info, true) - r.countAtLeast(Severity::Info);
    lines << QStringLiteral("<b>Lock model:</b> %1 error%2, %3 warning%4%5")
                 .arg(errors)
                 .arg(errors == 1 ? QString() : QStringLiteral("s"))
                 .arg(warnings)
                 .arg(warnings == 1 ? QString() : QStringLiteral("s"))
                 .arg(allowed ? QStringLiteral(", %1 allowed by the revision files").arg(allowed) : QString());
    for (const LockSpan &span : r.strongestSpans())
        if (blocksWrites(span.mode))
            lines << QStringLiteral("&nbsp;&nbsp;%1").arg(r.describe(span).toHtmlEscaped());
    for (const LiveBlocker &b : m_plan.live.blockers)
        lines << QStringLiteral("&nbsp;&nbsp;<span style='color:#c62828'>now: %1</span>").arg(b.describe().toHtmlEscaped());
    if (!m_plan.liveProblem.isEmpty())
        lines << QStringLiteral("&nbsp;&nbsp;(who is in the way now could not be read: %1)").arg(m_plan.liveProblem.toHtmlEscaped());
    for (const Error &e : r.allowProblems)
        lines << QStringLiteral("&nbsp;&nbsp;<span style='color:#c62828'>not honoured: %1</span>").arg(e.headline().toHtmlEscaped());
    return lines.join(QStringLiteral("<br>"));
}

QString ConfirmDialog::findingsText() const
{
    QStringList lines;
    for (const risk::StatementReport &s : m_plan.risk.statements)
        for (const risk::Finding &f : s.risk.findings)
            lines << QStringLiteral("%1 %2 #%3 [%4] %5%6")
                         .arg(risk::severityName(f.severity), s.revision.isEmpty() ? QStringLiteral("(run)") : s.revision)
                         .arg(s.number)
                         .arg(f.rule, f.message,
                              f.allowedBecause.isEmpty() ? QString() : QStringLiteral(" (allowed: %1)").arg(f.allowedBecause));
    return lines.join(QLatin1Char('\n'));
}

bool ConfirmDialog::disconnectOthers() const
{
    return m_disconnectCheck && m_disconnectCheck->isChecked();
}

bool ConfirmDialog::forceReset() const
{
    return m_forceCheck && m_forceCheck->isChecked();
}

QString ConfirmDialog::forcedDatabase() const
{
    return forceReset() && m_typedName ? m_typedName->text() : QString();
}

QString ConfirmDialog::targetDatabase() const
{
    return m_plan.preview.database.isEmpty() ? m_plan.connection.database : m_plan.preview.database;
}

bool ConfirmDialog::isBackingUp() const
{
    return m_backupJob && m_backupJob->isRunning();
}

void ConfirmDialog::updateRunButton()
{
    m_runButton->setEnabled(isComplete());
}

void ConfirmDialog::chooseBackupFile()
{
    const QString name = QStringLiteral("%1-%2.dump")
                             .arg(m_plan.connection.database,
                                  QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString file = QFileDialog::getSaveFileName(this, QStringLiteral("Back up %1").arg(m_plan.connection.database),
                                                      QDir::home().filePath(name),
                                                      QStringLiteral("pg_dump custom format (*.dump);;All files (*)"));
    if (!file.isEmpty())
        startBackup(file);
}

void ConfirmDialog::startBackup(const QString &file)
{
    if (isBackingUp())
        return;
    if (!m_backupJob) {
        m_backupJob = new BackupJob(this);
        connect(m_backupJob, &BackupJob::progress, this, &ConfirmDialog::onBackupProgress);
        connect(m_backupJob, &BackupJob::finished, this, &ConfirmDialog::onBackupFinished);
    }
    BackupRequest request;
    request.connection = m_plan.connection;
    request.outputFile = file;
    m_backupDone = false;
    m_backupJob->start(request);
    m_backupButton->setEnabled(false);
    m_backupProgress->show();
    m_backupLabel->setText(QStringLiteral("Backing up %1 to %2…").arg(m_plan.connection.database, file));
    m_backupLabel->show();
    updateRunButton();
}

void ConfirmDialog::onBackupProgress(qint64 bytes)
{
    if (bytes > 0)
        m_backupLabel->setText(QStringLiteral("Backing up %1: %2 written…")
                                   .arg(m_plan.connection.database, formatBytes(bytes)));
}

void ConfirmDialog::onBackupFinished(bool ok, const BackupResult &result, const Error &error)
{
    m_backupProgress->hide();
    m_backupButton->setEnabled(true);
    if (ok) {
        m_backup = result;
        m_backupDone = true;
        m_backupLabel->setText(QStringLiteral("Backup: %1 (%2, pg_dump %3)")
                                   .arg(result.file, formatBytes(result.size), result.pgDumpVersion));
        m_backupLabel->setStyleSheet(QString());
        m_backupCheck->setChecked(true);
    } else {
        m_backupLabel->setText(QStringLiteral("Backup failed: %1").arg(error.toString()));
        m_backupLabel->setStyleSheet(QStringLiteral("color: #c62828"));
    }
    updateRunButton();
    emit backupFinished(ok);
}

void ConfirmDialog::showScript()
{
    auto *viewer = new QDialog(this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->setWindowTitle(QStringLiteral("Script — %1").arg(m_plan.title));
    auto *layout = new QVBoxLayout(viewer);
    auto *editor = new ApplyScriptEditor(viewer);
    editor->setObjectName(QStringLiteral("scriptViewer"));
    editor->setContent(m_plan.script);
    layout->addWidget(editor);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, viewer);
    connect(close, &QDialogButtonBox::rejected, viewer, &QDialog::reject);
    layout->addWidget(close);
    viewer->resize(820, 600);
    viewer->show();
}

void ConfirmDialog::reject()
{
    if (m_backupJob)
        m_backupJob->cancel();
    QDialog::reject();
}

} // namespace retort::gui
