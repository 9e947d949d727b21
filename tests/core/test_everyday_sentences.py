"""Everyday sentences a busy person types instead of command words (the fifth writer's kind)."""

from __future__ import annotations

import pytest

from bot.core import commands as c
from bot.core.parser import parse_command
from tests.core.fresh_lines import parse as _parse


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("had cofee with ben", c.MetCommand),
        ("coffe w ada yesterday", c.MetCommand),
        ("pign ben", c.FollowUpCommand),
        ("shwo my settings", c.SettingsShowCommand),
        ("downlaod my data", c.ExportCommand),
        ("preview the digset", c.DigestPreviewCommand),
    ],
)
def test_a_one_slip_typo_of_a_command_word_is_read(line: str, kind: type) -> None:
    assert isinstance(_parse(line), kind)


def test_a_slip_in_a_part_of_the_day_still_dates_the_meeting() -> None:
    result = _parse("met ben this aftrenoon")
    assert isinstance(result, c.MetCommand)
    assert result.person.name.lower() == "ben" and result.when is not None


def test_lst_before_a_weekday_is_last() -> None:
    result = _parse("drinks w ada lst fri")
    assert isinstance(result, c.MetCommand)
    assert result.person.name.lower() == "ada" and result.when is not None


@pytest.mark.parametrize("line", ["nudge ben pls", "ping Ada about the venue list"])
def test_a_verb_and_a_name_alone_is_a_follow_up(line: str) -> None:
    result = _parse(line)
    assert isinstance(result, c.FollowUpCommand)


def test_a_verb_to_nobody_named_stays_chat() -> None:
    assert isinstance(_parse("ping the team about it"), c.NotACommand)


def test_a_bare_hour_tonight_is_in_the_evening() -> None:
    result = _parse("txt ben tonight at 7")
    assert isinstance(result, c.FollowUpCommand)
    assert result.at is not None and result.at.hour == 19


@pytest.mark.parametrize(
    "line",
    [
        "unschedule ben",
        "kill #3",
        "nix the reminder for ada obi",
        "cancel followup Ben Cole",
        "i dont need the ben reminder anymore",
        "Ada's follow-up isn't needed, she found a job",
    ],
)
def test_undoing_a_follow_up_in_everyday_words_is_a_cancel(line: str) -> None:
    result = _parse(line)
    assert isinstance(result, c.CancelCommand)
    target = result.target
    assert target.follow_up_id == 3 or target.name.lower() in {"ben", "ada", "ada obi", "ben cole"}


@pytest.mark.parametrize(
    "line",
    [
        "take ben cole out of my contacts",
        "Ben doesn't need to be in my contacts any more",
        "i dont need Ada Obi in here anymore",
        "I added Ben Cole by mistake, remove him",
        "Ben Cole bitte entfernen",
        "burahin mo si Ben sa contacts ko",
    ],
)
def test_removing_someone_in_everyday_words_deletes_the_contact(line: str) -> None:
    result = _parse(line)
    assert isinstance(result, c.DeleteContactCommand)
    assert result.person.name.lower() in {"ben", "ben cole", "ada obi"}


@pytest.mark.parametrize(
    "line",
    [
        "remind me who ben is again",
        "wer ist Ada Obi noch mal?",
        "whats ben cole's deal",
        "when did i last speak with ada",
        "info sobre ben cole",
        "wh is ada",
    ],
)
def test_asking_about_someone_in_everyday_words_shows_their_card(line: str) -> None:
    result = _parse(line)
    assert isinstance(result, c.WhoCommand)
    assert result.person.name.lower() in {"ben", "ben cole", "ada", "ada obi"}


@pytest.mark.parametrize(
    ("line", "note"),
    [
        ("ben -> husband works at the bakery", "husband works at the bakery"),
        ("ada - her son plays chess", "her son plays chess"),
        ("ben's birthday is june 2, save that", "birthday is june 2"),
        ("nota para Ada: le gusta el jazz", "le gusta el jazz"),
    ],
)
def test_a_fact_about_someone_in_everyday_words_is_a_note(line: str, note: str) -> None:
    result = _parse(line)
    assert isinstance(result, c.NoteCommand)
    assert result.note == note


def test_a_dash_before_a_message_is_no_note() -> None:
    assert not isinstance(_parse("Ben - thanks for the intro yesterday"), c.NoteCommand)


@pytest.mark.parametrize(
    ("line", "new_name"),
    [
        ("ben's new surname is Ray, so Ben Ray", "Ben Ray"),
        ("ada goes by Adaeze Obi at work, change it", "Adaeze Obi"),
        ("ben wants to be called Benjamin Cole haha, rename", "Benjamin Cole"),
        ("whoops i spelled ben's name wrong, it's Ben Coles", "Ben Coles"),
        ("muda o nome de Ben para Bento Cole", "Bento Cole"),
        ("Ada Obi is Ada Obi-Lee now", "Ada Obi-Lee"),
    ],
)
def test_a_new_name_in_everyday_words_renames(line: str, new_name: str) -> None:
    result = _parse(line)
    assert isinstance(result, c.RenameCommand)
    assert result.new_name == new_name


@pytest.mark.parametrize(
    "line",
    [
        "had a 1:1 with Ben today, he wants a raise",
        "talked w/ Ben Cole today about hiring",
        "the call with ben went great today, he'll send the deck",
        "met ben this am",
        "conheci Ben hoje",
        "met ben esta tarde",
    ],
)
def test_a_meeting_told_in_everyday_words_is_logged_today(line: str) -> None:
    result = _parse(line)
    assert isinstance(result, c.MetCommand)
    assert result.person.name.lower() in {"ben", "ben cole"}
    assert result.when is not None


def test_a_dangling_and_before_the_note_is_not_part_of_the_name() -> None:
    result = _parse("met Ben Cole and he's moving to Oslo")
    assert isinstance(result, c.MetCommand)
    assert result.person.name == "Ben Cole"
    assert result.note == "he's moving to Oslo"


@pytest.mark.parametrize(
    ("line", "topic"),
    [("how do digests work", "digest"), ("how dose export work", "export")],
)
def test_how_do_things_work_asks_for_their_help(line: str, topic: str) -> None:
    assert _parse(line) == c.HelpCommand(topic=topic)


def test_the_difference_between_two_commands_is_a_help_question() -> None:
    assert _parse("what's the difference between snooze and cancel?") == c.HelpCommand(topic=None)
    assert isinstance(_parse("what's the difference between tea and coffee?"), c.NotACommand)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("I'm in Lisbon now, set timezone to Europe/Lisbon", c.SettingsTimezoneCommand),
        ("cambiar la zona horaria a Europe/Madrid", c.SettingsTimezoneCommand),
        ("what are my current settings", c.SettingsShowCommand),
        ("could i get a json of my data", c.ExportCommand),
        ("i'm switching jobs, erase my data please", c.ForgetMeCommand),
    ],
)
def test_account_requests_in_everyday_words(line: str, kind: type) -> None:
    assert isinstance(_parse(line), kind)


@pytest.mark.parametrize(
    "line",
    ["Hi Ana, please update your timezone to Europe/Paris", "Tom, erase my data from the deck"],
)
def test_the_same_words_to_someone_else_stay_chat(line: str) -> None:
    assert isinstance(_parse(line), c.NotACommand)


@pytest.mark.parametrize(
    ("line", "days"),
    [
        ("kick ben down the road 4 days", 4),
        ("later for ada, maybe 5 more days", 5),
        ("aplaza a Ben una semana", 7),
        ("snooze ada eine Woche", 7),
    ],
)
def test_putting_someone_off_in_everyday_words_snoozes(line: str, days: int) -> None:
    result = _parse(line)
    assert isinstance(result, c.SnoozeCommand)
    assert result.days == days


def test_not_ready_for_someone_then_snooze_takes_the_day() -> None:
    result = _parse("not ready to deal with ben yet, snooze till the 20th")
    assert isinstance(result, c.SnoozeCommand)
    assert result.target.name.lower() == "ben" and result.when is not None


@pytest.mark.parametrize("line", ["ben's taken care of", "Hab Ben gestern angerufen, erledigt"])
def test_a_finished_touch_in_everyday_words_is_done(line: str) -> None:
    result = _parse(line)
    assert isinstance(result, c.DoneCommand)
    assert result.target.name.lower() == "ben"


def test_removing_a_reminder_in_spanish_cancels_it() -> None:
    result = _parse("quita el recordatorio de Ben porfa")
    assert isinstance(result, c.CancelCommand)
    assert result.target.name.lower() == "ben"


def test_sometime_is_no_day_and_no_note() -> None:
    result = _parse("I should catch up with Ben sometime")
    assert isinstance(result, c.FollowUpCommand)
    assert result.person.name.lower() == "ben" and result.note is None and result.when is None


@pytest.mark.parametrize(
    "line",
    [
        "set a follow-up with Ada Obi for two weeks from today",
        "Could you set a follow-up with Ada Obi for a week from today?",
    ],
)
def test_for_before_a_day_is_not_part_of_the_name(line: str) -> None:
    result = _parse(line)
    assert isinstance(result, c.FollowUpCommand)
    assert result.person.name == "Ada Obi" and result.when is not None


@pytest.mark.parametrize(
    "line",
    [
        "shoot ben a quick text friday, ask about the lease",
        "ping ada tomorrow at 9, congratulate her on the launch",
    ],
)
def test_a_message_to_send_on_a_day_is_a_follow_up_with_its_note(line: str) -> None:
    result = _parse(line)
    assert isinstance(result, c.FollowUpCommand)
    assert result.when is not None and result.note is not None


@pytest.mark.parametrize(
    "line",
    [
        "when did I last talk to my mum",
        "how do relationships even work",
        "whats her brother's deal",
    ],
)
def test_the_same_shapes_about_no_contact_or_command_stay_chat(line: str) -> None:
    assert isinstance(_parse(line), c.NotACommand)


@pytest.mark.parametrize(
    ("line", "place", "note"),
    [
        ("met Ben yesterday abt the lease", None, "abt the lease"),
        ("met Ben about the lease at PyCon", "PyCon", "about the lease"),
        ("met Ben at PyCon about the lease, nice guy", "PyCon", "about the lease; nice guy"),
    ],
)
def test_what_a_meeting_was_about_is_its_note(line: str, place: str | None, note: str) -> None:
    result = _parse(line)
    assert isinstance(result, c.MetCommand)
    assert result.person.name == "Ben" and result.place == place and result.note == note


def test_an_interview_is_a_meeting() -> None:
    result = _parse("interviewed Ada Obi yesterday, great portfolio")
    assert isinstance(result, c.MetCommand)
    assert result.person.name == "Ada Obi" and result.note == "great portfolio"


def test_an_emoji_before_what_they_do_parts_it_like_a_comma() -> None:
    result = _parse("met Ada Obi 🎉 founder of a bakery chain")
    assert isinstance(result, c.MetCommand)
    assert result.person.name == "Ada Obi" and result.note == "founder of a bakery chain"


def test_a_german_reminder_with_the_verb_last() -> None:
    result = _parse("Bitte erinnere mich, Ben am Freitag anzuschreiben")
    assert isinstance(result, c.FollowUpCommand)
    assert result.person.name == "Ben" and result.when is not None and result.note is None


def test_an_hour_alone_right_after_tomorrow_is_the_time() -> None:
    result = _parse("follow up with ada tomorrow 10")
    assert isinstance(result, c.FollowUpCommand)
    assert result.at is not None and result.at.hour == 10


@pytest.mark.parametrize(
    "line",
    [
        "walked the dog with ben today, he's moving",
        "went for a run with Ben this am",
        "played squash with ben yesterday",
        "just had an intro cal with Ben today",
    ],
)
def test_time_spent_together_is_a_meeting(line: str) -> None:
    result = _parse(line)
    assert isinstance(result, c.MetCommand)
    assert result.person.name.lower() == "ben" and result.when is not None


def test_whats_on_my_plate_lists_the_follow_ups() -> None:
    assert isinstance(_parse("what's on my plate next week"), c.ListCommand)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Tomas's taken care of, sent him the intro", "give"),
        ("Ada is sorted - thanked her for the intro", "thank"),
        ("Tomas's taken care of", None),
    ],
)
def test_someone_taken_care_of_with_what_was_done(line: str, kind: str | None) -> None:
    result = parse_command(line, direct_message=True, known_names=["Tomas Berg", "Ada Lovelace"])
    assert isinstance(result, c.DoneCommand) and result.kind == kind
