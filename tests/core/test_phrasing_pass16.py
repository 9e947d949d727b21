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


# A rename said in a sentence: a typo in a contact, how the name should be written, the name
# said after "she's" with the old spelling after "not".
@pytest.mark.parametrize(
    ("text", "person", "new_name"),
    [
        ("typo in a contact: Teodor Lind is Teodor Lindh", "Teodor Lind", "Teodor Lindh"),
        ("typo in my contacts - Marisol Vega to Marisol Vegas", "Marisol Vega", "Marisol Vegas"),
        ("Bertrand Roy should be written Bertrand Roi", "Bertrand Roy", "Bertrand Roi"),
        (
            "Ingrid Solberg should be spelled as Ingrid Sohlberg",
            "Ingrid Solberg",
            "Ingrid Sohlberg",
        ),
        ("please fix Teodor's name, he's Teodor Lindqvist not Lind", "Teodor", "Teodor Lindqvist"),
        ("update Marisol's name, she's Marisol Vega-Ruiz", "Marisol", "Marisol Vega-Ruiz"),
    ],
)
def test_a_rename_said_in_a_sentence(text: str, person: str, new_name: str) -> None:
    assert read(text) == {"command": "rename", "person": person, "new_name": new_name}


@pytest.mark.parametrize(
    "text",
    [
        "the intro should be written as a short note",
        "Our pitch should be spelled out clearly",
        "typo in the deck: page 3 is wrong",
        "Hi Ingrid, the memo should be written by Friday",
    ],
)
def test_a_sentence_about_writing_no_name_renames_no_one(text: str) -> None:
    assert read(text)["command"] != "rename"


# "hit snooze on X": the snooze button said as a verb.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "hit snooze on Teodor Lind for 3 days",
            {"command": "snooze", "person": "Teodor Lind", "days": 3},
        ),
        (
            "put a snooze on Marisol Vega till Friday",
            {"command": "snooze", "person": "Marisol Vega", "date": "2026-12-11"},
        ),
        ("hit snooze on Bertrand", {"command": "snooze", "person": "Bertrand"}),
    ],
)
def test_hit_snooze_on_someone_is_a_snooze(text: str, expected: dict[str, object]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    "text", ["I hit snooze on my alarm for 20 minutes", "hit snooze on the alarm"]
)
def test_hit_snooze_on_no_one_snoozes_nothing(text: str) -> None:
    assert read(text)["command"] != "snooze"


# "X goes by Y now, change it to Z": the name the request says, when it keeps a word of the old.
@pytest.mark.parametrize(
    ("text", "person", "new_name"),
    [
        ("Teodor Lind goes by Teo now, change it to Teo Lind", "Teodor Lind", "Teo Lind"),
        ("Marisol Vega prefers Mari, update her to Mari Vega", "Marisol Vega", "Mari Vega"),
    ],
)
def test_goes_by_then_change_it_to_renames_to_the_requested_name(
    text: str, person: str, new_name: str
) -> None:
    assert read(text) == {"command": "rename", "person": person, "new_name": new_name}


def test_news_then_change_it_to_a_name_keeping_no_word_renames_no_one() -> None:
    assert read("The team is now remote, change it to Remote Crew")["command"] != "rename"


# "…, remove him from my network entirely": how completely, after whom the first clause names.
@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Teodor Lind moved abroad, delete him for good", "Teodor Lind"),
        ("Marisol Vega changed careers, remove her from my network entirely", "Marisol Vega"),
    ],
)
def test_delete_them_entirely_after_the_first_clause(text: str, person: str) -> None:
    assert read(text) == {"command": "delete-contact", "person": person}


def test_a_greeting_then_remove_them_entirely_is_a_draft() -> None:
    assert read("Hi Teodor, please remove him from the list entirely") == NOT_A_COMMAND
