"""Train, measure and save the give/ask/thank touch classifier (imports scikit-learn, skops).

Data: the `touches_*.jsonl` files (see `data/DATA_CARD.md`). A seeded, stratified 20% is held
out for the card's figures; the regularisation strength is picked on cross-validated macro F1
of the training part only. The skops pipeline is the source of truth; the runtime form
(`coach_rules.touches.TouchModel`) is derived from the re-loaded skops file and must give the
same probabilities before anything is written.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline

from coach_rules import corpus, skops_files, touches
from coach_rules.splits import HELD_OUT_SHARE, SEED, data_hash, held_out_ids, split
from coach_rules.training import library_versions

TOUCH_MODEL_FILE = "touch_classifier.skops"
TOUCH_CARD_FILE = "touch_classifier.card.json"
TOUCH_FILES_GLOB = "touches_*.jsonl"
CV_FOLDS = 5
C_GRID = (2.0, 4.0, 8.0, 16.0, 32.0, 64.0)
MIN_DF = 2
TRUSTED_TYPES: tuple[str, ...] = ("coach_rules.touches.touch_features",)


@dataclass(frozen=True)
class Touch:
    id: str
    text: str
    label: touches.TouchKind
    source: str  # which file, for the card


class TouchDataError(ValueError):
    """A touch row is malformed; the message names the file and row."""


def read_touches(path: Path) -> list[Touch]:
    """Every row of one labelled touch file (`id`, `text`, `label` of give/ask/thank)."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise TouchDataError(f"{path.name} line {number}: not JSON ({error.msg})") from None
        if (
            not isinstance(row, dict)
            or not isinstance(row.get("text"), str)
            or row.get("label") not in touches.TOUCH_KINDS
        ):
            raise TouchDataError(
                f"{path.name} line {number}: needs a string text and a label of give, ask or thank"
            )
        rows.append(
            Touch(str(row.get("id", f"{path.stem}:{number}")), row["text"], row["label"], path.name)
        )
    return rows


def load_touches(data_dir: Path = corpus.DATA_DIR) -> list[Touch]:
    found = [t for path in sorted(data_dir.glob(TOUCH_FILES_GLOB)) for t in read_touches(path)]
    return sorted(found, key=lambda t: t.id)


def touches_hash(rows: Sequence[Touch]) -> str:
    return data_hash([t.id, t.label, t.text] for t in rows)


def held_out_split(rows: Sequence[Touch]) -> tuple[list[Touch], list[Touch]]:
    """(training, held out): per label and source, the first 20% in a seeded hash order."""
    held = held_out_ids(
        rows, row_id=lambda t: t.id, stratum=lambda t: (t.label, t.source), salt="touch:"
    )
    return split(rows, held, lambda t: t.id)


def build_pipeline(c: float) -> Pipeline:
    vectorizer = TfidfVectorizer(
        analyzer=touches.touch_features, binary=True, use_idf=False, norm="l2", min_df=MIN_DF
    )
    classifier = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
    return Pipeline([("features", vectorizer), ("classifier", classifier)])


def _labels(rows: Sequence[Touch]) -> np.ndarray:
    return np.array([touches.TOUCH_KINDS.index(t.label) for t in rows])


def cross_validated(rows: Sequence[Touch], c: float) -> np.ndarray:
    """Out-of-fold predicted class indices."""
    texts = [t.text for t in rows]
    labels = _labels(rows)
    out = np.zeros(len(rows), dtype=int)
    folds = StratifiedKFold(CV_FOLDS, shuffle=True, random_state=SEED)
    for train_idx, test_idx in folds.split(texts, labels):
        pipeline = build_pipeline(c).fit([texts[i] for i in train_idx], labels[train_idx])
        out[test_idx] = pipeline.predict([texts[i] for i in test_idx])
    return out


def touch_figures(truth: Sequence[int], predicted: Sequence[int]) -> dict[str, object]:
    """Accuracy, macro F1, per-kind precision and recall, and the confusion table."""
    y = np.asarray(truth)
    p = np.asarray(predicted)
    per_kind: dict[str, dict[str, float]] = {}
    f1s = []
    for index, kind in enumerate(touches.TOUCH_KINDS):
        tp = int(np.sum((p == index) & (y == index)))
        precision = tp / int(np.sum(p == index)) if np.any(p == index) else 0.0
        recall = tp / int(np.sum(y == index)) if np.any(y == index) else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        per_kind[kind] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "n": int(np.sum(y == index)),
        }
    confusion = {
        truth_kind: {
            called: int(np.sum((y == i) & (p == j))) for j, called in enumerate(touches.TOUCH_KINDS)
        }
        for i, truth_kind in enumerate(touches.TOUCH_KINDS)
    }
    return {
        "n": len(y),
        "accuracy": round(float(np.mean(y == p)), 4) if len(y) else 0.0,
        "macro_f1": round(float(np.mean(f1s)), 4),
        "per_kind": per_kind,
        "confusion": confusion,
    }


def format_touch_figures(title: str, figures: dict) -> str:
    lines = [
        f"{title} (n={figures['n']}): accuracy {figures['accuracy']:.3f}, "
        f"macro F1 {figures['macro_f1']:.3f}"
    ]
    for kind, row in figures["per_kind"].items():
        called = ", ".join(f"{k} {v}" for k, v in figures["confusion"][kind].items())
        lines.append(
            f"  {kind:<5} precision {row['precision']:.3f}  recall {row['recall']:.3f}  "
            f"(called: {called})"
        )
    return "\n".join(lines)


def export_runtime(pipeline: Pipeline, sha: str) -> dict:
    vectorizer: TfidfVectorizer = pipeline.named_steps["features"]
    classifier: LogisticRegression = pipeline.named_steps["classifier"]
    if [touches.TOUCH_KINDS[int(c)] for c in classifier.classes_] != list(touches.TOUCH_KINDS):
        raise RuntimeError("the touch classifier was not trained on all three kinds")
    terms = [""] * len(vectorizer.vocabulary_)
    for term, column in vectorizer.vocabulary_.items():
        terms[column] = term
    return {
        "format": touches.TOUCH_FORMAT,
        "source_sha256": sha,
        "classes": list(touches.TOUCH_KINDS),
        "terms": terms,
        "weights": [[float(w) for w in column] for column in classifier.coef_.T],
        "intercepts": [float(b) for b in classifier.intercept_],
    }


def load_pipeline(path: Path) -> Pipeline:
    return skops_files.load_pipeline(path, TRUSTED_TYPES)


def predict(pipeline: Pipeline, texts: Sequence[str]) -> list[int]:
    return [int(k) for k in pipeline.predict(list(texts))] if texts else []


def default_model_dir() -> Path:
    return touches.TOUCH_RUNTIME_FILE.parent


def _largest_difference(pipeline: Pipeline, model: touches.TouchModel, texts: list[str]) -> float:
    if not texts:
        return 0.0
    expected = pipeline.predict_proba(texts)
    actual = np.array([model.probabilities(text) for text in texts]).reshape(-1, 3)
    return float(np.max(np.abs(expected - actual)))


class NoTouchDataError(ValueError):
    """The data folder holds no touches_*.jsonl rows to train on."""


def train_and_save(data_dir: Path = corpus.DATA_DIR, model_dir: Path | None = None) -> dict:
    """Train deterministically, save skops + runtime + card; return the card."""

    model_dir = model_dir or default_model_dir()
    rows = load_touches(data_dir)
    if {t.label for t in rows} != set(touches.TOUCH_KINDS):
        raise NoTouchDataError(f"no give, ask and thank rows ({TOUCH_FILES_GLOB}) in {data_dir}")
    training, held_out = held_out_split(rows)
    truth = _labels(training)
    cv_by_c = {c: touch_figures(truth, cross_validated(training, c)) for c in C_GRID}
    best_c = max(C_GRID, key=lambda c: (cv_by_c[c]["macro_f1"], -c))
    pipeline = build_pipeline(best_c).fit([t.text for t in training], truth)

    check = [t.text for t in held_out]
    published = skops_files.publish(
        pipeline,
        model_dir / TOUCH_MODEL_FILE,
        model_dir / touches.TOUCH_RUNTIME_FILE.name,
        TRUSTED_TYPES,
        export=export_runtime,
        largest_difference=lambda reloaded, exported: _largest_difference(
            reloaded, touches.TouchModel(exported), check
        ),
        check_texts=len(check),
    )
    expected = published.reloaded.predict_proba(check) if check else np.zeros((0, 3))

    card = {
        "model_file": TOUCH_MODEL_FILE,
        "runtime_file": touches.TOUCH_RUNTIME_FILE.name,
        "data": {
            "sha256": touches_hash(rows),
            "rows": len(rows),
            "per_kind": {k: sum(t.label == k for t in rows) for k in touches.TOUCH_KINDS},
            "sources": sorted({t.source for t in rows}),
            "training_rows": len(training),
            "held_out_rows": len(held_out),
            "held_out_share": HELD_OUT_SHARE,
            "held_out_ids": sorted(t.id for t in held_out),
        },
        "seed": SEED,
        "params": {
            "C": best_c,
            "min_df": MIN_DF,
            "head_chars": touches.HEAD_CHARS,
            "tail_chars": touches.TAIL_CHARS,
        },
        "c_choice": {
            "grid": list(C_GRID),
            "cv_macro_f1": {str(c): cv_by_c[c]["macro_f1"] for c in C_GRID},
            "rule": "highest cross-validated macro F1 on the training part; ties: smaller C",
        },
        "terms": len(published.exported["terms"]),
        "cross_validation": cv_by_c[best_c],
        "held_out": touch_figures(_labels(held_out), np.argmax(expected, axis=1).tolist()),
        "runtime_agreement": published.agreement,
        "model_sha256": published.model_sha256,
        "runtime_sha256": published.runtime_sha256,
        "versions": library_versions(),
    }
    (model_dir / TOUCH_CARD_FILE).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card


def format_touch_card(card: dict) -> str:
    return "\n".join(
        [
            f"Give/ask/thank touch classifier: C {card['params']['C']}, {card['terms']} terms",
            format_touch_figures(
                "Touches, cross-validation (training part)", card["cross_validation"]
            ),
            format_touch_figures("Touches, held out", card["held_out"]),
        ]
    )
