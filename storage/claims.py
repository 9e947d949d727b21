"""Exactly-once claiming of due nudges and weekly digest runs.

A nudge moves pending → sending in one conditional UPDATE. On PostgreSQL the candidate rows
are locked with FOR UPDATE SKIP LOCKED, so concurrent sweeps split the work instead of
waiting on each other; on SQLite (whose BEGIN IMMEDIATE makes us the only writer, and where
FOR UPDATE compiles to nothing) the same UPDATE without the lock clause is already atomic.
Each claim names its holder and ends with a lease (`lease_until`). The holder records each
nudge as sent in its own short transaction right after its own send, and hands back what it
will not send (on a failure, or when it is asked to stop). A claim whose lease ran out belongs
to a process that died: it is taken over, marked in doubt (its send may have happened), and the
sender checks the platform before sending it again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, delete, or_, select, text, true, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from storage.convert import DUE_NUDGE_COLUMNS, due_nudge_from_row
from storage.models import (
    Contact,
    DigestRun,
    DigestSubscription,
    Event,
    FollowUp,
    Member,
    Nudge,
    Workspace,
)
from storage.records import DueNudge

NUDGE_LEASE = timedelta(minutes=5)
DIGEST_LEASE = timedelta(minutes=15)


def dialect_insert(session: Session, table: Any) -> Any:
    """INSERT that supports ON CONFLICT on both of our databases."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def _lock_ids(session: Session, query: Select[Any]) -> list[int]:
    """Run `query` (selecting nudge ids) and lock the rows it returns.

    PostgreSQL: FOR UPDATE SKIP LOCKED, so concurrent sweeps take different rows instead of
    queueing behind each other. The ids come back to us and the UPDATE then names them: as an
    `IN (subquery)` the planner may rescan the subquery inside a nested loop, and with SKIP
    LOCKED every rescan returns other rows (LIMIT 2 claimed 3 rows in our tests).
    SQLite: FOR UPDATE does not exist; BEGIN IMMEDIATE already made us the only writer.
    """
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(of=Nudge, skip_locked=True)
    return list(session.scalars(query))


@dataclass(frozen=True)
class NudgeScope:
    """Which nudges a process may claim: those it can deliver.

    `platforms`: the members' platforms it serves (None: any). `member_id`: only this member's
    (the console claims its own member's nudges and never anyone else's).
    """

    platforms: tuple[str, ...] | None = None
    member_id: int | None = None

    def condition(self) -> ColumnElement[bool]:
        conditions: list[ColumnElement[bool]] = []
        if self.member_id is not None:
            conditions.append(Nudge.member_id == self.member_id)
        if self.platforms is not None:
            conditions.append(
                select(Member.id)
                .join(Workspace, Workspace.id == Member.workspace_id)
                .where(Member.id == Nudge.member_id, Workspace.platform.in_(self.platforms))
                .exists()
            )
        return and_(true(), *conditions)


ANY_NUDGE = NudgeScope()


def release_stale_claims(session: Session, now: datetime, scope: NudgeScope = ANY_NUDGE) -> int:
    """Claims whose lease ran out belong to a process that died mid-sweep: pending again, and
    in doubt, because that process may have sent some of them without recording it."""
    stale = _lock_ids(
        session,
        select(Nudge.id).where(
            Nudge.status == "sending",
            Nudge.lease_until < now,
            scope.condition(),
        ),
    )
    if not stale:
        return 0
    result = session.execute(
        update(Nudge)
        .where(Nudge.id.in_(stale), Nudge.status == "sending")
        .values(status="pending", claimed_by=None, claimed_at=None, lease_until=None, in_doubt=True)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)


def claim_due_nudges(
    session: Session,
    now: datetime,
    limit: int,
    worker: str,
    *,
    scope: NudgeScope = ANY_NUDGE,
    lease: timedelta = NUDGE_LEASE,
) -> list[DueNudge]:
    """Claim up to `limit` due nudges within `scope` for `worker`, until `now + lease`."""
    if limit <= 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        # A claim is a handful of short index lookups; starting parallel workers for the
        # 500-id lookups (which the planner likes to do) doubled their time in the benchmark.
        session.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))
    release_stale_claims(session, now, scope)
    # Kept simple for the planner: an ordered range scan of ix_nudges_status_send_at that stops
    # after `limit` rows, with the follow-up (and the member's platform) checked per row. An
    # event's nudge has no follow-up; deleting the event deletes it.
    follow_up_open = (
        select(FollowUp.id)
        .where(FollowUp.id == Nudge.follow_up_id, FollowUp.status == "open")
        .exists()
    )
    about_something_open = or_(follow_up_open, Nudge.event_id.is_not(None))
    candidates = _lock_ids(
        session,
        select(Nudge.id)
        .where(
            Nudge.status == "pending",
            Nudge.send_at <= now,
            about_something_open,
            scope.condition(),
        )
        .order_by(Nudge.send_at)
        .limit(limit),
    )
    if not candidates:
        return []
    claim = (
        update(Nudge)
        # The conditional part: only rows still pending change hands.
        .where(Nudge.id.in_(candidates), Nudge.status == "pending")
        .values(
            status="sending",
            claimed_by=worker,
            claimed_at=now,
            lease_until=now + lease,
            attempts=Nudge.attempts + 1,
        )
        .returning(Nudge.id)
        .execution_options(synchronize_session=False)
    )
    claimed_ids = list(session.scalars(claim))
    if not claimed_ids:
        return []
    # Plain columns rather than ORM entities: building 500 DueNudges from rows is several
    # times faster than materialising 2,500 tracked objects first.
    rows = session.execute(
        select(*DUE_NUDGE_COLUMNS)
        .select_from(Nudge)
        .outerjoin(FollowUp, FollowUp.id == Nudge.follow_up_id)
        .outerjoin(Contact, Contact.id == FollowUp.contact_id)
        .outerjoin(Event, Event.id == Nudge.event_id)
        .join(Member, Member.id == Nudge.member_id)
        .join(Workspace, Workspace.id == Member.workspace_id)
        .where(Nudge.id.in_(claimed_ids))
        .order_by(Nudge.send_at, Nudge.id)
    ).all()
    return [due_nudge_from_row(row) for row in rows]


def mark_nudges_sent(session: Session | Connection, nudge_ids: Sequence[int], at: datetime) -> int:
    """Record delivered nudges; a nudge no longer "sending" (cancelled meanwhile) is left alone."""
    if not nudge_ids:
        return 0
    result = session.execute(
        update(Nudge)
        .where(Nudge.id.in_(list(nudge_ids)), Nudge.status == "sending")
        .values(status="sent", sent_at=at, lease_until=None, in_doubt=False)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)


def release_nudges(
    session: Session,
    nudge_ids: Sequence[int],
    *,
    retry_at: datetime | None = None,
    in_doubt: bool = False,
) -> int:
    """Hand claimed nudges back: pending again at `retry_at` (None: at their own time, so any
    process takes them on its next sweep). `in_doubt`: a send had started and may have arrived."""
    if not nudge_ids:
        return 0
    values: dict[str, Any] = {
        "status": "pending",
        "claimed_by": None,
        "claimed_at": None,
        "lease_until": None,
        "in_doubt": in_doubt,
    }
    if retry_at is not None:
        values["send_at"] = retry_at
    result = session.execute(
        update(Nudge)
        .where(Nudge.id.in_(list(nudge_ids)), Nudge.status == "sending")
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)


def release_nudge(session: Session, nudge_id: int, retry_at: datetime) -> None:
    release_nudges(session, [nudge_id], retry_at=retry_at)


def claim_digest_run(
    session: Session,
    subscription_id: int,
    iso_week: str,
    at: datetime,
    *,
    worker: str | None = None,
    lease: timedelta = DIGEST_LEASE,
) -> bool:
    if session.get(DigestSubscription, subscription_id) is None:
        return False  # unsubscribed since the caller listed it
    holder = {"claimed_at": at, "claimed_by": worker, "lease_until": at + lease}
    inserted = session.execute(
        dialect_insert(session, DigestRun)
        .values(subscription_id=subscription_id, iso_week=iso_week, status="sending", **holder)
        .on_conflict_do_nothing(index_elements=["subscription_id", "iso_week"])
        # RETURNING, not rowcount: SQLAlchemy 2.1 adds RETURNING itself and rowcount is then -1.
        .returning(DigestRun.id)
    ).scalar()
    if inserted is not None:
        return True
    # Someone claimed this week already. Take it over only if they died before sending.
    taken_over = session.execute(
        update(DigestRun)
        .where(
            DigestRun.subscription_id == subscription_id,
            DigestRun.iso_week == iso_week,
            DigestRun.status == "sending",
            DigestRun.lease_until < at,
        )
        .values(**holder)
        .execution_options(synchronize_session=False)
    )
    return taken_over.rowcount == 1


def finish_digest_run(session: Session, subscription_id: int, iso_week: str, at: datetime) -> None:
    session.execute(
        update(DigestRun)
        .where(DigestRun.subscription_id == subscription_id, DigestRun.iso_week == iso_week)
        .values(status="sent", sent_at=at, lease_until=None)
        .execution_options(synchronize_session=False)
    )


def release_digest_run(session: Session, subscription_id: int, iso_week: str) -> None:
    session.execute(
        delete(DigestRun).where(
            DigestRun.subscription_id == subscription_id,
            DigestRun.iso_week == iso_week,
            DigestRun.status == "sending",
        )
    )


def cancel_pending_nudges(session: Session, follow_up_id: int) -> None:
    """Cancel the follow-up's nudges that no process has claimed yet."""
    session.execute(
        update(Nudge)
        .where(Nudge.follow_up_id == follow_up_id, Nudge.status == "pending")
        .values(status="cancelled")
        .execution_options(synchronize_session=False)
    )
