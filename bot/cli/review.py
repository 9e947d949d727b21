"""`netcoach review`: review a draft (argument, --file, or - for stdin) or a JSONL batch.

Exit codes: 0 reviewed; 1 a batch had failing lines; 2 nothing usable to review (empty,
too long, unreadable, not UTF-8).
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING

from coach_rules.corpus import KINDS

if TYPE_CHECKING:
    from coach_rules.review import Review

# Read at most this many bytes of a single draft: 4 bytes per character covers any UTF-8 text
# of 40,000 characters, and one more byte tells us it is longer.
MAX_CHARACTERS = 40_000
MAX_DRAFT_BYTES = 4 * MAX_CHARACTERS + 1
BATCH_LINES = 256  # --jsonl lines read and reviewed together
# The longest --jsonl line read: a 40,000-character text, every character escaped as a JSON
# surrogate pair ("\\ud83d\\ude80", 12 bytes for two characters, 6 a character), plus room for
# other fields. A longer line is skipped a chunk at a time, never held in memory whole.
MAX_LINE_BYTES = 6 * MAX_CHARACTERS + 64 * 1024
_SKIP_CHUNK = 1 << 16


class InputError(Exception):
    """The draft could not be read; the message says what to do."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="?", help='the draft to review, or "-" to read stdin')
    parser.add_argument("--file", metavar="PATH", help="read the draft from a UTF-8 text file")
    parser.add_argument(
        "--jsonl",
        metavar="FILE",
        help='review a batch: one JSON object with a "text" field per line ("-" for stdin)',
    )
    parser.add_argument("--json", action="store_true", help="print the review as one JSON object")
    parser.add_argument("--kind", choices=KINDS, help="the kind of message, for length advice")
    parser.add_argument(
        "--as-draft",
        action="store_true",
        help="review the text even when it reads as chat to the coach rather than a draft",
    )


# ---------------------------------------------------------------- reading input


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{where} is not valid UTF-8 text (bad byte at position {error.start}). "
            "Save it as UTF-8 and try again."
        ) from None


def _read_limited(handle: IO[bytes], where: str) -> str:
    data = handle.read(MAX_DRAFT_BYTES)
    if len(data) >= MAX_DRAFT_BYTES:
        raise InputError(
            _too_long_message(f"{where} holds more than {MAX_CHARACTERS:,} characters")
        )
    return _decode(data, where)


def _too_long_message(what: str) -> str:
    return (
        f"{what}; Slack messages stop at {MAX_CHARACTERS:,}, so the coach reviews at most that. "
        "Shorten the draft: a LinkedIn note fits in 300 characters and cold emails do best at "
        "50-125 words."
    )


def _check_text(text: str, where: str) -> str:
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        raise InputError(f"{where} is not valid UTF-8 text. Check the encoding and try again.")
    if len(text) > MAX_CHARACTERS:
        raise InputError(_too_long_message(f"The draft is {len(text):,} characters long"))
    return text


def read_draft(args: argparse.Namespace, stdin: IO[bytes]) -> str:
    if args.file is not None:
        path = Path(args.file)
        try:
            with path.open("rb") as handle:
                return _check_text(_read_limited(handle, str(path)), str(path))
        except FileNotFoundError:
            raise InputError(f"There is no file {str(path)!r}.") from None
        except IsADirectoryError:
            raise InputError(f"{str(path)!r} is a folder, not a text file.") from None
        except PermissionError:
            raise InputError(f"{str(path)!r} cannot be read (permission denied).") from None
    if args.text == "-":
        return _check_text(_read_limited(stdin, "standard input"), "standard input")
    return _check_text(args.text, "The draft")


# ---------------------------------------------------------------- output shapes


def _round(probability: float) -> float:
    return round(probability, 4)


def batch_result(review: Review) -> dict[str, object]:
    return {
        "kind": review.kind,
        "judged": review.judged,
        "flagged": review.flagged,
        "score": review.score,
        "probability": _round(review.probability),
        "findings": [
            {"rule": f.rule, "message": f.message, "spans": [list(s) for s in f.spans]}
            for f in review.findings
        ],
        "parts": [part.to_dict() for part in review.parts],
    }


def full_result(review: Review, text: str) -> dict[str, object]:
    return {
        "kind": review.kind,
        "flagged": review.flagged,
        "judged": review.judged,
        "score": review.score,
        "probability": _round(review.probability),
        "findings": [
            {
                "rule": f.rule,
                "source": f.source,
                "message": f.message,
                "advice": f.advice,
                "weight": f.weight,
                "spans": [list(s) for s in f.spans],
                "phrases": [text[s:e] for s, e in f.spans],
            }
            for f in review.findings
        ],
        "advice": [{"rule": rule, "advice": advice} for rule, advice in review.advice],
        "score_breakdown": [{"reason": r, "points": p} for r, p in review.score_breakdown],
        "signals": review.signals,
        "notes": list(review.notes),
        "parts": [part.to_dict() for part in review.parts],
    }


# ---------------------------------------------------------------- readable output

_RESET = "\x1b[0m"
_STYLES = {"flag": "\x1b[1;31m", "ok": "\x1b[1;32m", "mark": "\x1b[1;4;33m", "dim": "\x1b[2m"}


class _Painter:
    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def __call__(self, style: str, text: str) -> str:
        return f"{_STYLES[style]}{text}{_RESET}" if self.colour else text

    def marked(self, text: str, spans: Iterable[tuple[int, int]]) -> str:
        """The draft with every span highlighted (ANSI on a terminal, [[...]] otherwise)."""
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        pieces, position = [], 0
        for start, end in merged:
            pieces.append(text[position:start])
            phrase = text[start:end]
            pieces.append(self("mark", phrase) if self.colour else f"[[{phrase}]]")
            position = end
        pieces.append(text[position:])
        return "".join(pieces)


def _indent(text: str, prefix: str = "  ") -> str:
    return "\n".join(prefix + line for line in text.splitlines()) or prefix


def _probability(review: Review, text: str) -> str:
    """The probability beside the line it flags from, so a pass at 66% reads right."""
    from coach_rules.metrics import threshold_for
    from coach_rules.reading import model_text
    from coach_rules.runtime import default_model

    model = default_model()
    line = ""
    if model is not None:
        threshold = threshold_for(model_text(text), model.threshold, model.short_threshold)
        line = f"; flagged from {threshold:.0%}"
    return f"(hard-sell probability {review.probability:.0%}{line})"


def render(review: Review, text: str, colour: bool) -> str:
    paint = _Painter(colour)
    lines: list[str] = []
    if review.kind == "chat":
        lines.append(paint("dim", "Not judged: this reads as chat, not a draft."))
    elif not review.judged:
        lines.append(paint("dim", "Not judged."))
    elif review.flagged:
        lines.append(
            f"{paint('flag', 'Reads as a hard sell.')}  Value-first score {review.score}/100"
            f"  {_probability(review, text)}"
        )
    else:
        lines.append(
            f"{paint('ok', 'Reads as value-first.')}  Value-first score {review.score}/100"
            f"  {_probability(review, text)}"
        )
    for note in review.notes:
        lines.append(textwrap.fill(note, width=88, initial_indent="Note: ", subsequent_indent="  "))

    if review.judged:
        lines += ["", "Your draft (highlighted: the phrases behind each finding)"]
        lines.append(_indent(paint.marked(text, (s for f in review.findings for s in f.spans))))

    if review.findings:
        lines += ["", "What to change"]
        advised: set[str] = set()  # each guideline's advice is printed once
        for finding in review.findings:
            origin = "classifier" if finding.source == "model" else "rule"
            lines.append(f"  x {finding.rule} ({origin}, {finding.weight:+d}): {finding.message}")
            quoted = ", ".join(f'"{text[s:e]}"' for s, e in finding.spans)
            if quoted:
                lines.append(
                    textwrap.fill(quoted, 88, initial_indent="      ", subsequent_indent="      ")
                )
            if finding.rule not in advised:
                advised.add(finding.rule)
                lines.append(
                    textwrap.fill(
                        finding.advice,
                        88,
                        initial_indent="      advice: ",
                        subsequent_indent="      ",
                    )
                )

    strengths = review.signals.get("strengths") or []
    if strengths:
        lines += ["", "What works"]
        for strength in strengths:  # type: ignore[attr-defined]
            quoted = ", ".join(f'"{text[s:e]}"' for s, e in strength["spans"])
            lines.append(f"  + {strength['what']}: {quoted}")

    if review.judged:
        lines += ["", "How the score adds up"]
        for reason, points in review.score_breakdown:
            lines.append(f"  {points:+4d}  {reason}")
        lines.append(f"  {'=':>4}  {review.score}")

    signals = review.signals
    if signals:
        lines += ["", "Craft"]
        lines.append(f"  length:        {signals['length']}")
        lines.append(f"  reading level: {signals['reading']}")
        lines.append(f"  questions:     {signals['questions_verdict']}")
        lines.append(f"  I/we vs you:   {signals['balance']}")
    return "\n".join(lines)


# ---------------------------------------------------------------- batch


class _Overlong:
    """Stands for a --jsonl line over MAX_LINE_BYTES (skipped unread)."""


OVERLONG = _Overlong()


def _bounded_lines(handle: IO[bytes], limit: int = MAX_LINE_BYTES) -> Iterator[bytes | _Overlong]:
    """The lines of `handle`; a line longer than `limit` bytes is read past in chunks and given
    as OVERLONG, so memory stays bounded whatever the input holds."""
    while line := handle.readline(limit):
        if len(line) < limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := handle.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
            pass
        yield OVERLONG


def _batch_lines(source: str, stdin: IO[bytes]) -> Iterator[bytes | _Overlong]:
    if source == "-":
        yield from _bounded_lines(stdin)
        return
    try:
        with Path(source).open("rb") as handle:
            yield from _bounded_lines(handle)
    except FileNotFoundError:
        raise InputError(f"There is no file {source!r}.") from None
    except IsADirectoryError:
        raise InputError(f"{source!r} is a folder, not a JSONL file.") from None
    except PermissionError:
        raise InputError(f"{source!r} cannot be read (permission denied).") from None


def _batch_line_text(raw: bytes | _Overlong, number: int) -> str | dict[str, object]:
    """The draft on one JSONL line, or the {"error": ...} result that line gets instead."""
    if isinstance(raw, _Overlong):
        return {
            "error": f"line {number} is over {MAX_LINE_BYTES:,} bytes, longer than any draft "
            f"of {MAX_CHARACTERS:,} characters; it was skipped"
        }
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return {"error": f"line {number} is not valid UTF-8"}
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        return {
            "error": f"line {number} is not JSON ({error.msg}): each line must be an object "
            'such as {"text": "Hi Ana, …"}; to review one plain draft, use `netcoach review -`'
        }
    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
        return {"error": f'line {number} has no string "text" field'}
    text = row["text"]
    if not text.strip():
        return {"error": f"line {number}: nothing to review (the text is empty)"}
    if len(text) > MAX_CHARACTERS:
        return {"error": f"line {number}: the text is over {MAX_CHARACTERS:,} characters"}
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        return {"error": f"line {number}: the text holds invalid surrogate characters"}
    return text


def _batch_block_results(
    lines: list[tuple[int, bytes | _Overlong]], kind: str | None, gate: bool = True
) -> list[dict[str, object]]:
    from coach_rules.review import review_many

    read = [
        _batch_line_text(raw if isinstance(raw, _Overlong) else raw.rstrip(b"\r\n"), number)
        for number, raw in lines
    ]
    texts = [r for r in read if isinstance(r, str)]
    reviews = iter(review_many(texts, kind=kind, gate=gate))
    return [batch_result(next(reviews)) if isinstance(r, str) else r for r in read]


def run_batch(
    source: str,
    stdin: IO[bytes],
    stdout: IO[str],
    kind: str | None = None,
    gate: bool = True,
) -> int:
    """Review a JSONL batch, one output line per input line, in order.

    Lines are reviewed a block at a time (`review_many` is faster that way); a person typing
    lines into a terminal gets each answer straight away instead.
    """
    interactive = source == "-" and stdin.isatty()
    block_size = 1 if interactive else BATCH_LINES
    failed = False
    numbered = enumerate(_batch_lines(source, stdin), start=1)
    while block := list(islice(numbered, block_size)):
        for result in _batch_block_results(block, kind, gate):
            failed = failed or "error" in result
            stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        stdout.flush()
    return 1 if failed else 0


# ---------------------------------------------------------------- entry point


def run(args: argparse.Namespace) -> int:
    stdin = sys.stdin.buffer
    given = [args.text is not None, args.file is not None, args.jsonl is not None]
    if sum(given) > 1:
        print(
            "Give the draft one way only: text, --file PATH, - for stdin, or --jsonl.",
            file=sys.stderr,
        )
        return 2
    try:
        if args.jsonl is not None:
            return run_batch(args.jsonl, stdin, sys.stdout, kind=args.kind, gate=not args.as_draft)
        if not any(given):
            print(
                'Nothing to review: pass the draft as text, "-" for stdin, --file PATH or '
                "--jsonl FILE.",
                file=sys.stderr,
            )
            return 2
        text = read_draft(args, stdin)
    except InputError as error:
        print(error, file=sys.stderr)
        return 2
    if not text.strip():
        print("Nothing to review: the draft is empty.", file=sys.stderr)
        return 2

    from coach_rules import review

    result = review(text, kind=args.kind, gate=not args.as_draft)
    if args.json:
        print(json.dumps(full_result(result, text), ensure_ascii=False))
    else:
        print(render(result, text, colour=sys.stdout.isatty()))
    return 0
