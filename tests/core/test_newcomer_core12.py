"""The eighth session's core pass: what newcomer testers found in merges, "Which one?"
buttons, snoozes to a weekday, weekend due days, meetings at an event still ahead, privacy
questions and draft labels after `review`, each with sentences of our own."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from bot.core.service import CoachService
from tests.core.conversation import WEDNESDAY, coach_on_wednesday, say

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

NOW = WEDNESDAY


@pytest.fixture
def service(store: SqlStore, clock: FakeClock) -> CoachService:
    return coach_on_wednesday(store, clock)


def _member_id(store: SqlStore) -> int:
    return store.get_or_create_member("slack", "T1", "U1").id


def _text(reply: object) -> str:
    sections = getattr(reply, "sections", ())
    fields = " ".join(f.value for section in sections for f in section.fields)
    return f"{getattr(reply, 'text', '')} {' '.join(s.text or '' for s in sections)} {fields}"


# 1. A merge keeps a meeting both contacts were logged for once, with its follow-up history.
def test_a_merge_keeps_the_same_meeting_once(
    service: CoachService, store: SqlStore, clock: FakeClock
) -> None:
    say(service, "event Nordic Founders Breakfast on 9 Dec")
    say(service, "met Tove Lindqvist at the Nordic Founders Breakfast")
    say(service, "met Tove L. at nordic founders breakfast (new contact)")
    say(service, "met Per Ek at Nordic Founders Breakfast")
    clock.advance(days=2)
    assert "Done" in say(service, "done tove lindqvist gave").text
    merged = say(service, "merge Tove L. into Tove Lindqvist")
    assert "logged for both" in merged.text
    member = _member_id(store)
    [tove] = store.find_contacts(member, "Tove Lindqvist")
    card = store.contact_card(member, tove.id)
    assert len(card.meetings) == 1
    assert card.meetings[0].place == "the Nordic Founders Breakfast"
    # The first touch was done: the other contact's open first follow-up only repeated it.
    assert [f.touch for f in card.follow_ups if f.status == "open"] == [2]
    outcomes = store.meeting_outcomes(member)
    assert len(outcomes) == 2  # Tove and Per
    [toves] = [o for o in outcomes if o.contact_id == tove.id]
    assert toves.event_name == "Nordic Founders Breakfast"
    assert toves.first_touch_in_window
    stats = _text(say(service, "stats"))
    assert "2 meetings" in stats


def test_a_merge_takes_a_meeting_without_a_place_into_the_one_that_day_and_keeps_other_days(
    service: CoachService, store: SqlStore
) -> None:
    say(service, "met Kwame Boateng at the Impact Hub")
    say(service, "met Kwame B. (new contact)")
    say(service, "met Kwame B. at Ashesi on 1 Dec (same contact)")
    say(service, "merge Kwame B. into Kwame Boateng")
    member = _member_id(store)
    [kwame] = store.find_contacts(member, "Kwame Boateng")
    card = store.contact_card(member, kwame.id)
    assert [(m.met_on.day, m.place) for m in card.meetings] == [
        (9, "the Impact Hub"),
        (1, "Ashesi"),
    ]


# 2. The "Which one?" buttons carry everything the line said, not only the verb.
@pytest.mark.parametrize(
    ("line", "kept", "due"),
    [
        ("snooze chidi 4 days", " 4 days", "2026-12-18"),  # due Mon 14 Dec, 4 days later
        ("push chidi back by 4 days please", " back by 4 days please", "2026-12-18"),
        ("snooze chidi till tuesday", " till tuesday", "2026-12-15"),
    ],
)
def test_which_one_buttons_keep_the_rest_of_the_line(
    service: CoachService, store: SqlStore, line: str, kept: str, due: str
) -> None:
    say(service, "met Chidi Okafor at the fintech mixer")
    say(service, "met Chidi Eze at Andela (new contact)")
    asked = say(service, line)
    assert "Which one?" in asked.text
    assert len(asked.actions) == 2
    assert all(re.search(rf"#\d+{kept}$", action.command) for action in asked.actions)
    first = asked.actions[0].command
    reply = say(service, first)
    assert "Snoozed" in reply.text
    member = _member_id(store)
    [moved] = [f for f in store.open_follow_ups(member) if f"#{f.id}" in first]
    assert moved.due_on.isoformat() == due


# 3. Snoozing to the day the follow-up is already due changes nothing and says so.
@pytest.mark.parametrize(
    "line",
    ["snooze ines till mon", "push ines to monday", "snooze ines until monday pls"],
)
def test_snoozing_to_the_weekday_it_is_already_due_keeps_it(
    service: CoachService, store: SqlStore, line: str
) -> None:
    say(service, "met Ines Duarte at the Lisbon tech breakfast")  # due Mon 14 Dec
    reply = say(service, line)
    assert reply.text.startswith("Already due Mon 14 Dec"), reply.text
    member = _member_id(store)
    [kept] = store.open_follow_ups(member)
    assert kept.due_on.isoformat() == "2026-12-14"


def test_a_weekday_before_the_due_day_still_means_the_one_after_it(
    service: CoachService, store: SqlStore
) -> None:
    say(service, "met Ines Duarte at the Lisbon tech breakfast")  # due Mon 14 Dec
    reply = say(service, "snooze ines till friday")  # Fri 11 Dec is before it: Fri 18 Dec
    assert "Fri 18 Dec" in reply.text


# 4. A check-in falls on a working day; a follow-up the member set on a weekend is not called
# overdue before the working day its nudge comes on has passed.
def test_a_check_in_due_on_a_weekend_moves_to_the_next_working_day(
    service: CoachService, store: SqlStore
) -> None:
    say(service, "met Kofi Annor at Kumasi Hive on 12 Nov")  # a month later: Sat 12 Dec
    reply = say(service, "keep in touch with kofi monthly")
    assert "Mon 14 Dec" in reply.text, reply.text


def test_a_check_in_skips_the_members_public_holiday(
    service: CoachService, store: SqlStore
) -> None:
    say(service, "settings timezone Europe/Copenhagen")
    say(service, "met Freja Holm at Founders House on 24 Nov")  # a month later: Thu 24 Dec
    reply = say(service, "keep in touch with freja monthly")
    assert "Mon 28 Dec" in reply.text, reply.text


def test_a_follow_up_set_on_a_saturday_is_due_not_overdue_on_monday(
    service: CoachService, clock: FakeClock
) -> None:
    say(service, "met Esi Badu at the Accra design meetup")
    say(service, "follow-up esi on 12 Dec")  # a Saturday
    clock.advance(days=5)  # Mon 14 Dec
    listed = _text(say(service, "list"))
    assert "overdue" not in listed and "⚠" not in listed
    assert "due Sat 12 Dec (a Saturday: it counts as due today)" in listed
    assert "Nothing overdue" in say(service, "list overdue").text
    clock.advance(days=1)  # Tue 15 Dec
    assert "overdue since Sat 12 Dec" in _text(say(service, "list"))


# 5. A meeting "at" a planned event that is still ahead is not logged on today silently.
def test_a_meeting_at_an_event_still_ahead_logs_nothing_and_offers_another_event(
    service: CoachService, store: SqlStore
) -> None:
    say(service, "event Lagos Product Night on 20 Jan")
    reply = say(service, "met Tolu Adeyemi at lagos product night")
    assert "still ahead" in reply.text and "logged nothing" in reply.text
    member = _member_id(store)
    assert store.meeting_outcomes(member) == []
    [elsewhere, show] = reply.actions
    assert elsewhere.label == "Met today at another event"
    assert show.command.startswith("event #")
    logged = say(service, elsewhere.command)
    assert logged.text.startswith("Logged: you met **Tolu Adeyemi**")
    [outcome] = store.meeting_outcomes(member)
    assert outcome.event_id is None and outcome.met_on.isoformat() == "2026-12-09"


def test_a_meeting_at_the_event_on_its_day_is_still_linked(
    service: CoachService, store: SqlStore, clock: FakeClock
) -> None:
    say(service, "event Lagos Product Night on 11 Dec")
    clock.advance(days=2)
    logged = say(service, "met Tolu Adeyemi at lagos product night")
    assert "Rule of Two" in logged.text


# 6. Questions about privacy and the digest get the privacy help; a contact's wish to be
# forgotten asks to delete that contact.
@pytest.mark.parametrize(
    "line",
    [
        "what do you keep about me, exactly?",
        "what did u log about me so far",
        "does switching it off remove my old drafts?",
        "who reads the weekly digest, can they see names?",
        "who sees the digest",
    ],
)
def test_privacy_questions_get_the_privacy_help(service: CoachService, line: str) -> None:
    reply = say(service, line)
    assert reply.text.startswith("**What I keep about you**"), reply.text


def test_the_privacy_help_says_turning_store_drafts_off_deletes_the_kept_texts(
    service: CoachService,
) -> None:
    assert "turning it off again deletes the texts kept so far" in say(service, "help privacy").text


@pytest.mark.parametrize(
    "line",
    [
        "kemi doesn't want her data kept here, please delete everything about her",
        "Kemi Bello does not want her details saved. can you erase all",
    ],
)
def test_a_contacts_wish_to_be_forgotten_asks_to_delete_them(
    service: CoachService, line: str
) -> None:
    say(service, "met Kemi Bello at the Lagos fintech week")
    reply = say(service, line)
    assert reply.text.startswith("Delete **Kemi Bello** with every meeting"), reply.text


# 7. A kind named after `review` (or in any note to the coach) stays with the draft.
@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (
            "review group post: Hey Lisbon Rust folks! Free workshop at the hub on Saturday.",
            "group-post",
        ),
        (
            "review this community post:\nHi all, we're running a free Rust clinic Saturday.",
            "group-post",
        ),
        (
            "can you check my cold email: Hi Rui, your payments talk at the meetup was great",
            "cold-email",
        ),
        (
            "review follow-up email: Hi Rui, good to meet you yesterday, here are the slides",
            "event-follow-up",
        ),
    ],
)
def test_a_kind_named_after_review_reaches_the_reviewer(
    store: SqlStore, clock: FakeClock, line: str, kind: str
) -> None:
    clock.set(NOW)
    kinds: list[str | None] = []

    def reviewer(draft: str, kind: str | None = None) -> None:
        kinds.append(kind)
        raise RuntimeError("only the kind is wanted here")

    say(CoachService(store, reviewer, clock), line)  # type: ignore[arg-type]
    assert kinds == [kind]


def test_a_group_post_is_not_measured_as_an_email() -> None:
    from coach_rules.review import review

    result = review(
        "Hey Lisbon Rust folks! Free workshop at the hub on Saturday.", kind="group-post"
    )
    assert "email" not in str(result.signals["length"]).split("(")[0]
    assert "a group post" in str(result.signals["length"])
