"""Length-preserving text normalisation.

Every function here returns a string exactly as long as its input, so a character offset found
in the normalised text is the same offset in the draft the user wrote. That is what keeps rule
and model spans exact even when the draft holds Slack markup such as `<https://x|label>` or
`<@U123>`.
"""

from __future__ import annotations

import re

# Slack markup: links with or without a label, user/channel/subteam mentions, special mentions.
_SLACK_LINK = re.compile(r"<((?:https?|mailto|ftp):[^|<>\s]*)(?:\|([^<>]*))?>")
_SLACK_MENTION = re.compile(
    r"<(@[UW][A-Z0-9]+|#C[A-Z0-9]+|!subteam\^[A-Z0-9]+|![a-z]+)(?:\|([^<>]*))?>"
)
_BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>]+", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
_DIGIT = re.compile(r"\d")

LINK_TOKEN = "_link_"
USER_TOKEN = "_user_"
CHANNEL_TOKEN = "_chan_"
EMAIL_TOKEN = "_mail_"


def _fill(token: str, length: int) -> str:
    """`token` surrounded by spaces, exactly `length` characters (cut short if it cannot fit)."""
    padded = f" {token} "
    if len(padded) <= length:
        return padded.ljust(length)
    return token[:length].ljust(length)


def _replace_link(match: re.Match[str]) -> str:
    label = match.group(2)
    if label is None:
        return _fill(LINK_TOKEN, len(match.group(0)))
    head_len = match.start(2) - match.start(0)  # "<url|"
    return _fill(LINK_TOKEN, head_len) + label + " "


def _replace_mention(match: re.Match[str]) -> str:
    target = match.group(1)
    token = CHANNEL_TOKEN if target.startswith("#") else USER_TOKEN
    label = match.group(2)
    if label is None:
        return _fill(token, len(match.group(0)))
    head_len = match.start(2) - match.start(0)
    return _fill(token, head_len) + label + " "


def mask_markup(text: str) -> str:
    """Replace links, mentions and e-mail addresses with same-length placeholder tokens.

    A Slack link label (`<https://x|the guide>`) stays readable in place; the URL becomes
    `_link_`. The result is exactly as long as `text`.
    """
    if "<" in text:
        text = _SLACK_LINK.sub(_replace_link, text)
        text = _SLACK_MENTION.sub(_replace_mention, text)
    if "://" in text or "www." in text or "WWW." in text:
        text = _BARE_URL.sub(lambda m: _fill(LINK_TOKEN, len(m.group(0))), text)
    if "@" in text:
        text = _EMAIL.sub(lambda m: _fill(EMAIL_TOKEN, len(m.group(0))), text)
    return text


# Letters that re.IGNORECASE matches to an ASCII letter but lower() does not turn into it (İ, ı,
# ſ): a substring test on lower-cased text must not rule out a match when one is present.
_ODD_CASE_FOLDS = re.compile("[\u0130\u0131\u017f]")


def may_match_ignoring_case(lowered: str, words: tuple[str, ...]) -> bool:
    """Whether a case-insensitive pattern that needs one of `words` (lower case) could match in
    `lowered` (lower-cased text): a cheap test before a slow pattern."""
    if any(word in lowered for word in words):
        return True
    # The odd letters are outside ASCII, and `isascii` reads a flag the string already holds.
    return not lowered.isascii() and _ODD_CASE_FOLDS.search(lowered) is not None


def lower_same_length(text: str) -> str:
    """Lower-case `text` without changing its length (a few characters such as 'İ' grow)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def normalise(text: str) -> str:
    """What the model and the rules read: markup masked, lower case, every digit a '0',
    curly apostrophes straight.

    Same length as `text`, so offsets carry over to the original.
    """
    return _DIGIT.sub("0", lower_same_length(mask_markup(text))).replace("\u2019", "'")
