#pragma once

#include "db/connectionsettings.h"
#include "result.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace retort {

// An error naming the file unless it is a dump in pg_dump's custom format
// (-Fc, what the confirmation's backup writes): pg_restore reads no other
// here, and a plain SQL file would need psql.
Error checkCustomDump(const QString &file);

// pg_restore of a custom-format dump into the (empty) database `into`, in
// one transaction that stops at the first error, with the newest
// pg_restore that can work with the server (findPgTool; `searchDirs` empty:
// defaultPgDumpSearchDirs()). Credentials only in its environment. Blocks;
// `cancelled` stops it (an error of Kind::Cancelled).
Error restoreDump(const QString &file, const ConnectionSettings &into, const QStringList &searchDirs,
                  const std::function<bool()> &cancelled);

} // namespace retort
