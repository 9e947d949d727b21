"""Each explainable rule fires on the phrases that show it, with exact spans in the original."""

import re

import pytest

from coach_rules import rules
from coach_rules.corpus import load_corpus
from coach_rules.rules import find_rule_hits, find_strengths
from coach_rules.textnorm import normalise


def hits_by_rule(text: str) -> dict[str, list[str]]:
    return {
        hit.rule: [text[start:end] for start, end in hit.spans]
        for hit in find_rule_hits(text, normalise(text))
    }


@pytest.mark.parametrize(
    ("text", "rule", "phrases"),
    [
        (
            "Hi Ana, I'd love to walk you through our platform. Spots are filling fast!",
            "no-hard-sell",
            ["walk you through our platform", "Spots are filling fast"],
        ),
        (
            "Dear Sir/Madam, I came across your profile and wanted to connect.",
            "personalise",
            ["Dear Sir/Madam", "I came across your profile"],
        ),
        (
            "Hey everyone! Check out my new course, use code SAVE20 at checkout.",
            "no-group-plugging",
            ["Check out my new course", "use code"],
        ),
        (
            "We connected yesterday. Could you refer me for the analyst role?",
            "right-sized-ask",
            ["refer me"],
        ),
        (
            "Bumping this again - did you see my last email?",
            "rule-of-two",
            ["Bumping this"],
        ),
        (
            "Hi Jo, we met at a conference two years ago. Are you free for a call?",
            "follow-up-in-10-days",
            ["met at a conference two years ago"],
        ),
        (
            "I'm expanding my network and connecting with everyone in fintech.",
            "quality-over-quantity",
            ["expanding my network", "connecting with everyone"],
        ),
        (
            "We are a leading provider of payroll tools with 20 years of experience.",
            "about-them",
            ["We are a leading", "20 years of experience"],
        ),
    ],
)
def test_rule_fires_with_the_exact_phrases(text, rule, phrases):
    found = hits_by_rule(text)
    assert rule in found
    for phrase in phrases:
        assert any(phrase in span_text for span_text in found[rule]), (phrase, found[rule])


@pytest.mark.parametrize(
    ("text", "pressure"),
    [
        (
            "Our dust extraction units are 30% off until Friday if you confirm today.",
            ["Our dust extraction units are 30% off until Friday", "confirm today"],
        ),
        ("Enrolment for my course closes Sunday.", ["Enrolment for my course closes Sunday"]),
        ("I need an answer from you by next Friday.", ["need an answer from you by"]),
        ("Best prices in town - call now!", ["call now"]),
    ],
)
def test_deadlines_and_pressing_for_a_decision_push_with_urgency(text, pressure):
    assert hits_by_rule(text)["no-hard-sell"] == pressure


@pytest.mark.parametrize(
    "text",
    [
        "The uni shop has the kits 40% off until Friday - thought of you!",
        "Thanks for the call today. Here are the notes I promised.",
        "The exhibition closes Sunday; worth a look if you are in town.",
    ],
)
def test_passing_on_someone_elses_deadline_or_planning_is_not_pressure(text):
    assert "no-hard-sell" not in hits_by_rule(text)


def test_spans_stay_exact_after_slack_markup_before_the_phrase():
    text = (
        "<@U04ABC123> see <https://example.com/a/very/long/path?x=1|this deck>. "
        "Dear Sir/Madam, only 3 spots left!"
    )
    found = hits_by_rule(text)
    assert found["personalise"] == ["Dear Sir/Madam"]
    assert found["no-hard-sell"] == ["only 3 spots left"]


def test_a_pitch_dressed_as_curiosity_is_transparent_intent():
    text = (
        "Quick question: how do you schedule shifts? "
        "Our platform helps teams like yours save hours."
    )
    found = hits_by_rule(text)
    assert "Quick question" in found["transparent-intent"]


def test_curiosity_without_a_pitch_is_fine():
    text = "Quick question about your talk: which paper did you quote on soil carbon?"
    assert "transparent-intent" not in hits_by_rule(text)


def test_an_ask_before_any_value_breaks_value_first_and_one_after_value_does_not():
    asking = "Hi Sam, can you introduce me to your head of procurement?"
    assert "value-first" in hits_by_rule(asking)
    giving = (
        "Hi Sam, here's the freight benchmark I mentioned at the expo. "
        "Could you tell me if the Q3 numbers match what you see?"
    )
    assert "value-first" not in hits_by_rule(giving)


def test_an_ask_from_nobody_breaks_identify_yourself_unless_signed_or_introduced():
    assert "identify-yourself" in hits_by_rule("Can we hop on a call this week?")
    signed = "Can we hop on a call this week?\n— Priya | Growth @ Lumen"
    assert "identify-yourself" not in hits_by_rule(signed)
    introduced = "We met at the Lisbon meetup on Monday. Can we hop on a call this week?"
    assert "identify-yourself" not in hits_by_rule(introduced)


@pytest.mark.parametrize(
    "text",
    [
        "Great to meet you at DevDays! Could we find 20 minutes next week?",
        "As a thank-you for chatting at the expo, here is the benchmark. Could you intro me to Li?",
        "Here are the figures you asked for at lunch yesterday. Open to a call on Friday?",
        "Hola Javi, I'm organising the Rust Madrid spring meetup. Fancy a 5-minute talk?",
        "Hi Ade, I run the Lagos data guild; would you give a short talk in March?",
        "Hi Noor, following up on our call about the grant. Could you share the form?",
        "Thanks for offering to intro me to your CFO! Does Tuesday work for a short call?",
        "As we discussed, could you send the draft agreement by Friday?",
        # eighth session's testers: the meeting named without a "you"
        "Hey Efua, good catching up at the climate breakfast. Could you share the deck?",
        "Thanks again for the coffee on Monday! Would your team try the beta?",
    ],
)
def test_how_the_two_met_said_through_the_meeting_itself_identifies_the_sender(text: str):
    """A newcomer's drafts (7 Dec, sixth session) flagged for never saying how they know the
    reader, while saying exactly that."""
    assert "identify-yourself" not in hits_by_rule(text)


def test_too_many_questions_break_one_clear_ask_with_one_span_per_question():
    text = "Can we meet? Could you review my deck? Who else should I ask? Are you hiring?"
    found = hits_by_rule(text)
    assert found["one-clear-ask"] == [
        "Can we meet?",
        "Could you review my deck?",
        "Who else should I ask?",
        "Are you hiring?",
    ]


def test_three_questions_are_fine():
    text = "How was the trip? Did the demo go well? Want the notes?"
    assert "one-clear-ask" not in hits_by_rule(text)


def test_a_value_first_note_breaks_nothing_and_shows_its_strengths():
    text = (
        "Hi Kofi, great to meet at Tuesday's solar meetup. Here's the inverter warranty "
        "guide I mentioned, in case it's useful. No need to reply!"
    )
    assert hits_by_rule(text) == {}
    strengths = {
        s.what: [text[a:b] for a, b in s.spans] for s in find_strengths(text, normalise(text))
    }
    assert "Here's the" in strengths["gives the reader something first"]
    assert "No need to reply" in strengths["gives the reader something first"]


def test_requests_in_three_sentences_break_one_clear_ask_but_one_long_request_does_not():
    one_request = "Quick question: can we book 15 minutes so I can walk you through our platform?"
    assert "one-clear-ask" not in hits_by_rule(one_request)
    three = (
        "Can you review my deck. Also could you send me the slides. "
        "And do you know anyone at Acme I could talk to."
    )
    assert hits_by_rule(three)["one-clear-ask"] == [
        "Can you review my deck.",
        "Also could you send me the slides.",
        "And do you know anyone at Acme I could talk to.",
    ]


def test_the_signature_search_finds_what_its_alternatives_alone_find():
    alone = re.compile(rules._SIGNATURE_ALTERNATIVES, re.IGNORECASE)
    texts = [d.text for d in load_corpus()] + [
        "— Priya", " -- Tom", "Thanks,\nAna", "See you then.\n~ Sam", "...best wishes Jo",
        "Cheers!\n  Ravi  ", "x\n- 5 things", "Hi - quick one\nCheers\nSam", "A\nB\n\nthanks Jo",
        "Thanks,\n\nAna", "\nthx Al", "We met. Thanks Ana", "ok, all the best!\n Jo", "cheers A",
        "x kind regards,\n\tJo", "thanks 2 Ana", "Thanks - Ana", "Regards,\nAna²", "mit thanks Ana",
    ]  # fmt: skip
    for text in texts:
        assert rules.has_signature(text) == bool(alone.search(text.rstrip())), text
        closing = [m.span() for m in re.finditer(rules._CLOSING_SIGN_OFF, text, re.IGNORECASE)]
        assert [m.span() for m in rules._CLOSING_SIGNATURE.finditer(text)] == closing


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        # a sell to someone named in a Slack thread: the mention is the group
        (
            "<@U0TEAL7> cron drift is painful. Honestly just switch to our scheduling app, "
            "DM me for a demo.",
            ["switch to our scheduling app", "DM me for"],
        ),
        (
            "@Noor nice write-up! Our billing tool handles proration out of the box, "
            "happy to send you a quote.",
            ["Our billing tool handles", "happy to send you a quote"],
        ),
        # words that address the whole thread or channel
        (
            "For anyone else in this thread fighting flaky tests: my consultancy can fix it, "
            "message me for the price list.",
            ["my consultancy can", "message me for"],
        ),
        ("Who here wants early access to the beta? I'll DM you the pricing.", ["early access",
         "I'll DM you the pricing"]),
    ],
)  # fmt: skip
def test_a_plug_in_a_thread_reply_is_group_plugging(text: str, phrases: list[str]) -> None:
    assert hits_by_rule(text)["no-group-plugging"] == phrases


@pytest.mark.parametrize(
    "text",
    [
        # a helpful answer that names the sender's employer and says so
        "@Noor I work at Tidewise, so I'm biased, but our product does import CSV; the steps "
        "are in the docs. Any spreadsheet tool will do for a one-off.",
        # an offer of help, not a sale
        "<@U0TEAL7> I kept notes from the same migration, DM me if you want my checklist.",
        # the plug phrase said the other way round
        "Hi all, the role is posted in the jobs channel. Please don't DM me for a referral, "
        "apply through the form so it's fair.",
    ],
)
def test_helpful_thread_answers_are_not_group_plugging(text: str) -> None:
    assert "no-group-plugging" not in hits_by_rule(text)


def test_asking_one_reader_whether_they_know_anyone_who_would_buy_is_not_group_plugging() -> None:
    """Asking "do you know anyone who wants…" is a referral ask of the one person it is written to
    (found in `netcoach try`: the review said "It plugs a product to a group" of a note to one
    person)."""
    text = (
        "Hey Carlos, loved your talk. Do you know anyone who wants to buy our analytics "
        "platform? 20% off this week only"
    )
    hits = hits_by_rule(text)
    assert "no-group-plugging" not in hits
    assert "no-hard-sell" in hits
    assert "no-group-plugging" in hits_by_rule(
        "Anyone who wants to buy our analytics platform: 20% off this week only, DM me!"
    )


def test_a_channel_mention_typed_as_a_word_addresses_the_group() -> None:
    text = "@channel our new budgeting app is out, check out my app and tell your friends!"
    assert "no-group-plugging" in hits_by_rule(text)


@pytest.mark.parametrize(
    "text",
    [
        "No rush at all, definitely not ASAP. Could you send the deck when you have a sec?",
        "It isn't urgent: could you send the deck when you can?",
    ],
)
def test_urgency_said_the_other_way_round_is_no_pressure(text: str) -> None:
    """A newcomer's "definitely not ASAP" (7 Dec, sixth session) read as pushing with urgency."""
    assert "no-hard-sell" not in hits_by_rule(text)


def test_urgency_said_plainly_is_still_pressure() -> None:
    assert "no-hard-sell" in hits_by_rule("I need this ASAP, could you send the deck today?")
