"""Short answers to the reply just given: after a review of a draft to a contact, "sent it!"
marks the follow-up that review offered to close, with the kind the review suggested (never a
later touch; without such a review, nothing); after a yes/no question, "no wait" or "hold on"
is a no."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from bot.core.chat import NOTHING_CHANGED, SENT_WITHOUT_A_REVIEW, holds_back, says_it_was_sent
from bot.core.service import CoachService
from coach_rules.review import Review
from tests.core.conversation import due_by_name, say

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

NOW = datetime(2026, 12, 9, 15, 0, tzinfo=UTC)
GIVE = (
    "Hi Marcus, great meeting you this morning. Here's the report on credit union fraud "
    "trends I mentioned: https://example.org/report. No agenda, thought it'd help."
)


def clean_review(text: str) -> Review:
    return Review(flagged=False, score=95, probability=0.05, findings=())


@pytest.fixture
def service(store: SqlStore, clock: FakeClock) -> CoachService:
    clock.set(NOW)
    return CoachService(store, clean_review, clock)


def _touch_kinds(store: SqlStore) -> list[tuple[str, str] | None]:
    member = store.get_or_create_member("slack", "T1", "U1")
    closed = store.closed_follow_ups(member.id, 5)
    return [store.touch_kind(member.id, f.id) for f in closed]


@pytest.mark.parametrize(
    "line", ["sent it", "ok sent it!", "just sent it", "I've sent it", "yep, sent ✅", "it's sent"]
)
def test_sent_it_after_a_review_marks_that_follow_up_done_with_the_suggested_kind(
    service: CoachService, store: SqlStore, line: str
) -> None:
    say(service, "met Marcus Webb at the fintech breakfast this morning")
    review = say(service, GIVE)
    offered = re.search(r"Sent it\? Mark follow-up (#\d+) done", review.sections[0].text)
    assert offered is not None
    reply = say(service, line)
    assert reply.text.replace("**", "").startswith(f"Done: follow-up {offered[1]} with Marcus Webb")
    assert "Recorded as a give" in reply.text
    assert _touch_kinds(store) == [("give", "suggested")]
    assert due_by_name(store) == {"Marcus Webb": "2026-12-23"}  # the second touch only


def test_a_question_about_the_draft_in_between_does_not_lose_it(
    service: CoachService, store: SqlStore
) -> None:
    say(service, "met Marcus Webb at the fintech breakfast this morning")
    say(service, GIVE)
    say(service, "better?")
    assert say(service, "ok sent it").text.replace("**", "").startswith("Done: follow-up #")


def test_a_second_sent_it_does_not_close_the_next_touch(
    service: CoachService, store: SqlStore
) -> None:
    say(service, "met Marcus Webb at the fintech breakfast this morning")
    say(service, GIVE)
    say(service, "sent it")
    assert say(service, "sent it").text == SENT_WITHOUT_A_REVIEW
    assert due_by_name(store) == {"Marcus Webb": "2026-12-23"}


@pytest.mark.parametrize("line", ["sent it", "sending it now", "will send it tomorrow"])
def test_without_a_review_or_before_sending_nothing_is_closed(
    service: CoachService, store: SqlStore, line: str
) -> None:
    say(service, "met Marcus Webb at the fintech breakfast this morning")
    if line != "sent it":
        say(service, GIVE)
    reply = say(service, line)
    assert not reply.text.startswith("Done")
    assert due_by_name(store) == {"Marcus Webb": "2026-12-14"}


@pytest.mark.parametrize(
    ("line", "sent"),
    [
        ("sent it", True),
        ("done, sent it to him", True),
        ("i just sent him the note", True),
        ("message sent", True),
        ("sent?", False),
        ("should I send it?", False),
        ("sending it now", False),
        ("sent the invoice to the client", False),
        ("did you get what I sent", False),
    ],
)
def test_what_counts_as_saying_it_was_sent(line: str, sent: bool) -> None:
    assert says_it_was_sent(line) is sent


@pytest.mark.parametrize("line", ["no wait", "wait no", "hold on", "no, keep it", "stop"])
def test_a_no_in_other_words_answers_the_question_just_asked(
    service: CoachService, store: SqlStore, line: str
) -> None:
    say(service, "met Marcus Webb at the fintech breakfast this morning")
    assert "forget-me confirm" in say(service, "delete everything about me").text
    assert say(service, line).text == NOTHING_CHANGED
    assert say(service, "yes").text != NOTHING_CHANGED  # the question is gone: nothing to confirm
    assert due_by_name(store) == {"Marcus Webb": "2026-12-14"}


@pytest.mark.parametrize(("line", "declines"), [("no problem", False), ("no worries!", False)])
def test_thanks_that_start_with_no_decline_nothing(line: str, declines: bool) -> None:
    assert holds_back(line) is declines


@pytest.fixture
def gated(store: SqlStore, clock: FakeClock) -> CoachService:
    """The service with the real draft-or-chat gate, which decides what counts as a draft."""
    from bot.bootstrap import LazyMessageSorter

    clock.set(NOW)
    return CoachService(store, clean_review, clock, LazyMessageSorter())


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("sent him the article I mentioned", "give"),
        ("ok I forwarded him the job post", "give"),
        ("just shared her deck with him, he loved it", "give"),
        ("got back to him about the role", None),
    ],
)
def test_a_touch_told_with_a_pronoun_is_offered_as_done_for_the_conversations_contact(
    gated: CoachService, store: SqlStore, line: str, kind: str | None
) -> None:
    service = gated
    say(service, "met Marcus Webb at the fintech breakfast this morning")  # due Mon 14 Dec
    say(service, "snooze Marcus 2 days")
    offer = say(service, line)
    assert offer.text.startswith("Sounds like you followed up with Marcus Webb. Mark follow-up")
    assert due_by_name(store) == {"Marcus Webb": "2026-12-16"}  # nothing marked unasked
    say(service, "yes")
    assert due_by_name(store) == {"Marcus Webb": "2026-12-23"}  # the second touch only
    assert _touch_kinds(store) == [(kind, "chosen") if kind else None]


def test_a_touch_told_with_nobody_in_the_conversation_is_not_offered(
    gated: CoachService,
) -> None:
    service = gated
    say(service, "met Marcus Webb at the fintech breakfast this morning")
    say(service, "stats")
    assert not say(service, "sent him the article").text.startswith("Sounds like you followed up")


@pytest.mark.parametrize(
    "line", ["sent him the invoice?", "I sent him packing, the deal is off and we go elsewhere now"]
)
def test_tells_of_a_touch_needs_a_statement_in_a_short_line(line: str) -> None:
    from bot.core.chat import tells_of_a_touch

    assert tells_of_a_touch(line) is (not line.endswith("?") and len(line.split()) <= 20)
