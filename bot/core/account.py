"""The member's own account: `settings`, `export`, `forget-me`."""

from __future__ import annotations

import json
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.core import commands as c
from bot.core.context import Context, failure
from bot.core.dates import format_time, month_first, plural
from bot.core.messages import Action, Field, FileAttachment, Reply, Section
from bot.core.nudges import plan_nudges
from bot.core.zones import closest_zone
from storage.records import MemberRecord


@cache
def _zones_by_lower_name() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


def canonical_zone(name: str) -> str | None:
    """The IANA name for `name` (any letter case), or None when there is no such zone."""
    if len(name) > 64 or ".." in name or name.startswith("/"):
        return None
    try:
        ZoneInfo(name)
        return name
    except (ZoneInfoNotFoundError, ValueError):
        return _zones_by_lower_name().get(name.lower())


def _date_order_words(member: MemberRecord) -> str:
    reads = "2 December" if month_first(member.date_order, member.timezone) else "12 February"
    why = "your setting" if member.date_order else f"usual in {member.timezone}"
    return f"{reads} ({why})"


def _settings_fields(member: MemberRecord) -> tuple[Field, ...]:
    return (
        Field("Time zone", member.timezone),
        Field("Working hours", f"{format_time(member.work_start)}–{format_time(member.work_end)}"),
        Field("Dates like 12/2", _date_order_words(member)),
        Field("Shout-outs in the digest", "on" if member.shoutouts_opt_in else "off"),
        Field("Keep my draft text", "on" if member.store_drafts_opt_in else "off"),
    )


def _replan_open_follow_ups(ctx: Context, member: MemberRecord) -> int:
    """Nudge times depend on the zone and hours: move every pending nudge to the new ones."""
    open_ones = ctx.store.open_follow_ups(member.id)
    for follow_up in open_ones:
        ctx.store.reschedule_follow_up(
            member.id,
            follow_up.id,
            follow_up.due_on,
            late=follow_up.late,
            nudges=plan_nudges(follow_up, member, ctx.now),
        )
    return len(open_ones)


def settings(
    ctx: Context,
    command: c.SettingsShowCommand
    | c.SettingsTimezoneCommand
    | c.SettingsHoursCommand
    | c.SettingsToggleCommand
    | c.SettingsDateOrderCommand,
) -> Reply:
    member_id = ctx.member.id
    if isinstance(command, c.SettingsDateOrderCommand):
        chosen = "" if command.order == "auto" else command.order
        member = ctx.store.update_member(member_id, date_order=chosen)
        return Reply(text=f"Dates like 12/2 now read as {_date_order_words(member)}.")
    if isinstance(command, c.SettingsShowCommand):
        return Reply(
            text="Your settings. Change one with, e.g., `settings timezone Europe/Berlin`.",
            sections=(Section(text="Settings", fields=_settings_fields(ctx.member)),),
        )
    if isinstance(command, c.SettingsTimezoneCommand):
        zone_name = canonical_zone(command.zone)
        if zone_name is None:
            guess = closest_zone(command.zone)
            if guess is not None:
                wanted = f"settings timezone {guess}"
                return Reply(
                    text=f"I don't know the time zone “{command.zone[:64]}”. Did you mean "
                    f"**{guess}**?",
                    actions=(Action(f"Use {guess}", wanted, style="primary"),),
                    on_yes=wanted,
                )
            return failure(
                f"I don't know the time zone “{command.zone[:64]}”. Use an IANA name such as "
                "`Europe/Berlin`, `America/New_York` or `Asia/Kolkata`, or a city like `Berlin`.",
                topic="settings",
            )
        member = ctx.store.update_member(member_id, timezone=zone_name)
        moved = _replan_open_follow_ups(ctx, member)
        return Reply(
            text=f"Time zone set to **{zone_name}**. Nudges arrive in your working hours there"
            + (f"; I moved the nudges of {plural(moved, 'open follow-up')}." if moved else "."),
        )
    if isinstance(command, c.SettingsHoursCommand):
        member = ctx.store.update_member(member_id, work_start=command.start, work_end=command.end)
        moved = _replan_open_follow_ups(ctx, member)
        return Reply(
            text=f"Working hours set to **{format_time(command.start)}–{format_time(command.end)}**"
            f" ({member.timezone}), Monday to Friday"
            + (f"; I moved the nudges of {plural(moved, 'open follow-up')}." if moved else "."),
        )
    if command.setting == "shoutouts":
        ctx.store.update_member(member_id, shoutouts_opt_in=command.on)
        return Reply(
            text="Shout-outs on: the weekly digest may name you when you follow up on time."
            if command.on
            else "Shout-outs off: the weekly digest will never name you."
        )
    ctx.store.update_member(member_id, store_drafts_opt_in=command.on)
    return Reply(
        text="I will keep the text of drafts you ask me to review, so `export` includes them. "
        "`settings store-drafts off` stops that."
        if command.on
        else "I won't keep the text of your drafts — only the score, the guidelines and a hash."
    )


# How the rows an export or forget-me counts read in a sentence, in the order they are named.
_RECORD_WORDS: tuple[tuple[str, str], ...] = (
    ("contacts", "contact"),
    ("meetings", "meeting"),
    ("follow_ups", "follow-up"),
    ("nudges", "nudge"),
    ("touch_kinds", "give/ask/thank record"),
    ("keep_in_touch", "keep-in-touch cadence"),
    ("draft_reviews", "draft review"),
    ("feedback", "feedback note"),
    ("digest_subscriptions", "digest subscription"),
    ("conversation_references", "saved conversation"),
)


def records_in_words(counts: dict[str, int]) -> str:
    """`{"contacts": 9, "draft_reviews": 16}` → "9 contacts and 16 draft reviews"."""
    parts = [plural(counts[key], word) for key, word in _RECORD_WORDS if counts.get(key)]
    if not parts:
        return "nothing"
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


# The export's file name; "*" is the day it was made.
EXPORT_FILE = "network-coach-export-*.json"


def export(ctx: Context, command: c.ExportCommand) -> Reply:
    data = ctx.store.export_member(ctx.member.id)
    counts = {key: len(rows) for key, rows in data.items() if isinstance(rows, list)}
    filename = EXPORT_FILE.replace("*", ctx.today.isoformat())
    return Reply(
        text=f"Here is everything I keep about you: {records_in_words(counts)}, plus your "
        f"settings. The full copy is in `{filename}`.",
        attachment=FileAttachment(
            filename=filename,
            content=json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True, default=str),
        ),
    )


def forget_me(ctx: Context, command: c.ForgetMeCommand) -> Reply:
    if not command.confirmed:
        return Reply(
            text="This deletes every record about you — contacts, meetings, follow-ups, nudges, "
            "reviews and settings — and cannot be undone. `export` first if you want a copy. "
            "Type `forget-me confirm` to go ahead.",
            actions=(Action("Yes, delete everything", "forget-me confirm", style="danger"),),
            on_yes="forget-me confirm",  # a typed "yes" answers the question; "no" keeps all
        )
    counts = ctx.store.forget_member(ctx.member.id)
    return Reply(
        text=f"Done: I deleted {records_in_words(counts)}, and your settings. If you write to me "
        "again I start from scratch."
    )
