"""The labelled phrasing file (written by someone who never saw the parser) stays understood."""

from __future__ import annotations

from tests.core.phrasings import load, report, score

# Exact command and arguments, the target of issue 11.
TARGET = 0.95


def test_the_phrasing_file_is_understood_exactly_at_least_95_percent() -> None:
    rows = load()
    assert len(rows) >= 400
    result = score(rows)
    print(report(result))  # per-command accuracy, shown with `pytest -s`
    misses = "\n".join(f"{row['id']} {row['text']!r} -> {got}" for row, got in result.misses)
    assert result.accuracy >= TARGET, misses


def test_every_command_in_the_file_is_understood_at_least_85_percent() -> None:
    result = score(load())
    weak = {name: (r, t) for name, (r, t) in result.per_command.items() if r / t < 0.85}
    assert not weak, weak
