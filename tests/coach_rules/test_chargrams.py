"""`CharGramIndex` gives each chunk exactly the term ids the one-at-a-time path gives."""

from array import array
from itertools import repeat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach_rules import corpus, runtime
from coach_rules.analysis import CHAR_MAX, CHAR_MIN, chunk_char_grams
from coach_rules.chargrams import CharGramIndex
from coach_rules.textnorm import normalise


@pytest.fixture(scope="module")
def model() -> runtime.RuntimeModel:
    loaded = runtime.default_model()
    assert loaded is not None, "the shipped runtime model is missing"
    return loaded


@pytest.fixture(scope="module")
def index(model) -> CharGramIndex:
    built = CharGramIndex(model._chars.index, model._chars.unknown, CHAR_MIN, CHAR_MAX)
    assert built.usable  # the shipped vocabulary's alphabet fits
    return built


def one_by_one(model: runtime.RuntimeModel, chunk: str) -> bytes:
    chars = model._chars
    found = map(chars.index.get, chunk_char_grams(chunk), repeat(chars.unknown))
    return array("i", found).tobytes()


def test_every_corpus_chunk_gets_the_ids_in_the_training_order(model, index):
    chunks = sorted(
        {c for d in corpus.load_corpus(strict=False) for c in normalise(d.text).split()}
    )
    assert index.ids_per_chunk(chunks) == [one_by_one(model, c) for c in chunks]


def test_odd_chunks_agree_too(model, index):
    chunks = ["a", "é", "\ud800x", "🚀🚀", "x" * 60, "I'm", "😂hi", "\x00a", "ab", "a\ud83d"]
    assert index.ids_per_chunk(chunks) == [one_by_one(model, c) for c in chunks]
    assert index.ids_per_chunk([]) == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=12).map(lambda t: "".join(t.split()) or "x")))
def test_arbitrary_chunks_agree(model, index, chunks):
    assert index.ids_per_chunk(chunks) == [one_by_one(model, c) for c in chunks]


def test_a_vocabulary_whose_alphabet_is_too_big_is_reported_unusable():
    index = {chr(0x4E00 + i) + "a": i for i in range(200)}  # 201 distinct characters
    assert not CharGramIndex(index, len(index), CHAR_MIN, CHAR_MAX).usable


def test_cached_chunks_are_the_entries_prepare_would_make_alone(model):
    drafts = [normalise(d.text) for d in corpus.load_corpus(strict=False)[:64]]
    drafts.append("zqxv-unseen-1 zqxv-unseen-2 zqxv-unseen-3 zqxv-unseen-4 zqxv-5 zqxv-6 ok")
    fresh = runtime.RuntimeModel.load(runtime.MODEL_DIR / runtime.RUNTIME_FILE)
    fresh.cache_chunks(drafts)
    for draft in drafts:
        assert all(chunk in fresh._chunks for chunk in draft.split())
        assert fresh.prepare(draft) == model.prepare(draft)


def test_prepare_works_out_many_new_chunks_of_one_draft_together(model, monkeypatch):
    fresh = runtime.RuntimeModel.load(runtime.MODEL_DIR / runtime.RUNTIME_FILE)
    fresh._char_grams()  # built, as after a batch
    together: list[list[str]] = []
    built = fresh._char_gram_index
    assert built is not None
    real = built.ids_per_chunk
    monkeypatch.setattr(built, "ids_per_chunk", lambda c: together.append(list(c)) or real(c))
    draft = "ok zqxv-1 zqxv-2 zqxv-3 zqxv-1 zqxv-4 zqxv-5 zqxv-6 ok"
    assert fresh.prepare(draft) == model.prepare(draft)
    assert [sorted(c) for c in together] == [sorted(set(draft.split()))]  # each once, at once
