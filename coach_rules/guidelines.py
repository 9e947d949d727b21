"""The networking guidelines, read from `data/guidelines.json`.

The data file is the single source of each guideline's id, score points, advice and example:
the review engine, the phrase rules and `netcoach rules` read them from here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

GUIDELINES_FILE = Path(__file__).resolve().parent / "data" / "guidelines.json"


@dataclass(frozen=True)
class Guideline:
    id: str
    title: str
    points: int  # what breaking it costs the value-first score (negative)
    principle: str
    why: str
    triggers: tuple[str, ...]
    advice: str
    before: str
    after: str


class UnknownGuidelineError(KeyError):
    """No guideline has this id."""


@cache
def all_guidelines() -> tuple[Guideline, ...]:
    raw = json.loads(GUIDELINES_FILE.read_text(encoding="utf-8"))
    return tuple(
        Guideline(
            id=item["id"],
            title=item["title"],
            points=int(item["points"]),
            principle=item["principle"],
            why=item["why"],
            triggers=tuple(item["triggers"]),
            advice=item["advice"],
            before=item["example"]["before"],
            after=item["example"]["after"],
        )
        for item in raw["guidelines"]
    )


@cache
def _guidelines_by_id() -> dict[str, Guideline]:
    return {guideline.id: guideline for guideline in all_guidelines()}


def get_guideline(guideline_id: str) -> Guideline:
    try:
        return _guidelines_by_id()[guideline_id]
    except KeyError:
        raise UnknownGuidelineError(guideline_id) from None


# The ids in the data file's order, read once at import (a small local file).
GUIDELINE_IDS: tuple[str, ...] = tuple(guideline.id for guideline in all_guidelines())
