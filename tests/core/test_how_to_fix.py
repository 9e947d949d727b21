"""After a review, "how do I fix it?" gets the advice and the before/after example of each
guideline the review found broken, read from the guidelines data file, never from the draft."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from bot.core.chat import NO_REVIEW_TO_FIX, asks_how_to_fix
from bot.core.service import CoachService
from coach_rules.guidelines import get_guideline
from coach_rules.review import Finding, Review
from tests.core.conversation import say

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

NOW = datetime(2026, 12, 9, 15, 0, tzinfo=UTC)
PITCH = "Got 15 minutes this week so I can show you our platform?"


def flagged_review(text: str) -> Review:
    findings = tuple(
        Finding(rule=rule, message="", advice="") for rule in ("no-hard-sell", "value-first")
    )
    return Review(flagged=True, score=30, probability=0.9, findings=findings)


@pytest.fixture
def service(store: SqlStore, clock: FakeClock) -> CoachService:
    clock.set(NOW)
    return CoachService(store, flagged_review, clock)


@pytest.mark.parametrize(
    "line",
    ["how do I fix it?", "hmm what should I say instead", "can u rewrite this", "any tips?"],
)
def test_after_a_review_how_to_fix_gives_each_broken_guidelines_advice_and_example(
    service: CoachService, line: str
) -> None:
    say(service, f"review {PITCH}")
    reply = say(service, line)
    assert reply.review is None
    assert "scored 30/100" in reply.text
    hard_sell, value_first = get_guideline("no-hard-sell"), get_guideline("value-first")
    assert [s.text for s in reply.sections] == [
        f"**{hard_sell.title}** — {hard_sell.advice}",
        f"**{value_first.title}** — {value_first.advice}",
    ]
    assert [f.value for f in reply.sections[1].fields] == [value_first.before, value_first.after]


def test_without_a_recent_review_it_asks_for_the_draft(
    service: CoachService, clock: FakeClock
) -> None:
    assert say(service, "how do I fix it?").text == NO_REVIEW_TO_FIX
    say(service, f"review {PITCH}")
    clock.set(NOW + timedelta(hours=3))
    assert say(service, "how do I fix it?").text == NO_REVIEW_TO_FIX


@pytest.mark.parametrize(
    "line", ["what should I do", "what can you do?", "how do I follow up with Priya?"]
)
def test_other_questions_are_not_read_as_how_to_fix(line: str) -> None:
    assert not asks_how_to_fix(line)


@pytest.mark.parametrize(
    "line",
    [
        "ok ill rewrite it",
        "fair point, rewriting now",
        "got it, will tone it down",
        "i’ll rephrase",
    ],
)
def test_saying_you_will_mend_the_draft_is_met_with_an_invitation_to_paste_it(
    service: CoachService, line: str
) -> None:
    say(service, PITCH)
    reply = say(service, line)
    assert "paste the new version" in reply.text.lower()
    assert reply.review is None


@pytest.mark.parametrize("line", ["fix it", "rewrite it for me", "I will follow up with Dana"])
def test_asking_for_a_fix_or_promising_a_follow_up_is_not_a_promise_to_rewrite(
    service: CoachService, line: str
) -> None:
    say(service, PITCH)
    assert "paste the new version" not in say(service, line).text.lower()


def _wrong_flags(store: SqlStore) -> int:
    weeks = store.wrong_flag_weeks("slack", "T1", NOW - timedelta(days=7), NOW + timedelta(days=1))
    return sum(week.wrong_flags for week in weeks)


@pytest.mark.parametrize(
    "line", ["wrong flag, this is my 2nd touch", "that's not a hard sell", "i disagree"]
)
def test_disputing_a_flag_in_words_marks_the_last_review_as_a_wrong_flag(
    service: CoachService, store: SqlStore, line: str
) -> None:
    say(service, PITCH)
    reply = say(service, line)
    assert "the flag was wrong" in reply.text
    assert _wrong_flags(store) == 1


def test_agreeing_with_the_flag_records_nothing(service: CoachService, store: SqlStore) -> None:
    say(service, PITCH)
    say(service, "it's salesy, I know")
    assert _wrong_flags(store) == 0
