"""`SqlStore`: the `bot.core.ports.Store` implementation on SQLite and PostgreSQL.

Every public method is one short transaction. Methods taking `member_id` only touch that
member's rows; asking for someone else's contact, meeting, follow-up or review raises
`RowNotFound` (or returns None / False where the protocol says so).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.exc import DataError
from sqlalchemy.orm import Session, sessionmaker

from storage import (
    claims,
    corrections,
    events,
    feedback,
    figures,
    imports,
    merged_meetings,
    privacy,
    questions,
    touches,
    undo_steps,
)
from storage.convert import (
    cadence_record,
    contact_record,
    follow_up_record,
    meeting_record,
    member_record,
    reference_record,
    review_record,
    subscription_record,
)
from storage.delivery_log import DeliveryLog
from storage.engine import make_engine
from storage.errors import UnitOfWorkFailed, UnstorableInput
from storage.models import (
    FOLLOW_UP_WINDOW,
    Contact,
    ConversationReference,
    DigestSubscription,
    DraftReview,
    Event,
    EventMeeting,
    Feedback,
    FollowUp,
    Heartbeat,
    KeepInTouch,
    Meeting,
    Member,
    Nudge,
    PreviousName,
    ProcessedEvent,
    ReviewRule,
    TouchKind,
    Workspace,
)
from storage.names import match_names, name_key
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
    LabelledReview,
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
    from storage.inbox import SqlInbox

FOLLOW_UP_STATUSES = {"open", "done", "cancelled"}
NUDGE_KINDS = {"due", "overdue", "last-chance", "second-touch", "check-in"}


class RowNotFound(LookupError):
    """The row does not exist, or belongs to another member."""


@dataclass
class _UnitOfWork:
    session: Session
    failed: bool = False
    permanent: bool = True  # every failure so far was a value the database will always refuse


class Clock(Protocol):
    def now(self) -> datetime: ...


class _SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


def _checked_zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone {name!r}: use an IANA name such as Europe/Berlin"
        ) from None
    return name


def _fits(value: str | None, column: Any, what: str) -> str | None:
    """Reject text longer than its column, the same way on SQLite (which would not care)."""
    limit = column.type.length
    if value is not None and len(value) > limit:
        raise ValueError(f"{what} is {len(value)} characters long; at most {limit} fit")
    return value


def _clip(value: str | None, column: Any) -> str | None:
    return None if value is None else value[: column.type.length]


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


class SqlStore:
    """Repository over one engine. `clock` stamps `created_at` columns (tests and the console's
    simulated time set it); everything else takes its times as arguments."""

    def __init__(self, engine: Engine, *, clock: Clock | None = None) -> None:
        self.engine = engine
        self.clock: Clock = clock or _SystemClock()
        self._sessions: Callable[[], Session] = sessionmaker(engine, expire_on_commit=False)
        self._unit_of_work: ContextVar[_UnitOfWork | None] = ContextVar(
            f"unit_of_work_{id(self)}", default=None
        )
        # SQLite has one writer and every transaction here begins IMMEDIATE: threads of this
        # process queue on a lock (woken at once) instead of in SQLite's busy handler, which
        # sleeps in growing steps and turned a burst of Teams turns into seconds of waiting.
        self._writer: AbstractContextManager[object] = (
            threading.RLock() if engine.dialect.name == "sqlite" else nullcontext()
        )
        self._delivery_log = DeliveryLog(engine, writer=self._writer)

    @classmethod
    def open(
        cls, database_url: str, *, migrate: bool = True, clock: Clock | None = None
    ) -> SqlStore:
        engine = make_engine(database_url)
        if migrate:
            from storage.schema import upgrade_engine

            upgrade_engine(engine)
        return cls(engine, clock=clock)

    def close(self) -> None:
        self._delivery_log.close()
        self.engine.dispose()

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        """A short transaction, or the caller's unit of work when one is open on this thread."""
        joined = self._unit_of_work.get()
        try:
            if joined is not None:
                try:
                    yield joined.session
                except Exception as error:
                    joined.failed = True  # even if the caller swallows it, nothing may commit
                    joined.permanent &= isinstance(error, DataError | UnstorableInput)
                    raise
                return
            with self._writer, self._sessions() as session, session.begin():
                yield session
        except DataError as error:
            # Class 22 on PostgreSQL (a number out of range, a NUL in text): permanent.
            raise UnstorableInput(
                f"the database refused a value ({type(error.orig).__name__})"
            ) from error

    transaction = _transaction  # for storage's own modules (storage.inbox)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction for every store call made inside it on this thread (or context).

        The inbox runs a command in one: the command's writes and the completion of its inbox
        row commit together, or not at all. A store call that failed inside it fails the whole
        unit (raises UnitOfWorkFailed at the end), even when the caller caught the error and
        went on: the core turns any error into an apology that says nothing was changed.
        """
        if self._unit_of_work.get() is not None:
            raise RuntimeError("a unit of work is already open here")
        with self._writer, self._sessions() as session, session.begin():
            unit = _UnitOfWork(session)
            token = self._unit_of_work.set(unit)
            try:
                yield session
            finally:
                self._unit_of_work.reset(token)
            if unit.failed:
                raise UnitOfWorkFailed(
                    "a store call failed inside the unit of work", permanent=unit.permanent
                )

    @property
    def inbox(self) -> SqlInbox:
        from storage.inbox import SqlInbox

        return SqlInbox(self)

    def _now(self) -> datetime:
        return self.clock.now().astimezone(UTC)

    # --- members -------------------------------------------------------------------------
    def _workspace(self, session: Session, platform: str, external_id: str) -> Workspace:
        found = session.scalar(
            select(Workspace).where(
                Workspace.platform == platform, Workspace.external_id == external_id
            )
        )
        if found is not None:
            return found
        session.execute(
            claims.dialect_insert(session, Workspace)
            .values(platform=platform, external_id=external_id, created_at=self._now())
            .on_conflict_do_nothing(index_elements=["platform", "external_id"])
        )
        return session.scalars(
            select(Workspace).where(
                Workspace.platform == platform, Workspace.external_id == external_id
            )
        ).one()

    def get_or_create_member(
        self, platform: str, workspace_id: str, user_id: str, display_name: str | None = None
    ) -> MemberRecord:
        shown = _clip(display_name, Member.display_name)
        with self._transaction() as session:
            workspace = self._workspace(session, platform, workspace_id)
            find = select(Member).where(
                Member.workspace_id == workspace.id, Member.user_id == user_id
            )
            member = session.scalar(find)
            if member is None:
                # ON CONFLICT: another process may be creating the same member right now.
                session.execute(
                    claims.dialect_insert(session, Member)
                    .values(
                        workspace_id=workspace.id,
                        user_id=user_id,
                        display_name=shown,
                        timezone="UTC",
                        work_start=time(9, 0),
                        work_end=time(17, 30),
                        shoutouts_opt_in=False,
                        store_drafts_opt_in=False,
                        created_at=self._now(),
                    )
                    .on_conflict_do_nothing(index_elements=["workspace_id", "user_id"])
                )
                member = session.scalars(find).one()
            if shown and member.display_name != shown:
                member.display_name = shown
            return member_record(member)

    def get_member(self, member_id: int) -> MemberRecord | None:
        with self._transaction() as session:
            member = session.get(Member, member_id)
            return None if member is None else member_record(member)

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
    ) -> MemberRecord:
        """Change what is given; `date_order=""` goes back to the time zone's order."""
        if timezone is not None:
            _checked_zone(timezone)  # before anything is written
        with self._transaction() as session:
            member = self._member(session, member_id)
            changes = {
                "timezone": timezone,
                "work_start": work_start,
                "work_end": work_end,
                "shoutouts_opt_in": shoutouts_opt_in,
                "store_drafts_opt_in": store_drafts_opt_in,
            }
            for name, value in changes.items():
                if value is not None:
                    setattr(member, name, value)
            if date_order is not None:
                member.date_order = date_order or None
            if store_drafts_opt_in is False:
                # Opting out also removes the drafts kept so far.
                session.execute(
                    update(DraftReview)
                    .where(DraftReview.member_id == member_id)
                    .values(text=None)
                    .execution_options(synchronize_session=False)
                )
            return member_record(member)

    @staticmethod
    def _member(session: Session, member_id: int) -> Member:
        member = session.get(Member, member_id)
        if member is None:
            raise RowNotFound(f"member {member_id}")
        return member

    # --- contacts and meetings -------------------------------------------------------------
    def find_contacts(self, member_id: int, name_or_mention: str) -> list[ContactRecord]:
        wanted = name_or_mention.strip()
        if not wanted:
            return []
        key = name_key(wanted)
        with self._transaction() as session:
            exact = session.scalars(
                select(Contact)
                .where(
                    Contact.member_id == member_id,
                    (Contact.name_key == key) | (Contact.mention == wanted),
                )
                .order_by(Contact.id)
            ).all()
            if exact:
                return [contact_record(row) for row in exact]
            # A name the contact had before a rename still finds them.
            renamed = session.scalars(
                select(Contact)
                .join(PreviousName, PreviousName.contact_id == Contact.id)
                .where(PreviousName.member_id == member_id, PreviousName.name_key == key)
                .order_by(Contact.id)
                .distinct()
            ).all()
            if renamed:
                return [contact_record(row) for row in renamed]
            # "Jane" finds "Jane Doe", "Mr. Haddad" Omar Haddad, "Kai Mueller" Kai Müller:
            # several matches make the caller ask.
            rows = session.scalars(
                select(Contact).where(Contact.member_id == member_id).order_by(Contact.id)
            ).all()
            return [contact_record(rows[i]) for i in match_names(wanted, [r.name for r in rows])]

    def contacts(self, member_id: int) -> list[ContactRecord]:
        with self._transaction() as session:
            rows = session.scalars(
                select(Contact).where(Contact.member_id == member_id).order_by(Contact.id)
            )
            return [contact_record(row) for row in rows]

    def add_contact(self, member_id: int, name: str, mention: str | None = None) -> ContactRecord:
        name = name.strip()
        if not name:
            raise ValueError("a contact needs a name")
        _fits(name, Contact.name, "the contact's name")
        _fits(mention, Contact.mention, "the mention")
        with self._transaction() as session:
            self._member(session, member_id)
            contact = Contact(
                member_id=member_id,
                name=name,
                name_key=name_key(name),
                mention=mention,
                created_at=self._now(),
            )
            session.add(contact)
            session.flush()
            return contact_record(contact)

    def member_by_ids(self, platform: str, workspace_id: str, user_id: str) -> MemberRecord | None:
        """The member with these platform ids, if they ever used the bot (nothing is created)."""
        with self._transaction() as session:
            member = session.scalars(
                select(Member)
                .join(Workspace, Workspace.id == Member.workspace_id)
                .where(
                    Workspace.platform == platform,
                    Workspace.external_id == workspace_id,
                    Member.user_id == user_id,
                )
            ).first()
            return None if member is None else member_record(member)

    def import_contacts(
        self,
        member_id: int,
        rows: Sequence[imports.ImportedContact],
        *,
        dry_run: bool = False,
        on_progress: imports.Progress | None = None,
    ) -> imports.ImportSummary:
        """Every row or none: one transaction (see `storage.imports`)."""
        for row in rows:
            _fits(row.name, Contact.name, f"the name on line {row.line}")
        with self._transaction() as session:
            self._member(session, member_id)
            return imports.import_contacts(
                session, member_id, rows, self._now(), dry_run=dry_run, on_progress=on_progress
            )

    def rename_contact(self, member_id: int, contact_id: int, name: str) -> ContactRecord:
        name = " ".join(name.split())
        if not name:
            raise ValueError("a contact needs a name")
        _fits(name, Contact.name, "the contact's name")
        with self._transaction() as session:
            contact = self._contact(session, member_id, contact_id)
            if contact.name_key != name_key(name):
                session.add(
                    PreviousName(
                        member_id=member_id,
                        contact_id=contact_id,
                        name=contact.name,
                        name_key=contact.name_key,
                        renamed_at=self._now(),
                    )
                )
            contact.name, contact.name_key = name, name_key(name)
            session.flush()
            return contact_record(contact)

    def previous_names(self, member_id: int, contact_id: int) -> list[str]:
        """The names the contact had before, oldest first."""
        with self._transaction() as session:
            return list(
                session.scalars(
                    select(PreviousName.name)
                    .where(
                        PreviousName.member_id == member_id, PreviousName.contact_id == contact_id
                    )
                    .order_by(PreviousName.id)
                )
            )

    def member_previous_names(self, member_id: int) -> list[str]:
        """Every name the member's contacts had before a rename."""
        with self._transaction() as session:
            query = select(PreviousName.name).where(PreviousName.member_id == member_id)
            return list(session.scalars(query.order_by(PreviousName.id)))

    def remember_undo(
        self, member_id: int, contact_id: int, kind: str, data: dict[str, Any], at: datetime
    ) -> None:
        """Keep what puts this change back, in place of the member's last one."""
        with self._transaction() as session:
            undo_steps.remember(session, member_id, contact_id, kind, data, at)

    def take_undo(self, member_id: int) -> UndoStepRecord | None:
        with self._transaction() as session:
            return undo_steps.take(session, member_id)

    def add_contact_note(self, member_id: int, contact_id: int, line: str) -> ContactRecord:
        with self._transaction() as session:
            contact = self._contact(session, member_id, contact_id)
            contact.notes = f"{contact.notes}\n{line}" if contact.notes else line
            session.flush()
            return contact_record(contact)

    def remove_last_contact_note(self, member_id: int, contact_id: int) -> str | None:
        """Remove the contact's newest note line and return it (None when there is none)."""
        with self._transaction() as session:
            contact = self._contact(session, member_id, contact_id)
            if not contact.notes:
                return None
            *kept, removed = contact.notes.split("\n")
            contact.notes = "\n".join(kept) or None
            session.flush()
            return removed

    def merge_contacts(self, member_id: int, keep_id: int, other_id: int) -> ContactRecord:
        """Move `other`'s meetings, follow-ups and notes to `keep`, then delete `other`; a
        meeting both were logged for is kept once (`storage.merged_meetings`)."""
        if keep_id == other_id:
            raise ValueError("a contact cannot be merged into itself")
        with self._transaction() as session:
            keep = self._contact(session, member_id, keep_id)
            other = self._contact(session, member_id, other_id)
            for model in (Meeting, FollowUp):
                session.execute(
                    update(model)
                    .where(model.member_id == member_id, model.contact_id == other_id)
                    .values(contact_id=keep_id)
                )
            self._move_cadence(session, other_id, keep_id)
            if other.notes:
                keep.notes = f"{keep.notes}\n{other.notes}" if keep.notes else other.notes
            keep.mention = keep.mention or other.mention
            session.delete(other)
            session.flush()
            merged_meetings.collapse_same_meetings(session, member_id, keep_id)
            return contact_record(keep)

    def delete_contact(self, member_id: int, contact_id: int) -> None:
        """Delete the contact with its meetings, follow-ups and their nudges."""
        with self._transaction() as session:
            self._contact(session, member_id, contact_id)
            follow_up_ids = select(FollowUp.id).where(FollowUp.contact_id == contact_id)
            session.execute(delete(Nudge).where(Nudge.follow_up_id.in_(follow_up_ids)))
            session.execute(delete(TouchKind).where(TouchKind.follow_up_id.in_(follow_up_ids)))
            session.execute(delete(FollowUp).where(FollowUp.contact_id == contact_id))
            session.execute(delete(KeepInTouch).where(KeepInTouch.contact_id == contact_id))
            session.execute(delete(Meeting).where(Meeting.contact_id == contact_id))
            session.execute(delete(Contact).where(Contact.id == contact_id))

    def contact_card(self, member_id: int, contact_id: int) -> ContactCard:
        with self._transaction() as session:
            contact = self._contact(session, member_id, contact_id)
            meetings = session.scalars(
                select(Meeting)
                .where(Meeting.member_id == member_id, Meeting.contact_id == contact_id)
                .order_by(Meeting.met_on.desc(), Meeting.id.desc())
            ).all()
            follow_ups = session.scalars(
                select(FollowUp)
                .where(FollowUp.member_id == member_id, FollowUp.contact_id == contact_id)
                .order_by(FollowUp.id.desc())
            ).all()
            return ContactCard(
                contact=contact_record(contact),
                meetings=tuple(meeting_record(m) for m in meetings),
                follow_ups=tuple(follow_up_record(f) for f in follow_ups),
            )

    @staticmethod
    def _contact(session: Session, member_id: int, contact_id: int) -> Contact:
        contact = session.get(Contact, contact_id)
        if contact is None or contact.member_id != member_id:
            raise RowNotFound(f"contact {contact_id} of member {member_id}")
        return contact

    def add_meeting(
        self,
        member_id: int,
        contact_id: int,
        met_on: date,
        place: str | None = None,
        note: str | None = None,
        event_id: int | None = None,
    ) -> MeetingRecord:
        """`event_id`: the member's planned event the meeting happened at."""
        _fits(place, Meeting.place, "the place")
        with self._transaction() as session:
            self._contact(session, member_id, contact_id)
            meeting = Meeting(
                member_id=member_id,
                contact_id=contact_id,
                met_on=met_on,
                place=place,
                note=note,
                created_at=self._now(),
            )
            session.add(meeting)
            session.flush()
            if event_id is not None:
                self._own(events.link_meeting, session, member_id, meeting.id, event_id)
            return meeting_record(meeting)

    def delete_meeting(self, member_id: int, meeting_id: int) -> DeletedMeeting:
        """Delete the meeting and the open follow-ups it created (with their nudges); a closed
        follow-up it had stays, no longer linked to it."""
        with self._transaction() as session:
            meeting = session.get(Meeting, meeting_id)
            if meeting is None or meeting.member_id != member_id:
                raise RowNotFound(f"meeting {meeting_id} of member {member_id}")
            record = meeting_record(meeting)
            event_id = session.scalar(
                select(EventMeeting.event_id).where(EventMeeting.meeting_id == meeting_id)
            )
            opened = session.scalars(
                select(FollowUp)
                .where(FollowUp.meeting_id == meeting_id, FollowUp.status == "open")
                .order_by(FollowUp.id)
            ).all()
            removed = tuple(follow_up_record(row) for row in opened)
            ids = [row.id for row in opened]
            session.execute(delete(Nudge).where(Nudge.follow_up_id.in_(ids)))
            session.execute(delete(TouchKind).where(TouchKind.follow_up_id.in_(ids)))
            session.execute(delete(FollowUp).where(FollowUp.id.in_(ids)))
            session.execute(
                update(FollowUp).where(FollowUp.meeting_id == meeting_id).values(meeting_id=None)
            )
            session.execute(delete(EventMeeting).where(EventMeeting.meeting_id == meeting_id))
            session.execute(delete(Meeting).where(Meeting.id == meeting_id))
            return DeletedMeeting(record, event_id, removed)

    def latest_meeting(self, member_id: int, contact_id: int) -> MeetingRecord | None:
        with self._transaction() as session:
            meeting = session.scalars(
                select(Meeting)
                .where(Meeting.member_id == member_id, Meeting.contact_id == contact_id)
                .order_by(Meeting.met_on.desc(), Meeting.id.desc())
                .limit(1)
            ).first()
            return None if meeting is None else meeting_record(meeting)

    # --- events (the Rule of Two) ------------------------------------------------------------
    @staticmethod
    def _own(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except LookupError as missing:
            raise RowNotFound(str(missing)) from None

    def add_event(
        self,
        member_id: int,
        name: str,
        held_on: date,
        goal_people: int,
        nudges: Sequence[PlannedNudge] = (),
    ) -> EventRecord:
        _fits(name, Event.name, "the event's name")
        with self._transaction() as session:
            self._member(session, member_id)
            return events.add_event(
                session, member_id, name, held_on, goal_people, nudges, self._now()
            )

    def events(self, member_id: int) -> list[EventRecord]:
        with self._transaction() as session:
            return events.member_events(session, member_id)

    def find_events(self, member_id: int, name: str) -> list[EventRecord]:
        with self._transaction() as session:
            return events.find_events(session, member_id, name)

    def update_event(
        self,
        member_id: int,
        event_id: int,
        *,
        goal_people: int | None = None,
        held_on: date | None = None,
        nudges: Sequence[PlannedNudge] | None = None,
    ) -> EventRecord:
        with self._transaction() as session:
            return self._own(
                events.update_event,
                session,
                member_id,
                event_id,
                goal_people=goal_people,
                held_on=held_on,
                nudges=nudges,
            )

    def meeting_outcomes(self, member_id: int) -> list[MeetingOutcome]:
        with self._transaction() as session:
            return events.meeting_outcomes(session, [member_id])

    def team_events(
        self, platform: str, workspace_id: str, held_from: date, held_until: date
    ) -> list[tuple[EventRecord, list[MeetingOutcome]]]:
        with self._transaction() as session:
            workspace_pk = session.scalar(
                select(Workspace.id).where(
                    Workspace.platform == platform, Workspace.external_id == workspace_id
                )
            )
            if workspace_pk is None:
                return []
            return events.team_events(session, workspace_pk, held_from, held_until)

    # --- keep in touch ----------------------------------------------------------------------------
    def set_cadence(self, member_id: int, contact_id: int, every: str) -> CadenceRecord:
        """Put the contact on a cadence, or change it."""
        _fits(every, KeepInTouch.every, "the cadence")
        with self._transaction() as session:
            self._contact(session, member_id, contact_id)
            now = self._now()
            session.execute(
                claims.dialect_insert(session, KeepInTouch)
                .values(
                    member_id=member_id,
                    contact_id=contact_id,
                    every=every,
                    created_at=now,
                    updated_at=now,
                )
                .on_conflict_do_update(
                    index_elements=["contact_id"], set_={"every": every, "updated_at": now}
                )
            )
            return CadenceRecord(member_id=member_id, contact_id=contact_id, every=every)

    def end_cadence(self, member_id: int, contact_id: int) -> bool:
        """Take the contact off its cadence; False if it had none."""
        with self._transaction() as session:
            result = session.execute(
                delete(KeepInTouch).where(
                    KeepInTouch.member_id == member_id, KeepInTouch.contact_id == contact_id
                )
            )
            return bool(result.rowcount)

    def cadences(self, member_id: int, contact_id: int | None = None) -> list[CadenceRecord]:
        """The member's cadences (with `contact_id`: that contact's, at most one)."""
        query = select(KeepInTouch).where(KeepInTouch.member_id == member_id)
        if contact_id is not None:
            query = query.where(KeepInTouch.contact_id == contact_id)
        with self._transaction() as session:
            rows = session.scalars(query.order_by(KeepInTouch.contact_id))
            return [cadence_record(row) for row in rows]

    @staticmethod
    def _move_cadence(session: Session, from_contact: int, to_contact: int) -> None:
        """Merging contacts: the kept contact's own cadence wins over the other's."""
        kept = session.scalar(select(KeepInTouch.id).where(KeepInTouch.contact_id == to_contact))
        moved = KeepInTouch.contact_id == from_contact
        if kept is None:
            session.execute(update(KeepInTouch).where(moved).values(contact_id=to_contact))
        else:
            session.execute(delete(KeepInTouch).where(moved))

    # --- follow-ups and their nudges ---------------------------------------------------------
    @staticmethod
    def _nudge_rows(follow_up: FollowUp, nudges: Sequence[PlannedNudge]) -> list[Nudge]:
        rows = []
        for planned in nudges:
            if planned.kind not in NUDGE_KINDS:
                raise ValueError(f"unknown nudge kind {planned.kind!r}")
            rows.append(
                Nudge(
                    follow_up_id=follow_up.id,
                    member_id=follow_up.member_id,
                    kind=planned.kind,
                    send_at=planned.send_at,
                    status="pending",
                    attempts=0,
                )
            )
        return rows

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
    ) -> FollowUpRecord:
        with self._transaction() as session:
            contact = self._contact(session, member_id, contact_id)
            if meeting_id is not None:
                meeting = session.get(Meeting, meeting_id)
                if meeting is None or meeting.member_id != member_id:
                    raise RowNotFound(f"meeting {meeting_id} of member {member_id}")
            follow_up = FollowUp(
                member_id=member_id,
                contact_id=contact_id,
                meeting_id=meeting_id,
                met_on=met_on,
                due_on=due_on,
                window_closes_on=met_on + FOLLOW_UP_WINDOW,
                status="open",
                touch=touch,
                late=False,
                note=note,
                created_at=self._now(),
            )
            follow_up.contact = contact
            session.add(follow_up)
            session.flush()
            session.add_all(self._nudge_rows(follow_up, nudges))
            return follow_up_record(follow_up)

    @staticmethod
    def _follow_up(session: Session, member_id: int, follow_up_id: int) -> FollowUp:
        follow_up = session.get(FollowUp, follow_up_id)
        if follow_up is None or follow_up.member_id != member_id:
            raise RowNotFound(f"follow-up {follow_up_id} of member {member_id}")
        return follow_up

    def get_follow_up(self, member_id: int, follow_up_id: int) -> FollowUpRecord | None:
        with self._transaction() as session:
            try:
                return follow_up_record(self._follow_up(session, member_id, follow_up_id))
            except RowNotFound:
                return None

    def _open_follow_ups(self, member_id: int, *extra: Any) -> list[FollowUpRecord]:
        with self._transaction() as session:
            rows = session.scalars(
                select(FollowUp)
                .where(FollowUp.member_id == member_id, FollowUp.status == "open", *extra)
                .order_by(FollowUp.due_on, FollowUp.id)
            )
            return [follow_up_record(row) for row in rows]

    def open_follow_ups(self, member_id: int) -> list[FollowUpRecord]:
        return self._open_follow_ups(member_id)

    def closed_follow_ups(self, member_id: int, limit: int) -> list[FollowUpRecord]:
        with self._transaction() as session:
            rows = session.scalars(
                select(FollowUp)
                .where(FollowUp.member_id == member_id, FollowUp.status != "open")
                .order_by(FollowUp.id.desc())
                .limit(limit)
            )
            return [follow_up_record(row) for row in rows]

    def open_follow_ups_for_contact(self, member_id: int, contact_id: int) -> list[FollowUpRecord]:
        return self._open_follow_ups(member_id, FollowUp.contact_id == contact_id)

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
        with self._transaction() as session:
            follow_up = self._follow_up(session, member_id, follow_up_id)
            follow_up.due_on = due_on
            follow_up.late = late
            if note is not None:
                follow_up.note = note
            claims.cancel_pending_nudges(session, follow_up_id)
            session.add_all(self._nudge_rows(follow_up, nudges))
            return follow_up_record(follow_up)

    def close_follow_up(
        self, member_id: int, follow_up_id: int, status: str, at: datetime
    ) -> FollowUpRecord:
        if status not in FOLLOW_UP_STATUSES - {"open"}:
            raise ValueError(f"a follow-up closes as 'done' or 'cancelled', not {status!r}")
        with self._transaction() as session:
            follow_up = self._follow_up(session, member_id, follow_up_id)
            follow_up.status = status
            if status == "done":
                member = self._member(session, member_id)
                follow_up.done_at = at
                follow_up.done_on = at.astimezone(_zone(member.timezone)).date()
            claims.cancel_pending_nudges(session, follow_up_id)
            return follow_up_record(follow_up)

    # --- putting a change right ----------------------------------------------------------------
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
        """Move a meeting to the day it happened (its follow-ups count their window from it),
        and, with `follow_up_id`, give that open follow-up its new due day and nudges, all in
        one transaction."""
        with self._transaction() as session:
            meeting = self._own(corrections.move_meeting, session, member_id, meeting_id, met_on)
            if follow_up_id is not None:
                follow_up = self._follow_up(session, member_id, follow_up_id)
                if follow_up.meeting_id != meeting_id or follow_up.status != "open":
                    raise ValueError(f"follow-up {follow_up_id} is no open one of that meeting")
                follow_up.due_on = due_on or follow_up.due_on
                follow_up.late = late
                claims.cancel_pending_nudges(session, follow_up_id)
                session.add_all(self._nudge_rows(follow_up, nudges))
            return meeting_record(meeting)

    def reopen_follow_up(
        self,
        member_id: int,
        follow_up_id: int,
        *,
        remove: Sequence[int] = (),
        nudges: Sequence[PlannedNudge] = (),
    ) -> FollowUpRecord:
        """A follow-up marked done by mistake, open again (see `storage.corrections.reopen`)."""
        with self._transaction() as session:
            follow_up = self._own(corrections.reopen, session, member_id, follow_up_id, remove)
            session.add_all(self._nudge_rows(follow_up, nudges))
            session.flush()
            return follow_up_record(follow_up)

    def claim_due_nudges(
        self,
        now: datetime,
        limit: int,
        worker: str,
        *,
        platforms: Sequence[str] | None = None,
        member_id: int | None = None,
        lease: timedelta = claims.NUDGE_LEASE,
    ) -> list[DueNudge]:
        """Claim due nudges for `worker` until `now + lease`: only members on `platforms` (None:
        any) and, with `member_id`, only that member's."""
        scope = claims.NudgeScope(
            platforms=None if platforms is None else tuple(platforms), member_id=member_id
        )
        with self._transaction() as session:
            return claims.claim_due_nudges(session, now, limit, worker, scope=scope, lease=lease)

    def mark_nudge_sent(self, nudge_id: int, at: datetime) -> None:
        self.mark_nudges_sent([nudge_id], at)

    def mark_nudges_sent(self, nudge_ids: Sequence[int], at: datetime) -> int:
        """Record delivered nudges at once (see `storage.delivery_log`)."""
        return self._delivery_log.mark_sent(nudge_ids, at)

    def release_nudge(self, nudge_id: int, retry_at: datetime) -> None:
        with self._transaction() as session:
            claims.release_nudge(session, nudge_id, retry_at)

    def release_nudges(
        self, nudge_ids: Sequence[int], *, retry_at: datetime | None = None, in_doubt: bool = False
    ) -> int:
        """Hand claimed nudges back (see `claims.release_nudges`)."""
        with self._transaction() as session:
            return claims.release_nudges(session, nudge_ids, retry_at=retry_at, in_doubt=in_doubt)

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
    ) -> ReviewRecord:
        with self._transaction() as session:
            member = self._member(session, member_id)
            review = DraftReview(
                member_id=member_id,
                score=int(score),
                flagged=bool(flagged),
                text_hash=text_hash,
                # Privacy by default: the text is kept only for members who opted in.
                text=text if member.store_drafts_opt_in else None,
                created_at=at,
            )
            unique_rules = list(dict.fromkeys(rule_ids))
            review.rules = [
                ReviewRule(position=i, rule_id=rule) for i, rule in enumerate(unique_rules)
            ]
            session.add(review)
            session.flush()
            return review_record(review)

    def latest_review(self, member_id: int) -> ReviewRecord | None:
        with self._transaction() as session:
            review = session.scalars(
                select(DraftReview)
                .where(DraftReview.member_id == member_id)
                .order_by(DraftReview.created_at.desc(), DraftReview.id.desc())
                .limit(1)
            ).first()
            return review_record(review) if review is not None else None

    def record_feedback(
        self, member_id: int, review_id: int, verdict: str, at: datetime, reason: str | None = None
    ) -> bool:
        with self._transaction() as session:
            review = session.get(DraftReview, review_id)
            if review is None or review.member_id != member_id:
                return False
            session.execute(
                claims.dialect_insert(session, Feedback)
                .values(
                    review_id=review_id,
                    member_id=member_id,
                    verdict=verdict,
                    reason=reason,
                    created_at=at,
                )
                .on_conflict_do_update(
                    index_elements=["review_id", "member_id"],
                    set_={"verdict": verdict, "reason": reason, "created_at": at},
                )
            )
            return True

    # --- give, ask, thank ----------------------------------------------------------------------
    def set_touch_kind(
        self, member_id: int, follow_up_id: int, kind: str, source: str, at: datetime
    ) -> None:
        """Record what a touch was (see `storage.touches.set_kind`)."""
        with self._transaction() as session:
            if not touches.set_kind(session, member_id, follow_up_id, kind, source, at):
                raise RowNotFound(f"follow-up {follow_up_id} of member {member_id}")

    def touch_kind(self, member_id: int, follow_up_id: int) -> tuple[str, str] | None:
        with self._transaction() as session:
            return touches.kind_of(session, member_id, follow_up_id)

    def touch_ledger(self, member_id: int, contact_id: int) -> tuple[LedgerEntry, ...]:
        with self._transaction() as session:
            return touches.ledger(session, member_id, contact_id)

    def touch_tallies(self, pairs: Sequence[tuple[int, int]]) -> dict[tuple[int, int], TouchCounts]:
        """Done touches by kind for each (member id, contact id) pair, in one query."""
        with self._transaction() as session:
            return touches.tallies(session, pairs)

    def member_touch_counts(self, member_id: int, since: datetime, until: datetime) -> TouchCounts:
        with self._transaction() as session:
            return touches.counts(session, [member_id], since, until)

    def workspace_touch_counts(
        self, platform: str, workspace_id: str, since: datetime, until: datetime
    ) -> TouchCounts:
        with self._transaction() as session:
            workspace_pk = session.scalar(
                select(Workspace.id).where(
                    Workspace.platform == platform, Workspace.external_id == workspace_id
                )
            )
            if workspace_pk is None:
                return TouchCounts()
            return touches.counts(session, None, since, until, workspace_id=workspace_pk)

    def labelled_reviews(self) -> list[LabelledReview]:
        """Every review marked Helpful or Wrong flag whose text was kept (`storage.feedback`)."""
        with self._transaction() as session:
            return feedback.labelled_reviews(session)

    def wrong_flag_weeks(
        self, platform: str, workspace_id: str, since: datetime, until: datetime
    ) -> list[FeedbackWeek]:
        with self._transaction() as session:
            return feedback.wrong_flag_weeks(session, platform, workspace_id, since, until)

    # --- figures -------------------------------------------------------------------------------
    def member_figures(self, member_id: int, since: datetime, until: datetime) -> ActivityFigures:
        with self._transaction() as session:
            member = session.get(Member, member_id)
            zone = _zone(member.timezone if member else "UTC")
            return figures.member_activity(
                session, member_id, since, until, until.astimezone(zone).date()
            )

    def workspace_figures(
        self, platform: str, workspace_id: str, since: datetime, until: datetime
    ) -> ActivityFigures:
        with self._transaction() as session:
            workspace_pk = session.scalar(
                select(Workspace.id).where(
                    Workspace.platform == platform, Workspace.external_id == workspace_id
                )
            )
            if workspace_pk is None:
                return ActivityFigures()
            # Members of one workspace live in many zones; "overdue" uses the UTC date.
            return figures.workspace_activity(
                session, workspace_pk, since, until, until.astimezone(UTC).date()
            )

    def workspace_weekly_follow_ups(
        self, platform: str, workspace_id: str, until: datetime, weeks: int, week: timedelta
    ) -> list[int]:
        with self._transaction() as session:
            workspace_pk = session.scalar(
                select(Workspace.id).where(
                    Workspace.platform == platform, Workspace.external_id == workspace_id
                )
            )
            if workspace_pk is None:
                return [0] * weeks
            return figures.weekly_done_within_window(session, workspace_pk, until, weeks, week)

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
    ) -> DigestSubscriptionRecord:
        if not 0 <= weekday <= 6:
            raise ValueError("weekday is 0 (Monday) to 6 (Sunday)")
        _checked_zone(timezone)
        _fits(channel_id, DigestSubscription.channel_id, "the channel id")
        with self._transaction() as session:
            workspace = self._workspace(session, platform, workspace_id)
            subscription = session.scalar(
                select(DigestSubscription).where(
                    DigestSubscription.workspace_id == workspace.id,
                    DigestSubscription.channel_id == channel_id,
                )
            )
            if subscription is None:
                subscription = DigestSubscription(workspace_id=workspace.id, channel_id=channel_id)
                subscription.workspace = workspace
                session.add(subscription)
            subscription.weekday = weekday
            subscription.at_time = at
            subscription.timezone = timezone
            subscription.created_by_member_id = member_id
            # A new schedule counts from now: no digest for a slot that already went by.
            subscription.created_at = self._now()
            session.flush()
            return subscription_record(subscription)

    def unsubscribe_digest(self, platform: str, workspace_id: str, channel_id: str) -> bool:
        with self._transaction() as session:
            workspace_ids = select(Workspace.id).where(
                Workspace.platform == platform, Workspace.external_id == workspace_id
            )
            result = session.execute(
                delete(DigestSubscription).where(
                    DigestSubscription.workspace_id.in_(workspace_ids),
                    DigestSubscription.channel_id == channel_id,
                )
            )
            return bool(result.rowcount)

    def digest_subscriptions(
        self, platforms: Sequence[str] | None = None
    ) -> list[DigestSubscriptionRecord]:
        """Every subscription, or only those of workspaces on `platforms`."""
        query = select(DigestSubscription).order_by(DigestSubscription.id)
        if platforms is not None:
            query = query.join(Workspace, Workspace.id == DigestSubscription.workspace_id).where(
                Workspace.platform.in_(list(platforms))
            )
        with self._transaction() as session:
            return [subscription_record(row) for row in session.scalars(query)]

    def claim_digest_run(
        self,
        subscription_id: int,
        iso_week: str,
        at: datetime,
        *,
        worker: str | None = None,
        lease: timedelta = claims.DIGEST_LEASE,
    ) -> bool:
        with self._transaction() as session:
            return claims.claim_digest_run(
                session, subscription_id, iso_week, at, worker=worker, lease=lease
            )

    def finish_digest_run(self, subscription_id: int, iso_week: str, at: datetime) -> None:
        """The digest was delivered: the claim becomes permanent."""
        with self._transaction() as session:
            claims.finish_digest_run(session, subscription_id, iso_week, at)

    def release_digest_run(self, subscription_id: int, iso_week: str) -> None:
        """Delivery failed: drop the claim so a later check tries again this week."""
        with self._transaction() as session:
            claims.release_digest_run(session, subscription_id, iso_week)

    # --- webhook de-duplication -------------------------------------------------------------------
    def claim_event(self, platform: str, event_id: str, at: datetime) -> bool:
        """True the first time (platform, event_id) is seen, False for every replay."""
        with self._transaction() as session:
            result = session.execute(
                claims.dialect_insert(session, ProcessedEvent)
                .values(platform=platform, event_id=event_id, received_at=at)
                .on_conflict_do_nothing(index_elements=["platform", "event_id"])
                .returning(ProcessedEvent.event_id)
            )
            return result.scalar() is not None

    def prune_events(self, before: datetime) -> int:
        """Forget event ids older than `before` (platforms stop retrying after minutes)."""
        with self._transaction() as session:
            result = session.execute(
                delete(ProcessedEvent).where(ProcessedEvent.received_at < before)
            )
            return int(result.rowcount or 0)

    # --- conversation references (proactive messages on Teams) ------------------------------------
    def save_conversation_reference(self, record: ConversationReferenceRecord) -> None:
        with self._transaction() as session:
            values = {
                "platform": record.platform,
                "workspace_external_id": record.workspace_id,
                "conversation_id": record.conversation_id,
                "user_id": record.user_id,
                "reference": dict(record.reference),
                "updated_at": self._now(),
            }
            session.execute(
                claims.dialect_insert(session, ConversationReference)
                .values(**values)
                .on_conflict_do_update(
                    index_elements=["platform", "workspace_external_id", "conversation_id"],
                    set_={
                        "user_id": values["user_id"],
                        "reference": values["reference"],
                        "updated_at": values["updated_at"],
                    },
                )
            )

    def conversation_reference(
        self, platform: str, workspace_id: str, conversation_id: str
    ) -> ConversationReferenceRecord | None:
        with self._transaction() as session:
            row = session.scalar(
                select(ConversationReference).where(
                    ConversationReference.platform == platform,
                    ConversationReference.workspace_external_id == workspace_id,
                    ConversationReference.conversation_id == conversation_id,
                )
            )
            return None if row is None else reference_record(row)

    def member_conversation_reference(
        self, platform: str, workspace_id: str, user_id: str
    ) -> ConversationReferenceRecord | None:
        with self._transaction() as session:
            row = session.scalars(
                select(ConversationReference)
                .where(
                    ConversationReference.platform == platform,
                    ConversationReference.workspace_external_id == workspace_id,
                    ConversationReference.user_id == user_id,
                )
                .order_by(ConversationReference.updated_at.desc(), ConversationReference.id.desc())
                .limit(1)
            ).first()
            return None if row is None else reference_record(row)

    def delete_conversation_reference(
        self, platform: str, workspace_id: str, conversation_id: str
    ) -> bool:
        """Forget one conversation (the bot was removed from it); False if it was not stored."""
        with self._transaction() as session:
            result = session.execute(
                delete(ConversationReference).where(
                    ConversationReference.platform == platform,
                    ConversationReference.workspace_external_id == workspace_id,
                    ConversationReference.conversation_id == conversation_id,
                )
            )
            return bool(result.rowcount)

    def channel_references(
        self, platform: str, workspace_id: str
    ) -> list[ConversationReferenceRecord]:
        """Every stored conversation of the workspace that is not a member's personal chat."""
        with self._transaction() as session:
            rows = session.scalars(
                select(ConversationReference).where(
                    ConversationReference.platform == platform,
                    ConversationReference.workspace_external_id == workspace_id,
                    ConversationReference.user_id.is_(None),
                )
            )
            return [reference_record(row) for row in rows]

    def forget_conversations(
        self, platform: str, workspace_id: str, conversation_ids: Collection[str]
    ) -> tuple[int, int]:
        """The bot left these conversations: delete their references and digest subscriptions,
        together. Returns how many of each were deleted."""
        ids = list(conversation_ids)
        if not ids:
            return 0, 0
        with self._transaction() as session:
            references = session.execute(
                delete(ConversationReference).where(
                    ConversationReference.platform == platform,
                    ConversationReference.workspace_external_id == workspace_id,
                    ConversationReference.conversation_id.in_(ids),
                )
            )
            workspace_ids = select(Workspace.id).where(
                Workspace.platform == platform, Workspace.external_id == workspace_id
            )
            subscriptions = session.execute(
                delete(DigestSubscription).where(
                    DigestSubscription.workspace_id.in_(workspace_ids),
                    DigestSubscription.channel_id.in_(ids),
                )
            )
            return int(references.rowcount or 0), int(subscriptions.rowcount or 0)

    def delete_workspace_references(self, platform: str, workspace_id: str) -> int:
        with self._transaction() as session:
            result = session.execute(
                delete(ConversationReference).where(
                    ConversationReference.platform == platform,
                    ConversationReference.workspace_external_id == workspace_id,
                )
            )
            return int(result.rowcount or 0)

    # --- privacy ---------------------------------------------------------------------------------
    def export_member(self, member_id: int) -> dict[str, object]:
        with self._transaction() as session:
            return privacy.export_member(session, self._member(session, member_id))

    def forget_member(self, member_id: int) -> dict[str, int]:
        with self._transaction() as session:
            member = session.get(Member, member_id)
            if member is None:
                return {}
            return privacy.forget_member(session, member)

    # --- the yes/no question a reply asked -----------------------------------------------------
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
        with self._transaction() as session:
            questions.ask(
                session, platform, workspace_id, user_id, on_yes, at, about_contact_id, choices
            )

    def take_question(
        self, platform: str, workspace_id: str, user_id: str
    ) -> QuestionRecord | None:
        with self._transaction() as session:
            return questions.take(session, platform, workspace_id, user_id)

    def prune_questions(self, before: datetime) -> int:
        with self._transaction() as session:
            return questions.prune(session, before)

    # --- health ----------------------------------------------------------------------------------
    def record_heartbeat(self, name: str, at: datetime, detail: str = "") -> None:
        with self._transaction() as session:
            session.execute(
                claims.dialect_insert(session, Heartbeat)
                .values(name=name, at=at, detail=detail)
                .on_conflict_do_update(index_elements=["name"], set_={"at": at, "detail": detail})
            )

    def heartbeat(self, name: str) -> tuple[datetime, str] | None:
        with self._transaction() as session:
            row = session.get(Heartbeat, name)
            return None if row is None else (row.at, row.detail)
