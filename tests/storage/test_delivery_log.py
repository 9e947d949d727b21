"""The delivery log records sends at once, for every process to see."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from storage.models import Nudge
from storage.records import PlannedNudge
from storage.store import SqlStore

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def test_a_recorded_send_is_visible_to_another_process_at_once(store: SqlStore, database_url: str):
    member = store.get_or_create_member("slack", "T1", "U1")
    contact = store.add_contact(member.id, "Dana")
    store.create_follow_up(
        member.id, contact.id, None, date(2026, 3, 1), date(2026, 3, 2),
        nudges=[PlannedNudge("due", NOW), PlannedNudge("due", NOW)],
    )  # fmt: skip
    first, second = store.claim_due_nudges(NOW, 2, "w")

    assert store.mark_nudges_sent([first.nudge_id], NOW) == 1

    other = SqlStore.open(database_url, migrate=False)  # as another server process would
    try:
        with other.engine.connect() as connection:
            rows = dict(connection.execute(select(Nudge.id, Nudge.status)).all())
        assert rows == {first.nudge_id: "sent", second.nudge_id: "sending"}
    finally:
        other.close()
    assert store.mark_nudges_sent([first.nudge_id], NOW) == 0  # recorded once
