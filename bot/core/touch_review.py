"""The give/ask/thank part of a draft review: which contact the draft is for, what kind of touch
it reads as, and the give-first line when the member has only asked that contact so far.

A draft is for a contact when it greets them ("Hi Tomasz,"), or, greeting nobody, names exactly
one of the member's contacts as the reader (full name, else first name; case and accents ignored;
"your colleague Priya" is someone else), or, naming none and greeting nobody by name or role, when
the member has exactly one open follow-up whose day has come (the draft answers that nudge). The
suggested kind is kept on the open follow-up, so a later plain `done` records it; the draft
itself is never stored here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core import ledger
from bot.core.context import Context
from bot.core.messages import Section
from storage.names import name_key
from storage.records import ContactRecord, FollowUpRecord

# "your colleague Priya", "intro you to Priya", "cc Priya": a contact named as someone else
# than the reader (a tester's "Met your colleague Priya at re:Invent…" was read as a give to
# Priya). Matched on the draft's name key (lower case, no accents or punctuation).
_SOMEONE_ELSE_BEFORE = (
    r"(?:(?:your|my|our|his|her|their)\s+(?:colleague|coworker|co-worker|teammate|boss|manager|"
    r"friend|cofounder|co-founder|founder|ceo|cto|cfo|partner)|introduce\s+you\s+to|intro\s+you\s+"
    r"to|connect\s+you\s+(?:to|with)|cc|copying|looping\s+in)\s+"
)


def _named(contacts: list[ContactRecord], draft_key: str) -> ContactRecord | None:
    """The one contact the draft names in full, else the one it names by first name; a name
    said as someone else than the reader ("your colleague Priya") does not count."""

    def says(words: str) -> bool:
        escaped = re.escape(words)
        found = re.finditer(rf"(?<!\w){escaped}(?!\w)", draft_key)
        return any(
            re.search(_SOMEONE_ELSE_BEFORE + r"$", draft_key[: m.start()]) is None for m in found
        )

    keys = [(contact, name_key(contact.name)) for contact in contacts]
    full = [contact for contact, key in keys if " " in key and says(key)]
    if len(full) == 1:
        return full[0]
    firsts = [(contact, (key.split() or [""])[0]) for contact, key in keys]
    first = [contact for contact, word in firsts if len(word) > 1 and says(word)]
    return first[0] if len(first) == 1 else None


# "Hi Mr Okonkwo,", "Dear Hiring Manager": a draft that greets a reader, by name or role, whom
# no contact matches is for someone else than the follow-up that has come due.
_GREETS_SOMEONE = re.compile(
    r"^[^\w]*(?:hi|hello|hey|hiya|dear|greetings|good\s+(?:morning|afternoon|evening|day)|hola|"
    r"bonjour|hallo|ciao|olá|oi)\s+(?:(?:mr|mrs|ms|mx|dr|prof|engr|sir|madam)\.?\s+)?"
    r"(?!(?:there|all|everyone|everybody|folks|team|guys|again|both)\b)[^\W\d_]",
    re.IGNORECASE,
)


_END_OF_GREETING = re.compile(r"[,!.:;?\n—–]|\s-\s")


# "@Mikkel Brandt thanks for the shoutout", "cc @Jonas": a draft that mentions someone whom no
# contact matches is for them, not for the follow-up that has come due.
_MENTIONS_SOMEONE = re.compile(r"(?<![\w.])@[^\W\d_]")
# "Hi all, …", "Hey everyone!", "📣 Calling all Rustaceans": a post to a group. Naming a contact
# in it ("Jomar will talk about…") makes it no touch with them.
_TO_A_GROUP = re.compile(
    r"^[^\w]*(?:(?:hi|hello|hey|hiya|dear|good\s+(?:morning|afternoon|evening))\s+"
    r"(?:all|everyone|everybody|folks|friends|team|guys|y'?all|community|fam|devs|peeps|people)\b|"
    r"calling\s+all\b|(?:hello|hi|hey)\s+(?:[\w-]+\s+){0,2}(?:community|meetup|group|members)\b)",
    re.IGNORECASE,
)


def _addressee(ctx: Context, draft: str) -> tuple[ContactRecord | None, FollowUpRecord | None]:
    """(contact, their earliest open follow-up) the draft is for, if it can be told."""
    if _TO_A_GROUP.match(draft):
        return None, None
    open_ones = ctx.store.open_follow_ups(ctx.member.id)
    contacts = ctx.store.contacts(ctx.member.id)
    greeted = _GREETS_SOMEONE.match(draft)
    if greeted is not None and contacts:
        # "Hi Ana, … your colleague Priya …": the greeted name decides who the draft is for.
        greeting = _END_OF_GREETING.split(draft[greeted.end() - 1 :], maxsplit=1)[0]
        contact = _named(contacts, name_key(greeting))
        if contact is None:
            return None, None
    else:
        contact = _named(contacts, name_key(draft)) if contacts else None
    if contact is None and (greeted is not None or _MENTIONS_SOMEONE.search(draft)):
        return None, None
    if contact is None:
        come_due = [f for f in open_ones if f.due_on <= ctx.today]
        if len(come_due) != 1:
            return None, None
        follow_up = come_due[0]
        contact = next((x for x in contacts if x.id == follow_up.contact_id), None)
        return contact, follow_up
    theirs = sorted(
        (f for f in open_ones if f.contact_id == contact.id), key=lambda f: (f.due_on, f.id)
    )
    return contact, theirs[0] if theirs else None


@dataclass(frozen=True)
class TouchPart:
    """The give/ask/thank section of a review and the contact the draft is for, so that "sent
    it" next marks their follow-up done."""

    section: Section
    contact_id: int


def touch_section(ctx: Context, draft: str, *, to_rework: bool = False) -> TouchPart | None:
    """ "Reads as an ask to Jane. You've asked Jane twice and given nothing yet: …" with the
    Gave / Asked / Thanked buttons of the open follow-up; None when the draft is for nobody
    the member has logged, or no touch model is trained."""
    contact, follow_up = _addressee(ctx, draft)
    if contact is None:
        return None
    from coach_rules.touches import suggest_touch_kind  # the engine loads on first review

    suggestion = suggest_touch_kind(draft)
    if suggestion is None or (to_rework and suggestion.kind != "ask"):
        # A draft to rework is no give or thank-you yet; an ask keeps its give-first line.
        return None
    kind = suggestion.kind
    text = f"Reads as **{ledger.NOUNS[kind]}** to {contact.name}."
    if kind == "ask":
        counts = ledger.tally(ctx.store.touch_ledger(ctx.member.id, contact.id))
        warning = ledger.ask_first_warning(contact.name, counts)
        if warning:
            text += f" {warning}"
    if follow_up is None or to_rework:
        # A draft the review says to rework is not what gets sent: no "Sent it?" buttons, and
        # no kind kept for a later bare `done` to reuse.
        return TouchPart(Section(text=text), contact.id)
    ctx.store.set_touch_kind(ctx.member.id, follow_up.id, kind, "suggested", ctx.now)
    section = Section(
        text=f"{text}\nSent it? Mark follow-up #{follow_up.id} done with what it was:",
        actions=ledger.done_actions(follow_up.id, suggested=kind),
    )
    return TouchPart(section, contact.id)
