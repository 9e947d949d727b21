"""Give, ask or thank: what a touch (a message to a contact) mainly does.

CONTRACT (shared by the engine and the core):
- `suggest_touch_kind(text) -> TouchSuggestion | None`: the kind the draft reads as ("give",
  "ask" or "thank") and the model's probability for it; None until a touch model is trained.
- Cheap: a few dictionary look-ups per word, no NumPy, no scikit-learn.

The model is a multinomial logistic regression over binary, l2-normalised terms that
`touch_features` makes from the message: words, word pairs, the first and last words, and a
few signals (a question mark, a link). `coach_rules.touch_training` fits it with scikit-learn,
saves it with skops and derives the runtime form read here: a term -> three weights table.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from coach_rules.textnorm import LINK_TOKEN, normalise

TouchKind = Literal["give", "ask", "thank"]
TOUCH_KINDS: tuple[TouchKind, ...] = ("give", "ask", "thank")

TOUCH_RUNTIME_FILE = Path(__file__).resolve().parent / "model" / "touch_classifier.runtime.json"
TOUCH_FORMAT = "netcoach-touch/1"
# A touch shows its move in its opening and its close: a long draft is read only there, which
# keeps the cost flat (touches are mostly under 100 words and are read whole).
HEAD_CHARS = 480
TAIL_CHARS = 160
_TOKEN = re.compile(r"\w+(?:'\w+)*|[!?]")


@dataclass(frozen=True)
class TouchSuggestion:
    kind: TouchKind
    probability: float


def touch_features(text: str) -> list[str]:
    """The terms the touch model reads (training and runtime share this function)."""
    if len(text) > HEAD_CHARS + TAIL_CHARS:
        text = f"{text[:HEAD_CHARS]} {text[-TAIL_CHARS:]}"
    normalised = normalise(text.replace("’", "'")).lower()
    tokens = _TOKEN.findall(normalised)
    features = ["w:" + token for token in tokens]
    features += ["b:" + a + " " + b for a, b in itertools.pairwise(tokens)]
    if tokens:
        features.append("f:" + tokens[0])
        features.append("l:" + tokens[-1])
    if "?" in tokens:
        features.append("s:question")
    if LINK_TOKEN in normalised:
        features.append("s:link")
    return features


class TouchModel:
    """The runtime form: per-term weights for each kind (in TOUCH_KINDS order), intercepts."""

    def __init__(self, data: dict) -> None:
        if data.get("format") != TOUCH_FORMAT:
            raise ValueError(f"not a touch runtime file (format {data.get('format')!r})")
        if tuple(data["classes"]) != TOUCH_KINDS:
            raise ValueError(f"touch runtime classes {data['classes']!r} are not {TOUCH_KINDS}")
        self.weights: dict[str, tuple[float, float, float]] = {
            term: (float(w[0]), float(w[1]), float(w[2]))
            for term, w in zip(data["terms"], data["weights"], strict=True)
        }
        self.intercepts = tuple(float(b) for b in data["intercepts"])
        self.source_sha256: str = data["source_sha256"]

    @classmethod
    def load(cls, path: Path = TOUCH_RUNTIME_FILE) -> TouchModel:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def probabilities(self, text: str) -> tuple[float, float, float]:
        """P(give), P(ask), P(thank), exactly as the skops pipeline computes them."""
        weights = self.weights
        known = [w for w in map(weights.get, set(touch_features(text))) if w is not None]
        logits = list(self.intercepts)
        if known:
            scale = 1.0 / math.sqrt(len(known))
            for k in range(3):
                logits[k] += sum(w[k] for w in known) * scale
        top = max(logits)
        exps = [math.exp(logit - top) for logit in logits]
        total = sum(exps)
        return exps[0] / total, exps[1] / total, exps[2] / total

    def suggest(self, text: str) -> TouchSuggestion:
        probabilities = self.probabilities(text)
        best = max(range(3), key=probabilities.__getitem__)
        return TouchSuggestion(TOUCH_KINDS[best], probabilities[best])


_model: TouchModel | None = None
_missing = False
_lock = threading.Lock()


def default_touch_model() -> TouchModel | None:
    """The shipped touch model, loaded once; None when none has been trained."""
    global _model, _missing
    if _model is None and not _missing:
        with _lock:
            if _model is None and not _missing:
                if TOUCH_RUNTIME_FILE.exists():
                    _model = TouchModel.load()
                else:
                    _missing = True
    return _model


def suggest_touch_kind(text: str) -> TouchSuggestion | None:
    model = default_touch_model()
    if model is None or not text.strip():
        return None
    return model.suggest(text)
