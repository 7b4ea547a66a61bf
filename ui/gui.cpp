#include "gui.h"

#include "databasesession.h"
#include "db/savedconnections.h"
#include "icons.h"
#include "mainwindow.h"
#include "connectionsscreenshot.h"
#include "screenshot.h"

#include <QApplication>
#include <QSettings>
#include <QStringList>
#include <QTemporaryDir>

namespace retort::gui {

int run(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Retort"));
    QApplication::setApplicationName(QStringLiteral("retort"));
    QApplication::setApplicationDisplayName(QStringLiteral("Retort"));
    QApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION));
    QApplication::setWindowIcon(icons::application());

    // A screenshot must not depend on, nor change, the user's settings.
    const bool screenshot = qEnvironmentVariableIsSet("RETORT_SCREENSHOT");
    QTemporaryDir settingsDir;
    if (screenshot) {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    }

    MainWindow window;
    if (screenshot) {
        // RETORT_SCREENSHOT_CONNECTIONS="local=postgresql://...;staging=...": saved
        // connections for the shot's project (URLs without passwords: libpq reads PGPASSFILE).
        QVector<SavedConnection> connections;
        const QStringList specs = qEnvironmentVariable("RETORT_SCREENSHOT_CONNECTIONS").split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (const QString &spec : specs) {
            const int eq = int(spec.indexOf(QLatin1Char('=')));
            if (eq > 0)
                connections.append({spec.left(eq), spec.mid(eq + 1), SavedConnections::defaultColor(connections)});
        }
        if (!connections.isEmpty()) {
            QObject::connect(&window, &MainWindow::projectShown, &window, [&window, connections] {
                if (window.databaseSession()->savedConnections().isEmpty())
                    window.databaseSession()->setSavedConnections(connections);
            });
        }
        Screenshot::fromEnvironment(&window);
        window.resize(1280, 800);
    }
    ConnectionsScreenshot::fromEnvironment(&window);
    window.show();

    // QApplication has taken its own options out; the rest is a project path.
    const QStringList args = QApplication::arguments().mid(1);
    if (!args.isEmpty())
        window.openProject(args.front());
    return QApplication::exec();
}

} // namespace retort::gui
