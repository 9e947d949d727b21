"""Which splitter finds the sender's own words best: ours, mail-parser-reply or quotequail?

Runs each on the labelled pasted-message sets (their `written` field is the sender's own words:
body plus P.S.) and prints, per splitter and set: exact matches of the written text (whitespace
collapsed), mean word-level F1 against it, and the time per message.

    python -m bench.parts_bench [--by-shape] [--show N] [--fixtures DIR]

`--fixtures DIR` also runs ours and mail-parser-reply on a folder of real reply e-mails (`*.txt`,
for example mail-parser-reply's own `test/emails/`) and lists where the two disagree, to read.

The libraries are optional here (not dependencies of the bot): a splitter whose library is not
installed is skipped with a note.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from coach_rules.parts import judged_text, split_parts

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "drafts_s (writer F, train)": ROOT / "coach_rules" / "data" / "drafts_s.jsonl",
    "unseen_shapes (G)": ROOT / "tests" / "data" / "unseen_shapes.jsonl",
}
_PS_LINE = re.compile(r"^\s*(?:p\.\s?p\.\s?s|p\.\s?s|ps\b|p\.\s?d)", re.IGNORECASE | re.MULTILINE)

Splitter = Callable[[str], str]


def ours(text: str) -> str:
    return judged_text(text, split_parts(text))


def _mail_parser_reply() -> Splitter | None:
    try:
        from mailparser_reply import EmailReplyParser
    except ImportError:
        return None
    parser = EmailReplyParser(languages=["en", "de", "fr", "es", "it", "nl", "pl", "sv", "da"])

    def split(text: str) -> str:
        message = parser.read(text)
        return message.replies[0].body if message.replies else text

    return split


def _quotequail() -> Splitter | None:
    try:
        import quotequail
    except ImportError:
        return None

    def split(text: str) -> str:
        # quotequail only finds quoted history; it leaves the signature in.
        kept = [chunk for own, chunk in quotequail.quote(text) if own]
        return "\n".join(kept)

    return split


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def word_f1(predicted: str, gold: str) -> float:
    p, g = Counter(_words(predicted)), Counter(_words(gold))
    overlap = sum((p & g).values())
    if not p and not g:
        return 1.0
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def same_words(predicted: str, gold: str) -> bool:
    return " ".join(predicted.split()) == " ".join(gold.split())


def measure(split: Splitter, rows: list[dict]) -> dict[str, float]:
    started = time.perf_counter()
    outputs = [split(row["text"]) for row in rows]
    elapsed = time.perf_counter() - started
    return {
        "exact": sum(same_words(o, r["written"]) for o, r in zip(outputs, rows, strict=True))
        / len(rows),
        "f1": statistics.fmean(
            word_f1(o, r["written"]) for o, r in zip(outputs, rows, strict=True)
        ),
        "us": elapsed / len(rows) * 1e6,
    }


def compare_on_fixtures(folder: Path) -> None:
    library = _mail_parser_reply()
    files = sorted(folder.glob("*.txt"))
    if library is None or not files:
        print("fixtures: needs mail-parser-reply installed and *.txt files in", folder)
        return
    differ = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        if not same_words(ours(text), library(text)):
            differ.append(path.name)
    print(f"fixtures in {folder}: ours and mail-parser-reply agree on {len(files) - len(differ)}")
    print(f"of {len(files)}; they differ on: {', '.join(differ)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print N misses of ours per set")
    parser.add_argument("--by-shape", action="store_true", help="exact matches of ours per shape")
    parser.add_argument("--fixtures", type=Path, help="folder of *.txt reply e-mails to compare on")
    args = parser.parse_args()
    if args.fixtures:
        compare_on_fixtures(args.fixtures)
    splitters: dict[str, Splitter | None] = {
        "ours (coach_rules.parts)": ours,
        "mail-parser-reply": _mail_parser_reply(),
        "quotequail": _quotequail(),
        "none (whole text)": lambda text: text,
    }
    for set_name, path in SETS.items():
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        print(f"\n{set_name}: {len(rows)} messages")
        print(f"  {'splitter':<26} {'exact written':>13} {'word F1':>8} {'µs/message':>11}")
        for name, split in splitters.items():
            if split is None:
                print(f"  {name:<26} (not installed)")
                continue
            m = measure(split, rows)
            print(f"  {name:<26} {m['exact']:>13.1%} {m['f1']:>8.3f} {m['us']:>11.0f}")
        if args.by_shape:
            shapes = sorted({r["shape"] for r in rows})
            for shape in shapes:
                subset = [r for r in rows if r["shape"] == shape]
                m = measure(ours, subset)
                print(f"    {shape:<24} {m['exact']:>7.1%} exact  F1 {m['f1']:.3f}")
        if args.show:
            misses = [r for r in rows if not same_words(ours(r["text"]), r["written"])]
            for row in misses[: args.show]:
                print("-" * 60, row["id"], row["shape"])
                print(row["text"])
                print("  >>> ours:")
                print(ours(row["text"]))


if __name__ == "__main__":
    main()
