#pragma once

#include "authoring/revisionwriter.h"
#include "loadedproject.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;

namespace retort::gui {

// Asks for what `alembic revision` (or `alembic merge`) takes: the message,
// the parent (a head, or the selected revision with --splice), a branch
// label, depends_on, an optional revision id and version location; for a
// merge, the heads to join. Writes nothing itself.
class NewRevisionDialog : public QDialog {
    Q_OBJECT
public:
    // selected: the revision selected in the graph, offered as the parent.
    NewRevisionDialog(const LoadedProjectPtr &project, bool merge, const QString &selected, QWidget *parent = nullptr);

    RevisionRequest request() const;

    QLineEdit *messageEdit() const { return m_message; }
    QComboBox *headCombo() const { return m_head; }
    QCheckBox *spliceCheck() const { return m_splice; }
    QListWidget *headList() const { return m_heads; }
    QLineEdit *branchLabelEdit() const { return m_label; }
    QLineEdit *dependsOnEdit() const { return m_dependsOn; }
    QLineEdit *revIdEdit() const { return m_revId; }
    QComboBox *versionPathCombo() const { return m_versionPath; }

private:
    void updateOk();

    bool m_merge = false;
    QLineEdit *m_message = nullptr;
    QComboBox *m_head = nullptr;
    QCheckBox *m_splice = nullptr;
    QListWidget *m_heads = nullptr;
    QLineEdit *m_label = nullptr;
    QLineEdit *m_dependsOn = nullptr;
    QLineEdit *m_revId = nullptr;
    QComboBox *m_versionPath = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace retort::gui
