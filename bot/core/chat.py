"""One-line answers to chat addressed to the coach: thanks, greetings, yes/no, bye, small talk."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from bot.core import ledger
from bot.core.help import example
from bot.core.messages import Action, Reply
from bot.core.rules import WINDOW_DAYS
from storage.names import name_key

NOTHING_CHANGED = "OK — I left everything as it was."

# A yes/no question waits this long for its answer; a later "yes" does nothing.
QUESTION_EXPIRES = timedelta(minutes=30)


def still_fresh(at: datetime | None, now: datetime) -> bool:
    """Whether something the conversation did at `at` (a question asked, a follow-up marked
    done) is recent enough for the next short line to be about it."""
    return at is not None and now - at <= QUESTION_EXPIRES


ONLY_A_GREETING = (
    "That's only the greeting of a message. Paste the whole message, greeting to sign-off, "
    "in one go and I'll review it."
)
EXPIRED_QUESTION = (
    f"My last question was asked more than {QUESTION_EXPIRES.seconds // 60} minutes ago, so I "
    "didn't act on that yes — nothing changed. Type the command again if you still want it."
)


def answer(intent: str, platform: str = "") -> Reply:
    if intent == "thanks":
        return Reply(text="You're welcome! Happy networking.")
    if intent == "greeting":
        return Reply(
            text=f"Hi! Tell me who you met, like {example('met')}, and I'll help you follow up "
            f"within {WINDOW_DAYS} days.",
            actions=(Action("My follow-ups", "list"), Action("What can you do?", "help")),
        )
    if intent == "no":
        return Reply(text=NOTHING_CHANGED)
    if intent == "yes":
        return Reply(
            text="Great. There was no question waiting for a yes; type `help` to see what I can do."
        )
    if intent == "ack":
        return Reply(text="Great — I'm here whenever you need me.")
    if intent == "bye":
        return Reply(text="Bye for now — I'll nudge you when a follow-up is due.")
    if intent == "draft-to-come":
        return Reply(text=DRAFT_WELCOME + (f" {CONSOLE_PASTE}" if platform == "console" else ""))
    if intent == "feedback":
        return Reply(
            text="Thanks for telling me. Under each draft review, the buttons tell me whether it "
            "helped."
        )
    return Reply(
        text=f"I'm your networking coach: I keep you following up within {WINDOW_DAYS} days and "
        "review drafts before you send them. Type `help` to see how.",
    )


# "how do I fix it?", "what should I say instead", "can you rewrite it": asked after a review.
_HOW_TO_FIX = re.compile(
    r"^\W*(?:(?:so|ok|okay|hmm+|um+|and|then|but|right)\W+)*(?:"
    r"(?:what|how)\s+(?:should|would|could|do|can|shall)\s+(?:i|we|you)\s+"
    r"(?:say|write|put|phrase|word|fix|change|improve|rewrite|reword|"
    r"do(?=\s+(?:instead|differently|better|to fix it)))\b"
    r"(?:\s+(?:it|this|that|instead|then|better|differently|to fix it))*|"
    r"(?:can|could|would|will)\s+(?:you|u)\s+(?:rewrite|fix|improve|reword|rephrase)\s+"
    r"(?:it|this|that|my draft|the draft)|"
    r"how\s+(?:to|do\s+i|can\s+i|should\s+i)\s+(?:fix|improve|rewrite|change|reword)\s+"
    r"(?:it|this|that|my draft|the draft)|"
    r"any\s+(?:suggestions?|ideas|tips)|what\s+would\s+you\s+(?:say|write)(?:\s+instead)?|"
    r"what\s+(?:to|do\s+i)\s+(?:say|write)\s+instead|(?:so\s+)?what\s+instead"
    r")\W*$",
    re.IGNORECASE,
)


NO_REVIEW_TO_FIX = (
    "Paste the draft you'd like to improve and I'll review it: each finding says what to change "
    "and shows a before and after."
)


def asks_how_to_fix(text: str) -> bool:
    """A question about mending the draft just reviewed."""
    return _HOW_TO_FIX.match(" ".join(text.split())) is not None


# "too salesy?", "is this too pushy?", "better?", "does that sound ok?": a line that asks only for
# a verdict, with no draft in it, is about the draft just reviewed. "ok?" or "good?" alone is not
# one: it may answer the coach.
_SALESY = r"(?:pushy|salesy|sales-y|spammy|aggressive|needy|desperate|salesy-sounding)"
_DEGREE = r"(?:(?:too|a bit|a little|kinda|kind of|still|overly|very|so)\s+)"
_READS = r"(?:sounds?|looks?|reads?|comes? across|seems?)(?:\s+(?:as|like))?"
_FINE = (
    r"(?:ok|okay|good|fine|alright|all right|better|right|natural|professional|friendly|"
    r"too much|too long|too formal|too casual)"
)
_ASKS_FOR_A_VERDICT = re.compile(
    r"^\W*(?:(?:so|ok|okay|hmm+|um+|and|now|how about now|what about now)\W+)*(?:"
    r"(?:is|was|does|did|would|will)\s+(?:this|that|it|the (?:new )?draft|my (?:new )?draft|"
    rf"the new one|this one|this version)\s+(?:{_READS}\s+)?{_DEGREE}?(?:{_SALESY}|{_FINE})|"
    rf"{_DEGREE}?{_SALESY}|too (?:much|long|formal|casual)|"
    rf"{_READS}\s+{_DEGREE}?(?:{_SALESY}|{_FINE})|"
    r"(?:any |much )?better|(?:ok|okay|good|safe|fine) to send|should i send (?:it|this|that)"
    r")(?:\s+(?:now|still|then|to send|enough))?\s*\?+\W*$",
    re.IGNORECASE,
)

DRAFT_WELCOME = (
    "Sure — paste the draft here, as you would send it (a signature or quoted thread under it is "
    "fine), and I'll review it."
)
# At `netcoach try` a message of several lines needs the console's paste mode.
CONSOLE_PASTE = "Here at the console: `/paste`, the message, then `/end`."

NO_REVIEW_TO_JUDGE = (
    "Paste the draft here, as you would send it, and I'll tell you: a value-first score, what "
    "reads as a hard sell, and what to change."
)


# "why is that bad?", "why was it flagged?", "what's wrong with it?", "why so low?": a question
# about the verdict just given, answered like "too salesy?" with the verdict and what to change.
_IT = r"(?:this|that|it|my (?:new )?draft|the (?:new )?draft|this one|my message|the message)"
_ASKS_WHY = re.compile(
    r"^\W*(?:(?:so|ok|okay|hmm+|um+|and|but|wait|huh)\W+)*(?:"
    rf"why(?:\s+(?:is|was|did|does)\s+{_IT}(?:\s+(?:get\s+)?"
    r"(?:bad|wrong|flagged|marked|rated|scored|judged|a hard sell|so (?:bad|low|salesy|pushy)|"
    r"salesy|pushy|low|not ok|not good))?)?(?:\s+(?:then|exactly|tho|though))?|"
    r"why (?:the|such a|so|a) low(?: score)?|why (?:so|such a) (?:low|bad)(?: score)?|"
    rf"what(?:'s|’s| is| was)\s+(?:so\s+)?(?:wrong|bad)\s+(?:with|about|in)\s+{_IT}|"
    rf"what(?:'s|’s| is)\s+the problem(?:\s+with\s+{_IT})?|how (?:is|was) {_IT} a hard sell"
    r")\s*\?+\W*$",
    re.IGNORECASE,
)


def asks_for_a_verdict(text: str) -> bool:
    """A question about how the draft just reviewed reads ("too salesy?", "why is that bad?")."""
    line = " ".join(text.split())
    return _ASKS_FOR_A_VERDICT.match(line) is not None or _ASKS_WHY.match(line) is not None


# "ok ill rewrite it", "will tone it down", "let me try again": the member will mend the draft.
_WILL = (
    r"(?:i'?ll|i will|i'?m going to|i'?m gonna|gonna|going to|will|let me|lemme|i need to|"
    r"need to|i'?m)\s+(?:(?:have to|try to|try and|go and)\s+)?"
)
_MEND = r"(?:re-?writ|re-?work|re-?d|re-?phras|re-?word|fix|edit|tweak|soften|shorten|redraft|ton)"
_WILL_REWRITE = re.compile(
    r"^\W*(?:(?:ok|okay|k|right|fair|fair enough|fair point|good point|got it|gotcha|true|"
    r"hmm+|yeah|yep|makes sense|thanks|thx|ugh|oof)\W+)*(?:"
    rf"(?:{_WILL}{_MEND}(?:e|o)?|(?:{_WILL})?{_MEND}o?ing)\b"
    r"(?:\s+(?:it|this|that|the draft|my draft|the note|the message|down|that one|this one|up|"
    r"a bit|now|then|later|first|again|tomorrow))*|"
    rf"{_WILL}(?:try|give it a go|have a go|take another (?:stab|pass|go))(?:\s+(?:it\s+)?again)?"
    r")\W*$",
    re.IGNORECASE,
)

REWRITE_WELCOME = "Good plan. Paste the new version here when it's ready and I'll review it again."


def will_rewrite(text: str) -> bool:
    """The member says they will mend the draft ("ok ill rewrite it"), and nothing else."""
    line = " ".join(text.replace("’", "'").split())
    return len(line.split()) <= 10 and _WILL_REWRITE.match(line) is not None


# "wrong flag", "that's not a hard sell", "it isn't pushy at all": the member disputes the
# verdict just given, in words instead of the "Wrong flag" button.
_DISPUTES = re.compile(
    r"^\W*(?:(?:no|nah|hmm+|um+|but|well|come on|ugh|wait)\W+)*(?:"
    r"(?:that'?s|that is|this is|it'?s|it is)?\s*(?:a\s+)?(?:(?:wrong|bad|false|unfair) "
    r"(?:flag|verdict)|wrong call)|"
    r"(?:that'?s|that is|this is|it'?s|it is|this isn'?t|that isn'?t|it isn'?t)\s+"
    r"(?:not\s+)?(?:a\s+)?(?:hard[- ]?sell|salesy|pushy|spam|spammy|a pitch)(?:\s+at all)?|"
    r"(?:you'?re|you are|u r) wrong(?: (?:here|there|about (?:this|that|it)))?|i disagree|"
    r"(?:this|that|it) (?:shouldn'?t|should not) (?:be|have been) flagged|"
    r"(?:why|how) (?:is|was) (?:this|that|it) (?:a )?hard[- ]?sell\W+(?:it'?s|it is) not"
    r")(?:[\s,;.!—–-]+.{0,80})?$",
    re.IGNORECASE,
)
_NOT = re.compile(r"\b(?:not|isn'?t|n'?t)\b", re.IGNORECASE)

NO_FLAG_TO_DISPUTE = (
    "Noted. My last review didn't flag anything lately, so there is nothing to mark wrong; the "
    "buttons under each review tell me whether it helped."
)


def disputes_the_flag(text: str) -> bool:
    """The member says the verdict just given was wrong ("wrong flag, this is my 2nd touch")."""
    line = " ".join(text.replace("’", "'").split())
    match = _DISPUTES.match(line)
    if match is None:
        return False
    # "it's salesy" agrees with the verdict; "it's not salesy" disputes it.
    said = line.lower()
    if re.search(r"hard[- ]?sell|salesy|pushy|spam|a pitch", said) and not re.search(
        r"wrong|bad|false|unfair|disagree|should", said
    ):
        return _NOT.search(said) is not None
    return True


# "sent it", "ok just sent it!", "I sent him the note", "message sent ✅": the member says the
# draft just reviewed went out. Past tense only: "sending it now" or "will send it" is not sent.
_LEAD_IN = r"(?:(?:ok|okay|k|done|great|cool|alright|right|so|and|yep|yes|yup|thanks|thx)\W+)*"
_SENT_IT = re.compile(
    rf"^\W*{_LEAD_IN}(?:"
    r"(?:i(?:'ve|\s+have)?\s+)?(?:just\s+|already\s+|finally\s+)?"
    r"(?:sent|posted|dm'?e?d|emailed|messaged|fired off|shot off)"
    r"(?:\s+(?:it|this|that|the (?:note|message|draft|email|e-mail|dm)|him|her|them|off|out|"
    r"over|to (?:him|her|them)|the new one|the new version))*"
    r"|(?:it'?s|it is|message|note|email|draft)\s+(?:been\s+)?sent"
    r")(?:\s+(?:now|just now|already|then))?\W*$",
    re.IGNORECASE,
)

SENT_WITHOUT_A_REVIEW = (
    "Nice — well done for sending it. If it was a follow-up, tell me who, like `done Jane Doe`, "
    "and I'll mark it."
)


def says_it_was_sent(text: str) -> bool:
    """The member says the draft went out ("sent it!"), with nothing else in the line."""
    line = " ".join(text.split())
    return not line.endswith("?") and _SENT_IT.match(line) is not None


# "sent him the article I mentioned", "just emailed her", "intro'd them to Sam": a touch with
# the person of the conversation, told with a pronoun and no command word.
_TOUCH_TOLD = re.compile(
    r"^\W*(?:(?:ok|okay|so|and|also|btw)[\s,]+)?(?:i\s+)?(?:'ve\s+|have\s+)?"
    r"(?:just\s+|already\s+|finally\s+)?(?:sent|emailed|e-mailed|messaged|texted|dm'?e?d|"
    r"forwarded|shared|intro'?d|introduced|thanked|pinged|called|wrote to|replied to|"
    r"got back to|reached out to)\s+(?:him|her|them)\b",
    re.IGNORECASE,
)


def tells_of_a_touch(text: str) -> bool:
    """The member says they just wrote to or helped the person the conversation is about."""
    line = " ".join(text.split())
    return not line.endswith("?") and len(line.split()) <= 20 and bool(_TOUCH_TOLD.match(line))


def touch_offer(name: str, follow_up_id: int, kind: ledger.TouchKind | None) -> Reply:
    """ "Sounds like you followed up with Tom. Mark follow-up #1 done?" with the kind the
    member's verb says, when it says one."""
    done = ledger.done_command(follow_up_id, kind) if kind else f"done #{follow_up_id}"
    return Reply(
        text=f"Sounds like you followed up with {name}. Mark follow-up #{follow_up_id} done?",
        actions=(Action("Mark it done", done, style="primary"), Action("Not yet", "no")),
        on_yes=done,
    )


# "no wait", "wait no", "hold on", "stop, don't": said right after a yes/no question, a no.
_HOLDS_BACK = re.compile(
    r"^\W*(?:(?:no+(?!\s+(?:problem|prob|worries|worry)\b)|nope|nah|wait|hold on|hang on|stop|"
    r"don'?t|do not|abort|not yet|not now|keep (?:it|them|everything|my data))"
    r"\b[\w\s,.!'’-]{0,30}|"
    # "cancel", "cancel that": but "cancel thiago, não é ICP" is a command of its own.
    r"cancel(?:\s+(?:that|it|this|everything|them|all))?(?:\s+(?:pls|please))?[\s.!]*)$",
    re.IGNORECASE,
)


def holds_back(text: str) -> bool:
    """A short line that declines the question just asked, in words "no" alone misses."""
    line = " ".join(text.split())
    return len(line.split()) <= 5 and _HOLDS_BACK.match(line) is not None


LONGEST_CHAT_CHARS = 1_500


def unclear(text: str, contact_names: list[str]) -> Reply:
    """Neither clearly a draft nor clearly chat: ask, with a button for each reading."""
    named = [name for name in contact_names if mentions(text, name)]
    actions: list[Action] = []
    if named:
        actions.append(Action(f"Log a meeting with {named[0]}", f"met {named[0]}"))
        actions.append(Action(f"Follow up with {named[0]}", f"follow-up {named[0]}"))
    actions.append(Action("Review as a draft", f"review {text}", style="primary"))
    lead = (
        f"Log a meeting with {named[0]}, or review this as a draft?"
        if named
        else ("Review this as a draft for someone else?")
    )
    return Reply(
        text=f"{lead} Choose below, or type a command (`help` lists them).",
        actions=tuple(actions),
        on_yes=f"review {text}" if not named else None,
    )


def names_a_contact(text: str, contact_names: list[str]) -> bool:
    """Whether `text` names one of the member's contacts (by first name)."""
    return any(mentions(text, name) for name in contact_names)


def mentions(text: str, name: str) -> bool:
    words = name_key(text).split()
    first = name_key(name).split()[:1]
    return bool(first) and first[0] in [w.strip(".,!?;:'\"") for w in words]
