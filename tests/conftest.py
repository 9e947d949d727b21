"""Shared fixtures: a settable clock and real databases (SQLite file and PostgreSQL).

`store` runs each test once per database. PostgreSQL comes from NETCOACH_TEST_POSTGRES_URL
(default: the local `test` database); a fresh database is created for the test session and
its tables are emptied before every test. When the server is unreachable those tests are
skipped with the reason, unless NETCOACH_REQUIRE_POSTGRES=1, which turns that into a failure.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from storage.store import SqlStore

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
# A Monday morning, so tests read naturally ("the nudge is due on Wednesday").
DEFAULT_NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


class FakeClock:
    """`bot.core.ports.Clock` whose time only moves when a test says so."""

    def __init__(self, now: datetime = DEFAULT_NOW) -> None:
        self.set(now)

    def now(self) -> datetime:
        return self._now

    def set(self, now: datetime) -> None:
        if now.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = now.astimezone(UTC)

    def advance(self, delta: timedelta | None = None, **kwargs: float) -> datetime:
        self._now += delta if delta is not None else timedelta(**kwargs)
        return self._now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


# --- SQLite ------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrate once per session; each test gets a copy of the file."""
    from storage.schema import migrate

    path = tmp_path_factory.mktemp("sqlite-template") / "template.sqlite3"
    migrate(f"sqlite:///{path}")
    return path


@pytest.fixture
def sqlite_url(_sqlite_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "netcoach.sqlite3"
    shutil.copyfile(_sqlite_template, path)
    return f"sqlite:///{path}"


# --- PostgreSQL --------------------------------------------------------------------------------
def _postgres_unavailable(reason: str) -> None:
    message = f"PostgreSQL is not available ({reason}); set NETCOACH_TEST_POSTGRES_URL."
    if os.environ.get("NETCOACH_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"{message} NETCOACH_REQUIRE_POSTGRES=1 makes this a failure.")
    pytest.skip(message)


@pytest.fixture(scope="session")
def _postgres_database() -> Iterator[str]:
    """A fresh database, migrated to head, dropped at the end of the session."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from storage.engine import normalize_url
    from storage.schema import migrate

    server_url = normalize_url(os.environ.get("NETCOACH_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL))
    admin = create_engine(
        server_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}
    )
    name = f"netcoach_test_{os.getpid()}_{secrets.token_hex(4)}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
            # A throwaway database: skip waiting for the disk on every commit.
            connection.execute(text(f'ALTER DATABASE "{name}" SET synchronous_commit = off'))
    except Exception as error:  # any reason: refused, auth, no such role...
        admin.dispose()
        _postgres_unavailable(f"{type(error).__name__}: {str(error).splitlines()[0]}")
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    try:
        migrate(url)
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def _postgres_truncate(_postgres_database: str) -> Iterator[object]:
    from sqlalchemy import text

    from storage.engine import make_engine
    from storage.models import Base

    engine = make_engine(_postgres_database)
    # DELETE, children first: on a handful of rows it is ~50x faster than TRUNCATE.
    statements = [
        text(f'DELETE FROM "{table.name}"') for table in reversed(Base.metadata.sorted_tables)
    ]

    def truncate() -> None:
        with engine.begin() as connection:
            for statement in statements:
                connection.execute(statement)

    yield truncate
    engine.dispose()


@pytest.fixture
def postgres_url(_postgres_database: str, _postgres_truncate: object) -> str:
    _postgres_truncate()  # type: ignore[operator]
    return _postgres_database


# --- Either database -----------------------------------------------------------------------------
@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """A migrated, empty database of each kind."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(database_url: str, clock: FakeClock) -> Iterator[SqlStore]:
    from storage.store import SqlStore

    opened = SqlStore.open(database_url, migrate=False, clock=clock)
    try:
        yield opened
    finally:
        opened.close()
