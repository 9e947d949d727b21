"""Events (the Rule of Two) and the outcome of each meeting, on an open session.

`SqlStore` wraps each function in one transaction. Event names match as contact names do
(`storage.names`): case, accents and a slip of a letter in a longer name do not matter.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.convert import event_record
from storage.models import Event, EventMeeting, FollowUp, Meeting, Member, Nudge
from storage.names import match_names, name_key
from storage.records import FIRST_TOUCH, SECOND_TOUCH, EventRecord, MeetingOutcome, PlannedNudge

EVENT_NUDGE_KINDS = frozenset({"event-debrief"})


def add_event(
    session: Session,
    member_id: int,
    name: str,
    held_on: date,
    goal_people: int,
    nudges: Sequence[PlannedNudge],
    at: datetime,
) -> EventRecord:
    event = Event(
        member_id=member_id,
        name=name,
        name_key=name_key(name),
        held_on=held_on,
        goal_people=goal_people,
        created_at=at,
    )
    session.add(event)
    session.flush()
    for planned in nudges:
        if planned.kind not in EVENT_NUDGE_KINDS:
            raise ValueError(f"unknown event nudge kind {planned.kind!r}")
        session.add(
            Nudge(
                event_id=event.id,
                member_id=member_id,
                kind=planned.kind,
                send_at=planned.send_at,
                status="pending",
                attempts=0,
            )
        )
    return event_record(event)


def member_events(session: Session, member_id: int) -> list[EventRecord]:
    rows = session.scalars(
        select(Event).where(Event.member_id == member_id).order_by(Event.held_on, Event.id)
    )
    return [event_record(row) for row in rows]


def find_events(session: Session, member_id: int, name: str) -> list[EventRecord]:
    events = member_events(session, member_id)
    return [events[i] for i in match_names(name, [event.name for event in events])]


def own_event(session: Session, member_id: int, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None or event.member_id != member_id:
        raise LookupError(f"event {event_id} of member {member_id}")
    return event


def update_event(
    session: Session,
    member_id: int,
    event_id: int,
    *,
    goal_people: int | None = None,
    held_on: date | None = None,
    nudges: Sequence[PlannedNudge] | None = None,
) -> EventRecord:
    """Change the goal or the day; `nudges` replaces the event's pending nudges."""
    event = own_event(session, member_id, event_id)
    if goal_people is not None:
        event.goal_people = goal_people
    if held_on is not None:
        event.held_on = held_on
    if nudges is not None:
        for old in session.scalars(
            select(Nudge).where(Nudge.event_id == event_id, Nudge.status == "pending")
        ):
            old.status = "cancelled"
        for planned in nudges:
            session.add(
                Nudge(
                    event_id=event_id,
                    member_id=member_id,
                    kind=planned.kind,
                    send_at=planned.send_at,
                    status="pending",
                    attempts=0,
                )
            )
    session.flush()
    return event_record(event)


def link_meeting(session: Session, member_id: int, meeting_id: int, event_id: int) -> None:
    own_event(session, member_id, event_id)
    meeting = session.get(Meeting, meeting_id)
    if meeting is None or meeting.member_id != member_id:
        raise LookupError(f"meeting {meeting_id} of member {member_id}")
    session.add(EventMeeting(meeting_id=meeting_id, event_id=event_id))


def meeting_outcomes(session: Session, member_ids: Sequence[int]) -> list[MeetingOutcome]:
    """Every meeting of these members with its event and its touches, oldest first."""
    if not member_ids:
        return []
    meetings = session.execute(
        select(
            Meeting.id,
            Meeting.member_id,
            Meeting.contact_id,
            Meeting.met_on,
            Meeting.place,
            Event.id,
            Event.name,
        )
        .outerjoin(EventMeeting, EventMeeting.meeting_id == Meeting.id)
        .outerjoin(Event, Event.id == EventMeeting.event_id)
        .where(Meeting.member_id.in_(member_ids))
        .order_by(Meeting.met_on, Meeting.id)
    ).all()
    done = session.execute(
        select(
            FollowUp.meeting_id,
            FollowUp.contact_id,
            FollowUp.touch,
            FollowUp.done_on,
            FollowUp.window_closes_on,
            FollowUp.late,
        ).where(
            FollowUp.member_id.in_(member_ids),
            FollowUp.status == "done",
            FollowUp.done_on.is_not(None),
        )
    ).all()
    first: dict[int, tuple[date, bool]] = {}
    second: dict[int, date] = {}
    latest_by_contact: dict[int, date] = {}
    for meeting_id, contact_id, touch, done_on, closes_on, late in done:
        latest_by_contact[contact_id] = max(latest_by_contact.get(contact_id, done_on), done_on)
        if meeting_id is None:
            continue
        if touch == SECOND_TOUCH:
            second[meeting_id] = min(second.get(meeting_id, done_on), done_on)
        elif touch == FIRST_TOUCH and (meeting_id not in first or done_on < first[meeting_id][0]):
            first[meeting_id] = (done_on, not late and done_on <= closes_on)
    met_by_contact: dict[int, list[date]] = {}
    for row in meetings:
        met_by_contact.setdefault(row[2], []).append(row[3])
    outcomes = []
    for meeting_id, _, contact_id, met_on, place, event_id, event_name in meetings:
        later_meetings = [day for day in met_by_contact[contact_id] if day > met_on]
        touches = [
            *later_meetings,
            *([latest_by_contact[contact_id]] if contact_id in latest_by_contact else []),
        ]
        first_on, in_window = first.get(meeting_id, (None, False))
        outcomes.append(
            MeetingOutcome(
                meeting_id=meeting_id,
                contact_id=contact_id,
                met_on=met_on,
                place=place,
                event_id=event_id,
                event_name=event_name,
                first_touch_on=first_on,
                first_touch_in_window=in_window,
                second_touch_on=second.get(meeting_id),
                last_touch_on=max(touches) if touches else None,
            )
        )
    return outcomes


def team_events(
    session: Session, workspace_pk: int, held_from: date, held_until: date
) -> list[tuple[EventRecord, list[MeetingOutcome]]]:
    """Events held in [held_from, held_until] by members of the workspace who opted in to
    shout-outs (the digest names nothing of anyone else), with their meetings' outcomes."""
    members = list(
        session.scalars(
            select(Member.id).where(
                Member.workspace_id == workspace_pk, Member.shoutouts_opt_in.is_(True)
            )
        )
    )
    if not members:
        return []
    events = [
        event_record(row)
        for row in session.scalars(
            select(Event)
            .where(
                Event.member_id.in_(members),
                Event.held_on >= held_from,
                Event.held_on <= held_until,
            )
            .order_by(Event.held_on, Event.id)
        )
    ]
    outcomes = meeting_outcomes(session, sorted({event.member_id for event in events}))
    return [(event, [o for o in outcomes if o.event_id == event.id]) for event in events]
