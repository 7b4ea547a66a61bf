#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace retort::testsupport {

// The private PostgreSQL cluster that scripts/run-tests.sh starts (or
// `eval "$(scripts/pg-cluster.sh start)"` by hand), described by:
//   RETORT_TEST_PGHOST        127.0.0.1 (TCP, scram-sha-256)
//   RETORT_TEST_PGPORT        its port
//   RETORT_TEST_PGUSER        retort (superuser)
//   RETORT_TEST_PGSOCKET_DIR  its unix socket dir (local connections: trust)
//   RETORT_TEST_PG_BINDIR     psql, pg_dump ... of the server's version
//   PGPASSFILE                the password, read by libpq itself
// Tests that need a database must fail when these are missing, not skip:
//   TestCluster cluster;
//   RETORT_REQUIRE_CLUSTER(cluster);
// Connections and databases are named uniquely, so tests may run in parallel.
class TestCluster
{
public:
    TestCluster();

    bool available() const;
    // Why available() is false, naming the missing variables and the fix.
    QString missingReason() const;

    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString user() const { return m_user; }
    QString socketDir() const { return m_socketDir; }
    QString binDir() const { return m_binDir; }
    QString passFile() const { return m_passFile; }

    // postgresql://retort@127.0.0.1:PORT/DB: no password, libpq takes it from
    // PGPASSFILE.
    QString url(const QString &db) const;

    // A fresh, uniquely named database "<prefix>_<pid>_<n>_<random>"; its name,
    // or an empty string (see lastError()).
    QString createDatabase(const QString &prefix = QStringLiteral("t"));
    // DROP DATABASE ... WITH (FORCE): open sessions do not block it.
    bool dropDatabase(const QString &name);

    // pg_dump --schema-only --no-owner, without pg_dump's per-run random
    // \restrict / \unrestrict lines; empty on failure (see lastError()).
    QString schemaDump(const QString &db);
    // The same with the data, and owners: a database and what it holds.
    QString fullDump(const QString &db);

    // The version_num values of an alembic version table, sorted; empty when
    // the table has no rows or does not exist (lastError() tells which).
    QStringList versionRows(const QString &db,
                            const QString &table = QStringLiteral("alembic_version"),
                            const QString &schema = QString());

    // Runs one statement in db; false on error (see lastError()).
    bool exec(const QString &db, const QString &sql);

    // A QSqlDatabase (QPSQL, TCP, no password set) added under a unique
    // connection name and opened; check isOpen(). Close it and call
    // QSqlDatabase::removeDatabase(connectionName()) when done, after the
    // handle has gone out of scope.
    QSqlDatabase open(const QString &db, const QString &password = QString()) const;

    QString lastError() const { return m_lastError; }

private:
    QString dump(const QString &db, const QStringList &options);

    QString m_host;
    int m_port = 0;
    QString m_user;
    QString m_socketDir;
    QString m_binDir;
    QString m_passFile;
    QStringList m_missing;
    QString m_lastError;
};

// Quotes an SQL identifier for PostgreSQL.
QString quoteIdentifier(const QString &name);

} // namespace retort::testsupport

// Fails (never skips) the current test when the cluster is not there.
#define RETORT_REQUIRE_CLUSTER(cluster)                                          \
    do {                                                                         \
        if (!(cluster).available())                                              \
            QFAIL(qPrintable((cluster).missingReason()));                        \
    } while (false)
