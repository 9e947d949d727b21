"""The body of a draft-review card: score and verdict, each finding with its exact phrases and
advice, and the score's breakdown behind a "Why this score?" toggle.

The draft itself is only used to quote phrases while rendering; it is never stored here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.core.messages import Reply
from bot.teams.cards import card_markdown, text_blocks

if TYPE_CHECKING:
    from coach_rules.review import Finding, Review

Json = dict[str, Any]

MAX_PHRASES_PER_FINDING = 4
MAX_PHRASE_CHARS = 120
BREAKDOWN_ID = "netcoach-score-breakdown"


def guideline_title(rule_id: str) -> str:
    try:
        from coach_rules.guidelines import get_guideline

        return get_guideline(rule_id).title
    except Exception:  # an unknown id or a missing data file must not break a reply
        return rule_id.replace("-", " ").capitalize()


def score_colour(score: int) -> str:
    if score >= 70:
        return "Good"
    if score >= 40:
        return "Warning"
    return "Attention"


def quoted_phrases(finding: Finding, draft: str | None) -> list[str]:
    if not draft:
        return []
    phrases: list[str] = []
    for start, end in finding.spans:
        if not (0 <= start < end <= len(draft)):
            continue
        phrase = " ".join(draft[start:end].split())
        if len(phrase) > MAX_PHRASE_CHARS:
            phrase = phrase[: MAX_PHRASE_CHARS - 1] + "…"
        quoted = f"“{phrase}”"
        if phrase and quoted not in phrases:
            phrases.append(quoted)
        if len(phrases) == MAX_PHRASES_PER_FINDING:
            break
    return phrases


def header(review: Review) -> Json:
    verdict = "Reads like a hard sell" if review.flagged else "Value-first: good to send"
    return {
        "type": "ColumnSet",
        "columns": [
            {
                "type": "Column",
                "width": "auto",
                "items": [
                    {
                        "type": "TextBlock",
                        "text": str(review.score),
                        "size": "ExtraLarge",
                        "weight": "Bolder",
                        "color": score_colour(review.score),
                    },
                    {"type": "TextBlock", "text": "of 100", "isSubtle": True, "spacing": "None"},
                ],
            },
            {
                "type": "Column",
                "width": "stretch",
                "verticalContentAlignment": "Center",
                "items": [
                    {
                        "type": "TextBlock",
                        "text": verdict,
                        "weight": "Bolder",
                        "size": "Medium",
                        "wrap": True,
                        "color": "Attention" if review.flagged else "Good",
                    },
                    {
                        "type": "TextBlock",
                        "text": "Value-first score",
                        "isSubtle": True,
                        "spacing": "None",
                    },
                ],
            },
        ],
    }


def finding_container(finding: Finding, draft: str | None) -> Json:
    items: list[Json] = [
        {
            "type": "TextBlock",
            "text": card_markdown(f"**{guideline_title(finding.rule)}**: {finding.message}"),
            "wrap": True,
        }
    ]
    phrases = quoted_phrases(finding, draft)
    if phrases:
        items.append(
            {
                "type": "TextBlock",
                "text": card_markdown(", ".join(phrases)),
                "wrap": True,
                "isSubtle": True,
                "spacing": "Small",
            }
        )
    if finding.advice:
        items.append(
            {
                "type": "TextBlock",
                "text": card_markdown(f"Try: {finding.advice}"),
                "wrap": True,
                "spacing": "Small",
            }
        )
    return {"type": "Container", "separator": True, "spacing": "Medium", "items": items}


def breakdown(review: Review) -> list[Json]:
    facts = [
        {"title": card_markdown(reason), "value": f"{points:+d}"}
        for reason, points in review.score_breakdown
    ]
    signals = [
        {"title": key.replace("_", " ").capitalize(), "value": _signal_value(value)}
        for key, value in review.signals.items()
        if isinstance(value, str | int | float) and not isinstance(value, bool)
    ]
    if not facts and not signals:
        return []
    items: list[Json] = []
    if facts:
        items.append({"type": "FactSet", "facts": facts})
    if signals:
        items.append({"type": "FactSet", "facts": signals, "spacing": "Medium"})
    return [
        {
            "type": "ActionSet",
            "actions": [
                {
                    "type": "Action.ToggleVisibility",
                    "title": "Why this score?",
                    "targetElements": [BREAKDOWN_ID],
                }
            ],
        },
        {"type": "Container", "id": BREAKDOWN_ID, "isVisible": False, "items": items},
    ]


def _signal_value(value: str | int | float) -> str:
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def review_body(reply: Reply, draft: str | None) -> list[Json]:
    review = reply.review
    if review is None:
        return text_blocks(reply.text)
    body: list[Json] = [header(review)]
    if review.findings:
        body.extend(finding_container(finding, draft) for finding in review.findings)
    else:
        body.append(
            {
                "type": "TextBlock",
                "text": "No guideline broken. Nice work.",
                "wrap": True,
                "separator": True,
            }
        )
    body.extend(
        text_blocks("\n".join(review.notes), isSubtle=True, spacing="Small") if review.notes else []
    )
    body.extend(breakdown(review))
    return body
