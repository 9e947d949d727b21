"""Keep in touch after the rule of two (issue 13, item 3), end to end through `CoachService` on
SQLite and PostgreSQL: the offer, the cadence, the check-ins and how every touch restarts them."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import TYPE_CHECKING

import pytest

from bot.core import commands as c
from bot.core.parser import parse_command
from bot.core.rules import CADENCE_MONTHS, add_months, next_check_in
from storage.records import CHECK_IN_TOUCH, FollowUpRecord
from tests.core.test_service import Bot, commands

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

MONDAY = date(2026, 3, 2)  # the clock fixture's day
SECOND_TOUCH_DONE = date(2026, 3, 16)  # 14 days later, when `rule_of_two` finishes


@pytest.fixture
def bot(store: SqlStore, clock: FakeClock) -> Bot:
    return Bot(store, clock)


def rule_of_two(bot: Bot, name: str = "Priya Shah") -> object:
    """Meet someone, follow up today, and do the second touch when it is due: the last reply."""
    bot.say(f"met {name} at PyCon")
    bot.say(f"done {name}")
    bot.clock.advance(timedelta(days=14))
    return bot.say(f"done {name} gave")


def check_ins(bot: Bot) -> list[FollowUpRecord]:
    return [f for f in bot.open() if f.touch == CHECK_IN_TOUCH]


def pending_nudges(bot: Bot) -> list[tuple[str, str]]:
    rows = bot.rows("SELECT kind, send_at FROM nudges WHERE status = 'pending' ORDER BY send_at")
    return [(kind, str(send_at)[:16]) for kind, send_at in rows]


# --- the offer and the cadence --------------------------------------------------------------


def test_a_plain_done_on_the_second_touch_asks_what_it_was_and_offers_a_cadence(bot: Bot):
    bot.say("met Priya Shah at PyCon")
    bot.say("done Priya Shah")
    bot.clock.advance(timedelta(days=14))
    reply = bot.say("done Priya Shah")

    assert "Was it a give, an ask or a thank-you?" in reply.text
    assert "Keep in touch with Priya Shah?" in reply.text
    labels = [a.label for a in reply.actions]
    assert labels == ["Gave", "Asked", "Thanked", "Monthly", "Quarterly", "Off"]


def test_finishing_the_rule_of_two_offers_to_keep_in_touch(bot: Bot):
    reply = rule_of_two(bot)

    assert "rule of two complete" in reply.text and "Keep in touch with Priya Shah?" in reply.text
    assert "Recorded as a give" in reply.text
    assert [a.label for a in reply.actions] == ["Monthly", "Quarterly", "Off"]
    assert commands(reply) == [
        "keep-in-touch Priya Shah monthly",
        "keep-in-touch Priya Shah quarterly",
        "keep-in-touch Priya Shah off",
    ]
    assert bot.open() == []  # nothing scheduled until the member chooses


def test_choosing_monthly_schedules_a_check_in_a_month_after_the_last_touch(bot: Bot):
    offer = rule_of_two(bot)
    reply = bot.say(commands(offer)[0])

    [check_in] = check_ins(bot)
    assert check_in.due_on == date(2026, 4, 16)
    assert f"check-in #{check_in.id}" in reply.text and "Thu 16 Apr" in reply.text
    # One nudge, at the start of the member's working day (09:00 UTC) on the due day.
    assert pending_nudges(bot) == [("check-in", "2026-04-16 09:00")]


def test_off_on_the_offer_schedules_nothing(bot: Bot):
    offer = rule_of_two(bot)
    reply = bot.say(commands(offer)[-1])
    assert "no check-ins with Priya Shah" in reply.text
    assert bot.open() == [] and bot.store.cadences(bot.member().id) == []


def test_a_cadence_set_during_the_rule_of_two_starts_after_it(bot: Bot):
    bot.say("met Priya Shah")
    reply = bot.say("keep in touch with Priya quarterly")
    assert "First the rule of two" in reply.text and "3 months after it is done" in reply.text
    assert [f.touch for f in bot.open()] == [1]

    bot.say("done Priya")
    assert [f.touch for f in bot.open()] == [2]  # the second touch, no check-in beside it
    bot.clock.advance(timedelta(days=14))
    reply = bot.say("done Priya")

    [check_in] = check_ins(bot)
    assert check_in.due_on == date(2026, 6, 16)
    assert "Next check-in (quarterly)" in reply.text and "Keep in touch with" not in reply.text


def test_changing_the_cadence_moves_the_open_check_in(bot: Bot):
    bot.say(commands(rule_of_two(bot))[0])
    [monthly] = check_ins(bot)
    bot.say("keep-in-touch Priya yearly")
    [yearly] = check_ins(bot)
    assert yearly.id == monthly.id and yearly.due_on == date(2027, 3, 16)
    assert pending_nudges(bot) == [("check-in", "2027-03-16 09:00")]


def test_a_cadence_we_do_not_offer_is_asked_about_not_guessed(bot: Bot):
    rule_of_two(bot)
    reply = bot.say("keep in touch with Priya every 2 weeks")
    assert "monthly, quarterly or yearly" in reply.text
    assert [a.label for a in reply.actions] == ["Monthly", "Quarterly", "Yearly", "Off"]
    assert bot.store.cadences(bot.member().id) == []


def test_a_follow_up_number_names_its_contact(bot: Bot):
    bot.say("met Priya Shah")
    [follow_up] = bot.open()
    assert "Keeping in touch with **Priya Shah** monthly" in (
        bot.say(f"keep-in-touch #{follow_up.id} monthly").text
    )
    assert "can't find follow-up #999" in bot.say("keep-in-touch #999 monthly").text


def test_keep_in_touch_with_no_such_contact_says_so(bot: Bot):
    reply = bot.say("keep-in-touch Nobody Known monthly")
    assert "no contact called" in reply.text
    assert bot.store.cadences(bot.member().id) == []


# --- every touch restarts the clock -----------------------------------------------------------


def test_a_check_in_done_schedules_the_next_one_from_that_day(bot: Bot):
    bot.say(commands(rule_of_two(bot))[0])
    bot.clock.advance(timedelta(days=35))  # Mon 20 Apr, four days after it was due
    reply = bot.say("done Priya")

    [next_one] = check_ins(bot)
    assert next_one.due_on == date(2026, 5, 20)
    assert "Done: checked in with **Priya Shah**" in reply.text
    assert "Next check-in (monthly)" in reply.text


def test_a_check_in_done_early_asks_first(bot: Bot):
    bot.say(commands(rule_of_two(bot))[0])
    [check_in] = check_ins(bot)
    reply = bot.say("done Priya")
    assert "The check-in with Priya Shah" in reply.text and "not due until" in reply.text
    assert check_ins(bot) == [check_in]
    bot.say(f"done #{check_in.id} early")
    [next_one] = check_ins(bot)
    assert next_one.id != check_in.id and next_one.due_on == date(2026, 4, 16)


def test_meeting_again_starts_a_new_rule_of_two_and_the_check_ins_wait(bot: Bot):
    bot.say(commands(rule_of_two(bot))[0])
    [check_in] = check_ins(bot)
    bot.clock.advance(timedelta(days=7))
    reply = bot.say("met Priya Shah at the meetup (same contact)")

    assert f"It replaces #{check_in.id}" in reply.text
    assert "Check-ins resume once the rule of two is done again" in reply.text
    assert [f.touch for f in bot.open()] == [1]
    assert bot.store.get_follow_up(bot.member().id, check_in.id).status == "cancelled"
    bot.say("done Priya")
    bot.clock.advance(timedelta(days=14))
    bot.say("done Priya")
    [restarted] = check_ins(bot)
    assert restarted.due_on == add_months(bot.clock.now().date(), 1)


def test_a_meeting_logged_too_late_for_a_follow_up_moves_the_check_in(bot: Bot):
    bot.say(commands(rule_of_two(bot))[0])  # check-in due Thu 16 Apr
    bot.clock.advance(timedelta(days=30))  # Wed 15 Apr
    reply = bot.say("met Priya Shah 12 days ago (same contact)")  # Fri 3 Apr: window closed

    [check_in] = check_ins(bot)
    assert check_in.due_on == date(2026, 5, 4)  # a month on is Sun 3 May: the Monday
    assert "next check-in" in reply.text and "Keep as a late follow-up" not in str(reply)


def test_cancelling_the_second_touch_hands_over_to_the_check_ins(bot: Bot):
    bot.say("met Priya Shah")
    bot.say("keep in touch with Priya monthly")
    bot.say("done Priya")
    [second] = bot.open()
    reply = bot.say(f"cancel #{second.id}")
    [check_in] = check_ins(bot)
    assert check_in.due_on == date(2026, 4, 2)  # a month after the first follow-up was done
    assert f"check-in #{check_in.id}" in reply.text


# --- snooze and stop ---------------------------------------------------------------------------


def test_a_check_in_snoozes_past_any_window(bot: Bot):
    bot.say(commands(rule_of_two(bot))[0])
    [check_in] = check_ins(bot)
    bot.clock.advance(timedelta(days=31))  # its due day
    reply = bot.say(f"snooze #{check_in.id}")
    [moved] = check_ins(bot)
    assert moved.due_on == check_in.due_on + timedelta(days=2)
    assert "Snoozed" in reply.text
    # Due Saturday 18 Apr: the nudge waits for Monday's working hours.
    assert pending_nudges(bot) == [("check-in", "2026-04-20 09:00")]


@pytest.mark.parametrize(
    "line",
    [
        "keep-in-touch Priya off",
        "keep in touch with Priya off",
        "stop checking in with Priya",
        "stop reminding me about Priya",
        "no more check-ins with Priya",
    ],
)
def test_stopping_ends_the_cadence_and_cancels_the_open_check_in(bot: Bot, line: str):
    bot.say(commands(rule_of_two(bot))[0])
    [check_in] = check_ins(bot)
    reply = bot.say(line)
    assert "no more check-ins" in reply.text.lower() or "stopped" in reply.text.lower()
    assert bot.store.cadences(bot.member().id) == []
    assert bot.store.get_follow_up(bot.member().id, check_in.id).status == "cancelled"
    assert pending_nudges(bot) == []


def test_cancelling_a_check_in_by_its_number_stops_the_cadence(bot: Bot):
    bot.say(commands(rule_of_two(bot))[0])
    [check_in] = check_ins(bot)
    reply = bot.say(f"cancel #{check_in.id}")
    assert "stopped keeping in touch" in reply.text
    assert bot.store.cadences(bot.member().id) == [] and bot.open() == []


def test_stop_reminding_me_during_the_rule_of_two_stops_everything_about_them(bot: Bot):
    bot.say("met Priya Shah")
    bot.say("keep in touch with Priya monthly")
    reply = bot.say("stop reminding me about Priya")
    assert bot.open() == [] and bot.store.cadences(bot.member().id) == []
    assert "stopped keeping in touch" in reply.text


# --- who, list, export, forget-me, contacts ---------------------------------------------------


def test_who_and_list_show_the_cadence_and_the_next_check_in(bot: Bot):
    bot.say(commands(rule_of_two(bot))[0])
    [check_in] = check_ins(bot)

    card = bot.say("who Priya").text
    assert f"Check-in #{check_in.id} due Thu 16 Apr" in card
    assert "Keep in touch: monthly, next check-in Thu 16 Apr" in card

    listed = bot.say("list")
    [section] = listed.sections
    assert f"#{check_in.id}" in section.text and "keep-in-touch check-in (monthly)" in section.text
    assert f"done #{check_in.id}" in commands(listed)


def test_a_card_with_nothing_open_offers_to_keep_in_touch(bot: Bot):
    offer = rule_of_two(bot)
    card = bot.say("who Priya")
    assert "keep-in-touch Priya Shah" in commands(card)
    asked = bot.say("keep-in-touch Priya Shah")
    yearly = "keep-in-touch Priya Shah yearly"
    assert [a.command for a in asked.actions][:3] == [*commands(offer)[:2], yearly]


def test_list_shows_the_cadence_beside_a_rule_of_two_still_running(bot: Bot):
    bot.say("met Priya Shah")
    bot.say("keep in touch with Priya yearly")
    [section] = bot.say("list").sections
    assert "then check-ins yearly" in section.text
    assert "check-ins start once the rule of two is done" in bot.say("who Priya").text


def test_export_includes_the_cadence_and_forget_me_deletes_it(bot: Bot):
    bot.say(commands(rule_of_two(bot))[0])
    reply = bot.say("export")
    assert "1 keep-in-touch cadence" in reply.text
    data = json.loads(reply.attachment.content)
    [contact] = data["contacts"]
    assert data["keep_in_touch"] == [
        {
            "contact_id": contact["id"],
            "every": "monthly",
            "created_at": data["keep_in_touch"][0]["created_at"],
            "updated_at": data["keep_in_touch"][0]["updated_at"],
        }
    ]
    assert any(n["kind"] == "check-in" for n in data["nudges"])

    bot.say("forget-me")
    done = bot.say("forget-me confirm")
    assert "1 keep-in-touch cadence" in done.text
    assert bot.rows("SELECT count(*) FROM keep_in_touch") == [(0,)]


def test_deleting_a_contact_deletes_its_cadence(bot: Bot):
    bot.say(commands(rule_of_two(bot))[0])
    bot.say("delete-contact Priya Shah confirm")
    assert bot.rows("SELECT count(*) FROM keep_in_touch") == [(0,)]
    assert bot.open() == []


def test_merging_contacts_keeps_the_cadence(bot: Bot):
    bot.say(commands(rule_of_two(bot))[0])
    married_name = bot.store.add_contact(bot.member().id, "Priya Kumar")
    reply = bot.say("merge Priya Shah into Priya Kumar")
    assert "Merged Priya Shah into **Priya Kumar**" in reply.text
    [cadence] = bot.store.cadences(bot.member().id)
    assert cadence.contact_id == married_name.id and cadence.every == "monthly"
    assert [f.contact_id for f in check_ins(bot)] == [married_name.id]


def test_check_ins_done_are_not_counted_as_follow_ups_in_the_window(bot: Bot):
    bot.say(commands(rule_of_two(bot))[0])
    bot.clock.advance(timedelta(days=31))
    member = bot.member()
    since, until = bot.clock.now() - timedelta(days=1), bot.clock.now() + timedelta(days=1)
    before = bot.store.member_figures(member.id, since, until)
    bot.say("done Priya")
    after = bot.store.member_figures(member.id, since, until)
    assert after.follow_ups_done == before.follow_ups_done


def test_the_cadences_of_one_member_are_not_anothers(bot: Bot):
    bot.say(commands(rule_of_two(bot))[0])
    reply = bot.say("keep-in-touch Priya Shah off", user="U2")
    assert "no contact called" in reply.text
    assert len(bot.store.cadences(bot.member().id)) == 1


# --- parsing -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "name", "every"),
    [
        ("keep in touch with Priya monthly", "Priya", "monthly"),
        ("keep in touch with Jane Doe quarterly", "Jane Doe", "quarterly"),
        ("keep-in-touch Priya yearly", "Priya", "yearly"),
        ("keep in touch with Priya off", "Priya", "off"),
        ("keep in touch with Priya", "Priya", None),
        ("/network keep-in-touch Priya every quarter", "Priya", "quarterly"),
        ("remind me to check in with Priya every month", "Priya", "monthly"),
        ("please remind me to catch up with Dana Kim once a year", "Dana Kim", "yearly"),
        ("remind me every 3 months to touch base with Omar", "Omar", "quarterly"),
        ("put Priya on a monthly cadence", "Priya", "monthly"),
        ("stop checking in with Priya", "Priya", "off"),
        ("keep in touch with Priya every 2 weeks", "Priya", None),
    ],
)
def test_keep_in_touch_phrasings(line: str, name: str, every: str | None):
    result = parse_command(line)
    assert result == c.KeepInTouchCommand(person=c.PersonRef(name=name), every=every)


@pytest.mark.parametrize(
    "line",
    [
        "Would love to keep in touch with you!",
        "Let's keep in touch with the team about the launch",
        "remind me to follow up with Jane on Friday",
    ],
)
def test_sentences_that_are_not_a_cadence_stay_what_they_were(line: str):
    assert not isinstance(parse_command(line, direct_message=True), c.KeepInTouchCommand)


def test_stop_reminding_me_about_someone_still_cancels_their_reminders():
    result = parse_command("stop reminding me about Priya")
    assert result == c.CancelCommand(target=c.PersonRef(name="Priya"))


# --- the rules -----------------------------------------------------------------------------------


def test_a_month_later_keeps_the_day_or_ends_the_shorter_month():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 3, 16), 12) == date(2027, 3, 16)


def test_a_check_in_is_never_due_in_the_past():
    today = date(2026, 9, 1)
    assert next_check_in(date(2026, 3, 16), "monthly", today) == today
    assert next_check_in(date(2026, 8, 18), "monthly", today) == date(2026, 9, 18)
    assert set(CADENCE_MONTHS) == {"monthly", "quarterly", "yearly"}
