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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from coach_rules.analysis import CHAR_MAX, CHAR_MIN, CHUNK_RE, chunk_char_grams, word_grams
from coach_rules.signals import SIGNAL_NAMES, WORD_RE, draft_signal_vector
from coach_rules.textnorm import normalise

FORMAT = "netcoach-runtime/2"
MODEL_DIR = Path(__file__).resolve().parent / "model"
RUNTIME_FILE = "draft_classifier.runtime.json"
_CHUNK_CACHE_LIMIT = 200_000
# A chunk's character n-gram ids, their summed weight, and its word tokens.
_ChunkEntry = tuple[tuple[int, ...], float, tuple[str, ...]]


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
    terms: Sequence[str],
    *,
    idf: Sequence[float],
    coef: Sequence[float],
    binary: bool,
    sublinear_tf: bool,
) -> dict:
    if not (binary or sublinear_tf):
        raise ValueError("the runtime implements binary or sublinear term frequencies only")
    weighted = [float(i) * float(c) for i, c in zip(idf, coef, strict=True)]
    return {
        "kind": "tfidf",
        "tf": "binary" if binary else "sublinear",
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
    """One TF-IDF block: l2-normalised tf * idf, dotted with the classifier's coefficients.

    The sums run in C (`sum(map(list.__getitem__, ids))`); only terms seen more than once
    need a Python-level correction when tf is sublinear.
    """

    __slots__ = ("binary", "idf_coef", "idf_squared", "index")

    def __init__(self, data: dict) -> None:
        self.index: dict[str, int] = {term: i for i, term in enumerate(data["terms"])}
        idf = _decode_floats(data["idf"])
        self.idf_squared = [v * v for v in idf]
        self.idf_coef = _decode_floats(data["idf_coef"])
        self.binary = data["tf"] == "binary"
        if not len(self.index) == len(idf) == len(self.idf_coef):
            raise ValueError("runtime model block is inconsistent")

    def sums(self, ids: list[int]) -> tuple[float, float]:
        """(dot product with the coefficients before normalising, l2 norm) for a draft."""
        if not ids:
            return 0.0, 0.0
        idf_squared, idf_coef = self.idf_squared, self.idf_coef
        if self.binary:
            unique: Iterable[int] = set(ids)
            squares = sum(map(idf_squared.__getitem__, unique))
            dot = sum(map(idf_coef.__getitem__, unique))
            return dot, math.sqrt(squares)
        counts = Counter(ids)
        squares = sum(map(idf_squared.__getitem__, counts))
        dot = sum(map(idf_coef.__getitem__, counts))
        if len(counts) < len(ids):
            log = math.log
            for term, count in counts.items():
                if count > 1:
                    tf = 1.0 + log(count)
                    squares += (tf * tf - 1.0) * idf_squared[term]
                    dot += (tf - 1.0) * idf_coef[term]
        return dot, math.sqrt(squares)

    def logit(self, ids: list[int]) -> float:
        dot, norm = self.sums(ids)
        return dot / norm if norm else 0.0


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
        self._chunks: dict[str, _ChunkEntry] = {}

    @classmethod
    def load(cls, path: Path) -> RuntimeModel:
        with path.open(encoding="utf-8") as handle:
            return cls(json.load(handle))

    def _chunk(self, chunk: str) -> _ChunkEntry:
        entry = self._chunks.get(chunk)
        if entry is None:
            index = self._chars.index
            ids = tuple(i for g in chunk_char_grams(chunk) if (i := index.get(g)) is not None)
            weight = sum(map(self._chars.idf_coef.__getitem__, ids))
            entry = (ids, weight, tuple(WORD_RE.findall(chunk)))
            if len(self._chunks) >= _CHUNK_CACHE_LIMIT:
                self._chunks.clear()
            self._chunks[chunk] = entry
        return entry

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

    def _word_ids(self, words: list[str]) -> list[int | None]:
        get = self._words.index.get
        return [get(g) for g in word_grams(words)]

    def logit(self, text: str, normalised: str | None = None) -> float:
        normalised = normalise(text) if normalised is None else normalised
        entries = [self._chunk(chunk) for chunk in CHUNK_RE.findall(normalised)]
        char_ids = list(chain.from_iterable(entry[0] for entry in entries))
        words = list(chain.from_iterable(entry[2] for entry in entries))
        word_ids = [i for i in self._word_ids(words) if i is not None]
        return (
            self.intercept
            + self._chars.logit(char_ids)
            + self._words.logit(word_ids)
            + sum(self._signal_parts(text, normalised))
        )

    def probability(self, text: str, normalised: str | None = None) -> float:
        return _sigmoid(self.logit(text, normalised))

    def explain(self, text: str, normalised: str | None = None) -> Explanation:
        """The probability plus how strongly each whitespace-separated chunk points to
        "hard sell".

        A chunk's score is the weight of its own character n-grams, plus its words' unigram
        weights and half of each word bigram it is part of, all normalised as in this draft.
        An n-gram that occurs in several chunks counts in each of them, so the chunk scores
        explain the verdict without being an exact split of the logit.
        """
        normalised = normalise(text) if normalised is None else normalised
        spans: list[tuple[int, int]] = []
        entries: list[_ChunkEntry] = []
        token_chunk: list[int] = []  # for every word token, the chunk it sits in
        for number, match in enumerate(CHUNK_RE.finditer(normalised)):
            entry = self._chunk(match.group())
            spans.append(match.span())
            entries.append(entry)
            token_chunk.extend([number] * len(entry[2]))

        char_dot, char_norm = self._chars.sums(list(chain.from_iterable(e[0] for e in entries)))
        words = list(chain.from_iterable(entry[2] for entry in entries))
        gram_ids = self._word_ids(words)
        word_dot, word_norm = self._words.sums([i for i in gram_ids if i is not None])

        per_chunk = [entry[1] / char_norm if char_norm else 0.0 for entry in entries]
        if word_norm:
            word_weight = self._words.idf_coef
            n_words = len(words)
            for position, term in enumerate(gram_ids):
                if term is None:
                    continue
                share = word_weight[term] / word_norm
                if position < n_words:  # unigram
                    per_chunk[token_chunk[position]] += share
                else:  # bigram of words (k, k + 1)
                    k = position - n_words
                    per_chunk[token_chunk[k]] += share / 2
                    per_chunk[token_chunk[k + 1]] += share / 2

        signal_parts = self._signal_parts(text, normalised)
        logit = (
            self.intercept
            + (char_dot / char_norm if char_norm else 0.0)
            + (word_dot / word_norm if word_norm else 0.0)
            + sum(signal_parts)
        )
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
