"""`netcoach train`: train the draft classifier from the labelled corpus, deterministically.

Keeps a stratified held-out split the model never sees, picks the flag threshold on
cross-validated predictions of the training part, and writes the skops model, its derived
runtime form and a JSON card into `coach_rules/model/`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", type=Path, help="folder of drafts_*.jsonl (default: shipped)")
    parser.add_argument(
        "--model-dir", type=Path, help="where to write the model (default: shipped)"
    )
    parser.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="skip malformed corpus rows instead of stopping at the first one",
    )


def _train_touches(data_dir: Path, model_dir: Path | None) -> int:
    """The give/ask/thank classifier, from the same data folder's touches_*.jsonl."""
    from coach_rules import touch_training

    touch_dir = model_dir or touch_training.default_model_dir()
    try:
        card = touch_training.train_and_save(data_dir, touch_dir)
    except touch_training.TouchDataError as error:
        print(f"The touch data has a bad row: {error}", file=sys.stderr)
        return 2
    except touch_training.NoTouchDataError:
        print(
            f"No give/ask/thank touches (touches_*.jsonl) in {data_dir}: the touch classifier "
            "was not trained; reviews suggest no touch kind.",
            file=sys.stderr,
        )
        return 0
    print(touch_training.format_touch_card(card))
    print(f"wrote the touch classifier to {touch_dir}")
    return 0


def run(args: argparse.Namespace) -> int:
    from coach_rules import corpus, gate_training, training
    from coach_rules.metrics import format_calibration, format_scores

    data_dir = args.data_dir or corpus.DATA_DIR
    try:
        drafts = corpus.load_corpus(data_dir, strict=not args.skip_bad_rows)
    except corpus.CorpusError as error:
        print(f"The corpus has a bad row: {error}", file=sys.stderr)
        print("Fix it, or pass --skip-bad-rows to leave such rows out.", file=sys.stderr)
        return 2
    labels = {d.label for d in drafts}
    if len(drafts) < 20 or labels != {"ok", "flag"}:
        print(
            f"Not enough labelled drafts to train: {len(drafts)} rows in {data_dir} "
            "(need at least 20, with both labels).",
            file=sys.stderr,
        )
        return 2

    flagged = sum(d.is_flag for d in drafts)
    print(f"Corpus: {len(drafts)} drafts ({flagged} flag, {len(drafts) - flagged} ok)")
    result = training.train(drafts)
    print(
        f"Training on {len(result.training_ids)}, holding out {len(result.held_out_ids)} "
        f"(ids recorded in the card); threshold {result.threshold:.2f}"
    )
    print(
        format_scores(
            f"{training.CV_FOLDS}-fold cross-validation (training part)", result.cv_scores
        )
    )
    if result.held_out_scores is not None:
        print(format_scores("Held out", result.held_out_scores))
        tables = result.card["held_out_calibration"]
        for key, title in (("before_calibration", "before"), ("calibrated", "after")):
            table = tables[key]  # type: ignore[index]
            print(format_calibration(f"Held out, {title} length calibration", table))
    for name, scores in result.cross_writer.items():
        print(format_scores(f"Cross-writer: trained without {name}, scored on it", scores))

    held_out = set(result.held_out_ids)
    check_texts = [d.text for d in drafts if d.id in held_out]
    paths = training.save(result, check_texts, args.model_dir or training.MODEL_DIR)
    for name, path in paths.items():
        print(f"wrote {name}: {path} ({path.stat().st_size / 1e6:.2f} MB)")

    touch_status = _train_touches(data_dir, args.model_dir)
    if touch_status:
        return touch_status

    gate_dir = args.model_dir or gate_training.default_model_dir()
    try:
        gate_card = gate_training.train_and_save(data_dir, gate_dir, strict=not args.skip_bad_rows)
    except gate_training.NoChatDataError:
        print(
            f"No chat messages (chat_*.jsonl) in {data_dir}: the draft-or-chat gate was not "
            "trained; every text will be reviewed as a draft.",
            file=sys.stderr,
        )
        return 0
    print(gate_training.format_gate_card(gate_card))
    print(f"wrote the draft-or-chat gate to {gate_dir}")
    return 0
