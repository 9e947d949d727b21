"""Keep in touch in Slack: Done on the second-touch nudge offers a cadence with buttons, a click
sets it, and the check-in arrives later as a DM whose Done and Snooze work like any nudge's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from bot.scheduler.jobs import sweep_nudges
from bot.server import NOTIFIER
from storage.records import CHECK_IN_TOUCH
from tests.slack.conftest import Running
from tests.slack.harness import TEAM, USER, SlackSim, all_text, button, buttons


def member_id(store: Any) -> int:
    return store.get_or_create_member("slack", TEAM, USER).id


async def nudge_after(slack: SlackSim, server: Running, store: Any, clock: Any, at: datetime):
    """Move the clock, run the sweep, and return the one new nudge it posted."""
    before = len(slack.fake.calls_to("chat.postMessage"))
    clock.set(at)
    assert await sweep_nudges(store, server.app[NOTIFIER], clock, worker="test") == 1
    posts = await slack.fake.wait_for("chat.postMessage", count=before + 1)
    return {**posts[-1].args, "ts": f"17000000{before:02d}.000100"}


async def click_and_answer(slack: SlackSim, message: dict[str, Any], label: str) -> dict[str, Any]:
    """Click a button on a nudge (or on the nudge as a click left it) in the member's DM."""
    sent = await slack.click(button(message, label), message, channel=f"D{USER}")
    [answer] = await slack.fake.wait_for(
        "response_url", where=lambda c: c.args["hook"] == sent.hook
    )
    return answer.args


def labels(message: dict[str, Any]) -> list[str]:
    return [b["text"]["text"] for b in buttons(message)]


async def test_the_second_touch_nudge_offers_a_cadence_and_the_check_in_follows(
    slack: SlackSim, server: Running, store: Any, clock: Any
):
    start = clock.now()  # Mon 2 Mar 2026, 10:00 UTC
    await slack.run("met Jane Doe at PyCon")
    await slack.run("done Jane")  # the second touch is due Mon 16 Mar
    second_touch = await nudge_after(slack, server, store, clock, start + timedelta(days=14))
    assert "Second touch with" in all_text(second_touch)

    settled = await click_and_answer(slack, second_touch, "Gave")
    assert settled["replace_original"] is True
    assert "Keep in touch with Jane Doe?" in all_text(settled)
    assert labels(settled) == ["Monthly", "Quarterly", "Off"]  # Done and Snooze are gone

    chosen = await click_and_answer(slack, settled, "Monthly")
    assert "Keeping in touch with *Jane Doe* monthly" in all_text(chosen)
    [check_in] = store.open_follow_ups(member_id(store))
    assert check_in.touch == CHECK_IN_TOUCH and check_in.due_on.isoformat() == "2026-04-16"

    nudge = await nudge_after(slack, server, store, clock, datetime(2026, 4, 16, 9, 0, tzinfo=UTC))
    assert "Time to check in with" in all_text(nudge) and "Jane Doe" in all_text(nudge)
    assert labels(nudge) == ["Gave", "Asked", "Thanked", "Snooze 2 days", "Review my draft"]

    done = await click_and_answer(slack, nudge, "Thanked")
    assert done["replace_original"] is True
    assert "Next check-in (monthly)" in all_text(done)
    assert "Snooze 2 days" not in labels(done)
    [next_one] = store.open_follow_ups(member_id(store))
    # a month after 16 Apr is Sat 16 May: a check-in falls on the working day after
    assert next_one.id != check_in.id and next_one.due_on.isoformat() == "2026-05-18"


async def test_snooze_on_a_check_in_nudge_moves_it(
    slack: SlackSim, server: Running, store: Any, clock: Any
):
    await slack.run("met Jane Doe")
    await slack.run("done Jane")
    clock.advance(timedelta(days=14))
    await slack.run("done Jane")
    await slack.run("keep in touch with Jane quarterly")
    [check_in] = store.open_follow_ups(member_id(store))

    nudge = await nudge_after(slack, server, store, clock, datetime(2026, 6, 16, 9, 0, tzinfo=UTC))
    answer = await click_and_answer(slack, nudge, "Snooze 2 days")

    assert "Snoozed" in all_text(answer)
    moved = store.get_follow_up(member_id(store), check_in.id)
    assert moved.due_on == check_in.due_on + timedelta(days=2)
