"""Labelled pasted messages by shape (`drafts_s.jsonl`, `tests/data/unseen_shapes.jsonl`), and
the per-shape figures the README and the model card report: F1 and the share of `ok` messages
flagged, for each shape.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SHAPES = (
    "email-reply-quoted",
    "signature-disclaimer",
    "ps-pitch",
    "referral-link",
    "consent",
    "markdown-template",
    "thread-reply",
    "linkedin-bump",
)
SHAPES_TRAINING_FILE = Path(__file__).resolve().parent / "data" / "drafts_s.jsonl"


@dataclass(frozen=True)
class ShapeRow:
    id: str
    text: str
    label: str
    shape: str
    kind: str
    rules: tuple[str, ...]
    written: str

    @property
    def is_flag(self) -> bool:
        return self.label == "flag"


@dataclass(frozen=True)
class ShapeFigures:
    shape: str
    rows: int
    f1: float
    precision: float
    recall: float
    false_flag_rate: float  # flagged `ok` messages / `ok` messages

    def as_dict(self) -> dict[str, object]:
        return {
            "rows": self.rows,
            "f1": round(self.f1, 3),
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "false_flag_rate": round(self.false_flag_rate, 3),
        }


def read_shape_rows(path: Path) -> list[ShapeRow]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            rows.append(
                ShapeRow(
                    raw["id"],
                    raw["text"],
                    raw["label"],
                    raw["shape"],
                    raw["kind"],
                    tuple(raw["rules"]),
                    raw["written"],
                )
            )
    return rows


def _figures(shape: str, truth: Sequence[bool], flagged: Sequence[bool]) -> ShapeFigures:
    tp = sum(t and f for t, f in zip(truth, flagged, strict=True))
    fp = sum(f and not t for t, f in zip(truth, flagged, strict=True))
    fn = sum(t and not f for t, f in zip(truth, flagged, strict=True))
    negatives = sum(not t for t in truth)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ShapeFigures(
        shape, len(truth), f1, precision, recall, fp / negatives if negatives else 0.0
    )


def figures_by_shape(
    shapes: Sequence[str], truth: Sequence[bool], flagged: Sequence[bool]
) -> list[ShapeFigures]:
    """Figures for each shape present (in SHAPES order), then for all messages together."""
    figures = []
    for shape in SHAPES:
        chosen = [i for i, s in enumerate(shapes) if s == shape]
        if chosen:
            figures.append(
                _figures(shape, [truth[i] for i in chosen], [flagged[i] for i in chosen])
            )
    figures.append(_figures("all", list(truth), list(flagged)))
    return figures


def figures_of_rows(rows: Sequence[ShapeRow], flagged: Sequence[bool]) -> list[ShapeFigures]:
    return figures_by_shape([r.shape for r in rows], [r.is_flag for r in rows], flagged)


def format_figures(title: str, figures: Sequence[ShapeFigures]) -> str:
    lines = [title, f"  {'shape':<22} {'rows':>5} {'F1':>6} {'false flags':>12}"]
    for f in figures:
        lines.append(f"  {f.shape:<22} {f.rows:>5} {f.f1:>6.3f} {f.false_flag_rate:>12.1%}")
    return "\n".join(lines)
