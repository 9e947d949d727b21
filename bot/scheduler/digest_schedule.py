"""When a weekly digest is due, computed in the subscription's own time zone.

"Monday 09:00 Europe/Berlin" is 08:00 UTC in winter and 07:00 UTC in summer; the zone
database decides, never a fixed offset. A week is the ISO week of the local calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from storage.records import DigestSubscriptionRecord


@dataclass(frozen=True)
class DigestSlot:
    iso_week: str  # "2026-W13", the week the digest belongs to (and its claim key)
    send_at: datetime  # UTC
    period_start: datetime  # UTC: the same slot one local week earlier


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def iso_week_label(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _at_local(day: date, subscription: DigestSubscriptionRecord, zone: ZoneInfo) -> datetime:
    # A wall time skipped by a DST jump (02:30 on a spring-forward night) maps to the same
    # instant as 03:30; a repeated one (autumn) means its first occurrence (fold=0).
    return datetime.combine(day, subscription.at, tzinfo=zone).astimezone(UTC)


def slot_this_week(subscription: DigestSubscriptionRecord, now: datetime) -> DigestSlot:
    """The subscription's slot in the ISO week that contains `now` in its time zone."""
    zone = _zone(subscription.timezone)
    year, week, _ = now.astimezone(zone).isocalendar()
    day = date.fromisocalendar(year, week, subscription.weekday % 7 + 1)
    return DigestSlot(
        iso_week=iso_week_label(day),
        send_at=_at_local(day, subscription, zone),
        period_start=_at_local(day - timedelta(days=7), subscription, zone),
    )


def due_slot(subscription: DigestSubscriptionRecord, now: datetime) -> DigestSlot | None:
    """This week's slot if its time has come, unless it went by before the subscription."""
    slot = slot_this_week(subscription, now)
    if now < slot.send_at:
        return None
    if subscription.created_at is not None and slot.send_at < subscription.created_at:
        return None
    return slot
