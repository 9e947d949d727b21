from coach_rules.textnorm import LINK_TOKEN, USER_TOKEN, lower_same_length, mask_markup, normalise


def test_slack_link_label_stays_at_its_original_offsets():
    text = "Read <https://docs.example.com/guide|the guide> today"
    masked = mask_markup(text)
    assert len(masked) == len(text)
    start = text.index("the guide")
    assert masked[start : start + len("the guide")] == "the guide"
    assert LINK_TOKEN in masked
    assert "docs.example.com" not in masked


def test_mentions_channels_urls_and_emails_are_masked_without_moving_text():
    text = "hi <@U04ABC123> see <#C0123|general> or www.example.org/x, mail a.b@example.com ok"
    masked = mask_markup(text)
    assert len(masked) == len(text)
    assert USER_TOKEN in masked
    assert "general" in masked
    assert "example.org" not in masked and "a.b@" not in masked
    assert masked.endswith(" ok")


def test_normalise_lowercases_maps_digits_and_straightens_apostrophes():
    assert normalise("I’m Free at 10:30 ÅB") == "i'm free at 00:00 åb"


def test_lowercasing_never_changes_length_even_for_characters_that_grow():
    text = "İstanbul İzmir"
    assert len(text.lower()) != len(text)  # the reason lower_same_length exists
    assert len(lower_same_length(text)) == len(text)
    assert len(normalise(text)) == len(text)
