from coach_rules.sentences import sentence_bounds


def test_a_title_or_abbreviation_does_not_end_the_sentence() -> None:
    text = "Done. Per your note I wrote to Dr. Mensah, e.g. about fees. Next one!"
    at = text.index("fees")
    first, stop = sentence_bounds(text, at, at + 4)
    assert text[first:stop] == " Per your note I wrote to Dr. Mensah, e.g. about fees"


def test_a_plain_full_stop_still_ends_it() -> None:
    text = "We met on Monday. I added you to the list."
    at = text.index("added")
    first, stop = sentence_bounds(text, at, at + 5)
    assert text[first:stop] == " I added you to the list"
