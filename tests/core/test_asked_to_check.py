"""Asking the coach to check something with the draft still to come, where data is stored, and
why one quoted phrase of the last review was flagged."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from bot.core.flag_explained import phrase_asked
from bot.core.messages import Incoming
from bot.core.service import CoachService
from coach_rules.review import review
from tests.core.conversation import say

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock


@pytest.fixture
def service(store: SqlStore, clock: FakeClock) -> CoachService:
    clock.set(datetime(2026, 12, 9, 10, 0, tzinfo=UTC))
    service = CoachService(store, review, clock)
    say(service, "met Lars Vind at the Nordic SaaS meetup")
    return service


@pytest.mark.parametrize(
    "line",
    [
        "could you check my board update before I send it to Lars?",
        "cold email to Lars, review please:",
        "intro note for Lars Vind - can you check it?",
    ],
)
def test_a_request_without_its_draft_asks_for_it(service: CoachService, line: str):
    reply = say(service, line)
    assert "paste the draft here" in reply.text
    card = say(service, "who Lars")
    assert "review" not in card.text.lower()


def test_the_console_is_told_how_to_paste(service: CoachService):
    reply = service.handle(
        Incoming("console", "local", "me", "console", "pls review my pitch email to Lars")
    )
    assert "`/paste`" in reply.text


@pytest.mark.parametrize(
    "line", ["is our data kept in the EU? gdpr", "where do you store my data - EU or US?"]
)
def test_where_data_lives_gets_the_privacy_answer(service: CoachService, line: str):
    reply = say(service, line)
    assert reply.text.startswith("**What I keep about you**")
    assert "self-hosted" in reply.text


@pytest.mark.parametrize(
    ("line", "phrase"),
    [
        ('why did you flag "limited seats"?', "limited seats"),
        ("why was “act fast” flagged?", "act fast"),
        ('Why did you flag "buy"', "buy"),
        ("why did you flag it?", None),
    ],
)
def test_a_quoted_phrase_is_read_from_the_question(line: str, phrase: str | None):
    assert phrase_asked(line) == phrase


def test_a_quoted_phrase_is_explained_from_the_last_review_when_the_draft_was_kept(
    service: CoachService,
):
    say(service, "settings store-drafts on")
    say(service, "Hi Lars, only 3 seats left, book your demo today before the price goes up!")
    reply = say(service, 'why did you flag "only 3 seats left"?')
    assert reply.text.startswith("“only 3 seats left” broke **No hard sell")
    other = say(service, 'why did you flag "Hi Lars"?')
    assert "was not one of the phrases" in other.text


def test_without_the_draft_kept_the_reply_says_so_and_explains_the_review(
    service: CoachService,
):
    say(service, "Hi Lars, only 3 seats left, book your demo today before the price goes up!")
    reply = say(service, 'why did you flag "only 3 seats left"?')
    assert "I don't keep your drafts" in reply.text
    assert reply.sections


def test_a_note_said_with_done_ends_its_sentence_before_the_next_one(service: CoachService):
    say(service, "done lars gave, shared the pricing teardown with him")
    reply = say(service, "done lars gave, sent him the churn case study")
    reply = say(service, "yes")  # the second touch, early
    assert "Noted on Lars Vind: sent him the churn case study. Keep in touch" in reply.text
