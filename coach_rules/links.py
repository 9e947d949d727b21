"""Links in a draft, and the affiliate or referral markers a reader is not told about.

`find_links(text)` finds every link (plain `https://…`, `www.…`, a bare `site.com/path`, markdown
`[label](url)` and Slack `<url|label>`) with its span. `affiliate_markers(url)` names what makes a
link pay its sender: a query key such as `ref`, `aff`, `affiliate`, `referral`, `partner`, `via`
(Amazon: `tag`) or a `/ref/…` path. "Use my code MIA20", "code MARTA20 gets you 20% off" and "use
AMARA10 at glowbyamara.co.za" are personal coupon codes; a code spelled from public-offer words
("SPRING25", "EARLYBIRD") or called official or public is not. Tracking keys (`utm_*`) and link
shorteners are not markers: they say nothing about who gets paid.

`undisclosed_affiliate_spans(text)` is what the review reports: the spans of links and codes that
pay the sender, unless the draft says so ("affiliate link", "I get a commission", "full
disclosure: I work at …"). Pure string work: nothing here reaches the network.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from coach_rules.phrasematch import first_characters
from coach_rules.sentences import sentence_bounds
from coach_rules.textnorm import lower_same_length, may_match_ignoring_case

_SLACK_LINK = re.compile(r"<((?:https?|ftp)://[^|<>\s]+)(?:\|([^<>]*))?>", re.IGNORECASE)
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]{0,300})\]\(\s*((?:https?://|www\.)[^\s()]+)\s*\)", re.I)
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'`]+", re.IGNORECASE)
# "digitalfreedom.academy/join?aff=x": a bare domain counts as a link only with a path or query.
_BARE_DOMAIN = re.compile(
    r"(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}[/?][^\s<>\"'`]*",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?'\")]}>*_"
# Whether a whitespace-delimited token holds a dot and a slash or question mark: a dot, then a
# slash or "?" later in the same token, or the other way round. Each alternative starts with one
# literal mark, so the search jumps from mark to mark; every such token holds a match, and a
# match lies in one token.
_DOT_AND_SLASH_OR_QUERY_IN_A_TOKEN = re.compile(r"\.\S*[/?]|/\S*\.|\?\S*\.")
_TOKEN = re.compile(r"\S+")
_ASCII_SPACES = " \t\n\r\f\v"  # some of what \s matches: a token starts no earlier than after one

AFFILIATE_KEYS: frozenset[str] = frozenset(
    {
        "ref", "refid", "ref_id", "refcode", "ref_code", "referral", "referralcode",
        "referral_code", "referrer", "aff", "affid", "aff_id", "affiliate", "affiliate_id",
        "affiliateid", "partner", "partner_id", "partnerid", "via", "invite", "invite_code",
        "rfsn", "irclickid", "clickref", "coupon", "promo", "promocode", "discount_code",
        "fpr", "avad", "upline", "sponsor", "aid", "tracking_id", "subid",
        # affiliate networks and referral tools: UpPromote, Tapfiliate, LinkMink, GrowSurf,
        # Awin, CJ, Impact, Rakuten, ThriveCart, Teachable
        "sca_ref", "tap_a", "tap_s", "lmref", "grsf", "awc", "cjevent", "irgwc", "ranmid",
        "raneaid", "ransiteid", "a_aid", "affcode", "aff_code", "affiliate_code", "refer",
        "referrer_id", "inviter", "invite_id", "referral-code", "ref-code", "invite-code",
        "referralid", "referral_id",
        # other languages and introducer schemes: Portuguese/Spanish "afiliado", French
        # "parrain", a broker's "introducer"
        "afiliado", "afiliada", "afiliado_id", "parrain", "parrainage", "introducer",
        "introducer_id", "introduced_by", "referred_by", "ref_by", "invited_by",
        # the "godparent" of Spanish and Portuguese referral schemes, and other languages'
        # words for the person who recommends or invites: "registro?padrino=lucia_g"
        "padrino", "madrina", "padrinho", "madrinha", "referido", "referido_por", "indicacao",
        "indicação", "indicado_por", "convite", "convidado_por", "invitacion", "invitación",
        "invitado_por", "werber", "empfehlung", "empfehler", "geworben_von", "filleul",
    }
)  # fmt: skip
# Sub-keys of an affiliate network's links name the affiliate too: "aff_sub=ellainelink",
# "aff_click_id=…", "affiliate_source=…" (what follows the prefix varies by network).
AFFILIATE_KEY_PREFIXES: tuple[str, ...] = ("aff_", "aff-", "affiliate_", "affiliate-")
AMAZON_AFFILIATE_KEYS: frozenset[str] = frozenset({"tag", "linkcode", "ascsubtag"})
# A `ref`, `via` or `source` naming where a link was posted, not who shared it, is tracking:
# "github.com/x?ref=hackernews", "docs.example.com/guide?via=sidebar".
SOURCE_REF_KEYS: frozenset[str] = frozenset({"ref", "via", "source", "referrer", "src"})
POSTED_WHERE: frozenset[str] = frozenset(
    {
        "hn", "hackernews", "news.ycombinator.com", "producthunt", "product_hunt", "ph",
        "twitter", "x", "linkedin", "facebook", "fb", "instagram", "ig", "reddit", "youtube",
        "tiktok", "mastodon", "bluesky", "threads", "github", "medium", "substack", "slack",
        "discord", "telegram", "whatsapp", "newsletter", "email", "mail", "blog", "rss", "feed",
        "homepage", "home", "nav", "navbar", "menu", "header", "footer", "sidebar", "banner",
        "search", "google", "bing", "duckduckgo", "share", "social", "app", "web", "website",
        "direct", "organic", "docs", "pricing", "landing", "podcast", "webinar", "event",
    }
)  # fmt: skip
# Keys a site sets on its own links to count where its visitors came from: Eventbrite's `aff`.
SITE_TRACKING_KEYS: dict[str, frozenset[str]] = {"eventbrite": frozenset({"aff"})}
# On a code host `ref` names a branch, tag or commit ("github.com/o/r/blob/x.yaml?ref=main",
# GitLab's and Bitbucket's the same): it pays no one.
CODE_HOSTS: frozenset[str] = frozenset(
    {"github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "sr.ht", "gitea.com"}
)
# A `ref` anywhere whose value is a branch or a version, not a person: "?ref=main", "?ref=v2.1".
_GIT_REF_VALUE = re.compile(
    r"^(?:main|master|develop|development|dev|trunk|head|stable|latest|release|gh-pages"
    r"|v?\d+(?:\.\d+)+)$",
    re.I,
)
# A source key whose value names a referral by one person: Lever's
# "?lever-source=referral-jmiller", Greenhouse's "?gh_src=referral_ana" (a plain
# "utm_medium=referral" names no one, and "referral_program" is no person).
_SOURCE_KEY = re.compile(r"(?:^|[-_])(?:source|src)$", re.I)
_REFERRAL_BY_SOMEONE = re.compile(
    r"^(?:referral|referred|referrer|ref|employee-?referral)[-_.:]+(?!(?:program|programme|link"
    r"|page|campaign|email|bonus|scheme|form|portal)$)[a-z][\w.-]{2,}$",
    re.I,
)
# Sign-up pages whose query hands over a personal code: "zerodha.com/open-account?c=ZMP4471",
# "app.example.com/signup?invite=KT-88Q". The value must hold letters and digits.
_SIGNUP_PAGE = re.compile(
    r"/(?:sign-?up|register|registration|open-account|account/open|get-started|join)/?$", re.I
)
SIGNUP_PAGE_KEYS: frozenset[str] = frozenset({"c", "code", "inv", "invite", "r", "rc"})
_PERSONAL_TOKEN = re.compile(r"^(?=[\w-]*[a-z])(?=[\w-]*\d)[\w-]{4,24}$", re.I)
# Keys that pay the sharer only on one site: Hotmart's `ap`, Gumroad's `a`, Substack's `r`.
SITE_AFFILIATE_KEYS: dict[str, frozenset[str]] = {
    "hotmart.com": frozenset({"ap"}),
    "gumroad.com": frozenset({"a"}),
    "substack.com": frozenset({"r"}),
}
# Paths that pay the sharer only on one site: Bookshop.org's `/a/<affiliate id>/…`, Booking.com's
# `/s/<n>_<n>/<token>` refer-a-friend links, Octopus Energy's `share.` links ("/calm-owl-482").
SITE_REFERRAL_PATHS: dict[str, re.Pattern[str]] = {
    "bookshop.org": re.compile(r"^/a/\d+(?:/|$)"),
    "booking.com": re.compile(r"^/s/\d+_\d+/[\w-]+/?$"),
    "share.octopus.energy": re.compile(r"^/[\w-]+/?$"),
}
# Hosts whose every link is an affiliate redirect (ClickBank hop links, ShareASale, Awin, CJ,
# Impact and Rakuten tracking domains).
AFFILIATE_HOSTS: frozenset[str] = frozenset(
    {
        "hop.clickbank.net", "shareasale.com", "awin1.com", "anrdoezrs.net", "jdoqocy.com",
        "tkqlhce.com", "dpbolvw.net", "kqzyfj.com", "sjv.io", "pxf.io", "7eer.net", "ojrq.net",
        "click.linksynergy.com", "amzn.to", "go.skimresources.com", "shopstyle.it",
    }
)  # fmt: skip
# Where an invite or join link lets someone into a community, call or repository: it pays no
# one, and short paths such as `/r/` and `/c/` are subreddits and channels there.
COMMUNITY_HOSTS: frozenset[str] = frozenset(
    {
        "discord.com", "discord.gg", "slack.com", "whatsapp.com", "t.me", "telegram.me",
        "zoom.us", "teams.microsoft.com", "meet.google.com", "meetup.com", "lu.ma", "github.com",
        "gitlab.com", "linkedin.com", "reddit.com", "redd.it", "youtube.com", "facebook.com",
        "groups.google.com", "signal.group", "mastodon.social", "circle.so", "skool.com",
    }
)  # fmt: skip
_AFFILIATE_PATH = re.compile(
    r"/(?:ref|referral|referrals|refer|aff|affiliate|affiliates|partner|parrainage"
    r"|referido|indicacao|empfehlung)/[^/?#]+",
    re.I,
)
# Short referral paths, away from community hosts: "flexispot.com/r/karlmeyer",
# "airbnb.com/c/farahk12", "wise.com/invite/u/marias12", "wise.com/invite/dic/kwameb3" (a short
# kind of invite before the handle), "coinbase.com/join/smith_k1".
_SHORT_REFERRAL_PATH = re.compile(
    r"^/r/[\w.-]*[a-z][\w.-]*/?$|/(?:c|join|invite(?:/[a-z]{1,5})?|i)/"
    r"[\w.-]*(?:[a-z][\w.-]*\d|\d[\w.-]*[a-z])[\w.-]*/?$|/ref=[^/?#]+|/invite/u/[\w.-]+/?$"
    # a person's handle after /invite/: "grubly.co/invite/tomasz-k", "…/invite/ana-and-raul"
    r"|/invite/[a-z]+(?:[-_.][a-z0-9]+)+/?$",
    re.I,
)
# "novabank.com/refer?code=JT4492": a referral page whose query names the person who refers.
_REFERRAL_PAGE = re.compile(r"/(?:refer|referral|referrals|invite|invites|ref)/?$", re.I)
REFERRAL_PAGE_KEYS: frozenset[str] = frozenset({"code", "c", "id", "u", "user", "by", "from"})
REFERRAL_SUBDOMAINS: frozenset[str] = frozenset(
    {"join", "refer", "referral", "invite", "ref", "affiliate", "affiliates", "aff"}
)
_ONE_TOKEN = re.compile(r"^/[\w.-]*\d[\w.-]*/?$")
# Amazon on any country's domain ("amazon.de", "amazon.co.uk", "amazon.com.au"), and its short
# links.
_AMAZON_HOST = re.compile(
    r"(?:^|\.)amazon\.[a-z]{2,}(?:\.[a-z]{2,3})?$|(?:^|\.)amzn\.(?:to|eu|asia)$", re.I
)

# "use my code MIA20", "my discount code: PRIYA500", "sign up with my link"
# Every alternative starts with a word that begins with one of seven letters: the lookahead in
# front says so once, so the search passes every other position at once (same matches).
_PERSONAL_CODE = re.compile(
    r"(?=[muwvthl])(?:"
    r"\bmy\s+(?:own\s+)?(?:promo\s+|discount\s+|coupon\s+|referral\s+|invite\s+|voucher\s+)?"
    r"code\s*[:\"'“]?\s*[A-Z0-9][A-Za-z0-9_-]{2,}"
    r"|\b(?:use|with|via|through|under|using)\s+my\s+(?:invite\s+|personal\s+)?"
    r"(?:link|page|store|shop|storefront)\b"
    r"|\bhere'?s\s+my\s+(?:invite\s+|personal\s+)?(?:link|code)\b"
    r"|\bmy\s+(?:personal\s+|invite\s+|special\s+)?link\s+(?:gets|gives|saves)\s+you\b"
    r"|\blink\s+in\s+my\s+bio\b)",
    re.IGNORECASE,
)
_PERSONAL_CODE_WORDS = ("code", "link", "page", "store", "shop")
# The same said in Portuguese, Spanish, French, Italian or German: "usa meu cupom BRUNA10", "mi
# código de descuento LUCIA5", "mon code parrain CLAIRE20", "il mio codice GIULIA15", "mein
# Gutscheincode JONAS10" (the code in capitals or with a digit), or "com o meu link", "con mi
# enlace", "avec mon lien", "über meinen Link" (`_BY_MY_LINK` before the possessive). Every
# match opens with the possessive's "m"/"M", which the search jumps to; the caller checks that it
# starts a word.
_PERSONAL_CODE_ELSEWHERE = re.compile(
    r"[mM](?i:eu|inha|i|on|a|ein(?:en|em)?|io)\s+"
    r"(?:(?i:cupom|cup[oó]n|c[oó]digo|codice|code|gutschein(?:-?code)?|rabatt-?code|promo-?code"
    r"|coupon)"
    r"(?:\s+(?:(?i:de|di|du|da|del)\s+)?\w+)?\s*[:\"'“]?\s*"
    r"(?=[A-Z][A-Z0-9_-]*\d|[A-Z]{4})[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)*\b"
    r"|(?i:link|enlace|lien)\b)"
)
_BY_MY_LINK = re.compile(
    r"\b(?:com|con|avec|mit|über|ueber|col|tramite|por|pelo|pela|par|usa|use|utilise)\s+"
    r"(?:o\s+|el\s+|il\s+)?$",
    re.IGNORECASE,
)


def _personal_code_elsewhere_spans(text: str) -> Iterator[tuple[int, int]]:
    """Spans of `_PERSONAL_CODE_ELSEWHERE` matches whose possessive starts a word; a link
    needs a word that hands it over in front ("con mi enlace"), and the span starts there."""
    for m in _PERSONAL_CODE_ELSEWHERE.finditer(text):
        start = m.start()
        if start and text[start - 1].isalnum():
            continue  # "common code", "salmon link": no possessive
        if m.group(0).rsplit(None, 1)[-1].lower() in _LINK_WORDS:
            by = _BY_MY_LINK.search(text, max(0, start - 24), start)
            if by is None:
                continue  # "mi enlace está roto": not handed over
            start = by.start()
        elif text[max(0, start - 3) : start].lower() == "il ":
            start -= 3  # "il mio codice …"
        yield start, m.end()


_LINK_WORDS = frozenset({"link", "enlace", "lien"})
# Whether lower-cased text may hold one of those possessives as a word: each pattern opens with
# a literal the search jumps to (a `\b` or a class in front makes it try every position).
_POSSESSIVES = ("meu ", "minha ", "mi ", "mon ", "ma ", "mein", "mio ")
_POSSESSIVE_AFTER_SPACE = re.compile(r" m(?:eu|inha|i|on|a|ein(?:en|em)?|io)\s")
_POSSESSIVE_AFTER_NEWLINE = re.compile(r"\nm(?:eu|inha|i|on|a|ein(?:en|em)?|io)\s")


def _may_hold_possessive_elsewhere(lowered: str) -> bool:
    return (
        _POSSESSIVE_AFTER_SPACE.search(lowered) is not None
        or lowered.startswith(_POSSESSIVES)
        or ("\nm" in lowered and _POSSESSIVE_AFTER_NEWLINE.search(lowered) is not None)
    )


# "use code FRESH-DANIEL9", "coupon BRANDONVIP": a code that holds a name the message greets or
# signs with is made for one person; "use code SPRING25" passes on a public discount.
_CODE = re.compile(
    r"\b(?:code|coupon|voucher)\s*[:\"'“]?\s*([A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)*)\b", re.IGNORECASE
)
_GREETED = re.compile(r"\b(?i:hi|hey|hello|hiya|dear|yo|thanks|cheers)[ \t]+([A-Z][a-z]{2,})\b")
_SIGNED = re.compile(r"^[ \t]*(?:[-—–~][ \t]*)?([A-Z][a-z]{2,})(?:[ \t]+[A-Z][a-z]+)?[ \t]*$", re.M)
# "it's Marion from book club", "I'm Kai, we met at…": the sender names themself.
_INTRODUCED = re.compile(r"\b(?i:it'?s|i'?m|i\s+am|this\s+is)[ \t]+([A-Z][a-z]{2,})\b")
# A code as people type it, in capitals: "MARTA20", "NEHA-FRIENDS", "PN-ALEX-50". Only words
# in capitals are tried, and the few characters before each.
# (No "\b" in front: it makes the search several times slower; the caller looks instead.)
_CODE_SHAPED = re.compile(
    r"[A-Z][A-Z0-9]{2,}(?:[-_][A-Z0-9]+)*(?![\w-])|[A-Z][A-Z0-9]?(?:[-_][A-Z0-9]+)+(?![\w-])"
)
_IN_A_WORD = re.compile(r"[\w-]")
_FOUR_CAPITALS = re.compile(r"[A-Z][A-Z0-9]{3}|[A-Z][A-Z0-9]?[-_][A-Z0-9]")
# What hands a code over, just before it: "code MARTA20", "partner code: KWAME-SIKA60", "promo
# code is ANKIT500"; or, for a code-shaped word, "use AMARA10 at …", "with NEHA-FRIENDS at".
# Not after "our": the sender's own shop or event code is self-promotion, not a referral.
_NAMED_AS_CODE = re.compile(
    r"(?<!\bour\s)(?<!\bour\s\w{5}\s)(?<!\bour\s\w{8}\s)"
    r"\b(?:code|coupon|voucher|promo|c[oó]digo|cupom|cup[oó]n|codice|gutschein(?:code)?)"
    r"\s*[:\"'“]?\s*(?:is\s+)?$",
    re.IGNORECASE,
)
# The last word of every `_NAMED_AS_CODE` and `_HANDED_AS_CODE` match ("code is MIA20").
_GIVING_WORDS = frozenset(
    {
        "code", "coupon", "voucher", "promo", "is",
        "código", "codigo", "cupom", "cupón", "cupon", "codice", "gutschein", "gutscheincode",
        "use", "enter", "apply", "with", "mention", "say", "quote",
    }
)  # fmt: skip
# "use AMARA10 at …", "just say FH-LUCA12 at the front desk", "quote BEN-44 when you book".
_HANDED_AS_CODE = re.compile(r"\b(?:use|enter|apply|with|mention|say|quote)\s+$", re.IGNORECASE)
_THEN_WHERE_OR_WHAT = re.compile(r"\s+(?:at|on|for|when|to\s+get|and\s+get|gets?)\b", re.I)
# A code handed over without the word "code" must be for a discount or typed at a shop: "use
# H100 for training" is not one.
_DISCOUNT = re.compile(
    r"%|\b(?:off|discount|free|save|saves|saving|bonus|credit|cashback|cheaper|deal)\b", re.I
)
# Where a handed code is to be typed or said: "at glowbyamara.co.za", "at checkout", "at the
# front desk".
_AT_SHOP = re.compile(
    r"\s+(?:at|on)\s+(?:checkout\b|[\w-]+\.[a-z]{2,}"
    r"|(?:the\s+)?(?:front\s+)?(?:desk|reception|till|counter|register)\b)",
    re.I,
)
# Words public codes are made of: seasons, occasions, audiences and offers ("SPRING25",
# "EARLYBIRD", "ALUM60", "WELCOME10"). A code of these words only is a shop's or an event's
# code, not one person's. (Short words join them: "BACKTOSCHOOL"; a part must be three letters or
# more to count at all.)
_PUBLIC_CODE_WORD_LIST = """
    spring summer autumn fall winter holiday holidays xmas christmas easter diwali eid ramadan
    new year years black friday cyber monday weekend week day days month launch welcome
    hello save saving savings sale deal deals offer promo discount get free gift gifts
    thanks thank you first early bird vip member members staff team group student students
    edu school alum alumni grad grads teacher teachers nurse nurses hero heroes community
    friend friends family lunch office corp corporate delegate delegates event events conf
    conference summit expo fest festival meetup ticket tickets shop store online app web
    fresh extra bonus special limited flash back bts try now join start win plus pro max one
    two ten twenty fifty half off birthday bday anniversary local city news letter
    newsletter subscriber subscribers reader readers listener listeners fan fans love happy
    jan feb mar apr may jun jul aug sep sept oct nov dec to the and of in on for
    verano invierno primavera otono navidad natal verao inverno outono bienvenido bienvenida
    bemvindo bienvenue benvenuto willkommen oferta promocao descuento desconto rabatt sconto
    soldes ete hiver printemps noel sommer weihnachten estate natale amigo amigos amiga amigas
    primera primeira compra semana dia mes comunidad comunidade communaute gemeinschaft
    evento eventos entrada entradas nonprofit nonprofits charity charities ngo npo"""
PUBLIC_CODE_WORDS: frozenset[str] = frozenset(_PUBLIC_CODE_WORD_LIST.split())
# "dress code BLACK-TIE", "the door code is GATE42": codes that are no discount.
_OTHER_CODE_KIND_LIST = """
    dress door access wifi wi-fi meeting room entry gate post zip area error status qr source
    country airport course module class booking confirmation reference ticket tracking order
    verification otp pin security sort swift tax vat product style colour color invitation join
    event session lock alarm locker parking"""
OTHER_CODE_KINDS: frozenset[str] = frozenset(_OTHER_CODE_KIND_LIST.split())
# What says a code is the shop's or the organisers' rather than the sender's own.
_PUBLIC_CODE_CONTEXT = re.compile(
    r"\b(?:official|public(?:ly)?|organi[sz]ers?|not\s+(?:a\s+)?(?:mine|my\s+own|personal)"
    # "listed on our pricing page for all registered NPOs"
    r"|listed\s+on\s+(?:our|the|their)\s+(?:[\w-]+\s+)?(?:page|site|website)"
    r"|for\s+all\s+(?:(?:registered|eligible|verified)\s+[\w-]+|members|students|customers"
    r"|attendees|nonprofits|npos|ngos|charities)"
    r"|nothing\s+personal|site-?wide|store-?wide|(?:any|every)one\s+can\s+use"
    r"|(?:it'?s|it\s+is|open|valid|works)\s+for\s+(?:every|any)one"
    r"|share\s+it\s+(?:freely|widely|around)"
    r"|organi[sz]aci[oó]n|organiza[cç][aã]o|organisation|organization)\b",
    re.I,
)
# What a sender writes when they are open about being paid for the link.
_DISCLOSURE_ALTERNATIVES = r"""(?:
        \b(?:full|quick|small|obligatory|standard|honest|fair|affiliate)\s+disclosure\b
      | \bdisclosure\s*(?:first\s*|up\s*front\s*|time\s*)?[:—–(-] | \bdisclosing\b
      | \bi\s+(?:run|own)\s+(?:a|an|the|this|that)\s+(?:\w+\s+){0,2}
        (?:shop|store|business|company|startup|agency|brand|studio|bakery|café|cafe)\b
      | (?<!not\san\s)(?<!not\s)(?<!no\s)\baffiliate\b(?!\s+marketing)
      | \breferral\s+(?:link|code)\b | \bmy\s+referral\b | \b(?:it'?s|that'?s)\s+my\s+link\b
      | \btransparen(?:t|cy)\s*[:,—–-] | \bto\s+be\s+(?:fully\s+)?(?:transparent|upfront)\b
      | \b(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:being\s+)?(?:transparent|upfront)\s+(?:that|about)\b
      | \b(?:we|our\s+\w+|my\s+\w+)\s+(?:gets?|earns?|receives?|makes?)\s+(?:a\s+|an\s+|some\s+)?
        (?:small\s+)?(?:commission|kickback|referral\s+fee|finder'?s\s+fee|partner\s+(?:rate|fee))\b
      | \bi\s+(?:get|earn|receive|make)\s+(?:a\s+|an\s+|some\s+|the\s+)?
        (?:small\s+|tiny\s+|little\s+)?(?:[$€£₹]?\d[\d,.]*\s*)?
        (?:commission|cut|credit|kickback|bonus|reward|fee|few\s+(?:cents|dollars|euros|pounds|quid|bucks)
          |free\s+\w+|month\s+free|\d+\s*%|percentage)
      | \b(?:gives|earns)\s+me\s+(?:a\s+)?(?:free|small|credit|commission|bonus|points?|\d)
      | \b(?:earns|pays|nets)\s+me\b | \b(?:they|it|the\s+\w+)\s+(?:pays?|gives?)\s+me\b
      | \b(?:i'?d|i'?ll|i\s+(?:would|will|might|may|could))\s+(?:also\s+)?
        (?:get|earn|receive|make)\s+(?:a\s+|an\s+|some\s+|the\s+)?(?:small\s+|tiny\s+|little\s+)?
        (?:[$€£₹]?\d[\d,.]*\s*)?
        (?:commission|cut|credit|kickback|bonus|reward|fee|points|month|few|referral|something|paid
          |\d)
      | \bi\s+(?:get|earn|receive|make)\s+(?:a\s+|an\s+|some\s+)?(?:small\s+|little\s+)?
        (?:points|money|something|store\s+credit|referral|finder'?s\s+fee|compensation|few\s+bucks
          |few\s+quid|quid|tenner|fiver
          |bit|little)
      | \b(?:you\s+and\s+i|both\s+of\s+us)\s+(?:would\s+|'d\s+|will\s+|'ll\s+)?(?:both\s+)?get\b
      | \bwe\s+(?:would\s+|will\s+)?(?:both|each)\s+get\b | \bwe'?(?:d|ll)\s+(?:both|each)\s+get\b
      | \b(?:i'?m|i\s+am)\s+not\s+(?:neutral|impartial|unbiased|objective)\b
      | \bi\s+go\s+(?:get|collect|chop)\s+(?:small\s+|some\s+|one\s+)?
        (?:bonus|commission|money|cut|credit|reward|something|kobo)
      | \bboth\s+get\b
      | \bi\s+(?:would\s+|'d\s+)?benefit\b | \bbenefits\s+me\b | \bi'?m\s+(?:a\s+bit\s+)?biased\b
      | \b(?:i'?m|i\s+am)\s+(?:paid|compensated)\b | \bpaid\s+(?:partnership|for\s+referrals)\b
      | \bi\s+work\s+there\b | \bbrand\s+(?:rep|representative|partner)\b
      | \breferral\s+(?:fee|bonus|reward|credit)\b | \(\s*(?:referral|ref|affiliate)\s*\)
      | \b(?:and|gets)\s+me\s+(?:a\s+|an\s+|some\s+)?(?:small\s+|little\s+)?
        (?:travel\s+|store\s+|account\s+|referral\s+|ride\s+|shop\s+)?
        (?:credit|commission|bonus|cut|reward|free|discount|voucher|points?)
      # A gain the sender shares with the reader: "should give us both the bonus", "gets us
      # both a free month".
      | \b(?:gives?|get|gets|earns?)\s+(?:us\s+both|both\s+of\s+us|each\s+of\s+us)\b
      | \bbeing\s+(?:fully\s+)?(?:upfront|transparent|honest)\b
      | \bi\s+(?:get|earn|receive|make)\s+(?:paid|[$€£₹]\s?\d) | \bambassador\b
      | \bref\s+(?:link|code)\b
      | \blien\s+de\s+parrainage\b | \bje\s+(?:reçois|gagne|touche)\b
      | \bempfehlungs(?:link|code)\b | \b(?:bekomme\s+ich|ich\s+bekomme)\b | \bprämie\b
      | \b(?:enlace|link|código|codigo)\s+de\s+(?:referido|indicação|indicacao|afiliado)\b
      | \bgano\s+(?:una?\s|\d|[$€])
      | \bwe\s+both\s+get\b
      | \bi\s+(?:work|worked)\s+(?:at|for)\b | \bi\s+work\s+with\s+them\b
      | \bi'?m\s+(?:an?\s+)?(?:investor|advisor|partner)\b
      | \bi\s+(?:co-?)?founded\b
      | (?<!at\s)(?<!in\s)\bmy\s+(?:own\s+)?(?:company|startup|product|app|shop|course)\b
      | \#ad\b | (?<!not\s)\bsponsored\b | \(ad\)
      # No gain at all, said plainly: the code or link is someone else's.
      | \b(?:i|and)\s+(?:get|earn|make|receive|gain)\s+nothing\b | \bnothing\s+in\s+it\s+for\s+me\b
      | \bi\s+(?:don'?t|do\s+not)\s+(?:get|earn|make|receive|gain)\s+
        (?:anything|a\s+(?:thing|cent|penny|dime))\b
      | \b(?:i'?m\s+|i\s+am\s+)?not\s+(?:affiliated|sponsored|paid)\b | \bunaffiliated\b
      | \bno\s+(?:affiliation|kickback|commission|referral\s+fee)\b
      | \b(?:doesn'?t|does\s+not|won'?t|will\s+not)\s+benefit\s+me\b
      | \bi\s+(?:don'?t|do\s+not|won'?t|will\s+not)\s+benefit\b | \bno\s+benefit\s+to\s+me\b
      | \bganho\b | \bcomisi[oó]n\b | \bprovision\b
    )"""
_DISCLOSURE_FLAGS = re.IGNORECASE | re.VERBOSE
# Every alternative starts at a word start or at "#" or "(": the lookahead in front says so once,
# so the search passes every other position at once instead of trying each alternative there
# (about 3x faster; the matches are the same).
_DISCLOSURE_START = r"(?=[#(]|\b\w)"
_DISCLOSURE = re.compile(_DISCLOSURE_START + _DISCLOSURE_ALTERNATIVES, _DISCLOSURE_FLAGS)


def _top_level_alternatives(group: str) -> list[str]:
    """The alternatives of a pattern `(?:a|b|…)`, split at the bars outside any group or class."""
    body = group.strip().removeprefix("(?:").removesuffix(")")
    alternatives, current, depth, in_class, escaped = [], [], 0, False, False
    for ch in body:
        if not escaped and not in_class and depth == 0 and ch == "|":
            alternatives.append("".join(current))
            current = []
            continue
        current.append(ch)
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()":
            depth += 1 if ch == "(" else -1
    alternatives.append("".join(current))
    return alternatives


# Lookbehinds in front of an alternative ("(?<!not\\s)\\bsponsored"): they read what comes
# before a match, so its first character is that of what follows them.
_LEADING_LOOKBEHINDS = re.compile(r"^\s*(?:\(\?<[!=][^()]*\)\s*)+")


def _first_character_groups(
    alternatives: list[str], flags: int
) -> tuple[dict[str, list[str]], list[str]]:
    """The alternatives by the character a match of each starts with (in order, an alternative
    in each of its characters' groups), and those whose start cannot be listed."""
    groups: dict[str, list[str]] = {}
    anywhere: list[str] = []
    for alternative in alternatives:
        starts = first_characters(_LEADING_LOOKBEHINDS.sub("", alternative), flags)
        for start in sorted(starts or ()):
            groups.setdefault(start, []).append(alternative)
        if starts is None:
            anywhere.append(alternative)
    return groups, anywhere


def _by_first_character(alternatives: list[str], flags: int) -> str:
    """The alternatives grouped by the character they start with, each group behind a lookahead
    for it, so a position tries only the few that can start there (those whose start cannot be
    listed are tried everywhere). Finds a match wherever the plain alternation does, though not
    always the same one: for asking whether there is any."""
    groups, anywhere = _first_character_groups(alternatives, flags)
    grouped = [f"(?={re.escape(start)})(?:{'|'.join(group)})" for start, group in groups.items()]
    return f"(?:{'|'.join(grouped + anywhere)})"


def _by_first_literal(alternatives: list[str], flags: int) -> str:
    """`_by_first_character` for case-sensitive matching, faster: each group opens with its
    character as a plain literal, which the engine tests in one step (a chain of lookaheads
    costs a sub-match each), then steps back onto it to try the group's alternatives there."""
    groups, anywhere = _first_character_groups(alternatives, flags)
    grouped = [
        f"{re.escape(start)}(?<=(?=(?:{'|'.join(group)})).)" for start, group in groups.items()
    ]
    return f"(?:{'|'.join(grouped + anywhere)})"


# Whether a text discloses at all: the alternatives by their first character, two to three
# times quicker than `_DISCLOSURE` (a test checks both answer alike on the corpus).
_ANY_DISCLOSURE = re.compile(
    _DISCLOSURE_START
    + _by_first_character(_top_level_alternatives(_DISCLOSURE_ALTERNATIVES), _DISCLOSURE_FLAGS),
    _DISCLOSURE_FLAGS,
)
# The same question of lower-cased text, matched case-sensitively (every alternative is written
# in lower case): case-insensitive matching folds each character it compares, and a literal can
# open each group only when matched as written. Not for text with a letter lower() leaves that
# IGNORECASE matches to an ASCII one (İ, ı, ſ): `discloses` asks `_ANY_DISCLOSURE` of those.
_ANY_DISCLOSURE_LOWERED = re.compile(
    _by_first_literal(_top_level_alternatives(_DISCLOSURE_ALTERNATIVES), re.VERBOSE), re.VERBOSE
)


@dataclass(frozen=True)
class Link:
    start: int  # span of the whole link as written, markup included
    end: int
    url: str
    label: str | None = None

    @property
    def markers(self) -> tuple[str, ...]:
        return affiliate_markers(self.url)


def _trim(url: str) -> str:
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def find_links(text: str) -> tuple[Link, ...]:
    """Every link in `text`, in order, each once (a markdown or Slack link is one link)."""
    found: list[Link] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    if "<" in text:
        for m in _SLACK_LINK.finditer(text):
            found.append(Link(m.start(), m.end(), m.group(1), m.group(2)))
            taken.append((m.start(), m.end()))
    if "](" in text:
        for m in _MARKDOWN_LINK.finditer(text):
            if free(m.start(), m.end()):
                found.append(Link(m.start(), m.end(), _trim(m.group(2)), m.group(1)))
                taken.append((m.start(), m.end()))
    candidates: list[re.Match[str]] = []
    if "://" in text or "www." in text.lower():
        candidates.extend(_URL.finditer(text))
    # A bare domain needs a dot and a slash or question mark in one token: test those only (a
    # quick look at the words first; their offsets only when one is like that).
    for token in _bare_domain_tokens(text):
        bare = _BARE_DOMAIN.search(text, token.start(), token.end())
        if bare:
            candidates.append(bare)
    for m in candidates:
        url = _trim(m.group(0))
        end = m.start() + len(url)
        if url and free(m.start(), end):
            found.append(Link(m.start(), end, url))
            taken.append((m.start(), end))
    return tuple(sorted(found, key=lambda link: link.start))


def _bare_domain_tokens(text: str) -> list[re.Match[str]]:
    """The whitespace-separated tokens of `text` that hold a dot and a slash or question mark."""
    if "." not in text or ("/" not in text and "?" not in text):
        return []
    # Most drafts have a dot and a question mark, in different words: the tokens holding both
    # are found around the matches of a pattern that starts only at those marks (a pattern for
    # the tokens themselves would be tried at every position).
    tokens: list[re.Match[str]] = []
    for mark in _DOT_AND_SLASH_OR_QUERY_IN_A_TOKEN.finditer(text):
        if tokens and mark.start() < tokens[-1].end():
            continue  # another match in the token just found
        start = max(text.rfind(space, 0, mark.start()) for space in _ASCII_SPACES) + 1
        # From `start` the tokens are read in order up to the one holding the mark (the first,
        # unless a space outside ASCII comes between).
        for token in _TOKEN.finditer(text, start):
            if token.end() > mark.start():
                tokens.append(token)
                break
    return tokens


def affiliate_markers(url: str) -> tuple[str, ...]:
    """The parts of `url` that pay whoever shared it, e.g. `("aff=kmurphy7",)`; empty if none."""
    try:
        parts = urlsplit(url if "://" in url else f"http://{url}")
        host = (parts.hostname or "").lower()
    except ValueError:  # e.g. an unclosed "[" in the host: not a link we can read
        return ()
    amazon = _AMAZON_HOST.search(host) is not None
    domains = _domains_of(host)
    site_keys = AMAZON_AFFILIATE_KEYS if amazon else _site_keys(domains)
    tracking = _site_tracking_keys(host)
    code_host = not CODE_HOSTS.isdisjoint(domains)
    markers = [
        f"{key}={value}" if value else key
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if (
            key.lower() in AFFILIATE_KEYS
            or key.lower() in site_keys
            or key.lower().startswith(AFFILIATE_KEY_PREFIXES)
        )
        and key.lower() not in tracking
        and not (key.lower() in SOURCE_REF_KEYS and value.lower() in POSTED_WHERE)
        and not (key.lower() == "ref" and (code_host or _GIT_REF_VALUE.match(value)))
    ]
    markers.extend(
        f"{key}={value}"
        for key, value in parse_qsl(parts.query)
        if _SOURCE_KEY.search(key) and _REFERRAL_BY_SOMEONE.match(value)
    )
    if _SIGNUP_PAGE.search(parts.path):
        markers.extend(
            f"{key}={value}"
            for key, value in parse_qsl(parts.query)
            if key.lower() in SIGNUP_PAGE_KEYS and _PERSONAL_TOKEN.match(value)
        )
    markers.extend(m.group(0) for m in _AFFILIATE_PATH.finditer(parts.path))
    # Amazon's own `/ref=sr_1_3` paths track its search pages; only `tag=` pays the sharer.
    if not amazon and COMMUNITY_HOSTS.isdisjoint(domains):
        markers.extend(m.group(0) for m in _SHORT_REFERRAL_PATH.finditer(parts.path))
        # "join.robinhood.com/jessicm42": a referral subdomain with one personal token
        if host.split(".", 1)[0] in REFERRAL_SUBDOMAINS and _ONE_TOKEN.match(parts.path):
            markers.append(host + parts.path)
    if _REFERRAL_PAGE.search(parts.path):
        markers.extend(
            f"{key}={value}"
            for key, value in parse_qsl(parts.query)
            if key.lower() in REFERRAL_PAGE_KEYS and value
        )
    if not AFFILIATE_HOSTS.isdisjoint(domains):
        markers.append(host)
    markers.extend(
        host + parts.path
        for site, path in SITE_REFERRAL_PATHS.items()
        if site in domains and path.match(parts.path)
    )
    return tuple(markers)


def _site_keys(domains: set[str]) -> frozenset[str]:
    """The keys that pay on the first site of SITE_AFFILIATE_KEYS the host is on."""
    for site, keys in SITE_AFFILIATE_KEYS.items():
        if site in domains:
            return keys
    return frozenset()


def _site_tracking_keys(host: str) -> frozenset[str]:
    labels = host.split(".")
    return frozenset().union(*(keys for site, keys in SITE_TRACKING_KEYS.items() if site in labels))


def _domains_of(host: str) -> set[str]:
    """`host` and every domain it is a subdomain of ("go.example.com": itself, "example.com"
    and "com"): a host is on a site exactly when the site is one of these, so a table of sites
    is asked with one set look-up per domain rather than a suffix test per site."""
    domains = {host}
    dot = host.find(".")
    while dot >= 0:
        domains.add(host[dot + 1 :])
        dot = host.find(".", dot + 1)
    return domains


def affiliate_spans(
    text: str, links: tuple[Link, ...] | None = None
) -> tuple[tuple[int, int], ...]:
    """Spans of links with affiliate markers and of personal coupon codes, disclosed or not.
    `links` (`find_links(text)`) may be passed when the caller has them."""
    links = find_links(text) if links is None else links
    spans = [(link.start, link.end) for link in links if link.markers]
    # Every personal-code phrase says "my" and one of its words; skip the scan otherwise.
    lowered = text.lower()
    if "my" in lowered and may_match_ignoring_case(lowered, _PERSONAL_CODE_WORDS):
        spans.extend((m.start(), m.end()) for m in _PERSONAL_CODE.finditer(text))
    if _may_hold_possessive_elsewhere(lowered):
        spans.extend(_personal_code_elsewhere_spans(text))
    if "code" in lowered or "coupon" in lowered or "voucher" in lowered:
        spans.extend(_named_code_spans(text, spans))
    spans.extend(_personal_code_spans(text, spans))
    return tuple(sorted(spans))


def _personal_code_spans(text: str, taken: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Spans of codes made for one person ("code MARTA20", "use AMARA10 at …"): not made of
    public-code words only, and not called official or public in their sentence or the next."""
    # Most drafts hold no word of four capitals or digits: one quick search, and done. (Testing
    # first for the words that hand a code over is no quicker: "with" and "use" are everywhere.)
    if not _FOUR_CAPITALS.search(text):
        return
    for token in _CODE_SHAPED.finditer(text):
        code = token.group(0)
        if len(code) < 4 or (token.start() and _IN_A_WORD.match(text, token.start() - 1)):
            continue  # "CEO", "iPHONE15"
        before = text[max(0, token.start() - 40) : token.start()]
        words = before.lower().rstrip(" \t:\"'“").rsplit(None, 1)
        if not words or words[-1] not in _GIVING_WORDS:
            continue  # "NGINX", "ASAP": not handed over as a code (a quick look first)
        named = _NAMED_AS_CODE.search(before)
        handed = None if named else _HANDED_AS_CODE.search(before)
        given = named or handed
        if given is None or not _looks_personal(code, handed=handed is not None):
            continue
        if named and _other_kind_of_code(before[: named.start()]):
            continue
        start, end = token.start() - len(before) + given.start(), token.end()
        if handed and not _THEN_WHERE_OR_WHAT.match(text, end):
            continue
        if _said_public(text, start, end) or (
            handed and not _AT_SHOP.match(text, end) and not _DISCOUNT.search(_sentence(text, end))
        ):
            continue
        if all(end <= s or start >= e for s, e in taken):
            yield start, end


def _other_kind_of_code(before: str) -> bool:
    """Whether the word before "code" makes it a door, dress, meeting or error code."""
    words = before.rsplit(None, 1)
    return bool(words) and words[-1].lower().strip(",:;()") in OTHER_CODE_KINDS


# The sentence before a code says who gave it out: "The organisers gave each speaker two passes."
_GIVEN_BY_ORGANISERS = re.compile(
    r"\b(?:organi[sz]ers?|the\s+(?:event|conference|festival|venue|sponsors?))\s+(?:have\s+|has\s+)?"
    r"(?:gave|given|give|sent|shared|handed|offer(?:ed|s)?|provided)\b",
    re.IGNORECASE,
)


def _said_public(text: str, start: int, end: int) -> bool:
    """Whether the sentence of text[start:end], or the next, calls a code official, public or
    the organisers' ("…code CUBO30. It's public on our site"), or the one before says the
    organisers gave it out ("The organisers gave each speaker two passes. The code is …")."""
    first, stop = sentence_bounds(text, start, end)
    if _PUBLIC_CODE_CONTEXT.search(text, first, stop):
        return True
    if first > 1 and _GIVEN_BY_ORGANISERS.search(
        text, *sentence_bounds(text, first - 2, first - 2)
    ):
        return True
    if stop >= len(text):
        return False
    return _PUBLIC_CODE_CONTEXT.search(text, *sentence_bounds(text, stop + 1, stop + 1)) is not None


def _sentence(text: str, at: int) -> str:
    return text[slice(*sentence_bounds(text, at, at))]


def _looks_personal(code: str, *, handed: bool) -> bool:
    """Whether `code` reads as one person's: at least four characters and three letters, and
    a part of three or more letters that is not spelled from public-code words. A code handed
    over without the word "code" also needs a digit or a hyphen ("AMARA10", "NEHA-FRIENDS")."""
    letters = sum(ch.isalpha() for ch in code)
    if len(code) < 4 or letters < 3:
        return False
    if handed and (letters < 4 or not any(ch.isdigit() or ch in "-_" for ch in code)):
        return False
    parts = [part for part in re.split(r"[^A-Za-z]+", code.lower()) if len(part) >= 3]
    return any(not _spelled_from(part, PUBLIC_CODE_WORDS) for part in parts)


def _spelled_from(word: str, vocabulary: frozenset[str]) -> bool:
    """Whether `word` is one or more words of `vocabulary` run together ("earlybird")."""
    can_end = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        can_end[end] = any(
            can_end[start] and word[start:end] in vocabulary
            for start in range(max(0, end - 12), end)
        )
    return can_end[-1]


def _named_code_spans(text: str, taken: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Spans of codes that hold the name of the message's reader or sender."""
    names = {
        name.lower()
        for pattern in (_GREETED, _SIGNED, _INTRODUCED)
        for name in pattern.findall(text)
    }
    if not names:
        return
    for m in _CODE.finditer(text):
        code = m.group(1).lower()
        if any(name in code for name in names) and all(
            m.end() <= s or m.start() >= e for s, e in taken
        ):
            yield m.start(), m.end()


def disclosure_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the draft tells the reader the sender gains from a link or a product (words
    inside a link, such as `?affiliate=…`, do not count)."""
    return tuple((m.start(), m.end()) for m in _DISCLOSURE.finditer(_without_links(text)))


def _without_links(text: str, links: tuple[Link, ...] | None = None) -> str:
    """`text` with every link blanked (same length) but its label: words in a URL do not
    disclose, a label the reader sees ("<https://…|referral link, fwiw>") does. `links` as in
    `affiliate_spans`."""
    for link in find_links(text) if links is None else links:
        kept = -1 if not link.label else text.find(link.label, link.start, link.end)
        blank = " " * (link.end - link.start)
        if kept >= 0:
            offset = kept - link.start
            blank = blank[:offset] + link.label + blank[offset + len(link.label) :]
        text = text[: link.start] + blank + text[link.end :]
    return text


def undisclosed_affiliate_spans(
    text: str, signed: Callable[[], str] | None = None
) -> tuple[tuple[int, int], ...]:
    """Affiliate links and personal codes, unless the draft discloses the sender's gain.

    `signed` gives the sender's whole message with the signature (same offsets as `text`): a
    disclosure there ("Disclosure: affiliate link" under the sign-off) is read too. It is
    called only when there is something to disclose."""
    links = find_links(text)  # found once for both questions
    spans = affiliate_spans(text, links)
    if not spans or discloses(text, links):
        return ()
    if signed is not None:
        whole = signed()
        # Without a signature the whole message is `text` itself, already asked.
        if whole != text and discloses(whole):
            return ()
    return spans


def discloses(text: str, links: tuple[Link, ...] | None = None) -> bool:
    """Whether `disclosure_spans(text)` finds any (stopping at the first: the pattern is slow);
    `links` as in `affiliate_spans`."""
    shown = _without_links(text, links)
    lowered = lower_same_length(shown)
    if may_match_ignoring_case(lowered, ()):
        return _ANY_DISCLOSURE.search(shown) is not None
    return _ANY_DISCLOSURE_LOWERED.search(lowered) is not None
