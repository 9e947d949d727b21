"""A command said with another language's verb, glossed into the English command it means.

"apaga o contato da Priya Shah" is "delete Priya Shah", "lembrar de mandar mensagem pra
Beatriz amanhã às 15h" is "remind me to message Beatriz amanhã às 15h", "mujhe apna data export
karna hai" is "export my data" and "Rohan wala reminder hata do" is "remove Rohan's reminder".
Only the command's own words are glossed (the verb, what it acts on, the word marking the
person), from the lexicon in `bot.core.other_languages`; the rest is kept as typed, for the
English readings, which know the foreign days and times, to read as they read any line.
"""

from __future__ import annotations

import re

from bot.core.other_languages import (
    CASE_ENDINGS,
    COMMAND_VERBS_FIRST,
    CONTACT_VERBS,
    ENGLISH_COMMAND_WORDS,
    FROM_MY_CONTACTS,
    GLUE_WORDS,
    GREETINGS,
    LIGHT_VERBS,
    MET_VERBS,
    MET_VERBS_LAST,
    OBJECTS,
    PERSON_MARKERS,
    PHRASES,
    VERBS_LAST,
    alternation,
)


def _glossary(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {_key(word): english for english, words in table.items() for word in words}


def _key(words: str) -> str:
    return " ".join(words.lower().split())


_VERB_FIRST = _glossary(COMMAND_VERBS_FIRST)
_OBJECT = _glossary(OBJECTS)
_CONTACT = _glossary(CONTACT_VERBS)
_VERB_LAST = _glossary(VERBS_LAST)
_GLUE = _glossary(GLUE_WORDS)

_SAID_VERB_FIRST = re.compile(
    rf"^(?:{alternation(GREETINGS)}\s*[,!]\s*)?(?P<verb>{alternation(_VERB_FIRST)})(?:\s+|(?<=')|$)"
    rf"(?:(?P<object>{alternation(_OBJECT)})(?=[\s,;.!]|$)\s*)?"
    rf"(?:(?P<contact>{alternation(_CONTACT)})\s+)?"
    rf"(?:{alternation(PERSON_MARKERS)}\s+(?=\S))?"
    r"(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_SAID_VERB_LAST = re.compile(
    rf"^(?P<object>.+?)\s+(?:(?P<command>{alternation(ENGLISH_COMMAND_WORDS)})\s+"
    rf"{alternation(LIGHT_VERBS)}|(?P<verb>{alternation(_VERB_LAST)}))"
    r"(?:\s+(?:please|pls|plz|yaar|na))?[\s.!]*$",
    re.IGNORECASE,
)
_MET_VERB_LAST = re.compile(
    rf"^(?P<who>[^,;:—–]+?)\s+{alternation(MET_VERBS_LAST)}(?![\w'’-])(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_FROM_MY_CONTACTS = re.compile(rf"\s+{alternation(FROM_MY_CONTACTS)}\b", re.IGNORECASE)
_GLUE_WORD = re.compile(rf"\s*\b{alternation(_GLUE)}\b", re.IGNORECASE)
# A meeting verb, and the word marking the person after it ("encontrei a Beatriz"), or a phrase
# of the lexicon, wherever they stand.
_MET_VERB = re.compile(
    rf"(?<![\w'’-]){alternation(MET_VERBS)}(?![\w'’-])(?:\s+{alternation(PERSON_MARKERS)}(?=\s))?",
    re.IGNORECASE,
)
_PHRASE = _glossary(PHRASES)
_PHRASE_SAID = re.compile(rf"(?<![\w'’-]){alternation(_PHRASE)}(?![\w'’-])", re.IGNORECASE)


def verb_first_in_english(text: str) -> str | None:
    """The English command line `text` means, when it opens with a foreign command verb
    ("apaga o contato da Priya" → "delete Priya") or tells a meeting with a verb no English
    reading would find after the name ("Mehmet Demir tanıştım at …" → "met Mehmet Demir at …")."""
    met = _MET_VERB_LAST.match(text.strip())
    if met is not None:
        return f"met {met['who']}{met['rest']}"
    first = _SAID_VERB_FIRST.match(text.strip())
    if first is None:
        return None
    said = [_VERB_FIRST[_key(first["verb"])]]
    if first["object"] and _OBJECT[_key(first["object"])]:
        said.append(_OBJECT[_key(first["object"])])
    if first["contact"]:
        said.append(_CONTACT[_key(first["contact"])])
    said.append(_FROM_MY_CONTACTS.sub(" from my contacts", first["rest"]).strip())
    return " ".join(part for part in said if part)


def verb_last_in_english(text: str) -> str | None:
    """The English command line `text` means, when it ends with a Hindi or Urdu verb
    ("mujhe apna data export karna hai" → "export my data")."""
    last = _SAID_VERB_LAST.match(text.strip())
    if last is None:
        return None
    verb = last["command"] or _VERB_LAST[_key(last["verb"])]
    return f"{verb.lower()} {_glossed(last['object'])}".strip()


def _glossed(words: str) -> str:
    """Hindi and Urdu glue words in English: "mera saara data" → "all my data"."""
    english = _GLUE_WORD.sub(lambda found: _glue(found.group(0)), words)
    return " ".join(english.split())


def _glue(found: str) -> str:
    english = _GLUE[_key(found)]
    return english if english == "'s" else f" {english}" if english else ""


# A case ending after a capitalised name ("Demir'le"), not inside one ("O'Reilly", "D'Souza").
_CASE_ENDING = re.compile(
    r"\b(?P<name>(?-i:[A-ZÀ-ÖØ-ÞÇŞİ])[^\W\d_]+)['’]"
    rf"{alternation(CASE_ENDINGS)}(?![\w'’-])",
    re.IGNORECASE,
)


def names_without_case_endings(text: str) -> str:
    """ "Mehmet Demir'le tanıştım" → "Mehmet Demir tanıştım": the name as the contact has it."""
    return _CASE_ENDING.sub(r"\g<name>", text)


# A note that only says how to get in touch ("to text Sam", "Elif'e cuma yaz") says nothing.
_ONLY_HOW_TO_REACH = re.compile(
    rf"{alternation([*CONTACT_VERBS, *_CONTACT, 'text', 'ping', 'dm', 'write', 'phone', 'ring'])}"
    r"(?:\s+(?:him|her|them))?[\s.!]*",
    re.IGNORECASE,
)


def only_how_to_reach(note: str) -> bool:
    """Whether `note` is only a verb of getting in touch, in English or another language."""
    return _ONLY_HOW_TO_REACH.fullmatch(note.strip()) is not None


def said_in_english(text: str) -> str | None:
    """`text` with its foreign meeting verbs read as "met" and the lexicon's phrases in English
    ("falei com o Kai, pode marcar como feito" → "I talked to Kai, mark it as done"), or None
    when it has none."""
    glossed = _MET_VERB.sub("met", text)
    glossed = _PHRASE_SAID.sub(lambda found: _PHRASE[_key(found.group(0))], glossed)
    return glossed if glossed != text else None
