"""Issue 11, fifth pass (writer E8's misses as classes): meetings told around the person,
reminders said as promises, what to do kept in the note, renames in passing, corrections and
days in brackets. Every line here is new, in no data file."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core import commands as c
from bot.core.dates import resolve_future, resolve_past
from bot.core.parser import parse_command
from tests.core.fresh_lines import TODAY
from tests.core.fresh_lines import parse as _parse
from tests.core.fresh_lines import who as _who


def _met(line: str) -> c.MetCommand:
    result = _parse(line)
    assert isinstance(result, c.MetCommand), result
    return result


def _follow_up(line: str) -> c.FollowUpCommand:
    result = _parse(line)
    assert isinstance(result, c.FollowUpCommand), result
    return result


@pytest.mark.parametrize(
    ("line", "name", "note"),
    [
        (
            "met a former teammate yesterday, Tomás Reyes — runs infra at a bank now",
            "Tomás Reyes",
            "a former teammate; runs infra at a bank now",
        ),
        (
            "had coffee with an investor, Hana Sato, at the Kyoto pitch day",
            "Hana Sato",
            "an investor",
        ),
        (
            "met somebody sharp today - Olu Bankole, builds payment rails",
            "Olu Bankole",
            "builds payment rails",
        ),
        (
            "I met this guy Ravi Nair at the airport lounge, he runs a seed fund",
            "Ravi Nair",
            "he runs a seed fund",
        ),
    ],
)
def test_who_they_are_before_the_name_is_a_note_and_the_name_is_the_person(line, name, note):
    result = _met(line)
    assert (result.person.name, result.note) == (name, note)


def test_a_day_said_with_the_description_is_the_day_of_the_meeting() -> None:
    result = _met("met an old classmate yesterday, Ines Duarte")
    assert result.person.name == "Ines Duarte"
    assert result.when is not None and resolve_past(result.when, TODAY) == date(2026, 12, 8)


def test_over_zoom_is_where_they_met() -> None:
    assert _met("caught up with Ben over zoom on monday").place == "zoom"


@pytest.mark.parametrize(
    ("line", "name", "day", "note"),
    [
        (
            "I promised Ada I'd share the hiring plan. Remind me on friday",
            "Ada Obi",
            11,
            "share the hiring plan",
        ),
        (
            "told Rui Sá I would review his pitch deck, remind me tomorrow",
            "Rui Sá",
            10,
            "review his pitch deck",
        ),
        (
            "I owe Ben a reply about the board seat, remind me monday",
            "Ben Cole",
            14,
            "reply about the board seat",
        ),
    ],
)
def test_a_promise_then_remind_me_is_a_follow_up_with_what_was_promised(line, name, day, note):
    result = _follow_up(line)
    assert (_who(result.person.name), result.note) == (name, note)
    assert result.when is not None and resolve_future(result.when, TODAY) == date(2026, 12, day)


def test_what_is_owed_without_a_topic_leaves_no_note() -> None:
    assert _follow_up("I owe Ben an email, remind me monday").note is None


@pytest.mark.parametrize(
    ("line", "note"),
    [
        ("remind me to thank Ada for the warm intro on friday", "thank for the warm intro"),
        (
            "remind me to reply to Ben Cole about the advisory board tomorrow",
            "reply about the advisory board",
        ),
        ("remind me to send the term sheet to Rui Sá next week", "send the term sheet"),
    ],
)
def test_what_to_do_for_someone_stays_in_the_note_when_it_says_more(line, note) -> None:
    assert _follow_up(line).note == note


def test_a_contact_verb_alone_is_no_note() -> None:
    assert _follow_up("remind me to thank Ben Cole on friday, he covered my shift").note == (
        "he covered my shift"
    )


@pytest.mark.parametrize(
    ("line", "old", "new"),
    [
        ("Ada got divorced, she goes by Ada Mensah now", "Ada Obi", "Ada Mensah"),
        ("change Rui Sá to Rui Saa, the accent breaks the mail merge", "Rui Sá", "Rui Saa"),
        ("I had Ben's last name wrong, it's Ben Coleman", "Ben Cole", "Ben Coleman"),
        ("Ada prefers Ada Obi-Okafor, the short one was my mistake", "Ada Obi", "Ada Obi-Okafor"),
        ("call Ben Cole 'Benji Cole' from now on", "Ben Cole", "Benji Cole"),
        ("update name: rui sá → Rui Sá Costa", "Rui Sá", "Rui Sá Costa"),
    ],
)
def test_a_rename_told_in_passing_is_a_rename(line, old, new) -> None:
    result = _parse(line)
    assert isinstance(result, c.RenameCommand), result
    assert (_who(result.person.name), result.new_name) == (old, new)


@pytest.mark.parametrize(
    "line", ["Ada prefers WhatsApp, mornings", "Ben got promoted, he is now VP of sales"]
)
def test_a_fact_told_in_passing_is_no_rename(line) -> None:
    assert not isinstance(_parse(line), c.RenameCommand)


@pytest.mark.parametrize(
    "line",
    [
        "I already did the Ben follow-up this morning, slipped my mind to say",
        "Rui Sá - followed up, all set",
        "Ada signed the NDA, mark complete",
    ],
)
def test_done_said_in_passing_marks_the_follow_up_done(line) -> None:
    result = _parse(line)
    assert isinstance(result, c.DoneCommand), result
    assert (
        _who(result.target.name)
        == {"i": "Ben Cole", "r": "Rui Sá", "a": "Ada Obi"}[line[0].lower()]
    )


@pytest.mark.parametrize(
    ("line", "day"),
    [("remind me about Ben later, like friday", 11), ("kick the Rui Sá reminder to 12/16", 16)],
)
def test_later_for_someone_is_a_snooze(line, day) -> None:
    result = _parse(line)
    assert isinstance(result, c.SnoozeCommand), result
    assert result.when is not None and resolve_future(result.when, TODAY) == date(2026, 12, day)


def test_kick_off_is_no_snooze() -> None:
    assert not isinstance(
        _parse("kick off the offsite planning with Ada tomorrow"), c.SnoozeCommand
    )


@pytest.mark.parametrize(
    ("line", "name", "place"),
    [
        (
            "Add Ines Duarte — met her at the Lisbon climate fair on monday",
            "Ines Duarte",
            "the Lisbon climate fair",
        ),
        (
            "log Olu Bankole met at the payments roundtable",
            "Olu Bankole",
            "the payments roundtable",
        ),
        ("ben cole stopped by our stand at the job fair", "Ben Cole", "our stand at the job fair"),
        ("sat in on Ada's session at the data summit", "Ada Obi", "the data summit"),
        (
            "finally got to meet Rui Sá in person! at the Porto founders dinner",
            "Rui Sá",
            "the Porto founders dinner",
        ),
        ("catching up w/ Ben at Café Central yesterday", "Ben Cole", "Café Central"),
        ("met Ana Lima, product lead, at the growth meetup", "Ana Lima", "the growth meetup"),
        (
            "hab heute Ada getroffen, at the Hamburg fintech night – sie sucht Investoren",
            "Ada Obi",
            "the Hamburg fintech night",
        ),
    ],
)
def test_a_meeting_told_around_the_person_finds_who_and_where(line, name, place) -> None:
    result = _met(line)
    assert (_who(result.person.name), result.place) == (name, place)


def test_a_short_description_before_where_is_the_note() -> None:
    assert _met("met Ana Lima, product lead, at the growth meetup").note == "product lead"


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("met Ana Lima at the hack night on Thu (dec 3), builds compilers", 3),
        ("I met Ana Lima at Web Summit back on Nov 30", 30),
    ],
)
def test_a_day_with_its_date_in_brackets_or_back_on_a_date(line, day) -> None:
    result = _met(line)
    assert result.place in {"the hack night", "Web Summit"}
    assert result.when is not None
    assert resolve_past(result.when, TODAY) == date(2026, 12 if day < 10 else 11, day)


def test_what_they_mentioned_is_the_note_without_the_mentioning() -> None:
    result = _met("ran into ben at the gym, mentioned he's leaving Stripe")
    assert result.note == "he's leaving Stripe"


@pytest.mark.parametrize("line", ["metr Ana Lima at the growth meetup", "I mett Ada at the gala"])
def test_a_key_hit_past_met_is_still_met(line) -> None:
    assert _met(line).place in {"the growth meetup", "the gala"}


@pytest.mark.parametrize("line", ["we meta-analysed the survey", "metro to Ada's tonight"])
def test_real_words_past_met_are_no_meeting(line) -> None:
    assert not isinstance(_parse(line), c.MetCommand)


@pytest.mark.parametrize(
    ("line", "name", "day", "hour", "note"),
    [
        ("ping Ben sat 11am about the cabin", "Ben Cole", 12, 11, "about the cabin"),
        (
            "Need a nudge to call Ada Obi friday, she wants the budget",
            "Ada Obi",
            11,
            None,
            "she wants the budget",
        ),
        (
            "could you set up a reminder for me to get in touch with Rui Sá on Dec 15 at 4pm?",
            "Rui Sá",
            15,
            16,
            None,
        ),
        (
            "Set a reminder: Ada Obi, Dec 16, 9am, send the offsite agenda",
            "Ada Obi",
            16,
            9,
            "send the offsite agenda",
        ),
        (
            "new reminder — Ben Cole — Dec 18 — ask about the referral",
            "Ben Cole",
            18,
            None,
            "ask about the referral",
        ),
        (
            "remind me to email Ben Cole on the 14th (he's back from leave)",
            "Ben Cole",
            14,
            None,
            "he's back from leave",
        ),
    ],
)
def test_a_reminder_asked_for_in_other_words_or_as_fields(line, name, day, hour, note) -> None:
    result = _follow_up(line)
    assert (_who(result.person.name), result.note) == (name, note)
    assert result.when is not None and resolve_future(result.when, TODAY) == date(2026, 12, day)
    assert (result.at.hour if result.at else None) == hour


def test_sat_is_still_a_word_without_a_time_after_it() -> None:
    result = _met("met Ada at the gym, she sat next to me")
    assert (result.when, result.note) == (None, "she sat next to me")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("I'm in Nairobi now, fix my timezone", c.SettingsTimezoneCommand),
        ("fix my timezone, I'm in Nairobi now", c.SettingsTimezoneCommand),
        ("digest aus", c.DigestOffCommand),
        ("put the digest in this chat at 10 on tuesday mornings", c.DigestHereCommand),
        ("what's the right way to add a contact?", c.HelpCommand),
        ("I don't need the Ben Cole reminder, but leave him in my contacts", c.CancelCommand),
        ("update rui sá: moved to the Lisbon office", c.NoteCommand),
        ("Ada update: she left Stripe", c.NoteCommand),
        ("Entferne Ben Cole aus meinen Kontakten", c.DeleteContactCommand),
        ("lösch die Erinnerung für Ada", c.CancelCommand),
    ],
)
def test_the_other_commands_in_everyday_words(line, kind) -> None:
    assert isinstance(_parse(line), kind), _parse(line)


def test_the_digest_put_in_this_chat_keeps_its_day_and_hour() -> None:
    result = _parse("put the digest in this chat at 10 on tuesday mornings")
    assert isinstance(result, c.DigestHereCommand)
    assert (result.weekday, result.at.hour if result.at else None) == (1, 10)


def test_update_with_a_colon_is_no_note_for_settings_or_a_rename() -> None:
    assert isinstance(_parse("update timezone: Europe/Lisbon"), c.SettingsTimezoneCommand)
    assert isinstance(_parse("update name: ada obi → Ada Obi-Okafor"), c.RenameCommand)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("hey, met ben cole at the climbing gym last night", c.MetCommand),
        ("ok so follow up Ada Obi on monday at 9am", c.FollowUpCommand),
        ("hey, ping rui in three days", c.FollowUpCommand),
        ("alright, snooze Ben to friday", c.SnoozeCommand),
        ("cancel Rui thanks!", c.CancelCommand),
        ("snooze Ada to next week pls", c.SnoozeCommand),
        ("follow-up Ben Cole Thursday.", c.FollowUpCommand),
    ],
)
def test_a_greeting_before_or_courtesy_after_a_command_is_no_part_of_it(line, kind) -> None:
    result = _parse(line)
    assert isinstance(result, kind), result
    person = getattr(result, "person", None) or getattr(result, "target", None)
    assert _who(person.name) in {"Ada Obi", "Ben Cole", "Rui Sá"}, person


def test_courtesy_or_a_full_stop_at_the_end_leaves_no_note() -> None:
    assert _follow_up("follow-up Ben Cole Thursday.").note is None
    assert _met("met Ana Lima at the Porto meetup thanks!").place == "the Porto meetup"


@pytest.mark.parametrize(
    "line",
    [
        "Hi Ben, we met at the gala — would love to continue the chat",
        "Hi, who handles vendor selection on your team? Keen to send our deck.",
        "cool thx",
        "hey, me again",
    ],
)
def test_a_greeting_then_a_message_is_still_no_command(line) -> None:
    assert isinstance(_parse(line), c.NotACommand | c.ChatCommand), _parse(line)


@pytest.mark.parametrize(
    ("line", "kind", "name"),
    [
        ("Move Ben's follow-up to Friday", c.FollowUpCommand, "Ben Cole"),
        ("Snoz ada 3 days", c.SnoozeCommand, "Ada Obi"),
        ("Schedule follow up for Rui Sá on 12/18", c.FollowUpCommand, "Rui Sá"),
        ("Cancle ben reminder", c.CancelCommand, "Ben Cole"),
        ("No need to chase Rui Sá, cancel it", c.CancelCommand, "Rui Sá"),
    ],
)
def test_a_capitalised_first_word_is_no_part_of_the_name(line, kind, name) -> None:
    result = _parse(line)
    assert isinstance(result, kind), result
    person = getattr(result, "person", None) or getattr(result, "target", None)
    assert _who(person.name) == name


def test_a_contact_named_first_keeps_the_capital() -> None:
    result = parse_command("Ping Li done", direct_message=True, known_names=("Ping Li",))
    assert isinstance(result, c.DoneCommand) and result.target.name == "Ping Li"


@pytest.mark.parametrize(
    ("line", "place", "note"),
    [
        (
            "met Ana Lima at the Porto meetup yesterday runs a design studio",
            "the Porto meetup",
            "runs a design studio",
        ),
        (
            "met Ben at the climbing gym he wants to join our team",
            "the climbing gym",
            "he wants to join our team",
        ),
        ("met Rui at the Lisbon fair on friday and we hit it off", "the Lisbon fair", None),
        ("dinner with Ada and her husband at Dishoom", "Dishoom", None),
    ],
)
def test_without_a_comma_what_follows_the_day_or_a_pronoun_is_the_note(line, place, note):
    result = _met(line)
    assert (result.place, result.note) == (place, note)


@pytest.mark.parametrize(
    ("line", "kind", "name"),
    [
        ("no need to chase Tomás Reyes we already signed", c.CancelCommand, "Tomás Reyes"),
        ("delete Ines Duarte duplicate", c.DeleteContactCommand, "Ines Duarte"),
        ("follow up with Maria de la Cruz tomorrow", c.FollowUpCommand, "Maria de la Cruz"),
    ],
)
def test_a_capitalised_name_ends_at_a_lower_case_word(line, kind, name) -> None:
    result = _parse(line)
    assert isinstance(result, kind), result
    person = getattr(result, "person", None) or getattr(result, "target", None)
    assert person.name == name


def test_a_meetings_day_said_first_leaves_the_words_at_the_end_as_the_note() -> None:
    result = _met("Yesterday met Olu Bankole at the fintech expo he is a payments lead")
    assert (result.place, result.note) == ("the fintech expo", "he is a payments lead")
    assert result.when is not None and resolve_past(result.when, TODAY) == date(2026, 12, 8)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("please note Ben prefers Signal", c.NoteCommand),
        ("please folow-up Ada on friday", c.FollowUpCommand),
        ("pls mett Ines Duarte at the book fair yesterday", c.MetCommand),
        ("please lsit", c.ListCommand),
    ],
)
def test_please_before_a_command_or_its_slip_is_the_command(line, kind) -> None:
    assert isinstance(_parse(line), kind), _parse(line)


@pytest.mark.parametrize(
    "line",
    [
        "Please note the office is closed on Friday",
        "Plz donate to my fundraiser for the Lagos trip",
        "Please follow our company page",
    ],
)
def test_please_before_everyday_words_is_no_command(line) -> None:
    assert isinstance(_parse(line), c.NotACommand), _parse(line)


@pytest.mark.parametrize(
    "line",
    [
        "follow-up Ada tomorrow at 3pm!",
        "met Ines Duarte at the Porto book fair, 12/7!",
        "Ben's away — snooze his reminder to the 16th!",
    ],
)
def test_an_exclamation_at_the_end_is_no_note(line) -> None:
    result = _parse(line)
    assert isinstance(result, c.FollowUpCommand | c.MetCommand | c.SnoozeCommand), result
    assert getattr(result, "note", None) is None


def test_a_contact_typed_in_lower_case_after_a_colon_is_the_person() -> None:
    result = _follow_up("pls remind me: ben, 12/15, 4pm")
    assert _who(result.person.name) == "Ben Cole" and result.at is not None


def test_a_zone_typed_in_lower_case_after_timezone() -> None:
    result = _parse("timezone sao paulo pls")
    assert isinstance(result, c.SettingsTimezoneCommand), result


@pytest.mark.parametrize(
    ("line", "lines"),
    [
        ("push both Ada and Ben to friday", "`snooze Ada to friday` · `snooze Ben to friday`"),
        ("done with Ada and Rui", "`done Ada` · `done Rui`"),
        ("cancel Ben and Rui", "`cancel Ben` · `cancel Rui`"),
    ],
)
def test_two_people_for_a_one_person_command_get_a_line_each(line, lines) -> None:
    result = _parse(line)
    assert isinstance(result, c.ParseFailure) and result.asks_one_each, result
    assert lines in result.message


def test_what_was_done_then_done_after_the_name_is_done() -> None:
    result = _parse("Ben — intro done, sent the email")
    assert isinstance(result, c.DoneCommand) and _who(result.target.name) == "Ben Cole"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("hey coach, snooze Ada 2 days", c.SnoozeCommand),
        ("quick one: done: Ben", c.DoneCommand),
        ("also who is Rui?", c.WhoCommand),
        ("btw cancel the Ben reminder", c.CancelCommand),
        ("any reminders for me?", c.ListCommand),
        ("how did I meet Rui?", c.WhoCommand),
        ("remember Ben likes oolong tea", c.NoteCommand),
        ("save note: Ada is hiring in Accra", c.NoteCommand),
    ],
)
def test_a_lead_in_before_a_command_or_a_question(line, kind) -> None:
    assert isinstance(_parse(line), kind), _parse(line)


def test_a_question_for_someone_after_a_lead_in_is_no_command() -> None:
    line = "Quick question — who handles IT purchasing at your company?"
    assert isinstance(_parse(line), c.NotACommand), _parse(line)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("follow-up Ben after the weekend", 14),
        ("follow-up Ben over the weekend", 12),
        ("follow-up Ben in a fortnight", 23),
        ("follow-up Ben end of day tomorrow", 10),
    ],
)
def test_weekends_fortnights_and_end_of_day_tomorrow_are_days(line, day) -> None:
    result = _follow_up(line)
    assert result.note is None
    assert result.when is not None and resolve_future(result.when, TODAY) == date(2026, 12, day)


def test_asking_the_coach_to_log_a_meeting_logs_it() -> None:
    result = _met("can you log a meeting with Ada at the Lagos fintech night yesterday?")
    assert (result.person.name, result.place) == ("Ada", "the Lagos fintech night")


@pytest.mark.parametrize(
    "line",
    ["Can you meet Ben at the airport tomorrow?", "could you grab lunch with Ada on friday?"],
)
def test_asking_someone_else_to_meet_is_no_meeting_to_log(line) -> None:
    assert not isinstance(_parse(line), c.MetCommand), _parse(line)
