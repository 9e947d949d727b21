"""Cost of the intent guess on the lines it reads (issue 11).

Run:  .venv/bin/python bench/intent_bench.py

Pinned to one CPU core, as `bench/review_bench.py`. The lines are those the service hands to the
guess: lines of the development phrasing files (named one by one; never the held-out file)
that the rules return as "not a command" and the draft-or-chat gate does not call a draft. Each
is timed once after a warm-up pass over the others (so the measured call is not the model's
first load, which is timed on its own), for:
- the model alone (`guess_intent`): features, look-ups, a NumPy sum and a softmax;
- the whole offer (`guessed_offer`): the guess, the contact the line names and, for a guessed
  meeting, follow-up or snooze, one parse of the line from the name on.
Target: <= 0.2 ms p50 added on an unclear line. Lines the rules understand never reach it (the
call sits in the service's "not a command" branch after the gate:
`tests/core/test_intent_guess.py::test_a_line_the_rules_read_never_calls_the_guess`).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.core import intent_guess  # noqa: E402
from coach_rules.gate import classify_message  # noqa: E402
from tests.core.intent_training import address_book, load_files, unclear_lines  # noqa: E402


def pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    return "not pinned (no sched_setaffinity here)"


def percentiles(samples_ms: list[float]) -> tuple[float, float]:
    ordered = sorted(samples_ms)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered), p99


def timed(fn: Callable[[str, Sequence[str]], object], lines: list[tuple[str, list[str]]]) -> list:
    for text, names in lines:  # warm-up: caches and branch predictors, not the measured call
        fn(text, names)
    samples = []
    for text, names in lines:
        start = time.perf_counter()
        fn(text, names)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def main() -> int:
    pinned = pin_to_one_core()
    rows_by_file = load_files()
    unclear = unclear_lines(rows_by_file)
    lines = [
        (row["text"], address_book(rows_by_file[name]))
        for name, rows in unclear.items()
        for row in rows
        if classify_message(row["text"]).kind != "draft"
    ]
    start = time.perf_counter()
    model = intent_guess.default_intent_model()
    load_ms = (time.perf_counter() - start) * 1000
    assert model is not None, "no intent model: run python -m tests.core.intent_training"
    guess = timed(lambda text, names: intent_guess.guess_intent(text), lines)
    offer = timed(intent_guess.guessed_offer, lines)
    print(f"intent guess ({pinned}), {len(lines)} unclear lines from the development files")
    print(f"model load (first use): {load_ms:.0f} ms, {len(model.rows)} terms")
    print("| | p50 | p99 | target |")
    print("|---|---|---|---|")
    for title, samples in (
        ("guess alone", guess),
        ("whole offer (guess + contact + parse)", offer),
    ):
        p50, p99 = percentiles(samples)
        print(f"| {title} | {p50:.3f} ms | {p99:.3f} ms | <= 0.2 ms p50 |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
