"""`/network …` text → a typed command.

`parse_command` never raises on any input: it returns a command, a `ParseFailure` whose message
says what to do next (with an example), or `NotACommand` for a direct message that is a draft.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import replace
from datetime import time

from bot.core import commands as c
from bot.core import feedback_reason, list_window, meeting_words
from bot.core.about_in_english import about_in_english
from bot.core.commanded_abroad import (
    names_without_case_endings,
    only_how_to_reach,
    said_in_english,
    verb_first_in_english,
    verb_last_in_english,
)
from bot.core.cover_notes import asks_for_review_without_draft, draft_inside
from bot.core.dates import (
    DATE_ORDER_WORDS,
    DAYS_LOOK_LIKE,
    MAX_DAYS,
    DateWordsError,
    DayOfMonth,
    DaySpec,
    RelativeDays,
    YearTurnSpec,
    parse_day,
)
from bot.core.dates import weekday_number as _weekday_number
from bot.core.day_in_the_note import day_in_the_note
from bot.core.help import COMMAND_HELP, HELP_BY_NAME, UNDO_WHAT, example
from bot.core.language import (
    GREETING,
    WHO_SEES,
    asks_how_last,
    chat_intent,
    help_topic,
    keeps_a_name,
    opens_with_a_salutation,
    polite_core,
    rephrase,
)
from bot.core.ledger import split_kind
from bot.core.lower_case_names import THING_WORDS, a_name_in_its_slot
from bot.core.meeting_ahead import meeting_ahead, told_as_past
from bot.core.messages import MENTION_MARKUP, Mention
from bot.core.met_on_a_channel import channel_after_on, is_a_channel, ordinal_after_on
from bot.core.other_languages import (
    ARTICLES,
    PLACE_AT,
    PLACE_AT_ALWAYS,
    VENUE_NOUNS,
    alternation,
    every,
)
from bot.core.parse_guards import after as _newcomer_after
from bot.core.parse_guards import before as _newcomer_before
from bot.core.said_clock import said_clock
from bot.core.said_of_a_reminder import said_of_a_reminder
from bot.core.tidy import (
    COURTESY,
    fix_command_typos,
    fix_typos,
    tidy,
    without_asides,
    without_bot_mention,
)
from bot.core.told_in_a_sentence import Meeting, tells_a_meeting_to_come, told_in_a_sentence
from bot.core.told_plainly import told_plainly
from bot.core.told_with_a_role import told_with_a_role
from bot.core.when import WhenError, cut, find_day, find_days, find_possible_day, find_time
from bot.core.zones import zone_for
from storage.names import NAME_PARTICLES, could_name, match_names, name_key

# Commands are one line typed by a person; anything longer is a paste that went wrong.
MAX_COMMAND_CHARS = 4_000
# A direct message this long (several lines, or a paragraph) is a draft even if its first word
# happens to be a command word ("Met you at the meetup last week…").
_DRAFT_LIKE_CHARS = 300
MAX_NAME_CHARS = 80
MAX_NOTE_CHARS = 1_000

COMMAND_ALIASES: dict[str, str] = {
    word: spec.name for spec in COMMAND_HELP for word in (spec.name, *spec.words)
}
COMMAND_NAMES: tuple[str, ...] = tuple(HELP_BY_NAME)

_PRONOUNS = frozenset({"you", "me", "i", "we", "us", "them", "him", "her", "your", "my", "our"})
_TOKEN = re.compile(
    r"@\[[^\]\n]{1,200}\]\([A-Za-z0-9._:@-]{1,128}\)|<@[A-Za-z0-9._-]+(?:\|[^>]*)?>|"
    r"<at(?:\s[^>]*)?>.*?</at>|\S+",
    re.IGNORECASE | re.DOTALL,
)
_SLACK_MENTION = re.compile(r"<@([A-Za-z0-9._-]+)(?:\|([^>]*))?>")
# Teams writes a mention as `<at>Jane Doe</at>` (sometimes `<at id="0">…`); only the name is in the
# text, so it becomes a free-text name.
_TEAMS_MENTION = re.compile(r"<at(?:\s[^>]*)?>(.*?)</at>", re.IGNORECASE | re.DOTALL)
_FOLLOW_UP_ID = re.compile(r"#(\d{1,12})")
_CONTACT_ID = re.compile(r"contact#(\d{1,12})", re.IGNORECASE)
# A note starts after a dash standing alone: "met Jane — note", "met Jane -- note".
_NOTE_DASH = re.compile(r"\s+(?:—|–|--|-)\s+|\s*[—–]\s*")
_CLOCK = re.compile(r"(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?", re.IGNORECASE)


class _Bad(Exception):
    """Internal: becomes a ParseFailure."""

    def __init__(self, message: str, topic: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.topic = topic


class _OneEach(_Bad):
    """Internal: several people where a command takes one; asks for a line each."""


class _Draft(Exception):
    """Internal: a direct message that only looked like a command."""


class _WhoDoYouMean(Exception):
    """Internal: "snooze her" when no reply was about one contact."""


WHO_DO_YOU_MEAN = "Who do you mean? Say their name or #id, like {example}."


def closest_command(word: str) -> str | None:
    candidates = [alias for alias in COMMAND_ALIASES if len(alias) > 2]
    match = difflib.get_close_matches(word.lower(), candidates, n=1, cutoff=_DID_YOU_MEAN_CUTOFF)
    return COMMAND_ALIASES[match[0]] if match else None


# High enough that "exit" is not "export" and "help me" not "met"; low enough for "snoze", "lsit".
_DID_YOU_MEAN_CUTOFF = 0.75
# A misspelt command word is taken as the command only when the rest of the line then parses;
# this looser cutoff also admits "snzoe", "fllow-up".
_TYPO_CUTOFF = 0.7


def _swapped_once(word: str, alias: str) -> bool:
    """ "mte" for "met", "dnoe" for "done": two neighbouring letters swapped."""
    if len(word) != len(alias) or word == alias:
        return False
    diffs = [i for i, (a, b) in enumerate(zip(word, alias, strict=True)) if a != b]
    return (
        len(diffs) == 2
        and diffs[1] == diffs[0] + 1
        and word[diffs[0]] == alias[diffs[1]]
        and word[diffs[1]] == alias[diffs[0]]
    )


# Real words a slip away from a command word: "Fellow founders, …" is a post, not "follow".
_NEVER_A_COMMAND_TYPO = frozenset(
    {"fellow", "fellows", "hollow", "whose", "listen", "renew", "cancer", "expert", "digit"}
    | {"forgot", "deplete", "mete", "state"}
    # A command word and one letter more.
    | {"meta", "mets", "metro", "whoa", "whom", "whos", "undone", "noted"}
)


# "mey Karan Singh …": the key beside the last letter of "met" ("mer" is French, "meg" a name).
_NEIGHBOUR_KEY_SLIPS = {"mey": "met"}


def typo_command(word: str) -> str | None:
    """The command a misspelt command word ("snoze", "mte", "folow-up") most likely means."""
    word = word.lower()
    if len(word) < 3 or not word.replace("-", "").isalpha() or word.endswith(("ing", "ed")):
        return None  # "following", "pushed": real words, not typos
    if word in _NEVER_A_COMMAND_TYPO:
        return None
    if word in _NEIGHBOUR_KEY_SLIPS:
        return _NEIGHBOUR_KEY_SLIPS[word]
    candidates = [alias for alias in COMMAND_ALIASES if len(alias) > 2]
    for alias in candidates:
        if _swapped_once(word, alias):
            return COMMAND_ALIASES[alias]
    if len(word) == 3 and re.search(r"[aeiouy]", word):
        return None  # short real words ("one", "set") are not typos of "done", "met"
    # A letter typed three times: "snoooze".
    squeezed = re.sub(r"(.)\1\1+", r"\1\1", word)
    if squeezed in COMMAND_ALIASES:
        return COMMAND_ALIASES[squeezed]
    undoubled = re.sub(r"(.)\1", r"\1", word)  # "mett", "donne"
    if undoubled != word and undoubled in COMMAND_ALIASES:
        return COMMAND_ALIASES[undoubled]
    if len(word) >= 4 and word[:-1] in COMMAND_ALIASES:
        return COMMAND_ALIASES[word[:-1]]  # a key hit past the word: "metr", "snoozw"
    if len(word) <= 4 and re.search(r"[aeiouy]", word):
        return None  # "does" is no "done": short real words only by a swap ("lst" may be "list")
    match = difflib.get_close_matches(word, candidates, n=1, cutoff=_TYPO_CUTOFF)
    return COMMAND_ALIASES[match[0]] if match else None


# A courtesy before the command word: "please folow-up Priya friday".
_COURTESY_FIRST = frozenset({"please", "pls", "plz", "kindly"})


def _one_slip_from_a_command(word: str) -> str | None:
    """The command a word one slip from its command word means ("folow-up", "mett", "lsit");
    real words further off ("donate", "follow") mean none."""

    def one_letter_less(longer: str, shorter: str) -> bool:
        return len(longer) == len(shorter) + 1 and any(
            longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer))
        )

    for alias, command in COMMAND_ALIASES.items():
        if len(alias) > 2 and (
            _swapped_once(word, alias)
            or one_letter_less(word, alias)
            or one_letter_less(alias, word)
        ):
            return command
    return None


def _strip_prefix(body: str) -> tuple[str, bool]:
    lowered = body[:20].lower()
    if lowered.startswith("/network") and (len(body) == 8 or body[8].isspace()):
        return body[8:].strip(), True
    if lowered.startswith("network") and (len(body) == 7 or body[7].isspace()):
        following = body[7:].strip().split(maxsplit=1)
        if not following or following[0].lower() in COMMAND_ALIASES:
            return body[7:].strip(), True
    # "/help", "/list": a slash typed out of habit in a DM or the console.
    if body.startswith("/") and body[1:].split(maxsplit=1)[:1]:
        word = body[1:].split(maxsplit=1)[0].lower()
        if word in COMMAND_ALIASES:
            return body[1:], True
    return body, False


def parse_command(
    text: str,
    *,
    direct_message: bool = False,
    known_names: Sequence[str] = (),
    mentions: Sequence[Mention] = (),
    referent: c.PersonRef | None = None,
) -> c.Parsed:
    """`known_names`: the member's contacts, which help find a name inside a sentence;
    `mentions`: the platform users the text names as "@name"; `referent`: the contact the
    conversation's last reply was about, whom "her", "him" or "that" mean."""
    text = names_without_case_endings(text)  # "Mehmet Demir'le tanıştım"
    text = meeting_words.said_as_not_met(text) or text
    known, mentioned = _KNOWN.set(tuple(known_names)), _MENTIONS.set(tuple(mentions))
    referred = _REFERENT.set(referent)
    try:
        early = _newcomer_before(  # pass 19 (`bot.core.parse_guards`)
            text,
            lambda line: parse_command(
                line,
                direct_message=direct_message,
                known_names=known_names,
                mentions=mentions,
                referent=referent,
            ),
        )
        if early is not None:
            return early
        told = told_with_a_role(text) if direct_message else None
        result: c.Parsed
        if told is not None:
            result = c.MetCommand(c.PersonRef(told.person), told.place, told.when, told.note)
        else:
            result = _said_abroad(verb_first_in_english(text), direct_message) or _parse(
                text, direct_message
            )
        if isinstance(result, c.NotACommand | c.ParseFailure):
            result = (
                _said_abroad(verb_last_in_english(text), direct_message)
                or _said_abroad(said_in_english(text), direct_message)
                or result
            )
        # "Zoë is travelling, push her follow-up to 12/21" is no note: the command after it is.
        if referent is None and isinstance(result, c.NotACommand | c.ParseFailure | c.NoteCommand):
            result = _after_a_clause_naming_someone(text, direct_message) or result
        if isinstance(result, c.NotACommand | c.RenameCommand | c.FollowUpCommand):
            result = _said_of_a_reminder(text) or result
        if isinstance(result, c.NotACommand):
            result = _told_plainly(text) or _told_in_a_sentence(text) or result
        if isinstance(result, c.FollowUpCommand) and result.note and result.when is None:
            result = _with_the_day_from_its_note(result)
        if isinstance(result, c.FollowUpCommand) and result.note:
            note = _after_the_question(result.note)
            note = None if only_how_to_reach(note) or _ONLY_COURTESY.fullmatch(note) else note
            result = replace(result, note=about_in_english(note) if note else None)
        result = _newcomer_after(text, result, _follow_up_day_in, direct_message)
        if direct_message and isinstance(result, c.MetCommand | c.NotACommand):
            ahead = meeting_ahead(text, result, lambda line: _parse(line, direct_message))
            if ahead is not None:
                return c.NotACommand(text, ahead=ahead)
            if (
                isinstance(result, c.MetCommand)
                and tells_a_meeting_to_come(text)
                and not told_as_past(text)
            ):
                return c.NotACommand(text)
        return _note_with_its_exclamation(result, text)
    finally:
        _KNOWN.reset(known)
        _MENTIONS.reset(mentioned)
        _REFERENT.reset(referred)


def _said_abroad(english: str | None, direct_message: bool) -> c.Command | None:
    """A command said with another language's verb (`bot.core.commanded_abroad`), read from
    its English gloss; None when there is none or it reads as no command either."""
    if english is None:
        return None
    result = _parse(english, direct_message)
    if isinstance(result, c.NotACommand | c.ParseFailure | c.ChatCommand):
        return None
    # "Cancela la reunión de mañana", "Apaga a luz": a thing, not a person, so a sentence.
    return result if _names_someone_plainly(result) else None


def _names_someone_plainly(result: c.Command) -> bool:
    """Whether the person `result` is about is a contact or a capitalised name (or it names
    nobody)."""
    ref = getattr(result, "person", None) or getattr(result, "target", None)
    if not isinstance(ref, c.PersonRef) or ref.follow_up_id is not None or ref.mention:
        return True
    if match_names(ref.name, _KNOWN.get()):
        return True
    return all(word[:1].isupper() for word in ref.name.split())


# "… remind me tomorrow pls 🙏": a note of nothing but courtesy (and emoji) says nothing.
_ONLY_COURTESY = re.compile(rf"[\s,.!]*(?:{COURTESY})[^\w]*", re.IGNORECASE)


def _note_with_its_exclamation(result: c.Parsed, text: str) -> c.Parsed:
    """ "…, she's pregnant!": a note that ends the line keeps the "!" the readings set aside."""
    note = getattr(result, "note", None)
    line = text.rstrip()
    said = line.rstrip("!")
    if not note or said == line or not said.rstrip().endswith(note):
        return result
    return replace(result, note=note + line[len(said) :])  # type: ignore[type-var]


def _with_the_day_from_its_note(reminder: c.FollowUpCommand) -> c.FollowUpCommand:
    """A reminder whose day was left in its note (`bot.core.day_in_the_note`)."""
    found = day_in_the_note(reminder.note or "")
    if found is None:
        return reminder
    at = reminder.at or found.at
    return replace(reminder, when=found.when, note=found.note, at=at)


# What the member wants, said after the question: "…? want to invite him to the panel".
_WANTS_TO = re.compile(r"(?:i\s+)?(?:want|need)\s+to\s+(?=\S)", re.IGNORECASE)


def _after_the_question(note: str) -> str:
    """ "remind me to call Ada Monday? the grant": the note starts after the question's mark."""
    if not note.startswith("?"):
        return note
    rest = note.lstrip("? ")
    wants = _WANTS_TO.match(rest)
    return rest[wants.end() :] if wants else rest


# "Dana's out sick — snooze her reminder to the 16th": a clause that names one contact, then a
# command about "her", "him" or "the reminder".
_NAMING_CLAUSE = re.compile(
    r"^(?P<lead>[^\n]{2,120})(?:\s*[,.;:!?—–]+\s+|\s+-\s+)(?P<tail>[^,.;:!?—–\n]+?)[.!]*$"
)
_ABOUT_SOMEONE = (
    c.RenameCommand,
    c.SnoozeCommand,
    c.CancelCommand,
    c.DoneCommand,
    c.DeleteContactCommand,
    c.FollowUpCommand,
)


def _after_a_clause_naming_someone(text: str, direct_message: bool) -> c.Command | None:
    """The command after a leading clause that names exactly one of the member's contacts, with
    that contact as whom the command's "her", "him" or "the reminder" means."""
    found = _NAMING_CLAUSE.match(text.strip())
    if found is None or opens_with_a_salutation(found["lead"]):
        return None  # "Hi Dana, coffee, tomorrow" greets Dana: a draft to her, no command
    words = re.findall(r"[^\W\d_][\w'-]*", found["lead"])
    names = _KNOWN.get()
    named = {
        i for word in words for i in match_names(re.sub(r"'s$", "", word), names) if len(word) > 2
    }
    if len(named) != 1:
        return None
    person = c.PersonRef(names[named.pop()])
    token = _REFERENT.set(person)
    try:
        result = _parse(found["tail"], direct_message)
    finally:
        _REFERENT.reset(token)
    about = getattr(result, "target", None) or getattr(result, "person", None)
    if isinstance(result, _ABOUT_SOMEONE) and about is person:
        return result
    return None


def _said_of_a_reminder(text: str) -> c.Command | None:
    """A status or new day said of one contact's reminder (`bot.core.said_of_a_reminder`)."""
    said = said_of_a_reminder(text, _KNOWN.get())
    if said is None:
        return None
    name, _, rest = said.partition(" ")
    result = _run_parser(name, rest, text, True)
    return None if isinstance(result, c.ParseFailure | c.NotACommand) else result


def _told_plainly(text: str) -> c.MetCommand | c.FollowUpCommand | None:
    """A meeting or reminder told with the person first (`bot.core.told_plainly`)."""
    told = told_plainly(text)
    if told is None:
        return None
    name, _, rest = told.command.partition(" ")
    result = _run_parser(name, rest, text, True)
    if isinstance(result, c.FollowUpCommand) and result.note is None and told.note:
        return replace(result, note=told.note)
    return result if isinstance(result, c.MetCommand | c.FollowUpCommand) else None


def _told_in_a_sentence(text: str) -> c.MetCommand | c.FollowUpCommand | None:
    """A meeting or reminder told in an everyday sentence (`bot.core.told_in_a_sentence`)."""
    # Day words with a slip are read as they are in a command ("yesterady").
    told = told_in_a_sentence(fix_typos(text), _KNOWN.get())
    if told is None:
        return None
    person = c.PersonRef(_checked_name(told.person))
    if isinstance(told, Meeting):
        return c.MetCommand(person, told.place, told.when, told.note)
    return c.FollowUpCommand(person, told.when, told.note, at=told.at)


# "hey, snooze Kai 5 days", "ok so followup dmitri on the 21st": a greeting or "ok so" before
# the command, set off by a comma (or "so"), is no part of it ("Hi Gerald, we met …" keeps its
# "Hi": a name follows, so it is a draft's salutation).
_LEAD_IN = re.compile(
    r"^(?:(?:(?:ok|okay|alright|right|um+|uh+|hmm+|and)\s+so|(?:hey|hi|hello|yo|ok|okay)\s+coach|"
    r"hey|hi|hello|ok|okay|so|yo|alright|um+|uh+|hmm+|coach|quick one|one more|"
    # "gm, whos due today?", "namaste, …": a greeting (pass 24).
    r"gm|good\s+(?:morning|afternoon|evening)|morning|namaste|hii+|heyy+|helloo+|"
    r"another one|btw|also|oh and|and also)\s*[,!.:;—–-]+\s*|"
    r"(?:(?:ok|okay|alright|right|um+|uh+|hmm+|and)\s+so|also|btw|oh and|and also)\s+)+(?=\S)",
    re.IGNORECASE,
)


# "Moin! met Jonas …", "Sat sri akal! …": an interjection in any language, a word or three before
# "!", is a lead-in too, unless it names a contact ("Dana! …" greets her).
_EXCLAIMED = re.compile(
    r"(?P<opener>[^\W\d][^\s!?.,;:]*(?:\s+[^\W\d][^\s!?.,;:]*){0,2})!+\s+(?=\S)"
)


def _lead_in(text: str) -> re.Match[str] | None:
    found = _LEAD_IN.match(text)
    if found is not None:
        return found
    exclaimed = _EXCLAIMED.match(text)
    if exclaimed is None or known_in(exclaimed["opener"]) is not None:
        return None
    if GREETING.match(exclaimed["opener"]) and len(exclaimed["opener"].split()) > 1:
        return None  # "Hi Peter! Remember me …": a draft's salutation
    # "met someone cool!! Nadia …" is the request itself.
    said = {word.lower() for word in exclaimed["opener"].split()}
    return None if said & COMMAND_ALIASES.keys() else exclaimed


def _parse(text: str, direct_message: bool) -> c.Parsed:
    lead_in = _lead_in(text.strip())
    body, explicit = _strip_prefix(text.strip()[lead_in.end() if lead_in else 0 :])
    if not body:
        return c.HelpCommand()
    casual_dm = direct_message and not explicit
    if casual_dm:
        draft = draft_inside(body)
        if draft is not None:
            return c.ReviewCommand(draft=draft)
        if asks_for_review_without_draft(body):
            return c.ChatCommand("draft-to-come")
    draft_like = "\n" in body.strip() or len(body) > _DRAFT_LIKE_CHARS
    if casual_dm and draft_like and not body.lower().startswith("review"):
        return c.NotACommand(text)
    typed_first_word = ""
    if not draft_like and not body.lower().startswith("review"):
        body = without_bot_mention(body)
        if not body:
            return c.HelpCommand()  # "@coach" alone: what the bot can do, as for an empty line
        body = _command_word_first(body)
        typed_first_word = body.split(maxsplit=1)[0].lower()
        body = tidy(body, _KNOWN.get(), not_names=_NEVER_A_NAME_WORD) or body

    if asks_how_last(body):
        question, topic = help_topic(body)
        if question:
            return c.HelpCommand(topic=topic)
    match = re.match(r"(\S+)\s*(.*)\Z", body, re.DOTALL)
    assert match is not None  # body is non-empty and stripped
    head, rest = match.group(1).lower(), match.group(2)
    if head == "follow" and rest.lower().startswith("up") and (len(rest) == 2 or rest[2] in " :"):
        head, rest = "follow-up", rest[2:].lstrip(" :")
    head = head.rstrip(":,")
    name = COMMAND_ALIASES.get(head)

    # A command word the member typed first is a command; one that tidying brought to the front
    # ("pls remove …", "remnd me …") is read as a sentence, with the checks sentences get.
    first_word = body.split()[0].lower()
    # After a greeting the line is read as a sentence ("Hi, who handles vendor selection …").
    typed_as_command = lead_in is None and (
        not typed_first_word
        or first_word in (typed_first_word, fix_command_typos(typed_first_word).lower())
    )
    if head == "did" and (_DID_THEY.match(rest) or _DID_A_PRONOUN.match(rest)):
        # "did olu reply?" asks about someone, "did u get home ok?" is chat: nothing marked done
        name = None
    if name is not None and typed_as_command and not _reads_as_sentence(name, rest):
        direct = _run_parser(_said_of_the_contacts(name, rest), rest, text, casual_dm)
        if not isinstance(direct, c.ParseFailure | c.NotACommand) or explicit or not rest.strip():
            return direct
        fallback = direct
    else:
        fallback = None

    rephrased = rephrase(body)
    if rephrased is not None:
        new_head, _, new_rest = rephrased.partition(" ")
        new_name = COMMAND_ALIASES.get(new_head.lower().rstrip(":,"))
        if new_name is None:
            return c.NotACommand(text) if casual_dm else c.HelpCommand(unknown=head[:40])
        result = _run_parser(_said_of_the_contacts(new_name, new_rest), new_rest, text, casual_dm)
        if (
            casual_dm
            and fallback is None
            and (
                _names_a_thing(result, body)
                or _story_told_to_someone(result, body)
                or _a_thing_as_subject(result, body)
            )
        ):
            # "Can we push our call to Friday?": an everyday sentence about a thing, not a
            # person: a draft, unless it is a question about the bot ("can you remind me about
            # people automatically?").
            question, topic = help_topic(body)
            return c.HelpCommand(topic=topic) if question else c.NotACommand(text)
        if casual_dm and fallback is None and _somewhere_with_no_zone(result, body):
            return c.NotACommand(text)  # "i'm working from home now": no zone to set
        if casual_dm and _a_meeting_asked_about(result, body):
            return c.NotACommand(text)
        if isinstance(result, c.ParseFailure) and casual_dm and fallback is None:
            if result.asks_who and (_PERSONAL_PRONOUN.search(body) or _TO_THE_BOT.match(body)):
                return result  # "remind me to ping her friday": her, whoever she is
            if result.asks_one_each:
                return result  # "follow up with Aisha and Ben friday": one line each
            # An everyday sentence that only resembled a command: most likely a draft.
            return c.NotACommand(text)
        if not isinstance(result, c.ParseFailure) or fallback is None:
            return result
    if fallback is not None:
        return fallback

    typo = typo_command(head) if name is None and lead_in is None else None
    second, _, after = rest.partition(" ")
    if name is None and head in {"i", "we"} and typo_command(second) == "met":
        typo, rest = "met", after  # "I mett Priya at the investor day"
    elif name is None and head in _COURTESY_FIRST and lead_in is None:
        typo, rest = _one_slip_from_a_command(second.lower()), after  # "please folow-up Priya"
    if typo is not None:
        result = _run_parser(typo, rest, text, casual_dm)
        # "Please follow our company page": after a courtesy the slip must name someone.
        after_courtesy = head in _COURTESY_FIRST
        if not isinstance(result, c.ParseFailure | c.NotACommand) and not (
            after_courtesy and _names_a_thing(result, body)
        ):
            return result

    intent = chat_intent(body)
    if intent is not None:
        return c.ChatCommand(intent)
    asked = _a_contact_asked_about(body)
    if asked is not None:
        return asked
    fact = _fact_about_a_contact(body)
    if fact is not None:
        return fact
    question, topic = help_topic(body)
    if question:
        return c.HelpCommand(topic=topic)
    if re.fullmatch(r"help(?:\s+me)?(?:\s+please)?[\s!?.]*", body, re.IGNORECASE):
        return c.HelpCommand()

    suggestion = closest_command(head) if len(body.split()) <= 3 and lead_in is None else None
    if casual_dm and suggestion is None:
        return c.NotACommand(text)
    return c.HelpCommand(unknown=head[:40], suggestion=suggestion)


# "#6 snooze till 12/15": the follow-up's number, then the command word.
_ID_FIRST = re.compile(r"(#\d{1,12})[\s:,-]+(\S+)(.*)\Z", re.DOTALL)


def _command_word_first(body: str) -> str:
    found = _ID_FIRST.match(body)
    if found is None or found[2].lower() not in COMMAND_ALIASES:
        return body
    return f"{found[2]} {found[1]}{found[3]}"


def _a_contact_asked_about(body: str) -> c.WhoCommand | None:
    """ "jane doe?": one of the member's contacts, named alone as a question, is their card."""
    asked = re.fullmatch(r"(?P<name>[^?]{2,60}?)\s*\?+", body.strip())
    if asked is None:
        return None
    name = asked.group("name").strip()
    if known_in(name) != name:
        return None
    return c.WhoCommand(person=c.PersonRef(name=name))


# "did u get home ok?", "did it work?": a pronoun after "did" is a question's subject, no contact.
_DID_A_PRONOUN = re.compile(r"(?:u|you|ya|it|we|they|he|she|i|that|this|everyone)\b", re.IGNORECASE)
# "did olu reply?": a question about what someone did, not "did" as in "done".
_DID_THEY = re.compile(
    r"\S+(?:\s+\S+)?\s+(?:ever\s+|already\s+)?(?:reply|respond|answer|write back|get back|"
    r"text back|email back|call back|reach out)\b",
    re.IGNORECASE,
)


# "chloe works at datadog", "Kai has two kids": a fact about a contact, kept as a note.
_FACT = re.compile(
    r"(?:works|worked|is|was|has|had|likes|loves|prefers|wants|needs|lives|moved|is moving|runs|"
    r"leads|founded|knows|speaks|plays|studies|teaches|hates|just|recently|also|used to)\b",
    re.IGNORECASE,
)
MAX_FACT_WORDS = 12
# "FYI Priya prefers calls after 4pm", "jane is vegetarian, remember that for next time": words
# that hand the coach a fact, not part of it.
_AROUND_A_FACT = re.compile(
    r"^(?:fyi|btw|for the record|just so you know|note to self)\b[\s,:;—–-]*|"
    r"[\s,;—–-]+(?:remember that|save that|note that|keep that in mind)(?: for next time)?"
    r"[\s.!]*$",
    re.IGNORECASE,
)
_STATUS = re.compile(r"(?:is|was)\s+(?:overdue|due|late|next|up next)\b", re.IGNORECASE)


def _fact_about_a_contact(body: str) -> c.NoteCommand | c.WhoCommand | None:
    """A short line that starts with a contact's name and says something about them; a
    question or a line to "you" is a message for someone, not a note. "Omar is overdue?" asks
    about their follow-up: their card says."""
    line = _AROUND_A_FACT.sub("", body.strip()) or body.strip()
    pronoun = re.match(r"(?:she|he|they)\s+", line, re.IGNORECASE)
    referent = _REFERENT.get()
    who = known_in(line)
    if pronoun is not None and referent is not None:
        # "she works at mistral" right after a reply about her.
        person, fact = referent, line[pronoun.end() :]
    elif who is not None and line.lower().startswith(who.lower() + " "):
        person, fact = c.PersonRef(name=who), line[len(who) :].strip()
    else:
        return None
    if _STATUS.match(fact):
        return c.WhoCommand(person=person)
    if not _FACT.match(fact) or line.endswith("?") or _SECOND_PERSON.search(line):
        return None
    if len(line.split()) > MAX_FACT_WORDS:
        return None
    note = _note([line if pronoun is not None else fact]) or fact
    return c.NoteCommand(person=person, note=_what_is_said(note))


# "you" as the reader of a message, not the bot being asked ("…, you can log that").
_SECOND_PERSON = re.compile(
    r"\b(?:you'?re|your|yours|you(?!\s+(?:can|could|please|should|may)\b))\b", re.IGNORECASE
)


# "remind me in 3 days": a request to the coach itself, never a draft for someone else.
_TO_THE_BOT = re.compile(r"(?:(?:remind|nudge|ping|tell) me|snooze|cancel|done)\b", re.I)
# "her", not "it": a sentence that says "make it Monday" with nobody in the conversation is a
# draft for someone else; one that says "ping her" is about a person the member must name.
_PERSONAL_PRONOUN = re.compile(r"\b(?:her|him|his|them|their|she|he|they)\b", re.IGNORECASE)


def _a_thing_as_subject(result: object, body: str) -> bool:
    """ "It can wait till next week": a sentence about a thing, whoever the last reply was
    about; "push it to monday" starts with the verb and means them."""
    if body.split()[0].lower() not in _THING_WORDS or isinstance(result, c.UndoCommand):
        return False  # "that was a mistake, undo" is about the last change whatever it names
    if isinstance(result, c.ParseFailure):
        return result.asks_who
    person = getattr(result, "person", None) or getattr(result, "target", None)
    return person is not None and person is _REFERENT.get()


def _story_told_to_someone(result: object, body: str) -> bool:
    """ "Ran into Sarah at the conference and she mentioned you're hiring": a meeting told to
    "you" is a draft for someone else, not a meeting to log."""
    if not isinstance(result, c.MetCommand):
        return False
    # "can you log a meeting with Zoe …?" asks the coach: its "you" is no listener ("Can you meet
    # Dana at the airport?" asks someone to meet her).
    asks_the_coach = _ASKS_THE_COACH.match(body)
    return bool(_SECOND_PERSON.search(body[asks_the_coach.end() :] if asks_the_coach else body))


def _a_meeting_asked_about(result: object, body: str) -> bool:
    """ "Dana, lunch, friday?" asks her: a log asks nothing, unless it asks the coach to log
    ("can you log a meeting with Ada …?")."""
    return (
        isinstance(result, c.MetCommand)
        and body.rstrip().endswith("?")
        and not _ASKS_THE_COACH.match(body)
    )


_ASKS_THE_COACH = re.compile(
    r"^(?:please\s+)?(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?"
    r"(?:log|add|record|note|save|remember|jot|put|set|schedule|remind|mark|track|keep)\b",
    re.IGNORECASE,
)


def _names_a_thing(result: object, body: str) -> bool:
    """A command read from a sentence whose "person" is lower-case words that name no contact
    ("call", "the items on the list"): the sentence was about a thing."""
    person = getattr(result, "person", None) or getattr(result, "target", None)
    if not isinstance(person, c.PersonRef) or person.mention or person.follow_up_id:
        return False
    if person.contact_id is not None:
        return False
    if person.name.lower().split()[:1] in ([w] for w in _THING_WORDS):
        return True  # "It can wait", "This can wait": capitalised only as the first word
    if any(ch.isupper() for ch in person.name):
        return False
    if isinstance(result, c.MetCommand) and _looks_like_a_name(person.name):
        # "just met maria lopez at the aws meetup": people type names in lower case too; a
        # single lower-case word is a name only in a short line (a draft tells a longer story).
        one_person = not set(person.name.lower().split()) & _NOT_ONE_PERSON
        core = polite_core(body)  # "hey, met omar haddad at …": the greeting is no part of it
        short = len(_FIRST_CLAUSE.split(core)[0].split()) <= _SHORT_LOG_WORDS
        # "had coffee with tom nguyen this morning": a meal or a call told first names a
        # first and last name in lower case; one lower-case word there ("with work") may be
        # a thing.
        a_story = _A_MEETING_STORY.match(core) and len(person.name.split()) >= 2
        return not (one_person and short and (_A_MEETING_LOG.match(core) or a_story))
    if isinstance(result, c.FollowUpCommand) and _a_lower_case_name_to_remind(person.name, body):
        return False
    if isinstance(result, c.DoneCommand) and _DONE_WITH_SOMEONE.fullmatch(polite_core(body)):
        return False  # "done with tom": whoever it is, the core says whether it knows them
    if isinstance(result, c.RenameCommand) and _a_lower_case_name_respelt(person.name, result):
        return False
    if isinstance(result, c.CancelCommand | c.SnoozeCommand) and _a_lower_case_reminder_name(
        person.name, body
    ):
        return False
    if isinstance(result, _ABOUT_ONE_PERSON) and _a_lower_case_name_in_its_slot(person.name, body):
        return False
    return not match_names(person.name, _KNOWN.get())


# Commands whose one person a short line names after the command's own words.
_ABOUT_ONE_PERSON = (
    c.DoneCommand,
    c.CancelCommand,
    c.SnoozeCommand,
    c.WhoCommand,
    c.DeleteContactCommand,
    c.FollowUpCommand,
)
_COMMAND_VERBS = frozenset(COMMAND_ALIASES) | {"ping", "bump", "move"}
_UNTIL = re.compile(r"^\s*(?:to|till|until|til|for|on|by)\s+", re.IGNORECASE)


def _a_lower_case_name_in_its_slot(name: str, body: str) -> bool:
    """ "followed up with lena kowalski", "profile for chen wei pls", "push rahul to tomorrow":
    a name typed in lower case where the command puts its person (see `lower_case_names`); one
    word only when a day follows it."""
    core = polite_core(body)
    typed = re.search(rf"(?<!\S){re.escape(name)}(?!\S)", core)
    before_a_day = typed is not None and _opens_with_a_day(_UNTIL.sub("", core[typed.end() :]))
    return _looks_like_a_name(name) and a_name_in_its_slot(
        name, core, _COMMAND_VERBS, one_word_before_a_day=before_a_day
    )


def _a_lower_case_name_respelt(name: str, rename: c.RenameCommand) -> bool:
    """ "tomas ferreira should be Tomás Ferreira da Silva": an old name typed in lower case is a
    name when the new one, capitalised, keeps a word of it."""
    return (
        2 <= len(name.split()) <= 4
        and _looks_like_a_name(name)
        and rename.new_name[:1].isupper()
        and keeps_a_name(name, rename.new_name)
    )


# How many words a line about someone's reminder may have.
_SHORT_REMINDER_LINE_WORDS = 10
# A reminder named by whom it is for: "the aisha bello follow-up", "the reminder for rahul mehta".
_REMINDER_WORD = r"(?:follow[- ]?ups?|reminders?|nudges?)"
# What a reminder may be for that is no person: "the board meeting reminder".
_OCCASIONS = frozenset(
    {"meeting", "call", "sync", "standup", "interview", "review", "deadline", "offsite", "demo"}
    | {"launch", "lunch", "dinner", "coffee", "event", "webinar", "conference", "party", "check-in"}
    | {"appointment", "payment", "invoice", "report", "renewal", "talk", "workshop", "session"}
)


def _a_lower_case_reminder_name(name: str, body: str) -> bool:
    """A first and last name typed in lower case right before or after the word "reminder" or
    "follow-up" in a short line ("scrap the aisha bello follow-up", "kill the reminder for rahul
    mehta"): the reminder is someone's, so the words are a name. One word stays a thing ("the
    team reminder")."""
    core = polite_core(body)
    typed = re.escape(name)
    framed = re.search(
        rf"\b{_REMINDER_WORD}\s+(?:for|with|about|to|re)\s+{typed}(?!\S)|"
        rf"(?<!\S){typed}(?:'s|’s)?\s+{_REMINDER_WORD}\b",
        core,
        re.IGNORECASE,
    )
    return (
        framed is not None
        and 2 <= len(name.split()) <= 4
        and _looks_like_a_name(name)
        and not set(name.lower().split()) & (_NOT_ONE_PERSON | _OCCASIONS)
        and len(core.split()) <= _SHORT_REMINDER_LINE_WORDS
    )


# "done with tom", "im done with aisha bello": the whole line, a name of a word or two (not
# "done with the deck", "done with it").
_DONE_WITH_SOMEONE = re.compile(
    r"(?:i'?m\s+|i am\s+)?(?:all\s+)?(?:done|finished)\s+with\s+"
    r"(?!(?:the|an?|my|our|your|it|this|that|these|those|everything|all|nothing|today|work)\b)"
    r"[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?[\s.!]*",
    re.IGNORECASE,
)


# A short line asking to be reminded: "remind me to call oluwaseun adeyemi thursday", "ping
# tom next tues", "follow up with aisha bello next week".
_A_REMINDER_REQUEST = re.compile(
    r"(?:(?:please|pls|plz)\s+)?(?:(?:remind|nudge|bug|nag)\s+me\s|(?:ping|nudge)\s|"
    r"follow[- ]?up\s+(?:with\s+|w/\s*)?)",
    re.I,
)
# How many words may follow the ask ("remind me to", "ping", "remind me to follow up with").
_SHORT_REQUEST_WORDS = 9
# The rest of the ask after "remind me": "to follow up with", "to write", "to call".
_THE_ASK = re.compile(
    r"(?:to\s+)?(?:(?:follow[- ]?up|check in)(?:\s+with|\s+w/)?|reach out to|ping|call|email|"
    r"text|write(?:\s+to)?|message|dm)?\s*",
    re.I,
)
# The coach's own verbs for reaching out, said first: "ping …", "remind me to follow up with …".
_PING = re.compile(
    r"(?:(?:please|pls|plz)\s+)?(?:(?:remind|nudge|bug|nag)\s+me\s+to\s+)?"
    r"(?:ping|nudge|follow[- ]?up(?:\s+with|\s+w/)?)\s+",
    re.I,
)


def _a_lower_case_name_to_remind(name: str, body: str) -> bool:
    """A first and last name typed in lower case in a short "remind me …" line: people type
    names that way too. One lower-case word is a name only between "ping" (or "follow up
    with") and its day ("ping tom next tues"); elsewhere it stays a thing ("remind me to call
    the plumber friday", "… call mom thursday"), and so do words after an article or "my"."""
    core = polite_core(body)
    words = name.split()
    typed = re.search(rf"(?<!\S){re.escape(name)}(?!\S)", core)
    pinged = _PING.match(core)
    return (
        typed is not None
        and (
            2 <= len(words) <= 4
            or (
                pinged is not None
                and pinged.end() == typed.start()
                and _opens_with_a_day(core[typed.end() :])
            )
        )
        and _looks_like_a_name(name)
        and not set(name.lower().split()) & _NOT_ONE_PERSON
        and (asked := _A_REMINDER_REQUEST.match(core)) is not None
        and len(core[_THE_ASK.match(core, asked.end()).end() :].split()) <= _SHORT_REQUEST_WORDS
        and not re.search(rf"\b(?:the|an?|my|our|your|his|her|their)\s+{re.escape(name)}", core)
    )


def _opens_with_a_day(text: str) -> bool:
    stripped = text.lstrip()
    try:
        day = find_day(stripped)
    except WhenError:
        return False
    return day is not None and day.start == 0


# A short line that starts by saying "met": a log, even with the name in lower case.
_A_MEETING_LOG = re.compile(r"(?:(?:i|we)\s+)?(?:just\s+|also\s+|finally\s+)?met\s", re.I)
# A short line that starts by telling a meeting: "coffee w/ …", "had a call with …".
_A_MEETING_STORY = re.compile(
    r"(?:(?:i|we)\s+)?(?:just\s+|also\s+|finally\s+)?(?:(?:had|grabbed|got|did)\s+)?"
    r"(?:(?:a|an)\s+)?(?:quick\s+|long\s+|nice\s+|good\s+|great\s+)?"
    r"(?:coffee|lunch|breakfast|brunch|dinner|drinks?|beers?|tea|chai|call|chat|zoom|"
    r"video call|phone call|catch-?up|1:1)\s+(?:with|w/|w)\s|"
    r"(?:(?:i|we)\s+)?(?:just\s+)?(?:caught up|spoke|talked|chatted)\s+(?:with|to|w/)\s",
    re.I,
)
# How many words a log's first clause may have before it reads as a story for someone.
_SHORT_LOG_WORDS = 12
_FIRST_CLAUSE = re.compile(r"[,;—–]|\s-\s")
# Words for a group or nobody in particular: "met everyone at the offsite" logs no contact.
_NOT_ONE_PERSON = frozenset(
    {"everyone", "everybody", "someone", "somebody", "people", "folks", "team", "guys", "all"}
    | {"them", "friends", "colleagues", "loads", "lots", "many", "some", "nobody", "family"}
)


_NOT_JUST_THE_REMINDER = re.compile(
    r"\bnot (?:just|only) (?:the|her|his|their|a) (?:reminder|follow[- ]?up)s?\b"
)
# "drop priya from contacts": a word of `cancel` said of the contact list deletes the contact.
_FROM_THE_CONTACTS = re.compile(
    r"\s(?:from|off|out of)\s+(?:my\s+|the\s+)?(?:contacts|contact list|address book|"
    r"list of (?:people|contacts))\b",
    re.IGNORECASE,
)


def _said_of_the_contacts(name: str, rest: str) -> str:
    name = meeting_words.of_a_meeting(name, rest)
    return "delete-contact" if name == "cancel" and _FROM_THE_CONTACTS.search(rest) else name


_THING_WORDS = frozenset({"it", "this", "that", "these", "those", "everything", "all", "nothing"})


def _reads_as_sentence(name: str, rest: str) -> bool:
    """ "delete" or "list" starting an everyday sentence rather than the command."""
    # "remove jane completely — not just the reminder": the reminder is what is not meant.
    lowered = _NOT_JUST_THE_REMINDER.sub("", rest.lower())
    if name == "delete-contact" and re.search(
        r"follow[- ]?up|reminder|\bnudges?\b|^(?:all\s+)?(?:of\s+)?my\s+(?:data|account|"
        r"information|records)|^everything",
        lowered,
    ):
        return True
    if name == "who" and re.match(
        r"(?:do|am|should|must|did|have|are|is overdue|is late|haven'?t|hasn'?t|didn'?t|still|"
        rf"{WHO_SEES})\b",  # "who can see my contacts?" asks about privacy, not for a card
        lowered,
    ):
        return True
    if name == "note" and lowered.startswith(("to self", "to myself")):
        return True
    if name == "met" and lowered.split()[:1] in (["you"], ["with"]):
        return lowered.startswith("with")
    if name == "follow-up" and re.search(
        r"\b(?:erledigt|hecho|feito|tapos na|ho gaya)\s*$", lowered
    ):
        return True  # "Follow-up mit Jane erledigt"
    if name == "follow-up" and re.match(
        r"(?:is\s+)?(?:done|complete|completed|sent|finished)\b", lowered
    ):
        return True  # "follow up done for jane"
    return name in {"follow-up", "snooze", "done", "cancel"} and lowered.startswith(
        ("with ", "the follow")
    )


def _run_parser(name: str, rest: str, text: str, casual_dm: bool) -> c.Parsed:
    size = len(name) + 1 + len(rest)
    if name != "review" and size > MAX_COMMAND_CHARS:
        return c.ParseFailure(
            f"That command is {size:,} characters long; commands fit on one line "
            f"(at most {MAX_COMMAND_CHARS:,}). Try {example(name)}.",
            topic=name,
        )
    try:
        return _PARSERS[name](rest.strip() if name != "review" else rest)
    except _WhoDoYouMean:
        return c.ParseFailure(WHO_DO_YOU_MEAN.format(example=example(name)), name, asks_who=True)
    except _Draft:
        return (
            c.NotACommand(text)
            if casual_dm
            else c.ParseFailure(
                f"Tell me who, by name or mention. For example: {example(name)}", topic=name
            )
        )
    except WhenError as error:
        return c.ParseFailure(
            f"I couldn't use that date: {error}. {DAYS_LOOK_LIKE} For example: {example(name)}",
            topic=name,
        )
    except _Bad as bad:
        return c.ParseFailure(
            bad.message, topic=bad.topic or name, asks_one_each=isinstance(bad, _OneEach)
        )


_NAMES_A_ZONE = re.compile(r"\b(?:time\s*zones?|tz|zones?|time)\b", re.IGNORECASE)


def _somewhere_with_no_zone(result: object, body: str) -> bool:
    """ "i work from home now": a sentence about where the member is that names no place with
    a time zone, and no zone either (a misspelt zone said as one, "my tz is Berlln", still gets
    its suggestion)."""
    return (
        isinstance(result, c.SettingsTimezoneCommand)
        and zone_for(result.zone) is None
        and not _NAMES_A_ZONE.search(body)
    )


# --- people ---------------------------------------------------------------------------------


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _single_token_person(token: str) -> c.PersonRef | None:
    id_match = _FOLLOW_UP_ID.fullmatch(token)
    if id_match:
        return c.PersonRef(name=token, follow_up_id=int(id_match.group(1)))
    contact = _CONTACT_ID.fullmatch(token)
    if contact:
        return c.PersonRef(name=token, contact_id=int(contact.group(1)))
    neutral = MENTION_MARKUP.fullmatch(token)
    if neutral:
        return c.PersonRef(name=neutral.group("name"), mention=neutral.group("user_id"))
    slack = _SLACK_MENTION.fullmatch(token)
    if slack:
        user_id, label = slack.group(1), (slack.group(2) or "").strip()
        return c.PersonRef(name=label or f"<@{user_id}>", mention=user_id)
    teams = _TEAMS_MENTION.fullmatch(token)
    if teams:
        name = " ".join(teams.group(1).split())
        if not name:
            raise _Bad("That mention has no name in it. Write the name instead: `met Jane Doe`.")
        return c.PersonRef(name=_checked_name(name))
    return None


def _without_a_day_in_front(name: str) -> str:
    """ "Heute Lena Schmidt", "Dün Ayşe Kaya": a day word that opened the line is no part of a
    name of three words or more ("Kal Penn" keeps his)."""
    first, _, rest = name.partition(" ")
    if len(name.split()) < 3:
        return name
    try:
        day = find_day(first)
    except WhenError:
        return name
    return rest if day is not None and day.end - day.start == len(first) else name


def _checked_name(name: str) -> str:
    name = _without_a_day_in_front(name)
    if len(name) > MAX_NAME_CHARS:
        raise _Bad(
            f"That name is {len(name)} characters long; names can be at most {MAX_NAME_CHARS}. "
            "If you meant to add a note, put a dash before it: `met Jane Doe — note`."
        )
    return name


# Names the member already has, for reading sentences ("push the Omar reminder 2 days"). Set by
# `parse_command` for the duration of one parse.
_KNOWN: ContextVar[Sequence[str]] = ContextVar("known_names", default=())
# The users the message mentions (decoded by the channel), also for one parse.
_MENTIONS: ContextVar[Sequence[Mention]] = ContextVar("mentions", default=())
# The contact the conversation's last reply was about, also for one parse.
_REFERENT: ContextVar[c.PersonRef | None] = ContextVar("referent", default=None)

# Words that point back at the contact of the last reply: "snooze her", "cancel that".
_REFERRING = re.compile(
    r"(?:her|him|his|them|their|she|he|they|it|that|this|that one|this one|that person|the same|"
    r"same one|"
    r"(?:that|this|the|her|his|their) (?:(?:first |second |next )?(?:follow[- ]?up|touch)|reminder|"
    r"check-?in|nudge|contact|person|guy|girl|woman|man|one))",
    re.IGNORECASE,
)
# Commands about someone already known; `met her` logs a new meeting, so it is not among them.
_REFERRING_COMMANDS = frozenset(
    {"follow-up", "done", "snooze", "cancel", "who", "note", "keep-in-touch", "rename"}
)


# Words left where a person's name would be that name nobody: "follow up friday instead".
_NOBODY = re.compile(
    r"(?:(?:instead|then|please|pls|again|too|also|now|ok|okay|asap|as well|actually)\s*)*",
    re.IGNORECASE,
)


def _referred_to(tokens: list[str], command: str) -> c.PersonRef | None:
    """The last reply's contact, when the person words only point back at it."""
    if command not in _REFERRING_COMMANDS:
        return None
    words = " ".join(tokens).strip(" .!?")
    if not (_REFERRING.fullmatch(words) or _REFERRING.fullmatch(clean_person_text(words))):
        return None
    referent = _REFERENT.get()
    if referent is None:
        raise _WhoDoYouMean()
    return referent


# Words around a name that are not part of it: "my follow-up with Kai", "Dana's follow-up",
# "the Omar reminder", "Zoe, you can mark that one done".
_PERSON_NOISE_BEFORE = re.compile(
    # "push back my follow-up with Mateo", "wrote back to Dmitri": the "back" of the verb.
    r"^(?:back\s+(?=\S+\s))?"
    r"(?:(?:naman|mo|na|ako|yung|ung|ang)\s+)*(?:(?:si|kay|ni|kina)\s+)?"
    # "falar com Omar", "hablar con Jane": a verb of writing in another language, then "to".
    r"(?:(?:falar|escrever|ligar|mandar mensagem|hablar|escribir|escribirle|llamar|schreiben|"
    r"anrufen)\s+(?:com|para|pra|pro|con|a|al|an|mit)\s+)?"
    # "a Kai", "con Priya", "pro Omar", "mit Jane": the other languages' "to" and "with".
    r"(?-i:(?:a|al|con|com|o|an|mit|avec|pro|pra|para|para o|para a|ke|se)\s+(?=\S))?"
    # "lo de José", "o do Kai", "celui de Sam": "the matter of", "the one of".
    r"(?:(?:lo|la|el|o|a|celui|celle)\s+(?:de|do|da|del)\s+(?=\S))?"
    r"(?:(?:the|my|our|a|an|el|la|o|der|die)\s+)?(?:(?:follow[- ]?ups?|reminders?|touch|one|"
    r"contact(?:\s+card)?|notes?|card|lembrete|recordatorio|erinnerung)\s+(?:with|for|about|of|"
    r"on|to|mit|con|com|de|da|do|del|von|kay|ni|ng)\s+)?(?:(?:with|w/|w|for|about|abt|to|on|of)\s+)?",
    re.IGNORECASE,
)
_PERSON_NOISE_AFTER = re.compile(
    r"(?:'s|’s|s')?(?:\s+(?:follow[- ]?ups?|reminders?|touch|one|contact(?:\s+card)?|notes?|card|"
    r"profile|details|file|record|"
    r"name|again|back|now|already|finally|at last|anymore|any more|too|please|pls|in person|"
    r"entirely|completely|"
    r"email|message|text|intro|invite|request|question|dm|call|"
    r"from (?:my |the )?(?:contacts|network|list)(?: entirely)?|after all|earlier|as well|"
    # How the touch went: "followed up with Kai over email", "… via LinkedIn".
    r"(?:over|via|on|by)\s+(?:e-?mail|text|phone|the phone|linkedin|whatsapp|slack|zoom|dm|sms|"
    r"signal|telegram|teams|call)|"
    # Code-mixed words that follow a name: Tagalog "sa", Spanish "hasta", Hindi "bhai", "ji";
    # in lower case only, as "Li Na" and "Kim Ko" end in names.
    r"(?-i:sa|hasta|bhai|ji|ko|se|ka|ki|ke|na|mo|ng|de|do|da)))+$"
    r"|(?:'s|’s)$",
    re.IGNORECASE,
)
_PERSON_STOP = re.compile(r"\s*(?:[,;!?✅✔☑👍]|\s—|—|\s–|\s-\s|\s--\s).*$", re.DOTALL)
_A_PERSON_NAMED = re.compile(
    r"^(?:an?\s+(?:[\w-]+\s+){0,2}(?:named|called)|(?:someone\s+)?(?:named|called)|"
    # "this woman Min-ji Park": who they are said before the capitalised name.
    r"(?:this|that|a|an)\s+(?:woman|guy|man|lady|girl|dude|person|gentleman|chap|bloke)"
    r"(?=\s+(?-i:[A-ZÀ-ÖØ-Þ])))\s+",
    re.IGNORECASE,
)


# "Matteo after the holidays", "Wei Zhang after lunch": a vague when, not part of the name.
_VAGUE_WHEN = re.compile(
    r"\s+(?:after|before|post)\s+(?:the\s+|my\s+|our\s+)?(?:holidays?|new year|christmas|xmas|"
    r"lunch|the break|break|weekend|eid|diwali|thanksgiving|trip|conference|offsite|summit)\b.*$",
    re.IGNORECASE,
)


def clean_person_text(text: str) -> str:
    text = _VAGUE_WHEN.sub("", _PERSON_STOP.sub("", text.strip()))
    text = _A_PERSON_NAMED.sub("", text)
    for _ in range(3):
        before = text
        text = _PERSON_NOISE_BEFORE.sub("", text).strip()
        text = _PERSON_NOISE_AFTER.sub("", text).strip(" .:")
        if text == before:
            break
    return text


def known_in(text: str) -> str | None:
    """The longest run of words in `text` that names exactly one known contact, as typed."""
    known = _KNOWN.get()
    if not known:
        return None
    words = re.findall(r"@?[\w][\w.'’-]*", text)
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            span = [w.removeprefix("@") for w in words[start : start + size]]
            span[-1] = re.sub(r"(?:'s|’s)$", "", span[-1]).rstrip(".")
            if span[0].lower() in _PRONOUNS or span[0].lower() in _NOT_NAMES:
                continue
            if not (could_name(span[0], known) or could_name(span[-1], known)):
                continue
            if len(match_names(" ".join(span), known)) == 1:
                return " ".join(span)
    return None


# Small words that are never part of a person's name in a command.
_GLUE_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "and",
        "to",
        "with",
        "for",
        "about",
        "on",
        "at",
        "in",
        "of",
        "done",
        "up",
        "please",
        "note",
        "notes",
    }
)
# Words that are never a person although a contact's name might start with them.
_NOT_NAMES = _GLUE_WORDS | {"follow", "remind", "day", "days", "week", "mark"}
# Lower-case words tidying never turns into a contact's name.
_NEVER_A_NAME_WORD = frozenset(_NOT_NAMES | COMMAND_ALIASES.keys())


_BY_NUMBER = frozenset({"done", "cancel", "snooze"})
_BARE_NUMBER = re.compile(r"\d{1,6}")


# "remind me about both on friday", "snooze everyone": a group, never a contact's name.
_A_GROUP = re.compile(
    r"(?:them\s+)?(?:both|both of them|all of them|each of them|the (?:two|three|four) of them|"
    r"all (?:two|three|four|2|3|4)(?: of them)?)(?:\s+of\s+them)?",
    re.IGNORECASE,
)


def _person(tokens: list[str], command: str) -> c.PersonRef:
    if _A_GROUP.fullmatch(" ".join(tokens).strip(" .!?,")):
        raise _OneEach(
            f"`{command}` works on one person at a time. Send a line each, with their names or "
            f"#ids, like {example(command)}"
        )
    if command in _REFERRING_COMMANDS and _NOBODY.fullmatch(" ".join(tokens).strip(" .!?,")):
        # "snooze 2 days", "follow up friday instead": whoever the last reply was about.
        referent = _REFERENT.get()
        if referent is not None:
            return referent
        tokens = []
    if not tokens:
        raise _Bad(f"Tell me who, by name, mention or #id. For example: {example(command)}")
    if len(tokens) == 1:
        single = _single_token_person(tokens[0])
        if single is not None:
            return single
        if command in _BY_NUMBER and _BARE_NUMBER.fullmatch(tokens[0]):
            # "snooze 6 for two days", "done 6": a number alone is no name, it is the "#6"
            # the list shows.
            return c.PersonRef(name=f"#{tokens[0]}", follow_up_id=int(tokens[0]))
    referred = _referred_to(tokens, command)
    if referred is not None:
        return referred
    if clean_person_text(" ".join(tokens)).lower().split()[:1] in ([p] for p in _PRONOUNS) or (
        tokens[0].lower() in _PRONOUNS and not clean_person_text(" ".join(tokens))
    ):
        raise _Draft()
    for token in tokens:
        if _SLACK_MENTION.fullmatch(token) or _TEAMS_MENTION.fullmatch(token):
            raise _Bad(
                f"Mention one person at a time, with nothing else in the name. "
                f"For example: {example(command)}"
            )
    raw = " ".join(tokens)
    ids = _FOLLOW_UP_ID.findall(raw)
    if len(ids) == 1 and re.search(r"(?:^|\s)#\d", raw):
        return c.PersonRef(name=f"#{ids[0]}", follow_up_id=int(ids[0]))
    # "@Ana Ruiz" typed where the platform made no mention of it (the console, a plain DM).
    name = clean_person_text(raw).removeprefix("@").strip()
    found = known_in(name) if name else None
    if found is not None and _a_surname_after_a_known_first_name(name, found, command):
        return c.PersonRef(name=" ".join(word[:1].upper() + word[1:] for word in name.split()))
    found = found if name and not _looks_like_a_name(name) else None
    if found is not None and not _is_new_name(name, found):
        name = found
    if _PLAIN_POSSESSIVE.search(raw):
        name = _without_plain_possessive(name)
    if not name:
        raise _Bad(f"Tell me who, by name or mention. For example: {example(command)}")
    for mention in _MENTIONS.get():
        # "@Jane Doe" that the channel decoded from a real mention: keep the user id.
        if name_key(mention.name) in {name_key(name), name_key(clean_person_text(raw))}:
            return c.PersonRef(name=mention.name, mention=mention.user_id)
    return c.PersonRef(name=_checked_name(_capitalised_part(name)))


def _capitalised_part(name: str) -> str:
    """ "Carlos Mendoza we already signed" → "Carlos Mendoza": a name typed with capitals ends
    at the first lower-case word that is no name particle (a name typed all in lower case, or
    a single word, stays as it is)."""
    words = name.split()
    if len(words) < 2:
        return name
    if not words[0][:1].isupper():
        return _after_words_stuck_before(words) or name
    for index, word in enumerate(words[1:], start=1):
        if word[:1].islower() and word.lower() not in NAME_PARTICLES:
            return " ".join(words[:index])
    return name


MAX_WORDS_STUCK_BEFORE = 4


def _after_words_stuck_before(words: list[str]) -> str | None:
    """ "in for Ngozi Adeyemi", "uo Sam Lee", "following up with Liam Walsh": a few lower-case
    words the other readings left before a capitalised name (two words or more, or a contact)
    are no part of it; name particles ("van Dijk") are."""
    first_capital = next((i for i, word in enumerate(words) if word[:1].isupper()), None)
    if first_capital is None or first_capital > MAX_WORDS_STUCK_BEFORE:
        return None
    if any(word.lower() in NAME_PARTICLES for word in words[:first_capital]):
        return None
    rest = words[first_capital:]
    if not all(word[:1].isupper() or word.lower() in NAME_PARTICLES for word in rest):
        return None
    if len(rest) < 2 and not match_names(rest[0], _KNOWN.get()):
        return None
    return " ".join(rest)


_NAME_WORD = re.compile(r"@?[^\W\d_][\w'’.-]*")
# Words that are never part of a person's name in a command, with the glue words.
_FILLER_WORDS = _GLUE_WORDS | {
    "my",
    "is",
    "it",
    "that",
    "this",
    "one",
    "back",
    "again",
    "now",
    "pls",
    "him",
    "her",
    "them",
    "reminder",
    "follow-up",
    "followup",
    "contact",
    "card",
}


# "priyas reminder": a possessive without its apostrophe, before what is hers.
_PLAIN_POSSESSIVE = re.compile(
    r"[^\W\d_]s\s+(?:follow[- ]?ups?|reminders?|touch|card|contact|notes?|check-?in)\b", re.I
)


def _without_plain_possessive(name: str) -> str:
    """ "priyas reminder" typed without the apostrophe: Priya, when she is a contact and
    "priyas" names nobody."""
    known = _KNOWN.get()
    if not name.lower().endswith("s") or len(name) < 3 or match_names(name, known):
        return name
    return name[:-1] if len(match_names(name[:-1], known)) == 1 else name


def _looks_like_a_name(text: str) -> bool:
    """One to four name-like words ("zoë ça", "Dr. Ananya Rao"), nothing else."""
    words = text.split()
    return 1 <= len(words) <= 4 and all(
        _NAME_WORD.fullmatch(w) and w.lower() not in _FILLER_WORDS for w in words
    )


def _is_new_name(typed: str, found: str) -> bool:
    """ "Sam Rivera" holds the known "Sam" but is somebody else: keep what was typed when it is
    just a longer name of capitalised words."""
    extra = typed.replace(found, "", 1).split()
    return bool(extra) and all(w[:1].isupper() for w in extra) and len(typed.split()) <= 4


def _a_surname_after_a_known_first_name(typed: str, found: str, command: str) -> bool:
    """ "met kiran reddy at …" beside a known "Kiran": for `met`, whose whole slot is the
    person, a known one-word name and a surname typed in lower case is somebody new (who is
    then asked about: "Another Kiran?"), never "Kiran" with "reddy" dropped."""
    words = typed.split()
    return (
        command == "met"
        and len(words) == 2
        and name_key(words[0]) == name_key(found)
        # the contact's whole name is that one word ("omar h" is Omar Haddad)
        and name_key(found) in {name_key(known) for known in _KNOWN.get()}
        and len(words[1]) > 1
        and words[1].isalpha()
        and words[1].islower()
        and words[1] not in THING_WORDS | _NOT_A_SURNAME
    )


# Words that follow a first name in a `met` slot without being a surname: "met kiran again".
_NOT_A_SURNAME = frozenset(
    {"again", "too", "also", "today", "yesterday", "tonight", "briefly", "finally", "twice"}
    | {"downstairs", "outside", "online", "irl", "there", "here", "randomly", "properly"}
)


def _split_note(text: str) -> tuple[str, str | None]:
    match = _NOTE_DASH.search(text)
    if match is None:
        return text, None
    note = text[match.end() :].strip()
    if len(note) > MAX_NOTE_CHARS:
        raise _Bad(
            f"Notes can be at most {MAX_NOTE_CHARS:,} characters; that one has {len(note):,}. "
            "Keep it to a reminder, like `met Jane — send the Rust talk link`."
        )
    return text[: match.start()], note or None


def _note(words: list[str]) -> str | None:
    note = " ".join(words).strip()
    if len(note) > MAX_NOTE_CHARS:
        raise _Bad(
            f"Notes can be at most {MAX_NOTE_CHARS:,} characters; that one has {len(note):,}. "
            "Keep it to a reminder, like `met Jane — send the Rust talk link`."
        )
    return note or None


# --- dates ------------------------------------------------------------------------------------


def _date_at(tokens: list[str], start: int, command: str) -> tuple[DaySpec, int] | None:
    """A date phrase starting at tokens[start]; returns it and the index after it."""
    for length in (3, 2, 1):
        chunk = tokens[start : start + length]
        if len(chunk) < length:
            continue
        try:
            spec = parse_day(chunk)
        except DateWordsError as error:
            raise _Bad(
                f"I couldn't use `{' '.join(chunk)}`: {error}. Dates look like `3 March`, "
                f"`2024-03-05` or `friday`. For example: {example(command)}"
            ) from None
        if spec is not None:
            return spec, start + length
    return None


def _is_number(word: str) -> bool:
    """ASCII digits only: `str.isdigit` also accepts "²", which `int` refuses."""
    return re.fullmatch(r"[0-9]{1,12}", word) is not None


def _count(word: str, command: str) -> int:
    if word.lower() in {"a", "an", "one"}:
        return 1
    if not _is_number(word):
        raise _Bad(f"`{word}` is not a number of days. For example: {example(command)}")
    value = int(word)
    if value > MAX_DAYS:
        raise _Bad(
            f"{value:,} days is too far ahead; ask for at most {MAX_DAYS:,}, e.g. "
            f"{example(command)}."
        )
    return value


def _in_days(tokens: list[str], start: int, command: str) -> tuple[DaySpec, int] | None:
    """`in N days` / `in a week` starting at tokens[start] (the word "in")."""
    if start + 1 >= len(tokens):
        return None
    amount_word = tokens[start + 1]
    unit = tokens[start + 2].lower().strip(",.") if start + 2 < len(tokens) else ""
    if unit in {"day", "days"}:
        return RelativeDays(_count(amount_word, command)), start + 3
    if unit in {"week", "weeks"}:
        return RelativeDays(_count(amount_word, command) * 7), start + 3
    if _is_number(amount_word):
        raise _Bad(f"Say `in {amount_word} days`. For example: {example(command)}")
    return None


# --- commands ---------------------------------------------------------------------------------


def _parse_help(rest: str) -> c.Command:
    if not rest:
        return c.HelpCommand()
    word = rest.split()[0].lower().lstrip("/")
    topic = COMMAND_ALIASES.get(word)
    if topic is not None:
        return c.HelpCommand(topic=topic)
    if word in {"me", "please", "pls"}:
        _, topic = help_topic(f"how do i {rest}")
        return c.HelpCommand(topic=topic)  # "help me with notes": the help on notes
    _, topic = help_topic(f"how do i {rest}")
    if topic is not None:
        return c.HelpCommand(topic=topic)
    return c.HelpCommand(unknown=word[:40], suggestion=closest_command(word))


# Where a note starts: a comma, semicolon or dash, or words that describe the person.
_NOTE_START = re.compile(
    r"\s*(?:,|;|\s—|—|\s–|\s--\s|\s-\s|:\s)\s*"
    r"|\s+(?=(?:she|he|they)(?:'s|'re|\s+(?:is|are|was|were|wants?|works?|runs?|leads?|said|"
    r"mentioned|asked|has|had|knows?|needs?|might|will|just|also|invited|offered|recommended|"
    r"suggested|liked|loved|builds?|teaches|manages)\b))"
    r"|\s+(?=(?:we\s+|i\s+)?(?:talked|chatted|spoke|discussed|swapped|exchanged)\b)"
    r"|\s+(?=who\s+(?:is|was|works|runs|leads|wants|knows)\b)"
    r"|\s+(?=(?:re|about|regarding)\s*:\s)"
    r"|\s+(?=(?:re|regarding)\s+\S)"
    # A full stop that ends a sentence ("… today. She does design", "… on Dec 2. Ex-Grab"), not
    # "Mr. Rahul" or an initial; before a lower-case word ("… today. wants an intro") only after
    # a whole word, not an abbreviation ("the Maui hospitality conf. last Friday").
    r"|(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bJr)(?<!\bSr)(?<!\bProf)"
    r"(?<!\b[^\W\d_])\.\s+(?=(?-i:[A-Z]))"
    r"|(?<=\w{3})(?<!conf)(?<!etc)(?<!approx)(?<!inc)(?<!ltd)(?<!corp)(?<!dept)(?<!intl)(?<!\bca)"
    r"(?<!\bno)(?<!\bvs)(?<!\bjr)(?<!\bsr)\.\s+(?=(?-i:[a-z]))",
    re.IGNORECASE,
)
_NEW_PERSON = re.compile(
    r"\b(?:different|another|other|new|second)\s+(?:person|one|contact|[A-Z][\w'-]*)"
    r"|\(new contact\)",
    re.IGNORECASE,
)
_SAME_PERSON = re.compile(
    r"\(\s*same (?:contact|person|one)\s*\)|\bsame\s+(?:person|one|contact)\b", re.I
)
# "met tomas again", "ran into Kai once more": the same person, met another time.
_AGAIN = re.compile(
    r"\s+(?:again|once more|one more time|a second time|another time)\b(?=\s|$|[,.;!?])", re.I
)
# "met another Sam": somebody new with a name already known.
_ANOTHER = re.compile(r"^(?:another|a different|a second|a new|the other)\s+", re.I)


def _note_split(text: str) -> tuple[str, str | None]:
    match = _NOTE_START.search(text)
    if match is None:
        return text, None
    note = text[match.end() :].strip(" ,;:-—–")
    if len(note) > MAX_NOTE_CHARS:
        raise _Bad(
            f"Notes can be at most {MAX_NOTE_CHARS:,} characters; that one has {len(note):,}. "
            "Keep it to a reminder, like `met Jane — send the Rust talk link`."
        )
    return text[: match.start()], note or None


def _cut_when(text: str, seasons: bool = True) -> tuple[str, DaySpec | None, time | None, int]:
    """`text` without its date and time phrases; also where the date phrase started."""
    at: time | None = None
    original = text
    found_time = find_time(text)
    if found_time is not None:
        text, at = cut(text, found_time.start, found_time.end), found_time.at
    found = find_day(text, seasons=seasons)
    if found is None and found_time is not None:
        # "omar sat 10am": the time right after a short weekday is what makes it a day.
        day = find_day(original)
        if day is not None and day.end <= found_time.start:
            text = cut(cut(original, found_time.start, found_time.end), day.start, day.end)
            return text, day.spec, at, day.start
    if found is None:
        return text, None, at, -1
    return cut(text, found.start, found.end), found.spec, at, found.start


# "at" in English and the languages members mix in (`bot.core.other_languages`): Tagalog "sa"
# and French "au", "à" always; the others only before a capitalised place, an article or a
# venue noun ("en PyCon", "no evento da Google", not "en route", "no idea").
_AT_ABROAD = alternation(every(PLACE_AT))
_AT_ABROAD_ALWAYS = alternation(PLACE_AT_ALWAYS)
_ARTICLE_ABROAD = alternation(every(ARTICLES))
_VENUE_ABROAD = alternation(VENUE_NOUNS)
_PLACE_START = re.compile(
    r"\s+(?:at|@|during|over|sa|"
    rf"(?-i:{_AT_ABROAD}(?=\s+(?:[A-Z]|{_ARTICLE_ABROAD}\s|un\s|una\s|{_VENUE_ABROAD}\b)))|"
    rf"{_AT_ABROAD_ALWAYS}|"
    # "in the Nasscom event", "in Berlin" (not "in person", "in the morning").
    r"in(?=\s+(?-i:[A-Z])|\s+the\s+(?!(?:morning|afternoon|evening|night)\b)))\s+",
    re.IGNORECASE,
)
_FROM = re.compile(r"\s+(?:from|of|with)\s+", re.IGNORECASE)


# Story words after the person or place: "X after her talk at Y", "Y and we hit it off",
# "introduced to X by Jane".
_AFTER = re.compile(r"\s+(?:after|by|through|via|and (?:we|i|she|he|they))\b\s*", re.IGNORECASE)


# "Met Anders Nilsson, Ericsson, at the 5G summit": a short capitalised name of where they work
# between the person's commas, then where they met.
_EMPLOYER_BETWEEN_COMMAS = re.compile(
    r"(?P<who>(?-i:[A-ZÀ-ÖØ-Þ])[\w'’.-]*(?:\s+(?-i:[A-ZÀ-ÖØ-Þ])[\w'’.-]*){0,2}),\s+"
    r"(?P<employer>(?-i:[A-Z0-9])[\w&.'’-]*(?:\s+(?-i:[A-Z0-9])[\w&.'’-]*){0,2}),\s+"
    r"(?P<rest>(?:at|@)\s+.+)",
    re.S,
)


def _employer_between_commas(rest: str) -> tuple[str, str | None]:
    found = _EMPLOYER_BETWEEN_COMMAS.fullmatch(rest.strip())
    if found is None:
        return rest, None
    return f"{found['who']} {found['rest']}", found["employer"]


# "talked to Ivan for an hour at …": how long they talked is no note.
_HOW_LONG = re.compile(
    r"\s+for\s+(?:(?:about|like|almost|over|nearly)\s+)?(?:an?\s+(?:hour|half hour|while|bit|"
    r"good hour)|half an hour|\d+\s*(?:min(?:ute)?s?|hours?|hrs?)|hours|ages)\b(?=\s+(?:at|@|in|on|"
    r"over|during|today|yesterday|this|last)\b|\s*[,;—–.]|\s*$)",
    re.IGNORECASE,
)
# What a place may end with that is no part of it: "at Le Bernardin w/" (the person came after),
# "at the dentist jajaja", "at the coffee place to catch up".
_PLACE_TAIL = re.compile(
    r"\s+(?:w/|with)$|\s+(?:(?:ja){2,}|(?:ha){2,}h?|lol|lmao|hehe+|kkk+)[!.]*$|"
    r"\s+to\s+(?:catch up|chat|talk|reconnect|discuss\b.*|grab\b.*)$|"
    # "met ankit jain @ hasgeek too": another person met there, "too" is no part of it.
    r"\s+(?:too|as\s+well|also)[!.]*$",
    re.IGNORECASE,
)


def _cut_after(text: str) -> tuple[str, str | None]:
    """`text` before "after …" / "and we …", and what followed "after" (a place, maybe)."""
    match = _AFTER.search(text)
    if match is None:
        return text, None
    after = text[match.end() :].strip()
    place = after if match.group(0).strip().lower() == "after" and after else None
    if place is not None and _A_STRETCH_OF_TIME.fullmatch(place):
        place = None  # "caught up with Omar after months": how long, not where
    return text[: match.start()], place


_A_STRETCH_OF_TIME = re.compile(
    r"(?:so\s+long|ages|a\s+while|forever|(?:many\s+|a\s+few\s+|\d+\s+|two\s+|three\s+)?"
    r"(?:days|weeks|months|years))[\s!.]*",
    re.IGNORECASE,
)


# "on the panel", "on LinkedIn": where, not a date that failed to read.
# "on a zoom panel" too ("on a Monday" is a day, found first).
_ON_WHERE = re.compile(r"\s+on\s+(?P<where>(?:the|an?)\s+\S.*|(?-i:[A-Z])[\w.-]*(?:\s+.*)?)$", re.I)


def _cut_on_where(head: str, place: str | None) -> tuple[str, str | None]:
    match = _ON_WHERE.search(head)
    if match is None or _cut_when(match.group(0))[1] is not None:
        return head, place
    if is_a_channel(match.group("where")):
        return head[: match.start()], place  # "on a quick call": how they met (pass 24)
    return head[: match.start()], place or match.group("where").strip()


_ASIDE = re.compile(r"\s*\(([^()]{1,120})\)")
# "over coffee", "over a quick call": how they met, not where.
_OVER_A_MEAL = re.compile(
    r"\s+(?:over|for)\s+(?:a\s+|an\s+|some\s+)?(?:quick\s+|long\s+)?(?:coffee|lunch|breakfast|brunch|"
    r"dinner|drinks?|beers?|tea|chai|a call|call|video|the phone|phone|chat|"
    # "met Dana for a walk", "for a run", "for a quick bite": what they did together.
    r"walk|run|jog|hike|swim|bike ride|ride|bite|game of \w+|round of \w+|workout|"
    r"walk-and-talk|catch-?up)\b",
    re.IGNORECASE,
)
# "…, finally.", "by chance, she used to …": how it came about says nothing about the person.
_HOW_IT_CAME_ABOUT = re.compile(
    r"^(?:(?:finally|at last|by chance|by accident|randomly|out of the blue|in person|"
    r"again|lol|haha)\s*(?:[,!.;—–]+\s*|$))+",
    re.IGNORECASE,
)
# "my neighbor's cousin Arjun Pillai", "a friend of Jane's, Tom Reed": who they are to you,
# then the name.
_DESCRIBED = re.compile(
    r"^(?:my|our|a|an|the|her|his|their|(?-i:[A-Z])[\w-]*(?:'s|’s))\s+(?:(?-i:[a-z][\w'’-]*),?\s+){1,4}(?:of\s+(?:mine|[A-Z]\w*'s),?\s+)?"
    r"(?P<name>(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,2})$"
)
# "Tom from Stripe": where the person works, kept as a note, not part of the name.
_EMPLOYER = re.compile(
    r"^(?P<who>.+?)\s+(?P<where>(?:from|of)\s+(?-i:[A-Z])[\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*)$"
)
# "bob from stripe": typed in lower case, "from" and a few words after a short name.
_EMPLOYER_LOWER = re.compile(
    r"^(?P<who>[^\s,]+(?:\s+[^\s,]+)?)\s+(?P<where>from\s+[\w&.'’-]+(?:\s+[\w&.'’-]+){0,2})$",
    re.IGNORECASE,
)


def _cut_employer(head: str) -> tuple[str, str | None]:
    match = _EMPLOYER.match(head.strip()) or _EMPLOYER_LOWER.match(head.strip())
    if match is None or not _looks_like_a_name(match.group("who")):
        return head, None
    return match.group("who"), match.group("where")


# "met Ada yesterday about the partnership": what it was about is a note, kept with its word.
_MET_TOPIC = re.compile(
    r"\s+(?P<topic>(?:about|abt|regarding|re:?|for(?=\s+(?:the|a|an|our|my|his|her|their)\s))"
    r"\s+\S.*)$",
    re.IGNORECASE,
)


def _cut_topic(text: str) -> tuple[str, str | None]:
    found = _MET_TOPIC.search(text)
    if found is None:
        return text, None
    return text[: found.start()], found.group("topic").strip()


_A_LIST_OF_PEOPLE = re.compile(r"\s(?:and|&|\+)\s|,", re.IGNORECASE)
_WHO_BEFORE_AN_ASIDE = re.compile(r"([^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)\s*$")


_SAYS_A_NAME_IS_WRONG = re.compile(
    r"(?:(?:spelled|spelt|written|typed|is|all)\s+)?(?:wrong|wrongly|incorrect|incorrectly|"
    r"misspelled|misspelt|off|not right|a typo|mistyped)(?:\s+(?:now|here|there|again))?",
    re.IGNORECASE,
)


def _asides_cut(head: str) -> tuple[str, str | None]:
    """The words in brackets cut from `head`, and what they say: one aside about one person as
    it is; in a list of people ("Ana Lopes (payments PM) and Tom Reid (Monzo)") each after the
    name it follows, so no person after an aside is lost and no aside is pinned on the wrong
    one."""
    asides = list(_ASIDE.finditer(head))
    if not asides:
        return head, None
    said: list[str] = []
    for aside in asides:
        words = aside.group(1).strip()
        several = len(asides) > 1 or _A_LIST_OF_PEOPLE.search(head) is not None
        who = _WHO_BEFORE_AN_ASIDE.search(head[: aside.start()]) if several else None
        said.append(f"{who.group(1)}: {words}" if who else words)
    for aside in reversed(asides):
        head = cut(head, aside.start(), aside.end())
    return head, "; ".join(said)


def _noted_first(part: str, note: str | None) -> str:
    """A meeting's note with `part` (an aside, a topic, an employer) in front."""
    return f"{part}; {note}" if note else part


_DANGLING_AND = re.compile(r"\s+(?:and|but|so)\s*$", re.IGNORECASE)


# "Aisha, Ben and Chen", "Aisha Bello, Ben Ode, and Chen Li": capitalised names listed with
# commas and a last "and" (or "&"); the comma there starts no note.
_NAME = r"(?-i:(?!I\b)[A-ZÀ-ÖØ-Þ][\w'’.-]*)(?:\s+(?-i:[A-ZÀ-ÖØ-Þ][\w'’.-]*)){0,2}"
_LISTED_PEOPLE = re.compile(
    rf"^(?P<people>{_NAME}(?:\s*,\s*{_NAME})+,?\s+(?:and|&)\s+{_NAME})(?=$|[\s,;.!?—–-])"
)


def _one_follow_up_per_person(rest: str) -> None:
    """ "follow up with Aisha, Ben and Chen on friday": a follow-up is for one person, so ask
    for a line each rather than file "Aisha and Ben" as a name or "Ben and Chen" as a note."""
    try:
        joined = _listed_people_joined(re.sub(r"^(?:with|w/)\s*", "", rest.strip(), flags=re.I))
        head, note = _note_split(joined)
        found = find_day(head)
    except (_Bad, WhenError):
        return
    people_text = head[: found.start] if found is not None else head
    people_text = _FOLLOW_UP_NOTE.split(people_text, maxsplit=1)[0]
    people, _ = _several_people(people_text.strip())
    if len(people) < 2:
        return
    day = f" {head[found.start : found.end]}" if found is not None else ""
    said = f" — {note}" if note else ""
    lines = " · ".join(f"`follow-up {person.name}{day}{said}`" for person in people)
    raise _OneEach(f"I keep one follow-up per person. Send them one by one: {lines}")


# The same typed in lower case, one word each: only before where they were met ("aisha, ben
# and chen at the meetup"; "sam, smart and funny" is a person and a note) or when each word is
# one of the member's contacts.
_LISTED_LOWER = re.compile(
    r"^(?P<people>[^\W\d_][\w'’-]*(?:\s*,\s*[^\W\d_][\w'’-]*)+,?\s+(?:and|&)\s+"
    r"[^\W\d_][\w'’-]*)(?![\w'’-])",
    re.IGNORECASE,
)


def _listed_lower(rest: str) -> re.Match[str] | None:
    listed = _LISTED_LOWER.match(rest)
    if listed is None:
        return None
    words = [
        w.lower() for w in re.split(r"\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+", listed["people"])
    ]
    if set(words) & (_NEVER_A_NAME_WORD | _PRONOUNS | _FILLER_WORDS):
        return None
    before_a_place = re.match(r"\s+(?:at|@)\s+\S", rest[listed.end() :])
    if before_a_place is None and not all(known_in(word) for word in words):
        return None
    return listed


# "Jane Doe, Priya Shah at the gala": contacts listed with commas alone.
_LISTED_BY_COMMAS = re.compile(rf"^(?P<people>{_NAME}(?:\s*,\s*{_NAME})+)(?=\s+(?:at|@)\s|\s*$)")


def _listed_contacts(rest: str) -> re.Match[str] | None:
    listed = _LISTED_BY_COMMAS.match(rest)
    if listed is None:
        return None
    names = [name.strip() for name in listed["people"].split(",")]
    return listed if all(known_in(name) == name for name in names) else None


def _listed_people_joined(rest: str) -> str:
    """ "Aisha, Ben and Chen at the meetup" as "Aisha and Ben and Chen at the meetup", so the
    commas between the names are not read as the start of a note."""
    listed = _LISTED_PEOPLE.match(rest) or _listed_lower(rest) or _listed_contacts(rest)
    if listed is None:
        return rest
    people = re.sub(r"\s*,\s*(?:(?:and|&)\s+)?|\s+&\s+", " and ", listed.group("people"))
    if len(_AND.split(people)) > MAX_PEOPLE_MET:
        raise _Bad(
            f"That's more than {MAX_PEOPLE_MET} people in one line; log them a few at a time, "
            f"like `met Aisha, Ben and Chen at PyCon`, so each gets a follow-up you can keep."
        )
    return people + rest[listed.end() :]


# "…, went well": how a meeting went says nothing to keep about the person.
_HOW_IT_WENT = re.compile(
    r"(?:it\s+)?went\s+(?:really\s+|so\s+|very\s+)?(?:well|great|fine|ok|okay|nicely)[\s.!]*",
    re.IGNORECASE,
)
# "Mr. Erdem Yılmaz": a courtesy title before a full name is not kept ("Dr." and "Prof." are,
# and "Mr. Haddad" alone stays, to find the contact by surname).
_COURTESY_TITLE = re.compile(r"^(?:mr|mrs|ms|miss|mx)\.?\s+(?=\S+\s+\S)", re.IGNORECASE)


def _without_courtesy_title(person: c.PersonRef) -> c.PersonRef:
    if person.mention is not None or not _COURTESY_TITLE.match(person.name):
        return person
    return replace(person, name=_COURTESY_TITLE.sub("", person.name))


def _aside_before_the_note(rest: str) -> tuple[str, str | None]:
    """ "Ingrid Johansson (Volvo Cars, EV batteries) at …": the words in brackets right after
    the person, cut before the note is looked for (their comma starts no note)."""
    aside = _ASIDE.search(rest)
    note_start = _NOTE_START.search(rest)
    if aside is None or "," not in aside.group(1):
        return rest, None
    if note_start is not None and note_start.start() < aside.start():
        return rest, None
    return cut(rest, aside.start(), aside.end()), aside.group(1).strip()


def _fields_place_day_note(head: str, note: str) -> tuple[str, str | None, DaySpec | None]:
    """A capitalised place, then a field that is only a day (maybe ending a sentence), then
    the note: (head with "at <place>", the note, the day); unchanged when it is not so."""
    place, _, after = note.partition(",")
    day_field, comma, more = after.partition(",")
    if not place.strip()[:1].isupper() and not place.strip()[:1].isdigit():
        return head, note, None
    day_field = day_field.strip()
    try:
        if _cut_when(place)[1] is not None:
            return head, note, None
        found = find_day(day_field)
    except WhenError:
        return head, note, None
    if found is None or found.start != 0:
        return head, note, None
    left = day_field[found.end :].strip()
    if left and not (left.startswith(".") or day_field[found.end - 1] == "."):
        return head, note, None
    said = [part for part in (left.lstrip(". "), more.strip() if comma else "") if part]
    return f"{head} at {place.strip()}", ", ".join(said) or None, found.spec


# "someone cool at the bar: Diego Fernández, sommelier": the name comes after the colon.
_SOMEONE_THEN_NAMED = re.compile(
    r"^(?:someone|somebody|a (?:guy|woman|man|girl|person|founder|dev)|(?:\d|two|three|four)\s+"
    r"(?:people|founders|folks|guys|devs|engineers|investors|people))(?:\s+[\w'-]+){0,2}?"
    r"\s+(?P<place>(?:at|@|in)\s+[^:]+?)\s*:\s*"
    # One name, or several with commas and "and" ("Ana Lima and Joao Silva").
    r"(?P<who>(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*(?:(?:\s+|\s*,\s*|\s+and\s+|\s*&\s*)"
    r"(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*){0,8})(?P<note>\s*[,;—–-].*)?$",
    re.IGNORECASE | re.DOTALL,
)


# "a cool designer, Lea Martin, at Config", "(with) a recruiter, Rachel Goldberg, over zoom",
# "an old colleague today, Pedro Alves — now CTO", "someone interesting yesterday - Ola Berg":
# who they are (and maybe the day), then the name after a comma or a dash.
_DESCRIBED_THEN_NAMED = re.compile(
    # Not "this" or "that": "saw this grant, Mpho — deadline 12 May" is a message to Mpho.
    r"^(?:with\s+)?(?P<what>(?:a|an|some|the)\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+|"
    # "met someone cool!! Nadia Petrova, startup lawyer, …": "!" or ":" before the name too.
    r"(?:someone|somebody)(?:\s+[\w'’-]+){0,3})\s*(?:,|\s[—–-]|—|!+|:)\s*"
    r"(?P<who>(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*(?:\s+(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*){0,2})"
    r"(?:\s*(?P<sep>,|\s[—–-]|—)\s*(?P<rest>.*))?$",
    re.IGNORECASE | re.DOTALL,
)


def _starts_with_a_day(text: str) -> bool:
    try:
        found = find_day(text)
    except WhenError:
        return False
    return found is not None and found.start == 0


# Someone not yet described: "someone interesting" says nothing to keep.
_NOBODY_DESCRIBED = re.compile(r"^(?:someone|somebody)\b", re.IGNORECASE)


def _described_then_named(rest: str) -> tuple[str, str | None] | None:
    """(the line with the name first, who they are) for "a recruiter, Rachel Goldberg, …"; the
    day said with the description stays with the meeting ("an old colleague today, …")."""
    found = _DESCRIBED_THEN_NAMED.match(rest.strip())
    if found is None:
        return None
    what = found["what"]
    try:
        day = find_day(what)
    except WhenError:
        day = None
    day_phrase = ""
    if day is not None:
        day_phrase, what = what[day.start : day.end], cut(what, day.start, day.end).strip()
    tail = found["rest"] or ""
    if tail and not (_PLACE_START.match(" " + tail) or _starts_with_a_day(tail)):
        tail = f"— {tail}"  # not where or when: what follows is said about them
    line = " ".join(part for part in (found["who"], day_phrase, tail) if part)
    described = None if _NOBODY_DESCRIBED.match(what) else what
    return line, described


# Where, said as the first field after the comma (or after a short description of them).
_WHERE_FIELD = re.compile(r"(?:at|@)\s+\S", re.IGNORECASE)
# An event's name as a field: capitalised words, one of them saying it is an event ("DevFest
# Lagos", "Product Hunt meetup SF", "PyCon Kenya").
_AN_EVENT_FIELD = re.compile(
    r"(?=.*(?:fest|conf|con|summit|meetup|expo|hackathon|forum)\b)"
    r"(?:the\s+)?(?-i:[A-Z])[\w'’&.-]*(?:\s+[\w'’&.-]+){0,4}",
    re.IGNORECASE,
)
_FIELD_BREAK = re.compile(r"\s*(?:,|;|\s[—–-]\s|—|–)\s*")
MAX_DESCRIPTION_WORDS = 5
MAX_PLACE_FIELD_WORDS = 8


def _place_after_the_comma(head: str, note: str | None) -> tuple[str, str | None]:
    """ "… Lukas Becker getroffen, at the Berlin AI meetup – er sucht …", "met Freya Andersen,
    nurse practitioner, at the health summit": the field that starts with "at" is where they met
    (a short description before it stays the note); unchanged when the head already says where."""
    if note is None or _PLACE_START.search(" " + head):
        return head, note
    fields: list[tuple[int, int]] = []
    start = 0
    for found in _FIELD_BREAK.finditer(note):
        fields.append((start, found.start()))
        start = found.end()
    fields.append((start, len(note)))
    if _AN_EVENT_FIELD.fullmatch(note[fields[0][0] : fields[0][1]]):
        # "met Ada Obi, DevFest Lagos, wants a workshop": an event's name as the first field.
        begin, end = fields[0]
        after = note[fields[1][0] :] if len(fields) > 1 else ""
        return f"{head} at {note[begin:end]}", after or None
    for index, (begin, end) in enumerate(fields[:2]):
        field = note[begin:end]
        if not _WHERE_FIELD.match(field) or len(field.split()) > MAX_PLACE_FIELD_WORDS:
            continue
        before = note[: fields[index - 1][1]] if index else ""
        if index and (len(before.split()) > MAX_DESCRIPTION_WORDS or not _a_description(before)):
            return head, note
        after = note[fields[index + 1][0] :] if index + 1 < len(fields) else ""
        left = "; ".join(part for part in (before, after) if part)
        return f"{head} {field}", left or None
    return head, note


def _a_description(words: str) -> bool:
    """ "nurse practitioner", "robotics PhD", "CTO at a proptech": what someone is, not a name
    (its first word is in lower case or an acronym)."""
    first = words.split()[0] if words.split() else ""
    return first.islower() or (first.isupper() and len(first) <= MAX_ACRONYM_CHARS)


MAX_ACRONYM_CHARS = 4


def _joined_notes(first: str, note: str | None) -> str:
    return f"{first}, {note}" if note else first


# "… yesterday after the keynote", "… on 12/5 and we hit it off": how it went on, no note.
_CONNECTIVE = re.compile(
    r"(?:and|but|so|then|after|before|with|when|while|during|around|over|for|to|because|as|"
    r"lol|haha)\b",
    re.IGNORECASE,
)


def _said_after_the_day(head: str, note: str | None) -> tuple[str, str | None]:
    """ "met Ana at the HCMC startup night yesterday CTO at a logistics startup": with no comma,
    the words after the day (not where, not a time) are the note."""
    try:
        day = find_day(head)
    except WhenError:
        return head, note
    if day is None or day.start == 0:
        return head, note
    after = head[day.end :].strip()
    if (
        len(after.split()) < 2
        or _PLACE_START.match(" " + after)
        or _CONNECTIVE.match(after)
        or find_time(after) is not None
    ):
        return head, note
    if not _PLACE_START.search(" " + head[: day.start]):
        return head, note  # "met Ana yesterday she …": the pronoun rule reads that
    return head[: day.end].strip(), _joined_notes(after, note)


# "… at the coworking he does growth for marketplaces", "met Rosa Delgado she owns three
# bakeries": a subject pronoun starts what is said about them ("where she works" stays).
_A_CLAUSE_ABOUT_THEM = re.compile(
    r"(?<!\bwhere)(?<!\bthat)(?<!\bwho)(?<!\bwhich)(?<!\bwhen)(?<!\band)(?<!&)(?<!\bwith)\s+"
    r"(?=(?:she|he|they)(?:'s|'re|\s)|(?:her|his|their)\s+(?:manager|boss|team|company|startup|"
    r"firm)\s)",
    re.IGNORECASE,
)


def _said_from_a_pronoun(head: str, note: str | None) -> tuple[str, str | None]:
    found = _A_CLAUSE_ABOUT_THEM.search(head)
    if found is None or not head[: found.start()].strip() or len(head.split()) < 3:
        return head, note
    said = head[found.end() :]
    try:
        day = find_day(said)
    except WhenError:
        day = None
    kept = head[: found.start()]
    if day is not None and not said[day.end :].strip(" .!"):
        # "Yesterday met X at Y he is a QA head" came with its day moved to the end.
        kept, said = f"{kept} {said[day.start : day.end]}", said[: day.start]
    return kept.strip(), _joined_notes(said.strip(), note)


# A field after the day that names a place: "Eko Hotel", "Istanbul office".
_VENUE_WORDS = (
    r"office|hq|hotel|campus|cafe|café|bar|club|lobby|lecture|talk|forum|conference|summit|"
    r"meetup|expo|gala|dinner|party|event|panel|workshop|hackathon|fair|festival|breakfast|"
    r"brunch|mixer|reception|retreat|offsite|hike|tasting|camp|circle|booth|launch|meet"
)
_PLACE_FIELD = re.compile(
    r"(?P<place>(?-i:[A-ZÀ-ÖØ-Þ])[\w'’&-]*(?:\s+(?:(?-i:[A-ZÀ-ÖØ-Þ])[\w'’&-]*|"
    + _VENUE_WORDS
    + r")){0,3}|"
    # "…, Tuesday, the housing policy forum. Economist.": an event said in lower case, ending
    # in what it was.
    r"the\s+(?:[\w'’&-]+\s+){0,3}(?:" + _VENUE_WORDS + r"))"
    r"(?:\s*(?:,|;|\s[—–-]|\.(?=\s))\s*(?P<note>\S.*)|[.!]?)",
    re.IGNORECASE | re.DOTALL,
)


def _place_field_after_the_day(head: str, note: str) -> tuple[str, str | None]:
    """ "met Olusegun Adeyemi, 12/07, Eko Hotel — procurement lead": a log in fields, name, day,
    place, note; the place is a short name (capitalised words, or one and "office")."""
    found = _PLACE_FIELD.fullmatch(note)
    if found is None:
        return head, note
    return f"{head} at {found['place']}", found["note"]


def _says_something(note: str) -> bool:
    return any(ch.isalnum() for ch in note)


# "…, mentioned she's raising a series A": what they said is the note, not the saying.
_REPORTED = re.compile(
    r"^(?:mentioned|said|told me|says)(?:\s+that)?\s+(?=(?:she|he|they)(?:'s|'re|\s)\b)", re.I
)


def _parse_met(rest: str) -> c.Command:
    new_person: bool | None = None
    described: str | None = None
    # "meet log: Takeshi Watanabe, Monday, …": the word "log" after the command word.
    rest = re.sub(r"^\s*(?:log|notes?|entry)\s*[:—–-]\s*", "", rest, flags=re.IGNORECASE)
    named = _SOMEONE_THEN_NAMED.match(rest.strip())
    if named is not None:
        rest = f"{named['who']} {named['place']}{named['note'] or ''}"
    appositive = _described_then_named(rest)
    if appositive is not None:
        rest, described = appositive
    rest = _listed_people_joined(rest.strip())
    if _SAME_PERSON.search(rest):
        new_person, rest = False, _SAME_PERSON.sub(" ", rest)
    elif "(new contact)" in rest.lower():
        new_person, rest = True, re.sub(r"\(new contact\)", " ", rest, flags=re.I)
    rest, aside_first = _aside_before_the_note(rest.strip())
    rest, employer_between = _employer_between_commas(rest)
    head, note = _note_split(rest.strip())
    head = _HOW_LONG.sub("", head)
    head, note = _place_after_the_comma(head, note)
    head, note = _said_after_the_day(head, note)
    head, note = _said_from_a_pronoun(head, note)
    if aside_first is not None:
        note = _noted_first(aside_first, note)
    if note is not None:
        head = _DANGLING_AND.sub("", head)  # "met Ada and she's moving": the note took the rest
    if note and _NEW_PERSON.search(note):
        new_person = True
    if _ANOTHER.match(head):
        head, new_person = _ANOTHER.sub("", head), True
    elif new_person is None and _AGAIN.search(head):
        head, new_person = _AGAIN.sub("", head), False
    head, when, _, _ = _cut_when(head)
    if note is not None and when is None:
        # "met Jane at PyCon, yesterday": the date phrase may sit in the tail.
        tail, tail_when, _, tail_start = _cut_when(note)
        if tail_when is not None and tail_start == 0:
            note, when = tail.lstrip(" ,;:—–-.") or None, tail_when
            if note is not None and not _PLACE_START.search(" " + head):
                head, note = _place_field_after_the_day(head, note)
    if not head.strip():
        raise _Bad(f"Tell me who, by name, mention or #id. For example: {example('met')}")
    if note is not None and not _PLACE_START.search(" " + head) and "," in note:
        # "add a meeting: Jose Nunez, Madrid Tech Show, yesterday": name, place, day.
        first, _, last = note.rpartition(",")
        last_cut, last_when, _, _ = _cut_when(last.strip())
        if last_when is not None and not last_cut and "," not in first:
            head, note, when = f"{head} at {first.strip()}", None, when or last_when
    if note is not None and when is None and not _PLACE_START.search(" " + head):
        # "met Arnav Kapoor, Google Cloud Summit Mumbai, Dec 3, keen on pipelines": a log
        # written as fields: name, place, day, then the note.
        head, note, when = _fields_place_day_note(head, note)
    head, asides = _asides_cut(head)
    if asides is not None:
        # "met priya (designer) at Config", "Victor (PM @ Shopify)": the words in brackets
        # describe them (an "at" inside is no place).
        note = _noted_first(asides, note)
    head = _OVER_A_MEAL.sub("", head)
    place: str | None = None
    place_match = _PLACE_START.search(" " + head)
    if place_match is not None:
        start = place_match.start()
        place = (" " + head)[place_match.end() :].strip(" ,.!?;:") or None
        head = (" " + head)[:start].strip()
        if place is None:
            raise _Bad(f"Say where you met after `at`. For example: {example('met')}")
    elif head.lower().startswith(("at ", "@ ")) or head.lower().endswith((" at", " @")):
        raise _Bad(f"Say where you met after `at`. For example: {example('met')}")
    head, place = _cut_on_where(head, place)
    head, topic = _cut_topic(head)
    if topic is None and place is not None:
        place, topic = _cut_topic(place)
    if topic is not None:
        note = _noted_first(topic, note)
    ordinal = ordinal_after_on(head) if when is None else None
    if ordinal is not None:
        head, when = ordinal[0], DayOfMonth(ordinal[1])  # "met Ritu on 9th" (pass 24)
    on_words = channel_after_on(head) if re.search(r"\son\s", head, re.I) else None
    if on_words is not None:
        # "met Pooja 10/12 on zoom call": how they met, left out; "on the rooftop": the place.
        head, where = on_words
        if place is None and not is_a_channel(where):
            place = where
    if re.search(r"\s(?:on)\s", f" {head} ", re.I):
        raise _Bad(
            f"I couldn't read a date after `on`. Dates look like `12/14`, `14 Dec` or "
            f"`yesterday`. For example: {example('met')}"
        )
    head, place_after = _cut_after(head)
    if place is not None:
        place, _ = _cut_after(place)
        place = _PLACE_TAIL.sub("", place) or place
    elif place_after is not None and not place_after.lower().startswith(("her ", "his ")):
        place = place_after
    people, employer = _several_people(head)
    if people:
        person, others = people[0], people[1:]
        if employer is not None:
            note = _noted_first(employer, note)
    else:
        head = _DESCRIBED.sub(r"\g<name>", head.strip())
        head = re.sub(r"^(?:up\s+)?(?:with|w/)\s+", "", head, flags=re.IGNORECASE)
        head, employer = _cut_employer(head)
        if employer is not None:
            note = _noted_first(employer, note)
        tokens = _tokens(head)
        if tokens and tokens[0].lower() in {"with", "up", "someone", "somebody"}:
            tokens = tokens[1:]
        person, others = _person(tokens, "met"), ()
    if place is not None and len(place) > MAX_NAME_CHARS * 2:
        raise _Bad(
            "That place is too long; keep it short and put details in a note after a dash, "
            "like `met Jane at PyCon — talked about the keynote`."
        )
    if note is not None:
        # "… at the gym this am. wants intros to VCs": the full stop that ended the log.
        note = _REPORTED.sub("", without_asides(note)).lstrip(" .,;:")
        note = _HOW_IT_CAME_ABOUT.sub("", note) or None
    note, follow_up_on = _follow_up_day_in(note)
    if note is not None and (_HOW_IT_WENT.fullmatch(note) or not _says_something(note)):
        note = None
    if described is not None:
        note = _noted_first(described, note)
    if employer_between is not None:
        note = _noted_first(employer_between, note)
    return c.MetCommand(
        person=_without_courtesy_title(person),
        place=place,
        when=when,
        note=note,
        new_person=new_person,
        others=others,
        follow_up_on=follow_up_on,
    )


# "met Nadia at devfest. Follow up Thursday with the link": the note says when to follow up.
_FOLLOW_UP_IN_NOTE = re.compile(
    r"^(?:(?:i'?ll|i will|will|to|and|need to|must|should)\s+)?(?:follow[- ]?up|f/u|fu|ping|"
    r"reach out|remind me|nudge me)(?:\s+(?:(?:with|w/|to)\s*)?(?:her|him|them))?\b\s*",
    re.IGNORECASE,
)


def _follow_up_day_in(note: str | None) -> tuple[str | None, DaySpec | None]:
    """The day a meeting's note asks to follow up on, and the note without the words saying so
    ("with the codelab link" is kept)."""
    if note is None:
        return None, None
    asked = _FOLLOW_UP_IN_NOTE.match(note)
    if asked is None:
        return note, None
    try:
        rest, day, _, _ = _cut_when(note[asked.end() :])
    except WhenError:
        return note, None
    if day is None:
        return note, None
    rest = re.sub(r"^(?:with|about|re:?|to)\s+", "", rest.strip(" ,.;:—–-"), flags=re.I)
    return rest or None, day


# "mike and anna", "Aisha, Ben and Chen": a few names, each a person met.
# "met mike and anna", "Ganesh & Divya", "priya n ankit" (pass 24: "&" and "n" join too).
_AND = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|n)\s+|\s*&\s*", re.IGNORECASE)
MAX_PEOPLE_MET = 4


def _several_people(head: str) -> tuple[tuple[c.PersonRef, ...], str | None]:
    """The people in "met mike and anna", when every part is a name ("Aisha and her cofounder
    Ben" too), and where the last one works ("… and Chen from Stripe"); () when the words are
    one person or something else ("Barnes and the team")."""
    parts = [_DESCRIBED.sub(r"\g<name>", part.strip()) for part in _AND.split(head.strip())]
    if not 2 <= len(parts) <= MAX_PEOPLE_MET:
        return (), None
    parts[-1], employer = _cut_employer(parts[-1])
    for part in parts:
        words = part.lower().split()
        if not _looks_like_a_name(part) or len(words) > 3:
            return (), None
        if words[0] in _PRONOUNS or set(words) & _NOT_ONE_PERSON:
            return (), None
    return tuple(_person(_tokens(part), "met") for part in parts), employer


_NO_TOPIC = (
    r"(?:next|this|coming|tomorrow|today|tonight|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|week|weekend|month|later|another|until|till|from|after|before)\b"
)
# "thank Layla Mansour for dinner", "circle back w/ Ahmed Farouk on pricing in 5 days": a
# lower-case word that is no day, right after a capitalised name.
# "follow up with Ada Obi on the grant thing Monday": "the" and the like may come first.
_DETERMINER = r"(?:the|his|her|their|our|my)"
_TOPIC_DETERMINER = rf"(?:{_DETERMINER}\s+)?"
_TOPIC_AFTER_A_NAME = re.compile(
    rf"\s+(?:for|on) (?={_TOPIC_DETERMINER}(?-i:[a-z]{{4,}})\b)(?!{_TOPIC_DETERMINER}"
    + _NO_TOPIC
    + r"|(?:the\s+)?(?:first|second|third|fourth|fifth|last|end|start|beginning|rest|same|"
    r"calendar|calender|schedule|list|radar|books)\b)\s*",
    re.IGNORECASE,
)


def _topic_after_a_name(head: str) -> re.Match[str] | None:
    found = _TOPIC_AFTER_A_NAME.search(head)
    if found is None:
        return None
    name = head[: found.start()].split()
    return found if 0 < len(name) <= 4 and all(w[:1].isupper() for w in name) else None


_FOLLOW_UP_NOTE = re.compile(
    # A whole word: "Tom Reed" is a name, not "Tom" + "re: ed".
    r"\s+(?:(?:about|abt|re|regarding|sobre)\b"
    # "chase Abebe for the coffee samples": what the follow-up is for.
    r"|for (?=(?:the|his|her|their|our|my|some|that|this)\b)"
    r"|to (?=(?:send|share|ask|say|introduce|intro|forward|check|thank|reply|invite|email|e-mail|"
    r"text|message|dm|whatsapp|congratulate)\b)"
    r"|and (?=(?:send|share|ask|say|introduce|check|thank|invite)\b)"
    # "get back to Nadia Rahman w/ comments on her paper": what to bring.
    r"|w/\s*(?=(?-i:[a-z]{2,})\b))\s*:?\s*",
    re.IGNORECASE,
)


# "check in with Ada sometime": no day said, so the usual one; the word is no note.
_SOMETIME = re.compile(
    r"\s+(?:sometime(?:\s+soon)?|some time|at some point|soonish|whenever)[\s.!]*$", re.I
)
# "…, no rush": said after the comma, it asks for the usual day and is no note.
_NO_RUSH = re.compile(r"(?:no rush|no hurry|whenever|no pressure|not urgent)[\s.!]*", re.I)
# A preposition the day phrase left at the end of the name: "Ada for (a week from today)".
_LEFT_BEFORE_A_DAY = re.compile(r"\s+(?:for|on|by)\s*$", re.IGNORECASE)


# "follow-up with Kai done, asked him for an intro": the follow-up happened.
_FOLLOW_UP_DONE = re.compile(
    r"(?:with\s+|w/\s*|for\s+)?(?P<who>[^,;—–]+?)\s+(?:is\s+)?(?:done|complete|completed|"
    r"finished)(?P<tail>\s*[,;—–-].*)?",
    re.IGNORECASE | re.DOTALL,
)


def _parse_follow_up(rest: str) -> c.Command:
    finished = _FOLLOW_UP_DONE.fullmatch(rest.strip())
    if finished is not None and (
        _FOLLOW_UP_ID.fullmatch(finished["who"]) or _looks_like_a_name(finished["who"])
    ):
        return _parse_done(f"{finished['who']}{finished['tail'] or ''}")
    _one_follow_up_per_person(rest)
    # "w/ omar", "at 9.30" (pass 24): "with", and a clock with a dot.
    rest = re.sub(r"^\s*w/\s*", "", rest)
    rest = re.sub(r"(?<=\bat\s)(\d{1,2})\.([0-5]\d)\b", r"\1:\2", rest, flags=re.IGNORECASE)
    head, dash_note = _note_split(rest)
    if dash_note is not None and _NO_RUSH.fullmatch(dash_note.strip()):
        dash_note = None
    head = _SOMETIME.sub("", head.strip())
    if not head:
        raise _Bad(f"Tell me who to follow up with. For example: {example('follow-up')}")
    late = False
    late_match = re.search(r"(?:^|\s)(?:as a\s+)?late(?:\s+one)?(?=\s|$)", head, re.I)
    if late_match is not None and late_match.start() > 0:
        late, head = True, cut(head, late_match.start(), late_match.end())
    bad_unit = re.search(r"\bin\s+(\d+)\s+(hours?|minutes?|mins?|months?|years?)\b", head, re.I)
    if bad_unit is not None:
        raise _Bad(
            f"Say `in {bad_unit.group(1)} days`: follow-ups are planned by the day. "
            f"For example: {example('follow-up')}"
        )
    head = _span_at_the_end_as_a_day(head)
    original = head
    head, when, at, where = _cut_when(head)
    if isinstance(when, YearTurnSpec) and dash_note and find_possible_day(dash_note):
        # "after the holidays, Jan 6": the day said outright wins over the season.
        head, when, at, where = _cut_when(original, seasons=False)
    if when is not None:
        head = _LEFT_BEFORE_A_DAY.sub("", head)  # "with Ada for a week from today"
    if when is None and at is None and dash_note is not None:
        dash_note, when, at = _when_in_note(dash_note)
        if when is None and dash_note is not None and _ABOUT.match(dash_note):
            dash_note, when, at = _day_at_the_end(dash_note)
        if when is None and dash_note is not None:
            dash_note, when = _day_as_the_last_field(dash_note)
    elif at is None and dash_note is not None:
        # "tomorrow, 2pm": a time alone after the comma is the follow-up's time.
        rest_of_note, _, note_at = _when_in_note(dash_note)
        if rest_of_note is None and note_at is not None:
            dash_note, at = None, note_at
    tokens = _tokens(head)
    if not tokens:
        raise _Bad(f"Tell me who to follow up with. For example: {example('follow-up')}")
    single = _single_token_person(tokens[0])
    trailing_note: str | None = None
    if single is not None:
        person = single
        trailing_note = _note(tokens[1:])
    else:
        about = _FOLLOW_UP_NOTE.search(head) or _topic_after_a_name(head)
        if where > 0:
            # "with Ada for a week from today": "for" belongs to the day.
            before = _tokens(_LEFT_BEFORE_A_DAY.sub("", original[:where].rstrip()))
            # The words before the date are the person; whatever follows the date is a note.
            name_tokens = [t for t in before if _cut_when(t)[1] is None]
            if about is not None and len(" ".join(name_tokens)) > about.start():
                name_tokens = _tokens(head[: about.start()])
            name_tokens = _before_an_acronym(name_tokens)
            person = _person(name_tokens or tokens[:1], "follow-up")
            trailing_note = _note(_tokens(head)[len(name_tokens) :])
        elif about is not None:
            person = _person(_tokens(head[: about.start()]), "follow-up")
            # "about the panel" and "re the pilot" keep their word; "to send …" starts at the verb.
            keeps_word = re.match(
                rf"\s+(?:about|abt|re|regarding|sobre|on(?!\s+{_DETERMINER}\s))\b",
                head[about.start() :],
                re.I,
            )
            trailing_note = head[about.start() if keeps_word else about.end() :].strip() or None
        else:
            person = _person(tokens, "follow-up")
            if when is None and not late and dash_note is None and len(tokens) > 1:
                return c.FollowUpCommand(person=person, unsplit_words=tuple(tokens), at=at)
    if trailing_note:
        # "… w/ comments on her paper": what to bring, without the "w/".
        # "… on the referral": what it is about, without the "on".
        trailing_note = re.sub(
            rf"^(?:(?:to|and|for)\s*:?\s+|w/\s*|on\s+(?={_DETERMINER}\s))",
            "",
            trailing_note,
            flags=re.I,
        )

    # A note of nothing but punctuation ("…, 12/7!") says nothing.
    note_parts = [without_asides(p) for p in (trailing_note, dash_note) if p and _says_something(p)]
    note_parts = [part for part in note_parts if part]  # "forgot to add it" notes nothing
    return c.FollowUpCommand(
        person=_without_courtesy_title(person),
        when=when,
        note=" — ".join(note_parts) or None,
        late=late,
        at=at,
    )


# A note that only says what the follow-up is about: "re intro thu", "about the deck friday"
# (after a comma, "send the deck tomorrow" keeps its day: it is what to do).
_ABOUT = re.compile(r"(?:re|about|regarding|abt)\b", re.IGNORECASE)


def _day_at_the_end(note: str) -> tuple[str | None, DaySpec | None, time | None]:
    """ "re intro thu", "re: intro to Sam next tuesday at 2pm": the day (and time) that end a
    note about something are the follow-up's."""
    try:
        found = find_day(note)
    except WhenError:
        return note, None, None
    if found is None:
        return note, None, None
    after = note[found.end :]
    at = find_time(after)
    if at is not None and not after[: at.start].strip() and not after[at.end :].strip(" .!?"):
        return note[: found.start].strip(" ,;:—–-") or None, found.spec, at.at
    if after.strip(" .!?"):
        return note, None, None
    return note[: found.start].strip(" ,;:—–-") or None, found.spec, None


def _before_an_acronym(tokens: list[str]) -> list[str]:
    """The words that name the person, when more words follow before the day: a contact's name
    ("Kai the robotics job link": the rest is what to send), or a capitalised name that ends
    before a word in capitals ("Chen Jing PCB quote": "PCB" starts what it is about)."""
    if not tokens:
        return tokens
    known = known_in(" ".join(tokens))
    if known is not None and " ".join(tokens).lower().startswith(known.lower() + " "):
        size = len(known.split())
        if size < len(tokens) and tokens[size].lower() in _STARTS_A_THING:
            return tokens[:size]
    if not tokens[0][:1].isupper():
        return tokens
    for index, token in enumerate(tokens[1:], start=1):
        if len(token) >= 2 and token.isalpha() and token.isupper():
            return tokens[:index]
    return tokens


# Words that start a thing after a contact's name: "Kai the job link", "Ada my slides".
_STARTS_A_THING = frozenset(
    {"the", "a", "an", "my", "our", "his", "her", "their", "some", "that", "to"}
)


def _day_as_the_last_field(note: str) -> tuple[str | None, DaySpec | None]:
    """ "intro to WAEMU contacts — 12/17": a last field that is only a day is the day."""
    fields = _NOTE_FIELD.split(note)
    if len(fields) < 2:
        return note, None
    try:
        left, when, _, _ = _cut_when(fields[-1])
    except WhenError:
        return note, None
    if when is None or left.strip(" .!?"):
        return note, None
    cut_at = note.rstrip().rfind(fields[-1])
    return note[:cut_at].rstrip(" ,;:—–-") or None, when


def _span_at_the_end_as_a_day(head: str) -> str:
    """ "omar follow up 1 week", "Kai 3 days": a bare span that ends the line is "in" it."""
    found = find_days(head)
    if found is None or found.start == 0 or head[found.end :].strip(" .!?"):
        return head
    if not re.search(r"(?:days?|weeks?|\dd|\dw|wks?)$", head[found.start : found.end], re.I):
        return head  # "en 3 días" is read by the dates
    if re.search(r"\b(?:in|within|after|for|en|em|dans|sa|nach)\s*$", head[: found.start], re.I):
        return head
    return f"{head[: found.start].rstrip()} in {found.days} days"


# Hedges around a day given after a comma: "…, say the 21st", "…, maybe tomorrow 2pm".
_HEDGE = re.compile(r"^(?:(?:let'?s\s+)?say|maybe|ideally|probably|around|roughly|like)\b\s*", re.I)


_NOTE_FIELD = re.compile(r"\s*(?:,|;|\s[—–-]\s|—)\s*")


def _when_in_note(note: str) -> tuple[str | None, DaySpec | None, time | None]:
    """A note that is only a day and time ("Hiroshi, tomorrow 2pm") gives them, not a note; so
    do the first fields of one that starts with them ("Laura, 12/29, 2pm — send the proposal")."""
    when: DaySpec | None = None
    at: time | None = None
    rest = note
    while rest:
        field = _NOTE_FIELD.search(rest)
        head, tail = (rest[: field.start()], rest[field.end() :]) if field else (rest, "")
        left, field_when, field_at, _ = _cut_when(head)
        empty = (field_when is None and field_at is None) or _HEDGE.sub("", left).strip(" ,.;:!?")
        if empty or (field_when and when) or (field_at and at):
            break
        when, at, rest = when or field_when, at or field_at, tail
    if when is None and at is None:
        return note, None, None
    return rest.strip() or None, when, at


# Unknown free text with no date and no dash is taken as a new name only when it is this short.
MAX_NEW_NAME_WORDS = 3


def split_name_and_note(
    words: tuple[str, ...], is_known: Callable[[str], bool]
) -> tuple[str, str | None]:
    """ "Jane Doe send the deck": the longest leading words that name a known contact are the
    name, the rest the note. With no known contact, all the words are the name."""
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size])
        if is_known(name):
            return name, " ".join(words[size:]) or None
    return " ".join(words), None


def _target(rest: str, command: str) -> c.PersonRef:
    try:
        day = find_day(rest)
    except WhenError:
        day = None
    if day is not None and day.start > 0:
        rest = cut(rest, day.start, day.end)  # "I did the follow-up with Priya yesterday"
    rest = re.sub(
        r"^(?:the\s+|my\s+|that\s+)?(?:follow[- ]?up|reminder|one|touch)(?:\s+(?:with|for)|:)?\s+",
        "",
        rest,
        flags=re.I,
    )
    rest = re.sub(
        r"\s+(?:as\s+)?(?:done|now|already|today|please|too)[\s!.?]*$", "", rest, flags=re.I
    )
    if _EVERYONE.fullmatch(rest.strip(" .!?")):
        raise _Bad(
            f"`{command}` works on one follow-up at a time. Type `list` to see them with their "
            f"#ids, then for example {example(command)}."
        )
    _one_line_each(rest, command)
    return _person(_tokens(rest), command)


_BOTH = re.compile(r"^(?:both|all of|each of)\s+", re.IGNORECASE)


def _one_line_each(text: str, command: str, after: str = "") -> None:
    """ "push both Jane and Sam to friday", "done with Jane and Sam": the command takes one
    follow-up, so ask for a line each rather than act on the first name alone."""
    names = _NOTE_DASH.split(text.split(",")[0], maxsplit=1)[0]
    names = _BOTH.sub("", re.sub(r"^(?:with|w/|for)\s+", "", names.strip(), flags=re.I))
    if not re.search(r"\s(?:and|&)\s", names, re.IGNORECASE):
        return
    people, _ = _several_people(names)
    if len(people) < 2:
        return
    lines = " · ".join(f"`{command} {person.name}{after}`" for person in people)
    raise _OneEach(f"`{command}` works on one follow-up at a time. Send them one by one: {lines}")


# "snooze all", "cancel everything": no person, and no bulk command either.
_EVERYONE = re.compile(
    r"(?:all|everything|everyone|everybody|all of them|them all|all (?:my |the )?"
    r"(?:follow[- ]?ups|reminders|of them))",
    re.IGNORECASE,
)


def _parse_done(rest: str) -> c.Command:
    early = bool(re.search(r"\s+early$", rest, re.I))
    if early:
        rest = re.sub(r"\s+early$", "", rest, flags=re.I)
    rest, kind = split_kind(rest)
    return c.DoneCommand(target=_target(rest, "done"), early=early, kind=kind)


def _parse_cancel(rest: str) -> c.Command:
    return c.CancelCommand(target=_target(rest, "cancel"))


def _parse_snooze(rest: str) -> c.Command:
    text = rest.strip()
    when: DaySpec | None = None
    days: int | None = None
    found_days = find_days(text)
    found = find_day(text)
    # "snooze him in 6 days", "later, like in 4 days": a snooze counts the days said, even after
    # "in" (which, for a follow-up, names a day).
    if (
        found_days is not None
        and found is not None
        and found.start <= found_days.start
        and found_days.end <= found.end
    ):
        found = None
    if found_days is not None and (found is None or found_days.start <= found.start):
        days, text = found_days.days, cut(text, found_days.start, found_days.end)
        if days < 1:
            raise _Bad(f"Snooze by at least 1 day. For example: {example('snooze')}")
    elif found is not None:
        when, text = found.spec, cut(text, found.start, found.end)
    said = rest.strip()
    when_said = said[found_days.start : found_days.end] if days is not None else ""
    if when is not None and found is not None:
        when_said = said[found.start : found.end]
    _one_line_each(text, "snooze", f" {when_said}" if when_said else "")
    tokens = _tokens(text)
    if days is None and when is None and len(tokens) >= 2 and _is_number(tokens[-1]):
        days = _count(tokens[-1], "snooze")
        tokens = tokens[:-1]
        if days < 1:
            raise _Bad(f"Snooze by at least 1 day. For example: {example('snooze')}")
    if (
        days is None
        and when is None
        and len(tokens) >= 2
        and tokens[-1].lower().strip(".") in {"day", "days", "week", "weeks"}
    ):
        raise _Bad(f"`{tokens[-2]}` is not a number of days. For example: {example('snooze')}")
    while tokens and tokens[-1].lower() in {
        "in",
        "until",
        "till",
        "to",
        "for",
        "by",
        "back",
        "again",
        "later",
    }:
        tokens = tokens[:-1]
    cleaned = " ".join(tokens)
    return c.SnoozeCommand(target=_target(cleaned, "snooze"), days=days, when=when)


# How often, at the end of `keep-in-touch <person> …`, and the cadence each way of saying it means.
_CADENCE_AT_END = re.compile(
    r"[\s,:;—–-]+(?:on\s+(?:a\s+)?|every\s+|once\s+(?:a|an|per|every)\s+)?"
    r"(?P<every>monthly|quarterly|yearly|annually|month|quarter|year|(?:3|three|12|twelve)\s+months|"
    r"off|stop|never|none|no)(?:\s+(?:basis|cadence|check-?ins?))?[\s.!]*$",
    re.IGNORECASE,
)
_CADENCE_WORDS = {
    "monthly": "monthly",
    "month": "monthly",
    "quarterly": "quarterly",
    "quarter": "quarterly",
    "3 months": "quarterly",
    "three months": "quarterly",
    "yearly": "yearly",
    "annually": "yearly",
    "year": "yearly",
    "12 months": "yearly",
    "twelve months": "yearly",
    "off": "off",
    "stop": "off",
    "never": "off",
    "none": "off",
    "no": "off",
}


def _parse_keep_in_touch(rest: str) -> c.Command:
    text = re.sub(r"^(?:in\s+touch\s+)?(?:with\s+)?", "", rest.strip(), flags=re.I)
    every: str | None = None
    found = _CADENCE_AT_END.search(text)
    if found is not None and found.start() > 0:
        every = _CADENCE_WORDS[" ".join(found.group("every").lower().split())]
        text = text[: found.start()]
    else:
        # "every 2 weeks": a cadence we do not offer; the reply asks which of ours it should be.
        text = re.sub(r"[\s,]+(?:every|once)\s+.*$", "", text, flags=re.I | re.S)
    return c.KeepInTouchCommand(person=_person(_tokens(text), "keep-in-touch"), every=every)


def _parse_who(rest: str) -> c.Command:
    if not rest.strip(" ?!."):
        return c.ContactsCommand()  # a bare "who": whom, then? everyone.
    if re.match(r"(?:do|does|did|am|are|should|must|have|has|can|will)\s+i\b", rest.strip(), re.I):
        # "who do I owe a reply?" is a question, not a name.
        raise _Bad(f"Tell me whose card to show. For example: {example('who')}")
    rest = re.sub(r"^(?:is|was)\s+", "", rest.strip(), flags=re.I).strip(" ?!.")
    return c.WhoCommand(person=_person(_tokens(rest), "who"))


def _has_lowercase_words_after_a_known_name(who: str) -> bool:
    known = known_in(who)
    if known is None or not who.lower().lstrip("@").startswith(known.lower()):
        return False
    extra = who.lstrip("@")[len(known) :].split()
    return bool(extra) and extra[0][:1].islower()


# "note: Jane's daughter just started at NYU, ask her about it": whose, then the note (a comma
# later in the line is inside it).
_NOTE_OF_A_POSSESSIVE = re.compile(
    r"[:\s]*(?P<who>@?[A-ZÀ-ÖØ-Þ][\w.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w.-]*)?)(?:'s|’s)\s+"
    # Not "Jane's notes: …", "Sam's profile: …": where the note goes, said before it.
    r"(?!(?:notes?|profile|contact|record|card|file|info|entry|page|details)\b)(?P<note>[a-z].+)",
    re.S,
)


def _parse_note(rest: str) -> c.Command:
    match = _NOTE_OF_A_POSSESSIVE.match(rest)
    if match is not None:
        person = _person(_tokens(match.group("who")), "note")
        return c.NoteCommand(person=person, note=_what_is_said(_note([match.group("note")])))
    match = re.match(r"(?P<who>.+?)\s*(?::|—|–|\s-\s|\s--\s|,)\s*(?P<note>.+)", rest, re.S)
    if match is not None and _has_lowercase_words_after_a_known_name(match.group("who")):
        # "note jose has two kids, both play soccer": the comma is inside the note.
        match = None
    if match is None:
        match = re.match(r"(?P<who>.+?)\s+(?:that|saying)\s+(?P<note>.+)", rest, re.S | re.I)
    if match is None:
        who = known_in(rest)
        if who is not None and re.match(rf"@?{re.escape(who)}\b", rest, re.I):
            extra_words = len(who.split()) - 1
            match = re.match(rf"(?P<who>\S+(?:\s+\S+){{{extra_words}}})\s+(?P<note>.+)", rest, re.S)
        else:
            match = re.match(
                r"(?P<who>@?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)\s+(?P<note>[a-z].+)", rest, re.S
            )
    if match is None:
        # "note: aisha bello prefers whatsapp": a name typed in lower case, then a fact that
        # starts with what they do or are.
        match = re.match(
            r"(?P<who>[^\W\d_][\w'’.-]*\s+[^\W\d_][\w'’.-]*)\s+"
            r"(?P<note>(?:is|was|has|had|[a-z]+[^s\W]s)\s.+)",
            rest,
            re.S,
        )
        if match is not None and not _looks_like_a_name(match.group("who")):
            match = None
    if match is None:
        # "note #6 likes jazz": an id is one word, so the rest is the note.
        match = re.match(r"(?P<who>(?:contact)?#\d{1,12})\s+(?P<note>\S.*)", rest, re.S | re.I)
    if match is None:
        raise _Bad(f"Put a colon after the name, then the note. For example: {example('note')}")
    note = _note([match.group("note")])
    if not note:
        raise _Bad(f"Write the note after the name. For example: {example('note')}")
    person = _person(_tokens(match.group("who")), "note")
    return c.NoteCommand(person=person, note=_what_is_said(note))


# "dana mentioned she hates early meetings", "Dana Kim is moving to Seattle": a note keeps what
# was said and what they are doing ("she hates …", "moving to …"); what they are stays whole
# ("is vegetarian").
_IS_DOING = re.compile(r"^(?:is|are)\s+(?=(?:now\s+|currently\s+|still\s+)?[a-z]+ing\b)")


def _what_is_said(note: str) -> str:
    return _IS_DOING.sub("", _REPORTED.sub("", note)) or note


# Words after a new name that are not part of it: "… to Jane Smith now", "… Omer instead".
_NEW_NAME_TAIL = re.compile(
    r"(?:[\s,]+(?:now|instead|please|pls|thanks|thank you|from now on|going forward))+[\s.!]*$",
    re.IGNORECASE,
)


def _capitalised_if_typed_lower(name: str) -> str:
    """ "jane okafor" → "Jane Okafor": a word of a new name typed in lower case is stored as
    names are written (a contact's own words were already capitalised by tidying)."""
    return " ".join(
        word[:1].upper() + word[1:] if word.islower() and word not in NAME_PARTICLES else word
        for word in name.split()
    )


_LOWER_CASE_ASIDE = re.compile(r"\s*\((?-i:[a-z])[^()]{0,120}\)")


def _parse_rename(rest: str) -> c.Command:
    if _REFERENT.get() is not None and re.match(r"(?:to|as)\s+\S", rest, re.IGNORECASE):
        rest = f"them {rest}"  # "jane's last name is Dough, rename to Jane Dough": hers
    match = re.match(
        r"(?P<old>.+?)(?:\s+(?:to|as|into)\s+|\s*(?:->|→|=>|:)\s*)(?P<new>.+)", rest, re.S | re.I
    )
    if match is None:
        # "rename Jane Doe Jane Smith": the words that name a contact, then the new name.
        who = _contact_named_first(rest) or known_in(rest)
        if who is not None and rest.lower().startswith(who.lower() + " "):
            match = re.match(rf"(?P<old>.{{{len(who)}}})\s+(?P<new>.+)", rest, re.S)
    if match is None:
        raise _Bad(f"Say the old name, `to`, then the new one. For example: {example('rename')}")
    new_name = " ".join(match.group("new").split()).strip(" !?\"'“”,;")
    # "Zoé Ça (accent on the e)": a comment on the name in brackets is no part of it ("Priya
    # Shah (Acme)" keeps what it is saved with).
    new_name = _LOWER_CASE_ASIDE.sub("", new_name).strip()
    # "… to Kai Müller-Braun, he got married": a reason after the comma is no part of it.
    new_name = re.split(r"\s*[,;]\s+(?=(?-i:[a-z]))", new_name, maxsplit=1)[0]
    # "Kai Mueller with ue": a name typed with capitals (a first and a last name at least)
    # ends where the words about it start.
    capitalised = _capitalised_part(new_name)
    if sum(word[:1].isupper() for word in capitalised.split()) >= 2:
        new_name = capitalised
    new_name = _capitalised_if_typed_lower(_NEW_NAME_TAIL.sub("", new_name))
    if new_name.endswith(".") and not re.search(
        r"\b(?:\w|Jr|Sr|Dr|St|Mr|Ms|Mrs|Prof)\.$", new_name
    ):
        new_name = new_name.rstrip(".")  # a full stop, not an initial ("Kai M.")
    new_name = _checked_name(new_name)
    if not new_name:
        raise _Bad(f"Say the new name after `to`. For example: {example('rename')}")
    if _SAYS_A_NAME_IS_WRONG.fullmatch(new_name):
        # "Kai's name is spelled wrong": what is wrong, not what it should be.
        raise _Bad(f"What should the name be? For example: {example('rename')}")
    return c.RenameCommand(person=_person(_tokens(match.group("old")), "rename"), new_name=new_name)


def _contact_named_first(text: str) -> str | None:
    """The first words of `text` when they are a contact's whole name ("Kai Müller Kai
    Mueller": "Kai Müller", not "Kai Müller Kai"), or a first name of one contact before a new
    name of two or more words ("Sam Samuel Lee")."""
    known = _KNOWN.get()
    words = text.split()
    keys = {name_key(name) for name in known}
    for size in (3, 2, 1):
        if len(words) > size and name_key(" ".join(words[:size])) in keys:
            return " ".join(words[:size])
    if len(words) >= 3 and len(match_names(words[0], known)) == 1:
        return words[0]
    return None


def _parse_delete_note(rest: str) -> c.Command:
    rest = re.sub(
        r"^(?:(?:the|my|last|latest)\s+)*(?:notes?\s+)?(?:on|about|for|of)\s+",
        "",
        rest.strip(),
        flags=re.I,
    )
    return c.DeleteNoteCommand(person=_person(_tokens(rest), "delete-note"))


def _parse_delete_meeting(rest: str) -> c.Command:
    person, confirmed = meeting_words.person_and_confirmed(rest)
    return c.DeleteMeetingCommand(
        person=_person(_tokens(person), "delete-meeting"), confirmed=confirmed
    )


def _parse_delete_contact(rest: str) -> c.Command:
    confirmed = bool(re.search(r"\s+confirm$", rest, re.I))
    rest = re.sub(r"\s+confirm$", "", rest, flags=re.I)
    rest = re.sub(r"^(?:the\s+)?contact\s*:?\s+", "", rest.strip(), flags=re.I)
    rest = re.sub(r"\s+from (?:my |the )?(?:contacts|list|network)$", "", rest, flags=re.I)
    return c.DeleteContactCommand(
        person=_person(_tokens(rest), "delete-contact"), confirmed=confirmed
    )


def _parse_merge(rest: str) -> c.Command:
    match = re.match(r"(?P<a>.+?)\s+(?:into|with|and)\s+(?P<b>.+)", rest, re.S | re.I)
    if match is None:
        raise _Bad(f"Say which contact goes into which. For example: {example('merge')}")
    return c.MergeContactsCommand(
        other=_person(_tokens(match.group("a")), "merge"),
        keep=_person(_tokens(match.group("b")), "merge"),
    )


def _parse_review(rest: str) -> c.Command:
    draft = rest.strip()
    if not draft:
        raise _Bad(
            "Paste the draft after `review`, e.g. `review Hi Jane, here is the article I "
            "mentioned…` — in a direct message you can also just paste it.",
        )
    return c.ReviewCommand(draft=draft)


def _parse_stats(rest: str) -> c.Command:
    word = re.sub(r"^(?:for|over|in)?\s*(?:the|this|last|past)?\s*", "", rest.lower().strip(" .!?"))
    if word in {"", "week", "weekly", "7"}:
        return c.StatsCommand("week")
    if word in {"month", "monthly", "30"}:
        return c.StatsCommand("month")
    raise _Bad("Stats cover a `week` or a `month`. For example: `stats month`.")


def _clock(text: str, what: str) -> time:
    match = _CLOCK.fullmatch(text.strip())
    if match is None:
        raise _Bad(f"I couldn't read `{text}` as a time of day; write it like `09:00` or `16:30`.")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    meridiem = (match.group(3) or "").lower()
    if meridiem:
        if not 1 <= hour <= 12:
            raise _Bad(f"`{text}` is not a time of day; write it like `9am` or `16:30`.")
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour == 24 and minute == 0 and what == "end":
        hour, minute = 23, 59
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise _Bad(f"`{text}` is not a time of day; write it like `09:00` or `16:30`.")
    return time(hour, minute)


# "digest aus", "digest disable": off in the words people use.
_DIGEST_OFF = frozenset({"off", "stop", "aus", "disable", "disabled", "pause", "apagado", "band"})
_THIS_CHANNEL = frozenset({"this channel", "here", "this chat", "this thread", "this room"})


def _parse_digest(rest: str) -> c.Command:
    # "4 pm", "9 a.m." → "4pm", "9am": one word for the time; "noon", "evening at 7" as clocks.
    rest = re.sub(r"(\d)\s*([ap])\.?m\.?(?!\w)", r"\1\2m", said_clock(rest), flags=re.I)
    words = rest.split()
    if not words:
        raise _Bad(
            "Say `digest here` to get the weekly digest in this channel, `digest preview` to "
            "see it now, or `digest off` to stop it.",
        )
    action = words[0].lower()
    if action in _DIGEST_OFF and len(words) == 1:
        return c.DigestOffCommand()
    if action == "preview" and len(words) == 1:
        return c.DigestPreviewCommand()
    if action in {"in", "to"} and " ".join(words[1:3]).lower() in _THIS_CHANNEL:
        words = ["here", *words[3:]]
        action = "here"
    if action != "here":
        raise _Bad(
            f"I know `digest here`, `digest off` and `digest preview`. For example: "
            f"{example('digest')}"
        )
    weekday: int | None = None
    at: time | None = None
    for raw in words[1:]:
        word = raw.strip(",.;!?").lower()
        if not word or word in _DIGEST_FILLER:
            continue
        number = _weekday_number(word) if word[:1].isalpha() else None
        if number is None and word.endswith("s"):
            number = _weekday_number(word[:-1])
        if number is not None and weekday is None:
            weekday = number
        elif at is None and word[:1].isdigit():
            at = _clock(word, "start")
        else:
            raise _Bad(
                f"I didn't understand `{word}`. Give a weekday and a time, like "
                "`digest here friday 16:00`."
            )
    return c.DigestHereCommand(weekday=weekday, at=at)


# Words around the weekday and time of `digest here`: "every Monday at 9", "on Fridays".
_DIGEST_FILLER = frozenset(
    {"every", "on", "at", "in", "this", "channel", "weekly", "please", "pls", "each", "around"}
    | {"morning", "mornings", "chat", "for", "to", "the", "here", "afternoon", "afternoons"}
    | {"evening", "evenings", "night", "nights"}
)


def _on_off(word: str, setting: str) -> bool:
    value = word.lower()
    if value in {"on", "yes", "true"}:
        return True
    if value in {"off", "no", "false"}:
        return False
    raise _Bad(f"Say `settings {setting} on` or `settings {setting} off`.")


def _parse_settings(rest: str) -> c.Command:
    words = rest.split()
    if not words or (len(words) == 1 and words[0].lower() in {"show", "view", "list", "all"}):
        return c.SettingsShowCommand()  # "settings show": what `settings` alone shows
    key = words[0].lower()
    values = words[1:]
    if key == "time" and values and values[0].lower() == "zone":
        key, values = "timezone", values[1:]
    if key in {"timezone", "tz"}:
        if not values:
            raise _Bad("Give one IANA zone name, like `settings timezone Europe/Berlin`.")
        typed = " ".join(values).strip(" .!?")
        found = zone_for(typed)
        if found is None and len(values) != 1:
            raise _Bad("Give one IANA zone name, like `settings timezone Europe/Berlin`.")
        return c.SettingsTimezoneCommand(zone=found or typed)
    if key in {"hours", "working-hours"}:
        joined = " ".join(values)
        parts = re.split(r"\s*(?:-|–|—|to)\s*", joined)
        if len(parts) != 2 or not all(parts):
            raise _Bad("Give your working hours as start-end, like `settings hours 09:00-17:30`.")
        start, end = _clock(parts[0], "start"), _clock(parts[1], "end")
        if (
            start.hour < 12
            and end < start
            and not re.search(r"[ap]\.?m|^0", parts[1].strip(), re.I)
        ):
            end = time(end.hour + 12, end.minute)  # "9 to 5": five in the afternoon
        if start >= end:
            raise _Bad(
                "Working hours must start before they end on the same day, like "
                "`settings hours 09:00-17:30`."
            )
        return c.SettingsHoursCommand(start=start, end=end)
    if key in {"dates", "date", "date-order"}:
        order = DATE_ORDER_WORDS.get(" ".join(values).lower().strip(" .!"))
        if order is None:
            raise _Bad(
                "Say how you write 2 December: `settings dates month-first` (12/2), "
                "`settings dates day-first` (2/12) or `settings dates auto` (by your time zone)."
            )
        return c.SettingsDateOrderCommand(order)
    if key in {"shoutouts", "shout-outs"}:
        if len(values) != 1:
            raise _Bad("Say `settings shoutouts on` or `settings shoutouts off`.")
        return c.SettingsToggleCommand("shoutouts", _on_off(values[0], "shoutouts"))
    if key in {"store-drafts", "storedrafts", "drafts"}:
        if len(values) != 1:
            raise _Bad("Say `settings store-drafts on` or `settings store-drafts off`.")
        return c.SettingsToggleCommand("store-drafts", _on_off(values[0], "store-drafts"))
    raise _Bad(
        f"I don't have a setting called `{key[:40]}`. I know `timezone`, `hours`, `dates`, "
        f"`shoutouts` and `store-drafts`, e.g. {example('settings')}."
    )


def _parse_export(rest: str) -> c.Command:
    if rest and not re.fullmatch(
        r"(?:(?:all|of|my|data|contacts|everything|records|as|a|file|json|please|pls|now|stuff|"
        # "export my contacts to csv": the format asked for is the export (it comes as JSON).
        r"info|information|history|things|to|csv|spreadsheet|excel|download)\s*)+",
        rest.strip(" .!?"),
        re.IGNORECASE,
    ):
        raise _Bad("`export` takes nothing after it: just type `export`.")
    return c.ExportCommand()


def _parse_contacts(rest: str) -> c.Command:
    words = rest.strip(" ?!.")
    at = re.match(r"(?:at|in|from)\s+(?P<place>\S.*)", words, re.IGNORECASE)
    if at is not None:
        return c.ContactsCommand(place=at["place"].strip())
    if words.lower() not in {"", "all", "please", "pls", "list"}:
        raise _Bad(
            f"Type `contacts`, or `contacts at <where>` for the people you met there; for one "
            f"person's card: {example('who')}"
        )
    return c.ContactsCommand()


def _parse_forget_me(rest: str) -> c.Command:
    word = rest.lower().strip()
    if word == "":
        return c.ForgetMeCommand(confirmed=False)
    if word == "confirm":
        return c.ForgetMeCommand(confirmed=True)
    raise _Bad("Type `forget-me` to start, then `forget-me confirm` to delete everything.")


def _parse_feedback(rest: str) -> c.Command:
    words = rest.split(maxsplit=2)
    reason = " ".join(words.pop(2).split()) if len(words) == 3 else None
    if reason is not None and words[1].lower() != "wrong-flag":
        raise _Bad(feedback_reason.ONLY_WITH_WRONG_FLAG)
    if reason is not None and len(reason) > feedback_reason.MAX_REASON_CHARS:
        raise _Bad(feedback_reason.TOO_LONG)
    if len(words) != 2 or not _is_number(words[0].lstrip("#")):
        raise _Bad(
            "Write it as `feedback <review-id> helpful` or `feedback <review-id> wrong-flag`."
        )
    verdict = words[1].lower()
    if verdict not in {"helpful", "wrong-flag"}:
        raise _Bad("The verdict is `helpful` or `wrong-flag`, like `feedback 12 helpful`.")
    return c.FeedbackCommand(
        review_id=int(words[0].lstrip("#")[:12]), verdict=verdict, reason=reason
    )  # type: ignore[arg-type]


def _parse_undo(rest: str) -> c.Command:
    """ "undo", "undo that", "undo the last one": the last reply's change, nothing else."""
    if not re.fullmatch(rf"(?:{UNDO_WHAT})?[\s.!?]*", rest, re.IGNORECASE):
        raise _Draft()
    return c.UndoCommand(person=_REFERENT.get())


def _parse_list(rest: str) -> c.Command:
    word = rest.lower().strip(" ?!.")
    if re.fullmatch(r"(?:of\s+)?(?:all\s+)?(?:the\s+|your\s+)?commands", word):
        return c.HelpCommand()  # "list of commands?": what the bot can do
    if len(word.split()) > _MAX_LIST_WORDS:
        raise _Bad(f"Type `list`, `list overdue` or `list all`. For example: {example('list')}")
    if re.fullmatch(
        r"(?:(?:all|of|my|the|please|pls)\s+)*(?:contacts|people)(?:\s+(?:please|pls))?", word
    ):
        return c.ContactsCommand()  # "list my contacts": the people, not their follow-ups
    if re.search(r"\b(?:overdue|late|missed)\b", word):
        return c.ListCommand(filter="overdue")
    window = list_window.asked_window(word)
    if window is not None:
        return c.ListCommand(filter=window)
    if re.search(r"\b(?:all|every|everything|done ones|closed|completed|finished|history)\b", word):
        return c.ListCommand(filter="all")
    return c.ListCommand()


_EVENT_GOAL = re.compile(
    r"[\s,;]*(?:(?:with\s+)?(?:a\s+|my\s+|the\s+)?(?:goal|aim|target)(?:\s+(?:of|is|=))?\s*:?\s*"
    r"(?P<goal>\d{1,3})(?:\s+(?:people|persons?|contacts?))?|to meet\s+(?P<meet>\d{1,3})\s+people)"
    r"[\s.!]*$",
    re.IGNORECASE,
)


def _parse_event(rest: str) -> c.Command:
    """`event PyCon Berlin on 14 Mar [goal 3]`; no name lists the events."""
    if not rest.strip(" ?!."):
        return c.EventsCommand()
    goal: int | None = None
    found_goal = _EVENT_GOAL.search(rest)
    if found_goal is not None:
        goal = int(found_goal.group("goal") or found_goal.group("meet"))
        rest = rest[: found_goal.start()]
    head, when, _, _ = _cut_when(rest)
    name = re.sub(r"(?:\s+(?:on|at|in|this|next|from|-|—|–))+\s*$", "", head.strip(" ,;.!?"))
    name = re.sub(r"^(?:the|an?)\s+", "", name.strip(" ,;.!?"), flags=re.IGNORECASE)
    name = " ".join(name.split())
    if not name and goal is not None and when is None:
        return c.EventCommand(name="", goal=goal)  # the answer to "how many people?"
    if not name:
        raise _Bad(f"Tell me the event's name. For example: {example('event')}")
    return c.EventCommand(name=_checked_name(name), when=when, goal=goal)


# "list overdue ones please": a few words after `list`; a longer sentence starting so is none.
_MAX_LIST_WORDS = 8


# Each command's parser is `_parse_<name>` ("delete-contact" → `_parse_delete_contact`).
_PARSERS: dict[str, Callable[[str], c.Command]] = {
    spec.name: globals()[f"_parse_{spec.name.replace('-', '_')}"] for spec in COMMAND_HELP
}
