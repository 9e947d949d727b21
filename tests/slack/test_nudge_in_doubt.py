"""A nudge whose earlier send is in doubt (its holder died mid-send) is looked up in the DM's
history by its marker and not sent a second time; one that never arrived is sent."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from bot.scheduler.jobs import sweep_nudges
from bot.server import NOTIFIER
from storage.models import Nudge
from tests.slack.conftest import Running
from tests.slack.harness import SlackSim


def _as_if_the_holder_died_mid_send(store) -> None:
    """The row a kill -9 leaves behind: still claimed, lease long over."""
    with store.engine.begin() as connection:
        connection.execute(
            update(Nudge)
            .where(Nudge.status == "sent")
            .values(status="sending", sent_at=None, lease_until=Nudge.claimed_at)
        )


async def test_a_nudge_in_doubt_that_reached_the_dm_is_recorded_not_resent(
    slack: SlackSim, server: Running, store, clock
):
    await slack.run("met Jane Doe at PyCon")
    clock.advance(timedelta(days=3))  # the due day: its nudge only (the overdue one is tomorrow)
    assert await sweep_nudges(store, server.app[NOTIFIER], clock, worker="died") == 1
    _as_if_the_holder_died_mid_send(store)
    clock.advance(minutes=10)

    await sweep_nudges(store, server.app[NOTIFIER], clock, worker="survivor")

    assert len(slack.fake.calls_to("chat.postMessage")) == 1
    assert [call.method for call in slack.fake.calls[-2:]] == [
        "conversations.open",
        "conversations.history",
    ]
    assert await sweep_nudges(store, server.app[NOTIFIER], clock, worker="later") == 0
    assert len(slack.fake.calls_to("chat.postMessage")) == 1


async def test_a_nudge_in_doubt_that_never_arrived_is_sent(
    slack: SlackSim, server: Running, store, clock
):
    await slack.run("met Jane Doe at PyCon")
    clock.advance(timedelta(days=3))  # the due day: its nudge only (the overdue one is tomorrow)
    await sweep_nudges(store, server.app[NOTIFIER], clock, worker="died")
    _as_if_the_holder_died_mid_send(store)
    slack.fake.history.clear()  # the send had not reached Slack when its holder died
    clock.advance(minutes=10)

    assert await sweep_nudges(store, server.app[NOTIFIER], clock, worker="survivor") == 1
    assert len(slack.fake.calls_to("chat.postMessage")) == 2
