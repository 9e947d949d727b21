"""The trained classifier in a compact runtime form: no scikit-learn or skops at run time.

`coach_rules.training` derives this form from the skops model at train time (the skops file
stays the source of truth) and checks that both give the same probabilities. Loading takes
tens of milliseconds (plus NumPy's import) instead of the seconds `import sklearn, skops.io`
costs. Scoring a draft looks up character n-grams per whitespace-separated chunk (cached, so
a common word costs one dictionary look-up) and does the per-term arithmetic in NumPy.

`analyse_many` and `chunk_scores_many` score a block of drafts with one set of NumPy calls:
each draft's term ids are tagged with its number, sorted together, and summed per draft in
term order, so a draft gets bit for bit the same figures alone (`analyse`) or in a block.

The maths is the pipeline's, term for term: TF-IDF with sublinear (or binary) tf and l2
normalisation per block, clipped standardised signals, then a logistic regression.
"""

from __future__ import annotations

import base64
import json
import math
import threading
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, compress, repeat
from operator import itemgetter, not_
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from coach_rules import calibration
from coach_rules.analysis import CHAR_MAX, CHAR_MIN, chunk_char_grams
from coach_rules.charclass import chunk_spans_many
from coach_rules.chargrams import CharGramIndex
from coach_rules.metrics import threshold_for
from coach_rules.signals import SIGNAL_NAMES, WORD_RE, draft_signal_vector
from coach_rules.textnorm import normalise

if TYPE_CHECKING:
    import numpy as np

FORMAT = "netcoach-runtime/2"
MODEL_DIR = Path(__file__).resolve().parent / "model"
RUNTIME_FILE = "draft_classifier.runtime.json"
_CHUNK_CACHE_LIMIT = 200_000
_IDS_OF_ENTRY = itemgetter(0)
_WORDS_OF_ENTRY = itemgetter(1)
_TOKENS_OF_ENTRY = itemgetter(2)
# A chunk's character n-gram ids (packed int32 bytes, so a draft's ids join with b"".join and
# become one NumPy array without copying), its word tokens and their token ids (packed the
# same way).
_ChunkEntry = tuple[bytes, tuple[str, ...], bytes]
# Below this many unseen chunks, working them out one by one beats the NumPy set-up cost; and
# building the NumPy table the first time (about 10 ms) pays only from this many on.
_VECTOR_MIN_CHUNKS = 6
_VECTOR_BUILD_MIN_CHUNKS = 600


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
    length_calibration: calibration.Calibration | None = None,
    short_threshold: float | None = None,
) -> dict:
    return {
        "format": FORMAT,
        "source_sha256": source_sha256,
        "threshold": threshold,
        "short_threshold": short_threshold,
        "calibration": calibration.to_json(length_calibration or {}),
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

    def term_ids(self, tokens: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Unigram term ids of `tokens`, and the bigram term id of each adjacent pair.

        `tokens` may hold several drafts one after another; the caller drops the pairs that
        straddle two drafts.
        """
        np = self.np
        unigrams = self.unigram_terms[tokens]
        keys = tokens[:-1].astype(np.int64)
        keys *= self.width
        keys += tokens[1:]
        positions = np.searchsorted(self.bigram_keys, keys)
        bigrams = self.bigram_terms[positions]
        bigrams[self.bigram_keys[positions] != keys] = self.bigram_terms[-1]
        return unigrams, bigrams


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
        "row_shift",
        "term_mask",
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
        # A term id and its draft's number share one int64 sort key: the draft above the term.
        self.row_shift = len(self.idf_coef).bit_length()
        self.term_mask = (1 << self.row_shift) - 1
        # Sublinear tf = 1 + log(count) for every count below _TF_TABLE_SIZE, looked up rather
        # than computed per draft (the same ufunc, so the values are bit for bit the same).
        counts = numpy.arange(1, _TF_TABLE_SIZE, dtype=numpy.int64)
        self.tf_table = numpy.concatenate(([0.0], 1.0 + numpy.log(counts)))
        self.tf_squared_table = self.tf_table * self.tf_table

    def sums(self, ids_per_draft: Sequence[np.ndarray]) -> list[list[float]]:
        """Per draft: [character dot, character norm, word dot, word norm].

        `ids_per_draft` holds each draft's character ids followed by its word-block ids plus
        `offset`. All drafts are sorted together, each draft's terms in a run of its own, and
        every sum adds a draft's terms in term order, so a draft gets the same figures alone
        or in a batch.
        """
        np = self.np
        n = len(ids_per_draft)
        # The narrowest key that holds the draft number above the term id sorts fastest.
        key_type = np.uint32 if n << self.row_shift <= 1 << 32 else np.int64
        if n == 1:  # one draft (every single review): no draft numbers to add
            ids = ids_per_draft[0].astype(key_type)
        else:
            sizes = np.fromiter(map(len, ids_per_draft), np.int64, n)
            ids = np.concatenate(ids_per_draft).astype(key_type)
            ids |= (np.arange(n, dtype=key_type) << self.row_shift).repeat(sizes)
        if not len(ids):
            return [[0.0] * 4 for _ in range(n)]
        ids.sort()
        first = np.empty(len(ids), dtype=bool)
        first[0] = True
        np.not_equal(ids[1:], ids[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        keys = ids[starts]
        # Each draft has two bins: 2 * draft for its character terms, 2 * draft + 1 for words.
        if n == 1:
            terms = keys
            bins = terms >= self.offset
        else:
            terms = keys & self.term_mask
            bins = keys >> self.row_shift
            bins <<= 1
            bins += terms >= self.offset
        if self.binary:  # tf is 1: each term adds its weights as they are
            tf, tf_squared = self.idf_coef[terms], self.idf_squared[terms]
        else:
            counts = np.empty_like(starts)  # run lengths: the next start (or the end) minus this
            np.subtract(starts[1:], starts[:-1], out=counts[:-1])
            counts[-1] = len(ids) - starts[-1]
            if len(ids) < _TF_TABLE_SIZE or counts.max() < _TF_TABLE_SIZE:
                tf, tf_squared = self.tf_table[counts], self.tf_squared_table[counts]
            else:
                tf = 1.0 + np.log(counts)
                tf_squared = tf * tf
            tf *= self.idf_coef[terms]
            tf_squared *= self.idf_squared[terms]
        dots = np.bincount(bins, tf, 2 * n)
        norms = np.sqrt(np.bincount(bins, tf_squared, 2 * n))
        return np.column_stack((dots, norms)).reshape(n, 4).tolist()


_TF_TABLE_SIZE = 4096


class Prepared(NamedTuple):
    """A normalised draft split into cached chunk entries, and its word tokens."""

    entries: list[_ChunkEntry]
    words: list[str]


class DraftParts(NamedTuple):
    """A draft as `analyse_many` takes it: `prepared` is `prepare(normalised)`; `pronouns`
    and `questions` (see `signals.draft_signal_vector`) may be given when already counted."""

    text: str
    normalised: str
    prepared: Prepared
    pronouns: tuple[int, int] | None = None
    questions: int | None = None


class ChunkContribution(NamedTuple):
    start: int
    end: int
    logit: float  # how much this chunk pushed the draft towards "hard sell"


@dataclass(frozen=True)
class Analysis:
    """One draft as the model scored it (the underscored fields serve `chunk_scores`)."""

    probability: float  # calibrated for the draft's length (`coach_rules.calibration`)
    threshold: float  # flagged from this probability (`metrics.threshold_for` its length)
    logit: float  # the classifier's raw logit
    signal_logits: dict[str, float]
    raw_probability: float  # sigmoid(logit), what the skops pipeline gives
    _normalised: str
    _entries: list[_ChunkEntry]
    _unigram_ids: Any  # NumPy arrays of word-block term ids
    _bigram_ids: Any
    _char_norm: float
    _word_norm: float


@dataclass(frozen=True)
class Explanation:
    """Per whitespace-separated chunk of the draft: where it starts and ends, and its logit."""

    probability: float
    logit: float
    starts: list[int]
    ends: list[int]
    logits: list[float]
    signal_logits: dict[str, float]

    @property
    def chunks(self) -> tuple[ChunkContribution, ...]:
        return tuple(map(ChunkContribution, self.starts, self.ends, self.logits))


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
        short = data.get("short_threshold")
        self.short_threshold: float | None = None if short is None else float(short)
        self.intercept: float = float(data["intercept"])
        self.source_sha256: str = data["source_sha256"]
        self.calibration = calibration.from_json(data.get("calibration"))
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
        self._char_gram_index: CharGramIndex | None = None

    @classmethod
    def load(cls, path: Path) -> RuntimeModel:
        with path.open(encoding="utf-8") as handle:
            return cls(json.load(handle))

    def _chunk(self, chunk: str) -> _ChunkEntry:
        entry = self._chunks.get(chunk)
        if entry is None:
            # Unknown n-grams map to the block's zero-weight slot, so no Python-level filter.
            chars = self._chars
            found = map(chars.index.get, chunk_char_grams(chunk), repeat(chars.unknown))
            entry = self._entry(chunk, array("i", found).tobytes())
            if len(self._chunks) >= _CHUNK_CACHE_LIMIT:
                self._chunks.clear()
            self._chunks[chunk] = entry
        return entry

    def _entry(self, chunk: str, char_ids: bytes) -> _ChunkEntry:
        words = tuple(WORD_RE.findall(chunk))
        return char_ids, words, self._word_grams.token_ids(words)

    def cache_chunks(self, normalised_drafts: Iterable[str]) -> None:
        """Work out, all at once, the entries of every chunk of these drafts not cached yet.

        Optional: `prepare` works out a missing chunk by itself; for a batch of new drafts this
        is several times faster, and the entries are the same either way.
        """
        chunks = set(chain.from_iterable(map(str.split, normalised_drafts)))
        self._cache_missing(list(chunks.difference(self._chunks)))

    def _cache_missing(self, missing: list[str]) -> None:
        """The entries of `missing` (distinct chunks not cached) worked out all at once, when
        there are enough of them to pay for it; else nothing is done."""
        built = self._char_gram_index is not None
        if len(missing) < (_VECTOR_MIN_CHUNKS if built else _VECTOR_BUILD_MIN_CHUNKS):
            return
        grams = self._char_grams()
        if not grams.usable:
            return
        if len(self._chunks) + len(missing) > _CHUNK_CACHE_LIMIT:
            self._chunks.clear()
        entry = self._entry
        self._chunks.update(
            zip(missing, map(entry, missing, grams.ids_per_chunk(missing)), strict=True)
        )

    def _char_grams(self) -> CharGramIndex:
        # Built on first use: a single review in a fresh process does without it.
        if self._char_gram_index is None:
            chars = self._chars
            self._char_gram_index = CharGramIndex(chars.index, chars.unknown, CHAR_MIN, CHAR_MAX)
        return self._char_gram_index

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
        chunks = normalised.split()  # CHUNK_RE.findall, 3x faster: split() splits on \s too
        entries = list(map(self._chunks.get, chunks))  # cache hits, looked up in C
        if not all(entries):  # a cache miss (every entry is a non-empty tuple)
            # Many new chunks (a long draft of rare words) are worked out together, as
            # `cache_chunks` would; a few, one by one below.
            self._cache_missing(list(dict.fromkeys(compress(chunks, map(not_, entries)))))
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
        prepared = self.prepare(normalised) if prepared is None else prepared
        return self.analyse_many([DraftParts(text, normalised, prepared, pronouns, questions)])[0]

    def analyse_many(self, drafts: Sequence[DraftParts]) -> list[Analysis]:
        """`analyse` for several drafts, with the NumPy work done once for all of them.

        Each draft gets exactly the analysis `analyse` would give it alone.
        """
        if not drafts:
            return []
        np = self._np
        entries_per_draft = [draft.prepared.entries for draft in drafts]
        tokens_per_draft = [
            np.frombuffer(b"".join(map(_TOKENS_OF_ENTRY, entries)), dtype=np.intc)
            for entries in entries_per_draft
        ]
        all_tokens = tokens_per_draft[0] if len(drafts) == 1 else np.concatenate(tokens_per_draft)
        unigrams, bigrams = self._word_grams.term_ids(all_tokens)
        offset = self._scorer.offset
        shifted_unigrams, shifted_bigrams = unigrams + offset, bigrams + offset
        ids_per_draft, word_ids = [], []
        token_start = 0
        for entries, tokens in zip(entries_per_draft, tokens_per_draft, strict=True):
            token_end = token_start + len(tokens)
            pair_end = max(token_end - 1, token_start)  # the pair after the last token is not ours
            word_ids.append((unigrams[token_start:token_end], bigrams[token_start:pair_end]))
            ids_per_draft += (
                np.frombuffer(b"".join(map(_IDS_OF_ENTRY, entries)), dtype=np.intc),
                shifted_unigrams[token_start:token_end],
                shifted_bigrams[token_start:pair_end],
            )
            token_start = token_end
        # One array per draft: its character ids, then its word ids.
        joined = [np.concatenate(ids_per_draft[i : i + 3]) for i in range(0, len(ids_per_draft), 3)]
        sums = self._scorer.sums(joined)
        return [
            self._analysis(draft, draft_sums, draft_word_ids)
            for draft, draft_sums, draft_word_ids in zip(drafts, sums, word_ids, strict=True)
        ]

    def _analysis(
        self, draft: DraftParts, sums: list[float], word_ids: tuple[Any, Any]
    ) -> Analysis:
        char_dot, char_norm, word_dot, word_norm = sums
        signal_parts = self._signal_parts(
            draft.text,
            draft.normalised,
            draft.prepared.words,
            pronouns=draft.pronouns,
            questions=draft.questions,
        )
        logit = (
            self.intercept
            + (char_dot / char_norm if char_norm else 0.0)
            + (word_dot / word_norm if word_norm else 0.0)
            + sum(signal_parts)
        )
        raw = _sigmoid(logit)
        return Analysis(
            probability=calibration.calibrate_logit(
                self.calibration, logit, calibration.words_in(draft.text)
            )
            if self.calibration
            else raw,
            threshold=threshold_for(draft.text, self.threshold, self.short_threshold),
            logit=logit,
            signal_logits=dict(zip(SIGNAL_NAMES, signal_parts, strict=True)),
            raw_probability=raw,
            _normalised=draft.normalised,
            _entries=draft.prepared.entries,
            _unigram_ids=word_ids[0],
            _bigram_ids=word_ids[1],
            _char_norm=char_norm,
            _word_norm=word_norm,
        )

    def logit(self, text: str, normalised: str | None = None) -> float:
        return self.analyse(text, normalised).logit

    def probability(self, text: str, normalised: str | None = None) -> float:
        """The calibrated probability that the draft is a hard sell (compare with threshold)."""
        return self.analyse(text, normalised).probability

    def raw_probability(self, text: str, normalised: str | None = None) -> float:
        """The uncalibrated probability, as the skops pipeline computes it."""
        return self.analyse(text, normalised).raw_probability

    def explain(self, text: str, normalised: str | None = None) -> Explanation:
        return self.chunk_scores(self.analyse(text, normalised))

    def chunk_scores(self, analysis: Analysis) -> Explanation:
        """How strongly each whitespace-separated chunk points to "hard sell".

        A chunk's score is the weight of its own character n-grams, plus its words' unigram
        weights and half of each word bigram it is part of, all normalised as in this draft.
        An n-gram that occurs in several chunks counts in each of them, so the chunk scores
        explain the verdict without being an exact split of the logit.
        """
        return self.chunk_scores_many([analysis])[0]

    def chunk_scores_many(self, analyses: Sequence[Analysis]) -> list[Explanation]:
        """`chunk_scores` for several drafts at once; each gets what it would get alone."""
        if not analyses:
            return []
        np = self._np
        n = len(analyses)
        chunks_per_draft = [len(a._entries) for a in analyses]
        if n == 1:  # one draft (every single review): one pair of norms for all its chunks
            only = analyses[0]
            entries = only._entries
            char_norms, word_norms = only._char_norm, only._word_norm
            unigrams, bigrams = only._unigram_ids, only._bigram_ids
            pair_starts = np.arange(len(bigrams))
            pair_norms = 2 * word_norms
        else:
            entries = list(chain.from_iterable(a._entries for a in analyses))
            char_norms = np.array([a._char_norm for a in analyses]).repeat(chunks_per_draft)
            tokens_per_draft = np.fromiter((len(a._unigram_ids) for a in analyses), np.int64, n)
            word_norms = np.array([a._word_norm for a in analyses]).repeat(tokens_per_draft)
            unigrams = np.concatenate([a._unigram_ids for a in analyses])
            bigrams = np.concatenate([a._bigram_ids for a in analyses])
            # Every token but each draft's last starts a pair (a bigram) with the next one.
            last_token = tokens_per_draft.cumsum() - 1
            pair_starts = np.delete(np.arange(len(unigrams)), last_token[tokens_per_draft > 0])
            pair_norms = 2 * word_norms[pair_starts]
        n_chunks = len(entries)
        coef = self._words.idf_coef
        # Zero norms (no known n-grams) give zero scores rather than 0 / 0.
        per_chunk = np.zeros(n_chunks)
        # Each chunk's character n-gram weight: the sum over its ids (every chunk has some).
        char_ids = np.frombuffer(b"".join(map(_IDS_OF_ENTRY, entries)), dtype=np.intc)
        id_bytes = np.fromiter(map(len, map(_IDS_OF_ENTRY, entries)), np.int64, n_chunks)
        id_counts = id_bytes // char_ids.itemsize
        weights = (
            np.add.reduceat(self._chars.idf_coef[char_ids], np.cumsum(id_counts) - id_counts)
            if n_chunks
            else np.zeros(0)
        )
        np.divide(weights, char_norms, out=per_chunk, where=np.not_equal(char_norms, 0))

        # The chunk (numbered across all drafts) each word token sits in.
        words_per_chunk = np.fromiter(map(len, map(_WORDS_OF_ENTRY, entries)), np.int64, n_chunks)
        token_chunk = np.arange(n_chunks).repeat(words_per_chunk)
        shares = np.zeros(len(unigrams))
        np.divide(coef[unigrams], word_norms, out=shares, where=np.not_equal(word_norms, 0))
        per_chunk += np.bincount(token_chunk, weights=shares, minlength=n_chunks)

        # A bigram's weight goes half to each of its two tokens' chunks.
        if len(pair_starts):
            halves = np.zeros(len(bigrams))
            np.divide(coef[bigrams], pair_norms, out=halves, where=np.not_equal(pair_norms, 0))
            left, right = token_chunk[pair_starts], token_chunk[pair_starts + 1]
            per_chunk += np.bincount(left, weights=halves, minlength=n_chunks)
            per_chunk += np.bincount(right, weights=halves, minlength=n_chunks)

        scores = per_chunk.tolist()
        explanations = []
        first = 0
        spans_per_draft = chunk_spans_many([a._normalised for a in analyses])
        for analysis, count, spans in zip(analyses, chunks_per_draft, spans_per_draft, strict=True):
            explanations.append(
                Explanation(
                    probability=analysis.probability,
                    logit=analysis.logit,
                    starts=spans[0::2],
                    ends=spans[1::2],
                    logits=scores[first : first + count],
                    signal_logits=analysis.signal_logits,
                )
            )
            first += count
        return explanations


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
