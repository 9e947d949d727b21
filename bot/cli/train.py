"""`netcoach train`: train the draft classifier from the labelled corpus, deterministically.

Keeps a stratified held-out split the model never sees, picks the flag threshold on
cross-validated predictions of the training part, and writes the skops model, its derived
runtime form and a JSON card into `coach_rules/model/`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", type=Path, help="folder of drafts_*.jsonl (default: shipped)")
    parser.add_argument(
        "--model-dir", type=Path, help="where to write the model (default: shipped)"
    )
    parser.add_argument(
        "--extra",
        type=Path,
        metavar="FILE",
        help="labelled rows to add to training only (e.g. from `netcoach feedback export`)",
    )
    parser.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="skip malformed corpus rows instead of stopping at the first one",
    )


def _extra_rows(path: Path, drafts: list, model_dir: Path) -> list | None:
    """The --extra file's rows, minus any that would leak into the held-out or independent sets;
    prints the shipped model's figures first (the "before"). None: the file is unusable."""
    from bot.cli.evaluate import EVALUATION_DIR, INDEPENDENT_DRAFT_SETS, independent_scores
    from coach_rules import calibration, corpus, training
    from coach_rules.metrics import format_scores, score

    try:
        rows = corpus.read_drafts([path], strict=True)
    except OSError as error:
        print(f"Cannot read {path}: {error.strerror}.", file=sys.stderr)
        return None
    except corpus.CorpusError as error:
        print(f"The extra file has a bad row: {error}", file=sys.stderr)
        return None
    clashes = sorted({d.id for d in drafts} & {d.id for d in rows})
    if clashes:
        print(
            f"{path.name} reuses corpus ids ({', '.join(clashes[:5])}); give its rows ids of "
            "their own (`netcoach feedback export` writes x0001…).",
            file=sys.stderr,
        )
        return None
    _, held_out = training.held_out_split(drafts)
    protected = {" ".join(d.text.split()).casefold() for d in held_out}
    for name in INDEPENDENT_DRAFT_SETS:
        if (EVALUATION_DIR / name).exists():
            for line in (EVALUATION_DIR / name).read_text(encoding="utf-8").splitlines():
                if line.strip():
                    protected.add(" ".join(json.loads(line)["text"].split()).casefold())
    kept = [d for d in rows if " ".join(d.text.split()).casefold() not in protected]
    flagged = sum(d.is_flag for d in kept)
    print(f"Extra: {len(kept)} rows from {path.name} ({flagged} flag, {len(kept) - flagged} ok)")
    if len(kept) < len(rows):
        print(
            f"Left out {len(rows) - len(kept)} extra rows whose text is in the held-out or an "
            "independent set (they stay measured, never trained on)."
        )
    card_path = model_dir / training.CARD_FILE
    if card_path.exists() and (model_dir / training.MODEL_FILE).exists():
        card = json.loads(card_path.read_text(encoding="utf-8"))
        threshold = float(card["threshold"])
        short = card.get("short_threshold")
        short_threshold = None if short is None else float(short)
        buckets = calibration.from_json(card.get("length_calibration", {}).get("buckets"))
        pipeline = training.load_pipeline(model_dir / training.MODEL_FILE)
        texts = [d.model_input for d in held_out]
        raw = pipeline.predict_proba(texts)[:, 1].tolist()
        print(f"Before, the model in {model_dir}:")
        print(
            format_scores(
                "Held out",
                score(
                    [d.is_flag for d in held_out],
                    training.calibrated(texts, raw, buckets),
                    threshold,
                    short_threshold=short_threshold,
                    texts=texts,
                ),
            )
        )
        for line in independent_scores(pipeline, threshold, buckets, short_threshold):
            print(line)
    return kept


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
    from coach_rules.metrics import SHORT_DRAFT_CHARS, format_calibration, format_scores

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
    extra: list[corpus.Draft] = []
    if args.extra is not None:
        loaded = _extra_rows(args.extra, drafts, args.model_dir or training.MODEL_DIR)
        if loaded is None:
            return 2
        extra = loaded
    result = training.train(drafts, extra=extra)
    print(
        f"Training on {len(result.training_ids)}, holding out {len(result.held_out_ids)} "
        f"(ids recorded in the card); threshold {result.threshold:.2f}"
        + (
            ""
            if result.short_threshold is None
            else f", {result.short_threshold:.2f} under {SHORT_DRAFT_CHARS} characters"
        )
    )
    print(
        format_scores(
            f"{training.CV_FOLDS}-fold cross-validation (training part)", result.cv_scores
        )
    )
    if result.held_out_scores is not None:
        after = f", after adding the {len(extra)} extra rows" if args.extra is not None else ""
        print(format_scores(f"Held out{after}", result.held_out_scores))
        tables = result.card["held_out_calibration"]
        for key, title in (("before_calibration", "before"), ("calibrated", "after")):
            table = tables[key]  # type: ignore[index]
            print(format_calibration(f"Held out, {title} length calibration", table))
    for name, scores in result.cross_writer.items():
        print(format_scores(f"Cross-writer: trained without {name}, scored on it", scores))

    if args.extra is not None:
        from bot.cli.evaluate import independent_scores

        print(f"Independent sets, after adding the {len(extra)} extra rows:")
        for line in independent_scores(
            result.pipeline, result.threshold, result.length_calibration, result.short_threshold
        ):
            print(line)
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
