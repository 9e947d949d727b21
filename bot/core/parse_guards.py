"""Readings around the parser for what newcomers type (pass 19, issue 11): before and after it.

Each family lives in its own module; this one only orders them, so `parser.parse_command` has
two small hooks:

- `before`: lines that must never reach the ordinary reading: removing a note (its newest line,
  never the contact, `notes_kept`), correcting a meeting's day (it moves, never a second meeting,
  `meeting_day_corrected`), reopening a follow-up marked done by mistake (`reopened`), Pidgin
  glosses (`said_in_pidgin`) and meeting lines put into the `met` line they mean
  (`meeting_lines`).
- `after`: a pasted draft read as a command for no name at all (`a_draft_after_all`), a day
  said but not read (`day_not_read`), a status
  verb read into a name, an event or a meeting still to come read as a meeting
  that happened (`not_met_yet`), a follow-up day left at the end of a meeting's note, and what
  was said with `done` after the touch's kind, kept as a note (`done_notes`).
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar

from bot.core import asked_in_passing
from bot.core import commands as c
from bot.core.a_draft_after_all import draft_after_all
from bot.core.dates import DaySpec
from bot.core.day_not_read import unread_day
from bot.core.done_notes import asked_not_told, with_its_note
from bot.core.event_in_the_name import event_out_of_the_name
from bot.core.meal_after_the_day import place_without_the_meal
from bot.core.meeting_day_corrected import corrected_command
from bot.core.meeting_lines import follow_up_from_the_note, rewritten_meeting
from bot.core.names_put_right import rename_told
from bot.core.not_met_yet import event_told, met_on_a_day_ahead, status_in_the_name
from bot.core.notes_kept import note_to_remove
from bot.core.people_met import several_people_met
from bot.core.reopened import reopen_command
from bot.core.said_again import (
    day_said_again,
    meeting_after_an_aside,
    meeting_day_put_right,
    name_said_again,
    slip_removed,
)
from bot.core.said_another_way import not_a_command, rewritten_command, tidied
from bot.core.said_in_hinglish import said_in_english as hinglish_in_english
from bot.core.said_in_pidgin import said_in_english
from bot.core.same_meeting import met_there, someone_else_met

# Set while a rewritten line is being read, so a rewrite is never rewritten again.
_REWRITING: ContextVar[bool] = ContextVar("newcomer_rewriting", default=False)


def before(text: str, read: Callable[[str], c.Parsed]) -> c.Parsed | None:
    """The reading of `text` when it is one of these families, else None (read it as usual).

    `read` parses a line with the same contacts and conversation."""
    if _REWRITING.get():
        return None
    who = note_to_remove(text)
    if who is not None:
        return _read_again(f"delete-note {who}", read)

    def again(line: str) -> c.Parsed:
        return _read_again(line, read)

    after_aside = meeting_after_an_aside(text)
    if after_aside is not None:
        result = again(after_aside)
        if isinstance(result, c.MetCommand):
            return result
    corrected = corrected_command(text, _referent())
    if corrected is not None:
        return corrected
    slip = slip_removed(text, _referent())  # pass 23 (`said_again`)
    if slip is not None:
        return slip
    put_right = meeting_day_put_right(text, _referent())  # pass 22 (`said_again`)
    if put_right is not None:
        return put_right
    said_again = day_said_again(text)
    if said_again is not None:
        return again(said_again)
    name_again = name_said_again(text)
    if name_again is not None:
        result = again(name_again)
        if not isinstance(result, c.NotACommand | c.ParseFailure):
            return result
    reopened = reopen_command(text, _referent())
    if reopened is not None:
        return reopened
    if not_a_command(text) or asked_in_passing.not_a_command(text):  # passes 20 and 21
        return c.NotACommand(text)
    said = rewritten_command(text, again)
    if said is not None:
        return said
    asked = asked_in_passing.rewritten_command(text, again)
    if asked is not None:
        return asked
    hinglish = hinglish_in_english(text, again)  # pass 24
    if hinglish is not None:
        return hinglish
    renamed = rename_told(text, again)  # pass 22
    if renamed is not None:
        return renamed
    glossed = said_in_english(text)
    if glossed is not None:
        result = again(glossed)
        if not isinstance(result, c.NotACommand | c.ParseFailure):
            return result
    at_the_event = event_out_of_the_name(text)  # pass 22: "met Jens Xmas Party"
    if at_the_event is not None:
        result = again(at_the_event)
        if isinstance(result, c.MetCommand):
            return result
    several = several_people_met(text, again)  # pass 22
    if several is not None:
        return several
    also = someone_else_met(text, again)
    if also is not None:
        return also
    rewritten = rewritten_meeting(text)
    if rewritten is not None:
        result = again(rewritten)
        if isinstance(result, c.MetCommand):
            return result
    return None


def _referent() -> c.PersonRef | None:
    """Whom the conversation is about ("her", a missing name), as the parser reads it."""
    from bot.core import parser  # the parser imports this module

    return parser._REFERENT.get()


def _read_again(line: str, read: Callable[[str], c.Parsed]) -> c.Parsed:
    token = _REWRITING.set(True)
    try:
        return read(line)
    finally:
        _REWRITING.reset(token)


def after(
    text: str,
    result: c.Parsed,
    follow_up_day_in: Callable[[str | None], tuple[str | None, DaySpec | None]],
    direct_message: bool,
) -> c.Parsed:
    """`result` with what these families correct in it."""
    pasted = draft_after_all(text, result)
    if pasted is not None:
        return pasted
    unread = unread_day(text, result)
    if unread is not None:
        return unread
    told = status_in_the_name(text, result)
    if told is not None:
        return told
    if isinstance(result, c.MetCommand | c.NotACommand | c.ParseFailure) and not _REWRITING.get():
        event = event_told(text)
        if event is not None:
            return event
    if direct_message:
        ahead = met_on_a_day_ahead(text, result)
        if ahead is not None:
            return ahead
    there = met_there(text, result)
    if there is not None:
        return there
    result = place_without_the_meal(text, result) or result  # pass 22
    asked = asked_not_told(text, result)
    if asked is not None:
        return asked
    if isinstance(result, c.DoneCommand) and result.note is None:
        result = with_its_note(text, result)
    return asked_in_passing.tidied(
        tidied(follow_up_from_the_note(result, follow_up_day_in) or result)
    )
