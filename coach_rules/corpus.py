"""The labelled corpus: loading, validating, hashing and finding near duplicates."""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from coach_rules.guidelines import GUIDELINE_IDS
from coach_rules.reading import model_text
from coach_rules.splits import data_hash, writer_of

DATA_DIR = Path(__file__).resolve().parent / "data"
DRAFT_FILES_GLOB = "drafts_*.jsonl"
LABELS = ("ok", "flag")
# Ordered: the CLI offers them as `--kind` choices in this order.
KINDS = (
    "linkedin-note",
    "cold-email",
    "group-post",
    "event-follow-up",
    "intro-ask",
    "referral-ask",
    "reconnect",
    "thank-you",
    "job-seeker",
    "recruiter",
    "chat-dm",
)
MIN_WORDS = 1  # short notes ("congrats Amaka!! 🎉") are drafts too
MAX_WORDS = 250
NEAR_DUPLICATE_JACCARD = 0.6
SHINGLE_SIZE = 5
_ID_RE = re.compile(r"^[a-z]\d{4}$")
# Pasted-message rows (issue 15) also say which shape they are and what the sender wrote.
OPTIONAL_FIELDS = frozenset({"shape", "written"})


@dataclass(frozen=True)
class Draft:
    id: str
    text: str
    label: str
    kind: str
    rules: tuple[str, ...]
    source: str  # "file:line", for error messages
    shape: str | None = None  # pasted-message rows (issue 15): which shape the message is

    @property
    def is_flag(self) -> bool:
        return self.label == "flag"

    @property
    def writer(self) -> str:
        """Who wrote the row: each corpus file is one writer, named by what follows `drafts_`
        (`drafts_p.jsonl` -> "p", `drafts_bc.jsonl` -> "bc"). Rows read from elsewhere (members'
        feedback) fall back to the id's letter (`splits.writer_of`)."""
        return writer_of_source(self.source) or writer_of(self.id)

    @cached_property
    def model_input(self) -> str:
        """The draft as the coach reads it (`reading.model_text`): what the classifier is
        trained and evaluated on, exactly as `review` reads a pasted message."""
        return model_text(self.text)


class CorpusError(ValueError):
    """A corpus row is malformed. The message names the file and line."""


_WRITER_FILE_RE = re.compile(r"^drafts_([a-z0-9]+)\.jsonl:")


def writer_of_source(source: str) -> str | None:
    """The writer a corpus file's name gives ("drafts_bc.jsonl:12" -> "bc"); None elsewhere."""
    match = _WRITER_FILE_RE.match(source)
    return match.group(1) if match else None


def draft_files(data_dir: Path = DATA_DIR) -> list[Path]:
    return sorted(data_dir.glob(DRAFT_FILES_GLOB))


def word_count(text: str) -> int:
    return len(text.split())


def row_problems(row: object) -> list[str]:
    """Everything wrong with one parsed corpus row (empty when it is valid)."""
    if not isinstance(row, dict):
        return ["row is not a JSON object"]
    problems = []
    expected = {"id", "text", "label", "kind", "rules"}
    if not expected <= set(row) <= expected | OPTIONAL_FIELDS:
        problems.append(
            f"fields are {sorted(row)}, expected {sorted(expected)} "
            f"(and optionally {sorted(OPTIONAL_FIELDS)})"
        )
    if not isinstance(row.get("id"), str) or not _ID_RE.match(row["id"]):
        problems.append(f"id {row.get('id')!r} is not a letter and four digits")
    text = row.get("text")
    if not isinstance(text, str):
        problems.append("text is not a string")
    elif not MIN_WORDS <= word_count(text) <= MAX_WORDS:
        problems.append(f"text has {word_count(text)} words, expected {MIN_WORDS}-{MAX_WORDS}")
    if row.get("label") not in LABELS:
        problems.append(f"label {row.get('label')!r} is not one of {LABELS}")
    if row.get("kind") not in KINDS:
        problems.append(f"kind {row.get('kind')!r} is unknown")
    rules = row.get("rules")
    if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
        problems.append("rules is not a list of strings")
    else:
        unknown = [r for r in rules if r not in GUIDELINE_IDS]
        if unknown:
            problems.append(f"unknown guideline ids {unknown}")
    return problems


def read_drafts(paths: Iterable[Path], *, strict: bool = True) -> list[Draft]:
    """Read labelled drafts; `strict` raises on the first bad row, else bad rows are skipped."""
    drafts: list[Draft] = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                where = f"{path.name}:{number}"
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as error:
                    if strict:
                        raise CorpusError(f"{where}: not JSON ({error.msg})") from None
                    continue
                problems = row_problems(row)
                if problems:
                    if strict:
                        raise CorpusError(f"{where}: {'; '.join(problems)}")
                    continue
                drafts.append(
                    Draft(
                        id=row["id"],
                        text=row["text"],
                        label=row["label"],
                        kind=row["kind"],
                        rules=tuple(row["rules"]),
                        source=where,
                        shape=row.get("shape"),
                    )
                )
    return drafts


def load_corpus(data_dir: Path = DATA_DIR, *, strict: bool = True) -> list[Draft]:
    """Every `drafts_*.jsonl` in the data folder, sorted by id so the order is stable."""
    drafts = read_drafts(draft_files(data_dir), strict=strict)
    return sorted(drafts, key=lambda d: d.id)


def corpus_hash(drafts: Sequence[Draft]) -> str:
    """SHA-256 over (id, label, text) of every draft, in id order."""
    return data_hash([d.id, d.label, d.text] for d in drafts)


def _shingles(text: str, size: int) -> set[str]:
    canonical = " ".join(text.casefold().split())
    if len(canonical) < size:
        return {canonical}
    return {canonical[i : i + size] for i in range(len(canonical) - size + 1)}


def near_duplicate_pairs(
    texts: Sequence[str],
    threshold: float = NEAR_DUPLICATE_JACCARD,
    shingle_size: int = SHINGLE_SIZE,
) -> list[tuple[int, int, float]]:
    """All pairs (i, j, similarity) with character-shingle Jaccard similarity >= threshold.

    Exact, not sampled: a PPJoin similarity join (Xiao et al., 2008). Shingles are ranked
    rarest first; two sets with Jaccard >= t must share a shingle early in both rankings, and
    the position of the first shared one bounds how large their overlap can still get, so
    only a few candidate pairs are ever compared in full. Text is case-folded and
    whitespace-collapsed first.
    """
    token_ids: dict[str, int] = {}
    sets = [
        {token_ids.setdefault(s, len(token_ids)) for s in _shingles(text, shingle_size)}
        for text in texts
    ]
    frequency = Counter(itertools.chain.from_iterable(sets))
    rank_of = [0] * len(token_ids)
    for rank, token in enumerate(sorted(frequency, key=lambda tok: (frequency[tok], tok))):
        rank_of[token] = rank
    ranked = [sorted(map(rank_of.__getitem__, shingles)) for shingles in sets]

    index: dict[int, list[tuple[int, int]]] = defaultdict(list)  # token -> [(doc, position)]
    pairs: list[tuple[int, int, float]] = []
    t = threshold
    for x in sorted(range(len(sets)), key=lambda i: len(sets[i])):
        tokens = ranked[x]
        size = len(tokens)
        probe_prefix = size - _ceil(t * size) + 1
        overlaps: dict[int, int] = {}
        for i, token in enumerate(tokens[:probe_prefix]):
            for y, j in index.get(token, ()):
                seen = overlaps.get(y, 0)
                if seen < 0:
                    continue  # already ruled out
                other = len(ranked[y])
                if other < t * size:
                    overlaps[y] = -1
                    continue
                needed = _ceil(t / (1 + t) * (size + other))
                if seen + 1 + min(size - i - 1, other - j - 1) >= needed:
                    overlaps[y] = seen + 1
                else:
                    overlaps[y] = -1
        for y, seen in overlaps.items():
            if seen <= 0:
                continue
            inter = len(sets[x] & sets[y])
            similarity = inter / (size + len(sets[y]) - inter)
            if similarity >= t:
                pairs.append((min(x, y), max(x, y), similarity))
        index_prefix = size - _ceil(2 * t / (1 + t) * size) + 1
        for position, token in enumerate(tokens[:index_prefix]):
            index[token].append((x, position))
    return sorted(pairs)


def _ceil(value: float) -> int:
    whole = int(value)
    # Guard against 0.6 * 5 = 3.0000000000000004 style rounding pushing the prefix too short.
    return whole if value - whole < 1e-9 else whole + 1
