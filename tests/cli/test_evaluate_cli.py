"""`netcoach evaluate`: CV and held-out figures, and scoring any labelled JSONL."""

import json

import pytest

from bot.__main__ import main
from tests.cli.test_train_cli import write_small_corpus


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    folder = tmp_path_factory.mktemp("trained")
    write_small_corpus(folder / "data")
    data, model = str(folder / "data"), str(folder / "m")
    assert main(["train", "--data-dir", data, "--model-dir", model]) == 0
    return folder


def test_evaluate_prints_cross_validated_and_held_out_figures(trained, capsys):
    code = main(
        ["evaluate", "--model-dir", str(trained / "m"), "--data-dir", str(trained / "data")]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "5-fold cross-validation" in out and "Held out" in out
    for figure in ("precision", "recall", "F1", "false-flag rate", "ROC-AUC", "labelled flag"):
        assert figure in out


def test_evaluate_data_scores_a_labelled_jsonl_and_reports_skipped_lines(trained, tmp_path, capsys):
    path = tmp_path / "unseen.jsonl"
    rows = [
        {"text": "Only 2 seats left - book your demo with me today!", "label": "flag"},
        {"text": "Here's the article I mentioned at lunch, no need to reply.", "label": "ok"},
        {"text": "missing label"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n", encoding="utf-8")
    code = main(["evaluate", "--model-dir", str(trained / "m"), "--data", str(path)])
    captured = capsys.readouterr()
    assert code == 0
    assert "unseen.jsonl (n=2" in captured.out
    assert "line 3" in captured.err and "line 4" in captured.err


def test_evaluate_without_a_model_exits_2(tmp_path, capsys):
    assert main(["evaluate", "--model-dir", str(tmp_path)]) == 2
    assert "netcoach train" in capsys.readouterr().err
