"""The shipped model: skops file as source of truth, a runtime form derived from it, a card."""

import hashlib
import json

import pytest

from coach_rules import corpus, runtime, training

MODEL_DIR = training.MODEL_DIR
TRICKY_TEXTS = [
    "",
    "ok",
    "🚀🚀🚀",
    "<@U04ABC123> <https://docs.example.com/guide|the guide> <#C0123|general>",
    "İstanbul’da BUY NOW!!! $$$ 100% FREE",
    "Hola Juan, ¿podemos hablar la próxima semana?",
    "Can we book a demo? " * 200,
    "a\x00b\tc\r\nd",
]


@pytest.fixture(scope="module")
def card() -> dict:
    return json.loads((MODEL_DIR / training.CARD_FILE).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pipeline():
    return training.load_pipeline(MODEL_DIR / training.MODEL_FILE)


def test_model_files_are_small_enough_to_ship(card):
    assert (MODEL_DIR / training.MODEL_FILE).stat().st_size <= 5_000_000
    assert (MODEL_DIR / runtime.RUNTIME_FILE).stat().st_size <= 5_000_000
    assert card["model_bytes"] == (MODEL_DIR / training.MODEL_FILE).stat().st_size


def test_the_runtime_form_is_derived_from_the_shipped_skops_file(card):
    skops_sha = hashlib.sha256((MODEL_DIR / training.MODEL_FILE).read_bytes()).hexdigest()
    assert card["model_sha256"] == skops_sha
    assert runtime.default_model().source_sha256 == skops_sha
    runtime_sha = hashlib.sha256((MODEL_DIR / runtime.RUNTIME_FILE).read_bytes()).hexdigest()
    assert card["runtime_sha256"] == runtime_sha


def test_the_card_records_data_versions_scores_and_held_out_ids(card):
    assert set(card["versions"]) >= {"python", "scikit-learn", "numpy", "scipy", "skops"}
    assert len(card["data"]["sha256"]) == 64
    for part in ("cross_validation", "held_out"):
        scores = card[part]
        assert set(scores) >= {"precision", "recall", "f1", "false_flag_rate", "roc_auc"}
    held_out = card["data"]["held_out_ids"]
    assert len(held_out) == card["data"]["held_out_rows"]
    assert card["data"]["held_out_rows"] >= 0.15 * card["data"]["rows"]


def test_the_shipped_model_was_trained_on_the_current_corpus(card):
    drafts = corpus.load_corpus(strict=False)
    assert corpus.corpus_hash(drafts) == card["data"]["sha256"], (
        "the corpus changed since the model was trained: run `netcoach train`"
    )


def test_the_skops_file_loads_with_only_the_listed_trusted_types():
    import skops.io as sio

    untrusted = sio.get_untrusted_types(file=MODEL_DIR / training.MODEL_FILE)
    assert set(untrusted) <= set(training.TRUSTED_TYPES)


def test_runtime_and_skops_pipeline_give_the_same_probabilities(card, pipeline):
    drafts = {d.id: d for d in corpus.load_corpus(strict=False)}
    held_out_texts = [drafts[i].text for i in card["data"]["held_out_ids"] if i in drafts]
    texts = held_out_texts + TRICKY_TEXTS
    difference = training.agreement(pipeline, runtime.default_model(), texts)
    assert difference < 1e-9


def test_runtime_threshold_matches_the_card(card):
    assert runtime.default_model().threshold == card["threshold"]


def test_runtime_words_match_the_signal_tokenizer_on_the_corpus():
    from coach_rules.signals import words_of
    from coach_rules.textnorm import normalise

    model = runtime.default_model()
    for draft in corpus.load_corpus(strict=False):
        normalised = normalise(draft.text)
        assert model.words(normalised) == words_of(normalised)
