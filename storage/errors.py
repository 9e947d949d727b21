"""Errors the store raises that say something to the caller."""

from __future__ import annotations


class UnstorableInput(ValueError):
    """The database refused a value it will always refuse (out of range, malformed): retrying
    cannot help. A `ValueError`, like the store's own checks of what fits."""
