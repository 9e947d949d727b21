from coach_rules.postscript import ps_alone_parts
from coach_rules.reading import read_message
from coach_rules.review import PS_ALONE_NOTE, review
from coach_rules.runtime import default_model

WARM_NOTE = (
    "Hi Aisha,\n\nSo nice meeting you at the women in tech breakfast! Loved your point about "
    "mentoring juniors in remote teams.\n\n"
)
PITCH = (
    "P.S. We're running 40% off Ventra annual plans until Friday. Want me to send the checkout "
    "link? Just reply YES."
)
SIGN_OFF = "\n\nBest wishes,\nJordan"


def test_a_ps_pitch_under_a_warm_note_is_flagged_with_the_ps_phrases():
    text = WARM_NOTE + PITCH + SIGN_OFF
    result = review(text)
    assert result.flagged
    assert PS_ALONE_NOTE in result.notes
    assert "its P.S. read on its own" in result.score_breakdown[1][0]
    ps_start = text.index("P.S.")
    spans = [span for f in result.findings if f.rule == "no-hard-sell" for span in f.spans]
    assert spans and all(start >= ps_start for start, _ in spans)


def test_a_friendly_ps_under_a_warm_note_passes():
    ps = "P.S. The ramen shop near the venue I mentioned is called Menya Kaito, five minutes away."
    result = review(WARM_NOTE + ps + SIGN_OFF)
    assert not result.flagged
    assert PS_ALONE_NOTE not in result.notes


def test_only_a_ps_of_some_length_beside_written_words_is_read_alone():
    model = default_model()
    assert model is not None
    short = read_message(WARM_NOTE + "P.S. Buy now, 50% off!" + SIGN_OFF)
    assert ps_alone_parts(short, model) is None
    assert ps_alone_parts(read_message(PITCH), model) is None  # nothing but the P.S.
    parts = ps_alone_parts(read_message(WARM_NOTE + PITCH + SIGN_OFF), model)
    assert parts is not None
    assert parts.text.strip() == PITCH and len(parts.text) == len(WARM_NOTE + PITCH + SIGN_OFF)
