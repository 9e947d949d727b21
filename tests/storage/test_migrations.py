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


def test_migrated_schema_matches_the_models(database_url: str):
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
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
