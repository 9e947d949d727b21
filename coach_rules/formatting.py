"""Markdown syntax and emoji turned to spaces, so the model reads the words and not the layout.

`plain_same_length(text)` returns a string exactly as long as `text` (like `textnorm`), in which
heading marks, list bullets, bold and italic markers, code ticks, table pipes and rules, block-quote
marks, link brackets and emoji are spaces. Every other character stays where it was, so a span
found in the result is the same span in what the user wrote, and the review shows the original.

Markdown is read with markdown-it-py (CommonMark block and inline rules, tables, strikethrough),
not with regexes: it knows that `2 * 3 * 4` is not emphasis and that `- ` inside a paragraph is
not a list.
Emoji come from the `emoji` package's data. Both load on first use, and a draft with no markdown
punctuation and no symbol an emoji can start with skips them.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# Cheap test for "could this be markdown?": line-start marks, or inline marks anywhere. The
# inline pattern tries its look-behinds at every position, so it runs only when the text holds
# one of the characters every inline mark needs.
_LINE_MARK = r"\s{0,3}(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>|\||```|~~~)"
_LINE_START_MARK = re.compile(rf"(?m)^{_LINE_MARK}")  # what the two below find together
# The same test in two parts: the first line, then the others from the newline in front of them
# (a literal first character lets the search jump from newline to newline instead of trying `^`
# at every position, which costs most on a pasted e-mail's long blanked lines).
_FIRST_LINE_MARK = re.compile(_LINE_MARK)
_NEXT_LINE_MARK = re.compile(rf"\n{_LINE_MARK}")
# Every alternative opens with its mark as a plain literal (the look-behinds come after it), so
# the search jumps from mark to mark instead of trying the look-behinds at every position (a test
# checks it against the plain form, look-behinds first).
_INLINE_MARK = re.compile(r"\*\*|__|`|~~|\]\(|\*(?<![\w*]\*)[^\s*]|_(?<![\w_]_)[^\s_]")
_INLINE_MARK_CHARACTERS = ("*", "_", "`", "~", "](")
# Only the syntax a pasted message uses; no raw HTML, entities or reference definitions.
_RULES = [
    "heading", "lheading", "list", "blockquote", "fence", "code", "hr", "table", "emphasis",
    "backticks", "link", "strikethrough", "escape", "autolink",
]  # fmt: skip
_EMPHASIS = frozenset({"strong_open", "strong_close", "em_open", "em_close", "s_open", "s_close"})
# Where emoji can start: ©, ®, ‼, ⁉, ™ and the symbol blocks from U+2122 on, the CJK marks, and
# the astral pictographs. A draft with none of these (accents and dashes included) skips the
# full scan, whose character class is slow on astral ranges.
_MAYBE_EMOJI = re.compile(
    "[\u00a9\u00ae\u203c\u2049\u2122-\u2bff\u3030\u303d\u3297\u3299\U0001f000-\U0001faff]"
)

_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


@cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("zero").enable(_RULES)


@cache
def _emoji_pattern() -> re.Pattern[str]:
    """One character class: every code point used in an emoji (keycap digits and # * excluded),
    plus the joiners and modifiers that glue emoji sequences together."""
    import emoji

    points = {ord(ch) for sequence in emoji.EMOJI_DATA for ch in sequence if ord(ch) > 0x7F}
    points.update(map(ord, "\u200d\ufe0f\ufe0e\u20e3"))
    # Consecutive code points as ranges: a class of a few hundred ranges matches quickly, one of
    # thousands of single characters does not.
    ranges: list[list[int]] = []
    for point in sorted(points):
        if ranges and point == ranges[-1][1] + 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    body = "".join(f"{chr(a)}-{chr(b)}" if a != b else re.escape(chr(a)) for a, b in ranges)
    return re.compile(f"[{body}]+")


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\n", text))
    return starts


class _Blanker:
    def __init__(self, text: str) -> None:
        self.text = text
        self.chars = list(text)
        self.starts = _line_starts(text)

    def blank(self, start: int, end: int) -> None:
        for i in range(max(start, 0), min(end, len(self.chars))):
            if self.chars[i] != "\n":
                self.chars[i] = " "

    def line(self, index: int) -> tuple[int, int]:
        start = self.starts[index] if index < len(self.starts) else len(self.text)
        end = self.text.find("\n", start)
        return start, len(self.text) if end < 0 else end

    def blank_leading(self, index: int, marks: str) -> None:
        """Blank the run of `marks` (and spaces among them) that opens line `index`."""
        start, end = self.line(index)
        i = start
        while i < end and self.text[i] in f"{marks} \t":
            i += 1
        self.blank(start, i)

    def blank_line(self, index: int) -> None:
        self.blank(*self.line(index))

    def result(self) -> str:
        return "".join(self.chars)


def _blank_block(b: _Blanker, token: Token) -> None:
    if token.map is None:
        return
    first, after = token.map
    if token.type == "heading_open" and token.markup.startswith("#"):
        b.blank_leading(first, "#")
    elif token.type == "list_item_open":
        start, end = b.line(first)
        m = re.match(r"\s*(?:[-*+]|\d{1,9}[.)])", b.text[start:end])
        if m:
            b.blank(start, start + m.end())
    elif token.type == "blockquote_open":
        for index in range(first, after):
            b.blank_leading(index, ">")
    elif token.type == "fence":
        b.blank_line(first)
        if after - 1 > first:
            b.blank_line(after - 1)
    elif token.type == "hr":
        b.blank_line(first)
    elif token.type == "table_open":
        for index in range(first, after):
            start, end = b.line(index)
            if index == first + 1:  # the |---|---| row
                b.blank(start, end)
            for i in range(start, end):
                if b.text[i] == "|":
                    b.blank(i, i + 1)


def _blank_inline(b: _Blanker, token: Token) -> None:
    """Blank the inline marks of one inline token, found left to right in the source."""
    if token.map is None or not token.children:
        return
    cursor = b.line(token.map[0])[0]
    bound = b.line(token.map[1] - 1)[1]
    autolinks: list[bool] = []
    for child in token.children:
        if child.type == "text" and child.content:
            at = b.text.find(child.content, cursor, bound)
            if at >= 0:
                cursor = at + len(child.content)
        elif child.type in _EMPHASIS and child.markup:
            at = b.text.find(child.markup, cursor, bound)
            if at >= 0:
                b.blank(at, at + len(child.markup))
                cursor = at + len(child.markup)
        elif child.type == "code_inline":
            at = b.text.find(child.markup, cursor, bound)
            if at < 0:
                continue
            close = b.text.find(child.markup, at + len(child.markup) + len(child.content), bound)
            b.blank(at, at + len(child.markup))
            if close >= 0:
                b.blank(close, close + len(child.markup))
                cursor = close + len(child.markup)
        elif child.type == "link_open":
            autolinks.append(child.markup in ("autolink", "linkify"))
            if not autolinks[-1]:
                at = b.text.find("[", cursor, bound)
                if at >= 0:
                    b.blank(at, at + 1)
                    cursor = at + 1
        elif child.type == "link_close" and autolinks and not autolinks.pop():
            at = b.text.find("](", cursor, bound)
            if at >= 0:
                b.blank(at, at + 2)
                close = b.text.find(")", at + 2, bound)
                if close >= 0:
                    b.blank(close, close + 1)
                    cursor = close + 1


def _maybe_markdown(text: str) -> bool:
    if _FIRST_LINE_MARK.match(text) or ("\n" in text and _NEXT_LINE_MARK.search(text)):
        return True
    return any(mark in text for mark in _INLINE_MARK_CHARACTERS) and bool(_INLINE_MARK.search(text))


def blank_markdown(text: str) -> str:
    """`text` with markdown syntax blanked (same length)."""
    if not _maybe_markdown(text):
        return text
    b = _Blanker(text)
    for token in _markdown().parse(text):
        if token.type == "inline":
            _blank_inline(b, token)
        else:
            _blank_block(b, token)
    return b.result()


def blank_emoji(text: str) -> str:
    """`text` with every emoji (sequences, skin tones and flags included) blanked."""
    if text.isascii() or not _MAYBE_EMOJI.search(text):
        return text
    emoji = _emoji_pattern()
    # Every emoji character is outside ASCII, so only the runs of such characters are searched
    # (the class of a few hundred ranges is slow to try at every position).
    return _NON_ASCII_RUN.sub(lambda run: emoji.sub(_spaces, run.group(0)), text)


def _spaces(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def plain_same_length(text: str) -> str:
    """What the model reads of a formatted draft: markdown syntax and emoji as spaces."""
    return blank_emoji(blank_markdown(text))
