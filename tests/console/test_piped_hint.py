"""Piped into `netcoach try`, the console says how to send a draft of several lines."""

from __future__ import annotations

from pathlib import Path

from bot.console.session import PASTE_END, PASTE_START, PIPED_HINT
from tests.console.test_try_process import netcoach_try


def test_piped_input_is_told_about_paste_on_stderr_and_stdout_keeps_only_replies(
    tmp_path: Path,
) -> None:
    result = netcoach_try(tmp_path, "list\n")
    assert result.returncode == 0, result.stderr
    assert PIPED_HINT in result.stderr
    assert f"`{PASTE_START}`" in PIPED_HINT and f"`{PASTE_END}`" in PIPED_HINT
    assert PIPED_HINT not in result.stdout
