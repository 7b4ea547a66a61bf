#include "historymodel.h"

#include "shortlist.h"

namespace retort::gui {

namespace {

// Up to this many lanes every row aligns its text after the widest graph;
// beyond it each row's text follows its own lanes, to keep messages readable.
constexpr int kAlignedLanes = 8;

QString shortDate(const QString &createDate)
{
    // "2025-10-09 17:30:05.902246" -> "2025-10-09 17:30"
    const QString trimmed = createDate.trimmed();
    return trimmed.size() >= 16 && trimmed.at(10) == QLatin1Char(' ') ? trimmed.left(16) : trimmed;
}

} // namespace

HistoryModel::HistoryModel(QObject *parent) : QAbstractListModel(parent)
{
    qRegisterMetaType<retort::gui::EdgeSpan>();
    qRegisterMetaType<retort::gui::DbMarkers>();
}

void HistoryModel::setDatabases(const QVector<DatabaseOnGraph> &databases)
{
    m_databases = databases;
    m_markers.clear();
    for (const DatabaseOnGraph &db : databases) {
        for (int node : db.state.current)
            m_markers[node].append(DbMarker{db.name, db.color, db.kind, m_drifted.contains(db.name)});
    }
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {DbStateRole, DbMarkersRole, EditedRole, Qt::ToolTipRole});
}

void HistoryModel::setDrifted(const QSet<QString> &names)
{
    if (names == m_drifted)
        return;
    m_drifted = names;
    setDatabases(QVector<DatabaseOnGraph>(m_databases));
}

void HistoryModel::setNeedsPython(const QVector<int> &nodes)
{
    m_needsPython.assign(m_project ? size_t(m_project->graph.size()) : 0, false);
    m_needsPythonCount = 0;
    for (int n : nodes) {
        if (n >= 0 && size_t(n) < m_needsPython.size() && !m_needsPython[size_t(n)]) {
            m_needsPython[size_t(n)] = true;
            ++m_needsPythonCount;
        }
    }
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {NeedsPythonRole});
}

void HistoryModel::setSearchIndex(const SearchIndexPtr &index)
{
    m_search.setIndex(index);
    if (!m_search.text().isEmpty())
        searchChanged();
}

void HistoryModel::setIrreversible(const QStringList &byNode)
{
    m_irreversible = m_project && byNode.size() == m_project->graph.size() ? byNode : QStringList();
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {IrreversibleRole, Qt::ToolTipRole});
}

void HistoryModel::setProject(LoadedProjectPtr project)
{
    beginResetModel();
    m_project = std::move(project);
    m_graphLanes = m_project ? std::max(1, m_project->layout.maxWidth()) : 1;
    m_databases.clear();
    m_markers.clear();
    m_needsPython.clear();
    m_irreversible.clear();
    m_needsPythonCount = 0;
    m_search.setProject(m_project);  // the text stays, matched against the new rows
    endResetModel();
    if (!m_search.text().isEmpty())
        emit matchesChanged();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_project ? 0 : int(m_project->rows.size());
}

int HistoryModel::nodeAt(int row) const
{
    return m_project && row >= 0 && row < m_project->rows.size() ? m_project->rows[row] : -1;
}

int HistoryModel::rowOfNode(int node) const
{
    return m_project ? m_project->layout.rowOf(node) : -1;
}

int HistoryModel::rowOfRevision(const QString &idOrPrefix) const
{
    if (!m_project || idOrPrefix.isEmpty())
        return -1;
    const int exact = m_project->graph.lookup(idOrPrefix);
    if (exact >= 0)
        return rowOfNode(exact);
    int found = -1;
    for (int i = 0; i < m_project->graph.size(); ++i) {
        if (m_project->graph.node(i).id.startsWith(idOrPrefix, Qt::CaseInsensitive)) {
            if (found >= 0)
                return -1;  // ambiguous
            found = i;
        }
    }
    return rowOfNode(found);
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    const int node = nodeAt(index.row());
    if (node < 0 || index.column() != 0)
        return {};
    const LoadedProject &p = *m_project;
    const RevisionNode &n = p.graph.node(node);
    switch (role) {
    case Qt::DisplayRole:
    case MessageRole:
        return p.messages.value(node);
    case RevisionIdRole:
        return n.id;
    case NodeRole:
        return node;
    case LabelsRole:
        return n.declaredLabels;
    case FlagsRole: {
        int flags = 0;
        if (n.isHead())
            flags |= Head;
        if (n.isHead() && !n.isRealHead())
            flags |= EffectiveHead;
        if (n.isMergePoint())
            flags |= MergePoint;
        if (n.isBranchPoint())
            flags |= BranchPoint;
        if (n.isBase())
            flags |= Base;
        if (!n.dependencies.isEmpty())
            flags |= DependsOn;
        return flags;
    }
    case CreateDateRole:
        return shortDate(p.script(node).createDate);
    case LaneRole:
        return p.layout.row(index.row()).lane;
    case RowLanesRole:
        return p.layout.row(index.row()).width;
    case GraphLanesRole:
        return m_graphLanes <= kAlignedLanes ? m_graphLanes : p.layout.row(index.row()).width;
    case EdgesRole:
        return QVariant::fromValue(EdgeSpan{p.layout.edgesBegin(index.row()), p.layout.edgesEnd(index.row())});
    case SearchMatchRole:
        return rowMatches(index.row());
    case DbStateRole:
        // The active database's state; Unknown (drawn as such) unless it was read for this graph.
        if (m_databases.isEmpty() || m_databases.front().state.perNode.size() != size_t(p.graph.size()))
            return int(RevisionDbState::Unknown);
        return int(m_databases.front().state.state(node));
    case DbMarkersRole: {
        const auto it = m_markers.constFind(node);
        return it == m_markers.cend() ? QVariant() : QVariant::fromValue(it.value());
    }
    case NeedsPythonRole:
        return size_t(node) < m_needsPython.size() && m_needsPython[size_t(node)];
    case IrreversibleRole:
        return m_irreversible.value(node);
    case EditedRole:
        return m_databases.isEmpty() ? QString() : m_databases.front().edited.value(n.id);
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("<b>%1</b>").arg(n.id.toHtmlEscaped());
        if (!n.branchLabels.isEmpty()) {
            QStringList labels;
            for (const QString &label : n.branchLabels) {
                if (labels.size() == kListed)
                    break;
                labels << label;
            }
            tip += QStringLiteral(" (%1)").arg(listed(labels, n.branchLabels.size(), QStringLiteral(", ")).toHtmlEscaped());
        }
        tip += QStringLiteral("<br>%1").arg(p.messages.value(node).toHtmlEscaped());
        tip += QStringLiteral("<br><i>%1</i>").arg(p.script(node).path.toHtmlEscaped());
        for (const DatabaseOnGraph &db : m_databases) {
            if (db.state.perNode.size() != size_t(p.graph.size()))
                continue;
            static const char *const names[] = {"pending", "applied", "current", "unknown"};
            tip += QStringLiteral("<br>%1: %2").arg(db.name.toHtmlEscaped(),
                                                   tr(names[int(db.state.state(node))]));
            if (m_drifted.contains(db.name) && db.state.current.contains(node))
                tip += tr(" (drift: its schema is not the one its version rows give; Database ▸ Compare With "
                          "Files)");
            if (const auto edited = db.edited.constFind(n.id); edited != db.edited.cend())
                tip += QStringLiteral(" — <b>%1</b>").arg(edited.value().toHtmlEscaped());
        }
        if (size_t(node) < m_needsPython.size() && m_needsPython[size_t(node)])
            tip += QStringLiteral("<br>") + tr("Its upgrade needs Python to render (alembic)");
        if (const QString irreversible = m_irreversible.value(node); !irreversible.isEmpty())
            tip += QStringLiteral("<br>") + tr("Its downgrade cannot run: %1").arg(irreversible.toHtmlEscaped());
        return tip;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(RevisionIdRole, "revisionId");
    names.insert(MessageRole, "message");
    names.insert(LabelsRole, "labels");
    names.insert(FlagsRole, "flags");
    names.insert(CreateDateRole, "createDate");
    names.insert(LaneRole, "lane");
    return names;
}

void HistoryModel::setSearchText(const QString &text)
{
    const QString needle = text.trimmed();
    if (needle == m_search.text())
        return;
    m_search.setText(needle);
    searchChanged();
}

void HistoryModel::searchChanged()
{
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {SearchMatchRole});
    emit matchesChanged();
}

} // namespace retort::gui
