"""Give, ask, thank: the words, buttons and coaching sentences of the touch ledger (issue 13).

Every touch (a done follow-up) is a give, an ask or a thank: the member says which on the Done
buttons or in words ("done Jane, gave her the article"), or takes the kind suggested from the
draft they had reviewed (`coach_rules.touches`). The contact card shows the ledger, and a
member who has only asked someone is told to give first, in the review and in the nudge.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal, cast

from bot.core.messages import Action, Reply
from storage.records import LedgerEntry, TouchCounts

# How many of the latest closed follow-ups to look through for the touch just marked done.
LATEST_TOUCHES = 5

# The classifier's kinds (`coach_rules.touches`, not imported here: the core loads the engine
# only when a draft is reviewed); tests/core/test_ledger.py checks the two agree.
TouchKind = Literal["give", "ask", "thank"]
TOUCH_KINDS: tuple[TouchKind, ...] = ("give", "ask", "thank")

# The word on each button and in "done #12 gave"; the verb in sentences.
PAST_TENSE: dict[TouchKind, str] = {"give": "gave", "ask": "asked", "thank": "thanked"}
BUTTON_LABELS: dict[TouchKind, str] = {"give": "Gave", "ask": "Asked", "thank": "Thanked"}
NOUNS: dict[TouchKind, str] = {"give": "a give", "ask": "an ask", "thank": "a thank-you"}

# What a touch was, from the member's own words after `done <person>` ("done Lena, sent her the
# paper"): the first of these verbs decides, so the rule can be told in one sentence. A thank-you
# that was sent is a thank, not a give, so the thank phrases come first.
KIND_VERBS: tuple[tuple[TouchKind, str], ...] = (
    (
        "thank",
        r"thanked|thank(?:ed)? (?:him|her|them)|said thanks|said thank you|thank[- ]?you (?:note|"
        r"message|email|mail)|sent (?:(?:him|her|them)\s+)?(?:a |my )?(?:quick )?"
        r"(?:thanks|thank[- ]?you)",
    ),
    ("thank", r"thank"),
    # "sent kevin my cv": what a job seeker sends is for their own sake: an ask, whatever the verb.
    (
        "ask",
        r"(?:sent|send|shared|forwarded|emailed|attached)\s+(?:[\w'’]+\s+){0,2}?(?:my|our)\s+"
        r"(?:cv|c\.v\.|resume|résumé|portfolio|application|pitch deck)",
    ),
    (
        "give",
        r"gave|give|given|shared|sent|introduced|intro'?d|made (?:the |an |a )?intro(?:duction)?s?|"
        r"connected|forwarded|passed (?:on|along)|"
        r"recommended|refer+ed|offered|helped|lent|invited",
    ),
    ("ask", r"asked|asking|ask|requested|requesting|request"),
)
_KIND_VERB = re.compile(
    r"\b(?:"
    + "|".join(f"(?P<{kind}{i}>{words})" for i, (kind, words) in enumerate(KIND_VERBS))
    + r")\b",
    re.IGNORECASE,
)
# "the paper she asked for": a verb after "she", "he" or "they" is what the other person did.
_THEIR_VERB = re.compile(r"\b(?:she|he|they|who)\s+(?:also\s+|just\s+)?$", re.IGNORECASE)
# Where the member's words about the touch start: a comma, dash, colon or semicolon after the
# person, or a kind verb right after the name ("done #12 gave", "done Jane gave her the deck").
_DESCRIPTION_START = re.compile(r"\s*[,;:—–]\s*|\s+-\s+")
_LEADING_I = re.compile(r"(?:i(?:'ve|’ve| have)?\s+)?(?:just\s+|also\s+)?", re.IGNORECASE)


# A short answer to "Was it a give, an ask or a thank-you?": "it was a give", "an ask",
# "thanked". A bare "thanks" or "thank you" stays chat: it thanks the coach.
_KIND_ANSWER = re.compile(
    r"(?:(?:it|that|this)(?:'s|’s| was| is)\s+|(?:i think|mostly|more like)\s+)?(?:"
    r"(?:a|an)\s+(?P<noun>give|ask|thank[- ]?you|thanks)|(?P<word>give|ask)|"
    r"(?:i\s+)?(?P<verb>gave|asked|thanked)(?:\s+(?:him|her|them))?)[\s.!]*",
    re.IGNORECASE,
)


KIND_QUESTION = "Was it a give, an ask or a thank-you?"


def kind_question(follow_up_id: int) -> Reply:
    """Asked again when the member answers the give/ask/thank-you question with a bare yes."""
    return Reply(
        text=f"{KIND_QUESTION} Tap one, or type `gave`, `asked` or `thanked`.",
        actions=done_actions(follow_up_id),
    )


def kind_answered(text: str) -> TouchKind | None:
    """The kind a short answer to the give/ask/thank-you question names, if the line is one."""
    found = _KIND_ANSWER.fullmatch(" ".join(text.split()))
    if found is None:
        return None
    word = (found["noun"] or found["word"] or found["verb"]).lower()
    return next(kind for kind in TOUCH_KINDS if word.startswith(kind) or word == PAST_TENSE[kind])


# Touches that were neither a give, an ask nor a thanks by themselves: a connection request, a
# bare "sent a follow-up", "connected on LinkedIn". Their verbs ("sent", "connected") say
# nothing of the kind, so `done` asks instead of recording a give.
_SAYS_NO_KIND = re.compile(
    r"\b(?:sent|send|did)\s+(?:(?:him|her|them)\s+)?(?:a\s+|an\s+|my\s+|the\s+)?(?:quick\s+)?"
    r"(?:(?:linkedin|li|connection|connect|friend)\s+)+(?:req|reqs|request|requests|invite|"
    r"invites|invitation)s?\b(?:\s+(?:w/?|with)\s+(?:a\s+)?note)?|"
    r"\b(?:sent|send)\s+(?:(?:him|her|them)\s+)?(?:a\s+|my\s+)?(?:quick\s+|short\s+)?"
    r"(?:follow[- ]?up|message|msg|dm|text|note|email|mail|ping)"
    r"(?:\s+(?:email|mail|note|message|msg))?(?:\s+(?:on|via|over)\s+\w+)?"
    r"(?=\s*(?:$|[,.;!—–-]|asking\b|to\s+ask\b|about\b|re\b))|"
    r"\bconnected\s+(?:with\s+(?:him|her|them)\s+)?on\s+(?:linkedin|li)\b",
    re.IGNORECASE,
)


def kind_in(description: str) -> TouchKind | None:
    """The kind the first telling verb of the member's description says, if any."""
    description = _SAYS_NO_KIND.sub(" ", description)
    for match in _KIND_VERB.finditer(description):
        if _THEIR_VERB.search(description[: match.start()]):
            continue
        group = next(name for name, value in match.groupdict().items() if value)
        return cast(TouchKind, group.rstrip("0123456789"))
    return None


def split_kind(rest: str) -> tuple[str, TouchKind | None]:
    """ "Jane, gave her the article" → ("Jane", "give"); "Lena, sent her the paper" → ("Lena",
    "give"); text without a telling verb is unchanged.

    Without a separator the kind word must follow at least one word of the target, so "done
    asked" stays a name.
    """
    alone = rest.lstrip(" ,;:—–-")
    lead = _LEADING_I.match(alone)
    names_someone = re.search(r"\b(?!I\b)(?-i:[A-Z])", alone)  # "sent the intro to Sam"
    if (
        lead
        and _KIND_VERB.match(alone, lead.end())
        and len(alone.split()) >= 3
        and not names_someone
    ):
        # "done, sent her the paper": the description alone, about the conversation's contact.
        return "", kind_in(alone)
    separator = _DESCRIPTION_START.search(rest)
    if separator is not None:
        kind = kind_in(rest[separator.end() :])
        if kind is not None:
            # "done, sent her the paper": no name before the comma (the conversation's contact).
            return rest[: separator.start()].strip(), kind
    before = rest[: separator.start()] if separator is not None else rest
    for word in list(re.finditer(r"\S+", before))[1:]:
        tail = rest[word.start() :]
        verb = _KIND_VERB.match(tail[_LEADING_I.match(tail).end() :])  # type: ignore[union-attr]
        if verb is not None and not _THEIR_VERB.search(rest[: word.start()]):
            return rest[: word.start()].strip(), kind_in(tail)
    return rest, None


def done_command(follow_up_id: int, kind: TouchKind, *, early: bool = False) -> str:
    return f"done #{follow_up_id} {PAST_TENSE[kind]}" + (" early" if early else "")


def done_actions(follow_up_id: int, suggested: TouchKind | None = None) -> tuple[Action, ...]:
    """The Done buttons: Gave / Asked / Thanked (the suggested one stands out)."""
    return tuple(
        Action(
            BUTTON_LABELS[kind],
            done_command(follow_up_id, kind),
            style="primary" if kind == suggested else None,
        )
        for kind in TOUCH_KINDS
    )


def tally(entries: Iterable[LedgerEntry]) -> TouchCounts:
    kinds = [entry.kind for entry in entries]
    return TouchCounts(give=kinds.count("give"), ask=kinds.count("ask"), thank=kinds.count("thank"))


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def ask_first_warning(name: str, counts: TouchCounts) -> str | None:
    """The coaching line for a contact the member has only asked of, else None."""
    if counts.ask == 0 or counts.give > 0:
        return None
    return (
        f"You've asked {name} {_times(counts.ask)} and given nothing yet: share something "
        "useful first."
    )


def ledger_line(entries: tuple[LedgerEntry, ...]) -> str:
    """ "Gave 1 · asked 2 · thanked 0 (1 touch not recorded)" for the contact card."""
    counts = tally(entries)
    line = f"Gave {counts.give} · asked {counts.ask} · thanked {counts.thank}"
    unrecorded = len(entries) - counts.total
    if unrecorded:
        line += f" ({unrecorded} {'touch' if unrecorded == 1 else 'touches'} not recorded)"
    return line


def give_ask_ratio(counts: TouchCounts) -> str:
    """ "give:ask 3:1" with the thanks beside it; what `stats` and the digest show."""
    return f"give:ask {counts.give}:{counts.ask} (and {counts.thank} thank-yous)"
