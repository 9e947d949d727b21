"""Pausing every open follow-up until a day: "I'm off until 4 january, can you pause everything?",
"snooze all until 4/1", "pause nudges until jan 4".

The member is asked first, with the count and the follow-ups whose 10-day window would close
before that day (those are kept as late ones); the reply that pauses them carries a button that
puts each back where it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.core.context import Context
from bot.core.dates import WeekdaySpec, format_day, in_days, plural, resolve_future
from bot.core.followups import days_off, month_first
from bot.core.messages import Action, Reply
from bot.core.nudges import FollowUpPlan, plan_nudges
from bot.core.rules import WINDOW_DAYS, window_closes
from bot.core.when import WhenError, find_day
from storage.records import FollowUpRecord

_ALL = r"(?:all|everything|every(?:one|body)|nudges|reminders|follow[- ]?ups|notifications)"
_ASKS = re.compile(
    rf"\b(?:pause|snooze|hold|mute|silence|freeze|push|postpone|move)\s+"
    rf"(?:(?:all|every)\s+)?(?:of\s+)?(?:my\s+|the\s+|your\s+)?{_ALL}"
    # What may follow "all": the end, punctuation, or the words that lead to a day.
    r"(?=\s*$|\s*[,.;!?—–-]|\s+(?:until|till|til|to|for|through|over|while|from|and|please|pls)\b)",
    re.IGNORECASE,
)
# The command the question's button and "yes" run, and the undo button's.
_CONFIRMED = "pause all until {day} confirmed"
_CONFIRMED_RE = re.compile(r"pause all until (\d{4}-\d{2}-\d{2}) confirmed", re.IGNORECASE)
_UNDO = re.compile(r"unpause((?:\s+#\d+\s+\d{4}-\d{2}-\d{2}(?:\s+late)?)+)", re.IGNORECASE)
_UNDO_ONE = re.compile(r"#(\d+)\s+(\d{4}-\d{2}-\d{2})(\s+late)?", re.IGNORECASE)
# Longer lines are drafts that happen to say "pause all" (a draft to review, not a request).
_MOST_WORDS = 25


@dataclass(frozen=True)
class PauseAsked:
    """A request to pause everything; `day` None when no day was said (or it did not read)."""

    said: str


@dataclass(frozen=True)
class PauseConfirmed:
    until: date


@dataclass(frozen=True)
class PauseUndone:
    back: tuple[tuple[int, date, bool], ...]  # follow-up id, its due day, late


Pause = PauseAsked | PauseConfirmed | PauseUndone


def read(text: str) -> Pause | None:
    """The pause this line asks for, confirms or undoes; None for any other line."""
    line = text.strip()
    confirmed = _CONFIRMED_RE.fullmatch(line)
    if confirmed:
        return PauseConfirmed(date.fromisoformat(confirmed.group(1)))
    undo = _UNDO.fullmatch(line)
    if undo:
        return PauseUndone(
            tuple(
                (int(number), date.fromisoformat(day), bool(late))
                for number, day, late in _UNDO_ONE.findall(undo.group(1))
            )
        )
    if len(line.split()) > _MOST_WORDS or not _ASKS.search(line):
        return None
    return PauseAsked(line)


def answer(ctx: Context, pause: Pause) -> Reply:
    if isinstance(pause, PauseConfirmed):
        return _pause(ctx, pause.until)
    if isinstance(pause, PauseUndone):
        return _undo(ctx, pause.back)
    return _ask(ctx, pause.said)


def _until(ctx: Context, said: str) -> date | None:
    try:
        found = find_day(said)
    except WhenError:
        return None
    if found is None or (isinstance(found.spec, WeekdaySpec) and found.spec.weekday == 5):
        # "pause all this weekend" is no day to pause until.
        return None
    return resolve_future(
        found.spec, ctx.today, month_first=month_first(ctx), days_off=days_off(ctx)
    )


def _moving(ctx: Context, until: date) -> list[FollowUpRecord]:
    return [f for f in ctx.store.open_follow_ups(ctx.member.id) if f.due_on < until]


def _past_window(follow_up: FollowUpRecord, until: date) -> bool:
    return follow_up.touch == 1 and not follow_up.late and until > window_closes(follow_up.met_on)


def _ask(ctx: Context, said: str) -> Reply:
    until = _until(ctx, said)
    if until is None or until <= ctx.today:
        return Reply(
            text="Until when? Say the day you are back, like `snooze all until 4 Jan`: I move "
            "every open follow-up to that day, after asking."
        )
    moving = _moving(ctx, until)
    day = format_day(until, ctx.today)
    if not moving:
        return Reply(text=f"Nothing to pause: no open follow-up is due before {day}.")
    text = f"Pause everything until **{day}** ({in_days(until, ctx.today)})? I'd move " + (
        f"{plural(len(moving), 'open follow-up')} to that day."
    )
    late = [f for f in moving if _past_window(f, until)]
    if late:
        names = ", ".join(
            f"{f.contact_name} (closes {format_day(window_closes(f.met_on), ctx.today)})"
            for f in late
        )
        text += (
            f" {len(late)} of them would end past the {WINDOW_DAYS}-day window and stay as late "
            f"follow-ups: {names}."
        )
    command = _CONFIRMED.format(day=until.isoformat())
    return Reply(
        text=text,
        actions=(
            Action(f"Pause until {day}", command, style="primary"),
            Action("Keep them as they are", "no"),
        ),
        on_yes=command,
    )


def _pause(ctx: Context, until: date) -> Reply:
    moving = _moving(ctx, until)
    if not moving:
        return Reply(
            text=f"Nothing to pause: no open follow-up is due before "
            f"{format_day(until, ctx.today)}."
        )
    for follow_up in moving:
        late = follow_up.late or _past_window(follow_up, until)
        plan = FollowUpPlan(follow_up.met_on, until, touch=follow_up.touch, late=late)
        ctx.store.reschedule_follow_up(
            ctx.member.id,
            follow_up.id,
            until,
            late=late,
            nudges=plan_nudges(plan, ctx.member, ctx.now),
        )
    back = " ".join(f"#{f.id} {f.due_on.isoformat()}" + (" late" if f.late else "") for f in moving)
    return Reply(
        text=f"Paused: {plural(len(moving), 'follow-up')} now due "
        f"**{format_day(until, ctx.today)}**, and no nudge before then. To undo it, press "
        "Undo the pause (each goes back to its old day), or move one with `snooze`.",
        actions=(Action("Undo the pause", f"unpause {back}"),),
    )


def _undo(ctx: Context, back: tuple[tuple[int, date, bool], ...]) -> Reply:
    still_open = {f.id: f for f in ctx.store.open_follow_ups(ctx.member.id)}
    moved = 0
    for follow_up_id, due_on, late in back:
        follow_up = still_open.get(follow_up_id)
        if follow_up is None:
            continue  # done or cancelled since: left as it is
        day = max(due_on, ctx.today)
        plan = FollowUpPlan(follow_up.met_on, day, touch=follow_up.touch, late=late)
        ctx.store.reschedule_follow_up(
            ctx.member.id,
            follow_up_id,
            day,
            late=late,
            nudges=plan_nudges(plan, ctx.member, ctx.now),
        )
        moved += 1
    if not moved:
        return Reply(text="Nothing to undo: those follow-ups are done or cancelled.")
    return Reply(
        text=f"Undone: {plural(moved, 'follow-up')} back on the days they had before the pause. "
        "`list` shows them."
    )
