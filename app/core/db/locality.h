#pragma once

#include <QSqlDatabase>
#include <QString>

namespace retort {

// Whether an open connection reaches a server on this machine, decided from
// where libpq really connected and from the server's own backend process,
// never from the URL's text (PGHOST, hostaddr=, service= and port forwards
// all hide the real place).
//
// Local means: a Unix socket whose other end is a postgres process (or a
// process we may not inspect: the kernel still says it is this machine); or
// TCP whose server end is a socket held by the backend process the server
// names (PQbackendPID) and whose executable is postgres. An SSH tunnel or a
// forwarder holds the server end itself; a server in another PID namespace
// names a pid that is not its process here. Whatever cannot be proven (no
// /proc, a process of another user) is not local, with the reason.
struct Locality {
    bool local = false;
    QString where;   // "socket /run/postgresql/.s.PGSQL.5432", "127.0.0.1:5433"
    QString reason;  // why it is local, or why that could not be proven

    // "127.0.0.1:5433 is this machine (…)" / "… is not proven local: …"
    QString describe() const;
};

// Classifies `db` (an open QPSQL connection): one sock_diag question to the
// kernel and a few /proc reads (well under a millisecond); call it on the
// thread that owns the connection.
Locality classifyLocality(const QSqlDatabase &db);

} // namespace retort
