"""One verdict rule: a judged draft is flagged exactly when its score is below the pass line."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach_rules.review import PASS_LINE, review

# Pieces of real drafts, hard sell and value-first, so the generated drafts land on both sides
# of the classifier's threshold and near the pass line.
PIECES = [
    "Hi Sam,",
    "thanks!",
    "Great to meet you at the Leeds meetup.",
    "Here's the grant guide I mentioned.",
    "No need to reply.",
    "Can we book 15 minutes next week?",
    "I'd love to walk you through our platform.",
    "Only 3 spots left!",
    "Do you know anyone who wants to buy our CRM?",
    "congrats on the new job!",
    "Just bumping this to the top of your inbox.",
    "We help teams like yours cut costs by 30%.",
    "Could you refer me to your hiring manager?",
    "- Tom",
    "🎉",
]
drafts = st.one_of(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map(" ".join),
    st.text(min_size=1, max_size=200),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts)
def test_a_judged_draft_is_flagged_exactly_when_it_scores_below_the_pass_line(text):
    result = review(text, as_draft=True)
    if result.judged:
        assert result.flagged == (result.score < PASS_LINE), (result.score, result.flagged)
        assert sum(points for _, points in result.score_breakdown) == result.score
    else:
        assert not result.flagged


def test_a_draft_the_classifier_flags_says_in_its_breakdown_why_its_score_was_held_down():
    result = review("Great talk at PyCon!", as_draft=True)
    if result.flagged:  # the text sits near the threshold; either side must obey the rule
        assert result.score < PASS_LINE
    else:
        assert result.score >= PASS_LINE


def test_the_pass_line_is_stated_in_netcoach_rules_and_the_readme(capsys):
    from pathlib import Path

    from bot.__main__ import main

    assert main(["rules"]) == 0
    assert f"pass line of {PASS_LINE}" in capsys.readouterr().out
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert f"pass line of {PASS_LINE}" in readme
