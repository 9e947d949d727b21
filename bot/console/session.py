"""`netcoach try`: read a line, hand it to the core, print the reply; deliver what comes due.

Nudges and digests go through the very job functions the server's scheduler runs
(`bot.scheduler.jobs`), with a console notifier and a simulated clock.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO

from bot.bootstrap import Services
from bot.config import data_home
from bot.console.clock import ClockStepError, SimulatedClock, parse_step, save_offset
from bot.console.notifier import ConsoleNotifier
from bot.console.renderer import render
from bot.core.account import EXPORT_FILE
from bot.core.dates import zone
from bot.core.digest import CHART_FILE
from bot.core.messages import Action, Incoming, Reply
from bot.core.nudges import plan_nudges
from storage.records import MemberRecord

PLATFORM = "console"
WORKSPACE = "console"
CONVERSATION = "console"
# Stamped by the console's sweeps at simulated time; the server's own heartbeat stays honest.
CONSOLE_SWEEP_HEARTBEAT = "console-sweep"
WORKER = "console"
# Besides the planned moments, a `/clock` jump runs the jobs this often.
SAFETY_STEP = timedelta(hours=12)

BANNER = (
    "Network Coach — try it here. Type `help` for the commands, paste a draft to have it "
    "reviewed\n(a message of several lines: `/paste`, the message, then `/end`), `/clock +3d` to "
    "move time forward\n(nudges print as they come due), `/quit` to leave."
)
# Files this console saves for its member, deleted with them by `forget-me`.
SAVED_FILE_PATTERNS = (EXPORT_FILE, CHART_FILE)
PASTE_START = "/paste"
PASTE_END = "/end"
# Said once when input comes from a pipe, where there is no banner and each line is a message.
PIPED_HINT = (
    f"Reading messages from a pipe, one per line. For a draft of several lines, put "
    f"`{PASTE_START}` on a line before it and `{PASTE_END}` on a line after it: they go as one "
    "message."
)


def banner(clock: SimulatedClock) -> str:
    """The greeting; it says so when the simulated clock is not at the real time."""
    ahead = clock.offset
    if ahead < timedelta(minutes=1):
        return BANNER
    return (
        f"{BANNER}\nThe simulated clock is {_span(ahead)} ahead of real time, carried over from "
        "your last session: `/clock reset` brings it back to now."
    )


def _span(step: timedelta) -> str:
    days, hours = step.days, step.seconds // 3600
    if days and hours:
        return f"{days} {'day' if days == 1 else 'days'} {hours} h"
    if days:
        return f"{days} {'day' if days == 1 else 'days'}"
    return f"{hours} h" if hours else f"{step.seconds // 60} min"


@dataclass
class ConsoleUser:
    user_id: str
    display_name: str | None = None


class ConsoleSession:
    def __init__(
        self,
        services: Services,
        clock: SimulatedClock,
        user: ConsoleUser,
        out: TextIO,
        *,
        color: bool = False,
        echo: bool = False,
        files_dir: Path | None = None,
    ) -> None:
        self.services = services
        self.clock = clock
        self.user = user
        self.out = out
        self.color = color
        self.echo = echo
        self.files_dir = files_dir  # where files a reply carries are saved (default: data_home)
        self.choices: list[Action] = []
        # Lines of a message being pasted after `/paste`, sent as one message at `/end`.
        self._pasted: list[str] | None = None
        self.notifier = ConsoleNotifier(clock, self._show_notification)
        self._runner = asyncio.Runner()

    # --- output ----------------------------------------------------------------------------
    def _print(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def show(self, reply: Reply) -> None:
        rendered = render(reply, color=self.color, after=self.choices)
        self.choices = rendered.choices
        self._print(rendered.text)
        if reply.attachment is not None:
            content = reply.attachment.content.encode("utf-8")
            self._print(f"Saved: {self._save(reply.attachment.filename, content)}")
        if reply.image is not None:
            self._print(f"Chart saved: {self._save(reply.image.filename, reply.image.data)}")
        self._print()

    def _save(self, filename: str, content: bytes) -> Path:
        folder = self.files_dir or data_home() / "files"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / filename
        path.write_bytes(content)
        return path

    def _show_notification(self, header: str, reply: Reply) -> None:
        self._print(f"── {header} ──")
        self.show(reply)

    # --- time -------------------------------------------------------------------------------
    def deliver_due(self) -> int:
        """Run the scheduler's jobs once at the current simulated time; returns items sent."""
        from bot.scheduler.jobs import SweepScope, send_due_digests, sweep_nudges

        store = self.services.store
        # Only this console member's nudges and the console's own digest: a session sharing a
        # database with a server must never show or mark a Slack or Teams member's.
        scope = SweepScope(platforms=(PLATFORM,), member_id=self._member().id)

        async def both() -> int:
            sent = await sweep_nudges(
                store,
                self.notifier,
                self.clock,
                WORKER,
                heartbeat=CONSOLE_SWEEP_HEARTBEAT,
                scope=scope,
            )
            return sent + await send_due_digests(
                store, self.notifier, self.clock, platforms=(PLATFORM,), worker=WORKER
            )

        return self._runner.run(both())

    def advance(self, step: timedelta) -> int:
        """Move simulated time forward, delivering everything that comes due on the way.

        The jobs run at every moment something is planned (each pending nudge of this user, each
        digest slot) and, as a safety net for anything else (retries, catch-ups), every
        `SAFETY_STEP`, so a nudge prints at its own time without walking every minute.
        """
        start = self.clock.now()
        target = start + step
        sent = 0
        for at in self._stops(start, target):
            self.clock.freeze(at)
            sent += self.deliver_due()
        self.clock.settle(target)
        save_offset(self.services.store, self.clock)
        return sent

    def _stops(self, start: datetime, target: datetime) -> list[datetime]:
        from bot.scheduler.digest_schedule import slot_this_week

        stops = {target}
        at = _next_boundary(start, SAFETY_STEP)
        while at < target:
            stops.add(at)
            at += SAFETY_STEP
        store = self.services.store
        member = self._member()
        for follow_up in store.open_follow_ups(member.id):
            stops.update(nudge.send_at for nudge in plan_nudges(follow_up, member, start))
        for subscription in store.digest_subscriptions():
            if subscription.platform != PLATFORM or subscription.workspace_id != WORKSPACE:
                continue
            week = start
            while week <= target + timedelta(days=7):
                stops.add(slot_this_week(subscription, week).send_at)
                week += timedelta(days=7)
        return sorted(moment for moment in stops if start < moment <= target)

    def _clock_command(self, argument: str) -> None:
        member_zone = self._member_zone()
        if not argument:
            self._print(f"Simulated time: {self._format(self.clock.now(), member_zone)}.\n")
            return
        if argument.lower() == "reset":
            self._reset_clock()
            self._print(f"Clock reset: now {self._format(self.clock.now(), member_zone)}.\n")
            return
        try:
            step = parse_step(argument)
        except ClockStepError as error:
            self._print(f"{error}\n")
            return
        sent = self.advance(step)
        self._print(
            f"⏩ Now {self._format(self.clock.now(), member_zone)}; "
            f"{sent} {'message' if sent == 1 else 'messages'} delivered on the way.\n"
        )

    def _reset_clock(self) -> None:
        self.clock.settle(datetime.now(UTC))
        save_offset(self.services.store, self.clock)

    def _member(self) -> MemberRecord:
        return self.services.store.get_or_create_member(
            PLATFORM, WORKSPACE, self.user.user_id, self.user.display_name
        )

    def _member_zone(self) -> str:
        return self._member().timezone

    @staticmethod
    def _format(at: datetime, timezone_name: str) -> str:
        return f"{at.astimezone(zone(timezone_name)):%a %d %b %Y %H:%M} ({timezone_name})"

    # --- input -------------------------------------------------------------------------------
    def incoming(self, text: str) -> Incoming:
        return Incoming(
            platform=PLATFORM,
            workspace_id=WORKSPACE,
            user_id=self.user.user_id,
            conversation_id=CONVERSATION,
            text=text,
            is_direct_message=True,
            user_display_name=self.user.display_name,
        )

    def handle_line(self, line: str) -> bool:
        """Handle one typed line; False when the session should end."""
        if self._pasted is not None:
            return self._paste_line(line)
        text = line.strip()
        if text == PASTE_START:
            self._pasted = []
            self._print(f"Paste the message, then a line with only `{PASTE_END}`.\n")
            return True
        # A bare number presses a button shown since the last line (nudges that arrived together
        # number on from each other), never an older one.
        choices, self.choices = self.choices, []
        if self.echo and text:
            self._print(f"› {text}")
        if not text:
            self.choices = choices
            return True
        if text in {"/quit", "/exit"}:
            return False
        if text == "/clock" or text.startswith("/clock "):
            self._clock_command(text[len("/clock") :].strip())
            return True
        if text in {"/home", "home"}:
            self.show(self.services.coach.home(self.incoming("")))
            return True
        if text.isdigit() and choices:
            number = int(text)
            if not 1 <= number <= len(choices):
                self._print(f"Choose a number from 1 to {len(choices)}.\n")
                self.choices = choices
                return True
            text = choices[number - 1].command
            self._print(f"→ {text}")
        elif text.isdigit() and len(text) <= 2:
            self._print(
                "A number presses a button shown since your last line, and there is none.\n"
            )
            return True
        self._send(text)
        return True

    def _send(self, text: str) -> None:
        """One message to the coach, with what came due before and after it."""
        self.deliver_due()
        member_id = self._member().id
        self.show(self.services.coach.handle(self.incoming(text)))
        if self.services.store.get_member(member_id) is None:
            # forget-me went through: the simulated clock and the files saved for this member
            # (exports, charts) were part of what they had here.
            self._reset_clock()
            removed = self._remove_saved_files()
            if removed:
                self._print(f"I also deleted the {removed} file(s) I had saved for you.\n")
        self.deliver_due()

    def _remove_saved_files(self) -> int:
        folder = self.files_dir or data_home() / "files"
        saved = [
            path
            for pattern in SAVED_FILE_PATTERNS
            for path in (folder.glob(pattern) if folder.is_dir() else ())
        ]
        for path in saved:
            path.unlink(missing_ok=True)
        return len(saved)

    def _paste_line(self, line: str) -> bool:
        """One line of a pasted message; at `/end` the whole message goes as one."""
        assert self._pasted is not None
        if line.strip() != PASTE_END:
            self._pasted.append(line.rstrip("\n"))
            return True
        message, self._pasted = "\n".join(self._pasted).strip("\n"), None
        if not message.strip():
            self._print("Nothing was pasted.\n")
            return True
        if self.echo:
            self._print(f"› [{len(message.splitlines())} pasted lines]")
        self._send(message)
        return True

    def run(self, lines: Iterable[str]) -> int:
        try:
            self.deliver_due()
            for line in lines:
                if not self.handle_line(line):
                    break
        finally:
            self._runner.close()
        return 0


def _next_boundary(at: datetime, step: timedelta) -> datetime:
    """The next multiple of `step` after `at`, counted from midnight UTC."""
    epoch = datetime(2000, 1, 1, tzinfo=UTC)
    return epoch + ((at - epoch) // step + 1) * step
