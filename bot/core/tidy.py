"""A typed line tidied before it is read: what people add around a command that means nothing.

A leading "@Network Coach", emoji, phone apostrophes ("whats", "’"), filler words from other
languages ("po", "yaar", "bitte"), Tagalog affixes on English verbs ("paki-snooze") and one-slip
typos of the words commands are made of ("remnd", "tuesdya", "untill"). The member's own note
after the first comma or dash stays as written: only the command part before it is tidied
(typos of date words are fixed everywhere, since a date may sit after the comma).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from storage.names import could_name, name_key

# The bot named at the start of a line in a channel: "@Network Coach met Kai …".
_BOT_MENTION = re.compile(r"^@(?:network\s*coach|netcoach|coach|bot)\b[\s,:]*", re.IGNORECASE)
# Pictographs, dingbats and the joiners that glue them; ✅ ✔ ☑ stay (they mean "done").
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u2610\u2612-\u2704\u2706-\u2713\u2715-\u27bf\u2b50\u2b55"
    "\ufe0f\u200d\u20e3]"
)
# Emoji before a second clause part them like a comma: "met Helen at the AI conf 😱 she's the
# CTO", "met Tom 🙌 founder of a seed fund" ("met Kofi 👋 at the Accra tech week" goes on).
_EMOJI_BETWEEN_WORDS = re.compile(
    rf"(?<=\w)\s+(?:{_EMOJI.pattern})+\s+(?=(?:she|he|they|we|i|it|his|her|their|"
    r"founder|co-?founder|ceo|cto|cfo|coo|vp|head|director|works|runs|leads|building|hiring)\b)"
    # "… on the 2nd 👗 stylist for K-pop groups": two words or more that go on after a day.
    rf"|(?:(?<=\d\d)|(?<=\dst)|(?<=\dnd)|(?<=\drd)|(?<=\dth)|(?<=day))\s+(?:{_EMOJI.pattern})+"
    r"\s+(?=[^\W\d]+\s+\w)",
    re.I,
)

# Words from other languages that people put around an English command and that mean nothing
# for it: politeness ("po", "bitte", "porfa", "abeg"), tags and interjections ("yaar", "naman",
# "sha", "né"). Only lower-case ones are dropped: a capitalised word may be a name.
_PARTICLES = (
    # Hindi/Urdu
    "yaar|yar|bhai|bhaiya|ji|zara|jara|arre|arey|accha|achha|acha|bas|thoda|jaldi|chalo|"
    # Tagalog
    "po|opo|naman|pala|lang|nga|muna|daw|ha|"
    # Spanish, Portuguese
    "porfa|porfis|por favor|oye|pues|pfv|pfvr|olha|então|entao|tipo|né|ne|"
    # German
    "bitte|mal|doch|schnell|"
    # Nigerian Pidgin, Igbo
    "abeg|sha|jare|biko|"
    # English fillers
    "um|uh|umm|lol|pls|plz|kindly"
)
_PARTICLE_RE = re.compile(rf"(?-i:(?<![\w'’-])(?:{_PARTICLES})(?![\w'’-]))[\s,!.]*", re.IGNORECASE)
# Tagalog puts its own affixes on English verbs: "paki-remind", "i-snooze", "mag-follow up".
_TAGALOG_AFFIX = re.compile(
    r"(?<![\w-])(?:paki|ipa|mag|nag|nakipag|makipag|i|pa)-?(?=(?:cancel|snooze|remind|follow|done|"
    r"delete|log|add|note|list|push|move|check|rename|set)\b)|(?<![\w-])(?:nakipag|makipag|nag|"
    r"mag|i|pa|paki)-(?=[a-z])",
    re.IGNORECASE,
)


# Phone keyboards write ’ and people skip apostrophes: "whats overdue", "im done with Kai".
_CONTRACTIONS = re.compile(
    r"\b(?:(?P<wh>what|who|that|there|where|how|he|she)s|(?P<im>i)m(?!\s+(?-i:[A-ZÄÖÜ]))|(?P<nt>don|can|didn|doesn|"
    r"isn|won|wasn|haven|hasn|shouldn|wouldn|couldn|aren)t|(?P<ve>i|we|you|they)ve)\b",
    re.IGNORECASE,
)


def _contracted(match: re.Match[str]) -> str:
    word = match.group(0)
    if match.group("wh") or match.group("im"):
        return f"{word[:-1]}'{word[-1]}"
    if match.group("nt"):
        return f"{word[:-1]}'{word[-1]}"
    return f"{word[:-2]}'{word[-2:]}"


def normal_apostrophes(text: str) -> str:
    """ "what’s" → "what's", "whats" → "what's", "dont" → "don't", "ive" → "i've"."""
    return _CONTRACTIONS.sub(_contracted, text.replace("’", "'").replace("‘", "'"))


# Tagalog "remind mo ako" is "remind me" ("mo": you do it, "ako": me).
_MO_AKO = re.compile(r"(?<![\w-])mo\s+ako(?![\w-])", re.IGNORECASE)


# "sent Jane the contract, done done": "done" said twice for emphasis is said once.
_DONE_TWICE = re.compile(r"\b(done)(?:[\s-]+done)+\b", re.IGNORECASE)
# A laugh before more words ends a clause like a comma: "at the coffee fest lol she roasts her
# own beans", "at Ikea lmao, she was buying a sofa".
_LAUGH_BETWEEN = re.compile(
    r"(?<=\w)\s+(?:lol|lmao|lmfao|haha+|hehe+|rofl)\b[\s,.!]*(?=[^\W\d]+\s+\w)", re.IGNORECASE
)


def without_particles(text: str) -> str:
    """`text` without the code-mixed filler words ("" if that is all there is)."""
    return " ".join(_PARTICLE_RE.sub(" ", text).split()).strip(" ,")


# A colon between digits ("1:1", "10:30") separates nothing.
_FIRST_SEPARATOR_AT = re.compile(r"\s*(?:[,;]|(?<!\d):|:(?!\d)|\s[—–-]\s|—)\s*")


def _split_note(text: str) -> tuple[str, str]:
    separator = _FIRST_SEPARATOR_AT.search(text)
    return (text[: separator.start()], text[separator.start() :]) if separator else (text, "")


# The words commands and dates are made of, for one-slip typos: a missing letter ("remnd"), one
# too many ("untill") or two swapped ("tuesdya"). Short words only by explicit spelling: "las",
# "das" and "text" are real words one letter away from "last", "days" and "next". Date words are
# fixed anywhere in the line (a date may follow the comma); command words only before the note.
_DATE_WORDS = (
    "yesterday",
    "tomorrow",
    "tonight",
    "today",
    "until",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "days",
    "week",
    "weeks",
    "month",
    "morning",
    "afternoon",
    "evening",
    "couple",
    "three",
    "night",
)
_COMMAND_WORDS = (
    "missed",
    "called",
    "change",
    "everything",
    "contact",
    "remind",
    "follow",
    "delete",
    "cancel",
    "snooze",
    "timezone",
    "settings",
    "with",
    "overdue",
    "preview",
    "switch",
    "rename",
    "coffee",
    "interviewed",
    "reminder",
    "ping",
    "show",
    "download",
    "digest",
    "what",
    "reminding",
    "remember",
    "about",
    "entirely",
    "commands",
    "summaries",
    "networking",
    "upcoming",
    "monthly",
    "shoutouts",
    "account",
    "finally",
    "done",
    "caught",
    "lunch",
    "weekly",
    # "folowed up with Dmitri", "add a noet to Dana", "my stast", "stpo the digest", "addd".
    "followed",
    "followup",
    "followups",
    "note",
    "stats",
    "stop",
    "add",
    "into",
    # "what do i kno about", "whats Sams deal agian", "whats pendng", "i emialed priya", "chek
    # in with", "wirte to Kai", "this chanel", "remove from contacs".
    "again",
    "pending",
    "emailed",
    "check",
    "write",
    "channel",
    "contacts",
    # "anythign late?", "what do I knwo about", "mark Jane compelte", "stoer drafts on".
    "anything",
    "know",
    "complete",
    "store",
    # "makr dana done", "remvoe kai from my follow-ups", "detials for zoe" (pass 23).
    "mark",
    "remove",
    "details",
    # "finshed the follow up", "anymroe", "forgt me" (pass 21).
    "finished",
    "anymore",
    "forget",
)
# Texting spellings too far from the word for one slip.
_ABBREVIATIONS = {
    "nxt": "next",
    "nxet": "next",  # pass 23: "nudge me … nxet week", "3 days ogo"
    "ogo": "ago",
    "dayz": "days",
    "wk": "week",
    "wek": "week",
    "wks": "weeks",
    "mnth": "month",
    "mth": "month",
    "ystrday": "yesterday",
    "ystrdy": "yesterday",
    "snz": "snooze",
    "snoz": "snooze",
    "dun": "done",
    "dne": "done",
    "rmd": "remind",
    "mtg": "meeting",
    "nite": "night",
    "tonite": "tonight",
    "txt": "text",
    "wh": "who",
    "w": "with",  # "circle back w omar"; a capital W may be an initial
    "ned": "need",
    "teh": "the",
    "doin": "doing",
    "shud": "should",
    "shld": "should",
    "lsat": "last",
    "moring": "morning",
    "tmorrow": "tomorrow",
    "nte": "note",
    "whn": "when",
    "kno": "know",
    "tdy": "today",
    "wat": "what",
    "kil": "kill",
    "hre": "here",
    "wensday": "wednesday",
    "timezome": "timezone",
    "remindme": "remind me",
}
# A weekday typed with a capital and one slip ("Fridya", "Thrusday", "Tusday") is the day: no
# name is six letters and one slip from a weekday.
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MIN_CAPITAL_WEEKDAY_SLIP = 6
# A word glued to the "with" after it: "metwith Kai", "caught upwith Jane".
_GLUED_WITH = re.compile(r"\b(met|meet|meeting|done|up|spoke|talked|lunch|coffee)(with)\b", re.I)
# "metJane at the gym": "met" glued to a capitalised name.
_GLUED_MET = re.compile(r"\b([Mm]et)(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ])")
# "lst night", "lst fri": "last" before a day ("lst overdue" is the list command).
_LAST_NIGHT = re.compile(
    r"\blst\s+(?=(?:night|week|month|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)", re.IGNORECASE
)
# "on Wed (dec 2)", "Friday (12/11)": a weekday then its date in brackets is that date.
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY_THEN_DATE = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*\(\s*(?P<date>\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|"
    rf"{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_WORD})\s*\)",
    re.IGNORECASE,
)
# Real words one slip away from a vocabulary word, never "corrected".
_REAL_WORDS = frozenset(
    {"unit", "dais", "dates", "dams", "folly", "hollow", "cancels", "deletes", "least", "blast"}
    | {"abut", "bout", "there", "tree", "thee", "coupe", "review", "reviews"}
    # A command word's past tense ("get Dana deleted") and "contract" are no typos.
    | {"deleted", "snoozed", "renamed", "changed", "contract", "contracts", "contacted"}
    | {"removed", "remover", "marked", "marker", "detail"}
    # One letter more than "lunch", "done" or "caught" (and one less).
    | {"launch", "drone", "donee", "aught"}
    # One letter more than "note", "into", "stop" or "add".
    | {"noted", "intro", "stomp", "stoop", "aided", "adds"}
    # Spanish and Portuguese "contacts", "pending" and "check": words of their own.
    | {"contactos", "contatos", "pendiente", "pendente", "cheque"}
    # One slip from "complete" or "store", and words of their own.
    | {"compete", "completed", "sore", "tore", "stare", "stone", "storey", "stored", "known"}
)


def _slips(word: str) -> set[str]:
    """Every spelling one slip from `word`: a letter missing, or two neighbours swapped (a letter
    too many is found the other way round, by dropping one from the typed word)."""
    missing = {word[:i] + word[i + 1 :] for i in range(len(word))}
    swapped = {
        word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for i in range(len(word) - 1)
        if word[i] != word[i + 1]
    }
    return missing | swapped


@cache
def _typo_table(vocabulary: tuple[str, ...]) -> dict[str, str]:
    table: dict[str, str] = {}
    for target in vocabulary:
        for slip in _slips(target):
            table.setdefault(slip, target)
    return table


def _corrected(word: str, vocabulary: tuple[str, ...]) -> str:
    lowered = word.lower()
    if lowered in _ABBREVIATIONS:
        return _ABBREVIATIONS[lowered]
    if word.istitle() and len(word) >= MIN_CAPITAL_WEEKDAY_SLIP and lowered not in _WEEKDAYS:
        day = _corrected(lowered, _WEEKDAYS)
        return day.title() if day in _WEEKDAYS else word
    if len(lowered) < 4 or lowered in _REAL_WORDS or not word.islower():
        return word
    if lowered in vocabulary or {lowered.removesuffix("s"), f"{lowered}s"} & set(vocabulary):
        return word
    found = _typo_table(vocabulary).get(lowered)
    if found is not None:
        return found
    for i in range(len(lowered)):  # one letter too many: "untill"
        if lowered[:i] + lowered[i + 1 :] in vocabulary:
            return lowered[:i] + lowered[i + 1 :]
    return word


# "which folow-ups are late": a slip in the word before "-up", which the word rule leaves alone
# (it never reads a word glued to a hyphen).
_SLIP_BEFORE_UP = re.compile(r"\b[a-z]{4,7}(?=-ups?\b)")


# "sn00ze Priya": zeros typed for the letter o, in a word that is then a command word.
_ZERO_FOR_O = re.compile(r"\b(?=[a-z0]*[a-z])(?=[a-z0]*0)[a-z0]{4,}\b")


def _zeros_as_o(match: re.Match[str]) -> str:
    word = match.group(0).replace("0", "o")
    return word if word in _COMMAND_WORDS else match.group(0)


def fix_command_typos(text: str) -> str:
    """One-slip typos of the words commands are made of ("folllow", "snoze")."""
    text = _ZERO_FOR_O.sub(_zeros_as_o, text)
    text = _SLIP_BEFORE_UP.sub(lambda m: _corrected(m.group(0), ("follow",)), text)
    return fix_typos(text, _COMMAND_WORDS)


def fix_typos(text: str, vocabulary: tuple[str, ...] = _DATE_WORDS) -> str:
    """One-slip typos of `vocabulary`, in lower-case words only ("Mondy" may be a name)."""
    return re.sub(
        r"(?<![\w@#/'’-])(?:[a-z]+|(?-i:[A-Z])[a-z]{5,})(?![\w'’/-])",
        lambda m: _corrected(m.group(0), vocabulary),
        text,
    )


# Names that are also everyday words: a lower-case "mark" or "will" stays a word.
_WORD_NAMES = frozenset(
    {"mark", "will", "may", "june", "april", "august", "bill", "pat", "sue", "rob", "grace"}
    | {"hope", "joy", "faith", "rose", "jack", "art", "don", "sun", "max", "ray", "dawn"}
)


@lru_cache(maxsize=256)
def _known_words(
    known_names: tuple[str, ...], skip: frozenset[str]
) -> tuple[dict[str, str], dict[str, str]]:
    """Each word of the member's contact names (by its lookup key) with the contact's capitals,
    and the same words with two neighbouring letters swapped ("jnae" → "Jane")."""
    words: dict[str, str] = {}
    for name in known_names:
        for word in name.split():
            lowered = word.lower()
            if len(word) >= 3 and word[:1].isalpha() and lowered not in _WORD_NAMES | skip:
                words.setdefault(name_key(word), word[:1].upper() + word[1:])
    swapped: dict[str, str] = {}
    for key, word in words.items():
        if len(key) >= 4:
            for slip in _slips(key):
                if len(slip) == len(key) and slip not in words:
                    swapped[slip] = word if slip not in swapped else ""
    return words, {slip: word for slip, word in swapped.items() if word}


def capitalise_known(text: str, known_names: Sequence[str], skip: frozenset[str]) -> str:
    """A contact's name typed in lower case ("priya done") or with two letters swapped ("Jnae")
    reads as the name: each word of a known name gets the contact's own capitals."""
    words, swapped = _known_words(tuple(known_names), skip)
    if not words:
        return text

    def named(match: re.Match[str]) -> str:
        token = match.group(0)
        key = name_key(token)
        if key in words:
            return words[key] if token.islower() else token
        return swapped.get(key, token)

    # Not inside an address: "dana@kim.io" stays as typed.
    return re.sub(r"(?<![\w@#/.])[^\W\d_]+(?![\w/@]|\.\w)", named, text)


# Words of a short aside in another language inside a note ("bahut helpful thi", "sie war super
# nett", "muito gente boa", "sehr smart"): an aside set apart by a dash, or said as a sentence of
# its own ("sie war …"), is dropped and the English note kept; one in a list of commas is part of
# the note ("sehr smart, arbeitet an …": most writers keep it, pass 22).
_ASIDE_WORDS = frozenset(
    # Hindi/Urdu
    {"bahut", "bohot", "thi", "tha", "hai", "hain", "achha", "accha", "acchi"}
    | {"bada", "badi", "kaafi", "ekdum", "zabardast", "bindaas"}
    # German
    | {"sie", "er", "war", "ist", "sehr", "nett", "toll", "echt", "ganz", "klug"}
    # Portuguese, Spanish
    | {"muito", "muita", "gente", "boa", "bom", "demais", "muy", "buena", "bueno"}
    | {"simpática", "simpatica", "simpático", "simpatico", "chévere", "gente boa"}
    # Tagalog
    | {"sobrang", "mabait", "galing", "magaling", "talaga", "siya", "ang"}
)
_NOTE_PART = re.compile(r"\s*(?:,|;|\s[—–-]\s|—)\s*")
# A part of a note that only talks to the coach about logging: "forgot to log it", "forgot to
# add her", "adding him", "add as a note", "pls save it".
_ABOUT_LOGGING = re.compile(
    r"(?:(?:i\s+)?(?:forgot|meant|wanted) to (?:log|add|record|save|note)"
    r"(?:\s+(?:it|this|that|him|her|them))?(?:\s+(?:earlier|before|yesterday))?|"
    r"(?:(?:please|pls|just|so)\s+)?(?:adding|add|logging|log|saving|save)\s+(?:him|her|them)"
    r"(?:\s+(?:pls|please|too|as well))?|"
    r"(?:(?:please|pls|just)\s+)?add(?:\s+(?:it|this|that))?\s+as\s+a\s+note(?:\s+(?:pls|please))?)"
    r"[\s.!]*",
    re.IGNORECASE,
)


def without_asides(note: str) -> str:
    """`note` without its short parts written mostly in another language."""
    parts = _NOTE_PART.split(note)
    separators = _NOTE_PART.findall(note)
    kept: list[str] = []
    about_logging = 0
    for index, part in enumerate(parts):
        if _ABOUT_LOGGING.fullmatch(part):
            about_logging += 1
            continue
        words = [w.strip(".,!?").lower() for w in part.split()]
        foreign = sum(w in _ASIDE_WORDS for w in words)
        beside = separators[max(index - 1, 0) : index + 1]
        set_apart = any(s.strip(" ,;") for s in beside) or words[:1] in (["sie"], ["er"])
        if words and len(words) <= 5 and foreign * 2 >= len(words) and foreign > 0 and set_apart:
            continue
        kept.append(part if not kept else f"{separators[index - 1].strip() or ','} {part}")
    text = " ".join(kept).replace(" , ", ", ").replace(" ; ", "; ").strip()
    if not text:
        # Nothing but words to the coach ("forgot to add her") is no note at all.
        return "" if about_logging else note
    # "(she's in Nairobi)": a note that is all an aside needs no brackets.
    bracketed = re.fullmatch(r"\(([^()]+)\)[.!]?", text)
    return bracketed.group(1).strip() if bracketed else text


def without_bot_mention(text: str) -> str:
    return _BOT_MENTION.sub("", text)


# Courtesy at the end of a line is said to the bot: "cancel Zoe thanks!", "… pls" (not "send
# him a thank you", "she said thanks"; "Ty" capitalised may be a name).
COURTESY = (
    r"thanks|thank you|thx|tysm|cheers|pls|plz|please|(?-i:ty)|"
    # The same in the other languages members mix in: "…, danke", "…, gracias".
    r"danke(?: sch[öo]n)?|gracias|grazie|merci|obrigad[oa]|shukriya|dhanyavaad|salamat|asante|"
    r"bitte|por favor|porfa|per favore|alsjeblieft|stp|svp|s'il (?:te|vous) pla[iî]t|"
    # "…, thik hai" ("all right"), "… inshallah": said after the request, no part of it.
    r"thik hai|theek hai|inshallah|insha'?allah"
)
_COURTESY_AT_THE_END = re.compile(
    r"(?<!\ba)(?<!\bmy)(?<!\bthe)(?<!\bsay)(?<!\bsays)(?<!\bsaid)[\s,;.!—–-]+"
    rf"(?:{COURTESY})(?:\s+(?:so much|a lot|in advance))?[\s!.]*$",
    re.IGNORECASE,
)
_SENTENCES = re.compile(r"[?!]\s+\S|(?<=\w\w)\.\s+(?-i:[A-Z])")
# A full stop or "!" ending a line with no note in it ends the sentence, not the place or the
# name ("follow-up Jane tomorrow!"; "Dr." and "Jr." keep theirs).
_LAST_FULL_STOP = re.compile(r"(?<![A-Z])(?<!\b[a-z])(?<!\.\.)(?<!\b[DJS]r)[.!]+\s*$")
_A_NOTE_IN_IT = re.compile(r"[,;]|\s[—–-]\s|—|(?<=\w)\.\s+\w")


def _without_courtesy_at_the_end(text: str) -> str:
    kept = _COURTESY_AT_THE_END.sub("", text)
    # "cool thx" is thanks, not "cool"; "… I need a job ASAP. Thanks in advance." is a message.
    if len(kept.split()) > 1 and not _SENTENCES.search(kept):
        text = kept
    if not _A_NOTE_IN_IT.search(text):
        text = _LAST_FULL_STOP.sub("", text) or text
    return text


# Words a phone capitalises at the start of a line that are no name: "Move Dana's follow-up to
# Tuesday" is not about "Move Dana" (command words and their slips count too: "Snoz priya").
_SENTENCE_STARTERS = frozenset(
    {"move", "change", "set", "schedule", "reschedule", "push", "bump", "shift", "postpone"}
    | {"send", "ping", "text", "call", "email", "mark", "add", "delete", "remove", "rename"}
    | {"update", "fix", "make", "log", "save", "remind", "follow", "cancel", "snooze", "delay"}
    | {"no", "please", "pls", "gotta", "need", "bitte", "paalala", "recuérdame", "kaise", "just"}
    | {"coffee", "coffe", "lunch", "dinner", "drinks", "mtg", "met", "meet", "txt", "show"}
)
_FIRST_WORD = re.compile(r"^(\s*)((?-i:[A-ZÀ-ÖØ-Þ])[a-zà-öø-ÿ]+)(?=[\s,:!.']|$)")


def _first_word_as_a_word(text: str, known_names: Sequence[str]) -> str:
    """ "Snoz priya 2 days" → "snoz priya 2 days": a capitalised first word that is a command
    word, a slip of one or a verb that starts a request, unless it is a contact's name."""
    found = _FIRST_WORD.match(text)
    if found is None:
        return text
    word = found.group(2).lower()
    if could_name(word, known_names):
        return text
    slip = _corrected(word, _COMMAND_WORDS) != word or _corrected(word, _DATE_WORDS) != word
    if word in _SENTENCE_STARTERS or word in _ABBREVIATIONS or slip:
        return found.group(1) + word + text[found.end() :]
    return text


def _met_glued_to_a_contact(text: str, known_names: Sequence[str]) -> str:
    """ "i metjane at the bookstore": "met" glued to a contact's first name typed in lower case."""
    found = re.search(r"\bmet([^\W\d_]{2,})\b", text)
    if found is None:
        return text
    firsts = {name.split()[0].lower() for name in known_names if name.split()}
    if found.group(1) not in firsts:
        return text
    return f"{text[: found.start()]}met {found.group(1)}{text[found.end() :]}"


# "log meeting: Ada Obi / Lagos / Dec 5 / wants a demo": fields set off by a spaced slash (a
# date's "12/5" and "w/" have none), read as the comma-set fields they are.
_FIELD_SLASH = re.compile(r"\s+/\s+")


def _fields_with_commas(text: str) -> str:
    return _FIELD_SLASH.sub(", ", text) if len(_FIELD_SLASH.findall(text)) >= 2 else text


def tidy(
    text: str, known_names: Sequence[str] = (), not_names: frozenset[str] = frozenset()
) -> str:
    """The line as the parser reads it (unchanged when nothing but filler is left)."""
    text = _without_courtesy_at_the_end(without_bot_mention(text))
    text = _first_word_as_a_word(text, known_names)
    text = " ".join(_EMOJI_BETWEEN_WORDS.sub(", ", text).split()) or text
    text = " ".join(_EMOJI.sub(" ", text).split()) or text
    text = _met_glued_to_a_contact(
        _GLUED_MET.sub(r"\1 ", _GLUED_WITH.sub(r"\1 \2", text)), known_names
    )
    text = _MO_AKO.sub("me", _TAGALOG_AFFIX.sub("", text))
    text = fix_typos(_LAST_NIGHT.sub("last ", text))
    text = _DONE_TWICE.sub(r"\1", _LAUGH_BETWEEN.sub(", ", text))
    text = _WEEKDAY_THEN_DATE.sub(r"\g<date>", text)
    text = _fields_with_commas(text)
    head, tail = _split_note(text)
    if len(text.split()) > 1:  # a lone misspelt command word gets "Did you mean …?"
        head = fix_command_typos(head)
    head = without_particles(normal_apostrophes(head))
    if not head and tail:  # "po, snooze Dana": all filler before the comma
        return tidy(tail.lstrip(" ,;:—–-"), known_names, not_names) or text
    if not head:
        return text  # "po" alone, or "lol": chat, read as typed
    if re.match(r"\s*:\s", tail):
        # "remind me: priya, 12/15, 4pm": after a colon the first field is who, not the note.
        field, rest = _split_note(tail.lstrip()[1:])
        tail = ": " + capitalise_known(field.strip(), known_names, not_names) + rest
    return capitalise_known(head, known_names, not_names) + tail
