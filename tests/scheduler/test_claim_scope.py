"""Each process claims only what it can deliver: its platforms' nudges and digests; the console
only its own member's."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from bot.bootstrap import bootstrap
from bot.config import Settings
from bot.notifiers import RoutingNotifier
from bot.scheduler.jobs import SweepScope, send_due_digests, sweep_nudges
from bot.scheduler.runner import DeliveryJobs
from storage.records import PlannedNudge
from storage.store import SqlStore
from tests.conftest import FakeClock
from tests.console.test_console import Console
from tests.scheduler.fakes import RecordingNotifier

MONDAY_10 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def _nudge_for(store: SqlStore, platform: str, user: str, send_at: datetime = MONDAY_10) -> int:
    member = store.get_or_create_member(platform, "T1", user)
    contact = store.add_contact(member.id, f"Contact of {user}")
    store.create_follow_up(
        member.id,
        contact.id,
        None,
        date(2026, 3, 1),
        date(2026, 3, 2),
        nudges=[PlannedNudge("due", send_at)],
    )
    return member.id


def _pending_users(store: SqlStore) -> set[str]:
    return {
        due.member.user_id
        for due in store.claim_due_nudges(datetime(2100, 1, 1, tzinfo=UTC), 100, "peek")
    }


async def test_a_slack_process_claims_only_slack_members_nudges(store: SqlStore, clock: FakeClock):
    for platform, user in (("slack", "S1"), ("teams", "T-1"), ("console", "ada")):
        _nudge_for(store, platform, user)
    notifier = RecordingNotifier()
    clock.set(MONDAY_10)

    sent = await sweep_nudges(store, notifier, clock, "w", scope=SweepScope(platforms=("slack",)))

    assert sent == 1 and [m.user_id for m, _ in notifier.to_members] == ["S1"]
    assert _pending_users(store) == {"T-1", "ada"}


async def test_a_server_scopes_its_sweep_to_the_platforms_its_notifier_serves(
    store: SqlStore, clock: FakeClock
):
    _nudge_for(store, "slack", "S1")
    _nudge_for(store, "teams", "T-1")
    teams = RecordingNotifier()
    services = bootstrap(Settings(database_url="sqlite://"), store=store, clock=clock)
    jobs = DeliveryJobs(services, RoutingNotifier({"teams": teams}))
    clock.set(MONDAY_10)

    await jobs.sweep()

    assert [m.user_id for m, _ in teams.to_members] == ["T-1"]
    # The Slack member's nudge is still there for a Slack server: not claimed, not failed.
    assert _pending_users(store) == {"S1"}


async def test_a_process_claims_only_its_platforms_digests(store: SqlStore, clock: FakeClock):
    store.subscribe_digest("slack", "T1", "C-slack", 0, time(9, 0), "UTC", None)
    store.subscribe_digest("teams", "T1", "19:teams", 0, time(9, 0), "UTC", None)
    with store.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE digest_subscriptions SET created_at = '2026-02-20 00:00:00+00:00'"
        )
    clock.set(MONDAY_10)
    slack = RecordingNotifier()

    assert await send_due_digests(store, slack, clock, platforms=("slack",)) == 1
    assert [s.channel_id for s, _ in slack.to_channels] == ["C-slack"]
    # The Teams channel's digest was not claimed: a Teams server still sends it this week.
    teams = RecordingNotifier()
    assert await send_due_digests(store, teams, clock, platforms=("teams",)) == 1
    assert [s.channel_id for s, _ in teams.to_channels] == ["19:teams"]


def test_try_never_shows_or_marks_other_members_nudges_even_after_a_clock_jump(
    store: SqlStore,
) -> None:
    console = Console(store)
    now = console.clock.now()
    _nudge_for(store, "slack", "U-slack", now)
    _nudge_for(store, "teams", "U-teams", now)
    _nudge_for(store, "console", "someone-else", now)
    console.type("met Jane Doe at PyCon")

    shown = console.type("/clock +12d")

    assert "Jane Doe" in shown
    assert "Contact of" not in shown  # no one else's nudge (nor their contacts' names)
    assert _pending_users(store) == {"U-slack", "U-teams", "someone-else"}
