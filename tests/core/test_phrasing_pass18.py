"""Pass 18: the families writers E22 and E23 showed (issue 11). Every example is invented
(names, places and wording not in the phrasing files), with lines that must not be read as the
command."""

from __future__ import annotations

import pytest

from bot.core.parser import parse_command
from bot.core.tidy import tidy, without_asides
from tests.core.phrasings import CONTACTS, NOT_A_COMMAND, as_schema


def read(text: str) -> dict[str, object]:
    return as_schema(parse_command(text, direct_message=True, known_names=CONTACTS))


# Questions and requests that take no person: stats, list, export, forget-me, settings, digest.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("what were my numbers last month", {"command": "stats", "period": "month"}),
        ("how many people have I met this week?", {"command": "stats", "period": "week"}),
        ("what did my follow-ups look like this month", {"command": "stats", "period": "month"}),
        ("whats my month look like, numbers wise", {"command": "stats", "period": "month"}),
        ("all the reminders I have, all of them", {"command": "list", "filter": "all"}),
        ("everything, late or not, show them", {"command": "list", "filter": "all"}),
        (
            "what's pending for me? all of it, not only the late ones",
            {"command": "list", "filter": "all"},
        ),
        ("are we behind on anyone?", {"command": "list", "filter": "overdue"}),
        ("what did I let slip? late ones", {"command": "list", "filter": "overdue"}),
        ("which folow-ups are overdue", {"command": "list", "filter": "overdue"}),
        ("moje przypomnienia", {"command": "list"}),
        ("could I have a download of all my contacts?", {"command": "export"}),
        ("export all my notes as json", {"command": "export"}),
        ("send me a complete backup of my data", {"command": "export"}),
        ("please delete my account and all my contacts, switching tools", {"command": "forget-me"}),
        ("I'm leaving the team — close my account", {"command": "forget-me"}),
        ("qual é minhas configurações", {"command": "settings", "setting": "show"}),
        (
            "I'm in Lisbon till March, change my timezone",
            {"command": "settings", "setting": "timezone", "value": "Europe/Lisbon"},
        ),
        (
            "set tz to Asia/Tokyo, visiting the team for two weeks",
            {"command": "settings", "setting": "timezone", "value": "Asia/Tokyo"},
        ),
        (
            "relocating to Denver, update tz accordingly",
            {"command": "settings", "setting": "timezone", "value": "America/Denver"},
        ),
        (
            "switch to LA time",
            {"command": "settings", "setting": "timezone", "value": "America/Los_Angeles"},
        ),
        (
            "my work hours are 10-6 now, update the reminders",
            {"command": "settings", "setting": "hours", "value": "10:00-18:00"},
        ),
        ("turn of the weekly digest", {"command": "digest", "action": "off"}),
        (
            "I want the digest sent here on fridays",
            {"command": "digest", "action": "here", "weekday": "friday"},
        ),
    ],
)
def test_requests_that_take_no_person(text: str, want: dict[str, object]) -> None:
    assert read(text) == want


# Questions about the bot, with the page they are about.
@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("what's this bot for?", None),
        ("yo what commands do you have", None),
        ("what counts as a follow-up in my stats?", "stats"),
        ("what happens if I mark a reminder done?", "done"),
        ("can the weekly digest go to another channel?", "digest"),
        ("what does the weekly digest include?", "digest"),
        ("how does the digest decide who to thank?", "digest"),
    ],
)
def test_questions_about_the_bot(text: str, topic: str | None) -> None:
    got = read(text)
    assert got["command"] == "help"
    assert got.get("topic") == topic


# A person named, then asked about.
@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("omar haddad?? who is he again", "Omar Haddad"),
        ("Kai Müller — who is that, what do I know about him", "Kai Müller"),
        ("Priya kaun thi? i forgot", "Priya Shah"),
        ("Jane Doe? remind me where we met", "Jane Doe"),
        ("Sam Lee - show card", "Sam Lee"),
    ],
)
def test_a_name_then_a_question_about_them(text: str, person: str) -> None:
    assert read(text) == {"command": "who", "person": person}


@pytest.mark.parametrize("text", ["Dana again", "Dana, who is that guy at the door?"])
def test_a_name_then_other_words_is_no_card(text: str) -> None:
    assert read(text)["command"] != "who"


# Touches, cancels and snoozes said as people say them.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Omar ✅ replied to his message", {"command": "done", "person": "Omar Haddad"}),
        ("Priya Shah - answered her email, all done", {"command": "done", "person": "Priya Shah"}),
        ("jose: replied ✅", {"command": "done", "person": "José Núñez"}),
        ("i emialed dana yesterday", {"command": "done", "person": "Dana Kim"}),
        ("no follow-up needed for Kai anymore", {"command": "cancel", "person": "Kai Müller"}),
        (
            "unset the reminder for Omar, he moved on",
            {"command": "cancel", "person": "Omar Haddad"},
        ),
        (
            "skip Dana for now, push it 3 days",
            {"command": "snooze", "person": "Dana Kim", "days": 3},
        ),
        ("dale a Priya 4 días más", {"command": "snooze", "person": "Priya Shah", "days": 4}),
        (
            "remind me about Sam in 5 days instead, not this week",
            {"command": "snooze", "person": "Sam Lee", "days": 5},
        ),
        (
            "snooze Omar till 22nd",
            {"command": "snooze", "person": "Omar Haddad", "date": "2026-12-22"},
        ),
        (
            "Kai ko 19th tak push kar do",
            {"command": "snooze", "person": "Kai Müller", "date": "2026-12-19"},
        ),
        (
            "sn00ze Jane till friday",
            {"command": "snooze", "person": "Jane Doe", "date": "2026-12-11"},
        ),
        (
            "kai müller — remove from my contacts",
            {"command": "delete-contact", "person": "Kai Müller"},
        ),
    ],
)
def test_touches_cancels_and_snoozes(text: str, want: dict[str, object]) -> None:
    assert read(text) == want


def test_skip_alone_still_cancels() -> None:
    assert read("skip Dana") == {"command": "cancel", "person": "Dana Kim"}


@pytest.mark.parametrize(
    "text",
    [
        "Omar replied to my email",  # Omar's reply, not the member's touch
        "met Ines at her 21st birthday",
        "coffee with Ines at the place on 5th Ave",
    ],
)
def test_lines_that_are_not_these_commands(text: str) -> None:
    got = read(text)
    assert got["command"] != "done"
    assert got.get("date") in {None, "2026-12-09"}


# Renames said as news, then the new name.
@pytest.mark.parametrize(
    ("text", "person", "new"),
    [
        (
            "Dana Kim goes by Danny now, can you update her name to Danny Kim",
            "Dana Kim",
            "Danny Kim",
        ),
        ("Priya goes by Pri, rename her Pri Shah", "Priya Shah", "Pri Shah"),
        (
            "Omar changed his last name, it's Omar Haddad-Sayegh now",
            "Omar Haddad",
            "Omar Haddad-Sayegh",
        ),
        ("correct Sam's surname, it's Leigh not Lee", "Sam Lee", "Sam Leigh"),
        ("Jane's name is spelled Jayne Doe, can you fix it", "Jane Doe", "Jayne Doe"),
        (
            "Kai's new surname is Schmidt since the wedding — update him",
            "Kai Müller",
            "Kai Schmidt",
        ),
        ("cambia el nombre de Omar: Omar Haddad Saleh", "Omar Haddad", "Omar Haddad Saleh"),
        ("it's Jose Nunez not José Núñez, he drops the accents", "José Núñez", "Jose Nunez"),
    ],
)
def test_renames(text: str, person: str, new: str) -> None:
    assert read(text) == {"command": "rename", "person": person, "new_name": new}


def test_a_changed_mind_is_no_rename() -> None:
    assert read("Omar changed his mind, it's Friday now")["command"] != "rename"


# Notes.
@pytest.mark.parametrize(
    ("text", "person", "note"),
    [
        (
            "note: Sam's son starts college in May, ask him",
            "Sam Lee",
            "son starts college in May, ask him",
        ),
        ("apunta para Kai: wife's name is Lea", "Kai Müller", "wife's name is Lea"),
        (
            "Omar: his brother runs a bakery, they ship to Dubai",
            "Omar Haddad",
            "his brother runs a bakery, they ship to Dubai",
        ),
        (
            "for Dana: loves sailing, has a boat — add as a note",
            "Dana Kim",
            "loves sailing, has a boat",
        ),
    ],
)
def test_notes(text: str, person: str, note: str) -> None:
    assert read(text) == {"command": "note", "person": person, "note": note}


def test_where_a_note_goes_is_no_part_of_it() -> None:
    assert read("update Sam's notes: now at Stripe")["note"] == "now at Stripe"


def test_a_kind_of_message_then_a_draft_is_reviewed() -> None:
    assert read("intro email: Hi Tomás, Kai suggested I reach out about your robotics lab.") == {
        "command": "review"
    }


# Reminders with something to do.
@pytest.mark.parametrize(
    ("text", "person", "note"),
    [
        ("remind me to send Ines Moreau the contract", "Ines Moreau", "send the contract"),
        (
            "remind me to congratulate Dana on her new role",
            "Dana Kim",
            "congratulate on her new role",
        ),
        ("remind me to share the roadmap with Omar in 3 days", "Omar Haddad", "share the roadmap"),
        ("check back with Kai Müller friday about the visa", "Kai Müller", "about the visa"),
        ("get back to Ines Moreau w/ my edits next monday", "Ines Moreau", "my edits"),
    ],
)
def test_reminders_with_an_errand(text: str, person: str, note: str) -> None:
    got = read(text)
    assert (got["command"], got["person"], got.get("note")) == ("follow-up", person, note)


# Meetings: words to the coach, how long, fields and small tails are no part of the record.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "had coffee with Ines Moreau yesterday, forgot to log it - she's a bookseller",
            {"person": "Ines Moreau", "date": "2026-12-08", "note": "she's a bookseller"},
        ),
        (
            "met Tomás Vidal at the Porto tech meetup, adding him",
            {"person": "Tomás Vidal", "place": "the Porto tech meetup"},
        ),
        (
            "Lovely meeting Ines Moreau at the book fair today — she runs a shop",
            {
                "person": "Ines Moreau",
                "place": "the book fair",
                "date": "2026-12-09",
                "note": "she runs a shop",
            },
        ),
        (
            "spoke to Tomás Vidal for 20 minutes at the Porto tech meetup",
            {"person": "Tomás Vidal", "place": "the Porto tech meetup"},
        ),
        (
            "Met Tomás Vidal, Farfetch, at the design summit",
            {"person": "Tomás Vidal", "place": "the design summit", "note": "Farfetch"},
        ),
        (
            "Tomás Vidal, product lead at Farfetch, met at the Porto tech meetup",
            {
                "person": "Tomás Vidal",
                "place": "the Porto tech meetup",
                "note": "product lead at Farfetch",
            },
        ),
        (
            "Ines Moreau, Monday, the indie publishing forum. Bookseller.",
            {"person": "Ines Moreau", "place": "the indie publishing forum", "date": "2026-12-07"},
        ),
        (
            "meet log: Tomás Vidal, Tuesday, Porto Design Week talk",
            {"person": "Tomás Vidal", "place": "Porto Design Week talk", "date": "2026-12-08"},
        ),
        ("bumped into Sam at the pharmacy hahaha", {"person": "Sam Lee", "place": "the pharmacy"}),
        (
            "Jane and I met at the Soho bakery on Monday to chat",
            {"person": "Jane Doe", "place": "the Soho bakery", "date": "2026-12-07"},
        ),
        (
            "dinner today at Casa Mia w/ Tomás Vidal",
            {"person": "Tomás Vidal", "place": "Casa Mia", "date": "2026-12-09"},
        ),
        ("abhi abhi Ines Moreau se baat hui", {"person": "Ines Moreau", "date": "2026-12-09"}),
    ],
)
def test_meetings(text: str, want: dict[str, object]) -> None:
    got = read(text)
    assert got["command"] == "met"
    assert {key: got.get(key) for key in want} == want
    if "note" not in want:
        assert "note" not in got or got["note"] == "Bookseller"


def test_a_meeting_said_to_the_reader_is_a_draft() -> None:
    assert read("Great meeting you at the book fair yesterday!") == NOT_A_COMMAND


def test_a_note_of_only_words_to_the_coach_is_none() -> None:
    assert without_asides("forgot to add her") == ""
    assert without_asides("she's a chef, forgot to log it") == "she's a chef"
    assert without_asides("bahut helpful thi") == "bahut helpful thi"  # all foreign: kept


def test_typos_in_command_words() -> None:
    assert tidy("whats pendng") == "what's pending"
    assert tidy("which folow-ups are late") == "which follow-ups are late"
    assert tidy("exportar mis contactos") == "exportar mis contactos"  # Spanish, no slip


def test_no_thanks_then_when() -> None:
    assert read("nope, not today") == {"command": "chat", "intent": "no"}
