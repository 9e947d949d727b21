"""Craft signals: the fast forms give exactly what their plain definitions give."""

import re
import string

from hypothesis import given
from hypothesis import strategies as st

from coach_rules import corpus
from coach_rules.signals import _SENTENCE_END, _syllable_total, reading_grade, words_of
from coach_rules.textnorm import normalise

# The definition: a sentence ends at a run of . ! ? followed by whitespace or the end, or at
# a blank line.
PLAIN_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)|\n\s*\n")
PLAIN_VOWEL_SHAPE = str.maketrans({c: ("v" if c in "aeiouy" else " ") for c in string.printable})
SILENT_E = re.compile(r"[aeiouy][^aeiouy\s]*[^aeiouyl\s]e\b")


@given(st.text(alphabet=st.sampled_from(list("ab .!?\n\t\r\u2028")), max_size=60))
def test_sentence_ends_match_the_plain_pattern(text):
    assert _SENTENCE_END.findall(text) == PLAIN_SENTENCE_END.findall(text)


def test_sentence_ends_match_the_plain_pattern_on_the_corpus():
    for draft in corpus.load_corpus(strict=False):
        text = normalise(draft.text).strip() + " "
        assert len(_SENTENCE_END.findall(text)) == len(PLAIN_SENTENCE_END.findall(text))


def plain_syllables(words: list[str]) -> int:
    joined = " ".join(words)
    return (" " + joined.translate(PLAIN_VOWEL_SHAPE)).count(" v") - len(SILENT_E.findall(joined))


def test_syllables_counted_word_by_word_add_up_to_the_whole_draft_count():
    for draft in corpus.load_corpus(strict=False)[:500]:
        words = [w for w in words_of(normalise(draft.text)) if w[0].isalpha()]
        assert _syllable_total(words) == plain_syllables(words)


def test_reading_grade_is_none_for_a_few_words_and_plain_for_simple_text():
    assert reading_grade("hi there") is None
    assert reading_grade("the cat sat on the mat. the dog ran.") == 0.0
