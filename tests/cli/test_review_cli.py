"""`netcoach review`: text, --file, stdin, --json, --jsonl batches and bad input."""

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.__main__ import main

REPO = Path(__file__).resolve().parents[2]
HARD_SELL = "Quick question: can we book 15 minutes so I can walk you through our platform?"
VALUE_FIRST = "Hi Ana, here's the guide I mentioned at the Leeds meetup. No need to reply! - Tom"


def run_cli(capsys, monkeypatch, args, stdin: bytes = b""):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = main(["review", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_argument_gives_a_readable_review_with_highlighted_phrases(capsys, monkeypatch):
    code, out, _ = run_cli(capsys, monkeypatch, [HARD_SELL])
    assert code == 0
    assert "Reads as a hard sell" in out
    marked = re.findall(r"\[\[(.+?)\]\]", out)  # not a tty: plain markers, no ANSI
    assert any("walk you through our platform" in phrase for phrase in marked)
    assert "\x1b[" not in out
    assert "How the score adds up" in out
    assert "no-hard-sell" in out


def test_json_output_is_one_object_with_phrases_and_breakdown(capsys, monkeypatch):
    code, out, _ = run_cli(capsys, monkeypatch, [VALUE_FIRST, "--json"])
    assert code == 0
    result = json.loads(out)
    assert result["flagged"] is False
    assert sum(item["points"] for item in result["score_breakdown"]) == result["score"]
    assert result["signals"]["characters"] == len(VALUE_FIRST)


def test_file_and_stdin_give_the_same_review_as_the_argument(capsys, monkeypatch, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(HARD_SELL, encoding="utf-8")
    _, from_arg, _ = run_cli(capsys, monkeypatch, [HARD_SELL, "--json"])
    _, from_file, _ = run_cli(capsys, monkeypatch, ["--file", str(path), "--json"])
    _, from_stdin, _ = run_cli(capsys, monkeypatch, ["-", "--json"], HARD_SELL.encode())
    assert json.loads(from_arg) == json.loads(from_file) == json.loads(from_stdin)


@pytest.mark.parametrize("args", [[""], ["   \n "], ["-"]])
def test_empty_input_exits_2_with_nothing_to_review(capsys, monkeypatch, args):
    code, out, err = run_cli(capsys, monkeypatch, args, stdin=b"  \n")
    assert code == 2
    assert "nothing to review" in err.lower()
    assert out == ""


def test_no_input_at_all_exits_2(capsys, monkeypatch):
    code, _, err = run_cli(capsys, monkeypatch, [])
    assert code == 2
    assert "nothing to review" in err.lower()


def test_a_draft_over_40000_characters_gets_a_clear_message(capsys, monkeypatch, tmp_path):
    code, _, err = run_cli(capsys, monkeypatch, ["x " * 20_001])
    assert code == 2 and "40,000" in err
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"buy now " * 100_000)
    code, _, err = run_cli(capsys, monkeypatch, ["--file", str(huge)])
    assert code == 2 and "40,000" in err


def test_invalid_utf8_file_gets_a_clear_message(capsys, monkeypatch, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café crème, can we book a demo?".encode("latin-1"))
    code, _, err = run_cli(capsys, monkeypatch, ["--file", str(path)])
    assert code == 2
    assert "not valid UTF-8" in err


def test_missing_file_gets_a_clear_message(capsys, monkeypatch, tmp_path):
    code, _, err = run_cli(capsys, monkeypatch, ["--file", str(tmp_path / "nope.txt")])
    assert code == 2 and "no file" in err


def test_only_emoji_is_reviewed_with_a_note_not_an_error(capsys, monkeypatch):
    code, out, _ = run_cli(capsys, monkeypatch, ["🚀🚀 <https://example.com>", "--json"])
    assert code == 0
    result = json.loads(out)
    assert result["judged"] is False and "no words" in result["notes"][0]


def test_jsonl_batch_answers_every_line_in_order_and_survives_bad_lines(capsys, monkeypatch):
    lines = [
        json.dumps({"text": HARD_SELL}),
        "not json at all",
        json.dumps({"text": 42}),
        json.dumps({"text": VALUE_FIRST, "id": "x"}),
        json.dumps({"text": "   "}),
        "",
    ]
    stdin = ("\n".join(lines) + "\n").encode() + b'{"text": "caf\xe9"}\n'
    code, out, _ = run_cli(capsys, monkeypatch, ["--jsonl", "-"], stdin)
    results = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert len(results) == len(lines) + 1
    assert results[0]["flagged"] is True
    assert set(results[0]) == {
        "kind", "judged", "flagged", "score", "probability", "findings", "parts"
    }  # fmt: skip
    assert all(set(f) == {"rule", "message", "spans"} for f in results[0]["findings"])
    assert results[0]["parts"] == [{"kind": "written", "start": 0, "end": len(HARD_SELL)}]
    assert "error" in results[1] and "error" in results[2]
    assert results[3]["flagged"] is False
    assert "nothing to review" in results[4]["error"]
    assert "error" in results[5]
    assert "UTF-8" in results[6]["error"]


def test_jsonl_batch_with_only_good_lines_exits_0(capsys, monkeypatch, tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        "\n".join(json.dumps({"text": t}) for t in [HARD_SELL, VALUE_FIRST]) + "\n",
        encoding="utf-8",
    )
    code, out, _ = run_cli(capsys, monkeypatch, ["--jsonl", str(path)])
    assert code == 0
    assert [json.loads(line)["flagged"] for line in out.splitlines()] == [True, False]


def test_a_jsonl_batch_longer_than_one_block_keeps_every_line_in_order(
    capsys, monkeypatch, tmp_path
):
    from bot.cli.review import BATCH_LINES, batch_result
    from coach_rules import review

    drafts = [f"{HARD_SELL} ({n})" if n % 3 else f"{VALUE_FIRST} ({n})" for n in range(300)]
    lines = [json.dumps({"text": d}) for d in drafts]
    lines[BATCH_LINES - 1] = "{broken"  # the last line of the first block
    lines[BATCH_LINES] = json.dumps({"text": ""})  # the first line of the second
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, monkeypatch, ["--jsonl", str(path)])
    results = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and len(results) == 300 > BATCH_LINES
    assert "not JSON" in results[BATCH_LINES - 1]["error"]
    assert '{"text": ' in results[BATCH_LINES - 1]["error"]  # what a line should look like
    assert "nothing to review" in results[BATCH_LINES]["error"]
    for n in (0, 1, 2, BATCH_LINES - 2, BATCH_LINES + 1, 299):
        assert results[n] == json.loads(json.dumps(batch_result(review(drafts[n]))))


def test_two_inputs_at_once_are_refused(capsys, monkeypatch, tmp_path):
    code, _, err = run_cli(capsys, monkeypatch, [HARD_SELL, "--file", str(tmp_path / "x")])
    assert code == 2 and "one way only" in err


def test_the_installed_command_runs_as_a_whole_process():
    completed = subprocess.run(
        [sys.executable, "-m", "bot", "review", HARD_SELL, "--json"],
        cwd=REPO,
        capture_output=True,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["flagged"] is True
    modules = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from bot.__main__ import main; main(['review', 'Can we book a demo?']);"
            "print('sklearn' in sys.modules, 'skops' in sys.modules, file=sys.stderr)",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert modules.stderr.strip().endswith("False False"), modules.stderr


def test_jsonl_and_json_say_whether_a_line_was_judged_and_what_kind_of_text_it_is(
    capsys, monkeypatch
):
    lines = [{"text": HARD_SELL}, {"text": "🚀🚀 <https://example.com>"}]
    stdin = "".join(json.dumps(line) + "\n" for line in lines).encode()
    _, out, _ = run_cli(capsys, monkeypatch, ["--jsonl", "-"], stdin)
    judged, unjudged = (json.loads(line) for line in out.splitlines())
    assert (judged["judged"], judged["kind"]) == (True, "draft")
    # An unjudged line must not read as a clean pass.
    assert (unjudged["judged"], unjudged["flagged"], unjudged["kind"]) == (False, False, "draft")
    _, out, _ = run_cli(capsys, monkeypatch, [HARD_SELL, "--json"])
    assert json.loads(out)["kind"] == "draft" and json.loads(out)["judged"] is True


def test_an_overlong_jsonl_line_is_rejected_while_it_is_read_in_bounded_memory(tmp_path):
    import tracemalloc

    from bot.cli.review import MAX_LINE_BYTES, run_batch

    path = tmp_path / "huge.jsonl"
    with path.open("wb") as handle:
        handle.write(b'{"text": "')
        for _ in range(100):  # a 20 MB line
            handle.write(b"buy now " * 25_000)
        handle.write(b'"}\n')
        handle.write(json.dumps({"text": VALUE_FIRST}).encode() + b"\n")
    out = io.StringIO()
    tracemalloc.start()
    try:
        code = run_batch(str(path), io.BytesIO(), out)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert code == 1
    assert "line 1" in first["error"] and f"{MAX_LINE_BYTES:,}" in first["error"]
    assert second["flagged"] is False
    assert peak < 4 * MAX_LINE_BYTES < 20_000_000  # never the whole 20 MB line


def test_chat_to_the_coach_is_reported_as_chat_and_not_judged_unless_told_it_is_a_draft(
    capsys, monkeypatch
):
    _, out, _ = run_cli(capsys, monkeypatch, ["thanks!", "--json"])
    chat = json.loads(out)
    assert (chat["kind"], chat["judged"], chat["flagged"]) == ("chat", False, False)
    _, out, _ = run_cli(capsys, monkeypatch, ["thanks!", "--json", "--as-draft"])
    assert (json.loads(out)["kind"], json.loads(out)["judged"]) == ("draft", True)
    stdin = (json.dumps({"text": "yes"}) + "\n" + json.dumps({"text": HARD_SELL}) + "\n").encode()
    code, out, _ = run_cli(capsys, monkeypatch, ["--jsonl", "-"], stdin)
    first, second = (json.loads(line) for line in out.splitlines())
    assert code == 0
    assert (first["kind"], first["judged"]) == ("chat", False)
    assert (second["kind"], second["judged"], second["flagged"]) == ("draft", True, True)
    code, out, _ = run_cli(capsys, monkeypatch, ["thanks!"])
    assert "reads as chat" in out


def test_json_and_jsonl_carry_the_parts_in_the_findings_offsets(capsys, monkeypatch):
    text = (
        "Thanks, but we're all set this year. Good luck with the launch!\n\nBest,\nAna\n\n"
        "On Tue, 3 Mar 2026 at 10:14, Riya <riya@x.example> wrote:\n> Book a demo today!"
    )
    _, out, _ = run_cli(capsys, monkeypatch, ["--json", text])
    parts = json.loads(out)["parts"]
    assert [p["kind"] for p in parts] == ["written", "signature", "quote"]
    assert text[parts[0]["start"] : parts[0]["end"]].startswith("Thanks, but")
    assert text[parts[2]["start"] : parts[2]["end"]].endswith("Book a demo today!")
    stdin = (json.dumps({"text": text}) + "\n").encode()
    _, out, _ = run_cli(capsys, monkeypatch, ["--jsonl", "-"], stdin)
    assert json.loads(out)["parts"] == parts
