"""The draft-or-chat gate: chat to the coach is not reviewed as a draft; drafts are."""

import hashlib
import json

import pytest

from coach_rules import gate, gate_training, review

# What members typed to the bot and got a hard-sell verdict for (issue 10).
CHAT_THE_GATE_ANSWERS = [
    "yes",
    "thanks!",
    "what can you do?",
    "quit",
    "how do I follow up with Priya?",
    "remind me to follow up with Jane on Friday",
    "no",
    "see you Thursday",
    "can you resend the link?",
]
# Everyday replies the member is asked about ("Review this as a draft?") rather than reviewed.
CHAT_NEVER_CALLED_A_DRAFT = [
    *CHAT_THE_GATE_ANSWERS,
    "Can we push to Friday? Something came up.",
    "Offer accepted! See you Monday 🙌",
]
SHORT_VALUE_FIRST = [
    "Great talk at PyCon!",
    "Hi José — enjoyed our chat about Rust at KubeCon.",
    "congrats on the new job Amaka!! 🎉",
]
SHORT_HARD_SELLS = [
    "Buy now! 50% off today only",
    "Pls vote for my daughter 🙏 link👇",
    "bump 👆 still waiting on an answer re: the partnership",
]


@pytest.mark.parametrize("text", CHAT_THE_GATE_ANSWERS)
def test_chat_to_the_coach_is_not_reviewed_as_a_draft(text):
    assert gate.classify_message(text).kind == "chat"
    result = review(text, gate=True)
    assert (result.kind, result.judged, result.flagged) == ("chat", False, False)
    assert "chat" in result.notes[0]


@pytest.mark.parametrize("text", CHAT_NEVER_CALLED_A_DRAFT)
def test_everyday_chat_is_never_called_a_draft_without_asking_the_member(text):
    assert gate.classify_message(text).kind in ("chat", "unclear")


@pytest.mark.parametrize("text", SHORT_VALUE_FIRST)
def test_short_value_first_notes_are_reviewed_and_pass(text):
    assert gate.classify_message(text).kind in ("draft", "unclear")
    result = review(text, gate=True)
    assert (result.kind, result.judged, result.flagged) == ("draft", True, False), result


@pytest.mark.parametrize("text", SHORT_HARD_SELLS)
def test_short_hard_sells_are_judged_and_flagged(text):
    result = review(text, gate=True)
    assert (result.kind, result.judged, result.flagged) == ("draft", True, True), result


def test_a_review_without_the_gate_judges_whatever_text_it_is_given():
    # The core sorts chat from drafts first; an explicit "review thanks!" is a draft.
    result = review("thanks!")
    assert result.kind == "draft" and result.judged


def test_the_gate_runtime_agrees_with_its_skops_model_and_the_card_reports_draft_figures():
    model_dir = gate_training.default_model_dir()
    card = json.loads((model_dir / gate_training.GATE_CARD_FILE).read_text(encoding="utf-8"))
    skops_path = model_dir / gate_training.GATE_MODEL_FILE
    assert card["model_sha256"] == hashlib.sha256(skops_path.read_bytes()).hexdigest()
    pipeline = gate_training.load_pipeline(skops_path)
    runtime = gate.default_gate()
    assert runtime is not None and runtime.source_sha256 == card["model_sha256"]
    texts = [*CHAT_NEVER_CALLED_A_DRAFT, *SHORT_VALUE_FIRST, *SHORT_HARD_SELLS, "🙏", "a\nb"]
    expected = pipeline.predict_proba(texts)[:, 1]
    for text, p in zip(texts, expected, strict=True):
        assert abs(runtime.probability(text) - p) < 1e-9
    held = card["held_out"]
    assert held["n"] >= 0.19 * card["data"]["rows"]
    # "Unclear" counts as draft here (the member is asked), so chat the gate asks about lowers
    # draft precision: 0.95 until writer N's chat full of sales words joined the held-out part
    # (6 Dec), 0.948 then, and 0.928 once the thresholds were chosen on drafts by writers the
    # gate never saw (it asks more often rather than call a draft chat; README).
    assert held["draft_precision"] >= 0.92 and held["draft_recall"] >= 0.98
    assert card["data"]["chat"] >= 800
    assert 0 < card["chat_below"] <= card["draft_from"] < 1


def test_gate_training_is_deterministic(tmp_path):
    from coach_rules import corpus

    data = tmp_path / "data"
    data.mkdir()
    drafts = corpus.load_corpus()[::10]
    (data / "drafts_t.jsonl").write_text(
        "".join(
            json.dumps({"id": d.id, "text": d.text, "label": d.label, "kind": d.kind, "rules": []})
            + "\n"
            for d in drafts
        ),
        encoding="utf-8",
    )
    chat_lines = (corpus.DATA_DIR / "chat_a.jsonl").read_text(encoding="utf-8").splitlines()
    (data / "chat_a.jsonl").write_text("\n".join(chat_lines[::4]) + "\n", encoding="utf-8")
    first = gate_training.train_and_save(data, tmp_path / "one")
    second = gate_training.train_and_save(data, tmp_path / "two")
    runtime_name = gate.GATE_RUNTIME_FILE.name
    one, two = (
        json.loads((tmp_path / folder / runtime_name).read_text(encoding="utf-8"))
        for folder in ("one", "two")
    )
    one.pop("source_sha256"), two.pop("source_sha256")  # the skops zip stamps its write time
    assert one == two
    assert first["held_out"] == second["held_out"]
