"""Train, cross-validate and save the draft classifier (imports scikit-learn and skops).

The skops file is the source of truth. At train time the fitted pipeline's learned numbers
(vocabularies, idf, coefficients, scaler) are also exported into a compact runtime form that
`coach_rules.runtime` evaluates without importing scikit-learn or skops; training checks that
both give the same probabilities before writing anything.
"""

from __future__ import annotations

import json
import platform
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import FeatureUnion, Pipeline

from coach_rules import analysis, calibration, runtime, skops_files
from coach_rules.corpus import Draft, corpus_hash, word_count
from coach_rules.metrics import (
    SHORT_DRAFT_CHARS,
    Scores,
    calibration_by_length,
    length_bucket,
    score,
    threshold_for,
)
from coach_rules.shapes import figures_by_shape
from coach_rules.signals import SIGNAL_NAMES
from coach_rules.splits import (
    HELD_OUT_SHARE,
    SEED,
    held_out_ids,
    predictions_by_unseen_writer,
    split,
)
from coach_rules.transformers import (
    ClippedScaler,
    CompactTfidfVectorizer,
    DraftSignals,
    LabelWeights,
)

MODEL_DIR = runtime.MODEL_DIR
MODEL_FILE = "draft_classifier.skops"
CARD_FILE = "draft_classifier.card.json"
CV_FOLDS = 5
# The threshold keeps false flags on cross-writer predictions (drafts by a writer the model never
# saw) within this share, overall and in each length bucket: under the 5% the issue allows on
# independent sets, since new writers run higher. It was 2% until writer H joined: H wrote hard
# surface words into both labels on purpose, so the cross-writer figures became stricter and at
# 2% the threshold rose to 0.88 and cut recall on every independent set (README).
MAX_FALSE_FLAG_RATE = 0.03
THRESHOLD_RANGE = (0.30, 0.95)  # candidates, in steps of 0.01

# Types a skops load of our own model file may construct, beyond skops' own defaults.
TRUSTED_TYPES: tuple[str, ...] = (
    "coach_rules.analysis.char_features",
    "coach_rules.analysis.word_features",
    "coach_rules.transformers.ClippedScaler",
    "coach_rules.transformers.CompactTfidfVectorizer",
    "coach_rules.transformers.DraftSignals",
    "coach_rules.transformers.LabelWeights",
    "numpy.float64",
)


@dataclass(frozen=True)
class ModelParams:
    """Hyperparameters, chosen by cross-validation and cross-writer scores on the training
    part only (never the held-out drafts).

    `signal_weight` scales the interpretable signals block before the classifier. At 1.0 the
    classifier leaned on those dozen coarse numbers and cross-writer F1 fell from 0.976 to
    0.934; at 0.02 they are regularised much harder than the text features and neither help
    nor hurt measurably, while keeping their coefficients inspectable.

    `binary_tf`: with writer H's short drafts in the corpus, n-gram presence rather than
    1 + log(count) raised cross-writer F1 from 0.922 to 0.931 under the threshold rule (short
    drafts <= 30 words: 0.921 to 0.932), at 2.0% rather than 1.6% false flags.

    `label_weight_power` (7 Dec, with writers Y and Z in the corpus): weighing each n-gram by
    |log-count ratio| ** 0.5 (`transformers.LabelWeights`) raised cross-writer F1 under the
    threshold rule from 0.913 to 0.925 (power 1: 0.914, 0.25: 0.922); with it `C` moved from 16
    to 40 (6: 0.919, 16: 0.925, 40: 0.927, 80: 0.927, so the stronger regularisation of the two
    best).
    """

    C: float = 40.0
    char_min_df: int = 3
    word_min_df: int = 2
    char_max_features: int | None = 60000
    word_max_features: int | None = 20000
    char_weight: float = 1.0
    word_weight: float = 1.0
    signal_weight: float = 0.02
    binary_tf: bool = True  # presence (True) or 1 + log(count) (False) per n-gram
    label_weight_power: float = 0.5  # NBSVM-style n-gram weights (0: plain TF-IDF)
    # Each row weighs (mean writer's rows / its writer's rows) ** this in the classifier's fit
    # (0: every row alike), so a writer with many rows does not set the style of the whole.
    writer_balance: float = 0.0

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


def _ngram_block(
    analyzer: object, min_df: int, max_features: int | None, params: ModelParams
) -> Pipeline:
    """TF-IDF of one kind of n-gram, then each column weighed by how well it splits the labels."""
    tfidf = CompactTfidfVectorizer(
        analyzer=analyzer,
        min_df=min_df,
        max_features=max_features,
        binary=params.binary_tf,
        sublinear_tf=not params.binary_tf,
        dtype=np.float64,
    )
    return Pipeline([("tfidf", tfidf), ("label_weights", LabelWeights(params.label_weight_power))])


def _vectorizer(block: object) -> TfidfVectorizer | None:
    """The TF-IDF step of an n-gram block (None for the signals block)."""
    if isinstance(block, Pipeline) and isinstance(block.steps[0][1], TfidfVectorizer):
        return block.steps[0][1]
    return None


def build_pipeline(params: ModelParams = ModelParams()) -> Pipeline:
    chars = _ngram_block(
        analysis.char_features, params.char_min_df, params.char_max_features, params
    )
    words = _ngram_block(
        analysis.word_features, params.word_min_df, params.word_max_features, params
    )
    signals = Pipeline([("extract", DraftSignals()), ("scale", ClippedScaler())])
    features = FeatureUnion(
        [("chars", chars), ("words", words), ("signals", signals)],
        transformer_weights={
            "chars": params.char_weight,
            "words": params.word_weight,
            "signals": params.signal_weight,
        },
    )
    # liblinear's dual solver: far faster than the primal ones when features outnumber drafts.
    classifier = LogisticRegression(
        C=params.C, solver="liblinear", dual=True, max_iter=2000, random_state=SEED
    )
    return Pipeline([("features", features), ("classifier", classifier)])


def held_out_split(
    drafts: Sequence[Draft], share: float = HELD_OUT_SHARE
) -> tuple[list[Draft], list[Draft]]:
    """(training, held out): stratified by label and kind, chosen by a seeded hash of the id."""
    held = held_out_ids(
        drafts, row_id=lambda d: d.id, stratum=lambda d: (d.label, d.kind), share=share
    )
    return split(drafts, held, lambda d: d.id)


def sample_weights(drafts: Sequence[Draft], params: ModelParams) -> np.ndarray | None:
    """The classifier's row weights (`ModelParams.writer_balance`); None: every row alike.
    Extra rows (members' feedback) count as writers of their own by the id's letter."""
    if not params.writer_balance:
        return None
    sizes: dict[str, int] = {}
    for d in drafts:
        sizes[d.writer] = sizes.get(d.writer, 0) + 1
    mean = len(drafts) / len(sizes)
    weights = np.array([(mean / sizes[d.writer]) ** params.writer_balance for d in drafts])
    return weights / weights.mean()


def fit_pipeline(drafts: Sequence[Draft], params: ModelParams) -> Pipeline:
    """A fresh pipeline fitted on these drafts (with the row weights `params` asks for)."""
    pipeline = build_pipeline(params)
    weights = sample_weights(drafts, params)
    fit_args = {} if weights is None else {"classifier__sample_weight": weights}
    return pipeline.fit(
        [d.model_input for d in drafts], np.array([d.is_flag for d in drafts]), **fit_args
    )


def cross_validated_probabilities(
    drafts: Sequence[Draft], params: ModelParams, folds: int = CV_FOLDS
) -> list[float]:
    texts = [d.model_input for d in drafts]
    labels = np.array([d.is_flag for d in drafts])
    out = np.zeros(len(drafts))
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=SEED)
    for train_idx, test_idx in splitter.split(texts, labels):
        pipeline = fit_pipeline([drafts[i] for i in train_idx], params)
        out[test_idx] = pipeline.predict_proba([texts[i] for i in test_idx])[:, 1]
    return out.tolist()


def cross_writer_probabilities(drafts: Sequence[Draft], params: ModelParams) -> list[float] | None:
    """Each draft's probability from a model trained on every other file (None: one file).

    Each corpus file was written by a different person (`Draft.writer` names the file), so
    this is closer to "drafts nobody on the team has seen" than random cross-validation.
    """
    writers = [d.writer for d in drafts]
    if len(set(writers)) < 2:
        return None
    texts = [d.model_input for d in drafts]

    def fit_predict(train: list[int], predict: list[int]) -> list[float]:
        pipeline = fit_pipeline([drafts[i] for i in train], params)
        return pipeline.predict_proba([texts[i] for i in predict])[:, 1].tolist()

    predicted = predictions_by_unseen_writer(writers, fit_predict)
    return [predicted[i] for i in range(len(drafts))]


def cross_writer_scores(
    drafts: Sequence[Draft],
    probabilities: Sequence[float],
    threshold: float,
    short_threshold: float | None = None,
) -> dict[str, Scores]:
    """Per file: the scores of a model trained on the other files (calibrated probabilities)."""
    results = {}
    for letter in sorted({d.writer for d in drafts}):
        members = [i for i, d in enumerate(drafts) if d.writer == letter]
        results[f"drafts_{letter}"] = score(
            [drafts[i].is_flag for i in members],
            [probabilities[i] for i in members],
            threshold,
            short_threshold=short_threshold,
            texts=[drafts[i].model_input for i in members],
        )
    return results


def calibrated(
    texts: Sequence[str], raw: Sequence[float], length_calibration: calibration.Calibration
) -> list[float]:
    return [
        calibration.calibrate(length_calibration, p, calibration.words_in(t))
        for t, p in zip(texts, raw, strict=True)
    ]


MIN_GROUP_OK_ROWS = 50  # a length bucket with fewer ok drafts does not constrain the threshold
# Issue 10's bar is per independent set, and each set is one new writer: no training writer's
# drafts, scored by a model trained without them, may be falsely flagged more often than this.
# Added on 7 Dec when three new writers' short drafts (P, S under 60 characters, O) came out at
# 5.3-6.0% false flags under the pooled 3% alone (README, "How well it works").
MAX_WRITER_FALSE_FLAG_RATE = 0.05
# Files written on purpose as the hard cases no other writer wrote (7 Dec, sixth session: writer
# AI's texting-register notes and small asks of first-name contacts, `drafts_j.jsonl`). Their
# false flags are no estimate of a new writer's, so they are held to no per-writer limit; their
# rows still count in the pooled and length-bucket limits, and the card reports their figures.
# With AI under the 5% limit the rule chose 0.95 and F1 fell on every independent set.
HARD_CASE_FILES: frozenset[str] = frozenset({"j"})


def choose_threshold(
    truth: Sequence[bool],
    probabilities: Sequence[float],
    max_false_flag_rate: float,
    groups: Sequence[str] | None = None,
    writers: Sequence[str | None] | None = None,
) -> float:
    """Best-F1 threshold among those keeping the false-flag rate within the limit, overall
    and within every group (length bucket) with at least MIN_GROUP_OK_ROWS ok drafts, and
    within MAX_WRITER_FALSE_FLAG_RATE for every writer with that many ok drafts; when none
    does, the one that exceeds its limits least.

    Chosen on predictions of the training part only. Ties go to the threshold closest to 0.5.
    """
    limits = [(rows, max_false_flag_rate) for rows in _members(truth, groups)]
    limits += [(rows, MAX_WRITER_FALSE_FLAG_RATE) for rows in _members(truth, writers)]
    low, high = THRESHOLD_RANGE
    candidates = sorted({round(t, 2) for t in np.arange(low, high + 0.001, 0.01)})
    best: tuple[float, ...] | None = None
    for threshold in candidates:
        scores = score(truth, probabilities, threshold)
        excess = max(
            [scores.false_flag_rate - max_false_flag_rate]
            + [
                score(
                    [truth[i] for i in rows], [probabilities[i] for i in rows], threshold
                ).false_flag_rate
                - limit
                for rows, limit in limits
            ]
        )
        within = excess <= 0
        key = (within, -excess if not within else 0.0, scores.f1, -abs(threshold - 0.5), threshold)
        if best is None or key > best:
            best = key
    assert best is not None
    return best[-1]


def choose_thresholds(
    truth: Sequence[bool],
    probabilities: Sequence[float],
    texts: Sequence[str],
    max_false_flag_rate: float,
    groups: Sequence[str] | None = None,
    writers: Sequence[str | None] | None = None,
) -> tuple[float, float | None]:
    """(threshold, short_threshold): the rule of `choose_threshold` applied on its own to the
    drafts of SHORT_DRAFT_CHARS characters or more and to the shorter ones (their pooled rate,
    their length buckets and each writer's drafts of that length). Short drafts give the
    classifier few terms, and their false flags and recall moved differently from longer
    drafts' with every new writer (docs/classifiers.md, sixth session).

    When either part has fewer than MIN_GROUP_OK_ROWS ok drafts (a small corpus), one threshold
    is chosen on all drafts and the short one is None.
    """
    short = [len(text) < SHORT_DRAFT_CHARS for text in texts]
    parts = [[i for i, s in enumerate(short) if s == wanted] for wanted in (False, True)]
    if any(sum(not truth[i] for i in rows) < MIN_GROUP_OK_ROWS for rows in parts):
        return choose_threshold(truth, probabilities, max_false_flag_rate, groups, writers), None

    def of(rows: list[int]) -> float:
        return choose_threshold(
            [truth[i] for i in rows],
            [probabilities[i] for i in rows],
            max_false_flag_rate,
            None if groups is None else [groups[i] for i in rows],
            None if writers is None else [writers[i] for i in rows],
        )

    long_rows, short_rows = parts
    return of(long_rows), of(short_rows)


def limited_writers(writers: Sequence[str]) -> list[str | None]:
    """Each row's writer for the per-writer limit; None for rows of HARD_CASE_FILES."""
    return [None if writer in HARD_CASE_FILES else writer for writer in writers]


def _members(truth: Sequence[bool], groups: Sequence[str | None] | None) -> list[list[int]]:
    """The rows of each group (None: no group) with at least MIN_GROUP_OK_ROWS ok drafts."""
    members: dict[str, list[int]] = {}
    for i, group in enumerate(groups or ()):
        if group is not None:
            members.setdefault(group, []).append(i)
    return [
        rows for rows in members.values() if sum(not truth[i] for i in rows) >= MIN_GROUP_OK_ROWS
    ]


@dataclass
class TrainingResult:
    pipeline: Pipeline
    params: ModelParams
    threshold: float
    training_ids: list[str]
    held_out_ids: list[str]
    cv_scores: Scores
    held_out_scores: Scores | None
    cross_writer: dict[str, Scores] = field(default_factory=dict)
    card: dict[str, object] = field(default_factory=dict)
    length_calibration: calibration.Calibration = field(default_factory=dict)
    # The threshold of drafts under SHORT_DRAFT_CHARS characters (None: `threshold` for all).
    short_threshold: float | None = None


def train(
    drafts: Sequence[Draft],
    params: ModelParams = ModelParams(),
    *,
    held_out_share: float = HELD_OUT_SHARE,
    folds: int = CV_FOLDS,
    with_cross_writer: bool = True,
    extra: Sequence[Draft] = (),
) -> TrainingResult:
    """`extra` rows (members' feedback, `netcoach train --extra`) join the training part only:
    the held-out split is drawn from `drafts` alone, so it is the same with or without them."""
    started = time.perf_counter()
    corpus_part, held_out = held_out_split(drafts, held_out_share)
    training = [*corpus_part, *extra]
    truth = [d.is_flag for d in training]
    training_texts = [d.model_input for d in training]
    raw_cv = cross_validated_probabilities(training, params, folds)
    # Writers are the corpus files; the extra rows (many members, few rows) are no writer of
    # their own: they get their cross-validated probabilities instead.
    raw_writer = cross_writer_probabilities(corpus_part, params) if with_cross_writer else None
    if raw_writer is not None:
        raw_writer = [*raw_writer, *raw_cv[len(corpus_part) :]]
    # The calibration and the threshold are fitted on predictions for drafts by a writer the
    # model never saw when there are several writers' files: random cross-validation shares
    # each writer's phrasing between folds and was over-confident on new writers' drafts.
    fit_on = raw_cv if raw_writer is None else raw_writer
    length_calibration = calibration.fit(
        truth, fit_on, [calibration.words_in(t) for t in training_texts], SEED
    )
    threshold, short_threshold = choose_thresholds(
        truth,
        calibrated(training_texts, fit_on, length_calibration),
        training_texts,
        MAX_FALSE_FLAG_RATE,
        [length_bucket(calibration.words_in(t)) for t in training_texts],
        # Rows added with `extra` belong to no writer: they constrain only the pooled rate.
        None
        if raw_writer is None
        else [
            *limited_writers([d.writer for d in corpus_part]),
            *[None] * len(extra),
        ],
    )
    cv_probabilities = calibrated(training_texts, raw_cv, length_calibration)
    cv_scores = score(
        truth, cv_probabilities, threshold, short_threshold=short_threshold, texts=training_texts
    )
    cross_writer = (
        {}
        if raw_writer is None
        else cross_writer_scores(
            corpus_part,
            calibrated(training_texts, raw_writer, length_calibration)[: len(corpus_part)],
            threshold,
            short_threshold,
        )
    )

    pipeline = fit_pipeline(training, params)
    _drop_introspection_only_state(pipeline)

    held_out_scores = None
    reliability: dict[str, object] = {}
    held_out_by_shape: dict[str, object] = {}
    if held_out:
        held_texts = [d.model_input for d in held_out]
        held_truth = [d.is_flag for d in held_out]
        raw = pipeline.predict_proba(held_texts)[:, 1].tolist()
        probabilities = calibrated(held_texts, raw, length_calibration)
        held_out_scores = score(
            held_truth,
            probabilities,
            threshold,
            short_threshold=short_threshold,
            texts=held_texts,
        )
        lengths = [word_count(t) for t in held_texts]
        reliability = {
            "calibrated": calibration_by_length(held_truth, probabilities, lengths),
            "before_calibration": calibration_by_length(held_truth, raw, lengths),
        }
        held_out_by_shape = _by_shape(
            held_out,
            held_truth,
            [
                p >= threshold_for(text, threshold, short_threshold)
                for text, p in zip(held_texts, probabilities, strict=True)
            ],
        )

    card: dict[str, object] = {
        "model_file": MODEL_FILE,
        "runtime_file": runtime.RUNTIME_FILE,
        "trained_at_seconds": round(time.perf_counter() - started, 1),
        "data": {
            "sha256": corpus_hash(drafts),
            "rows": len(drafts),
            "flag_share": round(sum(d.is_flag for d in drafts) / max(len(drafts), 1), 4),
            "training_rows": len(training),
            "held_out_rows": len(held_out),
            "held_out_share": held_out_share,
            "held_out_ids": sorted(d.id for d in held_out),
            "extra_rows": len(extra),
            "extra_sha256": corpus_hash(extra) if extra else None,
        },
        "seed": SEED,
        "params": params.as_dict(),
        "signals": list(SIGNAL_NAMES),
        "threshold": threshold,
        "short_threshold": short_threshold,
        "short_draft_chars": SHORT_DRAFT_CHARS,
        "hard_case_files": [f"drafts_{letter}" for letter in sorted(HARD_CASE_FILES)],
        "threshold_rule": (
            f"best F1 with false-flag rate <= {MAX_FALSE_FLAG_RATE} (overall and in each "
            f"length bucket with >= {MIN_GROUP_OK_ROWS} ok drafts), and <= "
            f"{MAX_WRITER_FALSE_FLAG_RATE} for each writer's file with as many (files of "
            "deliberate hard cases, `hard_case_files`, excepted), on calibrated "
            f"{'cross-validated' if raw_writer is None else 'cross-writer'} predictions of "
            "the training part only; "
            + (
                "one threshold for all drafts"
                if short_threshold is None
                else f"chosen on its own for drafts of {SHORT_DRAFT_CHARS} characters or more "
                f"(threshold) and for shorter ones (short_threshold)"
            )
        ),
        "cross_validation": {"folds": folds, **cv_scores.as_dict()},
        "held_out": None if held_out_scores is None else held_out_scores.as_dict(),
        "held_out_by_shape": held_out_by_shape,
        "length_calibration": {
            "about": "Platt scaling per length bucket (words), fitted on the training part's "
            "cross-writer predictions: p = sigmoid(a * logit + b)",
            "buckets": calibration.to_json(length_calibration),
        },
        "held_out_calibration": {
            "about": "Brier score and reliability per length bucket (words) on the held-out part",
            **reliability,
        },
        "cross_writer": {
            "about": "training part only: train on the other files, score this one",
            **{name: scores.as_dict() for name, scores in cross_writer.items()},
        },
        "versions": library_versions(),
    }
    return TrainingResult(
        length_calibration=length_calibration,
        pipeline=pipeline,
        params=params,
        threshold=threshold,
        short_threshold=short_threshold,
        training_ids=sorted(d.id for d in training),
        held_out_ids=sorted(d.id for d in held_out),
        cv_scores=cv_scores,
        held_out_scores=held_out_scores,
        cross_writer=cross_writer,
        card=card,
    )


def _by_shape(
    held_out: Sequence[Draft],
    truth: Sequence[bool],
    flagged: Sequence[bool],
) -> dict[str, object]:
    """Per-shape F1 and false flags of the classifier alone on the held-out pasted messages."""
    chosen = [i for i, d in enumerate(held_out) if d.shape]
    if not chosen:
        return {}
    figures = figures_by_shape(
        [held_out[i].shape or "" for i in chosen],
        [truth[i] for i in chosen],
        [flagged[i] for i in chosen],
    )
    return {
        "about": "held-out pasted messages (drafts_s), classifier alone: the review's rules "
        "(undisclosed affiliate links, consent) are not applied here; the README has both",
        **{f.shape: f.as_dict() for f in figures},
    }


def _drop_introspection_only_state(pipeline: Pipeline) -> None:
    """Remove `stop_words_` (every pruned term) from the vectorizers: scikit-learn keeps it for
    introspection only, and it would make the saved model several times larger."""
    for _, block in pipeline.named_steps["features"].transformer_list:
        vectorizer = _vectorizer(block)
        if vectorizer is not None and hasattr(vectorizer, "stop_words_"):
            del vectorizer.stop_words_


def library_versions() -> dict[str, str]:
    import scipy
    import sklearn
    import skops

    return {
        "python": platform.python_version(),
        "scikit-learn": sklearn.__version__,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "skops": skops.__version__,
    }


def save(
    result: TrainingResult, check_texts: Sequence[str], model_dir: Path = MODEL_DIR
) -> dict[str, Path]:
    """Write the skops model, the derived runtime form and the JSON card.

    The runtime form must reproduce the re-loaded skops pipeline's probabilities on
    `check_texts` before the runtime file and the card are written (`skops_files.publish`).
    """

    model_path = model_dir / MODEL_FILE
    runtime_path = model_dir / runtime.RUNTIME_FILE
    card_path = model_dir / CARD_FILE
    published = skops_files.publish(
        result.pipeline,
        model_path,
        runtime_path,
        TRUSTED_TYPES,
        export=lambda reloaded, sha: export_runtime(
            reloaded,
            result.threshold,
            source_sha256=sha,
            length_calibration=result.length_calibration,
            short_threshold=result.short_threshold,
        ),
        largest_difference=lambda reloaded, exported: agreement(
            reloaded, runtime.RuntimeModel(exported), check_texts
        ),
        check_texts=len(check_texts),
    )

    card = dict(result.card)
    card["runtime_agreement"] = published.agreement
    card["model_sha256"] = published.model_sha256
    card["model_bytes"] = published.model_bytes
    card["runtime_sha256"] = published.runtime_sha256
    card["runtime_bytes"] = published.runtime_bytes
    card_path.write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return {"model": model_path, "runtime": runtime_path, "card": card_path}


def load_pipeline(path: Path | None = None) -> Pipeline:
    """Load the skops model, trusting only the types listed in TRUSTED_TYPES."""
    return skops_files.load_pipeline(path or MODEL_DIR / MODEL_FILE, TRUSTED_TYPES)


def export_runtime(
    pipeline: Pipeline,
    threshold: float,
    *,
    source_sha256: str,
    length_calibration: calibration.Calibration | None = None,
    short_threshold: float | None = None,
) -> dict:
    """The fitted pipeline's learned numbers, in `coach_rules.runtime`'s format."""
    features: FeatureUnion = pipeline.named_steps["features"]
    classifier: LogisticRegression = pipeline.named_steps["classifier"]
    coef = classifier.coef_[0]
    weights = features.transformer_weights or {}
    blocks: dict[str, dict] = {}
    offset = 0
    for name, block in features.transformer_list:
        weight = float(weights.get(name, 1.0))
        vectorizer = _vectorizer(block)
        if vectorizer is not None:
            size = len(vectorizer.vocabulary_)
            terms = [""] * size
            for term, column in vectorizer.vocabulary_.items():
                terms[column] = term
            # The label weights scale columns after TF-IDF: they fold into the coefficients.
            label_weights: LabelWeights = block.named_steps["label_weights"]
            block_coef = coef[offset : offset + size] * weight * label_weights.weights_
            blocks[name] = runtime.encode_tfidf_block(
                terms,
                idf=vectorizer.idf_,
                coef=block_coef,
                binary=vectorizer.binary,
                sublinear_tf=vectorizer.sublinear_tf,
            )
        else:
            scaler: ClippedScaler = block.named_steps["scale"]
            size = len(scaler.mean_)
            blocks[name] = runtime.encode_signal_block(
                names=list(SIGNAL_NAMES),
                mean=scaler.mean_,
                scale=scaler.scale_,
                clip=scaler.clip,
                coef=coef[offset : offset + size] * weight,
            )
        offset += size
    if offset != coef.shape[0]:
        raise ValueError(f"exported {offset} coefficients, the model has {coef.shape[0]}")
    return runtime.encode_model(
        blocks=blocks,
        intercept=float(classifier.intercept_[0]),
        threshold=threshold,
        char_range=(analysis.CHAR_MIN, analysis.CHAR_MAX),
        source_sha256=source_sha256,
        length_calibration=length_calibration,
        short_threshold=short_threshold,
    )


def agreement(pipeline: Pipeline, model: runtime.RuntimeModel, texts: Sequence[str]) -> float:
    """Largest absolute difference between the pipeline's and the runtime's (uncalibrated)
    probabilities."""
    if not texts:
        return 0.0
    expected = pipeline.predict_proba(list(texts))[:, 1]
    actual = np.array([model.raw_probability(text) for text in texts])
    return float(np.max(np.abs(expected - actual)))
