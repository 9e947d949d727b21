"""What a newcomer types to the bot in their first minutes (the lead's `netcoach try` findings,
pass 10): each line gets the answer it asks for, asserted on the reply the member sees."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from bot.core.chat import NO_REVIEW_TO_JUDGE
from bot.core.service import CoachService
from coach_rules.guidelines import get_guideline
from coach_rules.review import Finding, Review
from tests.core.conversation import say

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

NOW = datetime(2026, 12, 9, 15, 0, tzinfo=UTC)
PITCH = "Got 15 minutes this week so I can show you our platform?"
THANKS = "Thanks again for the intro to Omar, it was a great chat."


def pitch_flagged(draft: str) -> Review:
    """Flags the pitch (two guidelines broken); passes anything else."""
    if "platform" not in draft:
        return Review(flagged=False, score=91, probability=0.05)
    findings = tuple(
        Finding(rule=rule, message="", advice="") for rule in ("no-hard-sell", "value-first")
    )
    return Review(flagged=True, score=30, probability=0.9, findings=findings)


@pytest.fixture
def service(store: SqlStore, clock: FakeClock) -> CoachService:
    clock.set(NOW)
    return CoachService(store, pitch_flagged, clock)


def test_asking_for_a_check_before_sending_asks_for_the_draft(service: CoachService) -> None:
    reply = say(service, "can u check this before i send it")
    assert reply.text.startswith("Sure — paste the draft here")


VERDICT_QUESTIONS = [
    "too salesy?",
    "is this too pushy?",
    "better?",
    "does that sound ok?",
    "why is that bad?",
    "why was it flagged?",
    "what's wrong with it?",
    "hmm why so low?",
    "why?",
]


@pytest.mark.parametrize("line", VERDICT_QUESTIONS)
def test_a_verdict_question_after_a_review_answers_from_that_review(
    service: CoachService, line: str
) -> None:
    say(service, f"review {PITCH}")
    reply = say(service, line)
    assert reply.review is None
    assert reply.text.startswith("Your last draft reads as a hard sell (value-first score 30")
    hard_sell, value_first = get_guideline("no-hard-sell"), get_guideline("value-first")
    assert [s.text for s in reply.sections] == [
        f"**{hard_sell.title}** — {hard_sell.advice}",
        f"**{value_first.title}** — {value_first.advice}",
    ]


def test_a_verdict_question_after_a_passing_review_says_it_is_good_to_send(
    service: CoachService,
) -> None:
    say(service, f"review {THANKS}")
    reply = say(service, "too salesy?")
    assert reply.text.startswith("Your last draft looks value-first (value-first score 91")
    assert reply.sections == ()


@pytest.mark.parametrize("line", VERDICT_QUESTIONS)
def test_a_verdict_question_with_no_recent_review_asks_for_the_draft(
    service: CoachService, clock: FakeClock, line: str
) -> None:
    assert say(service, line).text == NO_REVIEW_TO_JUDGE
    say(service, f"review {PITCH}")
    clock.set(NOW + timedelta(hours=3))
    assert say(service, line).text == NO_REVIEW_TO_JUDGE


@pytest.mark.parametrize("line", ["nice", "perfect", "sweet", "awesome", "cool", "Nice!"])
def test_a_one_word_reaction_is_acknowledged(service: CoachService, line: str) -> None:
    assert say(service, line).text == "Great — I'm here whenever you need me."


def test_what_did_i_log_today_lists_the_follow_ups(service: CoachService) -> None:
    say(service, "met Dana Kim at PyCon today")
    reply = say(service, "what did i log today")
    assert reply == say(service, "list")
    assert "Dana Kim" in reply.sections[0].text


def test_the_give_ask_ratio_of_the_member_is_their_stats(service: CoachService) -> None:
    assert say(service, "what's my give ask ratio").text == say(service, "stats").text
    # Asked about the idea, not about the member's figure, it is still the help page.
    assert say(service, "what is a give ask ratio?").text != say(service, "stats").text


def test_asking_for_a_weekly_summary_on_fridays_starts_the_digest(
    service: CoachService, store: SqlStore
) -> None:
    reply = say(service, "I'd like a weekly summary on fridays")
    assert "every **Friday" in reply.text
    (subscription,) = store.digest_subscriptions()
    assert subscription.weekday == 4


def test_a_draft_greeting_a_contact_is_not_logged_as_a_meeting(service: CoachService) -> None:
    say(service, "met Dana Kim at PyCon yesterday")
    follow_ups = say(service, "list").text
    reply = say(service, "Hi Dana, coffee, tomorrow")
    assert reply.review is not None
    assert say(service, "list").text == follow_ups


@pytest.mark.parametrize("line", ["why is Omar so quiet?", "why not?", "why are you here?"])
def test_a_why_about_something_else_is_no_question_about_the_review(
    service: CoachService, line: str
) -> None:
    say(service, f"review {PITCH}")
    assert not say(service, line).text.startswith("Your last draft")


@pytest.mark.parametrize("line", ["did u get home ok? 🚕", "did it work?", "did you see my note"])
def test_did_with_a_pronoun_marks_nobody_done(service: CoachService, line: str) -> None:
    """ "did u get home ok?" once answered 'You have no contact called "u get home ok"'."""
    assert "no contact called" not in say(service, line).text


@pytest.mark.parametrize(
    "line",
    ["forget about the Omar reminder, we talked already", "forget the Omar reminder - saw him"],
)
def test_forgetting_a_reminder_with_a_reason_cancels_it_and_keeps_the_contact(line: str) -> None:
    """Once read as "delete Omar" (asked first, but not what was meant)."""
    from bot.core import commands as c
    from bot.core.parser import parse_command

    parsed = parse_command(line, direct_message=True, known_names=["Omar Haddad"])
    assert isinstance(parsed, c.CancelCommand) and parsed.target.name == "Omar"


@pytest.mark.parametrize(
    "line",
    [
        "Omar follow-up not needed anymore",
        "the Omar reminder is no longer needed",
        "Omar reminder isn't needed",
    ],
)
def test_a_reminder_said_to_be_not_needed_is_cancelled(line: str) -> None:
    """Once read as a follow-up to set ("Omar follow-up …")."""
    from bot.core import commands as c
    from bot.core.parser import parse_command

    parsed = parse_command(line, direct_message=True, known_names=["Omar Haddad"])
    assert isinstance(parsed, c.CancelCommand) and parsed.target.name == "Omar"


@pytest.mark.parametrize(
    "line",
    [
        "hello! i'm Oksana, I run the Kyiv PM meetup. how do i get started",
        "hey, this is Bram from sales. where do i begin?",
        "new here, so what do i do first",
    ],
)
def test_a_newcomer_who_says_who_they_are_then_asks_how_to_start_gets_the_overview(
    line: str,
) -> None:
    from bot.core import commands as c
    from bot.core.parser import parse_command

    assert isinstance(parse_command(line, direct_message=True), c.HelpCommand)


def test_an_introduction_then_a_question_to_someone_else_stays_a_draft() -> None:
    from bot.core import commands as c
    from bot.core.parser import parse_command

    line = "Hi! I'm Oksana from Lumen. Could you share how your team prices onboarding?"
    assert isinstance(parse_command(line, direct_message=True), c.NotACommand)


@pytest.mark.parametrize(
    ("line", "topic"),
    [
        ("is my data safe", "privacy"),
        ("privacy", "privacy"),
        ("where are my drafts stored", "privacy"),
        ("what do u do with my notes", "privacy"),
        ("why should i bother with this", None),
    ],
)
def test_blunt_questions_without_a_question_mark_get_their_help(line: str, topic: str | None):
    from bot.core import commands as c
    from bot.core.parser import parse_command

    result = parse_command(line, direct_message=True)
    assert isinstance(result, c.HelpCommand) and result.topic == topic
