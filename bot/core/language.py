"""Everyday phrasings → command text, chat to the coach, and questions about the bot.

Built from each command's spec in `bot.core.help`: "I met Jane Doe at PyCon yesterday" becomes
`met Jane Doe at PyCon yesterday`, "push Dana to Monday" `snooze Dana to Monday`. The parser then
reads the command text as if it had been typed.
"""

from __future__ import annotations

import re

from bot.core.commands import ChatIntent
from bot.core.help import COMMAND_HELP, HELP_BY_NAME
from bot.core.tidy import COURTESY
from bot.core.when import WhenError, cut, find_day, find_time
from storage.names import name_key

# Phrasings are tried in this order: the most specific meanings first ("forget me" before
# "forget <person>", "who is overdue" before "who is <person>").
_ORDER = (
    "forget-me",
    "export",
    "list",
    "stats",
    "settings",
    "digest",
    "event",
    "rename",
    "merge",
    "note",
    "contacts",
    "who",
    "keep-in-touch",
    "cancel",
    "snooze",
    "done",
    "follow-up",
    "met",
    "delete-meeting",
    "delete-contact",
    "undo",
    "review",
)
# Words around a request that carry no meaning for it: "Hey coach, …", "Abeg …", "…, remind me".
_LEADING_FILLER = re.compile(
    r"^(?:(?:hey|hi|hello|ok|okay|so|um|oh|omg|wow|yay|phew|and|also|btw|actually|anyway|right|"
    r"alright|quick one|"
    # "nah cancel that one": a "nah" only right before the command ("nah, forget it" is chat).
    r"nah(?=\s+(?:cancel|snooze|done|delete|remove|drop|move|push)\b)|"
    # "oops rename jomar to Jomar Reyes-Tan": a slip owned, then the command that mends it.
    r"(?:oops|whoops|oopsie|my bad)(?=\s+(?:rename|done|snooze|cancel|delete|remove|met|"
    r"follow|move|push|note|merge)\b)|"
    # "nvm cancel ken": taking back what was said, then the command that replaces it.
    r"(?:nvm|never ?mind|scratch that)(?=\s*[,;:—–-]|\s+(?:cancel|snooze|done|delete|remove|"
    r"drop|make|move|push|change|set|follow|remind|met|list|just)\b)|wait|"
    r"bhai|abeg|oye|yaar|inshallah|alhamdulillah|mashallah|mepa wo ky[ɛe]w|"
    # "hey bot, nudge me …": the bot named before a comma (never "bot is broken").
    r"hey coach|hi coach|coach|bot(?=\s*[,!:—–-])|yo|ugh|argh+|meh|oof|sigh|note to self|fyi|"
    r"i'?m (?:swamped|busy|slammed)|not (?:today|now)|not feeling it(?: today)?|one more|"
    # "ugh forgot to log this — met Priya …": the log comes late, then itself.
    r"(?:i\s+)?(?:forgot|almost forgot|meant) to (?:log|add|mention|record) (?:this|that|one)|"
    # "I spelled it wrong, Aisha Bello should be Aysha Bello": owning a slip, then the fix.
    r"(?:(?:my bad|oops|sorry|my mistake|correction|(?:fix the |spelling )?typo|fix the spelling|"
    r"(?:i\s+)?(?:spelled|spelt|typed|got|had) (?:it|that|the name|(?:his|her|their) name) wrong)"
    r"(?=\s*[:,;—–-]))|"
    r"another one|porfa|por favor|naman|pls naman|oye|yaar|sige|sige na|ok po|okay po|"
    r"achha|accha|acha|arre|haan|ji|hola|oi|olá|ola|hallo|also|ok also|"
    r"(?:please be (?:informed|advised)|just so you know|for the record|for your info(?:rmation)?)"
    r"(?: that)?|(?:quick update|update|heads up|quick log|log|"
    r"meeting notes?)(?=\s*[:,—–-]))\b\s*"
    # "ugh not now. push zoë 2 weeks": a full stop after the filler, too.
    r"(?:[,!:—–-]|\.(?=\s))*\s*)*"
    # "please can you postpone …": both courtesies, in that order.
    r"(?:(?:please|pls|plz|kindly)\s+(?:do\s+)?)?(?:(?:can|could|would|will) (?:you|u|we)"
    r"(?: please| pls)?\s+|let'?s\s+|lemme\s+|let me\s+)?",
    re.IGNORECASE,
)
_TRAILING_FILLER = re.compile(
    # "sent Ravi a thank you": after "a", "my" or "the" the thanks are a thing, not filler.
    rf"(?:(?<!\ba)(?<!\bmy)(?<!\bthe)[\s,;—–-]+(?:(?:{COURTESY}|"
    r"(?:(?:can|could) you |please |pls )?remind me|(?:don'?t|do not|(?:hu)?wag(?: mong)?) "
    r"(?:forget|kalimutan)|bhool(?:na)? mat(?: jaana| jana)?|"
    # "…, pls log it", "…, add it as a note": the request to the bot, said again.
    r"(?:(?:please|pls|plz|can you|could you) )?(?:log|record) (?:it|this|that)"
    r"(?: (?:down|for me|pls|please))?|add(?: it| this| that)? as a note|"
    r"(?:please )?update (?:it|that|the name|them)|anymore|any more|after all|"
    r"for me|asap|ok|okay|instead|my bad|my mistake|"
    # German puts the verb last: "erinnere mich, Kai am Montag anzuschreiben".
    r"anzuschreiben|anschreiben|anzurufen|anrufen|zu kontaktieren|kontaktieren|zu melden)\b))*"
    # "… -> Priya S.": the full stop of an initial stays.
    r"(?:[\s?!]|(?<!(?-i:\s[A-Z]))\.)*$",
    re.IGNORECASE,
)
_PHRASINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE | re.DOTALL), template)
    for name in _ORDER
    for pattern, template in HELP_BY_NAME[name].phrasings
)


_NOTE_SEPARATOR = re.compile(r"(\s*(?:,|;|\s—|\s–|\s-\s)\s*)")


def polite_core(text: str) -> str:
    # "Friday: follow up with Omar" leaves ": follow up …" once its day is cut ("jan 8 -> …"
    # leaves "-> …").
    core = _LEADING_FILLER.sub("", " ".join(text.split()).lstrip(":,;—–-=>→⇒ "), count=1)
    return _TRAILING_FILLER.sub("", core)


# A template that starts so stands only when the line names a day: "ping Felipe 1/5" is a
# reminder, "ping Felipe" alone may be a message for someone else.
NEEDS_A_DAY = "@day "


# A rename template that starts so stands only when the new name keeps a word of the old one:
# "dana married, she's Dana Lee now" renames her, "Dana is now VP at Acme" is news.
KEEPS_A_NAME = "@kept "


def keeps_a_name(old: str, new: str) -> bool:
    """The new name keeps a word of the old one ("Priya Shah" → "Priya Shah-Mehta"), or the
    start of one ("Sam" → "Samuel Lee")."""

    def words(name: str) -> set[str]:
        return set(re.split(r"[\s'’-]+", name_key(name))) - {""}

    kept, given = words(old), words(new)
    return bool(kept & given) or any(
        len(word) >= 3 and other.startswith(word) for word in kept for other in given
    )


def _match(core: str, day_was_cut: bool = False) -> str | None:
    for pattern, template in _PHRASINGS:
        match = pattern.fullmatch(core)
        if match is None:
            continue
        if template.startswith(NEEDS_A_DAY):
            if not (day_was_cut or _names_a_day(core)):
                continue
            template = template.removeprefix(NEEDS_A_DAY)
        groups = {k: (v or "").strip() for k, v in match.groupdict().items()}
        if template.startswith(KEEPS_A_NAME):
            if not keeps_a_name(groups["rest"], groups["new"]):
                continue
            template = template.removeprefix(KEEPS_A_NAME)
        return " ".join(template.format(**groups).split())
    return None


def _opening_day_end(text: str) -> int | None:
    """Where the day phrase that opens `text` ends ("yesterday i had …" → 9), if one does."""
    try:
        day = find_day(text)
    except WhenError:
        return None
    return day.end if day is not None and day.start == 0 else None


def _is_a_day(words: str) -> bool:
    end = _opening_day_end(words)
    return end is not None and end >= len(words.rstrip())


def _drops_its_opening_day(core: str, found: str) -> bool:
    """ "yesterday i had lunch with X": a phrasing that swallowed the day said first (as words
    before "lunch") is read again with the day cut out."""
    if not found.startswith("met "):
        return False
    end = _opening_day_end(core)
    return end is not None and core[:end].lower() not in found.lower()


def _names_a_day(text: str) -> bool:
    try:
        return find_day(text) is not None
    except WhenError:
        return True


# "Dec 20 at 6:30pm: call Kai, pls remind me": the request for a reminder said last.
_REMIND_ME_LAST = re.compile(
    r"[\s,;—–-]+(?:(?:and|please|pls|plz|can you|could you)\s+)*remind me[\s.!]*$", re.IGNORECASE
)


def rephrase(text: str) -> str | None:
    """The command text an everyday phrasing means, or None.

    A date phrase may sit anywhere ("Tomorrow remind me to reach out to Priya", "remind me on
    Monday to follow up with Kai"): when the whole line matches no phrasing, it is tried again
    without its date phrase, which then goes at the end. A "remind me" said last is read as if
    it came first.
    """
    found = _rephrase(text)
    if found is None and _REMIND_ME_LAST.search(text):
        core = polite_core(text)
        # "I'll call him later, remind me" says what the member will do, to no one named.
        said_by_someone = re.match(r"(?:i|we|you|he|she|they)(?:['’]\w+)?\b", core, re.IGNORECASE)
        if core and not said_by_someone and not _REMIND_ME_THEN_DAY.search(core):
            found = _rephrase(f"remind me {core}")
    return found


def _rephrase(text: str) -> str | None:
    if opens_with_a_salutation(text):
        return None  # "Hi Dana, coffee, tomorrow": a draft to Dana, whatever follows
    core = _day_after_remind_me_last(polite_core(text))
    if not core:
        return None
    found = _match(core)
    if found is not None and not _drops_its_opening_day(core, found):
        return found
    found = _without_a_reason(core) or _one_question_asked_twice(core)
    if found is not None:
        return found
    if _starts_with_a_command_word(core):
        return _as_command_text(core)
    aside, comma, command = core.partition(",")
    moved = _after_a_mood(core)
    if moved is not None:
        return moved
    if comma and _an_aside(aside) and _names_the_command(command):
        # "mañana mejor, snooze Lucía to tomorrow": a few words that name nobody, then the
        # command by its own name.
        return command.strip()
    # "hey all, drop ur IG …": after a greeting, the words before the comma are whom it greets.
    found = None if GREETING.match(text.strip()) else _after_an_opener(core)
    if found is not None:
        return found
    try:
        day = find_day(core)
    except WhenError:
        return None
    if day is None:
        return None
    without = cut(core, day.start, day.end)
    phrase = core[day.start : day.end]
    at = find_time(without)
    if at is not None and abs(at.start - day.start) <= 1:
        # "Friday 4pm call back Ngozi": the time goes with its day.
        phrase, without = f"{phrase} {without[at.start : at.end]}", cut(without, at.start, at.end)
    without = polite_core(without)
    found = _match(without, day_was_cut=True) if without else None
    if found is None and without and _starts_with_a_command_word(without):
        found = _as_command_text(without)  # "next week follow up Hamid Karimi"
    if found is None:
        return None
    if found.startswith("met ") and day.start == 0:
        # "Yesterday met X at Y he is a QA head": a meeting's day said first goes right after
        # "met", so that the words at the end stay the note.
        return f"met {phrase} {found[4:]}"
    # The day goes at the end of the part before any note ("met X at Y yesterday, note").
    parts = _NOTE_SEPARATOR.split(found, maxsplit=1)
    if len(parts) == 3:
        return f"{parts[0]} {phrase}{parts[1]}{parts[2]}"
    return f"{found} {phrase}"


# "Moin! Met Jonas …", "chale, I met Kofi …", "later pls — snooze the dana one 4 days": a short
# opener (an interjection in any language) set off by "!", a comma or a dash, then the request.
_OPENER = re.compile(r"(?P<opener>[^\W\d][^,!?.;:—–]{0,24}?)\s*(?:!+|,|\s[—–-])\s+(?P<rest>\S.*)")
MAX_OPENER_WORDS = 3


def _after_an_opener(core: str) -> str | None:
    """The command text of the request after a short opener that names nobody, or None."""
    found = _OPENER.fullmatch(core)
    if found is None:
        return None
    opener = found["opener"].split()
    if len(opener) > MAX_OPENER_WORDS or set(map(str.lower, opener)) & _COMMAND_WORDS:
        return None
    if _is_a_day(found["opener"]):
        return None  # "jan 8 - reconnect with X": the day of the request, read with it
    if GREETING.match(found["opener"]) or "?" in found["rest"]:
        return None  # "hi Gerald, …", "Dana! Free for coffee?": a draft's salutation
    if chat_intent(found["opener"]) in _REPLIES:
        return None  # "got it, I'll send him the link": a reply to someone, not an opener
    exclaimed = core[found.end("opener") :].lstrip().startswith("!")
    if not exclaimed and any(word[:1].isupper() for word in opener):
        return None  # "Dana, I'll be in Seoul next week …" is said to Dana
    return rephrase(found["rest"])


# Chat that answers someone: after it, the line is a reply to them ("sure, I'll send it").
_REPLIES = frozenset({"ack", "yes", "no", "thanks"})
GREETING = re.compile(r"(?:hey|hi|hello|dear|yo|hiya|hallo|hola|ol[aá])\b", re.IGNORECASE)


# A greeting to someone by name, then a comma, "!" or a dash: a draft's salutation ("Hi Dana,",
# "hey Priya Shah —"). The filler that tidying drops would hide it, so it is read first. Words
# that greet the coach or the room, or open a request, are not a name.
_SALUTATION = re.compile(
    rf"(?:{GREETING.pattern})\s+(?!(?:coach|bot|buddy|mate|friend|there|all|team|everyone|"
    r"folks|guys|again|quick|just|so|ok|okay|um|also|btw|one|update|ya|y'all)\b)"
    r"[^\W\d][\w'’.-]*(?:\s+[^\W\d][\w'’.-]*)?\s*(?:,|!|\s[—–-]\s|[—–])",
    re.IGNORECASE,
)


def opens_with_a_salutation(text: str) -> bool:
    """ "Hi Dana, …": the line greets someone by name, as a draft to them starts."""
    return _SALUTATION.match(text.strip()) is not None


def only_a_salutation(text: str) -> bool:
    """ "Hi Rahul,": a draft's greeting line and nothing after it (the rest of a message that
    arrived in pieces)."""
    found = _SALUTATION.match(text.strip())
    return found is not None and not text.strip()[found.end() :].strip(" ,!.:;—–-")


def _an_aside(words: str) -> bool:
    """A short clause with no capitalised word (no name), no greeting (a draft starts "hey
    amara, …") and no command word in it."""
    split = words.split()
    return (
        0 < len(split) <= 3
        and not any(word[:1].isupper() for word in split)
        and not GREETING.match(words)
        and not set(map(str.lower, split)) & _COMMAND_WORDS
    )


# "Too swamped — delay Kai by a week", "Baad mein karenge yaar — push Ana to Monday": how the
# member feels, set off by a dash, then a reminder moved.
_MOOD_THEN_MOVE = re.compile(
    r"(?P<mood>[^,;:—–]{2,40}?)\s*(?:\s[—–-]\s|[—–])\s*(?P<move>(?:delay|push|postpone|snooze|"
    r"bump)\s.+)"
)


def _after_a_mood(core: str) -> str | None:
    """The reminder moved after a few words of mood that name nobody."""
    found = _MOOD_THEN_MOVE.fullmatch(core)
    if found is None:
        return None
    mood = found["mood"].split()
    if not 1 <= len(mood) <= 5 or any(word[:1].isupper() for word in mood[1:]):
        return None
    moved = _match(found["move"])
    return moved if moved is not None and moved.startswith("snooze ") else None


def _names_the_command(text: str) -> bool:
    """`text` starts with a command's own name and says more: "snooze Lucía to tomorrow"."""
    words = text.split()
    return len(words) > 1 and words[0].lower() in COMMAND_WORDS


def _as_command_text(core: str) -> str:
    """ "follow up Hamid", "/met Ada": the command word as the parser reads it."""
    return re.sub(r"^follow\s+up\b", "follow-up", core.lstrip("/"), flags=re.I)


def _starts_with_a_command_word(core: str) -> bool:
    first = core.split(maxsplit=1)[0].lower().lstrip("/").rstrip(":,")  # "done: Kai"
    return first in _COMMAND_WORDS or bool(re.match(r"follow\s+up\b", core, re.IGNORECASE))


_REMIND_ME_THEN_DAY = re.compile(r"\b(?:remind|ping|nudge|tell) me\s+|^reminder:\s*", re.IGNORECASE)
# Where the member's note starts in a request: "…, she asked about pricing", "…: thank him".
_REQUEST_NOTE = re.compile(
    r"\s*(?:,|;|\s[—–-]\s|(?<!\bre):\s)|\s(?=(?:re:?|about|abt|regarding)\s)", re.IGNORECASE
)


def _day_after_remind_me_last(core: str) -> str:
    """ "remind me on the 14th to email Omar", "remind me thursday 10am to call Omar" read as
    "remind me to email Omar on the 14th": the day (with its time, either way round) goes after
    the person, before any note."""
    lead = _REMIND_ME_THEN_DAY.search(core)
    if lead is None:
        return core
    end = _when_phrases_end(core, lead.end())
    if end == lead.end():
        return core
    # "remind me Friday: email Jane" asks to email Jane, as "remind me Friday to email Jane".
    rest = re.sub(r"^:\s*", "to ", core[end:].strip())
    if not re.match(r"(?:to|about|abt|re)\b", rest, re.IGNORECASE):
        return core
    phrase = core[lead.end() : end].strip()
    note = _REQUEST_NOTE.search(rest)
    if note is not None:
        return (
            f"{core[: lead.end()].rstrip()} {rest[: note.start()]} {phrase}{rest[note.start() :]}"
        )
    return f"{core[: lead.end()].rstrip()} {rest} {phrase}"


def _when_phrases_end(text: str, start: int) -> int:
    """Where a run of day and time phrases starting at `start` ends ("thursday 10am", "at 5pm
    today"); `start` when none starts there."""
    end = start
    while True:
        following = text[end:]
        skipped = len(following) - len(following.lstrip())
        try:
            day = find_day(following)
        except WhenError:
            day = None
        at = find_time(following)
        found = next((f for f in (day, at) if f is not None and f.start == skipped), None)
        if found is None:
            return end
        end += found.end


# Commands that take no person or note: a clause after their comma is a reason or an aside
# ("turn off the digest, too noisy"; "you can keep my drafts, that's fine"), never an argument.
_NO_NOTE_COMMANDS = ("digest", "settings", "list", "stats", "export", "forget-me")


def _one_question_asked_twice(core: str) -> str | None:
    """ "what have I missed? anything late?": short questions that each mean the same command."""
    questions = [q for q in re.split(r"\?+\s+", core) if q.strip()]
    if len(questions) < 2:
        return None
    found = {_match(polite_core(question.rstrip("?"))) for question in questions}
    return found.pop() if len(found) == 1 else None


def _without_a_reason(core: str) -> str | None:
    head, comma, _ = core.partition(",")
    if not comma or not head.strip():
        return None
    found = _match(polite_core(head))
    if found is not None and found.split(maxsplit=1)[0] in _NO_NOTE_COMMANDS:
        return found
    return None


_CHAT: tuple[tuple[ChatIntent, re.Pattern[str]], ...] = tuple(
    (intent, re.compile(rf"(?:{pattern})[\s!.?,:)(😊🙂👍🙏🙌🎉❤️]*", re.IGNORECASE))
    for intent, pattern in (
        (
            "thanks",
            r"(?:(?:ok(?:ay)?|k|kk|great|perfect|cool|awesome|nice|got it)[\s,!.]+)?"
            r"(?:many\s+)?(?:thanks?(?: you)?(?: so much| a lot| a ton)?|thx|ty|tysm|cheers|"
            r"much appreciated|appreciate it|thank u)(?:[\s,!]+(?:coach|bot|buddy|mate))?"
            # "thanks this is actually super helpful", "thank you, that helped a lot".
            r"(?:[\s,!.—–-]+(?:(?:this|that|it|you)(?:'s|’s|'re|’re|\s+(?:is|was|are|were))?\s+)?"
            r"(?:(?:actually|really|so|super|very|truly|genuinely|incredibly)\s+)*"
            r"(?:helpful|useful|great|awesome|amazing|perfect|brilliant|helped(?: a lot| loads)?|"
            r"a (?:big |huge )?help))?",
        ),
        (
            "greeting",
            r"(?:hi|hello|hey|hiya|howdy|yo|good (?:morning|afternoon|evening)|morning|"
            r"hey there|hi there|hello there|greetings|sup|what'?s up)(?:[\s,!]+(?:coach|bot|"
            r"there|friend|team))?",
        ),
        (
            # "sure, makes sense", "ok got it": the member has understood; no yes to a question.
            "ack",
            r"(?:(?:ok(?:ay)?|k|sure|yeah|yep|yes|right|ah|oh|cool|great|alright|perfect)[\s,!.]+)?"
            r"(?:(?:that |it )?makes (?:total |perfect )?sense|got it|gotcha|understood|i see|"
            r"fair enough|good to know|noted|roger(?: that)?|copy that|all clear|clear|"
            # "ok cool", "cool cool", "okie", "nice one": nothing asked, nothing to answer. A
            # bare "ok" is an acknowledgement too, and still a yes when a question waits
            # (`agrees_when_asked`).
            r"ok(?:ay)? cool|ok(?:ay)?|cool(?:[\s,]+cool)+|okie(?:[\s-]?dokie)?|nice one|"
            # "nice", "perfect", "sweet": a one-word reaction to what the coach just did.
            r"(?:very |so |super )?(?:nice|perfect|sweet|awesome|cool|great|excellent|lovely|neat|"
            r"amazing|brilliant|wonderful|fantastic|splendid))",
        ),
        (
            "yes",
            r"(?:yes|yeah|yep|yup|yea|sure|ok|okay|k|y|correct|right|absolutely|of course|"
            r"please do|do it|go ahead|sounds good|confirm|affirmative|yes please|👍)"
            r"(?:[\s,!]+(?:please|thanks|do it|go ahead))?",
        ),
        (
            "no",
            r"(?:no|nope|nah|n|not now|no thanks|no thank you|don'?t|never ?mind|nevermind|"
            r"cancel that|not really|negative|👎|"
            r"(?:actually\s+)?keep(?: (?:it|her|him|them|that))?|"
            r"don'?t delete(?: (?:it|her|him|them))?)"
            # "nope, leave it": the no, then leaving things as they are.
            r"(?:[\s,!.]+(?:leave it|forget it|skip it|let it be|leave it as is|it'?s fine|"
            # "nope, not now": the no, then when.
            r"not (?:now|today|yet|right now)|maybe later|later|"
            # "nope, wrong one": the no, then what the coach picked was not meant.
            r"wrong (?:one|person|contact|name)|not (?:that|this) one|"
            r"(?:i meant )?the other one))?",
        ),
        (
            "bye",
            r"(?:bye|goodbye|bye bye|see (?:you|ya)(?: later)?|later|cya|good ?night|exit|quit|"
            r"that'?s all|i'?m done for (?:now|today)|talk (?:to you )?later|ttyl)",
        ),
        (
            "feedback",
            r"(?:(?:you(?:'re| are)|this is|that'?s|that was|this bot is)\s+(?:so\s+|really\s+"
            r"|very\s+)?(?:great|awesome|helpful|useful|amazing|brilliant|the best|"
            r"useless|annoying|unhelpful|wrong|confusing)|(?:great|good|nice) (?:job|work|bot)|"
            r"love (?:it|this|this bot|you)|(?:very|super|so) helpful|not helpful|"
            r"that (?:helped|didn'?t help))",
        ),
        (
            "smalltalk",
            r"(?:how are you(?: doing)?(?: today)?|how'?s it going|how are things|"
            r"what'?s your name|who made you|how old are you|do you (?:ever )?(?:sleep|eat|dream|"
            r"rest|get tired)\b.*|what'?s the weather\b.*|where are you(?: from)?|"
            r"what'?s new|are you (?:a |an )?(?:bot|real|human|there|person|robot|ai)\b.*|"
            r"who are you|lol|haha+|hmm+|"
            r"how'?s your (?:day|week|morning|afternoon|evening)(?: going| been)?"
            r"(?:[\s,]+(?:bot|coach))?|"
            r"good|fine|i'?m good|not bad)",
        ),
    )
)


# An acknowledgement that answers "yes" when the last reply asked a yes/no question.
_AGREES = re.compile(r"(?:ok(?:ay)?|k|kk|okie)[\s.!👍]*", re.IGNORECASE)


def agrees_when_asked(text: str) -> bool:
    """ "ok" after "Delete Kai?" confirms; with nothing asked it only acknowledges."""
    return _AGREES.fullmatch(" ".join(text.strip().split())) is not None


def chat_intent(text: str) -> ChatIntent | None:
    """Chat addressed to the coach itself, when the whole line is that."""
    line = " ".join(text.strip().split())
    for intent, pattern in _CHAT:
        if pattern.fullmatch(line):
            return intent
    return None


# "who can see my contacts?", "who has access to my notes": asked about privacy, after "who".
WHO_SEES = (
    r"(?:else\s+)?(?:(?:can|could|will|would)\s+(?:see|read|access)|sees|reads|gets\s+to\s+see)|"
    r"has access"
)
_QUESTION = re.compile(
    # "im new here, what do i do": being new is said before the question.
    r"^(?:(?:hey|hi|yo|ok|so|wait|hmm|um|i'?m new(?: here)?|please|pls|plz|fyi|btw|sorry|"
    r"(?:quick )?question:?)[\s,]+)?"
    r"(?:how (?:do|can|should|would) (?:i|we|you)|"
    r"how to|how does|(?P<works>how (?:do|dose)(?=\s.{1,30}\bwork\b))|"
    # "can the digest go to a different channel?": what a part of the bot can do.
    r"can (?:the|this) (?:bot|coach|app|digest|weekly digest)|"
    r"how do you|what (?:commands|can i (?:type|say|ask))|which commands|"
    r"what'?s the (?:syntax|format|command|right way|best way|correct way) (?:for|to)|"
    r"what does|what is|what's|what are|can you|can i|could you|could i|is there a way|"
    r"is it possible|what can|what do you|what else can|explain|tell me how|help(?: me)? with|"
    r"help me|help on|help about|show me how|i need help|where (?:do|can) i|when (?:do|does|will)|"
    rf"why (?:do|does|did)|do you|who (?:{WHO_SEES})|"
    r"i'?m lost|i am lost|what do i (?:type|do|say|write)|"
    r"i'?m confused|i am confused|i'?m stuck|i don'?t (?:get it|understand)|"
    r"¿?c[oó]mo (?:funciona|uso|hago|se usa|puedo)|paano|pano|kaise|"
    r"wie (?:kann|mache|geht|funktioniert)|comment (?:ça|ca) (?:marche|fonctionne)|"
    # "ayuda con el list command", "Hilfe mit snooze": help asked for in another language.
    r"ayuda(?: con| para)?|hilfe(?: mit| bei| zu)?|aide(?: avec| pour)?|tulong(?: sa)?|"
    r"como (?:eu|faço|faco|uso))\b",
    re.IGNORECASE,
)
# Openings of a question about one of the coaching rules; a question only when the line names
# the bot's vocabulary ("why 10 days?"), since "why not grab coffee?" is a draft.
_RULE_QUESTION = re.compile(
    # "if I delete a contact, do their follow-ups go too?": a question after the "if" clause.
    r"^(?:(?:hey|hi|ok|so|wait|hmm|um|but)[\s,]+)?(?:if (?:i|we)\b(?=.*\?\s*$)|"
    r"what happens|what if|why|how come|how long|"
    r"how many days|what'?s the (?:rule|point|deal|idea)|is it (?:ok|okay|bad|fine)|"
    # "what counts toward my stats?", "what counts as a touch?"
    r"what counts (?:toward|towards|as|for|in))\b",
    re.IGNORECASE,
)
# Words in a question that point at one command's help.
_TOPIC_WORDS: tuple[tuple[str, str], ...] = (
    (r"rule of (?:two|2)|second touch|two touches|touch(?:es)? twice", "rule-of-two"),
    (
        r"\ba give\b|\ban ask\b|give[:/ ]ask|gives? and asks?|give first|\bgiving first|"
        r"gave,? asked|thank[- ]you (?:count|touch)",
        "give-ask-thank",
    ),
    (
        rf"privacy|\bprivate\b|(?:my|the) data (?:safe|secure|private)|who (?:{WHO_SEES})|"
        r"what (?:do|will|did) you (?:store|keep|save|know|remember|log)|"
        r"do you (?:store|keep|save|read|share|sell)|(?:is|are) (?:my )?(?:drafts?|data) "
        r"(?:stored|saved|kept|shared)",
        "privacy",
    ),
    (
        r"forget[- ]?me|(?:delete|remove|wipe|erase|clear|get rid of) (?:all (?:of )?)?my "
        r"(?:data|account|stuff|things|info|information|history|records?|details)|"
        r"(?:delete|wipe|erase) everything|erase my",
        "forget-me",
    ),
    (r"export|download my data|my data out|copy of my data", "export"),
    (
        r"snooz|push (?:back|a follow)|push (?:a |the |my )?(?:reminder|follow[- ]?up|nudge) back|"
        r"postpone|delay",
        "snooze",
    ),
    (r"keep(?:ing)? in touch|cadence|check[- ]?ins?\b", "keep-in-touch"),
    (
        r"\b(?:10|ten)[- ]?days?\b|\bwindow\b|\bmiss(?:ed|ing)?\b|\blate\b|too late|"
        r"last chance|deadline|how long|how many days|how much time",
        "window",
    ),
    (r"cancel|stop (?:a |the )?(?:follow|remind)", "cancel"),
    (r"\bdone\b|mark .* (?:done|finished)|complete|\bfinished\b", "done"),
    (
        r"renam(?:e|ing)|change (?:a |the )?(?:contact'?s? |someone'?s |somebody'?s |a person'?s )?"
        r"name|(?:fix|correct) (?:a |the )?(?:\w+'?s )?"
        r"name|(?:name|surname) i (?:spelled|spelt|typed|got) wrong|misspel|"
        # "how do I fix a typo in someone's name?"
        r"(?:typo|spelling|mistake) in (?:a |the |my )?(?:\w+'?s )?(?:contact'?s? )?name",
        "rename",
    ),
    (r"merge", "merge"),
    (
        r"delete (?:a |ng )?contact|remove (?:a )?contact|delete someone|remove someone",
        "delete-contact",
    ),
    (r"\bnotes?\b", "note"),
    # "see who I'm overdue with" is about the list, not a contact card.
    (r"\boverdue\b|what'?s due", "list"),
    (r"\bwho\b(?!\s+to\b)|contact card|what i know about|look ?up|find a contact", "who"),
    (
        # "the syntax for setting a follow-up" sets no setting.
        r"time ?zone|working hours|\bhours\b|settings?\b(?!\s+(?:a|an|up)\b)|shout-?outs|"
        r"store[- ]drafts|"
        r"when (?:the\s+)?(?:reminders?|nudges?) (?:come|arrive|are sent|go out)",
        "settings",
    ),
    (
        r"digest|weekly (?:summar|recap|report|thing|email|e-mail|message|post|update|roundup)|"
        r"(?:the|that) weekly\b",
        "digest",
    ),
    (r"stats|statisti[ck]|numbers|progress", "stats"),
    (r"\blist\b|what'?s due|overdue|see my follow", "list"),
    (r"review|draft|check (?:a|my) (?:message|note|email)", "review"),
    (r"follow[- ]?up|remind|\brule\b|window|10[- ]day|ten[- ]day|second touch", "follow-up"),
    (
        r"\bmet\b|\bmeet|log (?:a )?(?:meeting|meting|metting)|meeting|"
        r"add (?:a )?(?:contact|person)|log (?:someone|somebody|a person|a new person)",
        "met",
    ),
    # "what does last tuesday mean?", "how do I write dates?": how a day is read, when the
    # question names no command.
    (
        r"\blast\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\blast week\b|"
        r"\bdates?\b(?!.*\b(?:format|order|first)\b)|\bwhich days?\b",
        "dates",
    ),
)
_TOPIC_RES = tuple((re.compile(p, re.IGNORECASE), name) for p, name in _TOPIC_WORDS)


# "log someone I met - how does that work": what to do first, the question after it.
_ASKED_LAST = re.compile(
    r"[\s,;:—–-]+(?:so\s+|but\s+)?(?:how (?:does|do) (?:that|this|it) work|"
    r"how do i do (?:that|this|it))[\s?!.]*$|"
    # "renaming somebody, how?", "adding notes to a contact — how?": a bare "how" after
    # something the bot does.
    r"^(?=.*\b(?:renam|snooz|remind|follow[- ]?up|notes?\b|contacts?\b|digest|export|stats\b))"
    r".{3,60}?[,;:—–-]+\s*how\s*\?[\s?!.]*$",
    re.IGNORECASE,
)


def asks_how_last(text: str) -> bool:
    """ "snooze a follow-up, how do I do that?": a command named, then asked about."""
    return _ASKED_LAST.search(text) is not None


# Longer lines are drafts or stories, not questions about the bot.
MAX_QUESTION_WORDS = 16


# "what should I write to someone I met at a conference?", "any tips for a LinkedIn note?":
# asked of the coach about writing to someone, not a message to them ("is it ok to send you
# the deck?" speaks to its reader).
_WRITING_QUESTION = re.compile(
    r"^(?:(?:hey|hi|ok|so|um|hmm|quick question:?)[\s,]+)?"
    r"(?:what (?:should|do|can|could) i (?:write|say|send|put)|what would you (?:write|say|send)|"
    r"what to (?:write|say|send)|how (?:do|should|can|could) i (?:write|word|phrase|open|start|"
    r"reach out|approach)|(?:any\s+)?tips (?:for|on) (?:writing\s+)?(?:(?:a|an|my|the)\s+)?"
    r"(?:follow[- ]?ups?|linkedin|messages?|notes?|e-?mails?|intros?|introductions?|reaching out|"
    r"networking|cold|connection)|(?:is it|would it be) (?:ok|okay|fine|weird|"
    r"rude|too soon|too late|bad) to (?:send|message|dm|email|write|reach out|connect|add|ask))\b",
    re.IGNORECASE,
)
_TO_THE_READER = re.compile(r"\b(?:you|u|ya|y'all|your)\b", re.IGNORECASE)
# What makes it about writing to a person: someone to write to, or a kind of message ("how do I
# write dates?" is about the bot's syntax).
_SOMEONE_OR_A_MESSAGE = re.compile(
    r"\b(?:to|for|with|at)\s+(?:someone|somebody|people|him|her|them|(?:a|an|my|the|our|this)\s)"
    r"|\b(?:someone|somebody|messages?|notes?|e-?mails?|dms?|linkedin|intros?|introductions?|"
    r"requests?|invites?|reach(?:ing)? out|approach|connect)\b",
    re.IGNORECASE,
)


def _asks_what_to_write(line: str) -> bool:
    found = _WRITING_QUESTION.match(line)
    if found is None or not _SOMEONE_OR_A_MESSAGE.search(line, found.start()):
        return False
    addressed = _TO_THE_READER.search(line, found.end() if "would you" in found[0] else 0)
    return addressed is None


# "hi there, new here. what is this", "just installed you 👋": a newcomer's first words, which
# the overview answers (a greeting in front is allowed).
_NEWCOMER = re.compile(
    r"^\W*(?:(?:hi|hey|hello|hiya|yo|heya|good (?:morning|afternoon|evening))(?:\s+(?:there|all|"
    r"coach|bot|network coach))?\W+)?(?:(?:so|ok|um+|hmm+)\W+)?(?:"
    r"(?:i'?m\s+|i am\s+)?(?:new here|new to (?:this|you|network coach)|first time (?:here|using "
    r"(?:this|you))|just (?:installed|added|found|joined) (?:you|this|the bot|network coach))"
    r"(?:\W+(?:so\s+)?(?:what (?:is|'s) this(?: thing| bot)?|what do (?:you|i) do|"
    r"where do i start|how does (?:this|it) work|what now|help)?)?|"
    r"what(?: is|'s) (?:this|this bot|this thing|network coach)(?: exactly| about| for)?|"
    r"what are you(?: exactly| for)?|who are you"
    r")\W*$",
    re.IGNORECASE,
)


# "hi! im marites, community manager here. how do i start": a newcomer says who they are, then
# asks how to begin. Only first-steps questions count after an introduction: "Hi! I'm Ravi from
# Acme. Can you share your pricing?" is a draft to someone else.
_INTRODUCED_THEN_ASKS = re.compile(
    r"^\W*(?:(?:hi|hey|hello|hiya|yo|heya|good (?:morning|afternoon|evening))\W+)?"
    r"(?:i'?m|im|i am|this is|my name is|name'?s)\s+[^\W\d_][\w'’.-]*"
    r"(?:\s+(?!(?:from|at|in|with|of|here)\b)[^\W\d_][\w'’.-]*)?"
    r"(?:\s*,\s*[^.!?]{1,60}?|\s+(?:from|at|in|with|of)\s+[^.!?,]{1,40}?)?\s*[.!,;]+\s*"
    r"(?:(?:i'?m\s+|i am\s+)?new (?:here|to this)\W+)?"
    r"(?:so\s+|ok\s+)?(?:how (?:do|can|should) i (?:start|begin|use (?:this|you|it)|get started)|"
    r"where do i (?:start|begin)|what do i do(?: first| now)?|how does (?:this|it) work|"
    r"what can you do|what (?:is|'s) this)\W*$",
    re.IGNORECASE,
)
_NEW_HERE_THEN_ASKS = re.compile(
    r"^\W*(?:i'?m\s+|i am\s+)?new (?:here|to this)\W+(?:so\s+)?"
    r"(?:what do i do(?: first| now)?|how do i (?:start|begin|get started))\W*$",
    re.IGNORECASE,
)


# Asked bluntly, with or without a question mark: "is my data safe", "privacy", "what do u do
# with my drafts", "why should i care about this".
_PRIVACY_ASKED = re.compile(
    r"^\W*(?:(?:data\s+)?privacy|(?:is|are)\s+my\s+(?:data|info|information|drafts?|contacts|"
    r"notes)\s+(?:safe|secure|private|encrypted|shared|sold)|where\s+(?:is|are)\s+my\s+(?:data|"
    r"drafts?|info)(?:\s+(?:stored|kept|saved))?|what\s+(?:do|will)\s+(?:you|u)\s+do\s+with\s+"
    r"my\s+(?:data|drafts?|notes|contacts|info)|do\s+(?:you|u)\s+(?:sell|share|read|keep|store)"
    r"\s+my\s+(?:data|drafts?|info)\b.*|"
    # "what do u store about me exactly?"
    r"what\s+(?:do|will|did)\s+(?:you|u)\s+(?:store|keep|save|know|log)\s+(?:about|on)\s+me\b.*|"
    # "does turning that off delete the drafts u already kept?" (`settings store-drafts off`)
    r"(?:does|will|would)\s+(?:turning|switching|setting)\b.{0,40}\b(?:delete|remove|erase|"
    r"wipe)\b.{0,40}\bdrafts?\b.*|"
    # "who sees the digest? does it show my contacts names"
    r"who\s+(?:sees|reads|gets|can\s+see|can\s+read)\s+(?:the\s+|my\s+|our\s+)?(?:weekly\s+)?"
    r"digest\b.*)\W*$",
    re.IGNORECASE,
)
# "where is my data stored - in EU? GDPR?": where it lives and under which law.
_WHERE_DATA_LIVES = re.compile(
    r"\bgdpr\b|\bdata (?:residency|protection|processing agreement)\b|\bdpa\b.*\?|"
    r"where\s+(?:is|are|do you (?:keep|store))\s+(?:my|the|our)\s+(?:data|drafts?|info|contacts)",
    re.IGNORECASE,
)
_WHY_CARE = re.compile(
    r"^\W*(?:so\s+)?why\s+(?:should|would)\s+i\s+(?:care|bother|use\s+(?:this|you|it))"
    r"(?:\s+(?:about|with)\s+(?:this|it|you))?\W*$",
    re.IGNORECASE,
)


def help_topic(text: str) -> tuple[bool, str | None]:
    """(is this a question about the bot, which command it is about if one)."""
    line = " ".join(text.strip().split()).lstrip("¿¡")
    if len(line.split()) > MAX_QUESTION_WORDS or "\n" in text.strip():
        return False, None
    if _PRIVACY_ASKED.match(line) or _WHERE_DATA_LIVES.search(line):
        return True, "privacy"
    if _WHY_CARE.match(line):
        return True, None
    if (
        _NEWCOMER.match(line)
        or _INTRODUCED_THEN_ASKS.match(line)
        or _NEW_HERE_THEN_ASKS.match(line)
    ):
        return True, None
    if _asks_what_to_write(line):
        return True, "writing"
    starter = _QUESTION.match(line) or _ASKED_LAST.search(line)
    if starter is None and _RULE_QUESTION.match(line) and _BOT_VOCABULARY.search(line):
        starter = _RULE_QUESTION.match(line)
    if starter is None and not (
        line.endswith("?") and len(line.split()) <= 8 and _mentions_bot(line)
    ):
        return False, None
    compared = _DIFFERENCE.search(line)
    compares_commands = (
        compared is not None
        and {
            compared["a"].lower(),
            compared["b"].lower(),
        }
        <= _COMMAND_WORDS
    )
    if (
        starter is not None
        and _ASKS_A_PERSON.match(line)
        and not _BOT_VOCABULARY.search(line)
        and not compares_commands
    ):
        # "Could you buy me a coffee?", "Can you meet Friday?": a message for someone else.
        return False, None
    if compares_commands:
        return True, None  # "the difference between done and cancel": the help on both
    for pattern, name in _TOPIC_RES:
        if pattern.search(line):
            return True, name
    if starter is not None and starter.groupdict().get("works"):
        return False, None  # "how do relationships work": about the bot only if it names a command
    return True, None


# "what's the difference between done and cancel?": two of the bot's words compared.
_DIFFERENCE = re.compile(
    r"^(?:what'?s|what is)\s+the\s+difference\s+between\s+(?P<a>[\w-]+)\s+and\s+(?P<b>[\w-]+)"
    r"[\s?!.]*$",
    re.IGNORECASE,
)


def _mentions_bot(line: str) -> bool:
    return bool(
        re.search(
            r"\b(?:bot|coach|commands?|you do|your name|my data|privacy)\b", line, re.IGNORECASE
        )
    )


# Question openings that people also use with each other.
_ASKS_A_PERSON = re.compile(
    r"(?:(?:hey|hi|ok|so)[\s,]+)?(?:can|could|would|will|do) you\b|what(?:'s| is) (?!due|overdue)",
    re.IGNORECASE,
)
# Words that make such a question one about the bot.
_BOT_VOCABULARY = re.compile(
    r"\b(?:follow[- ]?ups?|snooz(?:e|ing)|syntax|digest|remind(?:er)?s?|contacts?|commands?|"
    r"export|settings?|"
    r"time ?zone|stats|drafts?|help|do for me|you do|forget[- ]?me|notes?|"
    # "what's the right way to log someone I just met?"
    r"(?:log|record|add|save) (?:a |an )?(?:meeting|someone|somebody|people|person|contact|"
    r"new contact|coffee|chat)|"
    r"rename|overdue|shout-?outs|working hours|rules?|window|(?:10|ten)[- ]?days?|"
    r"rule of (?:two|2)|second touch|nudges?|a give|an ask|give[:/ ]ask|give first|"
    # "what happens when I mark someone done?", "what is this bot for?"
    r"mark (?:\w+\s+){0,2}(?:as\s+)?(?:done|finished|complete)|(?:this|the) bot)\b",
    re.IGNORECASE,
)


COMMAND_WORDS = frozenset(spec.name for spec in COMMAND_HELP)
_COMMAND_WORDS = frozenset(
    word for spec in COMMAND_HELP for word in (spec.name, *spec.words) if len(word) > 1
)
