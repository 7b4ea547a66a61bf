#include "smallproject.h"

#include "processrunner.h"

#include <QDir>
#include <QFile>

namespace retort::testsupport {

namespace {

bool write(const QString &path, const QString &text)
{
    QFile f(path);
    const QByteArray bytes = text.toUtf8();
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

const char *const kIni = R"([alembic]
script_location = %(here)s/migrations

[loggers]
keys = root,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console
qualname =

[logger_alembic]
level = INFO
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
)";

const char *const kEnv = R"(import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

url = os.environ.get("DATABASE_URL") or config.get_main_option("sqlalchemy.url")

if context.is_offline_mode():
    context.configure(url=url, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    with create_engine(url, poolclass=pool.NullPool).connect() as connection:
        context.configure(connection=connection%1)
        with context.begin_transaction():
            context.run_migrations()
)";

} // namespace

namespace {

QString indented(const QString &statements)
{
    QString body;
    for (const QString &line : statements.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        body += QStringLiteral("    ") + line + QLatin1Char('\n');
    return body;
}

} // namespace

QString writeSmallProject(const QString &dir, const QStringList &upgrades, bool perMigration,
                          const QStringList &downgrades)
{
    const QString versions = dir + QStringLiteral("/migrations/versions");
    if (!QDir().mkpath(versions) || !write(dir + QStringLiteral("/alembic.ini"), QString::fromUtf8(kIni))
        || !write(dir + QStringLiteral("/migrations/env.py"),
                  QString::fromUtf8(kEnv).arg(perMigration ? QStringLiteral(", transaction_per_migration=True")
                                                           : QString())))
        return QString();
    for (int i = 1; i <= upgrades.size(); ++i) {
        const QString text =
            QStringLiteral("\"\"\"step %1\n\nRevision ID: s%1\nCreate Date: 2026-12-06 00:00:00\n\n\"\"\"\n"
                           "from alembic import op\nimport sqlalchemy as sa\n\n"
                           "revision = \"s%1\"\ndown_revision = %2\nbranch_labels = None\ndepends_on = None\n\n\n"
                           "def upgrade() -> None:\n%3\n\ndef downgrade() -> None:\n%4")
                .arg(i)
                .arg(i == 1 ? QStringLiteral("None") : QStringLiteral("\"s%1\"").arg(i - 1),
                     indented(upgrades[i - 1]),
                     downgrades.value(i - 1).isEmpty() ? QStringLiteral("    pass\n")
                                                       : indented(downgrades.value(i - 1)));
        if (!write(versions + QStringLiteral("/s%1.py").arg(i), text))
            return QString();
    }
    return dir + QStringLiteral("/alembic.ini");
}

QStringList usersUpgrades()
{
    return {
        QStringLiteral("op.create_table('users', sa.Column('id', sa.Integer, primary_key=True), "
                       "sa.Column('name', sa.String(50)))"),
        QStringLiteral("op.add_column('users', sa.Column('email', sa.String(100)))"),
        QStringLiteral("op.create_index('ix_users_name', 'users', ['name'])"),
    };
}

QStringList usersDowngrades()
{
    return {
        QStringLiteral("op.drop_table('users')"),
        QStringLiteral("op.drop_column('users', 'email')"),
        QStringLiteral("op.drop_index('ix_users_name', table_name='users')"),
    };
}

QString generateProject(const QString &dir, const QStringList &options)
{
    const ProcessResult r = runProcess(QStringLiteral("python3"),
                                       QStringList{QStringLiteral(RETORT_SOURCE_DIR "/bench/generate_project.py")}
                                           + options + QStringList{QStringLiteral("--quiet"), dir},
                                       QString());
    return r.ok() ? QString() : r.describe();
}

} // namespace retort::testsupport
