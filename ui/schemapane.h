#pragma once

#include "loadedproject.h"

#include <QStringList>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace retort::gui {

class SchemaSession;

// The Schema tab: the schema at the selected revision, or with two rows
// selected what turns the older one's schema into the newer one's; replayed
// by its SchemaSession with progress and Cancel.
class SchemaPane : public QWidget {
    Q_OBJECT
public:
    explicit SchemaPane(QWidget *parent = nullptr);

    void setProject(LoadedProjectPtr project);
    // One revision id, or two: the older first. Replays what is not cached.
    void showRevisions(const QStringList &revisions);
    const QStringList &shownRevisions() const { return m_revisions; }

    SchemaSession *session() const { return m_session; }
    QString text() const;
    QLabel *statusLabel() const { return m_status; }
    QPushButton *cancelButton() const { return m_cancel; }

signals:
    // The text shows what was asked (a schema, a diff, an error or a cancel).
    void shown();

private:
    void render();
    QString describe(const QString &revision) const;

    LoadedProjectPtr m_project;
    SchemaSession *m_session = nullptr;
    QStringList m_revisions;
    QLabel *m_status = nullptr;
    QProgressBar *m_bar = nullptr;
    QPushButton *m_cancel = nullptr;
    QPlainTextEdit *m_text = nullptr;
};

} // namespace retort::gui
