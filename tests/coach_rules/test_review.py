"""The `review(text) -> Review` contract every channel relies on."""

import json

import pytest

from coach_rules import Finding, Review, review, runtime
from coach_rules.guidelines import GUIDELINE_IDS
from coach_rules.rules import GIVES_FIRST

HARD_SELL = (
    "Hi Sam, loved your talk at the Leeds meetup! Quick question: would you be open to 15 "
    "minutes next week so I can walk you through our platform? It helps teams like yours cut "
    "costs by 30%. Only 3 pilot spots left this quarter!"
)
VALUE_FIRST = (
    "Hi Priya, great to meet you at the alumni dinner on Tuesday. Here's the grant-writing "
    "guide I mentioned: <https://example.org/grants|the guide>. No need to reply. - Tom"
)


def assert_well_formed(result: Review, text: str) -> None:
    assert isinstance(result.flagged, bool)
    assert isinstance(result.score, int) and 0 <= result.score <= 100
    assert 0.0 <= result.probability <= 1.0
    assert sum(points for _, points in result.score_breakdown) == result.score
    for finding in result.findings:
        assert isinstance(finding, Finding)
        assert finding.rule in GUIDELINE_IDS
        assert finding.message and finding.advice
        for start, end in finding.spans:
            assert 0 <= start < end <= len(text)
    json.dumps(result.signals)  # every signal is plain data a channel can send on


def test_a_hard_sell_is_flagged_with_findings_that_point_at_its_phrases():
    result = review(HARD_SELL)
    assert_well_formed(result, HARD_SELL)
    assert result.flagged
    assert result.score < 40
    assert {"no-hard-sell", "transparent-intent"} <= set(result.rule_ids)
    model_findings = [f for f in result.findings if f.source == "model"]
    assert model_findings and model_findings[0].spans
    quoted = [HARD_SELL[a:b] for f in result.findings for a, b in f.spans]
    assert any("walk you through our platform" in q for q in quoted)
    assert any("3 pilot spots left" in q for q in quoted)


def test_a_value_first_note_passes_with_a_high_score_and_no_findings():
    result = review(VALUE_FIRST)
    assert_well_formed(result, VALUE_FIRST)
    assert not result.flagged
    assert result.score >= 85
    assert result.findings == ()
    assert result.signals["strengths"]


def test_a_close_with_a_price_list_attached_gets_no_credit_for_giving():
    """A tester's closing e-mail ("as promised, attached is our pricing…") was credited with
    "gives the reader something first" and outscored a mild ask."""
    close = (
        "Hi Jake, as promised, attached is our pricing sheet. The 15% discount expires on "
        "Friday, so could you send the signed order form by then?"
    )
    result = review(close)
    assert "no-hard-sell" in result.rule_ids
    assert all(s["what"] != GIVES_FIRST for s in result.signals["strengths"])
    # A tester saw "asks before offering anything" and "gives … first" in one review.
    ask_first = (
        "Hi Ama, could you share the sponsor budget for March? Here's the attendance report "
        "you asked for."
    )
    asked = review(ask_first)
    assert "value-first" in asked.rule_ids
    assert all(s["what"] != GIVES_FIRST for s in asked.signals["strengths"])
    gift = "Hi Jake, as promised, attached is the latency benchmark you asked about."
    assert any(s["what"] == GIVES_FIRST for s in review(gift).signals["strengths"])


def test_the_score_breakdown_names_the_classifier_and_every_finding_with_its_weight():
    result = review(HARD_SELL)
    reasons = dict(result.score_breakdown)
    assert result.score_breakdown[0] == ("starting score", 100)
    assert any(reason.startswith("classifier:") for reason in reasons)
    for finding in result.findings:
        if finding.source == "rule":
            assert reasons[f"{finding.rule}: {finding.message}"] == finding.weight
            assert finding.weight < 0


def test_the_same_draft_always_gets_the_same_review():
    assert review(HARD_SELL) == review(HARD_SELL)


def test_craft_signals_cover_length_reading_level_questions_and_balance():
    signals = review(HARD_SELL).signals
    assert signals["characters"] == len(HARD_SELL)
    assert signals["fits_linkedin_note"] is (len(HARD_SELL) <= 300)
    assert signals["questions"] == 1
    assert isinstance(signals["reading_grade"], float)
    assert signals["you"] >= 3 and signals["i_we"] >= 1
    for key in ("length", "reading", "questions_verdict", "balance"):
        assert isinstance(signals[key], str) and signals[key]


@pytest.mark.parametrize(
    ("draft", "verdict"),
    [
        ("I think you will like this.", "as much about you as about them"),
        ("You asked about your launch; here is your checklist.", "more about them than you"),
        ("I built our tool and we love it, I promise.", "more about you than them"),
    ],
)
def test_balance_says_who_the_draft_is_about(draft: str, verdict: str):
    assert review(draft).signals["balance"].startswith(verdict)


def test_kind_tunes_the_length_advice():
    long_note = "Hi Lena, " + "your work on rural clinics is great. " * 10
    assert "too long for a LinkedIn" in review(long_note, kind="linkedin-note").signals["length"]
    email = " ".join(["word"] * 80) + "."
    assert "in the 50-125 word range" in review(email, kind="cold-email").signals["length"]


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_an_empty_draft_is_not_judged_and_says_so(text):
    result = review(text)
    assert not result.judged and not result.flagged
    assert "nothing to review" in result.notes[0].lower()


def test_a_draft_over_slacks_limit_is_not_judged_and_gets_a_clear_note():
    result = review("Buy now! " * 5000)
    assert not result.judged and not result.flagged
    assert "40,000" in result.notes[0]


def test_only_links_and_emoji_get_a_review_that_says_there_is_nothing_to_judge():
    text = "🚀🚀 <https://example.com/launch> 🎉 <@U04ABC123>"
    result = review(text)
    assert not result.judged and not result.flagged
    assert "no words" in result.notes[0]
    assert result.signals["links"] == 1


def test_another_language_says_what_could_be_judged():
    text = "Hola Juan, me encantó tu charla en la conferencia. ¿Podemos hablar la próxima semana?"
    result = review(text)
    assert not result.judged and not result.flagged
    assert "English" in result.notes[0]
    assert result.signals["questions"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "Olá Marina, você tem um minuto para conversar sobre o projeto amanhã?",
        "Hallo Jonas, danke für das Gespräch gestern, ich schicke dir die Folien gerne morgen.",
    ],
)
def test_drafts_in_other_languages_are_still_not_judged(text):
    result = review(text)
    assert not result.judged
    assert "English" in result.notes[0]


def test_non_text_is_a_type_error():
    with pytest.raises(TypeError):
        review(None)  # type: ignore[arg-type]


def test_the_model_is_loaded_once_and_cached():
    review("warm up")
    first = runtime.default_model()
    review("Can we book a demo?")
    assert runtime.default_model() is first


def test_importing_coach_rules_loads_no_model_and_no_numeric_libraries():
    import subprocess
    import sys

    probe = (
        "import sys, coach_rules; "
        "print(sorted(m for m in ('numpy', 'sklearn', 'skops') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "text",
    [
        "Buy now! 50% off today only",
        "Pls vote for my daughter 🙏 link👇",
        "ok thanks, see you",
        # Terse pitches hold none of the common English function words.
        "Selling wholesale phone cases, best price, DM fast, limited stock left",
        "Premium SEO packages, guaranteed page one rankings, exclusive launch pricing ends Friday",
    ],
)
def test_short_english_is_never_called_not_english(text):
    result = review(text)
    assert not any("English" in note for note in result.notes)


def test_a_short_hard_sell_is_judged_and_flagged():
    result = review("Buy now! 50% off today only")
    assert result.judged and result.flagged
