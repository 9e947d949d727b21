"""The core's view of the coaching guidelines: titles for ids, and the tip of the week.

The guidelines themselves live in `coach_rules` (a data file); this module only reads them, lazily,
so importing the core stays cheap.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Tip:
    guideline_id: str
    title: str
    principle: str
    advice: str


def _guidelines():  # -> tuple[coach_rules.guidelines.Guideline, ...]
    from coach_rules.guidelines import all_guidelines

    return all_guidelines()


def guideline_title(guideline_id: str) -> str:
    for guideline in _guidelines():
        if guideline.id == guideline_id:
            return guideline.title
    return guideline_id


@dataclass(frozen=True)
class Fix:
    title: str
    advice: str
    before: str
    after: str


def guideline_fix(guideline_id: str) -> Fix | None:
    """How to mend a draft that breaks this guideline: its advice and before/after example."""
    from coach_rules.guidelines import UnknownGuidelineError, get_guideline

    try:
        found = get_guideline(guideline_id)
    except UnknownGuidelineError:
        return None
    return Fix(found.title, found.advice, found.before, found.after)


# The guidelines a first note after meeting someone should keep, in the order to write it.
WRITING_GUIDELINES = (
    "follow-up-in-10-days",
    "identify-yourself",
    "value-first",
    "about-them",
    "one-clear-ask",
)


def what_to_write() -> str:
    """What to put in a note to someone you met: the guidelines' own titles, principles and
    example, so the coaching answer and the review never disagree."""
    from coach_rules.guidelines import get_guideline

    chosen = [get_guideline(guideline_id) for guideline_id in WRITING_GUIDELINES]
    lines = [f"• **{g.title}** — {g.principle}" for g in chosen]
    example = get_guideline("follow-up-in-10-days").after
    return "\n".join([*lines, f"For example: “{example}”"])


def tip_of_the_week(week_label: str) -> Tip:
    """The same tip for everyone in a given ISO week ("2024-W10"); the next week, the next tip.

    Any other label is picked by a stable checksum (not `hash()`, which changes per process).
    """
    guidelines = _guidelines()
    iso = re.fullmatch(r"(\d{4})-W(\d{1,2})", week_label)
    if iso:
        index = int(iso.group(1)) * 53 + int(iso.group(2))
    else:
        index = zlib.crc32(week_label.encode("utf-8"))
    chosen = guidelines[index % len(guidelines)]
    return Tip(chosen.id, chosen.title, chosen.principle, chosen.advice)
