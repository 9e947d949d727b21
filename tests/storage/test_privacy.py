"""`export` returns everything about a member; `forget-me` leaves zero rows about them."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select

from storage.models import Base
from storage.records import ConversationReferenceRecord, PlannedNudge
from storage.store import SqlStore

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def _populate(store: SqlStore, user_id: str, platform: str = "teams") -> int:
    member = store.get_or_create_member(platform, "T1", user_id, f"name-{user_id}")
    store.update_member(member.id, store_drafts_opt_in=True)
    contact = store.add_contact(member.id, "Dana", mention="U9")
    meeting = store.add_meeting(member.id, contact.id, date(2026, 3, 1), "meetup", "note")
    follow_up = store.create_follow_up(
        member.id,
        contact.id,
        meeting.id,
        date(2026, 3, 1),
        date(2026, 3, 4),
        nudges=[PlannedNudge("due", NOW), PlannedNudge("last-chance", NOW + timedelta(days=8))],
    )
    store.close_follow_up(member.id, follow_up.id, "done", NOW)
    store.set_touch_kind(member.id, follow_up.id, "give", "chosen", NOW)
    review = store.record_review(member.id, 40, True, ["value-first"], "hash", NOW, text="draft")
    store.record_feedback(member.id, review.id, "helpful", NOW)
    sub = store.subscribe_digest(platform, "T1", f"C-{user_id}", 0, time(9), "UTC", member.id)
    store.claim_digest_run(sub.id, "2026-W10", NOW)
    store.save_conversation_reference(
        ConversationReferenceRecord(platform, "T1", f"conv-{user_id}", user_id, {"a": 1})
    )
    return member.id


def _row_counts(store: SqlStore) -> dict[str, int]:
    with store.engine.connect() as connection:
        return {
            table.name: connection.scalar(select(func.count()).select_from(table))
            for table in Base.metadata.sorted_tables
        }


def test_forget_member_leaves_no_row_about_them_and_keeps_others(store: SqlStore):
    bob = _populate(store, "U2")
    before_ann = _row_counts(store)
    ann = _populate(store, "U1")
    assert _row_counts(store) != before_ann

    counts = store.forget_member(ann)

    # Every table holds exactly Bob's rows again, except the digest of the channel Ann
    # subscribed: that belongs to the channel and stays, no longer linked to her.
    channel_rows = {"digest_subscriptions": 1, "digest_runs": 1}
    after = _row_counts(store)
    assert after == {t: n + channel_rows.get(t, 0) for t, n in before_ann.items()}
    assert store.get_member(ann) is None and store.get_member(bob) is not None
    assert counts["members"] == 1 and counts["nudges"] == 2 and counts["follow_ups"] == 1
    assert counts["draft_reviews"] == counts["feedback"] == counts["review_rules"] == 1
    assert "digest_subscriptions" not in counts and "digest_runs" not in counts
    assert counts["conversation_references"] == counts["contacts"] == counts["meetings"] == 1
    assert counts["touch_kinds"] == 1
    assert store.forget_member(ann) == {}


def test_forgetting_the_only_member_empties_every_member_table(store: SqlStore):
    ann = _populate(store, "U1")
    store.claim_event("teams", "ev-1", NOW)
    store.record_heartbeat("sweep", NOW)
    store.forget_member(ann)
    left = {name: n for name, n in _row_counts(store).items() if n}
    # What remains is not about a person: the workspace, event ids, the scheduler heartbeat,
    # and the channel's digest subscription (with its sent weeks), no longer linked to Ann.
    assert left == {
        "workspaces": 1,
        "processed_events": 1,
        "heartbeats": 1,
        "digest_subscriptions": 1,
        "digest_runs": 1,
    }
    [subscription] = store.digest_subscriptions()
    assert subscription.created_by_member_id is None


def test_a_channels_digest_survives_the_forget_me_of_the_member_who_subscribed_it(
    store: SqlStore,
):
    ann = store.get_or_create_member("slack", "T1", "U1")
    bob = store.get_or_create_member("slack", "T1", "U2")
    store.subscribe_digest("slack", "T1", "C-team", 0, time(9), "UTC", ann.id)

    store.forget_member(ann.id)

    [subscription] = store.digest_subscriptions()
    assert (subscription.workspace_id, subscription.channel_id) == ("T1", "C-team")
    assert subscription.created_by_member_id is None
    assert store.get_member(bob.id) is not None
    assert "C-team" not in json.dumps(store.export_member(bob.id)["digest_subscriptions"])


def test_export_member_has_everything_and_is_json_ready(store: SqlStore):
    ann = _populate(store, "U1")
    _populate(store, "U2")
    exported = store.export_member(ann)
    json.dumps(exported)  # raises if anything is not JSON-ready
    assert exported["member"]["user_id"] == "U1" and exported["member"]["platform"] == "teams"
    assert [c["name"] for c in exported["contacts"]] == ["Dana"]
    assert len(exported["meetings"]) == 1 and len(exported["follow_ups"]) == 1
    assert sorted(n["kind"] for n in exported["nudges"]) == ["due", "last-chance"]
    assert exported["draft_reviews"][0]["rule_ids"] == ["value-first"]
    assert exported["draft_reviews"][0]["text"] == "draft"
    assert [f["verdict"] for f in exported["feedback"]] == ["helpful"]
    assert [(t["kind"], t["source"]) for t in exported["touch_kinds"]] == [("give", "chosen")]
    assert [s["channel_id"] for s in exported["digest_subscriptions"]] == ["C-U1"]
    assert [r["conversation_id"] for r in exported["conversation_references"]] == ["conv-U1"]
