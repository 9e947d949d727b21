"""Pass 16: everyday phrasings of the newest writers. Every example is invented (names, places
and wording not in the phrasing files), with lines that must not be read as the command."""

from __future__ import annotations

import pytest

from bot.core.parser import parse_command
from tests.core.phrasings import CONTACTS, NOT_A_COMMAND, as_schema


def read(text: str) -> dict[str, object]:
    return as_schema(parse_command(text, direct_message=True, known_names=CONTACTS))


# A fact on a contact's card, asked for "again", is their card.
@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("What's Ingrid Solberg's job again?", "Ingrid Solberg"),
        ("whats Teodor's last name again", "Teodor"),
        ("what startup is Marisol at again?", "Marisol"),
        ("what firm does Bertrand work for again", "Bertrand"),
        ("Ingrid Solberg — what's her role again, I forgot", "Ingrid Solberg"),
    ],
)
def test_a_fact_on_the_card_asked_again_is_the_card(text: str, person: str) -> None:
    assert read(text) == {"command": "who", "person": person}


@pytest.mark.parametrize(
    "text",
    [
        "what's your company again?",
        "Sorry, what was the company again?",
        "what's his email again?",
        "Hey Teodor — what's your startup called again?",
    ],
)
def test_a_question_about_no_one_named_is_no_card(text: str) -> None:
    assert read(text)["command"] != "who"


# A touch said, then "tick it" or "closing the loop": the follow-up is done.
@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Wrote to Ingrid Solberg yesterday, closing the loop", "Ingrid Solberg"),
        ("Pinged Teodor Lind about the deck, tick it", "Teodor Lind"),
        ("had the debrief call with Marisol Vega this morning, tick that", "Marisol Vega"),
        ("Bertrand Roy - reached out, close the loop", "Bertrand Roy"),
    ],
)
def test_a_touch_then_tick_it_or_closing_the_loop_is_done(text: str, person: str) -> None:
    assert read(text) == {"command": "done", "person": person}


@pytest.mark.parametrize(
    "text",
    [
        "Hi Teodor, just closing the loop.",
        "Thanks Marisol, closing the loop here!",
        "Hey Bertrand, tick it when you are done",
        "Ingrid — closing the loop on the invoice, paid today.",
    ],
)
def test_closing_the_loop_in_a_message_to_someone_is_a_draft(text: str) -> None:
    assert read(text) == NOT_A_COMMAND
