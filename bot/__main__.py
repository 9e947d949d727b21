"""`netcoach` command line.

Each subcommand lives in its own module under `bot/cli/` exposing
`add_arguments(parser)` and `run(args) -> int`. Only the chosen subcommand's module is
imported, so `netcoach review "…"` does not pay for Slack, Teams or SQLAlchemy imports.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "try": ("bot.cli.try_bot", "chat with the bot in this terminal (no Slack account needed)"),
    "review": ("bot.cli.review", "review a draft message and explain the verdict"),
    "rules": ("bot.cli.rules", "list the networking guidelines, or show one"),
    "train": ("bot.cli.train", "train the draft classifier from the labelled corpus"),
    "evaluate": ("bot.cli.evaluate", "print cross-validated and held-out scores"),
    "feedback": ("bot.cli.feedback", "export reviews marked Helpful or Wrong flag as JSONL"),
    "serve": ("bot.cli.serve", "run the Slack/Teams server with the scheduler"),
    "db": ("bot.cli.db", "database migrations (db upgrade, db current)"),
    "import": ("bot.cli.import_contacts", "import contacts from a LinkedIn connections export"),
    "doctor": ("bot.cli.doctor", "check settings, database, scheduler and channels"),
    "teams-package": ("bot.cli.teams_package", "build the Teams app package zip"),
}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("network-coach")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "unknown (not installed)"


def build_parser(
    chosen: str | None,
) -> tuple[argparse.ArgumentParser, argparse.ArgumentParser | None]:
    """The top-level parser and, when a subcommand was named, that subcommand's own parser."""
    parser = argparse.ArgumentParser(
        prog="netcoach", description="Network Coach: value-first networking, kept honest."
    )
    parser.add_argument("--version", action="version", version=f"netcoach {_version()}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen_parser = None
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            importlib.import_module(module_name).add_arguments(sub)
            chosen_parser = sub
    return parser, chosen_parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    chosen = next((a for a in args_list if not a.startswith("-")), None)
    parser, chosen_parser = build_parser(chosen if chosen in SUBCOMMANDS else None)
    args, unknown = parser.parse_known_args(args_list)
    if unknown:
        # argparse reports a subcommand's stray flag with the top-level usage; show its own.
        (chosen_parser or parser).error(f"unrecognized arguments: {' '.join(unknown)}")
    if args.command is None:
        parser.print_help()
        return 2
    module = importlib.import_module(SUBCOMMANDS[args.command][0])
    try:
        return int(module.run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`netcoach rules | head -1`): stop quietly, as other tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
