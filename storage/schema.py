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
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Two processes starting at once must not both create the tables.
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK}
            )
        command.upgrade(alembic_config(connection), revision)


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
