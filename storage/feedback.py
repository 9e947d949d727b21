"""What members said about reviews (Helpful / Wrong flag), read back for learning (issue 13).

`labelled_reviews` gives the reviews with feedback whose text was kept (only members who turned
`store-drafts` on); `wrong_flag_weeks` the share of flagged reviews marked Wrong flag, per ISO
week of the review, for a workspace's admin.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import DraftReview, Feedback, Member, ReviewRule, Workspace
from storage.records import FeedbackWeek, LabelledReview

VERDICTS = ("helpful", "wrong-flag")


def labelled_reviews(session: Session) -> list[LabelledReview]:
    """Reviews marked Helpful or Wrong flag whose text was kept, oldest first."""
    rows = session.execute(
        select(DraftReview.id, DraftReview.text, DraftReview.flagged, Feedback.verdict)
        .join(Feedback, Feedback.review_id == DraftReview.id)
        .where(DraftReview.text.is_not(None), Feedback.verdict.in_(VERDICTS))
        .order_by(DraftReview.id)
    ).all()
    ids = [row.id for row in rows]
    rules: dict[int, list[str]] = {}
    if ids:
        for review_id, rule_id in session.execute(
            select(ReviewRule.review_id, ReviewRule.rule_id)
            .where(ReviewRule.review_id.in_(ids))
            .order_by(ReviewRule.review_id, ReviewRule.position)
        ):
            rules.setdefault(review_id, []).append(rule_id)
    return [
        LabelledReview(row.id, row.text, row.flagged, row.verdict, tuple(rules.get(row.id, ())))
        for row in rows
    ]


def wrong_flag_weeks(
    session: Session, platform: str, workspace_id: str, since: datetime, until: datetime
) -> list[FeedbackWeek]:
    """Per ISO week (of the review) in [since, until): flagged reviews, how many of them were
    marked Wrong flag, and how many reviews were marked Helpful; oldest week first."""
    rows = session.execute(
        select(DraftReview.created_at, DraftReview.flagged, Feedback.verdict)
        .join(Member, Member.id == DraftReview.member_id)
        .join(Workspace, Workspace.id == Member.workspace_id)
        .outerjoin(Feedback, Feedback.review_id == DraftReview.id)
        .where(
            Workspace.platform == platform,
            Workspace.external_id == workspace_id,
            DraftReview.created_at >= since,
            DraftReview.created_at < until,
        )
    ).all()
    weeks: dict[str, list[int]] = {}
    for created_at, flagged, verdict in rows:
        year, week, _ = created_at.isocalendar()
        tally = weeks.setdefault(f"{year}-W{week:02d}", [0, 0, 0])
        tally[0] += bool(flagged)
        tally[1] += bool(flagged) and verdict == "wrong-flag"
        tally[2] += verdict == "helpful"
    return [FeedbackWeek(week, *tally) for week, tally in sorted(weeks.items())]
