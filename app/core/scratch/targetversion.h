#pragma once

#include "db/connection.h"
#include "db/connectionsettings.h"
#include "db/versionstate.h"
#include "result.h"

#include <QStringList>

#include <memory>

namespace retort {

// The database drift and --rehearse compare with or copy, open, with the
// version rows it has.
struct OpenedTarget {
    std::unique_ptr<Connection> connection;
    QStringList rows;  // as readVersionState() gives them
};

// Connects to `target` and reads its version rows from `table`.
Result<OpenedTarget> openTarget(const ConnectionSettings &target, const VersionTable &table);

} // namespace retort
