"""Console buttons show the command behind them only when a person would type it: internal ids,
mention markup and machine dates are left out, and pressing the number still runs it."""

from __future__ import annotations

from bot.console.renderer import render
from bot.core.messages import Action, Reply


def test_a_command_with_an_internal_id_shows_its_label_alone():
    reply = Reply(
        text="Saved.",
        actions=(
            Action("Show Signe Holm", "who contact#12"),
            Action("Undo the pause", "unpause #4 2027-01-11"),
            Action("Done", "done #4"),
        ),
    )
    shown = render(reply)
    assert "contact#" not in shown.text and "2027-01-11" not in shown.text
    assert "[1] Show Signe Holm  [2] Undo the pause  [3] Done → done #4" in shown.text
    assert shown.choices[0].command == "who contact#12"
