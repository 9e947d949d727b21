"""`feedback N wrong-flag <reason>`: a short reason kept with the verdict, never logged."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pytest

from bot.core.feedback_reason import MAX_REASON_CHARS
from tests.core.test_service import Bot

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

REASON = "it's a thank-you to my old boss, not a pitch"


@pytest.fixture
def bot(store: SqlStore, clock: FakeClock) -> Bot:
    return Bot(store, clock)


def _review(bot: Bot) -> int:
    review_id = bot.say("Hi Jane, could we book a demo next week?").review_id
    assert review_id is not None
    return review_id


def test_a_wrong_flag_with_a_reason_is_kept_with_the_feedback_and_not_logged(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    review_id = _review(bot)
    with caplog.at_level(logging.DEBUG):
        reply = bot.say(f"feedback {review_id} wrong-flag {REASON}")
    assert "flag was wrong" in reply.text
    assert "stored your reason with that verdict" in reply.text
    assert bot.rows("SELECT verdict, reason FROM feedback") == [("wrong-flag", REASON)]
    assert "thank-you to my old boss" not in caplog.text


def test_a_reason_too_long_is_refused_and_nothing_is_kept(bot: Bot) -> None:
    review_id = _review(bot)
    reply = bot.say(f"feedback {review_id} wrong-flag {'too salesy? ' * 20}")
    assert f"keep it to {MAX_REASON_CHARS} characters" in reply.text
    assert bot.rows("SELECT count(*) FROM feedback") == [(0,)]


def test_a_reason_with_helpful_is_refused(bot: Bot) -> None:
    review_id = _review(bot)
    assert "goes with Wrong flag only" in bot.say(f"feedback {review_id} helpful love it").text


def test_the_reason_is_in_the_export(bot: Bot) -> None:
    review_id = _review(bot)
    bot.say(f"feedback {review_id} wrong-flag {REASON}")
    assert REASON in bot.say("export").attachment.content  # type: ignore[union-attr]
