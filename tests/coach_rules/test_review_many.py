"""`review_many` and the runtime's batch scoring: a batch gives each draft its lone review."""

import random
import sys

import pytest

from coach_rules import corpus, review, runtime
from coach_rules.analysis import CHUNK_RE
from coach_rules.review import BATCH_BLOCK, review_many
from coach_rules.textnorm import normalise

EDGE_CASES = [
    "",
    "   \n ",
    "hi",
    "x " * 20_001,
    "🚀🚀 <https://example.com>",
    "Hola, ¿cómo estás? Me gustaría hablar contigo sobre nuestro producto nuevo.",
    "BUY NOW!!! FREE OFFER, LIMITED SPOTS, DM ME",
    "Can you? Will you? Do you? Would you? Should you? Could you?",
    "<@U123ABC> here's the deck I promised <https://x.example|link>",
]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    drafts = [d.text for d in corpus.load_corpus(strict=False)]
    sample = random.Random(7).sample(drafts, 3 * BATCH_BLOCK + 5)  # several blocks, one partial
    return sample[:40] + EDGE_CASES + sample[40:]


def test_a_batch_gives_every_draft_exactly_its_own_review(texts):
    assert review_many(texts) == [review(text) for text in texts]


@pytest.mark.parametrize("kind", ["linkedin-note", "cold-email"])
def test_the_kind_reaches_every_review_in_a_batch(texts, kind):
    batch = review_many(texts[:10], kind=kind)
    assert batch == [review(text, kind=kind) for text in texts[:10]]
    assert all(r.signals.get("kind") == kind for r in batch if r.signals)


def test_the_order_and_company_of_a_draft_do_not_change_its_review(texts):
    forwards = review_many(texts)
    backwards = review_many(list(reversed(texts)))
    assert forwards == list(reversed(backwards))


def test_review_many_takes_any_iterable_and_an_empty_one():
    assert review_many(iter(["Thanks for the intro, Sam!"])) == [
        review("Thanks for the intro, Sam!")
    ]
    assert review_many([]) == []


def test_review_many_refuses_a_draft_that_is_not_text():
    with pytest.raises(TypeError, match="str"):
        review_many(["fine", 42])  # type: ignore[list-item]


def test_the_model_scores_a_batch_as_it_scores_each_draft_alone(texts):
    model = runtime.default_model()
    judged = [t for t in texts if t.strip() and len(t) < 40_000]
    parts = [runtime.DraftParts(t, normalise(t), model.prepare(normalise(t))) for t in judged]
    together = model.analyse_many(parts)
    for text, analysis in zip(judged, together, strict=True):
        alone = model.analyse(text)
        assert (analysis.probability, analysis.logit) == (alone.probability, alone.logit)
        assert analysis.signal_logits == alone.signal_logits
    explanations = model.chunk_scores_many(together)
    for analysis, explanation in zip(together, explanations, strict=True):
        assert explanation == model.chunk_scores(analysis)
        assert [(c.start, c.end) for c in explanation.chunks] == [
            m.span() for m in CHUNK_RE.finditer(analysis._normalised)
        ]


def test_str_split_finds_the_same_chunks_as_the_chunk_pattern():
    # The runtime splits drafts with str.split() (faster); training uses CHUNK_RE. They must
    # agree on what whitespace is, for every code point.
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    assert everything.split() == CHUNK_RE.findall(everything)
