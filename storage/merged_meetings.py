"""After a merge, one meeting per real meeting: the two contacts were often both logged for
the same one ("the Seed Capital office" and "Seed Capital office" on the same day).

Meetings of the kept contact on one day are one meeting when their places are the same
(`place_key`: case and a leading "the" ignored) or one of them has no place. The one with the
most follow-up history stays; the others' event link, place and note fill its gaps, their
done follow-ups move to it, and their follow-ups that only repeat a touch it already has are
deleted with their nudges, so stats and events count the meeting and its touches once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from storage.models import EventMeeting, FollowUp, Meeting, Nudge, TouchKind
from storage.names import place_key


def collapse_same_meetings(session: Session, member_id: int, contact_id: int) -> int:
    """Collapse the contact's repeated meetings; how many meetings were removed."""
    meetings = session.scalars(
        select(Meeting)
        .where(Meeting.member_id == member_id, Meeting.contact_id == contact_id)
        .order_by(Meeting.met_on, Meeting.id)
    ).all()
    by_day: dict[date, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        by_day[meeting.met_on].append(meeting)
    removed = 0
    for same_day in by_day.values():
        for group in _same_place_groups(same_day):
            if len(group) > 1:
                _collapse(session, group)
                removed += len(group) - 1
    return removed


def _same_place_groups(meetings: Sequence[Meeting]) -> list[list[Meeting]]:
    """Meetings of one day grouped by place; a meeting without a place joins the first group."""
    groups: dict[str, list[Meeting]] = {}
    unplaced: list[Meeting] = []
    for meeting in meetings:
        if meeting.place and place_key(meeting.place):
            groups.setdefault(place_key(meeting.place), []).append(meeting)
        else:
            unplaced.append(meeting)
    placed = list(groups.values())
    if not placed:
        return [unplaced]
    placed[0].extend(unplaced)
    return placed


def _collapse(session: Session, group: list[Meeting]) -> None:
    ids = [meeting.id for meeting in group]
    follow_ups = session.scalars(
        select(FollowUp).where(FollowUp.meeting_id.in_(ids)).order_by(FollowUp.id)
    ).all()
    kept = max(group, key=lambda m: (_history(m.id, follow_ups), -m.id))
    others = [meeting for meeting in group if meeting is not kept]
    _fill_gaps(session, kept, others)
    repeated = _repeated_follow_ups(follow_ups, kept.id)
    session.execute(delete(Nudge).where(Nudge.follow_up_id.in_(repeated)))
    session.execute(delete(TouchKind).where(TouchKind.follow_up_id.in_(repeated)))
    session.execute(delete(FollowUp).where(FollowUp.id.in_(repeated)))
    other_ids = [meeting.id for meeting in others]
    session.execute(
        update(FollowUp).where(FollowUp.meeting_id.in_(other_ids)).values(meeting_id=kept.id)
    )
    session.execute(delete(EventMeeting).where(EventMeeting.meeting_id.in_(other_ids)))
    session.execute(delete(Meeting).where(Meeting.id.in_(other_ids)))
    session.flush()


def _history(meeting_id: int, follow_ups: Sequence[FollowUp]) -> tuple[int, int]:
    """Touches done, then follow-ups of any kind: the meeting whose record says most."""
    own = [f for f in follow_ups if f.meeting_id == meeting_id]
    return (sum(f.status == "done" for f in own), len(own))


def _fill_gaps(session: Session, kept: Meeting, others: Sequence[Meeting]) -> None:
    links = dict(
        session.execute(
            select(EventMeeting.meeting_id, EventMeeting.event_id).where(
                EventMeeting.meeting_id.in_([kept.id, *(m.id for m in others)])
            )
        ).all()
    )
    for other in others:
        if kept.id not in links and other.id in links:
            session.execute(
                update(EventMeeting)
                .where(EventMeeting.meeting_id == other.id)
                .values(meeting_id=kept.id)
            )
            links[kept.id] = links.pop(other.id)
        kept.place = kept.place or other.place
        if other.note and other.note not in (kept.note or ""):
            kept.note = f"{kept.note}; {other.note}" if kept.note else other.note


def _repeated_follow_ups(follow_ups: Sequence[FollowUp], kept_id: int) -> list[int]:
    """Per touch: every done one stays (each is a touch made); without one, the open one due
    first stays; the other open ones only repeat it, and so do the others' cancelled ones."""
    by_touch: dict[int, list[FollowUp]] = defaultdict(list)
    for follow_up in follow_ups:
        by_touch[follow_up.touch].append(follow_up)
    repeated: list[int] = []
    for same_touch in by_touch.values():
        open_ones = sorted((f for f in same_touch if f.status == "open"), key=lambda f: f.due_on)
        if not any(f.status == "done" for f in same_touch):
            open_ones = open_ones[1:]
        repeated += [f.id for f in open_ones]
        repeated += [
            f.id for f in same_touch if f.status == "cancelled" and f.meeting_id != kept_id
        ]
    return repeated
