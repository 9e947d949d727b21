"""Keeping the member's last undoable change (a rename, a deleted meeting) and telling whether
`undo` still means it: not once a follow-up was logged or closed after it."""

from __future__ import annotations

from typing import Any

from bot.core.context import Context
from storage.records import UndoStepRecord

# Kept with the step: the newest follow-up id when it was made.
_NEWEST = "newest_follow_up"


def remember(ctx: Context, contact_id: int, kind: str, data: dict[str, Any]) -> None:
    kept = {**data, _NEWEST: _newest_follow_up(ctx)}
    ctx.store.remember_undo(ctx.member.id, contact_id, kind, kept, ctx.now)


def overtaken(ctx: Context, step: UndoStepRecord) -> bool:
    """Whether a follow-up was logged or closed after the step: then `undo` means that."""
    if _newest_follow_up(ctx) > step.data.get(_NEWEST, 0):
        return True
    closed = ctx.store.closed_follow_ups(ctx.member.id, 1)
    return bool(closed) and closed[0].done_at is not None and closed[0].done_at > step.at


def _newest_follow_up(ctx: Context) -> int:
    closed = ctx.store.closed_follow_ups(ctx.member.id, 1)
    opened = ctx.store.open_follow_ups(ctx.member.id)
    return max([f.id for f in (*closed, *opened)], default=0)
