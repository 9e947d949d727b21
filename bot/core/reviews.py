"""Draft review: run the reviewer, keep only what the member allows, explain the verdict."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.core import commands as c
from bot.core import feedback_reason
from bot.core.context import Context, failure
from bot.core.draft_labels import split_label
from bot.core.guidelines import guideline_fix, guideline_title
from bot.core.messages import Action, Field, Reply, Section
from bot.core.touch_review import TouchPart, touch_section

if TYPE_CHECKING:
    from coach_rules.review import Finding, Review
    from storage.records import ReviewRecord

logger = logging.getLogger(__name__)

# Slack's own limit for a message; longer text cannot have come from one chat message.
MAX_DRAFT_CHARS = 40_000
# Quoting more than this per finding turns the review into a copy of the draft.
MAX_QUOTES_PER_FINDING = 3
MAX_QUOTE_CHARS = 160
MAX_SIGNAL_FIELDS = 6


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def review(ctx: Context, command: c.ReviewCommand) -> Reply:
    # "linkedin connection request: Hi Kevin, …": the label is for the coach, its kind for the
    # review's checks.
    draft, kind = split_label(command.draft)
    if not draft.strip():
        return failure(
            "There is nothing to review. Paste your draft after `review`, or in a direct "
            "message just paste it.",
            topic="review",
        )
    if len(draft) > MAX_DRAFT_CHARS:
        return failure(
            f"That draft is {len(draft):,} characters; I review up to {MAX_DRAFT_CHARS:,} (a "
            "chat message's limit). Paste the part you are about to send.",
            topic="review",
        )
    try:
        # A test's stand-in reviewer may take the text alone: the kind goes only where named.
        result = ctx.reviewer(draft) if kind is None else ctx.reviewer(draft, kind=kind)
    except Exception as error:  # the reviewer is a model: never lose the member's message to it
        logger.error("reviewer failed for member %s: %s", ctx.member.id, type(error).__name__)
        return Reply(
            text="Sorry, I couldn't review that draft just now, and nothing was stored. "
            "Please try again in a minute."
        )
    if not result.judged:
        # Scoring a draft the engine could not read (another language, only links) would put a
        # meaningless 0/100 into the member's stats, so say what was checked and keep nothing.
        return Reply(
            text="I couldn't judge that draft, so I kept no score for it.",
            sections=tuple(Section(text=f"• {note}") for note in result.notes),
        )
    record = ctx.store.record_review(
        ctx.member.id,
        result.score,
        result.flagged,
        result.rule_ids,
        text_hash(draft),
        ctx.now,
        text=draft if ctx.member.store_drafts_opt_in else None,
    )
    reply = review_reply(draft, result, record.id)
    touch = _touch_part(ctx, draft, to_rework=result.flagged)
    if touch is None:
        return reply
    # The reply is about the draft's addressee: "sent it" next marks their follow-up done.
    return replace(
        reply, sections=(touch.section, *reply.sections), about_contact_id=touch.contact_id
    )


# The newest review counts as "the draft just reviewed" for this long.
FIX_QUESTION_EXPIRES = timedelta(hours=2)
MAX_FIXES = 3


def fix_reply(ctx: Context) -> Reply | None:
    """How to mend the draft reviewed last ("how do I fix it?"), from the guidelines it broke;
    None when there was no review lately. The draft's text is not needed (nor kept)."""
    last = recent_review(ctx)
    if last is None:
        return None
    said = f"Your last draft scored {last.score}/100"
    return _mend_reply(last, said, f"{said} and broke no guideline: it is good to send as it is.")


def verdict_reply(ctx: Context) -> Reply | None:
    """ "too salesy?", "better?" about the draft reviewed last: its verdict and score, then what
    to change; None when there was no review lately."""
    last = recent_review(ctx)
    if last is None:
        return None
    verdict = _verdict_words(last.flagged, last.rule_ids)
    said = f"Your last draft {verdict} (value-first score {last.score}/100)"
    return _mend_reply(last, said, f"{said}: good to send as it is.")


def _mend_reply(last: ReviewRecord, said: str, clean: str) -> Reply:
    """`said`, then the advice for each guideline the last review found broken; `clean` when it
    found none."""
    sections = _fix_sections(last)
    if not sections:
        return Reply(text=f"{clean} Paste another draft any time.")
    return Reply(text=f"{said}. {_HOW_TO_MEND}", sections=sections)


_HOW_TO_MEND = (
    "Here is how to mend it, guideline by guideline; rewrite it and paste the new version, and "
    "I'll review it again."
)


def recent_review(ctx: Context) -> ReviewRecord | None:
    """The member's last review, while a question about it still makes sense."""
    last = ctx.store.latest_review(ctx.member.id)
    if last is None or ctx.now - last.created_at > FIX_QUESTION_EXPIRES:
        return None
    return last


def _fix_sections(last: ReviewRecord) -> tuple[Section, ...]:
    fixes = [fix for fix in map(guideline_fix, last.rule_ids) if fix is not None][:MAX_FIXES]
    return tuple(
        Section(
            text=f"**{fix.title}** — {fix.advice}",
            fields=(Field("Instead of", fix.before), Field("Try", fix.after)),
        )
        for fix in fixes
    )


def _touch_part(ctx: Context, draft: str, *, to_rework: bool) -> TouchPart | None:
    """Give/ask/thank for the contact the draft is for; the review stands without it."""
    try:
        return touch_section(ctx, draft, to_rework=to_rework)
    except Exception as error:
        logger.error(
            "touch suggestion failed for member %s: %s", ctx.member.id, type(error).__name__
        )
        return None


def _verdict_words(flagged: bool, rule_ids: tuple[str, ...]) -> str:
    """The verdict as a predicate: "reads as a hard sell"."""
    if flagged and rule_ids and "no-hard-sell" not in rule_ids:
        # Held back by a rule, not read as a sale: an undisclosed affiliate link, someone added
        # without asking. "A hard sell" would name the wrong fault.
        return "needs a fix before you send it"
    if flagged:
        return "reads as a hard sell"
    return "is mostly value-first" if rule_ids else "looks value-first"


def _verdict(result: Review) -> str:
    said = _verdict_words(result.flagged, result.rule_ids).removeprefix("is ")
    score = f"value-first score **{result.score}/100**"
    if result.flagged and said.startswith("needs a fix"):
        return f"**{said.capitalize()}** — {score}. What to change is below."
    if result.flagged:
        return f"**{said.capitalize()}** — {score}. Rework it before you send it."
    if result.findings:
        return f"**{said.capitalize()}** — {score}, with a few things worth fixing."
    if result.signals.get("kind") == "linkedin-note" and not result.signals.get(
        "fits_linkedin_note"
    ):
        limit = result.signals.get("linkedin_note_limit")
        return f"**{said.capitalize()}** — {score}. Trim it to {limit} characters, then send it."
    return f"**{said.capitalize()}** — {score}. Good to send."


def quotes(draft: str, finding: Finding) -> list[str]:
    """The exact phrases a finding points at, in order, each once."""
    seen: set[str] = set()
    found: list[str] = []
    for start, end in sorted(finding.spans):
        if not 0 <= start < end <= len(draft):
            continue
        phrase = draft[start:end].strip()
        if not phrase or phrase in seen:
            continue
        seen.add(phrase)
        if len(phrase) > MAX_QUOTE_CHARS:
            phrase = phrase[: MAX_QUOTE_CHARS - 1].rstrip() + "…"
        found.append(phrase)
        if len(found) == MAX_QUOTES_PER_FINDING:
            break
    return found


def _finding_section(draft: str, finding: Finding, *, with_advice: bool) -> Section:
    lines = [f"**{guideline_title(finding.rule)}** — {finding.message}"]
    phrases = quotes(draft, finding)
    if phrases:
        lines.append("Phrases: " + ", ".join(f"“{phrase}”" for phrase in phrases))
    if with_advice and finding.advice:
        lines.append(f"Advice: {finding.advice}")
    fields = (Field("Score impact", f"{finding.weight:+d}"),) if finding.weight else ()
    return Section(text="\n".join(lines), fields=fields)


def _signal_value(value: object) -> str | None:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, int | str):
        return str(value)[:80]
    return None


# The reviewer's plain-language verdicts on craft, when it gives them, in this order.
_CRAFT_VERDICTS = (
    ("length", "Length"),
    ("reading", "Reading level"),
    ("questions_verdict", "Questions"),
    ("balance", "I/we versus you"),
)


def _strength(draft: str, item: object) -> str:
    if not isinstance(item, dict):
        return str(item)
    what = str(item.get("what", ""))
    spans = item.get("spans") or ()
    phrases = [
        f"“{draft[start:end].strip()}”"
        for start, end in (tuple(span) for span in spans if len(span) == 2)
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(draft)
    ]
    return f"{what} ({', '.join(phrases[:2])})" if phrases else what


def craft_fields(draft: str, signals: dict[str, object]) -> tuple[Field, ...]:
    """Readable craft signals: the reviewer's own verdict sentences, else the raw figures."""
    fields = [
        Field(label, str(signals[key])[:160])
        for key, label in _CRAFT_VERDICTS
        if isinstance(signals.get(key), str) and signals[key]
    ]
    strengths = signals.get("strengths")
    if isinstance(strengths, list | tuple) and strengths:
        fields.append(Field("Strengths", "; ".join(_strength(draft, s) for s in strengths)[:300]))
    if fields:
        return tuple(fields)
    raw = []
    for key, value in signals.items():
        shown = _signal_value(value)
        if shown is not None:
            raw.append(Field(key.replace("_", " ").capitalize(), shown))
    return tuple(raw[:MAX_SIGNAL_FIELDS])


def review_reply(draft: str, result: Review, review_id: int | None) -> Reply:
    sections: list[Section] = []
    if result.score_breakdown:
        breakdown = tuple(
            Field(reason, f"{points:+d}") for reason, points in result.score_breakdown
        )
        sections.append(Section(text=f"How the score of {result.score} adds up", fields=breakdown))
    # Two findings of one guideline share its advice: say it once, under the first.
    advised: set[str] = set()
    for finding in result.findings:
        sections.append(_finding_section(draft, finding, with_advice=finding.rule not in advised))
        advised.add(finding.rule)
    signal_fields = craft_fields(draft, result.signals)
    if signal_fields:
        sections.append(Section(text="Craft", fields=signal_fields))
    if result.notes:
        sections.append(Section(text="\n".join(f"• {note}" for note in result.notes)))
    actions: tuple[Action, ...] = ()
    if review_id is not None:
        actions = (
            Action("Helpful", f"feedback {review_id} helpful"),
            Action("Wrong flag", f"feedback {review_id} wrong-flag"),
        )
    return Reply(
        text=_verdict(result),
        sections=tuple(sections),
        actions=actions,
        review=result,
        review_id=review_id,
    )


def feedback(ctx: Context, command: c.FeedbackCommand) -> Reply:
    stored = ctx.store.record_feedback(
        ctx.member.id, command.review_id, command.verdict, ctx.now, command.reason
    )
    if not stored:
        return failure(
            f"I can't find review #{command.review_id} among your reviews, so I kept nothing. "
            "The buttons under a review send the right number."
        )
    if command.verdict == "helpful":
        return Reply(text="Thanks — glad it helped.")
    kept = "" if ctx.member.store_drafts_opt_in else " (I kept the verdict, not your draft)"
    return Reply(
        text=f"Thanks — I noted that the flag was wrong{kept}."
        + feedback_reason.kept_line(command.reason)
    )
