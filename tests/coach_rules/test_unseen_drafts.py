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
