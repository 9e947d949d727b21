"""`review(text) -> Review`: the one function every channel uses to judge a draft.

CONTRACT (fixed; the implementation behind it is the coaching engine's):
- `Review.flagged`: True when the draft reads as a hard sell / spammy ask.
- `Review.score`: 0-100 value-first score; `Review.score_breakdown` explains it.
- `Review.probability`: the classifier's probability that the draft is a hard sell.
- `Review.findings`: guideline findings with exact `[start, end)` character spans.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Finding:
    rule: str  # guideline id, e.g. "value-first"
    message: str
    advice: str
    spans: tuple[tuple[int, int], ...] = ()
    weight: int = 0  # points this finding moved the score (negative lowers it)


@dataclass(frozen=True)
class Review:
    flagged: bool
    score: int
    probability: float
    findings: tuple[Finding, ...] = ()
    # (reason, points) pairs that add up from the base score to `score`.
    score_breakdown: tuple[tuple[str, int], ...] = ()
    # Craft signals people act on: length, reading level, questions, I/you balance.
    signals: dict[str, object] = field(default_factory=dict)
    # What could not be judged (only links, another language, ...), in plain words.
    notes: tuple[str, ...] = ()

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.rule for f in self.findings))


def review(text: str) -> Review:
    raise NotImplementedError("the coaching engine issue implements this")
