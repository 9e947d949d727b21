"""Text a database can store: the one rule for characters that are dropped at the edge.

PostgreSQL `text` cannot hold NUL (`\\x00`), and no UTF-8 driver can send a lone surrogate
(JSON's `"\\ud800"` decodes to one). A write holding either fails every time it is retried, so
they are dropped where text comes in (the Slack and Teams edges) and again on every write and
lookup of the columns people type into (`StorableString`), whatever path the text took.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.engine import Dialect
from sqlalchemy.types import String, Text, TypeDecorator

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(text: str) -> str:
    """`text` without the characters a database refuses."""
    return _UNSTORABLE.sub("", text)


def storable_tree(value: Any) -> Any:
    """A parsed JSON value with `storable` applied to every string in it (keys included)."""
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, dict):
        return {storable_tree(key): storable_tree(item) for key, item in value.items()}
    if isinstance(value, list):
        return [storable_tree(item) for item in value]
    return value


class StorableString(TypeDecorator[str]):
    """A `String(length)` column that drops what `storable` drops."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else storable(value)


class StorableText(StorableString):
    """`Text` that drops what `storable` drops."""

    impl = Text
    cache_ok = True
