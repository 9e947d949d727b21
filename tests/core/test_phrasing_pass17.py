"""Pass 17: code-mixed commands read through one lexicon of other languages' words
(`bot.core.other_languages`), and the newest writers' other families. Every example is
invented (names, places and wording not in the phrasing files), with lines that must not be
read as the command."""

from __future__ import annotations

import pytest

from bot.core.commanded_abroad import (
    names_without_case_endings,
    verb_first_in_english,
    verb_last_in_english,
)
from bot.core.parser import parse_command
from tests.core.phrasings import CONTACTS, NOT_A_COMMAND, as_schema


def read(text: str) -> dict[str, object]:
    return as_schema(parse_command(text, direct_message=True, known_names=CONTACTS))


# A place after another language's "at": "no/na" (Portuguese) and "en" (Spanish) before a venue
# noun or an article, French "au", "à" always.
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("met Renata Lopes na feira de startups ontem", "feira de startups"),
        ("met Hugo Lemaire au forum Tech Lyon hier", "forum Tech Lyon"),
        ("met Anaïs Petit à Station Sud aujourd'hui", "Station Sud"),
        ("met Rafael Ortiz no evento da Stone", "evento da Stone"),
    ],
)
def test_a_place_after_a_foreign_at(text: str, place: str) -> None:
    assert read(text)["place"] == place


@pytest.mark.parametrize(
    "text",
    [
        "met Tobias Brandt no idea where he works now",
        "met Ngozi Eze, na correct designer",
    ],
)
def test_a_foreign_at_before_no_place_is_none(text: str) -> None:
    assert "place" not in read(text)


# A time after a foreign "at", a day of the month after a foreign article.
@pytest.mark.parametrize(
    ("text", "day", "clock"),
    [
        ("follow up Hugo Lemaire jeudi à 9h", "2026-12-10", "09:00"),
        ("follow-up Renata Lopes amanhã às 16h30", "2026-12-10", "16:30"),
        ("follow-up Rafael Ortiz el 21 a las 10am", "2026-12-21", "10:00"),
    ],
)
def test_a_time_after_a_foreign_at(text: str, day: str, clock: str) -> None:
    got = read(text)
    assert (got["date"], got["time"]) == (day, clock)


def test_sexta_feira_is_friday() -> None:
    assert read("follow-up Renata Lopes sexta-feira")["date"] == "2026-12-11"


# A command verb said first in Spanish, Portuguese, French or Tagalog is glossed into English.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "apague o contato do Hugo Lemaire",
            {"command": "delete-contact", "person": "Hugo Lemaire"},
        ),
        (
            "recuérdame escribir a Renata Lopes el 18",
            {"command": "follow-up", "person": "Renata Lopes", "date": "2026-12-18"},
        ),
        (
            "me lembra de ligar pra Rafael Ortiz amanhã às 9h",
            {
                "command": "follow-up",
                "person": "Rafael Ortiz",
                "date": "2026-12-10",
                "time": "09:00",
            },
        ),
        (
            "rappelle-moi de relancer Anaïs Petit vendredi",
            {"command": "follow-up", "person": "Anaïs Petit", "date": "2026-12-11"},
        ),
        (
            "ilipat mo si Rafael Ortiz ng 3 araw",
            {"command": "snooze", "person": "Rafael Ortiz", "days": 3},
        ),
        ("muéstrame mis recordatorios", {"command": "list"}),
        ("exporta meus dados", {"command": "export"}),
        ("ajuda com os lembretes", {"command": "help", "topic": "follow-up"}),
        (
            "elimina a Hugo Lemaire de mis contactos",
            {"command": "delete-contact", "person": "Hugo Lemaire"},
        ),
    ],
)
def test_a_command_verb_said_first_abroad(text: str, want: dict[str, object]) -> None:
    assert read(text) == want


# Hindi and Urdu put the verb last: an English command word before "karo"/"kar do"/"karna
# hai", or a verb of their own ("dikhao", "hata do").
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("apna data export kar do", {"command": "export"}),
        ("mere saare data ko delete karo", {"command": "forget-me"}),
        ("Kavita ka contact delete kar do", {"command": "delete-contact", "person": "Kavita"}),
        ("Arjun Mehra wala reminder hatao", {"command": "cancel", "person": "Arjun Mehra"}),
        ("meri follow-up list dikha do", {"command": "list"}),
    ],
)
def test_a_command_verb_said_last_in_hindi(text: str, want: dict[str, object]) -> None:
    assert read(text) == want


def test_the_gloss_keeps_the_rest_as_typed() -> None:
    assert verb_first_in_english("apaga o contato da Ana") == "delete Ana"
    assert verb_last_in_english("mera saara data delete kar do") == "delete all my data"


# A foreign verb before a thing, not a person, is a sentence (a draft or chat), not a command.
@pytest.mark.parametrize(
    "text",
    [
        "Borra el borrador que te mandé",
        "Apaga a luz quando saires",
        "Mostra o teu portfolio ao Pedro amanhã",
        "Recuérdame tu número?",
        "kal ki meeting cancel karo",
        "ye message dikhao",
    ],
)
def test_a_foreign_verb_before_a_thing_is_no_command(text: str) -> None:
    assert read(text) == NOT_A_COMMAND


# Meeting verbs of other languages, first or (Turkish) last.
@pytest.mark.parametrize(
    ("text", "person", "place"),
    [
        ("Encontrei o Bruno Teixeira no café da Augusta hoje", "Bruno Teixeira", "café da Augusta"),
        ("Hugo Lemaire — croisé au salon Batimat hier", "Hugo Lemaire", "salon Batimat"),
        (
            "Selin Aksoy'la tanıştım at Istanbul Fintech Week",
            "Selin Aksoy",
            "Istanbul Fintech Week",
        ),
    ],
)
def test_a_meeting_told_with_a_foreign_verb(text: str, person: str, place: str) -> None:
    got = read(text)
    assert (got["command"], got["person"], got["place"]) == ("met", person, place)


def test_turkish_case_endings_leave_names_whole() -> None:
    assert names_without_case_endings("Burak Şahin'e yaz") == "Burak Şahin yaz"
    assert names_without_case_endings("Siobhan O'Reilly, Ana D'Souza") == (
        "Siobhan O'Reilly, Ana D'Souza"
    )
    assert read("Burak Şahin'e perşembe günü yaz — remind me") == {
        "command": "follow-up",
        "person": "Burak Şahin",
        "date": "2026-12-10",
    }


# Hindi "<who> ko <day> follow up karna hai, <note>": the words after the comma are the note.
def test_what_follows_karna_hai_is_the_note() -> None:
    assert read("Kavita ko parso follow up karna hai, pricing sheet bhejni hai") == {
        "command": "follow-up",
        "person": "Kavita",
        "date": "2026-12-11",
        "note": "pricing sheet bhejni hai",
    }
    assert "note" not in read("Kavita ko Friday ko follow up karna hai, yaad dila do")


# Lower-case words the other readings left stuck before a capitalised name.
@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("set a reminder in for Tobias Brandt on the 20th", "Tobias Brandt"),
        ("follow uo Renata Lopes 12/19", "Renata Lopes"),
        ("never mind about following up with Hugo Lemaire", "Hugo Lemaire"),
    ],
)
def test_words_stuck_before_a_name(text: str, person: str) -> None:
    assert read(text)["person"] == person


def test_a_name_particle_stays_with_the_name() -> None:
    assert read("follow up with van Dijk Pieter tomorrow")["person"] != "Pieter"


# One-slip typos of command words.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("folowed up with Tobias Brandt", {"command": "done", "person": "Tobias Brandt"}),
        (
            "nte for Hugo Lemaire - vegetarian",
            {"command": "note", "person": "Hugo Lemaire", "note": "vegetarian"},
        ),
        ("stast this week", {"command": "stats", "period": "week"}),
        ("stpo the digest", {"command": "digest", "action": "off"}),
    ],
)
def test_one_slip_typos_of_command_words(text: str, want: dict[str, object]) -> None:
    assert read(text) == want


def test_real_words_a_slip_away_stay() -> None:
    assert read("Noted, thanks!")["command"] != "note"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "wipe everything about Dana, we lost touch",
            {"command": "delete-contact", "person": "Dana Kim"},
        ),
        ("erase everything you know about me", {"command": "forget-me"}),
        ("I don't need a reminder for Omar", {"command": "cancel", "person": "Omar Haddad"}),
        (
            "Kai reminder - drop it, he moved to Lisbon",
            {"command": "cancel", "person": "Kai Müller"},
        ),
        ("✔️ Priya Shah followed up", {"command": "done", "person": "Priya Shah"}),
        ("Sam Lee: followed up via WhatsApp", {"command": "done", "person": "Sam Lee"}),
    ],
)
def test_erase_cancel_and_done_said_plainly(text: str, want: dict[str, object]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "name fix: Dana Kim is Dana Kimura",
            {"command": "rename", "person": "Dana Kim", "new_name": "Dana Kimura"},
        ),
        (
            "it's Omar El Haddad actually, not Omar Haddad",
            {"command": "rename", "person": "Omar Haddad", "new_name": "Omar El Haddad"},
        ),
        (
            "nome correto: Sam Lee é Samuel Lee",
            {"command": "rename", "person": "Sam Lee", "new_name": "Samuel Lee"},
        ),
    ],
)
def test_a_name_corrected(text: str, want: dict[str, object]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "it's Dana Kim, not Dana Lee, who runs the panel",
        "The team followed up via email",
        "I don't need a reminder for this, I'll remember",
    ],
)
def test_lines_that_stay_no_command(text: str) -> None:
    assert read(text)["command"] not in {"rename", "done", "cancel"}


def test_a_note_that_only_says_how_to_reach_them_is_none() -> None:
    assert "note" not in read("remind me to call Tobias Brandt friday")
    assert read("remind me to call Tobias Brandt friday about the lease")["note"] == (
        "about the lease"
    )


# Phrases of the lexicon glossed wherever they stand, when the line reads as nothing as typed.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "falei com a Dana ontem, pode marcar como feito",
            {"command": "done", "person": "Dana Kim"},
        ),
        (
            "I moved to Lisbon, muda o fuso horário",
            {"command": "settings", "setting": "timezone", "value": "Europe/Lisbon"},
        ),
        (
            "Salut, rappelle-moi de relancer Hugo Lemaire lundi",
            {"command": "follow-up", "person": "Hugo Lemaire", "date": "2026-12-14"},
        ),
    ],
)
def test_a_phrase_of_the_lexicon_read_in_english(text: str, want: dict[str, object]) -> None:
    assert read(text) == want


def test_a_greeting_to_someone_before_a_phrase_stays_a_draft() -> None:
    assert read("Oi Ana, falei com o Pedro ontem sobre o projeto") == NOT_A_COMMAND


# A note that ends the line keeps its "!"; one of only courtesy says nothing.
def test_a_note_keeps_its_exclamation() -> None:
    assert read("bumped into Tobias Brandt at the station, he got the job!")["note"] == (
        "he got the job!"
    )
    assert "note" not in read("remind me about Tobias Brandt on Monday pls 🙏")


@pytest.mark.parametrize(
    "text",
    [
        "I'd like my data and my notes deleted permanently",
        "I want all my data deleted, please",
        "please remove me from Network Coach entirely",
    ],
)
def test_my_data_wished_gone_is_forget_me(text: str) -> None:
    assert read(text) == {"command": "forget-me"}


def test_someone_else_wished_gone_is_no_forget_me() -> None:
    assert read("I want my ex gone from my life") == NOT_A_COMMAND


def test_for_someone_note_that() -> None:
    assert read("for Tobias Brandt, note that he is allergic to nuts") == {
        "command": "note",
        "person": "Tobias Brandt",
        "note": "he is allergic to nuts",
    }
    assert read("Tobias, note that the call moved to 3") == NOT_A_COMMAND


def test_a_chat_said_with_how_long_tells_a_meeting() -> None:
    got = read("Renata Lopes, 20 min chat at the Lisbon booth yesterday, wants our API")
    assert (got["command"], got["person"], got["place"], got["date"]) == (
        "met",
        "Renata Lopes",
        "the Lisbon booth",
        "2026-12-08",
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("list of commands?", {"command": "help"}),
        ("whn did i meet Dana", {"command": "who", "person": "Dana Kim"}),
        ("can I push a follow-up back? how", {"command": "help", "topic": "snooze"}),
        ("how do I fix a typo in a contact's name?", {"command": "help", "topic": "rename"}),
    ],
)
def test_questions_about_the_bot(text: str, want: dict[str, object]) -> None:
    assert read(text) == want
