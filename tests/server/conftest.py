"""Server tests run on SQLite; the Slack flows that depend on the database also run on
PostgreSQL (see tests/slack)."""

from __future__ import annotations

import pytest


@pytest.fixture
def database_url(sqlite_url: str) -> str:
    return sqlite_url
