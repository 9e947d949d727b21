"""Property tests: review never raises on any string, and every span lies inside the text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach_rules import review
from coach_rules.textnorm import normalise

slack_bits = st.sampled_from(
    [
        "<@U04ABC123>",
        "<#C0123|general>",
        "<https://docs.example.com/guide|the guide>",
        "<https://x.example>",
        "<mailto:a@example.com|mail me>",
        "https://example.org/a?b=1",
        "İ",
        "’",
        "🚀",
        "\n",
        " ",
        "?",
        "!!",
        "Can we book a demo?",
        "Dear Sir/Madam,",
        "only 3 spots left",
    ]
)
drafts = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(slack_bits, st.text(max_size=20)), max_size=30).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts)
def test_review_never_raises_and_every_span_is_inside_the_text(text):
    result = review(text)
    assert 0 <= result.score <= 100
    assert sum(points for _, points in result.score_breakdown) == result.score
    for finding in result.findings:
        for start, end in finding.spans:
            assert 0 <= start < end <= len(text)
    for strength in result.signals.get("strengths", []):
        for start, end in strength["spans"]:
            assert 0 <= start < end <= len(text)


@settings(max_examples=300, deadline=None)
@given(drafts)
def test_normalising_never_changes_the_length(text):
    assert len(normalise(text)) == len(text)
