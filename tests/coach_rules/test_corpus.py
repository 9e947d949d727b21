"""The labelled corpus: every row valid, enough of both classes, no (near) duplicates."""

import itertools
import json
import random
from collections import Counter

import pytest

from coach_rules import corpus

MIN_ROWS = 2000
MIN_CLASS_SHARE = 0.40


@pytest.fixture(scope="module")
def rows() -> list[tuple[str, int, object]]:
    """(file name, line number, parsed row or the JSON error) for every non-blank line."""
    found = []
    for path in corpus.draft_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                found.append((path.name, number, json.loads(line)))
            except json.JSONDecodeError as error:
                found.append((path.name, number, error))
    return found


@pytest.fixture(scope="module")
def drafts() -> list[corpus.Draft]:
    return corpus.load_corpus(strict=False)


def test_there_are_draft_files():
    assert corpus.draft_files(), "no coach_rules/data/drafts_*.jsonl files"


def test_every_row_is_valid(rows):
    problems = []
    for name, number, row in rows:
        if isinstance(row, json.JSONDecodeError):
            problems.append(f"{name}:{number}: not JSON")
            continue
        problems.extend(f"{name}:{number}: {p}" for p in corpus.row_problems(row))
    assert not problems, "\n".join(problems[:40])


def test_ids_are_unique_across_files(rows):
    ids = Counter(row["id"] for _, _, row in rows if isinstance(row, dict) and "id" in row)
    repeated = sorted(i for i, n in ids.items() if n > 1)
    assert not repeated, repeated[:40]


def test_the_corpus_is_big_enough_and_balanced(drafts):
    assert len(drafts) >= MIN_ROWS, f"{len(drafts)} valid rows, need {MIN_ROWS}"
    flag_share = sum(d.is_flag for d in drafts) / len(drafts)
    assert MIN_CLASS_SHARE <= flag_share <= 1 - MIN_CLASS_SHARE, f"flag share {flag_share:.3f}"


def test_every_kind_of_message_is_covered(drafts):
    kinds = Counter(d.kind for d in drafts)
    assert set(kinds) == set(corpus.KINDS)
    assert min(kinds.values()) >= 30, kinds


def test_no_exact_or_near_duplicates_across_all_files(drafts):
    pairs = corpus.near_duplicate_pairs([d.text for d in drafts])
    described = [
        f"{drafts[i].source} ~ {drafts[j].source} (Jaccard {similarity:.2f})"
        for i, j, similarity in pairs
    ]
    assert not pairs, f"{len(pairs)} near-duplicate pairs:\n" + "\n".join(described[:40])


def brute_force_pairs(texts, threshold):
    sets = [corpus._shingles(t, corpus.SHINGLE_SIZE) for t in texts]
    found = []
    for i, j in itertools.combinations(range(len(texts)), 2):
        similarity = len(sets[i] & sets[j]) / len(sets[i] | sets[j])
        if similarity >= threshold:
            found.append((i, j))
    return found


def test_the_fast_duplicate_finder_matches_brute_force():
    rng = random.Random(11)
    words = [
        "value",
        "first",
        "ask",
        "give",
        "intro",
        "coffee",
        "demo",
        "pitch",
        "thanks",
        "meetup",
        "guide",
        "call",
    ]
    base = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 30))) for _ in range(60)]
    texts = base + [
        t.replace(rng.choice(words), rng.choice(words), 1) + rng.choice(["", " ok", "!"])
        for t in base[:40]
    ]
    texts += ["", "abc", "ABC  ", "Abc"]
    for threshold in (0.3, 0.6, 0.9):
        fast = {(i, j) for i, j, _ in corpus.near_duplicate_pairs(texts, threshold)}
        assert fast == set(brute_force_pairs(texts, threshold))


def test_near_duplicates_ignore_case_and_spacing():
    pairs = corpus.near_duplicate_pairs(
        ["Thanks for the intro to Maya!", "thanks  for the intro to maya!", "Something else."]
    )
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]


def test_each_file_is_one_writer(drafts):
    """A row's writer is its file (`drafts_bc.jsonl` is writer "bc", though its ids start with
    "p" like `drafts_p.jsonl`'s), so leave-one-writer-out figures never mix two writers."""
    writers = {d.writer: d.source.split(":")[0] for d in drafts}
    assert all(name == f"drafts_{writer}.jsonl" for writer, name in writers.items())
    assert len(writers) == len(corpus.draft_files())
    row = corpus.Draft("p5001", "hi", "ok", "chat-dm", (), "drafts_bc.jsonl:1")
    assert row.writer == "bc"
    assert corpus.Draft("q0001", "hi", "ok", "chat-dm", (), "feedback.jsonl:3").writer == "q"
