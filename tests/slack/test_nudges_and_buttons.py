"""Nudges arrive as DMs with Done / Snooze 2 days / Review my draft; every button works;
the weekly digest is posted to the subscribed channel."""

from __future__ import annotations

from datetime import timedelta

from bot.scheduler.jobs import send_due_digests, sweep_nudges
from bot.server import NOTIFIER
from tests.slack.conftest import BOT_TOKEN, Running
from tests.slack.harness import CHANNEL, TEAM, USER, SlackSim, all_text, button, buttons


def member_id(store) -> int:
    return store.get_or_create_member("slack", TEAM, USER).id


async def deliver_due_nudges(server: Running, store, clock, days: int = 3) -> None:
    # The due day: its nudge only (the overdue one comes the working day after).
    clock.advance(timedelta(days=days))
    await sweep_nudges(store, server.app[NOTIFIER], clock, worker="test")


async def nudge_message(slack: SlackSim) -> dict:
    [post] = await slack.fake.wait_for("chat.postMessage")
    return {**post.args, "ts": "1700000001.000100"}


async def test_a_due_nudge_arrives_as_a_dm_with_done_buttons_for_each_kind(
    slack: SlackSim, server: Running, store, clock
):
    await slack.run("met Jane Doe at PyCon")
    await deliver_due_nudges(server, store, clock)

    [opened] = await slack.fake.wait_for("conversations.open")
    assert opened.args["users"] == USER
    assert opened.token == BOT_TOKEN
    nudge = await nudge_message(slack)
    assert nudge["channel"] == f"D{USER}"  # the DM conversations.open returned
    assert "Jane Doe" in all_text(nudge)
    assert [b["text"]["text"] for b in buttons(nudge)] == [
        "Gave",
        "Asked",
        "Thanked",
        "Snooze 2 days",
        "Review my draft",
    ]


async def test_gave_on_a_nudge_closes_the_follow_up_as_a_give_and_replaces_the_buttons(
    slack: SlackSim, server: Running, store, clock
):
    await slack.run("met Jane Doe")
    await deliver_due_nudges(server, store, clock)
    nudge = await nudge_message(slack)
    [follow_up] = store.open_follow_ups(member_id(store))

    sent = await slack.click(button(nudge, "Gave"), nudge, channel=nudge["channel"])
    [answer] = await slack.fake.wait_for(
        "response_url", where=lambda c: c.args["hook"] == sent.hook
    )

    assert store.get_follow_up(member_id(store), follow_up.id).status == "done"
    updated = answer.args
    assert updated["replace_original"] is True
    assert "Jane Doe" in all_text(updated)  # the nudge is still readable
    assert "Done: follow-up" in all_text(updated)
    assert "Recorded as a give." in all_text(updated)
    assert store.touch_kind(member_id(store), follow_up.id) == ("give", "chosen")
    labels = [b["text"]["text"] for b in buttons(updated)]
    assert "Gave" not in labels and "Snooze 2 days" not in labels


async def test_snooze_on_a_nudge_moves_the_due_date(slack: SlackSim, server: Running, store, clock):
    await slack.run("met Jane Doe")
    await deliver_due_nudges(server, store, clock, days=3)
    nudge = await nudge_message(slack)
    [before] = store.open_follow_ups(member_id(store))

    sent = await slack.click(button(nudge, "Snooze 2 days"), nudge, channel=nudge["channel"])
    [answer] = await slack.fake.wait_for(
        "response_url", where=lambda c: c.args["hook"] == sent.hook
    )

    [after] = store.open_follow_ups(member_id(store))
    assert after.due_on > before.due_on
    assert "Snoozed" in all_text(answer.args)


async def test_review_my_draft_asks_for_the_draft_and_leaves_the_nudge(
    slack: SlackSim, server: Running, store, clock
):
    await slack.run("met Jane Doe")
    await deliver_due_nudges(server, store, clock)
    nudge = await nudge_message(slack)

    sent = await slack.click(button(nudge, "Review my draft"), nudge, channel=nudge["channel"])
    [answer] = await slack.fake.wait_for(
        "response_url", where=lambda c: c.args["hook"] == sent.hook
    )
    assert answer.args["replace_original"] is False
    assert answer.args["response_type"] == "ephemeral"
    assert "draft" in all_text(answer.args).lower()
    assert store.open_follow_ups(member_id(store))  # nothing was closed


async def test_buttons_on_an_ephemeral_answer_run_their_command(slack: SlackSim, store):
    met = await slack.run("met Jane Doe")
    [follow_up] = store.open_follow_ups(member_id(store))
    for label in ("Snooze 2 days", "Done"):
        sent = await slack.click(button(met, label), met, channel=CHANNEL)
        [answer] = await slack.fake.wait_for(
            "response_url", where=lambda c, hook=sent.hook: c.args["hook"] == hook
        )
        assert answer.args["replace_original"] is False
    assert store.get_follow_up(member_id(store), follow_up.id).status == "done"

    help_answer = await slack.run("help")
    for label in ("My follow-ups", "My stats"):
        sent = await slack.click(button(help_answer, label), help_answer, channel=CHANNEL)
        [answer] = await slack.fake.wait_for(
            "response_url", where=lambda c, hook=sent.hook: c.args["hook"] == hook
        )
        assert all_text(answer.args).strip()


async def test_cancel_button_drops_the_follow_up(slack: SlackSim, store):
    met = await slack.run("met Jane Doe")
    [follow_up] = store.open_follow_ups(member_id(store))
    sent = await slack.click(button(met, "Cancel"), met, channel=CHANNEL)
    await slack.fake.wait_for("response_url", where=lambda c: c.args["hook"] == sent.hook)
    assert store.get_follow_up(member_id(store), follow_up.id).status == "cancelled"


async def test_app_home_shows_overdue_first_and_its_buttons_work(slack: SlackSim, store, clock):
    await slack.run("met Jane Doe")
    clock.advance(timedelta(days=1))
    await slack.run("met Omar Ali")
    await slack.run("follow-up Omar Ali in 5 days")
    clock.advance(timedelta(days=3))  # Jane's follow-up (due after 3 days) is now overdue

    sent = await slack.event(
        {"type": "app_home_opened", "user": USER, "channel": "D1", "tab": "home"}
    )
    assert sent.status == 200
    [published] = await slack.fake.wait_for("views.publish")
    assert published.args["user_id"] == USER
    view = published.args["view"]
    assert view["type"] == "home"
    text = all_text(view)
    assert "1 overdue" in text
    assert text.index("Jane Doe") < text.index("Omar Ali")  # overdue first
    assert "Last 7 days" in text

    jane = store.open_follow_ups(member_id(store))[0]
    done = next(b for b in buttons(view) if b["value"] == f"done #{jane.id}")
    await slack.click(done, on_home=True)
    [_, republished] = await slack.fake.wait_for("views.publish", count=2)
    assert store.get_follow_up(member_id(store), jane.id).status == "done"
    refreshed = all_text(republished.args["view"])
    assert "Done: follow-up" in refreshed  # the outcome on top
    assert f"done #{jane.id}" not in [b["value"] for b in buttons(republished.args["view"])]


async def test_the_messages_tab_does_not_publish_a_home_view(slack: SlackSim):
    await slack.event({"type": "app_home_opened", "user": USER, "channel": "D1", "tab": "messages"})
    await slack.fake.settle()
    assert slack.fake.calls_to("views.publish") == []


async def test_weekly_digest_posts_to_the_subscribed_channel(
    slack: SlackSim, server: Running, store, clock
):
    await slack.run("met Jane Doe")
    await slack.run("digest here monday 09:00", channel=CHANNEL)
    clock.advance(timedelta(days=7))  # next Monday, past 09:00 UTC

    sent = await send_due_digests(store, server.app[NOTIFIER], clock)
    assert sent == 1
    [post] = await slack.fake.wait_for(
        "chat.postMessage", where=lambda c: c.args["channel"] == CHANNEL
    )
    assert post.token == BOT_TOKEN
    assert "digest" in all_text(post.args).lower()

    assert await send_due_digests(store, server.app[NOTIFIER], clock) == 0  # once per week


async def test_digest_buttons_preview_and_stop_the_digest(slack: SlackSim, store):
    here = await slack.run("digest here", channel=CHANNEL)
    sent = await slack.click(button(here, "Preview it"), here, channel=CHANNEL)
    [preview] = await slack.fake.wait_for(
        "response_url", where=lambda c: c.args["hook"] == sent.hook
    )
    assert "digest" in all_text(preview.args).lower()
    assert store.digest_subscriptions()

    sent = await slack.click(button(here, "Stop it"), here, channel=CHANNEL)
    await slack.fake.wait_for("response_url", where=lambda c: c.args["hook"] == sent.hook)
    assert store.digest_subscriptions() == []


async def test_every_home_tab_button_republishes_the_home_tab(slack: SlackSim, store):
    await slack.run("met Jane Doe")
    await slack.event({"type": "app_home_opened", "user": USER, "channel": "D1", "tab": "home"})
    [published] = await slack.fake.wait_for("views.publish")
    view = published.args["view"]
    labels = [b["text"]["text"] for b in buttons(view)]
    assert labels == ["Done", "Snooze 2 days", "Help", "My stats"]

    [before] = store.open_follow_ups(member_id(store))
    for count, label in enumerate(("Snooze 2 days", "Help", "My stats"), start=2):
        await slack.click(button(view, label), on_home=True)
        republished = (await slack.fake.wait_for("views.publish", count=count))[-1]
        assert republished.args["view"]["blocks"][0]["type"] == "context"  # the outcome on top
    [after] = store.open_follow_ups(member_id(store))
    assert after.due_on > before.due_on
