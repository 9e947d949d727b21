"""A note to the coach wrapped around a pasted draft: "what do you think of this: Hi Sam, …",
"Hi Sam, …\n\ntoo pushy?".

Such a note is said to the coach, not to the draft's reader, so it must not be reviewed with the
draft: "what do you think" read as part of a two-line note to Sam is a hard sell. The note is
also a clear request for a review, so the draft is reviewed without asking "is this a draft?".
"""

from __future__ import annotations

import re

from bot.core.draft_labels import labelled

# What people call the text they paste.
_THIS = (
    r"(?:(?:this|that)(?: one)?|the (?:following|below|text below|message below)|below|"
    # "my investor update", "the follow-up email": one word may say which kind.
    r"(?:my|this|the|a) (?:[\w-]+ )?(?:draft|message|msg|note|email|e-mail|dm|post|reply|text|"
    r"intro|pitch|update|newsletter|announcement)"
    r"(?: (?:for|to) [\w.'-]+(?: [\w.'-]+)?)?)"
)
_REQUEST = (
    r"(?:(?:hey|hi|ok|so|quick one|coach)[\s,!]+)?"
    r"(?:(?:please|pls|plz|can you|can u|could you|could u|would you|mind|help me)\s+)?"
    r"(?:check|review|look at|look over|read|proofread|rate|score|critique|sanity[- ]check)"
)
_OPINION = (
    r"(?:(?:hey|hi|ok|so|quick one)[\s,!]+)?"
    r"(?:what do you think(?: (?:of|about))?|wdyt(?: (?:of|about))?|thoughts on|"
    r"your thoughts on|feedback on|any feedback on|how does|how do you like|is|does)"
)
_VERDICT = (
    r"(?:sound|look|read)?\s*(?:ok|okay|good|fine|alright|right|pushy|too pushy|salesy|"
    r"too salesy|spammy|too much|professional|weird)?"
)
# What people add after "this": "… for me", "… before I send it to my old manager".
_WHEN_AND_FOR_WHOM = (
    r"(?:\s+(?:for me|quickly|real quick|pls|please|plz|first|"
    r"before (?:i|we) (?:send|post|sent)(?: (?:it|this|that))?"
    r"(?: (?:to|for) (?!(?:my|our|a|an|the)\b)[\w.'-]+(?: [A-Z][\w.'-]*)?)?|"
    r"before (?:sending|posting)(?: it)?|"
    r"before it goes out|(?:to|for) (?:my|our|a|an|the) [\w'-]+(?: [\w'-]+){0,2}))*"
)
# A whole cover note before the draft, ending in ":", "?", "-" or a line break.
_LEADING = re.compile(
    rf"\A\s*(?:{_REQUEST}\s+{_THIS}{_WHEN_AND_FOR_WHOM}|"
    rf"{_OPINION}\s+{_THIS}(?:\s+{_VERDICT})?{_WHEN_AND_FOR_WHOM}|"
    rf"(?:about to|going to|gonna|want to|planning to) send {_THIS}|"
    rf"(?:any )?thoughts|feedback(?: (?:pls|please))?|{_THIS}\s*(?:ok|okay|too pushy)|"
    rf"(?:draft|message|msg|email|e-mail) (?:for|to) [\w.'-]+(?: [\w.'-]+)?|"
    # "LinkedIn note: Hi Andrés, …": the kind of message, then a draft that greets its reader.
    r"(?:linkedin|email|e-mail|slack|cold|intro|follow[- ]?up|connection|thank[- ]you)\s+"
    r"(?:note|message|msg|draft|dm|email|request)"
    r"(?=\s*:\s*(?:hi|hey|hello|dear|good (?:morning|afternoon|evening))\b))"
    r"(?:\s+(?:pls|please|plz|thx|thanks))?\s*(?:[:?]+\s*|\s+[-—–]+\s+|[-—–]*\s*\n\s*)",
    re.IGNORECASE,
)
# A question on its own last line that asks the coach about the draft above it.
_TRAILING = re.compile(
    r"\n\s*\n?\s*(?:(?:is|does) (?:this|it) (?:sound |look |read )?(?:too )?"
    r"(?:pushy|salesy|spammy|ok|okay|fine|alright|good)(?: to send)?|"
    r"too (?:pushy|salesy|spammy|much)|(?:ok|okay|good|safe|fine) to send|"
    r"should i send (?:this|it)|(?:any )?thoughts|wdyt|how does (?:this|it) (?:sound|read|look))"
    r"\s*(?:\?+|\?*\s*(?:pls|please|thx|thanks)?[?!.]*)\s*\Z",
    re.IGNORECASE,
)
# A request for a review with no draft in it: "can u review smth for me".
_EMPTY_REQUEST = re.compile(
    rf"\A\s*{_REQUEST}\s+(?:{_THIS}|something|smth|sth|smthg|a thing|my stuff)"
    rf"{_WHEN_AND_FOR_WHOM}\s*[?!.]*\s*\Z",
    re.IGNORECASE,
)
# What is left must read as a draft, not a stray word or two.
MIN_DRAFT_WORDS = 3


def draft_inside(text: str) -> str | None:
    """The draft a note to the coach is wrapped around, or None when there is no such note."""
    draft = text
    leading = _LEADING.match(draft)
    if leading is not None:
        draft = draft[leading.end() :]
    trailing = _TRAILING.search(draft)
    if trailing is not None:
        draft = draft[: trailing.start()]
    if draft is text or len(draft.split()) < MIN_DRAFT_WORDS:
        return None
    # "review this group post: …": the note is set aside, the kind it names stays with the draft.
    return labelled(text[: leading.end()], draft.strip()) if leading else draft.strip()


# "follow-up email to Anna, review pls:": what the draft is, then the request, and no draft yet.
_LABEL_THEN_REQUEST = re.compile(
    r"\A\s*(?:[\w-]+\s+){0,3}(?:draft|message|msg|note|email|e-mail|dm|post|reply|intro|"
    r"pitch|update)(?:\s+(?:for|to)\s+[\w.'-]+(?:\s+[\w.'-]+)?)?\s*[,:;—–-]*\s*"
    r"(?:(?:can you|could you|pls|please|plz)\s+)?(?:review|check|look over|proofread)"
    r"(?:\s+(?:it|this|pls|please|plz|thx|thanks))*\s*[:?!.]*\s*\Z",
    re.IGNORECASE,
)


def asks_for_review_without_draft(text: str) -> bool:
    """ "can you check my draft?" with the draft still to come."""
    return _EMPTY_REQUEST.match(text) is not None or _LABEL_THEN_REQUEST.match(text) is not None
