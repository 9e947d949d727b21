"""The weekly digest message and the tip of the week."""

from __future__ import annotations

import subprocess
import sys
from datetime import time

from bot.core.chart import WeekPoint
from bot.core.digest import TREND_TITLE, digest_reply
from bot.core.guidelines import guideline_title, tip_of_the_week
from coach_rules.guidelines import GUIDELINE_IDS
from storage.records import ActivityFigures, DigestSubscriptionRecord

SUBSCRIPTION = DigestSubscriptionRecord(
    id=1, platform="slack", workspace_id="T1", channel_id="C1", weekday=4, at=time(16, 0)
)
BUSY = ActivityFigures(
    follow_ups_logged=8,
    follow_ups_done=6,  # five first follow-ups and one second touch
    first_touches_done=5,
    done_within_window=4,
    overdue=2,
    meetings_logged=6,
    drafts_reviewed=10,
    drafts_flagged=3,
    average_score=71.5,
    top_rule="no-hard-sell",
)


def fields(reply: object) -> dict[str, str]:
    return {f.label: f.value for s in reply.sections for f in s.fields}  # type: ignore[attr-defined]


def test_digest_reports_every_figure() -> None:
    reply = digest_reply(BUSY, SUBSCRIPTION, "2026-W10")
    assert "week 2026-W10" in reply.text
    assert (
        "8 follow-ups logged, 6 done (80% of first follow-ups within 10 days), 10 drafts reviewed"
    ) in reply.text
    assert fields(reply) == {
        "Meetings logged": "6",
        "Follow-ups logged": "8",
        "Done within 10 days": "80% (4 of 5 first follow-ups)",
        "Overdue now": "2",
        "Drafts reviewed": "10",
        "Flagged as hard sell": "30% (3 of 10)",
        "Average value-first score": "72/100",
        "Most-broken guideline": "No hard sell or pressure",
    }
    assert any("Friday at 16:00" in s.text for s in reply.sections)


def test_shout_outs_appear_only_when_the_store_named_someone() -> None:
    without = digest_reply(BUSY, SUBSCRIPTION, "2026-W10")
    assert not any("Shout-outs" in s.text for s in without.sections)
    figures = ActivityFigures(**{**BUSY.__dict__, "shoutouts": ("Ada", "Grace")})
    with_names = digest_reply(figures, SUBSCRIPTION, "2026-W10")
    assert any("Shout-outs" in s.text and "Ada, Grace" in s.text for s in with_names.sections)


def test_a_quiet_week_says_so_and_shows_dashes() -> None:
    reply = digest_reply(ActivityFigures(), SUBSCRIPTION, "2026-W11")
    assert "quiet week" in reply.text
    assert fields(reply)["Done within 10 days"] == "—"
    assert fields(reply)["Average value-first score"] == "—"


def test_the_headline_counts_one_of_a_thing_in_the_singular() -> None:
    one_each = ActivityFigures(follow_ups_logged=1, follow_ups_done=1, drafts_reviewed=1)
    reply = digest_reply(one_each, SUBSCRIPTION, "2026-W12")
    assert "1 follow-up logged, 1 done" in reply.text
    assert "1 draft reviewed." in reply.text


def test_tip_of_the_week_comes_from_the_guidelines_and_changes_every_week() -> None:
    weeks = range(1, len(GUIDELINE_IDS) + 1)  # as many weeks as guidelines: each one once
    tips = [tip_of_the_week(f"2026-W{week:02d}") for week in weeks]
    assert {tip.guideline_id for tip in tips} == set(GUIDELINE_IDS)
    assert tip_of_the_week("2026-W05") == tip_of_the_week("2026-W05")
    reply = digest_reply(BUSY, SUBSCRIPTION, "2026-W05")
    assert any(tips[4].title in s.text for s in reply.sections)


def test_unknown_guideline_ids_fall_back_to_the_id() -> None:
    assert guideline_title("value-first") == "Give value first"
    assert guideline_title("no-such-rule") == "no-such-rule"


def test_the_digest_carries_its_trend_as_text_and_as_a_png_chart() -> None:
    trend = [
        WeekPoint(f"W{week:02d}", done) for week, done in zip(range(3, 11), range(8), strict=True)
    ]
    reply = digest_reply(BUSY, SUBSCRIPTION, "2026-W10", trend=trend)
    text = "\n".join(section.text for section in reply.sections)
    assert f"{TREND_TITLE}:** `_▁▂▃▅▆▇█` W03 0 · W04 1" in text
    assert reply.image is not None
    assert reply.image.data.startswith(b"\x89PNG\r\n\x1a\n")
    assert reply.image.alt_text.startswith(TREND_TITLE)


def test_a_trend_of_zeros_gets_no_picture_but_keeps_its_text() -> None:
    trend = [WeekPoint(f"W{week:02d}", 0) for week in range(3, 11)]
    reply = digest_reply(BUSY, SUBSCRIPTION, "2026-W10", trend=trend)
    assert reply.image is None
    assert any(TREND_TITLE in section.text for section in reply.sections)


def test_starting_the_bot_does_not_import_matplotlib() -> None:
    # It takes about a second to import: start-up and the Slack ack must not pay for it.
    code = (
        "import sys, bot.server, bot.core.service, bot.core.digest, bot.scheduler.jobs; "
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported at start-up'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
