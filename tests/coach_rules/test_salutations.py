import pytest

from coach_rules.salutations import salutation_spans


def found(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in salutation_spans(text)]


def test_the_esteemed_doctor_from_the_issue_is_an_honorific_salutation():
    text = (
        "Dear Esteemed Dr. Okafor, greetings from the Global Journal of Science. We invite you "
        "to submit your paper; acceptance in 7 days, fee $99."
    )
    assert found(text) == [("honorific", "Dear Esteemed Dr. Okafor")]


@pytest.mark.parametrize(
    ("text", "salutation"),
    [
        (
            "Hi Facilities Manager,\n\nIs your HVAC contract up for renewal?",
            "Hi Facilities Manager",
        ),
        ("Dear Sir/Madam,\n\nWe are the leading provider", "Dear Sir/Madam"),
        ("Dear Purchasing Department,\nWe export rice.", "Dear Purchasing Department"),
        ("To whom it may concern,\nOur agency", "To whom it may concern"),
        ("Bonjour Madame, Monsieur,\nVous pouvez", "Bonjour Madame"),
        ("Sehr geehrte Damen und Herren,\nwir", "Sehr geehrte Damen und Herren"),
    ],
)
def test_role_and_title_salutations_are_found(text, salutation):
    assert found(text) == [("role", salutation)]


def test_hi_all_is_a_group_greeting():
    assert found("Hi all 👋 use my code PRIYA500 for 20% off!") == [("group", "Hi all")]


@pytest.mark.parametrize(
    "text",
    [
        "Dear Dr. Okafor,\n\nThank you for the review.",
        "Hi Sam and Priya, congrats on the new place!",
        "Dear Sir Ahmad, thank you for hosting us.",
        "Hi Dr. Meyer, as the head of the lab you might like this paper.",
        "Thanks for the intro.\nBy the way, dear manager of mine, lunch is on me.\n\nNext line\n"
        "Hi all",
    ],
)
def test_named_salutations_and_later_lines_are_not_findings(text):
    assert found(text) == []
