"""Issue 11, as a new user types it: each bullet of the issue, end to end through the service.

Today is Wednesday 9 December 2026 in New York, as in the phrasing file.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

import pytest

from bot.core.messages import Incoming, Reply
from bot.core.ports import MessageSorter
from bot.core.service import CoachService
from coach_rules.review import Review
from storage.records import FollowUpRecord

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

TODAY = date(2026, 12, 9)


def passing_review(text: str) -> Review:
    return Review(flagged=False, score=90, probability=0.1, score_breakdown=(("base", 90),))


class Member:
    def __init__(
        self, store: SqlStore, clock: FakeClock, sorter: MessageSorter | None = None
    ) -> None:
        clock.set(datetime(2026, 12, 9, 15, 0, tzinfo=UTC))  # 10:00 in New York
        self.store, self.clock = store, clock
        self.service = CoachService(store, passing_review, clock, sorter)
        self.say("settings timezone America/New_York")

    def say(self, line: str) -> Reply:
        return self.service.handle(Incoming("slack", "T1", "U1", "D1", line))

    def press(self, reply: Reply, label_starts: str) -> Reply:
        [action] = [a for a in reply.actions if a.label.startswith(label_starts)]
        return self.say(action.command)

    @property
    def id(self) -> int:
        return self.store.get_or_create_member("slack", "T1", "U1").id

    def open(self) -> list[FollowUpRecord]:
        return self.store.open_follow_ups(self.id)

    def contacts(self) -> list[str]:
        return sorted(c.name for c in self.store.contacts(self.id))

    def meeting(self, name: str) -> tuple[date, str | None, str | None]:
        [contact] = self.store.find_contacts(self.id, name)
        found = self.store.latest_meeting(self.id, contact.id)
        assert found is not None
        return found.met_on, found.place, found.note


@pytest.fixture
def member(store: SqlStore, clock: FakeClock) -> Member:
    return Member(store, clock)


# --- dates, names, places and notes ---------------------------------------------------------------


def test_a_meeting_yesterday_with_a_note_after_a_comma(member: Member) -> None:
    reply = member.say("met Priya at the AWS summit yesterday, she's hiring SREs")
    assert "on Tue 8 Dec (note: she's hiring SREs)." in reply.text  # the note said back
    assert member.meeting("Priya") == (date(2026, 12, 8), "the AWS summit", "she's hiring SREs")


@pytest.mark.parametrize(
    ("line", "day", "place"),
    [
        ("met Priya Shah at PyData on 12/2", date(2026, 12, 2), "PyData"),
        ("met Jane Doe at PyCon 3 days ago", date(2026, 12, 6), "PyCon"),
    ],
)
def test_a_date_phrase_is_never_part_of_the_place(
    member: Member, line: str, day: date, place: str
) -> None:
    member.say(line)
    [name] = member.contacts()
    assert member.meeting(name)[:2] == (day, place)


def test_follow_up_dates_are_read_anywhere_and_never_become_a_name(member: Member) -> None:
    member.say("met José Núñez at KubeCon yesterday")
    member.say("met Dana at PyCon yesterday")
    reply = member.say("follow-up jose on 12/14")
    assert "Mon 14 Dec" in reply.text
    member.say("follow-up Dana end of next week")
    assert member.contacts() == ["Dana", "José Núñez"]  # no "jose on 12/14", no "Dana end of"
    due = {f.contact_name: f.due_on for f in member.open()}
    # 18 Dec is day 10 after a meeting on 8 Dec: the last day the window allows.
    assert due == {"José Núñez": date(2026, 12, 14), "Dana": date(2026, 12, 18)}


def test_follow_up_this_friday_moves_the_due_day_and_adds_no_note(member: Member) -> None:
    member.say("met Dana yesterday")
    member.say("follow-up Dana this friday")
    [follow_up] = member.open()
    assert (follow_up.due_on, follow_up.note) == (date(2026, 12, 11), None)


def test_snooze_until_a_weekday(member: Member) -> None:
    member.say("met Dana yesterday")
    reply = member.say("snooze Dana until Monday")
    assert "Mon 14 Dec" in reply.text
    [follow_up] = member.open()
    assert follow_up.due_on == date(2026, 12, 14)


def test_a_time_of_day_is_declined_in_words_not_dropped(member: Member) -> None:
    member.say("met Dana yesterday")
    reply = member.say("follow-up Dana tomorrow at 3pm")
    assert "15:00" in reply.text and "working day" in reply.text
    [follow_up] = member.open()
    assert follow_up.due_on == date(2026, 12, 10)


# --- everyday phrasings ---------------------------------------------------------------------------


def test_i_met_is_logged_not_reviewed(member: Member) -> None:
    reply = member.say("I met Jane Doe at PyCon yesterday")
    assert reply.review is None
    assert member.meeting("Jane Doe")[:2] == (date(2026, 12, 8), "PyCon")


def test_remind_me_to_follow_up_sets_the_day(member: Member) -> None:
    member.say("met Jane Doe yesterday")  # due Fri 11 Dec by default
    member.say("remind me to follow up with Jane on Monday")
    [follow_up] = member.open()
    assert follow_up.due_on == date(2026, 12, 14)


def test_delete_a_contact_asks_then_deletes(member: Member) -> None:
    member.say("met Kai Müller yesterday")
    question = member.say("delete Kai")
    assert "Delete **Kai Müller**" in question.text
    assert member.contacts() == ["Kai Müller"]
    member.say("yes")
    assert member.contacts() == []
    assert member.open() == []


@pytest.mark.parametrize(
    "line",
    ["is my data safe?", "what do you store about me?", "do you keep my drafts?", "help privacy"],
)
def test_questions_about_privacy_say_what_is_kept_and_how_to_get_or_delete_it(
    member: Member, line: str
) -> None:
    reply = member.say(line)
    assert reply.review is None
    assert reply.text.startswith("**What I keep about you**")
    assert "not the draft's text" in reply.text
    assert {action.command for action in reply.actions} >= {"help export", "help forget-me"}


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("what can you do?", "Here is what I can do"),
        ("how do I follow up with Priya?", "**follow-up**"),
        ("thanks!", "You're welcome"),
    ],
)
def test_questions_and_thanks_are_answered_not_reviewed(
    member: Member, line: str, says: str
) -> None:
    reply = member.say(line)
    assert reply.review is None
    assert says in reply.text


# --- contacts -------------------------------------------------------------------------------------


def test_cancel_finds_a_contact_without_its_accents(member: Member) -> None:
    member.say("met José Núñez yesterday")
    reply = member.say("cancel jose")
    assert "Cancelled" in reply.text
    assert member.open() == []


def test_follow_up_zoe_finds_zoe_with_the_diaeresis(member: Member) -> None:
    member.say("met Zoë Ça yesterday")
    member.say("follow-up zoe in 2 days")
    assert member.contacts() == ["Zoë Ça"]
    [follow_up] = member.open()
    assert follow_up.due_on == date(2026, 12, 11)


def test_a_different_sam_is_a_new_contact_not_a_replacement(member: Member) -> None:
    member.say("met Sam at PyCon yesterday")
    reply = member.say("met Sam at PyCon — different Sam, the designer")
    assert "replaces" not in reply.text
    assert member.contacts() == ["Sam", "Sam"]
    assert len(member.open()) == 2


def test_the_same_name_again_asks_before_merging(member: Member) -> None:
    member.say("met Sam at PyCon yesterday")
    question = member.say("met Sam at the meetup")
    assert "Another Sam?" in question.text
    assert {a.label for a in question.actions} == {"New contact", "Same Sam"}
    member.press(question, "New contact")
    assert member.contacts() == ["Sam", "Sam"]


def test_who_shows_a_card_and_notes_can_be_added_later(member: Member) -> None:
    member.say("met Priya Shah at PyData yesterday, she's hiring SREs")
    member.say("note Priya: moving to Berlin in March")
    card = member.say("who is Priya?")
    assert "**Priya Shah**" in card.text
    assert "PyData" in card.text and "Tue 8 Dec" in card.text
    assert "moving to Berlin in March" in card.sections[0].fields[0].value


def test_rename_and_merge(member: Member) -> None:
    member.say("met Sam at PyCon yesterday")
    member.say("met Sam Lee at the meetup (new contact)")
    renamed = member.say("rename Sam to Samuel Lee")
    assert "Renamed **Sam** to **Samuel Lee**" in renamed.text
    member.say("merge Samuel Lee into Sam Lee")
    assert member.contacts() == ["Sam Lee"]


def test_done_twice_asks_before_completing_the_second_touch_early(member: Member) -> None:
    member.say("met Omar yesterday")
    member.say("done Omar")
    reply = member.say("done Omar")
    assert "not due until" in reply.text
    [second] = member.open()
    assert second.touch == 2  # still open
    member.say("no")
    assert len(member.open()) == 1


# --- snooze and list ------------------------------------------------------------------------------


def test_a_snooze_that_moves_nothing_does_not_say_snoozed(member: Member) -> None:
    member.say("met Dana on 11/30")  # the window closes on Thu 10 Dec
    [follow_up] = member.open()
    member.say(f"follow-up #{follow_up.id} on 12/10")
    reply = member.say(f"snooze #{follow_up.id} 5 days")
    assert "Snoozed" not in reply.text
    assert "stays due **Thu 10 Dec**" in reply.text
    [same] = member.open()
    assert same.due_on == date(2026, 12, 10)


def test_pushing_to_a_weekday_past_the_window_offers_the_nearer_one(member: Member) -> None:
    """Due on the window's last day, "push Dana to Monday" would mean the Monday after that,
    past day 10; the reply names that day and offers the Monday before the due day."""
    member.say("met Dana on 12/5")  # the window closes on Tue 15 Dec
    [follow_up] = member.open()
    member.say(f"follow-up #{follow_up.id} on 12/15")
    reply = member.say("push Dana to Monday")
    assert "stays due **Tue 15 Dec** (you asked for Mon 21 Dec)" in reply.text
    [move, _done] = reply.actions
    assert move.label == "Move to Mon 14 Dec"
    member.say(move.command)
    [moved] = member.open()
    assert moved.due_on == date(2026, 12, 14)


def test_list_offers_no_snooze_on_the_last_day_of_the_window(member: Member) -> None:
    member.say("met Dana on 11/29")  # day 10 is today
    listing = member.say("list")
    labels = [a.label for section in listing.sections for a in section.actions]
    assert labels and not any(label.startswith("Snooze") for label in labels)


def test_list_overdue_shows_only_the_overdue_ones(member: Member) -> None:
    member.say("met Dana on 12/1")
    member.say("met Kai yesterday")
    member.clock.set(datetime(2026, 12, 10, 15, 0, tzinfo=UTC))
    reply = member.say("list overdue")
    assert "1 overdue follow-up" in reply.text
    assert len(reply.sections) == 1


# --- help and did-you-mean ------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["help me", "/help"])
def test_help_me_and_slash_help_show_help(member: Member, line: str) -> None:
    reply = member.say(line)
    assert "Did you mean" not in reply.text
    assert "Here is what I can do" in reply.text


def test_exit_is_not_export(member: Member) -> None:
    reply = member.say("exit")
    assert "export" not in reply.text.lower()


def test_settings_timezone_berlin_is_europe_berlin(member: Member) -> None:
    reply = member.say("settings timezone Berlin")
    assert "Time zone set to **Europe/Berlin**" in reply.text


# --- draft or chat --------------------------------------------------------------------------------


def test_chat_from_the_gate_gets_a_friendly_line_not_a_review(
    store: SqlStore, clock: FakeClock
) -> None:
    member = Member(store, clock, sorter=lambda text: "chat")
    reply = member.say("see you Thursday, can't wait")
    assert reply.review is None
    assert "networking coach" in reply.text


def test_chat_that_names_a_contact_is_asked_about(store: SqlStore, clock: FakeClock) -> None:
    member = Member(store, clock, sorter=lambda text: "chat")
    member.say("met Jane Doe at PyCon yesterday")
    reply = member.say("Jane again at the afterparty lol")
    assert "Log a meeting with Jane Doe" in [a.label for a in reply.actions]
    assert "networking coach" not in reply.text


def test_unclear_text_asks_with_buttons(store: SqlStore, clock: FakeClock) -> None:
    member = Member(store, clock, sorter=lambda text: "unclear")
    member.say("met Jane Doe at PyCon yesterday")
    reply = member.say("Jane Doe PyCon keynote slides")
    labels = [a.label for a in reply.actions]
    # The intent guess (issue 11) reads this as a note about Jane and leads with it.
    assert labels == ["Add a note about Jane Doe", "Review as a draft"]
    reviewed = member.press(reply, "Review as a draft")
    assert reviewed.review is not None


def test_a_draft_from_the_gate_is_reviewed(store: SqlStore, clock: FakeClock) -> None:
    member = Member(store, clock, sorter=lambda text: "draft")
    reply = member.say("Hi Jane, great meeting you at PyCon! Here is the article I mentioned.")
    assert reply.review is not None


def test_no_after_a_question_answers_it(member: Member) -> None:
    member.say("met Kai Müller yesterday")
    member.say("delete Kai")
    reply = member.say("no")
    assert "left everything" in reply.text
    assert member.contacts() == ["Kai Müller"]


def test_digest_preview_without_a_digest_says_none_is_set_up(member: Member) -> None:
    reply = member.say("digest preview")
    shown = reply.text + " ".join(section.text for section in reply.sections)
    assert "`digest off` stops it" not in shown
    assert "`digest here` starts one" in shown


def test_push_to_a_weekday_means_the_one_after_the_due_day(member: Member) -> None:
    member.say("met Priya yesterday")
    member.say("follow-up Priya on Friday")
    reply = member.say("push Priya to Monday")
    assert "Mon 14 Dec" in reply.text
    [follow_up] = member.open()
    assert follow_up.due_on == date(2026, 12, 14)


def test_two_contacts_with_one_name_are_told_apart_by_their_buttons(member: Member) -> None:
    member.say("met Sam at PyCon yesterday")
    member.say("met Sam at the design meetup (new contact)")
    question = member.say("rename Sam to Sam Lee")
    assert "Which one?" in question.text
    [pycon] = [a for a in question.actions if "PyCon" in a.label]
    member.say(pycon.command)
    assert member.contacts() == ["Sam", "Sam Lee"]
    assert member.meeting("Sam Lee")[1] == "PyCon"


def test_a_misspelt_zone_gets_a_suggestion_that_yes_accepts(member: Member) -> None:
    reply = member.say("settings timezone Berlln")
    assert "Did you mean **Europe/Berlin**?" in reply.text
    assert "Europe/Berlin" in member.say("yes").text


def test_no_after_the_forget_me_question_keeps_everything(member: Member) -> None:
    member.say("met Jane yesterday")
    member.say("forget-me")
    reply = member.say("no")
    assert reply.review is None
    assert "left everything" in reply.text
    assert member.contacts() == ["Jane"]


def test_list_all_shows_closed_follow_ups_too(member: Member) -> None:
    member.say("met Jane yesterday")
    member.say("met Kai yesterday")
    member.say("cancel Kai")
    reply = member.say("show me everything, not just the open ones")
    assert "1 closed one" in reply.text
    assert any("Kai — cancelled" in section.text for section in reply.sections)


def test_a_busy_newcomer_logs_sets_and_snoozes_in_their_own_words(member: Member) -> None:
    """Lower-case names, no apostrophes, a lead-in, a name with who they work for."""
    member.say("just met maria lopez from Acme at the aws meetup, she runs platform")
    assert member.contacts() == ["Maria Lopez"]  # filed with capitals
    member.say("ping maria tmrw re the platform job")
    [follow_up] = member.open()
    assert follow_up.due_on == date(2026, 12, 10)
    member.say("actually can you push maria to monday")
    [follow_up] = member.open()
    assert follow_up.due_on == date(2026, 12, 14)
    member.say("give me 2 more days on maria")
    [follow_up] = member.open()
    assert follow_up.due_on == date(2026, 12, 16)
    assert member.say("whats overdue").text.startswith("Nothing overdue")
    member.say("im done with maria")
    assert [f.touch for f in member.open()] == [2]
