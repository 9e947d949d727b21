"""Lines a newcomer typed in `netcoach try` (7 Dec, sixth session): a group where a command takes
one person, and a list of people each with words in brackets."""

from __future__ import annotations

import pytest

from bot.core import commands as c
from bot.core.parser import parse_command


@pytest.mark.parametrize(
    "line",
    [
        "remind me about both on friday",
        "done with both of them",
        "snooze them both",
        "follow-up all 3",
    ],
)
def test_a_group_is_never_filed_as_a_contact_called_both(line: str) -> None:
    result = parse_command(line, direct_message=True)
    assert isinstance(result, c.ParseFailure) and result.asks_one_each
    assert "one person at a time" in result.message


def test_a_name_is_still_a_name() -> None:
    result = parse_command("remind me about Alba on friday", direct_message=True)
    assert isinstance(result, c.FollowUpCommand) and result.person.name == "Alba"


def test_every_person_in_a_list_with_asides_is_logged_and_each_aside_keeps_its_name() -> None:
    result = parse_command(
        "met Ines Roy (data eng) and Paulo Reis (Stripe) at the fintech breakfast",
        direct_message=True,
    )
    assert isinstance(result, c.MetCommand)
    assert [result.person.name, *(p.name for p in result.others)] == ["Ines Roy", "Paulo Reis"]
    assert result.note == "Ines Roy: data eng; Paulo Reis: Stripe"
    assert result.place == "the fintech breakfast"


def test_one_aside_is_the_note_as_it_is() -> None:
    result = parse_command("met Ines Roy (data eng) at the breakfast", direct_message=True)
    assert isinstance(result, c.MetCommand) and result.note == "data eng"


@pytest.mark.parametrize(
    ("line", "topic"),
    [
        ("hi there, new here. what is this", None),
        ("just installed you 👋", None),
        ("can i turn off the weekly thing", "digest"),
        ("how do i delete my stuff", "forget-me"),
        ("how do I get rid of my data?", "forget-me"),
        ("how do I delete a contact?", "delete-contact"),
    ],
)
def test_a_newcomers_questions_get_the_help_they_ask_for(line: str, topic: str | None) -> None:
    result = parse_command(line, direct_message=True)
    assert isinstance(result, c.HelpCommand) and result.topic == topic


@pytest.mark.parametrize(
    "line", ["what is this link you sent me?", "Hi Ana, new here at Acme - what is this about?"]
)
def test_a_question_for_someone_else_is_not_a_question_about_the_bot(line: str) -> None:
    assert isinstance(parse_command(line, direct_message=True), c.NotACommand)


@pytest.mark.parametrize("line", ["Kai's name is spelled wrong", "jane's name is wrong"])
def test_saying_a_name_is_wrong_never_renames_anyone_to_wrong(line: str) -> None:
    result = parse_command(line, direct_message=True, known_names=["Kai Müller", "Jane Doe"])
    assert not isinstance(result, c.RenameCommand)


def test_saying_what_the_name_is_still_renames() -> None:
    result = parse_command(
        "Kai's name is Kai Mueller", direct_message=True, known_names=["Kai Müller"]
    )
    assert isinstance(result, c.RenameCommand) and result.new_name == "Kai Mueller"
