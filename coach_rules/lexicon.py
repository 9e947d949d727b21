"""Phrase patterns shared by the explainable rules and the model's interpretable signals.

Every pattern runs on `textnorm.normalise(text)`: lower case, digits turned into '0', links
and mentions masked as `_link_` / `_user_` / `_chan_` / `_mail_`. Apostrophes may be straight
are straight (normalise turns curly ones straight).
"""

from __future__ import annotations

import re

from coach_rules.phrasematch import PhraseSet


def _words(*alternatives: str) -> PhraseSet:
    return PhraseSet(*alternatives)


FIRST_PERSON = frozenset(
    [
        "i",
        "i'm",
        "im",
        "i've",
        "ive",
        "i'd",
        "i'll",
        "me",
        "my",
        "mine",
        "myself",
        "we",
        "we're",
        "we've",
        "we'd",
        "we'll",
        "us",
        "our",
        "ours",
        "ourselves",
    ]
)
SECOND_PERSON = frozenset(
    [
        "you",
        "you're",
        "youre",
        "you've",
        "you'd",
        "you'll",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "u",
        "ur",
    ]
)

# Something given: a resource, an intro, an answer, congratulations, help with no strings.
VALUE = _words(
    r"thought (?:you|of you)",
    r"(?:you|u) (?:might|may|could) (?:find|like|enjoy|want)",
    r"here'?s (?:the|a|an|that|my|our|what)",
    r"here is (?:the|a|an|that|my|our)",
    r"(?:sharing|passing (?:this |it )?(?:on|along)|forwarding)",
    r"(?:attached|i attached|see attached|enclosed)",
    r"(?:congrats|congratulations|well done|kudos)",
    r"(?:happy|glad|keen) to (?:help|intro(?:duce)?|share|connect you|send|pass)",
    r"no strings(?: attached)?",
    r"no need to (?:reply|respond|answer)",
    r"(?:in case|if) (?:it|this|that)(?:'s| is| was)? (?:useful|helpful|handy)",
    r"(?:useful|helpful) (?:for|to) you",
    r"(?:you asked|your question|as promised|i promised|i mentioned)",
    r"(?:you|u) (?:wanted|were looking for|needed|mentioned|were after)",
    r"(?:thank you|thanks|thx|ty) (?:for|so much|again)",
    r"(?:could|can|happy to|want to|like to) (?:introduce|intro) you",
    r"(?:recommend|suggest)(?:ed)? (?:you|checking|this|the)",
)

# A request of the reader's time, attention, money or network.
ASK = _words(
    r"(?:can|could|would|will) (?:you|u|we) (?:please )?"
    r"(?:hop|jump|get|set|schedule|book|find|spare|give|share|send|introduce|refer|connect|meet"
    r"|chat|talk|take|review|help|recommend|endorse|buy|sign|try|check|do)",
    r"(?:are|r) (?:you|u) (?:free|available|open)",
    r"(?:let'?s|lets) (?:hop|jump|get|set|schedule|book|meet|chat|talk)",
    r"(?:book|schedule|grab|set up) (?:a |some )?(?:call|demo|meeting|time|slot|chat|minutes?)",
    r"(?:0+|fifteen|twenty|thirty|ten|five) ?(?:-| )?min(?:ute)?s?",
    r"(?:pick|picking) your brain",
    r"(?:any|some) (?:time|availability) (?:this|next)",
    r"do (?:you|u) know (?:anyone|anybody|someone|somebody)",
    r"(?:refer|introduce|intro|connect) me",
    r"(?:sign up|buy|purchase|subscribe)",
    r"(?:demo|walk ?through|walk you through)",
)

HYPE = _words(
    r"game[- ]?changer",
    r"game[- ]?changing",
    r"revolutionary",
    r"revolutioni[sz]e",
    r"cutting[- ]edge",
    r"world[- ]class",
    r"best[- ]in[- ]class",
    r"industry[- ]leading",
    r"guarantee(?:d|s)?",
    r"skyrocket\w*",
    r"10x|00x",
    r"explode your",
    r"unlock (?:your|the)",
    r"synerg\w+",
    r"disrupt\w*",
    r"no[- ]brainer",
    r"once[- ]in[- ]a[- ]lifetime",
    r"(?:massive|huge|incredible) (?:results|roi|growth|opportunity)",
)

_DEADLINE = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|today"
    r"|midnight|soon|this week(?:end)?|end of)"
)
URGENCY = _words(
    r"act (?:now|fast|today)",
    r"(?:limited|last) (?:time|chance|few|spots?|seats?)",
    r"(?:only )?(?:0+|a few|two|three|five) "
    r"(?:(?:pilot|free|open|more|remaining|available|early[- ]bird|beta|launch) )?"
    r"(?:spots?|seats?|slots?|places?|days?|hours?) left",
    r"(?:spots?|seats?|slots?|places?) (?:are )?(?:filling|going) (?:up )?fast",
    r"(?:before|by) (?:it'?s too late|(?:end of )?(?:today|tonight|friday|the weekend))",
    r"don'?t (?:miss out|miss this|wait|delay)",
    r"(?:expires?|ends?) (?:today|tonight|soon|at midnight)",
    r"(?:urgent|asap|immediately|right away)",
    r"(?:today|this week) only",
    # A deadline on the sender's own offer: "our units are 30% off until Friday", "enrolment
    # for my course closes Sunday" (a friend passing on someone else's sale is not pushing).
    r"(?:our|my) (?:\w+ ){0,4}?(?:(?:are|is) )?(?:0+% off|on sale|discounted|offer|deal|price)"
    r" (?:\w+ ){0,3}?(?:until|till|ends?|closes?|expires?) (?:on )?" + _DEADLINE,
    r"(?:enrol(?:l)?ment|registration|sign[- ]?ups?|applications) (?:for|to) (?:my|our) "
    r"(?:\w+ ){0,2}?(?:closes?|ends?) (?:on )?" + _DEADLINE,
    # Pressing for a decision: "confirm today", "I need an answer from you by Friday".
    r"(?:confirm|decide|commit|sign(?: up)?) (?:by )?(?:today|tonight|tomorrow)",
    r"need (?:an|your) (?:answer|decision|reply|response|commitment|yes) (?:from you )?"
    r"(?:by|before|today|tonight|this week)",
    r"call (?:us |me )?now",
)

# Chasing: the signature of a third, fourth, fifth follow-up.
CHASING = _words(
    r"bump(?:ing)?(?: this| it| my)?",
    r"(?:following|circling|checking) (?:up |back )?(?:again|once more|one more time)",
    r"(?:third|fourth|fifth|0+(?:rd|th)|final|last) "
    r"(?:time|attempt|try|email|e-mail|message|note|follow[- ]?up)",
    r"(?:haven'?t|have not|never) heard back",
    r"(?:reached|reaching) out (?:several|multiple|many|a few) times",
    r"(?:did(?:n'?t| not) (?:see|get)|not sure (?:if|whether) you saw) "
    r"my (?:last|previous|earlier)",
    r"per my (?:last|previous) (?:email|message|note)",
    r"top of your inbox",
)

MASS_TEMPLATE = _words(
    r"dear (?:sir/madam|sir or madam|sir|madam|friend|professional|connection|member"
    r"|hiring manager|valued)",
    r"to whom it may concern",
    r"i came across your (?:profile|page|company|website)",
    r"i hope (?:this|my) (?:message|email|note) finds you well",
    r"i'?d like to add you to my (?:professional )?network",
    r"greetings of the day",
    r"kindly (?:revert|respond|accept)",
)
# Unfilled mail-merge fields such as {first_name} or [Company].
TEMPLATE_PLACEHOLDER = PhraseSet(
    r"\{\{?\s*(?:first_?name|name|company|firstname)\s*\}?\}",
    r"\[(?:first ?name|name|company|company name|your name)\]",
    word_boundaries=False,
)

PITCH = _words(
    r"walk (?:you )?through (?:our|my|the) "
    r"(?:platform|product|solution|tool|app|software|offering)",
    r"(?:show|demo) (?:you )?(?:how )?(?:our|my|what we)",
    r"(?:hop|jump|get) on a (?:quick )?(?:call|zoom|meeting)",
    r"book a (?:quick )?(?:demo|call|meeting)",
    r"free (?:demo|trial|consultation|audit|strategy (?:call|session))",
    r"explore (?:synergies|a partnership|partnership|how we|working together)",
    r"(?:help|helps|helped) (?:companies|businesses|teams|brands|agencies|firms|people) "
    r"(?:like yours )?(?:to )?(?:grow|scale|increase|boost|save|cut|generate|get)",
    r"(?:increase|boost|double|triple) your (?:revenue|sales|leads|roi|conversions|pipeline)",
)

SELF_PROMO = _words(
    r"we are (?:a|the) "
    r"(?:leading|top|premier|trusted|award[- ]winning|full[- ]service|fast[- ]growing)",
    r"(?:our|my) award[- ]winning",
    r"i am (?:a|an) (?:results[- ]driven|seasoned|passionate|highly|dynamic|top[- ]performing)",
    r"(?:leading|premier) provider of",
    r"0+\+? years of (?:experience|expertise)",
)

# Addressing a group rather than a person.
GROUP_ADDRESS = _words(
    r"(?:hi|hey|hello|morning|greetings) "
    r"(?:all|everyone|everybody|folks|team|group|friends|guys|y'?all|network|fam)",
    r"(?:dear|fellow) (?:members|group members|community|founders|entrepreneurs|colleagues)",
    r"(?:this|the) (?:group|community|channel|forum)",
    r"anyone (?:here|in this group)",
    r"_chan_",
)


def _asked_rarely(*alternatives: str) -> re.Pattern[str]:
    """Whole-word alternatives kept out of the shared phrase scan every draft pays for: asked
    only of the few drafts that need them (those with a plug)."""
    return re.compile(rf"\b(?:{'|'.join(alternatives)})\b")


# A reply in a shared thread or channel, read by everyone in it ("for anyone else in this
# thread", "who here wants", "you all"). Every match holds one of THREAD_ADDRESS_WORDS.
THREAD_ADDRESS = _asked_rarely(
    r"(?:this|the|that|great|whole|in) (?:thread|channel)",
    r"upthread",
    # "do you know anyone who wants…" asks the one reader for a referral: not a group address.
    r"(?<!know )(?:anyone|anybody|everyone|everybody) (?:else|in (?:this|the) (?:thread|channel)"
    r"|who|asking)",
    r"who (?:here|else) (?:wants|needs|is)",
    r"(?:you all|all of you|each of you)",
)
THREAD_ADDRESS_WORDS = ("thread", "channel", "anyone", "anybody", "everyone", "everybody",
                        "who ", "you all", "all of you", "each of you")  # fmt: skip
PLUG = _words(
    r"check out (?:my|our) (?:new )?\w+",
    r"dm me(?: for| if)?",
    r"link in (?:bio|comments|my profile)",
    r"(?:use|with) (?:my |our |the )?(?:code|coupon|promo code)",
    r"sign up (?:now|today|here|below)",
    r"(?:my|our) (?:new )?"
    r"(?:course|ebook|e-book|masterclass|webinar|product|app|program(?:me)?|coaching)",
    r"(?:launching|just launched|launched) (?:my|our)",
    r"(?:0+)% off",
)

# Selling one's own product or service to whoever reads: a demo, a quote, a trial, a price, a
# call ("DM me for a demo", "switch to our scheduler", "I'm a reseller, DM for pricing"). With a
# mention (`rules.find_rule_hits`) it is a plug in a shared thread even without a group word.
SELL_PLUG = _words(
    r"dm(?: me)? (?:for|to (?:book|set up|get|grab)|now|and (?:i'?ll|we'?ll))",
    r"(?:message|pm|ping|email) me (?:for|to book|now)",
    r"(?:i'?ll|we'?ll|i can|we can|happy to) (?:dm|send|give|get) "
    r"(?:you |everyone |anyone |you all )?(?:here )?(?:the |our |a |an )?"
    r"(?:pricing|price list|quote|deck|contract|demo|walkthrough|walk-through|trial|discount"
    r"|calendar link|booking link)",
    r"(?:for|book|grab|give you|give anyone) (?:you in for )?(?:a |an |some )?(?:quick |free )?"
    r"(?:demo|quote|walkthrough|walk-through|discovery call|strategy call|trial licen[cs]e"
    r"|licen[cs]e key|price list)",
    r"(?:switch to|try|use|get|buy|upgrade to) (?:our|my) (?:\w+ ){0,2}?"
    r"(?:tool|product|platform|app|software|service|plugin|add-in|scheduler|tracker|solution"
    r"|system)",
    r"(?:our|my) (?:\w+ ){0,2}?(?:tool|platform|software|plugin|add-in|consultancy|agency|firm"
    r"|startup|bootcamp|solution|scheduler|tracker|vault) (?:does|handles|solves|fixes|can"
    r"|would|will|is live|launched)",
    r"shameless plug",
    r"i'?m (?:a|an) (?:reseller|account exec(?:utive)?|sales rep)",
    r"(?:early access|startup pricing)",
)

BIG_ASK = _words(
    r"(?:refer|recommend) me",
    r"(?:get|find) me (?:a|an) (?:job|role|position|interview)",
    r"(?:introduce|intro|connect) me (?:to|with) (?:your|the) "
    r"(?:ceo|cto|cfo|coo|founder|vp|head|director|boss|manager|hiring|investors?)",
    r"(?:endorse|vouch for) me",
    r"(?:endorse|endorsement(?:s)?)(?: for| on) my",
    r"(?:write|give) me a (?:recommendation|reference|testimonial)",
    r"put in a (?:good )?word",
    r"(?:pick|picking) your brain",
    r"(?:0+|thirty|sixty|forty[- ]five) ?(?:-| )?min(?:ute)?s? of your time",
    r"(?:an )?hour of your time",
    r"(?:invest|investment) in (?:my|our)",
    r"(?:are|is) (?:you|your (?:company|team)) hiring",
    r"(?:forward|pass) my (?:cv|resume|résumé)",
)

COVERT = _words(
    r"quick question",
    r"just curious",
    r"(?:this is )?not a (?:sales )?(?:pitch|sales call|sales email)",
    r"(?:i )?promise (?:this|it) (?:isn'?t|is not) a (?:pitch|sales)",
    r"no (?:sales )?pitch,? (?:i )?promise",
    r"(?:what|how) are (?:your|you) (?:biggest|main|top) (?:challenges?|pain points?|priorities)",
    r"(?:your|any) (?:biggest |main )?pain points?",
)

LATE_FOLLOW_UP = _words(
    r"(?:met|spoke|talked|chatted|connected) (?:\w+ ){0,4}"
    r"(?:(?:a few|several|some|0+|two|three|four|five|six) (?:months|years)|(?:months|years)"
    r"|last (?:year|summer|spring|autumn|fall|winter))(?: ago)?",
    r"(?:not sure|don'?t know) (?:if|whether) you (?:still )?remember me",
    r"(?:a while|long time|ages) (?:back|ago) (?:at|we|when)",
)

MASS_NETWORKING = _words(
    r"(?:expand|expanding|grow|growing|build|building) my (?:professional )?network",
    r"connect(?:ing)? with (?:all|every|as many|everyone)",
    r"open networker",
    r"i (?:accept|connect with) (?:all|everyone|every)",
    r"(?:please )?accept my (?:connection )?(?:invite|invitation|request)",
    r"(?:0+|500|thousand)\+? connections",
)

SELF_INTRO = _words(
    r"i'?m (?:[a-z]+,|[a-z]+ (?:from|at|with|here|and i)"
    r"|(?:a|an|the) [a-z]+ (?:at|from|with|in|on))",
    r"my name is",
    r"it'?s [a-z]+ (?:from|here|at|with)",
    r"this is [a-z]+ (?:from|at|with|here)",
    r"(?:we|you and i) (?:met|spoke|talked|chatted|connected|sat|worked|studied)",
    r"(?:after|at|from) (?:the|your|our|last) (?:talk|panel|meetup|conference|event|workshop"
    r"|webinar|session|dinner|class|course|fair|hackathon|call|meeting)",
    r"(?:introduced|referred|pointed) (?:me|us) (?:to you|your way)",
    r"(?:mutual|common) (?:friend|connection|contact)",
    r"(?:your|our) (?:colleague|friend|classmate|teammate)",
    r"(?:saw|read|loved|enjoyed|liked) your "
    r"(?:post|talk|article|thread|comment|question|newsletter|podcast|paper|piece)",
    r"suggested (?:i|we) (?:reach|write|get in touch|contact)",
    # "great to meet you at SaaSConf", "thanks for chatting at the meetup", "the data you asked
    # for at coffee": how the two know each other, said through the meeting itself.
    r"(?:great|good|nice|lovely|fun|a pleasure|glad|so good|really good) (?:to )?"
    r"(?:meet|meeting|see|seeing|chat|chatting|talk|talking|speak|speaking|connect|connecting)"
    r" (?:with )?you (?:at|during|after|yesterday|today|this|last|earlier|on)",
    r"(?:for|after) (?:chatting|talking|speaking|meeting|connecting)(?: with (?:me|us))? "
    r"(?:at|during|after|yesterday|today|this|last|earlier|on)",
    # "great chatting at the meetup", "thanks for the breakfast on Tuesday": the meeting named
    # without a "you" (found by newcomer testers: both were told "never says who you are").
    r"(?:great|good|nice|lovely|fun|so good|really good) (?:chatting|talking|meeting|seeing|"
    r"speaking|catching up|connecting) (?:at|during|after|yesterday|today|this|last|earlier|on|"
    r"over)",
    r"thanks? (?:you )?(?:so much |again )?for (?:the|our|a|your time at) (?:breakfast|lunch|"
    r"dinner|coffee|drinks|chat|call|catch-?up|meeting|tour|walk|demo|session|intro|visit)",
    # "I'm organising the Women in Tech meetup", "I run the Lagos data guild": who the sender is,
    # said through what they run.
    r"i'?m (?:organi[sz]ing|running|hosting|co-?hosting|putting together|curating|planning|"
    r"leading|coordinating) (?:the|our|a|this year'?s|next month'?s)",
    r"i (?:run|organi[sz]e|host|co-?host|lead|curate|coordinate) (?:the|our|a)",
    r"you (?:asked|mentioned|wanted) (?:for |about )?(?:[a-z]+ ){0,3}(?:at|during|when|yesterday|"
    r"on (?:our|the) call|earlier|last)",
    # "following up on our chat at DevFest", "circling back on our call": a reply in an
    # exchange the two already had.
    r"(?:following|follow) up (?:on|from|after) (?:our|your|the|my) "
    r"(?:chat|call|talk|conversation|meeting|coffee|lunch|email|message|note|intro)",
    # "thanks for offering to loop in your team", "as you suggested": the reader's own words
    # or offer, answered.
    r"thanks? (?:you )?for (?:offering|agreeing|suggesting|the intro|introducing|replying|"
    r"getting back|your reply|your note|your email|your message)",
    r"as (?:you|we) (?:suggested|discussed|agreed|mentioned)",
)

# Words that never explain a verdict on their own: a quoted phrase needs a word outside these.
_STOP_WORD_LIST = """a an the and or but nor so yet if then than that this these those
    there here it its
    i i'm im i've i'd i'll me my mine we we're we've we'd we'll us our ours you you're you've
    you'd you'll your yours u ur he she him her his hers they them their theirs who whom whose
    what which when where why how is am are was were be been being do does did doing done
    have has had having can could would should will shall may might must to of in on at by for
    with from into onto about as up down out off over under again just also too very really
    quite some any all each every no not only own same other such more most much many few
    let let's lets get got go going make made like well oh ok okay yes yeah please pls"""
STOP_WORDS = frozenset(_STOP_WORD_LIST.split())
# Bare greetings and sign-offs: never quoted as the reason for a verdict.
_GREETING_LIST = """hi hey hello hiya heya yo dear greetings morning afternoon evening good hope
    cheers thanks thank thx ty regards best sincerely warmly"""
GREETINGS = frozenset(_GREETING_LIST.split())
