"""Characters a database refuses (NUL, which PostgreSQL text cannot hold, and lone surrogates,
which no UTF-8 driver can send) are dropped from names, places and stored drafts: the command
works on SQLite and PostgreSQL alike instead of failing with "try again" forever."""

from __future__ import annotations

import json

import pytest

from bot.core.service import SORRY
from tests.slack.harness import TEAM, USER, SlackSim, all_text


@pytest.fixture
def database_url(both_databases: str) -> str:
    return both_databases


def member_id(store) -> int:
    return store.get_or_create_member("slack", TEAM, USER).id


async def test_nul_in_a_name_and_a_place_is_dropped_and_the_meeting_logged(slack: SlackSim, store):
    answer = await slack.run("met Ana\x00 Ruiz at Py\x00Con")

    assert SORRY not in str(answer)
    assert "Ana Ruiz" in str(answer)
    contacts = store.find_contacts(member_id(store), "Ana Ruiz")
    assert [contact.name for contact in contacts] == ["Ana Ruiz"]
    meeting = store.latest_meeting(member_id(store), contacts[0].id)
    assert meeting is not None and meeting.place == "PyCon"


async def test_a_lookup_with_nul_finds_the_contact_instead_of_failing(slack: SlackSim, store):
    await slack.run("met Ana Ruiz at PyCon")

    answer = await slack.run("follow-up Ana\x00 Ruiz in 2 days")

    assert SORRY not in str(answer)
    assert "Ana Ruiz" in str(answer)


async def test_a_stored_draft_keeps_its_text_without_nul_or_lone_surrogates(slack: SlackSim, store):
    await slack.run("settings store-drafts on")
    draft = "Hi Ana,\x00 loved your talk \ud800on pipelines. Here is the paper I mentioned."
    # JSON carries the lone surrogate as an escape, as a hostile or broken client would send it.
    body = slack.event_body(slack.dm_event(draft))
    status, _ = await slack.post(body, "application/json")
    assert status == 200

    reply = await slack.fake.wait_for("chat.postMessage")
    assert SORRY not in all_text(reply[-1].args)
    exported = json.dumps(store.export_member(member_id(store)))
    assert "Hi Ana, loved your talk on pipelines." in exported


async def test_a_value_the_database_refuses_is_not_answered_with_try_again(slack: SlackSim):
    # PostgreSQL's integer cannot hold this review number: an error that will always recur.
    answer = all_text(await slack.run("feedback 99999999999 helpful"))

    assert "try again in a minute" not in answer.lower()
