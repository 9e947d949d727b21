"""What the core needs from the outside world, as Protocols.

`storage.SqlStore` implements `Store`; channels implement `Notifier`; tests pass fakes.
The core never learns which database, chat platform or clock it is talking to.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from storage.records import (
    ActivityFigures,
    CadenceRecord,
    ContactCard,
    ContactRecord,
    ConversationReferenceRecord,
    DeletedMeeting,
    DigestSubscriptionRecord,
    DueNudge,
    EventRecord,
    FeedbackWeek,
    FollowUpRecord,
    LedgerEntry,
    MeetingOutcome,
    MeetingRecord,
    MemberRecord,
    PlannedNudge,
    QuestionRecord,
    ReviewRecord,
    TouchCounts,
    UndoStepRecord,
)

if TYPE_CHECKING:
    from bot.core.messages import Reply
    from coach_rules.gate import MessageKind
    from coach_rules.review import Review


class Clock(Protocol):
    def now(self) -> datetime:
        """Timezone-aware UTC now."""
        ...


class Reviewer(Protocol):
    """`coach_rules.review.review`: `kind` is given only when the member named one."""

    def __call__(self, text: str, kind: str | None = None) -> Review: ...


class MessageSorter(Protocol):
    """Draft or chat (`coach_rules.gate`): "draft", "chat" or "unclear"."""

    def __call__(self, text: str) -> MessageKind: ...


class Notifier(Protocol):
    """Delivers replies outside a request: nudges (to a member) and digests (to a channel).

    Raises on failure so the caller can release the claim and retry later.
    """

    async def send_to_member(self, member: MemberRecord, reply: Reply) -> None: ...

    async def send_to_channel(
        self, subscription: DigestSubscriptionRecord, reply: Reply
    ) -> None: ...


class Store(Protocol):
    """Everything the core and the jobs persist. Synchronous; callers in async code use a thread.

    Every method that takes `member_id` only ever touches that member's own rows.
    """

    # --- members -------------------------------------------------------------------------
    def get_or_create_member(
        self, platform: str, workspace_id: str, user_id: str, display_name: str | None = None
    ) -> MemberRecord: ...

    def get_member(self, member_id: int) -> MemberRecord | None: ...

    def update_member(
        self,
        member_id: int,
        *,
        timezone: str | None = None,
        work_start: time | None = None,
        work_end: time | None = None,
        shoutouts_opt_in: bool | None = None,
        store_drafts_opt_in: bool | None = None,
        date_order: str | None = None,
    ) -> MemberRecord: ...

    # --- contacts and meetings -------------------------------------------------------------
    def find_contacts(self, member_id: int, name_or_mention: str) -> list[ContactRecord]:
        """This member's contacts named so (ignoring case and accents) or with that mention id;
        failing that, those whose names begin with these words ("Jane" finds "Jane Doe")."""
        ...

    def add_contact(
        self, member_id: int, name: str, mention: str | None = None
    ) -> ContactRecord: ...

    def contacts(self, member_id: int) -> list[ContactRecord]: ...

    def rename_contact(self, member_id: int, contact_id: int, name: str) -> ContactRecord: ...

    def previous_names(self, member_id: int, contact_id: int) -> list[str]:
        """The names the contact had before a rename, oldest first."""
        ...

    def remember_undo(
        self, member_id: int, contact_id: int, kind: str, data: dict[str, Any], at: datetime
    ) -> None:
        """Keep what puts this change back (one per member: it replaces the last)."""
        ...

    def member_previous_names(self, member_id: int) -> list[str]: ...

    def take_undo(self, member_id: int) -> UndoStepRecord | None: ...

    def delete_meeting(self, member_id: int, meeting_id: int) -> DeletedMeeting:
        """Delete the meeting and the open follow-ups it created, with their nudges."""
        ...

    def add_contact_note(self, member_id: int, contact_id: int, line: str) -> ContactRecord: ...

    def remove_last_contact_note(self, member_id: int, contact_id: int) -> str | None:
        """Remove the contact's newest note line and return it (None when there is none)."""
        ...

    def merge_contacts(self, member_id: int, keep_id: int, other_id: int) -> ContactRecord:
        """Move `other`'s meetings, follow-ups, notes and cadence (unless `keep` has one) to
        `keep`, then delete `other`."""
        ...

    def delete_contact(self, member_id: int, contact_id: int) -> None:
        """Delete the contact with its meetings, follow-ups, their nudges and its cadence."""
        ...

    def contact_card(self, member_id: int, contact_id: int) -> ContactCard: ...

    def add_meeting(
        self,
        member_id: int,
        contact_id: int,
        met_on: date,
        place: str | None = None,
        note: str | None = None,
        event_id: int | None = None,
    ) -> MeetingRecord: ...

    def latest_meeting(self, member_id: int, contact_id: int) -> MeetingRecord | None: ...

    # --- events (the Rule of Two) ----------------------------------------------------------
    def add_event(
        self,
        member_id: int,
        name: str,
        held_on: date,
        goal_people: int,
        nudges: Sequence[PlannedNudge] = (),
    ) -> EventRecord:
        """Plan an event with its "did you meet anyone?" nudge."""
        ...

    def events(self, member_id: int) -> list[EventRecord]:
        """The member's events, earliest first."""
        ...

    def find_events(self, member_id: int, name: str) -> list[EventRecord]:
        """Events named so, matched as contact names are (case, accents, a typo)."""
        ...

    def update_event(
        self,
        member_id: int,
        event_id: int,
        *,
        goal_people: int | None = None,
        held_on: date | None = None,
        nudges: Sequence[PlannedNudge] | None = None,
    ) -> EventRecord:
        """Change the goal or the day; `nudges` replaces the pending ones."""
        ...

    def meeting_outcomes(self, member_id: int) -> list[MeetingOutcome]:
        """Every meeting of the member with its event and touches, oldest first."""
        ...

    def team_events(
        self, platform: str, workspace_id: str, held_from: date, held_until: date
    ) -> list[tuple[EventRecord, list[MeetingOutcome]]]:
        """Events held in those days by members who opted in to shout-outs."""

    # --- keep in touch ----------------------------------------------------------------------------
    def set_cadence(self, member_id: int, contact_id: int, every: str) -> CadenceRecord:
        """Put the contact on a cadence (see `bot.core.rules.CADENCE_MONTHS`), or change it."""
        ...

    def end_cadence(self, member_id: int, contact_id: int) -> bool:
        """Take the contact off its cadence; False if it had none."""
        ...

    def cadences(self, member_id: int, contact_id: int | None = None) -> list[CadenceRecord]:
        """The member's cadences (with `contact_id`: that contact's, at most one)."""
        ...

    # --- follow-ups and their nudges ---------------------------------------------------------
    def create_follow_up(
        self,
        member_id: int,
        contact_id: int,
        meeting_id: int | None,
        met_on: date,
        due_on: date,
        *,
        touch: int = 1,
        note: str | None = None,
        nudges: Sequence[PlannedNudge] = (),
    ) -> FollowUpRecord: ...

    def get_follow_up(self, member_id: int, follow_up_id: int) -> FollowUpRecord | None: ...

    def open_follow_ups(self, member_id: int) -> list[FollowUpRecord]:
        """Open follow-ups, earliest due first."""
        ...

    def open_follow_ups_for_contact(
        self, member_id: int, contact_id: int
    ) -> list[FollowUpRecord]: ...

    def closed_follow_ups(self, member_id: int, limit: int) -> list[FollowUpRecord]:
        """Done and cancelled follow-ups, latest first, at most `limit`."""
        ...

    def reschedule_follow_up(
        self,
        member_id: int,
        follow_up_id: int,
        due_on: date,
        *,
        late: bool = False,
        note: str | None = None,
        nudges: Sequence[PlannedNudge] = (),
    ) -> FollowUpRecord:
        """Move the due date and replace every pending nudge with `nudges`."""
        ...

    def close_follow_up(
        self, member_id: int, follow_up_id: int, status: str, at: datetime
    ) -> FollowUpRecord:
        """Mark "done" or "cancelled" and cancel its pending nudges."""
        ...

    def move_meeting(
        self,
        member_id: int,
        meeting_id: int,
        met_on: date,
        *,
        follow_up_id: int | None = None,
        due_on: date | None = None,
        late: bool = False,
        nudges: Sequence[PlannedNudge] = (),
    ) -> MeetingRecord:
        """Move a meeting to the day it happened; with `follow_up_id`, that open follow-up of
        it gets `due_on`, `late` and these nudges instead of its pending ones."""
        ...

    def reopen_follow_up(
        self,
        member_id: int,
        follow_up_id: int,
        *,
        remove: Sequence[int] = (),
        nudges: Sequence[PlannedNudge] = (),
    ) -> FollowUpRecord:
        """Open a done follow-up again as it was, forget its touch kind, cancel the open
        follow-ups in `remove` (the second touch its done scheduled) and plan `nudges`."""
        ...

    def claim_due_nudges(
        self,
        now: datetime,
        limit: int,
        worker: str,
        *,
        platforms: Sequence[str] | None = None,
        member_id: int | None = None,
        lease: timedelta = ...,
    ) -> list[DueNudge]:
        """Atomically claim pending nudges with send_at <= now whose follow-up is still open,
        of members on `platforms` (None: any) and, with `member_id`, of that member only.

        Each nudge is returned to exactly one caller, even across processes, and held until
        `now + lease`. Claims whose lease ran out (the holder died) become claimable again,
        marked in doubt.
        """
        ...

    def mark_nudge_sent(self, nudge_id: int, at: datetime) -> None: ...

    def release_nudge(self, nudge_id: int, retry_at: datetime) -> None:
        """Sending failed: make it pending again at `retry_at`."""
        ...

    # --- draft reviews and feedback ------------------------------------------------------------
    def record_review(
        self,
        member_id: int,
        score: int,
        flagged: bool,
        rule_ids: Sequence[str],
        text_hash: str,
        at: datetime,
        text: str | None = None,
    ) -> ReviewRecord: ...

    def record_feedback(
        self, member_id: int, review_id: int, verdict: str, at: datetime, reason: str | None = None
    ) -> bool:
        """Store "helpful" / "wrong-flag" for the member's own review; False if no such review."""
        ...

    def latest_review(self, member_id: int) -> ReviewRecord | None:
        """The member's most recent draft review, if any."""
        ...

    # --- give, ask, thank ----------------------------------------------------------------------
    def set_touch_kind(
        self, member_id: int, follow_up_id: int, kind: str, source: str, at: datetime
    ) -> None:
        """Record what a touch was: "give", "ask" or "thank", "chosen" by the member or
        "suggested" from a reviewed draft (a suggestion never replaces a choice)."""
        ...

    def touch_kind(self, member_id: int, follow_up_id: int) -> tuple[str, str] | None:
        """(kind, source) recorded for one follow-up, if any."""
        ...

    def touch_ledger(self, member_id: int, contact_id: int) -> tuple[LedgerEntry, ...]:
        """The contact's done touches, oldest first, with their kinds."""
        ...

    def touch_tallies(self, pairs: Sequence[tuple[int, int]]) -> dict[tuple[int, int], TouchCounts]:
        """Done touches by kind for each (member id, contact id) pair, in one query."""
        ...

    def member_touch_counts(
        self, member_id: int, since: datetime, until: datetime
    ) -> TouchCounts: ...

    def workspace_touch_counts(
        self, platform: str, workspace_id: str, since: datetime, until: datetime
    ) -> TouchCounts: ...

    def wrong_flag_weeks(
        self, platform: str, workspace_id: str, since: datetime, until: datetime
    ) -> list[FeedbackWeek]:
        """Per ISO week: flagged reviews, those marked Wrong flag, and Helpful ones."""
        ...

    # --- figures -------------------------------------------------------------------------------
    def member_figures(
        self, member_id: int, since: datetime, until: datetime
    ) -> ActivityFigures: ...

    def workspace_figures(
        self, platform: str, workspace_id: str, since: datetime, until: datetime
    ) -> ActivityFigures: ...

    def workspace_weekly_follow_ups(
        self, platform: str, workspace_id: str, until: datetime, weeks: int, week: timedelta
    ) -> list[int]:
        """Follow-ups done within their window, per `week` ending at `until`, oldest first."""
        ...

    # --- weekly digest ---------------------------------------------------------------------------
    def subscribe_digest(
        self,
        platform: str,
        workspace_id: str,
        channel_id: str,
        weekday: int,
        at: time,
        timezone: str,
        member_id: int | None,
    ) -> DigestSubscriptionRecord: ...

    def unsubscribe_digest(self, platform: str, workspace_id: str, channel_id: str) -> bool: ...

    def digest_subscriptions(
        self, platforms: Sequence[str] | None = None
    ) -> list[DigestSubscriptionRecord]:
        """Every subscription, or those of workspaces on `platforms`."""
        ...

    def claim_digest_run(
        self,
        subscription_id: int,
        iso_week: str,
        at: datetime,
        *,
        worker: str | None = None,
        lease: timedelta = ...,
    ) -> bool:
        """Insert the (subscription, ISO week) row held by `worker` until `at + lease`; False if
        another process holds it or sent it already."""
        ...

    # --- conversation references (proactive messages on Teams) ------------------------------------
    def save_conversation_reference(self, record: ConversationReferenceRecord) -> None: ...

    def conversation_reference(
        self, platform: str, workspace_id: str, conversation_id: str
    ) -> ConversationReferenceRecord | None: ...

    def member_conversation_reference(
        self, platform: str, workspace_id: str, user_id: str
    ) -> ConversationReferenceRecord | None: ...

    def delete_conversation_reference(
        self, platform: str, workspace_id: str, conversation_id: str
    ) -> bool: ...

    def delete_workspace_references(self, platform: str, workspace_id: str) -> int: ...

    # --- privacy ---------------------------------------------------------------------------------
    def export_member(self, member_id: int) -> dict[str, object]:
        """Every row about the member as JSON-ready data."""
        ...

    def forget_member(self, member_id: int) -> dict[str, int]:
        """Delete every row about the member; returns rows deleted per table."""
        ...

    # --- the yes/no question a reply asked ----------------------------------------------------
    def ask_question(
        self,
        platform: str,
        workspace_id: str,
        user_id: str,
        on_yes: str | None,
        at: datetime,
        about_contact_id: int | None = None,
        choices: Sequence[tuple[str, str]] = (),
    ) -> None:
        """Remember what a "yes" from this user runs (None: nothing), whom the reply was about
        and a "Which one?" reply's (label, command) choices, replacing any earlier question."""
        ...

    def take_question(
        self, platform: str, workspace_id: str, user_id: str
    ) -> QuestionRecord | None:
        """The user's question, removed: only one message (on any process) ever gets it."""
        ...

    def prune_questions(self, before: datetime) -> int:
        """Forget questions asked before `before`; returns how many."""
        ...

    # --- health ----------------------------------------------------------------------------------
    def record_heartbeat(self, name: str, at: datetime, detail: str = "") -> None: ...

    def heartbeat(self, name: str) -> tuple[datetime, str] | None: ...
