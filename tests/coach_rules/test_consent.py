import pytest

from coach_rules.consent import consent_spans


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Great chatting! I've added you to our newsletter.", "I've added you to"),
        (
            "Thanks for stopping by. I've asked Jordan from sales to call you on Monday.",
            "I've asked Jordan from sales to call you",
        ),
        ("Hi there, you'll now receive our weekly updates!", "you'll now receive"),
        (
            "I took the liberty of adding you to our investor CRM.",
            "I took the liberty of adding you to",
        ),
        ("We have enrolled you in our 5-email onboarding sequence.", "We have enrolled you in"),
        ("I've booked you in for a discovery call on Thursday.", "I've booked you in"),
        ("I've shared your phone number with the 40 attendees.", "shared your phone number"),
        ("mate I gave your number to the guy selling the van", "gave your number"),
        ("You've been added to Growthly's VIP list.", "You've been added"),
        ("Ya te registré para la edición 2026.", "Ya te registré"),
    ],
)
def test_things_done_to_the_reader_without_asking_are_found_with_their_phrase(text, phrase):
    assert [text[s:e] for s, e in consent_spans(text)] == [phrase]


@pytest.mark.parametrize(
    "text",
    [
        "Would you like our monthly guide? Happy to add you if so.",
        "Want me to add you to the group? No worries if not.",
        "Is it ok if I share your email with her? I haven't mentioned your name yet.",
        "I can ask a technician to check availability, only with your go-ahead.",
        "Can I send your CV to either of them? I won't share it without your yes.",
        "I know a good installer. Want his number? I won't give him yours.",
        "I added a section on pricing to the doc you asked for.",
    ],
)
def test_asking_first_is_not_a_consent_finding(text):
    assert consent_spans(text) == ()
