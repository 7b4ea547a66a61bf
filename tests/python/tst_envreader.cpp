#include "project/envreader.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using retort::EnvOptions;
using retort::Error;

namespace {

EnvOptions read(const QByteArray &src, retort::EnvMode mode = retort::EnvMode::Online)
{
    return retort::readEnvOptions(QStringLiteral("alembic/env.py"), src, mode);
}

QString summary(const EnvOptions &o)
{
    return QStringLiteral("table=%1 schema=%2 tpm=%3 pk=%4")
        .arg(o.versionTable, o.versionTableSchema.isNull() ? QStringLiteral("None") : o.versionTableSchema)
        .arg(o.transactionPerMigration ? QStringLiteral("True") : QStringLiteral("False"),
             o.versionTablePk ? QStringLiteral("True") : QStringLiteral("False"));
}

const char kTemplate[] = R"(from logging.config import fileConfig

from sqlalchemy import engine_from_config
from sqlalchemy import pool

from alembic import context

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)
target_metadata = None


def run_migrations_offline() -> None:
    url = config.get_main_option("sqlalchemy.url")
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        %1
    )

    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )

    with connectable.connect() as connection:
        context.configure(
            connection=connection, target_metadata=target_metadata,
            %2
        )

        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
)";

QByteArray env(const char *offline, const char *online)
{
    return QString::fromUtf8(kTemplate).arg(QLatin1String(offline), QLatin1String(online)).toUtf8();
}

} // namespace

class TestEnvReader : public QObject {
    Q_OBJECT

private slots:
    void options_data();
    void options();
    void problems();
    void syntaxError();
    void asAlembicSetsThem_data();
    void asAlembicSetsThem();
    void sampleProjects();
    void environmentVariables_data();
    void environmentVariables();
};

void TestEnvReader::options_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("expected");  // online
    QTest::addColumn<QString>("offline");   // with --sql; empty: the same
    QTest::addColumn<QStringList>("found");
    QTest::addColumn<int>("calls");  // online
    const QString defaults = QStringLiteral("table=alembic_version schema=None tpm=False pk=True");
    QTest::newRow("defaults") << env("", "") << defaults << QString() << QStringList() << 1;
    QTest::newRow("all options, both branches")
        << env("version_table='ver', version_table_schema='meta', transaction_per_migration=True, version_table_pk=False,",
               "version_table=\"ver\", version_table_schema=\"meta\", transaction_per_migration=True, version_table_pk=False,")
        << QStringLiteral("table=ver schema=meta tpm=True pk=False") << QString()
        << QStringList({QStringLiteral("version_table"), QStringLiteral("version_table_schema"),
                        QStringLiteral("transaction_per_migration"), QStringLiteral("version_table_pk")})
        << 1;
    // alembic's --sql runs run_migrations_offline() only: its default holds there
    QTest::newRow("only online") << env("", "transaction_per_migration=True,")
                                 << QStringLiteral("table=alembic_version schema=None tpm=True pk=True") << defaults
                                 << QStringList({QStringLiteral("transaction_per_migration")}) << 1;
    QTest::newRow("a table per mode") << env("version_table='offline_v',", "version_table='online_v',")
                                      << QStringLiteral("table=online_v schema=None tpm=False pk=True")
                                      << QStringLiteral("table=offline_v schema=None tpm=False pk=True")
                                      << QStringList({QStringLiteral("version_table")}) << 1;
    QTest::newRow("schema None") << env("version_table_schema=None,", "version_table_schema=None,") << defaults
                                 << QString() << QStringList({QStringLiteral("version_table_schema")}) << 1;
    QTest::newRow("module-level names") << QByteArray("from alembic import context\nTABLE = 'v'\nSCHEMA = None\n"
                                                      "context.configure(version_table=TABLE, version_table_schema=SCHEMA)\n")
                                        << QStringLiteral("table=v schema=None tpm=False pk=True") << QString()
                                        << QStringList({QStringLiteral("version_table"), QStringLiteral("version_table_schema")})
                                        << 1;
    QTest::newRow("function-local name") << QByteArray("from alembic import context\nT = 'module'\ndef run():\n"
                                                       "    T = 'local'\n    context.configure(version_table=T)\nrun()\n")
                                         << QStringLiteral("table=local schema=None tpm=False pk=True") << QString()
                                         << QStringList({QStringLiteral("version_table")}) << 1;
    QTest::newRow("aliased context") << QByteArray("from alembic import context as ctx\nimport alembic.context as c2\n"
                                                   "c3 = ctx\nctx.configure(version_table='a')\nc2.configure(version_table='a')\n"
                                                   "c3.configure(version_table_pk=False)\n")
                                     << QStringLiteral("table=a schema=None tpm=False pk=False") << QString()
                                     << QStringList({QStringLiteral("version_table"), QStringLiteral("version_table_pk")})
                                     << 3;
    QTest::newRow("dotted alembic.context") << QByteArray("import alembic\nalembic.context.configure(version_table='x')\n")
                                            << QStringLiteral("table=x schema=None tpm=False pk=True") << QString()
                                            << QStringList({QStringLiteral("version_table")}) << 1;
    QTest::newRow("other configure ignored") << QByteArray("logging.configure(version_table='no')\n") << defaults
                                             << QString() << QStringList() << 0;
    QTest::newRow("nested in with and if") << QByteArray("from alembic import context\nif True:\n    with x:\n"
                                                         "        context.configure(transaction_per_migration=True)\n")
                                           << QStringLiteral("table=alembic_version schema=None tpm=True pk=True")
                                           << QString() << QStringList({QStringLiteral("transaction_per_migration")}) << 1;
    // the ways env.py splits the two modes
    QTest::newRow("inline branches") << QByteArray("from alembic import context as ctx\nif ctx.is_offline_mode():\n"
                                                   "    ctx.configure(version_table='off')\nelse:\n"
                                                   "    ctx.configure(version_table='on')\n")
                                     << QStringLiteral("table=on schema=None tpm=False pk=True")
                                     << QStringLiteral("table=off schema=None tpm=False pk=True")
                                     << QStringList({QStringLiteral("version_table")}) << 1;
    QTest::newRow("not is_offline_mode, nested calls")
        << QByteArray("from alembic import context\n"
                      "def online():\n    context.configure(version_table='on')\ndef offline():\n"
                      "    context.configure(version_table='off')\ndef run_online():\n    online()\n"
                      "if not context.is_offline_mode():\n    run_online()\nelse:\n    offline()\n")
        << QStringLiteral("table=on schema=None tpm=False pk=True")
        << QStringLiteral("table=off schema=None tpm=False pk=True") << QStringList({QStringLiteral("version_table")})
        << 1;
    // a nested function and a lambda name the online configure function
    QTest::newRow("names in nested functions")
        << QByteArray("from alembic import context\ndef offline():\n    context.configure(version_table='off')\n"
                      "def configure_online():\n    context.configure(version_table='on')\n"
                      "def online():\n    def inner():\n        configure_online()\n    run(lambda: inner())\n"
                      "if context.is_offline_mode():\n    offline()\nelse:\n    online()\n")
        << QStringLiteral("table=on schema=None tpm=False pk=True")
        << QStringLiteral("table=off schema=None tpm=False pk=True") << QStringList({QStringLiteral("version_table")})
        << 1;
    // the async template: a callback handed to run_sync, a coroutine to asyncio.run
    QTest::newRow("async template")
        << QByteArray("import asyncio\nfrom alembic import context\ndef run_migrations_offline():\n"
                      "    context.configure(url='x', version_table='off')\n"
                      "def do_run_migrations(connection):\n"
                      "    context.configure(connection=connection, version_table='on')\n"
                      "async def run_async_migrations():\n    async with engine.connect() as connection:\n"
                      "        await connection.run_sync(do_run_migrations)\n"
                      "def run_migrations_online():\n    asyncio.run(run_async_migrations())\n"
                      "if context.is_offline_mode():\n    run_migrations_offline()\nelse:\n    run_migrations_online()\n")
        << QStringLiteral("table=on schema=None tpm=False pk=True")
        << QStringLiteral("table=off schema=None tpm=False pk=True") << QStringList({QStringLiteral("version_table")})
        << 1;
}

void TestEnvReader::options()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, expected);
    QFETCH(QString, offline);
    QFETCH(QStringList, found);
    QFETCH(int, calls);
    const EnvOptions o = read(source);
    QVERIFY2(o.problems.isEmpty(), qPrintable(o.problems.value(0).toString()));
    QCOMPARE(summary(o), expected);
    QCOMPARE(o.found, found);
    QCOMPARE(o.configureCalls, calls);
    QVERIFY(o.unresolved.isEmpty());
    const EnvOptions off = read(source, retort::EnvMode::Offline);
    QVERIFY2(off.problems.isEmpty(), qPrintable(off.problems.value(0).toString()));
    QCOMPARE(summary(off), offline.isEmpty() ? expected : offline);
}

void TestEnvReader::problems()
{
    // Non-literal values: reported with file:line, defaults kept; each mode
    // reports its own calls' only.
    const QByteArray unresolved = env("version_table=config.get_main_option('vt'),",
                                      "version_table_schema=os.environ['SCHEMA'], transaction_per_migration=flag,");
    const EnvOptions a = read(unresolved);
    QCOMPARE(summary(a), QStringLiteral("table=alembic_version schema=None tpm=False pk=True"));
    QCOMPARE(a.unresolved, QStringList({QStringLiteral("version_table_schema"), QStringLiteral("transaction_per_migration")}));
    QCOMPARE(a.problems.size(), 2);
    QCOMPARE(a.problems[0].kind(), Error::Kind::Unresolved);
    QCOMPARE(a.problems[1].headline(), QStringLiteral("alembic/env.py:38: transaction_per_migration is not a literal: flag"));
    const EnvOptions aOffline = read(unresolved, retort::EnvMode::Offline);
    QCOMPARE(aOffline.unresolved, QStringList({QStringLiteral("version_table")}));
    QCOMPARE(aOffline.problems.size(), 1);
    QCOMPARE(aOffline.problems[0].headline(),
             QStringLiteral("alembic/env.py:21: version_table is not a literal: config.get_main_option('vt')"));

    // Disagreeing calls of one mode (which one runs is decided at run time):
    // a problem (loadEnvOptions refuses them); the first is kept.
    const EnvOptions b = read("from alembic import context\nif x:\n    context.configure(version_table='a')\n"
                              "else:\n    context.configure(version_table='b')\n");
    QCOMPARE(b.versionTable, QStringLiteral("a"));
    QCOMPARE(b.problems.size(), 1);
    QCOMPARE(b.problems[0].kind(), Error::Kind::Config);
    QCOMPARE(b.problems[0].headline(),
             QStringLiteral("alembic/env.py:5: context.configure() calls disagree on version_table: 'a' (line 3) and 'b'"));

    // A wrong type is not a literal of the option's kind.
    const EnvOptions c = read("from alembic import context\ncontext.configure(transaction_per_migration='yes')\n");
    QCOMPARE(c.unresolved, QStringList({QStringLiteral("transaction_per_migration")}));
    QVERIFY(!c.transactionPerMigration);

    // A name bound twice to different values, a parameter, ** arguments.
    const EnvOptions d = read("from alembic import context\nT = 'a'\nif x:\n    T = 'b'\n"
                              "def run(schema):\n    context.configure(version_table=T, version_table_schema=schema, **kw)\n"
                              "run('s')\n");
    QCOMPARE(d.unresolved, QStringList({QStringLiteral("version_table"), QStringLiteral("version_table_schema")}));
    QCOMPARE(d.problems.size(), 3);
    QCOMPARE(d.problems[2].headline(),
             QStringLiteral("alembic/env.py:6: context.configure(**kw): options passed through ** are not read"));
}

// What alembic's configure() does with a second call, and calls Retort
// cannot see: followed, or refused by loadEnvOptions (it used to take the
// first call's options, or miss the call, and go on).
void TestEnvReader::asAlembicSetsThem_data()
{
    QTest::addColumn<QByteArray>("body");    // after the import, before run_migrations()
    QTest::addColumn<QString>("expected");   // the summary, or the error's message
    QTest::newRow("a second call resets transaction_per_migration")
        << QByteArray("context.configure(transaction_per_migration=True)\ncontext.configure(url='x')\n")
        << QStringLiteral("context.configure() calls disagree on transaction_per_migration: True (line 2) and "
                          "False (not given: each call resets it); Retort cannot tell which one alembic uses");
    QTest::newRow("version_table stays from an earlier call")
        << QByteArray("context.configure(version_table='v')\ncontext.configure(url='x')\n")
        << QStringLiteral("table=v schema=None tpm=False pk=True");
    QTest::newRow("configure under another name")
        << QByteArray("cfg = context.configure\ncfg(version_table='b')\n")
        << QStringLiteral("Retort cannot tell which version table the database keeps its revisions in, or how alembic "
                          "would group the migrations in transactions: context.configure is reached by another name "
                          "(context.configure): its options are not read");
    QTest::newRow("configure imported by name")
        << QByteArray("from alembic.context import configure\nconfigure(version_table='b')\n")
        << QStringLiteral("Retort cannot tell which version table the database keeps its revisions in, or how alembic "
                          "would group the migrations in transactions: context.configure is reached by another name "
                          "(from alembic.context import configure): its options are not read");
    QTest::newRow("a function never called sets the table")
        << QByteArray("def legacy():\n    context.configure(version_table='old')\ncontext.configure(url='x')\n")
        << QStringLiteral("Retort cannot tell which version table the database keeps its revisions in, or how alembic "
                          "would group the migrations in transactions: context.configure() in legacy(), which env.py "
                          "never calls by name, sets version_table='old'");
    QTest::newRow("a function never called sets nothing read")
        << QByteArray("def legacy():\n    context.configure(url='y')\ncontext.configure(transaction_per_migration=True)\n")
        << QStringLiteral("table=alembic_version schema=None tpm=True pk=True");
    QTest::newRow("transactional_ddl=None is PostgreSQL's own")
        << QByteArray("context.configure(transactional_ddl=None)\n")
        << QStringLiteral("table=alembic_version schema=None tpm=False pk=True");
}

void TestEnvReader::asAlembicSetsThem()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("env.py"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("from alembic import context\n" + body + "context.run_migrations()\n");
    f.close();
    const retort::Result<EnvOptions> o = retort::loadEnvOptions(path);
    QCOMPARE(o ? summary(o.value()) : o.error().message(), expected);
}

void TestEnvReader::syntaxError()
{
    const EnvOptions o = read("from alembic import context\ncontext.configure(version_table='v'\n");
    QVERIFY(o.hasSyntaxError);
    QCOMPARE(o.problems.size(), 1);
    QCOMPARE(o.problems[0].kind(), Error::Kind::Syntax);
    QCOMPARE(o.problems[0].where().line, 2);
    QCOMPARE(o.versionTable, QStringLiteral("alembic_version"));
    const EnvOptions junk = read(QByteArray("\xff\xfe\0junk", 7));
    QVERIFY(junk.hasSyntaxError);
}

void TestEnvReader::sampleProjects()
{
    QDirIterator it(QStringLiteral(RETORT_SOURCE_DIR "/migrations"), {QStringLiteral("env.py")}, QDir::Files,
                    QDirIterator::Subdirectories);
    int seen = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const EnvOptions o = retort::readEnvOptions(path, f.readAll());
        QVERIFY2(!o.hasSyntaxError, qPrintable(o.problems.value(0).toString()));
        QVERIFY(o.configureCalls >= 1);
        qInfo("%s: %s", qPrintable(path), qPrintable(summary(o)));
        if (path.contains(QLatin1String("/jobs/")))
            QVERIFY(o.transactionPerMigration);
        ++seen;
    }
    if (seen == 0)
        qInfo("no sample projects under migrations/");
}

// Which variables env.py reads decides whether DATABASE_URL is a project's
// URL at all (alembic itself never reads it).
void TestEnvReader::environmentVariables_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QStringList>("expected");
    const QStringList url{QStringLiteral("DATABASE_URL")};
    QTest::newRow("os.environ.get") << QByteArray("import os\nurl = os.environ.get('DATABASE_URL')\n") << url;
    QTest::newRow("os.getenv in a function")
        << QByteArray("import os\n\ndef url():\n    return os.getenv(\"DATABASE_URL\") or 'x'\n") << url;
    QTest::newRow("os.environ[...]") << QByteArray("import os\nurl = os.environ['DATABASE_URL']\n") << url;
    QTest::newRow("from os import environ")
        << QByteArray("from os import environ\nif 'DATABASE_URL' in environ:\n    pass\n") << url;
    QTest::newRow("alias of os") << QByteArray("import os as o\nx = o.environ.get('A', 'b')\ny = o.getenv('DATABASE_URL')\n")
                                 << QStringList{QStringLiteral("A"), QStringLiteral("DATABASE_URL")};
    QTest::newRow("named in a comment and a docstring only")
        << QByteArray("\"\"\"Uses DATABASE_URL.\"\"\"\n# os.environ['DATABASE_URL']\nurl = 'DATABASE_URL'\n") << QStringList();
    QTest::newRow("another variable") << QByteArray("import os\nurl = os.environ['APP_DB']\n")
                                      << QStringList{QStringLiteral("APP_DB")};
}

void TestEnvReader::environmentVariables()
{
    QFETCH(QByteArray, source);
    QFETCH(QStringList, expected);
    QCOMPARE(read(source).environmentVariables, expected);
}

QTEST_GUILESS_MAIN(TestEnvReader)
#include "tst_envreader.moc"
