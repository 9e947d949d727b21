"""`CoachService` end to end against the real store (SQLite here, PostgreSQL too in CI)."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import inspect, text

from bot.core.help import command_reply
from bot.core.messages import Incoming, Reply
from bot.core.ports import Reviewer
from bot.core.service import SORRY, CoachService
from bot.slack.mrkdwn import to_mrkdwn
from coach_rules.review import Finding, Review
from storage.records import FollowUpRecord, MemberRecord

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

TODAY = date(2026, 3, 2)  # the shared clock fixture's Monday


def fake_review(draft: str) -> Review:
    """Flags any draft that asks for a demo, pointing at each "demo"."""
    spans = []
    start = draft.find("demo")
    while start >= 0:
        spans.append((start, start + 4))
        start = draft.find("demo", start + 1)
    if not spans:
        return Review(flagged=False, score=88, probability=0.1, score_breakdown=(("base", 88),))
    finding = Finding(
        "no-hard-sell", "Asks for a demo.", "Offer something first.", tuple(spans), -30
    )
    return Review(
        flagged=True,
        score=40,
        probability=0.9,
        findings=(finding,),
        score_breakdown=(("base", 70), ("asks for a demo", -30)),
    )


class Bot:
    """The service plus a tiny bit of convenience for writing conversations."""

    def __init__(self, store: SqlStore, clock: FakeClock, reviewer: Reviewer = fake_review) -> None:
        self.store = store
        self.clock = clock
        self.service = CoachService(store, reviewer, clock)

    def say(self, line: str, *, user: str = "U1", dm: bool = True) -> Reply:
        return self.service.handle(Incoming("slack", "T1", user, "D1", line, is_direct_message=dm))

    def member(self, user: str = "U1") -> MemberRecord:
        return self.store.get_or_create_member("slack", "T1", user)

    def open(self, user: str = "U1") -> list[FollowUpRecord]:
        return self.store.open_follow_ups(self.member(user).id)

    def rows(self, sql: str, **params: object) -> list[tuple]:
        with self.store.engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql), params)]


@pytest.fixture
def bot(store: SqlStore, clock: FakeClock) -> Bot:
    return Bot(store, clock)


def commands(reply: Reply) -> list[str]:
    return [a.command for a in reply.actions] + [
        a.command for section in reply.sections for a in section.actions
    ]


# --- met and follow-up ---------------------------------------------------------------------------


def test_met_schedules_a_follow_up_three_days_later_with_nudges(bot: Bot) -> None:
    reply = bot.say("met Jane Doe at PyCon — asked about Rust")
    [follow_up] = bot.open()
    assert (follow_up.met_on, follow_up.due_on, follow_up.note) == (
        TODAY,
        date(2026, 3, 5),
        "asked about Rust",
    )
    assert "Thu 5 Mar" in reply.text
    assert f"done #{follow_up.id}" in commands(reply)
    nudges = bot.rows(
        "SELECT kind, send_at FROM nudges WHERE follow_up_id = :id ORDER BY send_at",
        id=follow_up.id,
    )
    assert [kind for kind, _ in nudges] == ["due", "overdue", "last-chance"]


def test_names_match_case_insensitively_within_my_own_contacts(bot: Bot) -> None:
    bot.say("met Jane Doe")
    bot.say("met jane doe yesterday", user="U2")  # another member's Jane is another contact
    bot.say("follow-up JANE DOE in 2 days")
    [mine] = bot.open()
    assert mine.due_on == date(2026, 3, 4)
    assert bot.rows("SELECT count(*) FROM contacts") == [(2,)]


def test_a_first_name_finds_the_one_contact_it_begins(bot: Bot) -> None:
    bot.say("met Jane Doe")
    reply = bot.say("follow-up jane in 14 days send the deck")
    [follow_up] = bot.open()
    assert follow_up.contact_name == "Jane Doe" and follow_up.due_on == date(2026, 3, 12)
    assert "capped at 10 days" in reply.text
    assert "Done" in bot.say("done Jane").text
    assert bot.rows("SELECT count(*) FROM contacts") == [(1,)]


def test_follow_up_is_capped_at_ten_days_after_meeting_and_says_why(bot: Bot) -> None:
    bot.say("met Jane on 2026-02-27")
    reply = bot.say("follow-up Jane in 20 days")
    [follow_up] = bot.open()
    assert follow_up.due_on == date(2026, 3, 9)  # day 10 after 27 February
    assert "10 days after meeting" in reply.text


def test_follow_up_with_no_meeting_on_record_counts_the_meeting_as_today(bot: Bot) -> None:
    reply = bot.say("follow-up Sam Lee")
    [follow_up] = bot.open()
    assert (follow_up.met_on, follow_up.due_on, follow_up.meeting_id) == (
        TODAY,
        date(2026, 3, 5),
        None,
    )
    assert "no meeting on record" in reply.text


def test_free_text_follow_up_splits_name_and_note_at_a_known_contact(bot: Bot) -> None:
    bot.say("met Jane Doe")
    bot.say("follow-up Jane Doe send the deck")
    [follow_up] = bot.open()
    assert (follow_up.contact_name, follow_up.note) == ("Jane Doe", "send the deck")


def test_unknown_long_free_text_asks_for_a_dash_instead_of_inventing_a_contact(bot: Bot) -> None:
    reply = bot.say("follow-up Jane Doe send the deck")
    assert "put a dash" in reply.text
    assert bot.open() == []


def test_meeting_whose_window_closed_offers_a_late_follow_up(bot: Bot) -> None:
    reply = bot.say("met Bob on 2026-02-01")
    assert "window closed" in reply.text
    assert bot.open() == []
    [late] = commands(reply)
    assert late == "follow-up Bob late"
    bot.say(late)
    [follow_up] = bot.open()
    assert follow_up.late and follow_up.due_on == TODAY


def test_meeting_in_the_future_is_refused(bot: Bot) -> None:
    reply = bot.say("met Jane on 2026-03-20")
    assert "in the future" in reply.text
    assert bot.rows("SELECT count(*) FROM meetings") == [(0,)]


def test_mentions_are_contacts_by_platform_id(bot: Bot) -> None:
    bot.say("met <@U77|jane>")
    reply = bot.say("done <@U77>")
    # The core names the mention neutrally; the Slack renderer turns it into `<@U77>`.
    assert "@[jane](U77)" in reply.text
    assert "<@U77>" in to_mrkdwn(reply.text)
    assert bot.rows("SELECT name, mention FROM contacts") == [("jane", "U77")]


def test_same_name_twice_asks_which_follow_up(bot: Bot) -> None:
    bot.say("met Alex")
    bot.say("met <@U5|alex>")
    reply = bot.say("done alex")
    ids = sorted(f.id for f in bot.open())
    assert "Which one?" in reply.text
    assert sorted(commands(reply)) == [f"done #{i}" for i in ids]
    assert len(bot.open()) == 2  # nothing was closed


# --- snooze, done, cancel, list -------------------------------------------------------------------


def test_snooze_defaults_to_two_days(bot: Bot) -> None:
    bot.say("met Jane")
    bot.say("snooze Jane")
    assert bot.open()[0].due_on == date(2026, 3, 7)


def test_snooze_is_capped_at_day_ten(bot: Bot) -> None:
    bot.say("met Jane on 2026-02-25")  # day 10 is 7 March
    reply = bot.say("snooze Jane 9 days")
    assert bot.open()[0].due_on == date(2026, 3, 7)
    assert "can't move past day 10" in reply.text


def test_a_weekday_past_the_window_asks_between_the_nearer_one_and_the_last_day(
    bot: Bot,
) -> None:
    bot.say("met Jane")  # Monday 2 March: the window closes Thursday 12 March
    bot.say("snooze Jane until monday")
    assert bot.open()[0].due_on == date(2026, 3, 9)
    bot.clock.advance(days=3)  # Thursday 5 March
    reply = bot.say("snooze Jane until friday")  # the Friday after Monday 9 is past day 10
    assert bot.open()[0].due_on == date(2026, 3, 9)  # nothing moves until the member says
    assert "Fri 13 Mar is past the 10-day window" in reply.text
    [follow_up] = bot.open()
    assert commands(reply) == [
        f"follow-up #{follow_up.id} on 6 Mar",
        f"follow-up #{follow_up.id} on 12 Mar",
    ]


def test_a_capped_day_is_named_as_asked(bot: Bot) -> None:
    bot.say("met Jane")  # Monday 2 March: the window closes Thursday 12 March
    reply = bot.say("snooze Jane until 3/14")
    assert bot.open()[0].due_on == date(2026, 3, 12)
    assert "Not Sat 14 Mar: a follow-up can't move past day 10" in reply.text


def test_snooze_after_the_window_closed_offers_to_keep_it_late(bot: Bot) -> None:
    bot.say("met Jane")
    [follow_up] = bot.open()
    bot.clock.advance(days=11)
    reply = bot.say(f"snooze #{follow_up.id}")
    assert "window" in reply.text and "closed" in reply.text
    assert f"follow-up #{follow_up.id} late in 2 days" in commands(reply)
    assert bot.open()[0].due_on == follow_up.due_on  # unchanged until the member chooses
    bot.say(f"follow-up #{follow_up.id} late in 2 days")
    kept = bot.open()[0]
    assert kept.late and kept.due_on == date(2026, 3, 15)


def test_done_schedules_the_second_touch_fourteen_days_later_and_cancel_removes_it(
    bot: Bot,
) -> None:
    bot.say("met Jane")
    bot.clock.advance(days=2)
    reply = bot.say("done Jane")
    [second] = bot.open()
    assert (second.touch, second.due_on) == (2, date(2026, 3, 18))
    assert "second touch" in reply.text and "14 days" in reply.text
    assert f"cancel #{second.id}" in commands(reply)
    kinds = bot.rows(
        "SELECT kind FROM nudges WHERE follow_up_id = :id AND status = 'pending'", id=second.id
    )
    assert kinds == [("second-touch",)]
    bot.say(f"cancel #{second.id}")
    assert bot.open() == []
    assert bot.rows("SELECT status FROM follow_ups WHERE id = :id", id=second.id) == [
        ("cancelled",)
    ]


def test_done_on_the_second_touch_completes_the_rule_of_two(bot: Bot) -> None:
    bot.say("met Jane")
    bot.say("done Jane")
    assert "not due until" in bot.say("done Jane").text  # the second touch is 14 days away
    reply = bot.say("yes")
    assert "rule of two" in reply.text
    assert bot.open() == []


def test_done_twice_by_id_says_it_is_already_done(bot: Bot) -> None:
    bot.say("met Jane")
    [follow_up] = bot.open()
    bot.say(f"done #{follow_up.id}")
    assert "already done" in bot.say(f"done #{follow_up.id}").text


def test_unknown_ids_and_people_explain_what_to_do(bot: Bot) -> None:
    assert "Type `list`" in bot.say("done #999").text
    assert "no contact called" in bot.say("snooze Nobody").text


def test_list_puts_overdue_first_with_days_left_in_each_window(bot: Bot) -> None:
    bot.say("met Later Person")  # due Thursday 5 March
    bot.say("met Early Person on 2026-02-24")  # due today; its window closes 6 March
    bot.clock.advance(days=1)
    reply = bot.say("list")
    assert "2 open follow-ups, 1 overdue" in reply.text
    first, second = reply.sections
    assert "Early Person" in first.text and "overdue since Mon 2 Mar (1 day)" in first.text
    assert "3 days left in the 10-day window" in first.text
    assert "Later Person" in second.text and "9 days left" in second.text


# --- time zones ---------------------------------------------------------------------------------


def test_dates_are_in_the_members_time_zone(bot: Bot) -> None:
    bot.say("settings timezone Pacific/Auckland")
    bot.clock.set(datetime(2026, 3, 2, 11, 30, tzinfo=UTC))  # 00:30 Tuesday in Auckland
    bot.say("met Kiri")
    [follow_up] = bot.open()
    assert (follow_up.met_on, follow_up.due_on) == (date(2026, 3, 3), date(2026, 3, 6))
    [(send_at,)] = bot.rows(
        "SELECT send_at FROM nudges WHERE follow_up_id = :id AND kind = 'due'", id=follow_up.id
    )
    assert str(send_at).startswith("2026-03-05 20:00")  # 09:00 Friday in Auckland (UTC+13)


def test_changing_zone_or_hours_moves_pending_nudges(bot: Bot) -> None:
    bot.say("met Jane")
    query = "SELECT send_at FROM nudges WHERE kind = 'due' AND status = 'pending'"
    assert str(bot.rows(query)[0][0]).startswith("2026-03-05 09:00")
    bot.say("settings timezone europe/berlin")  # any letter case
    assert bot.member().timezone == "Europe/Berlin"
    assert str(bot.rows(query)[0][0]).startswith("2026-03-05 08:00")
    bot.say("settings hours 07:30-16:00")
    assert str(bot.rows(query)[0][0]).startswith("2026-03-05 06:30")


def test_unknown_zone_is_refused(bot: Bot) -> None:
    reply = bot.say("settings timezone Mars/Olympus")
    assert "IANA" in reply.text
    assert bot.member().timezone == "UTC"


# --- reviews --------------------------------------------------------------------------------------


def test_review_stores_score_rules_and_hash_but_not_the_text(bot: Bot) -> None:
    draft = "Hi Jane, can I get 15 minutes for a demo? The demo is quick."
    reply = bot.say(f"review {draft}")
    assert reply.review is not None and reply.review.flagged
    assert reply.review_id is not None
    assert commands(reply) == [
        f"feedback {reply.review_id} helpful",
        f"feedback {reply.review_id} wrong-flag",
    ]
    assert "40/100" in reply.text
    assert any("“demo”" in section.text for section in reply.sections)
    assert any(f.value == "-30" for section in reply.sections for f in section.fields)
    [(score, flagged, text_hash, stored_text)] = bot.rows(
        "SELECT score, flagged, text_hash, text FROM draft_reviews"
    )
    assert (score, bool(flagged), stored_text) == (40, True, None)
    assert text_hash == hashlib.sha256(draft.encode()).hexdigest()
    assert bot.rows("SELECT rule_id FROM review_rules") == [("no-hard-sell",)]


def test_review_keeps_the_text_only_for_members_who_opted_in(bot: Bot) -> None:
    bot.say("settings store-drafts on")
    bot.say("review Here is the article I mentioned.")
    assert bot.rows("SELECT text FROM draft_reviews") == [("Here is the article I mentioned.",)]


def test_a_draft_the_engine_cannot_judge_says_why_and_keeps_no_score(
    store: SqlStore, clock: FakeClock
) -> None:
    def cannot_judge(draft: str) -> Review:
        return Review(
            flagged=False,
            score=0,
            probability=0.0,
            notes=("This draft does not look like English.",),
            judged=False,
        )

    reply = Bot(store, clock, reviewer=cannot_judge).say("review Hola Marta, fue un placer.")
    assert "couldn't judge" in reply.text
    assert any("does not look like English" in section.text for section in reply.sections)
    assert reply.review is None and "0/100" not in reply.text
    assert Bot(store, clock).rows("SELECT count(*) FROM draft_reviews") == [(0,)]


def test_any_direct_message_that_is_no_command_is_reviewed(bot: Bot) -> None:
    reply = bot.say("Hi Jane, great to meet you! Here is the article I mentioned.")
    assert reply.review is not None and not reply.review.flagged
    assert bot.rows("SELECT count(*) FROM draft_reviews") == [(1,)]


def test_outside_a_dm_an_unknown_command_gets_did_you_mean(bot: Bot) -> None:
    reply = bot.say("snoze", dm=False)
    assert "Did you mean `snooze`" in reply.text
    assert bot.rows("SELECT count(*) FROM draft_reviews") == [(0,)]


def test_a_failing_reviewer_stores_nothing_and_apologises(
    store: SqlStore, clock: FakeClock
) -> None:
    def broken(draft: str) -> Review:
        raise RuntimeError("model file missing")

    bot = Bot(store, clock, reviewer=broken)
    reply = bot.say("review Hi Jane")
    assert "couldn't review" in reply.text
    assert bot.rows("SELECT count(*) FROM draft_reviews") == [(0,)]


def test_huge_draft_is_refused_with_the_limit(bot: Bot) -> None:
    reply = bot.say("x" * 40_001)
    assert "40,000" in reply.text
    assert bot.rows("SELECT count(*) FROM draft_reviews") == [(0,)]


def test_feedback_only_on_my_own_reviews(bot: Bot) -> None:
    review_id = bot.say("review a demo please").review_id
    assert "Thanks" in bot.say(f"feedback {review_id} wrong-flag").text
    assert "can't find review" in bot.say(f"feedback {review_id} helpful", user="U2").text
    assert bot.rows("SELECT verdict FROM feedback") == [("wrong-flag",)]


# --- stats, digest, export, forget-me, home ------------------------------------------------


def test_stats_count_my_week(bot: Bot) -> None:
    bot.say("met Jane")
    bot.say("done Jane")
    bot.say("review a demo")
    reply = bot.say("stats")
    assert reply.text.startswith("Your last 7 days: 1 meeting, 1 follow-up done, 0 overdue")
    fields = {f.label: f.value for f in reply.sections[0].fields}
    assert fields["Meetings logged"] == "1"
    assert fields["Done within 10 days"] == "100% (1 of 1 first follow-ups)"
    assert fields["Drafts reviewed"] == "1"
    assert fields["Most-broken guideline"] == "No hard sell or pressure"


def test_stats_do_not_count_the_scheduled_second_touch_as_logged(bot: Bot) -> None:
    bot.say("met Jane")
    bot.say("done Jane")  # schedules the rule-of-two second touch
    fields = {f.label: f.value for f in bot.say("stats").sections[0].fields}
    assert fields["Follow-ups logged"] == "1"


def test_digest_here_preview_and_off(bot: Bot) -> None:
    reply = bot.say("digest here friday 16:00", dm=False)
    assert "Friday at 16:00" in reply.text
    [subscription] = bot.store.digest_subscriptions()
    assert (subscription.channel_id, subscription.weekday) == ("D1", 4)
    preview = bot.say("digest preview", dm=False)
    assert "2026-W10" in preview.text
    assert "Tip of the week" in " ".join(s.text for s in preview.sections)
    assert "is off" in bot.say("digest off", dm=False).text
    assert bot.store.digest_subscriptions() == []


def test_export_is_a_sentence_with_my_rows_in_a_json_file(bot: Bot) -> None:
    bot.say("met Jane Doe at PyCon")
    reply = bot.say("export")
    assert "1 contact, 1 meeting, 1 follow-up and 3 nudges" in reply.text
    assert reply.sections == ()  # no wall of JSON in the chat
    assert reply.attachment is not None and reply.attachment.filename.endswith(".json")
    data = json.loads(reply.attachment.content)
    assert [c["name"] for c in data["contacts"]] == ["Jane Doe"]
    internal = {"claimed_by", "claimed_at", "attempts", "name_key", "member_id"}
    assert not internal & {
        key for rows in data.values() if isinstance(rows, list) for row in rows for key in row
    }


def test_forget_me_asks_first_and_then_leaves_zero_rows(bot: Bot) -> None:
    bot.say("settings store-drafts on")
    bot.say("met Jane Doe at PyCon")
    bot.say("done Jane Doe")
    review_id = bot.say("review a demo").review_id
    bot.say(f"feedback {review_id} helpful")
    bot.say("digest here", dm=False)
    bot.say("met Other Person", user="U2")
    member_id = bot.member().id

    ask = bot.say("forget-me")
    assert commands(ask) == ["forget-me confirm"]
    assert bot.rows("SELECT count(*) FROM contacts WHERE member_id = :m", m=member_id) == [(1,)]

    done = bot.say("forget-me confirm")
    assert "I deleted 1 contact, 1 meeting, 2 follow-ups" in done.text
    assert "draft_reviews" not in done.text and "records" not in done.text
    inspector = inspect(bot.store.engine)
    leftovers = {}
    for table in inspector.get_table_names():
        columns = {column["name"] for column in inspector.get_columns(table)}
        for column in ("member_id", "created_by_member_id"):
            if column in columns:
                [(count,)] = bot.rows(
                    f"SELECT count(*) FROM {table} WHERE {column} = :m", m=member_id
                )
                leftovers[f"{table}.{column}"] = count
    leftovers["members"] = bot.rows("SELECT count(*) FROM members WHERE id = :m", m=member_id)[0][0]
    leftovers["review_rules"] = bot.rows(
        "SELECT count(*) FROM review_rules WHERE review_id = :r", r=review_id
    )[0][0]
    assert set(leftovers.values()) == {0}, leftovers
    assert len(leftovers) >= 8  # the check really looked at every table about members
    # The other member is untouched.
    assert len(bot.open(user="U2")) == 1


def test_unknown_user_is_created_on_first_contact(bot: Bot) -> None:
    assert bot.rows("SELECT count(*) FROM members") == [(0,)]
    bot.say("list", user="U9")
    assert bot.rows("SELECT user_id FROM members") == [("U9",)]


def test_home_shows_overdue_first_and_the_week(bot: Bot) -> None:
    bot.say("met Later")
    bot.say("met Early on 2026-02-25")
    bot.clock.advance(days=1)
    reply = bot.service.home(Incoming("slack", "T1", "U1", "D1", ""))
    assert "2 open follow-ups, 1 overdue" in reply.text
    assert "Early" in reply.sections[0].text
    assert reply.sections[-1].text == "Last 7 days"


def test_a_store_failure_becomes_an_apology_not_a_crash(bot: Bot) -> None:
    bot.store.engine.dispose()
    bot.store.find_contacts = None  # type: ignore[method-assign,assignment]
    reply = bot.say("met Jane")
    assert reply.text == SORRY


def test_clock_fixture_is_monday(clock: FakeClock) -> None:
    assert clock.now() == datetime(2026, 3, 2, 10, tzinfo=UTC)
    assert clock.now() - timedelta(days=1) < clock.now()


def test_meeting_again_replaces_the_open_follow_up(bot: Bot) -> None:
    bot.say("met Jane on 2026-02-26")
    [old] = bot.open()
    question = bot.say("met Jane")
    assert "Another Jane?" in question.text  # one name may be two people: it asks first
    same = next(a.command for a in question.actions if a.label == "Same Jane")
    reply = bot.say(same)
    [new] = bot.open()
    assert f"replaces #{old.id}" in reply.text
    assert (new.met_on, new.due_on) == (TODAY, date(2026, 3, 5))
    assert bot.rows("SELECT status FROM follow_ups WHERE id = :id", id=old.id) == [("cancelled",)]


def test_second_touch_can_be_moved_past_the_window(bot: Bot) -> None:
    bot.say("met Jane")
    bot.say("done Jane")
    [second] = bot.open()
    reply = bot.say(f"follow-up #{second.id} on 2026-03-25")
    assert bot.open()[0].due_on == date(2026, 3, 25)
    assert "capped" not in reply.text


def test_late_said_for_a_day_past_the_window_keeps_it_late_and_says_so(bot: Bot) -> None:
    """Since the seventh session: "late" is the member's own choice of a day past the window
    (the capped reply offers it as a button); without "late" the cap holds."""
    bot.say("met Jane")
    capped = bot.say("follow-up Jane in 30 days")
    assert bot.open()[0].due_on == date(2026, 3, 12)
    assert "10 days after meeting" in capped.text
    reply = bot.say("follow-up Jane late in 30 days")
    [follow_up] = bot.open()
    assert (follow_up.due_on, follow_up.late) == (date(2026, 4, 1), True)
    assert "past the 10-day window (it closes Thu 12 Mar)" in reply.text


def test_advice_for_one_guideline_is_given_once_per_review() -> None:
    from bot.core.reviews import review_reply

    draft = "Buy now. Buy today."
    findings = tuple(
        Finding(rule="no-hard-sell", message="pushes", advice="Give before you ask.", spans=(span,))
        for span in ((0, 8), (9, 19))
    )
    reply = review_reply(
        draft, Review(flagged=True, score=20, probability=0.9, findings=findings), 1
    )
    shown = "\n".join(section.text for section in reply.sections)
    assert shown.count("Give before you ask.") == 1
    assert "“Buy now.”" in shown and "“Buy today.”" in shown


def met_on_days(bot: Bot) -> list[str]:
    return [str(day)[:10] for (day,) in bot.rows("SELECT met_on FROM meetings ORDER BY id")]


def test_a_member_can_say_how_they_write_numeric_dates(bot: Bot) -> None:
    bot.say("settings timezone Europe/Berlin")  # day first where the member lives
    assert "12 February (usual in Europe/Berlin)" in bot.say("settings dates auto").text
    bot.say("met Jane Doe on 12/2")
    assert met_on_days(bot) == ["2026-02-12"]

    assert "2 December (your setting)" in bot.say("settings dates month-first").text
    bot.say("met Sam Lee on 3/1")
    assert met_on_days(bot) == ["2026-02-12", "2026-03-01"]
    assert bot.member().date_order == "month-first"
    assert "Dates like 12/2" in " ".join(
        f.label for s in bot.say("settings").sections for f in s.fields
    )


def test_an_unknown_date_order_says_how_to_write_one(bot: Bot) -> None:
    assert "settings dates month-first" in bot.say("settings dates sideways").text


def test_the_list_counts_what_is_due_today(bot: Bot) -> None:
    bot.say("met Jane Doe 3 days ago")
    bot.say("met Sam Lee")
    reply = bot.say("what's due today?")
    assert reply.text.startswith("Due today, overdue included: 1 follow-up.")  # not Sam's


def test_an_acknowledgement_gets_a_short_line_and_answers_no_pending_question(bot: Bot) -> None:
    bot.say("met Kai Müller at PyCon")
    assert "?" in bot.say("delete Kai").text
    assert bot.say("ok makes sense").text == "Great — I'm here whenever you need me."
    assert len(bot.open()) == 1  # Kai and his follow-up are still there


def test_asking_to_check_this_one_with_no_draft_asks_for_the_draft(bot: Bot) -> None:
    assert "paste the draft" in bot.say("can u check this one").text


def test_who_can_see_my_contacts_is_answered_from_the_privacy_page(bot: Bot) -> None:
    assert bot.say("who can see my contacts?").text == command_reply("privacy").text


def test_a_short_weekday_after_a_name_moves_the_follow_up_and_is_no_note(bot: Bot) -> None:
    bot.say("met Lena Fischer at PyCon")
    reply = bot.say("follow-up lena wed")
    assert "Noted" not in reply.text and "Wed" in reply.text
    [follow_up] = bot.open()
    assert follow_up.due_on.weekday() == 2 and follow_up.note is None


def test_a_day_past_the_window_stays_one_tap_away_as_a_late_follow_up(bot: Bot) -> None:
    bot.say("met Jane")  # Monday 2 March: the window closes Thursday 12 March
    reply = bot.say("follow-up Jane on 4/6")
    [follow_up] = bot.open()
    assert follow_up.due_on == date(2026, 3, 12)
    (keep,) = [action for action in reply.actions if action.label == "Keep Mon 6 Apr (late)"]
    kept = bot.say(keep.command)
    [follow_up] = bot.open()
    assert (follow_up.due_on, follow_up.late) == (date(2026, 4, 6), True)
    assert "past the 10-day window (it closes Thu 12 Mar)" in kept.text


def test_merging_two_contacts_keeps_one_open_follow_up_per_touch(bot: Bot) -> None:
    bot.say("met Katrina Villanueva at the AWS user group")
    bot.say("met Cat Villanueva at devfest on 3/1")
    first, second = sorted(bot.open(), key=lambda f: f.due_on)
    reply = bot.say("merge Katrina Villanueva into Cat Villanueva")
    assert [f.id for f in bot.open()] == [first.id]
    assert f"cancelled #{second.id}" in reply.text
    assert bot.rows(
        "SELECT count(*) FROM nudges WHERE follow_up_id = :id AND status = 'pending'",
        id=second.id,
    ) == [(0,)]


def test_keeping_a_follow_up_late_keeps_the_day_asked_for(bot: Bot) -> None:
    bot.say("met Jane")  # Monday 2 March: the window closes Thursday 12 March
    bot.clock.advance(days=12)  # Saturday 14 March
    reply = bot.say("follow-up Jane on 3/20")
    assert "Keep it as a late follow-up instead?" in reply.text
    (keep,) = reply.actions
    bot.say(keep.command)
    [follow_up] = bot.open()
    assert (follow_up.due_on, follow_up.late) == (date(2026, 3, 20), True)
