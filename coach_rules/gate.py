"""Draft or chat: is a free text a draft meant for someone else, or chat addressed to the coach?

CONTRACT (shared by the engine and the core):
- `classify_message(text) -> Gate`; `Gate.kind` is "draft" (review it), "chat" (small talk,
  thanks, yes/no, questions about the bot: the core answers it) or "unclear" (the core asks
  "Review this as a draft?" with a button). `Gate.draft_probability` is in [0, 1].
- Cheap: it runs before every review.

The model is a logistic regression over binary, l2-normalised terms that `gate_features` makes
from the opening of the text: words and word pairs, character 3-grams inside the first words,
the first and last word, and a few signals (length bucket, second-person address, a greeting
followed by a name, a capitalised name inside the text, a sign-off, several lines, links,
mentions, emoji).
`coach_rules.gate_training` fits it with scikit-learn, saves it with skops and derives the
runtime form this module reads: a term -> weight table, so a message costs a few dictionary
look-ups and no NumPy. Until a gate model is trained every text is a draft.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from coach_rules.lexicon import GREETINGS, SECOND_PERSON
from coach_rules.textnorm import LINK_TOKEN, USER_TOKEN, normalise

MessageKind = Literal["draft", "chat", "unclear"]

GATE_RUNTIME_FILE = Path(__file__).resolve().parent / "model" / "gate.runtime.json"
GATE_FORMAT = "netcoach-gate/1"
MAX_TOKENS = 32  # only the opening of a long text is read: chat is short, drafts declare early
HEAD_CHARS = 200
CHAR_GRAM_TOKENS = 12  # character 3-grams for the opening words only (they cost the most)
SIGN_OFF_CHARS = 80
_SYMBOL = re.compile("[\u2190-\U0010ffff]")  # arrows, symbols, emoji
_TOKEN = re.compile(r"\w+(?:'\w+)*|[!?$€£%]|[^\w\s]")
_NAME_AFTER_GREETING = re.compile(
    r"^\W*(?:hi|hey|hello|dear|hiya|heya|good (?:morning|afternoon|evening))\s*,?\s+"
    r"(?:[A-Z][\w'’-]+|<@)",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"(?:\n\s*[-—–~]\s*[^\W\d_]|(?:best|cheers|thanks|regards|warmly|sincerely)\b[ ,!.]*\n?\s*"
    r"[A-Z][\w'’-]+\s*$)",
)
_LENGTH_BUCKETS = (1, 2, 3, 5, 8, 12, 20, 30, 60)
# A capitalised word after the first one: often the name of the person a draft is for.
_INNER_CAPITAL = re.compile(r"(?<=[\w,] )(?!I\b)[A-Z][a-z]")


@dataclass(frozen=True)
class Gate:
    kind: MessageKind
    draft_probability: float


@lru_cache(maxsize=65536)
def _token_features(token: str) -> tuple[str, ...]:
    """The word term and (for words of two or more letters) the in-word character 3-grams."""
    if not (token[0].isalpha() and len(token) > 1):
        return (f"w:{token}",)
    padded = f"<{token}>"
    return (f"w:{token}", *[f"c:{padded[i : i + 3]}" for i in range(len(padded) - 2)])


def _length_bucket(words: int) -> str:
    for limit in _LENGTH_BUCKETS:
        if words <= limit:
            return f"n:{limit}"
    return "n:more"


def gate_features(text: str) -> list[str]:
    """The terms the gate reads (training and runtime share this function).

    Only the opening HEAD_CHARS characters are read word by word (chat is short and a draft
    shows itself early), which keeps the cost flat for long drafts.
    """
    chunks = text.split()
    head_text = text[:HEAD_CHARS]
    normalised = normalise(head_text)
    tokens = _TOKEN.findall(normalised)[:MAX_TOKENS]
    features: list[str] = []
    for token in tokens[:CHAR_GRAM_TOKENS]:
        features.extend(_token_features(token))
    features += ["w:" + token for token in tokens[CHAR_GRAM_TOKENS:]]
    features += ["b:" + a + " " + b for a, b in itertools.pairwise(tokens)]
    if tokens:
        features.append("f:" + tokens[0])
        last = _TOKEN.findall(normalise(chunks[-1]))
        if last:
            features.append("l:" + last[-1])
    features.append(_length_bucket(len(chunks)))
    if "\n" in text.strip():
        features.append("s:lines")
    if not SECOND_PERSON.isdisjoint(tokens):
        features.append("s:you")
    if _NAME_AFTER_GREETING.search(head_text):
        features.append("s:greet_name")
    elif tokens and tokens[0] in GREETINGS:
        features.append("s:greet")
    if _SIGN_OFF.search(text[-SIGN_OFF_CHARS:].rstrip()):
        features.append("s:sign_off")
    if _INNER_CAPITAL.search(head_text):
        features.append("s:inner_capital")
    if LINK_TOKEN in normalised:
        features.append("s:link")
    if USER_TOKEN in normalised:
        features.append("s:mention")
    if _SYMBOL.search(head_text):
        features.append("s:symbol")
    return features


class GateModel:
    """The runtime form: term weights (idf folded in), intercept and the two thresholds."""

    def __init__(self, data: dict) -> None:
        if data.get("format") != GATE_FORMAT:
            raise ValueError(f"not a gate runtime file (format {data.get('format')!r})")
        self.weights: dict[str, float] = dict(zip(data["terms"], data["weights"], strict=True))
        self.intercept = float(data["intercept"])
        self.chat_below = float(data["chat_below"])
        self.draft_from = float(data["draft_from"])
        self.source_sha256: str = data["source_sha256"]

    @classmethod
    def load(cls, path: Path = GATE_RUNTIME_FILE) -> GateModel:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def probability(self, text: str) -> float:
        """Probability that `text` is a draft, exactly as the skops pipeline computes it."""
        weights = self.weights
        known = [w for w in map(weights.get, set(gate_features(text))) if w is not None]
        logit = self.intercept
        if known:
            logit += sum(known) / math.sqrt(len(known))
        return 1.0 / (1.0 + math.exp(-logit))

    def kind(self, probability: float) -> MessageKind:
        if probability < self.chat_below:
            return "chat"
        if probability >= self.draft_from:
            return "draft"
        return "unclear"


_model: GateModel | None = None
_missing = False
_lock = threading.Lock()


def default_gate() -> GateModel | None:
    """The shipped gate, loaded once; None when none has been trained."""
    global _model, _missing
    if _model is None and not _missing:
        with _lock:
            if _model is None and not _missing:
                if GATE_RUNTIME_FILE.exists():
                    _model = GateModel.load()
                else:
                    _missing = True
    return _model


def classify_message(text: str) -> Gate:
    model = default_gate()
    if model is None or not text.strip():
        return Gate(kind="draft", draft_probability=1.0)
    probability = model.probability(text)
    return Gate(kind=model.kind(probability), draft_probability=probability)
