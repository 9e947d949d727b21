"""`netcoach serve` as a real process: binds, answers signed Slack requests, stops on SIGTERM;
refuses to start on bad settings, naming the one to fix."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.slack.signing import signed_headers

REPO = Path(__file__).resolve().parents[2]


def serve_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SLACK_", "MICROSOFT_", "NETCOACH_", "DATABASE_URL"))
    }
    env.update(
        PYTHONPATH=str(REPO),
        NETCOACH_HOME=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        **extra,
    )
    return env


def start(tmp_path: Path, *args: str, **extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", *args],
        cwd=REPO,
        env=serve_env(tmp_path, **extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_url(process: subprocess.Popen[str], timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("netcoach: listening on "):
            return line.split("listening on ", 1)[1].strip()
        if not line and process.poll() is not None:
            break
    process.kill()
    raise AssertionError(f"server did not start: {process.stderr.read() if process.stderr else ''}")


def test_serve_binds_port_0_answers_and_stops_cleanly_on_sigterm(tmp_path: Path):
    process = start(
        tmp_path,
        "--port",
        "0",
        SLACK_BOT_TOKEN="xoxb-cli-test",
        SLACK_SIGNING_SECRET="cli-secret",
        SLACK_API_URL="http://127.0.0.1:9/api/",  # nothing listens: no call may leave this machine
    )
    try:
        url = wait_for_url(process)
        assert url.startswith("http://127.0.0.1:") and not url.endswith(":0")

        body = urlencode({"command": "/network", "text": "help", "team_id": "T1", "user_id": "U1"})
        bad = urllib.request.Request(
            f"{url}/slack/events",
            data=body.encode(),
            headers=signed_headers("wrong-secret", body, "application/x-www-form-urlencoded"),
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(bad, timeout=10)
        assert refused.value.code == 401

        # The scheduler's first sweep runs at start-up; /healthz turns 200 once it finished.
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=10) as response:
                    health = response.read()
                break
            except urllib.error.HTTPError as not_yet:
                assert not_yet.code == 503
                assert time.monotonic() < deadline, "the first sweep never finished"
                time.sleep(0.2)
        assert b'"slack": true' in health and b'"ok": true' in health
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "netcoach: stopped" in out
    assert "xoxb-cli-test" not in out + err
    assert "cli-secret" not in out + err


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({}, "Neither Slack nor Teams"),
        (
            {"SLACK_SIGNING_SECRET": "s", "SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "c"},
            "NETCOACH_ENCRYPTION_KEY",
        ),
    ],
)
def test_serve_refuses_to_start_with_bad_settings(tmp_path: Path, env: dict[str, str], named: str):
    process = start(tmp_path, **env)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert named in err
    assert "listening" not in out
