"""The trained classifier in a compact runtime form: plain Python, no scikit-learn or skops.

`coach_rules.training` derives this form from the skops model at train time (the skops file
stays the source of truth) and checks that both give the same probabilities. Loading takes
tens of milliseconds instead of the seconds `import sklearn, skops.io` costs, and scoring one
draft is a few dictionary look-ups per word because character n-grams are cached per chunk.

The maths is the pipeline's, term for term: TF-IDF with sublinear tf and l2 normalisation per
block, clipped standardised signals, then a logistic regression.
"""

from __future__ import annotations

import base64
import json
import math
import sys
import threading
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from coach_rules.analysis import CHAR_MAX, CHAR_MIN, CHUNK_RE, chunk_char_grams, word_grams
from coach_rules.signals import SIGNAL_NAMES, WORD_RE, draft_signal_vector
from coach_rules.textnorm import normalise

FORMAT = "netcoach-runtime/1"
MODEL_DIR = Path(__file__).resolve().parent / "model"
RUNTIME_FILE = "draft_classifier.runtime.json"
_CHUNK_CACHE_LIMIT = 200_000


def _encode_floats(values: Sequence[float]) -> str:
    packed = array("d", (float(v) for v in values))
    if sys.byteorder == "big":
        packed.byteswap()
    return base64.b64encode(packed.tobytes()).decode("ascii")


def _decode_floats(encoded: str) -> list[float]:
    packed = array("d")
    packed.frombytes(base64.b64decode(encoded))
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tolist()


def encode_tfidf_block(
    terms: Sequence[str], *, idf: Sequence[float], coef: Sequence[float], sublinear_tf: bool
) -> dict:
    if not sublinear_tf:
        raise ValueError("the runtime implements sublinear tf only")
    weighted = [float(i) * float(c) for i, c in zip(idf, coef, strict=True)]
    return {
        "kind": "tfidf",
        "terms": list(terms),
        "idf": _encode_floats(idf),
        "idf_coef": _encode_floats(weighted),
    }


def encode_signal_block(
    *,
    names: Sequence[str],
    mean: Sequence[float],
    scale: Sequence[float],
    clip: float,
    coef: Sequence[float],
) -> dict:
    return {
        "kind": "signals",
        "names": list(names),
        "mean": [float(v) for v in mean],
        "scale": [float(v) for v in scale],
        "clip": float(clip),
        "coef": [float(v) for v in coef],
    }


def encode_model(
    *,
    blocks: dict[str, dict],
    intercept: float,
    threshold: float,
    char_range: tuple[int, int],
    source_sha256: str,
) -> dict:
    return {
        "format": FORMAT,
        "source_sha256": source_sha256,
        "threshold": threshold,
        "intercept": intercept,
        "char_range": list(char_range),
        "blocks": blocks,
    }


class _TfidfBlock:
    __slots__ = ("idf", "idf_coef", "index")

    def __init__(self, data: dict) -> None:
        self.index: dict[str, int] = {term: i for i, term in enumerate(data["terms"])}
        self.idf = _decode_floats(data["idf"])
        self.idf_coef = _decode_floats(data["idf_coef"])
        if not len(self.index) == len(self.idf) == len(self.idf_coef):
            raise ValueError("runtime model block is inconsistent")

    def contributions(self, ids: Sequence[int]) -> tuple[float, dict[int, tuple[float, int]]]:
        """(logit contribution, {term id: (contribution, count)}) for one draft's term ids."""
        if not ids:
            return 0.0, {}
        counts = Counter(ids)
        idf = self.idf
        idf_coef = self.idf_coef
        squares = 0.0
        dot = 0.0
        parts: dict[int, tuple[float, int]] = {}
        for term, count in counts.items():
            tf = 1.0 + math.log(count) if count > 1 else 1.0
            value = tf * idf[term]
            squares += value * value
            part = tf * idf_coef[term]
            dot += part
            parts[term] = (part, count)
        norm = math.sqrt(squares)
        if norm == 0.0:
            return 0.0, {}
        return dot / norm, {t: (p / norm, c) for t, (p, c) in parts.items()}

    def logit(self, ids: Sequence[int]) -> float:
        if not ids:
            return 0.0
        idf = self.idf
        idf_coef = self.idf_coef
        squares = 0.0
        dot = 0.0
        for term, count in Counter(ids).items():
            if count > 1:
                tf = 1.0 + math.log(count)
                value = tf * idf[term]
                dot += tf * idf_coef[term]
            else:
                value = idf[term]
                dot += idf_coef[term]
            squares += value * value
        return dot / math.sqrt(squares) if squares else 0.0


@dataclass(frozen=True)
class ChunkContribution:
    start: int
    end: int
    logit: float  # how much this chunk pushed the draft towards "hard sell"


@dataclass(frozen=True)
class Explanation:
    probability: float
    logit: float
    chunks: tuple[ChunkContribution, ...]
    signal_logits: dict[str, float]


class RuntimeModel:
    def __init__(self, data: dict) -> None:
        if data.get("format") != FORMAT:
            raise ValueError(f"unsupported runtime model format {data.get('format')!r}")
        if tuple(data["char_range"]) != (CHAR_MIN, CHAR_MAX):
            raise ValueError("runtime model was trained with other character n-gram sizes")
        blocks = data["blocks"]
        self.threshold: float = float(data["threshold"])
        self.intercept: float = float(data["intercept"])
        self.source_sha256: str = data["source_sha256"]
        self._chars = _TfidfBlock(blocks["chars"])
        self._words = _TfidfBlock(blocks["words"])
        signals = blocks["signals"]
        if tuple(signals["names"]) != SIGNAL_NAMES:
            raise ValueError("runtime model was trained with other signals")
        self._signal_mean: list[float] = signals["mean"]
        self._signal_scale: list[float] = signals["scale"]
        self._signal_coef: list[float] = signals["coef"]
        self._signal_clip: float = signals["clip"]
        self._chunk_ids: dict[str, tuple[int, ...]] = {}

    @classmethod
    def load(cls, path: Path) -> RuntimeModel:
        with path.open(encoding="utf-8") as handle:
            return cls(json.load(handle))

    def _ids_for_chunk(self, chunk: str) -> tuple[int, ...]:
        ids = self._chunk_ids.get(chunk)
        if ids is None:
            index = self._chars.index
            ids = tuple(i for g in chunk_char_grams(chunk) if (i := index.get(g)) is not None)
            if len(self._chunk_ids) >= _CHUNK_CACHE_LIMIT:
                self._chunk_ids.clear()
            self._chunk_ids[chunk] = ids
        return ids

    def _signal_parts(self, text: str, normalised: str) -> list[float]:
        clip = self._signal_clip
        parts = []
        for value, mean, scale, coef in zip(
            draft_signal_vector(text, normalised),
            self._signal_mean,
            self._signal_scale,
            self._signal_coef,
            strict=True,
        ):
            scaled = (value - mean) / scale
            scaled = clip if scaled > clip else -clip if scaled < -clip else scaled
            parts.append(scaled * coef)
        return parts

    def logit(self, text: str, normalised: str | None = None) -> float:
        normalised = normalise(text) if normalised is None else normalised
        char_ids: list[int] = []
        for chunk in CHUNK_RE.findall(normalised):
            char_ids.extend(self._ids_for_chunk(chunk))
        word_index = self._words.index
        word_ids = [
            i
            for g in word_grams(WORD_RE.findall(normalised))
            if (i := word_index.get(g)) is not None
        ]
        return (
            self.intercept
            + self._chars.logit(char_ids)
            + self._words.logit(word_ids)
            + sum(self._signal_parts(text, normalised))
        )

    def probability(self, text: str, normalised: str | None = None) -> float:
        return _sigmoid(self.logit(text, normalised))

    def explain(self, text: str, normalised: str | None = None) -> Explanation:
        """The probability plus how much each whitespace-separated chunk contributed.

        A term's contribution is shared equally among its occurrences; a word bigram's share
        is split between its two words' chunks.
        """
        normalised = normalise(text) if normalised is None else normalised
        spans: list[tuple[int, int]] = []
        chunk_char_ids: list[tuple[int, ...]] = []
        token_chunk: list[int] = []  # for every word token, the chunk it sits in
        words: list[str] = []
        for number, match in enumerate(CHUNK_RE.finditer(normalised)):
            chunk = match.group()
            spans.append(match.span())
            chunk_char_ids.append(self._ids_for_chunk(chunk))
            for word in WORD_RE.findall(chunk):
                words.append(word)
                token_chunk.append(number)

        char_logit, char_parts = self._chars.contributions(
            [i for ids in chunk_char_ids for i in ids]
        )
        word_index = self._words.index
        grams = word_grams(words)
        gram_ids = [word_index.get(g) for g in grams]
        word_logit, word_parts = self._words.contributions([i for i in gram_ids if i is not None])

        per_chunk = [0.0] * len(spans)
        for number, ids in enumerate(chunk_char_ids):
            for term in ids:
                part, count = char_parts[term]
                per_chunk[number] += part / count
        n_words = len(words)
        for position, term in enumerate(gram_ids):
            if term is None:
                continue
            part, count = word_parts[term]
            share = part / count
            if position < n_words:  # unigram
                per_chunk[token_chunk[position]] += share
            else:  # bigram of words (k, k+1)
                k = position - n_words
                per_chunk[token_chunk[k]] += share / 2
                per_chunk[token_chunk[k + 1]] += share / 2

        signal_parts = self._signal_parts(text, normalised)
        logit = self.intercept + char_logit + word_logit + sum(signal_parts)
        return Explanation(
            probability=_sigmoid(logit),
            logit=logit,
            chunks=tuple(
                ChunkContribution(start, end, value)
                for (start, end), value in zip(spans, per_chunk, strict=True)
            ),
            signal_logits=dict(zip(SIGNAL_NAMES, signal_parts, strict=True)),
        )


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


_load_lock = threading.Lock()
_default_model: RuntimeModel | None = None


def default_model() -> RuntimeModel | None:
    """The shipped model, loaded once on first use; None when no trained model is present."""
    global _default_model
    if _default_model is None:
        with _load_lock:
            if _default_model is None:
                path = MODEL_DIR / RUNTIME_FILE
                if not path.exists():
                    return None
                _default_model = RuntimeModel.load(path)
    return _default_model
