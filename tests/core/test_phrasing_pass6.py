"""The sixth pass's classes of everyday phrasing, each shown by lines that are in no phrasing file.

Read as in the phrasing files: today is Wed 9 Dec 2026, the member has the files' contacts.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.core import commands as c
from bot.core.parser import parse_command
from tests.core.phrasings import CONTACTS, as_schema


def understood(text: str) -> dict[str, Any]:
    return as_schema(parse_command(text, direct_message=True, known_names=CONTACTS))


def parsed(text: str) -> object:
    return parse_command(text, direct_message=True, known_names=CONTACTS)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("follow-up lena wed", {"command": "follow-up", "person": "lena", "date": "2026-12-16"}),
        ("follow-up Ravi sat", {"command": "follow-up", "person": "Ravi", "date": "2026-12-12"}),
        ("snooze kai mon", {"command": "snooze", "person": "Kai Müller", "date": "2026-12-14"}),
    ],
)
def test_a_short_weekday_right_after_a_name_is_a_day(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


def test_a_short_weekday_after_a_subject_stays_a_word() -> None:
    assert not isinstance(parsed("she sat"), c.FollowUpCommand | c.SnoozeCommand)


@pytest.mark.parametrize(
    "text", ["can u check this one", "could you look at that one?", "pls review this one"]
)
def test_asking_for_a_review_of_this_one_with_no_draft_asks_for_the_draft(text: str) -> None:
    assert parsed(text) == c.ChatCommand("draft-to-come")


@pytest.mark.parametrize(
    "text",
    ["who can see my contacts?", "who else can read my drafts", "who has access to my notes?"],
)
def test_who_can_see_my_data_is_a_question_about_privacy(text: str) -> None:
    assert parsed(text) == c.HelpCommand(topic="privacy")


@pytest.mark.parametrize(
    "text", ["sure, makes sense", "ok makes sense", "got it", "gotcha!", "yep, understood"]
)
def test_an_acknowledgement_is_chat_and_no_yes(text: str) -> None:
    assert parsed(text) == c.ChatCommand("ack")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Servus! Met Lukas Weber at the Graz meetup on Monday",
            {
                "command": "met",
                "person": "Lukas Weber",
                "place": "the Graz meetup",
                "date": "2026-12-07",
            },
        ),
        (
            "ayy, I met Rosa Diaz at the book fair yesterday",
            {
                "command": "met",
                "person": "Rosa Diaz",
                "place": "the book fair",
                "date": "2026-12-08",
            },
        ),
        ("ugh fine — snooze kai 3 days", {"command": "snooze", "person": "Kai Müller", "days": 3}),
        (
            "mashallah met Bilal Khan at the iftar",
            {"command": "met", "person": "Bilal Khan", "place": "the iftar", "date": "2026-12-09"},
        ),
    ],
)
def test_a_short_opener_before_the_request_is_no_part_of_it(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Dana, I'll be in Oslo next week for a summit, coffee?",
        "Hi Ravi, we met at the fair yesterday",
        "Wow! Free for a call tomorrow?",
    ],
)
def test_a_salutation_or_a_question_after_the_opener_stays_a_draft(text: str) -> None:
    assert isinstance(parsed(text), c.NotACommand)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "hit up Ines Costa on friday",
            {"command": "follow-up", "person": "Ines Costa", "date": "2026-12-11"},
        ),
        (
            "check on Omar tomorrow",
            {"command": "follow-up", "person": "Omar Haddad", "date": "2026-12-10"},
        ),
        (
            "remember to catch up with Ada Lovel next week",
            {"command": "follow-up", "person": "Ada Lovel", "date": "2026-12-14"},
        ),
    ],
)
def test_getting_back_in_touch_on_a_day_is_a_follow_up(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "remind me friday 9am to text Dana",
            {"command": "follow-up", "person": "Dana Kim", "date": "2026-12-11", "time": "09:00"},
        ),
        (
            "remind me at 4pm tomorrow to call Lea Roth about the offer",
            {
                "command": "follow-up",
                "person": "Lea Roth",
                "date": "2026-12-10",
                "time": "16:00",
                "note": "about the offer",
            },
        ),
        (
            "remind me 2moro to write to Kai: the intro he wanted",
            {
                "command": "follow-up",
                "person": "Kai Müller",
                "date": "2026-12-10",
                "note": "the intro he wanted",
            },
        ),
        (
            "reminder: call Bea Lund on monday re the grant",
            {
                "command": "follow-up",
                "person": "Bea Lund",
                "date": "2026-12-14",
                "note": "re the grant",
            },
        ),
        (
            "follow up avec Luc Morel vendredi",
            {"command": "follow-up", "person": "Luc Morel", "date": "2026-12-11"},
        ),
    ],
)
def test_a_day_and_time_between_remind_me_and_the_verb_go_with_the_reminder(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "remind me to call Omar on monday, merci",
            {"command": "follow-up", "person": "Omar Haddad", "date": "2026-12-14"},
        ),
        (
            "follow up with Sam friday, bhool mat jana",
            {"command": "follow-up", "person": "Sam Lee", "date": "2026-12-11"},
        ),
        (
            "bumped into Kai at the station, pls log it",
            {
                "command": "met",
                "person": "Kai Müller",
                "place": "the station",
                "date": "2026-12-09",
            },
        ),
        (
            "kai's dog is called Bruno, add it as a note",
            {"command": "note", "person": "Kai Müller", "note": "dog is called Bruno"},
        ),
    ],
)
def test_thanks_in_any_language_or_the_request_said_again_is_no_note(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("drop omar from my contacts", "Omar Haddad"),
        ("delete kai entirely, not just the follow-up", "Kai Müller"),
        ("I want Sam removed from my contacts", "Sam Lee"),
        ("get Dana deleted from the address book", "Dana Kim"),
    ],
)
def test_a_contact_taken_off_the_contact_list_is_deleted(text: str, person: str) -> None:
    assert understood(text) == {"command": "delete-contact", "person": person}


@pytest.mark.parametrize(
    "text", ["drop Kai", "drop the omar reminder", "remove the reminder for Sam"]
)
def test_dropping_a_reminder_still_cancels_it(text: str) -> None:
    assert understood(text)["command"] == "cancel"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("who's on my plate?", {"command": "list"}),
        ("which people have I mised", {"command": "list", "filter": "overdue"}),
        ("who did I forget", {"command": "list", "filter": "overdue"}),
        ("qué tengo para hoy", {"command": "list"}),
        ("mga follow-ups ko", {"command": "list"}),
        ("show all my reminders, including the closed ones", {"command": "list", "filter": "all"}),
        ("send me a report card for the month", {"command": "stats", "period": "month"}),
        ("what's my reply rate over the past week", {"command": "stats", "period": "week"}),
        ("mes stats", {"command": "stats", "period": "week"}),
        ("pull up kai's contcat", {"command": "who", "person": "Kai Müller"}),
        (
            "follow up with Sam friday re the contract",
            {
                "command": "follow-up",
                "person": "Sam Lee",
                "date": "2026-12-11",
                "note": "re the contract",
            },
        ),
    ],
)
def test_questions_about_the_list_and_the_numbers(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "bug me about Dana on friday",
            {"command": "follow-up", "person": "Dana Kim", "date": "2026-12-11"},
        ),
        ("no need to remind me about Kai any more", {"command": "cancel", "person": "Kai Müller"}),
        ("settings show", {"command": "settings", "setting": "show"}),
        ("what do you know about Sam Lee?", {"command": "who", "person": "Sam Lee"}),
        ("how do we know Priya Shah", {"command": "who", "person": "Priya Shah"}),
        ("Kai has been emailed", {"command": "done", "person": "Kai Müller"}),
        (
            "was intro'd to Mia Berg at the demo day yesterday",
            {"command": "met", "person": "Mia Berg", "place": "the demo day", "date": "2026-12-08"},
        ),
        (
            "hom qua met Tran Thi Mai at the cafe",
            {"command": "met", "person": "Tran Thi Mai", "place": "the cafe", "date": "2026-12-08"},
        ),
    ],
)
def test_more_everyday_ways_of_saying_a_command(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


def test_how_do_i_know_a_thing_is_still_a_question_for_help() -> None:
    assert isinstance(parsed("how do I know if my draft is too pushy?"), c.HelpCommand)


@pytest.mark.parametrize(
    "line", ["sure, I'll ping him tomorrow", "hey team, drop your slides in the folder by friday"]
)
def test_a_reply_word_or_a_greeting_before_the_comma_is_no_opener(line: str) -> None:
    assert isinstance(parsed(line), c.NotACommand)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("#6 done", {"command": "done", "person": "Dana Kim"}),
        ("#6: snooze 3 days", {"command": "snooze", "person": "Dana Kim", "days": 3}),
        (
            "Ravi Rao and I met at the hackathon on saturday",
            {
                "command": "met",
                "person": "Ravi Rao",
                "place": "the hackathon",
                "date": "2026-12-05",
            },
        ),
        (
            "met Mei Na at the library today",
            {"command": "met", "person": "Mei Na", "place": "the library", "date": "2026-12-09"},
        ),
        ("close my account", {"command": "forget-me"}),
        ("erase everything you know about me", {"command": "forget-me"}),
        (
            "chnage my timezone to Europe/Oslo",
            {"command": "settings", "setting": "timezone", "value": "Europe/Oslo"},
        ),
        (
            "kai changed his name to Kai Berg",
            {"command": "rename", "person": "Kai Müller", "new_name": "Kai Berg"},
        ),
        ("ayuda con snooze", {"command": "help", "topic": "snooze"}),
        ("cancel a reminder - how does that work?", {"command": "help", "topic": "cancel"}),
    ],
)
def test_ids_first_pairs_met_accounts_and_help_asked_last(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


def test_my_partner_and_i_met_is_no_contact() -> None:
    assert isinstance(parsed("My wife and I met at a party in 2010"), c.NotACommand)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "met somebody brilliant!! Aiko Sato, robotics engineer, at the lab tour yesterday",
            {
                "command": "met",
                "person": "Aiko Sato",
                "place": "the lab tour",
                "date": "2026-12-08",
                "note": "robotics engineer",
            },
        ),
        (
            "recuérdame to email Lucía Vega el viernes",
            {"command": "follow-up", "person": "Lucía Vega", "date": "2026-12-11"},
        ),
        (
            "Dec 22 at 10am: text Omar, remind me",
            {
                "command": "follow-up",
                "person": "Omar Haddad",
                "date": "2026-12-22",
                "time": "10:00",
            },
        ),
        (
            "remind me monday: email Priya",
            {"command": "follow-up", "person": "Priya Shah", "date": "2026-12-14"},
        ),
    ],
)
def test_a_name_after_someone_and_remind_me_said_last(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


def test_what_the_member_will_do_with_remind_me_last_is_no_contact() -> None:
    assert isinstance(parsed("I'll call him later, remind me"), c.NotACommand)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "kai's surname is Berger now, rename to Kai Berger",
            {"command": "rename", "person": "Kai Müller", "new_name": "Kai Berger"},
        ),
        (
            "the Turin design week on 12/3 — met Paolo Neri there",
            {
                "command": "met",
                "person": "Paolo Neri",
                "place": "the Turin design week",
                "date": "2026-12-03",
            },
        ),
        ("finally caled omar back", {"command": "done", "person": "Omar Haddad"}),
    ],
)
def test_rename_after_a_clause_where_first_and_a_slip_in_called(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("kya kya pending hai?", {"command": "list"}),
        ("ano ang late ko", {"command": "list", "filter": "overdue"}),
        ("ano ba ang mga reminders ko?", {"command": "list"}),
        ("kitne log se mile is hafta", {"command": "stats", "period": "week"}),
    ],
)
def test_list_and_stats_asked_in_hindi_and_tagalog(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("met Aiko Sato, robotics PhD, at the lab tour yesterday", "robotics PhD"),
        ("met Aiko Sato, CTO at a fintech, at the lab tour yesterday", "CTO at a fintech"),
    ],
)
def test_a_description_with_a_capital_before_the_place_stays_the_note(text: str, note: str) -> None:
    assert understood(text) == {
        "command": "met",
        "person": "Aiko Sato",
        "place": "the lab tour",
        "date": "2026-12-08",
        "note": note,
    }


def test_hindi_with_the_verb_first_logs_the_meeting() -> None:
    assert understood("kal mila tha Arjun Rao se at the expo") == {
        "command": "met",
        "person": "Arjun Rao",
        "place": "the expo",
        "date": "2026-12-08",
    }


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "ik moet nog follow up w Joost Bakker on monday",
            {"command": "follow-up", "person": "Joost Bakker", "date": "2026-12-14"},
        ),
        (
            "tengo que follow up con Marta Ruiz el viernes",
            {"command": "follow-up", "person": "Marta Ruiz", "date": "2026-12-11"},
        ),
    ],
)
def test_need_to_in_another_language_before_follow_up(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "follow-up Kai morgen um 16 Uhr",
            {"command": "follow-up", "person": "Kai Müller", "date": "2026-12-10", "time": "16:00"},
        ),
        (
            "follow-up Sam friday 3 o'clock",
            {"command": "follow-up", "person": "Sam Lee", "date": "2026-12-11", "time": "15:00"},
        ),
    ],
)
def test_an_hour_with_its_oclock_needs_no_at(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("I did email Kai", "Kai Müller"),
        ("i did reach out to Siobhan Byrne today", "Siobhan Byrne"),
    ],
)
def test_the_emphatic_past_is_done(text: str, person: str) -> None:
    assert understood(text) == {"command": "done", "person": person}


def test_the_emphatic_past_about_a_thing_stays_a_draft() -> None:
    assert isinstance(parsed("I did call the venue about the booking"), c.NotACommand)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Yay! done with Omar", {"command": "done", "person": "Omar Haddad"}),
        ("Servus! show me Kai's card", {"command": "who", "person": "Kai Müller"}),
        (
            "Ahoj! Sam Lee note — prefers mornings",
            {"command": "note", "person": "Sam Lee", "note": "prefers mornings"},
        ),
    ],
)
def test_an_exclaimed_interjection_is_no_name(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Hi Peter! Remember me from the conference in Berlin? Would you have 20 minutes?",
        "Science fair champ! 😄 Tell her congrats from me",
    ],
)
def test_a_salutation_before_the_exclamation_keeps_a_draft(text: str) -> None:
    assert isinstance(parsed(text), c.NotACommand)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Please can you postpone the Kai reminder by 2 days",
            {"command": "snooze", "person": "Kai Müller", "days": 2},
        ),
        ("fyi how do I rename someone?", {"command": "help", "topic": "rename"}),
        ("Please how does the digest work?", {"command": "help", "topic": "digest"}),
        ("quick question: how do I snooze?", {"command": "help", "topic": "snooze"}),
    ],
)
def test_courtesy_and_asides_before_a_request_or_a_question(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


def test_met_with_the_neighbouring_key_is_met() -> None:
    assert understood("mey Ana Ruiz at RustConf") == {
        "command": "met",
        "person": "Ana Ruiz",
        "place": "RustConf",
        "date": "2026-12-09",
    }
