"""A `Reply` as terminal text. Buttons become numbered choices: typing the number clicks it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.core.messages import Action, Reply, Section

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_ANSI_BOLD, _ANSI_DIM, _ANSI_RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
# What a person would not type: internal ids, mentions' markup and machine dates. A button whose
# command has one shows its label alone; the command behind it still runs when pressed.
_NOT_TYPED = re.compile(r"\b[a-z]+#\d+|<[@#!][^>]*>|\b\d{4}-\d{2}-\d{2}\b")
# Longer labels are not padded: one long label should not push every value off the screen.
_MAX_LABEL_WIDTH = 28


@dataclass
class Rendered:
    text: str
    # Choice n (1-based) is choices[n - 1].
    choices: list[Action] = field(default_factory=list)


def _markup(text: str, color: bool) -> str:
    if color:
        return _BOLD.sub(lambda m: f"{_ANSI_BOLD}{m.group(1)}{_ANSI_RESET}", text)
    return _BOLD.sub(lambda m: m.group(1), text)


def _buttons(actions: tuple[Action, ...], choices: list[Action], color: bool) -> str:
    shown = []
    for action in actions:
        choices.append(action)
        command = "" if _NOT_TYPED.search(action.command) else f" → {action.command}"
        label = f"[{len(choices)}] {action.label}{command}"
        shown.append(f"{_ANSI_DIM}{label}{_ANSI_RESET}" if color else label)
    return "  ".join(shown)


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line if line else line for line in text.splitlines())


def _section(section: Section, choices: list[Action], color: bool) -> str:
    lines = []
    if section.text:
        lines.append(_indent(_markup(section.text, color), "  "))
    width = min(max((len(f.label) for f in section.fields), default=0), _MAX_LABEL_WIDTH)
    for item in section.fields:
        value = _markup(item.value, color).replace("\n", "\n" + " " * (width + 6))
        lines.append(f"    {item.label.ljust(width)}  {value}")
    if section.actions:
        lines.append("    " + _buttons(section.actions, choices, color))
    return "\n".join(lines)


def render(reply: Reply, *, color: bool = False, after: Sequence[Action] = ()) -> Rendered:
    """The reply as console text; its buttons are numbered on from the `after` ones (buttons
    already shown since the member's last line), so every number on screen is one button."""
    choices: list[Action] = list(after)
    parts = [_markup(reply.text, color)]
    parts.extend(_section(section, choices, color) for section in reply.sections)
    if reply.actions:
        parts.append(_buttons(reply.actions, choices, color))
    return Rendered(text="\n".join(part for part in parts if part), choices=choices)
