"""Typed commands the parser produces and the service runs. Plain data, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from typing import Literal

from bot.core.dates import DateOrder, DaySpec
from bot.core.ledger import TouchKind


@dataclass(frozen=True)
class PersonRef:
    """Who a command is about: a free-text name, a platform mention, or a follow-up id (`#12`)."""

    name: str
    mention: str | None = None  # platform user id of a mention (`Incoming.mentions`)
    follow_up_id: int | None = None
    # `contact#12`: one contact among several with the same name (the "Which one?" buttons).
    contact_id: int | None = None

    @property
    def lookup_key(self) -> str:
        return self.mention or self.name


@dataclass(frozen=True)
class HelpCommand:
    topic: str | None = None
    # Set when the user typed a command we do not know; the reply suggests `suggestion`.
    unknown: str | None = None
    suggestion: str | None = None


@dataclass(frozen=True)
class MetCommand:
    person: PersonRef
    place: str | None = None
    when: DaySpec | None = None
    note: str | None = None
    # A contact of that name exists: None asks "Another Sam?", True makes a new contact, False
    # logs the meeting with the existing one.
    new_person: bool | None = None
    # Met together with the person: "met mike and anna at the offsite".
    others: tuple[PersonRef, ...] = ()
    # The day the member asked to follow up ("…, follow up Thursday"); None: the default.
    follow_up_on: DaySpec | None = None
    # Met where and when the last meeting was logged ("and Tom from stripe too", "met Carla
    # there"): the handler takes the place and day of the member's last logged meeting.
    as_before: bool = False


@dataclass(frozen=True)
class FollowUpCommand:
    person: PersonRef
    when: DaySpec | None = None
    note: str | None = None
    # Keep it even though the 10-day window has closed (offered by a button when it has).
    late: bool = False
    # Free text with no date and no dash: the words could be "name" or "name note". The service
    # splits them at the longest prefix that names a known contact.
    unsplit_words: tuple[str, ...] = ()
    # A time of day the member named ("tomorrow at 3pm"); nudges keep to working hours, so the
    # reply says so rather than dropping it silently.
    at: time | None = None


@dataclass(frozen=True)
class ListCommand:
    filter: Literal["overdue", "all", "today", "week"] | None = None


@dataclass(frozen=True)
class DoneCommand:
    target: PersonRef
    # Confirmed by the member although the touch is not due yet.
    early: bool = False
    # What the touch was, when the member said (the Gave / Asked / Thanked buttons, "done
    # Jane, gave her the article"); None: the kind suggested from a reviewed draft, if any.
    kind: TouchKind | None = None
    # The rest of what the member said about the touch ("done elena gave, sent her the comp
    # prep questions"): kept as a note on the contact.
    note: str | None = None


@dataclass(frozen=True)
class SnoozeCommand:
    target: PersonRef
    days: int | None = None
    when: DaySpec | None = None  # "snooze Dana until Monday"


@dataclass(frozen=True)
class KeepInTouchCommand:
    person: PersonRef
    # A key of `bot.core.rules.CADENCE_MONTHS`, or "off"; None: the reply asks how often.
    every: str | None = None


@dataclass(frozen=True)
class WhoCommand:
    person: PersonRef


@dataclass(frozen=True)
class NoteCommand:
    person: PersonRef
    note: str


@dataclass(frozen=True)
class DeleteNoteCommand:
    """ "delete-note Priya", "remove the last note on Priya": her newest note line, not her."""

    person: PersonRef


@dataclass(frozen=True)
class RenameCommand:
    person: PersonRef
    new_name: str


@dataclass(frozen=True)
class DeleteContactCommand:
    person: PersonRef
    confirmed: bool = False


@dataclass(frozen=True)
class DeleteMeetingCommand:
    """Remove the newest meeting with a person, logged by mistake (asks first)."""

    person: PersonRef
    confirmed: bool = False


@dataclass(frozen=True)
class MergeContactsCommand:
    keep: PersonRef
    other: PersonRef


@dataclass(frozen=True)
class EventCommand:
    """Plan an event, or show or change one: `event PyCon Berlin on 14 Mar [goal 3]`."""

    name: str
    when: DaySpec | None = None
    goal: int | None = None


@dataclass(frozen=True)
class EventsCommand:
    """Every planned event with its Rule of Two progress."""


ChatIntent = Literal[
    "thanks", "greeting", "yes", "no", "bye", "ack", "smalltalk", "feedback", "draft-to-come"
]


@dataclass(frozen=True)
class ChatCommand:
    """Chat addressed to the coach: thanks, greetings, yes/no, bye, "makes sense", small talk,
    feedback, a draft still to come."""

    intent: ChatIntent


@dataclass(frozen=True)
class CancelCommand:
    target: PersonRef


@dataclass(frozen=True)
class ReviewCommand:
    draft: str


@dataclass(frozen=True)
class StatsCommand:
    period: Literal["week", "month"] = "week"


@dataclass(frozen=True)
class DigestHereCommand:
    weekday: int | None = None
    at: time | None = None


@dataclass(frozen=True)
class DigestOffCommand:
    pass


@dataclass(frozen=True)
class DigestPreviewCommand:
    pass


@dataclass(frozen=True)
class SettingsShowCommand:
    pass


@dataclass(frozen=True)
class SettingsTimezoneCommand:
    zone: str


@dataclass(frozen=True)
class SettingsHoursCommand:
    start: time
    end: time


@dataclass(frozen=True)
class SettingsDateOrderCommand:
    order: DateOrder


@dataclass(frozen=True)
class SettingsToggleCommand:
    setting: Literal["shoutouts", "store-drafts"]
    on: bool


@dataclass(frozen=True)
class ExportCommand:
    pass


@dataclass(frozen=True)
class ContactsCommand:
    """Everyone the member has logged: `contacts`, "who have I met?"; `place`: only those met
    there ("who did I meet at PyCon?")."""

    place: str | None = None


@dataclass(frozen=True)
class ForgetMeCommand:
    confirmed: bool = False


@dataclass(frozen=True)
class FeedbackCommand:
    review_id: int
    verdict: Literal["helpful", "wrong-flag"]
    reason: str | None = None  # why a Wrong flag was wrong (`bot.core.feedback_reason`)


@dataclass(frozen=True)
class UndoCommand:
    """ "undo", "oops undo that": about the contact of the last reply, when there is one."""

    person: PersonRef | None = None


@dataclass(frozen=True)
class ReopenCommand:
    """ "undo done dana", "reopen dana": the follow-up with them marked done last, open again;
    "oops wrong one, i meant marcus not dana": the same, then Marcus offered to mark done."""

    target: PersonRef
    meant: PersonRef | None = None


@dataclass(frozen=True)
class MeetingDayCommand:
    """ "sarah chen - met her thursday not today": the last meeting with them moved to the day
    it happened (`person` None: nobody named and no one the conversation is about)."""

    person: PersonRef | None
    right: DaySpec
    said: str  # the right day as typed, for the reply
    wrong: DaySpec | None = None


Command = (
    HelpCommand
    | MetCommand
    | FollowUpCommand
    | ListCommand
    | DoneCommand
    | DeleteMeetingCommand
    | SnoozeCommand
    | CancelCommand
    | KeepInTouchCommand
    | ReviewCommand
    | StatsCommand
    | DigestHereCommand
    | DigestOffCommand
    | DigestPreviewCommand
    | SettingsShowCommand
    | SettingsTimezoneCommand
    | SettingsHoursCommand
    | SettingsToggleCommand
    | SettingsDateOrderCommand
    | ExportCommand
    | ForgetMeCommand
    | FeedbackCommand
    | WhoCommand
    | ContactsCommand
    | NoteCommand
    | DeleteNoteCommand
    | RenameCommand
    | DeleteContactCommand
    | MergeContactsCommand
    | EventCommand
    | EventsCommand
    | UndoCommand
    | ReopenCommand
    | MeetingDayCommand
    | ChatCommand
)


@dataclass(frozen=True)
class ParseFailure:
    """The text was meant as a command but is malformed. `message` says what to do next."""

    message: str
    topic: str | None = None  # the command whose help fits
    # "snooze her" with nobody the conversation was about: a question back, never a draft.
    asks_who: bool = False
    # "follow up with Aisha and Ben on friday": one line per person is asked for, never a draft.
    asks_one_each: bool = False


@dataclass(frozen=True)
class NotACommand:
    """A direct message that is no command: it is a draft to review."""

    text: str
    # "I'm meeting Tom on Thursday": a meeting still to come, read as the `met` it will be.
    ahead: MetCommand | None = None


# What reading one line gives: a command to run, a message on why it is none, or a line that is
# no command at all.
Parsed = Command | ParseFailure | NotACommand
