"""How the untrained rules read the training rows of two shapes, per file: referral links and
thread replies.

Run:  .venv/bin/python bench/shape_rule_confusions.py [--show CLASS ...]

The classifier was trained on these rows, so its in-sample verdicts say little; the rules were
not, so their misses here are fair to count. For `referral-link` rows: whether "an undisclosed
affiliate or referral link is found" agrees with the label and with `transparent-intent` in
`rules`, and the misses by class (`marker-missed`: a `flag` row naming `transparent-intent`
whose marker is not found; `disclosure-misread`: found but taken as disclosed; `ok-blocked`: an
`ok` row the rule blocks). For `thread-reply` rows: `no-group-plugging` found against the
`rules` field (`plug-missed`, `plug-on-ok`). `--show CLASS` prints those training rows too.
Reads only `coach_rules/data/drafts_*.jsonl`: never the held-out or unseen sets.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from coach_rules.links import affiliate_spans, undisclosed_affiliate_spans  # noqa: E402
from coach_rules.reading import read_message, sender_text  # noqa: E402
from coach_rules.rules import find_rule_hits  # noqa: E402
from coach_rules.textnorm import normalise  # noqa: E402

SHAPES = ("referral-link", "thread-reply")
TRAINING = sorted((REPO / "coach_rules" / "data").glob("drafts_*.jsonl"))
CLASSES = ("marker-missed", "disclosure-misread", "ok-blocked", "plug-missed", "plug-on-ok")


def referral_class(row: dict[str, object], found: bool, undisclosed: bool) -> str | None:
    flag, named = row["label"] == "flag", "transparent-intent" in row["rules"]  # type: ignore[operator]
    if flag and named and not undisclosed:
        return "disclosure-misread" if found else "marker-missed"
    if not flag and undisclosed:
        return "ok-blocked"
    return None


def thread_class(row: dict[str, object], plug: bool) -> str | None:
    named = "no-group-plugging" in row["rules"]  # type: ignore[operator]
    if named and not plug:
        return "plug-missed"
    if plug and row["label"] == "ok":
        return "plug-on-ok"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", nargs="*", choices=CLASSES, default=[])
    args = parser.parse_args()
    counts: Counter[tuple[str, str, str]] = Counter()
    for path in TRAINING:
        assert "holdout" not in path.name and "unseen" not in path.name
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            shape = row.get("shape")
            if shape not in SHAPES:
                continue
            reading = read_message(row["text"])
            key = (shape, path.stem.removeprefix("drafts_"))
            counts[(*key, "rows")] += 1
            if shape == "referral-link":
                found = bool(affiliate_spans(reading.own))
                undisclosed = bool(
                    undisclosed_affiliate_spans(reading.own, lambda r=reading: sender_text(r))
                )
                counts[(*key, "rule = label")] += undisclosed == (row["label"] == "flag")
                counts[(*key, "rule = transparent-intent")] += undisclosed == (
                    "transparent-intent" in row["rules"]
                )
                kind = referral_class(row, found, undisclosed)
            else:
                hits = find_rule_hits(reading.own, normalise(reading.plain))
                plug = any(hit.rule == "no-group-plugging" for hit in hits)
                counts[(*key, "rule = no-group-plugging")] += plug == (
                    "no-group-plugging" in row["rules"]
                )
                kind = thread_class(row, plug)
            if kind is not None:
                counts[(*key, kind)] += 1
                if kind in args.show:
                    print(f"--- {kind} {row['id']} {row['label']} rules={row['rules']}")
                    print(row["text"])
    for shape in SHAPES:
        print(shape)
        for (s, letter, what), n in sorted(counts.items()):
            if s == shape and what == "rows":
                rest = {
                    w: v for (s2, l2, w), v in sorted(counts.items()) if (s2, l2) == (s, letter)
                }
                rest.pop("rows")
                print(f"  {letter}: {n} rows, " + ", ".join(f"{w} {v}" for w, v in rest.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
