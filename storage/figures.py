"""Activity figures as SQL aggregates (COUNT / SUM / AVG / GROUP BY), never Python loops.

The same queries serve one member (`stats`) and a whole workspace (the weekly digest); only
the member filter differs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from storage.models import DraftReview, FollowUp, Meeting, Member, ReviewRule
from storage.records import CHECK_IN_TOUCH, FIRST_TOUCH, ActivityFigures

MAX_SHOUTOUTS = 3


def _count_if(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def member_activity(
    session: Session, member_id: int, since: datetime, until: datetime, today: date
) -> ActivityFigures:
    """One member's figures (`stats`); `today` is their local date, for "overdue"."""
    return _activity(session, lambda column: column == member_id, since, until, today)


def workspace_activity(
    session: Session, workspace_pk: int, since: datetime, until: datetime, today: date
) -> ActivityFigures:
    """A workspace's figures (the digest), with shout-outs for opted-in members."""
    members = select(Member.id).where(Member.workspace_id == workspace_pk).scalar_subquery()
    figures = _activity(session, lambda column: column.in_(members), since, until, today)
    return replace(figures, shoutouts=_shoutouts(session, workspace_pk, since, until))


def weekly_done_within_window(
    session: Session, workspace_pk: int, until: datetime, weeks: int, week: timedelta
) -> list[int]:
    """Follow-ups of the workspace done inside their window, per week ending at `until`, oldest
    week first: one scan, one count per week."""
    members = select(Member.id).where(Member.workspace_id == workspace_pk).scalar_subquery()
    start = until - week * weeks
    in_window = and_(FollowUp.status == "done", FollowUp.done_on <= FollowUp.window_closes_on)
    counts = session.execute(
        select(
            *(
                _count_if(
                    and_(
                        FollowUp.done_at >= start + week * i,
                        FollowUp.done_at < start + week * (i + 1),
                    )
                )
                for i in range(weeks)
            )
        ).where(
            FollowUp.member_id.in_(members),
            in_window,
            FollowUp.done_at >= start,
            FollowUp.done_at < until,
        )
    ).one()
    return [int(count) for count in counts]


def _activity(
    session: Session,
    of_members: Callable[[Any], ColumnElement[bool]],
    since: datetime,
    until: datetime,
    today: date,
) -> ActivityFigures:

    # Logged by the member: the first touch. The second touch is scheduled by the rule of two.
    created = and_(
        FollowUp.touch == FIRST_TOUCH, FollowUp.created_at >= since, FollowUp.created_at < until
    )
    # Keep-in-touch check-ins come months after meeting: they are not follow-ups "within 10 days".
    done = and_(
        FollowUp.status == "done",
        FollowUp.touch < CHECK_IN_TOUCH,
        FollowUp.done_at >= since,
        FollowUp.done_at < until,
    )
    first_done = and_(done, FollowUp.touch == FIRST_TOUCH)
    overdue = and_(FollowUp.status == "open", FollowUp.due_on < today)
    # A first follow-up still open whose window closed in the period: a miss, counted beside
    # the ones done (else a member who follows up with one person of five reads 100%).
    missed = and_(
        FollowUp.status == "open",
        FollowUp.touch == FIRST_TOUCH,
        FollowUp.window_closes_on >= since.date(),
        FollowUp.window_closes_on < min(today, until.date()),
    )
    follow_ups = session.execute(
        select(
            _count_if(created),
            _count_if(done),
            _count_if(first_done),
            _count_if(and_(first_done, FollowUp.done_on <= FollowUp.window_closes_on)),
            _count_if(overdue),
            _count_if(missed),
        ).where(of_members(FollowUp.member_id), or_(created, done, overdue, missed))
    ).one()

    meetings = session.scalar(
        select(func.count(Meeting.id)).where(
            of_members(Meeting.member_id), Meeting.created_at >= since, Meeting.created_at < until
        )
    )

    in_period = and_(
        of_members(DraftReview.member_id),
        DraftReview.created_at >= since,
        DraftReview.created_at < until,
    )
    reviews = session.execute(
        select(
            func.count(DraftReview.id),
            _count_if(DraftReview.flagged.is_(True)),
            func.avg(DraftReview.score),
        ).where(in_period)
    ).one()

    broken = func.count().label("broken")
    top_rule = session.execute(
        select(ReviewRule.rule_id, broken)
        .join(DraftReview, DraftReview.id == ReviewRule.review_id)
        .where(in_period)
        .group_by(ReviewRule.rule_id)
        .order_by(broken.desc(), ReviewRule.rule_id)
        .limit(1)
    ).first()

    return ActivityFigures(
        follow_ups_logged=int(follow_ups[0]),
        follow_ups_done=int(follow_ups[1]),
        first_touches_done=int(follow_ups[2]),
        done_within_window=int(follow_ups[3]),
        overdue=int(follow_ups[4]),
        windows_missed=int(follow_ups[5]),
        meetings_logged=int(meetings or 0),
        drafts_reviewed=int(reviews[0]),
        drafts_flagged=int(reviews[1]),
        average_score=None if reviews[2] is None else round(float(reviews[2]), 1),
        top_rule=None if top_rule is None else top_rule[0],
    )


def _shoutouts(
    session: Session, workspace_pk: int, since: datetime, until: datetime
) -> tuple[str, ...]:
    """Opted-in members with the most follow-ups done inside their 10-day window.

    Counted per opted-in member with a correlated subquery, so PostgreSQL answers each from
    the covering follow-ups index instead of scanning every workspace's week.
    """
    on_time = (
        select(func.count())
        .where(
            FollowUp.member_id == Member.id,
            FollowUp.status == "done",
            FollowUp.done_at >= since,
            FollowUp.done_at < until,
            FollowUp.done_on <= FollowUp.window_closes_on,
        )
        .scalar_subquery()
    )
    per_member = (
        select(
            func.coalesce(Member.display_name, Member.user_id).label("name"),
            on_time.label("on_time"),
        )
        .where(Member.workspace_id == workspace_pk, Member.shoutouts_opt_in.is_(True))
        .subquery()
    )
    rows = session.execute(
        select(per_member.c.name)
        .where(per_member.c.on_time > 0)
        .order_by(per_member.c.on_time.desc(), per_member.c.name)
        .limit(MAX_SHOUTOUTS)
    ).all()
    return tuple(row[0] for row in rows)
