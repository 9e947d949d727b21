"""The store's events, meeting outcomes and weekly trend (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from storage.records import PlannedNudge
from storage.store import RowNotFound, SqlStore

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
WEEK = timedelta(days=7)


def test_a_deleted_member_event_takes_its_nudge_and_links_with_it(store: SqlStore):
    member = store.get_or_create_member("slack", "T1", "U1").id
    event = store.add_event(
        member, "PyCon", date(2026, 3, 2), 2, [PlannedNudge("event-debrief", NOW)]
    )
    contact = store.add_contact(member, "Jane Doe")
    store.add_meeting(member, contact.id, date(2026, 3, 2), "PyCon", event_id=event.id)
    [outcome] = store.meeting_outcomes(member)
    assert (outcome.event_id, outcome.event_name) == (event.id, "PyCon")
    store.forget_member(member)
    assert store.claim_due_nudges(NOW + WEEK, 10, "w") == []


def test_events_belong_to_their_member(store: SqlStore):
    mine = store.get_or_create_member("slack", "T1", "U1").id
    other = store.get_or_create_member("slack", "T1", "U2").id
    event = store.add_event(mine, "PyCon Berlin", date(2026, 3, 14), 2)
    assert store.find_events(other, "PyCon Berlin") == []
    assert [e.id for e in store.find_events(mine, "pycon berlín")] == [event.id]
    contact = store.add_contact(other, "Jane Doe")
    with pytest.raises(RowNotFound):
        store.add_meeting(other, contact.id, date(2026, 3, 14), event_id=event.id)
    assert store.meeting_outcomes(other) == []  # nothing half-written


def test_the_weekly_trend_counts_follow_ups_done_inside_their_window(store: SqlStore):
    member = store.get_or_create_member("slack", "T1", "U1").id
    contact = store.add_contact(member, "Jane Doe")
    done_at = [
        NOW - WEEK * 3 + timedelta(hours=1),
        NOW - timedelta(hours=1),
        NOW - timedelta(hours=2),
    ]
    for at in done_at:
        follow_up = store.create_follow_up(
            member, contact.id, None, at.date() - timedelta(days=2), at.date()
        )
        store.close_follow_up(member, follow_up.id, "done", at)
    late = store.create_follow_up(member, contact.id, None, date(2026, 2, 1), date(2026, 2, 4))
    store.close_follow_up(member, late.id, "done", NOW - timedelta(hours=3))  # past day 10

    counts = store.workspace_weekly_follow_ups("slack", "T1", NOW, 8, WEEK)
    assert counts == [0, 0, 0, 0, 0, 1, 0, 2]
    # The same figure the digest's table shows for each week.
    for back, count in enumerate(reversed(counts)):
        end = NOW - WEEK * back
        figures = store.workspace_figures("slack", "T1", end - WEEK, end)
        assert figures.done_within_window == count
    assert store.workspace_weekly_follow_ups("slack", "nope", NOW, 8, WEEK) == [0] * 8
