"""Simulated time for `netcoach try`: real time plus an offset that `/clock +3d` grows.

The offset is kept in the database (as the "console-clock" heartbeat's detail), so a follow-up
planned at simulated Thursday is still due at simulated Thursday after a restart, and the
database stays the one place that holds state (no extra file, and PostgreSQL works too).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from bot.core.ports import Store

HEARTBEAT_NAME = "console-clock"
_STEP = re.compile(r"\+\s*(\d{1,5})\s*(m|min|mins|minutes?|h|hours?|d|days?|w|weeks?)", re.I)
MAX_JUMP = timedelta(days=366)


class ClockStepError(ValueError):
    """The text is not a step such as `+3d`; the message says how to write one."""


class SimulatedClock:
    def __init__(self, offset: timedelta = timedelta(0)) -> None:
        self.offset = offset
        self._frozen: datetime | None = None

    def now(self) -> datetime:
        if self._frozen is not None:
            return self._frozen
        return datetime.now(UTC) + self.offset

    def freeze(self, at: datetime) -> None:
        """Hold time at `at` (while walking through the hours of a `/clock` jump)."""
        self._frozen = at.astimezone(UTC)

    def settle(self, at: datetime) -> None:
        """Stop holding time and carry on running from `at`."""
        self._frozen = None
        self.offset = at.astimezone(UTC) - datetime.now(UTC)


def parse_step(text: str) -> timedelta:
    match = _STEP.fullmatch(text.strip())
    if match is None:
        raise ClockStepError(
            "Move the clock forward with `/clock +3d`, `/clock +12h` or `/clock +30m` "
            "(`/clock` alone shows the simulated time)."
        )
    amount, unit = int(match.group(1)), match.group(2).lower()
    if unit.startswith("w"):
        step = timedelta(weeks=amount)
    elif unit.startswith("d"):
        step = timedelta(days=amount)
    elif unit.startswith("h"):
        step = timedelta(hours=amount)
    else:
        step = timedelta(minutes=amount)
    if step > MAX_JUMP:
        raise ClockStepError("Jump at most a year at a time, e.g. `/clock +30d`.")
    return step


def load_offset(store: Store) -> timedelta:
    saved = store.heartbeat(HEARTBEAT_NAME)
    if saved is None:
        return timedelta(0)
    try:
        return timedelta(seconds=float(saved[1]))
    except ValueError:
        return timedelta(0)


def save_offset(store: Store, clock: SimulatedClock) -> None:
    store.record_heartbeat(HEARTBEAT_NAME, datetime.now(UTC), f"{clock.offset.total_seconds():.3f}")
