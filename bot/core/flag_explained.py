"""`why did you flag "with 14 months"?`: one quoted phrase of the last review, explained.

The draft's text is kept only with `settings store-drafts on`; then the phrase is looked up in the
findings of the draft reviewed again. Otherwise the reply says so and explains what the last
review found, guideline by guideline.
"""

from __future__ import annotations

import re

from bot.core.context import Context
from bot.core.guidelines import guideline_fix, guideline_title
from bot.core.messages import Field, Reply, Section
from bot.core.reviews import quotes, recent_review, verdict_reply

_QUOTE = re.compile(r"[\"“”'‘’«](?P<phrase>[^\"“”‘’«»]{2,120})[\"“”'‘’»]")
# The question around the quote, with the quote replaced by "Q".
_ASKS = re.compile(
    r"^\W*(?:(?:so|ok|okay|hmm+|but|wait)\W+)*(?:"
    r"why\s+(?:did|do|would)\s+(?:you|u)\s+(?:flag|mark|highlight|quote|pick on|call out|"
    r"object to)\s+Q|why\s+(?:is|was)\s+Q\s+(?:flagged|marked|bad|wrong|a problem|an issue|"
    r"quoted)|what(?:'s|’s| is)\s+wrong\s+with\s+Q"
    r")\s*\?*\W*$",
    re.IGNORECASE,
)


def phrase_asked(text: str) -> str | None:
    """The quoted phrase a question asks about, or None."""
    line = " ".join(text.split())
    quoted = _QUOTE.search(line)
    if quoted is None:
        return None
    shape = line[: quoted.start()] + "Q" + line[quoted.end() :]
    return quoted.group("phrase").strip() if _ASKS.match(shape) else None


def _same(asked: str, quoted: str) -> bool:
    """The phrase asked about is the one quoted, or part of it."""

    def plain(text: str) -> str:
        return " ".join(text.lower().split()).strip(" .,!?…")

    return plain(asked) in plain(quoted)


def explain(ctx: Context, phrase: str) -> Reply | None:
    """Why the last review quoted `phrase`; None when there was no review lately."""
    last = recent_review(ctx)
    if last is None:
        return None
    if last.text is None:
        general = verdict_reply(ctx)
        kept = (
            f"I don't keep your drafts (only with `settings store-drafts on`), so I can't point "
            f"at “{phrase}” myself now; that phrase was quoted under one of the guidelines below."
        )
        if general is None:
            return Reply(text=kept)
        return Reply(text=f"{kept} {general.text}", sections=general.sections)
    for finding in ctx.reviewer(last.text).findings:
        if any(
            _same(phrase, quoted) or _same(phrase, quoted.rstrip("…"))
            for quoted in quotes(last.text, finding)
        ):
            fix = guideline_fix(finding.rule)
            fields = (Field("Instead of", fix.before), Field("Try", fix.after)) if fix else ()
            return Reply(
                text=f"“{phrase}” broke **{guideline_title(finding.rule)}**: {finding.message}"
                + ("" if fix else f" {finding.advice}"),
                sections=(Section(text=fix.advice, fields=fields),) if fix else (),
            )
    return Reply(
        text=f"“{phrase}” was not one of the phrases I quoted in your last draft. Ask “why?” "
        "for what the review found, or paste the draft again."
    )
