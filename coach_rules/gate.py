"""Draft or chat: is a free text a draft meant for someone else, or chat addressed to the coach?

CONTRACT (shared by the engine and the core):
- `classify_message(text) -> Gate`; `Gate.kind` is "draft" (review it), "chat" (small talk,
  thanks, yes/no, questions about the bot: the core answers it) or "unclear" (the core asks
  "Review this as a draft?" with a button). `Gate.draft_probability` is in [0, 1].
- Cheap: it runs before every review.

PROVISIONAL: until the trained gate lands, every text is a draft (the behaviour before it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MessageKind = Literal["draft", "chat", "unclear"]


@dataclass(frozen=True)
class Gate:
    kind: MessageKind
    draft_probability: float


def classify_message(text: str) -> Gate:
    return Gate(kind="draft", draft_probability=1.0)
