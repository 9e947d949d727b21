"""`netcoach try` as a real process: scripted through stdin, and interactive on a terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# Seconds between Ctrl-C presses in the Ctrl-C test.
PRESS_AGAIN_AFTER = 4
TIMEOUT = 120


def environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "NETCOACH_"))}
    env["NETCOACH_HOME"] = str(tmp_path / "home")  # the embedded default lives here
    env["PYTHONPATH"] = str(REPO)
    return env


def netcoach_try(tmp_path: Path, script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "try", "--user", "ada"],
        input=script,
        capture_output=True,
        text=True,
        cwd=REPO,
        env=environment(tmp_path),
        timeout=TIMEOUT,
    )


def try_on_a_terminal(tmp_path: Path) -> tuple[int, subprocess.Popen[str]]:
    """`netcoach try` with a terminal on stdin (interactive mode); returns its controller fd."""
    import pty

    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "try", "--user", "ada", "--no-color"],
        stdin=terminal,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
        env=environment(tmp_path),
        text=True,
    )
    os.close(terminal)
    return controller, process


def minutes_to_next_monday_8am() -> int:
    now = datetime.now(UTC)
    monday = (now + timedelta(days=7 - now.weekday())).replace(
        hour=8, minute=0, second=0, microsecond=0
    )
    return int((monday - now).total_seconds() // 60)


@pytest.mark.slow
def test_scripted_session_delivers_a_nudge_and_remembers_across_runs(tmp_path: Path) -> None:
    first = netcoach_try(
        tmp_path,
        "\n".join(
            [
                f"/clock +{minutes_to_next_monday_8am()}m",  # to a known Monday morning
                "met Jane Doe at PyCon — asked about Rust",
                "list",
                "/clock +4d",
                "1",  # the nudge's first button: Done
            ]
        )
        + "\n",  # then end of input, no /quit
    )
    assert first.returncode == 0, first.stderr
    out = first.stdout
    assert (tmp_path / "home" / "netcoach.sqlite3").exists()
    assert "› met Jane Doe at PyCon — asked about Rust" in out
    assert "Follow-up #1 is due Thu" in out
    assert "3 days" in out
    assert "── 🔔 nudge · Thu" in out and "09:00 UTC ──" in out
    assert "Time to follow up with Jane Doe" in out
    assert "1 message delivered on the way" in out
    assert "→ done #1" in out
    assert "Rule of two: I scheduled a second touch (#2)" in out

    second = netcoach_try(tmp_path, "/clock\nlist\n/quit\nlist\n")
    assert second.returncode == 0, second.stderr
    assert "Simulated time: Fri" in second.stdout  # the clock kept its offset
    assert "#2 Jane Doe" in second.stdout and "second touch (rule of two)" in second.stdout
    assert second.stdout.count("› list") == 1  # nothing after /quit ran


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")
def test_interactive_terminal_gets_a_banner_and_a_prompt(tmp_path: Path) -> None:
    controller, process = try_on_a_terminal(tmp_path)
    os.write(controller, b"help\n/quit\n")
    try:
        out, err = process.communicate(timeout=TIMEOUT)
    finally:
        os.close(controller)
    assert process.returncode == 0, err
    assert out.startswith("Network Coach — try it here.")
    assert "you› " in out
    assert "Here is what I can do" in out


def test_try_ignores_server_only_settings(tmp_path: Path) -> None:
    env = environment(tmp_path) | {"NETCOACH_PORT": "abc", "NETCOACH_TEAMS_ALLOW_ANONYMOUS": "x"}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "try", "--user", "ada"],
        input="help\n",
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=TIMEOUT,
    )
    assert result.returncode == 0, result.stderr
    assert "Here is what I can do" in result.stdout


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")
def test_ctrl_c_at_the_prompt_ends_cleanly_on_a_fresh_line(tmp_path: Path) -> None:
    import signal
    import time

    controller, process = try_on_a_terminal(tmp_path)
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + TIMEOUT
        seen = ""
        while "you› " not in seen and time.monotonic() < deadline:
            seen += process.stdout.read(1)
        # A Ctrl-C that lands between the prompt's write and the read behind it is only seen
        # when the read returns (CPython checks signals between bytecodes): on a loaded machine
        # the test can hit that window, which a person cannot, so it presses again as a person
        # would, until the first one that is seen ends the session. It waits a few seconds
        # between presses: a second Ctrl-C while a loaded machine is still closing the session
        # would interrupt the shutdown itself.
        out = err = ""
        for _ in range(int(TIMEOUT) // PRESS_AGAIN_AFTER + 1):
            process.send_signal(signal.SIGINT)
            try:
                out, err = process.communicate(timeout=PRESS_AGAIN_AFTER)
                break
            except subprocess.TimeoutExpired:
                continue
        else:
            process.kill()
            pytest.fail("Ctrl-C did not end `netcoach try`")
    finally:
        os.close(controller)
    assert "Traceback" not in err
    assert out.endswith("\n")  # the shell's prompt starts on its own line
    assert process.returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")
def test_a_multi_line_paste_on_a_terminal_is_one_message(tmp_path: Path) -> None:
    """A terminal wraps a paste in bracketed-paste marks; with line editing on, the pasted reply
    and the thread quoted under it reach the coach as one draft, not one message per line."""
    import pty
    import select
    import time

    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "try", "--user", "ada", "--no-color"],
        stdin=terminal,
        stdout=terminal,  # input() edits lines only when stdout is a terminal too
        stderr=subprocess.PIPE,
        cwd=REPO,
        env=environment(tmp_path) | {"TERM": "xterm"},
    )
    os.close(terminal)

    def read_until(marker: str) -> str:
        seen, deadline = "", time.monotonic() + TIMEOUT
        while marker not in seen and time.monotonic() < deadline:
            if select.select([controller], [], [], 0.2)[0]:
                seen += os.read(controller, 65536).decode("utf-8", "replace")
        return seen

    try:
        read_until("you› ")
        paste = (
            "Thanks Tom, but we're all set for this year. Good luck!\r\n\r\n"
            "On Tue, Dec 1, 2026 at 9:14 AM Tom <tom@pulse.example> wrote:\r\n"
            "> Book a demo this week and get 3 months free!"
        )
        os.write(controller, b"\x1b[200~" + paste.encode() + b"\x1b[201~\r")
        out = read_until("you› ")
        os.write(controller, b"/quit\r")
        process.wait(timeout=TIMEOUT)
    finally:
        os.close(controller)
    assert out.count("value-first score") == 1
    assert "Looks value-first" in out
    assert "left out the quoted thread" in out
