"""Where a sweep records each delivered nudge, right after its send.

On PostgreSQL: one connection of its own, in autocommit, so each record is a single UPDATE that
is its own transaction (one round trip, no BEGIN/COMMIT, no pool check-out and ping), and with
`synchronous_commit = off`: the record is visible to every process at once and survives any
crash of ours; only a crash of PostgreSQL itself in the next fraction of a second could forget
it, and a forgotten record can only repeat a nudge, never lose one. Recording each send in a
pooled, disk-synced transaction made the sweep two to three times slower in our runs.

On SQLite (one writer, a local file) a plain short transaction is already cheap.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.engine import Connection

from storage import claims


class DeliveryLog:
    def __init__(
        self, engine: Engine, *, writer: AbstractContextManager[object] | None = None
    ) -> None:
        self._engine = engine
        self._lock = threading.Lock()  # store calls run on worker threads
        # The store's SQLite writer lock: a record queues with the store's other writes.
        self._writer = writer or contextlib.nullcontext()
        self._connection: Connection | None = None

    def mark_sent(self, nudge_ids: Sequence[int], at: datetime) -> int:
        with self._lock:
            if self._engine.dialect.name != "postgresql":
                with self._writer, self._engine.begin() as connection:
                    return claims.mark_nudges_sent(connection, nudge_ids, at)
            connection = self._connect()
            try:
                return claims.mark_nudges_sent(connection, nudge_ids, at)
            except Exception:
                self._drop()  # a broken connection: the next record opens a new one
                raise

    def close(self) -> None:
        with self._lock:
            self._drop()

    def _connect(self) -> Connection:
        if self._connection is None:
            connection = self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            connection.detach()  # its settings must never reach the pool
            connection.exec_driver_sql("SET synchronous_commit = off")
            self._connection = connection
        return self._connection

    def _drop(self) -> None:
        if self._connection is not None:
            connection, self._connection = self._connection, None
            with contextlib.suppress(Exception):  # already broken
                connection.close()
