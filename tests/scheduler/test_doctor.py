"""`netcoach doctor` says what is wrong and what to do, and exits 1 when something is."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.cli.doctor import diagnose, exit_code
from bot.config import Settings, SlackSettings
from bot.scheduler.jobs import SWEEP_HEARTBEAT
from storage import open_store

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
SLACK = SlackSettings(bot_token="xoxb-1", signing_secret="s3cret")


def _by_name(checks):
    return {check.name: check for check in checks}


def _migrated(tmp_path: Path, heartbeat_age: timedelta | None) -> str:
    url = f"sqlite:///{tmp_path / 'bot.sqlite3'}"
    store = open_store(url)
    if heartbeat_age is not None:
        store.record_heartbeat(SWEEP_HEARTBEAT, NOW - heartbeat_age, "sent=0")
    store.close()
    return url


def test_healthy_setup_passes(tmp_path: Path):
    url = _migrated(tmp_path, timedelta(seconds=20))
    checks = diagnose(Settings(database_url=url, slack=SLACK), NOW)
    statuses = {check.name: check.status for check in checks}
    assert statuses == {
        "settings": "ok",
        "slack": "ok",
        "teams": "info",
        "database": "ok",
        "migrations": "ok",
        "scheduler": "ok",
    }
    assert exit_code(checks, strict=True) == 0


def test_stale_scheduler_is_a_warning_and_fails_when_strict(tmp_path: Path):
    url = _migrated(tmp_path, timedelta(seconds=61))
    checks = diagnose(Settings(database_url=url, slack=SLACK), NOW)
    scheduler = _by_name(checks)["scheduler"]
    assert scheduler.status == "warn" and "61 s ago" in scheduler.message
    assert "netcoach serve" in scheduler.fix
    assert exit_code(checks, strict=False) == 0 and exit_code(checks, strict=True) == 1


def test_unmigrated_database_fails_with_the_command_to_run(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    bare = open_store(url, migrate=False)
    bare.engine.connect().close()  # the file exists, with no tables
    bare.close()
    checks = diagnose(Settings(database_url=url, slack=SLACK), NOW)
    migrations = _by_name(checks)["migrations"]
    assert migrations.status == "fail" and "netcoach db upgrade" in migrations.fix
    assert exit_code(checks, strict=False) == 1


def test_missing_database_file_is_not_created_by_the_doctor(tmp_path: Path):
    path = tmp_path / "nowhere" / "bot.sqlite3"
    checks = diagnose(Settings(database_url=f"sqlite:///{path}", slack=SLACK), NOW)
    assert _by_name(checks)["database"].status == "fail"
    assert not path.parent.exists()


def test_unreachable_postgres_fails(tmp_path: Path):
    url = "postgresql+psycopg://nobody:pw@127.0.0.1:1/none"
    checks = diagnose(Settings(database_url=url, slack=SLACK), NOW)
    database = _by_name(checks)["database"]
    assert database.status == "fail" and "pw" not in database.message


def test_half_configured_slack_and_no_channels_are_reported(tmp_path: Path):
    url = _migrated(tmp_path, timedelta(seconds=1))
    half = Settings(database_url=url, slack=SlackSettings(bot_token="xoxb-1"))
    slack = _by_name(diagnose(half, NOW))["slack"]
    assert slack.status == "fail" and "SLACK_SIGNING_SECRET" in slack.message
    nothing = {c.name: c for c in diagnose(Settings(database_url=url), NOW)}
    assert nothing["channels"].status == "warn"


def test_cli_reads_the_environment_and_exits_1_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'new.sqlite3'}")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    assert main(["doctor"]) == 1
    assert "netcoach db upgrade" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert "Upgraded" in capsys.readouterr().out
    assert main(["db", "current"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert main(["doctor"]) == 0  # the scheduler warning alone is not a failure
    assert main(["doctor", "--strict"]) == 1
    monkeypatch.setenv("NETCOACH_SWEEP_SECONDS", "often")
    assert main(["doctor"]) == 1
    assert "NETCOACH_SWEEP_SECONDS" in capsys.readouterr().out
