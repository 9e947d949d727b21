"""The issue's bullets, one test each: a pasted message is judged on what its sender wrote."""

import pytest

from coach_rules.review import review

DECLINE = "Thanks, but we're all set on monitoring for this year. Good luck with the launch."
VENDOR_PITCH = (
    "Hi Sam,\nOur platform cuts alert noise by 80% for teams like yours. Book a demo this week "
    "and get 3 months free, only 5 spots left!\nRiya Kapoor, Account Executive"
)


def quoted(text: str) -> str:
    return "\n".join(f"> {line}" for line in text.splitlines())


def phrases(result, text):
    return [text[s:e] for f in result.findings for s, e in f.spans]


@pytest.mark.parametrize(
    "history",
    [
        "On Tue, 3 Mar 2026 at 10:14, Riya Kapoor <riya@vendor.example> wrote:\n"
        + quoted(VENDOR_PITCH),
        "From: Riya Kapoor <riya@vendor.example>\nSent: Tuesday, March 3, 2026 10:14 AM\n"
        f"To: Sam Lee\nSubject: Quick demo?\n\n{VENDOR_PITCH}",
        f"-----Original Message-----\nFrom: Riya Kapoor\nSent: Tuesday\n\n{VENDOR_PITCH}",
    ],
)
def test_a_polite_decline_above_a_quoted_pitch_is_judged_on_the_decline(history):
    text = f"{DECLINE}\n\n{history}"
    result = review(text, gate=False)
    assert not result.flagged
    assert result.score >= 80
    assert not [p for p in phrases(result, text) if p not in DECLINE]
    assert [p.kind for p in result.parts] == ["written", "quote"]
    assert any("left out the quoted thread" in note for note in result.notes)


def test_a_pitch_above_a_friendly_quoted_thread_is_not_diluted_by_it():
    pitch = (
        "Glad you liked it! While I have you: our CRM is 40% off for this week only. Book a "
        "30-minute demo with our sales team before Friday so you don't miss the discount."
    )
    friendly = (
        "Hi Jo, it was lovely to meet you at the meetup and thanks so much for the book tip, I "
        "have already started it and it is wonderful. Hope the move went well and the kids are "
        "settling in. Let's grab a coffee when things calm down.\nAna"
    )
    text = f"{pitch}\n\nOn Mon, 2 Mar 2026 at 09:30, Ana <ana@x.example> wrote:\n{quoted(friendly)}"
    assert review(pitch, gate=False).flagged
    assert review(text, gate=False).flagged


DESK = (
    "Hey Tom, congrats on the new job! If you're setting up your home office, this standing "
    "desk changed my back: https://deskly.shop/pro?aff=kmurphy7"
)


def test_an_undisclosed_affiliate_link_is_a_transparent_intent_finding_that_blocks_a_pass():
    result = review(DESK, gate=False)
    assert result.flagged
    finding = next(f for f in result.findings if f.rule == "transparent-intent")
    assert [DESK[s:e] for s, e in finding.spans] == ["https://deskly.shop/pro?aff=kmurphy7"]


def test_a_disclosed_affiliate_link_passes():
    text = DESK + " (full disclosure: that's an affiliate link, I get a small commission)"
    result = review(text, gate=False)
    assert not result.flagged
    assert "transparent-intent" not in result.rule_ids


def test_a_helpful_thread_answer_ending_in_a_ref_trial_link_does_not_pass():
    text = (
        "@Meera we use Unleash for feature flags, self-hosted, setup took a day. If you want "
        "managed, FlagPilot is nice, 14-day trial: https://flagpilot.io/trial?ref=mk_dev"
    )
    result = review(text, gate=False)
    assert result.flagged
    assert "transparent-intent" in result.rule_ids


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Great chatting at the expo! I've added you to our newsletter.", "I've added you to"),
        (
            "Thanks for stopping by the booth. I've asked Jordan from sales to call you on Monday.",
            "I've asked Jordan from sales to call you",
        ),
        (
            "Hi there, welcome! You'll now receive our weekly updates on e-learning.",
            "You'll now receive",
        ),
    ],
)
def test_consent_is_a_guideline_with_the_phrase_and_advice_on_what_to_write(text, phrase):
    result = review(text, gate=False)
    finding = next(f for f in result.findings if f.rule == "respect-consent")
    assert [text[s:e] for s, e in finding.spans] == [phrase]
    assert "Would you like" in finding.advice
    assert result.flagged


def test_asking_first_is_not_a_consent_finding():
    text = "Lovely meeting you! Would you like our monthly guide? Happy to add you if so."
    assert "respect-consent" not in review(text, gate=False).rule_ids


def test_an_honorific_salutation_above_a_paper_mill_pitch_is_a_personalise_finding():
    text = (
        "Dear Esteemed Dr. Okafor, greetings from the Global Journal of Science. We invite you "
        "to submit your paper; acceptance in 7 days, fee $99."
    )
    result = review(text, gate=False)
    finding = next(f for f in result.findings if f.rule == "personalise")
    assert [text[s:e] for s, e in finding.spans] == ["Dear Esteemed Dr. Okafor"]
    assert result.score < 81


def test_a_markdown_pitch_does_not_hide_behind_its_formatting():
    text = (
        "## 🚀 Grow your pipeline\n\nHi {first_name},\n\n"
        "**Book a demo** of LeadPilot this week:\n\n"
        "- ✅ 3x more meetings\n- ✅ AI follow-ups\n\n"
        "| Plan | Price |\n|---|---|\n| Pro | $99 |\n\n"
        "P.S. **50% off** if you sign up before Friday!"
    )
    result = review(text, gate=False)
    assert result.flagged
    assert result.score < 60


def test_an_emoji_and_capitals_celebration_of_a_colleague_is_not_a_hard_sell():
    text = (
        "🎉🎉 HUGE CONGRATS to @Priya on her PROMOTION to Engineering Manager!!! 🚀🙌 She "
        "mentored half of this team and never once made us feel small. SO DESERVED! 👏👏"
    )
    assert not review(text, gate=False).flagged


def test_signature_and_disclaimer_do_not_count_in_the_length():
    note = (
        "Hi Ana,\n\nThanks for the intro to Dev, we had a great call.\nI'll send him the "
        "deck on Friday as promised."
    )
    signature = (
        "Best,\nSam\n\nSam Lee (he/him)\nHead of Partnerships, Acme Robotics\n"
        "+1 415 555 0100 | sam@acme.example\n500 Howard St, San Francisco\n\nSent from my "
        "iPhone\n\nCONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential "
        "and intended solely for the addressee. If you received it in error, tell the sender "
        "and delete it; do not copy, forward or use it."
    )
    alone = review(note, gate=False)
    signed = review(f"{note}\n\n{signature}", gate=False)
    assert signed.signals["words"] == alone.signals["words"] == len(note.split())
    assert signed.signals["characters"] == alone.signals["characters"] == len(note)
    assert signed.signals["length"] == alone.signals["length"]
    assert [p.kind for p in signed.parts] == ["written", "signature"]
    assert any("left out your signature" in n for n in signed.notes)


def test_a_short_bump_pasted_under_its_linkedin_thread_is_reviewed_as_a_draft():
    """The bump alone can read as a question to the coach; pasted under its thread (history set
    aside) the message is a draft, and the gate reads it whole before calling it chat."""
    bump = (
        "One more nudge since I have not heard back, would next Tuesday work for a call about "
        "our route planning?"
    )
    text = (
        "You • 4 Feb\nHi Tomasz, saw we are both in logistics. Let us connect!\n\n"
        "You • 11 Feb\nWould love to show you our route-planning tool.\n\n"
        f"You • 18 Feb\n{bump}"
    )
    result = review(text, gate=True)
    assert result.kind == "draft" and result.judged
    assert [text[p.start : p.end] for p in result.parts if p.kind == "written"] == [bump]


def test_chat_to_the_coach_with_nothing_set_aside_is_still_chat():
    assert review("what do you think, should I follow up with Tomasz again?", gate=True).kind == (
        "chat"
    )
