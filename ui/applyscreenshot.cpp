#include "applyscreenshot.h"

#include "applycontroller.h"
#include "confirmdialog.h"
#include "mainwindow.h"
#include "screenshot.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace retort::gui {

namespace {
constexpr int kSettleMs = 300;    // layouts and the first paint
constexpr int kGiveUpMs = 120000;  // never hang a script
}

ApplyScreenshot::ApplyScreenshot(MainWindow *window, ApplyController *controller, QString file)
    : QObject(window), m_window(window), m_controller(controller), m_file(std::move(file))
{
    connect(window, &MainWindow::databaseStateChanged, this, &ApplyScreenshot::onDatabaseRead);
    connect(controller, &ApplyController::confirmationOpened, this, &ApplyScreenshot::onConfirmation);
    connect(controller, &ApplyController::planningFinished, this, [this](bool ok) {
        if (!ok) {
            std::fprintf(stderr, "retort: screenshot: planning failed: %s\n",
                         qPrintable(m_controller->planError().toString()));
            finish(1, nullptr);
        }
    });
    QTimer::singleShot(kGiveUpMs, this, [this] {
        std::fprintf(stderr, "retort: screenshot: gave up waiting for the confirmation\n");
        finish(2, m_window);
    });
}

ApplyScreenshot *ApplyScreenshot::fromEnvironment(MainWindow *window, ApplyController *controller)
{
    const QString file = qEnvironmentVariable("RETORT_SCREENSHOT_CONFIRM");
    if (file.isEmpty())
        return nullptr;
    return new ApplyScreenshot(window, controller, file);
}

void ApplyScreenshot::onDatabaseRead()
{
    if (m_started || m_window->page() != MainWindow::Page::History)
        return;
    const QString select = qEnvironmentVariable("RETORT_SCREENSHOT_SELECT");
    if (!select.isEmpty() && !m_window->selectRevision(select)) {
        std::fprintf(stderr, "retort: screenshot: no revision %s\n", qPrintable(select));
        finish(1, nullptr);
        return;
    }
    m_controller->updateActions();
    QAction *action = qEnvironmentVariable("RETORT_SCREENSHOT_CONFIRM_OP") == QLatin1String("downgrade")
                          ? m_controller->downgradeAction()
                          : m_controller->upgradeAction();
    if (!action->isEnabled())
        return;  // the database is not read yet; the next read tries again
    m_started = true;
    action->trigger();
}

void ApplyScreenshot::onConfirmation(ConfirmDialog *dialog)
{
    // A real pg_dump into a folder that goes away with the process.
    auto *dir = new QTemporaryDir;
    connect(dialog, &QObject::destroyed, this, [dir] { delete dir; });
    connect(dialog, &ConfirmDialog::backupFinished, this, [this, dialog](bool ok) {
        if (!ok)
            std::fprintf(stderr, "retort: screenshot: the backup failed\n");
        dialog->reviewedCheck()->setChecked(true);
        QTimer::singleShot(kSettleMs, this, [this, dialog, ok] { finish(ok ? 0 : 1, dialog); });
    });
    dialog->startBackup(dir->filePath(dialog->plan().connection.database + QStringLiteral("-before.dump")));
}

void ApplyScreenshot::finish(int exitCode, QWidget *what)
{
    if (m_done)
        return;
    m_done = true;
    if (what && !saveScreenshot(what, m_file))
        exitCode = 3;
    QCoreApplication::exit(exitCode);
}

} // namespace retort::gui
