"""Give, ask, thank (issue 13): each touch's kind, the contact's ledger and the coaching from it,
end to end through `CoachService` on the real store (SQLite, and PostgreSQL when it answers)."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from bot.core import commands as c
from bot.core.parser import parse_command
from tests.core.test_service import Bot, commands

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

GIVE_FIRST = "You've asked Jane Doe twice and given nothing yet: share something useful first."
ASK_DRAFT = (
    "Hi Jane, could you introduce me to your head of data? I'd love 20 minutes of their time "
    "next week to ask about the migration."
)
GIVE_DRAFT = (
    "Hi Jane, here's the report on EU battery rules I mentioned at PyCon, no need to reply: "
    "https://example.com/report"
)


@pytest.fixture
def bot(store: SqlStore, clock: FakeClock) -> Bot:
    return Bot(store, clock)


def kinds(bot: Bot) -> list[tuple[int, str, str]]:
    return bot.rows("SELECT follow_up_id, kind, source FROM touch_kinds ORDER BY follow_up_id")


def everything(reply) -> str:
    return "\n".join([reply.text, *(s.text for s in reply.sections)])


def test_the_core_and_the_classifier_name_the_same_kinds_in_the_same_order():
    from bot.core import ledger
    from coach_rules import touches
    from storage import touches as stored

    assert ledger.TOUCH_KINDS == touches.TOUCH_KINDS == stored.TOUCH_KINDS


@pytest.mark.parametrize(
    ("line", "name", "kind"),
    [
        ("done Jane, gave her the article", "Jane", "give"),
        ("done Jane Doe — I asked her for an intro to Ravi", "Jane Doe", "ask"),
        ("done #12 thanked", "#12", "thank"),
        ("done #12 asked early", "#12", "ask"),
        ("messaged Priya, shared the deck", "Priya", "give"),
        ("done Jane Doe", "Jane Doe", None),
    ],
)
def test_done_in_plain_words_says_what_the_touch_was(line: str, name: str, kind: str | None):
    command = parse_command(line, direct_message=True)
    assert isinstance(command, c.DoneCommand)
    assert (command.target.name, command.kind) == (name, kind)


def test_done_with_a_kind_records_it_and_the_contact_card_shows_the_ledger(bot: Bot) -> None:
    bot.say("met Jane Doe at PyCon")
    [first] = bot.open()
    reply = bot.say("done Jane, gave her the article")
    assert "Recorded as a give." in reply.text
    assert kinds(bot) == [(first.id, "give", "chosen")]
    card = bot.say("who Jane")
    assert "Give, ask, thank: Gave 1 · asked 0 · thanked 0" in card.text


def test_a_plain_done_asks_what_it_was_and_the_button_records_it(bot: Bot) -> None:
    bot.say("met Jane Doe")
    [first] = bot.open()
    reply = bot.say("done Jane")
    assert "Was it a give, an ask or a thank-you?" in reply.text
    assert commands(reply)[:3] == [
        f"done #{first.id} gave",
        f"done #{first.id} asked",
        f"done #{first.id} thanked",
    ]
    clicked = bot.say(f"done #{first.id} thanked")
    assert "was a thank-you" in clicked.text
    assert kinds(bot) == [(first.id, "thank", "chosen")]
    assert len(bot.open()) == 1  # the button did not close anything else


def test_a_reviewed_draft_naming_a_contact_suggests_the_kind_and_done_takes_it(bot: Bot):
    bot.say("met Jane Doe at PyCon")
    [first] = bot.open()
    review = bot.say(GIVE_DRAFT)
    assert "Reads as **a give** to Jane Doe." in everything(review)
    assert f"done #{first.id} gave" in commands(review)
    assert kinds(bot) == [(first.id, "give", "suggested")]
    assert bot.rows("SELECT text FROM draft_reviews") == [(None,)]  # the draft is not kept

    done = bot.say("done Jane")
    assert "Recorded as a give (from your reviewed draft)." in done.text
    assert f"done #{first.id} gave" not in commands(done)  # only the other two, to correct it


def test_a_suggestion_never_replaces_the_members_own_choice(bot: Bot) -> None:
    bot.say("met Jane Doe")
    [first] = bot.open()
    bot.say(f"done #{first.id}")
    bot.say(f"done #{first.id} asked")
    bot.store.set_touch_kind(bot.member().id, first.id, "give", "suggested", bot.clock.now())
    assert kinds(bot) == [(first.id, "ask", "chosen")]


def test_an_ask_to_someone_only_ever_asked_gets_the_give_first_line(bot: Bot) -> None:
    bot.say("met Jane Doe at PyCon")
    bot.say("done Jane asked")
    [second] = bot.open()
    bot.say(f"done #{second.id} asked early")
    bot.say("follow-up Jane late")  # a third touch, long after the rule of two

    review = bot.say(ASK_DRAFT)
    assert "Reads as **an ask** to Jane Doe." in everything(review)
    assert GIVE_FIRST in everything(review)
    assert GIVE_FIRST in bot.say("who Jane Doe").text

    # A give on record: the line goes.
    bot.say(f"done #{second.id} gave")
    assert "given nothing yet" not in everything(bot.say(ASK_DRAFT))


def test_a_draft_naming_nobody_is_for_the_one_follow_up_whose_day_has_come(
    bot: Bot, clock: FakeClock
) -> None:
    bot.say("met Jane Doe")
    bot.say("met Omar Haddad")
    clock.advance(days=3)
    bot.say("snooze Omar 3 days")
    [jane] = [f for f in bot.open() if f.contact_name == "Jane Doe"]
    review = bot.say("Here's the article on hiring I mentioned, hope it helps with the new team.")
    assert "to Jane Doe" in everything(review)
    assert kinds(bot)[0][0] == jane.id


@pytest.mark.parametrize(
    "draft",
    [
        "Hi Mr Okafor, here is the article on hiring I mentioned, hope it helps the new team.",
        "Dear Hiring Manager, I am writing to apply for the analyst role you advertised.",
    ],
)
def test_a_draft_greeting_someone_else_is_not_pinned_on_the_follow_up_that_is_due(
    bot: Bot, clock: FakeClock, draft: str
) -> None:
    """A newcomer's drafts (7 Dec, sixth session) read as touches to whoever was due."""
    bot.say("met Jane Doe")
    clock.advance(days=3)
    review = bot.say(draft)
    assert "Jane Doe" not in everything(review)


def test_stats_and_the_digest_preview_show_the_give_ask_ratio(bot: Bot) -> None:
    bot.say("met Jane Doe")
    bot.say("met Omar Haddad")
    bot.say("done Jane gave")
    bot.say("done Omar asked")
    bot.say("met Ana Lima")
    bot.say("done Ana gave")
    stats = bot.say("stats")
    shown = [f.value for s in stats.sections for f in s.fields]
    assert "give:ask 2:1 (and 0 thank-yous)" in shown
    bot.say("digest here", dm=False)
    preview = bot.say("digest preview", dm=False)
    assert "give:ask 2:1 (and 0 thank-yous)" in [
        f.value for s in preview.sections for f in s.fields
    ]


def test_export_carries_the_kinds_and_forget_me_deletes_them(bot: Bot) -> None:
    bot.say("met Jane Doe")
    bot.say("done Jane gave")
    exported = bot.say("export")
    data = json.loads(exported.attachment.content)
    assert [(row["kind"], row["source"]) for row in data["touch_kinds"]] == [("give", "chosen")]
    assert "1 give/ask/thank record" in exported.text
    bot.say("forget-me confirm")
    assert kinds(bot) == []


def test_deleting_a_contact_deletes_its_touch_kinds_and_merging_keeps_them(bot: Bot) -> None:
    bot.say("met Jane Doe")
    bot.say("done Jane gave")
    bot.say("met Omar Haddad")
    bot.say("done Omar asked")
    jane, omar = sorted(bot.store.contacts(bot.member().id), key=lambda x: x.id)
    bot.store.merge_contacts(bot.member().id, jane.id, omar.id)
    ledger = bot.store.touch_ledger(bot.member().id, jane.id)
    assert sorted(entry.kind for entry in ledger) == ["ask", "give"]
    bot.store.delete_contact(bot.member().id, jane.id)
    assert kinds(bot) == []


def test_counts_only_take_touches_done_in_the_period(bot: Bot, clock: FakeClock) -> None:
    bot.say("met Jane Doe")
    bot.say("done Jane gave")
    member = bot.member().id
    now = clock.now()
    assert (
        bot.store.member_touch_counts(
            member, now - timedelta(days=1), now + timedelta(seconds=1)
        ).give
        == 1
    )
    assert (
        bot.store.member_touch_counts(
            member, now + timedelta(days=1), now + timedelta(days=2)
        ).total
        == 0
    )


# --- learning from feedback: the admin's weekly wrong-flag rate ------------------------------


def test_stats_show_an_admin_the_weekly_wrong_flag_rate_and_nobody_else(
    store: SqlStore, clock: FakeClock
) -> None:
    from bot.core.messages import Incoming
    from bot.core.service import CoachService
    from tests.core.test_service import fake_review

    service = CoachService(store, fake_review, clock, admins=frozenset({"slack:UADMIN"}))

    def say(text: str, user: str):
        return service.handle(Incoming("slack", "T1", user, "D1", text))

    flagged = say("review Can I get a demo slot with you today?", "U1")
    say(f"feedback {flagged.review_id} wrong-flag", "U1")
    say("review Another demo for you?", "U1")

    admin = say("stats", "UADMIN")
    shown = "\n".join(f"{f.label}: {f.value}" for s in admin.sections for f in s.fields)
    assert "admins only" in "\n".join(s.text for s in admin.sections)
    assert "2026-W10: 50% wrong flags (1 of 2 flagged), 0 marked helpful" in shown
    member = say("stats", "U1")
    assert "admins only" not in "\n".join(s.text for s in member.sections)


def test_admins_are_named_platform_and_user_id_and_a_bad_entry_says_so() -> None:
    from bot.config import Settings, SettingsError

    settings = Settings.from_env({"NETCOACH_ADMINS": " slack:U1 , teams:29:1abc ,"})
    assert settings.admins == frozenset({"slack:U1", "teams:29:1abc"})
    with pytest.raises(SettingsError, match="NETCOACH_ADMINS"):
        Settings.from_env({"NETCOACH_ADMINS": "U1"})


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        ("it was a give", "give"),
        ("an ask", "ask"),
        ("thanked her", "thank"),
        ("A thank-you.", "thank"),
    ],
)
def test_a_typed_answer_to_the_kind_question_records_it(bot: Bot, answer: str, kind: str) -> None:
    bot.say("met Jane Doe")
    [first] = bot.open()
    assert "Was it a give, an ask or a thank-you?" in bot.say("done Jane").text
    reply = bot.say(answer)
    assert f"Recorded: touch #{first.id} with **Jane Doe**" in reply.text
    assert kinds(bot) == [(first.id, kind, "chosen")]


def test_a_kind_typed_with_no_question_waiting_records_nothing(bot: Bot) -> None:
    bot.say("met Jane Doe")
    bot.say("done Jane, gave her the article")
    bot.say("it was an ask")
    assert [kind for _, kind, _ in kinds(bot)] == ["give"]


def test_thanks_after_the_kind_question_thanks_the_coach(bot: Bot) -> None:
    bot.say("met Jane Doe")
    bot.say("done Jane")
    assert "welcome" in bot.say("thanks").text
    assert kinds(bot) == []


def test_a_bare_yes_to_the_kind_question_asks_which_with_the_buttons(bot: Bot) -> None:
    bot.say("met Jane Doe")
    [first] = bot.open()
    bot.say("done Jane")
    reply = bot.say("yes")
    assert "Was it a give, an ask or a thank-you?" in reply.text
    assert "no question waiting" not in reply.text
    assert [action.command for action in reply.actions] == [
        f"done #{first.id} gave",
        f"done #{first.id} asked",
        f"done #{first.id} thanked",
    ]
    assert kinds(bot) == []
    bot.say("gave")
    assert kinds(bot) == [(first.id, "give", "chosen")]


def test_a_draft_the_review_says_to_rework_is_not_offered_as_sent(bot: Bot) -> None:
    bot.say("met Jane Doe at PyCon")
    pushy = "Hi Jane, can we book a demo of our platform this week? Need an answer by Friday."
    review = bot.say(pushy)  # the stand-in reviewer flags any draft asking for a demo
    assert review.review is not None and review.review.flagged
    assert "to Jane Doe." in everything(review)
    assert not [command for command in commands(review) if command.startswith("done #")]
    assert kinds(bot) == []  # nothing kept for a bare `done` to reuse
    done = bot.say("done Jane")
    assert "from your reviewed draft" not in done.text
    assert "Was it a give, an ask or a thank-you?" in done.text


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("sent a linkedin connection request", None),
        ("sent connect req w/ note", None),
        ("connected on linkedin", None),
        ("sent her a quick follow-up", None),
        ("sent a follow-up email asking for a referral", "ask"),
        ("sent a short note with the slides", "give"),
        ("sent her the benchmark deck", "give"),
        ("sent kevin my cv on whatsapp", "ask"),
        ("emailed her my resume and portfolio", "ask"),
        ("sent her my slides from the talk", "give"),
    ],
)
def test_a_connection_request_or_a_bare_follow_up_is_no_give(said: str, kind: str | None) -> None:
    from bot.core.ledger import kind_in

    assert kind_in(said) == kind


@pytest.mark.parametrize(
    "post",
    [
        "Hi all! Our December meetup is on the 17th: Jane Doe will talk about Rust in production. "
        "Free entry, pizza on us.",
        "Hello Manila devs community, huge thanks to Jane Doe for hosting us last night!",
    ],
)
def test_a_post_to_a_group_that_names_a_contact_is_no_touch_with_them(bot: Bot, post: str) -> None:
    bot.say("met Jane Doe at PyCon")
    review = bot.say(post)
    assert "to Jane Doe" not in everything(review)
    assert not [command for command in commands(review) if command.startswith("done #")]


def test_a_draft_to_someone_mentioned_is_not_pinned_on_the_follow_up_that_is_due(
    bot: Bot, clock: FakeClock
) -> None:
    bot.say("met Jane Doe at PyCon")
    clock.advance(days=3)  # Jane's follow-up has come due
    review = bot.say(
        "@Mikkel Brandt thanks for the shoutout, here's the benchmark repo I mentioned"
    )
    assert "Jane Doe" not in everything(review)
    assert not [command for command in commands(review) if command.startswith("done #")]


@pytest.mark.parametrize(
    "draft",
    [
        "Met your colleague Priya Patel at re:Invent, she said you run the payments team. Here's "
        "the latency benchmark she thought you'd want.",
        "Hi Tomasz, great to meet you at the summit! Happy to intro you to Priya Patel, she "
        "built the same pipeline last year.",
    ],
)
def test_a_contact_named_as_someone_else_than_the_reader_is_not_the_reader(
    bot: Bot, draft: str
) -> None:
    """A tester's "Met your colleague Priya at re:Invent…" was read as a give to Priya."""
    bot.say("met Priya Patel at re:Invent")
    review = bot.say(draft)
    assert "to Priya Patel" not in everything(review)
    assert not [command for command in commands(review) if command.startswith("done #")]


def test_the_greeted_contact_is_the_reader_when_the_draft_names_another(bot: Bot) -> None:
    bot.say("met Priya Patel at re:Invent")
    bot.say("met Tomasz Nowak at the summit")
    review = bot.say(
        "Hi Tomasz, great to meet you at the summit! Here's the article I mentioned; Priya "
        "Patel wrote it."
    )
    assert "to Tomasz Nowak" in everything(review)


def test_a_done_with_a_kind_right_after_the_question_answers_it(bot: Bot) -> None:
    """A tester answered "Was it a give…?" with "done ricardo gave - mandei o case study" and
    was asked about the second touch, 14 days off, instead."""
    bot.say("met Ricardo Lima at the fair")
    [first] = bot.open()
    bot.say("done ricardo")
    reply = bot.say("done ricardo gave - sent the case study")
    assert reply.text.startswith(f"Recorded: touch #{first.id} with **Ricardo Lima** was a give.")
    assert "sent the case study" in reply.text
    assert kinds(bot) == [(first.id, "give", "chosen")]
    assert len(bot.open()) == 1  # the second touch is still open
