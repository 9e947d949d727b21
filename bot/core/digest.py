"""The weekly digest a channel gets, and the figures shared with `stats`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.core.chart import WeekPoint, chart_png, chart_text
from bot.core.dates import local_today, plural
from bot.core.events import progress
from bot.core.guidelines import guideline_title, tip_of_the_week
from bot.core.ledger import give_ask_ratio
from bot.core.messages import Field, ImageAttachment, Reply, Section
from bot.core.ports import Store
from bot.core.rules import WINDOW_DAYS
from storage.records import ActivityFigures, DigestSubscriptionRecord, TouchCounts

# The weekly chart's file name; "*" is the ISO week.
CHART_FILE = "follow-ups-*.png"

# The chart's span, and how far back an event's Rule of Two still shows in the digest.
TREND_WEEKS = 8
DIGEST_EVENT_DAYS = 28
TREND_TITLE = f"Team follow-ups within {WINDOW_DAYS} days, last {TREND_WEEKS} weeks"


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{round(share * 100)}%"


def activity_fields(figures: ActivityFigures) -> tuple[Field, ...]:
    """Follow-up and review figures, each a label and a short value."""
    decided = figures.first_touches_done + figures.windows_missed
    missed = (
        f"; {plural(figures.windows_missed, 'window')} missed" if figures.windows_missed else ""
    )
    within = (
        f"{_percent(figures.share_done_within_window)} ({figures.done_within_window} of {decided} "
        f"first follow-ups{missed})"
        if decided
        else "—"
    )
    flagged = (
        f"{_percent(figures.share_flagged)} ({figures.drafts_flagged} of {figures.drafts_reviewed})"
        if figures.drafts_reviewed
        else "—"
    )
    average = "—" if figures.average_score is None else f"{figures.average_score:.0f}/100"
    top_rule = guideline_title(figures.top_rule) if figures.top_rule else "—"
    return (
        Field("Meetings logged", str(figures.meetings_logged)),
        Field("Follow-ups logged", str(figures.follow_ups_logged)),
        Field(f"Done within {WINDOW_DAYS} days", within),
        Field("Overdue now", str(figures.overdue)),
        Field("Drafts reviewed", str(figures.drafts_reviewed)),
        Field("Flagged as hard sell", flagged),
        Field("Average value-first score", average),
        Field("Most-broken guideline", top_rule),
    )


def touch_field(touches: TouchCounts) -> Field:
    """Touches by kind: giving before asking is the habit the ratio shows."""
    return Field("Give, ask, thank", give_ask_ratio(touches))


def digest_reply(
    figures: ActivityFigures,
    subscription: DigestSubscriptionRecord,
    week_label: str,
    *,
    scheduled: bool = True,
    trend: Sequence[WeekPoint] = (),
    event_lines: Sequence[str] = (),
    touches: TouchCounts | None = None,
) -> Reply:
    """One channel's digest for one week. Shout-outs name only members who opted in: the store
    puts only those in `figures.shoutouts` (and their events in `event_lines`), and this
    function adds no one. `trend` becomes a chart, with its figures in the text as well."""
    quiet = not (
        figures.follow_ups_logged
        or figures.follow_ups_done
        or figures.overdue
        or figures.drafts_reviewed
        or figures.meetings_logged
    )
    if quiet:
        headline = (
            f"**Networking digest, week {week_label}**: a quiet week — no meetings, follow-ups "
            "or draft reviews logged. One thoughtful note this week beats ten next month."
        )
    else:
        headline = (
            f"**Networking digest, week {week_label}**: "
            f"{plural(figures.follow_ups_logged, 'follow-up')} logged, "
            f"{figures.follow_ups_done} done "
            f"({_percent(figures.share_done_within_window)} of first follow-ups within "
            f"{WINDOW_DAYS} days), "
            f"{plural(figures.drafts_reviewed, 'draft')} reviewed."
        )
    tip = tip_of_the_week(week_label)
    fields = activity_fields(figures)
    if touches is not None and touches.total:
        fields += (touch_field(touches),)
    sections = [
        Section(text="This week in numbers", fields=fields),
        Section(text=f"**Tip of the week — {tip.title}.** {tip.principle} {tip.advice}"),
    ]
    if event_lines:
        sections.append(
            Section(
                text="**Rule of Two at recent events**\n"
                + "\n".join(f"• {line}" for line in event_lines)
            )
        )
    if trend:
        sections.append(Section(text=f"**{TREND_TITLE}:** {chart_text(trend)}"))
    if figures.shoutouts:
        names = ", ".join(figures.shoutouts)
        sections.append(
            Section(
                text=f"**Shout-outs** for following up within {WINDOW_DAYS} days this week: "
                f"{names}."
            )
        )
    if scheduled:
        schedule = (
            f"Digest every {_WEEKDAY_NAMES[subscription.weekday % 7]} at "
            f"{subscription.at:%H:%M} ({subscription.timezone}). `digest off` stops it."
        )
    else:
        schedule = "No weekly digest is set up here yet: `digest here` starts one."
    sections.append(Section(text=schedule))
    image = None
    if trend and any(point.value for point in trend):
        image = ImageAttachment(
            filename=CHART_FILE.replace("*", week_label),
            data=chart_png(trend, TREND_TITLE),
            alt_text=f"{TREND_TITLE}: {chart_text(trend)}",
        )
    return Reply(text=headline, sections=tuple(sections), image=image)


def team_digest(
    store: Store,
    subscription: DigestSubscriptionRecord,
    week_label: str,
    since: datetime,
    until: datetime,
    *,
    scheduled: bool = True,
) -> Reply:
    """Gather a channel's digest for the week [since, until) and build it (with its chart).
    Synchronous: it reads the store and draws; async callers run it in a thread."""
    platform, workspace = subscription.platform, subscription.workspace_id
    figures = store.workspace_figures(platform, workspace, since, until)
    week = until - since
    counts = store.workspace_weekly_follow_ups(platform, workspace, until, TREND_WEEKS, week)
    trend = [
        WeekPoint(f"W{(until - week * back - timedelta(seconds=1)).isocalendar()[1]:02d}", done)
        for back, done in zip(range(TREND_WEEKS - 1, -1, -1), counts, strict=True)
    ]
    today = local_today(subscription.timezone, until)
    event_lines = [
        progress(event, outcomes).line
        for event, outcomes in store.team_events(
            platform, workspace, today - timedelta(days=DIGEST_EVENT_DAYS), today
        )
    ]
    return digest_reply(
        figures,
        subscription,
        week_label,
        scheduled=scheduled,
        trend=trend,
        event_lines=event_lines,
        touches=store.workspace_touch_counts(platform, workspace, since, until),
    )


_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
