"""Acked means stored: every request is in the inbox before its ack, replays of a signed request
are handled once, and a row whose command already ran is only delivered, never run again."""

from __future__ import annotations

import json
import time
from urllib.parse import urlencode

import pytest

from bot.inbox import LEASE, InboxRunner
from bot.server import SLACK
from tests.slack.conftest import Running
from tests.slack.harness import TEAM, USER, SlackSim, all_text, button


@pytest.fixture
def database_url(both_databases: str) -> str:
    return both_databases


def contacts_named(store, name: str) -> list[str]:
    member = store.get_or_create_member("slack", TEAM, USER)
    return [c.name for c in store.find_contacts(member.id, name)]


async def replay(slack: SlackSim, body: str, content_type: str, times: int) -> list[int]:
    stamp = int(time.time())  # one signature, sent again and again inside its window
    return [(await slack.post(body, content_type, timestamp=stamp))[0] for _ in range(times)]


async def test_a_replayed_signed_slash_command_is_handled_once(slack: SlackSim, store):
    body, hook = slack.command_body("met Rita Moreno at the expo")

    statuses = await replay(slack, body, "application/x-www-form-urlencoded", 3)

    assert statuses == [200, 200, 200]
    await slack.fake.wait_for("response_url", where=lambda c: c.args["hook"] == hook)
    await slack.fake.settle(0.5)
    assert len([c for c in slack.fake.calls_to("response_url") if c.args["hook"] == hook]) == 1
    assert contacts_named(store, "Rita Moreno") == ["Rita Moreno"]
    assert len(store.open_follow_ups(store.get_or_create_member("slack", TEAM, USER).id)) == 1


async def test_a_replayed_signed_button_click_is_handled_once(slack: SlackSim, store):
    await slack.run("met Omar Haddad")
    listed = await slack.run("list")
    done = button(listed, "Done")
    hook = "replayed-click"
    payload = {
        "type": "block_actions",
        "user": {"id": USER, "team_id": TEAM},
        "team": {"id": TEAM},
        "trigger_id": "trigger-replayed",
        "actions": [{"type": "button", "action_id": done["action_id"], "value": done["value"]}],
        "container": {"type": "message", "message_ts": "1.1", "channel_id": "D1"},
        "channel": {"id": "D1"},
        "message": {},
        "response_url": slack.fake.response_url(hook),
    }
    body = urlencode({"payload": json.dumps(payload)})

    statuses = await replay(slack, body, "application/x-www-form-urlencoded", 3)

    assert statuses == [200, 200, 200]
    await slack.fake.wait_for("response_url", where=lambda c: c.args["hook"] == hook)
    await slack.fake.settle(0.5)
    assert len([c for c in slack.fake.calls_to("response_url") if c.args["hook"] == hook]) == 1


async def test_the_same_command_signed_at_another_time_is_a_new_request(slack: SlackSim, store):
    body, hook = slack.command_body("help")
    for stamp in (int(time.time()) - 60, int(time.time())):
        assert (await slack.post(body, "application/x-www-form-urlencoded", timestamp=stamp))[
            0
        ] == 200
    await slack.fake.settle(0.5)
    assert len([c for c in slack.fake.calls_to("response_url") if c.args["hook"] == hook]) == 2


async def test_an_acked_request_waits_in_the_inbox_for_a_runner(
    server: Running, slack: SlackSim, store
):
    work = server.app[SLACK].work
    await work.runner.stop()  # no runner in this process now: what was acked must be stored

    sent = await slack.command("met Lena Fischer")

    assert sent.status == 200
    assert store.inbox.counts() == {"pending": 1}
    assert slack.fake.calls_to("response_url") == []
    # Any runner takes it from there (here a new one; in production any process's).
    runner = InboxRunner(
        store.inbox,
        work.deps.services.clock,
        {"slack": work.runner._handlers["slack"]},
        worker="another-process",
    )
    runner.start()
    try:
        answer = await slack.answer_to(sent)
    finally:
        await runner.stop()
    assert "Lena Fischer" in all_text(answer)
    assert contacts_named(store, "Lena Fischer") == ["Lena Fischer"]
    assert store.inbox.counts() == {"done": 1}


async def test_a_request_the_inbox_cannot_store_is_not_acked(
    server: Running, slack: SlackSim, store, monkeypatch: pytest.MonkeyPatch
):
    def broken(*args: object) -> bool:
        raise OSError("disk full")

    monkeypatch.setattr(type(store.inbox), "accept_many", lambda self, *args: broken())

    sent = await slack.command("met Noor Ali")

    assert sent.status >= 500  # Slack shows an error and the person can try again
    await slack.fake.settle(0.3)
    assert contacts_named(store, "Noor Ali") == []


async def test_a_row_whose_command_already_ran_is_delivered_without_running_it_again(
    server: Running, slack: SlackSim, store
):
    work = server.app[SLACK].work
    await work.runner.stop()
    sent = await slack.command("met Ines Duarte")
    first = InboxRunner(store.inbox, work.deps.services.clock, {}, worker="dies-after-committing")
    (item,), _ = store.inbox.claim(first.worker, store.clock.now(), first._lease, 1, ("slack",))
    # The command runs and commits with its reply; then the process dies before delivering.
    member = store.get_or_create_member("slack", TEAM, USER)
    store.inbox.complete(
        item.id,
        first.worker,
        lambda: (store.add_contact(member.id, "Ines Duarte"), {"text": "stored reply"})[1],
    )
    store.inbox.release(first.worker)

    runner = InboxRunner(
        store.inbox,
        work.deps.services.clock,
        {"slack": work.runner._handlers["slack"]},
        worker="next",
    )
    runner.start()
    try:
        answer = await slack.answer_to(sent)
    finally:
        await runner.stop()
    assert answer["text"] == "stored reply"
    assert contacts_named(store, "Ines Duarte") == ["Ines Duarte"]  # not logged twice


async def test_a_stopping_runner_gives_back_what_it_could_not_finish(store, clock):
    import asyncio

    for n in range(3):
        store.inbox.accept("slack", f"k{n}", "command", {"n": n}, clock.now())
    started = asyncio.Event()

    async def never_finishes(item) -> None:
        started.set()
        await asyncio.sleep(3600)

    runner = InboxRunner(store.inbox, clock, {"slack": never_finishes}, worker="stopping")
    runner.start()
    await asyncio.wait_for(started.wait(), 5)

    await runner.stop(grace=0.1)

    # No lease to wait for: the next process claims every row at once.
    items, _ = store.inbox.claim("next", clock.now(), LEASE, 10, ("slack",))
    assert sorted(item.body["n"] for item in items) == [0, 1, 2]
