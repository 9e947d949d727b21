"""General causes of the seventh writer's (E8) misses, each shown on fresh lines in no file."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core import commands as c
from bot.core.dates import resolve_future
from tests.core.fresh_lines import TODAY
from tests.core.fresh_lines import parse as _parse
from tests.core.fresh_lines import who as _who


@pytest.mark.parametrize(
    ("line", "kind", "day"),
    [
        ("Ada's at a wedding all week — snooze her reminder to the 21st", c.SnoozeCommand, 21),
        ("ben is on holiday, let's push him to 12/28", c.SnoozeCommand, 28),
        ("Rui went quiet after the offer. snooze him to the 17th", c.SnoozeCommand, 17),
    ],
)
def test_a_clause_naming_a_contact_says_whom_the_command_after_it_means(line, kind, day) -> None:
    result = _parse(line)
    assert isinstance(result, kind), result
    assert (
        _who(result.target.name)
        == {"a": "Ada Obi", "b": "Ben Cole", "r": "Rui Sá"}[line[0].lower()]
    )
    assert result.when is not None and resolve_future(result.when, TODAY) == date(2026, 12, day)


def test_a_clause_naming_a_contact_then_dropping_the_reminder_cancels_it() -> None:
    result = _parse("Ben took the other offer. drop the reminder")
    assert isinstance(result, c.CancelCommand), result
    assert _who(result.target.name) == "Ben Cole"


@pytest.mark.parametrize(
    "line",
    [
        "Ada Obi said she's busy, that's fine",  # no command after the clause
        "Ben and Ada were there, snooze her to friday",  # two contacts: whom does "her" mean?
        "my cousin is visiting, snooze her to friday",  # no contact named
    ],
)
def test_no_single_contact_or_no_command_after_the_clause_is_no_command(line) -> None:
    result = _parse(line)
    assert not isinstance(result, c.SnoozeCommand | c.CancelCommand), result


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Ada moved to a competitor, that's over. delete her", "Ada Obi"),
        ("Ben retired last year 🙏 please remove him from contacts", "Ben Cole"),
        ("Rui wants out of my CRM. Delete his contact please", "Rui Sá"),
    ],
)
def test_a_story_then_delete_him_or_her_deletes_whom_the_story_names(line, name) -> None:
    result = _parse(line)
    assert isinstance(result, c.DeleteContactCommand), result
    assert _who(result.person.name) == name


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("remind me what I know about Ada", "Ada Obi"),
        ("refresh my memory about ben cole before the interview", "Ben Cole"),
        ("pull up the card for Rui, meeting him at noon", "Rui Sá"),
        ("Ada Obi: what do I know about her?", "Ada Obi"),
        ("what was Ben's story again", "Ben Cole"),
    ],
)
def test_asking_to_be_reminded_about_someone_shows_their_card(line, name) -> None:
    result = _parse(line)
    assert isinstance(result, c.WhoCommand), result
    assert _who(result.person.name) == name


def test_a_courtesy_title_before_a_full_name_is_not_kept_in_a_follow_up() -> None:
    result = _parse("please set a follow-up for Mrs. Imani Bello on 14 Dec about the lease")
    assert isinstance(result, c.FollowUpCommand), result
    assert result.person.name == "Imani Bello"


@pytest.mark.parametrize(
    ("line", "topic"),
    [
        ("is there a way to mark a follow-up as finished?", "done"),
        ("how can I correct a name I typed wrong?", "rename"),
        ("what does the weekly digest do?", "digest"),
        ("wie funktioniert das mit der Statistik?", "stats"),
        ("paano mag-delete ng contact", "delete-contact"),
        ("i'm new here, what do i type", None),
    ],
)
def test_questions_about_a_command_get_its_help(line, topic) -> None:
    result = _parse(line)
    assert isinstance(result, c.HelpCommand), result
    assert result.topic == topic


def test_asking_what_the_digest_will_look_like_still_previews_it() -> None:
    assert isinstance(_parse("what does my digest look like?"), c.DigestPreviewCommand)


@pytest.mark.parametrize(
    ("line", "filter_"),
    [
        ("could I see all the reminders we've got, including the later ones?", "all"),
        ("send me the full list of follow-ups", "all"),
        ("who do I need to be pinging this week", None),
        ("who should i contact today", None),
    ],
)
def test_asking_for_everyone_due_or_the_full_list_lists_them(line, filter_) -> None:
    result = _parse(line)
    assert isinstance(result, c.ListCommand), result
    assert result.filter == filter_


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("moving to another CRM, need an export", c.ExportCommand),
        ("exportar todos mis datos", c.ExportCommand),
        ("data deletion request: delete all my data", c.ForgetMeCommand),
    ],
)
def test_asking_for_ones_data_or_its_erasure_in_passing(line, kind) -> None:
    assert isinstance(_parse(line), kind)


@pytest.mark.parametrize(
    ("line", "name", "note"),
    [
        ("FYI Ben prefers texts to calls", "Ben Cole", "prefers texts to calls"),
        ("ada is allergic to nuts, remember that for next time", "Ada Obi", "is allergic to nuts"),
        ("for the record Rui speaks Portuguese, save that", "Rui Sá", "speaks Portuguese"),
    ],
)
def test_words_that_hand_over_a_fact_are_not_part_of_the_note(line, name, note) -> None:
    result = _parse(line)
    assert isinstance(result, c.NoteCommand), result
    assert (_who(result.person.name), result.note) == (name, note)


def test_on_a_something_is_where_they_met_and_on_a_weekday_still_no_place() -> None:
    result = _parse("met Imani Bello on a webinar panel yesterday")
    assert isinstance(result, c.MetCommand), result
    assert result.place == "a webinar panel"
    on_a_day = _parse("met Imani Bello on a Monday")
    assert not (isinstance(on_a_day, c.MetCommand) and on_a_day.place)


@pytest.mark.parametrize(
    ("line", "name", "note"),
    [
        ("circle back with Imani Bello on logistics next week", "Imani Bello", "on logistics"),
        ("remind me to thank Ben Cole for lunch on friday", "Ben Cole", "thank for lunch"),
    ],
)
def test_a_lower_case_topic_after_a_name_is_the_note_not_part_of_the_name(line, name, note) -> None:
    result = _parse(line)
    assert isinstance(result, c.FollowUpCommand), result
    assert (_who(result.person.name), result.note) == (name, note)
    assert result.when is not None
