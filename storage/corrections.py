"""Putting a change right: a meeting moved to the day it really happened, a follow-up marked
done by mistake opened again.

Both change rows the member already has; neither deletes anything the member told us (a
meeting, a note): moving a meeting keeps its place and note, and reopening a follow-up keeps
its due day and note and cancels only the unsent second touch that marking it done scheduled.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from storage import claims
from storage.models import FOLLOW_UP_WINDOW, FollowUp, Meeting, Nudge, TouchKind

# Nudge states that mean a message already went (or may have gone) to the member.
_SENT = ("sent", "sending")


def move_meeting(session: Session, member_id: int, meeting_id: int, met_on: date) -> Meeting:
    """Move the meeting, and the day every follow-up of that meeting counts its window from."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None or meeting.member_id != member_id:
        raise LookupError(f"meeting {meeting_id} of member {member_id}")
    meeting.met_on = met_on
    session.execute(
        update(FollowUp)
        .where(FollowUp.member_id == member_id, FollowUp.meeting_id == meeting_id)
        .values(met_on=met_on, window_closes_on=met_on + FOLLOW_UP_WINDOW)
        .execution_options(synchronize_session=False)
    )
    session.flush()
    return meeting


def reopen(session: Session, member_id: int, follow_up_id: int, remove: Sequence[int]) -> FollowUp:
    """Open a done follow-up again as it was (due day, note), forget the touch kind it
    recorded, and cancel the open follow-ups in `remove` (the second touch its done scheduled;
    only the same contact's, and only while none of their nudges went out)."""
    follow_up = session.get(FollowUp, follow_up_id)
    if follow_up is None or follow_up.member_id != member_id:
        raise LookupError(f"follow-up {follow_up_id} of member {member_id}")
    if follow_up.status != "done":
        raise ValueError(f"follow-up {follow_up_id} is {follow_up.status}, not done")
    for other_id in remove:
        other = session.get(FollowUp, other_id)
        if (
            other is None
            or other.member_id != member_id
            or other.contact_id != follow_up.contact_id
            or other.status != "open"
        ):
            raise ValueError(f"follow-up {other_id} is not an open one of the same contact")
        went = session.scalars(
            select(Nudge.id).where(Nudge.follow_up_id == other_id, Nudge.status.in_(_SENT))
        ).first()
        if went is not None:
            raise ValueError(f"follow-up {other_id} already nudged the member")
        # Cancelled, not deleted: its id is never given to another follow-up, so a stale
        # "Cancel second touch" button can only find it cancelled.
        other.status = "cancelled"
        claims.cancel_pending_nudges(session, other_id)
    session.execute(delete(TouchKind).where(TouchKind.follow_up_id == follow_up_id))
    follow_up.status = "open"
    follow_up.done_at = None
    follow_up.done_on = None
    session.flush()
    return follow_up
