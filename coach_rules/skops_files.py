"""Writing and reading the trained pipelines' skops files (trusting only listed types), and
publishing a pipeline with its checked runtime form."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sklearn.pipeline import Pipeline


def dump_pipeline(pipeline: Pipeline, path: Path) -> str:
    """Write `pipeline` to `path` with skops; the file's SHA-256."""
    import skops.io as sio

    sio.dump(pipeline, path, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_pipeline(path: Path, trusted_types: Iterable[str]) -> Pipeline:
    """Load a skops file, refusing any type outside `trusted_types`."""
    import skops.io as sio

    untrusted = sio.get_untrusted_types(file=path)
    unexpected = sorted(set(untrusted) - set(trusted_types))
    if unexpected:
        raise ValueError(f"{path.name} contains types we do not trust: {unexpected}")
    return sio.load(path, trusted=list(untrusted))


AGREEMENT_TOLERANCE = 1e-9  # the runtime form must reproduce the skops probabilities this closely


class RuntimeMismatchError(RuntimeError):
    """The exported runtime form does not reproduce the skops pipeline's probabilities."""


@dataclass(frozen=True)
class Published:
    """What `publish` wrote: the skops file is the source of truth, the runtime form its copy."""

    reloaded: Pipeline
    exported: dict
    model_sha256: str
    model_bytes: int
    runtime_sha256: str
    runtime_bytes: int
    agreement: dict[str, float]


def publish(
    pipeline: Pipeline,
    model_path: Path,
    runtime_path: Path,
    trusted_types: Iterable[str],
    export: Callable[[Pipeline, str], dict],
    largest_difference: Callable[[Pipeline, dict], float],
    check_texts: int,
) -> Published:
    """Write `pipeline` with skops, derive the runtime form from the file re-loaded (not from the
    object in memory), and write it only if it reproduces the pipeline's probabilities.

    `export(reloaded, model_sha256)` builds the runtime form; `largest_difference(reloaded,
    exported)` compares the two on the trainer's check texts (`check_texts` of them).
    """
    model_path.parent.mkdir(parents=True, exist_ok=True)
    model_sha256 = dump_pipeline(pipeline, model_path)
    reloaded = load_pipeline(model_path, trusted_types)
    exported = export(reloaded, model_sha256)
    difference = largest_difference(reloaded, exported)
    if difference > AGREEMENT_TOLERANCE:
        raise RuntimeMismatchError(
            f"{runtime_path.name}: runtime and skops probabilities differ by up to {difference:.2e}"
        )
    runtime_bytes = json.dumps(exported, separators=(",", ":")).encode("utf-8")
    runtime_path.write_bytes(runtime_bytes)
    return Published(
        reloaded=reloaded,
        exported=exported,
        model_sha256=model_sha256,
        model_bytes=model_path.stat().st_size,
        runtime_sha256=hashlib.sha256(runtime_bytes).hexdigest(),
        runtime_bytes=len(runtime_bytes),
        agreement={"texts": check_texts, "max_abs_difference": difference},
    )
