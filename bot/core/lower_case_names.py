"""Whether words typed in lower case are a person's name in a short command line.

People type new names in lower case ("followed up with lena kowalski", "profile for chen wei
pls", "push rahul to tomorrow"). A draft for someone else uses lower-case words for things ("push
the launch to friday", "followed up with the vendor"). A lower-case name is read as a name only
where a command puts its person: right after the command's own words, in a short clause, with no
article or possessive before it and no word that names a thing or a group.
"""

from __future__ import annotations

import re

# Words that say the next words are a thing, not a person ("the deck", "my team").
_DETERMINERS = frozenset(
    {"the", "a", "an", "my", "our", "your", "his", "her", "their", "this", "that", "these"}
    | {"those", "some", "any", "every", "each", "no", "ur", "u", "yr"}
)
# What stands right before a person in a command: a preposition ("with lena kowalski"), "who's"
# or "is", or one of the command's verbs (the caller's `verbs`). Never "who" alone: "who handles
# procurement" asks about a role.
_BEFORE_A_PERSON = frozenset(
    {"with", "w/", "w", "to", "for", "on", "about", "abt", "re", "of", "who's", "whos", "is"}
)
# Everyday nouns of work that a short line may push, drop or finish ("push deploy to friday").
THING_WORDS = frozenset(
    {"deck", "slides", "doc", "docs", "report", "proposal", "contract", "invoice", "email"}
    | {"emails", "project", "budget", "plan", "deploy", "release", "launch", "meeting", "call"}
    | {"sync", "standup", "review", "demo", "deadline", "task", "tasks", "ticket", "tickets"}
    | {"team", "client", "clients", "vendor", "vendors", "boss", "manager", "work", "stuff"}
    | {"things", "everything", "everyone", "people", "folks", "it", "this", "that", "them"}
    | {"lunch", "dinner", "coffee", "breakfast", "drinks", "event", "party", "trip", "flight"}
    | {"interview", "offer", "pitch", "draft", "post", "order", "payment", "rent", "mom", "dad"}
    | {"mum", "wife", "husband", "kids", "family", "friends", "sales", "marketing", "ops", "hr"}
    | {"legal", "finance", "support", "design", "product", "engineering", "recruiter", "landlord"}
    | {"all", "today", "tomorrow", "later", "now", "again", "back", "up", "out", "off", "me"}
    # Words that describe a thing ("new roles", "other options").
    | {"new", "old", "next", "last", "other", "more", "great", "good", "big", "open", "free"}
    | {"over", "there", "here", "as", "promised", "asap", "roles", "role", "job", "jobs"}
)
_PRONOUNS = frozenset({"you", "u", "i", "we", "they", "he", "she", "him", "her", "us", "ya"})
# The longest clause (in words) a lower-case name may sit in.
MAX_CLAUSE_WORDS = 8
_CLAUSE_BREAK = re.compile(r"[,;:!?—–]|\s-\s|\.(?:\s|$)")


def _clause_holding(name: str, core: str) -> tuple[str, int] | None:
    """The clause of `core` that holds `name` as whole words, and where the name starts in it."""
    for clause in _CLAUSE_BREAK.split(core):
        found = re.search(rf"(?<![\w'’]){re.escape(name)}(?![\w'’])", clause, re.IGNORECASE)
        if found is not None:
            return clause, found.start()
    return None


def a_name_in_its_slot(
    name: str, core: str, verbs: frozenset[str], *, one_word_before_a_day: bool = False
) -> bool:
    """`name` (lower-case words) is a person in `core`: two to four words (or one, when the
    caller has seen that a day follows it), none a thing, a group or a pronoun, right after a
    preposition or one of `verbs` (never after an article or possessive) in a short clause."""
    words = name.lower().split()
    if not (2 <= len(words) <= 4 or (len(words) == 1 and one_word_before_a_day)):
        return False
    if set(words) & (THING_WORDS | _DETERMINERS | _PRONOUNS):
        return False
    held = _clause_holding(name, core)
    if held is None:
        return False
    clause, at = held
    before = clause[:at].split()
    if not before or before[-1].lower() not in (_BEFORE_A_PERSON | verbs) - {"who"}:
        return False  # the first words of a clause are its subject, not the command's person
    return len(clause.split()) <= MAX_CLAUSE_WORDS
