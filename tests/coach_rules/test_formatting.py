import pytest

from coach_rules.formatting import blank_emoji, blank_markdown, plain_same_length

PITCH = (
    "## 🚀 Grow your pipeline\n\n"
    "Hi Sam,\n\n"
    "**Book a demo** of *LeadPilot* this week:\n\n"
    "- ✅ 3x more meetings\n"
    "- ✅ `AI` follow-ups\n\n"
    "| Plan | Price |\n|---|---|\n| Pro | $99 |\n\n"
    "> Loved by 2,000 teams\n\n"
    "[**Claim 50% off →**](https://leadpilot.example/offer)\n\n"
    "P.S. Offer ends Friday 🔥"
)


def words(text: str) -> list[str]:
    return text.split()


def test_markdown_and_emoji_become_spaces_and_every_offset_is_kept():
    plain = plain_same_length(PITCH)
    assert len(plain) == len(PITCH)
    assert plain.count("\n") == PITCH.count("\n")
    for i, (before, after) in enumerate(zip(PITCH, plain, strict=True)):
        assert after == before or after == " ", i


def test_the_pitch_words_are_all_still_there_for_the_model():
    plain = plain_same_length(PITCH)
    for phrase in ["Grow your pipeline", "Book a demo", "LeadPilot", "3x more meetings", "$99"]:
        assert phrase in plain
    assert "Loved by 2,000 teams" in plain
    assert "Claim 50% off" in plain


def test_syntax_marks_are_gone():
    plain = plain_same_length(PITCH)
    for mark in ["##", "**", "`", "|", "---", "](", "✅", "🚀", "🔥", "> Loved", "- "]:
        assert mark not in plain, mark


def test_a_celebration_keeps_its_words_and_loses_its_emoji():
    text = "CONGRATS PRIYA!!! 🎉🎉🥳 Best promo ever, so proud of you 👏🏽🇮🇳"
    plain = plain_same_length(text)
    assert words(plain) == ["CONGRATS", "PRIYA!!!", "Best", "promo", "ever,", "so", "proud", "of",
                            "you"]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "2 * 3 * 4 is 24, and snake_case_names stay",
        "Plain note: thanks for the intro - it went well.",
        "Café in São Paulo, déjà vu",
    ],
)
def test_text_that_is_not_markdown_is_left_exactly_as_it_was(text):
    assert blank_markdown(text) == text
    assert blank_emoji(text) == text


def test_a_list_marker_inside_a_sentence_is_not_a_list():
    text = "We met at PyCon - great talk by the way."
    assert blank_markdown(text) == text
