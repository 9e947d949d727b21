"""Pass 23 (issue 11): the families of misses in writers E28-E31's files, each shown on invented
lines (never the files' rows), with lines that must stay as they were."""

from __future__ import annotations

import pytest

from bot.core import commands as c
from bot.core.parser import parse_command

KNOWN = ("Dana Kim", "Omar Haddad", "Kai Müller", "Lena Vogt", "Tomás Ruiz", "Zoë Ça")


def dm(line: str) -> c.Parsed:
    return parse_command(line, direct_message=True, known_names=KNOWN)


def _who(result: c.Parsed) -> str:
    person = getattr(result, "person", None) or getattr(result, "target", None)
    assert isinstance(person, c.PersonRef), result
    return person.name


@pytest.mark.parametrize(
    ("line", "old", "new"),
    [
        ("Lena got married, it's Lena Vogt-Berg now", "Lena", "Lena Vogt-Berg"),
        ("Lena remarried, she's Lena Hart now", "Lena", "Lena Hart"),
        ("it's Lena Vogt-Berg now, she got married", "Lena", "Lena Vogt-Berg"),
        ("tomas changed his name to Tomás Ruiz-Paz, with a hyphen", "tomas", "Tomás Ruiz-Paz"),
        ("Kai changed his name to Kai Müller-Lang after the wedding", "Kai", "Kai Müller-Lang"),
        ("kai goes by Kasimir Müller at work, update it", "kai", "Kasimir Müller"),
        ("Kai Müller is actually Kai Mueller on linkedin, rename pls", "Kai Müller", "Kai Mueller"),
    ],
)
def test_a_rename_told_as_news(line: str, old: str, new: str) -> None:
    result = dm(line)
    assert isinstance(result, c.RenameCommand), result
    assert result.new_name == new and result.person.name.lower().startswith(old.lower()[:3])


@pytest.mark.parametrize(
    "line",
    ["Lena got married, it's a big deal now", "Lena is actually Head of Sales there, update it"],
)
def test_news_that_is_no_new_name_is_no_rename(line: str) -> None:
    assert not isinstance(dm(line), c.RenameCommand)


@pytest.mark.parametrize(
    "line",
    [
        "lena vogt — details?",
        "deets for lena pls",
        "a quick refresher on omar before my 1:1",
        "do you know anything about Lena Vogt",
        "Lena kaun hai? yaad nahi",
        "Kai Müller — where do I know him from?",
        "whats the story w/ omar, where did I meet him",
        "remind me who lena is",
    ],
)
def test_a_card_asked_for_in_words(line: str) -> None:
    assert isinstance(dm(line), c.WhoCommand)


@pytest.mark.parametrize(
    "line",
    [
        "remind me about dana kim",
        "do you know anything about networking",
        "details for the meeting",
    ],
)
def test_no_card_where_none_is_asked(line: str) -> None:
    assert not isinstance(dm(line), c.WhoCommand)


@pytest.mark.parametrize(
    ("line", "expected", "who"),
    [
        ("nvm about omar, dont remind me", c.CancelCommand, "Omar"),
        ("the contract with Lena Vogt is off, cancel that follow-up", c.CancelCommand, "Lena Vogt"),
        ("the Kai reminder can go, he left the company", c.CancelCommand, "Kai"),
        ("forget about folowing up with Dana", c.CancelCommand, "Dana"),
        ("nah scrap the Omar reminder", c.CancelCommand, "Omar"),
        ("bitte die Erinnerung für kai canceln", c.CancelCommand, "Kai"),
        ("cancela el recordatorio de Omar", c.CancelCommand, "Omar"),
        ("that Lena Vogt entry is a dupe, delete it", c.DeleteContactCommand, "Lena Vogt"),
        ("erase dana's contact card", c.DeleteContactCommand, "Dana"),
        ("Kontakt löschen: Kai", c.DeleteContactCommand, "Kai"),
        ("mark done: Lena Vogt", c.DoneCommand, "Lena Vogt"),
        ("completed: omar", c.DoneCommand, "Omar"),
        ("makr kai done", c.DoneCommand, "Kai"),
        ("Omar's one can slide to next week", c.SnoozeCommand, "Omar"),
        (
            "Kai's reminder came up but I'm swamped — remind me again in 2 days instead",
            c.SnoozeCommand,
            "Kai",
        ),
        ("give Lena another 5 days, I'm travelling", c.SnoozeCommand, "Lena"),
    ],
)
def test_a_command_said_in_words(line: str, expected: type, who: str) -> None:
    result = dm(line)
    assert isinstance(result, expected), result
    assert _who(result).startswith(who.split()[0][:3])


@pytest.mark.parametrize(
    "line",
    [
        "met Lena Vogt at the expo 2 days ogo",
        "nudge me to write to Lena Vogt nxet week",
        "bleh, long day. anyway — ping Lena Vogt on 12/21 about the grant",
        "can you add Rui Costa? met him at the rooftop thing Saturday",
        "Got to meet Rui Costa at the wine tasting last night!",
    ],
)
def test_a_meeting_or_reminder_through_typos_and_small_talk(line: str) -> None:
    assert isinstance(dm(line), c.MetCommand | c.FollowUpCommand)


def test_an_obligation_to_meet_is_nothing_logged() -> None:
    assert not isinstance(dm("I've got to meet Rui Costa tomorrow"), c.MetCommand)


def test_removed_and_marked_stay_words() -> None:
    result = dm("I'd like Omar removed from my list of people")
    assert isinstance(result, c.DeleteContactCommand)
