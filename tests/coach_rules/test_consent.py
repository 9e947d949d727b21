import re

import pytest

from coach_rules import consent
from coach_rules.consent import consent_spans
from coach_rules.corpus import load_corpus


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


def _every_phrase_on_reader_lines(text: str) -> tuple[tuple[int, int], ...]:
    """The scan before the word filter: every phrase, case-insensitive, on each line naming the
    reader, then the same asking-first check."""
    pattern = re.compile("|".join(f"(?:{p.pattern})" for p in consent._PHRASES), re.IGNORECASE)
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if any(word in line.lower() for word in consent._READER_WORDS):
            for m in pattern.finditer(text, start, end):
                if consent.asked_first(text, m.start(), m.end()):
                    continue
                phrase = m.group(0)
                spans.append((m.start() + len(phrase) - len(phrase.lstrip()), m.end()))
        start = end + 1
    return tuple(spans)


def test_the_word_filter_finds_exactly_what_every_phrase_on_every_line_finds():
    drafts = [d.text for d in load_corpus()]
    variants = [t.upper() for t in drafts[::7]] + [t.replace(". ", ".\n") for t in drafts[::5]]
    # Letters that match an ASCII letter only when case is ignored.
    variants += ["I've ſigned you up for the list.", "We've İnvited you to our lİst"]
    found = 0
    for text in drafts + variants:
        expected = _every_phrase_on_reader_lines(text)
        assert consent_spans(text) == expected, text
        found += bool(expected)
    assert found > 50  # the corpus exercises the phrases, not only the filter


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Great meeting you! I'll add you to our weekly buyers' call.", "I'll add you to"),
        ("Thanks! Our consultant will call you tomorrow at 9.", "Our consultant will call you"),
        ("I'm signing you up for the Saturday session.", "I'm signing you up"),
        ("Expect a call from our team this week.", "Expect a call from"),
        ("I'll call you at 3pm today to go through a quote.", "I'll call you at 3"),
        ("No reply? I'll just send invites for Tues, you can pick.", "I'll just send invites for"),
        ("I'll pass your number on to my cousin, he sells vans.", "I'll pass your number"),
        ("You're on our mailing list now, enjoy!", "You're on our mailing list"),
        # Opting out is not agreeing: "unless you cancel" does not ask first.
        ("I put you on the list for a trial, billed unless you cancel.", "I put you on"),
        # Having talked about it is not a yes either.
        ("As discussed, I've uploaded your details to our CRM.", "uploaded your details"),
        (
            "I've taken the liberty of adding three of your team.",
            "taken the liberty of adding three of your",
        ),
    ],
)
def test_settled_plans_and_calls_from_others_are_found_without_asking(text, phrase):
    assert [text[s:e] for s, e in consent_spans(text)] == [phrase]


@pytest.mark.parametrize(
    "text",
    [
        "I've put you in touch with Maria, she runs the Leeds meetup.",
        "I'll add you to the list if you say yes.",
        "As you asked, our consultant will call you tomorrow.",
        "I'll send you the deck tonight.",
    ],
)
def test_introductions_and_what_the_reader_asked_for_are_not_consent_findings(text):
    assert consent_spans(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Let me know and I'll add you to the list.",
        "Say the word and I'll sign you up.",
        "Keen? I'll add you to the invite list.",
        "I'll add you to the group if you're interested.",
        "If that sounds useful I'll add you to our list.",
        "Since you asked, I've signed you up for the webinar.",
        "Thanks for saying yes — I've added you to the group.",
        "You said you'd like the updates, so I've added you to the newsletter.",
    ],
)
def test_an_offer_waiting_for_a_yes_or_a_yes_already_given_is_not_a_finding(text):
    assert consent_spans(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "I've added you to the list. Let me know if you want off.",
        "I've added you to the list, let me know if you'd rather not be on it.",
        "No reply? I'll just add you to the list.",
    ],
)
def test_done_unasked_with_a_way_out_is_still_a_finding(text):
    assert consent_spans(text)


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Je vous ai inscrite à notre lettre d'information.", "Je vous ai inscrite"),
        ("Ti ho iscritta alla nostra newsletter.", "Ti ho iscritta"),
        ("Te adicionei no grupo de vendas.", "Te adicionei"),
        (
            "Ich habe dich schon mal in unsere Gruppe aufgenommen.",
            "Ich habe dich schon mal in unsere Gruppe aufgenommen",
        ),
        ("I've put a 45-minute slot in your calendar.", "put a 45-minute slot in your calendar"),
        ("I cc'd our sales team who will call you this week.", "our sales team who will call you"),
    ],
)
def test_more_wordings_of_doing_it_unasked_are_found(text, phrase):
    assert [text[s:e] for s, e in consent_spans(text)] == [phrase]


def test_a_draft_not_in_english_is_still_judged_when_it_signs_the_reader_up():
    from coach_rules.review import review

    text = "Ciao Giulia! Ti ho iscritta alla nostra newsletter e alla lista VIP. A presto, Marco"
    result = review(text)
    assert result.judged and result.flagged
    assert "respect-consent" in {f.rule for f in result.findings}


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("hey Noor, added you to the founders WhatsApp group 🙂", "added you to"),
        ("fyi i added ur email to our Discord and the sponsor list", "fyi i added ur email to"),
        ("hey! signed u up for the charity run, it's $30", "signed u up"),
        ("Hi Theo, I told Mia about it and gave her your number.", "gave her your number"),
        (
            "Your registration details have been shared with our partners.",
            "Your registration details have been shared",
        ),
        ("Booked us 20 min Friday to walk through the demo", "Booked us"),
        (
            "Talk Tuesday with our CTO, the invite's in your inbox",
            "invite's in your inbox",
        ),
        (
            "Moved my newsletter and imported my contacts, so you'll get it Monday",
            "imported my contacts",
        ),
        (
            "Thanks for the question! I'll have my SDR call you tomorrow.",
            "I'll have my SDR call you",
        ),
        (
            "We have automatically enrolled you in the premium trial.",
            "We have automatically enrolled you in",
        ),
    ],
)
def test_chat_style_and_indirect_consent_phrases_are_found(text: str, phrase: str) -> None:
    assert [text[a:b] for a, b in consent_spans(text)] == [phrase]


@pytest.mark.parametrize(
    "text",
    [
        "Great meeting you! Added you on LinkedIn, say hi anytime.",
        "yo, u said you wanted in - just added you like u asked",
        "Re: your request for the weekly report — done, you're on the distro list now.",
        "Want me to add u to the group chat?",
        "Booked us a table at Dishoom for Friday, see you there!",
    ],
)
def test_connecting_asking_and_answering_a_request_are_not_consent_findings(text: str) -> None:
    assert consent_spans(text) == ()


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "Lovely to see so many at the plant swap! I've put all the emails from the door "
            "clipboard onto our garden centre newsletter list.",
            "put all the emails from the door clipboard onto our garden centre newsletter",
        ),
        (
            "Parents, we have passed the team contact list to the kit supplier.",
            "passed the team contact list to",
        ),
        (
            "Mr Bello, I forwarded Ade Farms' bank details to our lender.",
            "forwarded Ade Farms' bank details to",
        ),
        ("Oga, we don add your number to the street WhatsApp group.", "we don add your number"),
        ("Oi Caio, coloquei você na lista do clube.", "coloquei você"),
        ("Good meeting you 👋 added you to our Telegram channel", "added you to"),
        ("Great news, you're all now registered for the webinar.", "you're all now registered"),
        ("I've tagged you in our CRM so our AE can follow up.", "tagged you in our CRM"),
        (
            "I've opened a trial workspace in your name to save you time.",
            "opened a trial workspace in your name",
        ),
        ("Our events team sent everyone a calendar invite for Friday's demo.", None),
        (
            "I've booked a kickoff for the two of us and our designer on Monday.",
            "booked a kickoff for the two of us",
        ),
        ("Your emails are already on the attendee list for May.", None),
        ("I met Lee at the fair and cc'd him on this thread.", "cc'd him on this thread"),
        (
            "The club has made every member's mobile number visible in the app.",
            "made every member's mobile number visible",
        ),
        ("I saw your booking page on LinkedIn and booked Tuesday 9am.", None),
        (
            "Raid night is Thursdays now, I gave everybody the @raiders role for the pings.",
            "gave everybody the @raiders role",
        ),
    ],
)
def test_more_ways_of_doing_it_unasked_are_found(text: str, phrase: str | None) -> None:
    found = [text[a:b] for a, b in consent_spans(text)]
    assert found if phrase is None else found == [phrase]


@pytest.mark.parametrize(
    "text",
    [
        # asked first, or done because the reader asked
        "Shall I put all the emails from the sign-up sheet onto our newsletter list?",
        "As you requested, I've passed your details to our agent, Ms. Diaz, who will call you.",
        "Per your request we shared the team contact list with the coach.",
        "Would you like me to copy her on this thread?",
        # details handed to the reader: an introduction
        "I've sent Lee's contact details to you so you can reach him.",
        # nobody's details, nobody's list
        "I shared the reading list with my team.",
        "We made the slides public after the talk.",
        "I've added notes to this thread for the minutes.",
        "I looked at your booking page, but Thursday is fully booked.",
        "I added the sales numbers to the budget database.",
        "Should I give you the @raiders role so you get the pings?",
    ],
)
def test_asking_first_answering_a_request_and_lookalikes_are_not_findings(text: str) -> None:
    assert consent_spans(text) == ()


def test_letter_runs_are_the_words_findall_finds():
    texts = [d.text.lower() for d in load_corpus()]
    texts += ["résumé naïve café", "emoji 🎉ok\ud83dlone", "ſigned İnvited x-y_z 42abc"]
    for text in texts:
        assert consent._letter_runs(text) == re.findall("[a-z]+", text), text


@pytest.mark.parametrize(
    "text",
    [
        "Merged the draft and added your comments, thanks!",
        "Added your feedback to section 3 of the doc.",
        "Looping back: I wrote to the landlord and put you in cc so you see the reply.",
        "Put you on cc for the invoice thread.",
        "Booked the room for Thursday like you asked, see you there.",
        "Signed you up for the workshop as you suggested!",
    ],
)
def test_things_of_a_thread_a_cc_and_a_yes_already_given_are_not_findings(text: str) -> None:
    assert consent_spans(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Added your email to our weekly list, enjoy!",
        "I put you in our CRM so sales can call you.",
        "Added your team to the vendor portal.",
    ],
)
def test_the_person_and_their_details_are_still_findings(text: str) -> None:
    assert consent_spans(text)


# Eighth links pass: a reader's words published or sent on, a call set in their name, and an
# offer that waits for a reaction.
@pytest.mark.parametrize(
    "text",
    [
        "Thanks for the lovely review! Your quote and photo are now live on our homepage.",
        "Loved your words at the meetup, so I've added them and your headshot to our "
        "testimonials page.",
        "Your email about the rota was spot on, so I sent it to the whole volunteers list.",
        "We've booked your intro call for Tuesday at 3pm with our advisor.",
    ],
)
def test_published_words_forwarded_messages_and_booked_calls_are_findings(text: str) -> None:
    assert consent_spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "Want the slides? React with 👍 and I'll add you to the share.",
        "Ping me and I'll add you to the carpool list.",
        "Would you mind if we put your quote on our testimonials page?",
        "The agenda is ready and I forwarded it to the committee.",
    ],
)
def test_offers_waiting_for_a_reaction_and_the_senders_own_things_are_not(text: str) -> None:
    assert consent_spans(text) == ()


def test_opting_out_with_a_message_is_still_no_yes() -> None:
    assert consent_spans("I'll add you to the list unless you message me.")


def test_saying_it_was_not_done_is_no_finding():
    # writer BD's n6131 (training data): the sender says the details were not passed on
    text = "I've not passed on your details and won't unless you'd like me to."
    assert consent_spans(text) == ()
    assert consent_spans("We have not added you to anything yet.") == ()
    assert consent_spans("Never miss a deal: I've added you to our VIP list!") != ()
