"""Craft signals people act on, and the interpretable numbers the classifier sees.

Pure Python on purpose: the runtime computes these for every review without importing
scikit-learn, and training computes exactly the same numbers through `draft_signal_vector`.
"""

from __future__ import annotations

import math
import re
import string
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter

from coach_rules import lexicon
from coach_rules.textnorm import LINK_TOKEN

WORD_RE = re.compile(r"\w+(?:['’]\w+)*|[!?$€£¥%]")
# A sentence ends at `[.!?]+(?:\s|$)` or at a blank line `\n\s*\n`. Written to begin with one
# character class, which lets the regex engine skip quickly to the candidates (3x faster).
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*(?:\s|$)|(?<=\n)\s*\n)")
_QUESTION = re.compile(r"\?+")
_EXCLAIM = re.compile(r"!+")
_SILENT_E = re.compile(r"[aeiouy][^aeiouy\s]*[^aeiouyl\s]e\b")

_VOWEL_SHAPE = str.maketrans({c: ("v" if c in "aeiouy" else " ") for c in string.printable})
_ASCII_LETTERS = string.ascii_letters.encode()
_ASCII_UPPER = string.ascii_uppercase.encode()
_FIRST_CHAR = itemgetter(0)

LINKEDIN_NOTE_MAX_CHARS = 300
COLD_EMAIL_WORDS = (50, 125)
MAX_GOOD_QUESTIONS = 3
ENGLISH_CHECK_MIN_WORDS = 8  # fewer words than this are too few to call a draft not English

# Common English words: a draft with letters but almost none of these is probably not English.
_ENGLISH_COMMON = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "to",
        "of",
        "in",
        "on",
        "for",
        "with",
        "at",
        "by",
        "from",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "this",
        "that",
        "i",
        "you",
        "we",
        "he",
        "she",
        "they",
        "my",
        "your",
        "our",
        "me",
        "us",
        "if",
        "so",
        "not",
        "no",
        "do",
        "did",
        "can",
        "could",
        "would",
        "will",
        "just",
        "have",
        "has",
        "had",
        "hi",
        "hello",
        "hey",
        "thanks",
        "thank",
        "please",
        "about",
        "what",
        "how",
        "when",
    ]
)

ENGLISH_COMMON_SHARE = 0.08  # this share of common English words settles it at once
MIN_OTHER_LANGUAGE_WORDS = 2
# Function words of languages members mix with English (Spanish, Portuguese, French, German,
# Italian, Dutch, Tagalog, Indonesian), leaving out any that are also English words, names or
# abbreviations in English drafts ("die", "con", "per", "mit", "das", "los", "est", "com").
_OTHER_LANGUAGE_WORDS: dict[str, str] = {
    "Spanish": "hola gracias que para una como muy pero por nuestra nuestro podemos puedes "
    "tienes quiero estoy usted también semana mañana el y es tu en un",
    "Portuguese": "olá obrigado obrigada você vocês não muito minha meu nossa nosso quer uma "
    "seu sua tudo em na da oi",
    "French": "bonjour merci vous nous je les et pour avec votre notre pas sur dans très une du",
    "German": "hallo danke und der ich wir nicht ist ein eine für auf sie ihr ihre uns sehr "
    "gerne wie bitte vielen",
    "Italian": "ciao grazie che sono della il molto anche questo",
    "Dutch": "het een niet ik wij voor dank graag",
    "Tagalog": "ang ng mga ako ikaw salamat kumusta naman yung kasi natin tayo talaga po",
    "Indonesian": "yang ini itu dengan untuk saya anda kami tidak terima kasih bisa sudah",
}
_OTHER_LANGUAGE_COMMON = frozenset(
    word for words in _OTHER_LANGUAGE_WORDS.values() for word in words.split()
)

# Names of the features `draft_signal_vector` returns, in order (the model card lists them).
SIGNAL_NAMES: tuple[str, ...] = (
    "log_words",
    "you_minus_i_we_share",
    "i_we_per_word",
    "you_per_word",
    "questions",
    "links",
    "exclamations",
    "hype_phrases",
    "urgency_phrases",
    "ask_before_value",
    "gives_value",
    "shouting_share",
)


def words_of(normalised: str) -> list[str]:
    return WORD_RE.findall(normalised)


def pronoun_counts(words: list[str]) -> tuple[int, int]:
    """(I/we words, you words); runs in C via set membership over the word list."""
    i_we = sum(map(lexicon.FIRST_PERSON.__contains__, words))
    you = sum(map(lexicon.SECOND_PERSON.__contains__, words))
    return i_we, you


def ask_before_value(normalised: str) -> bool:
    """True when the draft asks for something and offers nothing before that ask."""
    ask = lexicon.ASK.search(normalised)
    if ask is None:
        return False
    value = lexicon.VALUE.search(normalised, 0, ask.start())
    return value is None


def _shouting_share(text: str) -> float:
    """Share of ASCII letters in upper case (counted with bytes.translate, in C)."""
    data = text.encode("ascii", "ignore")
    letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
    if letters < 12:
        return 0.0
    upper = len(data) - len(data.translate(None, _ASCII_UPPER))
    return upper / letters


def question_marks(text: str) -> int:
    """How many runs of '?' the draft holds."""
    return len(_QUESTION.findall(text)) if "?" in text else 0


def draft_signal_vector(
    text: str,
    normalised: str,
    words: list[str] | None = None,
    *,
    pronouns: tuple[int, int] | None = None,
    questions: int | None = None,
) -> list[float]:
    """The interpretable numbers fed to the classifier, named by `SIGNAL_NAMES`.

    `words`, `pronouns` (`pronoun_counts(words)`) and `questions` (`question_marks(text)`)
    may be passed when the caller already has them.
    """
    words = words_of(normalised) if words is None else words
    n_words = max(len(words), 1)
    i_we, you = pronoun_counts(words) if pronouns is None else pronouns
    questions = question_marks(text) if questions is None else questions
    return [
        math.log1p(len(words)),
        (you - i_we) / (you + i_we + 1),
        i_we / n_words,
        you / n_words,
        float(min(questions, 6)),
        float(min(normalised.count(LINK_TOKEN), 4)),
        float(min(len(_EXCLAIM.findall(text)), 6) if "!" in text else 0),
        float(min(lexicon.HYPE.count(normalised), 4)),
        float(min(lexicon.URGENCY.count(normalised), 4)),
        1.0 if ask_before_value(normalised) else 0.0,
        1.0 if lexicon.VALUE.search(normalised) else 0.0,
        _shouting_share(text),
    ]


def alphabetic_words(words: list[str]) -> list[str]:
    """The words that start with a letter (not digits, '_link_' tokens or symbols)."""
    return list(compress(words, map(str.isalpha, map(_FIRST_CHAR, words))))


_syllable_cache: dict[str, int] = {}
_SYLLABLE_CACHE_LIMIT = 100_000


def _syllables(word: str) -> int:
    """Vowel groups (a vowel after a non-vowel) minus a silent final 'e'; may be 0 or less."""
    shape = " " + word.translate(_VOWEL_SHAPE)
    return shape.count(" v") - len(_SILENT_E.findall(word))


def _syllable_total(words: list[str]) -> int:
    """Sum of `_syllables` over `words`, each word worked out once and then remembered."""
    counts = list(map(_syllable_cache.get, words))
    if None in counts:
        if len(_syllable_cache) >= _SYLLABLE_CACHE_LIMIT:
            _syllable_cache.clear()
        counts = [
            count if count is not None else _syllable_cache.setdefault(word, _syllables(word))
            for count, word in zip(counts, words, strict=True)
        ]
    return sum(counts)


def reading_grade(
    normalised: str, words: list[str] | None = None, *, alphabetic: list[str] | None = None
) -> float | None:
    """Flesch-Kincaid grade level, or None when there are too few words to say.

    Syllables are the usual estimate: vowel groups, minus a silent final 'e' (not in
    '-le'), and never fewer than one per word.
    """
    if alphabetic is None:
        alphabetic = alphabetic_words(words_of(normalised) if words is None else words)
    words = alphabetic
    if len(words) < 5:
        return None
    syllables = max(_syllable_total(words), len(words))
    sentences = max(len(_SENTENCE_END.findall(normalised.strip() + " ")), 1)
    grade = 0.39 * len(words) / sentences + 11.8 * syllables / len(words) - 15.59
    return round(min(max(grade, 0.0), 20.0), 1)


def looks_english(
    normalised: str, words: list[str] | None = None, *, alphabetic: list[str] | None = None
) -> bool | None:
    """False when the draft is written in another language; None when too short to say.

    Mostly non-ASCII words read as another language. From ENGLISH_CHECK_MIN_WORDS words on, so
    does a draft with few common English words and more function words of another language
    than common English ones (a short code-mixed note is judged). Too few common English words
    alone do not: a terse pitch ("Selling iPhone cases wholesale, best price, DM fast limited
    stock") holds none of them and is still English to judge.
    """
    if alphabetic is None:
        alphabetic = alphabetic_words(words_of(normalised) if words is None else words)
    words = alphabetic
    if len(words) < 4:
        return None
    if sum(map(str.isascii, words)) / len(words) < 0.5:
        return False
    if len(words) < ENGLISH_CHECK_MIN_WORDS:
        return None
    common = sum(map(_ENGLISH_COMMON.__contains__, words))
    if common / len(words) >= ENGLISH_COMMON_SHARE:
        return True
    other = sum(map(_OTHER_LANGUAGE_COMMON.__contains__, words))
    return not (other >= MIN_OTHER_LANGUAGE_WORDS and other > common)


@dataclass(frozen=True)
class CraftSignals:
    characters: int
    words: int
    questions: int
    i_we: int
    you: int
    reading_grade: float | None
    links: int

    @property
    def fits_linkedin_note(self) -> bool:
        return self.characters <= LINKEDIN_NOTE_MAX_CHARS

    @property
    def in_cold_email_range(self) -> bool:
        low, high = COLD_EMAIL_WORDS
        return low <= self.words <= high


def craft_signals(
    text: str,
    normalised: str,
    words: list[str] | None = None,
    *,
    pronouns: tuple[int, int] | None = None,
    questions: int | None = None,
    alphabetic: list[str] | None = None,
    characters: int | None = None,
) -> CraftSignals:
    """The craft signals; the keyword arguments let a caller share what it already counted
    (`characters`: the length of what the sender wrote, when `text` has parts blanked out)."""
    words = words_of(normalised) if words is None else words
    i_we, you = pronoun_counts(words) if pronouns is None else pronouns
    return CraftSignals(
        characters=len(text) if characters is None else characters,
        words=sum(map(str.isalnum, map(_FIRST_CHAR, words))),
        questions=question_marks(text) if questions is None else questions,
        i_we=i_we,
        you=you,
        reading_grade=reading_grade(normalised, words, alphabetic=alphabetic),
        links=normalised.count(LINK_TOKEN),
    )
