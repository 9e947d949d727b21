"""The shipped model on drafts written independently of the training corpus.

Each file in `tests/data/` was written by a different writer who never saw `coach_rules/data/`
(nor the other file), so it measures generalisation rather than memory of the corpus's
phrasing. The bar is the issue's target for held-out data; a retrained model that only
memorises the corpus falls below it.
"""

import json
from pathlib import Path

import pytest

from coach_rules.metrics import score
from coach_rules.runtime import default_model

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.mark.parametrize("name", ["unseen_drafts.jsonl", "unseen_drafts_2.jsonl"])
def test_shipped_model_generalises_to_independently_written_drafts(name: str) -> None:
    rows = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
    model = default_model()
    assert model is not None, "the shipped runtime model is missing"
    truth = [row["label"] == "flag" for row in rows]
    probabilities = [model.probability(row["text"]) for row in rows]
    scores = score(truth, probabilities, model.threshold)
    assert len(rows) == 300 and sum(truth) == 150
    assert scores.f1 >= 0.92, scores
    assert scores.false_flag_rate <= 0.05, scores


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("name", ["unseen_drafts.jsonl", "unseen_drafts_2.jsonl"])
def test_reviews_of_independently_written_drafts_keep_the_bar(name: str) -> None:
    """What a member sees (gate, classifier and verdict rule together), not the model alone."""
    from coach_rules.review import review_many

    rows = _rows(name)
    reviews = review_many([row["text"] for row in rows], gate=True)
    scores = score(
        [row["label"] == "flag" for row in rows], [float(r.flagged) for r in reviews], 0.5
    )
    assert scores.f1 >= 0.92, scores
    assert scores.false_flag_rate <= 0.05, scores


def test_independently_written_chat_is_almost_never_flagged() -> None:
    """Writer B's 400 chat messages: flagged only when the gate calls the text a draft and the
    review flags it ("unclear" means the member is asked first, and chat gets a no)."""
    from coach_rules.gate import classify_message
    from coach_rules.review import review_many

    rows = _rows("unseen_chat.jsonl")
    assert len(rows) == 400 and {row["label"] for row in rows} == {"chat"}
    texts = [row["text"] for row in rows]
    kinds = [classify_message(text).kind for text in texts]
    reviews = review_many(texts, gate=True)
    flagged = sum(k == "draft" and r.flagged for k, r in zip(kinds, reviews, strict=True))
    assert flagged / len(rows) <= 0.01, flagged
    assert sum(k == "chat" for k in kinds) / len(rows) >= 0.75


@pytest.mark.xfail(
    strict=True,
    reason=(
        "issue 10's target (F1 >= 0.93, <= 5% false flags) is not met yet on writer B's 400 "
        "short drafts; the README gives today's figures"
    ),
)
def test_independently_written_short_drafts_meet_the_issue_target() -> None:
    from coach_rules.review import review_many

    rows = _rows("unseen_short_drafts.jsonl")
    assert len(rows) == 400
    reviews = review_many([row["text"] for row in rows], gate=True)
    scores = score(
        [row["label"] == "flag" for row in rows], [float(r.flagged) for r in reviews], 0.5
    )
    assert scores.f1 >= 0.93, scores
    assert scores.false_flag_rate <= 0.05, scores


def test_independently_written_short_drafts_do_better_than_before_writer_h() -> None:
    """The floor the short drafts hold today (before issue 10: F1 0.84, 30% false flags; after
    the length calibration 0.90, 6.5%; with writer H's drafts 0.918, 6.0%; retrained on the
    merged corpus with writer H's pasted messages too, 0.923, 4.5%)."""
    from coach_rules.review import review_many

    rows = _rows("unseen_short_drafts.jsonl")
    reviews = review_many([row["text"] for row in rows], gate=True)
    scores = score(
        [row["label"] == "flag" for row in rows], [float(r.flagged) for r in reviews], 0.5
    )
    assert scores.f1 >= 0.915, scores
    assert scores.false_flag_rate <= 0.05, scores
