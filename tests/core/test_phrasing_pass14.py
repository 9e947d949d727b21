"""Pass 14: snooze, done, cancel, rename, delete-contact, note, who, settings, digest, help and
stats said in a sentence. Every example is invented (names, places and wording not in the
phrasing files), with lines that must not be read as the command."""

from __future__ import annotations

import pytest

from bot.core.parser import parse_command
from tests.core.phrasings import CONTACTS, NOT_A_COMMAND, as_schema


def read(text: str) -> dict[str, object]:
    return as_schema(parse_command(text, direct_message=True, known_names=CONTACTS))


# A corrected name: "X should be Y", "X is actually Y, please fix".
@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        ("Ada Obi is actually Adaeze Obi, please fix", "Ada Obi", "Adaeze Obi"),
        ("Tariq Aziz is actually Tariq Al-Aziz, correct it pls", "Tariq Aziz", "Tariq Al-Aziz"),
        ("Nell Ford is actually Nelly Ford, I misheard her name", "Nell Ford", "Nelly Ford"),
        ("Kai Weber should be Kai-Uwe Weber, the CRM wants it so", "Kai Weber", "Kai-Uwe Weber"),
        ("Rui Sousa should be Rui Souza", "Rui Sousa", "Rui Souza"),
    ],
)
def test_a_corrected_name_renames(text: str, old: str, new: str) -> None:
    assert read(text) == {"command": "rename", "person": old, "new_name": new}


@pytest.mark.parametrize(
    "text",
    [
        "Dana is actually in Berlin this week",
        "Tom Reed is actually Tom's brother, small world",
        # Speaks to someone: no request to the bot to correct anything.
        "Ada Obi is actually Adaeze Obi, great to finally know",
        "Ada Obi is actually Adaeze Obi, correct me if I'm wrong",
    ],
)
def test_news_about_a_name_is_no_rename(text: str) -> None:
    assert read(text)["command"] != "rename"


# A contact deleted in a sentence: why first, then the request.
@pytest.mark.parametrize(
    "text",
    [
        "Ada Obi was a mistake, remove the contact",
        "Ada Obi can go, delete the card",
        "Ada Obi turned out to be a bot, take her off my contacts",
        "comot Ada Obi from my contacts",
        "Ada Obi was a duplicate contact, delete that one",
        "Lösch bitte den Kontakt Ada Obi",
        "Ada Obi — delete the whole contact, not just the reminder",
        "I want Ada Obi gone from my contacts",
    ],
)
def test_a_contact_deleted_in_a_sentence(text: str) -> None:
    assert read(text) == {"command": "delete-contact", "person": "Ada Obi"}


@pytest.mark.parametrize(
    "text",
    [
        "Tom said the file was wrong, delete that one",
        "Thanks Dana, please remove him from the thread",
    ],
)
def test_a_thing_deleted_is_no_contact_deleted(text: str) -> None:
    assert read(text) == NOT_A_COMMAND


# A reminder dropped in a sentence, in the languages members mix in.
@pytest.mark.parametrize(
    "text",
    [
        "take Ada Obi off my follow-up list",
        "nvm on following up with Ada Obi, she found a job",
        "nvm about Ada Obi, drop that reminder",
        "den Follow-up mit Ada Obi bitte streichen",
        "wag na yung follow-up kay Ada Obi, i-cancel mo na",
        "Ada Obi reminder — delete it",
        "Ada Obi ka reminder hata do",
        "Ada Obi ka follow up cancel karo yaar, not needed",
        "scratch the reminder for Ada Obi",
        "nah cancel that reminder for Ada Obi",
        "Abort the follow-up with Ada Obi",
    ],
)
def test_a_reminder_dropped_in_a_sentence(text: str) -> None:
    assert read(text) == {"command": "cancel", "person": "Ada Obi"}


def test_a_lower_case_contact_named_before_follow_up() -> None:
    got = read("never mind the dana follow-up, the client walked away")
    assert got == {"command": "cancel", "person": "Dana Kim"}


@pytest.mark.parametrize(
    "text",
    [
        "nvm about Ada Obi, she is fine",
        "nah, I'm good",
        "Can you take Ada off the guest list?",
    ],
)
def test_no_reminder_dropped(text: str) -> None:
    assert read(text)["command"] != "cancel"


# A follow-up marked done in a sentence: what was done for whom, then the request to tick it;
# the status first; the touch with its tick.
@pytest.mark.parametrize(
    "text",
    [
        "mark Ada Obi as done pls, deck sent",
        "Ada Obi: called her, mark as done pls",
        "I emailed Ada Obi, mark it done",
        "Ada Obi don send am, mark am done",
        "Sent Ada Obi the brochure, you can check that off",
        "Phoned Ada Obi as promised, close it out",
        "Had the intro call with Ada Obi, mark it complete",
        "completed: Ada Obi",
        "erledigt — Ada Obi",
        "Ada Obi — followed up ✔️",
        "ya hablé con Ada Obi, márcalo como hecho",
    ],
)
def test_a_follow_up_marked_done_in_a_sentence(text: str) -> None:
    assert read(text) == {"command": "done", "person": "Ada Obi"}


def test_done_and_dusted_said_of_a_contact() -> None:
    assert read("Omar: done and dusted") == {"command": "done", "person": "Omar Haddad"}


@pytest.mark.parametrize(
    "text",
    [
        "Hi Ada, the report is attached, mark it done when reviewed",
        "Completed: Q3 Report",
        "Thanks Ada Obi, please mark it as done on your side",
    ],
)
def test_no_follow_up_marked_done(text: str) -> None:
    assert read(text)["command"] != "done"


# A note said with the person first, "for … add:", "remember for …:", Hindi "ke liye", "worth
# remembering that …", a fact then "save that on her profile".
@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("for Ada Obi add: prefers calls before noon", "prefers calls before noon"),
        ("Ada Obi — add: vegetarian", "vegetarian"),
        ("Ada Obi: add note - moving to Lima in March", "moving to Lima in March"),
        ("remember for Ada Obi: she rows competitively", "she rows competitively"),
        ("Ada Obi ke liye note daal do: chess champion", "chess champion"),
        ("Ada Obi ke liye note: chess champion", "chess champion"),
        ("Ada Obi ko chai bahut pasand hai, note kar lo", "chai bahut pasand hai"),
        ("worth remembering that Ada Obi speaks Yoruba", "speaks Yoruba"),
        ("FYI Ada Obi speaks Yoruba, save that on her profile", "speaks Yoruba"),
    ],
)
def test_a_note_said_in_a_sentence(text: str, note: str) -> None:
    assert read(text) == {"command": "note", "person": "Ada Obi", "note": note}


@pytest.mark.parametrize(
    "text",
    [
        "worth remembering that the venue closes at 6",
        "For the record, add: nothing new this week",
    ],
)
def test_no_note_about_nobody(text: str) -> None:
    assert read(text)["command"] != "note"


# The digest asked for in this channel with its day and a time said in words.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("put the digest here every Thursday at noon", {"weekday": "thursday", "time": "12:00"}),
        (
            "please set up the weekly digest here for Tuesday mornings at 9",
            {"weekday": "tuesday", "time": "09:00"},
        ),
        (
            "post the digest to this channel every monday evening at 6",
            {"weekday": "monday", "time": "18:00"},
        ),
        ("send the weekly digest to this channel", {}),
        ("set up the digest for this channel", {}),
        ("can we get the digest in here fridays at noon", {"weekday": "friday", "time": "12:00"}),
    ],
)
def test_the_digest_asked_for_here(text: str, want: dict[str, str]) -> None:
    assert read(text) == {"command": "digest", "action": "here", **want}


def test_a_time_of_day_said_in_words() -> None:
    from bot.core.said_clock import said_clock

    assert said_clock("friday at noon") == "friday 12:00"
    assert said_clock("sunday evening at 7") == "sunday evening at 7pm"
    assert said_clock("mondays mornings around 9") == "mondays mornings around 9am"
    assert said_clock("evening at 7pm") == "evening at 7pm"  # said already
    assert said_clock("night at 23") == "night at 23"  # no half-day hour


# The time zone changed after a move, said first.
@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("I relocated to Lima last month, update my time zone please", "America/Lima"),
        ("I moved to Nairobi last month, update my time zone", "Africa/Nairobi"),
        ("relocated to Seoul last week, please switch my time zone", "Asia/Seoul"),
        ("nasa manila na ako, pls change my tz", "Asia/Manila"),
    ],
)
def test_a_move_then_the_time_zone(text: str, zone: str) -> None:
    assert read(text) == {"command": "settings", "setting": "timezone", "value": zone}


@pytest.mark.parametrize(
    "text",
    [
        "Dana moved to Lima last month, update the zone on her card",
        "I moved to a new team, update my tz",
    ],
)
def test_no_time_zone_from_a_move(text: str) -> None:
    assert read(text).get("setting") != "timezone"


# A contact's card asked for in other words.
@pytest.mark.parametrize(
    "text",
    [
        "do I have anything on Ada Obi?",
        "what's the info on Ada Obi",
        "¿quién es Ada Obi?",
        "sino nga ulit si Ada Obi?",
        "remind me where I met Ada Obi",
    ],
)
def test_a_card_asked_for(text: str) -> None:
    assert read(text) == {"command": "who", "person": "Ada Obi"}


def test_nothing_on_a_thing_is_no_card() -> None:
    assert read("do I have anything on the calendar?")["command"] != "who"


# A question about a command: "…, how?" after what the bot does; "if I …, …?".
@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("renaming a contact, how?", "rename"),
        ("adding notes to someone — how?", "note"),
        ("snoozing a reminder, how?", "snooze"),
        ("If I delete a contact, are their notes gone too?", "delete-contact"),
        ("if I use forget me, can I come back later?", "forget-me"),
    ],
)
def test_a_question_about_a_command(text: str, topic: str) -> None:
    assert read(text) == {"command": "help", "topic": topic}


@pytest.mark.parametrize(
    "text",
    [
        "If I can help with intros to your contacts, let me know",
        "nice, how?",
        "Dana said yes to the intro, how?",
    ],
)
def test_no_question_about_the_bot(text: str) -> None:
    assert read(text) == NOT_A_COMMAND


# Stats asked for in other words and languages.
@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("show me my numbers for the last month", "month"),
        ("how many new people did I meet this week", "week"),
        ("how am I doing this week with my follow-ups", "week"),
        ("send me a stats summary", "week"),
        ("what are my stats for the past week", "week"),
        ("kitne naye log mile this month?", "month"),
        ("mis estadísticas de este mes", "month"),
    ],
)
def test_stats_asked_for(text: str, period: str) -> None:
    assert read(text) == {"command": "stats", "period": period}


def test_a_stats_word_in_a_draft_is_no_request() -> None:
    assert read("Our Q3 stats summary is attached, Dana, let me know what you think")[
        "command"
    ] not in {"stats"}


# A reminder moved to a new day: asked for with the reminder named, or said with "instead".
@pytest.mark.parametrize(
    ("text", "person", "day"),
    [
        ("could we move the Kai reminder to the 18th?", "Kai Müller", "2026-12-18"),
        ("can you push Omar's follow-up to next Thursday", "Omar Haddad", "2026-12-10"),
        ("can u move my reminder for Dana to Monday? slammed", "Dana Kim", "2026-12-14"),
        ("nudge me about Priya on the 22nd instead", "Priya Shah", "2026-12-22"),
        ("remind me about Sam again next Friday instead", "Sam Lee", "2026-12-11"),
    ],
)
def test_a_reminder_moved_to_a_new_day(text: str, person: str, day: str) -> None:
    assert read(text) == {"command": "snooze", "person": person, "date": day}


@pytest.mark.parametrize(
    "text",
    [
        "can we move the meeting to Friday?",
        "can we move the board review to next week? Thanks, Dana",
        # Without the reminder named, or without "instead", a new reminder (writers E, E3, E6).
        "can you move Kai to Monday?",
        "remind me about Kai on Monday",
    ],
)
def test_no_reminder_moved(text: str) -> None:
    assert read(text)["command"] != "snooze"


def test_nah_before_a_comma_stays_chat() -> None:
    assert read("nah, forget it") == {"command": "chat", "intent": "no"}


# The list asked for in other words and languages.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("anything past due?", {"filter": "overdue"}),
        ("any overdue reminders", {"filter": "overdue"}),
        ("which follow-ups are overdue", {"filter": "overdue"}),
        ("who am I behind with?", {"filter": "overdue"}),
        ("zeig mir alle reminders", {"filter": "all"}),
        ("ano-ano ang mga reminders ko?", {}),
        ("kya kya baaki hai", {}),
        ("I want the full list, not only the overdue ones", {"filter": "all"}),
    ],
)
def test_the_list_asked_for(text: str, want: dict[str, str]) -> None:
    assert read(text) == {"command": "list", **want}


def test_something_overdue_for_someone_else_is_no_list() -> None:
    assert read("Is anything overdue on the invoice, Dana?") == NOT_A_COMMAND


# Hindi: whose reminder ("wala"), the new day, then the verb.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Dana wala reminder Monday tak shift kar do", {"date": "2026-12-14"}),
        ("Omar wali follow-up parso pe shift karo", {"date": "2026-12-11"}),
        ("Sam wala follow-up 3 din aage kar do", {"days": 3}),
    ],
)
def test_a_reminder_moved_in_hindi(text: str, want: dict[str, object]) -> None:
    got = read(text)
    assert got["command"] == "snooze"
    assert {key: got.get(key) for key in want} == want


# Export and forget-me in other words.
@pytest.mark.parametrize(
    "text",
    ["send me my notes backup", "i wan export all my notes", "mere saare data export karo"],
)
def test_an_export_asked_for(text: str) -> None:
    assert read(text) == {"command": "export"}


@pytest.mark.parametrize(
    "text",
    [
        "data request: delete all my data",
        "meine Daten bitte löschen",
        "borra todo: erase everything you have on me",
    ],
)
def test_forget_me_asked_for(text: str) -> None:
    assert read(text) == {"command": "forget-me"}


def test_a_data_dump_for_someone_else_is_no_export() -> None:
    assert read("send me the data dump from the pilot, Dana") == NOT_A_COMMAND


# A rename with the verb in the languages members mix in.
@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        ("Ändere bitte Ada Obi zu Ada Obi-Eze", "Ada Obi", "Ada Obi-Eze"),
        ("cambia a Tomi Ade to Tomiwa Ade porfa", "Tomi Ade", "Tomiwa Ade"),
        ("can you change Ada Obi to Dr. Ada Obi? she defended last week", "Ada Obi", "Dr. Ada Obi"),
        ("Bitte Ada Obi umbenennen in Ada Obi-Eze", "Ada Obi", "Ada Obi-Eze"),
        ("Ada Obi ka naam badal ke Ada O. Obi kar do", "Ada Obi", "Ada O. Obi"),
    ],
)
def test_a_rename_in_other_words(text: str, old: str, new: str) -> None:
    assert read(text) == {"command": "rename", "person": old, "new_name": new}


def test_a_new_name_keeps_the_start_of_the_old_one() -> None:
    from bot.core.language import keeps_a_name

    assert keeps_a_name("Sam", "Samuel Lee")
    assert keeps_a_name("Priya Shah", "Priya Shah-Mehta")
    assert not keeps_a_name("Dana", "Friday")
    assert not keeps_a_name("Al", "Alberto")  # two letters start too many names


# A meeting told with who the person is around their name: the role first, then the meeting in
# its own clause; or the meeting first with someone not yet named, then the name and the role.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Noor Haddad, head of growth at a fintech. We met on Monday at the Dubai AI week",
            {
                "person": "Noor Haddad",
                "place": "the Dubai AI week",
                "date": "2026-12-07",
                "note": "head of growth at a fintech",
            },
        ),
        (
            "Ines Duarte, who restores boats — we met at the Lisbon marina party",
            {"person": "Ines Duarte", "place": "the Lisbon marina party", "note": "restores boats"},
        ),
        (
            "Tomás Ruiz runs a bakery chain — met him yesterday at the food expo",
            {
                "person": "Tomás Ruiz",
                "place": "the food expo",
                "date": "2026-12-08",
                "note": "runs a bakery chain",
            },
        ),
        (
            "met someone great at the climate breakfast - Lena Vogt, policy lead, wants intros",
            {
                "person": "Lena Vogt",
                "place": "the climate breakfast",
                "note": "policy lead, wants intros",
            },
        ),
        (
            "Met an inspiring teacher at the school fair last night, Ama Boateng, she runs a club",
            {
                "person": "Ama Boateng",
                "place": "the school fair",
                "date": "2026-12-08",
                "note": "she runs a club",
            },
        ),
        (
            "met a great designer at the Figma booth — Ravi Nair, builds plugins. That was on 12/3",
            {"person": "Ravi Nair", "place": "the Figma booth", "date": "2026-12-03"},
        ),
    ],
)
def test_a_meeting_told_with_a_role(text: str, want: dict[str, str]) -> None:
    got = read(text)
    assert got["command"] == "met"
    assert {key: got.get(key) for key in want} == want


@pytest.mark.parametrize(
    "text",
    [
        # Speaks to someone, or asks.
        "Noor Haddad, head of growth at a fintech. We met on Monday at the Dubai AI week, right?",
        "Noor Haddad, head of growth — you met her at the Dubai AI week",
    ],
)
def test_no_meeting_told_with_a_role(text: str) -> None:
    assert read(text)["command"] != "met"


def test_the_role_reading_only_in_a_direct_message() -> None:
    from bot.core.told_with_a_role import told_with_a_role

    assert told_with_a_role("Hi Noor Haddad, we met at the Dubai AI week") is None
    assert told_with_a_role("Noor Haddad, head of growth. We met at the Dubai AI week") is not None


# A log's day and an errand, no meeting word: a reminder.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Ada Obi, 12/14 — send her the deck", {"date": "2026-12-14", "note": "send her the deck"}),
        (
            "Ada Obi — tomorrow morning at 9, send her the job spec",
            {"date": "2026-12-10", "time": "09:00", "note": "send her the job spec"},
        ),
    ],
)
def test_a_day_and_an_errand_is_a_reminder(text: str, want: dict[str, str]) -> None:
    got = read(text)
    assert got["command"] == "follow-up"
    assert {key: got.get(key) for key in want} == want


@pytest.mark.parametrize(
    "text",
    ["Ada Obi, yesterday — send her the deck", "Ada Obi, Lagos, 12/2 — send her the deck"],
)
def test_a_day_past_or_a_place_keeps_the_meeting(text: str) -> None:
    assert read(text)["command"] == "met"


# What a reminder is about, said with another language's word for "about".
@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("Ada Obi nächste Woche follow up, wegen dem Messestand", "about Messestand"),
        ("Sam ko follow up karna hai Friday, offsite ke baare mein", "about offsite"),
        (
            "abeg remind me to follow up with Ada Obi on Monday, na about the invoice",
            "about the invoice",
        ),
        ("rappelle-moi de relancer Ada Obi demain, pour le devis", "about le devis"),
    ],
)
def test_about_in_another_language(text: str, note: str) -> None:
    got = read(text)
    assert got["command"] == "follow-up"
    assert got["note"] == note


def test_a_note_with_no_about_word_stays() -> None:
    from bot.core.about_in_english import about_in_english

    assert about_in_english("pourquoi pas") == "pourquoi pas"  # "pour" only as a word
    assert about_in_english("sobre el retreat") == "sobre el retreat"  # writers disagree
    assert about_in_english("the deck") == "the deck"


@pytest.mark.parametrize(
    "text",
    [
        "recuérdame hacer follow up con Ada Obi el lunes, about the grant",
        "me lembra de fazer follow-up com Ada Obi na segunda",
    ],
)
def test_a_reminder_asked_with_hacer_follow_up_con(text: str) -> None:
    got = read(text)
    assert got["command"] == "follow-up"
    assert got["person"] == "Ada Obi"


# How the member feels, set off by a dash, then a reminder moved.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Too swamped — delay Ada Obi by a week", {"days": 7}),
        ("Aaj nahi yaar — push Ada Obi to Monday", {"date": "2026-12-14"}),
        ("Crazy week - postpone Ada Obi 3 days", {"days": 3}),
    ],
)
def test_a_mood_then_a_reminder_moved(text: str, want: dict[str, object]) -> None:
    got = read(text)
    assert got["command"] == "snooze"
    assert got["person"] == "Ada Obi"
    assert {key: got.get(key) for key in want} == want


def test_a_mood_then_a_thing_moved_is_no_snooze() -> None:
    assert read("Sounds good — push the launch to Monday") == NOT_A_COMMAND


# The word after the command word set off by a colon: "cancel follow-up: X", "delete contact: X".
@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("cancel follow-up: Ada Obi, she went with another vendor", "cancel"),
        ("delete contact: Ada Obi", "delete-contact"),
    ],
)
def test_the_kind_of_thing_before_a_colon(text: str, command: str) -> None:
    assert read(text) == {"command": command, "person": "Ada Obi"}


# The digest asked for here in Hindi, German and Spanish.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("yahan digest bhejo har Friday 4pm", {"weekday": "friday", "time": "16:00"}),
        (
            "Den Digest bitte hier posten, mittwochs um 9 Uhr",
            {"weekday": "wednesday", "time": "09:00"},
        ),
        ("quiero el resumen semanal aquí los jueves", {"weekday": "thursday"}),
    ],
)
def test_the_digest_asked_for_here_in_other_languages(text: str, want: dict[str, str]) -> None:
    assert read(text) == {"command": "digest", "action": "here", **want}


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("timezone is now Europe/Paris, I moved", "Europe/Paris"),
        ("change my zona horaria to Lima porfa", "America/Lima"),
    ],
)
def test_the_time_zone_in_other_words(text: str, zone: str) -> None:
    assert read(text) == {"command": "settings", "setting": "timezone", "value": zone}


# Fields set off by a spaced slash.
def test_a_log_in_slashed_fields() -> None:
    got = read("log meeting: Ada Obi / Lagos / Dec 5 / wants a demo")
    assert got == {
        "command": "met",
        "person": "Ada Obi",
        "place": "Lagos",
        "date": "2026-12-05",
        "note": "wants a demo",
    }
    reminder = read("set reminder: Ada Obi / 12/18 / intro to our CEO")
    assert reminder == {
        "command": "follow-up",
        "person": "Ada Obi",
        "date": "2026-12-18",
        "note": "intro to our CEO",
    }


def test_one_spaced_slash_is_no_field() -> None:
    from bot.core.tidy import tidy

    assert tidy("met Ada Obi at the pitch / demo night") == "met Ada Obi at the pitch / demo night"


# A meeting told with the name right after the event in German, or "cornered me".
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Heute beim Stammtisch Ada Obi getroffen, works in robotics",
            {"person": "Ada Obi", "place": "Stammtisch", "note": "works in robotics"},
        ),
        (
            "Gestern beim Hamburg Founders Stammtisch Ada Obi getroffen, baut Roboter",
            {"person": "Ada Obi", "place": "Hamburg Founders Stammtisch", "date": "2026-12-08"},
        ),
        (
            "Dana cornered me at the Q3 offsite yesterday, she asked about mentoring",
            {"person": "Dana Kim", "place": "Q3 offsite", "note": "she asked about mentoring"},
        ),
        (
            "Omar pulled me aside at the board dinner on 12/2, he wants a co-founder",
            {"person": "Omar Haddad", "place": "board dinner", "date": "2026-12-02"},
        ),
    ],
)
def test_a_meeting_with_the_name_after_the_event(text: str, want: dict[str, str]) -> None:
    got = read(text)
    assert got["command"] == "met"
    assert {key: got.get(key) for key in want} == want


def test_found_me_something_is_no_meeting() -> None:
    assert read("Dana found me a great venue for the offsite") == NOT_A_COMMAND


def test_no_longer_needs_a_follow_up_then_the_request_again() -> None:
    got = read(
        "Ada Obi no longer needs a follow-up, please delete that reminder (keep the contact)"
    )
    assert got == {"command": "cancel", "person": "Ada Obi"}
