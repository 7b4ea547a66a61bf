// Checks the test helpers against the cluster that scripts/run-tests.sh
// starts: nothing is started here.
#include "processrunner.h"
#include "testcluster.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort::testsupport;

namespace {

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

// Restores an environment variable when the scope ends.
class EnvOverride
{
public:
    EnvOverride(const char *name, const QByteArray &value)
        : m_name(name), m_had(qEnvironmentVariableIsSet(name)), m_old(qgetenv(name))
    {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value);
    }
    ~EnvOverride()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }
    EnvOverride(const EnvOverride &) = delete;
    EnvOverride &operator=(const EnvOverride &) = delete;

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

// Opens db with the given password (null: none, so libpq reads PGPASSFILE)
// and returns "" on success or the driver's error text.
QString tryConnect(const TestCluster &cluster, const QString &db, const QString &password,
                   const QString &host = QString())
{
    QString connection;
    QString error;
    {
        QSqlDatabase handle = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"),
                                                        QStringLiteral("tst_testsupport_try"));
        connection = handle.connectionName();
        handle.setHostName(host.isEmpty() ? cluster.host() : host);
        handle.setPort(cluster.port());
        handle.setUserName(cluster.user());
        handle.setDatabaseName(db);
        if (!password.isNull())
            handle.setPassword(password);
        if (!handle.open())
            error = handle.lastError().text();
        handle.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return error;
}

} // namespace

class TestSupportTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        RETORT_REQUIRE_CLUSTER(m_cluster);
        QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")),
                 "the QtSql QPSQL driver is missing (Debian package libqt6sql6-psql)");
    }

    void missingEnvironmentIsReported()
    {
        EnvOverride port("RETORT_TEST_PGPORT", QByteArray());
        EnvOverride host("RETORT_TEST_PGHOST", QByteArray());
        const TestCluster cluster;
        QVERIFY(!cluster.available());
        const QString reason = cluster.missingReason();
        QVERIFY2(reason.contains(QLatin1String("RETORT_TEST_PGPORT")), qPrintable(reason));
        QVERIFY2(reason.contains(QLatin1String("RETORT_TEST_PGHOST")), qPrintable(reason));
        QVERIFY2(reason.contains(QLatin1String("scripts/run-tests.sh")), qPrintable(reason));
        QVERIFY(m_cluster.missingReason().isEmpty());
    }

    void urlHasNoPassword()
    {
        QCOMPARE(m_cluster.url(QStringLiteral("x")),
                 QStringLiteral("postgresql://retort@127.0.0.1:%1/x").arg(m_cluster.port()));
        QFile pass(m_cluster.passFile());
        QVERIFY(pass.open(QIODevice::ReadOnly));
        QVERIFY2(pass.permissions() == (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
                 "libpq ignores a pgpass file readable by others");
    }

    void createConnectDumpDrop()
    {
        const QString db = m_cluster.createDatabase(QStringLiteral("tst Support"));
        QVERIFY2(!db.isEmpty(), qPrintable(m_cluster.lastError()));
        QVERIFY2(db.startsWith(QLatin1String("tst_support_")), qPrintable(db));

        const QString other = m_cluster.createDatabase(QStringLiteral("tst Support"));
        QVERIFY2(!other.isEmpty(), qPrintable(m_cluster.lastError()));
        QVERIFY(other != db);
        QVERIFY2(m_cluster.dropDatabase(other), qPrintable(m_cluster.lastError()));

        {
            QSqlDatabase conn = m_cluster.open(db);
            QVERIFY2(conn.isOpen(), qPrintable(conn.lastError().text()));
            QSqlQuery query(conn);
            QVERIFY(query.exec(QStringLiteral("SELECT current_user, current_database()")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("retort"));
            QCOMPARE(query.value(1).toString(), db);
            QVERIFY2(query.exec(QStringLiteral("CREATE TABLE widgets (id serial PRIMARY KEY, name text NOT NULL)")),
                     qPrintable(query.lastError().text()));
            const QString connection = conn.connectionName();
            query = QSqlQuery();
            conn.close();
            conn = QSqlDatabase();
            QSqlDatabase::removeDatabase(connection);
        }

        const QString dump = m_cluster.schemaDump(db);
        QVERIFY2(!dump.isEmpty(), qPrintable(m_cluster.lastError()));
        QVERIFY2(dump.contains(QLatin1String("CREATE TABLE public.widgets")), qPrintable(dump));
        QVERIFY(!dump.contains(QLatin1String("OWNER TO")));
        QVERIFY(!dump.contains(QLatin1String("\\restrict")));
        QVERIFY(!dump.contains(QLatin1String("\\unrestrict")));
        QCOMPARE(m_cluster.schemaDump(db), dump); // stable between runs

        QVERIFY2(m_cluster.dropDatabase(db), qPrintable(m_cluster.lastError()));
        QVERIFY(m_cluster.schemaDump(db).isEmpty());
        QVERIFY2(m_cluster.lastError().contains(db), qPrintable(m_cluster.lastError()));
    }

    void passwordComesFromPassFile()
    {
        QCOMPARE(tryConnect(m_cluster, QStringLiteral("postgres"), QString()), QString());
        EnvOverride noPassFile("PGPASSFILE", QByteArrayLiteral("/nonexistent/retort-pgpass"));
        const QString error = tryConnect(m_cluster, QStringLiteral("postgres"), QString());
        QVERIFY2(error.contains(QLatin1String("no password supplied")), qPrintable(error));
    }

    void wrongPasswordIsRefused()
    {
        const QString error = tryConnect(m_cluster, QStringLiteral("postgres"), QStringLiteral("not-the-password"));
        QVERIFY2(error.contains(QLatin1String("password authentication failed for user \"retort\"")),
                 qPrintable(error));
    }

    void socketConnectionsAreTrusted()
    {
        EnvOverride noPassFile("PGPASSFILE", QByteArrayLiteral("/nonexistent/retort-pgpass"));
        QCOMPARE(tryConnect(m_cluster, QStringLiteral("postgres"), QString(), m_cluster.socketDir()), QString());
    }

    void versionRows()
    {
        const QString db = m_cluster.createDatabase(QStringLiteral("tst_rows"));
        QVERIFY2(!db.isEmpty(), qPrintable(m_cluster.lastError()));
        QVERIFY(m_cluster.versionRows(db).isEmpty());
        QVERIFY2(m_cluster.lastError().contains(QLatin1String("alembic_version")),
                 qPrintable(m_cluster.lastError()));

        QVERIFY2(m_cluster.exec(db, QStringLiteral("CREATE SCHEMA meta;"
                                                   "CREATE TABLE meta.\"Versions\" (version_num varchar(32) PRIMARY KEY);"
                                                   "INSERT INTO meta.\"Versions\" VALUES ('b2'), ('a1')")),
                 qPrintable(m_cluster.lastError()));
        QCOMPARE(m_cluster.versionRows(db, QStringLiteral("Versions"), QStringLiteral("meta")),
                 (QStringList{QStringLiteral("a1"), QStringLiteral("b2")}));
        QVERIFY(m_cluster.lastError().isEmpty());
        QVERIFY2(m_cluster.dropDatabase(db), qPrintable(m_cluster.lastError()));
    }

    void alembicPythonImportsAlembic()
    {
        const QString python = alembicPython();
        QVERIFY2(!python.isEmpty(), "no Python that can import alembic");
        const ProcessResult r = runProcess(python, {QStringLiteral("-c"),
                                                    QStringLiteral("import alembic; print(alembic.__version__)")},
                                           QString());
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY(!r.out.trimmed().isEmpty());
    }

    void runAlembicUpgradesAScratchProject()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = m_cluster.createDatabase(QStringLiteral("tst_alembic"));
        QVERIFY2(!db.isEmpty(), qPrintable(m_cluster.lastError()));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("scripts/versions")));
        // sqlalchemy.url carries no password: psycopg2 (libpq) reads PGPASSFILE.
        QVERIFY(writeFile(dir.filePath(QStringLiteral("alembic.ini")),
                          "[alembic]\nscript_location = %(here)s/scripts\nsqlalchemy.url = "
                              + m_cluster.url(db).toUtf8() + "\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("scripts/env.py")), R"(
from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = engine_from_config(config.get_section(config.config_ini_section),
                                prefix="sqlalchemy.", poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
)"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("scripts/versions/0001_widgets.py")), R"(
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("widgets", sa.Column("id", sa.Integer, primary_key=True))


def downgrade():
    op.drop_table("widgets")
)"));
        const QString ini = dir.filePath(QStringLiteral("alembic.ini"));

        ProcessResult r = runAlembic(ini, {QStringLiteral("heads")}, dir.path());
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY2(r.out.contains("0001 (head)"), r.out.constData());

        QProcessEnvironment seed;
        seed.insert(QStringLiteral("PYTHONHASHSEED"), QStringLiteral("0"));
        r = runAlembic(ini, {QStringLiteral("upgrade"), QStringLiteral("head")}, dir.path(), seed);
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(m_cluster.versionRows(db), QStringList{QStringLiteral("0001")});
        QVERIFY(m_cluster.schemaDump(db).contains(QLatin1String("CREATE TABLE public.widgets")));

        r = runAlembic(ini, {QStringLiteral("downgrade"), QStringLiteral("nope")}, dir.path());
        QVERIFY(!r.ok());
        QVERIFY(r.exitCode > 0);
        QVERIFY2((r.out + r.err).contains("'nope'"), (r.out + r.err).constData());

        QVERIFY2(m_cluster.dropDatabase(db), qPrintable(m_cluster.lastError()));
    }

    void runRetortRunsTheBuiltBinary()
    {
        QVERIFY2(QFileInfo(QStringLiteral(RETORT_BINARY)).isExecutable(), RETORT_BINARY);
        QProcessEnvironment offscreen;
        offscreen.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const ProcessResult r = runRetort({QStringLiteral("--version")}, QDir::tempPath(), offscreen, 30000);
        // What --version prints is the CLI's business; here only that it ran.
        QVERIFY2(r.error.isEmpty(), qPrintable(r.describe()));

        const ProcessResult missing = runRetortBinary(QStringLiteral("/nonexistent/retort"), {}, QString());
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error.contains(QLatin1String("did not start")), qPrintable(missing.error));
    }

private:
    TestCluster m_cluster;
};

QTEST_GUILESS_MAIN(TestSupportTest)
#include "tst_testsupport.moc"
