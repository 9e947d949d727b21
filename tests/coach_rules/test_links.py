import re
import socket

import pytest

from coach_rules import links
from coach_rules.corpus import load_corpus
from coach_rules.links import (
    affiliate_markers,
    disclosure_spans,
    find_links,
    undisclosed_affiliate_spans,
)

DESK = (
    "Hey Tom, congrats on the new job! If you're setting up your home office, this standing "
    "desk changed my back: https://deskly.shop/pro?aff=kmurphy7"
)


def test_the_undisclosed_desk_link_from_the_issue_is_found_with_its_span():
    spans = undisclosed_affiliate_spans(DESK)
    assert [DESK[s:e] for s, e in spans] == ["https://deskly.shop/pro?aff=kmurphy7"]


@pytest.mark.parametrize(
    "disclosure",
    [
        " (affiliate link, I get a small commission)",
        " Full disclosure: I work at Deskly.",
        " I get a commission if you buy.",
        " Heads up, that's my referral link and I get a free month.",
    ],
)
def test_a_disclosure_clears_the_affiliate_link(disclosure):
    assert undisclosed_affiliate_spans(DESK + disclosure) == ()


def test_the_word_affiliate_inside_the_link_itself_is_not_a_disclosure():
    text = "I'd recommend https://cloudpanel.host/?affiliate=ohughes for hosting, fast and cheap."
    assert disclosure_spans(text) == ()
    assert undisclosed_affiliate_spans(text)


def test_saying_it_is_not_an_affiliate_link_is_no_disclosure_for_a_tagged_one():
    text = "https://www.amazon.com/dp/B08X?tag=chloe-20 (not an affiliate link)"
    assert undisclosed_affiliate_spans(text)


def test_slack_thread_answer_ending_in_a_ref_trial_link_is_found():
    text = (
        "@Ivan CleanShot X for sure, first month free: <https://cleanshot.com/?ref=nina.dev|Get it>"
    )
    spans = undisclosed_affiliate_spans(text)
    assert [text[s:e] for s, e in spans] == ["<https://cleanshot.com/?ref=nina.dev|Get it>"]


def test_the_disclosure_search_finds_what_its_alternatives_alone_find():
    alone = re.compile(links._DISCLOSURE_ALTERNATIVES, links._DISCLOSURE_FLAGS)
    texts = [d.text for d in load_corpus()] + [
        "Link below #ad. (ad) Code in bio (referral) and ( affiliate ) too.",
        "Not an affiliate, no affiliate marketing: İ GET A CUT and ı'm biased, my ſhop.",
        "x#ad y(ad) z(ref) I'd get a free month; we both get $10",
    ]
    for text in texts:
        expected = [m.span() for m in alone.finditer(text)]
        assert [m.span() for m in links._DISCLOSURE.finditer(text)] == expected


def test_the_disclosure_alternatives_are_split_whole_and_each_compiles_alone():
    alternatives = links._top_level_alternatives(links._DISCLOSURE_ALTERNATIVES)
    assert len(alternatives) > 40
    assert f"(?:{'|'.join(alternatives)})" == links._DISCLOSURE_ALTERNATIVES.strip()
    for alternative in alternatives:
        re.compile(alternative, links._DISCLOSURE_FLAGS)


def test_whether_a_text_discloses_is_what_the_disclosure_search_says():
    texts = [d.text for d in load_corpus()]
    texts += [t.upper() for t in texts[::5]] + [
        "I GET PAID IF YOU JOIN: HTTPS://X.IO/?REF=SAM",
        "İ get a cut, ı'm biased, my ſhop, ÇÓDIGO DE REFERIDO, PRÄMIE",
        "Full disclosure: I RECEIVE a small commission.",
    ]
    disclosing = 0
    for text in texts:
        expected = bool(links._DISCLOSURE.search(links._without_links(text)))
        assert links.discloses(text) == expected, text
        disclosing += expected
    assert disclosing > 50


@pytest.mark.parametrize(
    ("url", "marker"),
    [
        ("https://x.io/?ref=sam", "ref=sam"),
        ("https://x.io/signup?aff=ola_s", "aff=ola_s"),
        ("https://x.io/?affiliate=oh", "affiliate=oh"),
        ("https://x.io/invite?referral=m23", "referral=m23"),
        ("https://x.io/?partner=felipe", "partner=felipe"),
        ("https://x.io/?via=tomk", "via=tomk"),
        ("https://www.amazon.co.uk/dp/B09/?tag=emily-21", "tag=emily-21"),
        ("digitalfreedom.academy/join?aff=aisha77", "aff=aisha77"),
    ],
)
def test_affiliate_query_keys_are_markers(url, marker):
    assert marker in affiliate_markers(url)


def test_tag_is_only_an_affiliate_key_on_amazon():
    assert affiliate_markers("https://blog.example.com/posts?tag=python") == ()


@pytest.mark.parametrize(
    "text",
    [
        "Slides from the talk: https://example.com/slides?utm_source=newsletter&utm_medium=email",
        "The recording is here: https://bit.ly/3xYz9Qk",
        "Here's the guide: https://a.co/d/4kLmNoP",
    ],
)
def test_tracking_parameters_and_shorteners_alone_are_not_findings(text):
    assert undisclosed_affiliate_spans(text) == ()


def test_a_personal_coupon_code_is_a_marker():
    text = "P.S. use my code MIA20 on fitglow.com for 20% off the protein bars"
    spans = undisclosed_affiliate_spans(text)
    assert [text[s:e] for s, e in spans] == ["my code MIA20"]


def test_markdown_slack_and_plain_links_are_each_found_once_with_their_spans():
    text = (
        "See [the guide](https://a.example/guide), <https://b.example/x|this> and "
        "https://c.example/y. Also www.d.example/z, then calendly.com/jonas."
    )
    links = find_links(text)
    assert [link.url for link in links] == [
        "https://a.example/guide",
        "https://b.example/x",
        "https://c.example/y",
        "www.d.example/z",
        "calendly.com/jonas",
    ]
    assert [text[link.start : link.end] for link in links][:2] == [
        "[the guide](https://a.example/guide)",
        "<https://b.example/x|this>",
    ]
    assert links[1].label == "this"


def test_finding_links_never_reaches_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network used")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert undisclosed_affiliate_spans(DESK)


def test_bare_domain_candidates_are_exactly_the_tokens_with_a_dot_and_a_slash_or_question():
    texts = [d.text for d in load_corpus()] + [
        "see acme.io/x?ref=1 and\u00a0b.co?x=1 or a/b.",
        # the first such token after a space that is not ASCII, with a plain word before it
        "see\u00a0acme.io/x then\u2009b.co?x=1",
    ]
    for text in texts:
        expected = [
            (m.start(), m.end())
            for m in re.finditer(r"\S+", text)
            if "." in m.group(0) and ("/" in m.group(0) or "?" in m.group(0))
        ]
        assert [(m.start(), m.end()) for m in links._bare_domain_tokens(text)] == expected


@pytest.mark.parametrize(
    ("url", "marker"),
    [
        ("https://pay.hotmart.com/course?ap=7f3a", "ap=7f3a"),
        ("https://writer.substack.com/p/post?r=2bx9", "r=2bx9"),
        ("https://shop.example/?sca_ref=123.abc", "sca_ref=123.abc"),
        ("https://app.example/signup?lmref=x1y2", "lmref=x1y2"),
        ("https://hop.clickbank.net/?hop=none", "hop.clickbank.net"),
        ("https://example.com/refer/dana", "/refer/dana"),
        ("alan.com/parrainage/ref=CHLOE-B7", "/parrainage/ref=CHLOE-B7"),
    ],
)
def test_affiliate_networks_site_keys_and_redirect_hosts_are_markers(url, marker):
    assert marker in affiliate_markers(url)


@pytest.mark.parametrize(
    "url", ["https://example.com/?r=1", "https://example.com/?ap=2", "http://[unclosed/x?ref=a"]
)
def test_site_keys_count_only_on_their_site_and_a_broken_url_is_no_marker(url):
    assert affiliate_markers(url) == ()


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Order through my page and you get free shipping!", "through my page"),
        ("Here's my link, it's the best planner ever", "Here's my link"),
        ("the serum is amazing, link in my bio!!", "link in my bio"),
    ],
)
def test_personal_links_said_in_words_are_found(text, phrase):
    assert [text[s:e] for s, e in undisclosed_affiliate_spans(text)] == [phrase]


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for letting me share the photos on my page!",
        "Would you mention my name to him? Only if you're comfortable.",
    ],
)
def test_my_page_and_my_name_in_other_senses_are_not_links(text):
    assert undisclosed_affiliate_spans(text) == ()


@pytest.mark.parametrize(
    "disclosure",
    [
        "It gives you $40 off and me some credit.",
        "Just being upfront: I get paid if you book.",
        "I'm their ambassador.",
        "Ref link, I get €10 once you spend €10.",
        "Lien de parrainage, je reçois 50 €.",
        "Mein Empfehlungslink, ich bekomme eine Prämie.",
    ],
)
def test_saying_what_the_sender_gets_in_other_words_is_a_disclosure(disclosure):
    text = f"Here's my invite link, it gives you a discount: airbnb.com/c/farahk12. {disclosure}"
    assert undisclosed_affiliate_spans(text) == ()
    assert undisclosed_affiliate_spans(text.replace(disclosure, ""))


def test_a_draft_not_in_english_is_still_judged_for_a_link_that_pays_its_sender():
    from coach_rules.review import review

    undisclosed = (
        "Oi Thiago! Cria sua conta pelo meu link: https://nubank.com.br/?ref=mariana.silva"
    )
    assert review(undisclosed).judged and review(undisclosed).flagged
    plain = "Oi Thiago! Cria sua conta aqui, o banco é muito bom: https://nubank.com.br/"
    assert not review(plain).judged


@pytest.mark.parametrize(
    "url",
    [
        "https://www.flexispot.com/r/karlmeyer",
        "airbnb.com/c/farahk12",
        "https://m.do.co/c/8f3a2b1c9d0e",
        "https://wise.com/invite/u/marias12",
        "coinbase.com/join/smith_k1",
        "https://join.robinhood.com/jessicm42",
        "https://amzn.to/3xYz9Qk",
        "https://revolut.com/referral/?referral-code=anna8xk",
    ],
)
def test_referral_paths_subdomains_and_amazon_short_links_are_markers(url):
    assert affiliate_markers(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.amazon.com/Keyboard/dp/B08XYZ123/ref=sr_1_3?keywords=keyboard&qid=1",
        "https://github.com/foo/bar?ref=hackernews",
        "https://docs.example.com/guide?via=sidebar",
        "https://discord.com/invite/pydata2024",
        "https://www.reddit.com/r/python/",
        "https://www.eventbrite.com/e/meetup-tickets-123?aff=oddtdtcreator",
        "https://join.slack.com/t/pydata/shared_invite/zt-abc123",
    ],
)
def test_links_that_pay_no_one_are_not_markers(url):
    assert affiliate_markers(url) == ()


@pytest.mark.parametrize(
    "disclosure",
    [
        "I'd get $20 if you sign up.",
        "We both get a free month.",
        "You and I both get $10.",
        "They pay me a little if you buy.",
        "It earns me a few points.",
        "I work there, so I'm biased.",
        "I'd earn a referral bonus.",
        "(referral)",
        "Disclosure first: the ref is mine.",
        "I get a free box when you order.",
        "I run a tiny coffee shop near you.",
        "I own a small design studio.",
    ],
)
def test_more_ways_of_saying_the_sender_gains_are_disclosures(disclosure):
    text = f"Try it: https://cleanshot.com/?ref=nina7 {disclosure}"
    assert undisclosed_affiliate_spans(text) == ()
    assert undisclosed_affiliate_spans(text.replace(disclosure, ""))


def test_working_at_a_company_is_not_owning_the_product():
    text = "This is the desk everyone at my company uses: https://www.flexispot.com/r/karlmeyer"
    assert undisclosed_affiliate_spans(text)


def test_a_code_holding_the_name_of_the_reader_or_sender_is_personal():
    text = "Hey Brandon, quick gift: use code BRANDONVIP for 25% off at glowskin.shop\n\nxo Kayla"
    assert [text[s:e] for s, e in undisclosed_affiliate_spans(text)] == ["code BRANDONVIP"]
    signed = "Hi Daniela, use code FRESH-DANIEL9 for 60% off your first box.\n\nDaniel"
    assert [signed[s:e] for s, e in undisclosed_affiliate_spans(signed)] == ["code FRESH-DANIEL9"]


def test_a_public_discount_code_is_not_personal():
    text = "Hi Sam,\nthe conference has a discount: use code EARLYBIRD for 20% off.\n\nPriya"
    assert undisclosed_affiliate_spans(text) == ()


def test_a_disclosure_under_the_sign_off_counts_but_one_in_quoted_history_does_not():
    from coach_rules.review import review

    body = "Hi Tom,\n\nThis standing desk saved my back: https://deskly.shop/pro?aff=kmurphy7\n\n"
    signed = body + "Cheers,\nKate\n--\nKate Murphy\nI earn a commission on links I share."
    assert "transparent-intent" not in {f.rule for f in review(signed).findings}
    noted = body + "Cheers,\nKate\n\nDisclosure: that is an affiliate link, I get a commission."
    # the note under the sign-off is read like a P.S.: the classifier sees it too
    assert "ps" in {part.kind for part in review(noted).parts}
    assert not review(noted).flagged
    quoted = (
        "Thanks Tom! Desk: https://deskly.shop/pro?aff=kmurphy7\n\nOn Mon, Tom wrote:\n"
        "> full disclosure: I get a commission on everything"
    )
    assert "transparent-intent" in {f.rule for f in review(quoted).findings}


def test_a_link_label_that_says_referral_is_a_disclosure() -> None:
    text = "You asked about Loom: <https://www.loom.com/refer/9fQ2|my referral link, fwiw> :+1:"
    assert undisclosed_affiliate_spans(text) == ()


def test_a_legal_footer_that_mentions_disclosure_discloses_nothing() -> None:
    text = (
        "Try MailRocket: https://mailrocket.io/pricing?via=brooke\n\nAny unauthorised review, "
        "use, disclosure or distribution is prohibited."
    )
    assert undisclosed_affiliate_spans(text) != ()


@pytest.mark.parametrize(
    "text",
    [
        "sign up through https://freeagent.com/?ref=a7k2z and I get a few quid, no pressure",
        "Full disclosure: https://deskly.shop/pro?aff=kmurphy7 is my affiliate link",
    ],
)
def test_everyday_disclosures_clear_the_link(text: str) -> None:
    assert undisclosed_affiliate_spans(text) == ()


def test_a_code_with_the_senders_own_name_is_personal() -> None:
    text = "Hi Brenda it's Marion from book club! Use code MARION10 for 10% off the yarn."
    assert [text[a:b] for a, b in undisclosed_affiliate_spans(text)] == ["code MARION10"]


def test_a_wise_style_invite_path_is_a_referral_link() -> None:
    assert affiliate_markers("https://wise.com/invite/u/chiomao") != ()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Grab the planner app, code TOMASZ15 takes 15% off the yearly plan.", "code TOMASZ15"),
        ("Worth it! Enter promo code: OLUWA-BOOKS at checkout.", "code: OLUWA-BOOKS"),
        ("The stand-up desk is great; use KEMI25 at deskhaus.de and save a bit.", "use KEMI25"),
        ("Their first box is 30% off with IRINA-GREENS at veggiebox.io", "with IRINA-GREENS"),
        ("Sign up with partner code ZX-HANS-40 today.", "code ZX-HANS-40"),
    ],
)
def test_a_code_not_made_of_public_offer_words_is_a_personal_code(text: str, found: str) -> None:
    assert [text[a:b] for a, b in undisclosed_affiliate_spans(text)] == [found]


@pytest.mark.parametrize(
    "text",
    [
        # made of public-offer words: a shop's or an event's code
        "Tickets are cheaper with code SUMMERFEST24 until June.",
        "There's a student deal, 40% off with code BACKTOSCHOOL.",
        # called official or public, in its sentence or the next
        "Use TECHWEEK2026 at techweek.io, the organisers' code for speakers' friends.",
        "Hotel rooms are 20% off with code KLX26. It's the official delegate rate.",
        # the sender's own shop code is self-promotion, not a referral
        "Come by the bakery, our promo code CROISSANT5 works all week.",
        # capitals that are not handed over as a code
        "We moved the NGINX config to the new host.",
        "Use GPT-4 for the summaries and TERRAFORM for the rest.",
        "Use ROCKETLAB1 for training runs.",
        # codes that open a door or a meeting, or set what to wear
        "Dress code BLACK-TIE, and the door code is KESTREL9.",
        "Meeting code: WXYZ-PLQ for the Tuesday call.",
    ],
)
def test_public_official_and_non_codes_are_not_personal(text: str) -> None:
    assert undisclosed_affiliate_spans(text) == ()


def test_a_personal_code_is_cleared_by_saying_so() -> None:
    text = "The meal kit is great, code JONAS30 gets you 30% off."
    assert undisclosed_affiliate_spans(text) != ()
    assert undisclosed_affiliate_spans(text + " That's my referral code, I get a box too.") == ()


@pytest.mark.parametrize(
    ("url", "referral"),
    [
        ("https://cursos.example.com.br/excel?afiliado=joana77", True),
        ("https://insure.example.co.uk/quote?introducer=pat_landlord", True),
        ("https://bank.example.com/refer?code=QX8812", True),
        ("https://food.example.co/invite/maria-l", True),
        ("https://bank.example.com/help?code=QX8812", False),
        ("https://food.example.co/invite", False),
    ],
)
def test_more_referral_link_shapes(url: str, referral: bool) -> None:
    assert bool(affiliate_markers(url)) is referral


@pytest.mark.parametrize(
    "disclosure",
    [
        "we'd each get a month free, so I'm not neutral here",
        "I'm not impartial, I get a little something",
        "if you join I go get small bonus, no lie",
        "I'm upfront that my studio earns a referral fee on it",
        "we're transparent about this: our firm gets a small commission",
    ],
)
def test_plain_word_disclosures(disclosure: str) -> None:
    text = f"Try it: https://planly.app/?ref=ola5 — {disclosure}."
    assert undisclosed_affiliate_spans(text) == ()
    assert undisclosed_affiliate_spans("Try it: https://planly.app/?ref=ola5 — worth it.")


@pytest.mark.parametrize(
    "url",
    [
        # Amazon's associate tag on any of its country domains, known or not
        "https://www.amazon.nl/dp/B0ABC12345?tag=fietsjan-21",
        "https://amazon.com.mx/gp/product/B0XY?tag=lupe-cocina-20",
        # a site's own affiliate or refer-a-friend path
        "https://bookshop.org/a/90817/9780141439518",
        "https://www.booking.com/s/42_7/tereza9q",
        "https://share.octopus.energy/brisk-otter-604",
        # a handle of several parts after /invite/
        "https://registry.example.com/invite/mina-and-joel",
    ],
)
def test_site_affiliate_paths_and_amazon_domains_are_markers(url: str) -> None:
    assert affiliate_markers(url) != ()


@pytest.mark.parametrize(
    "url",
    [
        "https://bookshop.org/lists/best-books-of-the-year",
        "https://www.booking.com/hotel/pt/casa-azul.html",
        "https://octopus.energy/smart/agile/",
        "https://www.amazon.nl/dp/B0ABC12345",
        "https://www.amazon.nl/dp/B0ABC12345/ref=sr_1_1?keywords=fiets",
        "https://events.example.com/invite",
    ],
)
def test_the_same_sites_plain_pages_are_not_markers(url: str) -> None:
    assert affiliate_markers(url) == ()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("New climbing gym opened, say GRIP-TOMAS8 at the front desk for a free first week.",
         "say GRIP-TOMAS8"),
        ("Quote DEV-OKAFOR22 at reception and the day pass is half price.", "Quote DEV-OKAFOR22"),
    ],
)  # fmt: skip
def test_a_code_said_at_the_desk_is_a_personal_code(text: str, found: str) -> None:
    assert [text[a:b] for a, b in undisclosed_affiliate_spans(text)] == [found]


@pytest.mark.parametrize(
    "text",
    [
        "Say HELLO at the front desk, they are lovely.",
        "Just say R2-D2 at the counter and the barista laughs.",
        "Quote PO-1182 at reception when you collect the parcel.",
    ],
)
def test_words_said_at_a_desk_that_are_no_personal_code(text: str) -> None:
    assert undisclosed_affiliate_spans(text) == ()


@pytest.mark.parametrize(
    ("text", "no_gain"),
    [
        (
            "Panadería Luna has 20% off rye flour with code RYE20. {} Just sharing.",
            "I don't know the owners and get nothing from this.",
        ),
        (
            "The sponsor gave members code CORRE10 for 10% off. {} https://correja.com.br",
            "I get nothing for it, just passing it on.",
        ),
        (
            "Their course helped me: https://learnly.example/course?ref=maya22 {}",
            "Not affiliated, just a fan.",
        ),
    ],
)
def test_saying_plainly_that_the_sender_gains_nothing_clears_a_code(
    text: str, no_gain: str
) -> None:
    assert undisclosed_affiliate_spans(text.format("")) != ()
    assert undisclosed_affiliate_spans(text.format(no_gain)) == ()


# Issue 15, seventh pass: markers as people paste them in other languages and networks.
@pytest.mark.parametrize(
    ("url", "marker"),
    [
        # an affiliate network's sub-keys name the affiliate too
        ("https://tiendita.example.mx/item/77?aff_sub=rosa_mx", "aff_sub=rosa_mx"),
        ("https://deals.example.com/p?aff_click_id=ab12", "aff_click_id=ab12"),
        ("https://deals.example.com/p?affiliate_source=kai", "affiliate_source=kai"),
        # the "godparent" of Spanish and Portuguese referral schemes, and German "Werber"
        ("https://gimnasio.example.es/alta?padrino=marcos_r", "padrino=marcos_r"),
        ("https://banco.example.com.br/abrir?padrinho=ju.lima", "padrinho=ju.lima"),
        ("https://strom.example.de/wechsel?werber=kfischer", "werber=kfischer"),
        # an affiliate subdomain with one personal token
        ("https://affiliate.plannr.example/teo-ops7", "affiliate.plannr.example/teo-ops7"),
    ],
)
def test_affiliate_sub_keys_other_languages_keys_and_subdomains_are_markers(url, marker):
    assert marker in affiliate_markers(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://tiendita.example.mx/item/77?sub=home",  # no affiliate word in the key
        "https://affiliate.plannr.example/terms",  # the programme's own page, no token
        "https://blog.example.com/?affair=yes",  # "aff" only as the start of a word
    ],
)
def test_near_misses_of_those_markers_are_not_markers(url):
    assert affiliate_markers(url) == ()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Compra lá e usa meu cupom RAFA15, sai 15% mais barato!", "meu cupom RAFA15"),
        ("Para el gimnasio, mi código de descuento MARCOS20 te da un mes.", "mi código de"),
        ("Inscris-toi avec mon code parrain LEA-7K, tu gagnes 10 €.", "mon code parrain LEA-7K"),
        ("Prova l'app, il mio codice SARA5 ti regala la prima consegna.", "il mio codice SARA5"),
        ("Mit meinem Gutscheincode KFISCHER10 bekommst du 10 %.", "meinem Gutscheincode"),
        ("Regístrate con mi enlace y nos dan 10€ a los dos", "con mi enlace"),
        ("Chega na loja e menciona o código JU-LIMA8 no caixa, ganha 10%.", "código JU-LIMA8"),
    ],
)
def test_personal_codes_and_links_said_in_other_languages_are_found(text, found):
    spans = undisclosed_affiliate_spans(text)
    assert any(text[s:e].startswith(found) for s, e in spans), [text[s:e] for s, e in spans]


@pytest.mark.parametrize(
    "text",
    [
        "Mi código es un desastre, ¿me ayudas con el bug?",  # code as in source code
        "El código VERANO25 da 25% en toda la tienda.",  # a season's public code
        "Los organizadores dan el código COMUNIDAD-MX a todo el grupo.",  # public words
        "La organización comparte el código JSCONF-MX: it's for everyone in the Slack.",
        "Usa meu cupom BRUNA10, mas sendo honesta: é meu cupom de afiliada e eu ganho comissão.",
    ],
)
def test_other_languages_public_codes_and_disclosed_ones_are_not_findings(text):
    assert undisclosed_affiliate_spans(text) == ()


# Eighth links pass: a code host's `ref` is a branch; referral sources, invite kinds and
# sign-up codes; gains said as who gets what; codes the organisers gave out.
@pytest.mark.parametrize(
    ("url", "referral"),
    [
        ("https://github.com/acme/tools/blob/main/setup.cfg?ref=main", False),
        ("https://gitlab.com/acme/tools/-/tree/v2?ref=release", False),
        ("https://docs.acme.dev/install?ref=v3.2", False),
        ("https://planly.app/?ref=ola5", True),
        ("https://moneyapp.example/invite/xyz/ana22", True),
        ("https://jobs.example.co/acme/9f1-designer?lever-source=referral-okoro", True),
        ("https://boards.example.io/acme/jobs/12?gh_src=referral_ana", True),
        ("https://site.example.com/?utm_medium=referral", False),
        ("https://site.example.com/?utm_source=referral_program", False),
        ("https://broker.example.in/open-account?c=AB7712", True),
        ("https://app.example.com/signup?invite=KT88Q1", True),
        ("https://app.example.com/signup?c=blue", False),
    ],
)
def test_branch_refs_referral_sources_and_signup_codes(url: str, referral: bool) -> None:
    assert bool(affiliate_markers(url)) is referral


@pytest.mark.parametrize(
    "disclosure",
    [
        "It gives you 20% off and me a ride credit.",
        "It should give us both a free month.",
        "It doesn't benefit me in any way.",
        "I won't benefit from it at all.",
    ],
)
def test_gains_said_as_who_gets_what(disclosure: str) -> None:
    text = f"Try it: https://planly.app/?ref=ola5 {disclosure}"
    assert undisclosed_affiliate_spans(text) == ()


@pytest.mark.parametrize(
    ("text", "public"),
    [
        ("The organisers gave every volunteer a pass. The code is VOLPASS-KT, enter it at the "
         "door for free entry.", True),
        ("Code TANDEM25 is listed on our pricing page for all registered charities.", True),
        ("Code OKORO25 is not a personal code, anyone can use it.", True),
        ("The official docs are fine. Use code OKORO25 for 25% off at learnly.io.", False),
        ("Use code OKORO25 for all your orders at learnly.io, 25% off.", False),
    ],
)  # fmt: skip
def test_codes_the_organisers_gave_out_or_listed_for_all(text: str, public: bool) -> None:
    assert (undisclosed_affiliate_spans(text) == ()) is public
