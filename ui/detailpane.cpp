#include "detailpane.h"

#include "codeeditor.h"
#include "graphstyle.h"
#include "pythonlexer.h"
#include "shortlist.h"
#include "sqlpane.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace retort::gui {

namespace {

QLabel *valueLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    return label;
}

QString none()
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>")
        .arg(graphstyle::dimText(QPalette()).name(), DetailPane::tr("none"));
}

// A revision on a long straight history carries every label declared along
// it (2,041 at the head of a 100,000-revision project), and a base can have
// thousands of children: laying such a list out takes the GUI thread a
// tenth of a second each time the revision is shown, and nobody reads it.
} // namespace

DetailPane::DetailPane(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("detailPane"));
    m_stack = new QStackedWidget(this);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    auto *empty = new QLabel(tr("Select a revision to see its details."));
    empty->setAlignment(Qt::AlignCenter);
    empty->setEnabled(false);
    m_stack->addWidget(empty);

    // Metadata above, files below, the split remembered by the window.
    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->setObjectName(QStringLiteral("detailSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_stack->addWidget(m_splitter);

    auto *meta = new QWidget;
    auto *metaLayout = new QVBoxLayout(meta);
    metaLayout->setContentsMargins(12, 10, 12, 8);
    metaLayout->setSpacing(4);
    m_id = new QLabel;
    m_id->setObjectName(QStringLiteral("revisionIdLabel"));
    m_id->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont idFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    idFont.setPointSizeF(font().pointSizeF() * 1.3);
    idFont.setBold(true);
    m_id->setFont(idFont);
    m_kind = new QLabel;
    m_kind->setObjectName(QStringLiteral("revisionKindLabel"));
    m_dimmed << m_kind;
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_id);
    titleRow->addSpacing(8);
    titleRow->addWidget(m_kind, 1);
    metaLayout->addLayout(titleRow);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont messageFont = font();
    messageFont.setPointSizeF(font().pointSizeF() * 1.1);
    m_message->setFont(messageFont);
    metaLayout->addWidget(m_message);
    metaLayout->addSpacing(6);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(5);
    m_parents = addField(form, tr("Parents"), QStringLiteral("parentsLabel"));
    m_children = addField(form, tr("Children"), QStringLiteral("childrenLabel"));
    m_dependsOn = addField(form, tr("Depends on"), QStringLiteral("dependsOnLabel"));
    m_neededBy = addField(form, tr("Needed by"), QStringLiteral("neededByLabel"));
    m_labels = addField(form, tr("Branch labels"), QStringLiteral("labelsLabel"));
    m_file = addField(form, tr("File"), QStringLiteral("filePathLabel"));
    m_created = addField(form, tr("Created"), QStringLiteral("createDateLabel"));
    metaLayout->addLayout(form);
    metaLayout->addStretch(1);

    auto *scroll = new QScrollArea;
    scroll->setWidget(meta);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_splitter->addWidget(scroll);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->setDocumentMode(true);
    m_upgrade = new SqlPane(QStringLiteral("upgradeSql"));
    m_downgrade = new SqlPane(QStringLiteral("downgradeSql"));
    m_source = new CodeEditor;
    m_source->setObjectName(QStringLiteral("pythonSourceEditor"));
    m_source->setLexer(new PythonLexer(m_source));
    m_source->setReadOnly(true);
    m_preview = new SqlPane(QStringLiteral("previewSql"));
    m_tabs->addTab(m_upgrade, tr("Upgrade SQL"));
    m_tabs->addTab(m_downgrade, tr("Downgrade SQL"));
    m_tabs->addTab(m_source, tr("Python"));
    m_tabs->addTab(m_preview, tr("From database"));
    m_tabs->setTabToolTip(UpgradeTab, tr("The SQL this revision's upgrade() runs, as alembic's --sql prints it"));
    m_tabs->setTabToolTip(DowngradeTab, tr("The SQL this revision's downgrade() runs"));
    m_tabs->setTabToolTip(PythonTab, tr("The revision file"));
    m_tabs->setTabToolTip(PreviewTab, tr("The whole script the connected database would run to reach this "
                                         "revision from where it stands"));
    connect(m_upgrade, &SqlPane::destructiveCountChanged, this,
            [this](int n) { updateTabTitle(UpgradeTab, tr("Upgrade SQL"), n); });
    connect(m_downgrade, &SqlPane::destructiveCountChanged, this,
            [this](int n) { updateTabTitle(DowngradeTab, tr("Downgrade SQL"), n); });
    connect(m_preview, &SqlPane::destructiveCountChanged, this,
            [this](int n) { updateTabTitle(PreviewTab, tr("From database"), n); });
    setPreviewPending(tr("Connect to a database (Database ▸ Connections…) to preview the script it would run."));
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    applyPalette();
}

void DetailPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void DetailPane::applyPalette()
{
    const QColor dim = graphstyle::dimText(palette());
    for (QLabel *label : std::as_const(m_dimmed)) {
        QPalette p = label->palette();
        if (p.color(QPalette::WindowText) == dim)
            continue;
        p.setColor(QPalette::WindowText, dim);
        label->setPalette(p);
    }
}

QLabel *DetailPane::addField(QFormLayout *form, const QString &title, const QString &objectName)
{
    QLabel *value = valueLabel(objectName);
    connect(value, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(QLatin1String("rev:")))
            emit revisionActivated(link.mid(4));
    });
    auto *caption = new QLabel(title);
    m_dimmed << caption;
    form->addRow(caption, value);
    return value;
}

void DetailPane::setProject(LoadedProjectPtr project)
{
    m_project = std::move(project);
    showRevision(-1);
}

QString DetailPane::links(const QVector<int> &nodes) const
{
    if (nodes.isEmpty())
        return none();
    QStringList out;
    for (int n : nodes.mid(0, kListed)) {
        const QString id = m_project->graph.node(n).id;
        QString message = m_project->messages.value(n);
        if (message.size() > 60)
            message = message.left(57) + QStringLiteral("…");
        out << QStringLiteral("<a href=\"rev:%1\"><code>%2</code></a> %3")
                   .arg(id.toHtmlEscaped(), id.toHtmlEscaped(), message.toHtmlEscaped());
    }
    return listed(out, nodes.size(), QStringLiteral("<br>"));
}

void DetailPane::showRevision(int node)
{
    if (!m_project || node < 0 || node >= m_project->graph.size()) {
        m_node = -1;
        m_sourcePath.clear();
        m_source->setContent(QString());
        m_upgrade->setPending(QString());
        m_downgrade->setPending(QString());
        m_stack->setCurrentIndex(0);
        return;
    }
    const bool changed = node != m_node;
    m_node = node;
    const RevisionNode &n = m_project->graph.node(node);
    const RevisionScript &s = m_project->script(node);

    m_id->setText(n.id);
    QStringList kind;
    if (n.isRealHead())
        kind << tr("head");
    else if (n.isHead())
        kind << tr("effective head");
    if (n.isMergePoint())
        kind << tr("merge point");
    if (n.isBranchPoint())
        kind << tr("branch point");
    if (n.isBase())
        kind << tr("base");
    if (s.headersFromPython)
        kind << tr("headers read by Python");
    m_kind->setText(kind.join(QStringLiteral(" · ")));
    m_kind->setToolTip(s.headersFromPython ? tr("Retort could not read this revision's headers without running "
                                                "Python; alembic read them (the bridge)")
                                           : QString());
    m_message->setText(m_project->messages.value(node));

    m_parents->setText(n.isBase() ? QStringLiteral("&lt;base&gt;") : links(n.versionedDown));
    m_children->setText(links(n.nextrev));
    m_dependsOn->setText(links(n.resolvedDeps));
    QVector<int> neededBy;
    for (int c : n.allNextrev) {
        if (!n.nextrev.contains(c))
            neededBy << c;
    }
    m_neededBy->setText(links(neededBy));
    QStringList labels;  // its own first, so they are never among those cut
    for (const QString &label : n.declaredLabels) {
        if (labels.size() < kListed && n.branchLabels.contains(label))
            labels << QStringLiteral("<b>%1</b> (declared here)").arg(label.toHtmlEscaped());
    }
    for (const QString &label : n.branchLabels) {
        if (labels.size() >= kListed)
            break;
        if (!n.declaredLabels.contains(label))
            labels << label.toHtmlEscaped();
    }
    m_labels->setText(labels.isEmpty() ? none() : listed(labels, n.branchLabels.size(), QStringLiteral(", ")));
    const QString projectDir = QFileInfo(m_project->iniPath).absolutePath();
    const QString relative = QDir(projectDir).relativeFilePath(s.path);
    m_file->setText(relative.toHtmlEscaped());
    m_file->setToolTip(s.path);
    m_created->setText(s.createDate.isEmpty() ? none() : s.createDate.toHtmlEscaped());
    m_stack->setCurrentIndex(1);

    if (changed) {
        m_upgrade->setPending(tr("Rendering…"));
        m_downgrade->setPending(tr("Rendering…"));
        emit sqlWanted(node);
    }
    if (m_sourcePath != s.path) {
        m_sourcePath = s.path;
        m_source->setContent(QString());
        emit sourceWanted(s.path);
    }
}

void DetailPane::setSource(const QString &filePath, const QString &text, const QString &error)
{
    if (filePath != m_sourcePath)
        return;
    m_source->setContent(error.isEmpty() ? text : tr("# Could not read %1: %2").arg(filePath, error));
}

QString DetailPane::savePath(const QString &name) const
{
    // A name any file system and shell take as it is (a title like
    // "local: upgrade to abc" has a colon and spaces), in the project's folder.
    QString safe;
    for (const QChar c : name)
        safe += c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('-') ? c : QLatin1Char('_');
    const QString folder = m_project ? QFileInfo(m_project->iniPath).absolutePath() : QDir::homePath();
    return QDir(folder).filePath(safe + QStringLiteral(".sql"));
}

void DetailPane::setSql(const RevisionSql &sql)
{
    if (!m_project || sql.node != m_node)
        return;
    const QString id = m_project->graph.node(sql.node).id;
    m_upgrade->setScript(sql.upgrade, savePath(QStringLiteral("%1_upgrade").arg(id)));
    m_downgrade->setScript(sql.downgrade, savePath(QStringLiteral("%1_downgrade").arg(id)));
}

void DetailPane::setPreview(const SqlScript &script, const QString &title)
{
    m_preview->setScript(script, savePath(title));
    if (!script.ok)
        return;
    m_preview->engineLabel()->setText(title + QStringLiteral(" · ") + m_preview->engineLabel()->text());
}

void DetailPane::setPreviewPending(const QString &message)
{
    m_preview->setPending(message);
}

void DetailPane::updateTabTitle(int tab, const QString &title, int destructive)
{
    m_tabs->setTabText(tab, destructive > 0 ? QStringLiteral("%1 (%2 ⚠)").arg(title).arg(destructive) : title);
}

} // namespace retort::gui
