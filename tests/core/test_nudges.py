"""Nudge planning (working hours, time zones, the 10-day window) and the nudge message."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.nudges import FollowUpPlan, next_working_moment, nudge_reply, plan_nudges
from bot.core.rules import window_closes
from storage.records import DueNudge, FollowUpRecord, MemberRecord, TouchCounts

BERLIN = "Europe/Berlin"


def member(zone: str = "UTC", start: time = time(9), end: time = time(17, 30)) -> MemberRecord:
    return MemberRecord(
        id=1,
        platform="slack",
        workspace_id="T1",
        user_id="U1",
        timezone=zone,
        work_start=start,
        work_end=end,
    )


def local(at: datetime, zone: str) -> datetime:
    return at.astimezone(ZoneInfo(zone))


def test_due_nudge_at_start_of_work_in_the_members_zone_and_last_chance_on_day_nine() -> None:
    met = date(2026, 3, 2)  # Monday
    now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    planned = plan_nudges(FollowUpPlan(met, date(2026, 3, 5)), member(BERLIN), now)
    assert [n.kind for n in planned] == ["due", "overdue", "last-chance"]
    assert planned[0].send_at == datetime(2026, 3, 5, 8, 0, tzinfo=UTC)  # 09:00 CET
    assert local(planned[2].send_at, BERLIN) == datetime(2026, 3, 11, 9, 0, tzinfo=ZoneInfo(BERLIN))


def test_weekend_due_day_moves_to_monday_inside_the_window() -> None:
    met = date(2026, 3, 4)  # Wednesday; day 3 is Saturday 7 March
    planned = plan_nudges(
        FollowUpPlan(met, date(2026, 3, 7)), member(), datetime(2026, 3, 4, 10, tzinfo=UTC)
    )
    assert planned[0].send_at == datetime(2026, 3, 9, 9, 0, tzinfo=UTC)


def test_weekend_day_nine_moves_back_to_friday_when_monday_is_past_the_window() -> None:
    met = date(2026, 2, 26)  # Thursday; day 9 is Saturday 7 March, Monday would be day 11
    planned = plan_nudges(
        FollowUpPlan(met, date(2026, 3, 2)), member(), datetime(2026, 2, 26, 10, tzinfo=UTC)
    )
    last_chance = [n for n in planned if n.kind == "last-chance"]
    assert last_chance[0].send_at == datetime(2026, 3, 6, 9, 0, tzinfo=UTC)  # Friday, day 8


def test_due_day_already_under_way_sends_now_when_in_working_hours() -> None:
    now = datetime(2026, 3, 5, 11, 15, tzinfo=UTC)  # Thursday, mid-morning
    planned = plan_nudges(FollowUpPlan(date(2026, 3, 2), date(2026, 3, 5)), member(), now)
    assert planned[0].send_at == now


def test_after_work_the_nudge_waits_for_the_next_working_morning() -> None:
    now = datetime(2026, 3, 5, 19, 0, tzinfo=UTC)  # Thursday evening
    planned = plan_nudges(FollowUpPlan(date(2026, 3, 2), date(2026, 3, 5)), member(), now)
    assert planned[0].send_at == datetime(2026, 3, 6, 9, 0, tzinfo=UTC)


def test_friday_evening_on_the_last_day_still_nudges_before_the_window_closes() -> None:
    met = date(2026, 2, 27)  # Friday; day 10 is Monday 9 March
    now = datetime(2026, 3, 9, 18, 0, tzinfo=UTC)  # after work on day 10
    planned = plan_nudges(FollowUpPlan(met, date(2026, 3, 9)), member(), now)
    assert len(planned) == 1
    assert planned[0].send_at == now  # as soon as possible: tomorrow would be too late


def test_second_touch_gets_one_nudge() -> None:
    planned = plan_nudges(
        FollowUpPlan(date(2026, 3, 2), date(2026, 3, 19), touch=2),
        member(),
        datetime(2026, 3, 5, 10, tzinfo=UTC),
    )
    assert [(n.kind, n.send_at) for n in planned] == [
        ("second-touch", datetime(2026, 3, 19, 9, 0, tzinfo=UTC))
    ]


def test_late_follow_up_gets_one_due_nudge_with_no_window() -> None:
    planned = plan_nudges(
        FollowUpPlan(date(2026, 1, 1), date(2026, 3, 3), late=True),
        member(),
        datetime(2026, 3, 2, 10, tzinfo=UTC),
    )
    assert [(n.kind, n.send_at) for n in planned] == [
        ("due", datetime(2026, 3, 3, 9, 0, tzinfo=UTC))
    ]


def test_nudges_follow_daylight_saving_time() -> None:
    new_york = "America/New_York"  # clocks go forward on Sunday 8 March 2026
    before = plan_nudges(
        FollowUpPlan(date(2026, 3, 2), date(2026, 3, 6)),
        member(new_york),
        datetime(2026, 3, 2, 15, tzinfo=UTC),
    )
    after = plan_nudges(
        FollowUpPlan(date(2026, 3, 6), date(2026, 3, 9)),
        member(new_york),
        datetime(2026, 3, 6, 15, tzinfo=UTC),
    )
    assert before[0].send_at == datetime(2026, 3, 6, 14, 0, tzinfo=UTC)  # 09:00 EST
    assert after[0].send_at == datetime(2026, 3, 9, 13, 0, tzinfo=UTC)  # 09:00 EDT


def test_next_working_moment() -> None:
    saturday_noon = datetime(2026, 3, 7, 12, tzinfo=UTC)
    assert next_working_moment(saturday_noon, member()) == datetime(2026, 3, 9, 9, tzinfo=UTC)


zones = st.sampled_from(
    ["UTC", BERLIN, "America/New_York", "Asia/Kolkata", "Pacific/Auckland", "Pacific/Honolulu"]
)


@settings(max_examples=300, deadline=None)
@given(
    zone=zones,
    met_offset=st.integers(min_value=0, max_value=9),
    due_offset=st.integers(min_value=0, max_value=10),
    start_hour=st.integers(min_value=5, max_value=11),
    length=st.integers(min_value=1, max_value=10),
    now_minutes=st.integers(min_value=0, max_value=60 * 24 * 3),
)
def test_first_touch_nudges_always_land_before_the_window_closes(
    zone: str, met_offset: int, due_offset: int, start_hour: int, length: int, now_minutes: int
) -> None:
    who = member(zone, time(start_hour), time(start_hour + length))
    met = date(2026, 3, 1) + timedelta(days=met_offset)
    due = max(met + timedelta(days=due_offset), met)
    due = min(due, window_closes(met))
    now = datetime.combine(met, time(0), tzinfo=ZoneInfo(zone)) + timedelta(minutes=now_minutes)
    planned = plan_nudges(FollowUpPlan(met, due), who, now)
    closes = datetime.combine(window_closes(met), who.work_end, tzinfo=ZoneInfo(zone))
    assert planned, "an open follow-up always gets a nudge"
    for nudge in planned:
        assert nudge.send_at >= now
        assert nudge.send_at <= max(closes, now)
        assert nudge.send_at.tzinfo is not None
    sends = [n.send_at for n in planned]
    assert sends == sorted(sends)


# --- the nudge message --------------------------------------------------------------------------


def due_nudge(kind: str, met: date, due: date, *, touch: int = 1) -> DueNudge:
    follow_up = FollowUpRecord(
        id=7,
        member_id=1,
        contact_id=3,
        contact_name="Jane Doe",
        meeting_id=2,
        met_on=met,
        due_on=due,
        touch=touch,
        note="send the deck",
    )
    return DueNudge(
        nudge_id=11, kind=kind, send_at=datetime.now(UTC), member=member(), follow_up=follow_up
    )


def test_nudge_reply_has_gave_asked_thanked_snooze_and_review_buttons() -> None:
    reply = nudge_reply(
        due_nudge("due", date(2026, 3, 2), date(2026, 3, 5)), datetime(2026, 3, 5, 9, tzinfo=UTC)
    )
    assert [(a.label, a.command) for a in reply.actions] == [
        ("Gave", "done #7 gave"),
        ("Asked", "done #7 asked"),
        ("Thanked", "done #7 thanked"),
        ("Snooze 2 days", "snooze #7 2 days"),
        ("Review my draft", "review"),
    ]
    assert "Jane Doe" in reply.text
    assert "7 days are left" in reply.text
    assert any(f.value == "send the deck" for s in reply.sections for f in s.fields)


def test_a_nudge_tells_a_member_who_has_only_asked_to_give_first() -> None:
    due = due_nudge("second-touch", date(2026, 3, 2), date(2026, 3, 19), touch=2)
    now = datetime(2026, 3, 19, 9, tzinfo=UTC)
    asked_twice = nudge_reply(due, now, TouchCounts(ask=2))
    assert "You've asked Jane Doe twice and given nothing yet: share something useful first." in (
        asked_twice.text
    )
    for counts in (None, TouchCounts(), TouchCounts(give=1, ask=2), TouchCounts(thank=1)):
        assert "given nothing yet" not in nudge_reply(due, now, counts).text


def test_last_chance_and_second_touch_wording() -> None:
    last = nudge_reply(
        due_nudge("last-chance", date(2026, 3, 2), date(2026, 3, 5)),
        datetime(2026, 3, 11, 9, tzinfo=UTC),
    )
    assert "Last chance" in last.text
    assert "closes tomorrow" in last.text
    second = nudge_reply(
        due_nudge("second-touch", date(2026, 3, 2), date(2026, 3, 19), touch=2),
        datetime(2026, 3, 19, 9, tzinfo=UTC),
    )
    assert "rule of two" in second.text
