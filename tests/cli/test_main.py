"""`netcoach` as a whole process: the edges of a command line tool."""

import subprocess
import sys
from pathlib import Path


def test_output_cut_short_by_the_reader_is_no_error(tmp_path: Path) -> None:
    # `… | netcoach try | head -1`: far more output than a pipe buffer holds, and the reader
    # closes the pipe after one line.
    database = f"sqlite:///{tmp_path / 'bot.sqlite3'}"
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "try", "--database-url", database, "--no-color"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None and process.stdout is not None and process.stderr is not None
    process.stdin.write(b"help\n" * 300)
    process.stdin.close()
    process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    process.stderr.close()
    process.wait(timeout=120)
    assert b"Traceback" not in stderr and b"BrokenPipeError" not in stderr, stderr.decode()
    assert process.returncode == 0


def run_netcoach(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, text=True, timeout=120
    )


def test_version_flag_names_the_installed_version() -> None:
    result = run_netcoach("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("netcoach ")


def test_a_bad_flag_shows_the_subcommands_own_usage() -> None:
    result = run_netcoach("review", "--bogus")
    assert result.returncode == 2
    assert result.stderr.startswith("usage: netcoach review")
    assert "unrecognized arguments: --bogus" in result.stderr
