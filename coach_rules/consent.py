"""Things done to the reader without asking: added to a list, newsletter, CRM, group or sequence;
signed up, registered or booked for a call; their details passed on.

`consent_spans(text)` returns the spans of such phrases when they report something already done
("I've added you to our newsletter", "I've asked Jordan from sales to call you on Monday", "you'll
now receive our weekly updates"). Offers that ask first ("Would you like me to add you?", "Can I
share your email with her?", "only with your go-ahead") are what the guideline asks for, so a
phrase in a question or next to a request for permission does not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from coach_rules.textnorm import lower_same_length

_ACTOR = (
    r"(?:i|we|i'?ve|we'?ve|i\s+have|we\s+have|i\s+just|we\s+just|i\s+also|we\s+also|i\s+don"
    r"|(?:i|we)'?ve\s+(?:also|just|already)|(?:i|we)\s+(?:already|took\s+the\s+liberty\s+of))"
)
_DONE_TO_YOU = (
    r"(?:added|adding|subscribed|signed|enrolled|registered|booked|scheduled|listed|put|entered"
    r"|included|invited|nominated|volunteered|set|opted|pencil(?:l)?ed|penciled|sign)"
)
_WHO = (
    r"(?:you|you\s+all|y'?all|everyone(?:\s+here)?|everybody|all\s+of\s+you|you\s+and\s+[\w\s]{1,40}?"
    r"|your\s+(?:name|email|number|team|company|parents|daughter|son|wife|husband|partner|colleagues?"
    r"|family|friends?|address|details|contact)(?:\s+details)?)"
)
_DETAILS = (
    r"(?:your|her|his|their)\s+(?:(?:mobile|phone|cell|contact|personal|email|e-mail|whatsapp)\s+)?"
    r"(?:number|phone\s+number|email(?:\s+address)?|e-mail|details|contact(?:\s+details|\s+info)?"
    r"|info(?:rmation)?|cv|resume|résumé|profile|address|data|pan\s+details|email\s+thread)"
)
_PATTERNS = [
    # "I've added you to our newsletter", "we have registered you and your two colleagues"
    rf"(?:\b{_ACTOR}\s+(?:(?:also|just|already|now|went\s+ahead\s+and|gone\s+ahead\s+and)\s+)?"
    rf"|\band\s+(?:also\s+)?|(?:^|(?<=[.!?\n])|(?<=[.!?\n]\s))(?:just\s+|also\s+)?){_DONE_TO_YOU}\s+{_WHO}\b"
    r"(?:\s+(?:up|in|on|to|for|down|into))?",
    # "I put your name down", "I took the liberty of adding you"
    r"\btook\s+the\s+liberty\s+of\s+\w+ing\s+(?:you|your)\b",
    # "I've shared your phone number with", "I forwarded your CV to"
    rf"\b(?:shared|passed(?:\s+on)?|gave|given|forwarded|sent|transmitted|handed|provided|exported"
    rf"|sold|uploaded|submitted)\s+(?:on\s+|over\s+)?{_DETAILS}",
    # "I gave your number to the guy", "I've given your details to my buddy"
    r"\b(?:i'?ve|i|we'?ve|we)\s+(?:\w+\s+)?(?:asked|told|got|had|arranged\s+for)\s+[\w\s.]{1,40}?"
    r"\s+to\s+(?:call|ring|phone|contact|email|reach\s+out\s+to|visit|text|message|follow\s+up\s+with)"
    r"\s+you\b",
    # "you'll now receive our weekly updates", "you've been added to"
    r"\byou(?:'ll|\s+will)\s+now\s+(?:receive|get|be\s+(?:getting|receiving|added))\b",
    r"\byou(?:'ve|\s+have)\s+been\s+(?:added|subscribed|signed\s+up|enrolled|registered|opted\s+in"
    r"|booked|put)\b",
    r"\byou(?:'re|\s+are)\s+now\s+(?:subscribed|registered|enrolled|signed\s+up|on\s+(?:our|the|my))\b",
    r"\byour\s+(?:company|business|account|practice|clinic)\s+is\s+now\s+(?:registered|enrolled|signed"
    r"\s+up|subscribed)\b",
    # "I've booked you in for a call", "booked a demo for you", "put 45 minutes in your calendar"
    r"\b(?:i'?ve|we'?ve|i\s+have|we\s+have)\s+(?:already\s+)?(?:set\s+up|started|activated|created)\s+your\s+(?:first\s+)?(?:delivery|order|subscription"
    r"|account|trial|membership)\b",
    r"\b(?:booked|scheduled|set\s+up|arranged)\s+(?:a|an|your)\s+(?:\w+\s+){0,3}?(?:call|demo|meeting"
    r"|session|visit|appointment|delivery|consultation)\s+(?:for\s+you|with\s+(?:you|our))\b",
    r"\b(?:put|added|sent|dropped)\s+(?:\d+\s+minutes|a\s+(?:call|meeting|demo|slot)|an?\s+invite"
    r"|time)\s+(?:\w+\s+)?(?:in|to|on)\s+your\s+calendar\b|\binvite'?s\s+in\s+your\s+calendar\b",
    r"\b(?:exported|scraped|pulled)\s+the\s+(?:member|attendee|contact|group)\s+list\b",
    # Spanish / Portuguese: "ya te registré", "te agendé", "já cadastrei"
    r"\b(?:ya\s+)?te\s+(?:registr|inscrib|agend|suscrib|apunt)\w*|\b(?:já\s+)?(?:te\s+)?(?:cadastr"
    r"|inscrev)ei\b",
]
# Every consent phrase names the reader (or the list they were taken from): a line without one
# of these is skipped, as a plain substring test.
_READER_WORDS = (
    "you", "y'all", "yall", "everyone", "everybody", "member list", "attendee list",
    "contact list", "te ", "cadastrei", "inscrevi",
)  # fmt: skip
_CONSENT_PHRASE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)
# Asking first: questions and offers that wait for a yes.
_ASKING = re.compile(
    r"\b(?:would\s+you|do\s+you\s+want|want\s+me\s+to|shall\s+i|should\s+i|can\s+i|may\s+i|could\s+i"
    r"|if\s+you(?:'d)?\s+(?:like|want|prefer)|only\s+(?:with|if)|with\s+your\s+(?:ok|okay|yes|go-ahead"
    r"|permission|consent)|once\s+you|if\s+(?:yes|so)|i\s+won'?t|haven'?t|without\s+your)\b",
    re.IGNORECASE,
)


def consent_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of phrases reporting that the reader was added, booked or passed on unasked."""
    spans: list[tuple[int, int]] = []
    for m in _phrases(text):
        sentence = _sentence_around(text, m.start(), m.end())
        if sentence.rstrip().endswith("?") or _ASKING.search(sentence):
            continue
        phrase = m.group(0)
        spans.append((m.start() + len(phrase) - len(phrase.lstrip()), m.end()))
    return tuple(spans)


def _phrases(text: str) -> Iterator[re.Match[str]]:
    """The consent phrases, looked for only on lines that name the reader (the long pattern is
    slow, and a pasted message has long blanked stretches)."""
    lowered = lower_same_length(text)  # same offsets as `text`
    start = 0
    while start < len(text):
        end = lowered.find("\n", start)
        end = len(text) if end < 0 else end
        line = lowered[start:end]
        if any(word in line for word in _READER_WORDS):
            yield from _CONSENT_PHRASE.finditer(text, start, end)
        start = end + 1


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (between ., !, ? or a line break) that holds text[start:end]."""
    before = max(text.rfind(mark, 0, start) for mark in ".!?\n")
    after = [i for i in (text.find(mark, end) for mark in ".!?\n") if i >= 0]
    stop = min(after) if after else len(text)
    # keep a closing run of punctuation, so a question stays a question
    while stop < len(text) and text[stop] in ".!?":
        stop += 1
    return text[before + 1 : stop]
