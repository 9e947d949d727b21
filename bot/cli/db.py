"""`netcoach db upgrade` (apply migrations) and `netcoach db current` (show the revision)."""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    actions.add_parser("upgrade", help="apply every pending migration (safe to repeat)")
    actions.add_parser("current", help="show the database's revision and the newest one")
    parser.add_argument(
        "--database-url", help="database to use instead of DATABASE_URL (or the default file)"
    )


def safe_url(database_url: str) -> str:
    """The URL without its password, for printing."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(database_url).render_as_string(hide_password=True)
    except Exception:
        return "<unparseable DATABASE_URL>"


def run(args: argparse.Namespace) -> int:
    from bot.config import Settings, SettingsError

    try:
        database_url = args.database_url or Settings.from_env().database_url
    except SettingsError as error:
        print(f"Settings problem: {error}", file=sys.stderr)
        return 2

    from storage.schema import current_revision, head_revision, migrate

    shown = safe_url(database_url)
    head = head_revision()
    try:
        if args.db_action == "upgrade":
            before = current_revision(database_url)
            reached = migrate(database_url)
            if before == reached:
                print(f"{shown} is already up to date (revision {reached}).")
            else:
                print(f"Upgraded {shown} from {before or 'an empty database'} to {reached}.")
            return 0
        current = current_revision(database_url)
    except Exception as error:
        print(
            f"Cannot use the database {shown}: {type(error).__name__}: "
            f"{str(error).splitlines()[0] if str(error) else ''}\n"
            "Check DATABASE_URL and that the database server is running.",
            file=sys.stderr,
        )
        return 1
    if current == head:
        print(f"{shown}: revision {current} (up to date).")
    elif current is None:
        print(f"{shown}: no migrations applied yet (newest is {head}). Run: netcoach db upgrade")
    else:
        print(f"{shown}: revision {current}, newest is {head}. Run: netcoach db upgrade")
    return 0
