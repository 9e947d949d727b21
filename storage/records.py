"""Plain records the repository returns. No SQLAlchemy here: the core imports this module.

All datetimes are timezone-aware UTC. Dates (`met_on`, `due_on`) are calendar days in the
member's own time zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time


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
    """A yes/no question a reply asked a member."""

    on_yes: str  # the command text a "yes" runs
    asked_at: datetime


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
    touch: int = 1  # 1 = first follow-up, 2 = the rule-of-two second touch
    late: bool = False  # kept on purpose after the 10-day window closed
    note: str | None = None
    contact_mention: str | None = None
    created_at: datetime | None = None
    done_at: datetime | None = None


@dataclass(frozen=True)
class PlannedNudge:
    kind: str  # "due" | "last-chance" | "second-touch"
    send_at: datetime


@dataclass(frozen=True)
class DueNudge:
    """A nudge claimed by one worker for sending; exactly one worker ever receives it."""

    nudge_id: int
    kind: str
    send_at: datetime
    member: MemberRecord
    follow_up: FollowUpRecord
    attempts: int = 1  # claims so far, this one included (for retry back-off)
    # An earlier holder may have sent it without recording so: check before sending again.
    in_doubt: bool = False


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
    follow_ups_done: int = 0
    done_within_window: int = 0
    overdue: int = 0
    meetings_logged: int = 0
    drafts_reviewed: int = 0
    drafts_flagged: int = 0
    average_score: float | None = None
    top_rule: str | None = None  # guideline most often broken
    shoutouts: tuple[str, ...] = ()  # display names of opted-in members who did well

    @property
    def share_done_within_window(self) -> float | None:
        return self.done_within_window / self.follow_ups_done if self.follow_ups_done else None

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
