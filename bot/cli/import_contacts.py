"""`netcoach import contacts FILE.csv --member …`: a member's LinkedIn connections as contacts.

Nothing is imported unless every row is good: the errors are listed with their line numbers
first. `--dry-run` shows what would happen and writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

# Below this many rows the import is over before a progress bar would help.
PROGRESS_MIN_ROWS = 200
_BAR_WIDTH = 30
# At most this many errors or skipped rows are listed one by one.
SHOWN = 20
MEMBER_FORMAT = "PLATFORM:WORKSPACE:USER (e.g. slack:T0123:U0456), or console:USER"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    what = parser.add_subparsers(dest="import_what", metavar="WHAT", required=True)
    contacts = what.add_parser(
        "contacts",
        help="contacts from a LinkedIn connections export (Connections.csv)",
        description="Import a LinkedIn connections export (Connections.csv) as one member's "
        "contacts. Names already among their contacts get the details as a note instead.",
    )
    contacts.add_argument("file", type=Path, help="the CSV file")
    contacts.add_argument("--member", required=True, help=f"whose contacts: {MEMBER_FORMAT}")
    contacts.add_argument(
        "--dry-run", action="store_true", help="show what would be imported; change nothing"
    )
    contacts.add_argument(
        "--database-url", help="database to use instead of DATABASE_URL (or the default file)"
    )


def member_ids(text: str) -> tuple[str, str, str]:
    """(platform, workspace, user) from `--member`."""
    from bot.console.session import PLATFORM, WORKSPACE

    parts = text.split(":")
    if len(parts) == 2 and parts[0] == PLATFORM and parts[1]:
        return PLATFORM, WORKSPACE, parts[1]
    if len(parts) == 3 and all(parts):
        return parts[0], parts[1], parts[2]
    raise ValueError(f"--member “{text}” is not {MEMBER_FORMAT}")


class ProgressBar:
    """`[#######.......]  1,200/5,000 rows` on one terminal line, redrawn as rows go by."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self._drawn = -1

    def __call__(self, done: int) -> None:
        filled = _BAR_WIDTH * done // self.total
        if filled == self._drawn and done != self.total:
            return
        self._drawn = filled
        bar = "#" * filled + "." * (_BAR_WIDTH - filled)
        self.stream.write(f"\r[{bar}] {done:,}/{self.total:,} rows")
        if done == self.total:
            self.stream.write("\n")
        self.stream.flush()


def _progress(total: int, stream: TextIO) -> ProgressBar | None:
    if total < PROGRESS_MIN_ROWS or not stream.isatty():
        return None
    return ProgressBar(total, stream)


def _listed(lines: list[str], out: TextIO) -> None:
    for line in lines[:SHOWN]:
        print(f"  {line}", file=out)
    if len(lines) > SHOWN:
        print(f"  …and {len(lines) - SHOWN:,} more", file=out)


def run(args: argparse.Namespace, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from bot.cli.contacts_csv import CsvFileError, read_connections
    from bot.config import Settings, SettingsError
    from storage.names import name_key

    out, err = out or sys.stdout, err or sys.stderr
    try:
        platform, workspace, user = member_ids(args.member)
    except ValueError as error:
        print(error, file=err)
        return 2
    try:
        result = read_connections(args.file)
    except FileNotFoundError:
        print(f"There is no file {args.file}.", file=err)
        return 2
    except (CsvFileError, OSError) as error:
        print(f"Cannot read {args.file}: {error}", file=err)
        return 2
    if result.errors:
        print(
            f"Nothing was imported: {len(result.errors):,} of "
            f"{len(result.errors) + len(result.rows):,} rows in {args.file.name} need fixing "
            "first.",
            file=err,
        )
        _listed([str(e) for e in result.errors], err)
        return 1
    if not result.rows:
        print(f"{args.file.name} has a header but no connections: nothing to import.", file=out)
        return 0

    try:
        database_url = args.database_url or Settings.for_console().database_url
    except SettingsError as error:
        print(f"Settings problem: {error}", file=err)
        return 2
    import storage

    store = storage.open_store(database_url)
    try:
        member = store.member_by_ids(platform, workspace, user)
        if member is None:
            print(
                f"No member {args.member} in this database: they need to message the bot once "
                "(or, for the console, run `netcoach try --user USER`) before their contacts "
                "can be imported.",
                file=err,
            )
            return 1
        summary = store.import_contacts(
            member.id,
            result.rows,
            dry_run=args.dry_run,
            on_progress=_progress(len(result.rows), err),
        )
    finally:
        store.close()

    would = args.dry_run
    print(
        f"{'Would import' if would else 'Imported'} {len(summary.added):,} new contacts for "
        f"{args.member}. Already among their contacts: {len(summary.matched):,} "
        f"({summary.notes_added:,} {'would get' if would else 'got'} the LinkedIn details as a "
        "note).",
        file=out,
    )
    similar = [
        (row, known) for row, known in summary.matched if name_key(row.name) != name_key(known)
    ]
    if similar:
        print(
            f"Taken as people you already have, by a similar name ({len(similar):,}; rename or "
            "add them by hand if one is somebody else):",
            file=out,
        )
        _listed([f"line {row.line}: {row.name} → {known}" for row, known in similar], out)
    if summary.ambiguous:
        print(
            f"Skipped {len(summary.ambiguous):,} whose name matches several contacts (merge "
            "them first, or add the person by hand):",
            file=out,
        )
        _listed(
            [f"line {row.line}: {row.name} ({count} contacts)" for row, count in summary.ambiguous],
            out,
        )
    if summary.repeated:
        print(f"Skipped {len(summary.repeated):,} rows repeating an earlier row:", file=out)
        _listed([f"line {row.line}: {row.name}" for row in summary.repeated], out)
    if args.dry_run:
        print("Dry run: nothing was changed.", file=out)
    return 0
