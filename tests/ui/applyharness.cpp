#include "applyharness.h"

#include "confirmdialog.h"
#include "project/projectconfig.h"
#include "projectloader.h"
#include "runview.h"

#include <QCheckBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

namespace retort::testui {

using namespace retort::gui;

QString fixtureIni(const QString &name)
{
    return QStringLiteral(RETORT_SOURCE_DIR "/tests/ui/fixtures/%1/alembic.ini").arg(name);
}

QString analyticsIni()
{
    return QStringLiteral(RETORT_SOURCE_DIR "/migrations/analytics/alembic.ini");
}

void useEmptyTestSettings(const QString &applicationName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RetortTest"));
    QCoreApplication::setApplicationName(applicationName);
    qunsetenv("DATABASE_URL");
    QSettings().clear();
}

QProcessEnvironment envFor(const QString &url)
{
    QProcessEnvironment e;
    e.insert(QStringLiteral("DATABASE_URL"), url);
    return e;
}

ConnectionSettings settingsFor(const QString &url)
{
    auto r = ConnectionSettings::parse(url);
    if (!r)
        qFatal("bad test URL");
    return r.value();
}

QString projectKeyOf(const QString &iniPath)
{
    const auto config = ProjectConfig::load(iniPath);
    if (!config)
        qFatal("cannot read %s", qPrintable(iniPath));
    return SavedConnections::projectKey(iniPath, config->scriptDirectory);
}

void saveConnectionsFor(const QString &iniPath, const QVector<SavedConnection> &connections)
{
    QSettings settings;
    SavedConnections::save(settings, projectKeyOf(iniPath), connections);
}

bool Harness::load(const QString &ini, QString &error)
{
    auto loaded = ProjectLoader::loadProject(ini);
    if (!loaded) {
        error = loaded.error().toString();
        return false;
    }
    project = loaded.value();
    ApplyController::Context context;
    context.project = [this] { return project; };
    context.connection = [this]() -> Result<ConnectionSettings> {
        if (url.isEmpty())
            return Error(Error::Kind::Config, QStringLiteral("no database"));
        return ConnectionSettings::parse(url);
    };
    context.database = [this] {
        ApplyController::TargetDatabase target;
        if (!url.isEmpty())
            target.name = QStringLiteral("local");
        target.kind = kind;
        if (read && read->ok)
            target.state = &read->state;
        else
            target.unknownReason = read ? read->error.message() : QStringLiteral("not read");
        return target;
    };
    context.selectedRevision = [this] { return selected; };
    context.refreshDatabase = [this] { ++refreshes; };
    context.journalInDatabase = [this] { return journalInDatabase; };
    controller = std::make_unique<ApplyController>(context, &window);
    controller->setParent(nullptr);
    return true;
}

void Harness::readDatabase()
{
    read = DatabaseWorker::readDatabase(QStringLiteral("local"), settingsFor(url), project);
    controller->updateActions();
}

void tickAll(ConfirmDialog *dialog)
{
    dialog->backupCheck()->setChecked(true);
    dialog->reviewedCheck()->setChecked(true);
    dialog->trafficCheck()->setChecked(true);
    if (dialog->riskCheck())
        dialog->riskCheck()->setChecked(true);
}

ConfirmDialog *confirmFor(Harness &h, const Operation &op)
{
    QSignalSpy planned(h.controller.get(), &ApplyController::planningFinished);
    h.controller->start(op);
    if (!QTest::qWaitFor([&] { return planned.count() > 0; }, kWait))
        return nullptr;
    if (!planned.first().first().toBool()) {
        qWarning("planning failed: %s", qPrintable(h.controller->planError().toString()));
        return nullptr;
    }
    return h.controller->confirmDialog();
}

ConfirmDialog *confirmUpgradeToHead(Harness &h, const QString &ini, const QString &url)
{
    QString error;
    if (!h.load(ini, error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    h.url = url;
    Operation op;
    op.kind = Operation::Kind::Upgrade;
    op.targets = {QStringLiteral("head")};
    return confirmFor(h, op);
}

const RunReport *runConfirmed(Harness &h, ConfirmDialog *dialog)
{
    QSignalSpy finished(h.controller.get(), &ApplyController::runFinished);
    tickAll(dialog);
    if (!dialog->runButton()->isEnabled())
        return nullptr;
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return finished.count() > 0; }, kWait))
        return nullptr;
    return h.controller->runView() ? h.controller->runView()->report() : nullptr;
}

} // namespace retort::testui
