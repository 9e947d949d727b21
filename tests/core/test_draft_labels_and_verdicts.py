"""A label in front of a pasted draft ("linkedin connection request: …") is cut before the review
and its kind applies that kind's checks (7 Dec, sixth session: a newcomer's 336-character
connection note was called good to send)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.bootstrap import LazyReviewer
from bot.core.draft_labels import split_label
from bot.core.service import CoachService
from tests.core.conversation import say

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

LONG_NOTE = (
    "Hi Ines, lovely to meet you at the fintech breakfast this morning. I enjoyed hearing how your "
    "team rebuilt its reconciliation jobs and the lessons from the migration. I work on ledger "
    "tooling for small finance teams and would be glad to swap notes some time in the new year, "
    "no agenda at all. Happy to connect here!"
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("linkedin connection request: Hi Ines, hello", "linkedin-note"),
        ("cold email - Hi Ana, quick one", "cold-email"),
        ("group post:\nHello all", "group-post"),
        ("follow up email: Hi Sam", "event-follow-up"),
    ],
)
def test_a_label_names_the_kind_and_is_cut(text: str, kind: str) -> None:
    draft, said = split_label(text)
    assert said == kind
    assert draft.startswith(("Hi", "Hello"))


@pytest.mark.parametrize("text", ["LinkedIn is great: Hi Jo", "Hi Sam, linkedin note: soon"])
def test_words_that_only_mention_a_kind_are_no_label(text: str) -> None:
    assert split_label(text) == (text, None)


def test_a_connection_note_over_the_limit_is_not_called_good_to_send(
    store: SqlStore, clock: FakeClock
) -> None:
    assert len(LONG_NOTE) > 300
    service = CoachService(store, LazyReviewer(), clock)
    reply = say(service, f"review linkedin connection request: {LONG_NOTE}")
    assert "Trim it to 300 characters" in reply.text
    assert "Good to send" not in reply.text
    unlabelled = say(service, f"review {LONG_NOTE}")
    assert "Good to send" in unlabelled.text


def test_a_draft_held_back_by_a_rule_alone_is_not_called_a_hard_sell(
    store: SqlStore, clock: FakeClock
) -> None:
    """A newcomer's consent and affiliate-link drafts (7 Dec, sixth session) were headed "Reads
    as a hard sell" while the classifier read no sale: the headline names the fault found."""
    service = CoachService(store, LazyReviewer(), clock)
    reply = say(
        service,
        "Hey Tom, congrats on the new job! If you're setting up your home office, this standing "
        "desk changed my back: https://deskly.shop/pro?aff=kmurphy7",
    )
    assert reply.text.startswith("**Needs a fix before you send it**")
    pitch = say(service, "Do you know anyone who wants to buy our CRM? 50% off this week only!")
    assert pitch.text.startswith("**Reads as a hard sell**")
