"""The indexed phrase matcher finds exactly what one big alternation would."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach_rules import corpus, lexicon
from coach_rules.phrasematch import PhraseSet, start_keys
from coach_rules.textnorm import normalise

PHRASE_SETS = [
    value for name in dir(lexicon) if isinstance(value := getattr(lexicon, name), PhraseSet)
]


def spans(matches):
    return [m.span() for m in matches]


def test_every_lexicon_except_placeholders_uses_the_fast_index():
    slow = [s.alternatives[0] for s in PHRASE_SETS if not s.indexed]
    assert slow == [lexicon.TEMPLATE_PLACEHOLDER.alternatives[0]]


def test_the_index_finds_exactly_what_the_plain_alternation_finds_on_the_corpus():
    texts = [normalise(d.text) for d in corpus.load_corpus(strict=False)]
    for phrase_set in PHRASE_SETS:
        for text in texts:
            assert spans(phrase_set.finditer(text)) == spans(phrase_set.pattern.finditer(text))


PHRASES = (
    "can you could we would hop on a call quick question thought you might find here's the "
    "only 3 spots left 00 minutes bump this dear sir/madam i'm i came across your profile "
    "walk you through our platform you're youre ur u congrats thanks for , . ! ? 's"
)
words = st.sampled_from(PHRASES.split(" "))


@settings(max_examples=300, deadline=None)
@given(st.lists(words, max_size=40).map(" ".join))
def test_the_index_agrees_with_the_alternation_on_generated_text(text):
    for phrase_set in PHRASE_SETS:
        assert spans(phrase_set.finditer(text)) == spans(phrase_set.pattern.finditer(text))


@pytest.mark.parametrize(
    ("pattern", "keys"),
    [
        ("can you|could you", {"can", "cou"}),
        ("i'?m here", {"i'm", "im "}),
        (r"0+ min", {"0 m", "00 ", "000"}),
        (r"\w+ then", None),
    ],
)
def test_start_keys_spell_out_how_a_match_can_begin(pattern, keys):
    assert start_keys(pattern) == keys


def test_scanning_a_block_at_once_finds_what_scanning_each_text_finds():
    from coach_rules import phrasematch

    texts = [normalise(d.text) for d in corpus.load_corpus(strict=False)[:40]]
    phrasematch._scan.cache_clear()
    alone = [{s.number: spans(s.finditer(t)) for s in PHRASE_SETS} for t in texts]
    phrasematch._scan.cache_clear()
    phrasematch.scan_many(texts)
    assert phrasematch._scan.cache_info().currsize == len(texts)
    together = [{s.number: spans(s.finditer(t)) for s in PHRASE_SETS} for t in texts]
    assert together == alone
    assert not phrasematch._pending_word_starts  # every pre-computed start was used
