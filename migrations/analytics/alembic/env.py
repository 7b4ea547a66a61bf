"""Migration environment for the analytics database.

Runs offline (``alembic upgrade heads --sql``) or online against the URL
from alembic.ini, unless DATABASE_URL is set in the environment.
"""
import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config

if config.config_file_name is not None:
    fileConfig(config.config_file_name)

# The application models are not imported here: these migrations are written
# by hand, so autogenerate has nothing to compare against.
target_metadata = None


def get_url() -> str:
    url = os.environ.get("DATABASE_URL")
    if url:
        # configparser interpolation would choke on a password containing '%'
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
        return url
    return config.get_main_option("sqlalchemy.url")


def run_migrations_offline() -> None:
    """Emit SQL to stdout instead of talking to a database."""
    context.configure(
        url=get_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )

    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Connect with a plain synchronous engine and run the migrations."""
    get_url()
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )

    with connectable.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
        )

        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
