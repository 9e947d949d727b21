"""General grammar for the weak commands (done, rename, settings, digest) and code-mixed lines,
each shown by lines written for this test (in no phrasing file).

Read as in the phrasing files: today is Wed 9 Dec 2026, the member has the files' contacts.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.core.parser import parse_command
from tests.core.phrasings import CONTACTS, as_schema

JANE = {"command": "done", "person": "Jane Doe"}
PRIYA = {"command": "done", "person": "Priya Shah"}


def understood(text: str) -> dict[str, Any]:
    return as_schema(parse_command(text, direct_message=True, known_names=CONTACTS))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("I'm done with Priya", PRIYA),
        ("all done w/ Priya", PRIYA),
        ("Jane: done", JANE),
        ("Jane done", JANE),
        ("Jane's done", JANE),
        ("Jane - sent!", JANE),
        ("Jane ✅", JANE),
        ("sent Jane the deck", JANE),
        ("I sent my follow up to Jane Doe", JANE),
        ("you can close Jane", JANE),
        ("close the follow-up with Jane", JANE),
        ("cross Jane off my list", JANE),
        ("priya done", PRIYA),
        ("im done with priya", PRIYA),
    ],
)
def test_done_is_read_from_how_people_report_it(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


def _rename(old: str, new: str) -> dict[str, Any]:
    return {"command": "rename", "person": old, "new_name": new}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("make Kai's name Kai Mueller", _rename("Kai Müller", "Kai Mueller")),
        ("edit Dana's name: Dana Kimura", _rename("Dana Kim", "Dana Kimura")),
        ("Jane's name is Jane Smith now", _rename("Jane Doe", "Jane Smith")),
        ("update Dana Kim to Dana Kim-Lee", _rename("Dana Kim", "Dana Kim-Lee")),
        ("Dana's last name is actually Park", _rename("Dana Kim", "Dana Park")),
        ("Sam Lee should be Samuel Lee", _rename("Sam Lee", "Samuel Lee")),
        ("Jane Doe is now Jane Smith", _rename("Jane Doe", "Jane Smith")),
        ("Dana Kim changed her name to Dana Lee", _rename("Dana Kim", "Dana Lee")),
        ("Kai goes by Kai M now", _rename("Kai Müller", "Kai M")),
        ("Priya Shah → Priyanka Shah", _rename("Priya Shah", "Priyanka Shah")),
        ("i spelled omar wrong, it's Omer", _rename("Omar Haddad", "Omer")),
        ("typo in Priya's name, should be Pria", _rename("Priya Shah", "Pria")),
        ("rename Jane Doe Jane Smith", _rename("Jane Doe", "Jane Smith")),
    ],
)
def test_rename_is_read_from_a_name_and_its_new_spelling(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    "text",
    ["update Dana to Monday", "change the venue to Blue Bottle", "Jane is now CTO"],
)
def test_a_changed_thing_that_is_no_name_is_no_rename(text: str) -> None:
    assert understood(text)["command"] != "rename"


def _setting(setting: str, value: str) -> dict[str, Any]:
    return {"command": "settings", "setting": setting, "value": value}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("my settings", {"command": "settings", "setting": "show"}),
        ("timezone: Asia/Kolkata", _setting("timezone", "Asia/Kolkata")),
        ("switch me to Tokyo time", _setting("timezone", "Asia/Tokyo")),
        ("use Pacific time", _setting("timezone", "America/Los_Angeles")),
        ("I moved to Singapore", _setting("timezone", "Asia/Singapore")),
        ("only nudge me between 10 and 4", _setting("hours", "10:00-16:00")),
        ("don't message me before 9am or after 6pm", _setting("hours", "09:00-18:00")),
        ("I don't want shoutouts", _setting("shoutouts", "off")),
        ("don't shout me out", _setting("shoutouts", "off")),
        ("opt me in to shoutouts", _setting("shoutouts", "on")),
        ("stop saving my drafts", _setting("store-drafts", "off")),
    ],
)
def test_settings_are_read_from_their_words(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


def test_a_question_about_a_setting_is_no_change_of_it() -> None:
    assert understood("what are shoutouts?")["command"] == "help"


def _digest(action: str, **more: str) -> dict[str, Any]:
    return {"command": "digest", "action": action, **more}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("weekly digest here on Mondays at 9", _digest("here", weekday="monday", time="09:00")),
        ("can we get the weekly summary in this channel?", _digest("here")),
        ("subscribe this channel to the digest", _digest("here")),
        ("move the digest to friday 3 pm", _digest("here", weekday="friday", time="15:00")),
        ("digest every wednesday 14:00", _digest("here", weekday="wednesday", time="14:00")),
        ("unsubscribe this channel", _digest("off")),
        ("kill the digest", _digest("off")),
        ("we don't need the digest anymore", _digest("off")),
        ("show me what the digest looks like", _digest("preview")),
        ("what will the digest say?", _digest("preview")),
    ],
)
def test_the_digest_is_read_from_its_words(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("snooze Dana 2 days abeg", {"command": "snooze", "person": "Dana Kim", "days": 2}),
        (
            "paki-snooze si Dana ng 2 days po",
            {"command": "snooze", "person": "Dana Kim", "days": 2},
        ),
        (
            "sige, snooze Dana hanggang Lunes",
            {"command": "snooze", "person": "Dana Kim", "date": "2026-12-14"},
        ),
        (
            "bitte follow-up mit Kai nächste Woche",
            {"command": "follow-up", "person": "Kai Müller", "date": "2026-12-14"},
        ),
        ("i-done mo na si Omar", {"command": "done", "person": "Omar Haddad"}),
        ("Jane ko email bhej diya", JANE),
        ("ya terminé con Priya", PRIYA),
        (
            "conheci a Jane na PyCon ontem",
            {"command": "met", "person": "Jane Doe", "place": "PyCon", "date": "2026-12-08"},
        ),
        ("quem é a Priya?", {"command": "who", "person": "Priya Shah"}),
        ("borra a Kai de mis contactos", {"command": "delete-contact", "person": "Kai Müller"}),
        ("bhai Omar ka follow up done", {"command": "done", "person": "Omar Haddad"}),
        ("pakicancel yung kay Omar", {"command": "cancel", "person": "Omar Haddad"}),
        ("mere follow-ups dikhao", {"command": "list"}),
        ("digest band karo", {"command": "digest", "action": "off"}),
        ("Follow-up mit Jane erledigt", JANE),
        (
            "lembrete: falar com Omar amanhã",
            {"command": "follow-up", "person": "Omar Haddad", "date": "2026-12-10"},
        ),
        (
            "kal Jane ko follow up karna",
            {"command": "follow-up", "person": "Jane Doe", "date": "2026-12-10"},
        ),
        (
            # The filler word stays in the member's own note.
            "met Jane sa BGC kahapon, she's hiring daw",
            {
                "command": "met",
                "person": "Jane Doe",
                "place": "BGC",
                "date": "2026-12-08",
                "note": "she's hiring daw",
            },
        ),
        (
            "follow up with Jane en 3 días",
            {"command": "follow-up", "person": "Jane Doe", "date": "2026-12-12"},
        ),
    ],
)
def test_code_mixed_words_around_a_command_are_read_or_dropped(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "I met Tom from Stripe yesterday over coffee",
            {"command": "met", "person": "Tom", "date": "2026-12-08", "note": "from Stripe"},
        ),
        (
            "met Ana (designer) at Config",
            {
                "command": "met",
                "person": "Ana",
                "place": "Config",
                "date": "2026-12-09",
                "note": "designer",
            },
        ),
        ("whats overdue", {"command": "list", "filter": "overdue"}),
        ("overdue?", {"command": "list", "filter": "overdue"}),
        ("show closed follow-ups too", {"command": "list", "filter": "all"}),
        (
            "can you remind me on the 14th to email Omar?",
            {"command": "follow-up", "person": "Omar Haddad", "date": "2026-12-14"},
        ),
        (
            "not ready for Omar yet, push it 3 days",
            {"command": "snooze", "person": "Omar Haddad", "days": 3},
        ),
        ("give me 2 more days on Jane", {"command": "snooze", "person": "Jane Doe", "days": 2}),
        (
            "Met Olga at the coworking today. She does design for fintech",
            {
                "command": "met",
                "person": "Olga",
                "place": "the coworking",
                "date": "2026-12-09",
                "note": "She does design for fintech",
            },
        ),
        (
            "remember that Dana is vegan",
            {"command": "note", "person": "Dana Kim", "note": "is vegan"},
        ),
        ("Jane no longer needs a follow up", {"command": "cancel", "person": "Jane Doe"}),
        ("fu w/ dana thurs", {"command": "follow-up", "person": "Dana Kim", "date": "2026-12-10"}),
    ],
)
def test_what_a_busy_newcomer_types_is_understood(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


def _follow_up(person: str, day: str | None = None, at: str | None = None) -> dict[str, Any]:
    want = {"command": "follow-up", "person": person, "date": day, "time": at}
    return {key: value for key, value in want.items() if value is not None}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("follow up with Omar on friday at 10", _follow_up("Omar Haddad", "2026-12-11", "10:00")),
        ("ping Priya on monday at 2", _follow_up("Priya Shah", "2026-12-14", "14:00")),
        ("remind me about Kai tomorrow at 17", _follow_up("Kai Müller", "2026-12-10", "17:00")),
        (
            "met Kai at 12 Baker Street yesterday",
            {"command": "met", "person": "Kai Müller", "place": "12 Baker Street"}
            | {"date": "2026-12-08"},
        ),
    ],
)
def test_a_bare_hour_after_at_is_a_time_of_the_working_day(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("folow up wiht Omar tomorow", _follow_up("Omar Haddad", "2026-12-10")),
        ("remnid me about Dana in a wek", _follow_up("Dana Kim", "2026-12-16")),
        ("snz omar 3 days", {"command": "snooze", "person": "Omar Haddad", "days": 3}),
        ("dun with omar", {"command": "done", "person": "Omar Haddad"}),
        ("show me whats overdeu", {"command": "list", "filter": "overdue"}),
        ("preveiw my digest", {"command": "digest", "action": "preview"}),
        (
            "swich my timezone to Berlin",
            {"command": "settings", "setting": "timezone", "value": "Europe/Berlin"},
        ),
        ("how many people did I meet last mnth", {"command": "stats", "period": "month"}),
        ("how can I reanme a contact?", {"command": "help", "topic": "rename"}),
        (
            "met omar at the office ystrday",
            {"command": "met", "person": "Omar Haddad", "place": "the office"}
            | {"date": "2026-12-08"},
        ),
    ],
)
def test_slips_and_texting_spellings_of_command_and_date_words_are_read(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "nudge Omar on friday, send him the slides",
            _follow_up("Omar Haddad", "2026-12-11") | {"note": "send him the slides"},
        ),
        (
            "ping Priya next tuesday, she asked for the deck",
            _follow_up("Priya Shah", "2026-12-15") | {"note": "she asked for the deck"},
        ),
        ("chase Omar on monday", _follow_up("Omar Haddad", "2026-12-14")),
        ("talk to Kai again Thursday 4pm", _follow_up("Kai Müller", "2026-12-10", "16:00")),
        ("ping Omar in 3 days, don't forget", _follow_up("Omar Haddad", "2026-12-12")),
        ("ping Omar in 3 days, wag mong kalimutan", _follow_up("Omar Haddad", "2026-12-12")),
        # A task for someone else after the comma stays a draft.
        ("ping Omar on friday, he will sort it out", {"command": "chat-or-review"}),
    ],
)
def test_a_reminder_verb_with_a_day_takes_an_errand_or_a_report_as_its_note(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("tell me abt omar", {"command": "who", "person": "Omar Haddad"}),
        ("Omar Haddad's details?", {"command": "who", "person": "Omar Haddad"}),
        ("Kai's card", {"command": "who", "person": "Kai Müller"}),
        ("omar ki info batao", {"command": "who", "person": "Omar Haddad"}),
        ("which commands do you know", {"command": "help"}),
        ("how do I find out what's overdue?", {"command": "help", "topic": "list"}),
        (
            "is there a way to see who I owe a reply and who's overdue",
            {"command": "help"} | {"topic": "list"},
        ),
    ],
)
def test_who_and_help_questions_as_people_ask_them(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("ping Omar next week Thursday", _follow_up("Omar Haddad", "2026-12-17")),
        ("follow up with Kai next week on friday", _follow_up("Kai Müller", "2026-12-18")),
        ("remind me about Priya on friday the 18th", _follow_up("Priya Shah", "2026-12-18")),
    ],
)
def test_a_day_narrowed_by_the_phrase_right_after_it_is_one_day(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "follow-up: Omar Haddad, 12/21, 4pm — bring the contract",
            _follow_up("Omar Haddad", "2026-12-21", "16:00") | {"note": "bring the contract"},
        ),
        (
            "follow up with Kai, friday, ask about the offsite",
            _follow_up("Kai Müller", "2026-12-11") | {"note": "ask about the offsite"},
        ),
        (
            "follow-up Omar, send the deck tomorrow",
            {"command": "follow-up", "person": "Omar Haddad", "note": "send the deck tomorrow"},
        ),
    ],
)
def test_a_day_and_time_written_as_the_first_fields_of_a_list_are_the_follow_ups(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


def _met(person: str, place: str, day: str, note: str | None = None) -> dict[str, Any]:
    want = {"command": "met", "person": person, "place": place, "date": day, "note": note}
    return {key: value for key, value in want.items() if value is not None}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("metwith Omar at the cafe yesterday", _met("Omar Haddad", "the cafe", "2026-12-08")),
        (
            "mtg w/ Ines Roy at the fintech fair on 12/3, wants a demo",
            _met("Ines Roy", "the fintech fair", "2026-12-03", "wants a demo"),
        ),
        (
            "wow just met Lena Vogt at the meetup 🤯 she runs the platform team",
            _met("Lena Vogt", "the meetup", "2026-12-09", "she runs the platform team"),
        ),
        (
            "quick log: met Tomas Berg at the expo yesterday",
            _met("Tomas Berg", "the expo", "2026-12-08"),
        ),
    ],
)
def test_meetings_typed_in_a_hurry_are_logged(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("finished the follow-up with Omar", {"command": "done", "person": "Omar Haddad"}),
        ("handled my reminder for Kai", {"command": "done", "person": "Kai Müller"}),
        ("done with omar at last", {"command": "done", "person": "Omar Haddad"}),
        ("erinnere mich am Freitag Omar anzurufen", _follow_up("Omar Haddad", "2026-12-11")),
        ("Kai ko monday 10am par call karna", _follow_up("Kai Müller", "2026-12-14", "10:00")),
        (
            "please enable draft storage",
            {"command": "settings", "setting": "store-drafts", "value": "on"},
        ),
    ],
)
def test_done_settings_and_verb_last_reminders_in_more_words(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want
