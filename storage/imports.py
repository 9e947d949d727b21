"""Contacts brought in from elsewhere (a LinkedIn connections export), in one transaction.

Each row is matched to the member's existing contacts the way `SqlStore.find_contacts` matches
a typed name (`storage.names.match_names`): a match gets the row's details as a note instead of a
second contact; a name matching several contacts is left for the member to sort out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Contact
from storage.names import match_names, name_key


@dataclass(frozen=True)
class ImportedContact:
    """One row to import: where it was in the file, the name, and the note it brings."""

    line: int
    name: str
    note: str


@dataclass
class ImportSummary:
    added: list[ImportedContact] = field(default_factory=list)
    # (row, the existing contact's name) and whether the note was new to it.
    matched: list[tuple[ImportedContact, str]] = field(default_factory=list)
    notes_added: int = 0
    # (row, how many contacts the name matches): not imported, the member decides.
    ambiguous: list[tuple[ImportedContact, int]] = field(default_factory=list)
    # Rows repeating an earlier row of the same file.
    repeated: list[ImportedContact] = field(default_factory=list)


Progress = Callable[[int], None]


def import_contacts(
    session: Session,
    member_id: int,
    rows: Sequence[ImportedContact],
    at: datetime,
    *,
    dry_run: bool,
    on_progress: Progress | None = None,
) -> ImportSummary:
    """Add the rows as contacts of the member (notes to the ones already known). With `dry_run`
    nothing is written; the summary says what would happen."""
    existing = list(
        session.scalars(select(Contact).where(Contact.member_id == member_id).order_by(Contact.id))
    )
    names = [contact.name for contact in existing]
    summary = ImportSummary()
    seen: set[tuple[str, str]] = set()
    for done, row in enumerate(rows, start=1):
        if on_progress is not None:
            on_progress(done)
        key = (name_key(row.name), row.note)
        if key in seen:
            summary.repeated.append(row)
            continue
        seen.add(key)
        found = match_names(row.name, names)
        if len(found) > 1:
            summary.ambiguous.append((row, len(found)))
            continue
        if found:
            contact = existing[found[0]]
            summary.matched.append((row, contact.name))
            if row.note in (contact.notes or "").splitlines():
                continue  # imported before: importing the same file again changes nothing
            summary.notes_added += 1
            if not dry_run:
                contact.notes = f"{contact.notes}\n{row.note}" if contact.notes else row.note
            continue
        summary.added.append(row)
        if not dry_run:
            session.add(
                Contact(
                    member_id=member_id,
                    name=row.name,
                    name_key=name_key(row.name),
                    notes=row.note,
                    created_at=at,
                )
            )
    session.flush()
    return summary
