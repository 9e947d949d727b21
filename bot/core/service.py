"""`CoachService`: one `Incoming` in, one `Reply` out, for every channel.

Parsing is `bot.core.parser`; each command's behaviour lives in a small module
(`followups`, `reviews`, `account`, `reports`). This class only finds the member, picks the
handler and makes sure a failure on our side still gives the member a sentence back.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from bot.core import account, followups, reports, reviews
from bot.core import commands as c
from bot.core.context import Context, failure
from bot.core.dates import local_today
from bot.core.help import command_reply, overview_reply, unknown_command_reply
from bot.core.messages import Incoming, Reply
from bot.core.parser import parse_command
from bot.core.ports import Clock, Reviewer, Store

logger = logging.getLogger(__name__)

Handler = Callable[[Context, Any], Reply]

_HANDLERS: dict[type, Handler] = {
    c.MetCommand: followups.met,
    c.FollowUpCommand: followups.follow_up,
    c.ListCommand: followups.list_follow_ups,
    c.DoneCommand: followups.done,
    c.SnoozeCommand: followups.snooze,
    c.CancelCommand: followups.cancel,
    c.ReviewCommand: reviews.review,
    c.FeedbackCommand: reviews.feedback,
    c.StatsCommand: reports.stats,
    c.DigestHereCommand: reports.digest_here,
    c.DigestOffCommand: reports.digest_off,
    c.DigestPreviewCommand: reports.digest_preview,
    c.SettingsShowCommand: account.settings,
    c.SettingsTimezoneCommand: account.settings,
    c.SettingsHoursCommand: account.settings,
    c.SettingsToggleCommand: account.settings,
    c.ExportCommand: account.export,
    c.ForgetMeCommand: account.forget_me,
}

SORRY = (
    "Sorry — something went wrong on my side and I couldn't finish that. Nothing you typed was "
    "lost: please try again in a minute."
)
# For what will fail again however often it is tried (the store's ValueErrors say so).
CANNOT_DO = (
    "Sorry — I couldn't do that, and trying again won't help: part of it is something I can't "
    "store. Nothing was changed. Check the numbers and names in it; if it still fails, tell "
    "your workspace admin."
)


class CoachService:
    def __init__(self, store: Store, reviewer: Reviewer, clock: Clock) -> None:
        self.store = store
        self.reviewer = reviewer
        self.clock = clock

    def _context(self, incoming: Incoming) -> Context:
        member = self.store.get_or_create_member(
            incoming.platform,
            incoming.workspace_id,
            incoming.user_id,
            incoming.user_display_name,
        )
        now = self.clock.now()
        return Context(
            store=self.store,
            reviewer=self.reviewer,
            incoming=incoming,
            member=member,
            now=now,
            today=local_today(member.timezone, now),
        )

    def handle(self, incoming: Incoming) -> Reply:
        command = parse_command(incoming.text, direct_message=incoming.is_direct_message)
        if isinstance(command, c.HelpCommand):
            # Help needs no member row: a stranger asking for help leaves no trace.
            return _help(command)
        if isinstance(command, c.ParseFailure):
            return failure(command.message, command.topic)
        if isinstance(command, c.NotACommand):
            command = c.ReviewCommand(draft=command.text)
        return self._run(incoming, type(command).__name__, lambda ctx: _dispatch(ctx, command))

    def home(self, incoming: Incoming) -> Reply:
        return self._run(incoming, "home", reports.home)

    def _run(self, incoming: Incoming, what: str, action: Callable[[Context], Reply]) -> Reply:
        try:
            ctx = self._context(incoming)
            return action(ctx)
        except Exception as error:
            # Ids and the stack only: exception messages can carry the member's own words.
            logger.error(
                "%s failed (%s) for %s/%s/%s\n%s",
                what,
                type(error).__name__,
                incoming.platform,
                incoming.workspace_id,
                incoming.user_id,
                "".join(traceback.format_tb(error.__traceback__)),
            )
            return Reply(text=CANNOT_DO if isinstance(error, ValueError) else SORRY)


def _dispatch(ctx: Context, command: c.Command) -> Reply:
    return _HANDLERS[type(command)](ctx, command)


def _help(command: c.HelpCommand) -> Reply:
    if command.unknown is not None:
        return unknown_command_reply(command.unknown, command.suggestion)
    if command.topic is not None:
        return command_reply(command.topic)
    return overview_reply()
