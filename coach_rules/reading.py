"""How the coach reads a pasted message before judging it: the one place that decides what the
classifier and the rules see, used alike by training and by `review`.

`read_message(text)` splits the message into parts (`coach_rules.parts`), blanks what the sender
did not write (quoted history, sign-off and signature), then blanks markdown syntax and emoji
(`coach_rules.formatting`). Every step keeps the length, so a span found in `own` or `plain` is
the same span in `text`.
"""

from __future__ import annotations

from dataclasses import dataclass

from coach_rules.formatting import plain_same_length
from coach_rules.parts import Part, set_aside_blanked, set_aside_note, split_parts


@dataclass(frozen=True)
class Reading:
    text: str  # the message as pasted
    parts: tuple[Part, ...]
    own: str  # `text` with everything but the written words and P.S. blanked
    plain: str  # `own` with markdown syntax and emoji blanked: what the classifier reads
    note: str | None  # "I judged the 64 words you wrote and left out …", or None


def read_message(text: str) -> Reading:
    parts = split_parts(text)
    own = set_aside_blanked(text, parts)
    return Reading(text, parts, own, plain_same_length(own), set_aside_note(text, parts))


SENDER_KINDS: frozenset[str] = frozenset({"written", "ps", "signature"})


def sender_text(reading: Reading) -> str:
    """`reading.text` with only quoted history blanked: all the sender put in the message,
    sign-off, signature and footer included (where a disclosure may sit)."""
    return set_aside_blanked(reading.text, reading.parts, SENDER_KINDS)


def model_text(text: str) -> str:
    """What the classifier is trained on and scores for `text`."""
    return read_message(text).plain
