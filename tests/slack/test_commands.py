"""Every `/network` command over real HTTP: ack at once, then an ephemeral Block Kit answer."""

from __future__ import annotations

import json

import pytest

from tests.slack.harness import CHANNEL, TEAM, USER, SlackSim, all_text, button, buttons


@pytest.fixture
def database_url(both_databases: str) -> str:
    return both_databases


def member_id(store, user: str = USER) -> int:
    return store.get_or_create_member("slack", TEAM, user).id


async def test_slash_command_is_acked_empty_and_answered_ephemerally_in_block_kit(slack: SlackSim):
    sent = await slack.command("help")

    assert sent.status == 200
    assert sent.body == ""  # the ack carries nothing; the answer goes to the response_url
    answer = await slack.answer_to(sent)
    assert answer["response_type"] == "ephemeral"
    assert answer["replace_original"] is False
    assert answer["blocks"][0]["type"] == "section"
    assert "met <person>" in all_text(answer).replace("&lt;", "<").replace("&gt;", ">")
    assert {b["value"] for b in buttons(answer)} == {"list", "stats"}


async def test_met_logs_a_follow_up_that_list_then_shows(slack: SlackSim, store):
    met = await slack.run("met Jane Doe at PyCon")
    assert "*Jane Doe*" in all_text(met)  # **bold** became Slack's *bold*
    assert "**" not in all_text(met)

    listed = await slack.run("list")
    assert "Jane Doe" in all_text(listed)
    [open_one] = store.open_follow_ups(member_id(store))
    assert open_one.contact_name == "Jane Doe"
    assert button(listed, "Done")["value"] == f"done #{open_one.id}"


async def test_follow_up_snooze_done_and_cancel_change_the_stored_follow_up(slack: SlackSim, store):
    await slack.run("met Sam Lee")
    [follow_up] = store.open_follow_ups(member_id(store))

    moved = await slack.run(f"follow-up #{follow_up.id} in 5 days send the deck")
    assert f"#{follow_up.id}" in all_text(moved)
    due_after_follow_up = store.get_follow_up(member_id(store), follow_up.id).due_on

    await slack.run(f"snooze #{follow_up.id} 2 days")
    snoozed = store.get_follow_up(member_id(store), follow_up.id)
    assert snoozed.due_on >= due_after_follow_up

    done = await slack.run(f"done #{follow_up.id}")
    assert store.get_follow_up(member_id(store), follow_up.id).status == "done"
    second_touch = button(done, "Cancel second touch")["value"]

    await slack.run(second_touch)
    assert store.open_follow_ups(member_id(store)) == []


async def test_review_command_answers_with_verdict_phrases_and_feedback_buttons(slack: SlackSim):
    answer = await slack.run("review Hi Ana, buy our plan today")
    text = all_text(answer)
    assert "hard sell" in text
    assert "31/100" in text
    assert "“buy”" in text
    assert "Offer something useful first" in text
    labels = [b["text"]["text"] for b in buttons(answer)]
    assert labels == ["Helpful", "Wrong flag"]
    assert all(b["action_id"].startswith("netcoach_feedback:") for b in buttons(answer))


async def test_stats_settings_and_export(slack: SlackSim):
    await slack.run("met Jane Doe")
    stats = await slack.run("stats")
    assert "Meetings logged" in all_text(stats)

    tz = await slack.run("settings timezone Europe/Paris")
    assert "Europe/Paris" in all_text(tz)
    hours = await slack.run("settings hours 8:00-16:00")
    assert "08:00" in all_text(hours)
    shown = await slack.run("settings")
    assert "Europe/Paris" in all_text(shown)
    assert "shout" in (await slack.run("settings shoutouts on"))["text"].lower()
    assert "draft" in (await slack.run("settings store-drafts off"))["text"].lower()


async def test_export_answers_with_a_summary_and_uploads_the_json_to_the_dm(slack: SlackSim, store):
    await slack.run("met Jane Doe")
    exported = await slack.run("export")
    assert "1 contact" in all_text(exported)
    assert "```" not in all_text(exported)  # no wall of JSON in the chat

    [completed] = await slack.fake.wait_for("files.completeUploadExternal")
    assert completed.args["channel_id"] == f"D{USER}"
    [file_id] = [f["id"] for f in json.loads(completed.args["files"])]
    data = json.loads(slack.fake.uploads[file_id])
    assert [c["name"] for c in data["contacts"]] == ["Jane Doe"]
    assert "claimed_by" not in json.dumps(data) and "name_key" not in json.dumps(data)


async def test_export_without_files_write_posts_the_json_in_the_dm_instead(slack: SlackSim):
    slack.fake.missing_scopes.add("files:write")
    await slack.run("met Jane Doe")
    await slack.run("export")
    [posted] = await slack.fake.wait_for("chat.postMessage")
    assert posted.args["channel"] == f"D{USER}"
    assert '"Jane Doe"' in json.dumps(posted.args).replace("&quot;", '"').replace('\\"', '"')


async def test_digest_here_preview_and_off_manage_the_channel_subscription(slack: SlackSim, store):
    here = await slack.run("digest here friday 16:00", channel=CHANNEL)
    assert "Friday" in all_text(here)
    [subscription] = store.digest_subscriptions()
    assert (subscription.channel_id, subscription.weekday) == (CHANNEL, 4)

    preview = await slack.run("digest preview", channel=CHANNEL)
    assert "digest" in all_text(preview).lower()

    await slack.run("digest off", channel=CHANNEL)
    assert store.digest_subscriptions() == []


async def test_forget_me_asks_first_then_deletes_everything(slack: SlackSim, store):
    await slack.run("met Jane Doe")
    asked = await slack.run("forget-me")
    assert store.open_follow_ups(member_id(store))
    confirm = button(asked, "Yes, delete everything")["value"]

    await slack.run(confirm)
    # A fresh member row is created by the lookup itself; it has nothing attached.
    assert store.open_follow_ups(member_id(store)) == []
    assert json.dumps(store.export_member(member_id(store))).count("Jane Doe") == 0


async def test_unknown_and_malformed_commands_get_a_sentence_not_an_error(slack: SlackSim):
    unknown = await slack.run("blorp")
    assert "don't know the command" in all_text(unknown)
    malformed = await slack.run("snooze")
    assert all_text(malformed).strip()
    empty = await slack.run("")
    assert "met" in all_text(empty)


async def test_feedback_command_stores_feedback(slack: SlackSim):
    reviewed = await slack.run("review buy now")
    helpful = button(reviewed, "Helpful")["value"]
    thanks = await slack.run(helpful)
    assert "Thanks" in all_text(thanks)
    unknown = await slack.run("feedback 99999 helpful")
    assert "can't find review" in all_text(unknown)
