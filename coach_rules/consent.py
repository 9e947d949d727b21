"""Things done to the reader without asking: added to a list, newsletter, CRM, group or sequence;
signed up, registered or booked for a call; their details passed on.

`consent_spans(text)` returns the spans of such phrases when they report something already done
("I've added you to our newsletter", "I've asked Jordan from sales to call you on Monday", "you'll
now receive our weekly updates"). Offers that ask first ("Would you like me to add you?", "Can I
share your email with her?", "only with your go-ahead") are what the guideline asks for, so a
phrase in a question or next to a request for permission does not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from coach_rules.sentences import sentence_bounds
from coach_rules.textnorm import lower_same_length, may_match_ignoring_case

_ACTOR = (
    r"(?:i|we|i'?ve|we'?ve|i\s+have|we\s+have|i\s+just|we\s+just|i\s+also|we\s+also|i\s+don"
    r"|(?:i|we)'?ve\s+(?:also|just|already)|(?:i|we)\s+(?:already|took\s+the\s+liberty\s+of))"
)
_DONE_TO_YOU = (
    r"(?:added|adding|subscribed|signed|enrolled|registered|booked|scheduled|listed|put|entered"
    r"|included|invited|nominated|volunteered|set|opted|pencil(?:l)?ed|penciled|sign)"
)
_WHO = (
    r"(?:you|u|ur\s+(?:email|number|name|team|details)|you\s+all|y'?all|everyone(?:\s+here)?"
    r"|everybody|all\s+of\s+you|all\s+(?:new\s+)?members|every\s+member|the\s+whole\s+(?:team|group)"
    r"|you\s+and\s+[\w\s]{1,40}?"
    r"|your\s+(?:name|email|number|team|company|parents|daughter|son|wife|husband|partner|colleagues?"
    r"|family|friends?|address|details|contact)(?:\s+details)?)"
)
_DETAILS = (
    r"(?:your|her|his|their)\s+(?:(?:mobile|phone|cell|contact|personal|email|e-mail|whatsapp)\s+)?"
    r"(?:number|phone\s+number|email(?:\s+address)?|e-mail|details|contact(?:\s+details|\s+info)?"
    r"|info(?:rmation)?|cv|resume|résumé|profile|address|data|pan\s+details|email\s+thread"
    r"|financials|bank\s+details|salary|payslips?)"
)


@dataclass(frozen=True)
class _Phrase:
    """One consent pattern and what any match of it must hold: every group in `needs` shares a
    word with the line (lower case, whole words), or the line holds one of `stems`; and `core`,
    a plain pattern of the words at its heart that is quick to search for, matches."""

    pattern: str
    needs: tuple[frozenset[str], ...] = ()
    stems: tuple[str, ...] = ()
    core: str | None = None

    def possible(self, words: frozenset[str], line: str) -> bool:
        if self.stems:
            return any(map(line.__contains__, self.stems))  # map: no generator per test
        return not any(map(words.isdisjoint, self.needs)) and (
            self.core is None or _compiled_core(self.core).search(line) is not None
        )


@cache
def _compiled_core(core: str) -> re.Pattern[str]:
    return re.compile(core)  # lower-cased text, no \b: a literal start is searched for fast


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# What a reader hands over in a thread or a document, which can be added without asking:
# "added your points", "added your comments to the doc".
_THINGS_OF_A_THREAD = (
    r"(?:points?|comments?|notes?|feedback|edits?|changes?|suggestions?|ideas?|input|questions?"
    r"|slides?|thoughts|answers?|fix(?:es)?|photos?|pics?|section)"
)

_PHRASES = (
    # "I've added you to our newsletter", "we have registered you and your two colleagues"
    _Phrase(
        rf"(?:\b{_ACTOR}\s+(?:(?:also|just|already|now|automatically|went\s+ahead\s+and"
        rf"|gone\s+ahead\s+and)\s+)?"
        rf"|\band\s+(?:also\s+)?(?:have\s+|has\s+)?|(?:^|(?<=[.!?\n])|(?<=[.!?\n]\s))"
        rf"(?:just\s+|also\s+)?){_DONE_TO_YOU}"
        # "put you in touch with" is an introduction and "added you on LinkedIn" a connection,
        # not a list
        rf"\s+{_WHO}\b(?!\s+in\s+(?:touch|cc|copy|the\s+loop)\b)(?!\s+on\s+(?:linkedin|li|here|cc)\b)"
        r"(?:\s+(?:up|in|on|to|for|down|into))?",
        (
            _words(
                "added adding subscribed signed enrolled registered booked scheduled listed put "
                "entered included invited nominated volunteered set opted pencilled penciled sign"
            ),
            _words("you your all yall everyone everybody u ur members member whole"),
        ),
        core=rf"{_DONE_TO_YOU}\s+(?:you|u\b|ur\s|y'?all|everyone|everybody|all|every\s|the\s+whole)",
    ),
    # Chat-style, with no "I" or after a comma: "hey Rania, added you to the group", "fyi i added
    # ur email to our Discord", "signed u up for the 5k" ("added you on LinkedIn" connects).
    _Phrase(
        r"(?:^|(?<=[\n,:;!?.—–-])|(?<=[^\w\s]\s))(?:fyi\s+|just\s+|also\s+|already\s+)?"
        r"(?:(?:i|we)\s+)?(?:added|signed|subscribed|enrolled|registered|included|booked)\s+"
        rf"(?:you|u|(?:ur|your)\s+(?!{_THINGS_OF_A_THREAD}\b)\w+)\b(?!\s+on\s+(?:linkedin|li|here)\b)"
        r"(?:\s+(?:up|in|on|to|for|into))?",
        (
            _words("added signed subscribed enrolled registered included booked"),
            _words("you u ur your"),
        ),
        core=r"(?:added|signed|subscribed|enrolled|registered|included|booked)\s+(?:you|u|ur|your)\b",
    ),
    # "gave him your number", "I've given them all your email address"
    _Phrase(
        r"\b(?:gave|given|sent|forwarded|passed|handed)\s+(?:him|her|them)\s+(?:all\s+|both\s+)?"
        r"(?:your|ur)\s+(?:(?:mobile|phone|cell|contact|personal|email|e-mail|whatsapp)\s+)?"
        r"(?:number|phone\s+number|email(?:\s+address)?|e-mail|details|contact(?:\s+details|\s+info)?"
        r"|info(?:rmation)?|cv|resume|address)\b",
        (_words("gave given sent forwarded passed handed"), _words("your ur")),
    ),
    # "Your registration details have been shared with our sponsors", "shared your child's
    # contact details with", "shared your calendar with their account team"
    _Phrase(
        r"\byour\s+(?:[\w']+\s+){0,2}(?:details|email(?:\s+address)?|number|data|information|info)"
        r"\s+(?:have|has)\s+been\s+(?:shared|passed\s+on|forwarded|sent|given|handed\s+over)\b"
        r"|\b(?:shared|passed\s+on|forwarded|given)\s+your\s+(?:[\w']+\s+)?(?:contact\s+)?"
        r"(?:details|calendar|data)\s+with\b",
        (_words("shared passed forwarded sent given handed"), _words("your")),
    ),
    # "Booked us 15 min Thurs for a demo", "booked our kickoff for Mon 9am"
    _Phrase(
        r"\bbooked\s+us\b(?!\s+(?:in\s+)?(?:a\s+)?(?:table|room|flight|hotel|tickets?))"
        r"|\bbooked\s+our\s+(?:kick-?off|demo|call|meeting|intro|first\s+call)\b",
        (_words("booked"), _words("us our")),
    ),
    # "invite's in your inbox", "I've sent a calendar invite to every member's email"
    _Phrase(
        r"\binvite(?:'s|\s+is|\s+has\s+been\s+sent)\s+(?:already\s+)?in\s+your\s+(?:inbox|calendar)\b"
        r"|\bsent\s+(?:a\s+)?calendar\s+invites?\s+to\s+(?:you|everyone|every\s+member|all)\b"
        r"|\bsent\s+(?:each\s+of\s+you|you\s+all|all\s+of\s+you|everyone|every\s+member)\s+an?\s+"
        r"calendar\s+invites?\b",
        (_words("invite invites"), _words("inbox calendar")),
    ),
    # "imported my contacts, so you'll get…", "copied everyone's email into the rota list"
    _Phrase(
        r"\bimported\s+(?:all\s+)?(?:my|our)\s+(?:linkedin\s+)?(?:contacts|address\s+book"
        r"|connections)\b|\bcopied\s+(?:everyone'?s|every\s+member'?s|your|all\s+(?:the\s+)?)\s+"
        r"(?:emails?|e-mails?|numbers?|details|contacts?)\b",
        (_words("imported copied"),),
    ),
    # "made you an account", "tagged you as a brand ambassador"
    _Phrase(
        r"\bmade\s+(?:you|u)\s+an?\s+account\b|\btagged\s+(?:you|u)\s+(?:as\b|(?:in|on)\s+(?:our|the"
        r"|my)\s+(?:crm|system|database|pipeline|hubspot|salesforce)\b)",
        (_words("made tagged"), _words("you u")),
    ),
    # "I'll have my SDR call you tomorrow", "asked Sara to give you a ring"
    _Phrase(
        r"\b(?:i'?ll|we'?ll|i\s+will|we\s+will)\s+have\s+(?:my|our|a|someone)\b[\w\s]{0,30}?\s"
        r"(?:call|ring|phone|contact|email|reach\s+out\s+to)\s+you\b"
        r"|\b(?:asked|told|got|had)\s+[\w\s.]{1,40}?\s+to\s+give\s+you\s+a\s+(?:ring|call|buzz|bell)\b",
        (
            _words("have asked told got had"),
            _words("call ring phone contact email reach buzz bell"),
        ),
    ),
    # "I put your name down", "I took the liberty of adding you"
    _Phrase(
        r"\b(?:took|taken)\s+the\s+liberty\s+of\s+\w+ing\s+(?:\w+\s+){0,3}?(?:you|your)\b",
        (_words("liberty"),),
    ),
    # "I've shared your phone number with", "I forwarded your CV to"
    _Phrase(
        rf"\b(?:shared|passed(?:\s+on)?|gave|given|forwarded|sent|transmitted|handed|provided"
        rf"|exported|sold|uploaded|submitted)\s+(?:on\s+|over\s+|the\s+[\w-]+\s+and\s+)?{_DETAILS}",
        (
            _words(
                "shared passed gave given forwarded sent transmitted handed provided exported "
                "sold uploaded submitted"
            ),
            _words("your her his their"),
        ),
        core=r"(?:shared|passed(?:\s+on)?|gave|given|forwarded|sent|transmitted|handed|provided"
        r"|exported|sold|uploaded|submitted)\s+(?:on\s+|over\s+|the\s+[\w-]+\s+and\s+)?"
        r"(?:your|her|his|their)\s",
    ),
    # "I gave your number to the guy", "I've given your details to my buddy"
    _Phrase(
        r"\b(?:i'?ve|i|we'?ve|we)\s+(?:\w+\s+)?(?:asked|told|got|had|arranged\s+for)\s+[\w\s.]{1,40}?"
        r"\s+to\s+(?:call|ring|phone|contact|email|reach\s+out\s+to|visit|text|message"
        r"|follow\s+up\s+with)\s+you\b",
        (
            _words("asked told got had arranged"),
            _words("call ring phone contact email reach visit text message follow"),
            _words("you"),
        ),
        core=r"to\s+(?:call|ring|phone|contact|email|reach\s+out\s+to|visit|text|message"
        r"|follow\s+up\s+with)\s+you",
    ),
    # "you'll now receive our weekly updates", "you've been added to"
    _Phrase(
        r"\byou(?:'ll|\s+will)\s+now\s+(?:receive|get|be\s+(?:getting|receiving|added))\b",
        (_words("now"), _words("you")),
        core=r"you(?:'ll|\s+will)\s+now\s",
    ),
    _Phrase(
        r"\byou(?:'ve|\s+have)\s+(?:all\s+)?been\s+(?:added|subscribed|signed\s+up|enrolled|registered"
        r"|opted\s+in|booked|put)\b",
        (_words("been"), _words("you")),
        core=r"you(?:'ve|\s+have)\s+(?:all\s+)?been\s",
    ),
    _Phrase(
        r"\byou(?:'re|\s+are)\s+(?:all\s+)?now\s+(?:subscribed|registered|enrolled|signed\s+up"
        r"|on\s+(?:our|the|my))\b",
        (_words("now"), _words("you")),
        core=r"you(?:'re|\s+are)\s+(?:all\s+)?now\s",
    ),
    _Phrase(
        r"\byour\s+(?:company|business|account|practice|clinic)\s+is\s+now\s+(?:registered"
        r"|enrolled|signed\s+up|subscribed)\b",
        (_words("now"), _words("your")),
        core=r"is\s+now\s",
    ),
    # "I've booked you in for a call", "booked a demo for you", "put 45 minutes in your calendar"
    _Phrase(
        r"\b(?:i'?ve|we'?ve|i\s+have|we\s+have)\s+(?:already\s+)?(?:set\s+up|started|activated"
        r"|created)\s+your\s+(?:first\s+)?(?:delivery|order|subscription|account|trial|membership)\b",
        (_words("set started activated created"), _words("your")),
    ),
    _Phrase(
        r"\b(?:booked|scheduled|set\s+up|arranged)\s+(?:a|an|your)\s+(?:\w+\s+){0,3}?(?:call|demo"
        r"|meeting|session|visit|appointment|delivery|consultation|kick-?off|intro)\s+(?:for\s+you|with\s+(?:you|our)"
        r"|for\s+(?:the\s+)?(?:two|three|four|both|all)\s+of\s+us)\b",
        (_words("booked scheduled set arranged"), _words("you our us")),
    ),
    # "We've scheduled your onboarding call for Monday": the reader's own call, set for them.
    _Phrase(
        r"\b(?:i'?ve|we'?ve|i\s+have|we\s+have)\s+(?:already\s+|just\s+|also\s+)?(?:booked"
        r"|scheduled|set\s+up|arranged)\s+your\s+(?:[\w-]+\s+){0,2}?(?:call|demo|meeting|session"
        r"|appointment|consultation|kick-?off|intro|onboarding)\b",
        (_words("booked scheduled set arranged"), _words("your")),
        core=r"(?:booked|scheduled|set\s+up|arranged)\s+your\s",
    ),
    # The reader's words or photo published: "your photo and quote are now live on our
    # website", "I've added it and your photo to the testimonials page".
    _Phrase(
        r"\byour\s+(?:photo|quote|words|review|testimonial|picture|story|comment|message)s?"
        r"(?:\s+and\s+(?:your\s+)?(?:photo|quote|words|review|picture|name|story)s?)?\s+(?:is|are)"
        r"\s+(?:now\s+)?(?:live|published|posted|featured)\b"
        r"|\b(?:added|posted|published|put|featured|uploaded)\s+(?:it|them|your\s+[\w\s]{1,30}?)"
        r"(?:\s+and\s+your\s+\w+)?\s+(?:to|on)\s+(?:[\w']+\s+){0,4}?testimonials?\b",
        (
            _words("your it them"),
            _words("live published posted featured testimonial testimonials"),
        ),
        core=r"(?:re|is)\s+(?:now\s+)?(?:live|published|posted|featured)|testimonial",
    ),
    # The reader's message sent on to a list: "your message … so I forwarded it to the whole
    # parents' mailing list", "forwarded your email to the committee".
    _Phrase(
        r"(?:\byour\s+(?:message|email|e-mail|post|question|letter)\b[^.!?\n]{0,120}?\b"
        r"(?:forwarded|sent|posted|shared)\s+it"
        r"|\b(?:forwarded|sent|posted|shared)\s+your\s+(?:message|email|e-mail|post|question|letter))"
        r"\s+(?:on\s+)?to\s+(?:the\s+|our\s+|my\s+)?(?:whole\s+|entire\s+)?"
        r"(?:[\w']+\s+){0,3}?(?:mailing\s+list|list|group|channel|committee|board|everyone)\b",
        (
            _words("forwarded sent posted shared"),
            _words("list group channel committee board everyone"),
        ),
        core=r"(?:forwarded|sent|posted|shared)\s+(?:it|your)\s",
    ),
    _Phrase(
        r"\b(?:put|added|sent|dropped)\s+(?:\d+\s*(?:minutes|mins?)|a\s+(?:\d+[\s-]*(?:minutes?|mins?"
        r"|hours?)\s+)?(?:call|meeting|demo|slot)|an?\s+invite"
        r"|time)\s+(?:\w+\s+)?(?:in|to|on)\s+your\s+calendar\b|\binvite'?s\s+in\s+your\s+calendar\b",
        (_words("calendar"),),
    ),
    _Phrase(
        r"\b(?:exported|scraped|pulled)\s+the\s+(?:member|attendee|contact|group)\s+list\b",
        (_words("exported scraped pulled"), _words("list")),
    ),
    # Said as settled, not asked: "I'll add you to our newsletter", "I'm signing you up"
    _Phrase(
        r"\b(?:i'?ll|i\s+will|we'?ll|we\s+will|(?:i'?m|we'?re)(?:\s+going\s+to)?)\s+"
        r"(?:also\s+|just\s+|now\s+)?(?:add(?:ing)?|sign(?:ing)?|enrol(?:l)?(?:ing)?|register(?:ing)?"
        r"|subscrib(?:e|ing)|book(?:ing)?|put(?:ting)?|includ(?:e|ing)|pencil(?:ling)?)\s+"
        r"(?:you|your\s+\w+)\b(?!\s+in\s+touch\b)(?:\s+(?:up|in|on|to|into|for|down))?",
        (
            _words(
                "add adding sign signing enrol enroll enroling enrolling register registering "
                "subscribe subscribing book booking put putting include including pencil "
                "pencilling"
            ),
            _words("you your"),
        ),
        core=r"(?:add|sign|enrol|register|subscrib|book|put|includ|pencil)[a-z]*\s+you",
    ),
    # "I'll pass your number on to", "I'm sharing your email with"
    _Phrase(
        rf"\b(?:i'?ll|i\s+will|we'?ll|we\s+will|(?:i'?m|we'?re)(?:\s+going\s+to)?)\s+(?:also\s+|just\s+)?"
        rf"(?:shar(?:e|ing)|pass(?:ing)?(?:\s+on)?|giv(?:e|ing)|forward(?:ing)?|send(?:ing)?)\s+"
        rf"(?:on\s+|over\s+)?{_DETAILS}",
        (
            _words("share sharing pass passing give giving forward forwarding send sending"),
            _words("your her his their"),
        ),
        core=r"(?:shar|pass|giv|forward|send)[a-z]*\s+(?:[a-z]+\s+){0,2}(?:your|her|his|their)\s",
    ),
    # Someone else set on the reader: "our consultant will call you tomorrow", "he'll ring you"
    _Phrase(
        r"\b(?:he|she|they|who|someone|somebody|one\s+of\s+(?:our|my)\s+\w+|(?:our|my|a|the)\s+"
        r"(?:\w+\s+){0,2}?(?:team|rep|representative|agent|advisor|adviser|consultant|specialist"
        r"|technician|engineer|colleague|manager|partner|expert|counsell?or|coach)(?:\s+\w+)?)"
        r"(?:'ll|\s+will)\s+(?:call|ring|phone|contact|email|text|visit|reach\s+out\s+to"
        r"|(?:be|get)\s+in\s+touch\s+with|drop\s+by|come\s+by|swing\s+by)\s+(?:you|your)\b",
        (
            _words("call ring phone contact email text visit reach touch drop come swing"),
            _words("you your"),
        ),
        # "w(?<=\sw)ill" is "\swill" opened by a literal: the search jumps to each "'" or "w".
        core=r"(?:'ll|w(?<=\sw)ill)\s+(?:call|ring|phone|contact|email|text|visit|reach|be|get"
        r"|drop|come|swing)\s",
    ),
    # "expect a call from our team", "I'll call you at 3pm today", "I'll send invites for Tuesday"
    _Phrase(
        r"\b(?:expect|you'?ll\s+(?:get|receive)|you\s+will\s+(?:get|receive))\s+a\s+(?:phone\s+)?"
        r"(?:call|visit|ring)\s+from\b",
        (_words("call visit ring"), _words("from")),
    ),
    _Phrase(
        r"\bi'?ll\s+(?:call|ring|phone)\s+you\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday"
        r"|saturday|sunday|tomorrow|tonight|this\s+evening|at\s+\d|later\s+today)",
        (_words("call ring phone"), _words("you")),
        core=r"i'?ll\s+(?:call|ring|phone)\s+you",
    ),
    _Phrase(
        r"\b(?:i'?ll|i'?ve|i\s+have|we'?ve|we'?ll)\s+(?:just\s+)?(?:send|sent)\s+(?:you\s+)?(?:a\s+|an\s+)?"
        r"(?:calendar\s+)?invites?\s+for\b",
        (_words("invite invites"), _words("send sent")),
    ),
    # "you're on our mailing list", "I've created an account for you"
    _Phrase(
        r"\byou(?:'re|\s+are)\s+(?:now\s+)?on\s+(?:our|the|my)\s+(?:\w+\s+){0,2}?(?:list|newsletter"
        r"|database|roster|crm|sequence|waitlist)\b",
        (_words("list newsletter database roster crm sequence waitlist"), _words("you")),
    ),
    _Phrase(
        r"\b(?:created|set\s+up|opened|started|activated)\s+(?:a|an|your)\s+(?:[\w-]+\s+){0,3}?(?:account"
        r"|profile|subscription|order|trial|membership|workspace)\s+(?:for\s+you|in\s+your\s+name|from\s+your"
        r"|using\s+your)\b|\bset\s+up\s+(?:[\w-]+\s+){0,2}?(?:alerts|notifications|reminders)\s+for\s+you\b",
        (_words("created set opened started activated"), _words("you")),
    ),
    # Spanish / Portuguese: "ya te registré", "te agendé", "já cadastrei"
    _Phrase(
        r"\b(?:ya\s+)?te\s+(?:registr|inscrib|agend|suscrib|apunt)\w*|\b(?:já\s+)?(?:te\s+)?(?:cadastr"
        r"|inscrev)ei\b",
        stems=("registr", "inscrib", "agend", "suscrib", "apunt", "cadastr", "inscrev"),
    ),
    # French, Italian, Portuguese, German: "je vous ai inscrite", "ti ho iscritta", "te adicionei",
    # "já marquei uma reunião", "ich habe dich … aufgenommen", "Ihre Kontaktdaten … weitergegeben"
    _Phrase(
        r"\b(?:je|nous)\s+(?:vous|t')\s*(?:ai|avons)\s+(?:inscrit|ajout|abonn|enregistr)\w*"
        r"|\b(?:ti|vi)\s+ho\s+(?:iscritt|aggiunt|registrat|abbonat)\w*"
        r"|\bte\s+(?:adicionei|inscrevi|cadastrei)\b|\bj[áa]\s+marquei\b"
        r"|\b(?:ich|wir)\s+(?:habe|haben)\s+(?:dich|sie|ihre|deine)\b[^.!?\n]{0,80}?"
        r"(?:eingetragen|angemeldet|aufgenommen|weitergegeben|hinzugefügt|registriert)",
        stems=(
            "inscrit",
            "ajout",
            "abonn",
            "enregistr",
            "iscritt",
            "aggiunt",
            "registrat",
            "abbonat",
            "adicionei",
            "marquei",
            "eingetragen",
            "angemeldet",
            "aufgenommen",
            "weitergegeben",
            "hinzugefügt",
            "registriert",
        ),
    ),
    # Nigerian Pidgin, "don" for "have": "I don add your number to the estate group"
    _Phrase(
        r"\b(?:i|we|dem)\s+don\s+(?:add|put|register|enter|share|give|send|forward|sign|enrol)\s+"
        r"(?:you|u|una|your\s+\w+)\b",
        (_words("don"), _words("add put register enter share give send forward sign enrol")),
    ),
    # Portuguese / Spanish, put in a group: "coloquei você no grupo", "te agregué al grupo"
    _Phrase(
        r"\b(?:te\s+)?(?:coloquei|botei|adicionei)\s+(?:você|voce|vc|o\s+seu|a\s+sua|seu|sua)\b"
        r"|\bte\s+(?:agregu[ée]|añadí|anadi|met[ií])\b",
        stems=("coloquei", "botei", "adicionei", "agregu", "añad", "anadi", "te met"),
    ),
    # Other people's contact data put on a list: "I've added all the emails from the sign-up
    # sheet to our mailing list", "imported the numbers into our broadcast group"
    _Phrase(
        r"\b(?:added|imported|uploaded|copied|put|moved|entered|transferred)\s+(?:all\s+)?"
        r"(?:of\s+)?(?:the\s+|your\s+|their\s+|everyone'?s\s+)?(?:e-?mails?|e-?mail\s+addresses"
        r"|(?:phone|mobile|cell|contact|whatsapp)\s+numbers|contacts|contact\s+details|names)\b"
        r"[^.!?\n]{0,60}?"
        r"\b(?:to|into|onto|on)\s+(?:our|the|my|a)\s+(?:[\w-]+\s+){0,3}?(?:list|newsletter|crm"
        r"|database|group|sequence|mailing|roster|audience|broadcast)",
        (
            _words("added imported uploaded copied put moved entered transferred"),
            _words("emails email mails addresses numbers contacts contact names"),
        ),
    ),
    # A group's or someone's details passed to a third party: "we've shared the class contact
    # list with the photography company", "forwarded Volga Textiles' company details to our
    # partner bank" (details handed to the reader, "with you", are an introduction)
    _Phrase(
        r"\b(?:shared|passed\s+on|passed|forwarded|sent|gave|given|handed(?:\s+over)?|sold|provided"
        r"|exported|uploaded)\s+(?:the\s+|our\s+|all\s+(?:the\s+)?)?(?:(?:[\w-]+\s+){0,2}?"
        r"(?:contact|members?'?|attendees?'?|participants?'?|guests?'?|class|parents?'?|customers?'?"
        r"|clients?'?|registrants?'?|delegates?'?|subscribers?'?|users?'?|mailing|email|phone)"
        r"\s+(?:list|details|emails|email\s+addresses|numbers|data|info)"
        r"|(?:[\w-]+\s+){0,3}?[\w-]+(?:'s|s')\s+(?:company\s+|contact\s+|bank\s+|personal\s+)?"
        r"(?:details|data|information|info|financials))"
        r"\b[^.!?\n]{0,40}?\s(?:with|to)\b(?!\s+(?:you|u|me)\b)",
        (
            _words(
                "shared passed forwarded sent gave given handed sold provided exported uploaded"
            ),
            _words("list details emails addresses numbers data info information financials"),
        ),
    ),
    # "your names are already on the guest list"
    _Phrase(
        r"\byour\s+(?:names?|e-?mails?|details|numbers?)\s+(?:is|are)\s+(?:already\s+|now\s+)?on\s+"
        r"(?:the|our|my)\s+(?:[\w-]+\s+){0,2}?(?:list|roster|register)\b",
        (_words("list roster register"), _words("your")),
    ),
    # Contact details shown to others: "we've made everyone's phone number visible to members"
    _Phrase(
        r"\bmade\s+(?:everyone'?s|every\s+\w+'?s|your|all\s+(?:the\s+)?|members'?)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:numbers?|e-?mails?|details|addresses|profiles?)\b[^.!?\n]{0,30}?"
        r"\b(?:visible|public|searchable)\b",
        (_words("made"), _words("visible public searchable")),
    ),
    # A slot taken in the reader's own booking page: "found your Calendly and booked Thursday"
    _Phrase(
        r"\byour\s+(?:calendly|booking\s+(?:page|link))\b[^.!?\n]{0,80}?\b(?:i'?ve|i|we'?ve|we|and)"
        r"\s+(?:just\s+|already\s+)?booked\b"
        r"|\bbooked\b[^.!?\n]{0,60}?\b(?:on|in|via|through|using)\s+your\s+(?:calendly"
        r"|booking\s+(?:page|link))\b",
        (_words("booked"), _words("calendly booking")),
    ),
    # A chat role that sends them pings: "I've given everyone on the server the @events role"
    _Phrase(
        r"\b(?:given|gave|assigned)\s+(?:you|u|everyone|everybody|all\s+of\s+you|you\s+all)\b"
        r"[^.!?\n]{0,40}?\brole\b",
        (_words("given gave assigned"), _words("role")),
    ),
    # Someone brought into the reader's thread: "I've copied her on this thread"
    _Phrase(
        r"(?:\b(?:i'?ve|i\s+have|i|we'?ve|we\s+have|we)\s+|(?<=\band\s))"
        r"(?:also\s+|just\s+|already\s+)?(?:copied|cc'?d|cc'?ed|bcc'?d|added|looped)\s+(?:in\s+)?"
        # a person, not the things a thread holds ("added notes to this thread")
        r"(?!(?:it|this|that|these|those|the|a|an|my|our|some|notes?|comments?|links?|files?|docs?"
        r"|documents?|screenshots?|photos?|pics?|details|info|everything|context|more|updates?"
        r"|answers?|replies|thoughts|agenda|minutes|slides|deck)\b)(?:her|him|them|[\w.-]+)\s+"
        r"(?:in\s+)?(?:on|to|into|in)\s+(?:this|the|our)\s+(?:e-?mail\s+)?(?:thread|chain"
        r"|conversation)\b",
        (_words("copied ccd cced bccd cc bcc added looped"), _words("thread chain conversation")),
    ),
)
# Every consent phrase names the reader (or the list they were taken from): a line without one
# of these is skipped, as a plain substring test.
_READER_WORDS = (
    "you", "y'all", "yall", "everyone", "everybody", "member list", "attendee list",
    "contact list", "te ", "cadastrei", "inscrevi", "expect a", "vous", "t'", "ti ho", "vi ho",
    "adicionei", "marquei", "ich habe", "wir haben", " u ", " ur ", "booked us", "booked our",
    "every member", "members", "whole team", "whole group", "imported", "emails", "e-mails",
    "numbers", "contacts", "details", "contact", " list", "financials", "thread", "coloquei",
    "botei", "agregu", "añad", "anadi", "te met", " don ", " of us",
)  # fmt: skip
# Every byte but a-z turned to a space: split, a text's UTF-8 bytes give the runs of a-z that
# `[a-z]+` finds (each byte of a non-ASCII character is 0x80 or more), several times faster.
_LETTERS_ONLY = bytes(byte if 0x61 <= byte <= 0x7A else 0x20 for byte in range(256))
_EVERY_PHRASE = tuple(range(len(_PHRASES)))
# A line holds a word of one of these (each phrase's first, most telling group) or a stem, or no
# phrase can match in it.
_FIRST_NEEDS = frozenset().union(*(phrase.needs[0] for phrase in _PHRASES if phrase.needs))
# Every word some phrase needs: the only words of a line the tests of `needs` ask about.
_NEEDED_WORDS = frozenset().union(*(group for phrase in _PHRASES for group in phrase.needs))
_STEMS = tuple(stem for phrase in _PHRASES for stem in phrase.stems)


@cache
def _compiled(index: int, *, lowered: bool) -> re.Pattern[str]:
    """Phrase `index` as a pattern that reads lower-cased text (case-insensitive matching is
    several times slower), or with `lowered=False` the text as written."""
    return re.compile(_PHRASES[index].pattern, 0 if lowered else re.IGNORECASE)


def _matches(
    chosen: tuple[int, ...], text: str, start: int, end: int, *, lowered: bool = True
) -> Iterator[re.Match[str]]:
    """What `finditer` of the phrases `chosen` joined in one alternation yields in
    text[start:end]: from where the last match ended, the leftmost match, the first phrase's at
    a tie. Each phrase is compiled once; an alternation of each subset would be compiled again
    and again, at tens of milliseconds each."""
    patterns = [_compiled(i, lowered=lowered) for i in chosen]
    found = [pattern.search(text, start, end) for pattern in patterns]
    while True:
        best: re.Match[str] | None = None
        for match in found:
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        if best is None:
            return
        yield best
        resume = best.end()
        found = [
            match if match is None or match.start() >= resume else pattern.search(text, resume, end)
            for pattern, match in zip(patterns, found, strict=True)
        ]


# Word -> the phrases whose first group of needed words holds it; a phrase with needs is
# possible only where one of these words is, so the others are not asked.
_BY_FIRST_NEED: dict[str, frozenset[int]] = {
    word: frozenset(
        i for i, phrase in enumerate(_PHRASES) if phrase.needs and word in phrase.needs[0]
    )
    for word in _FIRST_NEEDS
}
# Phrases asked wherever the early test lets a line through: those read by stems (or by nothing).
_ALWAYS_ASKED = frozenset(i for i, p in enumerate(_PHRASES) if p.stems or not p.needs)


def _possible(lowered: str, among: tuple[int, ...]) -> tuple[int, ...]:
    """The phrases of `among` (in phrase order) that could match in `lowered` (lower case)."""
    # Only its words that some phrase needs: a set of all of them would be built for nothing.
    words = _NEEDED_WORDS.intersection(_letter_runs(lowered))
    first_needs = words.intersection(_FIRST_NEEDS)
    if not first_needs and not any(map(lowered.__contains__, _STEMS)):
        return ()
    asked = _ALWAYS_ASKED.union(*map(_BY_FIRST_NEED.__getitem__, first_needs))
    # `among` is in phrase order, so its sorted subset keeps the order the alternation needs.
    return tuple(
        i for i in sorted(asked.intersection(among)) if _PHRASES[i].possible(words, lowered)
    )


def _letter_runs(lowered: str) -> list[str]:
    """The runs of a-z in `lowered`, as `re.findall("[a-z]+", lowered)` finds them."""
    spaced = lowered.encode("utf-8", "surrogatepass").translate(_LETTERS_ONLY)
    return spaced.decode("ascii").split()


# Asking first: questions and offers that wait for a yes.
_ASKING = re.compile(
    r"\b(?:would\s+you|do\s+you\s+want|want\s+me\s+to|shall\s+i|should\s+i|can\s+i|may\s+i|could\s+i"
    r"|if\s+you(?:'d)?\s+(?:like|want|prefer)|only\s+(?:with|if)|with\s+your\s+(?:ok|okay|yes|go-ahead"
    r"|permission|consent)|once\s+you|if\s+(?:yes|so)|i\s+won'?t|haven'?t|without\s+your"
    # says it was not done: "I've not passed on your details and won't unless you'd like me to"
    r"|(?:i|we)(?:'ve|\s+have)?\s+(?:not|never)\s+(?:yet\s+)?(?:passed|shared|added|given"
    r"|forwarded|signed|booked|put|sent)"
    # the reader already asked or agreed
    r"|if\s+you\s+say\s+(?:yes|so|the\s+word)|as\s+you\s+(?:asked|requested|suggested)"
    r"|like\s+you\s+asked|as\s+(?:requested|agreed)|per\s+your\s+request)\b",
    re.IGNORECASE,
)


# The reader said yes before it was done: "since you asked, I've added you", "thanks for the
# go-ahead", "you said you'd like the updates, so I've signed you up".
_READER_AGREED = re.compile(
    r"\b(?:(?:like|as)\s+(?:you|u)\s+(?:said|suggested|asked|offered)"
    r"|(?:you|u)\s+(?:asked|requested|wanted|opted\s+in|signed\s+up|agreed|said\s+(?:yes|you'?d"
    r"|you\s+(?:would|wanted|were))|told\s+me\s+(?:to|you'?d|you\s+wanted))"
    r"|(?:at|re:?|about|on)\s+your\s+request|thanks\s+for\s+(?:saying\s+yes|agreeing|the\s+(?:ok|okay|go-ahead"
    r"|green\s+light|yes)|opting\s+in|signing\s+up))\b",
    re.IGNORECASE,
)
# An offer that waits for the reader: "let me know and I'll add you", "say the word and I'll
# sign you up", "I'll add you to the group if you're interested", "react with ✅ and I'll add
# you". It makes only an offer (said
# in the future) ask first: "I've added you, let me know if you want off" is still done unasked.
_WAITS_FOR_YES = re.compile(
    r"\b(?:let\s+me\s+know|say\s+the\s+word|(?:just\s+)?say\s+(?:so|yes)|(?:just\s+)?reply"
    # "react with ✅ and I'll add you", "ping me and I'll put you on it"
    # ("unless you message me" opts out: no yes)
    r"|(?<!unless\syou\s)(?<!unless\s)(?:just\s+)?react|(?<!unless\syou\s)(?:ping|dm|message)\s+me"
    r"|give\s+me\s+a\s+(?:shout|nod)|drop\s+me\s+a\s+(?:line|note)"
    r"|if\s+(?:useful|helpful|interested|keen|needed|wanted|so\s+inclined)"
    r"|if\s+(?:that|it|this)(?:'s|\s+is|\s+sounds|\s+would|\s+helps|\s+works)"
    r"|if\s+you'?re\s+(?:interested|keen|up\s+for|happy|ok|okay|comfortable|game|in\b|open)"
    r"|up\s+to\s+you|your\s+call)\b",
    re.IGNORECASE,
)
_OFFER = re.compile(
    r"(?:i'?ll|i\s+will|we'?ll|we\s+will|i\s+can|we\s+can|i'?d|we'?d|(?:i'?m|we'?re)\s+going\s+to)\b",
    re.IGNORECASE,
)
# "Keen? I'll add you.", "Want in? I'll sign you up": a short question about what the reader
# wants, just before an offer, asks it ("No reply? I'll send invites" does not).
_WISH_QUESTION = re.compile(
    r"^\W*(?:\w+\s+)?(?:keen|interested|want(?:\s+in)?|fancy\s+it|up\s+for\s+it|game|in|sound\s+good"
    r"|(?:ok|okay|cool)\s+with\s+(?:you|that)|yes\s+or\s+no)\W*\?$",
    re.IGNORECASE,
)


def asked_first(text: str, start: int, end: int) -> bool:
    """Whether the consent phrase at text[start:end] asks first, answers a yes the reader
    already gave, or offers and waits for one."""
    sentence = _sentence_around(text, start, end)
    if (
        sentence.rstrip().endswith("?")
        or _ASKING.search(sentence)
        or _READER_AGREED.search(sentence)
    ):
        return True
    if not _OFFER.match(text, start):
        return False
    return bool(_WAITS_FOR_YES.search(sentence)) or _after_wish_question(text, start)


def _after_wish_question(text: str, start: int) -> bool:
    """Whether text[:start] ends with a short question about what the reader wants."""
    before = text[:start].rstrip()
    if not before.endswith("?"):
        return False
    question_start = max(before.rfind(mark, 0, len(before) - 1) for mark in ".!?\n")
    return _WISH_QUESTION.match(before[question_start + 1 :].strip()) is not None


def consent_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of phrases reporting that the reader was added, booked or passed on unasked."""
    spans: list[tuple[int, int]] = []
    for m in _phrases(text):
        if asked_first(text, m.start(), m.end()):
            continue
        phrase = text[m.start() : m.end()]
        spans.append((m.start() + len(phrase) - len(phrase.lstrip()), m.end()))
    return tuple(spans)


def _phrases(text: str) -> Iterator[re.Match[str]]:
    """The consent phrases, looked for only on lines that name the reader and only those phrases
    whose words the line holds (the whole alternation is slow: it tries most of its branches at
    every position)."""
    lowered = lower_same_length(text)  # same offsets as `text`
    if may_match_ignoring_case(lowered, ()):  # a letter lower() leaves that the patterns match
        for start, end in _line_spans(lowered):
            if any(word in lowered[start:end] for word in _READER_WORDS):
                yield from _matches(_EVERY_PHRASE, text, start, end, lowered=False)
        return
    # The whole text first: most drafts hold the words of no phrase, and are done here. No word
    # runs over a line break, so a line's words are looked for only in a text that gets this far.
    in_text = _possible(lowered, _EVERY_PHRASE)
    if not in_text:
        return
    for start, end in _line_spans(lowered):
        line = lowered[start:end]
        # A line left blank (quoted history or a signature set aside as spaces) names no reader.
        if line.strip() and any(map(line.__contains__, _READER_WORDS)):
            whole = not start and end == len(text)
            chosen = in_text if whole else _possible(line, in_text)
            if chosen:
                yield from _matches(chosen, lowered, start, end)


def _line_spans(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield start, end
        start = end + 1


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence that holds text[start:end], with its closing punctuation."""
    first, stop = sentence_bounds(text, start, end)
    # keep a closing run of punctuation, so a question stays a question
    while stop < len(text) and text[stop] in ".!?":
        stop += 1
    return text[first:stop]
