"""The store's keep-in-touch cadences (table `keep_in_touch`, migration 0009) on both databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from storage.engine import make_engine
from storage.records import CadenceRecord
from storage.schema import alembic_config, head_revision, migrate
from storage.store import RowNotFound, SqlStore


def _contact(store: SqlStore, user: str = "U1", name: str = "Priya") -> tuple[int, int]:
    member = store.get_or_create_member("slack", "T1", user)
    return member.id, store.add_contact(member.id, name).id


def test_a_cadence_is_set_changed_read_and_ended(store: SqlStore):
    member, contact = _contact(store)
    assert store.cadences(member) == []

    store.set_cadence(member, contact, "monthly")
    store.set_cadence(member, contact, "quarterly")  # one per contact: the second replaces it

    assert store.cadences(member) == [CadenceRecord(member, contact, "quarterly")]
    assert store.cadences(member, contact) == [CadenceRecord(member, contact, "quarterly")]
    assert store.end_cadence(member, contact) is True
    assert store.end_cadence(member, contact) is False
    assert store.cadences(member) == []


def test_a_member_cannot_touch_another_members_contact(store: SqlStore):
    _, priya = _contact(store, "U1")
    other, _ = _contact(store, "U2", "Dana")
    with pytest.raises(RowNotFound):
        store.set_cadence(other, priya, "monthly")
    store.set_cadence(store.get_or_create_member("slack", "T1", "U1").id, priya, "monthly")
    assert store.end_cadence(other, priya) is False
    assert store.cadences(other) == [] and store.cadences(other, priya) == []


def test_a_cadence_longer_than_its_column_is_refused_the_same_everywhere(store: SqlStore):
    member, contact = _contact(store)
    with pytest.raises(ValueError, match="at most 16 fit"):
        store.set_cadence(member, contact, "x" * 17)


def test_migration_0009_upgrades_the_revision_before_it_and_downgrades_cleanly(tmp_path: Path):
    before = ScriptDirectory.from_config(alembic_config()).get_revision("0009").down_revision
    assert isinstance(before, str)
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    migrate(url, before)
    assert migrate(url) == head_revision()
    engine = make_engine(url)
    try:
        assert "keep_in_touch" in inspect(engine).get_table_names()
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), before)
        assert "keep_in_touch" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()
