"""Give, ask, thank: the words, buttons and coaching sentences of the touch ledger (issue 13).

Every touch (a done follow-up) is a give, an ask or a thank: the member says which on the Done
buttons or in words ("done Jane, gave her the article"), or takes the kind suggested from the
draft they had reviewed (`coach_rules.touches`). The contact card shows the ledger, and a
member who has only asked someone is told to give first, in the review and in the nudge.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from bot.core.messages import Action
from storage.records import LedgerEntry, TouchCounts

# The classifier's kinds (`coach_rules.touches`, not imported here: the core loads the engine
# only when a draft is reviewed); tests/core/test_ledger.py checks the two agree.
TouchKind = Literal["give", "ask", "thank"]
TOUCH_KINDS: tuple[TouchKind, ...] = ("give", "ask", "thank")

# The word on each button and in "done #12 gave"; the verb in sentences.
PAST_TENSE: dict[TouchKind, str] = {"give": "gave", "ask": "asked", "thank": "thanked"}
BUTTON_LABELS: dict[TouchKind, str] = {"give": "Gave", "ask": "Asked", "thank": "Thanked"}
NOUNS: dict[TouchKind, str] = {"give": "a give", "ask": "an ask", "thank": "a thank-you"}

# Words after `done <person>` that say what the touch was ("done Jane, gave her the article").
KIND_WORDS: dict[str, TouchKind] = {
    "gave": "give",
    "give": "give",
    "given": "give",
    "shared": "give",
    "asked": "ask",
    "ask": "ask",
    "thanked": "thank",
    "thank": "thank",
}
# The kind word may follow the person after a comma, a dash, a colon or a space, with an
# optional "I" or "I've" before it; anything after it is the member's own words.
KIND_AFTER_TARGET = re.compile(
    r"(?:\s*[,;:—–-]\s*|\s+)(?:i(?:'ve|’ve| have)?\s+)?(?:just\s+)?"
    r"(?P<word>" + "|".join(sorted(KIND_WORDS, key=len, reverse=True)) + r")\b.*$",
    re.IGNORECASE | re.DOTALL,
)


def split_kind(rest: str) -> tuple[str, TouchKind | None]:
    """ "Jane, gave her the article" → ("Jane", "give"); text without a kind word is unchanged.

    The kind word must follow at least one word of the target, so "done asked" stays a name."""
    for match in KIND_AFTER_TARGET.finditer(rest):
        head = rest[: match.start()].strip()
        if head:
            return head, KIND_WORDS[match.group("word").lower()]
    return rest, None


def done_command(follow_up_id: int, kind: TouchKind, *, early: bool = False) -> str:
    return f"done #{follow_up_id} {PAST_TENSE[kind]}" + (" early" if early else "")


def done_actions(follow_up_id: int, suggested: TouchKind | None = None) -> tuple[Action, ...]:
    """The Done buttons: Gave / Asked / Thanked (the suggested one stands out)."""
    return tuple(
        Action(
            BUTTON_LABELS[kind],
            done_command(follow_up_id, kind),
            style="primary" if kind == suggested else None,
        )
        for kind in TOUCH_KINDS
    )


def tally(entries: Iterable[LedgerEntry]) -> TouchCounts:
    kinds = [entry.kind for entry in entries]
    return TouchCounts(give=kinds.count("give"), ask=kinds.count("ask"), thank=kinds.count("thank"))


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def ask_first_warning(name: str, counts: TouchCounts) -> str | None:
    """The coaching line for a contact the member has only asked of, else None."""
    if counts.ask == 0 or counts.give > 0:
        return None
    return (
        f"You've asked {name} {_times(counts.ask)} and given nothing yet: share something "
        "useful first."
    )


def ledger_line(entries: tuple[LedgerEntry, ...]) -> str:
    """ "Gave 1 · asked 2 · thanked 0 (1 touch not recorded)" for the contact card."""
    counts = tally(entries)
    line = f"Gave {counts.give} · asked {counts.ask} · thanked {counts.thank}"
    unrecorded = len(entries) - counts.total
    if unrecorded:
        line += f" ({unrecorded} {'touch' if unrecorded == 1 else 'touches'} not recorded)"
    return line


def give_ask_ratio(counts: TouchCounts) -> str:
    """ "give:ask 3:1" with the thanks beside it; what `stats` and the digest show."""
    return f"give:ask {counts.give}:{counts.ask} (and {counts.thank} thank-yous)"
