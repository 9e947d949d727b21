"""Split a pasted message into the parts its reader sees: what the sender wrote, a P.S., the
sign-off and signature, and quoted history.

`split_parts(text)` returns `Part`s with `[start, end)` character spans into `text`, in order and
without overlaps. Only `written` and `ps` are the sender's own words; the rest is set aside.
`set_aside_blanked(text, parts)` gives a same-length copy in which everything set aside is blank,
so offsets found in it are offsets in the original (see `textnorm`).

Hand-written on purpose: see "Message parts" in docs/pasted-messages.md for the comparison with
quotequail and mail-parser-reply (`bench/parts_bench.py`). It works line by line, in one pass
per step:
1. quoted history: `>` lines with the attribution above them, "On … wrote:" and its translations,
   Outlook/Exchange header blocks, "-----Original Message-----", forwarded blocks (all to the
   end), chat-transcript headers (Slack "Name  10:42 AM", LinkedIn "… sent the following
   message at …", "Name • 14 Feb", "Replying to …") with the earlier message under them (a
   transcript pasted newest first keeps its top message instead), older messages listed with
   their day under the newest ("You (Mar 25): …", "Mar 18 · …") and a profile card
   ("Name · 2nd") under it;
2. in what is left, P.S. paragraphs (wherever they sit);
3. the signature: everything from the sign-off ("Best,", "— Sam", "--", "Sent from my iPhone",
   a confidentiality notice …) to the end of the sender's own block, except a P.S.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, NamedTuple

from coach_rules.textnorm import lower_same_length, may_match_ignoring_case

PartKind = Literal["written", "ps", "signature", "quote"]
JUDGED_KINDS: frozenset[str] = frozenset({"written", "ps"})

# --- quoted history ------------------------------------------------------------------------

_QUOTE_LINE = re.compile(r"^\s{0,3}(?:>|&gt;)")
# "On Tue, 3 Mar 2026 at 10:14, Ana <ana@x.com> wrote:" and what mail clients write instead.
_ATTRIBUTION = re.compile(
    r"""^\s*(?:
        on\s.{4,200}?\b(?:wrote|writes)\s?:
      | am\s.{4,200}?\bschrieb\b.{0,200}?:
      | le\s.{4,200}?\ba\s+écrit\s?:
      | el\s.{4,200}?\bescribió\s?:
      | em\s.{4,200}?\bescreveu\s?:
      | il\s.{4,200}?\bha\s+scritto\s?:
      | op\s.{4,200}?\bschreef\b.{0,200}?:
      | (?:den\s)?.{4,200}?\bskrev\b.{0,200}?:
      | w\sdniu\s.{4,200}?\bnapisał\w*\s?:
      | .{1,80}?\s(?:wrote|writes|schrieb|a\s+écrit|escribió|escreveu|ha\s+scritto
                    |napisał(?:\(a\)|a)?|nadesłał|napsal(?:\(a\)|a)?|kirjoitti|yazdı
                    |написал(?:\(а\)|а)?)\s?[:：]
      | .{1,80}?(?:写道|님이\s?작성하였습니다|書きました)\s?[:：]
      | .{0,80}\d.{0,80}<[^<>\s]+@[^<>\s]+>\s?[:：]
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_ATTRIBUTION_EMAIL = re.compile(r"@[\w-]+\.\w|\d{1,2}:\d{2}|\d{4}")
_SEPARATOR = re.compile(
    r"""^\s*(?:
        -{2,}\s*(?:original\s+message|ursprüngliche\s+nachricht|message\s+d'origine
                  |mensaje\s+original|mensagem\s+original|messaggio\s+originale)\s*-{2,}
      | -{2,}\s*(?:forwarded\s+message|weitergeleitete\s+nachricht|message\s+transféré
                  |mensaje\s+reenviado|mensagem\s+encaminhada)\s*-{2,}
      | begin\s+forwarded\s+message\s*:
      | \[?original\s+message\s+processed\s+by\s.*
      | -{3,}\s*earlier\s+in\s+this\s+conversation.*
      | -{3,}\s?[^\W\d_][^-\n]{2,40}?\s?-{3,}
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Outlook/Exchange header fields in the languages Outlook ships; a block needs a From-like line
# and a second field within the next few lines.
_UNDERSCORES = re.compile(r"^\s*_{20,}\s*$")
_HEADER_FROM = re.compile(
    r"^\s*\**(?:from|de|von|van|da|od|från|fra|发件人|寄件者|보낸\s?사람|差出人)\s?[:：]\**\s?\S",
    re.IGNORECASE,
)
_HEADER_OTHER = re.compile(
    r"^\s*\**(?:sent|date|to|subject|cc|envoyé|à|objet|date|gesendet|an|betreff|datum|enviado"
    r"|para|asunto|fecha|assunto|data|inviato|oggetto|a|verzonden|aan|onderwerp|wysłano|do"
    r"|temat|dw|skickat|till|ämne|sendt|til|emne|enviada|odesláno|komu|předmět|organi[sz]ation"
    r"|kopie|kopi|dato|收件人|主题|日期|发送时间|抄送|받는\s?사람|제목|날짜|送信日時|宛先|件名)"
    r"\s?[:：]\**",
    re.IGNORECASE,
)
# A date in a chat header: "Apr 1", "14 Feb", "Mar 30, 2026".
_HEADER_DATE = r"(?:[a-z]{3,9}\.?\s\d{1,2}|\d{1,2}\s[a-z]{3,9}\.?)(?:,?\s\d{4})?"
# A day a chat header may name after its time: "(Apr 1)", ", Mar 30", "· yesterday", "(3 days
# later)".
_HEADER_DAY = (
    rf"(?:\s?[(,·•|–—-]\s?|\s)(?:{_HEADER_DATE}"
    r"|today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    # a reminder tool's "Jordan Fisk 10:00 AM (3 days later)"
    r"|\d{1,2}\s(?:days?|weeks?|hours?)\slater)\)?"
)
# Chat transcripts pasted above the reply.
_CHAT_HEADER = re.compile(
    r"""^\s*(?:
        replying\s+to\s.{1,80}?:.*
      | .{1,60}?\ssent\s+the\s+following\s+messages?\s+at\s+\d{1,2}:\d{2}(?:\s?[ap]m)?
        (?:_DAY_)?
      | [^\W\d_][\w.'’ -]{0,50}?(?:\s{2,}|\s?[,·•|–—-]\s?|\s)\[?\d{1,2}:\d{2}(?:\s?[ap]m)?\]?
        (?:_DAY_)?
      # LinkedIn's "You • 14 Feb", "Harpreet Kaur • 6 Mar": a name, a dot, the day (no time);
      # or the connection's degree: "Mehmet Yılmaz • 2nd", "Mehmet Yılmaz • 2nd · Apr 3"
      | [^\W\d_][\w.'’ -]{0,50}?\s?[·•]\s?
        (?:(?:1st|2nd|3rd\+?)(?:\s?[·•]\s?_DATE_)?|_DATE_)
      # "[10:21 AM] Harris, Jade": Teams, surname first
      | \[\d{1,2}:\d{2}(?:\s?[ap]m)?\]\s?[^\W\d_][\w.,'’ -]{0,50}:?
      | (?:(?:[a-z]{3,9}\.?\s\d{1,2}|\d{1,2}\s[a-z]{3,9}\.?)(?:,?\s\d{4})?
           (?:,?\s(?:at\s)?\d{1,2}:\d{2}(?:\s?[ap]m)?)?
         | (?:today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)
           (?:,?\s(?:at\s)?\d{1,2}:\d{2}(?:\s?[ap]m)?)?
         | \d{1,2}:\d{2}(?:\s?[ap]m)?)
      | (?:previous|earlier|original|your|my)\s+message(?:\s.{0,40})?:
      | (?:in\s+reply\s+to|quote\s+from|quoting)\s.{1,60}
      | .{1,60}?\s(?:replied|commented|posted|said)(?:\s(?:to\s.{1,40}|in\s.{1,40}))?:?
    )\s*$""".replace("_DAY_", _HEADER_DAY).replace("_DATE_", _HEADER_DATE),
    re.IGNORECASE | re.VERBOSE,
)
_MONTH_OR_DAY = re.compile(
    r"^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|today|yesterday|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday|\d{1,2}\s[a-z]{3,9}\b|\d{1,2}:\d{2}|\[\d"
    r"|(?:previous|earlier|original|your|my)\s+message|in\s+reply\s+to|quote\s+from|quoting)",
    re.I,
)
# A pasted thread's label above its quoted message: "Thread in #jobs-board", "**#general** ›
# thread", "In #design:". Short, names a channel or a thread, and is no sentence.
_THREAD_HEADER = re.compile(
    r"^\s*(?=.*(?:#[\w-]|\bthread\b))(?!.*[.?!]\s*$)[^\n]{1,60}$", re.IGNORECASE
)
# A reply label with the message it answers on the same line, too long for a chat header.
_REPLYING_TO_WITH_MESSAGE = re.compile(
    r"^\s*(?:replying\s+to|in\s+reply\s+to)\s(?:[^:\n]{1,80}:\s*[\"“«]|[^:\n]{0,60}#[^:\n]{1,40}:).{40,}$",
    re.IGNORECASE,
)
# A day before today named in a chat header: "Mar 30", "14 Feb", "yesterday", "Monday".
_EARLIER_DAY = re.compile(
    r"\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s\d{1,2}\b"
    r"|\d{1,2}\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\b"
    r"|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
    re.IGNORECASE,
)
# An older message quoted below the sender's newest one, on one line with its label: "Sent Mar
# 20: …", "You (Mar 25): …", "Anil Kumar · Mar 31 · …", "InMail · Apr 1 · …", "Mar 18: …",
# "Apr 2 - Hi Rachel, …", "Mar 30 · You: …", "You · 11:02 AM · …". A name (or You, Sent,
# InMail), a day or a time, and a mark, then the message.
_LABEL_DAY = (
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s\d{1,2}"
    r"|\d{1,2}\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?"
    r"|\d{1,2}:\d{2}(?:\s?[ap]m)?)(?:,?\s\d{4})?"
)
# A LinkedIn connection's degree after their name: "Tan Wei Ming · 2nd", "Olivia Grant • 3rd+".
_DEGREE = re.compile(r"[·•]\s?(?:1st|2nd|3rd\+?)\b")
_DIGIT = re.compile(r"\d")
# A LinkedIn member's headline under their name and degree: "Founder @ MeetFlow", "Account
# Executive at DataLens", "Career Coach | Resume Writer". Short, no sentence, a job in it.
_HEADLINE = re.compile(
    r"^(?!.*[.?!]\s*$)(?=.{2,100}$)(?!\s*(?:hi|hello|hey|dear)\b)"
    r".*(?:\s(?:at|@)\s|@\S|\s\|\s|\b(?:founder|co-?founder|ceo|cto|cfo|coo|vp|director|head"
    r"|manager|lead|engineer|designer|developer|consultant|coach|recruiter|executive|analyst"
    r"|officer|partner|student|specialist|advisor|owner|president|architect|scientist"
    r"|researcher|writer|marketer|strategist)\b)",
    re.IGNORECASE,
)
# How long ago a LinkedIn post or comment was made: "1w", "3d", "2h", "5mo", "1w • Edited".
_TIME_AGO = re.compile(r"^\s*\d{1,2}\s?(?:m|h|d|w|mo|y|yr)s?\b(?:\s?[·•].{0,20})?\s*$", re.I)
# A post's action bar and counts pasted with it: "Like · Comment · Repost", "312 reactions · 87
# comments", "Like · Reply". Page furniture, never the sender's words. Two items or more, so a
# line holds one of the separators (asked first: a quick test).
_ACTION_BAR = re.compile(
    r"^\s*(?:(?:like|comment|repost|share|send|reply"
    r"|\d[\d,.]*k?\s+(?:reactions?|likes?|comments?|reposts?|shares?|replies|reply|impressions"
    r"|views))\s*[·•|]\s*)+(?:like|comment|repost|share|send|reply"
    r"|\d[\d,.]*k?\s+(?:reactions?|likes?|comments?|reposts?|shares?|replies|reply|impressions"
    r"|views))\s*$",
    re.IGNORECASE,
)


def _has_separator_dot(text: str) -> bool:
    return "·" in text or "•" in text or "|" in text


MAX_LABEL_CHARS = 80  # a label's digit comes before this
# "Anil Kumar", "Jonas de Boer": capitalised words, a short particle between them.
_LABEL_NAME = r"(?-i:[A-Z][\w'’.-]*(?:\s(?:[a-z]{1,3}\s)?[A-Z][\w'’.-]*){0,3})"
_LABELLED_OLDER_MESSAGE = re.compile(
    r"^\s*(?:(?:you|me|sent|inmail|_NAME_)"
    r"(?:\s?\(_DAY_\)|\s?[·•]\s?_DAY_|\s_DAY_)\s?[:·•]"
    r"|_DAY_\s?(?:[:·•]|\s-)(?:\s?(?:you|me|_NAME_):)?"
    r")\s?\S".replace("_DAY_", _LABEL_DAY).replace("_NAME_", _LABEL_NAME),
    re.IGNORECASE,
)
_PERSON_NAME = re.compile(r"^\s*[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}\s*$")

# --- P.S. and signature --------------------------------------------------------------------

_PS_STRICT = re.compile(
    r"^\s*(?:p\.\s?p\.\s?s\.?|p\.\s?s\.?|ps\s?[:.\-–—]|ps\s|p\.\s?d\.|pd\s?[:.])", re.I
)
_SIG_DASHES = re.compile(r"^\s*(?:--|—|–|_{2,})\s*$")
# Newsletter and mail-server footers.
_FOOTER = re.compile(
    r"unsubscribe|update\s+(?:your\s+)?preferences|manage\s+preferences|receiving\s+this"
    r"|sent\s+to\s+you\s+by|copyright|©|all\s+rights\s+reserved|mailing\s+address"
    r"|scanned\s+for\s+viruses|before\s+printing|my\s+working\s+hours|to\s+stop\s+receiving",
    re.IGNORECASE,
)
# A word of each footer phrase: the pattern is slow on a long line, so it runs only after one.
_FOOTER_WORDS = (
    "unsubscribe", "preferences", "receiving", "sent", "copyright", "©", "reserved", "mailing",
    "viruses", "printing", "working",
)  # fmt: skip
_TEAM_NAME = re.compile(r"^\s*[-–—~]?\s?the\s.{1,50}\steam\s*$", re.IGNORECASE)
_SENT_FROM = re.compile(
    r"^\s*(?:sent\s+from\s+my\s[\w'’ -]{1,40}$|sent\s+from\s+(?:outlook|mail|yahoo)\b"
    r"|get\s+outlook\s+for\b"
    r"|enviado\s+desde\s+mi\b|von\s+meinem\s.+\sgesendet|envoyé\s+de\s+mon\b"
    r"|inviato\s+da\b|enviado\s+do\s+meu\b|verzonden\s+vanaf\b|sendt\s+fra\s+min\b"
    r"|skickat\s+från\s+min\b|wysłano\s+z\b|gesendet\s+von\b|envoyé\s+depuis\b"
    r"|odesláno\s+z\b|내\s.{1,30}에서\s보냄|从我的.{1,30}发送)",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"^\s*\**(?:confidential|confidentiality|disclaimer|privileged|caution|important\s+notice"
    r"|notice\s*:|this\s+(?:e-?mail|message|communication|transmission)\b.{0,80}"
    r"\b(?:confidential|intended|privileged)|the\s+(?:content|information)\s+(?:of|in|contained)"
    r"\s.{0,40}(?:confidential|intended)|please\s+consider\s+the\s+environment|"
    r"diese\s+e-?mail\b|ce\s+(?:message|courriel)\b.{0,40}confidenti|"
    r"este\s+(?:mensaje|correo)\b)",
    re.IGNORECASE,
)
_VALEDICTION = re.compile(
    r"""^\s*(?:
        (?:best|warm|warmest|kind|kindest|many|all\s+the|with\s+(?:warm|best|kind)|thanks\s+and
          |thanks\s+&|warm\s+and|thank\s+you\s+and)?\s*
        (?:regards|wishes|best|thanks|thank\s+you|cheers|greetings)
      | best | warmly | cheers | thanks | thank\s+you | thx | ty | tks | rgds | br | sincerely
      | yours(?:\s+(?:sincerely|truly|faithfully))? | (?:very\s+)?truly\s+yours | respectfully
      | talk\s+soon | speak\s+soon | take\s+care | all\s+the\s+best | ciao | cordially | love
      | thanks\s+and\s+god\s+bless | god\s+bless | thanks\s+po | thanks\s+(?:so|very)\s+much
      | thanks\s+again | thanks\s+in\s+advance | with\s+gratitude | gratefully | onwards
      | saludos(?:\s+cordiales)? | un\s+saludo | atentamente | abrazos? | abraço | abraços
      | atenciosamente | cumprimentos | bien\s+à\s+vous | cordialement | amicalement | bises
      | (?:bien\s+)?à\s+bientôt | merci | (?:viele|beste|liebe|herzliche|freundliche)\s+grüße
      | mit\s+freundlichen\s+grüßen | lg | vg | mfg | gruß | groetjes | groeten
      | met\s+vriendelijke\s+groet(?:en)? | un\s+saluto | cordiali\s+saluti | saluti
      | a\s+presto | pozdrawiam | hälsningar | mvh | hilsen | xx | xoxo
      | (?:med\s+)?venlig(?:e)?\s+hilsen? | med\s+vänliga\s+hälsningar | vänliga\s+hälsningar
      | z\s+poważaniem | s\s+pozdravem | met\s+groet | hartelijke\s+groet(?:en)?
      | gracias | obrigad[oa] | danke(?:\s+schön)? | grazie | dank\s?je(?:\s+wel)?
      | merci\s+beaucoup | stay\s+(?:well|safe) | blessings | hugs | peace
      | (?:sincerely|respectfully|faithfully)\s+yours
      | with\s+(?:appreciation|thanks|love|gratitude|best\s+wishes) | kr | tschüss | un\s+abrazo
      | abbracci | namaste | shukran | asante | regards\s+and\s+thanks | best\s+of\s+luck
      | (?:thanks|thank\s+you|cheers)\s+(?:a\s+lot|again|mate|heaps|all|so\s+much)
    )\s*[,.!]*\s*(?:[-–—]?\s*[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2})?\s*[,.!🙂😊]*\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# "— Sam", "-J", "xx Emily", "rico x", "Chloe 🙂", "The InfluenceHQ team"
_DASH_NAME = re.compile(
    r"^\s*[-–—~/]\s?(?:the\s)?[^\W\d_][\w'’.-]*(?:\s[^\W\d_][\w'’.&-]*){0,3}\s*$", re.IGNORECASE
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s")
_SHORT_NAME = re.compile(
    r"^\s*(?:xx?\s)?(?:[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.&-]*){0,3}|[^\W\d_][\w'’-]*)"
    r"(?:\s(?:x|xx))?\s?[🙂😊👋✌️🙏]*\s*$"
)
_GREETING_LINE = re.compile(r"^\s*(?:hi|hello|hey|dear|hej|hallo|hola|bonjour|ciao|olá|oi)\b", re.I)
# Evidence of a contact block: a phone number, an e-mail address, pronouns, "T:"-style labels, a
# profile link or a line that is nothing but a web address.
_CONTACT = re.compile(
    r"(?<![\d.])\+?\(?\d{1,4}\)?(?:[\s-]\(?\d{2,5}\)?){2,}(?![\d.])|[\w.+-]+@[\w-]+\.\w"
    r"|linkedin\.com/in/|^\s*(?:https?://|www\.)\S+\s*$"
    r"|\b(?:she|he|they)\s?/\s?(?:her|him|them)\b|^\s*(?:t|m|p|e|w|tel|mob|mobile|phone|office|fax"
    r"|email|e-mail|web|cell)\s*[:.|]",
    re.IGNORECASE,
)
MAX_CONTACT_LINE_CHARS = 70
_SENTENCE_END = re.compile(r"[.?!:;]\s*$")

MAX_SIGN_OFF_WORDS = 6
MAX_CHAT_HEADER_CHARS = 90
MAX_SIGNATURE_LINE_CHARS = 90


@dataclass(frozen=True)
class Part:
    kind: PartKind
    start: int
    end: int

    def to_dict(self) -> dict[str, int | str]:
        return {"kind": self.kind, "start": self.start, "end": self.end}


class _Line(NamedTuple):  # a tuple: built for every line of every draft
    start: int  # offset of the first character
    end: int  # offset just past the last character, newline excluded
    text: str
    blank: bool


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append(_Line(offset, offset + len(body), body, not body.strip()))
        offset += len(raw)
    return lines


# --- step 1: quoted history ----------------------------------------------------------------


def _is_attribution(lines: list[_Line], i: int) -> int:
    """How many lines (1-3) starting at `i` form an "On … wrote:" line, or 0."""
    # Cheap test first: the attribution ends with a colon on one of its (up to 3) lines.
    if not any(ln.text.rstrip().endswith((":", "：")) for ln in lines[i : i + 3]):
        return 0
    joined = ""
    for n in range(3):
        if i + n >= len(lines) or lines[i + n].blank:
            return 0
        joined = f"{joined} {lines[i + n].text.strip()}".strip()
        if joined.endswith((":", "：")) and _ATTRIBUTION.match(joined):
            return n + 1
        if len(joined) > 300:
            return 0
    return 0


def _is_outlook_block(lines: list[_Line], i: int) -> bool:
    if _UNDERSCORES.match(lines[i].text):
        after = _next_nonblank(lines, i + 1)
        return after < len(lines) and _is_outlook_block(lines, after)
    if not _HEADER_FROM.match(lines[i].text):
        return False
    following = [ln for ln in lines[i + 1 : i + 6] if not ln.blank][:4]
    return sum(bool(_HEADER_OTHER.match(ln.text)) for ln in following) >= 1


def _next_nonblank(lines: list[_Line], i: int) -> int:
    while i < len(lines) and lines[i].blank:
        i += 1
    return i


def _paragraph_end(lines: list[_Line], i: int) -> int:
    """Index just past the paragraph starting at line `i`."""
    while i < len(lines) and not lines[i].blank:
        i += 1
    return i


# Every chat-header form holds a digit or a colon, or one of these words (the weekdays, today
# and yesterday end in "day"): a line with none is passed without trying the slow pattern.
_CHAT_HEADER_MARKS = re.compile(r"[\d:]")
_CHAT_HEADER_WORDS = ("day", "repl", "quot", "commented", "posted", "said")


def _may_be_chat_header(line: str) -> bool:
    return bool(_CHAT_HEADER_MARKS.search(line)) or may_match_ignoring_case(
        lower_same_length(line), _CHAT_HEADER_WORDS
    )


def _is_chat_header(lines: list[_Line], i: int) -> bool:
    line = lines[i].text
    if not _may_be_chat_header(line) or not _CHAT_HEADER.match(line):
        return False
    if _MONTH_OR_DAY.match(line) or "replying to" in line.lower() or "sent the following" in line:
        return True
    # "Name  10:42 AM", "Ana Lima replied:": a person's name first, and a short line.
    return bool(re.match(r"^\s*[A-Z]", line)) and len(line.split()) <= 8


def _chat_header_group(lines: list[_Line], i: int) -> int:
    """Lines in the chat-transcript header starting at `i` ("Mar 3" / "Name  4:07 PM" /
    "Name" then "Mar 3, 4:07 PM" / "Today" then "Name"), or 0."""
    n = 0
    while i + n < len(lines) and not lines[i + n].blank:
        line = lines[i + n]
        if _is_chat_header(lines, i + n):
            n += 1
            continue
        # A bare name above or below a date line belongs to the header.
        nxt = i + n + 1
        above_date = nxt < len(lines) and _is_chat_header(lines, nxt)
        below_date = n > 0 and _MONTH_OR_DAY.match(lines[i + n - 1].text)
        if (
            _PERSON_NAME.match(line.text)
            and len(line.text.split()) <= 4
            and (above_date or below_date)
        ):
            n += 1
            continue
        break
    if n and not any(_is_chat_header(lines, k) for k in range(i, i + n)):
        return 0
    return n


def _older_message_below(lines: list[_Line], i: int, group: int, body_end: int) -> int | None:
    """Where the older messages start when a transcript was pasted newest first, else None.

    The header at `i` (`group` lines) names no day and the next header below it names an
    earlier one ("Karen Webb sent the following message at 11:20 AM" over "… at 2:14 PM (Apr
    1)", "Sergio 4:45 PM" over "Sergio 4:44 PM (Mar 30)"): the top message is the newest."""
    if any(_EARLIER_DAY.search(lines[k].text) for k in range(i, i + group)):
        return None
    k = _next_nonblank(lines, body_end)
    while k < len(lines):
        if len(lines[k].text) <= MAX_CHAT_HEADER_CHARS:
            below = _chat_header_group(lines, k)
            if below:
                days = any(_EARLIER_DAY.search(lines[n].text) for n in range(k, k + below))
                return k if days else None
        k = _next_nonblank(lines, _paragraph_end(lines, k))
    return None


def _is_profile_card(lines: list[_Line], i: int, group: int, body_end: int) -> bool:
    """Whether the header at `i` is a member's card: a name with the degree over one headline
    ("Connor Hughes • 1st" / "Founder @ MeetFlow"), not a message."""
    return (
        any(_DEGREE.search(lines[k].text) for k in range(i, i + group))
        and body_end == i + group + 1
        and _HEADLINE.match(lines[i + group].text) is not None
    )


def _with_headline(lines: list[_Line], i: int, group: int) -> int:
    """`group` grown by the headline and the time-ago lines under a comment's name and degree,
    when the comment's own words follow in the same paragraph."""
    k = i + group
    for pattern in (_HEADLINE, _TIME_AGO):
        if k + 1 < len(lines) and not lines[k + 1].blank and pattern.match(lines[k].text):
            k += 1
    return k - i


_LINKS_ONLY = re.compile(r"^\s*(?:(?:https?://|www\.)\S+\s*)+$", re.IGNORECASE)


def _next_own_paragraph(lines: list[_Line], i: int) -> int:
    """The next non-blank line from `i` that is not in a paragraph of links only."""
    k = _next_nonblank(lines, i)
    while k < len(lines):
        end = _paragraph_end(lines, k)
        if not all(_LINKS_ONLY.match(lines[n].text) for n in range(k, end)):
            return k
        k = _next_nonblank(lines, end)
    return k


def _only_older_messages_from(lines: list[_Line], i: int) -> bool:
    """Whether every paragraph from line `i` to the end opens with a labelled older message
    (a dated list in the sender's own text, followed by more of it, is theirs)."""
    k = i
    while k < len(lines):
        if not _LABELLED_OLDER_MESSAGE.match(lines[k].text):
            return False
        k = _next_nonblank(lines, _paragraph_end(lines, k))
    return True


def _quoted_lines(lines: list[_Line]) -> list[bool]:
    """For each line, whether it is quoted history."""
    quoted = [False] * len(lines)
    first_text = _next_nonblank(lines, 0)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.blank:
            i += 1
            continue
        attribution = _is_attribution(lines, i)
        if i == first_text and _is_outlook_block(lines, i):
            # Headers above everything else belong to the pasted message itself: set aside the
            # header lines, judge the message under them.
            header_end = _paragraph_end(lines, i)
            for k in range(i, header_end):
                quoted[k] = True
            i = header_end
            continue
        if _SEPARATOR.match(line.text) or _is_outlook_block(lines, i):
            for k in range(i, len(lines)):
                quoted[k] = True
            break
        if attribution:
            after = _next_nonblank(lines, i + attribution)
            if after < len(lines) and _QUOTE_LINE.match(lines[after].text):
                # "X wrote:" over `>` lines: only the attribution here; the `>` lines follow.
                for k in range(i, after):
                    quoted[k] = True
                i = after
                continue
            if i == first_text and not _ATTRIBUTION_EMAIL.search(
                " ".join(ln.text for ln in lines[i : i + attribution])
            ):
                # "Lukas Meier wrote:" over a chat message, above the reply: the message under it
                # is history, what follows is the reply.
                body = _next_nonblank(lines, i + attribution)
                body_end = _paragraph_end(lines, body)
                if _next_nonblank(lines, body_end) < len(lines):
                    for k in range(i, body_end):
                        quoted[k] = True
                    i = body_end
                    continue
            for k in range(i, len(lines)):
                quoted[k] = True
            break
        if _QUOTE_LINE.match(line.text):
            block_end = i
            while block_end < len(lines) and _QUOTE_LINE.match(lines[block_end].text):
                block_end += 1
            labelled = i > first_text and all(
                _THREAD_HEADER.match(ln.text) for ln in lines[:i] if not ln.blank
            )
            own_above = i > first_text and not any(quoted[:i]) and not labelled
            own_below = _next_nonblank(lines, block_end) < len(lines)
            # A `>` block between the sender's own paragraphs, with no history above it, is
            # the sender quoting a line in markdown (a paper, a testimonial): their own text.
            if not (own_above and own_below):
                # A channel or thread label right above the quote ("Thread in #jobs") goes with it.
                start = first_text if labelled else i
                for k in range(start, block_end):
                    quoted[k] = True
            i = block_end
            continue
        opens_paragraph = i == 0 or lines[i - 1].blank
        if (
            opens_paragraph
            and i > first_text
            # every such label holds a day's or a time's digit near the start: a quick look first
            and _DIGIT.search(line.text, 0, MAX_LABEL_CHARS)
            and _LABELLED_OLDER_MESSAGE.match(line.text)
            and not any(quoted[:i])
            and _only_older_messages_from(lines, i)
        ):
            # Older messages listed under the sender's newest one, each with its day: history.
            for k in range(i, len(lines)):
                quoted[k] = True
            break
        if opens_paragraph and _REPLYING_TO_WITH_MESSAGE.match(line.text):
            # "Replying to Ana in #help: "…"": the message answered, on the label's own line.
            end = _paragraph_end(lines, i)
            for k in range(i, end):
                quoted[k] = True
            i = end
            continue
        group = (
            _chat_header_group(lines, i)
            if opens_paragraph and len(line.text) <= MAX_CHAT_HEADER_CHARS
            else 0
        )
        if opens_paragraph and _has_separator_dot(line.text) and _ACTION_BAR.match(line.text):
            # "Like · Comment · Repost" under a pasted post: the page's, with the post above.
            end = _paragraph_end(lines, i)
            if all(_ACTION_BAR.match(lines[k].text) for k in range(i, end)):
                for k in range(i, end):
                    quoted[k] = True
                i = end
                continue
        degree = bool(group) and i > first_text and _DEGREE.search(line.text) is not None
        own_above = degree and any(not quoted[k] and not lines[k].blank for k in range(i))
        if degree and not own_above:
            # "Rohan Batra • 2nd" under a pasted post and its action bar: a comment's header,
            # with the commenter's headline and how long ago ("Founder @ SynergyMed", "1w").
            group = _with_headline(lines, i, group)
        if own_above:
            # "Bruno Carvalho · 1st" under the sender's message: the reader's profile card and
            # the conversation pasted with it, all history.
            for k in range(i, len(lines)):
                quoted[k] = True
            break
        if group:
            for k in range(i, i + group):
                quoted[k] = True
            body = i + group
            body_end = _paragraph_end(lines, body)
            # Only the transcript's top header can open a newest-first paste, and only a
            # message's header, not a profile card ("Connor Hughes • 1st" over "Founder @
            # MeetFlow"):
            # "Samuel Adjei • 2:45 PM" under "JAN 10" messages is followed by "JAN 20" in order.
            older = (
                _older_message_below(lines, i, group, body_end)
                if not any(quoted[:i]) and not _is_profile_card(lines, i, group, body_end)
                else None
            )
            if older is not None:
                # Pasted newest first: the message under this header is the sender's newest,
                # and everything from the older one below is history.
                for k in range(older, len(lines)):
                    quoted[k] = True
                break
            # The message under a header is earlier history unless it is the newest one (the
            # last; links pasted under it in paragraphs of their own go with it).
            if _next_own_paragraph(lines, body_end) < len(lines):
                for k in range(body, body_end):
                    quoted[k] = True
                i = body_end
            else:
                i = len(lines)
            continue
        i += 1
    return quoted


# --- steps 2 and 3: P.S. and signature in the sender's own block ---------------------------


# A note under the sign-off that tells the reader what the sender gains reads like a P.S.:
# "Disclosure: that's an affiliate link", "Full disclosure — I get a small commission".
_DISCLOSURE_NOTE = re.compile(
    r"^\s*(?:\(?\s*(?:full\s+|affiliate\s+)?disclosure\b|transparency\s*[:—–-]"
    r"|(?:fyi|note|heads[\s-]up)\s*[:,—–-]?\s*(?:that'?s|it'?s|(?:this|that|it)\s+is|the\s+link\s+is|"
    r"those\s+are)\s+(?:an?\s+|my\s+)?(?:affiliate|referral|ref)\b)",
    re.I,
)


def _is_ps(text: str) -> bool:
    return bool(_PS_STRICT.match(text) or _DISCLOSURE_NOTE.match(text))


def _is_closing_line(lines: list[_Line], i: int, end: int) -> bool:
    """A short line ending in a comma with a name right under it ("Go Eagles,\nRyan")."""
    text = lines[i].text.strip()
    if not text.endswith(",") or len(text.split()) > 4 or i + 1 >= end:
        return False
    name = lines[i + 1].text
    return bool(_SHORT_NAME.match(name) or _DASH_NAME.match(name)) and not _GREETING_LINE.match(
        text
    )


def _is_contact_block(lines: list[_Line], i: int, end: int) -> bool:
    """Line `i` opens a paragraph of short contact lines (phone, e-mail, web, pronouns) that runs
    to `end` with nothing but more signature lines after it."""
    if i > 0 and not lines[i - 1].blank:
        return False
    paragraph = [ln.text for ln in lines[i : _paragraph_end(lines, i)]]
    if not all(len(t.strip()) <= MAX_CONTACT_LINE_CHARS for t in paragraph):
        return False
    rest = [ln.text for ln in lines[i:end] if not ln.blank]
    return (
        not any(_LIST_ITEM.match(t) for t in paragraph)
        and any(_CONTACT.search(t) for t in paragraph)
        and all(_looks_like_signature_line(t) or _is_notice(t) for t in rest)
    )


def _is_notice(text: str) -> bool:
    """A disclaimer, "Sent from my …" or newsletter footer line."""
    return bool(_DISCLAIMER.match(text) or _SENT_FROM.match(text) or _is_footer(text))


def _is_footer(text: str) -> bool:
    return may_match_ignoring_case(lower_same_length(text), _FOOTER_WORDS) and bool(
        _FOOTER.search(text)
    )


def _looks_like_signature_line(text: str) -> bool:
    stripped = text.strip()
    return len(stripped) <= MAX_SIGNATURE_LINE_CHARS and len(stripped.split()) <= 10


def _is_sign_off(lines: list[_Line], i: int, end: int) -> bool:
    """Line `i` opens the sign-off when it is a valediction, a "— Name", or a short name, and
    what follows it up to `end` reads as a signature (short lines, a P.S., a disclaimer)."""
    text = lines[i].text
    words = text.split()
    if not words or len(words) > MAX_SIGN_OFF_WORDS:
        return False
    is_valediction = bool(_VALEDICTION.match(text)) or _is_closing_line(lines, i, end)
    first_in_paragraph = i == 0 or lines[i - 1].blank
    is_name = (
        bool(_TEAM_NAME.match(text))
        or (bool(_DASH_NAME.match(text)) and first_in_paragraph and not _in_list(lines, i))
        or (
            bool(_SHORT_NAME.match(text))
            and len(words) <= 3
            and first_in_paragraph
            and not _GREETING_LINE.match(text)
            and not text.rstrip().endswith(".")
        )
    )
    if not (is_valediction or is_name):
        return False
    rest = [k for k in range(i + 1, end) if not lines[k].blank]
    if is_valediction and first_in_paragraph and rest and rest[0] <= i + 2:
        # "Best,\nAna": a valediction over a short name closes the message; whatever follows
        # (contact block, footer, notices) is signature.
        name = lines[rest[0]].text
        if (
            _SHORT_NAME.match(name)
            or _DASH_NAME.match(name)
            or _TEAM_NAME.match(name)
            or len(name.split()) <= 4
        ):
            return True
    if not rest:
        # A lone "Best," closes the message; a closing "Thank you all!" is a sentence of it.
        # "Cheers, Neil" and "xx Emily" do too.
        signed = len(words) >= 2 and words[-1][:1].isupper()
        return text.rstrip().endswith(",") or signed or (is_name and not is_valediction)
    k = 0
    while k < len(rest):
        line = lines[rest[k]].text
        if _is_ps(line) or _DISCLAIMER.match(line) or _SENT_FROM.match(line) or _is_footer(line):
            # the rest of that paragraph belongs to it
            para_end = _paragraph_end(lines, rest[k])
            while k < len(rest) and rest[k] < para_end:
                k += 1
            continue
        if not _looks_like_signature_line(line):
            return False
        k += 1
    return True


def _continues_ps(lines: list[_Line], i: int) -> bool:
    """Whether line `i` continues a P.S. paragraph (a P.S. line above it, no blank between)."""
    k = i - 1
    while k >= 0 and not lines[k].blank:
        if _is_ps(lines[k].text):
            return True
        k -= 1
    return False


def _in_list(lines: list[_Line], i: int) -> bool:
    """Whether line `i` is one item of a list (a neighbouring line is a list item too)."""
    return any(0 <= k < len(lines) and _LIST_ITEM.match(lines[k].text) for k in (i - 1, i + 1))


def _own_block_parts(lines: list[_Line], lo: int, hi: int) -> list[tuple[PartKind, int, int]]:
    """Parts, as (kind, first line, line after last), for the sender's own lines [lo, hi)."""
    kinds: list[PartKind] = ["written"] * (hi - lo)
    body_start = lo
    first = _next_nonblank(lines, lo)
    if first < hi and _DISCLAIMER.match(lines[first].text):
        # A banner above the message ("CAUTION: This email originated outside …").
        banner_end = _paragraph_end(lines, first)
        if _next_nonblank(lines, banner_end) < hi:
            for k in range(first, banner_end):
                kinds[k - lo] = "signature"
            body_start = banner_end
    sig_start = hi
    has_body = False
    # Whether a P.S. line sits above the current line in its paragraph (`_continues_ps`), kept
    # as the lines are walked instead of asked again of every line above each one.
    in_ps_paragraph = _continues_ps(lines, body_start)
    for i in range(body_start, hi):
        line = lines[i]
        if line.blank:
            in_ps_paragraph = False
            continue
        if _is_ps(line.text):
            in_ps_paragraph = True
            continue
        if in_ps_paragraph:
            continue
        if (
            _SIG_DASHES.match(line.text)
            or _SENT_FROM.match(line.text)
            or (_DISCLAIMER.match(line.text) and has_body)
            or (has_body and _is_sign_off(lines, i, hi))
            or (has_body and _is_contact_block(lines, i, hi))
        ):
            sig_start = i
            break
        has_body = True
    for i in range(sig_start, hi):
        kinds[i - lo] = "signature"
    # P.S. paragraphs, wherever they sit; each ends at a blank line or a signature delimiter.
    i = body_start
    while i < hi:
        if not lines[i].blank and _is_ps(lines[i].text):
            k = i
            while k < hi and not lines[k].blank:
                if k > i and (_SIG_DASHES.match(lines[k].text) or _SENT_FROM.match(lines[k].text)):
                    break
                kinds[k - lo] = "ps"
                k += 1
            i = k
            continue
        i += 1
    # Consecutive lines of one kind (blank lines between them included) make one part.
    out: list[tuple[PartKind, int, int]] = []
    for i in range(lo, hi):
        if lines[i].blank:
            continue
        kind = kinds[i - lo]
        if (
            out
            and out[-1][0] == kind
            and all(lines[k].blank or kinds[k - lo] == kind for k in range(out[-1][2], i))
        ):
            out[-1] = (kind, out[-1][1], i + 1)
        else:
            out.append((kind, i, i + 1))
    return out


def split_parts(text: str) -> tuple[Part, ...]:
    """The parts of `text`, in order, with spans that cover each part's non-blank lines."""
    one_line = _one_line_written(text)
    if one_line is not None:
        return one_line
    lines = _lines(text)
    if not lines:
        return ()
    quoted = _quoted_lines(lines)
    line_parts: list[tuple[PartKind, int, int]] = []
    i = 0
    while i < len(lines):
        k = i
        while k < len(lines) and quoted[k] == quoted[i]:
            k += 1
        if quoted[i]:
            line_parts.append(("quote", i, k))
        else:
            line_parts.extend(_own_block_parts(lines, i, k))
        i = k
    parts: list[Part] = []
    for kind, first, after in line_parts:
        nonblank = [ln for ln in lines[first:after] if not ln.blank]
        if not nonblank:
            continue
        start = nonblank[0].start + (len(nonblank[0].text) - len(nonblank[0].text.lstrip()))
        end = nonblank[-1].start + len(nonblank[-1].text.rstrip())
        if parts and parts[-1].kind == kind:
            parts[-1] = Part(kind, parts[-1].start, end)
        else:
            parts.append(Part(kind, start, end))
    if not any(p.kind in JUDGED_KINDS for p in parts):
        # Nothing reads as the sender's own: judge all of it rather than nothing.
        return (Part("written", parts[0].start, parts[-1].end),) if parts else ()
    return tuple(parts)


# What str.splitlines() breaks lines at.
_LINE_BREAK = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def _one_line_written(text: str) -> tuple[Part, ...] | None:
    """`split_parts` of a text on one line that is not a P.S.: all of it is written (quoted
    history or a sign-off alone would leave nothing of the sender's own, and then all of it is
    judged). None for any other text."""
    if _LINE_BREAK.search(text) or _is_ps(text):
        return None
    body = text.strip()
    if not body:
        return ()
    start = len(text) - len(text.lstrip())
    return (Part("written", start, start + len(body)),)


def judged_spans(
    parts: tuple[Part, ...], kinds: frozenset[str] = JUDGED_KINDS
) -> tuple[tuple[int, int], ...]:
    return tuple((p.start, p.end) for p in parts if p.kind in kinds)


def judged_text(text: str, parts: tuple[Part, ...]) -> str:
    """The sender's own words (written + P.S.), each part on its own, joined by a blank line."""
    return "\n\n".join(text[s:e] for s, e in judged_spans(parts))


def set_aside_blanked(
    text: str, parts: tuple[Part, ...], kinds: frozenset[str] = JUDGED_KINDS
) -> str:
    """`text` with everything outside written and P.S. parts (or the parts of `kinds`) turned to
    spaces (newlines kept), so it is exactly as long as `text` and offsets carry over."""
    keep = judged_spans(parts, kinds)
    if keep == ((0, len(text)),):
        return text
    pieces: list[str] = []
    cursor = 0
    for start, end in keep:
        pieces.append(_blank(text[cursor:start]))
        pieces.append(text[start:end])
        cursor = end
    pieces.append(_blank(text[cursor:]))
    return "".join(pieces)


def _blank(segment: str) -> str:
    return "\n".join(" " * len(line) for line in segment.split("\n"))


_SET_ASIDE_NAMES: dict[str, str] = {"quote": "the quoted thread", "signature": "your signature"}
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def judged_word_count(text: str, parts: tuple[Part, ...]) -> int:
    return sum(len(_WORD.findall(text[s:e])) for s, e in judged_spans(parts))


def set_aside_note(text: str, parts: tuple[Part, ...]) -> str | None:
    """One line saying what the review judged and what it left out, or None when it judged all.

    "I judged the 64 words you wrote and left out the quoted thread and your signature."
    """
    left_out = [
        name for kind, name in _SET_ASIDE_NAMES.items() if any(p.kind == kind for p in parts)
    ]
    if not left_out:
        return None
    words = judged_word_count(text, parts)
    noun = "word" if words == 1 else "words"
    return f"I judged the {words} {noun} you wrote and left out {' and '.join(left_out)}."
