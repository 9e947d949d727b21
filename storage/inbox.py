"""The durable inbox: acked requests wait here until a worker (in any process) has done them.

Why our own table and not a queue library: the libraries that keep jobs in a database
(procrastinate, pgqueuer, dramatiq-pg) are PostgreSQL-only, and those that also run on SQLite
(huey, persist-queue, litequeue) keep jobs on their own connection. Neither can commit a
command's writes and the completion of its job in one transaction, which is the whole point.

A row's life:
- `accept`: one INSERT … ON CONFLICT DO NOTHING, before the platform is acked. The unique
  (platform, key) both stores the work and claims its key: a replay of the same signed request
  or a retried event finds the key taken and is acked without work.
- `claim`: a worker leases rows for `lease` (SKIP LOCKED on PostgreSQL; on SQLite the one
  write lock, and a conditional UPDATE whose rowcount says what was won). Rows whose lease ran
  out (their worker died) are claimed again.
- `complete`: in ONE transaction, the command's own writes (the store joins it, see
  `SqlStore.unit_of_work`) and the row turning `answering` with the reply to deliver. A retry
  of an `answering` row only delivers the stored reply: the work is never done twice.
- `finish`: delivered; `body` and `outcome` are emptied (no draft text stays), the key stays
  until `prune` so late replays are still recognised.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import delete, or_, select, text, update

from storage import claims
from storage.errors import UnitOfWorkFailed
from storage.models import InboxItem

if TYPE_CHECKING:
    from storage.store import SqlStore

T = TypeVar("T")

PENDING, ANSWERING, DONE = "pending", "answering", "done"
# A row that failed this many claims (its worker died each time) is given up, not retried forever.
MAX_ATTEMPTS = 5

Json = dict[str, Any]


class ClaimLost(RuntimeError):
    """The row is no longer ours to work on (its lease ran out and another worker took it)."""


@dataclass(frozen=True)
class ClaimedItem:
    id: int
    platform: str
    kind: str
    body: Json
    outcome: Json | None  # set when the work was committed before: only deliver it
    attempts: int


class SqlInbox:
    def __init__(self, store: SqlStore) -> None:
        self._store = store

    def accept(self, platform: str, key: str, kind: str, body: Json, at: datetime) -> bool:
        """Store the work under its key; False when the key was taken before (a replay)."""
        return self.accept_many(platform, [(key, kind, body)], at)[0]

    def accept_many(
        self, platform: str, requests: Sequence[tuple[str, str, Json]], at: datetime
    ) -> list[bool]:
        """`accept` for (key, kind, body) requests in one INSERT and one commit (group commit:
        requests arriving while a commit is in flight share the next one)."""
        if not requests:
            return []
        rows = [
            {
                "platform": platform,
                "key": key,
                "kind": kind,
                "status": PENDING,
                "body": body,
                "attempts": 0,
                "received_at": at,
            }
            for key, kind, body in requests
        ]
        with self._store.transaction() as session:
            if session.get_bind().dialect.name == "postgresql":
                # Visible to every worker at once and safe from any crash of ours; only a crash
                # of the PostgreSQL server itself within ~0.6 s (3 × wal_writer_delay) could
                # lose it. The wait for the disk flush would otherwise be most of the ack.
                session.execute(text("SET LOCAL synchronous_commit = off"))
            insert = (
                claims.dialect_insert(session, InboxItem)
                .on_conflict_do_nothing(index_elements=["platform", "key"])
                .returning(InboxItem.key)
            )
            # Core executemany: one cached statement, sent as multi-row VALUES.
            inserted = set(session.connection().execute(insert, rows).scalars())
        accepted, seen = [], set()
        for key, _, _ in requests:  # the same key twice in one batch: the first one wins
            accepted.append(key in inserted and key not in seen)
            seen.add(key)
        return accepted

    def accept_claimed(
        self,
        platform: str,
        key: str,
        kind: str,
        body: Json,
        at: datetime,
        worker: str,
        lease: timedelta,
    ) -> ClaimedItem | None:
        """`accept`, already claimed by `worker`: it works on the row at once, in the request
        (Teams waits for the turn); if it dies, the lease runs out and any runner takes the row.
        None for a replay."""
        with self._store.transaction() as session:
            row_id = session.scalar(
                claims.dialect_insert(session, InboxItem)
                .values(
                    platform=platform,
                    key=key,
                    kind=kind,
                    status=PENDING,
                    body=body,
                    attempts=1,
                    received_at=at,
                    claimed_by=worker,
                    lease_until=at + lease,
                )
                .on_conflict_do_nothing(index_elements=["platform", "key"])
                .returning(InboxItem.id)
            )
        if row_id is None:
            return None
        return ClaimedItem(row_id, platform, kind, body, None, 1)

    def claim(
        self,
        worker: str,
        now: datetime,
        lease: timedelta,
        limit: int,
        platforms: Sequence[str],
    ) -> tuple[list[ClaimedItem], list[tuple[int, str]]]:
        """Lease up to `limit` rows of `platforms`; also returns rows given up as (id, kind)."""
        with self._store.transaction() as session:
            free = or_(InboxItem.lease_until.is_(None), InboxItem.lease_until < now)
            candidates = session.scalars(
                select(InboxItem.id)
                .where(
                    InboxItem.status.in_((PENDING, ANSWERING)),
                    InboxItem.platform.in_(platforms),
                    free,
                )
                .order_by(InboxItem.id)
                .limit(limit)
                .with_for_update(skip_locked=True)
            ).all()
            if not candidates:
                return [], []
            won = session.execute(
                update(InboxItem)
                .where(InboxItem.id.in_(candidates), free)
                .values(
                    claimed_by=worker,
                    lease_until=now + lease,
                    attempts=InboxItem.attempts + 1,
                )
                .returning(
                    InboxItem.id,
                    InboxItem.platform,
                    InboxItem.kind,
                    InboxItem.body,
                    InboxItem.outcome,
                    InboxItem.attempts,
                )
                .execution_options(synchronize_session=False)
            ).all()
            items, given_up = [], []
            for row in sorted(won, key=lambda r: r.id):
                if row.attempts > MAX_ATTEMPTS:
                    given_up.append((row.id, row.kind))
                else:
                    body = row.body or {}
                    items.append(
                        ClaimedItem(row.id, row.platform, row.kind, body, row.outcome, row.attempts)
                    )
            if given_up:
                self._finish(session, [item_id for item_id, _ in given_up], now)
            return items, given_up

    def complete(self, item_id: int, worker: str, work: Callable[[], Json]) -> Json:
        """Run `work` (the command) and record its outcome in one transaction.

        Raises ClaimLost, with nothing written, when the row is no longer this worker's. When
        the database refused one of the command's values for good (a NUL, a number out of
        range), the command's writes roll back but its answer, which says so, is still recorded.
        """
        outcome: Json | None = None
        try:
            with self._store.unit_of_work() as session:
                row = self._claimed_row(session, item_id, worker)
                outcome = work()
                row.status = ANSWERING
                row.outcome = outcome
                return outcome
        except UnitOfWorkFailed as failed:
            if not failed.permanent or outcome is None:
                raise
        with self._store.transaction() as session:
            row = self._claimed_row(session, item_id, worker)
            row.status = ANSWERING
            row.outcome = outcome
            return outcome

    @staticmethod
    def _claimed_row(session: Any, item_id: int, worker: str) -> InboxItem:
        row = session.scalar(
            select(InboxItem)
            .where(
                InboxItem.id == item_id,
                InboxItem.status == PENDING,
                InboxItem.claimed_by == worker,
            )
            .with_for_update()
        )
        if row is None:
            raise ClaimLost(f"inbox item {item_id}")
        return row

    def finish(self, item_ids: Sequence[int], at: datetime) -> None:
        """Delivered (or given up): forget the body and the reply, keep the key."""
        with self._store.transaction() as session:
            self._finish(session, item_ids, at)

    @staticmethod
    def _finish(session: Any, item_ids: Sequence[int], at: datetime) -> None:
        session.execute(
            update(InboxItem)
            .where(InboxItem.id.in_(list(item_ids)))
            .values(
                status=DONE, body=None, outcome=None, claimed_by=None, lease_until=None, done_at=at
            )
            .execution_options(synchronize_session=False)
        )

    def renew(self, worker: str, until: datetime) -> int:
        """Extend the lease of every unfinished row `worker` holds."""
        with self._store.transaction() as session:
            result = session.execute(
                update(InboxItem)
                .where(InboxItem.claimed_by == worker, InboxItem.status != DONE)
                .values(lease_until=until)
                .execution_options(synchronize_session=False)
            )
            return int(result.rowcount or 0)

    def release(self, worker: str) -> int:
        """`worker` is gone: its unfinished rows may be claimed again at once."""
        with self._store.transaction() as session:
            result = session.execute(
                update(InboxItem)
                .where(InboxItem.claimed_by == worker, InboxItem.status != DONE)
                .values(claimed_by=None, lease_until=None)
                .execution_options(synchronize_session=False)
            )
            return int(result.rowcount or 0)

    def prune(self, before: datetime) -> int:
        """Forget finished rows received before `before` (no replay can be that late)."""
        with self._store.transaction() as session:
            result = session.execute(
                delete(InboxItem).where(InboxItem.status == DONE, InboxItem.received_at < before)
            )
            return int(result.rowcount or 0)

    def counts(self) -> dict[str, int]:
        """Rows by status (health checks and tests)."""
        from sqlalchemy import func

        with self._store.transaction() as session:
            rows = session.execute(
                select(InboxItem.status, func.count()).group_by(InboxItem.status)
            ).all()
            return {status: int(count) for status, count in rows}
