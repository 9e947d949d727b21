"""The yes/no question a reply asked, kept where every server process sees it.

Slack and Teams run several processes; the "yes" that answers "Delete Kai?" may land on another
one. A member has at most one question: asking replaces it, and their next message takes it
(an atomic DELETE … RETURNING, so two processes never both answer it). The row also keeps the
contact the reply was about, for a "snooze her" in that next message.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from storage import claims
from storage.models import PendingQuestion
from storage.records import QuestionRecord


def _of(platform: str, workspace_id: str, user_id: str) -> object:
    return (
        (PendingQuestion.platform == platform)
        & (PendingQuestion.workspace_external_id == workspace_id)
        & (PendingQuestion.user_id == user_id)
    )


def ask(
    session: Session,
    platform: str,
    workspace_id: str,
    user_id: str,
    on_yes: str | None,
    at: datetime,
    about_contact_id: int | None = None,
    choices: Sequence[tuple[str, str]] = (),
) -> None:
    kept = json.dumps([list(choice) for choice in choices]) if choices else None
    session.execute(
        claims.dialect_insert(session, PendingQuestion)
        .values(
            platform=platform,
            workspace_external_id=workspace_id,
            user_id=user_id,
            on_yes=on_yes,
            about_contact_id=about_contact_id,
            choices=kept,
            asked_at=at,
        )
        .on_conflict_do_update(
            index_elements=["platform", "workspace_external_id", "user_id"],
            set_={
                "on_yes": on_yes,
                "about_contact_id": about_contact_id,
                "choices": kept,
                "asked_at": at,
            },
        )
    )


def take(session: Session, platform: str, workspace_id: str, user_id: str) -> QuestionRecord | None:
    row = session.execute(
        delete(PendingQuestion)
        .where(_of(platform, workspace_id, user_id))
        .returning(
            PendingQuestion.on_yes,
            PendingQuestion.asked_at,
            PendingQuestion.about_contact_id,
            PendingQuestion.choices,
        )
    ).first()
    if row is None:
        return None
    return QuestionRecord(
        on_yes=row.on_yes,
        asked_at=row.asked_at,
        about_contact_id=row.about_contact_id,
        choices=_choices(row.choices),
    )


def _choices(kept: str | None) -> tuple[tuple[str, str], ...]:
    if not kept:
        return ()
    try:
        rows = json.loads(kept)
    except ValueError:
        return ()
    return tuple(
        (str(row[0]), str(row[1])) for row in rows if isinstance(row, list) and len(row) == 2
    )


def forget(session: Session, platform: str, workspace_id: str, user_id: str) -> int:
    result = session.execute(delete(PendingQuestion).where(_of(platform, workspace_id, user_id)))
    return int(result.rowcount or 0)


def prune(session: Session, before: datetime) -> int:
    """Drop questions asked before `before` that nobody answered (they may hold a draft)."""
    result = session.execute(delete(PendingQuestion).where(PendingQuestion.asked_at < before))
    return int(result.rowcount or 0)
