"""Drafts sent in DM: reviewed and answered in thread; feedback buttons; no loops, no repeats."""

from __future__ import annotations

import asyncio
import json

import pytest

from tests.slack.conftest import BOT_TOKEN
from tests.slack.harness import DM_CHANNEL, TEAM, USER, SlackSim, all_text, button, buttons


@pytest.fixture
def database_url(both_databases: str) -> str:
    return both_databases


async def test_a_draft_in_dm_is_reviewed_in_its_thread(slack: SlackSim, store):
    sent, event = await slack.dm("Hi Ana, great to meet you. Buy our plan today!")
    assert sent.status == 200

    reply = await slack.thread_reply_to(event)
    assert reply.token == BOT_TOKEN
    assert reply.args["channel"] == DM_CHANNEL
    assert reply.args["thread_ts"] == event["ts"]
    text = all_text(reply.args)
    assert "Reads as a hard sell" in text
    assert "31/100" in text  # the score
    assert "“Buy”" in text  # the exact phrase that tripped the guideline
    assert "Offer something useful first" in text  # the advice
    assert [b["text"]["text"] for b in buttons(reply.args)] == ["Helpful", "Wrong flag"]

    member = store.get_or_create_member("slack", TEAM, USER)
    exported = json.dumps(store.export_member(member.id))
    assert "Buy our plan" not in exported  # reviewed in memory; the text was not kept


async def test_helpful_click_stores_feedback_and_keeps_the_review(slack: SlackSim, store):
    _, event = await slack.dm("Hi Ana, great meeting you at PyCon. Buy our plan this week!")
    review = (await slack.thread_reply_to(event)).args
    helpful = button(review, "Helpful")

    sent = await slack.click(helpful, {**review, "ts": "1700000000.000100"})
    assert sent.status == 200
    [answer] = await slack.fake.wait_for(
        "response_url", where=lambda c: c.args["hook"] == sent.hook
    )
    updated = answer.args
    assert updated["replace_original"] is True
    assert "Reads as a hard sell" in all_text(updated)  # the review is still there
    assert "glad it helped" in all_text(updated)
    assert buttons(updated) == []  # the feedback buttons cannot be clicked twice

    member = store.get_or_create_member("slack", TEAM, USER)
    exported = store.export_member(member.id)
    assert "helpful" in json.dumps(exported)


async def test_wrong_flag_click_is_stored_as_wrong_flag(slack: SlackSim, store):
    _, event = await slack.dm("Hi Ana, please buy our plan before Friday.")
    review = (await slack.thread_reply_to(event)).args
    sent = await slack.click(button(review, "Wrong flag"), review)
    [answer] = await slack.fake.wait_for(
        "response_url", where=lambda c: c.args["hook"] == sent.hook
    )
    assert "flag was wrong" in all_text(answer.args)
    member = store.get_or_create_member("slack", TEAM, USER)
    assert "wrong-flag" in json.dumps(store.export_member(member.id))


async def test_a_command_typed_in_dm_runs_as_a_command(slack: SlackSim, store):
    _, event = await slack.dm("met Priya at the meetup")
    reply = await slack.thread_reply_to(event)
    assert "Priya" in all_text(reply.args)
    member = store.get_or_create_member("slack", TEAM, USER)
    assert [f.contact_name for f in store.open_follow_ups(member.id)] == ["Priya"]


async def test_the_bot_never_answers_its_own_or_other_bots_messages(slack: SlackSim):
    bot_user = f"U{TEAM}BOT"
    ignored = [
        # Our own reply, as Slack echoes it back to us (Bolt knows our ids from auth.test).
        slack.dm_event("Reads as a hard sell", user=bot_user, bot_id=f"B{TEAM}"),
        slack.dm_event("from another app", user="U0OTHER", bot_id="B0OTHER", subtype="bot_message"),
        slack.dm_event("edited draft", subtype="message_changed"),
        slack.dm_event("", subtype="channel_join"),
        slack.dm_event("hidden", subtype="message_deleted"),
    ]
    for event in ignored:
        sent = await slack.event(event)
        assert sent.status == 200
    await slack.fake.settle()
    assert slack.fake.calls_to("chat.postMessage") == []


async def test_a_retried_event_is_handled_once(slack: SlackSim):
    event = slack.dm_event("buy this")
    first = await slack.event(event, event_id="EvSAME001")
    await slack.thread_reply_to(event)
    retry = await slack.event(event, event_id="EvSAME001", retry_num=1)
    again = await slack.event(event, event_id="EvSAME001", retry_num=2)

    assert (first.status, retry.status, again.status) == (200, 200, 200)
    await slack.fake.settle()
    assert len(slack.fake.calls_to("chat.postMessage")) == 1


async def test_concurrent_duplicates_are_handled_once(slack: SlackSim):
    event = slack.dm_event("buy it now")
    sends = [slack.event(event, event_id="EvRACE001", retry_num=i or None) for i in range(4)]
    results = await asyncio.gather(*sends)
    assert all(r.status == 200 for r in results)
    await slack.thread_reply_to(event)
    await slack.fake.settle()
    assert len(slack.fake.calls_to("chat.postMessage")) == 1


async def test_a_retry_whose_first_delivery_never_arrived_is_handled(slack: SlackSim):
    event = slack.dm_event("Hi Ana, buy our plan now, it is 50% off this week.")
    sent = await slack.event(event, event_id="EvLOST0001", retry_num=1)
    assert sent.status == 200
    reply = await slack.thread_reply_to(event)
    assert "hard sell" in all_text(reply.args)


async def test_a_dm_that_starts_by_mentioning_the_bot_runs_the_command_after_it(
    slack: SlackSim, store
):
    _, event = await slack.dm(f"<@U{TEAM}BOT> met Priya Shah at PyData")
    await slack.thread_reply_to(event)
    member = store.get_or_create_member("slack", TEAM, USER)
    assert [c.name for c in store.contacts(member.id)] == ["Priya Shah"]
