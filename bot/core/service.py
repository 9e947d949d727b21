"""`CoachService`: one `Incoming` in, one `Reply` out, for every channel.

Parsing is `bot.core.parser`; each command's behaviour lives in a small module
(`followups`, `reviews`, `account`, `reports`). This class only finds the member, picks the
handler and makes sure a failure on our side still gives the member a sentence back.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from importlib import import_module
from typing import Any

from bot.core import (
    chat,
    flag_explained,
    intent_guess,
    ledger,
    list_window,
    pause_all,
    reports,
    reviews,
    which_answer,
)
from bot.core import commands as c
from bot.core.about_someone import offer_for, offer_reply
from bot.core.context import Context, failure
from bot.core.dates import DAYS_LOOK_LIKE, DateWordsError, local_today
from bot.core.followups import month_first, touch_just_done_without_kind
from bot.core.help import COMMAND_HELP, command_reply, overview_reply, unknown_command_reply
from bot.core.language import agrees_when_asked, chat_intent, help_topic, only_a_salutation
from bot.core.meeting_ahead import ahead_reply
from bot.core.messages import Incoming, Reply
from bot.core.parser import parse_command
from bot.core.ports import Clock, MessageSorter, Reviewer, Store
from bot.core.said_again import kind_put_right, touch_just_done
from bot.core.several_commands import run_parts, split_line
from storage.records import ContactRecord, FollowUpRecord, QuestionRecord

logger = logging.getLogger(__name__)

Handler = Callable[[Context, Any], Reply]


def _handler_table() -> dict[type, Handler]:
    """Each command type's handler, from the command specs in `bot.core.help`."""
    table: dict[type, Handler] = {}
    for spec in COMMAND_HELP:
        for command_type, path in spec.handles:
            module, _, function = path.partition(".")
            table[command_type] = getattr(import_module(f"bot.core.{module}"), function)
    return table


_HANDLERS = _handler_table()

# Results whose reading may change once the member's contacts are known.
_MAY_NAME_SOMEONE = (
    c.MetCommand,
    c.FollowUpCommand,
    c.SnoozeCommand,
    c.DoneCommand,
    c.CancelCommand,
    c.KeepInTouchCommand,
    c.WhoCommand,
    c.NoteCommand,
    c.RenameCommand,
    c.DeleteContactCommand,
    c.DeleteMeetingCommand,
    c.NotACommand,
    c.ParseFailure,
)


def _always_draft(text: str) -> str:
    return "draft"


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
    def __init__(
        self,
        store: Store,
        reviewer: Reviewer,
        clock: Clock,
        sorter: MessageSorter | None = None,
        admins: frozenset[str] = frozenset(),
    ) -> None:
        self.store = store
        # "platform:user id" of the members who may see workspace-wide feedback figures.
        self.admins = admins
        self.reviewer = reviewer
        self.clock = clock
        # Draft or chat for free text in a DM that is no command (`coach_rules.gate`).
        self.sorter: MessageSorter = sorter or _always_draft  # type: ignore[assignment]

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
            is_admin=is_admin(incoming, self.admins),
        )

    def handle(self, incoming: Incoming) -> Reply:
        # The question the last reply asked is in the store, so a "yes" that lands on another
        # server process still answers it; any message takes it, so only the next one can.
        question = self._take_question(incoming)
        chosen = self._chosen(incoming, question)  # "Kemi Ade" after "Which one?"
        both = None if chosen else self._in_parts(incoming, question)  # passes 19 and 22
        reply, command = chosen or both or self._answer(incoming, question)
        about = reply.about_contact_id
        if about is None and isinstance(command, _ABOUT_NOBODY):
            # Chat, help or a line not understood in between: "snooze her" still means her.
            about = _fresh_about(question, self.clock.now())
        if reply.on_yes or about is not None or reply.choices:
            self._ask(incoming, reply.on_yes, about, reply.choices)
        return reply

    def _chosen(
        self, incoming: Incoming, question: QuestionRecord | None
    ) -> tuple[Reply, c.Parsed] | None:
        """A typed answer to "Which one?" run as the choice it picks; None for any other line."""
        if question is None or not question.choices or not _fresh(question, self.clock.now()):
            return None
        run = which_answer.picked(incoming.text, question.choices)
        if run is None:
            return None
        return self._answer(replace(incoming, text=run), None)

    def _answer(
        self, incoming: Incoming, question: QuestionRecord | None
    ) -> tuple[Reply, c.Parsed]:
        pause = pause_all.read(incoming.text)  # "snooze all until 4/1": every follow-up
        if pause is not None:
            run = self._run(incoming, "PauseAll", lambda ctx: pause_all.answer(ctx, pause))
            return run, c.ChatCommand("ack")  # about nobody: "her" still means the last one
        command = parse_command(
            incoming.text, direct_message=incoming.is_direct_message, mentions=incoming.mentions
        )
        fresh = _fresh_about(question, self.clock.now())
        contacts: list[ContactRecord] | None = None  # read once, when the reading may need them
        referent: c.PersonRef | None = None
        if isinstance(command, _MAY_NAME_SOMEONE) or fresh is not None:
            # Read again knowing the member's contacts: "push the Omar reminder 2 days", and
            # whom the last reply was about: "snooze her".
            contacts = self._known_contacts(incoming)
            referent = _referent(question, contacts, self.clock.now())
            if contacts:
                command = parse_command(
                    incoming.text,
                    direct_message=incoming.is_direct_message,
                    known_names=[contact.name for contact in contacts]
                    + self._previous_names(incoming),
                    mentions=incoming.mentions,
                    referent=referent,
                )
        declined = chat_intent(incoming.text) == "no" or chat.holds_back(incoming.text)
        if question is not None and question.on_yes and declined:
            # "cancel that" answers "Delete Kai?"; it names no follow-up to cancel.
            return Reply(text=chat.NOTHING_CHANGED), c.ChatCommand("no")
        if isinstance(command, c.ChatCommand) and question is not None and question.on_yes:
            if command.intent == "yes" or agrees_when_asked(incoming.text):
                if not _fresh(question, self.clock.now()):
                    return Reply(text=chat.EXPIRED_QUESTION), command
                return self._answer(replace(incoming, text=question.on_yes), None)
            if command.intent == "no":
                return Reply(text=chat.NOTHING_CHANGED), command
        kind = ledger.kind_answered(incoming.text) if fresh is not None else None
        bare_yes = isinstance(command, c.ChatCommand) and command.intent == "yes"
        if fresh is not None and (kind is not None or bare_yes):
            # An answer to "Was it a give, an ask or a thank-you?": "it was a give" records it;
            # a bare "yes" is asked which, with the buttons.
            asked = self._touch_without_kind(incoming, fresh)
            if asked is not None and kind is not None:
                done = ledger.done_command(asked, kind)
                return self._answer(replace(incoming, text=done), None)
            if asked is not None:
                return ledger.kind_question(asked), command
        put_right = kind_put_right(incoming.text) if fresh is not None else None
        if fresh is not None and put_right is not None:  # pass 22: "wait no, that was an ask"
            touch = touch_just_done(self._context(incoming), fresh)
            if touch is not None:
                done = ledger.done_command(touch, put_right)
                return self._answer(replace(incoming, text=done), None)
        if isinstance(command, _MAY_SAY_SENT) and chat.says_it_was_sent(incoming.text):
            return self._sent(incoming, fresh), command
        if isinstance(command, _MAY_ASK_HOW_TO_FIX) and chat.asks_how_to_fix(incoming.text):
            return self._about_last_review(
                incoming, reviews.fix_reply, chat.NO_REVIEW_TO_FIX
            ), command
        phrase = flag_explained.phrase_asked(incoming.text)
        if phrase is not None:  # `why did you flag "with 14 months"?`
            return self._about_last_review(
                incoming, lambda ctx: flag_explained.explain(ctx, phrase), chat.NO_REVIEW_TO_JUDGE
            ), command
        if isinstance(command, _MAY_ASK_HOW_TO_FIX) and chat.disputes_the_flag(incoming.text):
            return self._disputed(incoming), command
        if isinstance(command, _MAY_ASK_HOW_TO_FIX) and chat.will_rewrite(incoming.text):
            return Reply(text=chat.REWRITE_WELCOME), command
        if isinstance(command, _MAY_ASK_HOW_TO_FIX) and chat.asks_for_a_verdict(incoming.text):
            return (
                self._about_last_review(incoming, reviews.verdict_reply, chat.NO_REVIEW_TO_JUDGE),
                command,
            )
        if isinstance(command, c.HelpCommand):
            # Help needs no member row: a stranger asking for help leaves no trace.
            return _help(command), command
        if isinstance(command, c.ChatCommand):
            return chat.answer(command.intent, incoming.platform), command
        if isinstance(command, c.ParseFailure):
            return failure(command.message, command.topic), command
        if isinstance(command, c.NotACommand) and command.ahead is not None:
            ahead = command.ahead  # "I'm meeting Tom on Thursday": nothing to log yet
            return self._run(
                incoming,
                "MeetingAhead",
                lambda ctx: ahead_reply(ahead, ctx.today, month_first=month_first(ctx)),
            ), command
        if isinstance(command, c.NotACommand):
            # Long text is a draft: too much for small talk, and for an "is this a draft?" button
            # to carry back (Slack button values hold 2,000 characters).
            long_text = len(command.text) > chat.LONGEST_CHAT_CHARS
            if only_a_salutation(command.text):
                # "Hi Rahul," alone: a message that arrived in pieces, not a draft to score.
                return Reply(text=chat.ONLY_A_GREETING), command
            kind = "draft" if long_text else self.sorter(command.text)
            if kind != "draft" and contacts is None:
                contacts = self._known_contacts(incoming)
            names = [contact.name for contact in contacts or ()]
            if kind != "draft" and referent is not None and chat.tells_of_a_touch(command.text):
                told = self._touch_told(incoming, referent)
                if told is not None:
                    # "sent him the article I mentioned": a follow-up with the conversation's
                    # contact, offered to mark done (never marked unasked).
                    return told, command
            # What the rules gave up on, read by the learned guess ("I don't need a reminder for
            # Jose" → a button to cancel it); a draft is reviewed as before, unguessed.
            guessed = intent_guess.guessed_offer(command.text, names) if kind != "draft" else None
            if guessed is not None and guessed.guess.command not in _MEETING_OR_FOLLOW_UP:
                return intent_guess.guessed_reply(command.text, guessed), command
            offer = offer_for(command.text, names) if kind != "draft" else None
            if offer is not None:
                # "FaceTimed with Hugo Blanc this morning": no command, but a meeting to offer.
                return offer_reply(command.text, offer), command
            if guessed is not None:
                # A meeting or follow-up with a contact the line names, which the rules' offer
                # did not read: led by the guessed one.
                return intent_guess.guessed_reply(command.text, guessed), command
            if kind == "chat":
                if not chat.names_a_contact(command.text, names):
                    return _chat_reply(command.text), command
                # "Jane Doe again at the afterparty": chat that names a contact may be about
                # them, so it is asked about rather than answered with a stock line.
                kind = "unclear"
            if kind == "unclear":
                return chat.unclear(command.text, names), command
            command = c.ReviewCommand(draft=command.text)
        if isinstance(command, c.ListCommand) and command.filter is None:
            # "who should I follow up with today?" read as `list`: today's, not everything.
            window = list_window.asked_window(incoming.text)
            command = replace(command, filter=window) if window else command
        ran = command
        return self._run(incoming, type(ran).__name__, lambda ctx: _dispatch(ctx, ran)), ran

    def _in_parts(
        self, incoming: Incoming, question: QuestionRecord | None
    ) -> tuple[Reply, c.Parsed] | None:
        """Each command of a line that joins several (`several_commands.split_line`, passes 19
        and 22); None for a line of one command."""
        split = split_line(incoming.text)
        if split is None:
            return None
        names = [contact.name for contact in self._known_contacts(incoming)]
        return run_parts(
            split,
            lambda text: parse_command(
                text, direct_message=incoming.is_direct_message, known_names=names
            ),
            lambda text, first: self._answer(
                replace(incoming, text=text), question if first else None
            ),
            whole=incoming.text,
        )

    def _about_last_review(
        self, incoming: Incoming, answer: Callable[[Context], Reply | None], without: str
    ) -> Reply:
        """ "how do I fix it?", "too salesy?": answered from the last review, else `without`."""
        try:
            said = answer(self._context(incoming))
        except Exception:
            logger.error(
                "reading the last review failed for %s/%s", incoming.platform, incoming.user_id
            )
            said = None
        return said or Reply(text=without)

    def _disputed(self, incoming: Incoming) -> Reply:
        """ "wrong flag" in words: the last review, if it flagged the draft, is marked as the
        "Wrong flag" button would mark it."""
        try:
            last = reviews.recent_review(self._context(incoming))
        except Exception:
            logger.error(
                "reading the last review failed for %s/%s", incoming.platform, incoming.user_id
            )
            last = None
        if last is None or not last.flagged:
            return Reply(text=chat.NO_FLAG_TO_DISPUTE)
        return self._answer(replace(incoming, text=f"feedback {last.id} wrong-flag"), None)[0]

    def _sent(self, incoming: Incoming, contact_id: int | None) -> Reply:
        """ "sent it" after a review of a draft to a contact: their next open follow-up is done
        (with the kind the review suggested); otherwise a word on how to mark one."""
        if contact_id is None:
            return Reply(text=chat.SENT_WITHOUT_A_REVIEW)
        try:
            ctx = self._context(incoming)
            first = _next_open_follow_up(ctx, contact_id)
            # Only the follow-up a review just offered to close ("Sent it? Mark follow-up #1
            # done"): a second "sent it" must not close the next touch.
            kind = ctx.store.touch_kind(ctx.member.id, first.id) if first else None
        except Exception:
            logger.error(
                "reading open follow-ups failed for %s/%s", incoming.platform, incoming.user_id
            )
            return Reply(text=chat.SENT_WITHOUT_A_REVIEW)
        if first is None or kind is None:
            return Reply(text=chat.SENT_WITHOUT_A_REVIEW)
        return self._answer(replace(incoming, text=f"done #{first.id}"), None)[0]

    def _touch_told(self, incoming: Incoming, referent: c.PersonRef) -> Reply | None:
        """The offer to mark the referent's next open follow-up done, or None without one."""
        if referent.contact_id is None:
            return None
        try:
            first = _next_open_follow_up(self._context(incoming), referent.contact_id)
        except Exception:
            logger.error(
                "reading open follow-ups failed for %s/%s", incoming.platform, incoming.user_id
            )
            return None
        if first is None:
            return None
        return chat.touch_offer(referent.name, first.id, ledger.kind_in(incoming.text))

    def _touch_without_kind(self, incoming: Incoming, contact_id: int) -> int | None:
        """The touch with this contact just marked done whose kind the coach asked for."""
        try:
            ctx = self._context(incoming)
            just_done = touch_just_done_without_kind(ctx, contact_id)
        except Exception:
            logger.error(
                "reading closed follow-ups failed for %s/%s", incoming.platform, incoming.user_id
            )
            return None
        return just_done.id if just_done is not None else None

    def _known_contacts(self, incoming: Incoming) -> list[ContactRecord]:
        try:
            ctx = self._context(incoming)
            return self.store.contacts(ctx.member.id)
        except Exception:
            logger.error(
                "reading contact names failed for %s/%s", incoming.platform, incoming.user_id
            )
            return []

    def _previous_names(self, incoming: Incoming) -> list[str]:
        """Names contacts had before a rename: "done <old name>" still names them."""
        try:
            return self.store.member_previous_names(self._context(incoming).member.id)
        except Exception:
            logger.error(
                "reading previous names failed for %s/%s", incoming.platform, incoming.user_id
            )
            return []

    def _take_question(self, incoming: Incoming) -> QuestionRecord | None:
        try:
            return self.store.take_question(
                incoming.platform, incoming.workspace_id, incoming.user_id
            )
        except Exception:
            # Read as if nothing was asked: a "yes" then gets a friendly line, nothing runs.
            logger.error(
                "taking the pending question failed for %s/%s", incoming.platform, incoming.user_id
            )
            return None

    def _ask(
        self,
        incoming: Incoming,
        on_yes: str | None,
        about_contact_id: int | None,
        choices: tuple[tuple[str, str], ...] = (),
    ) -> None:
        try:
            self.store.ask_question(
                incoming.platform,
                incoming.workspace_id,
                incoming.user_id,
                on_yes,
                self.clock.now(),
                about_contact_id,
                choices,
            )
        except Exception:
            # The reply's buttons still work; only a typed "yes" will not find the question.
            logger.error(
                "storing the pending question failed for %s/%s", incoming.platform, incoming.user_id
            )

    def home(self, incoming: Incoming) -> Reply:
        return self._run(incoming, "home", reports.home)

    def _run(self, incoming: Incoming, what: str, action: Callable[[Context], Reply]) -> Reply:
        try:
            ctx = self._context(incoming)
            return action(ctx)
        except DateWordsError as error:
            # A day that reads as a date but is none ("31/02"), found only when it is resolved.
            return failure(f"I couldn't use that date: {error}. Nothing changed. {DAYS_LOOK_LIKE}")
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


def is_admin(incoming: Incoming, admins: frozenset[str]) -> bool:
    """Admins are named in `NETCOACH_ADMINS`; at the console the person at the terminal already
    holds the whole database, so its member is one too."""
    return incoming.platform == "console" or f"{incoming.platform}:{incoming.user_id}" in admins


# What "how do I fix it?" or "too salesy?" may have been read as before it is known to be about
# the last review.
_MAY_ASK_HOW_TO_FIX = (c.ChatCommand, c.HelpCommand, c.NotACommand)
# What "sent it!" may have been read as ("done, sent it to him" is a `done` without a name).
_MAY_SAY_SENT = (c.ChatCommand, c.NotACommand, c.ParseFailure)
# Guesses the rules' own offer (`about_someone.offer_for`) reads better when it reads the line.
_MEETING_OR_FOLLOW_UP = frozenset({"met", "follow-up"})
# Replies that act on nobody: the contact of the conversation stays what it was.
_ABOUT_NOBODY = (c.ChatCommand, c.HelpCommand, c.ParseFailure, c.NotACommand, c.ReviewCommand)


def _fresh(question: QuestionRecord, now: datetime) -> bool:
    """Whether the last reply's question is still waiting for its answer."""
    return chat.still_fresh(question.asked_at, now)


def _fresh_about(question: QuestionRecord | None, now: datetime) -> int | None:
    """The contact the last reply was about, while the conversation is fresh."""
    if question is None or not _fresh(question, now):
        return None
    return question.about_contact_id


def _referent(
    question: QuestionRecord | None, contacts: list[ContactRecord], now: datetime
) -> c.PersonRef | None:
    """The contact the last reply was about, as the parser reads "her" and "that"."""
    about = _fresh_about(question, now)
    for contact in contacts:
        if contact.id == about:
            return c.PersonRef(name=contact.name, contact_id=contact.id)
    return None


def _next_open_follow_up(ctx: Context, contact_id: int) -> FollowUpRecord | None:
    """The contact's open follow-up due first (the store lists them by due day, then id)."""
    theirs = ctx.store.open_follow_ups_for_contact(ctx.member.id, contact_id)
    return theirs[0] if theirs else None


# What a part of a two-command line must not read as for it to be run on its own.
def _dispatch(ctx: Context, command: c.Command) -> Reply:
    return _HANDLERS[type(command)](ctx, command)


def _chat_reply(text: str) -> Reply:
    """Chat the parser did not place: a question about the bot gets help, the rest a friendly
    line that says what the bot is for."""
    question, topic = help_topic(text)
    if question or text.rstrip().endswith("?"):
        return command_reply(topic) if topic else overview_reply()
    return chat.answer("smalltalk")


def _help(command: c.HelpCommand) -> Reply:
    if command.unknown is not None:
        return unknown_command_reply(command.unknown, command.suggestion)
    if command.topic is not None:
        return command_reply(command.topic)
    return overview_reply()
