import itertools
import json
from pathlib import Path

import pytest

from coach_rules import parts
from coach_rules.corpus import load_corpus
from coach_rules.parts import Part, judged_text, set_aside_blanked, set_aside_note, split_parts

DATA = Path(__file__).resolve().parents[2] / "coach_rules" / "data" / "drafts_s.jsonl"

DECLINE = "Thanks, but we're all set on monitoring for this year. Good luck with the launch."
VENDOR_PITCH = "Hi Sam,\nOur monitoring cuts alerts by 80%. Book a demo this week!\nRiya"


def kinds(text: str) -> list[str]:
    return [p.kind for p in split_parts(text)]


def text_of(text: str, kind: str) -> list[str]:
    return [text[p.start : p.end] for p in split_parts(text) if p.kind == kind]


def test_polite_decline_above_a_quoted_pitch_is_all_that_is_written():
    quoted = "\n".join(f"> {line}" for line in VENDOR_PITCH.splitlines())
    text = f"{DECLINE}\n\nOn Tue, 3 Mar 2026 at 10:14, Riya <riya@x.com> wrote:\n{quoted}\n"
    assert judged_text(text, split_parts(text)) == DECLINE
    assert "Book a demo" in text_of(text, "quote")[0]


@pytest.mark.parametrize(
    "attribution",
    [
        "On Tue, 3 Mar 2026 at 10:14, Riya <riya@x.com> wrote:",
        "On Tue, 3 Mar 2026 at 10:14, Riya Sharma <\nriya@x.com> wrote:",  # Gmail wraps it
        "Am Di., 3. März 2026 um 10:14 Uhr schrieb Riya <riya@x.com>:",
        "Le mar. 3 mars 2026 à 10:14, Riya <riya@x.com> a écrit :",
        "El mar, 3 mar 2026 a las 10:14, Riya (<riya@x.com>) escribió:",
    ],
)
def test_unquoted_history_under_an_attribution_line_is_set_aside(attribution):
    text = f"{DECLINE}\n\n{attribution}\n{VENDOR_PITCH}"
    assert judged_text(text, split_parts(text)) == DECLINE


@pytest.mark.parametrize(
    "header",
    [
        "From: Riya Sharma <riya@x.com>\nSent: Tuesday, March 3, 2026 10:14 AM\nTo: Sam\n"
        "Subject: Monitoring",
        "-----Original Message-----\nFrom: Riya Sharma\nSent: Tuesday, March 3, 2026",
        "---------- Forwarded message ---------\nFrom: Riya <riya@x.com>\nDate: Tue, 3 Mar 2026",
        "De : Riya <riya@x.com>\nEnvoyé : mardi 3 mars 2026 10:14\nÀ : Sam\nObjet : Re: démo",
        "________________________________\nFrom: Riya Sharma <riya@x.com>\nSent: Tuesday",
    ],
)
def test_outlook_and_forwarded_history_is_set_aside(header):
    text = f"{DECLINE}\n\n{header}\n\n{VENDOR_PITCH}"
    assert kinds(text) == ["written", "quote"]
    assert judged_text(text, split_parts(text)) == DECLINE


def test_a_pitch_over_a_friendly_quoted_thread_is_judged_on_the_pitch_alone():
    pitch = "Great to hear! While I have you: book a 30-minute demo of our CRM this week."
    text = f"{pitch}\n\n> Loved seeing you at the meetup, thanks for the book tip!\n> Ana"
    assert judged_text(text, split_parts(text)) == pitch


def test_slack_thread_quote_above_a_reply_is_history_and_the_reply_is_written():
    reply = (
        "@Chen this tutorial is great: https://www.windowfunctions.com, start with `ROW_NUMBER()`."
    )
    text = f"> What's the best way to learn SQL window functions?\n\n{reply}"
    assert [p.kind for p in split_parts(text)] == ["quote", "written"]
    assert judged_text(text, split_parts(text)) == reply


def test_a_blockquote_between_the_senders_own_paragraphs_stays_written():
    text = "I read your paper. One question:\n\n> *Patients with AF were excluded*\n\nWhy was that?"
    assert kinds(text) == ["written"]


def test_signature_contact_block_sent_from_and_disclaimer_are_set_aside():
    body = "Hi Ana,\n\nThanks for the intro to Dev, we had a great call."
    signature = (
        "Best,\nSam\n\nSam Lee (he/him)\nHead of Partnerships, Acme\n+1 415 555 0100\n"
        "sam@acme.example\n\nSent from my iPhone\n\nCONFIDENTIALITY NOTICE: This e-mail and any "
        "attachments are confidential and intended solely for the addressee."
    )
    text = f"{body}\n\n{signature}"
    assert kinds(text) == ["written", "signature"]
    assert judged_text(text, split_parts(text)) == body
    assert text_of(text, "signature") == [signature]


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_ps_is_judged_wherever_it_sits(where):
    body = "Hi Tom,\n\nCongrats on the new job, well deserved."
    ps = "P.S. Our desks are 30% off until Friday, order today!"
    signature = "Cheers,\nKim\n\nKim Murphy | Deskly | +44 20 5555 0101"
    if where == "before":
        text = f"{body}\n\n{ps}\n\n{signature}"
        assert kinds(text) == ["written", "ps", "signature"]
    else:
        text = f"{body}\n\n{signature}\n\n{ps}"
        assert kinds(text) == ["written", "signature", "ps"]
    assert text_of(text, "ps") == [ps]
    assert judged_text(text, split_parts(text)) == f"{body}\n\n{ps}"


def test_markdown_list_items_are_not_mistaken_for_a_dash_signature():
    text = "This weekend you:\n\n- distributed 3,200 food packs\n- Set up clinics\n\nThank you all!"
    assert kinds(text) == ["written"]


def test_linkedin_transcript_keeps_only_the_newest_message():
    newest = "Hi Aisha, here's the supplier contact I promised: Adire Works."
    text = (
        f"Feb 17\nKenji Mori  11:58 AM\nHi Aisha, great to meet you!\n\nToday\nKenji Mori\n{newest}"
    )
    assert judged_text(text, split_parts(text)) == newest


def test_a_plain_note_is_one_written_part_covering_the_text():
    text = "Hey Tom, congrats on the new job!"
    assert split_parts(text) == (Part("written", 0, len(text)),)


def test_blanking_keeps_length_and_the_senders_words_at_their_offsets():
    text = f"{DECLINE}\n\n-----Original Message-----\nBook a demo today"
    blanked = set_aside_blanked(text, split_parts(text))
    assert len(blanked) == len(text)
    assert blanked.startswith(DECLINE)
    assert "Book a demo" not in blanked
    assert blanked.count("\n") == text.count("\n")


def test_parts_are_ordered_within_the_text_and_never_overlap():
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        parts = split_parts(row["text"])
        assert parts, row["id"]
        for before, after in itertools.pairwise(parts):
            assert before.end <= after.start, row["id"]
        assert all(0 <= p.start < p.end <= len(row["text"]) for p in parts)


def test_written_text_matches_the_labelled_writing_on_the_independent_set():
    # Writer G's set: the splitter was not tuned on its rows.
    path = Path(__file__).resolve().parents[1] / "data" / "unseen_shapes.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    same = sum(
        " ".join(judged_text(r["text"], split_parts(r["text"])).split())
        == " ".join(r["written"].split())
        for r in rows
    )
    assert same / len(rows) >= 0.80


def test_the_note_says_how_many_words_were_judged_and_what_was_left_out():
    text = f"{DECLINE}\n\nBest,\nSam\nSam Lee | Acme | +1 415 555 0100\n\n> Book a demo today!"
    note = set_aside_note(text, split_parts(text))
    assert note == (
        "I judged the 15 words you wrote and left out the quoted thread and your signature."
    )


def test_no_note_when_everything_was_judged():
    text = "Hey Tom, congrats on the new job!"
    assert set_aside_note(text, split_parts(text)) is None


ONE_LINERS = [
    "P.S. our sale ends Friday",
    "Ana Lima replied:",
    "Sent from my iPhone",
    "> quoted line",
    "-----Original Message-----",
    "Best,",
    "  Hi Sam, loved your talk!  ",
    "On Tue, 3 Mar 2026 at 10:14, Ana <ana@x.com> wrote:",
    "   ",
    "",
]


@pytest.mark.parametrize("text", ONE_LINERS)
def test_a_text_on_one_line_gets_the_parts_the_line_by_line_reading_gives(text):
    # A trailing newline sends the same text down the line-by-line path.
    assert split_parts(text) == split_parts(text + "\n")


def test_every_one_line_corpus_draft_gets_the_line_by_line_parts():
    for draft in load_corpus():
        if "\n" not in draft.text:
            assert split_parts(draft.text) == split_parts(draft.text + "\n")


# Formats from mail-parser-reply's fixtures (test/emails) and the clients they come from.
@pytest.mark.parametrize(
    "attribution",
    [
        "Dnia 28 lutego 2026 14:00 Riya Nowak <riya@x.com> napisał(a):",
        "Dne 3. 3. 2026 v 10:14 Riya <riya@x.com> napsal(a):",
        "2026年3月3日 10:14 Riya <riya@x.com> 写道：",
        "2026년 3월 3일 (화) 오전 10:14, Riya <riya@x.com>님이 작성하였습니다:",
        "ti 3.3.2026 klo 10.14 Riya (riya@x.com) kirjoitti:",
    ],
)
def test_attributions_in_more_mail_clients_languages_set_the_history_aside(attribution):
    text = f"{DECLINE}\n\n{attribution}\n{VENDOR_PITCH}"
    assert judged_text(text, split_parts(text)) == DECLINE


@pytest.mark.parametrize(
    "header",
    [
        "Original Message processed by david®\nFW: Re: Monitoring",
        "发件人: Riya <riya@x.com>\n发送时间: 2026年3月3日 10:14\n主题: 演示",
        "보낸 사람: Riya <riya@x.com>\n날짜: 2026년 3월 3일\n제목: 데모",
        "差出人: Riya <riya@x.com>\n送信日時: 2026年3月3日 10:14\n件名: デモ",
    ],
)
def test_more_header_blocks_set_the_history_aside(header):
    text = f"{DECLINE}\n\n{header}\n\n{VENDOR_PITCH}"
    assert kinds(text) == ["written", "quote"]


@pytest.mark.parametrize(
    "sent_from",
    ["Sendt fra min iPhone", "Skickat från min iPhone", "Wysłano z iPhone", "Envoyé depuis Mail"],
)
def test_sent_from_lines_in_other_languages_are_signature(sent_from):
    text = f"{DECLINE}\n\n{sent_from}"
    assert kinds(text) == ["written", "signature"]


def test_every_line_the_chat_header_pattern_matches_passes_its_quick_test():
    texts = [d.text for d in load_corpus()]
    lines = {line for text in texts for line in text.splitlines()}
    lines |= {line.upper() for line in list(lines)[::5]}
    lines |= {
        "Today", "SUNDAY", "Ana Lima replied", "Quoting Sam Park", "In reply to Jo",
        "Jo commented", "Mar 3", "10:42", "Ana  10:42 AM", "my message: hi", "Sam ſaid",
        "YESTERDAY", "Jo POSTED", "Ana ı replied", "Ana Lima  ٣:٤٥",
    }  # fmt: skip
    matched = [line for line in lines if parts._CHAT_HEADER.match(line)]
    assert len(matched) > 20  # the corpus holds chat headers, not only the added lines
    assert all(parts._may_be_chat_header(line) for line in matched)


def test_a_footer_in_dotted_capitals_is_still_a_footer() -> None:
    # 'İ'.lower() is two characters; the quick test must not lose the footer word.
    from coach_rules import parts

    assert parts._is_footer("UNSUBSCRİBE from these e-mails")


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(part.kind, text[part.start : part.end]) for part in split_parts(text)]


def test_a_thread_label_above_the_quoted_question_goes_with_the_quote() -> None:
    text = (
        "Thread in #hiring-help\n> Who knows a good bookkeeper for a small studio?\n\n"
        "@Rosa my firm does exactly that, book a call today, only two spots left!"
    )
    assert _kinds(text) == [
        ("quote", "Thread in #hiring-help\n> Who knows a good bookkeeper for a small studio?"),
        ("written", "@Rosa my firm does exactly that, book a call today, only two spots left!"),
    ]


def test_a_sentence_above_a_markdown_quote_stays_the_senders_own() -> None:
    text = "Loved this thread.\n> Give before you ask.\n\nSo here is the deck I promised."
    assert [kind for kind, _ in _kinds(text)] == ["written"]


def test_a_long_replying_to_line_with_the_message_answered_is_quoted() -> None:
    text = (
        "Big sale at my brother's bike shop this weekend, 30% off if you say my name!!\n\n"
        'Replying to Femi Ade in #cyclists: "Does anyone know where to get a wheel trued?"'
    )
    assert [kind for kind, _ in _kinds(text)] == ["written", "quote"]


def test_replying_to_in_the_senders_own_sentence_is_not_a_quote() -> None:
    text = (
        "Replying to the whole list since many of you hire: my agency builds sites in a week, "
        "DM me today."
    )
    assert [kind for kind, _ in _kinds(text)] == ["written"]


# Issue 15, seventh pass: LinkedIn conversations pasted newest first.
NEWEST = "Hi Tomasz, sorry, that was a lot of nudges. I'll leave it there; good luck with the move."


@pytest.mark.parametrize(
    ("newer", "older"),
    [
        (
            "Ines Duarte sent the following message at 9:05 AM",
            "Ines Duarte sent the following messages at 4:30 PM (Feb 11)",
        ),
        ("Ines Duarte 9:05 AM", "Ines Duarte 4:30 PM (Feb 11)"),
        ("Ines Duarte  9:05 AM", "Ines Duarte  4:30 PM, yesterday"),
    ],
)
def test_a_transcript_pasted_newest_first_keeps_the_top_message(newer, older):
    text = f"{newer}\n{NEWEST}\n\n{older}\nTomasz, any update on the demo? Book a slot today!"
    assert judged_text(text, split_parts(text)) == NEWEST


def test_a_transcript_in_time_order_still_keeps_the_last_message():
    text = (
        f"Ines Duarte 4:30 PM (Feb 11)\nTomasz, any update on the demo?\n\n"
        f"Ines Duarte 9:05 AM\n{NEWEST}"
    )
    assert judged_text(text, split_parts(text)) == NEWEST


def test_same_day_headers_without_a_day_keep_the_last_message():
    text = f"Ines Duarte 9:05 AM\nTomasz, any update on the demo?\n\nInes Duarte 9:40 AM\n{NEWEST}"
    assert judged_text(text, split_parts(text)) == NEWEST


@pytest.mark.parametrize(
    "older",
    [
        "Sent Feb 11: Tomasz, can we book the demo?",
        "You (Feb 11): Tomasz, can we book the demo?",
        "Tomasz Nowak (Feb 12): Not now, thanks.",
        "InMail · Feb 11 · Tomasz, can we book the demo?",
        "Tomasz van Dijk · Feb 12 · Not now, thanks.",
        "Feb 11 · You: Tomasz, can we book the demo?",
        "Feb 11 - Tomasz, can we book the demo?\nFeb 4 - Hi Tomasz, quick question",
        "You · 10:12 AM · Tomasz, can we book the demo?",
    ],
)
def test_older_messages_listed_with_their_day_below_the_newest_are_history(older):
    text = f"{NEWEST}\n\n{older}"
    assert [(p.kind, text[p.start : p.end]) for p in split_parts(text)] == [
        ("written", NEWEST),
        ("quote", older),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a dated schedule in the sender's own note, with more of it below
        "Dates for the cohort:\n\nFeb 11 - kickoff call\nFeb 18 - first review\n\nSee you there!",
        # a dated line on its own at the top is no older message below a newer one
        "Feb 11 - kickoff call. Bring your questions, Tomasz!",
    ],
)
def test_a_dated_list_in_the_senders_own_note_stays_written(text):
    assert kinds(text) == ["written"]


def test_linkedin_headers_with_a_bullet_and_the_day_are_chat_headers():
    text = f"You • 4 Feb\nHi Tomasz, great to meet you at the fair.\n\nYou • 11 Feb\n{NEWEST}"
    assert judged_text(text, split_parts(text)) == NEWEST


def test_a_profile_card_with_the_connections_degree_below_the_message_is_set_aside():
    text = f"{NEWEST}\n\nTomasz Nowak · 2nd\nHead of Ops at Lagerhaus\nFeb 4 · You: Hi Tomasz!"
    assert judged_text(text, split_parts(text)) == NEWEST


def test_a_degree_header_pasted_newest_first_keeps_the_top_message():
    text = (
        f"Ines Duarte • 2nd\n{NEWEST}\n\n"
        "Ines Duarte • 2nd · Feb 11\nTomasz, can we book the demo this week?"
    )
    assert judged_text(text, split_parts(text)) == NEWEST


# Eighth links pass: transcripts with a day line over each message, profile cards on top,
# reminder tools' "(3 days later)", Teams' "[10:21 AM] Surname, Name" and comments under a post.
BUMP = "Hi Oskar, circling back on the sponsorship deck: is the budget set for Q3 yet?"


def test_a_transcript_in_order_with_day_lines_keeps_the_last_message():
    text = (
        "MAR 3\nLeila Haddad • 10:05 AM\nHi Oskar, lovely to meet you at the expo.\n\n"
        "Oskar Berg • 11:40 AM\nLikewise Leila, speak soon!\n\n"
        f"MAR 12\nLeila Haddad • 9:15 AM\n{BUMP}"
    )
    assert judged_text(text, split_parts(text)) == BUMP


def test_a_profile_card_above_a_dated_transcript_is_no_newest_message():
    text = (
        "Leila Haddad · 1st\nPartnerships Lead at Brightfield\n\n"
        "MAR 3\nLeila Haddad 10:05 AM\nHi Oskar, would you look at our deck?\n\n"
        f"MAR 12\nLeila Haddad 9:15 AM\n{BUMP}"
    )
    assert judged_text(text, split_parts(text)) == BUMP


def test_a_reminder_tools_days_later_header_is_a_chat_header():
    text = (
        "Leila Haddad 10:05 AM\nHi Oskar, quick question about your events budget?\n\n"
        f"Leila Haddad 10:05 AM (5 days later)\n{BUMP}"
    )
    assert judged_text(text, split_parts(text)) == BUMP


def test_teams_headers_with_the_surname_first_are_chat_headers():
    text = (
        "[09:12 AM] Berg, Oskar\nWho has the venue contract for the offsite?\n\n"
        "[09:20 AM] Haddad, Leila\nI do, I'll drop it in the channel after lunch."
    )
    assert judged_text(text, split_parts(text)) == "I do, I'll drop it in the channel after lunch."


def test_a_comment_under_a_pasted_linkedin_post_is_the_senders_words():
    comment = "Congrats Oskar! Our scheduling app would be perfect for the new team. Demo Friday?"
    text = (
        "Oskar Berg • 2nd\nHead of Events at Nordfest\n2d\nThrilled to share I'm leading a team "
        "of six now!\n\nLike · Comment · Repost\n48 reactions · 9 comments\n\n"
        f"Leila Haddad • 3rd+\nFounder @ Slotwise | Scheduling for events\n{comment}"
    )
    assert judged_text(text, split_parts(text)) == comment


def test_links_pasted_under_the_newest_message_go_with_it():
    text = (
        "Oskar Berg 10:00 AM\nAny good guides on venue contracts?\n\n"
        "Leila Haddad 10:30 AM\nHere are the two I use, both free.\n\n"
        "https://example.org/venue-guide\nhttps://example.org/contract-checklist"
    )
    judged = judged_text(text, split_parts(text))
    assert judged.startswith("Here are the two I use, both free.")
