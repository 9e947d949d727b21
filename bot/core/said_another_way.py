"""Commands said another way (pass 20, issue 11): phrasing families read as the command line
they mean, then read again by the parser.

Each family is one pattern and the command it stands for; the line is read again and kept only
when it reads as the command the family expects (`rewritten_command`). A few more are lines that
look like a command but are not: a pasted e-mail with its subject line, a draft after
"Follow up:", "I met so many people today" (`not_a_command`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from bot.core import commands as c
from bot.core.rewrites import first_reading
from bot.core.tidy import fix_command_typos
from bot.core.when import find_possible_day

# A person as typed: one to three words, the first capitalised (case-sensitive), never one of
# the words that open a command ("Add contact" is no person called Add).
_NAME = (
    r"(?!(?:Add|New|Delete|Remove|Show|Edit|Update|Export|My|The|This|That|Your|Log|Save)\b)"
    r"(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*(?:\s+(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*){0,2}?"
)
# A new name: two to four capitalised words ("Dana Kim-Park", "Dr. Sam Lee").
_NEW = r"(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*(?:\s+(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*){1,3}"
_END = r"[\s.!?]*$"
# A person as typed: capitalised words, as many as there are, or one word in lower case.
_TYPED_NAME = (
    r"(?:(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*(?:\s+(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*){0,2}|"
    r"(?!(?:him|her|them|it|that|this|the|a|an|my)\b)[^\W\d_][\w'’-]*)"
)
# A full name: two or three capitalised words.
_FULL_NAME = r"(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*(?:\s+(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*){1,2}"
# A person as typed, in any case: one or two words ("kemi oduya", "Jake").
_ANY_NAME = (
    r"(?!(?:i|we|you|he|she|they|him|her|them|it|that|this|the|a|an|my|someone|somebody)\b)"
    r"[^\W\d_][\w'’-]*(?:\s+(?!(?:who|whom|that|i|we)\b)[^\W\d_][\w'’-]*)?"
)
_SEP = r"\s*[,;:—–-]+\s*"
_POLITE = r"(?:\s*,?\s*(?:please|pls|plz))?"
_CLOCK = r"\d{1,2}(?::\d{2})?\s*(?:am|pm)?"

# (pattern, the command line it means, the command types it must read as).
_FAMILIES: tuple[tuple[str, str, tuple[type, ...]], ...] = (
    # "done for today, see ya": the member is signing off, not marking anyone done.
    (
        r"(?:ok(?:ay)?[,\s]+)?(?:i'?m\s+)?done\s+for\s+(?:today|the\s+day|now|tonight)"
        r"(?:[\s,.!—–-]+(?:see\s+ya|see\s+you|cya|bye|later|night|ttyl)\b.*)?" + _END,
        "bye",
        (c.ChatCommand,),
    ),
    # "reminder 6 complete", "reminder #6 done": a follow-up by its number.
    (
        r"(?:reminder|follow[- ]?up|nudge)\s*#?\s*(?P<id>\d{1,6})\s*(?:is\s+)?(?:[:—–-]\s*)?"
        r"(?:done|complete|completed|finished)" + _END,
        "done #{id}",
        (c.DoneCommand,),
    ),
    # "Follow-up with Zoë Ça: done."
    (
        rf"follow[- ]?up\s+(?:with|w/|for)\s+(?P<n>{_NAME}){_SEP}"
        r"(?:done|complete|completed|finished|sent)" + _END,
        "done {n}",
        (c.DoneCommand,),
    ),
    # "I sent Kai the deck, that one's finished".
    (
        rf"(?:i\s+)?(?:sent|emailed|messaged|texted|called|wrote\s+to|pinged)\s+(?P<n>{_NAME})\b"
        r"[^,;—–]*[,;—–-]\s*(?:that\s+one'?s|that'?s|it'?s)\s+(?:finished|done|sorted|complete)"
        + _END,
        "done {n}",
        (c.DoneCommand,),
    ),
    # "Priya ✅ finally".
    (
        rf"(?P<n>{_NAME})\s*(?:✅|✔️?)\s*(?:finally|at\s+last|yay)" + _END,
        "done {n}",
        (c.DoneCommand,),
    ),
    # Hindi "ho gaya, Priya ko message kar diya": "done", then what was done.
    (r"ho\s+gaya\s*[,;—–-]\s*(?P<rest>.+)", "{rest}", (c.DoneCommand,)),
    # "wipe Kai's contact card", "get rid of Jane Doe's card".
    (
        rf"(?:please\s+)?(?:wipe|get\s+rid\s+of|erase|trash|scrap|remove|delete)\s+"
        rf"(?P<n>{_TYPED_NAME})'s\s+(?:contact\s+)?card" + _END,
        "delete {n}",
        (c.DeleteContactCommand,),
    ),
    # "I want Priya gone from the list completely".
    (
        rf"i\s+want\s+(?P<n>{_NAME})\s+gone(?:\s+from\s+(?:the|my)\s+(?:list|contacts))?"
        r"(?:\s+(?:completely|for\s+good|entirely))?" + _END,
        "delete {n}",
        (c.DeleteContactCommand,),
    ),
    # "I don't want José in here anymore, take him out".
    (
        rf"i\s+(?:don'?t|do\s+not)\s+want\s+(?P<n>{_NAME})\s+(?:in\s+here|in\s+my\s+contacts|"
        r"on\s+my\s+list|on\s+the\s+list)(?:\s+any\s*more)?"
        r"(?:[\s,;.!—–-]+(?:please\s+)?(?:take|get)\s+(?:him|her|them)\s+out(?:\s+of\s+here)?)?"
        + _END,
        "delete {n}",
        (c.DeleteContactCommand,),
    ),
    # "I'd like to remove Zoe from my contacts, not just the reminder".
    (
        rf"(?:i'?d\s+like\s+to|i\s+want\s+to|i\s+wanna|can\s+you|could\s+you)\s+"
        rf"(?:remove|delete)\s+(?P<n>{_NAME})\s+from\s+(?:my\s+)?contacts\b.*",
        "delete {n}",
        (c.DeleteContactCommand,),
    ),
    # "amara doesn't want her details kept here, delete everything about her": the person's
    # wish, then the request; the name may be typed in lower case.
    (
        r"(?P<n>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*)?)\s+(?:doesn'?t|does\s+not|don'?t)"
        r"\s+want\s+(?:his|her|their)\s+(?:details|data|info|information|contact\s+details)\s+"
        r"(?:stored|kept|saved|here)\b.*?(?:remove|delete|erase|wipe)\s+(?:everything|all)"
        r"(?:\s+(?:about|on|of)\s+(?:him|her|them))?" + _END,
        "delete {n}",
        (c.DeleteContactCommand,),
    ),
    # "please erase everything you have on Kai" (never "on me": that is forget-me).
    (
        rf"(?:please\s+)?(?:erase|delete|remove|wipe)\s+everything\s+(?:you\s+have|you'?ve\s+got|"
        rf"you\s+know|you\s+keep)\s+(?:on|about)\s+(?!me\b)(?P<n>{_NAME})" + _END,
        "delete {n}",
        (c.DeleteContactCommand,),
    ),
    # "please erase all of my info from the bot, GDPR request".
    (
        r"(?:please\s+)?(?:erase|delete|remove|wipe)\s+all\s+(?:of\s+)?my\s+(?:info|information|"
        r"data|details)(?:\s+from\s+(?:the\s+bot|here|network\s+coach|your\s+system))?"
        r"(?:[,;.—–-]+\s*(?:gdpr|privacy|data\s+protection)\b[\w\s]*)?" + _END,
        "forget-me",
        (c.ForgetMeCommand,),
    ),
    # Renames told as news, then the new name.
    (
        rf"(?P<n>{_NAME})'s\s+name\s+has\s+a\s+typo{_SEP}it\s+should\s+be\s+(?P<new>{_NEW})" + _END,
        "rename {n} to {new}",
        (c.RenameCommand,),
    ),
    (
        rf"(?P<n>{_NAME})(?:'s|\s+is)\s+actually\s+spelled\s+(?P<new>{_NEW}){_SEP}"
        r"(?:please\s+)?(?:fix|update|change)\s+(?:it|that|the\s+name)" + _END,
        "rename {n} to {new}",
        (c.RenameCommand,),
    ),
    (
        rf"(?:fix|correct)\s+(?:the|a)\s+name\s*:\s*(?P<n>{_NAME})\s+is\s+(?:actually|acutally|actualy|really)\s+"
        rf"(?P<new>{_NEW})" + _END,
        "rename {n} to {new}",
        (c.RenameCommand,),
    ),
    (
        rf"(?P<n>{_NAME})\s+is\s+(?:actually\s+|really\s+)?(?P<new>{_NEW}){_SEP}"
        r"(?:please\s+)?(?:update|fix|change)\s+(?:the|her|his|their)\s+name" + _END,
        "rename {n} to {new}",
        (c.RenameCommand,),
    ),
    (
        rf"(?P<n>{_NAME})\s+(?:wants\s+to\s+go\s+by|goes\s+by|prefers)\s+(?P<new>{_NEW})"
        r"(?:\s+now)?(?:\s+(?:on|in)\s+\w+)?\s*[,;—–-]+\s*(?:please\s+)?(?:update\s+it|"
        r"change\s+it|rename\s+(?:him|her|them)(?:\s+to\s+(?:that|it))?|"
        r"update\s+(?:the|her|his|their)\s+name)" + _END,
        "rename {n} to {new}",
        (c.RenameCommand,),
    ),
    (
        rf"(?P<n>{_NAME})\s+got\s+married\s*[,;—–-]+\s*(?:now|it'?s\s+now|now\s+it'?s)\s+"
        rf"(?P<new>{_NEW})" + _END,
        "rename {n} to {new}",
        (c.RenameCommand,),
    ),
    # Hindi: "Kai ka naam badal do, Kai Müller-Weber karo".
    (
        rf"(?P<n>{_NAME})\s+ka\s+naam\s+(?:badal\s+do|badlo|change\s+kar\s+do|galat\s+hai)"
        rf"\s*[,;—–-]*\s*(?P<new>{_NEW})\s+(?:karo|kar\s+do|rakho|kar\s+dena)" + _END,
        "rename {n} to {new}",
        (c.RenameCommand,),
    ),
    # "Kai Mueller contact", "Zoe Ca — contact card please".
    (
        rf"(?P<n>{_NAME})(?:'s)?\s*(?:[—–-]\s*)?(?:contact|contact\s+card|card|contact\s+info)"
        + _POLITE
        + _END,
        "who {n}",
        (c.WhoCommand,),
    ),
    # "what was Omar's thing again, where did we meet?"
    (
        rf"what(?:'s|\s+is|\s+was)\s+(?P<n>{_NAME})'s\s+(?:deal|thing|story|background)"
        r"(?:\s+ag[ai]{2}n)?\s*[,;?]+\s*(?:where|how|when)\s+did\s+(?:we|i)\s+meet"
        r"(?:\s+(?:him|her|them))?" + _END,
        "who {n}",
        (c.WhoCommand,),
    ),
    # Spanish and Hindi: what is pending.
    (r"¿?\s*qu[ée]\s+tengo\s+pendientes?(?:\s+(?:para\s+)?hoy)?" + _END, "list", (c.ListCommand,)),
    (
        r"(?:aaj\s+)?kis\s+kis\s+(?:ko|se)\s+follow[- ]?up\s+karna\s+hai" + _END,
        "list",
        (c.ListCommand,),
    ),
    # "Sam's reminder: 10 more days please"; Hindi "Omar ka reminder 3 din baad kar do".
    (
        rf"(?P<n>{_NAME})'s\s+(?:reminder|follow[- ]?up){_SEP}(?P<k>\d{{1,2}})\s+more\s+days?"
        + _POLITE
        + _END,
        "snooze {n} {k} days",
        (c.SnoozeCommand,),
    ),
    (
        rf"(?P<n>{_NAME})\s+ka\s+(?:reminder|follow[- ]?up)\s+(?P<k>\d{{1,2}})\s+din\s+"
        r"(?:baad|aage)\s+kar\s+(?:do|dena)" + _END,
        "snooze {n} {k} days",
        (c.SnoozeCommand,),
    ),
    (
        rf"(?:can\s+we\s+|please\s+|pls\s+)?(?:move|push|shift)\s+(?:my|the)\s+"
        rf"follow[- ]?up\s+(?:with|w/|for)\s+(?P<n>{_NAME})\s+to\s+(?P<day>[^,;]+?)" + _END,
        "snooze {n} until {day}",
        (c.SnoozeCommand,),
    ),
    # "I really should get back to David Cohen, can you remind me Monday at 8".
    (
        rf".*?\b(?:get\s+back\s+to|write\s+to|reach\s+out\s+to|reach\s+back\s+out\s+to|email|"
        rf"call|text|ping|touch\s+base\s+with)\s+(?P<n>{_NAME})[.,;!]\s*(?:so\s+)?"
        r"(?:can\s+you\s+|could\s+you\s+|please\s+|pls\s+)?remind\s+me\s+(?P<day>[^,.;!?]+?)"
        + _END,
        "remind me to follow up with {n} {day}",
        (c.FollowUpCommand,),
    ),
    # "would be good to touch base with Kai in a week or so".
    (
        r"(?:it\s+)?would\s+be\s+(?:good|nice|great)\s+to\s+(?P<rest>(?:touch\s+base|catch\s+up|"
        r"check\s+in|follow\s+up)\s+with\s+.+?)(?:\s+or\s+so)?" + _END,
        "{rest}",
        (c.FollowUpCommand,),
    ),
    # "no pings after 5pm please, start at 7am": working hours.
    (
        rf"no\s+(?:pings|nudges|messages|notifications|reminders)\s+after\s+(?P<end>{_CLOCK})"
        rf"{_POLITE}\s*[,;]\s*(?:and\s+)?start\s+at\s+(?P<start>{_CLOCK})" + _END,
        "settings hours {start}-{end}",
        (c.SettingsHoursCommand,),
    ),
    # "moving to Berlin next month, so set timezone to Berlin": the setting after "so".
    (
        r".+?,\s*so\s+(?P<rest>(?:please\s+)?(?:set|change|switch|update|turn)\s+.+)",
        "{rest}",
        (c.SettingsTimezoneCommand, c.SettingsHoursCommand, c.SettingsToggleCommand),
    ),
    # Hindi "is mahine" (this month) in a question about the score.
    (
        r"(?:what'?s|what\s+is|show\s+me)\s+my\s+score\s+(?:is\s+mahine|this\s+month)" + _END,
        "stats month",
        (c.StatsCommand,),
    ),
    (r"is\s+mahine\s+kitne\s+log\s+mile" + _END, "stats month", (c.StatsCommand,)),
    # "when should I use cancel?"
    (
        r"when\s+(?:should|do|would|can)\s+i\s+use\s+(?P<cmd>[a-z][a-z-]+)" + _END,
        "help {cmd}",
        (c.HelpCommand,),
    ),
    # Hindi "Dana ka birthday 3 Jan hai, note kar lo".
    (
        rf"(?P<n>{_NAME})\s+ka\s+(?P<fact>.+?)\s+hai\s*[,;—–-]\s*note\s+kar\s+(?:lo|do|lena|dena)"
        + _END,
        "note {n}: {fact}",
        (c.NoteCommand,),
    ),
    # "ad note to Kai - …": "add" with one d, before "note".
    (r"ad\s+(?P<rest>notes?\s+(?:to|for|on)\s+.+)", "add {rest}", (c.NoteCommand,)),
    # "got a linkedin request from kemi oduya who i met at reinvent on tuesday, log her pls":
    # someone met earlier, told in passing, then the ask to log them.
    (
        r"(?:.*?(?:\b(?:from|with|to|of|is|was|and)\s+|,\s*))?(?P<n>" + _ANY_NAME + r")\s*,?\s+"
        r"(?:who(?:m)?|that)\s+(?:i|we)\s+(?:just\s+|also\s+)?met\s+(?P<rest>[^,;—–]+?)\s*"
        r"(?:[,;.—–]|\s-)\s*(?:(?:pls|please|can\s+you|could\s+you)\s+)?(?:log|add|save|record)"
        r"\s+(?:her|him|them|it|that|this)(?:\s+as\s+(?:met|a\s+meeting))?"
        + _POLITE
        + r"(?:\s+(?:too|as\s+well))?"
        + _POLITE
        + _END,
        "met {n} {rest}",
        (c.MetCommand,),
    ),
    # "nvm about jose, dont remind me": the follow-up called off.
    (
        r"(?:nvm|never\s*mind|forget\s+it|scratch\s+that)\s+(?:about|on|re|for|with)\s+"
        r"(?P<n>"
        + _ANY_NAME
        + r")\s*[,;.—–-]+\s*(?:(?:i\s+)?(?:don'?t|do\s+not|dont)\s+(?:need\s+to\s+)?"
        r"remind\s+me|no\s+(?:need\s+for\s+(?:a|the)\s+)?(?:reminder|follow[- ]?up)(?:\s+needed)?)"
        r"(?:\s+(?:about\s+)?(?:him|her|them|it))?(?:\s+(?:anymore|any\s+more))?" + _POLITE + _END,
        "cancel {n}",
        (c.CancelCommand,),
    ),
    # "the deal with Hamid Rezaei fell through, cancel that follow-up": a reason naming the
    # person, then the follow-up called off.
    (
        r"[^,;—–]{0,60}?\b(?P<n>" + _FULL_NAME + r")(?:'s)?\b[^,;—–]{0,60}?\s*(?:[,;.—–]|\s-)\s*"
        r"(?:so\s+)?(?:pls\s+|please\s+)?(?:cancel|drop|kill|remove|delete)\s+(?:that|the|this|my)\s+"
        r"(?:follow[- ]?up|reminder|nudge)" + _POLITE + _END,
        "cancel {n}",
        (c.CancelCommand,),
    ),
    # "btw imraan said not interested, close it": a no from them, then the follow-up closed.
    (
        r"(?:(?:btw|fyi|ok(?:ay)?|so|update|ugh)\W+)*(?P<n>" + _ANY_NAME + r")\s+(?:said|says|is|"
        r"was|replied|wrote\s+back)\s+(?:(?:she'?s|he'?s|they'?re|that\s+\w+\s+(?:is|was)|"
        r"they\s+are)\s+)?(?:not|no\s+longer|isn'?t|wasn'?t)\s+(?:interested|keen|looking|hiring)"
        r"[^,;.—–]{0,40}\s*(?:[,;.—–]|\s-)\s*(?:so\s+)?(?:pls\s+|please\s+|you\s+can\s+)?"
        r"(?:close|drop|cancel|kill|remove|end|stop)\s+(?:it|that|this|the\s+(?:follow[- ]?up|"
        r"reminder)|(?:him|her|them))(?:\s+out)?" + _POLITE + _END,
        "cancel {n}",
        (c.CancelCommand,),
    ),
    # "that Hamid Rezaei entry is a duplicate, delete it".
    (
        r"(?:that|the|this)\s+(?P<n>" + _TYPED_NAME + r")\s+(?:entry|contact|card|one|record)\s+"
        r"(?:is|was)\s+(?:a\s+)?(?:duplicate|dupe|dup|test|mistake|typo)\s*[,;.—–-]+\s*"
        r"(?:pls\s+|please\s+)?(?:delete|remove|erase|drop|bin)\s+(?:it|that|this)"
        + _POLITE
        + _END,
        "delete {n}",
        (c.DeleteContactCommand,),
    ),
    # German "Kontakt löschen: Dana", "Erinnerung für Dana canceln"; Spanish "cancela el
    # seguimiento de Dana".
    (
        r"(?:kontakt\s+(?:von\s+)?(?P<a>" + _ANY_NAME + r")\s+löschen|kontakt\s+löschen\s*:?\s*"
        r"(?P<b>" + _ANY_NAME + r"))" + _POLITE + _END,
        "delete {a}{b}",
        (c.DeleteContactCommand,),
    ),
    (
        r"(?:bitte\s+)?die\s+erinnerung\s+(?:für|fuer|mit|zu)\s+(?P<n>" + _ANY_NAME + r")\s+"
        r"(?:canceln|löschen|loeschen|stornieren|absagen)(?:\s+bitte)?" + _END,
        "cancel {n}",
        (c.CancelCommand,),
    ),
    (
        r"(?:cancela|cancelar|borra|elimina|quita)\s+(?:el\s+)?(?:seguimiento|recordatorio)\s+"
        r"(?:de|con|para)\s+(?P<n>" + _ANY_NAME + r")" + _POLITE + _END,
        "cancel {n}",
        (c.CancelCommand,),
    ),
    # "sent Peter a note with the Danske Bank case study, marking done": a touch told, then
    # marked done in passing; what was sent stays as the touch's note.
    (
        r"(?:i\s+)?(?:just\s+)?(?P<what>(?:sent|emailed|messaged|texted|called|pinged|dmed|wrote\s+to|"
        r"replied\s+to|followed\s+up\s+with)\s+(?P<n>" + _TYPED_NAME + r")\b[^,;—–]*?)\s*"
        r"(?:[,;.—–]|\s-)\s*(?:so\s+|and\s+)?(?:(?:i'?m\s+|am\s+)?marking\s+(?:it\s+|that\s+|"
        r"(?:him|her|them)\s+)?(?:as\s+)?done|mark(?:ed)?\s+(?:it|that|him|her|them)\s+(?:as\s+)?"
        r"done|(?:that'?s\s+|it'?s\s+)?done\s+(?:now|then)?)" + _POLITE + _END,
        "done {n} - {what}",
        (c.DoneCommand,),
    ),
    # "wait actually for jake i also asked him for a pilot, so gave AND asked": more said of a
    # touch with someone, kept as a note on their card (a touch keeps one kind).
    (
        r"(?:(?:wait|oh|ok(?:ay)?|btw|actually|also|and|so)\W+)*for\s+(?P<n>"
        + _ANY_NAME
        + r")\s*,?\s+i\s+(?P<what>(?:also\s+)?(?:asked|gave|thanked|sent|offered|told|"
        r"promised|introduced|shared)\b.+)",
        "note {n}: {what}",
        (c.NoteCommand,),
    ),
)
_COMPILED = tuple(
    (re.compile(pattern, re.IGNORECASE | re.DOTALL), template, kinds)
    for pattern, template, kinds in _FAMILIES
)

# "push the Jose reminder 48 hrs": whole days said in hours.
_HOURS = re.compile(r"\b(?P<h>\d{2,3})\s*(?:hrs|hours|h)\b", re.IGNORECASE)
HOURS_A_DAY = 24

# Lines that start like a command and are something else.
_NOT_COMMANDS = re.compile(
    # A pasted e-mail with its subject line; a draft after "Follow up:"; a question to the bot.
    r"^\s*(?:subject\s*:|follow[- ]?up\s*:\s*(?:hi|hey|hello|dear|good\s+(?:morning|afternoon))\b|"
    r"follow[- ]?up\s+question\s*:|(?:a\s+)?list\s+of\s+(?:things|reasons|stuff)\b)",
    re.IGNORECASE,
)
# "I met so many people today I'm exhausted" (a list after a colon is a log: pass 19).
_MET_A_CROWD = re.compile(
    r"\bmet\s+(?:so\s+many|a\s+lot\s+of|lots\s+of|tons\s+of|too\s+many|"
    r"(?:like\s+|about\s+|around\s+)?\d+(?:\s*-\s*\d+)?)\s+(?:people|folks|ppl)\b"
    r"(?!.*:)",
    re.IGNORECASE | re.DOTALL,
)


_A_SETTING = re.compile(r"\b(?:time\s*zone|timezone|hours|shout-?outs|drafts)\b", re.IGNORECASE)


_IN_PERSON = re.compile(r"\s+(?:IRL|irl|in\s+person|in\s+real\s+life)\b(?=\s+(?:at|@|on)\b)")
# A line typed in capitals, with at least three words and no lower-case letter.
_SHOUTED = re.compile(r"(?=(?:\W*[A-Z]{2,}){3})[^a-zà-ÿ]+")
# Only commands whose words are all arguments to match ("MET … AT THE HOLIDAY PARTY" keeps the
# place and note as typed: writers disagree on their case).
_ANY_COMMAND = (
    c.FollowUpCommand,
    c.SnoozeCommand,
    c.DoneCommand,
    c.CancelCommand,
    c.ListCommand,
    c.WhoCommand,
    c.StatsCommand,
)


def not_a_command(text: str) -> bool:
    """Whether `text` only looks like a command: a pasted e-mail or draft, or small talk."""
    return bool(_NOT_COMMANDS.match(text) or _MET_A_CROWD.search(text))


def _lines(text: str) -> Iterator[tuple[str, tuple[type, ...]]]:
    stripped = text.strip()
    for pattern, template, kinds in _COMPILED:
        found = pattern.fullmatch(stripped)
        if found is not None:
            yield template.format(**{k: v or "" for k, v in found.groupdict().items()}), kinds
    yield from _meeting_fields(stripped)
    if _IN_PERSON.search(stripped):  # "Finally connected with Jane Doe IRL at …"
        yield _IN_PERSON.sub("", stripped), (c.MetCommand,)
    if _SHOUTED.fullmatch(stripped):  # "FOLLOW UP WITH SAM LEE TOMORROW"
        yield stripped.lower(), _ANY_COMMAND
    hours = _HOURS.search(stripped)
    if hours is not None and int(hours["h"]) % HOURS_A_DAY == 0:
        days = int(hours["h"]) // HOURS_A_DAY
        line = f"{stripped[: hours.start()]}{days} days{stripped[hours.end() :]}"
        yield line, (c.SnoozeCommand, c.FollowUpCommand)
    if not _A_SETTING.search(stripped):
        return
    fixed = fix_command_typos(stripped)
    if fixed != stripped:  # a typo after the comma of a setting: "…, chnage my time zone"
        yield fixed, (c.SettingsTimezoneCommand, c.SettingsHoursCommand, c.SettingsToggleCommand)


# Meetings logged as fields: "met: Noah Goldberg, today, note: …", "Record: met X today, place:
# …, note: …", "met: X | 2026-12-04 | Bangalore SaaS meetup | CTO", "met X 12/2, Tel Aviv cyber
# meetup, founder of …" (a field that ends in a word for an event or a venue, after the day).
_FIELD_LABEL = re.compile(r"^(?:record|log|entry)\s*:\s*(?=met\b)|(?<=^met)\s*:", re.IGNORECASE)
_PLACE_LABEL = re.compile(r"\s*[,;]\s*(?:place|where|venue|location)\s*:\s*", re.IGNORECASE)
_NOTE_LABEL = re.compile(r"\s*[,;]\s*(?:note|notes)\s*:\s*", re.IGNORECASE)
_PIPES = re.compile(
    r"met\s*:?\s*(?P<n>[^|]+?)\s*\|\s*(?P<d>[^|]+?)\s*\|\s*(?P<p>[^|]+?)"
    r"(?:\s*\|\s*(?P<note>[^|]+?))?\s*",
    re.IGNORECASE,
)
_VENUE = (
    r"meetup|meet-up|conference|conf|summit|expo|forum|gala|dinner|party|event|panel|workshop|"
    r"hackathon|fair|festival|fest|mixer|reception|retreat|offsite|week|night|day|days|booth|"
    r"breakfast|brunch|lunch|talk|lecture|session|stammtisch"
)
_DAY_THEN_VENUE = re.compile(
    rf"(?P<head>(?:i\s+)?met\s+(?P<n>{_NAME.removesuffix('?')}))\s*,?\s+(?P<day>[^,;]+?)\s*,\s*"
    r"(?:(?:at|@)\s+)?(?P<place>(?:the\s+)?[\w'’&-]+(?:\s+[\w'’&-]+){0,4}?\s+(?:" + _VENUE + r"))"
    r"(?:\s*(?:[,;.]|\s[—–-])\s*(?P<note>\S.*)|[.!]?)",
    re.IGNORECASE | re.DOTALL,
)


def _is_a_day(words: str) -> bool:
    found = find_possible_day(words)
    return found is not None and found.start == 0 and found.end == len(words.rstrip(" ."))


def _meeting_fields(text: str) -> Iterator[tuple[str, tuple[type, ...]]]:
    piped = _PIPES.fullmatch(text)
    if piped is not None and _is_a_day(piped["d"]):
        note = f", {piped['note']}" if piped["note"] else ""
        yield f"met {piped['n']} at {piped['p']} {piped['d']}{note}", (c.MetCommand,)
        return
    labelled = _NOTE_LABEL.sub(", ", _PLACE_LABEL.sub(" at ", _FIELD_LABEL.sub("", text)))
    if labelled != text and labelled.lower().startswith("met") and "|" not in text:
        yield re.sub(r"^met\s+", "met ", labelled, flags=re.IGNORECASE), (c.MetCommand,)
    fields = _DAY_THEN_VENUE.fullmatch(text)
    if fields is not None and _is_a_day(fields["day"]):
        note = f", {fields['note']}" if fields["note"] else ""
        yield f"{fields['head']} at {fields['place']} {fields['day']}{note}", (c.MetCommand,)


def rewritten_command(text: str, read: Callable[[str], c.Parsed]) -> c.Parsed | None:
    """The command `text` means when it is one of these families, else None."""
    return first_reading(_lines(text), read)


# What is left around a note or a place once the command is read: a dash the note started
# after ("Sam Lee — moved to Austin, add to notes"), a closing emoji ("… at Mercari 😂"), a
# "fyi" said to the coach, the words left of "forgot to log it", a bracket the place was in.
_NOTE_DASH = re.compile(r"^[—–-]+\s+")
_NOTE_EMOJI = re.compile(r"\s*[\U0001F300-\U0001FAFF\u2639\u263A]+[\s\ufe0f\u200d]*$")
_NOTE_FYI = re.compile(r"\s+fyi\.?$", re.IGNORECASE)
_NOTE_ONLY_FORGOT = re.compile(r"(?:i\s+)?(?:forgot|meant|wanted)\s+to", re.IGNORECASE)
_PLACE_BRACKET = re.compile(r"\s*\)$")


# "I met Lindiwe at the gym. That was Monday. She's …", "… about funding. Last Friday.": a
# sentence of the note that is only the day of the meeting.
_SENTENCE_BREAK = re.compile(r"(?<=[.!])\s+")
_THAT_WAS = re.compile(r"^(?:that|it|this)\s+was\s+(?:on\s+)?", re.IGNORECASE)


def _day_from_the_note(met: c.MetCommand) -> c.MetCommand:
    if met.when is not None or not met.note or ("." not in met.note and " was " not in met.note):
        return met
    sentences = _SENTENCE_BREAK.split(met.note)
    for index, sentence in enumerate(sentences):
        words = _THAT_WAS.sub("", sentence.strip()).rstrip(".!")
        if words and _is_a_day(words):
            found = find_possible_day(words)
            assert found is not None
            rest = " ".join(sentences[:index] + sentences[index + 1 :]).strip()
            return replace(met, when=found.spec, note=rest.rstrip(".") or None)
    return met


def tidied(result: c.Parsed) -> c.Parsed:
    """`result` with its note and place free of what was said around them."""
    if isinstance(result, c.MetCommand):
        result = _day_from_the_note(result)
    changes: dict[str, str | None] = {}
    note = getattr(result, "note", None)
    if isinstance(note, str):
        cleaned = _NOTE_FYI.sub("", _NOTE_EMOJI.sub("", _NOTE_DASH.sub("", note)))
        if _NOTE_ONLY_FORGOT.fullmatch(cleaned):
            cleaned = ""
        if cleaned != note:
            changes["note"] = cleaned or None
    place = getattr(result, "place", None)
    if isinstance(place, str) and place.endswith(")") and "(" not in place:
        changes["place"] = _PLACE_BRACKET.sub("", place) or None
    return replace(result, **changes) if changes else result  # type: ignore[type-var]
