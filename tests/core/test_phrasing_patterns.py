"""General ways of saying a command, each shown by lines that are in neither phrasing file.

Read as in the phrasing files: today is Wed 9 Dec 2026, the member has the files' contacts.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.core import commands as c
from bot.core.parser import parse_command
from tests.core.phrasings import CONTACTS, NOT_A_COMMAND, as_schema


def understood(text: str) -> dict[str, Any]:
    return as_schema(parse_command(text, direct_message=True, known_names=CONTACTS))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("snoze Kai 2 days", {"command": "snooze", "person": "Kai Müller", "days": 2}),
        (
            "mte Ana Ruiz at RustConf",
            {"command": "met", "person": "Ana Ruiz", "place": "RustConf", "date": "2026-12-09"},
        ),
        (
            "folow-up Priya monday",
            {"command": "follow-up", "person": "Priya Shah", "date": "2026-12-14"},
        ),
        ("dnoe Omar", {"command": "done", "person": "Omar Haddad"}),
        ("lsit overdue", {"command": "list", "filter": "overdue"}),
    ],
)
def test_a_misspelt_command_word_still_runs_the_command(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "grabbed a quick lunch with Tom Baker at the DevOps days yesterday evening",
            {
                "command": "met",
                "person": "Tom Baker",
                "place": "the DevOps days",
                "date": "2026-12-08",
            },
        ),
        (
            "ran into Ana Ruiz at the airport lounge, she's moving to Lisbon",
            {
                "command": "met",
                "person": "Ana Ruiz",
                "place": "the airport lounge",
                "date": "2026-12-09",
                "note": "she's moving to Lisbon",
            },
        ),
        (
            "sat next to Li Wei at the board dinner last night",
            {
                "command": "met",
                "person": "Li Wei",
                "place": "the board dinner",
                "date": "2026-12-08",
            },
        ),
        (
            "I was at the climate hackathon and met Noor Ali, she builds sensors",
            {
                "command": "met",
                "person": "Noor Ali",
                "place": "the climate hackathon",
                "date": "2026-12-09",
                "note": "she builds sensors",
            },
        ),
        (
            "hopped on a call with Ben Ode after the webinar",
            {"command": "met", "person": "Ben Ode", "place": "the webinar", "date": "2026-12-09"},
        ),
    ],
)
def test_a_meeting_told_as_a_story_is_logged(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "don't let me forget to call Ana Ruiz on Friday",
            {"command": "follow-up", "person": "Ana Ruiz", "date": "2026-12-11"},
        ),
        (
            "I owe Priya an email, remind me Monday",
            {"command": "follow-up", "person": "Priya Shah", "date": "2026-12-14"},
        ),
        (
            "remind me tomorrow to send thanks to Ben Ode",
            {"command": "follow-up", "person": "Ben Ode", "date": "2026-12-10"},
        ),
        (
            "set up a follow-up for Tom Baker, friday 10am",
            {"command": "follow-up", "person": "Tom Baker", "date": "2026-12-11", "time": "10:00"},
        ),
        (
            "move Kai to the 16th",
            {"command": "follow-up", "person": "Kai Müller", "date": "2026-12-16"},
        ),
    ],
)
def test_a_reminder_told_as_a_wish_sets_a_follow_up(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "could we push Dana to friday?",
            {"command": "snooze", "person": "Dana Kim", "date": "2026-12-11"},
        ),
        ("give Kai another 3 days", {"command": "snooze", "person": "Kai Müller", "days": 3}),
        (
            "emailed Priya this morning so that one's done",
            {"command": "done", "person": "Priya Shah"},
        ),
        ("tick off Omar", {"command": "done", "person": "Omar Haddad"}),
        ("Kai is taken care of", {"command": "done", "person": "Kai Müller"}),
        ("is anyone I'm behind on?", {"command": "list", "filter": "overdue"}),
        ("have I forgotten anyone?", {"command": "list", "filter": "overdue"}),
        ("what's the deal with Zoë?", {"command": "who", "person": "Zoë Ça"}),
        ("stop the digest, I never read it", {"command": "digest", "action": "off"}),
    ],
)
def test_postponing_done_and_questions_in_everyday_words(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "I got chatting with Leo Park at the bar",
            {"command": "met", "person": "Leo Park", "place": "the bar", "date": "2026-12-09"},
        ),
        (
            "was introduced to Mia Wong by Jane at the mixer",
            {"command": "met", "person": "Mia Wong", "place": "the mixer", "date": "2026-12-09"},
        ),
        (
            "I'd like to reconnect with Sam in a week",
            {"command": "follow-up", "person": "Sam Lee", "date": "2026-12-16"},
        ),
        (
            "reach out to Priya on Thursday",
            {"command": "follow-up", "person": "Priya Shah", "date": "2026-12-10"},
        ),
        ("I've reached out to Sam", {"command": "done", "person": "Sam Lee"}),
        ("that's done for Priya", {"command": "done", "person": "Priya Shah"}),
        ("I no longer need to follow up with Dana", {"command": "cancel", "person": "Dana Kim"}),
        ("show me what's overdue", {"command": "list", "filter": "overdue"}),
        ("what do I have on Omar?", {"command": "who", "person": "Omar Haddad"}),
        ("stop sending me the digest", {"command": "digest", "action": "off"}),
        ("show me the digest preview", {"command": "digest", "action": "preview"}),
        (
            "Connected with Tariq Aziz on LinkedIn",
            {"command": "met", "person": "Tariq Aziz", "place": "LinkedIn", "date": "2026-12-09"},
        ),
        (
            "met someone named Ivo at the hackathon",
            {"command": "met", "person": "Ivo", "place": "the hackathon", "date": "2026-12-09"},
        ),
        (
            "text Dana tomorrow",
            {"command": "follow-up", "person": "Dana Kim", "date": "2026-12-10"},
        ),
        (
            "add Priya to my follow-ups for next Monday",
            {"command": "follow-up", "person": "Priya Shah", "date": "2026-12-14"},
        ),
        ("heard back from Omar, done", {"command": "done", "person": "Omar Haddad"}),
        ("what's on deck?", {"command": "list"}),
        (
            "Zoë is actually called Zoë Çelik",
            {"command": "rename", "person": "Zoë Ça", "new_name": "Zoë Çelik"},
        ),
        ("mute the digest", {"command": "digest", "action": "off"}),
        (
            "can u remind me to ping jose in 4 days",
            {"command": "follow-up", "person": "José Núñez", "date": "2026-12-13"},
        ),
        (
            "i gotta follow up with zoe by friday",
            {"command": "follow-up", "person": "Zoë Ça", "date": "2026-12-11"},
        ),
        (
            "Don't forget Omar on Monday",
            {"command": "follow-up", "person": "Omar Haddad", "date": "2026-12-14"},
        ),
        ("Marked Priya done", {"command": "done", "person": "Priya Shah"}),
        ("stop following up with Omar", {"command": "cancel", "person": "Omar Haddad"}),
        ("who's due today?", {"command": "list"}),
        ("what do you know about jose", {"command": "who", "person": "José Núñez"}),
        ("turn the digest off", {"command": "digest", "action": "off"}),
        (
            "timezone Europe/Paris",
            {"command": "settings", "setting": "timezone", "value": "Europe/Paris"},
        ),
        ("work hours 9-6", {"command": "settings", "setting": "hours", "value": "09:00-18:00"}),
    ],
)
def test_everyday_english_for_each_command(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "met Priya on Monday morning at the cafe",
            {"command": "met", "person": "Priya Shah", "place": "the cafe", "date": "2026-12-07"},
        ),
        (
            "had dinner with Raj Iyer Sunday evening",
            {"command": "met", "person": "Raj Iyer", "date": "2026-12-06"},
        ),
        (
            "follow-up Kai tomorrow morning",
            {"command": "follow-up", "person": "Kai Müller", "date": "2026-12-10"},
        ),
        (
            "snooze Omar until tomorrow afternoon",
            {"command": "snooze", "person": "Omar Haddad", "date": "2026-12-10"},
        ),
        (
            "Just now met Tom Fox at the lobby",
            {"command": "met", "person": "Tom Fox", "place": "the lobby", "date": "2026-12-09"},
        ),
    ],
)
def test_a_part_of_the_day_after_a_day_is_not_part_of_a_name(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("who haven't I followed up with yet?", {"command": "list"}),
        ("is there anyone I still need to write to?", {"command": "list"}),
        ("what's left for this week?", {"command": "list"}),
        ("#6 done", {"command": "done", "person": "Dana Kim"}),
        (
            "Omar's follow-up can wait till Monday",
            {"command": "snooze", "person": "Omar Haddad", "date": "2026-12-14"},
        ),
        ("let Dana wait a couple days", {"command": "snooze", "person": "Dana Kim", "days": 2}),
        (
            "hold Priya until next week",
            {"command": "snooze", "person": "Priya Shah", "date": "2026-12-14"},
        ),
        (
            "I'll deal with Kai on Friday instead",
            {"command": "follow-up", "person": "Kai Müller", "date": "2026-12-11"},
        ),
        ("I'm not going to follow up with Kai", {"command": "cancel", "person": "Kai Müller"}),
        (
            "I met Jane Doe again at the airport today (same person)",
            {"command": "met", "person": "Jane Doe", "place": "the airport", "date": "2026-12-09"},
        ),
        (
            "Jane Doe and I had coffee today",
            {"command": "met", "person": "Jane Doe", "date": "2026-12-09"},
        ),
        (
            "it was great to meet Lina Sørensen at the Copenhagen meetup yesterday",
            {
                "command": "met",
                "person": "Lina Sørensen",
                "place": "the Copenhagen meetup",
                "date": "2026-12-08",
            },
        ),
        (
            "Friday: follow up with Omar",
            {"command": "follow-up", "person": "Omar Haddad", "date": "2026-12-11"},
        ),
        (
            "Remind me Friday: email Jane",
            {"command": "follow-up", "person": "Jane Doe", "date": "2026-12-11"},
        ),
        (
            "remind me to reply to Kai's email tomorrow",
            {"command": "follow-up", "person": "Kai Müller", "date": "2026-12-10"},
        ),
        (
            "followup Dana 3 days from now",
            {"command": "follow-up", "person": "Dana Kim", "date": "2026-12-12"},
        ),
        (
            "Priya will have to wait until Monday",
            {"command": "snooze", "person": "Priya Shah", "date": "2026-12-14"},
        ),
        ("ugh, move Jane back a day", {"command": "snooze", "person": "Jane Doe", "days": 1}),
        ("gave Kai a call, done", {"command": "done", "person": "Kai Müller"}),
        ("caught Omar on Slack, that's handled", {"command": "done", "person": "Omar Haddad"}),
        ("Jane got back to me, close it out", {"command": "done", "person": "Jane Doe"}),
        (
            "reach back out to Jane in a week",
            {"command": "follow-up", "person": "Jane Doe", "date": "2026-12-16"},
        ),
        (
            "note to self: follow up with Dana Friday",
            {"command": "follow-up", "person": "Dana Kim", "date": "2026-12-11"},
        ),
    ],
)
def test_more_questions_postponements_and_asides(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


def test_met_another_sam_is_a_new_person_called_sam() -> None:
    result = parse_command("met another Sam at the gym", direct_message=True, known_names=CONTACTS)
    assert isinstance(result, c.MetCommand)
    assert (result.person.name, result.new_person, result.place) == ("Sam", True, "the gym")


def test_a_name_starting_with_re_is_not_cut_as_a_regarding_note() -> None:
    assert understood("follow-up Tom Reed on Monday") == {
        "command": "follow-up",
        "person": "Tom Reed",
        "date": "2026-12-14",
    }


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Omar ko 3 din ke liye snooze kar do",
            {"command": "snooze", "person": "Omar Haddad", "days": 3},
        ),
        ("Dana ka follow-up cancel karo", {"command": "cancel", "person": "Dana Kim"}),
        (
            "Sam ko Monday ko email karna hai",
            {"command": "follow-up", "person": "Sam Lee", "date": "2026-12-14"},
        ),
        ("Kai ke baare mein kya yaad hai?", {"command": "who", "person": "Kai Müller"}),
        (
            "porfa recuérdame escribir a Dana mañana",
            {"command": "follow-up", "person": "Dana Kim", "date": "2026-12-10"},
        ),
        (
            "pa-snooze naman si Omar, 2 days",
            {"command": "snooze", "person": "Omar Haddad", "days": 2},
        ),
    ],
)
def test_code_mixed_lines_with_the_verb_last_or_a_particle(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Had a great chat with you at the summit — would love to continue it over coffee.",
        "Ran into your post about hiring, and I think I know someone for it.",
        "did you get a chance to look at the deck?",
        "One more thing: the slides are attached.",
        "I owe you a coffee, let's find a time next week.",
        "Reach out to me on Thursday if that works.",
        "I'd like to catch up with you next week about the role.",
        "Text me tomorrow if you can make it.",
        "Don't forget the slides on Monday!",
        "Following up on my email from Tuesday — any thoughts?",
        "Can we push our call to Friday?",
        "Could we move our meeting to next Tuesday?",
        "Drinks with the team on Friday? You in?",
        "I was at the Stripe meetup and met a few folks from your team.",
        "Check off the items on the list before Friday.",
        "Please call Mark tomorrow about the invoice.",
        "Reach out to Tom on Monday, he'll sort it out.",
        "Text Sam tomorrow and let him know we're in.",
        "Ran into Sarah at the conference and she mentioned you're hiring.",
        "Had lunch with Ben today and he suggested I reach out to you.",
        "The report can wait until Monday.",
        "It can wait till next week.",
        "It was great to meet you at the summit yesterday!",
        "You and I had coffee last month at the Lisbon meetup.",
    ],
)
def test_a_draft_that_tells_a_story_stays_a_draft(text: str) -> None:
    assert understood(text) == NOT_A_COMMAND
