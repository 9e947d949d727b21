"""Up to five commands in one line (pass 22), and the one place a line is cut into commands
(`split_line`, pass 23) and run (`run_parts`), two or more:

- "done omar gave - sent him the deck; done ines thanked; done chen asked": three touches, each
  with its own kind and note,
- "done omar thanked, ines gave": the second name with a kind is a `done` of its own, never a
  note on Omar's touch,
- "met Omar at devfest, wants a demo; met Ines at the gym": two meetings, each where it was.

Each part that reads as a command runs in order; a part that asks a question stops the line
there (what follows is named, to send after answering), and a part that reads as no command is
named as not done. A line of two cut before a command word (`two_commands.in_two`) that reads
whole as the one command a part reads as is one command ("met Jane yesterday, follow up
friday").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.core import commands as c
from bot.core import two_commands
from bot.core.messages import Action, Reply

MAX_PARTS = 5
# A separator before another command word ("; done ines thanked", ", and snooze kai 2 days"):
# the one `two_commands` cuts a line of two at.
_BEFORE_A_COMMAND = two_commands.BEFORE_A_COMMAND
# "; met Ines at the gym", ". also met Ines": a second meeting after a full stop or semicolon.
_A_MEETING = (
    r"(?=(?:i\s+)?(?:also\s+)?met\s+(?!(?:his|her|their|my|our|the|a|an|some|them|him|"
    r"everyone|everybody|lots|loads|a\s+few|many)\b)\S)"
)
_BEFORE_A_MEETING = re.compile(
    r"\s*;\s*(?:and\s+|also\s+|then\s+)*" + _A_MEETING + r"|"
    r"\.\s+(?:and\s+|also\s+|then\s+)*" + _A_MEETING,
    re.IGNORECASE,
)
_KIND_WORDS = (
    r"(?:gave|give|given|thanked|asked|ask|thank\s+(?:him|her|them)|"
    r"was\s+(?:a\s+give|an\s+ask|a\s+thank(?:s|\s*-?\s*you)?))"
)
_NOT_SOMEONE = (
    r"(?:he|she|they|i|we|you|it|him|her|them|who|and|also|then|so|but|that|this|just|both|all|"
    r"done|snooze|cancel|met|note|sent|emailed|messaged|texted|called|pinged|dmed|told|shared|"
    r"wrote|replied|followed|a|an|the|n|pls|please|plz)\b"
)
# After a `done` line: ", ines thanked", "; #4 asked", " and chen gave - …".
_BEFORE_A_TOUCH = re.compile(
    r"(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+|\s*&\s+)(?=(?!" + _NOT_SOMEONE + r")(?:#\d+|"
    r"[^\W\d_][\w'’-]*(?:\s+(?!" + _NOT_SOMEONE + r")[^\W\d_][\w'’-]*)?)\s+" + _KIND_WORDS + r"\b)",
    re.IGNORECASE,
)
# "ines was an ask" → "ines asked": how `done` reads a kind.
_WAS_A_KIND = re.compile(
    r"^(?P<lead>done\s+\S+(?:\s+\S+)?)\s+was\s+(?:a\s+(?P<give>give)|an\s+(?P<ask>ask)|"
    r"a\s+(?P<thank>thank(?:s|\s*-?\s*you)?))\b",
    re.IGNORECASE,
)


def _as_a_verb(found: re.Match[str]) -> str:
    verb = "gave" if found["give"] else "asked" if found["ask"] else "thanked"
    return f"{found['lead']} {verb}"


_DONE_LINE = re.compile(r"^\W*(?:done|✅|✔️?)\s", re.IGNORECASE)
# "met Ines at the gym din": Tagalog "din"/"rin" (too) ends the second meeting's line.
_TOO = re.compile(r"\s+(?:din|rin)[\s.!]*$", re.IGNORECASE)


_ONE = (
    r"(?:#\d+|(?!"
    + _NOT_SOMEONE
    + r")[^\W\d_][\w'’-]*(?:\s+(?!"
    + _NOT_SOMEONE
    + r"|"
    + (_KIND_WORDS)
    + r")[^\W\d_][\w'’-]*)?)"
)
# "done omar, ines and chen", "done kai and lea thanked": one touch each, the kind shared.
_DONE_LIST = re.compile(
    r"^\W*done\s+(?P<people>"
    + _ONE
    + r"(?:\s*,\s*(?:and\s+)?"
    + _ONE
    + r"|(?:\s+(?:and|&|n)\s+|\s*[+&]\s*)"
    + _ONE
    + r"){1,4})(?:\s+(?:both|all(?:\s+of\s+them|\s+three|\s+four)?))?(?:\s+(?P<kind>"
    + _KIND_WORDS
    + r"))?(?:[\s.!]*$|\s*(?P<sep>[,:;]|\s[-—–])\s*(?P<note>\S.*?)[\s.!]*$)",
    re.IGNORECASE,
)
_JOINS = r"\s*,\s*(?:and\s+)?|\s+(?:and|&|n)\s+|\s*[+&]\s*"
# "- sent all 3 the JD", ": sent both …": a note said of all of them.
_SAID_OF_ALL = re.compile(
    r"\b(?:both|all|each|every(?:one|body)|them|the\s+(?:two|three|four))\b", re.IGNORECASE
)


def _each_done(line: str) -> list[str] | None:
    listed = _DONE_LIST.match(line)
    if listed is None:
        return None
    people = re.split(_JOINS, listed["people"], flags=re.IGNORECASE)
    if any(re.fullmatch(_KIND_WORDS, person, re.IGNORECASE) for person in people):
        return None
    shared = listed["sep"] not in {",", None} or _SAID_OF_ALL.search(listed["note"] or "")
    if listed["note"] and not (listed["kind"] or "+" in listed["people"] or shared):
        return None  # "done nadia, joel, sent the deck": too loose to share a note out
    kind = f" {listed['kind']}" if listed["kind"] else ""
    said = _ALL_OF_THEM.sub("", listed["note"]) if listed["note"] else ""
    note = f" - {said}" if said else ""
    return [f"done {person}{kind}{note}" for person in people]


# "sent all 3 the JD" → "sent the JD" on each touch.
_ALL_OF_THEM = re.compile(
    r"(?<=\w)\s+(?:all\s+(?:\d|three|four|five|of\s+them)|both(?:\s+of\s+them)?)(?=\s+\w)",
    re.IGNORECASE,
)
# What follows the people of a `snooze`: a day or a span ("3 days", "till thurs", "next week").
_SNOOZE_REST = (
    r"(?:till|until|til|to|for|by|in|on|next|this|another|a|one|two|three|four|five|\d|tomorrow|"
    r"tmrw|kal|parso|mon|tue|wed|thu|fri|sat|sun|after|end|early|later)"
)
# What may follow the people of a `cancel`: nothing, or a reason set off by punctuation.
_CANCEL_REST = r"(?:please|pls|plz|both|too|as\s+well|[,.;:!—–-])"
_WORD = r"[^\W\d_][\w'’-]*"
_PERSON = rf"(?:#\d+|(?!{_NOT_SOMEONE}){_WORD}(?:\s+(?!{_NOT_SOMEONE}|{_SNOOZE_REST}\b){_WORD})?)"
# "snooze priya n ankit 3 days", "cancel omar, ines and chen": the command for each of them.
_PEOPLE = rf"(?:both\s+)?(?P<people>{_PERSON}(?:(?:{_JOINS}){_PERSON}){{1,4}})"
_SNOOZE_LIST = re.compile(
    rf"^\W*(?P<cmd>snooze)\s+{_PEOPLE}(?P<rest>[\s.!]*|\s+{_SNOOZE_REST}\b.*)$", re.IGNORECASE
)
_CANCEL_LIST = re.compile(
    rf"^\W*(?P<cmd>cancel)\s+{_PEOPLE}(?P<rest>[\s.!]*|\s*[,.;:!—–-].*|\s+{_CANCEL_REST}\b.*)$",
    re.IGNORECASE,
)


# "sent both. yaw = gave, efua = gave", "kai: asked; lea: thanked": a kind given per person,
# after the reply that named them.
_A_KIND_EACH = (
    rf"(?P<{{}}>{_PERSON})\s*[=:]\s*(?:a\s+|an\s+)?(?P<{{}}k>give|gave|ask|asked|thanks?|thanked)"
)
_KINDS_GIVEN = re.compile(
    r"^(?:(?:ok(?:ay)?|so|and)\W+)?(?:(?:sent|done|did|followed\s+up\s+(?:with|on))\s+"
    r"(?:both|all(?:\s+\w+)?|them|it|the\s+(?:two|three))\s*[.,;:!—–-]+\s*)?"
    r"(?P<pairs>.+?)[\s.!]*$",
    re.IGNORECASE,
)
_ONE_KIND = re.compile(_A_KIND_EACH.format("n", "n"), re.IGNORECASE)
_KIND_AS_A_VERB = {"give": "gave", "ask": "asked", "thank": "thanked", "thanks": "thanked"}


def _kinds_given(line: str) -> list[str] | None:
    told = _KINDS_GIVEN.match(line)
    if told is None:
        return None
    pairs = re.split(r"\s*[,;]\s*(?:and\s+)?|\s+and\s+", told["pairs"], flags=re.IGNORECASE)
    found = [_ONE_KIND.fullmatch(pair) for pair in pairs]
    if len(found) < 2 or any(each is None for each in found):
        return None
    return [
        f"done {each['n']} {_KIND_AS_A_VERB.get(each['nk'].lower(), each['nk'].lower())}"
        for each in found
        if each is not None
    ]


def _each_snooze_or_cancel(line: str) -> list[str] | None:
    listed = _SNOOZE_LIST.match(line) or _CANCEL_LIST.match(line)
    if listed is None:
        return None
    # A cancel keeps no reason ("cancel omar, ines and chen, the deal is off").
    rest = listed["rest"].strip() if listed["cmd"].lower() == "snooze" else ""
    people = re.split(_JOINS, listed["people"], flags=re.IGNORECASE)
    return [f"{listed['cmd'].lower()} {person} {rest}".strip() for person in people]


def in_parts(text: str) -> list[str] | None:
    """The commands a line joins, one line each, when there are three or more, or two that
    `two_commands` does not split; else None."""
    line = " ".join(text.split())
    if len(line) > two_commands.MAX_LINE_CHARS:
        return None
    each = _each_done(line) or _each_snooze_or_cancel(line) or _kinds_given(line)
    if each is not None:
        return each
    cuts: list[tuple[int, int, str]] = [
        (found.start(), found.end(), "") for found in _BEFORE_A_COMMAND.finditer(line)
    ]
    new_kind = False
    for found in _BEFORE_A_MEETING.finditer(line):
        cuts.append((found.start(), found.end(), ""))
        new_kind = True
    if _DONE_LINE.match(line):
        for found in _BEFORE_A_TOUCH.finditer(line):
            cuts.append((found.start(), found.end(), "done "))
            new_kind = True
    cuts.sort()
    parts: list[str] = []
    at, prefix = 0, ""
    for start, end, lead in cuts:
        if start < at:
            continue  # overlapping separators: the first one cut
        parts.append(prefix + line[at:start].strip(" ,;."))
        at, prefix = end, lead
    parts.append(prefix + line[at:].strip())
    parts = [_TOO.sub("", part) if part.lower().startswith("met ") else part for part in parts]
    parts = [_WAS_A_KIND.sub(_as_a_verb, part) for part in parts]
    if len(parts) < 2 or len(parts) > MAX_PARTS or any(len(p.split()) < 2 for p in parts):
        return None
    if len(parts) == 2 and not new_kind:
        return None  # `two_commands` runs these
    return parts


@dataclass(frozen=True)
class Split:
    """A line cut into the commands it joins. `may_be_one`: two parts cut before a command word
    ("met Jane yesterday, follow up friday"), which may still be one command read whole."""

    parts: list[str]
    may_be_one: bool = False


def split_line(text: str) -> Split | None:
    """The one place a line is cut into commands: three or more, or two of new kinds (this
    module), else two cut before a command word (`two_commands`); None for a line of one."""
    parts = in_parts(text)
    if parts is not None:
        return Split(parts)
    two = two_commands.in_two(text)
    return Split(list(two), may_be_one=True) if two is not None else None


def same_command(whole: object, part: object) -> bool:
    """Whether the whole line reads as the command one part reads as (same kind, same person)."""
    if type(whole) is not type(part):
        return False
    ref = getattr(whole, "person", None) or getattr(whole, "target", None)
    other = getattr(part, "person", None) or getattr(part, "target", None)
    if isinstance(ref, c.PersonRef) and isinstance(other, c.PersonRef):
        return ref.name.lower() == other.name.lower()
    return True


Answer = Callable[[str, bool], tuple[Reply, c.Parsed]]
_NOT_RUN = (c.NotACommand, c.ParseFailure, c.ChatCommand, c.HelpCommand, c.ReviewCommand)


def run_parts(
    split: Split | list[str],
    read: Callable[[str], c.Parsed],
    answer: Answer,
    whole: str | None = None,
) -> tuple[Reply, c.Parsed] | None:
    """Each part that reads as a command run in order (`answer(line, first)`), the others
    named; None when no part reads as a command, or when a line of two that `may_be_one`
    (`whole` is its text) reads whole as the one command a part reads as."""
    if isinstance(split, list):
        split = Split(split)
    parts = _unread_meetings_kept(split.parts, read)
    read_apart = [read(part) for part in parts]
    runs = [not isinstance(result, _NOT_RUN) for result in read_apart]
    if not any(runs):
        return None
    unread = any(isinstance(result, c.NotACommand) for result in read_apart)
    runnable = read_apart[runs.index(True)]
    read_whole = split.may_be_one and whole is not None and not all(runs) and not unread
    if read_whole and same_command(read(whole or ""), runnable):
        return None  # "met Jane yesterday, follow up friday" is one command, read whole
    texts: list[str] = []
    actions: list[Action] = []
    skipped: list[str] = []
    last: tuple[Reply, c.Parsed] | None = None
    for index, (part, runs_it) in enumerate(zip(parts, runs, strict=True)):
        if not runs_it:
            skipped.append(two_commands.not_done(part))
            continue
        reply, command = answer(part, last is None)
        last = (reply, command)
        texts.append(reply.text)
        actions.extend(_named(reply.actions, command, sum(runs) > 1 and not split.may_be_one))
        if reply.on_yes or reply.choices:
            # A question: the rest waits for the answer.
            skipped.extend(two_commands.not_yet(rest) for rest in parts[index + 1 :])
            break
    assert last is not None
    reply, command = last
    text = "\n\n".join([*texts, *skipped])
    return replace(reply, text=text, actions=tuple(actions)), command


def _named(actions: tuple[Action, ...], command: c.Parsed, several: bool) -> list[Action]:
    """The buttons of one part's reply, each naming whom it is for when the line had several
    ("Gave: kai"), so a row of Gave / Asked / Thanked buttons says whose touch each records."""
    who = getattr(command, "target", None) or getattr(command, "person", None)
    if not several or not isinstance(who, c.PersonRef) or who.follow_up_id is not None:
        return list(actions)
    return [replace(action, label=f"{action.label}: {who.name}") for action in actions]


def _unread_meetings_kept(parts: list[str], read: Callable[[str], c.Parsed]) -> list[str]:
    """ "met Ana at the expo. met her cofounder too": a meeting part that reads as no command
    stays in the note of the part before it, as it was before the line was cut."""
    kept: list[str] = []
    for part in parts:
        unread = isinstance(read(part), _NOT_RUN)
        if kept and unread and re.match(r"(?:i\s+)?(?:also\s+)?met\b", part, re.IGNORECASE):
            kept[-1] = f"{kept[-1]}; {part}"
        else:
            kept.append(part)
    return kept
