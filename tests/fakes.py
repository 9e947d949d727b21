"""Test doubles shared by the channel suites (Slack, Teams, server)."""

from __future__ import annotations

from coach_rules.review import Finding, Review


def buy_flagging_reviewer(text: str) -> Review:
    """Stands in for the coaching engine: flags the word "buy" and points at each occurrence."""
    lowered = text.lower()
    spans = []
    start = lowered.find("buy")
    while start != -1:
        spans.append((start, start + 3))
        start = lowered.find("buy", start + 1)
    if not spans:
        return Review(
            flagged=False,
            score=86,
            probability=0.07,
            score_breakdown=(("Starting score", 70), ("Offers something first", 16)),
            signals={"words": len(text.split()), "questions": text.count("?")},
        )
    finding = Finding(
        rule="no-hard-sell",
        message="It pushes a purchase before offering anything.",
        advice="Offer something useful first; leave the ask for later.",
        spans=tuple(spans),
        weight=-39,
    )
    return Review(
        flagged=True,
        score=31,
        probability=0.93,
        findings=(finding,),
        score_breakdown=(("Starting score", 70), ("Hard-sell wording", -39)),
    )
