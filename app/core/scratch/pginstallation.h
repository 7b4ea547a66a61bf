#pragma once

#include "result.h"

#include <QString>
#include <QVector>

namespace retort {

// PostgreSQL server binaries installed on this machine, as Debian lays them
// out (/usr/lib/postgresql/<major>/bin), or the one directory
// RETORT_PG_BINDIR names.
struct PgInstallation {
    int major = 0;
    QString binDir;  // holds initdb and postgres
};

// Every installation found, oldest first.
QVector<PgInstallation> installedServers();

// The installation for `wantedMajor` (0: no wish), or the newest when that
// major is not installed; `note` says which was chosen and why, so a version
// mismatch with the target is never silent.
Result<PgInstallation> chooseServer(int wantedMajor, const QString &targetDescription, QString *note);

// "PostgreSQL 15" from server_version_num (150004 -> 15; 90624 -> 9).
int majorFromVersionNum(int versionNum);

} // namespace retort
