"""A question about what to write to someone ("what should I write to someone I met at a
conference?") is answered with the coaching guidelines themselves, not the command list."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.core import commands as c
from bot.core.guidelines import WRITING_GUIDELINES
from bot.core.parser import parse_command
from bot.core.service import CoachService
from coach_rules.guidelines import get_guideline
from tests.core.conversation import say
from tests.core.test_service import fake_review

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock


@pytest.mark.parametrize(
    "line",
    [
        "what should I write to someone I met at a conference last week?",
        "ok so what do I say to a recruiter I met yesterday",
        "is it ok to send a linkedin request to someone I met once",
        "any tips for a follow-up email?",
        "how should I approach a founder I met at a dinner?",
        "what would you write to an old colleague?",
    ],
)
def test_asking_what_to_write_is_answered_with_the_guidelines(line: str) -> None:
    assert parse_command(line, direct_message=True) == c.HelpCommand(topic="writing")


@pytest.mark.parametrize(
    "line",
    [
        "Is it ok to send you the deck tomorrow?",
        "what should I send you before our call?",
        "tips on the venue, Dana?",
        "what should I bring to the offsite?",
    ],
)
def test_a_question_to_the_readers_of_a_draft_is_not_asked_of_the_coach(line: str) -> None:
    assert parse_command(line, direct_message=True) != c.HelpCommand(topic="writing")


def test_the_answer_is_read_from_the_guidelines_file(store: SqlStore, clock: FakeClock) -> None:
    reply = say(CoachService(store, fake_review, clock), "what should I write to someone I met?")
    for guideline_id in WRITING_GUIDELINES:
        guideline = get_guideline(guideline_id)
        assert f"**{guideline.title}** — {guideline.principle}" in reply.text
    assert "Paste your draft" in reply.text
