"""Train, measure and save the intent guesser for lines the rules gave up on (issue 11).

    python -m tests.core.intent_training            # leave one writer out, then train and save
    python -m tests.core.intent_training --lowo     # the leave-one-writer-out table only

Data: the labelled development phrasing files, named one by one in `FILES` (text -> the
command of `expect`, with `chat` and `review`); never the held-out file. The model is
`bot.core.intent_guess`'s: a multinomial logistic regression over binary, l2-normalised terms
(`intent_features`), fitted with scikit-learn, its weights rounded to float32 so the runtime
form stores them in four bytes each, saved with skops beside the project's other models
(`coach_rules/model/intent_guess.*`); the runtime form is derived from the re-loaded skops file
and must give the same probabilities before anything is written.

Leave one writer out: for each file, a model trained on the other files reads the lines of that
file the rules return as "not a command" (the parser knowing the file's eight contacts), and
the table says, per threshold: (a) how often the guessed command is the labelled one, (b) how
often the button offered (command and person) is exactly right, (c) how often a command button
is offered for a line labelled chat or review. Buttons are built as the service builds them:
only for lines the draft-or-chat gate does not call a draft, with the person a contact the line
names. The member's contacts are taken to be the file's eight plus everyone the writer's file
names (people are logged before they are cancelled or renamed).
"""

from __future__ import annotations

import base64
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from bot.core import commands as c
from bot.core import intent_guess
from bot.core.parser import parse_command
from coach_rules import skops_files
from coach_rules.gate import classify_message
from coach_rules.splits import SEED, data_hash
from coach_rules.training import library_versions
from storage.names import name_key
from tests.core.phrasings import CONTACTS, DATA, load

# Every development file, by name (never a glob: the held-out file sits beside them).
FILES: tuple[str, ...] = (
    "command_phrasings.jsonl",
    *(f"command_phrasings_dev{n}.jsonl" for n in range(2, 33)),
)
MODEL_FILE = "intent_guess.skops"
CARD_FILE = "intent_guess.card.json"
C = 10.0
MIN_DF = 2
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.8)
TRUSTED_TYPES: tuple[str, ...] = ("bot.core.intent_guess.intent_features",)


def load_files(files: Sequence[str] = FILES) -> dict[str, list[dict[str, Any]]]:
    return {name: load(DATA / name) for name in files}


def build_pipeline(c_value: float = C) -> Pipeline:
    vectorizer = TfidfVectorizer(
        analyzer=intent_guess.intent_features,
        binary=True,
        use_idf=False,
        norm="l2",
        min_df=MIN_DF,
        dtype=np.float64,
    )
    classifier = LogisticRegression(C=c_value, max_iter=5000, random_state=SEED)
    return Pipeline([("features", vectorizer), ("classifier", classifier)])


def fit(rows: Sequence[dict[str, Any]], c_value: float = C) -> Pipeline:
    """The pipeline fitted on `rows`, its weights rounded to float32 (what the runtime keeps)."""
    pipeline = build_pipeline(c_value).fit(
        [row["text"] for row in rows], [row["expect"]["command"] for row in rows]
    )
    classifier: LogisticRegression = pipeline.named_steps["classifier"]
    unknown = set(classifier.classes_) - set(intent_guess.INTENTS)
    if unknown:
        raise ValueError(f"labels the intent model does not know: {sorted(unknown)}")
    classifier.coef_ = classifier.coef_.astype(np.float32).astype(np.float64)
    return pipeline


def export_runtime(pipeline: Pipeline, sha: str) -> dict[str, Any]:
    vectorizer: TfidfVectorizer = pipeline.named_steps["features"]
    classifier: LogisticRegression = pipeline.named_steps["classifier"]
    terms = [""] * len(vectorizer.vocabulary_)
    for term, column in vectorizer.vocabulary_.items():
        terms[column] = term
    weights = np.ascontiguousarray(classifier.coef_.T, dtype="<f4")
    return {
        "format": intent_guess.INTENT_FORMAT,
        "source_sha256": sha,
        "classes": [str(k) for k in classifier.classes_],
        "terms": terms,
        "weights_f32": base64.b64encode(weights.tobytes()).decode("ascii"),
        "intercepts": [float(b) for b in classifier.intercept_],
    }


def runtime_model(pipeline: Pipeline) -> intent_guess.IntentModel:
    return intent_guess.IntentModel(export_runtime(pipeline, "in memory"))


def largest_difference(
    pipeline: Pipeline, model: intent_guess.IntentModel, texts: list[str]
) -> float:
    expected = pipeline.predict_proba(texts)
    actual = np.array([model.probabilities(text) for text in texts])
    return float(np.max(np.abs(expected - actual)))


@dataclass(frozen=True)
class Line:
    """One line of a held-out writer's file that the rules returned as "not a command"."""

    file: str
    label: str
    person: str | None
    gate: str
    guess: str
    probability: float
    offered: str | None  # the guessed command of the button built at the lowest threshold
    offered_person: str | None


def unclear_lines(rows_by_file: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict]]:
    """Per file, the rows the parser returns as `NotACommand`."""
    return {
        name: [
            row
            for row in rows
            if isinstance(
                parse_command(row["text"], direct_message=True, known_names=CONTACTS),
                c.NotACommand,
            )
        ]
        for name, rows in rows_by_file.items()
    }


def address_book(rows: Sequence[dict[str, Any]]) -> list[str]:
    """The eight contacts of the phrasing files and everyone this writer's file names."""
    named = [row["expect"].get("person") for row in rows]
    return list(dict.fromkeys([*CONTACTS, *(p for p in named if isinstance(p, str))]))


def _held_out_lines(
    name: str, train: list[dict[str, Any]], rows: list[dict[str, Any]], unclear: list[dict]
) -> list[Line]:
    model = runtime_model(fit(train))
    names = address_book(rows)
    out = []
    for row in unclear:
        guess = model.guess(row["text"])
        gate = classify_message(row["text"]).kind
        offer = (
            intent_guess.guessed_offer(row["text"], names, model, threshold=min(THRESHOLDS))
            if gate != "draft"
            else None
        )
        out.append(
            Line(
                file=name,
                label=row["expect"]["command"],
                person=row["expect"].get("person"),
                gate=gate,
                guess=guess.command,
                probability=guess.probability,
                offered=offer.guess.command if offer else None,
                offered_person=offer.person if offer else None,
            )
        )
    return out


def leave_one_writer_out(rows_by_file: dict[str, list[dict[str, Any]]]) -> list[Line]:
    from joblib import Parallel, delayed

    unclear = unclear_lines(rows_by_file)
    jobs = [
        delayed(_held_out_lines)(
            name,
            [row for other, rows in rows_by_file.items() if other != name for row in rows],
            rows_by_file[name],
            unclear[name],
        )
        for name in rows_by_file
        if unclear[name]
    ]
    return [line for lines in Parallel(n_jobs=2)(jobs) for line in lines]


NOT_COMMANDS = ("chat", "review")


def _exact(line: Line) -> bool:
    if line.offered != line.label:
        return False
    if line.offered not in intent_guess.NEEDS_PERSON:
        return True
    return name_key(line.offered_person or "") == name_key(line.person or "")


def figures(lines: Sequence[Line], threshold: float) -> dict[str, Any]:
    """(a), (b) and (c) at one threshold (a button is offered at or above it)."""
    commands = [line for line in lines if line.label not in NOT_COMMANDS]
    others = [line for line in lines if line.label in NOT_COMMANDS]
    offered = [
        line for line in commands if line.offered is not None and line.probability >= threshold
    ]
    wrongly = [
        line for line in others if line.offered is not None and line.probability >= threshold
    ]
    return {
        "threshold": threshold,
        "command_lines": len(commands),
        "guess_right": sum(line.guess == line.label for line in commands),
        "buttons_offered": len(offered),
        "buttons_exact": sum(_exact(line) for line in offered),
        "chat_review_lines": len(others),
        "buttons_on_chat_review": len(wrongly),
        "buttons_on_chat": sum(line.label == "chat" for line in wrongly),
        "buttons_on_review": sum(line.label == "review" for line in wrongly),
    }


def table(lines: Sequence[Line]) -> str:
    rows = [figures(lines, t) for t in THRESHOLDS]
    first = rows[0]
    n, m = first["command_lines"], first["chat_review_lines"]
    out = [
        f"lines the rules return as not a command: {n} labelled a command, {m} chat or review "
        f"({len({line.file for line in lines})} writers, each read by a model trained on the "
        "others)",
        f"(a) guessed command is the labelled one: {first['guess_right']} of {n} "
        f"({first['guess_right'] / n:.1%}; any probability, gate aside)",
        "",
        "| threshold | buttons offered (of command lines) | (b) button exactly right "
        "(of command lines) | exact among offered | (c) command button on chat / review |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        offered, exact = row["buttons_offered"], row["buttons_exact"]
        out.append(
            f"| {row['threshold']:.2f} | {offered} ({offered / n:.1%}) | {exact} "
            f"({exact / n:.1%}) | {exact / offered if offered else 0:.1%} | "
            f"{row['buttons_on_chat_review']} of {m} ({row['buttons_on_chat_review'] / m:.1%}: "
            f"{row['buttons_on_chat']} chat, {row['buttons_on_review']} review) |"
        )
    return "\n".join(out)


def per_command(lines: Sequence[Line], threshold: float) -> str:
    labels = Counter(line.label for line in lines if line.label not in NOT_COMMANDS)
    out = ["| label | lines | (a) guessed | buttons | (b) exact |", "|---|---|---|---|---|"]
    for label, count in labels.most_common():
        mine = [line for line in lines if line.label == label]
        offered = [x for x in mine if x.offered is not None and x.probability >= threshold]
        out.append(
            f"| {label} | {count} | {sum(x.guess == label for x in mine)} | {len(offered)} | "
            f"{sum(_exact(x) for x in offered)} |"
        )
    return "\n".join(out)


def train_and_save(
    rows_by_file: dict[str, list[dict[str, Any]]], lines: Sequence[Line], model_dir: Path
) -> dict[str, Any]:
    rows = [row for rows in rows_by_file.values() for row in rows]
    pipeline = fit(rows)
    texts = [row["text"] for row in rows]
    runtime_path = model_dir / intent_guess.RUNTIME_NAME
    published = skops_files.publish(
        pipeline,
        model_dir / MODEL_FILE,
        runtime_path,
        TRUSTED_TYPES,
        export=export_runtime,
        largest_difference=lambda reloaded, exported: largest_difference(
            reloaded, intent_guess.IntentModel(exported), texts
        ),
        check_texts=len(texts),
    )
    card = {
        "what": "a guess at the command a line means, offered as one button only for lines the "
        "rule parser returns as not a command and the draft-or-chat gate does not call a draft "
        "(bot/core/intent_guess.py)",
        "model_file": MODEL_FILE,
        "runtime_file": intent_guess.RUNTIME_NAME,
        "data": {
            "files": {name: len(rows) for name, rows in rows_by_file.items()},
            "rows": len(rows),
            "sha256": data_hash([row["id"], row["expect"]["command"], row["text"]] for row in rows),
            "per_label": dict(Counter(row["expect"]["command"] for row in rows).most_common()),
            "not_trained_on": "tests/data/command_phrasings_holdout.jsonl",
        },
        "seed": SEED,
        "params": {
            "C": C,
            "min_df": MIN_DF,
            "features": "words, word pairs, character 2-4-grams inside words, first word; "
            "binary, l2-normalised",
            "weights": "float32",
            "threshold": intent_guess.THRESHOLD,
        },
        "terms": len(published.exported["terms"]),
        "leave_one_writer_out": [figures(lines, t) for t in THRESHOLDS],
        "runtime_agreement": published.agreement,
        "model_sha256": published.model_sha256,
        "runtime_sha256": published.runtime_sha256,
        "versions": library_versions(),
    }
    (model_dir / CARD_FILE).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card


def main(argv: list[str]) -> int:
    rows_by_file = load_files()
    lines = leave_one_writer_out(rows_by_file)
    print(table(lines))
    print()
    print(f"per label at threshold {intent_guess.THRESHOLD}:")
    print(per_command(lines, intent_guess.THRESHOLD))
    if "--lowo" in argv:
        return 0
    card = train_and_save(rows_by_file, lines, intent_guess.runtime_file().parent)
    print(
        f"\nsaved {MODEL_FILE} ({card['terms']} terms; runtime agrees to "
        f"{card['runtime_agreement']['max_abs_difference']:.1e})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
