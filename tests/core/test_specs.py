"""One spec per command (`bot.core.help.CommandHelp`): parser, help and handlers come from it."""

from __future__ import annotations

import typing

from bot.core import commands as c
from bot.core.help import COMMAND_HELP, HELP_BY_NAME
from bot.core.parser import _PARSERS, COMMAND_ALIASES, closest_command, parse_command
from bot.core.service import _HANDLERS

# Answered by the service itself, not by a handler.
_NO_HANDLER = {c.HelpCommand, c.ChatCommand}


def test_every_command_type_has_exactly_the_handler_its_spec_names() -> None:
    produced = set(typing.get_args(c.Command)) - _NO_HANDLER
    assert set(_HANDLERS) == produced


def test_every_spec_has_a_parser_and_its_words_start_it() -> None:
    assert set(_PARSERS) == set(HELP_BY_NAME)
    for spec in COMMAND_HELP:
        for word in (spec.name, *spec.words):
            assert COMMAND_ALIASES[word] == spec.name


def test_every_example_parses_as_a_command_its_spec_handles() -> None:
    for spec in COMMAND_HELP:
        handled = {command_type for command_type, _ in spec.handles}
        for text in spec.examples:
            result = parse_command(text)
            if spec.name == "help":
                assert isinstance(result, c.HelpCommand), text
            else:
                assert type(result) in handled, (text, result)


def test_did_you_mean_comes_from_the_specs_and_skips_look_alikes() -> None:
    assert closest_command("snoze") == "snooze"
    assert closest_command("renmae") == "rename"
    assert closest_command("exit") is None  # not "export"
