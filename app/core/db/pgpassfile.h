#pragma once

#include "db/connectionsettings.h"

#include <QProcessEnvironment>
#include <QString>

namespace retort {

// The password file libpq would read for a connection and the line in it
// that would give the password, found by libpq's own rules (PostgreSQL 15's
// passwordFromFile): ?passfile=, else PGPASSFILE, else ~/.pgpass; a regular
// file that group and others cannot read; "localhost" for an empty host or
// the default socket directory; PGHOST, PGPORT, PGUSER and PGDATABASE as
// defaults; '*' matching anything; '\' escaping ':' and '\'. Retort never
// reads the password itself (libpq does): this says which line applies, for
// the form to show. The password is not kept.
struct PassFileEntry {
    QString file;      // the file libpq would read ("" when none)
    int line = 0;      // the matching line, 1-based; 0 when none matches
    QString problem;   // why libpq would ignore the file (permissions, not a file)

    bool matches() const { return line > 0; }
    // "password from ~/.pgpass (line 3)", or empty when no line matches.
    QString describe() const;

    static PassFileEntry find(const ConnectionSettings &settings,
                              const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
};

} // namespace retort
