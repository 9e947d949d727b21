"""Writing and reading the trained pipelines' skops files, trusting only listed types."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterable
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
