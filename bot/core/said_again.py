"""What a member puts right as they say it, or right after (pass 22):

- "follow-up kai 1/14, wait no 1/15", "snooze dana till monday, I mean tuesday": the day said
  last (after "wait no", "I mean", "sorry", "actually", "correction") is the one meant; the line
  is read again with it in place of the first day.
- "wait no, it was monday", "oops, wednesday pala", "it was monday" right after logging a
  meeting: that meeting moves to the day (`MeetingDayCommand`, about whom the conversation is);
  a bare day ("sorry, monday") could mean the meeting or the follow-up, so it is asked.
- "wait no, that was an ask" right after `done kai gave`: the touch's kind is recorded again
  (as `done #id asked` does), by the service, which knows which touch was just done.
"""

from __future__ import annotations

import re

from bot.core import chat, ledger
from bot.core import commands as c
from bot.core.context import Context
from bot.core.when import find_possible_day

_MARKER = (
    r"(?:wait\s*,?\s*no(?:pe)?|no\s*,?\s*wait|i\s+mean|sorry|actually|correction|oops|"
    r"my\s+bad|scratch\s+that)"
)
# A bare "no" puts a day right too once set off ("thursday — no, friday"); what follows it must
# still be a day and nothing else.
_SAID_AGAIN = re.compile(
    rf"\s*(?:[,;.—–]|\s-)?\s*\b(?:{_MARKER}|no(?:pe)?)\b\s*[,:;—–-]?\s*", re.IGNORECASE
)
# "… on thursday not friday": the day named first, the other one ruled out.
_RULED_OUT = re.compile(r"\s+not\s+(?:on\s+)?(?P<day>[^,;]+?)[\s.!]*$", re.IGNORECASE)
# Words that may end a correction without changing it (Tagalog "pala": so it turns out; "po").
_TRAILING = re.compile(r"(?:\s+(?:pala|po|na|pla|then|instead|sorry))*[\s.!]*$", re.IGNORECASE)
_LEADING = re.compile(rf"^\W*(?:(?:{_MARKER}|no|nope|ah|oh|hmm|ugh)\b\W*)+", re.IGNORECASE)
# "it was", "that was", "we met", "met her": the day a meeting happened.
_PAST = re.compile(
    r"^(?:(?:it|that|this)(?:'s|’s|\s+was|\s+is)|(?:(?:i|we)\s+)?met(?:\s+(?:him|her|them))?|"
    r"was)\s+(?:on\s+)?",
    re.IGNORECASE,
)


def _only_a_day(words: str) -> str | None:
    """The day `words` are, as typed, when they are a day and nothing else ("it was" before it
    allowed: "no wait it was 11/30")."""
    words = _TRAILING.sub("", words.strip())
    past = _PAST.match(words)
    if past is not None and past.end() < len(words):
        words = words[past.end() :]
    found = find_possible_day(words)
    if found is None or found.start != 0 or words[found.end :].strip(" ,.!"):
        return None
    return words


def _last_day(head: str) -> tuple[int, int] | None:
    """Where the last day phrase in `head` is."""
    last, at = None, 0
    while at < len(head):
        found = find_possible_day(head[at:])
        if found is None:
            break
        last = (at + found.start, at + found.end)
        at += max(found.end, found.start + 1)
    return last


# "actually wait, faith i met on sunday …": an aside of two such words, then the line itself.
_AN_ASIDE_FIRST = re.compile(
    r"^\W*(?:actually|wait|hold on)(?:[\s,]+(?:actually|wait|hold on))+\s*[,:;—–-]\s*"
    r"(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)


def meeting_after_an_aside(text: str) -> str | None:
    """The line after an aside like "actually wait," (which is no name: "Actually Wait"), for
    the caller to read as a meeting; None when there is no such aside."""
    found = _AN_ASIDE_FIRST.match(text)
    return found["rest"] if found is not None else None


def day_said_again(text: str) -> str | None:
    """The line with the day said last in place of the first one, or None when the line puts
    no day right."""
    line = " ".join(text.split())
    ruled_out = _RULED_OUT.search(line)
    if ruled_out is not None and _only_a_day(ruled_out["day"]) is not None:
        head = line[: ruled_out.start()]
        return head if _last_day(head) is not None else None
    pieces = _SAID_AGAIN.split(line)
    if len(pieces) < 2 or len(pieces[0].split()) < 2:
        return None
    head, corrections = pieces[0].rstrip(" ,;"), pieces[1:]
    days = [_only_a_day(piece) for piece in corrections]
    if any(day is None for day in days) or not days:
        return None
    day = days[-1]
    assert day is not None
    where = _last_day(head)
    if where is None:
        return f"{head} {day}"
    start, end = where
    return f"{head[:start]}{day}{head[end:]}".strip()


def meeting_day_put_right(text: str, referent: c.PersonRef | None) -> c.Parsed | None:
    """ "wait no, it was monday" said about the conversation's contact: their last meeting on
    that day; a bare "sorry, monday" asks which day is meant. None for any other line."""
    line = " ".join(text.split())
    lead = _LEADING.match(line)
    marked = lead is not None and re.search(_MARKER, lead.group(0), re.IGNORECASE) is not None
    rest = line[lead.end() :] if lead is not None and marked else line.lstrip(" .!,")
    past = _PAST.match(rest)
    said = _only_a_day(rest[past.end() :] if past else rest)
    if said is None or not (marked or (past is not None and referent is not None)):
        return None  # "it was friday" alone is only a correction about someone
    told_as_past = past is not None or re.search(r"\bpala\b", rest, re.IGNORECASE) is not None
    found = find_possible_day(said)
    assert found is not None  # `_only_a_day` found it
    if referent is None:
        return c.ParseFailure(
            f"Whose meeting was on {said}? Say it with the name, like "
            f"`Sarah Chen - met her {said} not today`.",
            topic="met",
            asks_who=True,
        )
    if not told_as_past:
        return c.ParseFailure(
            f"Which should be on {said}: your meeting with {referent.name} (say `it was "
            f"{said}`) or your follow-up (`snooze {referent.name} until {said}`)?",
            topic="met",
        )
    return c.MeetingDayCommand(person=referent, right=found.spec, said=said)


def kind_put_right(text: str) -> ledger.TouchKind | None:
    """ "wait no, that was an ask": the kind a touch just recorded really was, else None."""
    line = " ".join(text.split())
    lead = _LEADING.match(line)
    if lead is None or not re.search(_MARKER, lead.group(0), re.IGNORECASE):
        return None
    return ledger.kind_answered(_TRAILING.sub("", line[lead.end() :]))


def touch_just_done(ctx: Context, contact_id: int) -> int | None:
    """The touch with this contact marked done last, while the conversation is fresh."""
    for follow_up in ctx.store.closed_follow_ups(ctx.member.id, 5):
        if follow_up.contact_id != contact_id or follow_up.status != "done":
            continue
        return follow_up.id if chat.still_fresh(follow_up.done_at, ctx.now) else None
    return None


_CAPITALISED = r"(?-i:[A-ZÀ-ÖØ-Þ])[\w'’-]*"
# "met Carlos—no, Carla Ruiz, at …", "met Paula Ng — sorry, Paula Wong — at …": a name said
# again right after a slip, set off by commas or dashes.
_NAME_SAID_AGAIN = re.compile(
    rf"^(?P<head>.*?)(?P<old>{_CAPITALISED}(?:\s+{_CAPITALISED})?)\s*(?:[,;—–]|\s-)\s*"
    rf"(?:{_MARKER}|no(?:pe)?)\s*[,:;—–-]?\s*(?P<new>{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,2}})"
    r"\s*(?:[,;—–]|\s-)\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def name_said_again(text: str) -> str | None:
    """The line with the name said last in place of the slip before it, or None. The two must
    start alike (a slip of the tongue or the keys, not two people)."""
    found = _NAME_SAID_AGAIN.match(" ".join(text.split()))
    if found is None or found["old"][0].lower() != found["new"][0].lower():
        return None
    return f"{found['head']}{found['new']} {found['rest']}"


# "oh sorry, that was Lars Sørensen from last year… remove that": what was just logged was a
# slip; the member wants it gone.
_SLIP_REMOVED = re.compile(
    r"^\W*(?:(?:oh|ah|sorry|oops|wait|no|nope|my\s+bad|actually)\W+)*(?:that|it|this)\s+was\s+"
    r"[^.!?…]{1,80}?(?:[.!…,;]+|\s[—–-])\s*(?:so\s+|pls\s+|please\s+|can\s+you\s+)*"
    r"(?:remove|delete|undo|scrap|drop|bin)\s+(?:that|it|this)(?:\s+one)?(?:\s+(?:pls|please))?"
    r"[\s.!]*$",
    re.IGNORECASE,
)


def slip_removed(text: str, referent: c.PersonRef | None) -> c.UndoCommand | None:
    """ "that was Lars from last year… remove that": an undo about whom the conversation is
    (the reply lists what puts it right: delete the contact, cancel the follow-up); else None."""
    if _SLIP_REMOVED.match(" ".join(text.split())) is None:
        return None
    return c.UndoCommand(person=referent)
