"""Putting a change right in the store (core8): a meeting moved to its real day, a follow-up
marked done by mistake reopened, and a "Which one?" reply's choices kept with the question
(migration 0012). On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text

from storage.engine import make_engine
from storage.records import PlannedNudge
from storage.schema import alembic_config, head_revision, migrate
from storage.store import RowNotFound, SqlStore

AT = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
MET = date(2026, 3, 2)


def _dana(store: SqlStore) -> tuple[int, int, int]:
    member = store.get_or_create_member("slack", "T1", "U1").id
    contact = store.add_contact(member, "Dana Kim").id
    meeting = store.add_meeting(member, contact, MET, place="PyCon").id
    return member, contact, meeting


def _nudge(day: date) -> PlannedNudge:
    return PlannedNudge("due", datetime(day.year, day.month, day.day, 9, tzinfo=UTC))


def test_moving_a_meeting_moves_its_follow_ups_window_and_nudges(store: SqlStore) -> None:
    member, contact, meeting = _dana(store)
    first = store.create_follow_up(
        member, contact, meeting, MET, MET + timedelta(days=3), note="deck", nudges=[_nudge(MET)]
    )
    moved = store.move_meeting(
        member,
        meeting,
        date(2026, 2, 26),
        follow_up_id=first.id,
        due_on=MET,
        nudges=[_nudge(MET)],
    )
    assert moved.met_on == date(2026, 2, 26) and moved.place == "PyCon"
    after = store.get_follow_up(member, first.id)
    assert after is not None and after.met_on == date(2026, 2, 26) and after.due_on == MET
    assert after.note == "deck" and after.status == "open"
    claimed = store.claim_due_nudges(AT + timedelta(days=30), 10, "w", member_id=member)
    assert len(claimed) == 1  # the old nudge was replaced, not added to


def test_moving_someone_elses_meeting_fails(store: SqlStore) -> None:
    member, _, meeting = _dana(store)
    other = store.get_or_create_member("slack", "T1", "U2").id
    with pytest.raises(RowNotFound):
        store.move_meeting(other, meeting, MET)
    assert store.latest_meeting(member, _dana_contact(store, member)) is not None


def _dana_contact(store: SqlStore, member: int) -> int:
    return store.contacts(member)[0].id


def test_reopening_puts_a_done_follow_up_back_and_cancels_its_second_touch(
    store: SqlStore,
) -> None:
    member, contact, meeting = _dana(store)
    first = store.create_follow_up(member, contact, meeting, MET, date(2026, 3, 5), note="deck")
    store.close_follow_up(member, first.id, "done", AT)
    store.set_touch_kind(member, first.id, "give", "chosen", AT)
    second = store.create_follow_up(
        member, contact, meeting, MET, date(2026, 3, 16), touch=2, nudges=[_nudge(MET)]
    )
    reopened = store.reopen_follow_up(
        member, first.id, remove=[second.id], nudges=[_nudge(date(2026, 3, 5))]
    )
    assert reopened.status == "open" and reopened.done_at is None
    assert reopened.due_on == date(2026, 3, 5) and reopened.note == "deck"
    assert store.touch_kind(member, first.id) is None
    gone = store.get_follow_up(member, second.id)
    assert gone is not None and gone.status == "cancelled"
    assert [f.id for f in store.open_follow_ups(member)] == [first.id]
    claimed = store.claim_due_nudges(AT + timedelta(days=30), 10, "w", member_id=member)
    assert [n.follow_up.id for n in claimed if n.follow_up] == [first.id]


def test_reopening_refuses_what_is_not_done_or_not_theirs(store: SqlStore) -> None:
    member, contact, meeting = _dana(store)
    first = store.create_follow_up(member, contact, meeting, MET, date(2026, 3, 5))
    with pytest.raises(ValueError, match="not done"):
        store.reopen_follow_up(member, first.id)
    store.close_follow_up(member, first.id, "done", AT)
    other_contact = store.add_contact(member, "Marcus Obi").id
    theirs = store.create_follow_up(member, other_contact, None, MET, date(2026, 3, 5))
    with pytest.raises(ValueError, match="same contact"):
        store.reopen_follow_up(member, first.id, remove=[theirs.id])
    # Nothing changed: the transaction rolled back.
    still = store.get_follow_up(member, first.id)
    assert still is not None and still.status == "done"
    assert store.get_follow_up(member, theirs.id).status == "open"  # type: ignore[union-attr]


def test_a_question_keeps_its_choices(store: SqlStore) -> None:
    choices = [("Kemi Ade met at the MTN meetup", "done #1 thanked"), ("Kemi Bello", "done #2")]
    store.ask_question("slack", "T1", "U1", None, AT, choices=choices)
    taken = store.take_question("slack", "T1", "U1")
    assert taken is not None and taken.choices == tuple(choices)
    store.ask_question("slack", "T1", "U1", "forget-me confirm", AT, choices=choices)
    store.ask_question("slack", "T1", "U1", None, AT, about_contact_id=3)
    replaced = store.take_question("slack", "T1", "U1")
    assert replaced is not None and replaced.choices == () and replaced.about_contact_id == 3


def test_migration_0012_upgrades_a_waiting_question_and_downgrades_cleanly(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    migrate(url, "0011")
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO pending_questions (platform, workspace_external_id, user_id, "
                    "on_yes, about_contact_id, asked_at) VALUES ('slack', 'T1', 'U1', "
                    "'forget-me confirm', 3, '2026-03-02 10:00:00')"
                )
            )
        assert migrate(url) == head_revision()
        columns = {c["name"] for c in inspect(engine).get_columns("pending_questions")}
        assert "choices" in columns
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO pending_questions (platform, workspace_external_id, user_id, "
                    "choices, asked_at) VALUES ('slack', 'T1', 'U2', '[[\"a\", \"b\"]]', "
                    "'2026-03-02 10:00:00')"
                )
            )
            command.downgrade(alembic_config(connection), "0011")
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT user_id, on_yes, about_contact_id FROM pending_questions")
            )
            assert sorted(tuple(row) for row in rows) == [
                ("U1", "forget-me confirm", 3),
                ("U2", None, None),
            ]
    finally:
        engine.dispose()
