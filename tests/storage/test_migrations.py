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
from storage.schema import current_revision, head_revision

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
