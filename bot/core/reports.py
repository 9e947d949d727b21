"""Figures: `stats`, the `digest` subscription commands, and the overview (`home`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta

from bot.core import commands as c
from bot.core import events
from bot.core.context import Context
from bot.core.dates import WEEKDAYS, plural
from bot.core.digest import activity_fields, team_digest, touch_field
from bot.core.followups import (
    days_off,
    display_name,
    due_phrase,
    sort_overdue_first,
    window_phrase,
)
from bot.core.messages import Action, Field, Reply, Section
from bot.core.returns import return_sections, returns
from bot.core.rules import can_snooze, is_overdue, snooze_action
from storage.records import DigestSubscriptionRecord

DEFAULT_DIGEST_WEEKDAY = 0  # Monday
DEFAULT_DIGEST_TIME = time(9, 0)
HOME_FOLLOW_UPS = 5
STATS_PLACES = 5
HOME_PLACES = 3


def _returns_and_events(ctx: Context, places: int, more_hint: str = "") -> tuple[Section, ...]:
    """The Rule of Two of recent events, then the return on networking time per place."""
    rule_of_two = events.progress_section(ctx)
    outcomes = ctx.store.meeting_outcomes(ctx.member.id)
    pairs = sorted({(ctx.member.id, outcome.contact_id) for outcome in outcomes})
    ledgers = {contact: counts for (_, contact), counts in ctx.store.touch_tallies(pairs).items()}
    rows = returns(outcomes, ctx.today, ledgers)
    return (*((rule_of_two,) if rule_of_two else ()), *return_sections(rows, places, more_hint))


def last_days(ctx: Context, days: int) -> tuple[datetime, datetime]:
    """The store's periods are half-open [since, until): end just after now to include now."""
    return ctx.now - timedelta(days=days), ctx.now + timedelta(seconds=1)


def iso_week_label(ctx: Context) -> str:
    year, week, _ = ctx.today.isocalendar()
    return f"{year}-W{week:02d}"


def stats(ctx: Context, command: c.StatsCommand) -> Reply:
    days = 7 if command.period == "week" else 30
    period = last_days(ctx, days)
    figures = ctx.store.member_figures(ctx.member.id, *period)
    touches = ctx.store.member_touch_counts(ctx.member.id, *period)
    fields = activity_fields(figures)
    if touches.total:
        fields += (touch_field(touches),)
    sections = (Section(text=f"Last {days} days", fields=fields),)
    if ctx.is_admin:
        sections += (_feedback_section(ctx),)
    return Reply(
        text=f"Your last {days} days: {plural(figures.meetings_logged, 'meeting')}, "
        f"{plural(figures.follow_ups_done, 'follow-up')} done, {figures.overdue} overdue now.",
        sections=(*sections, *_returns_and_events(ctx, STATS_PLACES)),
    )


FEEDBACK_WEEKS = 8


def _feedback_section(ctx: Context) -> Section:
    """For admins: the share of flagged reviews that members marked Wrong flag, per week."""
    weeks = ctx.store.wrong_flag_weeks(
        ctx.incoming.platform, ctx.incoming.workspace_id, *last_days(ctx, 7 * FEEDBACK_WEEKS)
    )
    title = f"Feedback on reviews in this workspace, last {FEEDBACK_WEEKS} weeks (admins only)"
    if not weeks:
        return Section(text=f"{title}: no reviews yet.")
    return Section(
        text=f"{title}: the wrong-flag rate is the share of flagged reviews marked Wrong flag.",
        fields=tuple(
            Field(
                week.week,
                (
                    f"{round(week.wrong_flag_rate * 100)}% wrong flags "
                    f"({week.wrong_flags} of {week.flagged} flagged)"
                    if week.wrong_flag_rate is not None
                    else "nothing flagged"
                )
                + f", {week.helpful} marked helpful",
            )
            for week in weeks
        ),
    )


def digest_here(ctx: Context, command: c.DigestHereCommand) -> Reply:
    weekday = DEFAULT_DIGEST_WEEKDAY if command.weekday is None else command.weekday
    at = command.at or DEFAULT_DIGEST_TIME
    incoming = ctx.incoming
    subscription = ctx.store.subscribe_digest(
        incoming.platform,
        incoming.workspace_id,
        incoming.conversation_id,
        weekday,
        at,
        ctx.member.timezone,
        ctx.member.id,
    )
    return Reply(
        text=f"The weekly networking digest will arrive here every "
        f"**{WEEKDAYS[subscription.weekday].capitalize()} at {subscription.at:%H:%M}** "
        f"({subscription.timezone}). It names only people who opted in to shout-outs.",
        actions=(Action("Preview it", "digest preview"), Action("Stop it", "digest off")),
    )


def digest_off(ctx: Context, command: c.DigestOffCommand) -> Reply:
    incoming = ctx.incoming
    removed = ctx.store.unsubscribe_digest(
        incoming.platform, incoming.workspace_id, incoming.conversation_id
    )
    if removed:
        return Reply(text="The weekly digest is off for this channel.")
    return Reply(text="This channel had no weekly digest. `digest here` starts one.")


def _subscription_here(ctx: Context) -> DigestSubscriptionRecord:
    incoming = ctx.incoming
    for subscription in ctx.store.digest_subscriptions():
        if (
            subscription.platform == incoming.platform
            and subscription.workspace_id == incoming.workspace_id
            and subscription.channel_id == incoming.conversation_id
        ):
            return subscription
    return DigestSubscriptionRecord(
        id=0,
        platform=incoming.platform,
        workspace_id=incoming.workspace_id,
        channel_id=incoming.conversation_id,
        weekday=DEFAULT_DIGEST_WEEKDAY,
        at=DEFAULT_DIGEST_TIME,
        timezone=ctx.member.timezone,
        created_by_member_id=ctx.member.id,
    )


def digest_preview(ctx: Context, command: c.DigestPreviewCommand) -> Reply:
    subscription = _subscription_here(ctx)
    # id 0: no digest in this channel, only the defaults a `digest here` would use.
    reply = team_digest(
        ctx.store,
        subscription,
        iso_week_label(ctx),
        *last_days(ctx, 7),
        scheduled=subscription.id != 0,
    )
    return replace(reply, text=f"Preview (last 7 days): {reply.text}")


def home(ctx: Context) -> Reply:
    """The overview: open follow-ups, overdue first, and the last 7 days in figures."""
    off = days_off(ctx)
    open_ones = sort_overdue_first(ctx.store.open_follow_ups(ctx.member.id), ctx.today, off)
    overdue = sum(1 for f in open_ones if is_overdue(f.due_on, ctx.today, off))
    figures = ctx.store.member_figures(ctx.member.id, *last_days(ctx, 7))
    sections = [
        Section(
            text=f"**#{f.id} {display_name(f, ctx)}** — {due_phrase(f, ctx.today, off)} · "
            f"{window_phrase(f, ctx.today)}",
            actions=(
                Action("Done", f"done #{f.id}", style="primary"),
                *((snooze_action(f.id),) if can_snooze(f, ctx.today) else ()),
            ),
        )
        for f in open_ones[:HOME_FOLLOW_UPS]
    ]
    if len(open_ones) > HOME_FOLLOW_UPS:
        sections.append(Section(text=f"…and {len(open_ones) - HOME_FOLLOW_UPS} more: type `list`."))
    sections.append(Section(text="Last 7 days", fields=activity_fields(figures)))
    sections.extend(_returns_and_events(ctx, HOME_PLACES, " Type `stats` for the rest."))
    if open_ones:
        text = f"**Network Coach** — {plural(len(open_ones), 'open follow-up')}"
        text += f", {overdue} overdue." if overdue else "."
    else:
        text = "**Network Coach** — no open follow-ups. Log a meeting with `met <person>`."
    return Reply(
        text=text,
        sections=tuple(sections),
        actions=(Action("Help", "help"), Action("My stats", "stats")),
    )
