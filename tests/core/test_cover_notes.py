"""A note to the coach around a pasted draft is not reviewed as part of the draft."""

import pytest

from bot.core import commands as c
from bot.core.cover_notes import asks_for_review_without_draft, draft_inside
from bot.core.parser import parse_command

DRAFT = "Hi Sam, great to meet you at the meetup. Here is the article on hiring I mentioned."


@pytest.mark.parametrize(
    "text",
    [
        f"what do you think of this: {DRAFT}",
        f"wdyt of this draft for Sam?\n{DRAFT}",
        f"can you check my message to Sam Lee:\n\n{DRAFT}",
        f"pls review this - {DRAFT}",
        f"is this too pushy?\n{DRAFT}",
        f"about to send this:\n{DRAFT}",
        f"thoughts?\n{DRAFT}",
        f"{DRAFT}\n\ntoo pushy?",
        f"{DRAFT}\nok to send?",
        f"Draft for Sam:\n{DRAFT}\n\nis it ok?",
        f"can you check this before I send it to my old manager: {DRAFT}",
        f"what do you think of this for my mentor - {DRAFT}",
        f"pls review this before sending it:\n{DRAFT}",
    ],
)
def test_the_note_to_the_coach_is_set_aside(text: str) -> None:
    assert draft_inside(text) == DRAFT
    assert parse_command(text, direct_message=True) == c.ReviewCommand(draft=DRAFT)


@pytest.mark.parametrize(
    "text",
    [
        DRAFT,
        "Is the following week good for you? I'd love to show you the new studio.",
        "Here is my proposal for the offsite. What do you think?",
        "Thoughts on the offsite: I think we should book the venue by Friday.",
        "what do you think?",  # a question with no draft in it
        "check this: ok",  # too little left to be a draft
    ],
)
def test_a_draft_without_a_note_to_the_coach_is_left_whole(text: str) -> None:
    assert draft_inside(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "can u review smth for me",
        "could you check my draft?",
        "pls look at my email",
        "review this",
    ],
)
def test_a_request_with_the_draft_still_to_come_asks_for_it(text: str) -> None:
    assert asks_for_review_without_draft(text)
    assert parse_command(text, direct_message=True) == c.ChatCommand("draft-to-come")


def test_a_channel_command_is_not_read_as_a_note() -> None:
    # Outside a DM, text goes to the command words as before.
    assert not isinstance(
        parse_command(f"what do you think of this: {DRAFT}", direct_message=False),
        c.ReviewCommand,
    )


def test_a_note_command_is_not_a_note_to_the_coach() -> None:
    assert draft_inside("note for Kai: prefers WhatsApp over email, ask about the move") is None
