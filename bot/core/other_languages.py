"""The words of other languages that members mix into English commands, by the job they do.

Members write "met Pedro no evento da Google", "rappelle-moi de relancer Jean lundi à 10h",
"Rohan wala reminder hata do". The readings stay English; this module is the one place that
knows which foreign words play the part of "at", "the", "at <time>", "met" or a command verb,
so each reading consults the same lists and a new language is added here once.

Every list is lower case; `alternation` turns one into a regular-expression group, longest
words first so "à la" is tried before "à".
"""

from __future__ import annotations

from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """`(?:…|…)` of `words`, longest first, spaces matching any run of white space."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(word.replace(" ", r"\s+") for word in ordered) + ")"


# "at" before a place. Spanish, Portuguese and Tagalog ones are also everyday English or
# Pidgin words ("no idea", "en route", "na correct guy"), so a reading takes them only before
# a capitalised place, an article or a venue noun; the French ones are never English.
PLACE_AT = {
    "es": ("en",),
    "pt": ("no", "na", "nos", "nas", "em"),
    "fr": ("au", "aux", "à", "à la", "chez"),
    "de": ("im", "beim", "bei", "auf der", "auf dem"),
    "tl": ("sa",),
}
# The ones that are no English word: a place may follow in lower case.
PLACE_AT_ALWAYS = ("au", "aux", "à", "à la", "chez")

# Definite articles after such an "at": "en el coworking", "na la feria". The place is kept
# without one, as an English place is kept with or without "the".
ARTICLES = {
    "es": ("el", "la", "los", "las"),
    "pt": ("o", "a", "os", "as"),
    "fr": ("le", "la", "les", "l'"),
    "de": ("der", "die", "das", "dem", "den"),
    "tl": ("ang", "yung"),
}

# Nouns of a venue or an event, so "no evento da Google", "en el coworking" read as places.
VENUE_NOUNS = (
    "evento", "eventos", "café", "cafe", "cafeteria", "coworking", "salon", "salão", "feira",
    "feria", "conferência", "conferencia", "conférence", "congreso", "congresso", "festa",
    "fiesta", "bar", "restaurante", "restaurant", "escritório", "oficina", "bureau", "reunião",
    "reunión", "cena", "jantar", "almoço", "almuerzo", "meetup", "workshop", "hackathon",
    "palestra", "charla", "encontro", "encuentro", "stand", "booth", "universidade",
    "universidad", "faculdade", "escola", "colegio", "clube", "club", "academia", "gym",
)  # fmt: skip

# "at" before a time of day: "a las 11am", "às 15h", "à 10h", "um 17 Uhr", "alle 9".
TIME_AT = ("a las", "a la", "às", "as", "à", "um", "alle", "ng")

# An article before a bare number that makes it a day of the month: "el 15", "le 15", "o dia 15".
DAY_OF_MONTH_ABROAD = ("el", "le", "o dia", "no dia", "dia")

# Verbs that tell a meeting, first in the line: "encontrei a Beatriz", "croisé Jean au salon",
# "nos vimos con Camila", "nakilala ko si Ana".
MET_VERBS = (
    "conheci", "conocí", "conoci", "encontrei", "encontré", "encontre", "me encontré con",
    "me encontre con", "nos vimos con", "nos encontramos con", "vi", "platiqué con",
    "platique con", "rencontré", "rencontre", "croisé", "croise", "j'ai croisé", "j'ai rencontré",
    "nakilala ko", "nakausap ko",
)  # fmt: skip

# Words that only mark the person after such a verb: Spanish and Portuguese "a"/"o"
# ("encontrei a Beatriz"), Tagalog "si", "kay", "ni".
PERSON_MARKERS = ("a", "o", "à", "si", "kay", "ni")


def every(table: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """All the words of a by-language table."""
    return tuple(word for words in table.values() for word in words)
