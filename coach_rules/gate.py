"""Draft or chat: is a free text a draft meant for someone else, or chat addressed to the coach?

CONTRACT (shared by the engine and the core):
- `classify_message(text) -> Gate`; `Gate.kind` is "draft" (review it), "chat" (small talk,
  thanks, yes/no, questions about the bot: the core answers it) or "unclear" (the core asks
  "Review this as a draft?" with a button). `Gate.draft_probability` is in [0, 1].
- Cheap: it runs before every review.

The model is a logistic regression over binary, l2-normalised terms that `gate_features` makes
from the text: words and word pairs, character 3-grams inside words, and a few signals (length
bucket, second-person address, a greeting followed by a name, a sign-off, links, emoji).
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

from coach_rules import lexicon
from coach_rules.lexicon import GREETINGS, SECOND_PERSON
from coach_rules.textnorm import LINK_TOKEN, USER_TOKEN, normalise

MessageKind = Literal["draft", "chat", "unclear"]

GATE_RUNTIME_FILE = Path(__file__).resolve().parent / "model" / "gate.runtime.json"
GATE_FORMAT = "netcoach-gate/1"
MAX_TOKENS = 48  # only the opening of a long text is read: chat is short, drafts declare early
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
# The drafts' own phrase lexicons: chat to the coach rarely pitches, pushes or gives value.
_LEXICON_SIGNALS = (
    ("pitch", lexicon.PITCH),
    ("urgency", lexicon.URGENCY),
    ("hype", lexicon.HYPE),
    ("plug", lexicon.PLUG),
    ("value", lexicon.VALUE),
    ("intro", lexicon.SELF_INTRO),
    ("ask", lexicon.ASK),
    ("big_ask", lexicon.BIG_ASK),
    ("chasing", lexicon.CHASING),
)
# A capitalised word after the first one: often the name of the person a draft is for.
_INNER_CAPITAL = re.compile(r"(?<=[\w,] )(?!I\b)[A-Z][a-z]")


@dataclass(frozen=True)
class Gate:
    kind: MessageKind
    draft_probability: float


@lru_cache(maxsize=32768)
def _char_grams(token: str) -> tuple[str, ...]:
    padded = f"<{token}>"
    return tuple(f"c:{padded[i : i + 3]}" for i in range(len(padded) - 2))


def _length_bucket(words: int) -> str:
    for limit in _LENGTH_BUCKETS:
        if words <= limit:
            return f"n:{limit}"
    return "n:more"


def gate_features(text: str) -> list[str]:
    """The terms the gate reads (training and runtime share this function)."""
    normalised = normalise(text)
    tokens = _TOKEN.findall(normalised)
    words = [t for t in tokens if t[0].isalnum() or t[0] == "_"]
    head = tokens[:MAX_TOKENS]
    features = [f"w:{t}" for t in head]
    features += [f"b:{a} {b}" for a, b in itertools.pairwise(head)]
    for token in head:
        if token[0].isalpha() and len(token) > 1:
            features.extend(_char_grams(token))
    if head:
        features.append(f"f:{head[0]}")
        features.append(f"l:{tokens[-1]}")
    features.append(_length_bucket(len(words)))
    if "\n" in text.strip():
        features.append("s:lines")
    if any(w in SECOND_PERSON for w in words):
        features.append("s:you")
    if _NAME_AFTER_GREETING.search(text):
        features.append("s:greet_name")
    elif words and words[0] in GREETINGS:
        features.append("s:greet")
    if _SIGN_OFF.search(text.rstrip()):
        features.append("s:sign_off")
    features += [f"s:{name}" for name, phrases in _LEXICON_SIGNALS if phrases.search(normalised)]
    if _INNER_CAPITAL.search(text):
        features.append("s:inner_capital")
    if LINK_TOKEN in normalised:
        features.append("s:link")
    if USER_TOKEN in normalised:
        features.append("s:mention")
    if any(ord(ch) >= 0x2190 for ch in text):
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
        known = [weights[t] for t in set(gate_features(text)) if t in weights]
        logit = self.intercept
        if known:
            logit += math.fsum(known) / math.sqrt(len(known))
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
