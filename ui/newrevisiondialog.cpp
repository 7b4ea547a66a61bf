#include "newrevisiondialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace retort::gui {

namespace {

std::optional<QString> textOrNone(const QLineEdit *edit)
{
    const QString t = edit->text().trimmed();
    return t.isEmpty() ? std::nullopt : std::optional<QString>(t);
}

} // namespace

NewRevisionDialog::NewRevisionDialog(const LoadedProjectPtr &project, bool merge, const QString &selected,
                                     QWidget *parent)
    : QDialog(parent), m_merge(merge)
{
    setWindowTitle(merge ? tr("Merge Heads") : tr("New Revision"));
    auto *form = new QFormLayout;
    m_message = new QLineEdit(this);
    m_message->setPlaceholderText(tr("empty message"));
    form->addRow(tr("&Message:"), m_message);

    const RevisionGraph &graph = project->graph;
    if (merge) {
        m_heads = new QListWidget(this);
        for (int h : graph.heads()) {
            auto *item = new QListWidgetItem(graph.node(h).id + QStringLiteral("  ") + project->messages.value(h),
                                             m_heads);
            item->setData(Qt::UserRole, graph.node(h).id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
        form->addRow(tr("&Heads to merge:"), m_heads);
        connect(m_heads, &QListWidget::itemChanged, this, &NewRevisionDialog::updateOk);
    } else {
        m_head = new QComboBox(this);
        m_head->setEditable(true);
        for (int h : graph.heads())
            m_head->addItem(graph.node(h).id);
        m_head->addItem(QStringLiteral("base"));
        const int selectedIndex = graph.indexOf(selected);
        if (selectedIndex >= 0)
            m_head->setCurrentText(selected);
        else if (graph.heads().size() != 1)
            m_head->setCurrentText(QString());
        m_head->setToolTip(tr("The parent: a head, label@head, base, or any revision with Splice"));
        form->addRow(tr("&Parent:"), m_head);
        m_splice = new QCheckBox(tr("&Splice: allow a parent that is not a head (starts a new branch)"), this);
        m_splice->setChecked(selectedIndex >= 0 && !graph.node(selectedIndex).isHead());
        form->addRow(QString(), m_splice);
        m_dependsOn = new QLineEdit(this);
        m_dependsOn->setPlaceholderText(tr("revision ids or branch labels, separated by spaces"));
        form->addRow(tr("&Depends on:"), m_dependsOn);
        m_versionPath = new QComboBox(this);
        m_versionPath->addItem(tr("(as alembic chooses)"), QString());
        for (const QString &location : project->config.versionLocations)
            m_versionPath->addItem(QDir::toNativeSeparators(location), location);
        m_versionPath->setEnabled(project->config.versionLocations.size() > 1);
        form->addRow(tr("&Version location:"), m_versionPath);
        connect(m_head, &QComboBox::currentTextChanged, this, &NewRevisionDialog::updateOk);
    }
    m_label = new QLineEdit(this);
    form->addRow(tr("&Branch label:"), m_label);
    m_revId = new QLineEdit(this);
    m_revId->setPlaceholderText(tr("a new random id"));
    form->addRow(tr("Revision &id:"), m_revId);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(merge ? tr("&Merge") : tr("&Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    auto *note = new QLabel(tr("The file is written from the project's script.py.mako, as alembic %1 writes it.")
                                .arg(merge ? QStringLiteral("merge") : QStringLiteral("revision")),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(buttons);
    updateOk();
}

void NewRevisionDialog::updateOk()
{
    if (m_merge) {
        int checked = 0;
        for (int i = 0; i < m_heads->count(); ++i)
            checked += m_heads->item(i)->checkState() == Qt::Checked ? 1 : 0;
        m_ok->setEnabled(checked > 0);
    } else {
        m_ok->setEnabled(true);  // an empty parent is alembic's "head"
    }
}

RevisionRequest NewRevisionDialog::request() const
{
    RevisionRequest r;
    r.merge = m_merge;
    r.message = textOrNone(m_message);
    r.branchLabel = textOrNone(m_label);
    r.revId = m_revId->text().trimmed();
    if (m_merge) {
        for (int i = 0; i < m_heads->count(); ++i)
            if (m_heads->item(i)->checkState() == Qt::Checked)
                r.heads << m_heads->item(i)->data(Qt::UserRole).toString();
        return r;
    }
    const QString head = m_head->currentText().trimmed();
    if (!head.isEmpty())
        r.heads << head;
    r.splice = m_splice->isChecked();
    r.dependsOn = m_dependsOn->text().split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
    const QString path = m_versionPath->currentData().toString();
    if (!path.isEmpty())
        r.versionPath = path;
    return r;
}

} // namespace retort::gui
