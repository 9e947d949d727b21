"""Every `Store` method, on SQLite and PostgreSQL (the `store` fixture runs each test on both)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.core.ports import Store
from storage.records import ConversationReferenceRecord, PlannedNudge
from storage.store import RowNotFound, SqlStore
from tests.conftest import FakeClock

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def _protocol_methods() -> list[str]:
    return [name for name in vars(Store) if not name.startswith("_")]


def test_sql_store_implements_every_store_method(store: SqlStore) -> None:
    missing = [name for name in _protocol_methods() if not callable(getattr(store, name, None))]
    assert missing == []
    assert len(_protocol_methods()) > 20


# --- members ---------------------------------------------------------------------------------
def test_get_or_create_member_returns_the_same_member_and_updates_the_name(store: SqlStore):
    first = store.get_or_create_member("slack", "T1", "U1", "Ann")
    again = store.get_or_create_member("slack", "T1", "U1", "Ann Lee")
    other_workspace = store.get_or_create_member("slack", "T2", "U1")
    other_platform = store.get_or_create_member("teams", "T1", "U1")
    assert again.id == first.id
    assert again.display_name == "Ann Lee"
    assert len({first.id, other_workspace.id, other_platform.id}) == 3
    assert first.timezone == "UTC" and first.work_start == time(9, 0)
    assert first.shoutouts_opt_in is False and first.store_drafts_opt_in is False
    assert store.get_member(first.id) == again
    assert store.get_member(999_999) is None


def test_update_member_changes_only_what_is_given(store: SqlStore):
    member = store.get_or_create_member("slack", "T1", "U1")
    updated = store.update_member(member.id, timezone="Europe/Berlin", work_start=time(8, 0))
    assert (updated.timezone, updated.work_start, updated.work_end) == (
        "Europe/Berlin",
        time(8, 0),
        time(17, 30),
    )
    updated = store.update_member(member.id, shoutouts_opt_in=True)
    assert updated.shoutouts_opt_in and updated.timezone == "Europe/Berlin"
    assert store.get_member(member.id) == updated


def test_update_member_rejects_unknown_zone_and_member(store: SqlStore):
    member = store.get_or_create_member("slack", "T1", "U1")
    with pytest.raises(ValueError, match="Mars"):
        store.update_member(member.id, timezone="Mars/Olympus")
    assert store.get_member(member.id).timezone == "UTC"
    with pytest.raises(RowNotFound):
        store.update_member(424242, timezone="UTC")


# --- contacts and meetings --------------------------------------------------------------------
def test_find_contacts_matches_names_case_insensitively_and_mentions_exactly(store: SqlStore):
    ann = store.get_or_create_member("slack", "T1", "U1")
    bob = store.get_or_create_member("slack", "T1", "U2")
    maria = store.add_contact(ann.id, "María José")
    mention = store.add_contact(ann.id, "Carl", mention="U777")
    store.add_contact(bob.id, "María José")  # someone else's contact: never found for Ann
    assert store.find_contacts(ann.id, "MARÍA JOSÉ") == [maria]
    assert store.find_contacts(ann.id, "  maría josé ") == [maria]
    assert store.find_contacts(ann.id, "U777") == [mention]
    assert store.find_contacts(ann.id, "u777") == []
    assert store.find_contacts(ann.id, "Mar") == []
    assert store.find_contacts(ann.id, "") == []


def test_find_contacts_falls_back_to_leading_words_of_a_name(store: SqlStore):
    ann = store.get_or_create_member("slack", "T1", "U1")
    bob = store.get_or_create_member("slack", "T1", "U2")
    jane = store.add_contact(ann.id, "Jane Doe")
    store.add_contact(bob.id, "Jane Roe")  # someone else's contact: never found for Ann
    store.add_contact(ann.id, "Janet Hill")  # "jane" is not a leading word of "janet hill"
    assert store.find_contacts(ann.id, "jane") == [jane]
    jane_two = store.add_contact(ann.id, "Jane Smith")
    assert store.find_contacts(ann.id, "Jane") == [jane, jane_two]
    exact = store.add_contact(ann.id, "Jane")
    assert store.find_contacts(ann.id, "jane") == [exact]  # an exact name wins
    store.add_contact(ann.id, "J_ne Percent%")
    assert store.find_contacts(ann.id, "J_") == []  # LIKE wildcards are taken literally


def test_add_contact_needs_a_name(store: SqlStore):
    ann = store.get_or_create_member("slack", "T1", "U1")
    with pytest.raises(ValueError):
        store.add_contact(ann.id, "   ")


def test_meetings_belong_to_their_member_and_latest_is_by_date(store: SqlStore):
    ann = store.get_or_create_member("slack", "T1", "U1")
    bob = store.get_or_create_member("slack", "T1", "U2")
    contact = store.add_contact(ann.id, "Dana")
    store.add_meeting(ann.id, contact.id, date(2026, 2, 20), "PyCon", "talked about tests")
    later = store.add_meeting(ann.id, contact.id, date(2026, 2, 27), None, None)
    store.add_meeting(ann.id, contact.id, date(2026, 2, 1))
    assert store.latest_meeting(ann.id, contact.id) == later
    assert store.latest_meeting(bob.id, contact.id) is None
    with pytest.raises(RowNotFound):
        store.add_meeting(bob.id, contact.id, date(2026, 2, 27))


# --- follow-ups and nudges --------------------------------------------------------------------
def _follow_up(store: SqlStore, member_id: int, name: str = "Dana", **kwargs):
    contact = store.add_contact(member_id, name)
    defaults = {"met_on": date(2026, 3, 1), "due_on": date(2026, 3, 4)}
    defaults.update(kwargs)
    return store.create_follow_up(
        member_id, contact.id, None, defaults.pop("met_on"), defaults.pop("due_on"), **defaults
    )


def test_create_and_read_follow_up(store: SqlStore, clock: FakeClock):
    ann = store.get_or_create_member("slack", "T1", "U1")
    contact = store.add_contact(ann.id, "Dana", mention="U9")
    meeting = store.add_meeting(ann.id, contact.id, date(2026, 3, 1))
    created = store.create_follow_up(
        ann.id, contact.id, meeting.id, date(2026, 3, 1), date(2026, 3, 4), note="send deck"
    )
    assert created.contact_name == "Dana" and created.contact_mention == "U9"
    assert (created.status, created.touch, created.late) == ("open", 1, False)
    assert created.created_at == clock.now()
    assert store.get_follow_up(ann.id, created.id) == created
    other = store.get_or_create_member("slack", "T1", "U2")
    assert store.get_follow_up(other.id, created.id) is None
    with pytest.raises(RowNotFound):
        store.create_follow_up(other.id, contact.id, None, date(2026, 3, 1), date(2026, 3, 4))


def test_open_follow_ups_are_earliest_due_first(store: SqlStore):
    ann = store.get_or_create_member("slack", "T1", "U1")
    late = _follow_up(store, ann.id, "A", due_on=date(2026, 3, 9))
    early = _follow_up(store, ann.id, "B", due_on=date(2026, 3, 3))
    done = _follow_up(store, ann.id, "C", due_on=date(2026, 3, 2))
    store.close_follow_up(ann.id, done.id, "done", NOW)
    assert [f.id for f in store.open_follow_ups(ann.id)] == [early.id, late.id]
    assert [f.id for f in store.open_follow_ups_for_contact(ann.id, late.contact_id)] == [late.id]


def test_claim_returns_due_nudges_once(store: SqlStore):
    ann = store.get_or_create_member("slack", "T1", "U1")
    _follow_up(
        store,
        ann.id,
        nudges=[
            PlannedNudge("due", NOW - timedelta(minutes=1)),
            PlannedNudge("last-chance", NOW + timedelta(days=8)),
        ],
    )
    claimed = store.claim_due_nudges(NOW, 10, "worker-1")
    assert [(n.kind, n.member.id, n.follow_up.contact_name, n.attempts) for n in claimed] == [
        ("due", ann.id, "Dana", 1)
    ]
    assert store.claim_due_nudges(NOW, 10, "worker-2") == []
    store.mark_nudge_sent(claimed[0].nudge_id, NOW)
    # Even after the lease a sent nudge never comes back.
    assert store.claim_due_nudges(NOW + timedelta(hours=1), 10, "worker-2") == []
    later = store.claim_due_nudges(NOW + timedelta(days=8), 10, "worker-2")
    assert [n.kind for n in later] == ["last-chance"]


def test_claim_respects_limit_and_send_order(store: SqlStore):
    ann = store.get_or_create_member("slack", "T1", "U1")
    times = [NOW - timedelta(minutes=m) for m in (5, 50, 20)]
    _follow_up(store, ann.id, nudges=[PlannedNudge("due", t) for t in times])
    first = store.claim_due_nudges(NOW, 2, "w")
    assert [n.send_at for n in first] == sorted(times)[:2]
    assert [n.send_at for n in store.claim_due_nudges(NOW, 2, "w")] == [sorted(times)[2]]
    assert store.claim_due_nudges(NOW, 0, "w") == []


def test_nudges_of_closed_follow_ups_are_never_claimed(store: SqlStore):
    ann = store.get_or_create_member("slack", "T1", "U1")
    done = _follow_up(store, ann.id, "A", nudges=[PlannedNudge("due", NOW)])
    cancelled = _follow_up(store, ann.id, "B", nudges=[PlannedNudge("due", NOW)])
    closed = store.close_follow_up(ann.id, done.id, "done", NOW)
    store.close_follow_up(ann.id, cancelled.id, "cancelled", NOW)
    assert closed.status == "done" and closed.done_at == NOW
    assert store.claim_due_nudges(NOW + timedelta(days=1), 10, "w") == []


def test_close_follow_up_validates_status_and_owner(store: SqlStore):
    ann = store.get_or_create_member("slack", "T1", "U1")
    bob = store.get_or_create_member("slack", "T1", "U2")
    follow_up = _follow_up(store, ann.id)
    with pytest.raises(ValueError):
        store.close_follow_up(ann.id, follow_up.id, "open", NOW)
    with pytest.raises(RowNotFound):
        store.close_follow_up(bob.id, follow_up.id, "done", NOW)
    assert store.get_follow_up(ann.id, follow_up.id).status == "open"


def test_reschedule_replaces_pending_nudges(store: SqlStore):
    ann = store.get_or_create_member("slack", "T1", "U1")
    follow_up = _follow_up(store, ann.id, nudges=[PlannedNudge("due", NOW)])
    moved = store.reschedule_follow_up(
        ann.id,
        follow_up.id,
        date(2026, 3, 8),
        late=True,
        note="after the conference",
        nudges=[PlannedNudge("due", NOW + timedelta(days=6))],
    )
    assert (moved.due_on, moved.late, moved.note) == (
        date(2026, 3, 8),
        True,
        "after the conference",
    )
    assert store.claim_due_nudges(NOW + timedelta(days=1), 10, "w") == []
    claimed = store.claim_due_nudges(NOW + timedelta(days=6), 10, "w")
    assert [n.send_at for n in claimed] == [NOW + timedelta(days=6)]
    assert claimed[0].follow_up.due_on == date(2026, 3, 8)


def test_released_nudge_comes_back_at_retry_time_with_more_attempts(store: SqlStore):
    ann = store.get_or_create_member("slack", "T1", "U1")
    _follow_up(store, ann.id, nudges=[PlannedNudge("due", NOW)])
    (claimed,) = store.claim_due_nudges(NOW, 10, "w")
    store.release_nudge(claimed.nudge_id, NOW + timedelta(minutes=2))
    assert store.claim_due_nudges(NOW + timedelta(minutes=1), 10, "w") == []
    (again,) = store.claim_due_nudges(NOW + timedelta(minutes=2), 10, "w")
    assert again.nudge_id == claimed.nudge_id and again.attempts == 2


def test_stale_claim_is_taken_over_after_the_lease(store: SqlStore):
    ann = store.get_or_create_member("slack", "T1", "U1")
    _follow_up(store, ann.id, nudges=[PlannedNudge("due", NOW)])
    (claimed,) = store.claim_due_nudges(NOW, 10, "dead-worker")
    assert store.claim_due_nudges(NOW + timedelta(minutes=4), 10, "w2") == []
    (taken,) = store.claim_due_nudges(NOW + timedelta(minutes=6), 10, "w2")
    assert taken.nudge_id == claimed.nudge_id
    # The dead worker's late "sent" still settles it; nothing is sent a third time.
    store.mark_nudges_sent([taken.nudge_id], NOW + timedelta(minutes=6))
    assert store.claim_due_nudges(NOW + timedelta(hours=1), 10, "w3") == []


def test_unknown_nudge_kind_is_rejected(store: SqlStore):
    ann = store.get_or_create_member("slack", "T1", "U1")
    with pytest.raises(ValueError):
        _follow_up(store, ann.id, nudges=[PlannedNudge("whenever", NOW)])
    assert store.open_follow_ups(ann.id) == []


# --- reviews and feedback ---------------------------------------------------------------------
def test_review_text_is_kept_only_for_members_who_opted_in(store: SqlStore):
    ann = store.get_or_create_member("slack", "T1", "U1")
    review = store.record_review(
        ann.id, 40, True, ["no-hard-sell", "value-first"], "h1", NOW, text="Buy now!"
    )
    assert review.text is None
    assert review.rule_ids == ("no-hard-sell", "value-first")
    store.update_member(ann.id, store_drafts_opt_in=True)
    kept = store.record_review(ann.id, 90, False, [], "h2", NOW, text="Congrats on the launch")
    assert kept.text == "Congrats on the launch" and kept.rule_ids == ()
    store.update_member(ann.id, store_drafts_opt_in=False)
    exported = store.export_member(ann.id)
    assert [r["text"] for r in exported["draft_reviews"]] == [None, None]


def test_latest_review_is_the_members_own_newest(store: SqlStore):
    ann = store.get_or_create_member("slack", "T1", "U1")
    bob = store.get_or_create_member("slack", "T1", "U2")
    assert store.latest_review(ann.id) is None
    store.record_review(ann.id, 40, True, ["value-first"], "h1", NOW - timedelta(minutes=5))
    newest = store.record_review(ann.id, 55, True, ["no-hard-sell"], "h2", NOW)
    store.record_review(bob.id, 90, False, [], "h3", NOW + timedelta(minutes=1))
    latest = store.latest_review(ann.id)
    assert latest is not None
    assert (latest.id, latest.rule_ids) == (newest.id, ("no-hard-sell",))


def test_feedback_only_on_own_reviews_and_replaces_earlier_verdict(store: SqlStore):
    ann = store.get_or_create_member("slack", "T1", "U1")
    bob = store.get_or_create_member("slack", "T1", "U2")
    review = store.record_review(ann.id, 40, True, ["value-first"], "h", NOW)
    assert store.record_feedback(ann.id, review.id, "helpful", NOW)
    assert store.record_feedback(ann.id, review.id, "wrong-flag", NOW)
    assert not store.record_feedback(bob.id, review.id, "helpful", NOW)
    assert not store.record_feedback(ann.id, 999_999, "helpful", NOW)
    feedback = store.export_member(ann.id)["feedback"]
    assert [f["verdict"] for f in feedback] == ["wrong-flag"]


# --- figures ----------------------------------------------------------------------------------
def test_member_figures_aggregate_the_period(store: SqlStore, clock: FakeClock):
    ann = store.get_or_create_member("slack", "T1", "U1", "Ann")
    bob = store.get_or_create_member("slack", "T1", "U2", "Bob")
    week_ago = NOW - timedelta(days=7)
    clock.set(week_ago - timedelta(days=3))
    before_period = _follow_up(
        store, ann.id, "Old", met_on=date(2026, 2, 18), due_on=date(2026, 2, 21)
    )
    clock.set(NOW - timedelta(days=2))
    on_time = _follow_up(store, ann.id, "A", met_on=date(2026, 2, 27), due_on=date(2026, 3, 1))
    late = _follow_up(store, ann.id, "B", met_on=date(2026, 2, 10), due_on=date(2026, 2, 20))
    _follow_up(store, ann.id, "C", met_on=date(2026, 2, 27), due_on=date(2026, 3, 12))
    _follow_up(store, bob.id, "D", met_on=date(2026, 2, 27), due_on=date(2026, 3, 1))
    store.close_follow_up(ann.id, on_time.id, "done", NOW - timedelta(days=1))
    store.close_follow_up(ann.id, late.id, "done", NOW - timedelta(days=1))
    store.add_meeting(ann.id, on_time.contact_id, date(2026, 2, 27))
    for score, flagged, rules in [
        (30, True, ["no-hard-sell", "value-first"]),
        (50, True, ["value-first"]),
        (91, False, []),
    ]:
        store.record_review(ann.id, score, flagged, rules, "h", NOW - timedelta(hours=1))
    store.record_review(ann.id, 10, True, ["no-hard-sell"], "h", week_ago - timedelta(days=1))
    store.record_review(bob.id, 10, True, ["no-hard-sell"], "h", NOW - timedelta(hours=1))

    figures = store.member_figures(ann.id, week_ago, NOW)

    assert figures.follow_ups_logged == 3  # "Old" was logged before the period
    assert figures.follow_ups_done == 2
    assert figures.done_within_window == 1
    assert figures.overdue == 1  # "Old": open and due before today
    assert figures.meetings_logged == 1
    assert figures.drafts_reviewed == 3 and figures.drafts_flagged == 2
    assert figures.average_score == pytest.approx((30 + 50 + 91) / 3, abs=0.05)
    assert figures.top_rule == "value-first"
    assert figures.shoutouts == ()
    assert before_period.id not in {on_time.id, late.id}


def test_figures_of_an_empty_period_are_zero(store: SqlStore):
    ann = store.get_or_create_member("slack", "T1", "U1")
    figures = store.member_figures(ann.id, NOW - timedelta(days=7), NOW)
    assert figures.follow_ups_logged == figures.drafts_reviewed == 0
    assert figures.average_score is None and figures.top_rule is None
    empty = store.workspace_figures("slack", "nobody", NOW - timedelta(days=7), NOW)
    assert empty.follow_ups_logged == 0 and empty.shoutouts == ()


def test_workspace_figures_cover_members_and_shout_out_only_opted_in(
    store: SqlStore, clock: FakeClock
):
    clock.set(NOW - timedelta(days=2))
    members = {
        name: store.get_or_create_member("slack", "T1", user, name)
        for name, user in [("Ann", "U1"), ("Bob", "U2"), ("Cy", "U3")]
    }
    outsider = store.get_or_create_member("slack", "T2", "U9", "Out")
    store.update_member(members["Ann"].id, shoutouts_opt_in=True)
    store.update_member(members["Cy"].id, shoutouts_opt_in=True)
    for name, done_count in [("Ann", 2), ("Bob", 3), ("Cy", 1)]:
        for i in range(done_count):
            follow_up = _follow_up(store, members[name].id, f"{name}{i}", met_on=date(2026, 2, 27))
            store.close_follow_up(members[name].id, follow_up.id, "done", NOW - timedelta(hours=3))
    _follow_up(store, outsider.id, "X")
    store.update_member(outsider.id, shoutouts_opt_in=True)
    store.record_review(
        members["Bob"].id, 20, True, ["one-clear-ask"], "h", NOW - timedelta(hours=1)
    )

    figures = store.workspace_figures("slack", "T1", NOW - timedelta(days=7), NOW)

    assert figures.follow_ups_logged == 6 and figures.follow_ups_done == 6
    assert figures.done_within_window == 6
    assert figures.shoutouts == ("Ann", "Cy")  # Bob did most but did not opt in
    assert figures.top_rule == "one-clear-ask" and figures.drafts_flagged == 1


# --- digest subscriptions and runs ------------------------------------------------------------
def test_subscribe_replaces_the_channel_schedule_and_unsubscribe_removes_it(store: SqlStore):
    ann = store.get_or_create_member("slack", "T1", "U1")
    first = store.subscribe_digest("slack", "T1", "C1", 0, time(9, 0), "Europe/Berlin", ann.id)
    moved = store.subscribe_digest("slack", "T1", "C1", 4, time(16, 30), "UTC", ann.id)
    other = store.subscribe_digest("slack", "T1", "C2", 1, time(8, 0), "UTC", None)
    assert moved.id == first.id and (moved.weekday, moved.at) == (4, time(16, 30))
    assert moved.created_at is not None
    assert [s.id for s in store.digest_subscriptions()] == [first.id, other.id]
    assert store.unsubscribe_digest("slack", "T1", "C1")
    assert not store.unsubscribe_digest("slack", "T1", "C1")
    assert [s.channel_id for s in store.digest_subscriptions()] == ["C2"]
    with pytest.raises(ValueError):
        store.subscribe_digest("slack", "T1", "C3", 7, time(9, 0), "UTC", None)


def test_digest_run_is_claimed_once_per_week(store: SqlStore):
    sub = store.subscribe_digest("slack", "T1", "C1", 0, time(9, 0), "UTC", None)
    assert store.claim_digest_run(sub.id, "2026-W10", NOW)
    assert not store.claim_digest_run(sub.id, "2026-W10", NOW)
    store.finish_digest_run(sub.id, "2026-W10", NOW)
    assert not store.claim_digest_run(sub.id, "2026-W10", NOW + timedelta(days=1))
    assert store.claim_digest_run(sub.id, "2026-W11", NOW + timedelta(days=7))
    assert not store.claim_digest_run(999_999, "2026-W10", NOW)


def test_released_or_abandoned_digest_run_can_be_claimed_again(store: SqlStore):
    sub = store.subscribe_digest("slack", "T1", "C1", 0, time(9, 0), "UTC", None)
    assert store.claim_digest_run(sub.id, "2026-W10", NOW)
    store.release_digest_run(sub.id, "2026-W10")
    assert store.claim_digest_run(sub.id, "2026-W10", NOW)
    # The claimer died before sending: after the lease someone else takes over, once.
    assert not store.claim_digest_run(sub.id, "2026-W10", NOW + timedelta(minutes=5))
    assert store.claim_digest_run(sub.id, "2026-W10", NOW + timedelta(minutes=30))
    assert not store.claim_digest_run(sub.id, "2026-W10", NOW + timedelta(minutes=31))


# --- webhook events ---------------------------------------------------------------------------
def test_claim_event_is_true_once_per_platform_and_id(store: SqlStore):
    assert store.claim_event("slack", "Ev1", NOW)
    assert not store.claim_event("slack", "Ev1", NOW + timedelta(seconds=5))
    assert store.claim_event("teams", "Ev1", NOW)
    assert store.prune_events(NOW + timedelta(seconds=1)) == 2
    assert store.claim_event("slack", "Ev1", NOW + timedelta(days=2))


# --- conversation references ------------------------------------------------------------------
def test_conversation_references_upsert_lookup_and_delete(store: SqlStore, clock: FakeClock):
    ref = ConversationReferenceRecord(
        "teams", "tenant-1", "a:conv1", "29:user", {"serviceUrl": "https://x/", "n": 1}
    )
    store.save_conversation_reference(ref)
    clock.advance(minutes=1)
    newer = ConversationReferenceRecord("teams", "tenant-1", "a:conv2", "29:user", {"n": 2})
    store.save_conversation_reference(newer)
    assert store.conversation_reference("teams", "tenant-1", "a:conv1") == ref
    assert store.member_conversation_reference("teams", "tenant-1", "29:user") == newer
    updated = ConversationReferenceRecord("teams", "tenant-1", "a:conv1", "29:user", {"n": 3})
    clock.advance(minutes=1)
    store.save_conversation_reference(updated)
    assert store.conversation_reference("teams", "tenant-1", "a:conv1") == updated
    assert store.member_conversation_reference("teams", "tenant-1", "29:user") == updated
    assert store.conversation_reference("teams", "tenant-2", "a:conv1") is None
    assert store.delete_workspace_references("teams", "tenant-1") == 2
    assert store.member_conversation_reference("teams", "tenant-1", "29:user") is None


# --- health -----------------------------------------------------------------------------------
def test_heartbeat_keeps_the_latest_beat(store: SqlStore):
    assert store.heartbeat("sweep") is None
    store.record_heartbeat("sweep", NOW, "sent 3")
    store.record_heartbeat("sweep", NOW + timedelta(seconds=30), "sent 0")
    assert store.heartbeat("sweep") == (NOW + timedelta(seconds=30), "sent 0")


def test_datetimes_come_back_aware_utc(store: SqlStore):
    berlin = datetime(2026, 3, 2, 11, 0, tzinfo=__import__("zoneinfo").ZoneInfo("Europe/Berlin"))
    store.record_heartbeat("x", berlin)
    at, _ = store.heartbeat("x")
    assert at == berlin and at.tzinfo == UTC
    with pytest.raises(Exception, match="naive"):
        store.record_heartbeat("x", datetime(2026, 3, 2, 10, 0))


def test_delete_one_conversation_reference_keeps_the_others(store: SqlStore):
    for conversation in ("a:1", "a:2"):
        store.save_conversation_reference(
            ConversationReferenceRecord("teams", "tenant-1", conversation, "29:u", {})
        )
    assert store.delete_conversation_reference("teams", "tenant-1", "a:1")
    assert not store.delete_conversation_reference("teams", "tenant-1", "a:1")
    assert store.conversation_reference("teams", "tenant-1", "a:1") is None
    assert store.conversation_reference("teams", "tenant-1", "a:2") is not None


def test_oversized_text_is_refused_alike_on_both_databases_and_long_notes_are_kept(
    store: SqlStore,
):
    ann = store.get_or_create_member("slack", "T1", "U1", "A" * 1000)
    assert ann.display_name == "A" * 200  # a platform label: shortened, not refused
    with pytest.raises(ValueError, match="at most 200"):
        store.add_contact(ann.id, "x" * 201)
    contact = store.add_contact(ann.id, "Dana")
    with pytest.raises(ValueError, match="place"):
        store.add_meeting(ann.id, contact.id, date(2026, 3, 1), place="p" * 301)
    note = "thank-you note " * 3000  # 45,000 characters
    follow_up = store.create_follow_up(
        ann.id, contact.id, None, date(2026, 3, 1), date(2026, 3, 4), note=note
    )
    assert store.get_follow_up(ann.id, follow_up.id).note == note
    assert [c.name for c in store.find_contacts(ann.id, "dana")] == ["Dana"]


def test_unknown_time_zone_gets_a_clear_error(store: SqlStore):
    ann = store.get_or_create_member("slack", "T1", "U1")
    for bad in ("Mars/Olympus", "../etc/passwd", ""):
        with pytest.raises(ValueError, match="IANA"):
            store.update_member(ann.id, timezone=bad)
    with pytest.raises(ValueError, match="IANA"):
        store.subscribe_digest("slack", "T1", "C1", 0, time(9, 0), "Nowhere/Land", None)
