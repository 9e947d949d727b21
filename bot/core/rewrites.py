"""Reading a line again in other words: the first rewrite that reads as a command of the kinds
it was written for wins (`said_another_way`, `asked_in_passing`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from bot.core import commands as c

Rewrite = tuple[str, tuple[type, ...]]


def first_reading(rewrites: Iterable[Rewrite], read: Callable[[str], c.Parsed]) -> c.Parsed | None:
    """The reading of the first rewritten line that is one of the kinds it was meant as."""
    for line, kinds in rewrites:
        result = read(line)
        if isinstance(result, kinds):
            return result
    return None
