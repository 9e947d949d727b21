"""Learning from feedback (issue 13): `netcoach feedback export` and `netcoach train --extra`."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from bot.__main__ import main
from coach_rules import training
from coach_rules.feedback import Feedback, corpus_rows
from storage import open_store
from tests.cli.test_train_cli import write_small_corpus

NOW = datetime(2026, 3, 2, 10, tzinfo=UTC)


def test_helpful_keeps_the_verdict_and_wrong_flag_turns_it():
    export = corpus_rows(
        [
            Feedback("Buy our plan today!!", True, "helpful", ("no-hard-sell",)),
            Feedback("Here is the article I promised.", True, "wrong-flag", ("no-hard-sell",)),
            Feedback("Loved your talk, here are my notes.", False, "helpful"),
            Feedback("Book a demo now or lose the discount.", False, "wrong-flag"),
        ]
    )
    assert [(r["id"], r["label"], r["rules"]) for r in export.rows] == [
        ("x0001", "flag", ["no-hard-sell"]),
        ("x0002", "ok", []),
        ("x0003", "ok", []),
        ("x0004", "flag", []),
    ]
    assert all(r["kind"] == "chat-dm" for r in export.rows)


def test_a_text_marked_twice_keeps_the_latest_verdict_and_long_texts_are_left_out():
    export = corpus_rows(
        [
            Feedback("Buy now", True, "helpful"),
            Feedback("word " * 300, True, "helpful"),
            Feedback("Buy now", True, "wrong-flag"),
        ]
    )
    assert [(r["text"], r["label"]) for r in export.rows] == [("Buy now", "ok")]
    assert (export.too_long, export.repeated) == (1, 1)


def test_feedback_export_writes_only_reviews_whose_text_was_kept(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    store = open_store(url)
    keeper = store.get_or_create_member("slack", "T1", "U1")
    store.update_member(keeper.id, store_drafts_opt_in=True)
    private = store.get_or_create_member("slack", "T1", "U2")
    kept = store.record_review(keeper.id, 20, True, ["no-hard-sell"], "h1", NOW, text="Buy now!")
    wrong = store.record_review(
        keeper.id, 30, True, [], "h2", NOW, text="Here's the deck you asked for"
    )
    unmarked = store.record_review(keeper.id, 90, False, [], "h3", NOW, text="Thanks again")
    hidden = store.record_review(private.id, 20, True, [], "h4", NOW, text="never kept")
    store.record_feedback(keeper.id, kept.id, "helpful", NOW)
    store.record_feedback(keeper.id, wrong.id, "wrong-flag", NOW)
    store.record_feedback(private.id, hidden.id, "wrong-flag", NOW)
    del unmarked
    store.close()

    out = tmp_path / "feedback.jsonl"
    assert main(["feedback", "export", str(out), "--database-url", url]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["text"], r["label"], r["rules"]) for r in rows] == [
        ("Buy now!", "flag", ["no-hard-sell"]),
        ("Here's the deck you asked for", "ok", []),
    ]
    assert "Wrote 2 labelled reviews" in capsys.readouterr().out


def test_train_with_extra_rows_keeps_the_held_out_split_and_prints_before_and_after(
    tmp_path, capsys
):
    data = tmp_path / "data"
    write_small_corpus(data)
    model = tmp_path / "m"
    assert main(["train", "--data-dir", str(data), "--model-dir", str(model)]) == 0
    first = json.loads((model / training.CARD_FILE).read_text())
    capsys.readouterr()

    held_out_text = next(
        json.loads(line)["text"]
        for line in (data / "drafts_t.jsonl").read_text().splitlines()
        if json.loads(line)["id"] in first["data"]["held_out_ids"]
    )
    extra = tmp_path / "feedback.jsonl"
    extra_rows = [
        {
            "id": "x0001",
            "text": "Buy our CRM today, 50% off!!",
            "label": "flag",
            "kind": "chat-dm",
            "rules": [],
        },
        {
            "id": "x0002",
            "text": "Here are my notes from your talk.",
            "label": "ok",
            "kind": "chat-dm",
            "rules": [],
        },
        {"id": "x0003", "text": held_out_text, "label": "ok", "kind": "chat-dm", "rules": []},
    ]
    extra.write_text("".join(json.dumps(r) + "\n" for r in extra_rows))
    args = ["train", "--data-dir", str(data), "--model-dir", str(model), "--extra", str(extra)]
    assert main(args) == 0
    out = capsys.readouterr().out
    second = json.loads((model / training.CARD_FILE).read_text())

    assert second["data"]["held_out_ids"] == first["data"]["held_out_ids"]
    assert second["data"]["extra_rows"] == 2  # the held-out text was left out
    assert second["data"]["training_rows"] == first["data"]["training_rows"] + 2
    assert "Left out 1 extra rows" in out
    assert out.index("Before, the model in") < out.index("after adding the 2 extra rows")

    again = tmp_path / "again"
    assert main([*args[:3], "--model-dir", str(again), "--extra", str(extra)]) == 0
    assert json.loads((again / training.CARD_FILE).read_text())["held_out"] == second["held_out"]


def test_extra_rows_that_reuse_corpus_ids_are_refused(tmp_path, capsys):
    data = tmp_path / "data"
    write_small_corpus(data)
    first_id = json.loads((data / "drafts_t.jsonl").read_text().splitlines()[0])["id"]
    extra = tmp_path / "extra.jsonl"
    extra.write_text(
        json.dumps({"id": first_id, "text": "hi", "label": "ok", "kind": "chat-dm", "rules": []})
        + "\n"
    )
    args = ["train", "--data-dir", str(data), "--model-dir", str(tmp_path / "m")]
    assert main([*args, "--extra", str(extra)]) == 2
    assert "reuses corpus ids" in capsys.readouterr().err
    assert main([*args, "--extra", str(tmp_path / "missing.jsonl")]) == 2
    assert "Cannot read" in capsys.readouterr().err


def test_weeks_of_wrong_flags_for_an_admin(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    member = store.get_or_create_member("slack", "T1", "U1")
    other_workspace = store.get_or_create_member("slack", "T2", "U9")
    for days_ago, flagged, verdict in [
        (0, True, "wrong-flag"),
        (0, True, None),
        (0, False, "helpful"),
        (7, True, "helpful"),
    ]:
        review = store.record_review(
            member.id, 50, flagged, [], "h", NOW - timedelta(days=days_ago)
        )
        if verdict:
            store.record_feedback(member.id, review.id, verdict, NOW)
    store.record_review(other_workspace.id, 10, True, [], "h", NOW)
    weeks = store.wrong_flag_weeks(
        "slack", "T1", NOW - timedelta(days=56), NOW + timedelta(seconds=1)
    )
    store.close()
    assert [(w.week, w.flagged, w.wrong_flags, w.helpful) for w in weeks] == [
        ("2026-W09", 1, 0, 1),
        ("2026-W10", 2, 1, 1),
    ]
    assert weeks[1].wrong_flag_rate == 0.5


def test_evaluate_scores_a_labelled_touch_file(tmp_path, capsys):
    path = tmp_path / "touches.jsonl"
    rows = [
        {"text": "Thank you so much for the intro to Ravi, it meant a lot!", "label": "thank"},
        {"text": "Could you spare 20 minutes next week to advise me?", "label": "ask"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert main(["evaluate", "--data", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Touch classifier on touches.jsonl (n=2)" in out
