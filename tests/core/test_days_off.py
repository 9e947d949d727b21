"""Public holidays where the member lives: default due days, second touches and nudges skip them,
and a reply that moved a day says which holiday it was."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest

from bot.core.nudges import FollowUpPlan, plan_nudges
from bot.core.public_holidays import NO_DAYS_OFF, country_for_zone, days_off_for
from bot.core.rules import decide_due, is_working_day, next_working_day, second_touch_due
from bot.core.service import CoachService
from storage.records import MemberRecord
from tests.core.conversation import due_by_name, say

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

COPENHAGEN = days_off_for("Europe/Copenhagen")


@pytest.mark.parametrize(
    ("zone", "country"),
    [
        ("Europe/Copenhagen", "DK"),
        ("America/New_York", "US"),
        ("Asia/Kolkata", "IN"),
        ("UTC", None),
        ("Etc/GMT-3", None),
        ("Nowhere/Atlantis", None),
    ],
)
def test_the_country_comes_from_a_zone_only_when_it_has_one(zone: str, country: str | None):
    assert country_for_zone(zone) == country


def test_working_days_skip_the_members_holidays_but_callers_without_them_see_weekends_only():
    christmas_eve = date(2026, 12, 24)  # a Thursday
    assert is_working_day(christmas_eve)
    assert not is_working_day(christmas_eve, COPENHAGEN)
    assert next_working_day(christmas_eve, COPENHAGEN) == date(2026, 12, 28)
    assert next_working_day(date(2027, 1, 1), COPENHAGEN) == date(2027, 1, 4)
    assert not is_working_day(date(2026, 11, 26), days_off_for("America/New_York"))
    assert is_working_day(date(2026, 11, 26), COPENHAGEN)  # Thanksgiving is not Danish
    assert NO_DAYS_OFF.name_of(christmas_eve) is None


def test_christmas_eve_is_a_day_off_only_where_offices_close_on_it():
    christmas_eve, new_years_eve = date(2026, 12, 24), date(2026, 12, 31)
    assert christmas_eve not in days_off_for("Asia/Kolkata")  # a restricted holiday in India
    assert christmas_eve not in days_off_for("America/New_York")  # "unofficial" there
    assert new_years_eve not in days_off_for("America/New_York")
    assert date(2026, 12, 25) in days_off_for("Asia/Kolkata")
    assert christmas_eve in COPENHAGEN and christmas_eve in days_off_for("Europe/Stockholm")


def test_a_default_due_day_and_a_second_touch_move_off_a_holiday():
    met = date(2026, 12, 21)
    assert decide_due(met, met, None, COPENHAGEN).due_on == date(2026, 12, 28)
    assert decide_due(met, met, None).due_on == date(2026, 12, 24)
    assert second_touch_due(date(2026, 12, 10), COPENHAGEN) == date(2026, 12, 28)


def test_a_nudge_never_lands_on_juleaften():
    member = MemberRecord(1, "slack", "T1", "U1", timezone="Europe/Copenhagen")
    plan = FollowUpPlan(met_on=date(2026, 12, 10), due_on=date(2026, 12, 24), touch=2)
    [nudge] = plan_nudges(plan, member, datetime(2026, 12, 20, 8, 0, tzinfo=UTC))
    local = nudge.send_at.astimezone(ZoneInfo("Europe/Copenhagen"))
    assert local.date() == date(2026, 12, 28)
    assert local.time() == time(9, 0)


@pytest.fixture
def service(store: SqlStore, clock: FakeClock) -> CoachService:
    clock.set(datetime(2026, 12, 21, 9, 0, tzinfo=UTC))  # Monday before Christmas
    service = CoachService(store, lambda draft: None, clock)  # type: ignore[arg-type, return-value]
    say(service, "settings timezone Europe/Copenhagen")
    return service


def test_met_before_christmas_names_the_holiday_it_skipped(service: CoachService, store: SqlStore):
    reply = say(service, "met Ida Lund at the Founders House breakfast")
    assert due_by_name(store) == {"Ida Lund": "2026-12-28"}
    assert "Thu 24 Dec is Christmas Eve in Denmark; I made it Mon 28 Dec." in reply.text


def test_a_snooze_onto_a_holiday_gets_a_one_line_warning(service: CoachService):
    say(service, "met Ida Lund yesterday")
    reply = say(service, "snooze Ida until 30/12")
    assert "Heads-up" not in reply.text
    reply = say(service, "follow up with Ida on 25/12")
    assert "Fri 25 Dec is Christmas Day in Denmark" in reply.text


def test_a_snooze_onto_a_saturday_is_warned_about_too(service: CoachService):
    say(service, "met Ida Lund yesterday")
    reply = say(service, "follow up with Ida on 26/12")
    assert "Heads-up: Sat 26 Dec is" in reply.text


def test_a_second_touch_moved_off_a_weekend_says_how_many_days_it_really_is(
    store: SqlStore, clock: FakeClock
) -> None:
    """Done on a Saturday: 14 days on is a Saturday, so the touch is on the Monday after, and
    the reply no longer says "14 days from now" of a day 16 days away."""
    clock.set(datetime(2026, 12, 12, 10, 0, tzinfo=UTC))  # a Saturday
    service = CoachService(store, lambda draft: None, clock)  # type: ignore[arg-type, return-value]
    say(service, "met Ada Obi on wednesday")
    reply = say(service, "done ada")
    assert "Mon 28 Dec" in reply.text
    assert "16 days from now: the first working day after 14" in reply.text
