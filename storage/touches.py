"""Give, ask or thank per touch (`touch_kinds`): the kind of each done follow-up, and the
suggestion from a reviewed draft while the follow-up is open."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage import claims
from storage.models import FollowUp, Member, TouchKind
from storage.records import LedgerEntry, TouchCounts

# The same three as `coach_rules.touches.TOUCH_KINDS` (storage does not import the engine).
TOUCH_KINDS = ("give", "ask", "thank")
TOUCH_SOURCES = ("chosen", "suggested")


def set_kind(
    session: Session, member_id: int, follow_up_id: int, kind: str, source: str, at: datetime
) -> bool:
    """Record (or replace) the kind of one of the member's follow-ups (False: no such
    follow-up). A suggestion never replaces a kind the member chose."""
    if kind not in TOUCH_KINDS or source not in TOUCH_SOURCES:
        raise ValueError(f"a touch is give, ask or thank, chosen or suggested: {kind!r}/{source!r}")
    follow_up = session.get(FollowUp, follow_up_id)
    if follow_up is None or follow_up.member_id != member_id:
        return False
    values = {"kind": kind, "source": source, "updated_at": at}
    insert = claims.dialect_insert(session, TouchKind).values(
        follow_up_id=follow_up_id, member_id=member_id, **values
    )
    update_where = None if source == "chosen" else TouchKind.source != "chosen"
    session.execute(
        insert.on_conflict_do_update(
            index_elements=["follow_up_id"], set_=values, where=update_where
        )
    )
    return True


def kind_of(session: Session, member_id: int, follow_up_id: int) -> tuple[str, str] | None:
    """(kind, source) recorded for the follow-up, if any."""
    row = session.execute(
        select(TouchKind.kind, TouchKind.source).where(
            TouchKind.follow_up_id == follow_up_id, TouchKind.member_id == member_id
        )
    ).first()
    return None if row is None else (row.kind, row.source)


def ledger(session: Session, member_id: int, contact_id: int) -> tuple[LedgerEntry, ...]:
    """The contact's done touches, oldest first, each with its kind (None: never recorded)."""
    rows = session.execute(
        select(FollowUp.id, FollowUp.done_on, FollowUp.touch, TouchKind.kind)
        .outerjoin(TouchKind, TouchKind.follow_up_id == FollowUp.id)
        .where(
            FollowUp.member_id == member_id,
            FollowUp.contact_id == contact_id,
            FollowUp.status == "done",
        )
        .order_by(FollowUp.done_at, FollowUp.id)
    ).all()
    return tuple(LedgerEntry(row.id, row.done_on, row.touch, row.kind) for row in rows)


def counts(
    session: Session,
    member_ids: Sequence[int] | None,
    since: datetime,
    until: datetime,
    *,
    workspace_id: int | None = None,
) -> TouchCounts:
    """Touches done in [since, until) by kind, for some members or a whole workspace."""
    query = (
        select(TouchKind.kind, func.count())
        .join(FollowUp, FollowUp.id == TouchKind.follow_up_id)
        .where(FollowUp.status == "done", FollowUp.done_at >= since, FollowUp.done_at < until)
        .group_by(TouchKind.kind)
    )
    if member_ids is not None:
        query = query.where(FollowUp.member_id.in_(list(member_ids)))
    if workspace_id is not None:
        query = query.join(Member, Member.id == FollowUp.member_id).where(
            Member.workspace_id == workspace_id
        )
    found = {kind: count for kind, count in session.execute(query).all()}
    return TouchCounts(
        give=int(found.get("give", 0)),
        ask=int(found.get("ask", 0)),
        thank=int(found.get("thank", 0)),
    )


def tallies(
    session: Session, pairs: Sequence[tuple[int, int]]
) -> dict[tuple[int, int], TouchCounts]:
    """Each (member, contact)'s done touches by kind, in one query (the nudge sweep's batch)."""
    members = sorted({member for member, _ in pairs})
    contacts = sorted({contact for _, contact in pairs})
    rows = session.execute(
        select(FollowUp.member_id, FollowUp.contact_id, TouchKind.kind, func.count())
        .join(TouchKind, TouchKind.follow_up_id == FollowUp.id)
        .where(
            FollowUp.status == "done",
            FollowUp.member_id.in_(members),
            FollowUp.contact_id.in_(contacts),
        )
        .group_by(FollowUp.member_id, FollowUp.contact_id, TouchKind.kind)
    ).all()
    found: dict[tuple[int, int], dict[str, int]] = {}
    for member_id, contact_id, kind, count in rows:
        found.setdefault((member_id, contact_id), {})[kind] = int(count)
    return {
        pair: TouchCounts(**{k: v for k, v in found.get(pair, {}).items() if k in TOUCH_KINDS})
        for pair in pairs
    }
