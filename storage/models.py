"""SQLAlchemy 2.x table models. Only `storage` imports this module; the core sees records."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from storage.text import StorableString, StorableText

# Stable constraint names, so migrations can refer to them on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in Python on every database.

    PostgreSQL keeps `timestamptz`; SQLite has no time zones, so the value is stored as naive
    UTC text (which sorts correctly) and comes back with UTC attached.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use UTC-aware datetimes")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


# SQLite hands a deleted row's id to the next row unless the table says AUTOINCREMENT; members
# see and type these ids ("done #7", buttons under old messages), so one must never come back.
NEVER_REUSED_IDS = {"sqlite_autoincrement": True}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Workspace(Base):
    __tablename__ = "workspaces"
    __table_args__ = (UniqueConstraint("platform", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class Member(Base):
    __tablename__ = "members"
    __table_args__ = (UniqueConstraint("workspace_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(128))
    display_name: Mapped[str | None] = mapped_column(StorableString(200))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    work_start: Mapped[time] = mapped_column(Time(), default=time(9, 0))
    work_end: Mapped[time] = mapped_column(Time(), default=time(17, 30))
    shoutouts_opt_in: Mapped[bool] = mapped_column(Boolean, default=False)
    store_drafts_opt_in: Mapped[bool] = mapped_column(Boolean, default=False)
    # How numeric dates read ("month-first" 12/14, "day-first" 14/12); NULL: from the time zone.
    date_order: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())

    workspace: Mapped[Workspace] = relationship(lazy="joined", innerjoin=True)


class Contact(Base):
    __tablename__ = "contacts"
    __table_args__ = (
        Index("ix_contacts_member_name_key", "member_id", "name_key"),
        Index("ix_contacts_member_mention", "member_id", "mention"),
        NEVER_REUSED_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(StorableString(200))
    # `storage.names.name_key(name)`: lookups that ignore case and accents and use an index on
    # every database.
    name_key: Mapped[str] = mapped_column(StorableString(200))
    mention: Mapped[str | None] = mapped_column(StorableString(128))
    # Notes added later (`note Priya: …`), one per line, each starting with its day.
    notes: Mapped[str | None] = mapped_column(StorableText())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class Meeting(Base):
    __tablename__ = "meetings"
    __table_args__ = (
        Index("ix_meetings_member_contact_met_on", "member_id", "contact_id", "met_on"),
        Index("ix_meetings_created_at", "created_at"),
        NEVER_REUSED_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    met_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(StorableString(300))
    note: Mapped[str | None] = mapped_column(StorableText())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class Event(Base):
    """A networking event a member plans to attend (`event PyCon Berlin on 14 Mar`)."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_member_name_key", "member_id", "name_key"),
        NEVER_REUSED_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(StorableString(200))
    # `storage.names.name_key(name)`, as for contacts.
    name_key: Mapped[str] = mapped_column(StorableString(200))
    held_on: Mapped[date] = mapped_column(Date)
    # Rule of Two: how many people worth knowing better the member means to meet.
    goal_people: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class EventMeeting(Base):
    """A meeting that happened at a planned event (`met … at PyCon`), for its Rule of Two.

    A table of its own rather than a column on `meetings`: SQLite could only add that column's
    foreign key by copying `meetings`, which would empty follow_ups.meeting_id on the way."""

    __tablename__ = "event_meetings"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)


# A follow-up's `window_closes_on` is this long after the meeting it follows.
FOLLOW_UP_WINDOW = timedelta(days=10)


class FollowUp(Base):
    __tablename__ = "follow_ups"
    __table_args__ = (
        # Covers every column the activity figures read, so the digest's per-member lookups
        # are index-only scans on PostgreSQL (INCLUDE is ignored on SQLite).
        Index(
            "ix_follow_ups_member_status_due_on",
            "member_id",
            "status",
            "due_on",
            postgresql_include=["created_at", "done_at", "done_on", "window_closes_on"],
        ),
        Index("ix_follow_ups_member_contact", "member_id", "contact_id"),
        Index("ix_follow_ups_created_at", "created_at"),
        Index("ix_follow_ups_done_at", "done_at"),
        NEVER_REUSED_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"))
    met_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    # met_on + 10 days, stored so "done within the window" is a plain column comparison in SQL.
    window_closes_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")
    touch: Mapped[int] = mapped_column(Integer, default=1)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(StorableText())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # The member's local calendar day of done_at.
    done_on: Mapped[date | None] = mapped_column(Date)

    contact: Mapped[Contact] = relationship(lazy="joined", innerjoin=True)


class KeepInTouch(Base):
    """A contact on a keep-in-touch cadence. Its check-ins are follow-ups (touch 3), so their
    nudges go through the same claims and delivery log as every other nudge."""

    __tablename__ = "keep_in_touch"
    __table_args__ = (
        UniqueConstraint("contact_id"),
        Index("ix_keep_in_touch_member_id", "member_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    every: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class Nudge(Base):
    __tablename__ = "nudges"
    __table_args__ = (
        # The sweep's hot query: pending (or stale sending) nudges by send time.
        Index("ix_nudges_status_send_at", "status", "send_at"),
        Index("ix_nudges_follow_up_id", "follow_up_id"),
        Index("ix_nudges_member_id", "member_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # A nudge is about a follow-up, or (the morning after) about an event.
    follow_up_id: Mapped[int | None] = mapped_column(
        ForeignKey("follow_ups.id", ondelete="CASCADE")
    )
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    send_at: Mapped[datetime] = mapped_column(UtcDateTime())
    status: Mapped[str] = mapped_column(String(16), default="pending")
    claimed_by: Mapped[str | None] = mapped_column(String(128))
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # While status is "sending": the holder (`claimed_by`) owns the nudge until then.
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # A send may have happened without being recorded (its holder died or was stopped
    # mid-send): check the platform before sending again.
    in_doubt: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class DraftReview(Base):
    __tablename__ = "draft_reviews"
    __table_args__ = (
        Index("ix_draft_reviews_member_created_at", "member_id", "created_at"),
        Index("ix_draft_reviews_created_at", "created_at"),
        NEVER_REUSED_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    score: Mapped[int] = mapped_column(Integer)
    flagged: Mapped[bool] = mapped_column(Boolean)
    text_hash: Mapped[str] = mapped_column(String(128))
    # Only when the member opted in to storing drafts.
    text: Mapped[str | None] = mapped_column(StorableText())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())

    rules: Mapped[list[ReviewRule]] = relationship(
        order_by="ReviewRule.position",
        lazy="selectin",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class ReviewRule(Base):
    """One broken guideline of a review: a row each, so "most broken" is a GROUP BY."""

    __tablename__ = "review_rules"
    __table_args__ = (Index("ix_review_rules_rule_id", "rule_id"),)

    review_id: Mapped[int] = mapped_column(
        ForeignKey("draft_reviews.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule_id: Mapped[str] = mapped_column(String(64))


class Feedback(Base):
    __tablename__ = "feedback"
    __table_args__ = (UniqueConstraint("review_id", "member_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("draft_reviews.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    verdict: Mapped[str] = mapped_column(String(32))
    # Why a Wrong flag was wrong, in the member's words (at most 200 characters); optional.
    reason: Mapped[str | None] = mapped_column(StorableText(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class DigestSubscription(Base):
    __tablename__ = "digest_subscriptions"
    __table_args__ = (UniqueConstraint("workspace_id", "channel_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    channel_id: Mapped[str] = mapped_column(String(128))
    weekday: Mapped[int] = mapped_column(Integer)
    at_time: Mapped[time] = mapped_column(Time())
    timezone: Mapped[str] = mapped_column(String(64))
    created_by_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())

    workspace: Mapped[Workspace] = relationship(lazy="joined", innerjoin=True)


class DigestRun(Base):
    __tablename__ = "digest_runs"
    __table_args__ = (UniqueConstraint("subscription_id", "iso_week"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subscription_id: Mapped[int] = mapped_column(
        ForeignKey("digest_subscriptions.id", ondelete="CASCADE")
    )
    iso_week: Mapped[str] = mapped_column(String(10))  # "2026-W13"
    status: Mapped[str] = mapped_column(String(16), default="sending")  # sending | sent
    claimed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    claimed_by: Mapped[str | None] = mapped_column(String(128))
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime())


class ConversationReference(Base):
    __tablename__ = "conversation_references"
    __table_args__ = (
        UniqueConstraint("platform", "workspace_external_id", "conversation_id"),
        Index("ix_conversation_references_user", "platform", "workspace_external_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    workspace_external_id: Mapped[str] = mapped_column(String(128))
    conversation_id: Mapped[str] = mapped_column(String(300))
    user_id: Mapped[str | None] = mapped_column(String(128))
    reference: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ProcessedEvent(Base):
    """Webhook de-duplication: one row per (platform, event id)."""

    __tablename__ = "processed_events"
    __table_args__ = (Index("ix_processed_events_received_at", "received_at"),)

    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime())


class Heartbeat(Base):
    __tablename__ = "heartbeats"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    detail: Mapped[str] = mapped_column(Text, default="")


class InboxItem(Base):
    """A request acked to a platform whose work is not finished yet (see `storage.inbox`).

    Written before the ack, in the same statement that claims its key (an event id, or a hash of
    a signed request: a replay finds the key taken). `body` and `outcome` are emptied once the
    work is done; the row itself stays a while so replays of the key are still recognised.
    """

    __tablename__ = "inbox"
    __table_args__ = (
        UniqueConstraint("platform", "key"),
        Index("ix_inbox_status_id", "status", "id"),
        Index("ix_inbox_claimed_by", "claimed_by"),
        Index("ix_inbox_received_at", "received_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))
    # pending (work not done) | answering (work committed, reply not yet delivered) | done
    status: Mapped[str] = mapped_column(String(16), default="pending")
    body: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    outcome: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    claimed_by: Mapped[str | None] = mapped_column(String(128))
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class TouchKind(Base):
    """What a touch (a follow-up) was: give, ask or thank (issue 13).

    On an open follow-up it is the kind suggested from the member's reviewed draft; once the
    follow-up is done it is the touch's kind in the contact's ledger. `source` says whether the
    member chose it ("chosen") or took the suggestion ("suggested").
    """

    __tablename__ = "touch_kinds"
    __table_args__ = (Index("ix_touch_kinds_member_id", "member_id"),)

    follow_up_id: Mapped[int] = mapped_column(
        ForeignKey("follow_ups.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(8))
    source: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class PendingQuestion(Base):
    """The yes/no question the last reply to a member asked: the command text a "yes" runs;
    and the contact that reply was about, whom "her", "him" or "that" in the next message mean.

    Keyed by the platform's ids, not the member row, so any server process can answer it and a
    stranger's first message needs no member. One per member: a new question replaces the old;
    the member's next message takes it (see `storage.questions`)."""

    __tablename__ = "pending_questions"
    __table_args__ = (Index("ix_pending_questions_asked_at", "asked_at"),)

    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    workspace_external_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    on_yes: Mapped[str | None] = mapped_column(StorableText(), nullable=True)
    about_contact_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # A "Which one?" reply's choices as JSON, [[label, command], ...]: a typed answer ("Kemi
    # Ade", "the MTN one", "2") picks one of them.
    choices: Mapped[str | None] = mapped_column(StorableText(), nullable=True)
    asked_at: Mapped[datetime] = mapped_column(UtcDateTime())


class PreviousName(Base):
    """A name a contact had before a `rename`: "done <old name>" still finds them."""

    __tablename__ = "previous_names"
    __table_args__ = (Index("ix_previous_names_member_name_key", "member_id", "name_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(StorableString(200))
    name_key: Mapped[str] = mapped_column(StorableString(200))
    renamed_at: Mapped[datetime] = mapped_column(UtcDateTime())


class UndoStep(Base):
    """What puts the member's last undoable change back (a rename, a deleted meeting), as JSON;
    one per member, taken by `undo`."""

    __tablename__ = "undo_steps"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    data: Mapped[str] = mapped_column(StorableText())
    at: Mapped[datetime] = mapped_column(UtcDateTime())
