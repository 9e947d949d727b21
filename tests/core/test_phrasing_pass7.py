"""The seventh pass's classes of everyday phrasing, shown by lines that are in no phrasing file.

Read as in the phrasing files: today is Wed 9 Dec 2026, the member has the files' contacts.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.core.parser import parse_command
from tests.core.phrasings import CONTACTS, as_schema


def understood(text: str) -> dict[str, Any]:
    return as_schema(parse_command(text, direct_message=True, known_names=CONTACTS))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "met Lucia Ferri at the bakery earlier",
            {
                "command": "met",
                "person": "Lucia Ferri",
                "place": "the bakery",
                "date": "2026-12-09",
            },
        ),
        (
            "caught up with Dana over teams earlier, she wants the pitch deck",
            {
                "command": "met",
                "person": "Dana Kim",
                "place": "teams",
                "date": "2026-12-09",
                "note": "she wants the pitch deck",
            },
        ),
        (
            "met Arjun Rao at the climbing gym earlier.",
            {
                "command": "met",
                "person": "Arjun Rao",
                "place": "the climbing gym",
                "date": "2026-12-09",
            },
        ),
    ],
)
def test_a_bare_earlier_ending_its_clause_is_earlier_today(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


def test_earlier_than_stays_in_the_place() -> None:
    assert understood("met Arjun Rao at the expo earlier than planned")["place"] == (
        "the expo earlier than planned"
    )


@pytest.mark.parametrize(
    ("text", "person"),
    [("dne with omar", "Omar Haddad"), ("dne jane", "Jane Doe"), ("Dne - Priya", "Priya Shah")],
)
def test_dne_is_texting_for_done(text: str, person: str) -> None:
    assert understood(text) == {"command": "done", "person": person}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "remind me ines duarte friday",
            {"command": "follow-up", "person": "ines duarte", "date": "2026-12-11"},
        ),
        (
            "pls remind me to call lena moreau on the 14th",
            {"command": "follow-up", "person": "lena moreau", "date": "2026-12-14"},
        ),
        (
            "nudge me about tomas berg next week",
            {"command": "follow-up", "person": "tomas berg", "date": "2026-12-14"},
        ),
    ],
)
def test_a_lower_case_full_name_in_a_short_reminder_request_is_a_person(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "remind me to call the plumber friday",
        "remind me to call my car insurance friday",
        "remind me to text everyone friday",
        "remind me to call lena thursday",
    ],
)
def test_a_thing_or_one_lower_case_word_to_remind_about_is_no_person(text: str) -> None:
    assert understood(text) == {"command": "chat-or-review"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "yesterday i had lunch with Dana Kim",
            {"command": "met", "person": "Dana Kim", "date": "2026-12-08"},
        ),
        (
            "Yesterday grabbed a quick coffee with Lucia Ferri at the station, she's hiring",
            {
                "command": "met",
                "person": "Lucia Ferri",
                "place": "the station",
                "date": "2026-12-08",
                "note": "she's hiring",
            },
        ),
        (
            "monday we had drinks with Omar",
            {"command": "met", "person": "Omar Haddad", "date": "2026-12-07"},
        ),
    ],
)
def test_a_day_said_before_i_had_lunch_with_is_the_meetings_day(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("montly stats pls", {"command": "stats", "period": "month"}),
        ("turn on shoutuots", {"command": "settings", "setting": "shoutouts", "value": "on"}),
        ("delete my acount", {"command": "forget-me"}),
        ("finaly emailed Dana", {"command": "done", "person": "Dana Kim"}),
        (
            "rmd me to call Lucia Ferri tomorrow",
            {"command": "follow-up", "person": "Lucia Ferri", "date": "2026-12-10"},
        ),
    ],
)
def test_one_slip_or_a_texting_spelling_of_a_command_word(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "circle back to Lucia Ferri next wk",
            {"command": "follow-up", "person": "Lucia Ferri", "date": "2026-12-14"},
        ),
        (
            "circle back to Dana on friday about the deck",
            {
                "command": "follow-up",
                "person": "Dana Kim",
                "date": "2026-12-11",
                "note": "about the deck",
            },
        ),
    ],
)
def test_circle_back_to_someone_on_a_day_is_a_follow_up(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    "text",
    ["let's circle back to the budget next week", "we should circle back to pricing on monday"],
)
def test_circling_back_to_a_thing_is_no_follow_up(text: str) -> None:
    assert understood(text) == {"command": "chat-or-review"}


@pytest.mark.parametrize(
    ("text", "person"),
    [("✅ omar", "Omar Haddad"), ("☑ Dana Kim done", "Dana Kim"), ("✔ Lucia Ferri", "Lucia Ferri")],
)
def test_a_tick_before_a_name_marks_it_done(text: str, person: str) -> None:
    assert understood(text) == {"command": "done", "person": person}


@pytest.mark.parametrize(
    "text", ["emailed Priya the slides, done done", "done-done with Priya", "Done done: Priya"]
)
def test_done_said_twice_is_done_once(text: str) -> None:
    assert understood(text) == {"command": "done", "person": "Priya Shah"}


@pytest.mark.parametrize(
    "text", ["Omar Haddad — note: moving to Lisbon", "Omar Haddad – note: moving to Lisbon"]
)
def test_a_name_then_a_dash_then_note_colon_is_a_note(text: str) -> None:
    assert understood(text) == {
        "command": "note",
        "person": "Omar Haddad",
        "note": "moving to Lisbon",
    }


@pytest.mark.parametrize(
    "text",
    [
        "export my contacts to csv",
        "export to excel pls",
        "could i have everything you know about me",
        "can I get a copy of everything you store about me",
    ],
)
def test_an_export_asked_in_a_format_or_as_a_copy_is_the_export(text: str) -> None:
    assert understood(text) == {"command": "export"}


def test_an_export_to_somewhere_else_is_still_refused() -> None:
    assert understood("export my contacts to my boss")["command"] == "failure"


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("snooze Omar another week", 7),
        ("give me another week on Omar", 7),
        ("push omar for another day", 1),
        ("snooze omar another 3 days", 3),
    ],
)
def test_another_week_is_one_more_week(text: str, days: int) -> None:
    assert understood(text) == {"command": "snooze", "person": "Omar Haddad", "days": days}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("rename Kai Müller Kai Mueller", ("Kai Müller", "Kai Mueller")),
        ("rename Omar Omar Haddad-Salem", ("Omar Haddad", "Omar Haddad-Salem")),
        ("rename Sam Samuel Lee", ("Sam Lee", "Samuel Lee")),
    ],
)
def test_a_rename_without_to_starts_with_the_contacts_whole_name(
    text: str, want: tuple[str, str]
) -> None:
    person, new_name = want
    assert understood(text) == {"command": "rename", "person": person, "new_name": new_name}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Lucia Ferri — text her tomorrow 3pm",
            {
                "command": "follow-up",
                "person": "Lucia Ferri",
                "date": "2026-12-10",
                "time": "15:00",
            },
        ),
        (
            "Dana: call her friday about the lease",
            {
                "command": "follow-up",
                "person": "Dana Kim",
                "date": "2026-12-11",
                "note": "about the lease",
            },
        ),
    ],
)
def test_a_name_then_a_dash_then_a_message_to_them_is_a_follow_up(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Omar's reminder can go, thanks",
        "the follow-up for Omar can be dropped",
        "Omar’s nudge can go now",
    ],
)
def test_a_reminder_that_can_go_is_cancelled(text: str) -> None:
    assert understood(text) == {"command": "cancel", "person": "Omar Haddad"}


def test_a_reminder_for_a_thing_that_can_go_is_no_cancel() -> None:
    assert understood("the reminder for the launch can go") == {"command": "chat-or-review"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "stop saving my draft messages",
            {"command": "settings", "setting": "store-drafts", "value": "off"},
        ),
        (
            "never keep my drafts",
            {"command": "settings", "setting": "store-drafts", "value": "off"},
        ),
        ("how's my reply rate looking", {"command": "stats", "period": "week"}),
        ("how is my follow-up rate this month", {"command": "stats", "period": "month"}),
        ("comment ça marche ?", {"command": "help"}),
        ("del contact Lucia Ferri", {"command": "delete-contact", "person": "Lucia Ferri"}),
    ],
)
def test_settings_stats_help_and_delete_in_everyday_words(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


def test_del_in_spanish_stays_a_word() -> None:
    assert understood("José es fan del Atlético")["command"] != "delete-contact"


@pytest.mark.parametrize(
    "text",
    [
        "at some point I should follow up with Lucia Ferri, no rush",
        "eventually I need to catch up with Lucia Ferri, whenever",
        "follow up with Lucia Ferri, no hurry",
    ],
)
def test_a_vague_when_before_or_no_rush_after_asks_for_the_usual_day(text: str) -> None:
    assert understood(text) == {"command": "follow-up", "person": "Lucia Ferri"}


def test_no_rush_with_more_words_stays_the_note() -> None:
    assert understood("follow up with Dana, no rush on the deck")["note"] == "no rush on the deck"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("what are my settings rn", {"command": "settings", "setting": "show"}),
        ("show my preferences at the moment", {"command": "settings", "setting": "show"}),
        ("mis recordatorios", {"command": "list"}),
        ("mes rappels", {"command": "list"}),
    ],
)
def test_how_things_stand_now_and_my_list_in_spanish_or_french(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("ho scritto a Omar ieri, fatto", "Omar Haddad"),
        ("Dana replied to my email, c'est fait", "Dana Kim"),
        ("ya hablé con Omar, hecho", "Omar Haddad"),
    ],
)
def test_done_in_another_language_after_the_person(text: str, person: str) -> None:
    assert understood(text) == {"command": "done", "person": person}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Lucia Ferri needs a follow up from me",
            {"command": "follow-up", "person": "Lucia Ferri"},
        ),
        (
            "Dana still needs a follow-up from me on friday",
            {"command": "follow-up", "person": "Dana Kim", "date": "2026-12-11"},
        ),
        ("The Team needs a follow up", {"command": "chat-or-review"}),
    ],
)
def test_someone_who_needs_a_follow_up_gets_one(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Omar -> snooze 3 days", {"command": "snooze", "person": "Omar Haddad", "days": 3}),
        ("Omar → cancel", {"command": "cancel", "person": "Omar Haddad"}),
        (
            "Omar => follow up friday",
            {"command": "follow-up", "person": "Omar Haddad", "date": "2026-12-11"},
        ),
    ],
)
def test_a_command_after_an_arrow_is_said_of_the_person_not_a_new_name(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "jan 8 - reconnect with Lucia Ferri",
            {"command": "follow-up", "person": "Lucia Ferri", "date": "2027-01-08"},
        ),
        (
            "jan 8 -> reconnect with Lucia Ferri",
            {"command": "follow-up", "person": "Lucia Ferri", "date": "2027-01-08"},
        ),
        (
            "friday -> ping Dana",
            {"command": "follow-up", "person": "Dana Kim", "date": "2026-12-11"},
        ),
    ],
)
def test_a_day_first_then_a_dash_or_an_arrow_is_the_requests_day(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("omar prefers Omar H. Haddad, change it", ("Omar Haddad", "Omar H. Haddad")),
        ("Dana Kim is now Dr. Dana Kim, update", ("Dana Kim", "Dr. Dana Kim")),
    ],
)
def test_news_of_a_name_then_change_it_is_a_rename(text: str, want: tuple[str, str]) -> None:
    person, new_name = want
    assert understood(text) == {"command": "rename", "person": person, "new_name": new_name}


def test_news_of_a_role_is_no_rename() -> None:
    assert understood("Dana is now VP at Acme")["command"] != "rename"


@pytest.mark.parametrize(
    "text",
    [
        "olvida el reminder de Omar",
        "olvídate del recordatorio de Omar",
        "borra el reminder de Omar",
    ],
)
def test_forget_the_reminder_in_spanish_cancels(text: str) -> None:
    assert understood(text) == {"command": "cancel", "person": "Omar Haddad"}


def test_forget_the_reminder_of_a_meeting_in_spanish_is_no_cancel() -> None:
    assert understood("olvida el reminder de la reunión") == {"command": "chat-or-review"}
