"""A `Reply` as Block Kit: markup, escaping, and Slack's limits, never an invalid payload."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.messages import Action, Field, Reply, Section
from bot.slack.blocks import (
    BUTTON_TEXT_MAX,
    HOME_MAX_BLOCKS,
    MESSAGE_MAX_BLOCKS,
    SECTION_TEXT_MAX,
    home_view,
    render_reply,
)
from bot.slack.mrkdwn import split_for_limit, to_mrkdwn
from bot.slack.registry import ButtonKind, button_kind
from tests.slack.fake_slack import check_blocks


def test_bold_becomes_slack_bold_and_control_characters_are_escaped():
    assert to_mrkdwn("**Jane** & <team> said a > b") == "*Jane* &amp; &lt;team&gt; said a &gt; b"


def test_slack_mention_tokens_survive_escaping():
    assert to_mrkdwn("follow up with <@U123ABC> in <#C42|general>") == (
        "follow up with <@U123ABC> in <#C42|general>"
    )
    assert to_mrkdwn("<@not a mention>") == "&lt;@not a mention&gt;"


def test_sections_fields_and_buttons_render_with_the_command_as_value():
    reply = Reply(
        text="You have **2** open follow-ups.",
        sections=(
            Section(
                text="**#1 Jane**",
                fields=(Field("Due", "Thu"),),
                actions=(Action("Done", "done #1", style="primary"),),
            ),
        ),
        actions=(Action("Help", "help"),),
    )
    rendered = render_reply(reply)
    assert rendered.text == "You have 2 open follow-ups."  # notification text without markup
    kinds = [block["type"] for block in rendered.blocks]
    assert kinds == ["section", "section", "section", "actions", "actions"]
    assert rendered.blocks[2]["fields"][0]["text"] == "*Due*\nThu"
    done = rendered.blocks[3]["elements"][0]
    assert (done["value"], done["style"], button_kind(done["action_id"])) == (
        "done #1",
        "primary",
        ButtonKind.RUN,
    )


def test_long_text_is_split_over_sections_not_cut():
    long_text = "\n".join(f"line {i} " + "x" * 90 for i in range(100))  # ~10 000 characters
    rendered = render_reply(Reply(text=long_text))
    texts = [block["text"]["text"] for block in rendered.blocks]
    assert all(len(t) <= SECTION_TEXT_MAX for t in texts)
    assert "\n".join(texts) == long_text


def test_a_split_code_block_is_closed_and_reopened():
    code = "```\n" + "\n".join(f'  "key{i}": {i},' for i in range(400)) + "\n```"
    chunks = split_for_limit(code, SECTION_TEXT_MAX)
    assert len(chunks) > 1
    assert all(chunk.count("```") % 2 == 0 for chunk in chunks)
    assert all(len(chunk) <= SECTION_TEXT_MAX for chunk in chunks)


def test_too_many_sections_are_cut_with_a_note_and_the_buttons_kept():
    reply = Reply(
        text="Lots",
        sections=tuple(Section(text=f"item {i}") for i in range(120)),
        actions=(Action("Help", "help"),),
    )
    blocks = render_reply(reply).blocks
    assert len(blocks) == MESSAGE_MAX_BLOCKS
    assert blocks[-1]["type"] == "actions"
    assert blocks[-2]["type"] == "context" and "did not fit" in blocks[-2]["elements"][0]["text"]
    assert len(home_view(reply)["blocks"]) == HOME_MAX_BLOCKS


def test_button_text_is_truncated_and_an_overlong_command_is_dropped():
    reply = Reply(
        text="x",
        actions=(Action("L" * 200, "help"), Action("Too long", "review " + "y" * 3000)),
    )
    [actions] = [b for b in render_reply(reply).blocks if b["type"] == "actions"]
    [only] = actions["elements"]
    assert len(only["text"]["text"]) == BUTTON_TEXT_MAX
    assert only["value"] == "help"


def test_review_feedback_buttons_are_marked_as_feedback():
    reply = Reply(
        text="verdict",
        actions=(
            Action("Helpful", "feedback 7 helpful"),
            Action("Wrong flag", "feedback 7 wrong-flag"),
        ),
        review_id=7,
    )
    elements = render_reply(reply).blocks[-1]["elements"]
    assert [button_kind(e["action_id"]) for e in elements] == [ButtonKind.FEEDBACK] * 2


def test_a_review_without_feedback_buttons_gets_them():
    elements = render_reply(Reply(text="verdict", review_id=9)).blocks[-1]["elements"]
    assert [e["value"] for e in elements] == ["feedback 9 helpful", "feedback 9 wrong-flag"]


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=4000)


@settings(max_examples=40, deadline=None)
@given(
    text=texts,
    sections=st.lists(
        st.tuples(
            texts,
            st.lists(st.tuples(texts, texts), max_size=14),
            st.lists(st.tuples(st.text(max_size=120), st.text(max_size=2100)), max_size=30),
        ),
        max_size=8,
    ),
)
def test_any_reply_renders_to_blocks_slack_accepts(text, sections):
    reply = Reply(
        text=text,
        sections=tuple(
            Section(
                text=section_text,
                fields=tuple(Field(label, value) for label, value in fields),
                actions=tuple(Action(label, command) for label, command in actions),
            )
            for section_text, fields, actions in sections
        ),
    )
    rendered = render_reply(reply)
    assert check_blocks(rendered.blocks, MESSAGE_MAX_BLOCKS) is None
    assert 1 <= len(rendered.text) <= 3000
