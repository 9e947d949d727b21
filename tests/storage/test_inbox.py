"""The durable inbox on both databases: one row per key, leased claims, and a command's writes
committed with its row's outcome or not at all."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from storage.inbox import MAX_ATTEMPTS, ClaimLost, SqlInbox
from storage.store import SqlStore

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
LEASE = timedelta(seconds=15)


@pytest.fixture
def inbox(store: SqlStore) -> SqlInbox:
    return store.inbox


def claim(inbox: SqlInbox, worker: str, now: datetime = NOW, limit: int = 10):
    items, _ = inbox.claim(worker, now, LEASE, limit, ("slack",))
    return items


def test_a_key_is_accepted_once_and_its_replays_are_refused(inbox: SqlInbox):
    assert inbox.accept("slack", "signed:abc", "command", {"text": "met Ana"}, NOW)
    assert not inbox.accept("slack", "signed:abc", "command", {"text": "met Ana"}, NOW)
    assert inbox.accept("teams", "signed:abc", "message", {}, NOW)  # keys are per platform
    assert inbox.counts() == {"pending": 2}


def test_a_group_commit_tells_each_request_whether_it_was_new(inbox: SqlInbox):
    inbox.accept("slack", "seen", "command", {}, NOW)
    requests = [("a", "command", {}), ("seen", "command", {}), ("b", "click", {}), ("a", "x", {})]

    assert inbox.accept_many("slack", requests, NOW) == [True, False, True, False]
    assert inbox.counts() == {"pending": 3}


def test_the_command_and_its_rows_outcome_commit_together(store: SqlStore, inbox: SqlInbox):
    inbox.accept("slack", "k1", "command", {"text": "met Ana"}, NOW)
    (item,) = claim(inbox, "w1")

    def command() -> dict[str, str]:
        member = store.get_or_create_member("slack", "T1", "U1")
        store.add_contact(member.id, "Ana")
        return {"text": "Logged Ana"}

    assert inbox.complete(item.id, "w1", command) == {"text": "Logged Ana"}
    member = store.get_or_create_member("slack", "T1", "U1")
    assert [c.name for c in store.find_contacts(member.id, "Ana")] == ["Ana"]
    assert inbox.counts() == {"answering": 1}
    # Claimed again (its worker died before delivering), the row brings its outcome along.
    (again,) = claim(inbox, "w2", now=NOW + 2 * LEASE)
    assert again.outcome == {"text": "Logged Ana"}


def test_a_failing_command_writes_nothing_and_its_row_stays_to_do(store: SqlStore, inbox: SqlInbox):
    member = store.get_or_create_member("slack", "T1", "U1")
    inbox.accept("slack", "k1", "command", {"text": "met Ana"}, NOW)
    (item,) = claim(inbox, "w1")

    def command() -> dict[str, str]:
        store.add_contact(member.id, "Ana")
        raise RuntimeError("the Web API went away")

    with pytest.raises(RuntimeError):
        inbox.complete(item.id, "w1", command)
    assert store.find_contacts(member.id, "Ana") == []
    assert inbox.counts() == {"pending": 1}


def test_a_worker_whose_lease_ran_out_and_was_taken_over_cannot_complete(
    store: SqlStore, inbox: SqlInbox
):
    inbox.accept("slack", "k1", "command", {}, NOW)
    (item,) = claim(inbox, "slow")
    assert claim(inbox, "other", now=NOW + LEASE / 2) == []  # still leased
    (taken,) = claim(inbox, "other", now=NOW + 2 * LEASE)
    ran = []
    with pytest.raises(ClaimLost):
        inbox.complete(item.id, "slow", lambda: ran.append(1) or {})
    assert ran == []
    assert inbox.complete(taken.id, "other", lambda: {"ok": True}) == {"ok": True}


def test_concurrent_workers_never_claim_the_same_row(store: SqlStore, inbox: SqlInbox):
    for n in range(60):
        inbox.accept("slack", f"k{n}", "command", {"n": n}, NOW)
    won: dict[str, list[int]] = {}

    def work(name: str) -> None:
        mine = won.setdefault(name, [])
        while items := claim(inbox, name, limit=3):
            mine.extend(item.body["n"] for item in items)

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    every = [n for ns in won.values() for n in ns]
    assert sorted(every) == list(range(60))


def test_finishing_forgets_the_body_and_outcome_but_keeps_the_key_until_pruned(
    store: SqlStore, inbox: SqlInbox
):
    from sqlalchemy import select

    from storage.models import InboxItem

    inbox.accept("slack", "k1", "direct_message", {"event": {"text": "my secret draft"}}, NOW)
    (item,) = claim(inbox, "w1")
    inbox.complete(item.id, "w1", lambda: {"text": "score 40 for 'my secret draft'"})
    inbox.finish([item.id], NOW)
    with store.transaction() as session:
        row = session.scalars(select(InboxItem)).one()
        assert (row.status, row.body, row.outcome) == ("done", None, None)
    assert not inbox.accept("slack", "k1", "direct_message", {}, NOW)  # still a replay
    assert inbox.prune(NOW + timedelta(seconds=1)) == 1
    assert inbox.accept("slack", "k1", "direct_message", {}, NOW)


def test_released_rows_are_claimed_again_at_once(inbox: SqlInbox):
    inbox.accept("slack", "k1", "command", {}, NOW)
    claim(inbox, "dead")
    assert claim(inbox, "next") == []
    assert inbox.release("dead") == 1
    assert [item.attempts for item in claim(inbox, "next")] == [2]


def test_a_row_that_keeps_killing_its_worker_is_given_up(inbox: SqlInbox):
    inbox.accept("slack", "k1", "command", {}, NOW)
    at = NOW
    for _ in range(MAX_ATTEMPTS):
        assert len(claim(inbox, "w", now=at)) == 1
        at += 2 * LEASE
    items, given_up = inbox.claim("w", at, LEASE, 10, ("slack",))
    assert items == [] and [kind for _, kind in given_up] == ["command"]
    assert inbox.counts() == {"done": 1}


def test_a_runner_claims_only_its_platforms_rows(inbox: SqlInbox):
    inbox.accept("teams", "k1", "message", {}, NOW)
    assert claim(inbox, "slack-only") == []


def test_a_store_error_the_command_swallowed_still_rolls_the_whole_command_back(
    store: SqlStore, inbox: SqlInbox
):
    from storage.store import RowNotFound, UnitOfWorkFailed

    member = store.get_or_create_member("slack", "T1", "U1")
    inbox.accept("slack", "k1", "command", {}, NOW)
    (item,) = claim(inbox, "w1")

    def command() -> dict[str, str]:
        store.add_contact(member.id, "Ana")
        try:
            store.close_follow_up(member.id, 999, "done", NOW)  # not there: raises
        except RowNotFound:
            return {"text": "Sorry, nothing was changed."}  # what the core says on any error
        return {}

    with pytest.raises(UnitOfWorkFailed):
        inbox.complete(item.id, "w1", command)
    assert store.find_contacts(member.id, "Ana") == []
    assert inbox.counts() == {"pending": 1}
