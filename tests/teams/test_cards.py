"""Reply → Adaptive Card rendering: markup, buttons, the review layout and size limits."""

from __future__ import annotations

import json

from bot.core.messages import Action, Field, Reply, Section
from bot.teams.activities import reply_activities, settled_card, split_fenced
from bot.teams.cards import (
    MAX_CARD_BYTES,
    MAX_TEXT_CHARS,
    adaptive_card,
    card_size,
    command_from_submit,
    needs_card,
    replaced_card_text,
    text_blocks,
)
from bot.teams.review_card import BREAKDOWN_ID
from coach_rules.review import Finding, Review


def test_bold_is_kept_code_loses_its_backticks_and_bullets_become_a_list():
    blocks = text_blocks("**Due** today: type `done #3`\n• first\n• second\nAfter")

    assert [b["text"] for b in blocks] == [
        "**Due** today: type done #3",
        "- first\r- second",
        "After",
    ]
    assert all(b["wrap"] for b in blocks)


def test_buttons_submit_their_command_and_keep_their_style():
    reply = Reply(
        text="Nudge",
        actions=(
            Action("Done", "done #1", style="primary"),
            Action("Delete", "forget-me confirm", style="danger"),
            Action("Later", "snooze #1 2 days"),
        ),
    )

    actions = adaptive_card(reply)["actions"]

    assert [a["type"] for a in actions] == ["Action.Submit"] * 3
    assert [a["data"]["command"] for a in actions] == [
        "done #1",
        "forget-me confirm",
        "snooze #1 2 days",
    ]
    assert [a.get("style") for a in actions] == ["positive", "destructive", None]
    assert all(command_from_submit(a["data"]) == a["data"]["command"] for a in actions)


def test_only_our_own_submit_data_counts_as_a_command():
    assert command_from_submit({"netcoach": "command", "command": "  list "}) == "list"
    assert command_from_submit({"command": "list"}) is None
    assert command_from_submit({"netcoach": "command", "command": 42}) is None
    assert command_from_submit({"netcoach": "command", "command": "   "}) is None
    assert command_from_submit("list") is None
    assert command_from_submit(None) is None


def test_buttons_that_settle_the_card_carry_its_text_and_others_do_not():
    reply = Reply(
        text="**Time to follow up with Ana**",
        actions=(Action("Done", "done #1"), Action("Review my draft", "review")),
    )

    done, review = adaptive_card(reply, settles=lambda a: a.command != "review")["actions"]

    assert replaced_card_text(done["data"]) == "**Time to follow up with Ana**"
    assert replaced_card_text(review["data"]) is None
    assert all("replaces" not in a["data"] for a in adaptive_card(reply)["actions"])


def test_a_settled_card_keeps_its_text_shows_the_outcome_and_drops_its_buttons():
    outcome = Reply(text="Marked done.", sections=(Section("Second touch due Fri"),))

    card = settled_card("**Time to follow up with Ana**", outcome).attachments[0].content
    texts = json.dumps(card)

    assert "Time to follow up with Ana" in texts and "Marked done." in texts
    assert "Second touch due Fri" in texts and "actions" not in card


def test_replaced_card_text_ignores_anything_but_our_own_text():
    ours = {"netcoach": "command", "command": "done #1"}
    assert replaced_card_text({**ours, "replaces": "   "}) is None
    assert replaced_card_text({**ours, "replaces": ["list"]}) is None
    assert replaced_card_text({"command": "done #1", "replaces": "Nudge"}) is None
    assert replaced_card_text("done #1") is None
    assert len(replaced_card_text({**ours, "replaces": "x" * 50_000}) or "") == MAX_TEXT_CHARS


def test_sections_become_containers_with_facts_and_their_own_buttons():
    reply = Reply(
        text="You have 1 open follow-up.",
        sections=(
            Section(
                text="**#1 Alex** — due Wed",
                fields=(Field("Note", "send the deck"),),
                actions=(Action("Done", "done #1"),),
            ),
        ),
    )

    card = adaptive_card(reply)

    container = card["body"][-1]
    assert container["type"] == "Container" and container["separator"] is True
    [text, facts, buttons] = container["items"]
    assert text["text"] == "**#1 Alex** — due Wed"
    assert facts["facts"] == [{"title": "Note", "value": "send the deck"}]
    assert buttons["actions"][0]["data"]["command"] == "done #1"
    assert card["fallbackText"] == "You have 1 open follow-up."


def test_a_long_list_is_trimmed_to_fit_a_teams_message_and_says_so():
    sections = tuple(
        Section(
            text=f"**#{i} Person {i}** — due soon " + "x" * 300,
            actions=(Action("Done", f"done #{i}"),),
        )
        for i in range(200)
    )

    card = adaptive_card(Reply(text="You have 200 open follow-ups.", sections=sections))

    assert card_size(card) <= MAX_CARD_BYTES
    note = card["body"][-1]["text"]
    assert note.startswith("…and ") and note.endswith(" more not shown here.")
    shown = len(card["body"]) - 2
    assert int(note.split()[1]) == 200 - shown


def review_reply() -> Reply:
    review = Review(
        flagged=True,
        score=31,
        probability=0.9,
        findings=(Finding("no-hard-sell", "Pushes a sale.", "Offer value first.", ((0, 3),), -39),),
        score_breakdown=(("Starting score", 70), ("Hard-sell wording", -39)),
    )
    return Reply(
        text="**Reads as a hard sell** — value-first score **31/100**.",
        sections=(
            Section(
                "How the score of 31 adds up",
                fields=(Field("Starting score", "+70"), Field("Hard-sell wording", "-39")),
            ),
            Section("**No hard sell or pressure** — Pushes a sale.\nPhrases: “buy”"),
        ),
        actions=(
            Action("Helpful", "feedback 5 helpful"),
            Action("Wrong flag", "feedback 5 wrong-flag"),
        ),
        review=review,
        review_id=5,
    )


def test_the_review_card_opens_on_score_verdict_and_findings_with_the_breakdown_folded():
    card = adaptive_card(review_reply())
    body = card["body"]

    header = body[0]
    assert header["type"] == "ColumnSet"
    score = header["columns"][0]["items"][0]
    assert (score["text"], score["color"]) == ("31", "Attention")
    assert "Reads as a hard sell" in header["columns"][1]["items"][0]["text"]
    assert "Phrases: “buy”" in json.dumps(body[1], ensure_ascii=False)
    toggle, folded = body[2], body[3]
    assert toggle["actions"][0]["type"] == "Action.ToggleVisibility"
    assert toggle["actions"][0]["targetElements"] == [BREAKDOWN_ID]
    assert folded["id"] == BREAKDOWN_ID and folded["isVisible"] is False
    assert [a["data"]["command"] for a in card["actions"]] == [
        "feedback 5 helpful",
        "feedback 5 wrong-flag",
    ]


def test_one_line_answers_are_messages_and_anything_structured_is_a_card():
    assert not needs_card(Reply(text="Thanks — glad it helped."))
    assert needs_card(Reply(text="Two\nlines"))
    assert needs_card(Reply(text="x", actions=(Action("Go", "list"),)))
    assert needs_card(review_reply())

    [message] = reply_activities(Reply(text="**Done.**"))
    assert message.text == "**Done.**" and message.text_format == "markdown"


def test_code_blocks_leave_the_card_and_are_split_into_whole_messages():
    document = "\n".join(f'  "line {i}": "{"y" * 80}",' for i in range(600))
    reply = Reply(text="Here is everything.", sections=(Section(text=f"```\n{document}\n```"),))

    activities = reply_activities(reply)

    assert activities[0].text == "Here is everything."
    chunks = [a.text for a in activities[1:]]
    assert len(chunks) >= 3
    assert all(c.startswith("```\n") and c.endswith("\n```") for c in chunks)
    inner = "\n".join(c[4:-4] for c in chunks)
    assert inner == document


def test_an_overlong_line_is_split_too():
    chunks = split_fenced("```\n" + "z" * 50_000 + "\n```", max_bytes=10_000)

    assert all(len(chunk.encode()) <= 10_000 for chunk in chunks)
    assert (
        "".join(c.removeprefix("```\n").removesuffix("\n```") for c in chunks).replace("\n", "")
        == "z" * 50_000
    )
