"""`charclass.word_starts` finds exactly the positions the regex `\\b\\w` finds."""

import random
import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from coach_rules.charclass import chunk_spans_many, word_starts, word_starts_many

WORD_START = re.compile(r"\b\w")


def regex_starts(text: str) -> list[int]:
    return [m.start() for m in WORD_START.finditer(text)]


def test_every_code_point_is_classified_as_the_regex_does():
    # Each code point between two spaces and glued to a letter, so both sides of \b are seen.
    code_points = [c for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    alone = " ".join(map(chr, code_points))
    glued = "a".join(map(chr, code_points))
    assert word_starts(alone) == regex_starts(alone)
    assert word_starts(glued) == regex_starts(glued)


def test_lone_surrogates_and_rare_planes_are_handled():
    for text in ["a\ud800b", "\udfff", "𝐀𝐁 c", "x𝟙y 𠀀z", "", "_ _a", "it's—ok"]:
        assert word_starts(text) == regex_starts(text), text


def test_mixed_drafts_agree():
    pieces = [
        "Hi",
        "Ana,",
        "here's",
        "the",
        "guide:",
        "<https://x.example|link>",
        "🚀",
        "日本語",
        "naïve",
        "über",
        "_link_",
        "0000",
        "\n\n",
        "—",
        "l'été",
        "Ça",
    ]
    rng = random.Random(3)
    for _ in range(200):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert word_starts(text) == regex_starts(text)


@given(st.text())
def test_any_text_agrees(text):
    assert word_starts(text) == regex_starts(text)


def regex_chunk_spans(text: str) -> list[int]:
    return [edge for m in re.finditer(r"\S+", text) for edge in m.span()]


def test_chunk_spans_of_every_code_point_match_the_regex():
    code_points = [c for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    alone = "x".join(map(chr, code_points))
    assert chunk_spans_many([alone]) == [regex_chunk_spans(alone)]


@given(st.lists(st.text(), max_size=6))
def test_many_texts_at_once_give_each_text_its_own_positions(texts):
    assert word_starts_many(texts) == [regex_starts(t) for t in texts]
    assert chunk_spans_many(texts) == [regex_chunk_spans(t) for t in texts]
