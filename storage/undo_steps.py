"""The member's last undoable change: a rename or a deleted meeting, kept as what puts it back.

One per member: a new change replaces it, and `undo` takes it (read and deleted in one
transaction, so two server processes never both put it back).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage import claims
from storage.models import UndoStep
from storage.records import UndoStepRecord


def remember(
    session: Session, member_id: int, contact_id: int, kind: str, data: dict[str, Any], at: datetime
) -> None:
    kept = json.dumps(data)
    session.execute(
        claims.dialect_insert(session, UndoStep)
        .values(member_id=member_id, contact_id=contact_id, kind=kind, data=kept, at=at)
        .on_conflict_do_update(
            index_elements=["member_id"],
            set_={"contact_id": contact_id, "kind": kind, "data": kept, "at": at},
        )
    )


def take(session: Session, member_id: int) -> UndoStepRecord | None:
    row = session.scalar(select(UndoStep).where(UndoStep.member_id == member_id).with_for_update())
    if row is None:
        return None
    record = UndoStepRecord(row.contact_id, row.kind, json.loads(row.data), row.at)
    session.execute(delete(UndoStep).where(UndoStep.member_id == member_id))
    return record
