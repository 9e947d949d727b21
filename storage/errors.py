"""Errors the store raises that say something to the caller."""

from __future__ import annotations


class UnstorableInput(ValueError):
    """The database refused a value it will always refuse (out of range, malformed): retrying
    cannot help. A `ValueError`, like the store's own checks of what fits."""


class UnitOfWorkFailed(RuntimeError):
    """A store call failed inside a unit of work; everything in it was rolled back.

    `permanent` when the database refused a value it will always refuse: the command's own
    answer (that retrying will not help) is then still the right one to deliver."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent
