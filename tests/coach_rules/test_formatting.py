import re

import pytest

from coach_rules import formatting
from coach_rules.corpus import load_corpus
from coach_rules.formatting import blank_emoji, blank_markdown, plain_same_length

PITCH = (
    "## 🚀 Grow your pipeline\n\n"
    "Hi Sam,\n\n"
    "**Book a demo** of *LeadPilot* this week:\n\n"
    "- ✅ 3x more meetings\n"
    "- ✅ `AI` follow-ups\n\n"
    "| Plan | Price |\n|---|---|\n| Pro | $99 |\n\n"
    "> Loved by 2,000 teams\n\n"
    "[**Claim 50% off →**](https://leadpilot.example/offer)\n\n"
    "P.S. Offer ends Friday 🔥"
)


def words(text: str) -> list[str]:
    return text.split()


def test_markdown_and_emoji_become_spaces_and_every_offset_is_kept():
    plain = plain_same_length(PITCH)
    assert len(plain) == len(PITCH)
    assert plain.count("\n") == PITCH.count("\n")
    for i, (before, after) in enumerate(zip(PITCH, plain, strict=True)):
        assert after == before or after == " ", i


def test_the_pitch_words_are_all_still_there_for_the_model():
    plain = plain_same_length(PITCH)
    for phrase in ["Grow your pipeline", "Book a demo", "LeadPilot", "3x more meetings", "$99"]:
        assert phrase in plain
    assert "Loved by 2,000 teams" in plain
    assert "Claim 50% off" in plain


def test_syntax_marks_are_gone():
    plain = plain_same_length(PITCH)
    for mark in ["##", "**", "`", "|", "---", "](", "✅", "🚀", "🔥", "> Loved", "- "]:
        assert mark not in plain, mark


def test_a_celebration_keeps_its_words_and_loses_its_emoji():
    text = "CONGRATS PRIYA!!! 🎉🎉🥳 Best promo ever, so proud of you 👏🏽🇮🇳"
    plain = plain_same_length(text)
    assert words(plain) == ["CONGRATS", "PRIYA!!!", "Best", "promo", "ever,", "so", "proud", "of",
                            "you"]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "2 * 3 * 4 is 24, and snake_case_names stay",
        "Plain note: thanks for the intro - it went well.",
        "Café in São Paulo, déjà vu",
    ],
)
def test_text_that_is_not_markdown_is_left_exactly_as_it_was(text):
    assert blank_markdown(text) == text
    assert blank_emoji(text) == text


def test_a_list_marker_inside_a_sentence_is_not_a_list():
    text = "We met at PyCon - great talk by the way."
    assert blank_markdown(text) == text


def _corpus_texts() -> list[str]:
    return [d.text for d in load_corpus()]


def test_emoji_are_blanked_run_by_run_exactly_as_over_the_whole_text():
    whole_text = formatting._emoji_pattern()
    texts = [t for t in _corpus_texts() if not t.isascii()]
    texts.append("zero\u200dwidth joiner alone, then 🎉 and ©")
    for text in texts:
        if formatting._MAYBE_EMOJI.search(text):
            expected = whole_text.sub(lambda m: " " * len(m.group(0)), text)
            assert blank_emoji(text) == expected, text


def test_the_line_mark_test_in_two_parts_finds_a_mark_exactly_when_the_whole_pattern_does():
    texts = [*_corpus_texts(), "\n\n# x", "a\n   > q", "x\n\t- y", "1. a", "  |a|", "a\n\n\n"]
    for text in texts:
        first, others = formatting._FIRST_LINE_MARK, formatting._NEXT_LINE_MARK
        in_parts = first.match(text) or others.search(text)
        assert bool(in_parts) == bool(formatting._LINE_START_MARK.search(text)), text


# `formatting._INLINE_MARK` as it reads, each look-behind in front of its mark.
_INLINE_MARK_AS_READ = re.compile(r"\*\*|__|`|~~|\]\(|(?<![\w*])\*[^\s*]|(?<![\w_])_[^\s_]")


def test_the_markdown_test_says_yes_exactly_when_a_line_or_inline_mark_is_there():
    either = re.compile(formatting._LINE_START_MARK.pattern + "|" + _INLINE_MARK_AS_READ.pattern)
    texts = [*_corpus_texts(), "a _b_ c", "x ~~y~~", "[a](https://b.c)", "2 * 3", "`x`"]
    texts += ["*a", "_a", "a*b", "a_b", "**", "*_x", "_*x", " *x", "x *y", "é_x", "\n_x"]
    for text in texts:
        assert formatting._maybe_markdown(text) == bool(either.search(text)), text
        inline = formatting._INLINE_MARK, _INLINE_MARK_AS_READ
        assert [m.span() for m in inline[0].finditer(text)] == [
            m.span() for m in inline[1].finditer(text)
        ], text
