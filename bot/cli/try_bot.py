"""`netcoach try`: the whole bot in this terminal, on the embedded database by default.

Interactive when stdin is a terminal (a prompt and a help hint); otherwise it reads one command
per line from stdin, so a session can be scripted:

    printf 'met Jane Doe at PyCon\\n/clock +4d\\nlist\\n' | netcoach try
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database-url",
        help="database to use instead of DATABASE_URL (default: a SQLite file in ~/.netcoach)",
    )
    parser.add_argument(
        "--user", help="who you are in the console (default: your operating-system user name)"
    )
    parser.add_argument("--no-color", action="store_true", help="plain text, no bold")


def _os_user() -> str:
    try:
        import os
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError):  # no passwd entry (some containers), or not a POSIX system
        return "console-user"


def _enable_line_editing() -> None:
    """Arrow keys, history, and a pasted multi-line draft arriving as one message: readline
    inserts a bracketed paste whole, newlines included, and `input()` returns it at Enter."""
    # Not on every platform (Windows): plain input still works there.
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (importing it is what switches `input()` over)


def _prompted_lines(prompt: str) -> Iterator[str]:
    while True:
        try:
            yield input(prompt)
        except (EOFError, KeyboardInterrupt):
            # End the prompt's line, so the shell's prompt starts on a fresh one.
            print()
            return


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace
    from pathlib import Path

    from bot.bootstrap import bootstrap
    from bot.config import Settings
    from bot.console.clock import SimulatedClock, load_offset
    from bot.console.session import PIPED_HINT, ConsoleSession, ConsoleUser, banner

    settings = Settings.for_console()
    if args.database_url:
        settings = replace(settings, database_url=args.database_url)
    if settings.database_url.startswith("sqlite:///"):
        # The embedded default lives in a folder that may not exist yet on a fresh machine.
        Path(settings.database_url.removeprefix("sqlite:///")).parent.mkdir(
            parents=True, exist_ok=True
        )

    clock = SimulatedClock()
    try:
        services = bootstrap(settings, clock=clock)
    except Exception as error:  # the database is the usual suspect: say which one and why
        print(
            f"netcoach try: could not open the database ({type(error).__name__}: "
            f"{str(error).splitlines()[0] if str(error) else 'no detail'}). Check DATABASE_URL "
            "or pass --database-url.",
            file=sys.stderr,
        )
        return 1
    clock.offset = load_offset(services.store)

    interactive = sys.stdin.isatty()
    user_id = args.user or _os_user()
    session = ConsoleSession(
        services,
        clock,
        ConsoleUser(user_id=user_id, display_name=user_id),
        sys.stdout,
        color=interactive and sys.stdout.isatty() and not args.no_color,
        echo=not interactive,
    )
    if interactive:
        _enable_line_editing()
        print(banner(clock) + "\n")
        lines: Iterator[str] = _prompted_lines("you› ")
    else:
        print(PIPED_HINT, file=sys.stderr)  # stderr: the replies on stdout stay as they were
        lines = (line.rstrip("\n") for line in sys.stdin)
    try:
        return session.run(lines)
    finally:
        close = getattr(services.store, "close", None)
        if close is not None:
            close()
