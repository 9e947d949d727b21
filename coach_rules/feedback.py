"""Members' feedback on reviews as labelled corpus rows (`netcoach feedback export`, issue 13).

A review marked **Helpful** kept its verdict: a flagged draft is a `flag` row, a passed one an
`ok` row. A review marked **Wrong flag** had the verdict wrong: a flagged draft is an `ok` row
(and a passed draft the member says should have been flagged is a `flag` row). Rows follow the
corpus schema (`data/DATA_CARD.md`) so `netcoach train --extra FILE` reads them like any file:
ids `x0001`…, kind `chat-dm` (drafts pasted into a chat with the coach), and for `flag` rows
the guidelines the review found.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from coach_rules.corpus import MAX_WORDS, word_count
from coach_rules.guidelines import GUIDELINE_IDS

ID_LETTER = "x"
MAX_ROWS = 9_999  # corpus ids are a letter and four digits
KIND = "chat-dm"


@dataclass(frozen=True)
class Feedback:
    text: str
    flagged: bool
    verdict: str  # "helpful" | "wrong-flag"
    rule_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Export:
    rows: list[dict[str, object]]
    too_long: int  # texts over the corpus's word limit, left out
    repeated: int  # the same text marked again: the latest verdict counts
    over_limit: int  # past MAX_ROWS, left out


def label_of(feedback: Feedback) -> str:
    right = feedback.verdict == "helpful"
    return "flag" if feedback.flagged == right else "ok"


def corpus_rows(items: Iterable[Feedback]) -> Export:
    """Labelled rows, oldest first; a text marked more than once keeps its latest verdict."""
    latest: dict[str, Feedback] = {}
    seen = too_long = 0
    for item in items:
        if word_count(item.text) > MAX_WORDS or not item.text.strip():
            too_long += 1
            continue
        seen += 1
        latest.pop(item.text, None)  # re-inserted last: the order is that of the latest verdict
        latest[item.text] = item
    chosen = list(latest.values())
    rows = []
    for number, item in enumerate(chosen[:MAX_ROWS], start=1):
        label = label_of(item)
        rules = (
            [r for r in dict.fromkeys(item.rule_ids) if r in GUIDELINE_IDS]
            if label == "flag"
            else []
        )
        rows.append(
            {
                "id": f"{ID_LETTER}{number:04d}",
                "text": item.text,
                "label": label,
                "kind": KIND,
                "rules": rules,
            }
        )
    return Export(rows, too_long, seen - len(chosen), max(0, len(chosen) - MAX_ROWS))
