"""Classification figures reported by training, `netcoach evaluate` and the model card."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

# Drafts shorter than this many characters (of the text the classifier reads) may have a flag
# threshold of their own (issue 10 sets its targets on drafts "under 60 characters" too).
SHORT_DRAFT_CHARS = 60


def threshold_for(text: str, threshold: float, short_threshold: float | None) -> float:
    """The flag threshold for a draft of this text: `short_threshold` (when there is one) for
    a text under SHORT_DRAFT_CHARS characters, `threshold` otherwise."""
    if short_threshold is not None and len(text) < SHORT_DRAFT_CHARS:
        return short_threshold
    return threshold


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
    # The threshold of drafts under SHORT_DRAFT_CHARS characters, when they have their own.
    short_threshold: float | None = None

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


def score(
    truth: Sequence[bool],
    probabilities: Sequence[float],
    threshold: float,
    *,
    short_threshold: float | None = None,
    texts: Sequence[str] | None = None,
) -> Scores:
    """Figures for `flag` as the positive class; a draft is flagged when p >= threshold, or
    p >= short_threshold for a text under SHORT_DRAFT_CHARS characters (`texts` given)."""
    if short_threshold is None or texts is None:
        short_threshold = None
        predicted = [p >= threshold for p in probabilities]
    else:
        predicted = [
            p >= threshold_for(text, threshold, short_threshold)
            for p, text in zip(probabilities, texts, strict=True)
        ]
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
        short_threshold=short_threshold,
    )


def format_scores(title: str, scores: Scores) -> str:
    auc = "n/a" if scores.roc_auc is None else f"{scores.roc_auc:.3f}"
    (tn, fp), (fn, tp) = scores.confusion
    return "\n".join(
        [
            f"{title} (n={scores.n}, flagged when p >= {scores.threshold:.2f}"
            + (
                ""
                if scores.short_threshold is None
                else f", under {SHORT_DRAFT_CHARS} characters {scores.short_threshold:.2f}"
            )
            + ")",
            f"  precision {scores.precision:.3f}   recall {scores.recall:.3f}   F1 {scores.f1:.3f}",
            f"  false-flag rate on ok drafts {scores.false_flag_rate:.3f}   ROC-AUC {auc}",
            "  confusion matrix      judged ok   flagged",
            f"    labelled ok         {tn:9d}   {fp:7d}",
            f"    labelled flag       {fn:9d}   {tp:7d}",
        ]
    )


# Length buckets (in words) for calibration: a note, a short message, an email, a long email.
LENGTH_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("<=8", 0, 8),
    ("9-30", 9, 30),
    ("31-120", 31, 120),
    (">120", 121, None),
)
RELIABILITY_BINS = 5  # equal-width bins of predicted probability


def length_bucket(words: int) -> str:
    for name, low, high in LENGTH_BUCKETS:
        if words >= low and (high is None or words <= high):
            return name
    raise AssertionError("the buckets cover every length")


def brier(truth: Sequence[bool], probabilities: Sequence[float]) -> float:
    """Mean squared difference between the probability and what happened (0 is perfect)."""
    pairs = list(zip(truth, probabilities, strict=True))
    return sum((p - float(t)) ** 2 for t, p in pairs) / len(pairs) if pairs else 0.0


def reliability(
    truth: Sequence[bool], probabilities: Sequence[float], bins: int = RELIABILITY_BINS
) -> list[dict[str, object]]:
    """Per bin of predicted probability: drafts, mean predicted, share actually flag."""
    rows = []
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        members = [
            (t, p)
            for t, p in zip(truth, probabilities, strict=True)
            if low <= p < high or (b == bins - 1 and p == 1.0)
        ]
        rows.append(
            {
                "bin": f"{low:.1f}-{high:.1f}",
                "n": len(members),
                "predicted": round(sum(p for _, p in members) / len(members), 3)
                if members
                else None,
                "observed": round(sum(t for t, _ in members) / len(members), 3)
                if members
                else None,
            }
        )
    return rows


def calibration_by_length(
    truth: Sequence[bool], probabilities: Sequence[float], words: Sequence[int]
) -> dict[str, dict[str, object]]:
    """Brier score and reliability table per length bucket, plus "all"."""
    out: dict[str, dict[str, object]] = {}
    groups: dict[str, list[int]] = {name: [] for name, _, _ in LENGTH_BUCKETS}
    for i, n in enumerate(words):
        groups[length_bucket(n)].append(i)
    groups["all"] = list(range(len(truth)))
    for name, members in groups.items():
        t = [truth[i] for i in members]
        p = [probabilities[i] for i in members]
        out[name] = {
            "n": len(members),
            "brier": round(brier(t, p), 4) if members else None,
            "reliability": reliability(t, p),
        }
    return out


def format_calibration(title: str, table: dict[str, dict[str, object]]) -> str:
    lines = [f"{title}: Brier score and reliability (predicted vs observed share of flag)"]
    for name, row in table.items():
        brier_text = "n/a" if row["brier"] is None else f"{row['brier']:.3f}"
        bins = "  ".join(
            f"{b['bin']}: {b['predicted']:.2f}/{b['observed']:.2f} (n={b['n']})"
            for b in row["reliability"]  # type: ignore[union-attr]
            if b["n"]
        )
        lines.append(f"  {name:>7} words  n={row['n']:<4} Brier {brier_text}   {bins}")
    return "\n".join(lines)
