"""Score the parser on `tests/data/command_phrasings.jsonl` (schema: the writer's brief).

Maps what `parse_command` returns onto the file's `expect` keys: the day is resolved against the
file's today (Wed 9 Dec 2026, month/day dates) and a person name against the file's contacts,
with the same matching the store uses. A row counts only when the command and every key match.

`python -m tests.core.phrasings` prints accuracy per command and every miss.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bot.core import commands as c
from bot.core.dates import DaySpec, resolve_future, resolve_past
from bot.core.parser import parse_command, split_name_and_note
from storage.names import match_names, name_key

DATA = Path(__file__).resolve().parents[1] / "data"
PHRASINGS = DATA / "command_phrasings.jsonl"
# A second file by another writer, never used to write the parser's rules at first: it measures
# how far the parser generalises beyond the file it was tuned on.
PHRASINGS_DEV2 = DATA / "command_phrasings_dev2.jsonl"
# A third writer's file (E4), scored untouched on arrival (see the README), then developed on.
PHRASINGS_DEV3 = DATA / "command_phrasings_dev3.jsonl"
# A fourth writer's file (E5), scored untouched on arrival, then developed on.
PHRASINGS_DEV4 = DATA / "command_phrasings_dev4.jsonl"
# A fifth writer's file (E6): busy people's everyday sentences, scored untouched, then developed on.
PHRASINGS_DEV5 = DATA / "command_phrasings_dev5.jsonl"
# A sixth writer's file (E7): everyday sentences again, scored untouched once, then developed on.
PHRASINGS_DEV6 = DATA / "command_phrasings_dev6.jsonl"
# A seventh writer's file (E8): everyday sentences, scored untouched once, then developed on.
PHRASINGS_DEV7 = DATA / "command_phrasings_dev7.jsonl"
# An eighth writer's file (E9, 7 Dec): scored untouched on arrival and after the fifth pass, then
# developed on.
PHRASINGS_DEV8 = DATA / "command_phrasings_dev8.jsonl"
# A ninth writer's file (E10, 7 Dec): scored untouched once after the sixth pass, then developed on.
PHRASINGS_DEV9 = DATA / "command_phrasings_dev9.jsonl"
# A tenth writer's file (E11, 7 Dec): scored untouched once on arrival (79.8%), then developed on.
PHRASINGS_DEV10 = DATA / "command_phrasings_dev10.jsonl"
# An eleventh writer's file (E12, 7 Dec): scored untouched once on arrival (79.8%), then
# developed on.
PHRASINGS_DEV11 = DATA / "command_phrasings_dev11.jsonl"
# Writers E15 and E16 (7 Dec, third session): everyday sentences, scored untouched once on
# arrival (53.2% and 79.0%), then developed on.
PHRASINGS_DEV12 = DATA / "command_phrasings_dev12.jsonl"
PHRASINGS_DEV13 = DATA / "command_phrasings_dev13.jsonl"
# Writers E13 and E14 (7 Dec, third session): kept from the engineers and scored untouched on
# arrival (80.2% and 65.8%), after the eleventh pass (80.8%, 66.5%) and after the twelfth (81.0%,
# 67.8%); then developed on.
PHRASINGS_DEV14 = DATA / "command_phrasings_dev14.jsonl"
PHRASINGS_DEV15 = DATA / "command_phrasings_dev15.jsonl"
# Writers E17 and E18 (7 Dec, third session): kept from the engineers and scored untouched
# after the twelfth pass (73.2% and 71.5%) and after the thirteenth (77.0%, 75.0%); then
# developed on.
PHRASINGS_DEV16 = DATA / "command_phrasings_dev16.jsonl"
PHRASINGS_DEV17 = DATA / "command_phrasings_dev17.jsonl"
# Writer E19 (7 Dec, fourth session): kept from the engineers and scored untouched on arrival
# (84.5%) and after the fourteenth pass (86.0%); then developed on.
PHRASINGS_DEV18 = DATA / "command_phrasings_dev18.jsonl"
# Writer E20 (7 Dec, fourth session): kept from the engineers and scored untouched after the
# fourteenth pass (88.5%) and after the fifteenth (88.2%); then developed on.
PHRASINGS_DEV19 = DATA / "command_phrasings_dev19.jsonl"
# Writer E21 (7 Dec, fourth session): kept from the engineers and scored untouched after the
# fifteenth pass (88.8%) and after the sixteenth (88.8%); then developed on.
PHRASINGS_DEV20 = DATA / "command_phrasings_dev20.jsonl"
# Writers E22 and E23 (7 Dec, fifth session): kept from the engineers and scored untouched
# before the seventeenth pass (80.8%, 80.5%) and after it (82.0%, 81.0%); then developed on.
PHRASINGS_DEV21 = DATA / "command_phrasings_dev21.jsonl"
PHRASINGS_DEV22 = DATA / "command_phrasings_dev22.jsonl"
# Writers E24 and E25 (7 Dec, sixth session): kept from the engineers and scored untouched once
# (aggregate figures only) after the eighteenth and nineteenth passes (79.8%, 81.0%).
PHRASINGS_DEV23 = DATA / "command_phrasings_dev23.jsonl"
PHRASINGS_DEV24 = DATA / "command_phrasings_dev24.jsonl"
# Writers E26 and E27 (7 Dec, sixth session, second round): kept from the engineers and scored
# untouched once (aggregate figures only) after the twentieth pass (90.2%, 81.0%); then developed
# on in the twenty-first (95.2%, 90.5%).
PHRASINGS_DEV25 = DATA / "command_phrasings_dev25.jsonl"
PHRASINGS_DEV26 = DATA / "command_phrasings_dev26.jsonl"
# Writers E28 and E29 (7 Dec, seventh session): written while the twenty-first pass and the
# lead's newcomer fixes ran, kept from the engineers and scored untouched once (aggregate figures
# only) after all of them (86.5%, 79.5%); then developed on in the twenty-second (89.2%, 84.8%).
PHRASINGS_DEV27 = DATA / "command_phrasings_dev27.jsonl"
PHRASINGS_DEV28 = DATA / "command_phrasings_dev28.jsonl"
# Writers E30 and E31 (7 Dec, eighth session): kept from the engineers and scored untouched on
# arrival (87.8%, 82.0%) and once after the twenty-second pass (87.8%, 82.5%); then developed on.
PHRASINGS_DEV29 = DATA / "command_phrasings_dev29.jsonl"
PHRASINGS_DEV30 = DATA / "command_phrasings_dev30.jsonl"
# Writers E32 and E33 (8 Dec, eighth session): kept from the engineers and scored untouched on
# arrival (79.0%, 78.0%) and once after passes 22 and 23 (79.8%, 78.5%); then developed on.
PHRASINGS_DEV31 = DATA / "command_phrasings_dev31.jsonl"
PHRASINGS_DEV32 = DATA / "command_phrasings_dev32.jsonl"
# Writer E2's file, held out: never opened by the parser's authors; tests print only its accuracy.
PHRASINGS_HOLDOUT = DATA / "command_phrasings_holdout.jsonl"
TODAY = date(2026, 12, 9)
CONTACTS = (
    "Jane Doe",
    "Priya Shah",
    "José Núñez",
    "Zoë Ça",
    "Dana Kim",
    "Omar Haddad",
    "Kai Müller",
    "Sam Lee",
)
FOLLOW_UPS = {6: "Dana Kim"}
# Chat and drafts are told apart by the draft-or-chat gate in production; a line the parser
# hands on as "not a command" is right for both.
NOT_A_COMMAND = {"command": "chat-or-review"}
_ARTICLE = re.compile(r"^(?:the|an?)\s+", re.IGNORECASE)
# What a note is about, said with or without its word: "re: the grant" / "the grant".
_ABOUT = re.compile(r"^(?:re:?|about|regarding|abt|for)\s+", re.IGNORECASE)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

Parse = Callable[[str], object]


def load(path: Path = PHRASINGS) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _person(ref: c.PersonRef) -> str:
    if ref.follow_up_id is not None:
        return FOLLOW_UPS.get(ref.follow_up_id, ref.name)
    found = match_names(ref.name, CONTACTS)
    return CONTACTS[found[0]] if len(found) == 1 else ref.name


def _past(spec: DaySpec | None) -> str:
    return (resolve_past(spec, TODAY) if spec else TODAY).isoformat()


def _future(spec: DaySpec | None) -> str | None:
    return resolve_future(spec, TODAY).isoformat() if spec else None


def _known(name: str) -> bool:
    return bool(match_names(name, CONTACTS))


def as_schema(result: object) -> dict[str, Any]:
    """The parser's result in the phrasing file's terms (None values dropped)."""
    out: dict[str, Any]
    match result:
        case c.MetCommand():
            out = {
                "command": "met",
                "person": _person(result.person),
                "place": result.place,
                "date": _past(result.when),
                "note": result.note,
            }
        case c.FollowUpCommand():
            person, note = result.person, result.note
            if result.unsplit_words:
                name, note = split_name_and_note(result.unsplit_words, _known)
                person = c.PersonRef(name)
            out = {
                "command": "follow-up",
                "person": _person(person),
                "date": _future(result.when),
                "time": result.at.strftime("%H:%M") if result.at else None,
                "note": note,
            }
        case c.SnoozeCommand():
            out = {
                "command": "snooze",
                "person": _person(result.target),
                "date": _future(result.when),
                "days": result.days,
            }
        case c.DoneCommand():
            out = {"command": "done", "person": _person(result.target)}
        case c.CancelCommand():
            out = {"command": "cancel", "person": _person(result.target)}
        case c.ListCommand():
            # The labels' schema predates `list today|week`: those windows are labelled `list`.
            shown = None if result.filter in ("today", "week") else result.filter
            out = {"command": "list", "filter": shown}
        case c.WhoCommand():
            out = {"command": "who", "person": _person(result.person)}
        case c.NoteCommand():
            out = {"command": "note", "person": _person(result.person), "note": result.note}
        case c.RenameCommand():
            out = {
                "command": "rename",
                "person": _person(result.person),
                "new_name": result.new_name,
            }
        case c.DeleteContactCommand():
            out = {"command": "delete-contact", "person": _person(result.person)}
        case c.StatsCommand():
            out = {"command": "stats", "period": result.period}
        case c.DigestHereCommand():
            out = {
                "command": "digest",
                "action": "here",
                "weekday": WEEKDAYS[result.weekday] if result.weekday is not None else None,
                "time": result.at.strftime("%H:%M") if result.at else None,
            }
        case c.DigestOffCommand():
            out = {"command": "digest", "action": "off"}
        case c.DigestPreviewCommand():
            out = {"command": "digest", "action": "preview"}
        case c.SettingsShowCommand():
            out = {"command": "settings", "setting": "show"}
        case c.SettingsTimezoneCommand():
            out = {"command": "settings", "setting": "timezone", "value": result.zone}
        case c.SettingsHoursCommand():
            value = f"{result.start:%H:%M}-{result.end:%H:%M}"
            out = {"command": "settings", "setting": "hours", "value": value}
        case c.SettingsToggleCommand():
            value = "on" if result.on else "off"
            out = {"command": "settings", "setting": result.setting, "value": value}
        case c.ExportCommand():
            out = {"command": "export"}
        case c.ForgetMeCommand():
            out = {"command": "forget-me"}
        case c.HelpCommand():
            out = {"command": "help", "topic": result.topic}
        case c.ChatCommand():
            out = {"command": "chat", "intent": result.intent}
        case c.ReviewCommand():
            out = {"command": "review"}
        case c.NotACommand():
            out = dict(NOT_A_COMMAND)
        case c.ParseFailure():
            out = {"command": "failure", "message": result.message}
        case _:
            out = {"command": type(result).__name__}
    return {key: value for key, value in out.items() if value is not None}


def expected(row: dict[str, Any]) -> dict[str, Any]:
    want = dict(row["expect"])
    if want["command"] == "stats" and "period" not in want:
        want["period"] = "week"  # "stats" alone covers the last 7 days
    return want


def _same_person(want: dict[str, Any], got: dict[str, Any]) -> dict[str, Any]:
    """`got` with the file's spelling of the person when the store files both under one name:
    someone new is kept under `name_key`, so "aisha bello" and "Aisha Bello" are one contact."""
    person = got.get("person")
    if isinstance(person, str) and name_key(person) == name_key(str(want.get("person", ""))):
        return got | {"person": want["person"]}
    return got


def _same_after_dropping(
    key: str, leading: re.Pattern[str], want: dict[str, Any], got: dict[str, Any]
) -> dict[str, Any]:
    """`got` with the file's value for `key` when the two differ only by a leading word."""
    value, wanted = got.get(key), want.get(key)
    if (
        isinstance(value, str)
        and isinstance(wanted, str)
        and leading.sub("", value) == leading.sub("", wanted)
    ):
        return got | {key: wanted}
    return got


def _same_place(want: dict[str, Any], got: dict[str, Any]) -> dict[str, Any]:
    """A place with or without a leading "the" (or "a", "an"): the writers disagree there (files
    1-4 keep "the PyCon meetup", the fifth and sixth drop it before a named event), and it is
    one place either way."""
    return _same_after_dropping("place", _ARTICLE, want, got)


def _same_note(want: dict[str, Any], got: dict[str, Any]) -> dict[str, Any]:
    """A note with or without a leading "re:", "about" or "for": writers E, E3, E4 and E6 keep
    the word ("about the panel", "re: logistics intro"), E7 drops it ("the photo book"), and the
    note says the same either way."""
    return _same_after_dropping("note", _ABOUT, want, got)


def is_right(row: dict[str, Any], got: dict[str, Any]) -> bool:
    want = expected(row)
    if want["command"] in {"chat", "review"} and got == NOT_A_COMMAND:
        return True
    return _same_note(want, _same_place(want, _same_person(want, got))) == want


@dataclass(frozen=True)
class Score:
    total: int
    right: int
    per_command: dict[str, tuple[int, int]]
    misses: list[tuple[dict[str, Any], dict[str, Any]]]

    @property
    def accuracy(self) -> float:
        return self.right / self.total


def score(rows: list[dict[str, Any]], parse: Parse | None = None) -> Score:
    parse = parse or (lambda text: parse_command(text, direct_message=True, known_names=CONTACTS))
    totals: Counter[str] = Counter()
    rights: Counter[str] = Counter()
    misses = []
    for row in rows:
        command = row["expect"]["command"]
        got = as_schema(parse(row["text"]))
        totals[command] += 1
        if is_right(row, got):
            rights[command] += 1
        else:
            misses.append((row, got))
    per_command = {name: (rights[name], totals[name]) for name in sorted(totals)}
    return Score(sum(totals.values()), sum(rights.values()), per_command, misses)


def report(result: Score) -> str:
    lines = [f"all: {result.right}/{result.total} = {result.accuracy:.1%} exact"]
    for name, (right, total) in result.per_command.items():
        lines.append(f"  {name:15} {right:4}/{total:<4} {right / total:6.1%}")
    return "\n".join(lines)


def median_ms_per_line(rows: list[dict[str, Any]]) -> float:
    """The median time to parse one line, in milliseconds."""
    times = []
    for row in rows:
        start = time.perf_counter()
        parse_command(row["text"], direct_message=True, known_names=CONTACTS)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(argv: list[str]) -> int:
    """`python -m tests.core.phrasings [--dev2 | ... | --dev17 | FILE] [--misses]`."""
    paths = [Path(arg) for arg in argv if not arg.startswith("--")]
    named = {
        "--dev2": PHRASINGS_DEV2,
        "--dev3": PHRASINGS_DEV3,
        "--dev4": PHRASINGS_DEV4,
        "--dev5": PHRASINGS_DEV5,
        "--dev6": PHRASINGS_DEV6,
        "--dev7": PHRASINGS_DEV7,
        "--dev8": PHRASINGS_DEV8,
        "--dev9": PHRASINGS_DEV9,
        "--dev10": PHRASINGS_DEV10,
        "--dev11": PHRASINGS_DEV11,
        "--dev12": PHRASINGS_DEV12,
        "--dev13": PHRASINGS_DEV13,
        "--dev14": PHRASINGS_DEV14,
        "--dev15": PHRASINGS_DEV15,
        "--dev16": PHRASINGS_DEV16,
        "--dev17": PHRASINGS_DEV17,
    }
    path = next((named[arg] for arg in argv if arg in named), paths[0] if paths else PHRASINGS)
    rows = load(path)
    result = score(rows)
    print(f"{path.name}")
    print(report(result))
    print(f"median {median_ms_per_line(rows):.3f} ms per line")
    if "--misses" in argv:
        for row, got in result.misses:
            print(f"\n{row['id']} {row['text']!r}\n  want {expected(row)}\n  got  {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
