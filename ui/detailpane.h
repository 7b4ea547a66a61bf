#pragma once

#include "loadedproject.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace retort::gui {

class CodeEditor;

// What one revision is: its metadata, with links to its relatives, and its
// files in tabs (the Python source for now) in a read-only editor.
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

    CodeEditor *sourceEditor() const { return m_source; }
    QTabWidget *tabs() const { return m_tabs; }
    QSplitter *splitter() const { return m_splitter; }
    // The path the pane wants the source of, empty when none.
    QString sourcePath() const { return m_sourcePath; }

signals:
    void revisionActivated(const QString &id);
    void sourceWanted(const QString &filePath);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    QLabel *addField(QFormLayout *form, const QString &title, const QString &objectName);
    QString links(const QVector<int> &nodes) const;

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
};

} // namespace retort::gui
