"""The console in-process: rendering, simulated time, nudges and digests as they come due."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bot.bootstrap import bootstrap
from bot.config import Settings
from bot.console.clock import ClockStepError, SimulatedClock, load_offset, parse_step
from bot.console.renderer import render
from bot.console.session import CONSOLE_SWEEP_HEARTBEAT, ConsoleSession, ConsoleUser, banner
from bot.core.messages import Action, Field, Reply, Section
from bot.scheduler.jobs import SWEEP_HEARTBEAT
from coach_rules.review import Review

if TYPE_CHECKING:
    from storage.store import SqlStore

MONDAY_8AM = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def test_render_numbers_every_button_in_order() -> None:
    reply = Reply(
        text="**Hello** there",
        sections=(
            Section(
                "#1 Jane",
                fields=(Field("Note", "deck"),),
                actions=(Action("Done", "done #1"),),
            ),
        ),
        actions=(Action("Help", "help"),),
    )
    rendered = render(reply)
    assert rendered.text.splitlines()[0] == "Hello there"
    assert "[1] Done → done #1" in rendered.text
    assert "[2] Help → help" in rendered.text
    assert "Note  deck" in rendered.text
    assert [a.command for a in rendered.choices] == ["done #1", "help"]
    assert "\x1b[1mHello\x1b[0m" in render(reply, color=True).text


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("+3d", timedelta(days=3)),
        ("+12h", timedelta(hours=12)),
        ("+ 90 minutes", timedelta(minutes=90)),
        ("+2w", timedelta(weeks=2)),
    ],
)
def test_clock_steps(text: str, step: timedelta) -> None:
    assert parse_step(text) == step


@pytest.mark.parametrize("text", ["3d", "-1d", "+d", "+400d", "tomorrow"])
def test_bad_clock_steps_explain_the_form(text: str) -> None:
    with pytest.raises(ClockStepError, match=r"/clock|at most a year"):
        parse_step(text)


class Console:
    def __init__(self, store: SqlStore) -> None:
        self.clock = SimulatedClock()
        self.clock.settle(MONDAY_8AM)
        store.clock = self.clock
        self.out = io.StringIO()
        services = bootstrap(
            Settings(database_url="sqlite://"),
            store=store,
            clock=self.clock,
            reviewer=lambda text: Review(flagged=False, score=90, probability=0.1),
        )
        self.session = ConsoleSession(services, self.clock, ConsoleUser("ada"), self.out)

    def type(self, *lines: str) -> str:
        start = self.out.tell()
        for line in lines:
            assert self.session.handle_line(line)
        self.out.seek(start)
        return self.out.read()


@pytest.fixture
def console(store: SqlStore) -> Console:
    return Console(store)


def test_clock_jump_delivers_each_nudge_once_at_its_time(console: Console) -> None:
    console.type("met Jane Doe at PyCon")
    shown = console.type("/clock +4d")
    assert "nudge · Thu 05 Mar 09:00 UTC" in shown
    assert "Time to follow up with Jane Doe" in shown
    assert "1 message delivered" in shown
    # Nothing is sent twice: one overdue nudge on Friday 6 March, the working day after the
    # due day; the day-9 last chance comes on Wednesday 11 March.
    shown = console.type("/clock +4d")
    assert shown.count("nudge ·") == 1 and "nudge · Fri 06 Mar 09:00 UTC" in shown
    assert "overdue" in shown
    shown = console.type("/clock +2d")
    assert "nudge · Wed 11 Mar 09:00 UTC" in shown
    assert "Last chance" in shown


def test_console_sweeps_never_pass_for_the_servers_scheduler(
    console: Console, store: SqlStore
) -> None:
    console.type("met Jane Doe", "/clock +4d")
    assert store.heartbeat(CONSOLE_SWEEP_HEARTBEAT) is not None
    assert store.heartbeat(SWEEP_HEARTBEAT) is None


def test_number_clicks_the_nudge_button(console: Console) -> None:
    console.type("met Jane Doe")
    nudge = console.type("/clock +4d")
    assert "Gave" in nudge and "Asked" in nudge and "Thanked" in nudge
    store = console.session.services.store
    member = console.session._member().id
    [follow_up] = store.open_follow_ups(member)
    shown = console.type("2")
    assert f"→ done #{follow_up.id} asked" in shown
    assert "second touch" in shown and "Recorded as an ask." in shown
    assert store.touch_kind(member, follow_up.id) == ("ask", "chosen")


def test_digest_prints_once_per_week(console: Console) -> None:
    console.type("digest here monday 09:00")
    first = console.type("/clock +7d")  # Monday 08:00 to the next Monday 08:00
    assert first.count("digest for console") == 1
    assert "digest for console · Mon 02 Mar 09:00 UTC" in first
    second = console.type("/clock +1d")
    assert second.count("digest for console") == 1
    assert "Mon 09 Mar 09:00" in second
    assert console.type("/clock +5d").count("digest for console") == 0


def test_clock_offset_is_kept_in_the_database(console: Console, store: SqlStore) -> None:
    console.type("/clock +3d")
    assert abs(load_offset(store) - console.clock.offset) < timedelta(seconds=1)
    assert abs(console.clock.now() - (MONDAY_8AM + timedelta(days=3))) < timedelta(seconds=5)


def test_clock_without_argument_shows_the_time_and_bad_steps_explain(console: Console) -> None:
    assert "Simulated time: Mon 02 Mar 2026 08:00 (UTC)" in console.type("/clock")
    assert "/clock +3d" in console.type("/clock soon")


def test_out_of_range_choice_number(console: Console) -> None:
    console.type("met Jane")
    assert "Choose a number from 1 to 3" in console.type("9")


def test_bad_input_is_answered_and_the_session_goes_on(console: Console) -> None:
    shown = console.type("snoze", "done", "met Jane on 31 February", "x" * 50_000, "help met")
    assert "Did you mean `snooze`?" in shown
    assert "Tell me who" in shown
    assert "that date does not exist" in shown
    assert "40,000" in shown  # the huge paste was refused as a draft, with the limit
    assert "met — Log a meeting" in shown


def test_quit_ends_the_session(console: Console) -> None:
    assert console.session.handle_line("/quit") is False


def test_clock_reset_brings_simulated_time_back_to_now(console: Console, store: SqlStore) -> None:
    console.type("/clock +3d")
    shown = console.type("/clock reset")
    assert "Clock reset" in shown
    assert abs(console.clock.now() - datetime.now(UTC)) < timedelta(seconds=5)
    assert abs(load_offset(store)) < timedelta(seconds=5)


def test_banner_names_a_simulated_clock_that_is_ahead() -> None:
    assert "ahead" not in banner(SimulatedClock())
    ahead = banner(SimulatedClock(offset=timedelta(days=3, hours=2)))
    assert "3 days 2 h ahead of real time" in ahead
    assert "/clock reset" in ahead


def test_a_number_never_presses_a_button_of_an_older_reply(console: Console) -> None:
    console.type("met Jane Doe")  # a reply with Done / Snooze / Cancel buttons
    console.type("/clock +1h")  # prints a line of its own, with no buttons
    shown = console.type("1")
    assert "done #" not in shown
    assert "there is none" in shown
    assert len(console.session.services.store.open_follow_ups(console.session._member().id)) == 1


def test_forget_me_resets_the_simulated_clock(console: Console, store: SqlStore) -> None:
    console.type("met Jane Doe", "/clock +3d")
    console.type("forget-me confirm")
    assert abs(load_offset(store)) < timedelta(seconds=5)


def test_forget_me_deletes_the_files_saved_for_the_member(console: Console, tmp_path: Path) -> None:
    """A tester's export, with every contact, stayed on disk after forget-me."""
    files = tmp_path / "files"
    files.mkdir()
    console.session.files_dir = files
    (files / "notes-of-my-own.txt").write_text("kept", encoding="utf-8")
    console.type("met Jane Doe", "export")
    assert len(list(files.glob("network-coach-export-*.json"))) == 1
    shown = console.type("forget-me confirm")
    assert "I also deleted the 1 file(s) I had saved for you." in shown
    assert [path.name for path in files.iterdir()] == ["notes-of-my-own.txt"]


def test_a_pasted_message_of_several_lines_is_reviewed_whole(store: SqlStore) -> None:
    reviewed: list[str] = []

    def reviewer(text: str) -> Review:
        reviewed.append(text)
        return Review(flagged=False, score=90, probability=0.1)

    clock = SimulatedClock()
    clock.settle(MONDAY_8AM)
    store.clock = clock
    services = bootstrap(
        Settings(database_url="sqlite://"), store=store, clock=clock, reviewer=reviewer
    )
    out = io.StringIO()
    session = ConsoleSession(services, clock, ConsoleUser("ada"), out)
    lines = [
        "/paste",
        "Hi Lin,",
        "",
        "Here is the deck from Tuesday's panel.",
        "Best,",
        "Ada",
        "/end",
    ]
    for line in lines:
        assert session.handle_line(line)
    assert reviewed == ["Hi Lin,\n\nHere is the deck from Tuesday's panel.\nBest,\nAda"]
    assert "Paste the message, then a line with only `/end`." in out.getvalue()


def test_a_greeting_line_alone_is_not_reviewed(console: Console) -> None:
    shown = console.type("Hi Rahul,")
    assert "That's only the greeting of a message." in shown
    assert "value-first score" not in shown


def test_nudges_that_arrive_together_number_their_buttons_on(console: Console) -> None:
    console.type("met Jane Doe", "met Omar Haddad")
    shown = console.type("/clock +4d")  # both follow-ups come due in one sweep
    assert shown.count("[1] ") == 1, shown
    store = console.session.services.store
    member = console.session._member().id
    jane, omar = sorted(store.open_follow_ups(member), key=lambda f: f.contact_name)
    numbers = {
        choice.command: number
        for number, choice in enumerate(console.session.choices, start=1)
        if choice.command.startswith("done #") and choice.command.endswith(" gave")
    }
    pressed = console.type(str(numbers[f"done #{jane.id} gave"]))
    assert f"→ done #{jane.id} gave" in pressed
    assert [f.id for f in store.open_follow_ups(member) if f.touch == 1] == [omar.id]
