#pragma once

#include "db/environmentkind.h"
#include "graph/dbstate.h"
#include "historysearch.h"
#include "loadedproject.h"

#include <QAbstractListModel>
#include <QColor>
#include <QHash>
#include <QSet>
#include <QMetaType>

#include <vector>

namespace retort::gui {

// A row's stored edges, handed to the delegate without copying.
struct EdgeSpan {
    const GraphEdge *begin = nullptr;
    const GraphEdge *end = nullptr;
};

// Where one database stands: a "current" pill on its revisions.
struct DbMarker {
    QString name;
    QColor color;
    EnvironmentKind kind = EnvironmentKind::Development;  // its border's colour
    bool drift = false;  // its last drift comparison found differences
};
using DbMarkers = QVector<DbMarker>;

// One database's state as the model shows it.
struct DatabaseOnGraph {
    QString name;
    QColor color;
    DatabaseGraphState state;
    QHash<QString, QString> edited;  // DatabaseRead::edited
    EnvironmentKind kind = EnvironmentKind::Development;
};

// The history graph as a flat list: one row per revision, newest first, in
// alembic's history order. Lanes come precomputed with the project; data()
// only looks them up.
class HistoryModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        RevisionIdRole = Qt::UserRole + 1,  // QString
        NodeRole,          // int: RevisionGraph index
        MessageRole,       // QString: first paragraph of the docstring
        LabelsRole,        // QStringList: branch labels declared by this revision
        FlagsRole,         // int: Flags
        CreateDateRole,    // QString: the "Create Date" of the docstring
        LaneRole,          // int: the node's lane
        RowLanesRole,      // int: lanes this row draws
        GraphLanesRole,    // int: width of the graph column, in lanes (same for all rows when narrow)
        EdgesRole,         // EdgeSpan
        SearchMatchRole,   // bool: matches the search text (true while none is set)
        DbStateRole,       // int: RevisionDbState in the active database; Unknown when not read
        DbMarkersRole,     // DbMarkers: databases whose current revision this is (invalid when none)
        NeedsPythonRole,   // bool: its upgrade() cannot be rendered natively
        EditedRole,        // QString: why its file changed since it was applied in the active database; empty: it did not
        IrreversibleRole,  // QString: its downgrade() raises on purpose (StepRaise::note); empty: not known to
    };
    enum Flag {
        Head = 1 << 0,          // no child through down_revision
        EffectiveHead = 1 << 1, // head only through down_revision (a depends_on target)
        MergePoint = 1 << 2,
        BranchPoint = 1 << 3,
        Base = 1 << 4,
        DependsOn = 1 << 5,     // declares depends_on
    };

    explicit HistoryModel(QObject *parent = nullptr);

    void setProject(LoadedProjectPtr project);
    const LoadedProjectPtr &project() const { return m_project; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The databases to show: the first is the active one (node states), all
    // get markers. Precomputed here so data() only looks them up.
    void setDatabases(const QVector<DatabaseOnGraph> &databases);
    const QVector<DatabaseOnGraph> &databases() const { return m_databases; }
    // The databases whose last drift comparison found differences: their
    // markers carry a drift badge.
    void setDrifted(const QSet<QString> &names);
    const QSet<QString> &drifted() const { return m_drifted; }
    // From the background scan: graph indices whose upgrade needs Python.
    void setNeedsPython(const QVector<int> &nodes);
    int needsPythonCount() const { return m_needsPythonCount; }
    // From the same scan: the search index with what each revision's
    // upgrade names, searched too.
    void setSearchIndex(const SearchIndexPtr &index);
    // From the same scan: per graph index, why its downgrade cannot run.
    void setIrreversible(const QStringList &byNode);

    int nodeAt(int row) const;
    int rowOfNode(int node) const;
    // A full revision id, or a unique id prefix; -1 when none.
    int rowOfRevision(const QString &idOrPrefix) const;

    // Search by id prefix, message, branch label or a table, column
    // ("users.email") or index the upgrade names (case-insensitive). Rows
    // that do not match report SearchMatchRole false.
    void setSearchText(const QString &text);
    QString searchText() const { return m_search.text(); }
    int matchCount() const { return m_search.matchCount(); }
    bool rowMatches(int row) const { return m_search.rowMatches(row); }
    // The next matching row after `from` (wrapping), or before it when
    // !forward; `from` itself when it is the only match; -1 without any.
    int findMatch(int from, bool forward) const { return m_search.findMatch(from, forward); }
    // The strings the last search compared (HistorySearch::lastWork).
    qint64 searchWork() const { return m_search.lastWork(); }

signals:
    // The rows matching the search changed: its text, the project or the
    // names the scan found.
    void matchesChanged();

private:
    void searchChanged();

    LoadedProjectPtr m_project;
    HistorySearch m_search;
    int m_graphLanes = 1;
    QVector<DatabaseOnGraph> m_databases;
    QHash<int, DbMarkers> m_markers;     // by graph index
    QSet<QString> m_drifted;
    std::vector<bool> m_needsPython;     // by graph index; empty until scanned
    int m_needsPythonCount = 0;
    QStringList m_irreversible;          // by graph index; empty until scanned
};

} // namespace retort::gui

Q_DECLARE_METATYPE(retort::gui::EdgeSpan)
Q_DECLARE_METATYPE(retort::gui::DbMarkers)
