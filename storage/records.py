"""Plain records the repository returns. No SQLAlchemy here: the core imports this module.

All datetimes are timezone-aware UTC. Dates (`met_on`, `due_on`) are calendar days in the
member's own time zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

# What `FollowUpRecord.touch` holds: the first follow-up after meeting, the rule-of-two second
# touch, and each keep-in-touch check-in after that.
FIRST_TOUCH = 1
SECOND_TOUCH = 2
CHECK_IN_TOUCH = 3


@dataclass(frozen=True)
class MemberRecord:
    id: int
    platform: str  # "slack" | "teams" | "console"
    workspace_id: str
    user_id: str
    display_name: str | None = None
    timezone: str = "UTC"  # IANA zone name
    work_start: time = time(9, 0)
    work_end: time = time(17, 30)
    shoutouts_opt_in: bool = False
    store_drafts_opt_in: bool = False
    date_order: str | None = None  # "month-first" | "day-first"; None: from the time zone


@dataclass(frozen=True)
class QuestionRecord:
    """What the last reply to a member left for their next message: a yes/no question, and the
    contact it was about (whom "snooze her" means)."""

    on_yes: str | None  # the command text a "yes" runs; None: the reply asked nothing
    asked_at: datetime
    about_contact_id: int | None = None
    # A "Which one?" reply's buttons, (label, command) each: a typed answer may pick one.
    choices: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ContactRecord:
    id: int
    member_id: int
    name: str  # as the member wrote it, or the platform display name
    mention: str | None = None  # platform user id when the contact was a mention ("U123")
    notes: str | None = None  # added later, one per line


@dataclass(frozen=True)
class ContactCard:
    """Everything about one contact: meetings (latest first) and follow-ups (latest first)."""

    contact: ContactRecord
    meetings: tuple[MeetingRecord, ...]
    follow_ups: tuple[FollowUpRecord, ...]


@dataclass(frozen=True)
class CadenceRecord:
    """A contact the member keeps in touch with after the rule of two."""

    member_id: int
    contact_id: int
    every: str  # a key of `bot.core.rules.CADENCE_MONTHS`: "monthly" | "quarterly" | "yearly"


@dataclass(frozen=True)
class MeetingRecord:
    id: int
    member_id: int
    contact_id: int
    met_on: date
    place: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class FollowUpRecord:
    id: int
    member_id: int
    contact_id: int
    contact_name: str
    meeting_id: int | None
    met_on: date
    due_on: date
    status: str = "open"  # "open" | "done" | "cancelled"
    touch: int = FIRST_TOUCH  # FIRST_TOUCH, SECOND_TOUCH or CHECK_IN_TOUCH
    late: bool = False  # kept on purpose after the 10-day window closed
    note: str | None = None
    contact_mention: str | None = None
    created_at: datetime | None = None
    done_at: datetime | None = None


@dataclass(frozen=True)
class UndoStepRecord:
    """What puts the member's last undoable change back: `kind` "rename" ({"name": old name})
    or "delete-meeting" (the meeting and the open follow-ups it had, as `DeletedMeeting.data`)."""

    contact_id: int
    kind: str
    data: dict[str, Any]
    at: datetime


@dataclass(frozen=True)
class DeletedMeeting:
    """A meeting `delete-meeting` removed, with the event it was at and its open follow-ups."""

    meeting: MeetingRecord
    event_id: int | None
    follow_ups: tuple[FollowUpRecord, ...]


@dataclass(frozen=True)
class PlannedNudge:
    kind: str  # "due" | "overdue" | "last-chance" | "second-touch" | "check-in" | "event-debrief"
    send_at: datetime


@dataclass(frozen=True)
class EventRecord:
    """A networking event the member planned (`event PyCon Berlin on 14 Mar`)."""

    id: int
    member_id: int
    name: str
    held_on: date
    goal_people: int  # Rule of Two: people worth knowing better


@dataclass(frozen=True)
class MeetingOutcome:
    """One meeting and what came of it: the figures behind the Rule of Two and the return on
    networking time. Touch days are the member's local days."""

    meeting_id: int
    contact_id: int
    met_on: date
    place: str | None
    event_id: int | None
    event_name: str | None
    first_touch_on: date | None = None  # the first follow-up, done
    first_touch_in_window: bool = False  # done within the 10-day window
    second_touch_on: date | None = None  # the Rule of Two's second touch, done
    # The contact's latest touch of any kind: a follow-up done or another meeting.
    last_touch_on: date | None = None


@dataclass(frozen=True)
class DueNudge:
    """A nudge claimed by one worker for sending; exactly one worker ever receives it."""

    nudge_id: int
    kind: str
    send_at: datetime
    member: MemberRecord
    # What the nudge is about: a follow-up, or (kind "event-debrief") an event.
    follow_up: FollowUpRecord | None
    attempts: int = 1  # claims so far, this one included (for retry back-off)
    # An earlier holder may have sent it without recording so: check before sending again.
    in_doubt: bool = False
    event: EventRecord | None = None


@dataclass(frozen=True)
class ReviewRecord:
    id: int
    member_id: int
    score: int
    flagged: bool
    rule_ids: tuple[str, ...]
    text_hash: str
    created_at: datetime
    text: str | None = None  # only when the member opted in to storing drafts


@dataclass(frozen=True)
class DigestSubscriptionRecord:
    id: int
    platform: str
    workspace_id: str
    channel_id: str
    weekday: int  # 0 = Monday
    at: time  # local time in `timezone`
    timezone: str = "UTC"
    created_by_member_id: int | None = None
    # A digest is never sent for a week whose send time came before the subscription.
    created_at: datetime | None = None


@dataclass(frozen=True)
class ActivityFigures:
    """Aggregates over a period, for one member (`stats`) or a workspace (digest)."""

    follow_ups_logged: int = 0
    follow_ups_done: int = 0  # first and second touches (the rule of two)
    # First touches done, and of those the ones done inside their 10-day window. A second touch
    # comes two weeks after the first by design, so it is no late follow-up.
    first_touches_done: int = 0
    done_within_window: int = 0
    # First follow-ups still open whose 10-day window closed in the period: misses too.
    windows_missed: int = 0
    overdue: int = 0
    meetings_logged: int = 0
    drafts_reviewed: int = 0
    drafts_flagged: int = 0
    average_score: float | None = None
    top_rule: str | None = None  # guideline most often broken
    shoutouts: tuple[str, ...] = ()  # display names of opted-in members who did well

    @property
    def share_done_within_window(self) -> float | None:
        decided = self.first_touches_done + self.windows_missed
        return self.done_within_window / decided if decided else None

    @property
    def share_flagged(self) -> float | None:
        return self.drafts_flagged / self.drafts_reviewed if self.drafts_reviewed else None


@dataclass(frozen=True)
class ConversationReferenceRecord:
    platform: str
    workspace_id: str
    conversation_id: str
    user_id: str | None
    reference: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class LedgerEntry:
    """One done touch with a contact: give, ask, thank, or None when nobody said."""

    follow_up_id: int
    done_on: date | None
    touch: int
    kind: str | None


@dataclass(frozen=True)
class TouchCounts:
    """Touches done in a period, by kind (touches of no recorded kind are not counted)."""

    give: int = 0
    ask: int = 0
    thank: int = 0

    @property
    def total(self) -> int:
        return self.give + self.ask + self.thank


@dataclass(frozen=True)
class LabelledReview:
    """A review the member marked Helpful or Wrong flag, with the text they let us keep."""

    review_id: int
    text: str
    flagged: bool
    verdict: str  # "helpful" | "wrong-flag"
    rule_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class FeedbackWeek:
    """One ISO week of a workspace's reviews: flagged, marked Wrong flag, marked Helpful."""

    week: str  # "2026-W10"
    flagged: int
    wrong_flags: int
    helpful: int

    @property
    def wrong_flag_rate(self) -> float | None:
        return self.wrong_flags / self.flagged if self.flagged else None
