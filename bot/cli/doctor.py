"""`netcoach doctor`: is everything in place for nudges and digests to actually go out?

Checks the settings, the database, its migrations, the scheduler's heartbeat and which
channels are configured; each problem comes with what to do about it. Exit code 1 when
something is wrong (with `--strict`, warnings count too).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from bot.config import Settings

Status = Literal["ok", "info", "warn", "fail"]
_MARK = {"ok": "ok  ", "info": "info", "warn": "WARN", "fail": "FAIL"}


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    message: str
    fix: str = ""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 on warnings too (e.g. a stale scheduler)"
    )


def check_channels(settings: Settings) -> list[Check]:
    from bot.config import SettingsError
    from bot.slack.settings_check import SlackMode, slack_mode
    from bot.teams.validation import validate_teams_settings

    checks: list[Check] = []
    try:
        mode = slack_mode(settings.slack, settings.encryption_key)
    except SettingsError as error:
        checks.append(Check("slack", "fail", str(error), "fix the Slack setting named above"))
        mode = None
    if mode is SlackMode.OFF:
        checks.append(
            Check(
                "slack",
                "info",
                "Slack is not configured.",
                "to serve Slack set SLACK_SIGNING_SECRET plus SLACK_BOT_TOKEN (one workspace) "
                "or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and NETCOACH_ENCRYPTION_KEY (OAuth)",
            )
        )
    elif mode is SlackMode.SINGLE_WORKSPACE:
        checks.append(Check("slack", "ok", "Slack: one workspace (bot token)."))
    elif mode is SlackMode.OAUTH:
        checks.append(Check("slack", "ok", "Slack: OAuth installs, tokens encrypted at rest."))

    if not settings.teams.configured:
        checks.append(
            Check(
                "teams",
                "info",
                "Microsoft Teams is not configured.",
                "to serve Teams set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD",
            )
        )
    else:
        try:
            validate_teams_settings(settings, settings.host)
        except SettingsError as error:
            checks.append(Check("teams", "fail", str(error), "fix the Teams setting named above"))
        else:
            how = "anonymous (local development)" if not settings.teams.app_id else "app id"
            checks.append(Check("teams", "ok", f"Teams: {how}, {settings.teams.app_type}."))

    if mode is SlackMode.OFF and not settings.teams.configured:
        checks.append(
            Check(
                "channels",
                "warn",
                "No chat platform is configured: `netcoach serve` would reach nobody.",
                "configure Slack or Teams (see above); `netcoach try` works without either",
            )
        )
    return checks


def check_database(settings: Settings, now: datetime) -> list[Check]:
    from sqlalchemy import text

    from bot.cli.db import safe_url
    from bot.scheduler.health import health_report
    from storage.engine import is_memory_sqlite, make_engine, normalize_url
    from storage.schema import current_revision_of, head_revision
    from storage.store import SqlStore

    shown = safe_url(settings.database_url)
    try:
        url = normalize_url(settings.database_url)
    except Exception as error:
        return [
            Check("database", "fail", f"DATABASE_URL is not usable: {error}", "fix DATABASE_URL")
        ]
    if url.get_backend_name() == "sqlite" and not is_memory_sqlite(url):
        from pathlib import Path

        if not Path(url.database or "").expanduser().exists():
            return [
                Check(
                    "database",
                    "fail",
                    f"The database file of {shown} does not exist yet.",
                    "run `netcoach db upgrade` (or start the bot once)",
                )
            ]
    engine = make_engine(settings.database_url, connect_args=_connect_timeout(url))
    try:
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception as error:
            first_line = str(error).splitlines()[0] if str(error) else ""
            return [
                Check(
                    "database",
                    "fail",
                    f"Cannot reach {shown}: {type(error).__name__} {first_line}",
                    "check DATABASE_URL and that the database server is running",
                )
            ]
        checks = [Check("database", "ok", f"Reached {shown} ({url.get_backend_name()}).")]
        current, head = current_revision_of(engine), head_revision()
        if current != head:
            checks.append(
                Check(
                    "migrations",
                    "fail",
                    f"Schema revision is {current or 'none'}, the code needs {head}.",
                    "run `netcoach db upgrade`",
                )
            )
            return checks
        checks.append(Check("migrations", "ok", f"Schema at the newest revision ({head})."))

        class _Now:
            def now(self) -> datetime:
                return now

        report = health_report(
            SqlStore(engine), _Now(), sweep_interval_seconds=settings.sweep_interval_seconds
        )
        if report["ok"]:
            checks.append(
                Check(
                    "scheduler",
                    "ok",
                    f"Last nudge sweep {report['sweep_age_seconds']:.0f} s ago.",
                )
            )
        else:
            checks.append(
                Check(
                    "scheduler",
                    "warn",
                    f"Nudges and digests are not going out: {report.get('problem')}.",
                    "start `netcoach serve` (it runs the scheduler), and check its log for errors",
                )
            )
        return checks
    finally:
        engine.dispose()


def _connect_timeout(url: object) -> dict[str, object]:
    backend = getattr(url, "get_backend_name", lambda: "")()
    return {"connect_timeout": 5} if backend == "postgresql" else {}


def diagnose(settings: Settings, now: datetime) -> list[Check]:
    checks = [Check("settings", "ok", "Settings read from the environment.")]
    if settings.sweep_interval_seconds < 1:
        checks.append(
            Check(
                "settings",
                "fail",
                f"NETCOACH_SWEEP_SECONDS is {settings.sweep_interval_seconds}.",
                "set NETCOACH_SWEEP_SECONDS to a positive number of seconds (default 30)",
            )
        )
    if settings.log_level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
        checks.append(
            Check(
                "settings",
                "fail",
                f"NETCOACH_LOG_LEVEL {settings.log_level!r} is not a log level.",
                "use DEBUG, INFO, WARNING or ERROR",
            )
        )
    return checks + check_channels(settings) + check_database(settings, now)


def render(checks: list[Check]) -> str:
    lines = []
    for check in checks:
        lines.append(f"[{_MARK[check.status]}] {check.name:<10} {check.message}")
        if check.fix and check.status != "ok":
            lines.append(f"{'':18}fix: {check.fix}")
    return "\n".join(lines)


def exit_code(checks: list[Check], *, strict: bool) -> int:
    bad = {"fail", "warn"} if strict else {"fail"}
    return 1 if any(check.status in bad for check in checks) else 0


def run(args: argparse.Namespace) -> int:
    from bot.config import Settings, SettingsError

    try:
        settings = Settings.from_env()
    except SettingsError as error:
        checks = [Check("settings", "fail", str(error), "fix the environment variable named above")]
    else:
        checks = diagnose(settings, datetime.now(UTC))
    print(render(checks))
    code = exit_code(checks, strict=args.strict)
    if code:
        print("\nSomething needs fixing: see the FAIL (and, with --strict, WARN) lines above.")
    elif any(check.status == "warn" for check in checks):
        print("\nNo failures, but read the WARN lines above.")
    else:
        print("\nAll good.")
    return code
