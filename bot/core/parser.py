"""`/network …` text → a typed command.

`parse_command` never raises on any input: it returns a command, a `ParseFailure` whose message
says what to do next (with an example), or `NotACommand` for a direct message that is a draft.
"""

from __future__ import annotations

import difflib
import re
from datetime import time

from bot.core import commands as c
from bot.core.dates import MAX_DAYS, DateWordsError, DaySpec, RelativeDays, WeekdaySpec, parse_day
from bot.core.dates import weekday_number as _weekday_number
from bot.core.help import HELP_BY_NAME, example, usage_line

# Commands are one line typed by a person; anything longer is a paste that went wrong.
MAX_COMMAND_CHARS = 4_000
# A direct message this long (several lines, or a paragraph) is a draft even if its first word
# happens to be a command word ("Met you at the meetup last week…").
_DRAFT_LIKE_CHARS = 300
MAX_NAME_CHARS = 80
MAX_NOTE_CHARS = 1_000

COMMAND_ALIASES: dict[str, str] = {
    "help": "help",
    "?": "help",
    "met": "met",
    "follow-up": "follow-up",
    "followup": "follow-up",
    "follow_up": "follow-up",
    "fu": "follow-up",
    "list": "list",
    "ls": "list",
    "done": "done",
    "snooze": "snooze",
    "cancel": "cancel",
    "review": "review",
    "stats": "stats",
    "digest": "digest",
    "settings": "settings",
    "setting": "settings",
    "export": "export",
    "forget-me": "forget-me",
    "forgetme": "forget-me",
    "forget_me": "forget-me",
    "feedback": "feedback",
}
COMMAND_NAMES: tuple[str, ...] = tuple(HELP_BY_NAME)

_PRONOUNS = frozenset({"you", "me", "i", "we", "us", "them", "him", "her", "your", "my", "our"})
_TOKEN = re.compile(
    r"<@[A-Za-z0-9._-]+(?:\|[^>]*)?>|<at(?:\s[^>]*)?>.*?</at>|\S+", re.IGNORECASE | re.DOTALL
)
_SLACK_MENTION = re.compile(r"<@([A-Za-z0-9._-]+)(?:\|([^>]*))?>")
# Teams writes a mention as `<at>Jane Doe</at>` (sometimes `<at id="0">…`); only the name is in the
# text, so it becomes a free-text name.
_TEAMS_MENTION = re.compile(r"<at(?:\s[^>]*)?>(.*?)</at>", re.IGNORECASE | re.DOTALL)
_FOLLOW_UP_ID = re.compile(r"#(\d{1,12})")
# A note starts after a dash standing alone: "met Jane — note", "met Jane -- note".
_NOTE_DASH = re.compile(r"\s+(?:—|–|--|-)\s+|\s*[—–]\s*")
_CLOCK = re.compile(r"(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?", re.IGNORECASE)


class _Bad(Exception):
    """Internal: becomes a ParseFailure."""

    def __init__(self, message: str, topic: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.topic = topic


class _Draft(Exception):
    """Internal: a direct message that only looked like a command."""


def closest_command(word: str) -> str | None:
    candidates = list(COMMAND_ALIASES)
    match = difflib.get_close_matches(word.lower(), candidates, n=1, cutoff=0.6)
    return COMMAND_ALIASES[match[0]] if match else None


def parse_command(
    text: str, *, direct_message: bool = False
) -> c.Command | c.ParseFailure | c.NotACommand:
    body = text.strip()
    explicit = False
    lowered = body[:20].lower()
    if lowered.startswith("/network") and (len(body) == 8 or body[8].isspace()):
        body, explicit = body[8:].strip(), True
    elif lowered.startswith("network") and (len(body) == 7 or body[7].isspace()):
        following = body[7:].strip().split(maxsplit=1)
        if not following or following[0].lower() in COMMAND_ALIASES:
            body, explicit = body[7:].strip(), True
    if not body:
        return c.HelpCommand()

    match = re.match(r"(\S+)\s*(.*)\Z", body, re.DOTALL)
    assert match is not None  # body is non-empty and stripped
    head, rest = match.group(1).lower(), match.group(2)
    if head == "follow" and rest.lower().startswith("up") and (len(rest) == 2 or rest[2].isspace()):
        head, rest = "follow-up", rest[2:].lstrip()
    name = COMMAND_ALIASES.get(head)

    casual_dm = direct_message and not explicit
    if name is None:
        suggestion = closest_command(head)
        if casual_dm and (suggestion is None or len(body.split()) > 3):
            return c.NotACommand(text)
        return c.HelpCommand(unknown=head[:40], suggestion=suggestion)

    if name != "review":
        if casual_dm and ("\n" in body or len(body) > _DRAFT_LIKE_CHARS):
            return c.NotACommand(text)
        if len(body) > MAX_COMMAND_CHARS:
            return c.ParseFailure(
                f"That command is {len(body):,} characters long; commands fit on one line "
                f"(at most {MAX_COMMAND_CHARS:,}). Try {example(name)}.",
                topic=name,
            )
    try:
        return _PARSERS[name](rest.strip() if name != "review" else rest)
    except _Draft:
        return (
            c.NotACommand(text)
            if casual_dm
            else c.ParseFailure(
                f"Tell me who, by name or mention. For example: {example(name)}", topic=name
            )
        )
    except _Bad as bad:
        return c.ParseFailure(bad.message, topic=bad.topic or name)


# --- people ---------------------------------------------------------------------------------


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _single_token_person(token: str) -> c.PersonRef | None:
    id_match = _FOLLOW_UP_ID.fullmatch(token)
    if id_match:
        return c.PersonRef(name=token, follow_up_id=int(id_match.group(1)))
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


def _checked_name(name: str) -> str:
    if len(name) > MAX_NAME_CHARS:
        raise _Bad(
            f"That name is {len(name)} characters long; names can be at most {MAX_NAME_CHARS}. "
            "If you meant to add a note, put a dash before it: `met Jane Doe — note`."
        )
    return name


def _person(tokens: list[str], command: str) -> c.PersonRef:
    if not tokens:
        raise _Bad(f"Tell me who, by name, mention or #id. For example: {example(command)}")
    if len(tokens) == 1:
        single = _single_token_person(tokens[0])
        if single is not None:
            return single
    if tokens[0].lower() in _PRONOUNS:
        raise _Draft()
    for token in tokens:
        if _SLACK_MENTION.fullmatch(token) or _TEAMS_MENTION.fullmatch(token):
            raise _Bad(
                f"Mention one person at a time, with nothing else in the name. "
                f"For example: {example(command)}"
            )
    # "@Ana Ruiz" typed where the platform made no mention of it (the console, a plain DM).
    name = " ".join(tokens).strip(" ,;:").removeprefix("@").strip()
    if not name:
        raise _Bad(f"Tell me who, by name or mention. For example: {example(command)}")
    return c.PersonRef(name=_checked_name(name))


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


def _count(word: str, command: str) -> int:
    if word.lower() in {"a", "an", "one"}:
        return 1
    if not word.isdigit():
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
    if amount_word.isdigit():
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
    return c.HelpCommand(unknown=word[:40], suggestion=closest_command(word))


def _parse_met(rest: str) -> c.Command:
    head, note = _split_note(rest)
    tokens = _tokens(head)
    keywords = {"at", "on", "yesterday", "today", "last"}
    end = next(
        (i for i, t in enumerate(tokens) if i > 0 and t.lower() in keywords),
        len(tokens),
    )
    person = _person(tokens[:end], "met")
    place_words: list[str] = []
    when: DaySpec | None = None
    i = end
    in_place = False
    while i < len(tokens):
        word = tokens[i].lower()
        if word in {"yesterday", "today"} and (
            i + 1 == len(tokens) or tokens[i + 1].lower() == "at"
        ):
            when, i, in_place = parse_day([word]), i + 1, False
            continue
        if word == "last" and i + 1 < len(tokens) and _weekday_number(tokens[i + 1]) is not None:
            weekday = _weekday_number(tokens[i + 1])
            assert weekday is not None
            when, i, in_place = WeekdaySpec(weekday), i + 2, False
            continue
        if word == "on" and when is None:
            found = _date_at(tokens, i + 1, "met")
            if found is not None and (found[1] == len(tokens) or tokens[found[1]].lower() == "at"):
                when, i = found
                in_place = False
                continue
            if not in_place:
                raise _Bad(
                    f"I couldn't read a date after `on`. Dates look like `3 March`, `2024-03-05` "
                    f"or `yesterday`. For example: {example('met')}"
                )
        if word == "at" and not in_place and not place_words:
            in_place = True
            i += 1
            continue
        if in_place:
            place_words.append(tokens[i])
            i += 1
            continue
        raise _Bad(
            f"I didn't understand `{tokens[i]}`. Write it as {usage_line('met')}; put a note after "
            f"a dash. For example: {example('met')}"
        )
    if end < len(tokens) and tokens[end].lower() == "at" and not place_words:
        raise _Bad(f"Say where you met after `at`. For example: {example('met')}")
    place = " ".join(place_words).strip() or None
    if place is not None and len(place) > MAX_NAME_CHARS * 2:
        raise _Bad(
            "That place is too long; keep it short and put details in a note after a dash, "
            "like `met Jane at PyCon — talked about the keynote`."
        )
    return c.MetCommand(person=person, place=place, when=when, note=note)


def _when_at(tokens: list[str], i: int) -> tuple[DaySpec, int] | None:
    word = tokens[i].lower()
    if word in {"tomorrow", "today"}:
        return parse_day([word]), i + 1  # type: ignore[return-value]
    if word == "in" and i + 1 < len(tokens):
        return _in_days(tokens, i, "follow-up")
    if word == "on" and i + 1 < len(tokens):
        return _date_at(tokens, i + 1, "follow-up")
    if word == "next" and i + 1 < len(tokens):
        weekday = _weekday_number(tokens[i + 1])
        if weekday is not None:
            return WeekdaySpec(weekday), i + 2
        if tokens[i + 1].lower() == "week":
            return RelativeDays(7), i + 2
    return None


def _parse_follow_up(rest: str) -> c.Command:
    head, dash_note = _split_note(rest)
    tokens = _tokens(head)
    if not tokens:
        raise _Bad(f"Tell me who to follow up with. For example: {example('follow-up')}")
    single = _single_token_person(tokens[0])
    late = False
    if single is not None:
        person, i = single, 1
    else:
        i = 1
        while i < len(tokens) and _when_at(tokens, i) is None and tokens[i].lower() != "late":
            i += 1
        person = _person(tokens[:i], "follow-up")
    if i < len(tokens) and tokens[i].lower() == "late":
        late, i = True, i + 1
    when: DaySpec | None = None
    if i < len(tokens):
        found = _when_at(tokens, i)
        if found is not None:
            when, i = found
    trailing = tokens[i:]
    if single is None and when is None and not late and dash_note is None and len(tokens) > 1:
        # "follow-up Jane Doe send the deck": which words are the name is up to the contacts.
        return c.FollowUpCommand(person=person, unsplit_words=tuple(tokens))
    note_parts = [p for p in (_note(trailing), dash_note) if p]
    return c.FollowUpCommand(
        person=person, when=when, note=" — ".join(note_parts) or None, late=late
    )


def _target(rest: str, command: str) -> c.PersonRef:
    return _person(_tokens(rest), command)


def _parse_done(rest: str) -> c.Command:
    return c.DoneCommand(target=_target(rest, "done"))


def _parse_cancel(rest: str) -> c.Command:
    return c.CancelCommand(target=_target(rest, "cancel"))


def _parse_snooze(rest: str) -> c.Command:
    tokens = _tokens(rest)
    days: int | None = None
    if len(tokens) >= 2 and tokens[-1].lower().strip(".") in {"day", "days", "week", "weeks"}:
        unit = 7 if tokens[-1].lower().startswith("week") else 1
        days = _count(tokens[-2], "snooze") * unit
        tokens = tokens[:-2]
        if tokens and tokens[-1].lower() in {"for", "by"}:
            tokens = tokens[:-1]
    elif len(tokens) >= 2 and tokens[-1].isdigit():
        days = _count(tokens[-1], "snooze")
        tokens = tokens[:-1]
    if days is not None and days < 1:
        raise _Bad(f"Snooze by at least 1 day. For example: {example('snooze')}")
    return c.SnoozeCommand(target=_person(tokens, "snooze"), days=days)


def _parse_review(rest: str) -> c.Command:
    draft = rest.strip()
    if not draft:
        raise _Bad(
            "Paste the draft after `review`, e.g. `review Hi Jane, here is the article I "
            "mentioned…` — in a direct message you can also just paste it.",
        )
    return c.ReviewCommand(draft=draft)


def _parse_stats(rest: str) -> c.Command:
    word = rest.lower().strip()
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


def _parse_digest(rest: str) -> c.Command:
    words = rest.split()
    if not words:
        raise _Bad(
            "Say `digest here` to get the weekly digest in this channel, `digest preview` to "
            "see it now, or `digest off` to stop it.",
        )
    action = words[0].lower()
    if action in {"off", "stop"} and len(words) == 1:
        return c.DigestOffCommand()
    if action == "preview" and len(words) == 1:
        return c.DigestPreviewCommand()
    if action != "here":
        raise _Bad(
            f"I know `digest here`, `digest off` and `digest preview`. For example: "
            f"{example('digest')}"
        )
    weekday: int | None = None
    at: time | None = None
    for word in words[1:]:
        number = _weekday_number(word)
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


def _on_off(word: str, setting: str) -> bool:
    value = word.lower()
    if value in {"on", "yes", "true"}:
        return True
    if value in {"off", "no", "false"}:
        return False
    raise _Bad(f"Say `settings {setting} on` or `settings {setting} off`.")


def _parse_settings(rest: str) -> c.Command:
    words = rest.split()
    if not words:
        return c.SettingsShowCommand()
    key = words[0].lower()
    values = words[1:]
    if key == "time" and values and values[0].lower() == "zone":
        key, values = "timezone", values[1:]
    if key in {"timezone", "tz"}:
        if len(values) != 1:
            raise _Bad("Give one IANA zone name, like `settings timezone Europe/Berlin`.")
        return c.SettingsTimezoneCommand(zone=values[0])
    if key in {"hours", "working-hours"}:
        joined = " ".join(values)
        parts = re.split(r"\s*(?:-|–|—|to)\s*", joined)
        if len(parts) != 2 or not all(parts):
            raise _Bad("Give your working hours as start-end, like `settings hours 09:00-17:30`.")
        start, end = _clock(parts[0], "start"), _clock(parts[1], "end")
        if start >= end:
            raise _Bad(
                "Working hours must start before they end on the same day, like "
                "`settings hours 09:00-17:30`."
            )
        return c.SettingsHoursCommand(start=start, end=end)
    if key in {"shoutouts", "shout-outs"}:
        if len(values) != 1:
            raise _Bad("Say `settings shoutouts on` or `settings shoutouts off`.")
        return c.SettingsToggleCommand("shoutouts", _on_off(values[0], "shoutouts"))
    if key in {"store-drafts", "storedrafts", "drafts"}:
        if len(values) != 1:
            raise _Bad("Say `settings store-drafts on` or `settings store-drafts off`.")
        return c.SettingsToggleCommand("store-drafts", _on_off(values[0], "store-drafts"))
    raise _Bad(
        f"I don't have a setting called `{key[:40]}`. I know `timezone`, `hours`, `shoutouts` "
        f"and `store-drafts`, e.g. {example('settings')}."
    )


def _parse_export(rest: str) -> c.Command:
    if rest:
        raise _Bad("`export` takes nothing after it: just type `export`.")
    return c.ExportCommand()


def _parse_forget_me(rest: str) -> c.Command:
    word = rest.lower().strip()
    if word == "":
        return c.ForgetMeCommand(confirmed=False)
    if word == "confirm":
        return c.ForgetMeCommand(confirmed=True)
    raise _Bad("Type `forget-me` to start, then `forget-me confirm` to delete everything.")


def _parse_feedback(rest: str) -> c.Command:
    words = rest.split()
    if len(words) != 2 or not words[0].lstrip("#").isdigit():
        raise _Bad(
            "Write it as `feedback <review-id> helpful` or `feedback <review-id> wrong-flag`."
        )
    verdict = words[1].lower()
    if verdict not in {"helpful", "wrong-flag"}:
        raise _Bad("The verdict is `helpful` or `wrong-flag`, like `feedback 12 helpful`.")
    return c.FeedbackCommand(review_id=int(words[0].lstrip("#")[:12]), verdict=verdict)  # type: ignore[arg-type]


def _parse_list(rest: str) -> c.Command:
    return c.ListCommand()


_PARSERS = {
    "help": _parse_help,
    "met": _parse_met,
    "follow-up": _parse_follow_up,
    "list": _parse_list,
    "done": _parse_done,
    "snooze": _parse_snooze,
    "cancel": _parse_cancel,
    "review": _parse_review,
    "stats": _parse_stats,
    "digest": _parse_digest,
    "settings": _parse_settings,
    "export": _parse_export,
    "forget-me": _parse_forget_me,
    "feedback": _parse_feedback,
}
