"""A pasted draft that opens with a command word is reviewed, never run as a command for a
contact called "from Intermodal" or "deal" (a tester's drafts)."""

from __future__ import annotations

import pytest

from bot.core import commands as c
from tests.core.conversation import dm


@pytest.mark.parametrize(
    "draft",
    [
        "Follow up from the Lisbon summit: Marta, you mentioned the cold-chain audit, so here is "
        "the checklist we use. Happy to walk your team through it.",
        "Done deal? Our winter bundle ends Friday, 20% off if you sign this week. Let me know!",
        "Follow up regarding the pilot: Ana, you wanted the pricing sheet, here it is, no strings.",
    ],
)
def test_a_draft_opening_with_a_command_word_is_not_a_command(draft: str) -> None:
    assert isinstance(dm(draft, ("Marta Reis",)), c.NotACommand)


@pytest.mark.parametrize(
    "line",
    [
        "follow up from pycon with Jane friday",
        "done jane - sent her the deck you asked me about",
        "follow-up jane friday re the intro you promised her",
    ],
)
def test_commands_that_mention_you_or_from_stay_commands(line: str) -> None:
    assert not isinstance(dm(line, ("Jane Doe",)), c.NotACommand)
