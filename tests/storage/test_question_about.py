"""The pending question row also keeps the contact the last reply was about (migration 0011)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text

from storage.engine import make_engine
from storage.schema import alembic_config, head_revision, migrate
from storage.store import SqlStore

AT = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def test_a_reply_about_a_contact_with_no_question_is_kept_and_taken(store: SqlStore) -> None:
    store.ask_question("slack", "T1", "U1", None, AT, about_contact_id=7)
    taken = store.take_question("slack", "T1", "U1")
    assert taken is not None and taken.on_yes is None and taken.about_contact_id == 7
    assert store.take_question("slack", "T1", "U1") is None


def test_a_new_reply_replaces_both_the_question_and_the_contact(store: SqlStore) -> None:
    store.ask_question("slack", "T1", "U1", "forget-me confirm", AT, about_contact_id=7)
    store.ask_question("slack", "T1", "U1", None, AT)
    taken = store.take_question("slack", "T1", "U1")
    assert taken is not None and taken.on_yes is None and taken.about_contact_id is None


def test_migration_0011_upgrades_a_waiting_question_and_downgrades_cleanly(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    migrate(url, "0010")
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO pending_questions VALUES "
                    "('slack', 'T1', 'U1', 'forget-me confirm', '2026-03-02 10:00:00')"
                )
            )
        assert migrate(url) == head_revision()
        columns = {c["name"] for c in inspect(engine).get_columns("pending_questions")}
        assert "about_contact_id" in columns
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO pending_questions (platform, workspace_external_id, user_id, "
                    "about_contact_id, asked_at) VALUES ('slack', 'T1', 'U2', 3, "
                    "'2026-03-02 10:00:00')"
                )
            )
            command.downgrade(alembic_config(connection), "0010")
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT user_id, on_yes FROM pending_questions"))
            assert [tuple(row) for row in rows] == [("U1", "forget-me confirm")]
    finally:
        engine.dispose()
