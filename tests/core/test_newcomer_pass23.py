"""Pass 23: what two newcomer testers typed into the console, shown on invented lines of the
same families (not the testers' lines): several people in one `met` line, several people in one
`done`, commands told in a sentence, corrections of an earlier meeting, and a reason said after
a command."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.core import commands as c
from bot.core.dates import RelativeDays, WeekdaySpec
from bot.core.service import CoachService
from bot.core.several_commands import in_parts
from tests.core.conversation import WEDNESDAY, card_text, coach_on_wednesday, dm, names_met, say

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

NOW = WEDNESDAY


@pytest.fixture
def service(store: SqlStore, clock: FakeClock) -> CoachService:
    return coach_on_wednesday(store, clock)


# 1. Several people in one `met` line, each with their own aside and the shared place and day.
@pytest.mark.parametrize(
    ("line", "names", "place", "when"),
    [
        (
            "met lena vogt (head of risk, a neobank) and also omar diab from wise, both at the "
            "payments breakfast",
            ["lena vogt", "omar diab"],
            "the payments breakfast",
            None,
        ),
        (
            "met ana lima (stripe) and also tom berg from wise, both at the rust meetup yesterday",
            ["ana lima", "tom berg"],
            "the rust meetup",
            RelativeDays(-1),
        ),
        (
            "met kofi mensah gcp SE + rita costa from n26 both at devfest on mon",
            ["kofi mensah", "rita costa"],
            "devfest",
            WeekdaySpec(0),
        ),
        (
            "met Ana Lima ex-Google PM + Tom Berg from Wise at devfest friday",
            ["Ana Lima", "Tom Berg"],
            "devfest",
            WeekdaySpec(4),
        ),
        (
            "yesterday at the hack night met ivo petrov (plaid), mei wong (angel) and raj iyer "
            "from adyen",
            ["ivo petrov", "mei wong", "raj iyer"],
            "the hack night",
            RelativeDays(-1),
        ),
        (
            "great night! met ivo petrov (plaid), mei wong (angel) and raj iyer from adyen",
            ["ivo petrov", "mei wong", "raj iyer"],
            None,
            None,
        ),
        (
            "met Ines Berg at Nordic Climate Night, runs ESG at Maersk, and Jon Dahl (Norrsken VC)",
            ["Ines Berg", "Jon Dahl"],
            "Nordic Climate Night",
            None,
        ),
    ],
)
def test_each_person_met_is_read_with_the_shared_place_and_day(
    line: str, names: list[str], place: str | None, when: object
) -> None:
    result = dm(line)
    assert names_met(result) == names
    assert isinstance(result, c.MetCommand)
    assert result.place == place and result.when == when


@pytest.mark.parametrize(
    "line",
    [
        "met Jane Doe at the expo, she works at Stripe, and Google Cloud",
        "met Jane at PyCon, we talked about Rust, and Go",
        "met leo, stripe pm + ines from monzo at the meetup",
    ],
)
def test_a_description_with_and_is_no_second_person(line: str) -> None:
    result = dm(line)
    assert isinstance(result, c.MetCommand) and not result.others


def test_each_person_keeps_their_own_aside(service: CoachService) -> None:
    reply = say(service, "met kofi mensah gcp SE + rita costa from n26 both at devfest on mon")
    assert reply.text.count("Logged") == 2
    assert "gcp SE" in card_text(service, "kofi mensah") and "n26" not in card_text(service, "kofi")
    assert "n26" in card_text(service, "rita costa") and "devfest" in card_text(
        service, "rita costa"
    )
    reply = say(
        service,
        "met Ines Berg at Nordic Climate Night, runs ESG at Maersk, and Jon Dahl (Norrsken VC)",
    )
    assert reply.text.count("Logged") == 2
    assert "Jon" not in card_text(service, "Ines Berg") and "Norrsken" in card_text(
        service, "Jon Dahl"
    )


# 2. Several people in one `done`, with the kind and what was sent shared.
def test_several_people_done_share_the_kind_and_note() -> None:
    assert in_parts("done lena + omar both gave, sent them the launch invite") == [
        "done lena gave - sent them the launch invite",
        "done omar gave - sent them the launch invite",
    ]
    assert in_parts("done kai and lea thanked - sent flowers") == [
        "done kai thanked - sent flowers",
        "done lea thanked - sent flowers",
    ]
    assert in_parts("done nadia, sent a thank-you card") is None
    assert in_parts("done nadia and sent her the deck") is None


def test_several_people_done_are_each_marked(service: CoachService) -> None:
    say(service, "met Lena Vogt at the expo yesterday")
    say(service, "met Omar Diab at the expo yesterday")
    reply = say(service, "done lena + omar both gave, sent them the launch invite")
    assert reply.text.count("Done: follow-up") == 2
    assert "launch invite" in card_text(service, "Omar Diab")
    assert "omar" not in card_text(service, "Lena Vogt").lower()


# 3. Commands told in a sentence.
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "also got a linkedin request from kemal aydin who i met at devfest on monday, "
            "log him pls",
            c.MetCommand,
        ),
        ("bumped into an old friend, Tom Berg whom I met at PyCon - add him", c.MetCommand),
        ("sent Rita a note with the pricing one-pager, marking done", c.DoneCommand),
        ("emailed Jane Doe the deck, mark it done", c.DoneCommand),
        ("wait actually for kofi i also asked him for an intro, so gave AND asked", c.NoteCommand),
        ("for Dana Kim I also sent the intro deck", c.NoteCommand),
    ],
)
def test_a_command_told_in_a_sentence(line: str, expected: type) -> None:
    assert isinstance(dm(line), expected)


def test_a_touch_told_then_marked_done_keeps_what_was_sent() -> None:
    result = dm("sent Rita a note with the pricing one-pager, marking done")
    assert isinstance(result, c.DoneCommand) and result.target.name == "Rita"
    assert result.note is not None and "pricing one-pager" in result.note


def test_someone_met_told_in_passing_is_logged_where_and_when() -> None:
    result = dm(
        "also got a linkedin request from kemal aydin who i met at devfest on monday, log him pls"
    )
    assert isinstance(result, c.MetCommand)
    assert (result.person.name, result.place, result.when) == (
        "kemal aydin",
        "devfest",
        WeekdaySpec(0),
    )


def test_for_now_is_no_person() -> None:
    assert not isinstance(dm("for now I asked him to wait"), c.NoteCommand)


# 4. Corrections of an earlier meeting.
@pytest.mark.parametrize(
    "line", ["wait no kofi was monday not tuesday", "kofi was on monday, not tuesday"]
)
def test_a_meeting_day_put_right_with_the_name(line: str) -> None:
    result = dm(line)
    assert isinstance(result, c.MeetingDayCommand)
    assert result.person is not None and result.person.name == "kofi"
    assert result.right == WeekdaySpec(0)


def test_a_meeting_day_put_right_in_the_service(service: CoachService) -> None:
    say(service, "met Kofi Mensah at the expo on tuesday")
    reply = say(service, "wait no kofi was monday not tuesday")
    assert "Moved" in reply.text and "Mon 7 Dec" in reply.text


@pytest.mark.parametrize(
    "line",
    [
        "wait no, lena was at the fintech breakfast not the user group",
        "sorry it was at the rust meetup, not pycon",
        "actually met lena at the breakfast, not the user group",
    ],
)
def test_a_meeting_place_put_right_says_how_to_keep_it(line: str) -> None:
    result = dm(line)
    assert isinstance(result, c.ParseFailure) and "`note " in result.message


def test_a_new_meeting_said_with_not_is_still_logged() -> None:
    assert isinstance(dm("met ada at the bar not the pub"), c.MetCommand)


def test_a_slip_to_remove_is_an_undo(service: CoachService) -> None:
    assert isinstance(
        dm("oh sorry, that was Kofi Mensah from last year… remove that"), c.UndoCommand
    )
    say(service, "met Kofi at the expo")
    reply = say(service, "oops, that was the Kofi from last year - delete that")
    assert "Kofi" in reply.text and any("Delete" in a.label for a in reply.actions)


# 5. A reason said after a command: the command is run (snooze and keep-in-touch keep no note).
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("kofi - snooze to monday, hes in lisbon", c.SnoozeCommand),
        ("kofi: snooze till thursday, he's at a conference", c.SnoozeCommand),
        ("snooze kofi til wed, his assistant said hes out", c.SnoozeCommand),
        (
            "keep in touch with Lena Vogt monthly pls, she is key for our listing",
            c.KeepInTouchCommand,
        ),
    ],
)
def test_a_reason_after_a_command_leaves_the_command(line: str, expected: type) -> None:
    result = dm(line, ("Lena Vogt", "Kofi Mensah"))
    assert isinstance(result, expected), result
