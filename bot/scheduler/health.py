"""Is the scheduler alive? Read from the sweep's heartbeat row, so any process can tell."""

from __future__ import annotations

from typing import Any

from bot.core.ports import Clock, Store
from bot.scheduler.jobs import SWEEP_HEARTBEAT

DEFAULT_SWEEP_INTERVAL_SECONDS = 30


def health_report(
    store: Store, clock: Clock, *, sweep_interval_seconds: int = DEFAULT_SWEEP_INTERVAL_SECONDS
) -> dict[str, Any]:
    """`ok` is true when a sweep finished within two sweep intervals.

    Synchronous (one small query): call it through `asyncio.to_thread` from async code.
    """
    max_age = 2 * sweep_interval_seconds
    report: dict[str, Any] = {
        "ok": False,
        "last_sweep": None,
        "sweep_age_seconds": None,
        "max_age_seconds": max_age,
        "detail": "",
    }
    try:
        beat = store.heartbeat(SWEEP_HEARTBEAT)
    except Exception as error:
        report["problem"] = f"database unreachable ({type(error).__name__})"
        return report
    if beat is None:
        report["problem"] = "the scheduler has never completed a sweep"
        return report
    at, detail = beat
    age = (clock.now() - at).total_seconds()
    report.update(
        last_sweep=at.isoformat(), sweep_age_seconds=round(age, 1), detail=detail, ok=age <= max_age
    )
    if age > max_age:
        report["problem"] = (
            f"the last sweep was {round(age)} s ago (expected every {sweep_interval_seconds} s)"
        )
    return report
