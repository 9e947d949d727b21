"""Walking an Adaptive Card (plain dicts and lists) for test assertions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

TEXT_KEYS = ("text", "title", "value")


def card_nodes(node: object) -> Iterator[dict[str, Any]]:
    """Every dict in the card, each before the ones nested in it, in document order."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from card_nodes(value)
    elif isinstance(node, list):
        for item in node:
            yield from card_nodes(item)


def card_texts(node: object, keys: tuple[str, ...] = TEXT_KEYS) -> list[str]:
    """Every string under one of `keys`: TextBlocks, facts and button titles."""
    return [n[key] for n in card_nodes(node) for key in keys if isinstance(n.get(key), str)]


def submits(node: object) -> list[dict[str, Any]]:
    """Every Action.Submit button in the card."""
    return [n for n in card_nodes(node) if n.get("type") == "Action.Submit"]
