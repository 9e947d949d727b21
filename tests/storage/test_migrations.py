"""Migrations: they build exactly the models' schema, from any working directory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

import storage
from storage.engine import make_engine
from storage.models import Base
from storage.schema import current_revision, head_revision, migrate

SLACK_SDK_TABLES = {"slack_bots", "slack_installations", "slack_oauth_states"}


def _only_our_tables(name: str | None, type_: str, parent_names: object) -> bool:
    return type_ != "table" or name not in SLACK_SDK_TABLES


def test_migrated_schema_matches_the_models(database_url: str):
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            # slack_sdk creates and owns its installation tables (slack_bots, ...); other tests
            # sharing this database may have made them, and they are not ours to compare.
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "include_name": _only_our_tables}
            )
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()
    assert current_revision(database_url) == head_revision()


def test_open_store_creates_the_parent_directory_and_migrates(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'deep' / 'er' / 'bot.sqlite3'}"
    opened = storage.open_store(url)
    try:
        assert (tmp_path / "deep" / "er" / "bot.sqlite3").exists()
        assert "nudges" in inspect(opened.engine).get_table_names()
        with opened.engine.connect() as connection:
            pragmas = {
                name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "foreign_keys", "busy_timeout")
            }
        assert pragmas == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 10_000}
    finally:
        opened.close()
    # Running the migrations again is a no-op.
    assert storage.migrate(url) == head_revision()


def test_open_store_without_migrate_leaves_the_database_alone(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'bare.sqlite3'}"
    opened = storage.open_store(url, migrate=False)
    try:
        assert inspect(opened.engine).get_table_names() == []
    finally:
        opened.close()
    assert current_revision(url) is None


def test_migrations_run_from_another_working_directory(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'elsewhere.sqlite3'}"
    env = {**os.environ, "PYTHONPATH": str(Path(storage.__file__).resolve().parents[1])}
    result = subprocess.run(
        [sys.executable, "-c", f"import storage; print(storage.migrate({url!r}))"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == head_revision()


@pytest.mark.parametrize("url", ["mysql://x/y", "sqlite+nope:///x"])
def test_unsupported_database_urls_are_refused_with_a_reason(url: str):
    with pytest.raises(Exception, match=r"(?i)unsupported|nope"):
        make_engine(url)


_RACER = """
import sys, time
from pathlib import Path
from storage.schema import current_revision, migrate
from alembic import command  # noqa: F401  (imported before the start line, like the rest)
url, ready, me = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
current_revision(url)  # connected and warmed up
(ready / me).touch()
while len(list(ready.iterdir())) < 2:
    time.sleep(0.002)
print(migrate(url))
"""


@pytest.mark.postgres
@pytest.mark.slow
def test_two_processes_migrating_a_fresh_postgres_at_once_both_succeed(
    postgres_url: str, tmp_path: Path
):
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(
        make_url(postgres_url).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    name = f"{make_url(postgres_url).database}_race"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    fresh = make_url(postgres_url).set(database=name).render_as_string(hide_password=False)
    env = {**os.environ, "PYTHONPATH": str(Path(storage.__file__).resolve().parents[1])}
    try:
        racers = [
            subprocess.Popen(
                [sys.executable, "-c", _RACER, fresh, str(tmp_path), f"racer-{i}"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for i in range(2)
        ]
        outcomes = [racer.communicate(timeout=120) for racer in racers]
        assert [racer.returncode for racer in racers] == [0, 0], [err for _, err in outcomes]
        assert [out.strip() for out, _ in outcomes] == [head_revision()] * 2
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


_ROWS = (
    "INSERT INTO workspaces (platform, external_id, created_at) "
    "VALUES ('slack', 'T1', '2026-12-01 09:00:00')",
    "INSERT INTO members (workspace_id, user_id, timezone, work_start, work_end, "
    "shoutouts_opt_in, store_drafts_opt_in, created_at, date_order) "
    "VALUES (1, 'U1', 'UTC', '09:00', '17:00', false, false, '2026-12-01 09:00:00', 'auto')",
    "INSERT INTO contacts (member_id, name, name_key, created_at) "
    "VALUES (1, 'Ana', 'ana', '2026-12-01 09:00:00')",
)
_A_FOLLOW_UP = (
    "INSERT INTO follow_ups (member_id, contact_id, met_on, due_on, window_closes_on, status, "
    "touch, late, created_at) VALUES (1, 1, '2026-12-01', '2026-12-04', '2026-12-11', 'open', "
    "1, false, '2026-12-01 09:00:00')"
)


def _write(url: str, *statements: str) -> int | None:
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            for statement in statements:
                connection.exec_driver_sql(statement)
            return connection.exec_driver_sql("SELECT max(id) FROM follow_ups").scalar()
    finally:
        engine.dispose()


def test_the_id_of_a_deleted_follow_up_is_never_given_again(sqlite_url: str):
    """A tester deleted the contact of follow-up #7, and the next follow-up became "#7": a Done
    button under an old message would have acted on it (SQLite reuses max(id) + 1)."""
    newest = _write(sqlite_url, *_ROWS, _A_FOLLOW_UP, _A_FOLLOW_UP)
    assert newest == 2
    after = _write(sqlite_url, "DELETE FROM follow_ups WHERE id = 2", _A_FOLLOW_UP)
    assert after == 3


def test_upgrading_an_existing_sqlite_database_keeps_every_row_and_reference(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'before.sqlite3'}"
    assert migrate(url, "0014") == "0014"
    _write(
        url,
        *_ROWS,
        _A_FOLLOW_UP,
        "INSERT INTO nudges (follow_up_id, member_id, kind, send_at, status, attempts, in_doubt) "
        "VALUES (1, 1, 'due', '2026-12-04 09:00:00', 'pending', 0, false)",
    )
    assert migrate(url) == head_revision()
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            counts = [
                connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
                for table in ("contacts", "follow_ups", "nudges")
            ]
            assert counts == [1, 1, 1]
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        engine.dispose()
