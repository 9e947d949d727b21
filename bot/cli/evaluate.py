"""`netcoach evaluate`: cross-validated and held-out scores of the shipped model.

With `--data FILE.jsonl` it scores any labelled JSONL (`text`, `label` of "flag" or "ok")
with the saved model instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, metavar="FILE.jsonl", help="score this labelled JSONL")
    parser.add_argument("--model-dir", type=Path, help="model folder (default: shipped)")
    parser.add_argument("--data-dir", type=Path, help="folder of drafts_*.jsonl (default: shipped)")
    parser.add_argument(
        "--no-cv", action="store_true", help="skip the cross-validation (it retrains 5 times)"
    )


def _read_labelled(path: Path) -> tuple[list[str], list[bool], list[str]]:
    texts: list[str] = []
    truth: list[bool] = []
    problems: list[str] = []
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                problems.append(f"line {number}: not UTF-8 JSON")
                continue
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                problems.append(f'line {number}: no string "text"')
                continue
            if row.get("label") not in ("flag", "ok"):
                problems.append(f'line {number}: "label" is not "flag" or "ok"')
                continue
            texts.append(row["text"])
            truth.append(row["label"] == "flag")
    return texts, truth, problems


def run(args: argparse.Namespace) -> int:
    from coach_rules import corpus, training
    from coach_rules.metrics import format_scores, score

    model_dir = args.model_dir or training.MODEL_DIR
    card_path = model_dir / training.CARD_FILE
    model_path = model_dir / training.MODEL_FILE
    if not card_path.exists() or not model_path.exists():
        print(f"No trained model in {model_dir}; run `netcoach train` first.", file=sys.stderr)
        return 2
    card = json.loads(card_path.read_text(encoding="utf-8"))
    threshold = float(card["threshold"])

    if args.data is not None:
        try:
            texts, truth, problems = _read_labelled(args.data)
        except OSError as error:
            print(f"Cannot read {args.data}: {error.strerror}.", file=sys.stderr)
            return 2
        for problem in problems[:10]:
            print(f"skipped {problem}", file=sys.stderr)
        if len(problems) > 10:
            print(f"... and {len(problems) - 10} more skipped lines", file=sys.stderr)
        if not texts:
            print(f"{args.data} has no usable labelled rows.", file=sys.stderr)
            return 2
        pipeline = training.load_pipeline(model_path)
        probabilities = pipeline.predict_proba(texts)[:, 1].tolist()
        print(format_scores(f"{args.data.name}", score(truth, probabilities, threshold)))
        return 0

    drafts = corpus.load_corpus(args.data_dir or corpus.DATA_DIR, strict=False)
    if corpus.corpus_hash(drafts) != card["data"]["sha256"]:
        print(
            "Note: the corpus changed since the model was trained; the scores use the current "
            "rows with the held-out ids recorded at training time. Run `netcoach train` to "
            "retrain.",
            file=sys.stderr,
        )
    held_out_ids = set(card["data"]["held_out_ids"])
    training_part = [d for d in drafts if d.id not in held_out_ids]
    held_out = [d for d in drafts if d.id in held_out_ids]

    if not args.no_cv:
        params = training.ModelParams(**card["params"])
        folds = int(card["cross_validation"]["folds"])
        probabilities = training.cross_validated_probabilities(training_part, params, folds)
        truth = [d.is_flag for d in training_part]
        print(
            format_scores(
                f"{folds}-fold cross-validation (training part)",
                score(truth, probabilities, threshold),
            )
        )
    if held_out:
        pipeline = training.load_pipeline(model_path)
        probabilities = pipeline.predict_proba([d.text for d in held_out])[:, 1].tolist()
        truth = [d.is_flag for d in held_out]
        print(
            format_scores(
                "Held out (never seen in training)", score(truth, probabilities, threshold)
            )
        )
    else:
        print("No held-out drafts found in the corpus.", file=sys.stderr)
    return 0
