"""Instructions per review, counted by valgrind (callgrind) on a fixed workload.

Run:  .venv/bin/python bench/review_instructions.py [600|email|batch ...]

Wall time on a shared machine swings by a third between minutes; an instruction count of the
same code on the same drafts does not (runs agree to about 0.1%), so speed passes compare these.
Each workload runs in its own process under valgrind, after a warm-up like the review
benchmark's (every training draft reviewed once, then bench-like drafts stitched from training
drafts, so lazy imports and compiled patterns are paid for); only the timed part is counted:
- 600: `review()` of 100 held-out drafts stitched to 600 characters (the bench's seed);
- email: `review()` of 50 pasted e-mails (a held-out reply, a signature, a quoted thread);
- batch: `review_many()` of 400 held-out drafts, first sight (the warm-up is `review_many` of the
  training part, as the bench's first-sight processes do).
Needs valgrind and a C compiler (a three-line helper tells callgrind where counting starts and
stops). `PYTHONHASHSEED=0` and `OPENBLAS_NUM_THREADS=1` keep the counts repeatable.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORKLOADS = ("600", "email", "batch")
HELPER = """#include <valgrind/callgrind.h>
void start(void) { CALLGRIND_START_INSTRUMENTATION; CALLGRIND_TOGGLE_COLLECT; }
void stop(void) { CALLGRIND_TOGGLE_COLLECT; CALLGRIND_STOP_INSTRUMENTATION; }
"""


def run_workload(name: str, helper: str) -> None:
    """The workload itself, inside valgrind: warm up, then count only the timed part."""
    sys.path[:0] = [str(REPO), str(REPO / "bench")]
    from review_bench import drafts_of_length, pasted_emails

    from coach_rules import corpus, review, training
    from coach_rules.review import review_many

    counter = ctypes.CDLL(helper)
    card = json.loads((training.MODEL_DIR / training.CARD_FILE).read_text(encoding="utf-8"))
    held_out_ids = set(card["data"]["held_out_ids"])
    drafts = corpus.load_corpus(strict=False)
    seen = [d.text for d in drafts if d.id not in held_out_ids]
    held_out = [d.text for d in drafts if d.id in held_out_ids]
    if name == "batch":
        review_many(seen)
    else:
        for text in seen:
            review(text)
    for text in drafts_of_length(seen, 600, 50, seed=1) + pasted_emails(seen, 20):
        review(text)
    if name == "600":
        work = drafts_of_length(held_out, 600, 100, seed=600)
    elif name == "email":
        work = pasted_emails(held_out, 50)
    else:
        work = held_out[:400]
    counter.start()
    if name == "batch":
        review_many(work)
    else:
        for text in work:
            review(text)
    counter.stop()
    print(f"reviews {len(work)}", file=sys.stderr)


def count(name: str, helper: str) -> float:
    """Million instructions per review of workload `name`."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "OPENBLAS_NUM_THREADS": "1"}
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--instr-atstart=no",
            "--collect-atstart=no",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--inside",
            name,
            helper,
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    collected = int(re.search(r"Collected : (\d+)", done.stderr).group(1))
    reviews = int(re.search(r"^reviews (\d+)", done.stderr, re.MULTILINE).group(1))
    return collected / reviews / 1e6


def main() -> int:
    if sys.argv[1:2] == ["--inside"]:
        run_workload(sys.argv[2], sys.argv[3])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workloads", nargs="*", help=f"any of {', '.join(WORKLOADS)} (all)")
    args = parser.parse_args()
    unknown = set(args.workloads) - set(WORKLOADS)
    if unknown:
        parser.error(f"unknown workload(s): {', '.join(sorted(unknown))}")
    with tempfile.TemporaryDirectory() as tmp:
        source, helper = Path(tmp) / "counter.c", Path(tmp) / "counter.so"
        source.write_text(HELPER, encoding="utf-8")
        subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", helper, source], check=True)
        for name in args.workloads or WORKLOADS:
            print(f"{name:>6}: {count(name, str(helper)):.3f} million instructions per review")
    return 0


if __name__ == "__main__":
    sys.exit(main())
