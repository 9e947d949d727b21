"""Dump every review result as JSON, so a speed change can be checked to change no output.

Run:  .venv/bin/python bench/review_equivalence.py OUT.jsonl
Then, after a change, dump again and compare the two files byte for byte (`cmp`).

Reviewed: every row of coach_rules/data/*.jsonl and tests/data/unseen_*.jsonl, four ways
(`review(text)`, `review(text, kind=row kind)`, `review(text, gate=True)` and all texts at once
through `review_many`), plus the drafts the review benchmark times (stitched to 100, 600 and
2,000 characters, and pasted e-mails). Each line holds where the text came from and the whole
`Review` (score, verdict, probability, findings with spans, breakdown, signals, notes, parts,
advice). Prints only counts and the dump's SHA-256: never the texts of the evaluation sets.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import asdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from review_bench import LENGTHS, drafts_of_length, pasted_emails  # noqa: E402

from coach_rules import review  # noqa: E402
from coach_rules.review import Review, review_many  # noqa: E402

SOURCES = sorted((REPO / "coach_rules" / "data").glob("*.jsonl")) + sorted(
    (REPO / "tests" / "data").glob("unseen_*.jsonl")
)
STITCHED_PER_LENGTH = 200


def as_json(result: Review) -> dict[str, object]:
    data = asdict(result)
    data["rule_ids"] = list(result.rule_ids)
    data["advice"] = [list(pair) for pair in result.advice]
    return data


def rows() -> list[tuple[str, str, str | None]]:
    """(where, text, kind) for every corpus and unseen row."""
    found = []
    for path in SOURCES:
        assert "holdout" not in path.name
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    row = json.loads(line)
                    kind = row.get("kind")
                    found.append((f"{path.name}:{number}", row["text"], kind))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    args = parser.parse_args()

    texts = rows()
    corpus_texts = [t for where, t, _ in texts if not where.startswith("unseen")]
    stitched = [
        (f"stitched-{length}:{i}", draft, None)
        for length in LENGTHS
        for i, draft in enumerate(
            drafts_of_length(corpus_texts, length, STITCHED_PER_LENGTH, seed=length)
        )
    ]
    emails = [(f"email:{i}", e, None) for i, e in enumerate(pasted_emails(corpus_texts, 200))]
    everything = texts + stitched + emails

    lines = []
    for where, text, kind in everything:
        lines.append({"where": where, "how": "review", "review": as_json(review(text))})
        if isinstance(kind, str):
            result = review(text, kind=kind)
            lines.append({"where": where, "how": f"kind={kind}", "review": as_json(result)})
        result = review(text, gate=True)
        lines.append({"where": where, "how": "gate", "review": as_json(result)})
    batch = review_many(t for _, t, _ in everything)
    for (where, _, _), result in zip(everything, batch, strict=True):
        lines.append({"where": where, "how": "review_many", "review": as_json(result)})

    dump = "".join(json.dumps(line, sort_keys=True, ensure_ascii=False) + "\n" for line in lines)
    args.out.write_text(dump, encoding="utf-8")
    digest = hashlib.sha256(dump.encode("utf-8")).hexdigest()
    print(f"{len(everything)} texts, {len(lines)} reviews, sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
