"""The held-out split, the data hash and the leave-one-writer-out predictions the trained models
use (drafts, gate, touches).

A row's place in its stratum is a seeded hash of its id, so the split is deterministic and
mostly stable as the data grows: only how many of each stratum are held out changes.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

SEED = 20240611
HELD_OUT_SHARE = 0.2

Row = TypeVar("Row")


def held_out_ids(
    rows: Sequence[Row],
    *,
    row_id: Callable[[Row], str],
    stratum: Callable[[Row], Hashable],
    salt: str = "",
    share: float = HELD_OUT_SHARE,
) -> set[str]:
    """The ids held out: in each stratum, the first `share` of its rows in seeded hash order."""
    strata: dict[Hashable, list[Row]] = {}
    for row in rows:
        strata.setdefault(stratum(row), []).append(row)
    held: set[str] = set()
    for members in strata.values():
        ordered = sorted(
            members,
            key=lambda row: hashlib.sha256(f"{SEED}:{salt}{row_id(row)}".encode()).hexdigest(),
        )
        held.update(row_id(row) for row in ordered[: math.floor(len(ordered) * share + 0.5)])
    return held


def split(
    rows: Sequence[Row], held: set[str], row_id: Callable[[Row], str]
) -> tuple[list[Row], list[Row]]:
    """(training, held out), each in the rows' own order."""
    return [r for r in rows if row_id(r) not in held], [r for r in rows if row_id(r) in held]


def data_hash(rows: Iterable[Sequence[object]]) -> str:
    """SHA-256 over the rows' JSON lists (id first), in id order."""
    digest = hashlib.sha256()
    for row in sorted(rows, key=lambda row: str(row[0])):
        digest.update(json.dumps(list(row)).encode("utf-8") + b"\n")
    return digest.hexdigest()


def writer_of(row_id: str) -> str:
    """Each corpus file was written by a different person; the id's letter names the file."""
    return row_id[0]


def predictions_by_unseen_writer(
    writers: Sequence[str | None],
    fit_predict: Callable[[list[int], list[int]], Sequence[float]],
) -> dict[int, float]:
    """For each row with a writer, the prediction of a model fitted on every row that writer did
    not write: `fit_predict(train_rows, predict_rows)`. Rows without a writer (None) are always
    trained on and never predicted."""
    out: dict[int, float] = {}
    for writer in sorted({w for w in writers if w is not None}):
        unseen = [i for i, w in enumerate(writers) if w == writer]
        seen = [i for i, w in enumerate(writers) if w != writer]
        out.update(zip(unseen, fit_predict(seen, unseen), strict=True))
    return out
