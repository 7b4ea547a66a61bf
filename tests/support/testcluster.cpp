#include "testcluster.h"

#include "processrunner.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace retort::testsupport {

namespace {

QString env(const char *name)
{
    return qEnvironmentVariable(name);
}

QString uniqueConnectionName()
{
    static QAtomicInteger<quint32> counter;
    return QStringLiteral("retort-testsupport-%1-%2")
        .arg(counter.fetchAndAddRelaxed(1))
        .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
}

// Runs fn(db) on a fresh connection to database `name`, then removes the
// connection once no handle to it is left.
template<typename Fn>
bool withConnection(const TestCluster &cluster, const QString &name, QString &error, Fn fn)
{
    QString connection;
    bool ok = false;
    {
        QSqlDatabase db = cluster.open(name);
        connection = db.connectionName();
        if (!db.isOpen()) {
            error = QStringLiteral("cannot connect to %1: %2")
                        .arg(cluster.url(name), db.lastError().text());
        } else {
            ok = fn(db);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

QString sqlError(const QString &what, const QSqlQuery &query)
{
    return QStringLiteral("%1: %2").arg(what, query.lastError().text());
}

} // namespace

QString quoteIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

TestCluster::TestCluster()
{
    const struct
    {
        const char *name;
        QString *target;
    } vars[] = {
        {"RETORT_TEST_PGHOST", &m_host},
        {"RETORT_TEST_PGUSER", &m_user},
        {"RETORT_TEST_PGSOCKET_DIR", &m_socketDir},
        {"RETORT_TEST_PG_BINDIR", &m_binDir},
        {"PGPASSFILE", &m_passFile},
    };
    for (const auto &v : vars) {
        *v.target = env(v.name);
        if (v.target->isEmpty())
            m_missing << QString::fromLatin1(v.name);
    }
    bool portOk = false;
    m_port = env("RETORT_TEST_PGPORT").toInt(&portOk);
    if (!portOk || m_port <= 0)
        m_missing << QStringLiteral("RETORT_TEST_PGPORT");
    if (!m_passFile.isEmpty() && !QFileInfo::exists(m_passFile))
        m_missing << QStringLiteral("PGPASSFILE (%1 does not exist: is the cluster stopped?)")
                         .arg(m_passFile);
}

bool TestCluster::available() const
{
    return m_missing.isEmpty();
}

QString TestCluster::missingReason() const
{
    if (m_missing.isEmpty())
        return QString();
    return QStringLiteral("no test PostgreSQL cluster: %1 not set. Run the tests through "
                          "scripts/run-tests.sh, or start a cluster with "
                          "eval \"$(scripts/pg-cluster.sh start)\" first.")
        .arg(m_missing.join(QLatin1String(", ")));
}

QString TestCluster::url(const QString &db) const
{
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(m_user, m_host).arg(m_port).arg(db);
}

QSqlDatabase TestCluster::open(const QString &db, const QString &password) const
{
    QSqlDatabase handle = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), uniqueConnectionName());
    handle.setHostName(m_host);
    handle.setPort(m_port);
    handle.setUserName(m_user);
    handle.setDatabaseName(db);
    // No password: libpq reads PGPASSFILE itself.
    if (!password.isNull())
        handle.setPassword(password);
    handle.setConnectOptions(QStringLiteral("connect_timeout=10"));
    handle.open();
    return handle;
}

bool TestCluster::exec(const QString &db, const QString &sql)
{
    m_lastError.clear();
    return withConnection(*this, db, m_lastError, [&](QSqlDatabase &conn) {
        QSqlQuery query(conn);
        if (query.exec(sql))
            return true;
        m_lastError = sqlError(sql, query);
        return false;
    });
}

QString TestCluster::createDatabase(const QString &prefix)
{
    static QAtomicInteger<quint32> counter;
    QString clean = prefix.toLower();
    clean.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
    const QString name = QStringLiteral("%1_%2_%3_%4")
                             .arg(clean.left(30))
                             .arg(QCoreApplication::applicationPid())
                             .arg(counter.fetchAndAddRelaxed(1))
                             .arg(QRandomGenerator::global()->generate() & 0xffffff, 6, 16,
                                  QLatin1Char('0'));
    if (!available()) {
        m_lastError = missingReason();
        return QString();
    }
    if (!exec(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1").arg(quoteIdentifier(name))))
        return QString();
    return name;
}

bool TestCluster::dropDatabase(const QString &name)
{
    return exec(QStringLiteral("postgres"),
                QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoteIdentifier(name)));
}

QString TestCluster::schemaDump(const QString &db)
{
    return dump(db, {QStringLiteral("--schema-only"), QStringLiteral("--no-owner")});
}

QString TestCluster::fullDump(const QString &db)
{
    return dump(db, {});
}

QString TestCluster::dump(const QString &db, const QStringList &options)
{
    m_lastError.clear();
    QString pgDump = m_binDir.isEmpty() ? QString() : QDir(m_binDir).filePath(QStringLiteral("pg_dump"));
    if (pgDump.isEmpty() || !QFileInfo(pgDump).isExecutable())
        pgDump = QStandardPaths::findExecutable(QStringLiteral("pg_dump"));
    if (pgDump.isEmpty()) {
        m_lastError = QStringLiteral("pg_dump not found in RETORT_TEST_PG_BINDIR nor on PATH");
        return QString();
    }
    const ProcessResult r = runProcess(pgDump,
                                       options
                                           + QStringList{QStringLiteral("--no-password"), QStringLiteral("-h"), m_host,
                                                         QStringLiteral("-p"), QString::number(m_port),
                                                         QStringLiteral("-U"), m_user, QStringLiteral("-d"), db},
                                       QString());
    if (!r.ok()) {
        m_lastError = QStringLiteral("pg_dump of %1 failed: %2").arg(db, r.describe());
        return QString();
    }
    QStringList kept;
    const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("\\restrict")) || line.startsWith(QLatin1String("\\unrestrict")))
            continue;
        kept << line;
    }
    return kept.join(QLatin1Char('\n'));
}

QStringList TestCluster::versionRows(const QString &db, const QString &table, const QString &schema)
{
    m_lastError.clear();
    const QString qualified = schema.isEmpty()
                                  ? quoteIdentifier(table)
                                  : quoteIdentifier(schema) + QLatin1Char('.') + quoteIdentifier(table);
    QStringList rows;
    withConnection(*this, db, m_lastError, [&](QSqlDatabase &conn) {
        QSqlQuery query(conn);
        const QString sql = QStringLiteral("SELECT version_num FROM %1 ORDER BY version_num").arg(qualified);
        if (!query.exec(sql)) {
            m_lastError = sqlError(sql, query);
            return false;
        }
        while (query.next())
            rows << query.value(0).toString();
        return true;
    });
    return rows;
}

} // namespace retort::testsupport
