#pragma once

// What tst_apply and tst_runview share: the fixture projects, the apply
// controller held as the window holds it (Harness), and the steps of the
// guarded flow driven as a user would (plan, tick the checklist, run).

#include "applycontroller.h"
#include "applyplan.h"
#include "databaseworker.h"
#include "db/savedconnections.h"

#include <QProcessEnvironment>
#include <QString>
#include <QVector>
#include <QWidget>

#include <memory>
#include <optional>

namespace retort::gui {
class ConfirmDialog;
}

namespace retort::testui {

constexpr int kWait = 60000;

// tests/ui/fixtures/<name>/alembic.ini, migrations/analytics/alembic.ini.
QString fixtureIni(const QString &name);
QString analyticsIni();

// The window's settings (saved connections) in a test-only file, empty; no DATABASE_URL.
void useEmptyTestSettings(const QString &applicationName);

QProcessEnvironment envFor(const QString &url);
ConnectionSettings settingsFor(const QString &url);

// Saved connections for a project, filed as the window files them: under the
// key of the project's alembic.ini and script directory.
QString projectKeyOf(const QString &iniPath);
void saveConnectionsFor(const QString &iniPath, const QVector<SavedConnection> &connections);

// The controller as the window would hold it: a project, a database, a
// selected revision, and a refresh hook that counts its calls.
struct Harness {
    QWidget window;
    gui::LoadedProjectPtr project;
    QString url;
    QString selected;
    int refreshes = 0;
    bool journalInDatabase = false;  // the saved connection's "record in the database's journal"
    EnvironmentKind kind = EnvironmentKind::Development;  // the saved connection's kind
    std::optional<gui::DatabaseRead> read;  // as the window reads it; none: unknown
    std::unique_ptr<gui::ApplyController> controller;

    bool load(const QString &ini, QString &error);
    // Reads the database's state, as the window does after every change.
    void readDatabase();
};

template<typename T>
T *visibleChild(QWidget &parent)
{
    for (T *child : parent.findChildren<T *>()) {
        if (child->isVisible())
            return child;
    }
    return nullptr;
}

void tickAll(gui::ConfirmDialog *dialog);
// Plans `op` through the controller and returns the confirmation dialog; null on failure.
gui::ConfirmDialog *confirmFor(Harness &h, const Operation &op);
// Loads `ini` into `h` and plans `upgrade head` on `url`; null (with a warning) on failure.
gui::ConfirmDialog *confirmUpgradeToHead(Harness &h, const QString &ini, const QString &url);
// Ticks the checklist, presses Run, waits for the report.
const RunReport *runConfirmed(Harness &h, gui::ConfirmDialog *dialog);

} // namespace retort::testui
