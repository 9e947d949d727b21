"""Contacts as people expect: accents and case aside, rename, merge, delete, notes (issue 11)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from sqlalchemy import text

import storage
from storage.names import match_names, name_key
from storage.records import PlannedNudge
from storage.schema import alembic_config

if TYPE_CHECKING:
    from storage.store import SqlStore

DAY = date(2026, 12, 8)


def _member(store: SqlStore) -> int:
    return store.get_or_create_member("slack", "T1", "U1").id


def test_names_match_without_case_or_accents(store: SqlStore) -> None:
    member = _member(store)
    jose = store.add_contact(member, "José Núñez")
    zoe = store.add_contact(member, "Zoë Ça")
    assert store.find_contacts(member, "jose") == [jose]
    assert store.find_contacts(member, "JOSE NUNEZ") == [jose]
    assert store.find_contacts(member, "zoe") == [zoe]
    assert store.find_contacts(member, "Zoe Ca") == [zoe]


def test_what_people_also_type_for_someone_they_know() -> None:
    names = ["Kai Müller", "Omar Haddad", "Dana Kim", "Sam Lee"]
    assert match_names("Kai Mueller", names) == [0]
    assert match_names("Mr. Haddad", names) == [1]
    assert match_names("Omar Hadad", names) == [1]
    assert match_names("Dana Kym", names) == [2]
    assert match_names("Dan", names) == []  # a single word is never matched by spelling alone
    assert name_key("  ZOË   Ça ") == "zoe ca"


def test_a_title_filed_with_a_name_does_not_hide_it() -> None:
    """ "met Dr. Amara Obi …" files the title; "follow up amara" means her, not someone new."""
    names = ["Dr. Amara Obi", "Prof. Li Wei", "Amara Eze"]
    assert match_names("amara obi", names) == [0]
    assert match_names("Dr. Obi", names) == [0]
    assert match_names("li", names) == [1]
    assert match_names("amara", names) == [0, 2]  # two Amaras: the caller asks which
    assert match_names("dr amara obi", ["Amara Obi"]) == [0]


def test_rename_rekeys_the_contact(store: SqlStore) -> None:
    member = _member(store)
    sam = store.add_contact(member, "Sam")
    renamed = store.rename_contact(member, sam.id, "Sámuel Lee")
    assert renamed.name == "Sámuel Lee"
    assert store.find_contacts(member, "samuel lee") == [renamed]
    assert store.find_contacts(member, "Sam") == [renamed]  # the old name still finds them
    assert store.previous_names(member, sam.id) == ["Sam"]


def test_a_new_contact_with_the_old_name_wins_over_the_renamed_one(store: SqlStore) -> None:
    member = _member(store)
    sam = store.add_contact(member, "Sam Ortiz")
    store.rename_contact(member, sam.id, "Samantha Ortiz")
    other = store.add_contact(member, "Sam Ortiz")
    assert store.find_contacts(member, "sam ortiz") == [other]


def test_delete_meeting_removes_it_with_its_open_follow_up_and_nudges(store: SqlStore) -> None:
    member = _member(store)
    ana = store.add_contact(member, "Ana")
    first = store.add_meeting(member, ana.id, date(2026, 3, 2))
    kept = store.create_follow_up(member, ana.id, first.id, date(2026, 3, 2), date(2026, 3, 5))
    store.close_follow_up(member, kept.id, "done", datetime(2026, 3, 5, tzinfo=UTC))
    wrong = store.add_meeting(member, ana.id, date(2026, 3, 9), place="Cafe")
    open_one = store.create_follow_up(
        member,
        ana.id,
        wrong.id,
        date(2026, 3, 9),
        date(2026, 3, 12),
        nudges=[PlannedNudge("due", datetime(2026, 3, 12, 9, tzinfo=UTC))],
    )
    deleted = store.delete_meeting(member, wrong.id)
    assert deleted.meeting.place == "Cafe"
    assert [f.id for f in deleted.follow_ups] == [open_one.id]
    assert store.latest_meeting(member, ana.id) == first
    assert store.get_follow_up(member, open_one.id) is None
    assert store.get_follow_up(member, kept.id) is not None


def test_merge_moves_meetings_follow_ups_and_notes(store: SqlStore) -> None:
    member = _member(store)
    keep = store.add_contact(member, "Sam Lee")
    other = store.add_contact(member, "Sam")
    meeting = store.add_meeting(member, other.id, DAY, place="PyCon")
    store.create_follow_up(member, other.id, meeting.id, DAY, date(2026, 12, 11))
    store.add_contact_note(member, other.id, "designer")
    merged = store.merge_contacts(member, keep.id, other.id)
    assert merged.notes == "designer"
    assert [c.name for c in store.contacts(member)] == ["Sam Lee"]
    assert store.latest_meeting(member, keep.id) == meeting.__class__(
        **{**meeting.__dict__, "contact_id": keep.id}
    )
    [follow_up] = store.open_follow_ups(member)
    assert (follow_up.contact_id, follow_up.contact_name) == (keep.id, "Sam Lee")


def test_delete_removes_the_contact_with_its_follow_ups_and_nudges(store: SqlStore) -> None:
    member = _member(store)
    kai = store.add_contact(member, "Kai")
    meeting = store.add_meeting(member, kai.id, DAY)
    nudge = PlannedNudge("due", datetime(2026, 12, 11, 14, tzinfo=UTC))
    store.create_follow_up(member, kai.id, meeting.id, DAY, date(2026, 12, 11), nudges=[nudge])
    store.delete_contact(member, kai.id)
    assert store.contacts(member) == []
    assert store.open_follow_ups(member) == []
    assert store.claim_due_nudges(datetime(2027, 1, 1, tzinfo=UTC), 10, "w") == []


def test_notes_are_kept_in_order(store: SqlStore) -> None:
    member = _member(store)
    priya = store.add_contact(member, "Priya")
    store.add_contact_note(member, priya.id, "Tue 8 Dec: hiring SREs")
    store.add_contact_note(member, priya.id, "Wed 9 Dec: moving to Berlin")
    card = store.contact_card(member, priya.id)
    assert card.contact.notes == "Tue 8 Dec: hiring SREs\nWed 9 Dec: moving to Berlin"


def _keys(store: SqlStore) -> list[str]:
    with store.engine.connect() as connection:
        return [row[0] for row in connection.execute(text("SELECT name_key FROM contacts"))]


def test_migration_0005_rekeys_contacts_both_ways(tmp_path: Path) -> None:
    store = storage.open_store(f"sqlite:///{tmp_path / 'bot.sqlite3'}")
    try:
        store.add_contact(_member(store), "José Núñez")
        assert _keys(store) == ["jose nunez"]
        with store.engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0004")
        assert _keys(store) == ["josé núñez"]  # as before this branch: case-folded only
        with store.engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
        assert _keys(store) == ["jose nunez"]
    finally:
        store.close()
