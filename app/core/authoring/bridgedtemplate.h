#pragma once

#include "authoring/revisionwriter.h"

#include <QString>
#include <QStringList>

namespace retort {

// Which alembic renders a template Retort cannot: the project as alembic's
// -c, -n and -x name it, and the Python chosen as for every bridge run
// (explicit choice, RETORT_PYTHON, the project's venv, the system's).
struct TemplateBridgeSettings {
    QString python;  // --python or the window's setting; empty: look for one
    QString iniPath;
    QString section = QStringLiteral("alembic");
    QStringList x;
    QString tomlPath;  // pyproject.toml read after the ini (empty: none)
};

// A renderer for RevisionWriter that runs Mako through the alembic bridge.
// It starts a process: call it from a worker thread or the CLI.
BridgeTemplateRenderer bridgeTemplateRenderer(const TemplateBridgeSettings &settings, bool merge);

} // namespace retort
