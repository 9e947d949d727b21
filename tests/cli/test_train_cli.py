"""`netcoach train` on a small corpus in a temporary folder."""

import json

from bot.__main__ import main
from coach_rules import corpus, runtime, training


def write_small_corpus(folder, per_label=60, extra_lines=()):
    drafts = corpus.load_corpus(strict=False)
    chosen = [d for d in drafts if d.is_flag][:per_label] + [d for d in drafts if not d.is_flag][
        :per_label
    ]
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        json.dumps(
            {"id": d.id, "text": d.text, "label": d.label, "kind": d.kind, "rules": list(d.rules)}
        )
        for d in chosen
    ]
    (folder / "drafts_t.jsonl").write_text(
        "\n".join([*lines, *extra_lines]) + "\n", encoding="utf-8"
    )


def test_train_writes_model_runtime_and_card_and_prints_scores(tmp_path, capsys):
    write_small_corpus(tmp_path / "data")
    code = main(["train", "--data-dir", str(tmp_path / "data"), "--model-dir", str(tmp_path / "m")])
    out = capsys.readouterr().out
    assert code == 0
    assert "5-fold cross-validation" in out and "Held out" in out
    card = json.loads((tmp_path / "m" / training.CARD_FILE).read_text())
    assert card["data"]["rows"] == 120
    assert (tmp_path / "m" / training.MODEL_FILE).exists()
    assert (
        runtime.RuntimeModel.load(tmp_path / "m" / runtime.RUNTIME_FILE).threshold
        == card["threshold"]
    )


def test_a_bad_row_stops_training_unless_told_to_skip_it(tmp_path, capsys):
    write_small_corpus(tmp_path / "data", extra_lines=['{"id": "t9999", "text": 5}'])
    args = ["train", "--data-dir", str(tmp_path / "data"), "--model-dir", str(tmp_path / "m")]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "drafts_t.jsonl:121" in err and "--skip-bad-rows" in err
    assert main([*args, "--skip-bad-rows"]) == 0


def test_too_few_rows_exit_2(tmp_path, capsys):
    write_small_corpus(tmp_path / "data", per_label=5)
    assert (
        main(["train", "--data-dir", str(tmp_path / "data"), "--model-dir", str(tmp_path / "m")])
        == 2
    )
    assert "Not enough labelled drafts" in capsys.readouterr().err
