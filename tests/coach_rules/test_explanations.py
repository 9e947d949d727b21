"""Phrases that explain: quoted phrases carry real weight and are never stop words or greetings;
advice for one guideline appears once per review."""

import pytest

from coach_rules import corpus, review, runtime
from coach_rules.lexicon import GREETINGS, STOP_WORDS
from coach_rules.phrases import MIN_PHRASE_LOGIT, explains, hard_sell_phrases

FLAGGED_WITH_FILLER = (
    "Hey! Loving the energy this year!!! Could we hop on a call with you to discuss our product?"
)


def test_a_quoted_phrase_carries_at_least_the_stated_minimum_weight_on_every_corpus_draft():
    model = runtime.default_model()
    assert model is not None
    seen = 0
    for draft in corpus.load_corpus()[::7]:
        explanation = model.explain(draft.text)
        if explanation.probability < model.threshold:
            continue
        for (start, end), weight in hard_sell_phrases(draft.text, explanation):
            seen += 1
            assert weight >= MIN_PHRASE_LOGIT
            assert explains(draft.text[start:end]), draft.text[start:end]
    assert seen > 50


@pytest.mark.parametrize("text", [FLAGGED_WITH_FILLER, "what can you do?", "Could you help?"])
def test_stop_words_and_bare_greetings_are_never_quoted(text):
    result = review(text)
    for finding in result.findings:
        if finding.source != "model":
            continue
        for start, end in finding.spans:
            words = text[start:end].lower().strip("!?.,").split()
            assert not all(w.strip("!?.,") in STOP_WORDS | GREETINGS for w in words), words


def test_explains_needs_a_word_that_is_not_a_stop_word_or_greeting():
    assert not explains("Hey!")
    assert not explains("could")
    assert not explains("with")
    assert not explains("Hi there, you")
    assert explains("walk you through our platform")


def test_advice_for_one_guideline_appears_once_per_review(capsys):
    from bot.__main__ import main
    from coach_rules.guidelines import get_guideline

    text = "Buy now! 50% off today only"
    result = review(text)
    assert [f.rule for f in result.findings].count("no-hard-sell") >= 2  # model + phrase rule
    assert [rule for rule, _ in result.advice] == list(dict.fromkeys(result.rule_ids))
    assert main(["review", text]) == 0
    out = capsys.readouterr().out
    first_words = get_guideline("no-hard-sell").advice.split()[:6]
    assert out.count(" ".join(first_words)) == 1


CALENDAR_PITCH = (
    "Hi Maria, great meeting you at the fintech summit! I'd love to show you our platform, "
    "here's my calendar https://calendly.com/jsmith/30min?utm_source=linkedin - does thursday "
    "work?"
)


def _quoted(text: str) -> list[str]:
    return [
        text[start:end]
        for finding in review(text).findings
        if finding.source == "model"
        for start, end in finding.spans
    ]


def test_no_piece_of_a_web_address_is_quoted():
    quoted = _quoted(CALENDAR_PITCH)
    assert quoted, "the pitch should be explained by some phrase"
    link_start = CALENDAR_PITCH.index("https://")
    link_end = CALENDAR_PITCH.index(" - does")
    for finding in review(CALENDAR_PITCH).findings:
        if finding.source == "model":
            for start, end in finding.spans:
                assert end <= link_start or start >= link_end, CALENDAR_PITCH[start:end]


def test_phrases_with_only_spaces_between_them_are_quoted_as_one():
    assert "I'd love to show you our platform" in _quoted(CALENDAR_PITCH)
    assert "I'd love to" not in _quoted(CALENDAR_PITCH)
