"""Commands said in Hinglish (pass 24, issue 11): each family is one pattern and the English
command line it means, read again by the parser and kept only when it reads as the command the
family expects (as `said_another_way` does for English).

- "aaj kisko ping karna hai?", "aaj kaun due hai" → `list today`;
- "pooja ko call kiya, sent her 2 devops roles. done" → `done pooja - sent her 2 devops roles`;
- "anjali ko snooze kar do till thurs", "anjali ko thurs tak snooze kar do" → `snooze anjali …`;
- "Rohit ka surname Menon hai, update pls" → `rename Rohit to Rohit Menon`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from bot.core import commands as c
from bot.core.rewrites import Rewrite, first_reading

# A person as typed, in any case: one or two words, never a pronoun or a Hindi function word.
_NAME = (
    r"(?!(?:aaj|kal|mujhe|main|mai|maine|usko|isko|unko|inko|woh|wo|ye|yeh|i|we|you|he|she|"
    r"they|him|her|them|it|that|this|the|a|an|my)\b)[^\W\d_][\w'’-]*(?:\s+(?!(?:ko|ka|ki|ke|se|"
    r"ne)\b)[^\W\d_][\w'’-]*)?"
)
_END = r"[\s.!?]*$"
_PLEASE = r"(?:\s*,?\s*(?:pls|please|plz|na|yaar|bhai|jaldi))*"
_DO_IT = r"kar\s+(?:do|dena|de|dijiye|dijiyega|diya|lo|lena)"
_CONTACTED = (
    r"(?:call|phone|message|msg|mail|email|e-mail|ping|text|whatsapp|dm|reply|follow[- ]?up)\s+"
    r"(?:kiya|kar\s+diya|kar\s+liya|kiya\s+tha|kar\s+di|ho\s+gaya|hogaya)"
)
_COMMAND = r"(?P<cmd>snooze|cancel|done|push|postpone|delay)"

_FAMILIES: tuple[tuple[str, str, tuple[type, ...]], ...] = (
    # "aaj kisko ping karna hai?": whom to reach today.
    (
        r"(?:aaj|today)\s+(?:kis\s*ko|kisko|kis\s+kis\s+ko|kisse|kis\s+se|kaun|kon|kaun\s+kaun)\s+"
        r"(?:(?:ping|call|message|msg|text|follow[- ]?up|reply|contact)\s+karna\s+hai|"
        r"(?:due|pending|baaki|baki)\s+hai)" + _END,
        "list today",
        (c.ListCommand,),
    ),
    # "pooja ko call kiya, sent her 2 devops roles. done": a touch told, then "done".
    (
        rf"(?P<n>{_NAME})\s+(?:ko|se)\s+{_CONTACTED}(?:\s*[,.;:—–-]+\s*(?P<what>.+?))?"
        r"\s*[,.;:—–-]*\s*(?:done|ho\s+gaya|hogaya|mark\s+(?:it\s+)?done|done\s+kar\s+do)" + _END,
        "done {n} - {what}",
        (c.DoneCommand,),
    ),
    # "anjali ko snooze kar do till thurs": the command, then its day.
    (
        rf"(?P<n>{_NAME})\s+(?:ko|ka\s+(?:reminder|follow[- ]?up))\s+{_COMMAND}\s+{_DO_IT}"
        rf"(?P<rest>(?:\s+[^,.;!?]+?)?){_PLEASE}" + _END,
        "{cmd} {n}{rest}",
        (c.SnoozeCommand, c.CancelCommand, c.DoneCommand),
    ),
    # "anjali ko thurs tak snooze kar do": the day first.
    (
        rf"(?P<n>{_NAME})\s+(?:ko|ka\s+(?:reminder|follow[- ]?up))\s+(?P<rest>[^,.;!?]+?)\s+"
        rf"{_COMMAND}\s+{_DO_IT}{_PLEASE}" + _END,
        "{cmd} {n}{rest}",
        (c.SnoozeCommand,),
    ),
    # "Rohit ka surname Menon hai, update pls": the surname to add.
    (
        rf"(?P<n>{_NAME})\s+ka\s+(?:surname|last\s+name|sirname|family\s+name)\s+"
        r"(?P<s>[^\W\d_][\w'’-]*)\s+hai(?:\s*[,.;—–-]*\s*(?:update|change|add|fix|save)"
        rf"(?:\s+kar\s+(?:do|dena|lo))?)?{_PLEASE}" + _END,
        "rename {n} to {n} {s}",
        (c.RenameCommand,),
    ),
)
_COMPILED = tuple(
    (re.compile(pattern, re.IGNORECASE), template, kinds) for pattern, template, kinds in _FAMILIES
)
_PUSHED = {"push": "snooze", "postpone": "snooze", "delay": "snooze"}


def _lines(text: str) -> Iterator[Rewrite]:
    stripped = text.strip()
    for pattern, template, kinds in _COMPILED:
        found = pattern.fullmatch(stripped)
        if found is None:
            continue
        said = {k: (v or "").strip() for k, v in found.groupdict().items()}
        if "cmd" in said:
            said["cmd"] = _PUSHED.get(said["cmd"].lower(), said["cmd"].lower())
        if said.get("rest"):
            said["rest"] = " " + said["rest"]
        line = template.format(**said)
        yield line.removesuffix(" - "), kinds


def said_in_english(text: str, read: Callable[[str], c.Parsed]) -> c.Parsed | None:
    """The command a Hinglish line means when it is one of these families, else None."""
    return first_reading(_lines(text), read)
