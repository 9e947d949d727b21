"""Persistence: SQLAlchemy 2.x models, the repository, Alembic migrations.

Never imports bot/. `storage.records` is plain dataclasses (no SQLAlchemy) so the core can use
them without pulling in the database layer; that is also why this module imports SQLAlchemy
only when `open_store` or `migrate` is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage.store import Clock, SqlStore

__all__ = ["SqlStore", "migrate", "open_store"]


def open_store(database_url: str, *, migrate: bool = True, clock: Clock | None = None) -> SqlStore:
    """Open the database at `database_url`, bringing its schema up to date unless told not to.

    `clock` (anything with `now()`) stamps created_at columns; the system clock by default.
    Set `store.clock` later to move it (the console's simulated time does).
    """
    from storage.store import SqlStore

    return SqlStore.open(database_url, migrate=migrate, clock=clock)


def migrate(database_url: str) -> str | None:
    """Apply every pending migration; returns the revision reached."""
    from storage.schema import migrate as _migrate

    return _migrate(database_url)


def __getattr__(name: str) -> object:
    if name == "SqlStore":
        from storage.store import SqlStore

        return SqlStore
    raise AttributeError(name)
