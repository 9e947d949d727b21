"""Neutral reply markup → Slack mrkdwn, and length limits that never split a character badly.

The core writes `**bold**`, `` `code` `` and "• " bullets. Slack mrkdwn uses `*bold*`, the same
backticks and plain bullet characters, and needs `&`, `<` and `>` escaped — except inside the
mention tokens Slack itself defines (`<@U123>`, `<#C123>`, `<!here>`), which must stay intact.
"""

from __future__ import annotations

import re

from bot.core.messages import MENTION_MARKUP, plain_mentions

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_SLACK_TOKEN = re.compile(r"<(?:@[UW][A-Z0-9]+|#C[A-Z0-9]+(?:\|[^<>]*)?|![a-z]+)>")
ELLIPSIS = "…"


def escape(text: str) -> str:
    """Escape the three characters Slack treats as control characters, keeping mention tokens."""
    pieces: list[str] = []
    last = 0
    for match in _SLACK_TOKEN.finditer(text):
        pieces.append(_escape_plain(text[last : match.start()]))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(_escape_plain(text[last:]))
    return "".join(pieces)


def _escape_plain(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_mrkdwn(text: str) -> str:
    # The core's neutral mention `@[Jane](U123)` becomes Slack's own `<@U123>` (kept unescaped).
    slack = MENTION_MARKUP.sub(lambda m: f"<@{m.group('user_id')}>", text)
    return _BOLD.sub(r"*\1*", escape(slack))


def to_plain(text: str) -> str:
    """Neutral markup without its markers, for plain_text objects and notification text."""
    return _BOLD.sub(r"\1", plain_mentions(text))


def truncate(text: str, limit: int) -> str:
    """At most `limit` characters; a cut is marked with an ellipsis and avoids a half entity."""
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS)]
    # Never leave a half-written escape such as "&am" at the end.
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return cut + ELLIPSIS


FENCE = "```"


def split_for_limit(text: str, limit: int) -> list[str]:
    """Split long text into chunks of at most `limit` characters, preferring line breaks.

    A ``` code block cut in two is closed at the end of one chunk and reopened in the next, so
    each chunk renders on its own.
    """
    chunks = _split_plain(text, limit - 2 * (len(FENCE) + 1)) if len(text) > limit else [text]
    balanced: list[str] = []
    open_fence = False
    for chunk in chunks:
        if open_fence:
            chunk = f"{FENCE}\n{chunk}"
        open_fence = chunk.count(FENCE) % 2 == 1
        balanced.append(f"{chunk}\n{FENCE}" if open_fence else chunk)
    return balanced


def _split_plain(text: str, limit: int) -> list[str]:
    chunks: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[:limit]
        cut = window.rfind("\n")
        if cut < limit // 2:
            cut = window.rfind(" ")
        if cut < limit // 2:
            cut = limit
            amp = window.rfind("&")
            if amp != -1 and ";" not in window[amp:]:
                cut = amp
        chunks.append(rest[:cut].rstrip("\n"))
        rest = rest[cut:].lstrip("\n")
    if rest or not chunks:
        chunks.append(rest)
    return chunks
