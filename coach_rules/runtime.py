"""The trained classifier in a compact runtime form: no scikit-learn or skops at run time.

`coach_rules.training` derives this form from the skops model at train time (the skops file
stays the source of truth) and checks that both give the same probabilities. Loading takes
tens of milliseconds (plus NumPy's import) instead of the seconds `import sklearn, skops.io`
costs. Scoring a draft looks up character n-grams per whitespace-separated chunk (cached, so
a common word costs one dictionary look-up) and does the per-term arithmetic in NumPy.

The maths is the pipeline's, term for term: TF-IDF with sublinear (or binary) tf and l2
normalisation per block, clipped standardised signals, then a logistic regression.
"""

from __future__ import annotations

import base64
import json
import math
import re
import threading
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from coach_rules.analysis import CHAR_MAX, CHAR_MIN, CHUNK_RE, chunk_char_grams
from coach_rules.signals import SIGNAL_NAMES, WORD_RE, draft_signal_vector
from coach_rules.textnorm import normalise

if TYPE_CHECKING:
    import numpy as np

FORMAT = "netcoach-runtime/2"
MODEL_DIR = Path(__file__).resolve().parent / "model"
RUNTIME_FILE = "draft_classifier.runtime.json"
_CHUNK_CACHE_LIMIT = 200_000
_match_start = re.Match.start
_match_end = re.Match.end
_IDS_OF_ENTRY = itemgetter(0)
_WORDS_OF_ENTRY = itemgetter(1)
_TOKENS_OF_ENTRY = itemgetter(2)
_CHAR_WEIGHT_OF_ENTRY = itemgetter(3)
# A chunk's character n-gram ids (packed int32 bytes, so a draft's ids join with b"".join and
# become one NumPy array without copying), its word tokens, their token ids (packed the same
# way) and the sum of its character n-grams' weights (for explanations).
_ChunkEntry = tuple[bytes, tuple[str, ...], bytes, float]


def _encode_floats(values: Sequence[float]) -> str:
    import numpy as np

    return base64.b64encode(np.asarray(values, dtype="<f8").tobytes()).decode("ascii")


def _decode_floats(encoded: str) -> np.ndarray:
    import numpy as np

    return np.frombuffer(base64.b64decode(encoded), dtype="<f8").astype(np.float64)


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
    """One TF-IDF block's weights: idf, and idf times the classifier's coefficients.

    One extra slot with zero weight and zero idf stands for "not in the vocabulary".
    """

    __slots__ = ("binary", "idf_coef", "idf_squared", "index", "unknown")

    def __init__(self, data: dict) -> None:
        import numpy

        self.index: dict[str, int] = {term: i for i, term in enumerate(data["terms"])}
        self.unknown = len(self.index)
        idf = numpy.append(_decode_floats(data["idf"]), 0.0)
        self.idf_squared = idf * idf
        self.idf_coef = numpy.append(_decode_floats(data["idf_coef"]), 0.0)
        self.binary = data["tf"] == "binary"
        if not len(self.index) + 1 == len(idf) == len(self.idf_coef):
            raise ValueError("runtime model block is inconsistent")


class _WordGrams:
    """Word-block term ids (unigrams, then bigrams) for a draft's word tokens, in NumPy.

    Every token the word vocabulary knows gets a small integer id (cached per chunk), so a
    bigram is looked up as the number `first * width + second` in a sorted array instead of
    building and hashing a "first second" string per word pair.
    """

    __slots__ = ("bigram_keys", "bigram_terms", "np", "token_index", "unigram_terms", "width")

    def __init__(self, block: _TfidfBlock) -> None:
        import numpy

        self.np = numpy
        self.token_index: dict[str, int] = {}
        unigrams: dict[int, int] = {}
        bigrams: list[tuple[str, str, int]] = []
        for term, term_id in block.index.items():
            first, _, second = term.partition(" ")
            if second:
                bigrams.append((first, second, term_id))
            else:
                unigrams[self._token_id(first)] = term_id
        for first, second, _ in bigrams:
            self._token_id(first)
            self._token_id(second)
        unknown_token = len(self.token_index)  # tokens outside the vocabulary share this id
        self.width = unknown_token + 1
        self.unigram_terms = numpy.full(self.width, block.unknown, dtype=numpy.intc)
        for token_id, term_id in unigrams.items():
            self.unigram_terms[token_id] = term_id
        keys = [
            self.token_index[first] * self.width + self.token_index[second]
            for first, second, _ in bigrams
        ]
        order = numpy.argsort(numpy.asarray(keys, dtype=numpy.int64), kind="stable")
        # A last key larger than any real one keeps every searchsorted position in range.
        self.bigram_keys = numpy.append(numpy.asarray(keys, dtype=numpy.int64)[order], 2**62)
        self.bigram_terms = numpy.append(
            numpy.asarray([bigrams[i][2] for i in order], dtype=numpy.intc), block.unknown
        )

    def _token_id(self, token: str) -> int:
        return self.token_index.setdefault(token, len(self.token_index))

    def token_ids(self, tokens: Sequence[str]) -> bytes:
        unknown = self.width - 1
        return array("i", map(self.token_index.get, tokens, repeat(unknown))).tobytes()

    def term_ids(self, tokens: np.ndarray) -> np.ndarray:
        """Unigram term ids of `tokens`, then the bigram term ids of each adjacent pair."""
        np = self.np
        unigrams = self.unigram_terms[tokens]
        if len(tokens) < 2:
            return unigrams
        keys = tokens[:-1].astype(np.int64)
        keys *= self.width
        keys += tokens[1:]
        positions = np.searchsorted(self.bigram_keys, keys)
        bigrams = self.bigram_terms[positions]
        bigrams[self.bigram_keys[positions] != keys] = self.bigram_terms[-1]
        return np.concatenate((unigrams, bigrams))


class _JointScorer:
    """Both TF-IDF blocks' sums for a draft from one sort of all its term ids.

    The word block's ids are shifted past the character block's, so one sorted array gives
    every term's count in both blocks; a term's tf is 1 + log(count) (or 1 when binary).
    """

    __slots__ = (
        "binary",
        "idf_coef",
        "idf_squared",
        "np",
        "offset",
        "tf_squared_table",
        "tf_table",
    )

    def __init__(self, chars: _TfidfBlock, words: _TfidfBlock) -> None:
        import numpy

        if chars.binary != words.binary:
            raise ValueError("the runtime needs the same tf scheme in both TF-IDF blocks")
        self.np = numpy
        self.binary = chars.binary
        self.offset = chars.unknown + 1
        self.idf_coef = numpy.concatenate((chars.idf_coef, words.idf_coef))
        self.idf_squared = numpy.concatenate((chars.idf_squared, words.idf_squared))
        # Sublinear tf = 1 + log(count) for every count below _TF_TABLE_SIZE, looked up rather
        # than computed per draft (the same ufunc, so the values are bit for bit the same).
        counts = numpy.arange(1, _TF_TABLE_SIZE, dtype=numpy.int64)
        self.tf_table = numpy.concatenate(([0.0], 1.0 + numpy.log(counts)))
        self.tf_squared_table = self.tf_table * self.tf_table

    def sums(self, char_ids: np.ndarray, gram_ids: np.ndarray) -> tuple[float, float, float, float]:
        """(dot with the coefficients, l2 norm) for the character block, then the word block."""
        np = self.np
        ids = np.concatenate((char_ids, gram_ids + self.offset))
        if not len(ids):
            return 0.0, 0.0, 0.0, 0.0
        ids.sort()
        first = np.empty(len(ids), dtype=bool)
        first[0] = True
        np.not_equal(ids[1:], ids[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        terms = ids[starts]
        if self.binary:
            tf = tf_squared = np.ones(len(terms))
        else:
            counts = np.empty_like(starts)  # run lengths: the next start (or the end) minus this
            np.subtract(starts[1:], starts[:-1], out=counts[:-1])
            counts[-1] = len(ids) - starts[-1]
            if len(ids) < _TF_TABLE_SIZE:  # every count fits the table
                tf, tf_squared = self.tf_table[counts], self.tf_squared_table[counts]
            else:
                tf = 1.0 + np.log(counts)
                tf_squared = tf * tf
        split = int(np.searchsorted(terms, self.offset))
        coef, squared = self.idf_coef[terms], self.idf_squared[terms]
        return (
            float(tf[:split] @ coef[:split]),
            math.sqrt(float(tf_squared[:split] @ squared[:split])),
            float(tf[split:] @ coef[split:]),
            math.sqrt(float(tf_squared[split:] @ squared[split:])),
        )


_TF_TABLE_SIZE = 4096


class Prepared(NamedTuple):
    """A normalised draft split into cached chunk entries, and its word tokens."""

    entries: list[_ChunkEntry]
    words: list[str]


class ChunkContribution(NamedTuple):
    start: int
    end: int
    logit: float  # how much this chunk pushed the draft towards "hard sell"


@dataclass(frozen=True)
class Analysis:
    """One draft as the model scored it (the underscored fields serve `chunk_scores`)."""

    probability: float
    logit: float
    signal_logits: dict[str, float]
    _normalised: str
    _entries: list[_ChunkEntry]
    _gram_ids: Any  # NumPy array of word-block term ids: unigrams, then bigrams
    _char_norm: float
    _word_norm: float


@dataclass(frozen=True)
class Explanation:
    probability: float
    logit: float
    chunks: tuple[ChunkContribution, ...]
    signal_logits: dict[str, float]


class RuntimeModel:
    def __init__(self, data: dict) -> None:
        import numpy

        self._np = numpy
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
        self._word_grams = _WordGrams(self._words)
        self._scorer = _JointScorer(self._chars, self._words)
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
            # Unknown n-grams map to the block's zero-weight slot, so no Python-level filter.
            chars = self._chars
            found = list(map(chars.index.get, chunk_char_grams(chunk), repeat(chars.unknown)))
            words = tuple(WORD_RE.findall(chunk))
            char_weight = float(chars.idf_coef[found].sum()) if found else 0.0
            entry = (
                array("i", found).tobytes(),
                words,
                self._word_grams.token_ids(words),
                char_weight,
            )
            if len(self._chunks) >= _CHUNK_CACHE_LIMIT:
                self._chunks.clear()
            self._chunks[chunk] = entry
        return entry

    def _signal_parts(
        self,
        text: str,
        normalised: str,
        words: list[str] | None = None,
        *,
        pronouns: tuple[int, int] | None = None,
        questions: int | None = None,
    ) -> list[float]:
        clip = self._signal_clip
        parts = []
        for value, mean, scale, coef in zip(
            draft_signal_vector(text, normalised, words, pronouns=pronouns, questions=questions),
            self._signal_mean,
            self._signal_scale,
            self._signal_coef,
            strict=True,
        ):
            scaled = (value - mean) / scale
            scaled = clip if scaled > clip else -clip if scaled < -clip else scaled
            parts.append(scaled * coef)
        return parts

    def _entries(self, normalised: str) -> list[_ChunkEntry]:
        chunks = CHUNK_RE.findall(normalised)
        entries = list(map(self._chunks.get, chunks))  # cache hits, looked up in C
        if None in entries:
            entries = [
                entry or self._chunk(chunk) for entry, chunk in zip(entries, chunks, strict=True)
            ]
        return entries

    def prepare(self, normalised: str) -> Prepared:
        """Split a normalised draft once, so `words` and `analyse` can share the work."""
        entries = self._entries(normalised)
        return Prepared(entries, list(chain.from_iterable(map(_WORDS_OF_ENTRY, entries))))

    def words(self, normalised: str) -> list[str]:
        """`signals.words_of(normalised)`, served from the per-chunk cache."""
        return self.prepare(normalised).words

    def analyse(
        self,
        text: str,
        normalised: str | None = None,
        *,
        prepared: Prepared | None = None,
        pronouns: tuple[int, int] | None = None,
        questions: int | None = None,
    ) -> Analysis:
        """Score a draft, keeping what `explain` needs to attribute the score to chunks.

        `prepared` (from `prepare(normalised)`), `pronouns` and `questions` (see
        `signals.draft_signal_vector`) may be passed when the caller already has them.
        """
        normalised = normalise(text) if normalised is None else normalised
        entries, words = self.prepare(normalised) if prepared is None else prepared
        np = self._np
        char_ids = np.frombuffer(b"".join(map(_IDS_OF_ENTRY, entries)), dtype=np.intc)
        tokens = np.frombuffer(b"".join(map(_TOKENS_OF_ENTRY, entries)), dtype=np.intc)
        gram_ids = self._word_grams.term_ids(tokens)
        char_dot, char_norm, word_dot, word_norm = self._scorer.sums(char_ids, gram_ids)
        signal_parts = self._signal_parts(
            text, normalised, words, pronouns=pronouns, questions=questions
        )
        logit = (
            self.intercept
            + (char_dot / char_norm if char_norm else 0.0)
            + (word_dot / word_norm if word_norm else 0.0)
            + sum(signal_parts)
        )
        return Analysis(
            probability=_sigmoid(logit),
            logit=logit,
            signal_logits=dict(zip(SIGNAL_NAMES, signal_parts, strict=True)),
            _normalised=normalised,
            _entries=entries,
            _gram_ids=gram_ids,
            _char_norm=char_norm,
            _word_norm=word_norm,
        )

    def logit(self, text: str, normalised: str | None = None) -> float:
        return self.analyse(text, normalised).logit

    def probability(self, text: str, normalised: str | None = None) -> float:
        return self.analyse(text, normalised).probability

    def explain(self, text: str, normalised: str | None = None) -> Explanation:
        return self.chunk_scores(self.analyse(text, normalised))

    def chunk_scores(self, analysis: Analysis) -> Explanation:
        """How strongly each whitespace-separated chunk points to "hard sell".

        A chunk's score is the weight of its own character n-grams, plus its words' unigram
        weights and half of each word bigram it is part of, all normalised as in this draft.
        An n-gram that occurs in several chunks counts in each of them, so the chunk scores
        explain the verdict without being an exact split of the logit.
        """
        np = self._np
        entries = analysis._entries
        word_norm = analysis._word_norm
        size = len(entries)
        per_chunk = np.fromiter(map(_CHAR_WEIGHT_OF_ENTRY, entries), np.float64, size)
        if analysis._char_norm:
            per_chunk /= analysis._char_norm
        else:
            per_chunk[:] = 0.0
        if word_norm:
            # The chunk each word token sits in; unigram weights go to it, a bigram's to both.
            words_per_chunk = np.fromiter(
                map(len, map(_WORDS_OF_ENTRY, entries)), np.int64, len(entries)
            )
            token_chunk = np.repeat(np.arange(len(entries)), words_per_chunk)
            n_words = len(token_chunk)
            shares = self._words.idf_coef[analysis._gram_ids]
            shares /= word_norm
            per_chunk += np.bincount(token_chunk, weights=shares[:n_words], minlength=size)
            if n_words > 1:
                halves = shares[n_words:] / 2
                per_chunk += np.bincount(token_chunk[:-1], weights=halves, minlength=size)
                per_chunk += np.bincount(token_chunk[1:], weights=halves, minlength=size)
        matches = list(CHUNK_RE.finditer(analysis._normalised))
        starts, ends = map(_match_start, matches), map(_match_end, matches)
        # tuple.__new__ builds each ChunkContribution in C, without a Python call per chunk.
        rows = zip(starts, ends, per_chunk.tolist(), strict=True)
        return Explanation(
            probability=analysis.probability,
            logit=analysis.logit,
            chunks=tuple(map(tuple.__new__, repeat(ChunkContribution), rows)),
            signal_logits=analysis.signal_logits,
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
