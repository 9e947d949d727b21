"""Reading a LinkedIn connections export (Connections.csv) into contacts to import.

LinkedIn's file starts with a few "Notes:" lines before its header (First Name, Last Name, URL,
Email Address, Company, Position, Connected On). Every bad row is reported with its line number
in the file; the caller imports nothing unless every row is good.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from bot.core.parser import MAX_NAME_CHARS, MAX_NOTE_CHARS
from storage.imports import ImportedContact

REQUIRED_COLUMNS = ("First Name", "Last Name")
OPTIONAL_COLUMNS = ("URL", "Email Address", "Company", "Position", "Connected On")
# LinkedIn writes "06 Dec 2023"; other tools and spreadsheets re-save it in these.
_DATE_FORMATS = ("%d %b %Y", "%d %B %Y", "%Y-%m-%d", "%b %d, %Y")
# Enough lines to get past LinkedIn's notes; a file without a header by then is not an export.
_HEADER_SEARCH_LINES = 20
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class CsvFileError(ValueError):
    """The file as a whole cannot be read (not UTF-8, no header): nothing to report per row."""


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class ReadResult:
    rows: tuple[ImportedContact, ...]
    errors: tuple[RowError, ...]
    header_line: int


def read_connections(path: Path) -> ReadResult:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvFileError(
            f"{path.name} is not UTF-8 text (byte {error.start:,} is not): export it from "
            "LinkedIn again, or save it as “CSV UTF-8” from your spreadsheet."
        ) from None
    return parse_connections(text.replace("\x00", ""))


def _records(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line number where the record starts, its fields)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    for fields in reader:
        yield start, fields
        start = reader.line_num + 1


def parse_connections(text: str) -> ReadResult:
    records = _records(text)
    header: dict[str, int] | None = None
    header_line = width = 0
    for line, fields in records:
        names = [f.strip() for f in fields]
        if all(column in names for column in REQUIRED_COLUMNS):
            header = {name: names.index(name) for name in names if name}
            header_line, width = line, len(names)
            break
        if line > _HEADER_SEARCH_LINES:
            break
    if header is None:
        raise CsvFileError(
            "I couldn't find the header line with “First Name” and “Last Name” near the top of "
            "the file. Is it LinkedIn's Connections.csv (Settings → Data privacy → Get a copy "
            "of your data → Connections)?"
        )
    rows: list[ImportedContact] = []
    errors: list[RowError] = []
    for line, fields in records:
        if not any(f.strip() for f in fields):
            continue  # blank lines
        try:
            rows.append(_contact(line, fields, header, width))
        except ValueError as error:
            errors.append(RowError(line, str(error)))
    return ReadResult(rows=tuple(rows), errors=tuple(errors), header_line=header_line)


def _field(fields: Sequence[str], header: dict[str, int], column: str) -> str:
    index = header.get(column)
    if index is None or index >= len(fields):
        return ""
    return " ".join(fields[index].split())


def _connected_on(text: str) -> date | None:
    if not text:
        return None
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"“Connected On” is “{text}”, which is not a date like “06 Dec 2023”")


def _contact(
    line: int, fields: Sequence[str], header: dict[str, int], width: int
) -> ImportedContact:
    if len(fields) > width:
        raise ValueError(
            f"it has {len(fields)} fields but the header has {width}: is a comma inside a "
            "value missing its quotes?"
        )
    first, last = _field(fields, header, "First Name"), _field(fields, header, "Last Name")
    name = " ".join(part for part in (first, last) if part)
    if not name:
        raise ValueError("no name: “First Name” and “Last Name” are both empty")
    if len(name) > MAX_NAME_CHARS:
        raise ValueError(f"the name is {len(name)} characters long; at most {MAX_NAME_CHARS} fit")
    email = _field(fields, header, "Email Address")
    if email and not _EMAIL.fullmatch(email):
        raise ValueError(f"“Email Address” is “{email}”, which is not an email address")
    url = _field(fields, header, "URL")
    if url and not url.startswith(("https://", "http://")):
        raise ValueError(f"“URL” is “{url}”, which is not a web address")
    connected = _connected_on(_field(fields, header, "Connected On"))
    note = _note(
        _field(fields, header, "Position"), _field(fields, header, "Company"), connected, url, email
    )
    if len(note) > MAX_NOTE_CHARS:
        raise ValueError(f"its details are {len(note)} characters long; at most {MAX_NOTE_CHARS}")
    return ImportedContact(line=line, name=name, note=note)


def _note(position: str, company: str, connected: date | None, url: str, email: str) -> str:
    role = " at ".join(part for part in (position, company) if part)
    since = f"connected {connected:%d %b %Y}" if connected else ""
    details = " · ".join(part for part in (role, since, url, email) if part)
    return f"LinkedIn: {details}" if details else "LinkedIn connection"
