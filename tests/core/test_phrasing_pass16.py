"""Pass 16: everyday phrasings of the newest writers. Every example is invented (names, places
and wording not in the phrasing files), with lines that must not be read as the command."""

from __future__ import annotations

import pytest

from bot.core.parser import parse_command
from tests.core.phrasings import CONTACTS, as_schema


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
