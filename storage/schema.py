"""Apply and inspect Alembic migrations. The script location comes from this package's own
path, so it works from a wheel and from any working directory."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from storage.engine import make_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Any constant works; it only has to be the same in every process of this application.
_PG_MIGRATION_LOCK = 7_246_130_001


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError(f"No migrations found in {MIGRATIONS_DIR}")
    return head


def upgrade_engine(engine: Engine, revision: str = "head") -> None:
    if engine.dialect.name == "sqlite":
        _upgrade_sqlite(engine, revision)
        return
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Two processes starting at once must not both create the tables.
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK}
            )
        command.upgrade(alembic_config(connection), revision)


def _upgrade_sqlite(engine: Engine, revision: str) -> None:
    """SQLite's own procedure for changing a table: foreign keys off while a migration rebuilds
    tables (dropping the old copy of a parent would cascade to every row pointing at it), and
    checked before the change is committed. The pragma only works outside a transaction, so it
    is set on the driver's connection before SQLAlchemy begins one."""
    with engine.connect() as connection:
        driver = connection.connection.dbapi_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                command.upgrade(alembic_config(connection), revision)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"the migration left {len(broken)} dangling references")
        finally:
            driver.execute("PRAGMA foreign_keys = ON")


def current_revision_of(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate(database_url: str, revision: str = "head") -> str | None:
    """Bring the database to `revision` (default: the newest). Returns the revision reached."""
    engine = make_engine(database_url)
    try:
        upgrade_engine(engine, revision)
        return current_revision_of(engine)
    finally:
        engine.dispose()


def current_revision(database_url: str) -> str | None:
    engine = make_engine(database_url)
    try:
        return current_revision_of(engine)
    finally:
        engine.dispose()
