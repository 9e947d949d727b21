"""Classification figures reported by training, `netcoach evaluate` and the model card."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Scores:
    n: int
    precision: float
    recall: float
    f1: float
    false_flag_rate: float  # share of `ok` drafts flagged
    roc_auc: float | None  # None when only one class is present
    # [[ok judged ok, ok flagged], [flag judged ok, flag flagged]]
    confusion: tuple[tuple[int, int], tuple[int, int]]
    threshold: float

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["confusion"] = [list(row) for row in self.confusion]
        return data


def _roc_auc(truth: Sequence[bool], probabilities: Sequence[float]) -> float | None:
    """Probability that a random `flag` draft outranks a random `ok` one (ties count half)."""
    ranked = sorted(zip(probabilities, truth, strict=True))
    positives = sum(truth)
    negatives = len(truth) - positives
    if positives == 0 or negatives == 0:
        return None
    rank_sum = 0.0
    i = 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        average_rank = (i + 1 + j) / 2  # ranks are 1-based; ties share the mean rank
        rank_sum += average_rank * sum(1 for _, is_flag in ranked[i:j] if is_flag)
        i = j
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def score(truth: Sequence[bool], probabilities: Sequence[float], threshold: float) -> Scores:
    """Figures for `flag` as the positive class; a draft is flagged when p >= threshold."""
    predicted = [p >= threshold for p in probabilities]
    tp = sum(1 for t, p in zip(truth, predicted, strict=True) if t and p)
    fp = sum(1 for t, p in zip(truth, predicted, strict=True) if not t and p)
    fn = sum(1 for t, p in zip(truth, predicted, strict=True) if t and not p)
    tn = len(truth) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(
        n=len(truth),
        precision=precision,
        recall=recall,
        f1=f1,
        false_flag_rate=fp / (fp + tn) if fp + tn else 0.0,
        roc_auc=_roc_auc(truth, probabilities),
        confusion=((tn, fp), (fn, tp)),
        threshold=threshold,
    )


def format_scores(title: str, scores: Scores) -> str:
    auc = "n/a" if scores.roc_auc is None else f"{scores.roc_auc:.3f}"
    (tn, fp), (fn, tp) = scores.confusion
    return "\n".join(
        [
            f"{title} (n={scores.n}, flagged when p >= {scores.threshold:.2f})",
            f"  precision {scores.precision:.3f}   recall {scores.recall:.3f}   F1 {scores.f1:.3f}",
            f"  false-flag rate on ok drafts {scores.false_flag_rate:.3f}   ROC-AUC {auc}",
            "  confusion matrix      judged ok   flagged",
            f"    labelled ok         {tn:9d}   {fp:7d}",
            f"    labelled flag       {fn:9d}   {tp:7d}",
        ]
    )
