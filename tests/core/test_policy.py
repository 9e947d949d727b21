"""The follow-up rules live in `bot.core.rules`; every sentence that names one is built from it."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from bot.core import help as help_module
from bot.core import rules

CORE = Path(rules.__file__).parent
# A rule's number written into a sentence by hand: "10-day window", "within 10 days", "day 9",
# "14 days later", "Snooze 2 days". Examples of what members type ("in 2 days") are not rules.
_RULE_WORDS = re.compile(
    r"\b\d+-day\b|\bwithin \d+ days\b|\bday \d+\b|\b\d+ days? (?:later|after)\b|Snooze \d+ days?"
)


def _string_constants(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_sentence_in_the_core_writes_a_rule_number_by_hand() -> None:
    found = [
        f"{path.name}:{line}: {text!r}"
        for path in sorted(CORE.glob("*.py"))
        if path.name != "rules.py"
        for line, text in _string_constants(path)
        if _RULE_WORDS.search(text)
    ]
    assert not found, "\n".join(found)


def test_changing_a_rule_changes_the_help(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules, "WINDOW_DAYS", 12)
    monkeypatch.setattr(rules, "SECOND_TOUCH_DAYS", 21)
    monkeypatch.setattr(rules, "DEFAULT_SNOOZE_DAYS", 3)
    try:
        changed = importlib.reload(help_module)
        assert "12-day window" in changed.HELP_BY_NAME["met"].summary
        assert "21 days later" in changed.HELP_BY_NAME["done"].summary
        assert "3 days unless you say" in changed.HELP_BY_NAME["snooze"].summary
    finally:
        monkeypatch.undo()
        importlib.reload(help_module)


def test_the_snooze_button_uses_the_default_snooze() -> None:
    action = rules.snooze_action(7)
    assert action.command == f"snooze #7 {rules.DEFAULT_SNOOZE_DAYS} days"
