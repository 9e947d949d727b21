"""The eighth pass's classes of everyday phrasing, shown by lines that are in no phrasing file.

Read as in the phrasing files: today is Wed 9 Dec 2026, the member has the files' contacts.
The first lines are the lead's own from `netcoach try`: a newcomer types the names of people who
are not contacts yet in lower case.
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
        (
            "coffee w/ tom nguyen this morning - he's moving to stripe in jan",
            {
                "command": "met",
                "person": "tom nguyen",
                "date": "2026-12-09",
                "note": "he's moving to stripe in jan",
            },
        ),
        (
            "had coffee with tom nguyen this morning",
            {"command": "met", "person": "tom nguyen", "date": "2026-12-09"},
        ),
        (
            "grabbed lunch w/ aisha bello yesterday",
            {"command": "met", "person": "aisha bello", "date": "2026-12-08"},
        ),
    ],
)
def test_a_meeting_told_with_a_new_name_in_lower_case_is_logged(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want  # the store files "tom nguyen" as Tom Nguyen


@pytest.mark.parametrize(
    "text",
    [
        "had coffee with the team this morning",
        "had lunch with my manager yesterday",
        "had a call with work this morning",
    ],
)
def test_a_meal_with_a_thing_or_a_single_lower_case_word_is_no_meeting_to_log(text: str) -> None:
    assert isinstance(parsed(text), c.NotACommand)


def test_a_single_lower_case_word_right_before_its_day_is_a_name_to_ping() -> None:
    result = parsed("ping tom next tues re: intro to their infra lead")
    assert isinstance(result, c.FollowUpCommand)
    assert result.person.name == "tom"
    assert understood("ping tom next tues re: intro to their infra lead") == {
        "command": "follow-up",
        "person": "tom",
        "date": "2026-12-15",
        "note": "re: intro to their infra lead",
    }


@pytest.mark.parametrize(
    ("text", "person", "day"),
    [
        ("follow up with aisha bello next week", "aisha bello", "2026-12-14"),
        ("follow up with tom tmrw", "tom", "2026-12-10"),
        ("remind me to ping tom on friday", "tom", "2026-12-11"),
        ("nudge arash karimi in 3 days", "arash karimi", "2026-12-12"),
    ],
)
def test_a_short_reminder_for_someone_new_in_lower_case_is_a_follow_up(
    text: str, person: str, day: str
) -> None:
    assert understood(text) == {"command": "follow-up", "person": person, "date": day}


@pytest.mark.parametrize(
    "text",
    [
        "ping me next week",
        "nudge the team tomorrow",
        "remind me to call the plumber friday",
        "ping tom about it",  # no day: a message for someone else, maybe
    ],
)
def test_a_reminder_about_a_thing_or_the_member_names_nobody_new(text: str) -> None:
    assert not isinstance(parsed(text), c.FollowUpCommand)


@pytest.mark.parametrize(
    ("text", "name"), [("done with tom", "tom"), ("im done with aisha bello", "aisha bello")]
)
def test_done_with_someone_unknown_is_done_so_the_core_can_say_it_knows_nobody_so(
    text: str, name: str
) -> None:
    assert parsed(text) == c.DoneCommand(target=c.PersonRef(name))


@pytest.mark.parametrize("text", ["done with the deck", "done with it", "done with work"])
def test_done_with_a_thing_marks_nobody_done(text: str) -> None:
    assert not isinstance(parsed(text), c.DoneCommand)


@pytest.mark.parametrize("text", ["ok cool", "cool cool", "okie", "nice one", "Okay cool!"])
def test_an_everyday_ok_is_an_acknowledgement(text: str) -> None:
    assert parsed(text) == c.ChatCommand("ack")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "follow up with Rahul Verma in a week, theek hai",
            {"command": "follow-up", "person": "Rahul Verma", "date": "2026-12-16"},
        ),
        (
            "remind me to ping Kai in 3 days inshallah",
            {"command": "follow-up", "person": "Kai Müller", "date": "2026-12-12"},
        ),
        (
            "note for omar - allergic to nuts, alsjeblieft",
            {"command": "note", "person": "Omar Haddad", "note": "allergic to nuts"},
        ),
    ],
)
def test_a_courtesy_or_a_hope_said_last_in_another_language_is_no_note(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("i'm in berlin now, tz update pls", "Europe/Berlin"),
        ("moved to Denver last month, pls switch me to mountain time", "America/Denver"),
        ("i work from lisbon now", "Europe/Lisbon"),
    ],
)
def test_where_the_member_now_is_sets_the_time_zone(text: str, zone: str) -> None:
    assert parsed(text) == c.SettingsTimezoneCommand(zone=zone)


@pytest.mark.parametrize("text", ["i work from home now", "i'm working from home now"])
def test_a_place_with_no_time_zone_sets_none(text: str) -> None:
    assert isinstance(parsed(text), c.NotACommand)


@pytest.mark.parametrize(
    "text",
    [
        "which follow-ups have I gone past",
        "what did I let slip",
        "list everything that's late",
        "who did I forget? anyone overdue?",
    ],
)
def test_what_was_missed_is_the_overdue_list(text: str) -> None:
    assert parsed(text) == c.ListCommand(filter="overdue")


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("monthly recap of my networking", "month"),
        ("my weekly numbers", "week"),
        ("November so far: how'd I do?", "month"),
    ],
)
def test_a_period_named_first_asks_for_its_stats(text: str, period: str) -> None:
    assert parsed(text) == c.StatsCommand(period=period)


@pytest.mark.parametrize(
    ("text", "person", "new_name"),
    [
        ("priya got married, she's Priya Kapoor now", "Priya Shah", "Priya Kapoor"),
        ("sam lee goes by Samuel Lee these days", "Sam Lee", "Samuel Lee"),
        ("jane doe is now Prof. Jane Doe, she got tenure!", "Jane Doe", "Prof. Jane Doe"),
        ("I got Omar's name wrong, it's Omar Hadad with one d", "Omar Haddad", "Omar Hadad"),
        ("rename Dana to Dana Kim-Park (hyphen, no space)", "Dana Kim", "Dana Kim-Park"),
        ("save kai as 'Kai M.' in my contacts", "Kai Müller", "Kai M."),
    ],
)
def test_news_of_a_new_name_that_keeps_a_word_of_the_old_is_a_rename(
    text: str, person: str, new_name: str
) -> None:
    assert understood(text) == {"command": "rename", "person": person, "new_name": new_name}


@pytest.mark.parametrize("text", ["Dana is now VP at Acme", "priya is now Head of Data, big news"])
def test_news_of_a_name_that_keeps_none_of_the_old_one_renames_nobody(text: str) -> None:
    assert understood(text)["command"] != "rename"


def test_a_new_name_saved_with_a_capitalised_aside_keeps_it() -> None:
    assert understood("rename priya to Priya Shah (Acme)")["new_name"] == "Priya Shah (Acme)"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("how's your week been, coach?", {"command": "chat", "intent": "smalltalk"}),
        ("how do I fix somebody's name", {"command": "help", "topic": "rename"}),
        ("what's the format for setting a reminder", {"command": "help", "topic": "follow-up"}),
        ("could i get a copy of my contacts and notes as a csv?", {"command": "export"}),
        ("export everything you know about my contacts", {"command": "export"}),
        ("wipe all my stuff, this isn't for me", {"command": "forget-me"}),
        ("fill me in on priya before the call", {"command": "who", "person": "Priya Shah"}),
        ("give me a rundown on kai", {"command": "who", "person": "Kai Müller"}),
        ("remind me who Dana is", {"command": "who", "person": "Dana Kim"}),
        (
            "kick omar off my contact list, we lost touch",
            {"command": "delete-contact", "person": "Omar Haddad"},
        ),
        (
            "argh forgot to log this - met Jane at the board dinner yesterday",
            {
                "command": "met",
                "person": "Jane Doe",
                "place": "the board dinner",
                "date": "2026-12-08",
            },
        ),
        ("meh not today. push dana 3 days", {"command": "snooze", "person": "Dana Kim", "days": 3}),
        (
            "should reach out to omar soon, like the 18th",
            {"command": "follow-up", "person": "Omar Haddad", "date": "2026-12-18"},
        ),
    ],
)
def test_the_eighth_passs_everyday_phrasings(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("done 6", {"command": "done", "person": "Dana Kim"}),
        ("snooze 6 for 3 days", {"command": "snooze", "person": "Dana Kim", "days": 3}),
    ],
)
def test_a_bare_number_is_the_follow_up_the_list_shows(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "omar haddad, dinner, yesterday",
            {"command": "met", "person": "Omar Haddad", "date": "2026-12-08"},
        ),
        (
            "Lena Berg — call — monday — wants the pricing sheet",
            {
                "command": "met",
                "person": "Lena Berg",
                "date": "2026-12-07",
                "note": "wants the pricing sheet",
            },
        ),
    ],
)
def test_a_meeting_logged_in_fields_is_met(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    "text", ["Hi Dana, lunch, Friday?", "Dana, lunch, friday?", "had lunch with Dana friday?"]
)
def test_a_meeting_asked_about_is_no_log(text: str) -> None:
    assert isinstance(parsed(text), c.NotACommand)
