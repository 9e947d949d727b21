"""Train, measure and save the draft-or-chat gate (imports scikit-learn and skops).

Data: every labelled draft of the hard-sell corpus and writer A's short near-miss drafts are
"draft"; writer A's chat messages are "chat" (see `data/DATA_CARD.md`). A seeded, stratified
20% is held out for the card's figures. The skops pipeline is the source of truth; the runtime
form (`coach_rules.gate.GateModel`) is derived from the re-loaded skops file and must give the
same probabilities before anything is written.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline

from coach_rules import corpus, gate, skops_files
from coach_rules.splits import (
    HELD_OUT_SHARE,
    SEED,
    data_hash,
    held_out_ids,
    predictions_by_unseen_writer,
    split,
    writer_of,
)
from coach_rules.training import library_versions

GATE_MODEL_FILE = "gate.skops"
GATE_CARD_FILE = "gate.card.json"
CHAT_FILES_GLOB = "chat_*.jsonl"
CV_FOLDS = 5
C = 4.0
# Thresholds, chosen on the training part (`with_drafts_by_unseen_writers`): at most this share
# of drafts may be called chat (a draft the coach never reviews), and at most this share of
# chat may be called a draft (then the member gets a review instead of an answer).
MAX_DRAFTS_AS_CHAT = 0.005
MAX_CHAT_AS_DRAFT = 0.01
TRUSTED_TYPES: tuple[str, ...] = ("coach_rules.gate.gate_features",)


@dataclass(frozen=True)
class Message:
    id: str
    text: str
    is_draft: bool
    source: str  # which file, for the card
    writer: str | None = None  # a draft's writer (`corpus.Draft.writer`); None: the id's letter


def load_chat(data_dir: Path = corpus.DATA_DIR) -> list[Message]:
    """Every row of the chat_*.jsonl files (label "chat"), by id."""
    messages = []
    for path in sorted(data_dir.glob(CHAT_FILES_GLOB)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("label") != "chat" or not isinstance(row.get("text"), str):
                raise corpus.CorpusError(f"{path.name}: {row.get('id')!r} is not a chat row")
            messages.append(Message(row["id"], row["text"], False, path.name))
    return sorted(messages, key=lambda m: m.id)


def load_messages(data_dir: Path = corpus.DATA_DIR, *, strict: bool = True) -> list[Message]:
    """Every corpus draft (as "draft") and every chat message, by id."""
    drafts = [
        Message(d.id, d.text, True, "drafts", d.writer)
        for d in corpus.load_corpus(data_dir, strict=strict)
    ]
    return sorted(drafts + load_chat(data_dir), key=lambda m: m.id)


def messages_hash(messages: Sequence[Message]) -> str:
    return data_hash([m.id, m.is_draft, m.text] for m in messages)


def held_out_split(messages: Sequence[Message]) -> tuple[list[Message], list[Message]]:
    """(training, held out): per label and source, the first 20% in a seeded hash order."""
    held = held_out_ids(
        messages, row_id=lambda m: m.id, stratum=lambda m: (m.is_draft, m.source), salt="gate:"
    )
    return split(messages, held, lambda m: m.id)


def build_pipeline() -> Pipeline:
    vectorizer = TfidfVectorizer(
        analyzer=gate.gate_features, binary=True, use_idf=False, norm="l2", min_df=2
    )
    classifier = LogisticRegression(
        C=C, solver="liblinear", max_iter=2000, class_weight="balanced", random_state=SEED
    )
    return Pipeline([("features", vectorizer), ("classifier", classifier)])


def cross_validated(messages: Sequence[Message]) -> np.ndarray:
    texts = [m.text for m in messages]
    labels = np.array([m.is_draft for m in messages])
    out = np.zeros(len(messages))
    for train_idx, test_idx in StratifiedKFold(CV_FOLDS, shuffle=True, random_state=SEED).split(
        texts, labels
    ):
        pipeline = build_pipeline().fit([texts[i] for i in train_idx], labels[train_idx])
        out[test_idx] = pipeline.predict_proba([texts[i] for i in test_idx])[:, 1]
    return out


def with_drafts_by_unseen_writers(messages: Sequence[Message], cv: np.ndarray) -> np.ndarray:
    """`cv` with each draft's probability replaced by one from a gate trained without that
    draft's corpus file (every chat message still in training).

    Each drafts file is one writer (`corpus.Draft.writer`), and random folds share a writer's
    phrasing between training and test: on drafts by writers it never saw, the gate called about
    five times more drafts chat than cross-validation promised. Chat keeps its cross-validated
    probability: short chat is stock phrasing that every writer shares.
    """
    texts = [m.text for m in messages]
    labels = np.array([m.is_draft for m in messages])

    def fit_predict(train: list[int], predict: list[int]) -> list[float]:
        pipeline = build_pipeline().fit([texts[i] for i in train], labels[train])
        return pipeline.predict_proba([texts[i] for i in predict])[:, 1].tolist()

    out = cv.copy()
    writers = [(m.writer or writer_of(m.id)) if m.is_draft else None for m in messages]
    if len({w for w in writers if w is not None}) < 2:
        return out  # one drafts file: no writer to leave out (as the classifier's cross-writer)
    for i, probability in predictions_by_unseen_writer(writers, fit_predict).items():
        out[i] = probability
    return out


def choose_thresholds(
    is_draft: Sequence[bool], probabilities: Sequence[float]
) -> tuple[float, float]:
    """(chat_below, draft_from) on cross-validated probabilities; see the limits above."""
    drafts = np.sort([p for d, p in zip(is_draft, probabilities, strict=True) if d])
    chats = np.sort([p for d, p in zip(is_draft, probabilities, strict=True) if not d])
    candidates = np.round(np.arange(0.02, 0.99, 0.01), 2)
    chat_below = max(
        (t for t in candidates if np.mean(drafts < t) <= MAX_DRAFTS_AS_CHAT), default=0.02
    )
    draft_from = min(
        (t for t in candidates if np.mean(chats >= t) <= MAX_CHAT_AS_DRAFT), default=0.98
    )
    draft_from = max(draft_from, chat_below)
    return float(chat_below), float(draft_from)


def gate_figures(
    is_draft: Sequence[bool], probabilities: Sequence[float], chat_below: float, draft_from: float
) -> dict[str, object]:
    """Precision and recall of "draft" (unclear counts as draft: it is reviewed once the member
    says so), and how each class is split into draft / unclear / chat."""
    truth = np.asarray(is_draft, dtype=bool)
    p = np.asarray(probabilities)
    called_draft = p >= chat_below
    tp = int(np.sum(called_draft & truth))
    fp = int(np.sum(called_draft & ~truth))
    fn = int(np.sum(~called_draft & truth))

    def split(mask: np.ndarray) -> dict[str, int]:
        return {
            "draft": int(np.sum(mask & (p >= draft_from))),
            "unclear": int(np.sum(mask & (p >= chat_below) & (p < draft_from))),
            "chat": int(np.sum(mask & (p < chat_below))),
        }

    return {
        "n": len(truth),
        "draft_precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
        "draft_recall": round(tp / (tp + fn), 4) if tp + fn else 0.0,
        "drafts": split(truth),
        "chat": split(~truth),
    }


def export_runtime(pipeline: Pipeline, chat_below: float, draft_from: float, sha: str) -> dict:
    vectorizer: TfidfVectorizer = pipeline.named_steps["features"]
    classifier: LogisticRegression = pipeline.named_steps["classifier"]
    terms = [""] * len(vectorizer.vocabulary_)
    for term, column in vectorizer.vocabulary_.items():
        terms[column] = term
    return {
        "format": gate.GATE_FORMAT,
        "source_sha256": sha,
        "terms": terms,
        "weights": [float(w) for w in classifier.coef_[0]],
        "intercept": float(classifier.intercept_[0]),
        "chat_below": chat_below,
        "draft_from": draft_from,
    }


def load_pipeline(path: Path) -> Pipeline:
    return skops_files.load_pipeline(path, TRUSTED_TYPES)


def default_model_dir() -> Path:
    return gate.GATE_RUNTIME_FILE.parent


def format_figures(title: str, figures: dict) -> str:
    d, c = figures["drafts"], figures["chat"]
    lines = [f"{title} (n={figures['n']}; unclear counts as draft, the member is asked)"]
    if sum(d.values()):
        lines += [
            f"  draft precision {figures['draft_precision']:.3f}   "
            f"draft recall {figures['draft_recall']:.3f}",
            f"  drafts called: draft {d['draft']}, unclear {d['unclear']}, chat {d['chat']}",
        ]
    lines.append(f"  chat called:   draft {c['draft']}, unclear {c['unclear']}, chat {c['chat']}")
    return "\n".join(lines)


def format_gate_card(card: dict) -> str:
    parts = [
        f"Draft-or-chat gate: chat below p(draft) {card['chat_below']:.2f}, "
        f"draft from {card['draft_from']:.2f}",
        format_figures("Gate, cross-validation (training part)", card["cross_validation"]),
    ]
    if "drafts_by_unseen_writers" in card:  # cards from before 6 Dec do not have it
        parts.append(
            format_figures(
                "Gate, drafts by writers it never saw (training part; the thresholds' basis)",
                card["drafts_by_unseen_writers"],
            )
        )
    parts.append(format_figures("Gate, held out", card["held_out"]))
    return "\n".join(parts)


def _largest_difference(pipeline: Pipeline, model: gate.GateModel, texts: list[str]) -> float:
    if not texts:
        return 0.0
    expected = pipeline.predict_proba(texts)[:, 1]
    actual = np.array([model.probability(text) for text in texts])
    return float(np.max(np.abs(expected - actual)))


class NoChatDataError(ValueError):
    """The data folder holds no chat_*.jsonl rows to train the gate on."""


def train_and_save(
    data_dir: Path = corpus.DATA_DIR, model_dir: Path | None = None, *, strict: bool = True
) -> dict:
    """Train the gate deterministically, save skops + runtime + card; return the card."""

    model_dir = model_dir or default_model_dir()
    messages = load_messages(data_dir, strict=strict)
    if all(m.is_draft for m in messages):
        raise NoChatDataError(f"no chat messages ({CHAT_FILES_GLOB}) in {data_dir}")
    training, held_out = held_out_split(messages)
    truth = [m.is_draft for m in training]
    cv = cross_validated(training)
    fit_on = with_drafts_by_unseen_writers(training, cv)
    chat_below, draft_from = choose_thresholds(truth, fit_on.tolist())
    pipeline = build_pipeline().fit([m.text for m in training], np.array(truth))

    check = [m.text for m in held_out]
    published = skops_files.publish(
        pipeline,
        model_dir / GATE_MODEL_FILE,
        model_dir / gate.GATE_RUNTIME_FILE.name,
        TRUSTED_TYPES,
        export=lambda reloaded, sha: export_runtime(reloaded, chat_below, draft_from, sha),
        largest_difference=lambda reloaded, exported: _largest_difference(
            reloaded, gate.GateModel(exported), check
        ),
        check_texts=len(check),
    )
    expected = published.reloaded.predict_proba(check)[:, 1] if check else np.zeros(0)

    card = {
        "model_file": GATE_MODEL_FILE,
        "runtime_file": gate.GATE_RUNTIME_FILE.name,
        "data": {
            "sha256": messages_hash(messages),
            "rows": len(messages),
            "drafts": sum(m.is_draft for m in messages),
            "chat": sum(not m.is_draft for m in messages),
            "sources": sorted({m.source for m in messages}),
            "training_rows": len(training),
            "held_out_rows": len(held_out),
            "held_out_share": HELD_OUT_SHARE,
            "held_out_ids": sorted(m.id for m in held_out),
        },
        "seed": SEED,
        "params": {"C": C, "class_weight": "balanced", "min_df": 2, "max_tokens": gate.MAX_TOKENS},
        "terms": len(published.exported["terms"]),
        "chat_below": chat_below,
        "draft_from": draft_from,
        "threshold_rule": (
            f"chat below the highest threshold calling <= {MAX_DRAFTS_AS_CHAT:.1%} of drafts "
            f"chat; draft from the lowest calling <= {MAX_CHAT_AS_DRAFT:.0%} of chat a draft; "
            "between: unclear (the member is asked). Chosen on the training part: drafts' "
            "probabilities from gates trained without their writer's file, chat's from "
            f"{CV_FOLDS}-fold cross-validation."
        ),
        "cross_validation": gate_figures(truth, cv.tolist(), chat_below, draft_from),
        "drafts_by_unseen_writers": gate_figures(truth, fit_on.tolist(), chat_below, draft_from),
        "held_out": gate_figures(
            [m.is_draft for m in held_out], expected.tolist(), chat_below, draft_from
        ),
        "runtime_agreement": published.agreement,
        "model_sha256": published.model_sha256,
        "runtime_sha256": published.runtime_sha256,
        "versions": library_versions(),
    }
    (model_dir / GATE_CARD_FILE).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card
