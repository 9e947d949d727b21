"""`netcoach import contacts`: a LinkedIn connections export becomes one member's contacts."""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import import_contacts
from bot.cli.contacts_csv import CsvFileError, parse_connections
from storage.store import SqlStore

LINKEDIN_PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    'missing. You will only see email addresses for connections who have allowed it."\n'
    "\n"
)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def export(*rows: str) -> str:
    return LINKEDIN_PREAMBLE + HEADER + "".join(f"{row}\n" for row in rows)


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def member(store: SqlStore) -> int:
    return store.get_or_create_member("slack", "T1", "U1").id


def run(
    store: SqlStore, path: Path, *extra: str, err: io.StringIO | None = None
) -> tuple[int, str, str]:
    url = store.engine.url.render_as_string(hide_password=False)
    args = argparse.Namespace(
        import_what="contacts",
        file=path,
        member="slack:T1:U1",
        dry_run="--dry-run" in extra,
        database_url=url,
    )
    out, err = io.StringIO(), err or io.StringIO()
    code = import_contacts.run(args, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def names(store: SqlStore, member: int) -> list[str]:
    return sorted(contact.name for contact in store.contacts(member))


def test_the_header_is_found_after_linkedins_notes_and_rows_become_named_notes():
    result = parse_connections(
        export(
            "Jane,Doe,https://www.linkedin.com/in/jane,,Acme,CTO,06 Dec 2023",
            'Priya,Raman,https://www.linkedin.com/in/priya,priya@example.com,"Globex, Inc.",,',
        )
    )
    assert result.errors == ()
    assert result.header_line == 4
    jane, priya = result.rows
    assert (jane.line, jane.name) == (5, "Jane Doe")
    assert jane.note == (
        "LinkedIn: CTO at Acme · connected 06 Dec 2023 · https://www.linkedin.com/in/jane"
    )
    assert priya.note.startswith("LinkedIn: Globex, Inc. · https://")


def test_a_file_that_is_no_linkedin_export_is_refused_whole():
    with pytest.raises(CsvFileError, match="First Name"):
        parse_connections("name,email\nJane,jane@example.com\n")


def test_import_adds_new_people_and_notes_the_ones_already_known(
    store: SqlStore, member: int, tmp_path: Path
):
    store.add_contact(member, "Jané Doe")
    path = tmp_path / "Connections.csv"
    path.write_text(
        export(
            "Jane,Doe,https://www.linkedin.com/in/jane,,Acme,CTO,06 Dec 2023",
            "Zoë,Müller,https://www.linkedin.com/in/zoe,,,,01 Jan 2020",
            "Zoë,Müller,https://www.linkedin.com/in/zoe,,,,01 Jan 2020",
        ),
        encoding="utf-8",
    )
    code, out, _ = run(store, path)
    assert code == 0
    assert "Imported 1 new contacts" in out and "Already among their contacts: 1" in out
    assert "Skipped 1 rows repeating an earlier row" in out
    assert names(store, member) == ["Jané Doe", "Zoë Müller"]
    jane = store.find_contacts(member, "jane doe")[0]
    assert jane.notes is not None and "CTO at Acme" in jane.notes
    # The same file again changes nothing.
    code, out, _ = run(store, path)
    assert "Imported 0 new contacts" in out and "(0 got the LinkedIn details" in out
    assert names(store, member) == ["Jané Doe", "Zoë Müller"]
    assert store.find_contacts(member, "jane doe")[0].notes == jane.notes


def test_dry_run_reports_and_changes_nothing(store: SqlStore, member: int, tmp_path: Path):
    path = tmp_path / "Connections.csv"
    path.write_text(export("Jane,Doe,,,,,"), encoding="utf-8")
    code, out, _ = run(store, path, "--dry-run")
    assert code == 0
    assert "Would import 1 new contacts" in out and "Dry run: nothing was changed." in out
    assert names(store, member) == []


def test_one_bad_row_imports_nothing_and_every_bad_row_is_named_by_line(
    store: SqlStore, member: int, tmp_path: Path
):
    path = tmp_path / "Connections.csv"
    path.write_text(
        export(
            "Jane,Doe,https://www.linkedin.com/in/jane,,,,",
            ",,https://www.linkedin.com/in/nobody,,,,",
            "Omar,Haddad,,not-an-email,,,",
            "Ana,Ruiz,,,,,the other day",
        ),
        encoding="utf-8",
    )
    code, _, err = run(store, path)
    assert code == 1
    assert "Nothing was imported: 3 of 4 rows" in err
    assert "line 6: no name" in err
    assert "line 7: “Email Address” is “not-an-email”" in err
    assert "line 8: “Connected On” is “the other day”" in err
    assert names(store, member) == []


def test_a_member_who_never_used_the_bot_is_refused(store: SqlStore, tmp_path: Path):
    path = tmp_path / "Connections.csv"
    path.write_text(export("Jane,Doe,,,,,"), encoding="utf-8")
    code, _, err = run(store, path)
    assert code == 1 and "No member slack:T1:U1" in err


def test_long_files_show_a_progress_bar_on_a_terminal(store: SqlStore, member: int, tmp_path: Path):
    rows = [f"Person{i},Tester,,,,," for i in range(import_contacts.PROGRESS_MIN_ROWS)]
    path = tmp_path / "Connections.csv"
    path.write_text(export(*rows), encoding="utf-8")
    terminal = Tty()
    code, out, _ = run(store, path, err=terminal)
    assert code == 0 and f"Imported {len(rows)} new contacts" in out
    drawn = terminal.getvalue()
    assert drawn.count("\r[") > 1
    assert drawn.endswith(f"[{'#' * 30}] {len(rows)}/{len(rows)} rows\n")


def test_the_command_line_names_a_missing_file_and_a_bad_member(tmp_path: Path):
    def netcoach(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot", "import", "contacts", *args],
            capture_output=True,
            text=True,
            timeout=120,
            env={"NETCOACH_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        )

    missing = netcoach(str(tmp_path / "nope.csv"), "--member", "console:ada")
    assert missing.returncode == 2 and "There is no file" in missing.stderr
    bad = netcoach(str(tmp_path / "nope.csv"), "--member", "ada")
    assert bad.returncode == 2 and "is not PLATFORM:WORKSPACE:USER" in bad.stderr


def test_a_name_matched_by_a_similar_spelling_is_listed(
    store: SqlStore, member: int, tmp_path: Path
):
    store.add_contact(member, "Omar Haddad")
    path = tmp_path / "Connections.csv"
    path.write_text(export("Omar,Hadad,,,,,"), encoding="utf-8")
    code, out, _ = run(store, path)
    assert code == 0
    assert "line 5: Omar Hadad → Omar Haddad" in out
    assert names(store, member) == ["Omar Haddad"]
