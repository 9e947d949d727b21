"""Explainable rules: phrase patterns per guideline, each hit with exact character spans.

Rules read the normalised draft (`textnorm.normalise`), which is exactly as long as the
original, so every span `[start, end)` indexes the text the user wrote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from coach_rules import lexicon
from coach_rules.signals import WORD_RE, pronoun_counts, words_of

Span = tuple[int, int]

MAX_SPANS_PER_FINDING = 8
QUESTIONS_BEFORE_FINDING = 4  # one to three questions is fine
ASKS_BEFORE_FINDING = 3
I_WE_MINIMUM = 6  # "about them" needs this many I/we words and three times as many as "you"

_QUESTION_MARKS = re.compile(r"\?+")
_SENTENCE_BREAK = re.compile(r"[.!?\n]")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
# "— Priya", "-- Tom", opening the text or a line
_DASH_AND_NAME = r"\s*(?:[—–-]{1,2}|~)\s*[^\W\d_]"
_DASH_SIGN_OFF = rf"(?:^|\n){_DASH_AND_NAME}"
_CLOSINGS = (
    "best", "cheers", "thanks", "thank you", "regards", "warmly", "sincerely", "ta", "thx",
    "all the best", "kind regards", "best wishes", "speak soon",
)  # fmt: skip
# "Thanks,\nAna" at the very end: a closing, then only these separators, then a name.
_CLOSING_SEPARATORS = " \t,!.\n"
_CLOSING_SIGN_OFF = (
    rf"\b(?:{'|'.join(_CLOSINGS)})\b[ \t]*[,!.]?[ \t]*(?:\n[ \t]*)?[^\W\d_]{{2,}}[ \t]*$"
)
_SIGNATURE_ALTERNATIVES = f"{_DASH_SIGN_OFF}|{_CLOSING_SIGN_OFF}"
# Each alternative is searched on its own (a text has a signature when either matches): the dash
# one only when there is a dash, the closing one only at the end of the text (see
# `has_signature`), the dash one as two: at the start of the text, and after a newline (a literal
# the search jumps to; `(?:^|\n)` is tried at every position). A closing match starts at a word
# start: said once in front, so the search passes every other position at once.
_DASH_SIGNATURE_FIRST = re.compile(_DASH_AND_NAME, re.IGNORECASE)
_DASH_SIGNATURE_NEXT = re.compile(rf"\n{_DASH_AND_NAME}", re.IGNORECASE)
_CLOSING_SIGNATURE = re.compile(rf"(?=\b\w){_CLOSING_SIGN_OFF}", re.IGNORECASE)
_NAME_LETTER = re.compile(r"[^\W\d_]", re.IGNORECASE)  # what the name after a closing is made of

_SIGNATURE_DASHES = "—–-~"  # the "— Priya" alternative needs one of these
# Someone named in a Slack or Teams message ("<@U04…>" is `_user_` once normalised, "@Ana"):
# written where others read it, in a channel or thread.
_MENTION = re.compile(r"_user_|(?<![\w.])@[^\W\d_]")
# "@here", "@channel", "@everyone" typed as words: the whole channel is addressed.
_CHANNEL_MENTION = re.compile(r"(?<![\w.])@(?:here|channel|everyone)\b")
# "please don't DM me here", "no need to DM me": a plug phrase said the other way round.
_NEGATED = re.compile(r"(?:\bdon'?t|\bdo not|\bno need to|\bnever|\bnot|\bisn'?t|\bno)\s+$")


@dataclass(frozen=True)
class RuleHit:
    rule: str
    message: str
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Strength:
    what: str
    spans: tuple[Span, ...]


def _spans(matches: Iterable[re.Match[str]]) -> list[Span]:
    return [m.span() for m in matches]


def _unnegated(normalised: str, matches: list[re.Match[str]]) -> list[re.Match[str]]:
    """`matches` but those said the other way round ("please don't DM me")."""
    return [
        m for m in matches if not _NEGATED.search(normalised, max(0, m.start() - 12), m.start())
    ]


def _tidy(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Sorted, de-duplicated, overlapping spans merged, at most MAX_SPANS_PER_FINDING."""
    merged: list[list[int]] = []
    for start, end in sorted(set(spans)):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged[:MAX_SPANS_PER_FINDING])


def _strip_span(text: str, start: int, end: int) -> Span:
    """Shrink a span so it does not begin or end with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _question_sentences(normalised: str) -> list[Span]:
    """Each question: from the previous sentence break up to and including its '?'s."""
    if "?" not in normalised:
        return []
    spans: list[Span] = []
    previous_end = 0
    for marks in _QUESTION_MARKS.finditer(normalised):
        start = previous_end
        for brk in _SENTENCE_BREAK.finditer(normalised, previous_end, marks.start()):
            start = brk.end()
        spans.append((start, marks.end()))
        previous_end = marks.end()
    return spans


def _sentences_with(normalised: str, matches: list[re.Match[str]]) -> list[Span]:
    """The spans of the sentences that hold at least one of `matches`."""
    if not matches:
        return []
    found: list[Span] = []
    starts = iter(sorted(m.start() for m in matches))
    position = next(starts)
    for sentence in _SENTENCE.finditer(normalised):
        if sentence.start() <= position < sentence.end():
            found.append(sentence.span())
            position = next((p for p in starts if p >= sentence.end()), -1)
            if position < 0:
                break
    return found


def _group_plug(normalised: str, plug: list[Span]) -> list[Span]:
    """The plugs (`plug`, `lexicon.PLUG`'s, and selling phrases) of a draft that addresses a
    group, a thread or a channel, or sells to someone it mentions; empty otherwise. Who is
    addressed is asked only of drafts with a plug (few)."""
    sell = _spans(_unnegated(normalised, lexicon.SELL_PLUG.finditer(normalised)))
    if not (plug or sell):
        return []
    if (
        lexicon.GROUP_ADDRESS.search(normalised)
        or ("@" in normalised and _CHANNEL_MENTION.search(normalised))
        or (
            any(word in normalised for word in lexicon.THREAD_ADDRESS_WORDS)
            and lexicon.THREAD_ADDRESS.search(normalised)
        )
        or (sell and _MENTION.search(normalised))
    ):
        return plug + sell
    return []


def has_signature(text: str) -> bool:
    """Whether the draft ends with a sign-off ("Thanks, Ana") or has a dashed one ("— Priya")."""
    stripped = text.rstrip()
    if any(dash in stripped for dash in _SIGNATURE_DASHES) and (
        _DASH_SIGNATURE_FIRST.match(stripped) or _DASH_SIGNATURE_NEXT.search(stripped)
    ):
        return True
    # A closing sign-off ends the text with a name (its letters), just before it only
    # separators, and before them the closing: so it starts no further back than the longest
    # closing from where those separators start, and only from there is searched (a search from
    # a position still reads the character before it for `\b`).
    start = len(stripped)
    while start and _NAME_LETTER.match(stripped, start - 1):
        start -= 1
    while start and stripped[start - 1] in _CLOSING_SEPARATORS:
        start -= 1
    start = max(start - max(map(len, _CLOSINGS)), 0)
    return _CLOSING_SIGNATURE.search(stripped, start) is not None


def find_rule_hits(
    text: str,
    normalised: str,
    words: list[str] | None = None,
    *,
    pronouns: tuple[int, int] | None = None,
) -> list[RuleHit]:
    """Every guideline the draft visibly breaks, with the phrases that show it.

    `pronouns` (`signals.pronoun_counts(words)`) may be passed when the caller has it.
    """
    hits: list[RuleHit] = []

    def add(rule: str, message: str, spans: list[Span]) -> None:
        if not spans:
            return
        tidy = _tidy(spans)
        if tidy:
            hits.append(RuleHit(rule, message, tidy))

    pitch = _spans(lexicon.PITCH.finditer(normalised))
    urgency = _spans(_unnegated(normalised, list(lexicon.URGENCY.finditer(normalised))))
    hype = _spans(lexicon.HYPE.finditer(normalised))
    plug = _spans(_unnegated(normalised, lexicon.PLUG.finditer(normalised)))
    asks = list(lexicon.ASK.finditer(normalised))
    first_value = lexicon.VALUE.search(normalised)

    if pitch or urgency:
        parts = []
        if pitch:
            parts.append("pitches to a reader who has not asked")
        if urgency:
            parts.append("pushes with urgency")
        add("no-hard-sell", "This " + " and ".join(parts) + ".", pitch + urgency)

    if asks and (first_value is None or first_value.start() > asks[0].start()):
        add(
            "value-first",
            "It asks for something before offering anything the reader can use.",
            [asks[0].span()],
        )

    if (asks or pitch) and not lexicon.SELF_INTRO.search(normalised) and not has_signature(text):
        first = asks[0].span() if asks else pitch[0]
        add(
            "identify-yourself",
            "It never says who you are or how you know the reader, yet it asks for something.",
            [first],
        )

    add(
        "personalise",
        "This reads like a mass template.",
        _spans(lexicon.MASS_TEMPLATE.finditer(normalised))
        + _spans(lexicon.TEMPLATE_PLACEHOLDER.finditer(normalised)),
    )

    self_promo = _spans(lexicon.SELF_PROMO.finditer(normalised))
    if self_promo:
        add("about-them", "It talks about you and your company, not the reader.", self_promo)
    else:
        if pronouns is None:
            pronouns = pronoun_counts(words_of(normalised) if words is None else words)
        i_we, you = pronouns
        if i_we >= I_WE_MINIMUM and i_we >= 3 * max(you, 1):
            first_person = [
                m.span() for m in WORD_RE.finditer(normalised) if m.group() in lexicon.FIRST_PERSON
            ]
            add("about-them", f"It says I/we {i_we} times and you {you} times.", first_person)

    covert = _spans(lexicon.COVERT.finditer(normalised))
    if covert and (pitch or hype or plug):
        add(
            "transparent-intent",
            "A pitch is dressed up as curiosity; say what you want plainly.",
            covert + pitch,
        )

    group_plug = _group_plug(normalised, plug)
    if group_plug:
        add("no-group-plugging", "It plugs a product to a group.", group_plug)

    add(
        "right-sized-ask",
        "That is a big ask for someone you barely know.",
        _spans(lexicon.BIG_ASK.finditer(normalised)),
    )

    questions = [_strip_span(text, *span) for span in _question_sentences(normalised)]
    if len(questions) >= QUESTIONS_BEFORE_FINDING:
        add(
            "one-clear-ask",
            f"It asks {len(questions)} questions; keep one clear ask.",
            questions,
        )
    else:
        asking_sentences = _sentences_with(normalised, asks)
        if len(asking_sentences) >= ASKS_BEFORE_FINDING:
            add(
                "one-clear-ask",
                f"It makes requests in {len(asking_sentences)} sentences; keep one clear ask.",
                [_strip_span(text, *span) for span in asking_sentences],
            )

    add(
        "follow-up-in-10-days",
        "This follows up long after you met; bring something new rather than a cold ask.",
        _spans(lexicon.LATE_FOLLOW_UP.finditer(normalised)),
    )
    add(
        "rule-of-two",
        "It chases a reader who has not answered; two follow-ups are enough.",
        _spans(lexicon.CHASING.finditer(normalised)),
    )
    add(
        "quality-over-quantity",
        "It collects contacts for their number, not for a real relationship.",
        _spans(lexicon.MASS_NETWORKING.finditer(normalised)),
    )
    return hits


GIVES_FIRST = "gives the reader something first"


def find_strengths(text: str, normalised: str, *, pushes: bool = False) -> list[Strength]:
    """What the draft does well: gives something, says who you are or how you know them.

    A draft that `pushes` (flagged, or a pitch or a deadline) gets no credit for giving:
    "attached" or "as promised" in front of a price list and a closing date is not a gift, and
    crediting it ranked blatant closes above mild asks."""
    strengths = []
    value = [] if pushes else _tidy(_spans(lexicon.VALUE.finditer(normalised)))
    if value:
        strengths.append(Strength(GIVES_FIRST, value))
    intro = _tidy(_spans(lexicon.SELF_INTRO.finditer(normalised)))
    if intro:
        strengths.append(Strength("says who you are or how you know them", intro))
    return strengths
