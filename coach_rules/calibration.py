"""Length-aware calibration of the hard-sell probability (Platt scaling per length bucket).

A short draft gives the classifier few terms, and after l2 normalisation each one weighs a lot,
so raw probabilities on notes of a few words were over-confident (see the model card's
reliability table). Training fits, on cross-validated predictions of the training part only,
one logistic regression per length bucket of `metrics.LENGTH_BUCKETS` on the raw logit:
`p = sigmoid(a * logit + b)`. Pure Python, so the runtime applies it without scikit-learn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from coach_rules.metrics import LENGTH_BUCKETS, length_bucket

# {bucket name: (a, b)}; a missing bucket is left as it is (a=1, b=0).
Calibration = dict[str, tuple[float, float]]
IDENTITY: Calibration = {}
MIN_BUCKET_ROWS = 40  # fewer rows (or one class only) and the bucket keeps the raw probability


def words_in(text: str) -> int:
    return len(text.split())


def _logit(probability: float) -> float:
    p = min(max(probability, 1e-12), 1 - 1e-12)
    return math.log(p / (1 - p))


def calibrate_logit(calibration: Calibration, logit: float, words: int) -> float:
    a, b = calibration.get(length_bucket(words), (1.0, 0.0))
    z = a * logit + b
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def calibrate(calibration: Calibration, probability: float, words: int) -> float:
    return calibrate_logit(calibration, _logit(probability), words)


def fit(
    truth: Sequence[bool], probabilities: Sequence[float], words: Sequence[int], seed: int
) -> Calibration:
    """One Platt scaling per length bucket, fitted on (cross-validated) raw probabilities."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    calibration: Calibration = {}
    for name, _, _ in LENGTH_BUCKETS:
        members = [i for i, n in enumerate(words) if length_bucket(n) == name]
        labels = [truth[i] for i in members]
        if len(members) < MIN_BUCKET_ROWS or len(set(labels)) < 2:
            continue
        x = np.array([[_logit(probabilities[i])] for i in members])
        model = LogisticRegression(C=1.0, random_state=seed).fit(x, np.array(labels))
        calibration[name] = (float(model.coef_[0][0]), float(model.intercept_[0]))
    return calibration


def to_json(calibration: Calibration) -> dict[str, list[float]]:
    return {name: [a, b] for name, (a, b) in calibration.items()}


def from_json(data: dict[str, list[float]] | None) -> Calibration:
    return {name: (float(a), float(b)) for name, (a, b) in (data or {}).items()}
