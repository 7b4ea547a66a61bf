#pragma once

#include "loadedproject.h"
#include "sqlworker.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace retort::gui {

class CodeEditor;
class SqlPane;

// What one revision is: its metadata, with links to its relatives, and in
// tabs its upgrade and downgrade SQL (rendered off the GUI thread, destructive
// statements marked), its Python source, and the script the connected
// database would run to reach it.
class DetailPane : public QWidget {
    Q_OBJECT
public:
    explicit DetailPane(QWidget *parent = nullptr);

    void setProject(LoadedProjectPtr project);
    // Shows a revision (a graph index); -1 shows the empty state.
    void showRevision(int node);
    int shownNode() const { return m_node; }
    // The source file text arrives asynchronously (read off the GUI thread);
    // answers for a file no longer shown are ignored.
    void setSource(const QString &filePath, const QString &text, const QString &error);
    // The SQL of the shown revision; answers for another revision are ignored.
    void setSql(const RevisionSql &sql);
    // The range preview: what the database would run to reach the shown revision.
    void setPreview(const SqlScript &script, const QString &title);
    void setPreviewPending(const QString &message);

    enum Tab { UpgradeTab, DowngradeTab, PythonTab, PreviewTab };

    CodeEditor *sourceEditor() const { return m_source; }
    SqlPane *upgradePane() const { return m_upgrade; }
    SqlPane *downgradePane() const { return m_downgrade; }
    SqlPane *previewPane() const { return m_preview; }
    QTabWidget *tabs() const { return m_tabs; }
    QSplitter *splitter() const { return m_splitter; }
    // The path the pane wants the source of, empty when none.
    QString sourcePath() const { return m_sourcePath; }

signals:
    void revisionActivated(const QString &id);
    void sourceWanted(const QString &filePath);
    void sqlWanted(int node);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    QLabel *addField(QFormLayout *form, const QString &title, const QString &objectName);
    QString links(const QVector<int> &nodes) const;
    // Where "Save as .sql" proposes to write `name`.
    QString savePath(const QString &name) const;
    void updateTabTitle(int tab, const QString &title, int destructive);

    LoadedProjectPtr m_project;
    int m_node = -1;
    QString m_sourcePath;

    QStackedWidget *m_stack = nullptr;
    QSplitter *m_splitter = nullptr;
    QList<QLabel *> m_dimmed;  // captions and the kind line, in the palette's secondary colour
    QLabel *m_id = nullptr;
    QLabel *m_kind = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_parents = nullptr;
    QLabel *m_children = nullptr;
    QLabel *m_dependsOn = nullptr;
    QLabel *m_neededBy = nullptr;
    QLabel *m_labels = nullptr;
    QLabel *m_file = nullptr;
    QLabel *m_created = nullptr;
    QTabWidget *m_tabs = nullptr;
    CodeEditor *m_source = nullptr;
    SqlPane *m_upgrade = nullptr;
    SqlPane *m_downgrade = nullptr;
    SqlPane *m_preview = nullptr;
};

} // namespace retort::gui
