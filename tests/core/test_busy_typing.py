"""Lines typed the way a busy person types them, through the whole service."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.core import commands as c
from bot.core.chat import NOTHING_CHANGED
from bot.core.dates import RelativeDays, WeekdaySpec, plural
from bot.core.help import command_reply
from bot.core.language import help_topic
from bot.core.ledger import NOUNS, kind_in, split_kind
from bot.core.parser import parse_command
from bot.core.rules import DEFAULT_DUE_DAYS, LAST_CHANCE_DAY, SECOND_TOUCH_DAYS, WINDOW_DAYS
from bot.core.service import CoachService
from storage.store import SqlStore
from tests.core.conversation import say as _say
from tests.core.test_service import fake_review

if TYPE_CHECKING:
    from tests.conftest import FakeClock


def _member_id(store: SqlStore) -> int:
    return store.get_or_create_member("slack", "T1", "U1").id


@pytest.mark.parametrize(
    "line",
    [
        "met tomas again",
        "ran into tomas again at the meetup",
        "met Tomás once more yesterday",
        "bumped into tomas at KubeCon again",
    ],
)
def test_met_again_logs_another_meeting_with_the_same_contact(
    store: SqlStore, clock: FakeClock, line: str
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Tomás at PyCon 2 days ago")
    reply = _say(service, line)
    assert reply.text.startswith("Logged"), reply.text
    contacts = store.contacts(_member_id(store))
    assert [contact.name for contact in contacts] == ["Tomás"]
    assert len(store.contact_card(_member_id(store), contacts[0].id).meetings) == 2


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("what happens if I miss the 10 days?", f"The {WINDOW_DAYS}-day window"),
        ("why 10 days?", f"The {WINDOW_DAYS}-day window"),
        ("how long do i have to follow up?", f"The {WINDOW_DAYS}-day window"),
        ("what's the rule of two?", "The rule of two"),
        ("whats the rule of 2", "The rule of two"),
        ("how does snooze work?", "snooze"),
    ],
)
def test_a_question_about_a_rule_gets_that_rule_not_the_whole_help(
    store: SqlStore, clock: FakeClock, question: str, title: str
) -> None:
    reply = _say(CoachService(store, fake_review, clock), question)
    assert reply.text.startswith(f"**{title}**"), reply.text
    assert "Here is what I can do" not in reply.text


def test_the_rule_answers_use_the_policy_numbers() -> None:
    window = command_reply("window").text
    assert f"day {LAST_CHANCE_DAY}" in window and plural(DEFAULT_DUE_DAYS, "day") in window
    assert f"{SECOND_TOUCH_DAYS} days later" in command_reply("rule-of-two").text


def test_why_not_grab_coffee_is_no_question_about_the_rules() -> None:
    assert help_topic("why not grab coffee next week?") == (False, None)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("going to PyCon Berlin on 14 Mar", "PyCon Berlin"),
        ("heading to KubeCon next week", "KubeCon"),
        ("attending AWS Summit on 3/4", "AWS Summit"),
        ("heading to kubecon next week", "kubecon"),
        ("off to the rust meetup on thursday", "rust meetup"),
    ],
)
def test_going_to_an_event_without_im_plans_it(line: str, name: str) -> None:
    result = parse_command(line, direct_message=True, known_names=["Dana Kim"])
    assert isinstance(result, c.EventCommand) and result.name == name
    assert result.when is not None


@pytest.mark.parametrize(
    "line",
    [
        "going to follow up with Dana friday",
        "gonna follow up with dana friday",
        "im going to ping dana friday",
    ],
)
def test_going_to_follow_up_is_a_follow_up_not_an_event(line: str) -> None:
    result = parse_command(line, direct_message=True, known_names=["Dana Kim"])
    assert isinstance(result, c.FollowUpCommand) and result.person.name.lower() == "dana"


@pytest.mark.parametrize(
    "line", ["Going to Lisbon was great", "going to call dana at the meetup friday"]
)
def test_going_to_without_an_event_and_a_day_is_no_event(line: str) -> None:
    assert not isinstance(parse_command(line, direct_message=True), c.EventCommand)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("done lena, sent her the paper", "give"),
        ("done with Lena — introduced her to Kai", "give"),
        ("done lena forwarded her the job post", "give"),
        ("followed up with Lena, asked for an intro", "ask"),
        ("done lena - requested a reference", "ask"),
        ("done lena, thanked her for the intro", "thank"),
        ("done lena, sent a thank-you note", "thank"),
        ("done lena - refered her to our recruiter", "give"),
        ("done lena, she asked for the deck so I sent it", "give"),
    ],
)
def test_the_description_of_a_touch_says_its_kind(
    store: SqlStore, clock: FakeClock, line: str, kind: str
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Lena Vogt yesterday")
    reply = _say(service, line)
    assert f"Recorded as {NOUNS[kind]}." in reply.text, reply.text  # type: ignore[index]


@pytest.mark.parametrize("line", ["done lena, we had coffee", "done lena"])
def test_a_description_without_a_telling_verb_still_asks_which(
    store: SqlStore, clock: FakeClock, line: str
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Lena Vogt yesterday")
    reply = _say(service, line)
    assert "Was it a give, an ask or a thank-you?" in reply.text


def test_a_verb_the_other_person_did_is_not_the_touch() -> None:
    assert kind_in("she asked me for feedback") is None
    assert split_kind("Kai, she asked for feedback") == ("Kai, she asked for feedback", None)


def test_make_it_monday_moves_the_follow_up_of_the_last_reply(
    store: SqlStore, clock: FakeClock
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Lucia Gomez yesterday")
    reply = _say(service, "actually make it friday")
    assert "Lucia Gomez" in reply.text and "Fri" in reply.text, reply.text


def test_make_it_monday_with_nobody_in_the_conversation_stays_a_draft() -> None:
    assert isinstance(parse_command("let's make it Monday", direct_message=True), c.NotACommand)


@pytest.mark.parametrize(
    ("line", "referent"),
    [
        ("remind me to send her the slides fri", c.PersonRef(name="Lucia Gomez", contact_id=3)),
        ("send lucia the slides fri", None),
    ],
)
def test_something_to_send_someone_on_a_day_is_a_follow_up_with_that_note(
    line: str, referent: c.PersonRef | None
) -> None:
    result = parse_command(
        line, direct_message=True, known_names=["Lucia Gomez"], referent=referent
    )
    assert isinstance(result, c.FollowUpCommand), result
    assert result.person.name.lower().startswith("lucia") and result.note == "send the slides"
    assert result.when is not None


@pytest.mark.parametrize(
    "line", ["did i follow up with priya?", "did i ping priya yet", "whens priya due?"]
)
def test_asking_about_one_contacts_follow_up_shows_their_card(line: str) -> None:
    result = parse_command(line, direct_message=True, known_names=["Priya Shah"])
    assert isinstance(result, c.WhoCommand) and result.person.name.lower() == "priya"


@pytest.mark.parametrize("line", ["what do i have this week", "whats on today"])
def test_what_is_on_this_week_lists_the_follow_ups(line: str) -> None:
    assert isinstance(parse_command(line, direct_message=True), c.ListCommand)


@pytest.mark.parametrize("line", ["snooze all", "cancel everything", "done all of them"])
def test_all_is_no_contact_name(line: str) -> None:
    result = parse_command(line, direct_message=True)
    assert isinstance(result, c.ParseFailure) and "one follow-up at a time" in result.message


@pytest.mark.parametrize(
    ("line", "name", "kind"),
    [
        ("thanked chen for the coffee", "chen", "thank"),
        ("introduced kai to omar", "kai", "give"),
        ("chen - sent him the deck", "chen", "give"),
        ("sent chen the link", "chen", "give"),
        ("emailed chen the link", "chen", None),
    ],
)
def test_a_touch_told_as_a_sentence_is_done_with_its_kind(
    line: str, name: str, kind: str | None
) -> None:
    result = parse_command(line, direct_message=True, known_names=["Chen", "Kai", "Omar"])
    assert isinstance(result, c.DoneCommand), result
    assert result.target.name.lower() == name and result.kind == kind


def test_thanked_her_means_the_last_replys_contact() -> None:
    referent = c.PersonRef(name="Chen", contact_id=1)
    result = parse_command("thanked her for the intro", direct_message=True, referent=referent)
    assert isinstance(result, c.DoneCommand)
    assert result.target == referent and result.kind == "thank"


@pytest.mark.parametrize(
    ("line", "name", "note"),
    [
        ("met bob from stripe last thursday", "bob", "from stripe"),
        ("met maria lopez from aws at the meetup", "maria lopez", "from aws"),
    ],
)
def test_where_someone_works_typed_in_lower_case_is_no_part_of_the_name(
    line: str, name: str, note: str
) -> None:
    result = parse_command(line, direct_message=True)
    assert isinstance(result, c.MetCommand) and result.person.name == name
    assert result.note == note


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("olu done thanked him", "thank"),
        ("Olu done - asked for an intro", "ask"),
        ("olu done", None),
    ],
)
def test_name_done_then_what_the_touch_was(line: str, kind: str | None) -> None:
    result = parse_command(line, direct_message=True, known_names=["Olu"])
    assert isinstance(result, c.DoneCommand) and result.target.name == "Olu"
    assert result.kind == kind


@pytest.mark.parametrize("line", ["did olu reply?", "did olu get back to me yet"])
def test_did_they_reply_is_a_question_not_done(line: str) -> None:
    result = parse_command(line, direct_message=True, known_names=["Olu"])
    assert isinstance(result, c.WhoCommand) and result.person.name == "Olu"


def test_did_olu_still_marks_done() -> None:
    assert isinstance(parse_command("did olu", known_names=["Olu"]), c.DoneCommand)


def test_nvm_then_a_command_runs_the_command() -> None:
    result = parse_command("nvm cancel ken", direct_message=True, known_names=["Ken"])
    assert isinstance(result, c.CancelCommand) and result.target.name == "Ken"


@pytest.mark.parametrize("question", ["what is a give", "whats an ask?", "why give first?"])
def test_a_question_about_give_ask_thank_gets_that_rule(
    store: SqlStore, clock: FakeClock, question: str
) -> None:
    reply = _say(CoachService(store, fake_review, clock), question)
    assert reply.text.startswith("**Give, ask, thank**"), reply.text


def test_her_name_is_actually_renames_the_last_replys_contact(
    store: SqlStore, clock: FakeClock
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "mte Jordan at the gophercon")
    assert "Jordyn" in _say(service, "her name is actually Jordyn").text
    assert [x.name for x in store.contacts(_member_id(store))] == ["Jordyn"]


def test_last_nite_is_last_night() -> None:
    result = parse_command("met Sam Park at the dinner last nite", direct_message=True)
    assert isinstance(result, c.MetCommand)
    assert result.place == "the dinner" and result.when is not None


@pytest.mark.parametrize("line", ["cancel priyas reminder", "snooze priyas follow-up 2 days"])
def test_a_possessive_without_its_apostrophe_names_the_contact(line: str) -> None:
    result = parse_command(line, direct_message=True, known_names=["Priya Shah"])
    assert isinstance(result, c.CancelCommand | c.SnoozeCommand)
    assert result.target.name.lower() == "priya"


def test_a_name_ending_in_s_is_kept_without_a_possessive_noun() -> None:
    result = parse_command("met priyas", direct_message=True, known_names=["Priya Shah"])
    assert isinstance(result, c.MetCommand) and result.person.name == "priyas"


@pytest.mark.parametrize(
    ("line", "note"),
    [("leo's number is 555 0101", "number is 555 0101"), ("Leo's wife is Mia", "wife is Mia")],
)
def test_a_fact_about_someone_is_a_note(line: str, note: str) -> None:
    result = parse_command(line, direct_message=True, known_names=["Leo"])
    assert isinstance(result, c.NoteCommand) and result.person.name == "Leo"
    assert result.note == note


@pytest.mark.parametrize(
    ("line", "name"),
    [("what did i note about aisha", "Aisha"), ("aisha notes", "Aisha"), ("Did I log Ben?", "Ben")],
)
def test_questions_about_one_contact_show_their_card(line: str, name: str) -> None:
    result = parse_command(line, direct_message=True, known_names=["Aisha", "Ben"])
    assert isinstance(result, c.WhoCommand) and result.person.name == name


def test_the_same_as_merges_into_the_one_named_first() -> None:
    result = parse_command(
        "tom hardy is the same as tom", direct_message=True, known_names=["Tom", "Tom Hardy"]
    )
    assert isinstance(result, c.MergeContactsCommand)
    assert (result.keep.name, result.other.name) == ("Tom Hardy", "Tom")


def test_at_a_conference_is_no_event() -> None:
    result = parse_command("I'm at a conference all week, push everything", direct_message=True)
    assert not isinstance(result, c.EventCommand)


@pytest.mark.parametrize("answer", ["actually keep her", "cancel that", "keep"])
def test_keep_or_cancel_that_answers_no_to_a_question(
    store: SqlStore, clock: FakeClock, answer: str
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Kai Müller yesterday")
    _say(service, "delete kai")
    assert _say(service, answer).text == NOTHING_CHANGED
    assert [x.name for x in store.contacts(_member_id(store))] == ["Kai Müller"]


def test_k_thx_is_thanks() -> None:
    assert parse_command("k thx", direct_message=True) == c.ChatCommand("thanks")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("met mike and anna at the offsite", ["Anna", "Mike"]),  # capitals added
        ("met Aisha and her cofounder Ben at demo day", ["Aisha", "Ben"]),
    ],
)
def test_meeting_two_people_logs_each(
    store: SqlStore, clock: FakeClock, line: str, names: list[str]
) -> None:
    service = CoachService(store, fake_review, clock)
    reply = _say(service, line)
    assert reply.text.count("Logged") == 2
    assert sorted(x.name for x in store.contacts(_member_id(store))) == names
    assert len(store.open_follow_ups(_member_id(store))) == 2


def test_of_two_people_met_one_already_known_is_asked_about_alone(
    store: SqlStore, clock: FakeClock
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Mike at lunch yesterday")
    reply = _say(service, "met mike and anna at the offsite")
    assert "You already met a **Mike**" in reply.text and reply.text.count("Logged") == 1
    assert sorted(x.name for x in store.contacts(_member_id(store))) == ["Anna", "Mike"]


@pytest.mark.parametrize("line", ["met Barnes and the team", "met Jane Doe at PyCon"])
def test_one_person_or_a_group_is_not_split(line: str) -> None:
    result = parse_command(line, direct_message=True)
    assert isinstance(result, c.MetCommand) and result.others == ()


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("follow up with marco in 3d", RelativeDays(3)),
        ("follow up marco in 2wks", RelativeDays(14)),
        ("follow up w marco eow", WeekdaySpec(4)),
        ("follow up marco eod", RelativeDays(0)),
    ],
)
def test_texting_abbreviations_of_a_day(line: str, when: object) -> None:
    result = parse_command(line, direct_message=True, known_names=["Marco"])
    assert isinstance(result, c.FollowUpCommand) and result.person.name == "Marco"
    assert result.when == when


def test_met_3d_ago() -> None:
    result = parse_command("met marco 3d ago at pycon", direct_message=True)
    assert isinstance(result, c.MetCommand) and result.when == RelativeDays(-3)
    assert result.place == "pycon"


def test_an_at_inside_brackets_describes_the_person() -> None:
    result = parse_command("Met Victor (PM @ Shopify) yesterday", direct_message=True)
    assert isinstance(result, c.MetCommand) and result.person.name == "Victor"
    assert result.place is None and result.note == "PM @ Shopify"


@pytest.mark.parametrize(
    ("line", "note"),
    [("victor -> send job post", "send job post"), ("Victor: intro to Omar", "intro to Omar")],
)
def test_name_arrow_something_to_do_is_a_follow_up_not_a_rename(line: str, note: str) -> None:
    result = parse_command(line, direct_message=True, known_names=["Victor"])
    assert isinstance(result, c.FollowUpCommand) and result.person.name == "Victor"
    assert result.note == note


def test_name_arrow_name_still_renames() -> None:
    result = parse_command("Kai -> Kai Müller", direct_message=True, known_names=["Kai"])
    assert isinstance(result, c.RenameCommand) and result.new_name == "Kai Müller"


@pytest.mark.parametrize(
    ("line", "note", "day"),
    [
        (
            "Met Nadia at GDG devfest. Follow up Thursday with the codelab link",
            "the codelab link",
            WeekdaySpec(3),
        ),
        ("met jane at pycon, follow up friday", None, WeekdaySpec(4)),
        ("met jane, will ping her tmrw", None, RelativeDays(1)),
        ("met jane at pycon, follow up about rust", "follow up about rust", None),
    ],
)
def test_a_meeting_note_may_say_when_to_follow_up(line: str, note: str | None, day: object) -> None:
    result = parse_command(line, direct_message=True)
    assert isinstance(result, c.MetCommand)
    assert (result.note, result.follow_up_on) == (note, day)


def test_the_follow_up_of_a_meeting_is_due_the_day_asked(store: SqlStore, clock: FakeClock) -> None:
    service = CoachService(store, fake_review, clock)  # Monday 2 March
    reply = _say(service, "met Nadia at devfest, follow up friday with the codelab link")
    assert "due **Fri 6 Mar**" in reply.text, reply.text
    reply = _say(service, "met Jo yesterday, f/u in 3 weeks")
    assert "capped at" in reply.text


def test_a_day_at_the_end_of_a_follow_up_note_is_its_day() -> None:
    result = parse_command("followup ravi re intro thu", known_names=["Ravi Kumar"])
    assert isinstance(result, c.FollowUpCommand)
    assert (result.note, result.when) == ("re intro", WeekdaySpec(3))


@pytest.mark.parametrize(
    ("line", "kind"),
    [("sent ravi a thank you", "thank"), ("ravi done, made the intro", "give")],
)
def test_more_ways_to_say_what_the_touch_was(line: str, kind: str) -> None:
    result = parse_command(line, direct_message=True, known_names=["Ravi Kumar"])
    assert isinstance(result, c.DoneCommand) and result.kind == kind


def test_intro_someone_to_someone_on_a_day_is_a_follow_up() -> None:
    result = parse_command(
        "intro ravi to sara tomorrow", direct_message=True, known_names=["Ravi Kumar"]
    )
    assert isinstance(result, c.FollowUpCommand) and result.person.name.lower() == "ravi"
    assert (result.note, result.when) == ("intro to sara", RelativeDays(1))


def test_two_nights_ago() -> None:
    result = parse_command("Met Chloe at the tech dinner 2 nights ago", direct_message=True)
    assert isinstance(result, c.MetCommand) and result.when == RelativeDays(-2)
    assert result.place == "the tech dinner"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("circle back w omar next week", c.FollowUpCommand),
        ("what's my next follow up", c.ListCommand),
        ("what's next for omar", c.WhoCommand),
        ("omar is overdue?", c.WhoCommand),
    ],
)
def test_more_busy_lines(line: str, expected: type) -> None:
    assert isinstance(parse_command(line, direct_message=True, known_names=["Omar"]), expected)


@pytest.mark.parametrize(
    ("line", "days"), [("omar follow up 1 week", 7), ("follow up Omar 3 days", 3)]
)
def test_a_span_ending_a_follow_up_is_in_that_many_days(line: str, days: int) -> None:
    result = parse_command(line, direct_message=True, known_names=["Omar"])
    assert isinstance(result, c.FollowUpCommand) and result.when == RelativeDays(days)


@pytest.mark.parametrize(
    ("line", "note"),
    # Pass 11: "is" before what they are doing goes, as the later writers label it.
    [
        ("chloe works at datadog", "works at datadog"),
        ("Omar is moving to Lisbon", "moving to Lisbon"),
    ],
)
def test_a_fact_about_a_known_contact_is_a_note(line: str, note: str | None) -> None:
    result = parse_command(line, direct_message=True, known_names=["Chloe", "Omar"])
    assert isinstance(result, c.NoteCommand)
    assert result.note == (note or line.split(" ", 1)[1])


@pytest.mark.parametrize(
    "line", ["Chloe is hiring, want an intro?", "Sam works at Google", "Chloe, you should meet Sam"]
)
def test_no_note_for_a_question_a_message_or_a_stranger(line: str) -> None:
    result = parse_command(line, direct_message=True, known_names=["Chloe"])
    assert not isinstance(result, c.NoteCommand)


@pytest.mark.parametrize(
    "line", ["anyone i need to ping", "anybody i should follow up with today?"]
)
def test_anyone_i_need_to_ping_lists(line: str) -> None:
    assert isinstance(parse_command(line, direct_message=True), c.ListCommand)
