from coach_rules.reading import model_text, read_message

PASTED = (
    "**Thanks**, but we're all set on monitoring this year. Good luck with the launch! 🚀\n\n"
    "Best,\nAna\nAna Ruiz | Ops Lead | +34 600 555 010\n\n"
    "On Tue, 3 Mar 2026 at 10:14, Riya <riya@x.com> wrote:\n> Book a demo today, 50% off!"
)


def test_the_classifier_reads_only_the_senders_words_without_markup_at_the_same_offsets():
    reading = read_message(PASTED)
    plain = model_text(PASTED)
    assert len(plain) == len(PASTED) == len(reading.own)
    assert "Book a demo" not in plain
    assert "Ana Ruiz" not in plain
    assert "**" not in plain and "🚀" not in plain
    start = PASTED.index("we're all set")
    assert plain[start : start + len("we're all set")] == "we're all set"
    assert [p.kind for p in reading.parts] == ["written", "signature", "quote"]
    assert reading.note is not None and "quoted thread" in reading.note


def test_a_plain_draft_is_read_as_it_is():
    text = "Hi Dana, here is the port congestion dataset I mentioned."
    reading = read_message(text)
    assert reading.own == reading.plain == text
    assert reading.note is None
