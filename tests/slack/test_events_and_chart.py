"""Slack: the Rule of Two and the return on networking time on App Home, and the digest's chart
uploaded with files.uploadV2 (its figures stay in the message as text either way)."""

from __future__ import annotations

import json
from datetime import timedelta

from bot.scheduler.jobs import send_due_digests
from bot.server import NOTIFIER
from tests.slack.conftest import Running
from tests.slack.harness import CHANNEL, TEAM, USER, SlackSim, all_text

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
TREND = "Team follow-ups within 10 days, last 8 weeks"


def member_id(store) -> int:
    return store.get_or_create_member("slack", TEAM, USER).id


async def follow_up_at_an_event(slack: SlackSim, store, clock) -> None:
    await slack.run("settings shoutouts on")
    await slack.run("event PyCon on 2 Mar")  # the clock's Monday
    await slack.run("met Jane Doe at PyCon")
    clock.advance(timedelta(days=1))
    [follow_up] = store.open_follow_ups(member_id(store))
    await slack.run(f"done #{follow_up.id}")


async def test_app_home_shows_the_rule_of_two_and_the_return_per_event(
    slack: SlackSim, store, clock
):
    await follow_up_at_an_event(slack, store, clock)
    await slack.event({"type": "app_home_opened", "user": USER, "channel": "D1", "tab": "home"})
    [published] = await slack.fake.wait_for("views.publish")
    text = all_text(published.args["view"])
    assert "PyCon: 1 of 2 people, 1 of 4 touches" in text
    assert "Return on your networking time" in text
    assert "100% (1 of 1)" in text


async def test_the_digest_uploads_its_chart_after_the_message(
    slack: SlackSim, server: Running, store, clock
):
    await slack.run("digest here monday 09:00", channel=CHANNEL)
    await follow_up_at_an_event(slack, store, clock)
    clock.advance(timedelta(days=6))  # next Monday, past 09:00 UTC

    assert await send_due_digests(store, server.app[NOTIFIER], clock) == 1
    [post] = await slack.fake.wait_for(
        "chat.postMessage", where=lambda c: c.args["channel"] == CHANNEL
    )
    message = all_text(post.args)
    assert TREND in message  # the text fallback is always there
    assert "PyCon: 1 of 2 people, 1 of 4 touches" in message
    [completed] = await slack.fake.wait_for("files.completeUploadExternal")
    assert completed.args["channel_id"] == CHANNEL
    [file_id] = [f["id"] for f in json.loads(completed.args["files"])]
    assert slack.fake.uploads[file_id].startswith(PNG_MAGIC)


async def test_without_files_write_the_digest_keeps_its_chart_as_text(
    slack: SlackSim, server: Running, store, clock
):
    slack.fake.missing_scopes.add("files:write")
    await slack.run("digest here monday 09:00", channel=CHANNEL)
    await follow_up_at_an_event(slack, store, clock)
    clock.advance(timedelta(days=6))

    assert await send_due_digests(store, server.app[NOTIFIER], clock) == 1
    [post] = await slack.fake.wait_for(
        "chat.postMessage", where=lambda c: c.args["channel"] == CHANNEL
    )
    assert TREND in all_text(post.args)
    await slack.fake.settle()
    assert slack.fake.calls_to("files.completeUploadExternal") == []
    # Sent once: a refused upload does not make the digest go out again.
    assert await send_due_digests(store, server.app[NOTIFIER], clock) == 0
