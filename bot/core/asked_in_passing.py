"""Requests made in passing (pass 21, issue 11): everyday sentences that mean a command line.

Like `said_another_way`, each family is one pattern and the command line it stands for; the line
is read again and kept only when it reads as the command the family expects. The families:

- overdue questions ("which reminders did I let slip?", "overdue list pls");
- a reason or a "not now" before a snooze ("swamped today, snooze Ada till Monday",
  "not now for Ada, maybe Thursday", "later – Ada, tmrw");
- removing a contact told in words ("take Ada out of my contacts", "Ada was a duplicate,
  delete contact", "nuke Ada's card");
- a card asked for with one word ("Ada Obi — details?");
- the score asked for in words ("gimme my networking stats", "how am I doing this week
  networking-wise?");
- a reminder set "so I …" and a check-in scheduled ("set a reminder so I call Ada on Friday",
  "schedule a check-in with Ada for 12/3");
- a meeting with someone known by whom they work with ("met Ada's new boss, Bo Li, at …": Bo
  Li is the person, "Ada's new boss" the note);
- the time zone asked about or told with a move ("what timezone do you have me in?", "I'm in
  Lima now, change tz"), and a whole line in markdown emphasis ("*show my settings*").

`not_a_command` holds the small talk that starts with a command word ("met my deadline at
last", "met any good robots lately?", "who even invented Mondays"), and `tidied` the words a
place or note keeps by mistake ("re:" in front of a place, "lol" after it, "good to know" after
a note, an arrow in front of it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import get_args

from bot.core import commands as c
from bot.core.rewrites import first_reading
from bot.core.tidy import fix_command_typos

# A person as typed: one to three words, the first capitalised (case-sensitive).
_NAME = r"(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*(?:\s+(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*){0,2}?"
# A person as typed in any case: one or two words, never a pronoun or a filler.
_TYPED = (
    r"(?!(?:him|her|them|it|this|that|the|my|me|you|everyone|anyone|someone|networking)\b)"
    r"[^\W\d_][\w'’-]*(?:\s+(?!(?:before|pls|please|is|was)\b)[^\W\d_][\w'’-]*)?"
)
_DETAILS = r"(?:details|detials|deets|info|the\s+lowdown)"
# A full name: two or three capitalised words.
_FULL = r"(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*(?:\s+(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*){1,2}"
_END = r"[\s.!?]*$"
_SEP = r"\s*[,;:—–-]+\s*"
_POLITE = r"(?:\s*,?\s*(?:please|pls|plz|thanks|thx))?"
_REMINDERS = r"(?:follow[- ]?ups?|reminders?|remnders?|remiders?|nudges?)"
_SNOOZE_VERB = r"(?:snooze|postpone|push|move|bump|delay|defer)"
# A reason said after a command: a clause about the person or their side ("hes in lisbon",
# "his assistant said hes out", "she is key for our listing", "they're on leave").
_REASON = (
    r"(?:(?:since|because|cos|cuz|as)\s+)?(?:he|she|they|his|her|their|hes|shes|he's|she's|"
    r"they're|theyre|he\s+is|she\s+is|they\s+are|i'?m|im|i\s+am)\b.+"
)
# Every command type (a line in markdown emphasis may be any command).
_ANY_COMMAND: tuple[type, ...] = get_args(c.Command)

# (pattern, the command line it means, the command types it must read as).
_FAMILIES: tuple[tuple[str, str, tuple[type, ...]], ...] = (
    # "any reminders I've let slip?", "which follow-ups am I late on?", "overdue list pls".
    (
        rf"(?:any|which|what)\s+{_REMINDERS}\s+(?:(?:have\s+)?i(?:'ve|\s+have)?\s+let\s+slip|"
        r"did\s+i\s+(?:let\s+slip|miss|drop)|am\s+i\s+(?:late|behind)\s+(?:on|with)|"
        r"are\s+(?:overdue|late|past\s+due))" + _END,
        "list overdue",
        (c.ListCommand,),
    ),
    (rf"overdue\s+(?:list|{_REMINDERS}){_POLITE}" + _END, "list overdue", (c.ListCommand,)),
    # "swamped today, snooze Ada till Monday": a reason, then the snooze.
    (
        rf"[^,;—–]{{3,60}}?\s*[,;—–]\s*(?P<rest>{_SNOOZE_VERB}\s+(?-i:[A-ZÀ-ÖØ-Þ]).+)",
        "{rest}",
        (c.SnoozeCommand,),
    ),
    # "tom - snooze to monday, hes in lisbon": the name first, then the snooze (a reason after
    # it is left: a snooze keeps no note).
    (
        r"(?P<n>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)\s*(?:[:—–]|\s-)\s*"
        rf"(?P<verb>{_SNOOZE_VERB})\s+(?:(?:it|her|him|them|the\s+{_REMINDERS})\s+)?"
        r"(?P<day>(?:to|till|til|until|for|by|\d|next|tomorrow|tmrw|mon|tue|wed|thu|fri|sat|sun)"
        r"[^,;—–]*?)(?:\s*(?:[,;—–]|\s-)\s*" + _REASON + ")?" + _END,
        "snooze {n} {day}",
        (c.SnoozeCommand,),
    ),
    # "keep in touch with sarah monthly pls, she is key for our aws listing", "snooze kai 2
    # days, he's travelling", "take Dana Kim out of my contacts list, she retired": a reason
    # said after a command that keeps no note (it is left out).
    (
        r"(?P<rest>[^,;—–]+?)" + _POLITE + r"\s*(?:[,;—–]|\s-)\s*" + _REASON + _END,
        "{rest}",
        (c.KeepInTouchCommand, c.SnoozeCommand, c.CancelCommand, c.DeleteContactCommand),
    ),
    # "the Omar reminder can go, we're not working together", "Dana's one can slide to 12/18".
    (
        rf"(?:the\s+)?(?P<n>{_NAME}|{_TYPED})(?:'s|’s)?\s+(?:{_REMINDERS}|one)\s+can\s+(?:go|be\s+"
        r"(?:dropped|cancell?ed|deleted|binned))(?:\s*(?:[,;—–]|\s-)\s*[^,;]+)?" + _END,
        "cancel {n}",
        (c.CancelCommand,),
    ),
    (
        rf"(?:the\s+)?(?P<n>{_NAME}|{_TYPED})(?:'s|’s)?\s+(?:{_REMINDERS}|one)\s+can\s+(?:slide|wait|"
        r"move|be\s+(?:pushed|moved))\s+(?P<day>(?:to|till|til|until|a|an|\d|next)\b[^,;]*?)"
        + _POLITE
        + _END,
        "snooze {n} {day}",
        (c.SnoozeCommand,),
    ),
    # "Jane's reminder popped up but I'm slammed — remind me again in 3 days instead", "remind
    # me about priya again on friday instead, not today": the same reminder, later.
    (
        rf"(?:(?P<a>{_NAME}|{_TYPED})(?:'s|’s)\s+{_REMINDERS}[^,;—–]*(?:[,;—–]|\s-)\s*)?remind\s+me"
        rf"(?:\s+(?:about|of)\s+(?P<b>{_NAME}|{_TYPED}))?\s+again\s+(?P<day>[^,;]+?)\s+instead"
        r"(?:\s*,?\s*not\s+\w+)?" + _END,
        "snooze {a}{b} {day}",
        (c.SnoozeCommand,),
    ),
    # "forget about folowing up with Sam": the follow-up called off, not the contact.
    (
        rf"(?:just\s+)?forget\s+(?:about\s+)?(?:following|folowing|follwing)\s+up\s+(?:with|w/)\s+"
        rf"(?P<n>{_NAME}|{_TYPED})" + _POLITE + _END,
        "cancel {n}",
        (c.CancelCommand,),
    ),
    # "ugh, meetings all day. anyway — ping Olga on 12/21 about the talk": small talk, then the
    # command after "anyway".
    (
        r".{3,80}?[.!,;]\s*anyway\s*[,:;—–-]*\s*(?P<rest>\S.+)",
        "{rest}",
        (c.FollowUpCommand, c.SnoozeCommand, c.CancelCommand, c.DoneCommand, c.MetCommand),
    ),
    # "not now for Ada, maybe Thursday"; "later pls – Ada, tmrw".
    (
        rf"not\s+(?:today|now|yet)\s+for\s+(?P<n>{_NAME}){_SEP}(?:maybe|perhaps|try|say)?\s*"
        r"(?P<day>[^,;]+?)" + _END,
        "snooze {n} {day}",
        (c.SnoozeCommand,),
    ),
    (
        rf"later(?:{_POLITE})?\s*[,;:—–-]+\s*(?P<n>{_NAME}){_SEP}(?P<day>[^,;]+?)" + _END,
        "snooze {n} {day}",
        (c.SnoozeCommand,),
    ),
    # "take Ada out of my contacts", "get Ada off my network list".
    (
        rf"(?:please\s+)?(?:take|get)\s+(?P<n>{_NAME})\s+(?:out\s+of|off)\s+(?:my|the)\s+"
        r"(?:network\s+list|contacts?\s+list|contacts|network|list)" + _POLITE + _END,
        "delete {n}",
        (c.DeleteContactCommand,),
    ),
    # "Ada Obi was a duplicate, delete contact".
    (
        rf"(?P<n>{_NAME})\s+(?:was|is)\s+a\s+(?:duplicate|dupe|double){_SEP}(?:please\s+)?"
        r"(?:delete|remove)(?:\s+(?:the\s+)?contact|\s+(?:him|her|them|it))?" + _POLITE + _END,
        "delete {n}",
        (c.DeleteContactCommand,),
    ),
    # "nuke Ada's card".
    (
        rf"(?:nuke|bin|ditch|drop)\s+(?P<n>{_NAME})(?:'s|’s)\s+(?:contact\s+)?card" + _END,
        "delete {n}",
        (c.DeleteContactCommand,),
    ),
    # "I don't want Ada in here at all anymore, wipe her".
    (
        rf"i\s+(?:don'?t|do\s+not)\s+want\s+(?P<n>{_NAME})\s+(?:in\s+here|in\s+my\s+contacts|"
        r"on\s+my\s+list)(?:\s+at\s+all)?(?:\s+any\s*more)?\s*[,;.—–-]+\s*(?:please\s+)?"
        r"(?:wipe|delete|remove|erase)\s+(?:him|her|them)" + _END,
        "delete {n}",
        (c.DeleteContactCommand,),
    ),
    # "Kai Müller — where do I know him from?", "whats the deal w/ jose, where did I meet him".
    (
        rf"(?:what'?s\s+the\s+(?:deal|story)\s+(?:with|w/)\s+)?(?P<n>{_NAME}|{_TYPED})\s*"
        r"(?:[,:—–]|\s-)\s*where\s+(?:do|did|have)\s+(?:i|we)\s+(?:know|met|meet)\s+"
        r"(?:him|her|them)(?:\s+from)?\s*\??" + _END,
        "who {n}",
        (c.WhoCommand,),
    ),
    # "nah scrap the Dana reminder", "meh, snooze Ada 2 days": a shrug, then the command.
    (
        r"(?:nah|nope|meh|eh|hmm+|ugh)\s*[,.!]?\s+(?P<rest>(?:scrap|cancel|drop|kill|snooze|"
        r"push|delete|remove)\b.+)",
        "{rest}",
        (c.CancelCommand, c.SnoozeCommand, c.DeleteContactCommand),
    ),
    # "mark done: Grace Nkemelu", "completed: zoe ca" (a title after "Completed:" is no person:
    # "Completed: Q3 Report", so a name there is typed in lower case).
    (
        r"(?:mark(?:ed)?\s+(?:as\s+)?done\s*[:—–-]\s*(?P<n>"
        + _TYPED
        + r")|(?:completed?|finished)\s*[:—–-]\s*(?!(?:the|a|an|my|our|it|that|this|all|everything|"
        r"today|tasks?)\b)(?P<m>(?-i:[a-zà-ÿ])[^\W\d_]*(?:\s+"
        r"(?-i:[a-zà-ÿ])[^\W\d_]*)?))[\s.!✅]*$",
        "done {n}{m}",
        (c.DoneCommand,),
    ),
    # "can you add Pedro Alves? met him at the barbecue Saturday".
    (
        rf"(?:(?:can|could)\s+you\s+|pls\s+|please\s+)?add\s+(?P<n>{_FULL})\s*[?.!,;—–-]+\s*"
        r"(?:i\s+)?met\s+(?:him|her|them)\s+(?P<rest>\S.*)",
        "met {n} {rest}",
        (c.MetCommand,),
    ),
    # "Got to meet Kenji Watanabe at the sake tasting last night!": a meeting had, with its day.
    (
        r"(?:i\s+)?(?:finally\s+)?got\s+to\s+meet\s+(?P<rest>.+\b(?:yesterday|last\s+night|"
        r"today|this\s+(?:morning|afternoon|evening)|earlier\s+today|ago)\b.*)",
        "met {rest}",
        (c.MetCommand,),
    ),
    # "Ada Obi — details?", "ada obi - deets?"
    (
        rf"(?P<n>{_NAME}|{_TYPED})\s*[—–:-]\s*(?:the\s+)?{_DETAILS}\s*\??" + _POLITE + _END,
        "who {n}",
        (c.WhoCommand,),
    ),
    # "detials for zoe pls", "quick refresher on omar before my call", "do you know anything
    # about Ada Obi", Hindi "Ada kaun hai? bhool gaya": a card asked for in words.
    (
        rf"(?:(?:the|a|some|quick)\s+)?{_DETAILS}\s+(?:for|on|about|of)\s+(?P<n>{_TYPED})"
        + _POLITE
        + r"\s*\??"
        + _END,
        "who {n}",
        (c.WhoCommand,),
    ),
    (
        r"(?:(?:(?:a|some)\s+)?(?:quick\s+)?(?:refresher|recap|rundown|brief(?:ing)?)\s+(?:on|about|of)|"
        rf"remind\s+me\s+who)\s+(?P<n>{_TYPED})(?:\s+(?:is|was))?(?:\s+before\s+[^,;]{{1,40}})?"
        + _POLITE
        + r"\s*\??"
        + _END,
        "who {n}",
        (c.WhoCommand,),
    ),
    (
        r"(?:do|what\s+do)\s+(?:you|we|i)\s+(?:know|have)\s+(?:anything\s+)?(?:about|on)\s+"
        rf"(?P<n>{_NAME}|(?!networking\b)[^\W\d_][\w'’-]*)\s*\??" + _END,
        "who {n}",
        (c.WhoCommand,),
    ),
    (
        rf"(?P<n>{_TYPED})\s+kaun\s+(?:hai|he|h|thi|tha)\b.*",
        "who {n}",
        (c.WhoCommand,),
    ),
    # "gimme my networking stats", "give me a quick scoreboard of my networking".
    (
        r"(?:gimme|give\s+me|show\s+me|send\s+me)\s+(?:a\s+|the\s+)?(?:quick\s+)?(?:my\s+)?"
        r"(?:networking\s+)?(?:stats|numbers|scoreboard|score\s*card|scorecard)"
        r"(?:\s+(?:of|for|on)\s+my\s+networking)?" + _POLITE + _END,
        "stats",
        (c.StatsCommand,),
    ),
    # "how am I doing this month networking-wise?"
    (
        r"how\s+am\s+i\s+doing\s+this\s+(?P<period>week|month)\s+(?:networking[- ]?wise|"
        r"(?:with|on|at)\s+networking)" + _END,
        "stats {period}",
        (c.StatsCommand,),
    ),
    # "set a reminder so I call Ada on Friday".
    (
        r"(?:(?:please|pls|can\s+you|could\s+you)\s+)?set\s+(?:up\s+)?a\s+reminder\s+so\s+"
        r"(?:that\s+)?i\s+(?:can\s+|will\s+|don'?t\s+forget\s+to\s+|remember\s+to\s+)?(?P<rest>.+)",
        "remind me to {rest}",
        (c.FollowUpCommand,),
    ),
    # "schedule a check-in with Ada Obi for 12/3 at 10am, …".
    (
        r"(?:please\s+)?schedule\s+(?:a\s+)?(?:check[- ]?in|follow[- ]?up|catch[- ]?up)\s+"
        r"with\s+(?P<rest>.+)",
        "follow up with {rest}",
        (c.FollowUpCommand,),
    ),
    # "met Ada's new boss, Bo Li, at the offsite": Bo Li is whom the member met.
    (
        rf"(?P<met>(?:i\s+)?(?:just\s+)?met)\s+(?P<who>{_NAME}(?:'s|’s)\s+(?:[a-z][\w-]*\s+){{0,2}}"
        rf"[a-z][\w-]*)\s*,\s*(?P<n>{_FULL})\s*,\s*(?P<rest>(?:at|@|in|on|this|today|"
        r"yesterday|last)\b[^,;]*?)" + _END,
        "{met} {n} {rest}, {who}",
        (c.MetCommand,),
    ),
    # "what timezone do you have me in?"
    (
        r"what\s+(?:time\s*zone|tz)\s+(?:do\s+you\s+have\s+me\s+(?:in|on)|am\s+i\s+(?:in|on|set\s+to)|"
        r"have\s+you\s+got\s+me\s+(?:in|on))" + _END,
        "settings",
        (c.SettingsShowCommand,),
    ),
    # "I'm in Lima now, change tz".
    (
        r"i'?m\s+(?:now\s+)?(?:in|based\s+in)\s+(?P<place>[a-zà-ÿ][a-zà-ÿ ]{1,30}?)(?:\s+now)?"
        r"\s*[,;—–-]+\s*(?:please\s+)?(?:change|update|switch|set|fix)\s+(?:my\s+|the\s+)?"
        r"(?:tz|time\s*zone)" + _POLITE + _END,
        "settings timezone {place}",
        (c.SettingsTimezoneCommand,),
    ),
    # "mark Ada as followed up", German "fertig mit Ada", Hindi "ho gaya Ada wala follow up".
    (
        rf"mark\s+(?P<n>{_NAME})\s+as\s+(?:followed[- ]up|contacted|reached(?:\s+out)?)" + _END,
        "done {n}",
        (c.DoneCommand,),
    ),
    (rf"fertig\s+mit\s+(?P<n>{_NAME})" + _END, "done {n}", (c.DoneCommand,)),
    (
        rf"ho\s+gaya\s+(?P<n>{_NAME})\s+(?:wala|ka|ki)\s+(?:follow[- ]?up|reminder)" + _END,
        "done {n}",
        (c.DoneCommand,),
    ),
    # "I don't need that reminder for Ada anymore".
    (
        rf"i\s+(?:don'?t|do\s+not)\s+need\s+(?:that|the|this|my)\s+(?:reminder|follow[- ]?up|"
        rf"nudge)\s+(?:for|with|about)\s+(?P<n>{_NAME})(?:\s+any\s*more)?" + _END,
        "cancel {n}",
        (c.CancelCommand,),
    ),
    # Renames told with the reason: "Ada got married, please update her last name to Roe",
    # "Bo goes by Bobby, change his name to Bobby Li", "Ada asked me to use her full name,
    # Ada-Mae Obi", "Zoë Ça should be Zoe Ca without accents", Hindi "… ka naam badlo: …".
    (
        rf"(?P<n>{_NAME})\s+got\s+(?:married|divorced){_SEP}(?:please\s+|pls\s+)?(?:update|change)"
        r"\s+(?:her|his|their)\s+(?:last\s+name|surname|family\s+name)\s+to\s+"
        r"(?P<last>(?-i:[A-ZÀ-ÖØ-Þ])[\w'’-]+)" + _END,
        "{n}'s last name is {last}",
        (c.RenameCommand,),
    ),
    (
        rf"(?P<n>{_NAME})\s+(?:goes\s+by|prefers)\s+\w+{_SEP}(?:please\s+)?(?:change|update)\s+"
        rf"(?:his|her|their|the)\s+name\s+to\s+(?P<new>{_FULL})" + _END,
        "rename {n} to {new}",
        (c.RenameCommand,),
    ),
    (
        rf"(?P<n>{_NAME})\s+(?:asked\s+me|wants\s+me|told\s+me)\s+to\s+use\s+(?:his|her|their)\s+"
        rf"(?:full|real|proper)\s+name{_SEP}(?P<new>{_FULL})" + _END,
        "rename {n} to {new}",
        (c.RenameCommand,),
    ),
    (
        rf"(?P<n>{_FULL})\s+should\s+be\s+(?P<new>{_FULL})\s+(?:without|with\s+no)\s+"
        r"(?:the\s+)?accents?\b.*",
        "rename {n} to {new}",
        (c.RenameCommand,),
    ),
    (
        rf"(?P<n>{_NAME})\s+ka\s+naam\s+(?:badal\s+do|badlo|change\s+kar\s+do)\s*[:;,—–-]\s*"
        rf"(?P<new>{_FULL})" + _END,
        "rename {n} to {new}",
        (c.RenameCommand,),
    ),
    # Notes: "fyi Ada got promoted", "not for Ada: …" (a letter short of "note"), Spanish
    # "apunta que Ada prefiere …".
    (
        rf"fyi\s*[,:]?\s*(?P<n>{_NAME})\s+(?P<fact>(?:just\s+)?(?:got|moved|joined|left|started|"
        r"switched)\b[^,;]+?)" + _END,
        "note {n}: {fact}",
        (c.NoteCommand,),
    ),
    (
        rf"not\s+(?:for|on|to)\s+(?P<n>{_NAME})\s*:\s*(?P<fact>.+)",
        "note {n}: {fact}",
        (c.NoteCommand,),
    ),
    (
        rf"apunta\s+que\s+(?P<n>{_NAME})\s+(?P<fact>.+)",
        "note {n}: {fact}",
        (c.NoteCommand,),
    ),
    # The score in Hindi and German.
    (
        r"(?:mera|meri)\s+(?:is\s+hafte|this\s+week)\s+ka\s+score\s+kya\s+hai" + _END,
        "stats week",
        (c.StatsCommand,),
    ),
    (
        r"meine\s+statistik(?:en)?\s+f(?:ü|ue|u)r\s+(?:den|diesen)\s+monat" + _END,
        "stats month",
        (c.StatsCommand,),
    ),
    # German: digest off, delete, snooze, what is on today, a reminder.
    (
        r"kein(?:en)?\s+digest\s+mehr" + _POLITE + r"(?:\s+bitte)?" + _END,
        "digest off",
        (c.DigestOffCommand,),
    ),
    (
        rf"(?P<n>{_NAME}|[a-zà-ÿ]+)\s+(?:kannst\s+du|bitte)\s+l(?:ö|oe|o)schen" + _END,
        "delete {n}",
        (c.DeleteContactCommand,),
    ),
    (
        rf"(?P<n>{_NAME}|[a-zà-ÿ]+)\s+verschieben\s+auf\s+(?P<day>[^,;]+?)(?:\s+bitte)?" + _END,
        "snooze {n} until {day}",
        (c.SnoozeCommand,),
    ),
    (r"was\s+steht\s+heute\s+an" + _END, "list", (c.ListCommand,)),
    (
        rf"erinnere?\s+mich\s+(?P<when>.+?)\s+an\s+(?P<n>{_NAME})" + _END,
        "remind me to follow up with {n} {when}",
        (c.FollowUpCommand,),
    ),
    # Spanish working hours: "mis horas de trabajo son de 9 a 17".
    (
        r"mis\s+horas(?:\s+de\s+trabajo)?\s+son\s+de\s+(?P<a>\d{1,2})\s+a\s+(?P<b>\d{1,2})" + _END,
        "settings hours {a}-{b}",
        (c.SettingsHoursCommand,),
    ),
    # Tagalog "pwede mo ba akong i-remind to follow up kay … sa Friday?"
    (
        r"pwede\s+(?:mo\s+)?(?:ba\s+)?(?:akong\s+|ako\s+)?i-?remind\s+(?P<rest>.+?)\??" + _END,
        "remind me {rest}",
        (c.FollowUpCommand,),
    ),
    # "Wrote down: met Ada Obi, …": a lead-in before a meeting's fields.
    (
        r"(?:wrote\s+down|writing\s+down|noting|for\s+the\s+record|for\s+my\s+records)\s*:\s*"
        r"(?P<rest>met\b.+)",
        "{rest}",
        (c.MetCommand,),
    ),
    # "*show my settings*", "_list_": a whole line in markdown emphasis.
    (r"(?P<mark>[*_]{1,2})(?P<rest>[^*_]+)(?P=mark)", "{rest}", _ANY_COMMAND),
)
_COMPILED = tuple(
    (re.compile(pattern, re.IGNORECASE | re.DOTALL), template, kinds)
    for pattern, template, kinds in _FAMILIES
)


def _lines(text: str) -> Iterator[tuple[str, tuple[type, ...]]]:
    typed = text.strip()
    fixed = fix_command_typos(typed)  # "I don't need that reminder for Ada anymroe"
    for pattern, template, kinds in _COMPILED:
        found = pattern.fullmatch(typed) or pattern.fullmatch(fixed)
        if found is not None:
            yield template.format(**{k: v or "" for k, v in found.groupdict().items()}), kinds


def rewritten_command(text: str, read: Callable[[str], c.Parsed]) -> c.Parsed | None:
    """The command `text` means when it is one of these families, else None."""
    return first_reading(_lines(text), read)


# Small talk that opens with a command word.
_SMALL_TALK = re.compile(
    r"^\s*(?:"
    # "met my deadline finally", "met our targets this quarter".
    r"met\s+(?:my|our|the|all\s+my|all\s+our)\s+(?:deadlines?|goals?|targets?|quotas?|"
    r"match|step\s+goal)\b"
    # "met any interesting bots lately?", "met anyone fun recently?" (a question to the bot).
    r"|(?:have\s+you\s+)?met\s+any(?:one|body)?(?:\s+\w+){0,3}?\s+(?:lately|recently)\b.*\?"
    # "who even invented Mondays", "who came up with daylight saving".
    r"|who\s+(?:even|actually|on\s+earth|the\s+heck)?\s*(?:invented|came\s+up\s+with|"
    r"thought\s+(?:of|up))\b"
    # "help, I'm drowning in coffee chats".
    r"|help\s*[,!.]+\s*i'?m\s+(?:drowning|dying|swamped|buried|overwhelmed|sinking)\b"
    r")",
    re.IGNORECASE,
)


def not_a_command(text: str) -> bool:
    """Whether `text` is small talk that only opens like a command."""
    return bool(_SMALL_TALK.match(text))


# Around a place: "re:" in front (it was the topic), "lol" or "haha" after it.
_PLACE_AS_TOPIC = re.compile(r"^re\s*:\s+", re.IGNORECASE)
_PLACE_LAUGH = re.compile(
    # "at Costco of all places", "… this past" (the rest of "this past Sunday", read as the day).
    r"\s+(?:lol|lmao|haha+|hehe+|of\s+all\s+places|this\s+past|the\s+day\s+before)$",
    re.IGNORECASE,
)
# Around a note: "→" in front, "good to know" after it.
_NOTE_ARROW = re.compile(r"^\s*(?:→|->|=>)\s*")
_NOTE_ASIDE = re.compile(r"\s*[,;—–-]+\s*(?:good|nice|useful)\s+to\s+know[.!]*$", re.IGNORECASE)


def tidied(result: c.Parsed) -> c.Parsed:
    """`result` with its place and note free of what was said around them."""
    place = getattr(result, "place", None)
    note = getattr(result, "note", None)
    changes: dict[str, str | None] = {}
    if isinstance(result, c.MetCommand) and isinstance(place, str):
        if _PLACE_AS_TOPIC.match(place) and not note:
            changes["place"] = None
            changes["note"] = _PLACE_AS_TOPIC.sub("", place)
        elif _PLACE_LAUGH.search(place):
            changes["place"] = _PLACE_LAUGH.sub("", place)
    if isinstance(note, str):
        cleaned = _NOTE_ASIDE.sub("", _NOTE_ARROW.sub("", note))
        if cleaned != note:
            changes["note"] = cleaned or None
    return replace(result, **changes) if changes else result  # type: ignore[type-var]
