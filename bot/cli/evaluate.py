"""`netcoach evaluate`: cross-validated and held-out scores of the shipped models.

For the hard-sell classifier: precision, recall, F1, false flags, and calibration (Brier score
and a reliability table per length bucket). For the draft-or-chat gate: precision and recall
of "draft" on its held-out part. With `--data FILE.jsonl` it scores any labelled JSONL
(`text`, `label` of "flag" or "ok" for drafts, "chat" for chat messages) instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EVALUATION_DIR = Path(__file__).resolve().parents[2] / "tests" / "data"
# Independent sets (other writers, never trained or tuned on; absent from an installed package).
INDEPENDENT_TOUCHES = EVALUATION_DIR / "touches_k_eval.jsonl"
INDEPENDENT_DRAFT_SETS = (
    "unseen_drafts.jsonl",
    "unseen_drafts_2.jsonl",
    "unseen_short_drafts.jsonl",
    "unseen_short_drafts_p.jsonl",
    "unseen_short_drafts_s.jsonl",
    "unseen_shapes.jsonl",
    "unseen_shapes_t.jsonl",
    "unseen_short_drafts_w.jsonl",
    "unseen_shapes_x.jsonl",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, metavar="FILE.jsonl", help="score this labelled JSONL")
    parser.add_argument("--model-dir", type=Path, help="model folder (default: shipped)")
    parser.add_argument("--data-dir", type=Path, help="folder of drafts_*.jsonl (default: shipped)")
    parser.add_argument(
        "--no-cv", action="store_true", help="skip the cross-validation (it retrains 5 times)"
    )


def _read_labelled(path: Path) -> tuple[list[str], list[bool], list[str], list[str]]:
    """(draft texts, is flag, problems, chat texts)."""
    texts: list[str] = []
    truth: list[bool] = []
    problems: list[str] = []
    chat: list[str] = []
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
            if row.get("label") == "chat":
                chat.append(row["text"])
                continue
            if row.get("label") not in ("flag", "ok"):
                problems.append(f'line {number}: "label" is not "flag", "ok" or "chat"')
                continue
            texts.append(row["text"])
            truth.append(row["label"] == "flag")
    return texts, truth, problems, chat


def independent_scores(
    pipeline: object,
    threshold: float,
    length_calibration: object,
    short_threshold: float | None = None,
) -> list[str]:
    """The hard-sell classifier's scores on each independent draft set that is present."""
    from coach_rules import training
    from coach_rules.metrics import format_scores, score
    from coach_rules.reading import model_text

    lines = []
    for name in INDEPENDENT_DRAFT_SETS:
        path = EVALUATION_DIR / name
        if not path.exists():
            continue
        written, truth, _, _ = _read_labelled(path)
        texts = [model_text(text) for text in written]  # as review() and training read a draft
        raw = pipeline.predict_proba(texts)[:, 1].tolist()  # type: ignore[attr-defined]
        probabilities = training.calibrated(texts, raw, length_calibration)  # type: ignore[arg-type]
        scores = score(
            truth, probabilities, threshold, short_threshold=short_threshold, texts=texts
        )
        lines.append(format_scores(f"Independent {name}", scores))
    return lines


def _calibration(texts: list[str], truth: list[bool], probabilities: list[float]) -> str:
    from coach_rules.corpus import word_count
    from coach_rules.metrics import calibration_by_length, format_calibration

    table = calibration_by_length(truth, probabilities, [word_count(t) for t in texts])
    return format_calibration("Calibration by length", table)


def _gate_lines(model_dir: Path, data_dir: Path | None) -> list[str]:
    """The gate's figures on its held-out part (recomputed from the saved skops model)."""
    from coach_rules import corpus, gate_training

    card_path = model_dir / gate_training.GATE_CARD_FILE
    if not card_path.exists():
        return ["No draft-or-chat gate trained; every text is reviewed as a draft."]
    card = json.loads(card_path.read_text(encoding="utf-8"))
    messages = gate_training.load_messages(data_dir or corpus.DATA_DIR, strict=False)
    held_ids = set(card["data"]["held_out_ids"])
    held = [m for m in messages if m.id in held_ids]
    if not held:
        return ["No held-out messages for the gate found in the data."]
    pipeline = gate_training.load_pipeline(model_dir / gate_training.GATE_MODEL_FILE)
    probabilities = pipeline.predict_proba([m.text for m in held])[:, 1].tolist()
    figures = gate_training.gate_figures(
        [m.is_draft for m in held], probabilities, card["chat_below"], card["draft_from"]
    )
    return [gate_training.format_figures("Draft-or-chat gate, held out", figures)]


def _touch_lines(model_dir: Path, data_dir: Path | None) -> list[str]:
    """The touch classifier's figures on its held-out part and on the independent set."""
    from coach_rules import corpus, touch_training

    card_path = model_dir / touch_training.TOUCH_CARD_FILE
    if not card_path.exists():
        return ["No give/ask/thank touch classifier trained."]
    card = json.loads(card_path.read_text(encoding="utf-8"))
    pipeline = touch_training.load_pipeline(model_dir / touch_training.TOUCH_MODEL_FILE)
    held_ids = set(card["data"]["held_out_ids"])
    held = [t for t in touch_training.load_touches(data_dir or corpus.DATA_DIR) if t.id in held_ids]
    lines = []
    if held:
        figures = touch_training.touch_figures(
            [touch_training.touches.TOUCH_KINDS.index(t.label) for t in held],
            touch_training.predict(pipeline, [t.text for t in held]),
        )
        lines.append(touch_training.format_touch_figures("Touch classifier, held out", figures))
    else:
        lines.append("No held-out touches for the touch classifier found in the data.")
    if INDEPENDENT_TOUCHES.exists():
        independent = touch_training.read_touches(INDEPENDENT_TOUCHES)
        figures = touch_training.touch_figures(
            [touch_training.touches.TOUCH_KINDS.index(t.label) for t in independent],
            touch_training.predict(pipeline, [t.text for t in independent]),
        )
        lines.append(
            touch_training.format_touch_figures(
                "Touch classifier, independent set (writer K, never trained on)", figures
            )
        )
    return lines


def _touches_of(path: Path, model_dir: Path) -> list[str] | None:
    """Figures for a labelled touch file (label give/ask/thank), or None if it is not one."""
    from coach_rules import touch_training

    try:
        rows = touch_training.read_touches(path)
    except (touch_training.TouchDataError, UnicodeDecodeError):
        return None
    if not rows:
        return None
    model_path = model_dir / touch_training.TOUCH_MODEL_FILE
    if not model_path.exists():
        return [f"No touch classifier in {model_dir}; run `netcoach train` first."]
    pipeline = touch_training.load_pipeline(model_path)
    figures = touch_training.touch_figures(
        [touch_training.touches.TOUCH_KINDS.index(t.label) for t in rows],
        touch_training.predict(pipeline, [t.text for t in rows]),
    )
    return [touch_training.format_touch_figures(f"Touch classifier on {path.name}", figures)]


def _gate_on_chat(model_dir: Path, chat: list[str]) -> str:
    from coach_rules import gate_training

    card = json.loads((model_dir / gate_training.GATE_CARD_FILE).read_text(encoding="utf-8"))
    pipeline = gate_training.load_pipeline(model_dir / gate_training.GATE_MODEL_FILE)
    probabilities = pipeline.predict_proba(chat)[:, 1].tolist()
    figures = gate_training.gate_figures(
        [False] * len(chat), probabilities, card["chat_below"], card["draft_from"]
    )
    return gate_training.format_figures("Draft-or-chat gate on the chat rows", figures)


def run(args: argparse.Namespace) -> int:
    from coach_rules import calibration, corpus, training
    from coach_rules.metrics import format_scores, score
    from coach_rules.reading import model_text

    model_dir = args.model_dir or training.MODEL_DIR
    card_path = model_dir / training.CARD_FILE
    model_path = model_dir / training.MODEL_FILE
    if not card_path.exists() or not model_path.exists():
        print(f"No trained model in {model_dir}; run `netcoach train` first.", file=sys.stderr)
        return 2
    card = json.loads(card_path.read_text(encoding="utf-8"))
    threshold = float(card["threshold"])
    short = card.get("short_threshold")
    short_threshold = None if short is None else float(short)
    length_calibration = calibration.from_json(card.get("length_calibration", {}).get("buckets"))

    def probabilities_of(pipeline: object, texts: list[str]) -> list[float]:
        raw = pipeline.predict_proba(texts)[:, 1].tolist()  # type: ignore[attr-defined]
        return training.calibrated(texts, raw, length_calibration)

    if args.data is not None:
        touch_lines = _touches_of(args.data, model_dir) if args.data.is_file() else None
        if touch_lines is not None:
            print("\n".join(touch_lines))
            return 0
        try:
            texts, truth, problems, chat = _read_labelled(args.data)
        except OSError as error:
            print(f"Cannot read {args.data}: {error.strerror}.", file=sys.stderr)
            return 2
        for problem in problems[:10]:
            print(f"skipped {problem}", file=sys.stderr)
        if len(problems) > 10:
            print(f"... and {len(problems) - 10} more skipped lines", file=sys.stderr)
        if not texts and not chat:
            print(f"{args.data} has no usable labelled rows.", file=sys.stderr)
            return 2
        if texts:
            pipeline = training.load_pipeline(model_path)
            probabilities = probabilities_of(pipeline, texts)
            model_texts = [model_text(text) for text in texts]
            scores = score(
                truth,
                probabilities,
                threshold,
                short_threshold=short_threshold,
                texts=model_texts,
            )
            print(format_scores(f"{args.data.name}", scores))
            print(_calibration(texts, truth, probabilities))
        if chat:
            print(_gate_on_chat(model_dir, chat))
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
        raw = training.cross_validated_probabilities(training_part, params, folds)
        probabilities = training.calibrated(
            [d.model_input for d in training_part], raw, length_calibration
        )
        truth = [d.is_flag for d in training_part]
        texts = [d.model_input for d in training_part]
        print(
            format_scores(
                f"{folds}-fold cross-validation (training part)",
                score(
                    truth, probabilities, threshold, short_threshold=short_threshold, texts=texts
                ),
            )
        )
    if held_out:
        pipeline = training.load_pipeline(model_path)
        probabilities = probabilities_of(pipeline, [d.model_input for d in held_out])
        truth = [d.is_flag for d in held_out]
        texts = [d.model_input for d in held_out]
        print(
            format_scores(
                "Held out (never seen in training)",
                score(
                    truth, probabilities, threshold, short_threshold=short_threshold, texts=texts
                ),
            )
        )
        print(_calibration([d.model_input for d in held_out], truth, probabilities))
    else:
        print("No held-out drafts found in the corpus.", file=sys.stderr)
    for line in _gate_lines(model_dir, args.data_dir):
        print(line)
    for line in _touch_lines(model_dir, args.data_dir):
        print(line)
    return 0
