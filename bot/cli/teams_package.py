"""`netcoach teams-package`: build the Teams app package zip to upload to Teams."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--app-id",
        help="the bot's Microsoft Entra application (client) id (default: MICROSOFT_APP_ID)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("network-coach-teams.zip"),
        help="where to write the zip (default: %(default)s)",
    )
    parser.add_argument(
        "--developer-url",
        help="https address of your site; the privacy and terms pages are under it",
    )


def run(args: argparse.Namespace) -> int:
    from bot.config import Settings, SettingsError
    from bot.teams.package import PackageError, build_package

    app_id = args.app_id
    if not app_id:
        try:
            app_id = Settings.from_env().teams.app_id
        except SettingsError as error:
            print(f"netcoach teams-package: {error}", file=sys.stderr)
            return 2
    if not app_id:
        print(
            "netcoach teams-package: no app id. Pass --app-id or set MICROSOFT_APP_ID to the "
            "bot's Microsoft Entra application (client) id.",
            file=sys.stderr,
        )
        return 2
    try:
        manifest = build_package(app_id, args.out, developer_url=args.developer_url)
    except (PackageError, OSError) as error:
        print(f"netcoach teams-package: {error}", file=sys.stderr)
        return 2
    print(f"Wrote {args.out} (Teams app {manifest['id']}, bot {app_id}).")
    print("Upload it in Teams: Apps → Manage your apps → Upload an app.")
    return 0
