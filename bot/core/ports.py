"""What the core needs from the outside world, as Protocols.

`storage.SqlStore` implements `Store`; channels implement `Notifier`; tests pass fakes.
The core never learns which database, chat platform or clock it is talking to.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Protocol

from storage.records import (
    ActivityFigures,
    ContactCard,
    ContactRecord,
    ConversationReferenceRecord,
    DigestSubscriptionRecord,
    DueNudge,
    FollowUpRecord,
    MeetingRecord,
    MemberRecord,
    PlannedNudge,
    QuestionRecord,
    ReviewRecord,
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
    def __call__(self, text: str) -> Review: ...


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

    def add_contact_note(self, member_id: int, contact_id: int, line: str) -> ContactRecord: ...

    def merge_contacts(self, member_id: int, keep_id: int, other_id: int) -> ContactRecord:
        """Move `other`'s meetings, follow-ups and notes to `keep`, then delete `other`."""
        ...

    def delete_contact(self, member_id: int, contact_id: int) -> None:
        """Delete the contact with its meetings, follow-ups and their nudges."""
        ...

    def contact_card(self, member_id: int, contact_id: int) -> ContactCard: ...

    def add_meeting(
        self,
        member_id: int,
        contact_id: int,
        met_on: date,
        place: str | None = None,
        note: str | None = None,
    ) -> MeetingRecord: ...

    def latest_meeting(self, member_id: int, contact_id: int) -> MeetingRecord | None: ...

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

    def record_feedback(self, member_id: int, review_id: int, verdict: str, at: datetime) -> bool:
        """Store "helpful" / "wrong-flag" for the member's own review; False if no such review."""
        ...

    # --- figures -------------------------------------------------------------------------------
    def member_figures(
        self, member_id: int, since: datetime, until: datetime
    ) -> ActivityFigures: ...

    def workspace_figures(
        self, platform: str, workspace_id: str, since: datetime, until: datetime
    ) -> ActivityFigures: ...

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
        self, platform: str, workspace_id: str, user_id: str, on_yes: str, at: datetime
    ) -> None:
        """Remember what a "yes" from this user runs, replacing any earlier question."""
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
