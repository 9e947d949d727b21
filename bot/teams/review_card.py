"""The body of a draft-review card: a score badge beside the core's verdict, the findings (each
with its quoted phrases and advice, as the core wrote them), and how the score adds up behind a
"Why this score?" toggle so the card opens on what to fix.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.core.messages import Field, Reply, Section
from bot.teams.cards import section_container, text_blocks

if TYPE_CHECKING:
    from coach_rules.review import Review

Json = dict[str, Any]

BREAKDOWN_ID = "netcoach-score-breakdown"


def score_colour(score: int) -> str:
    if score >= 70:
        return "Good"
    if score >= 40:
        return "Warning"
    return "Attention"


def header(reply: Reply, review: Review) -> Json:
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
                "items": text_blocks(reply.text),
            },
        ],
    }


def is_breakdown(section: Section, review: Review) -> bool:
    """The core's "how the score adds up" section: its fields are exactly the breakdown."""
    expected = tuple(Field(reason, f"{points:+d}") for reason, points in review.score_breakdown)
    return bool(expected) and section.fields == expected and not section.actions


def review_body(reply: Reply) -> list[Json]:
    review = reply.review
    if review is None:
        return text_blocks(reply.text)
    body: list[Json] = [header(reply, review)]
    breakdown = [s for s in reply.sections if is_breakdown(s, review)]
    body.extend(section_container(s) for s in reply.sections if not is_breakdown(s, review))
    for section in breakdown:
        hidden = section_container(section)
        hidden.update(id=BREAKDOWN_ID, isVisible=False)
        body.append(
            {
                "type": "ActionSet",
                "separator": True,
                "actions": [
                    {
                        "type": "Action.ToggleVisibility",
                        "title": "Why this score?",
                        "targetElements": [BREAKDOWN_ID],
                    }
                ],
            }
        )
        body.append(hidden)
    return body
