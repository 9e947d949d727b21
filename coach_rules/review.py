"""`review(text) -> Review`: the one function every channel uses to judge a draft.

CONTRACT (fixed; the implementation behind it is the coaching engine's):
- `Review.flagged`: True when the draft reads as a hard sell / spammy ask.
- `Review.score`: 0-100 value-first score; `Review.score_breakdown` explains it.
- `Review.probability`: the classifier's probability that the draft is a hard sell.
- `Review.findings`: guideline findings with exact `[start, end)` character spans.

Compatible extensions: `review(text, kind=...)` tunes the length advice to the kind of
message; `Finding.source` says whether a finding comes from a phrase rule or from the
classifier; and `Review.judged` is False when the draft was not judged for value-first (empty,
over 40,000 characters, nothing but links/emoji, not English unless it holds a link that pays
its sender undisclosed). Then `flagged` is False, `score` and `probability` are 0, `notes` says
why, and `signals` still holds whatever could be measured (length, questions, links).
`review_many(texts)` gives exactly the reviews `review` would, about 1.5 times faster per draft
for a batch.

The score starts at 100; the classifier's probability takes up to 60 points (40 at its
threshold, so that alone it flags exactly at the pass line: `model_cost`), each broken
guideline takes its weight (from `data/guidelines.json`), each strength gives a few back, and
the result is held in 0-100. `score_breakdown` lists every one of those steps, so the points
always add up to `score`.

One verdict rule: a judged draft is flagged (by the classifier) exactly when its score is below
PASS_LINE. With `model_cost` that is how the points fall for most drafts; when strengths lift a
flagged draft to the line, or broken guidelines take a passed draft under it, a breakdown step
holds the score on the verdict's side and says so. (Letting the guidelines' points flag drafts
too added false flags on the independent sets.)

`Review.kind` is "chat" when `review(text, gate=True)` ran the gate (`coach_rules.gate`) and it
read the text as chat addressed to the coach rather than a draft: such a text is not judged.
Otherwise it is "draft" ("unclear" text is reviewed: whoever asked with `gate=True` has no one
to ask).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import NamedTuple

from coach_rules import runtime
from coach_rules.consent import consent_spans
from coach_rules.gate import MessageKind, classify_message
from coach_rules.guidelines import get_guideline
from coach_rules.links import undisclosed_affiliate_spans
from coach_rules.parts import Part, judged_spans
from coach_rules.phrasematch import SCAN_CACHE_SIZE, scan_many
from coach_rules.phrases import hard_sell_phrases
from coach_rules.postscript import PS_ALONE_THRESHOLD, ps_alone_parts
from coach_rules.reading import Reading, read_message, sender_text
from coach_rules.rules import find_rule_hits, find_strengths
from coach_rules.salutations import salutation_spans
from coach_rules.signals import (
    COLD_EMAIL_WORDS,
    LINKEDIN_NOTE_MAX_CHARS,
    MAX_GOOD_QUESTIONS,
    CraftSignals,
    alphabetic_words,
    craft_signals,
    looks_english,
    pronoun_counts,
    question_marks,
    words_of,
)
from coach_rules.textnorm import normalise

MAX_CHARACTERS = 40_000  # Slack's limit for a message
BASE_SCORE = 100
MODEL_POINTS = 60  # a probability of 1.0 costs this many points
# One verdict rule: a flagged draft always scores below this line, a passed one at or above it.
PASS_LINE = 60
VERDICT_RULE = (
    f"A draft passes with a value-first score at or above the pass line of {PASS_LINE}/100; "
    "a draft flagged as a hard sell always scores below it."
)
STRENGTH_POINTS = 4
MODEL_FINDING_RULE = "no-hard-sell"
SHORT_DRAFT_WORDS = 5
CHAT_NOTE = (
    "This reads as chat to the coach, not as a draft for someone else, so it was not judged. "
    "If it is a message you mean to send, review it as a draft (`netcoach review --as-draft`)."
)
# review_many's block size: well inside the phrase scan's cache of recent drafts, so the rules
# reuse the scan the classifier's signals made.
BATCH_BLOCK = SCAN_CACHE_SIZE // 2


@dataclass(frozen=True)
class Finding:
    rule: str  # guideline id, e.g. "value-first"
    message: str
    advice: str
    spans: tuple[tuple[int, int], ...] = ()
    weight: int = 0  # points this finding moved the score (negative lowers it)
    source: str = "rule"  # "rule" (a phrase pattern) or "model" (the classifier's phrases)


@dataclass(frozen=True)
class Review:
    flagged: bool
    score: int
    probability: float
    findings: tuple[Finding, ...] = ()
    # (reason, points) pairs that add up from the base score to `score`.
    score_breakdown: tuple[tuple[str, int], ...] = ()
    # Craft signals people act on: length, reading level, questions, I/you balance.
    signals: dict[str, object] = field(default_factory=dict)
    # What could not be judged (only links, another language, ...), in plain words.
    notes: tuple[str, ...] = ()
    judged: bool = True
    kind: MessageKind = "draft"  # "chat": the gate read it as chat to the coach; not judged
    # What the sender wrote, their P.S., signature and quoted history, in the findings' offsets;
    # only "written" and "ps" parts are judged, counted and quoted.
    parts: tuple[Part, ...] = ()

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.rule for f in self.findings))

    @property
    def advice(self) -> tuple[tuple[str, str], ...]:
        """(guideline id, advice) once per broken guideline, in the order of the findings."""
        first: dict[str, str] = {}
        for finding in self.findings:
            first.setdefault(finding.rule, finding.advice)
        return tuple(first.items())


def _not_judged(
    note: str,
    signals: dict[str, object] | None = None,
    kind: MessageKind = "draft",
    parts: tuple[Part, ...] = (),
) -> Review:
    return Review(
        flagged=False,
        score=0,
        probability=0.0,
        score_breakdown=(("not judged", 0),),
        signals=signals or {},
        notes=(note,),
        judged=False,
        kind=kind,
        parts=parts,
    )


def model_cost(probability: float, threshold: float) -> int:
    """Points the classifier's probability costs: 0 at 0, exactly down to PASS_LINE at the
    model's threshold, MODEL_POINTS at 1 (linear on each side), so a draft with no other
    finding passes exactly when the classifier does not flag it."""
    at_threshold = BASE_SCORE - PASS_LINE
    if threshold <= 0.0:
        return MODEL_POINTS
    if probability < threshold:
        return min(round(at_threshold * probability / threshold), at_threshold - 1)
    share = (probability - threshold) / (1.0 - threshold) if threshold < 1.0 else 1.0
    return round(at_threshold + (MODEL_POINTS - at_threshold) * share)


def _verdict_step(flagged: bool, score: int) -> tuple[str, int] | None:
    """The breakdown step that puts the score on its verdict's side of PASS_LINE, if needed."""
    if flagged and score >= PASS_LINE:
        return (f"flagged: held below the pass line ({PASS_LINE})", PASS_LINE - 1 - score)
    if not flagged and score < PASS_LINE:
        return (f"not flagged: held at the pass line ({PASS_LINE})", PASS_LINE - score)
    return None


def _length_verdict(craft: CraftSignals, kind: str | None) -> str:
    low, high = COLD_EMAIL_WORDS
    chars, words = craft.characters, craft.words
    if kind == "linkedin-note" or (kind is None and chars <= LINKEDIN_NOTE_MAX_CHARS):
        if chars <= LINKEDIN_NOTE_MAX_CHARS:
            return f"fits a LinkedIn connection note ({chars}/{LINKEDIN_NOTE_MAX_CHARS} characters)"
        return (
            f"too long for a LinkedIn connection note: {chars} characters, "
            f"the limit is {LINKEDIN_NOTE_MAX_CHARS}"
        )
    if kind == "group-post":
        return f"{words} words (a group post: the email and LinkedIn note lengths don't apply)"
    if words < low:
        return f"{words} words: short for an email (cold emails do best at {low}-{high} words)"
    if words <= high:
        return f"{words} words: in the {low}-{high} word range where cold emails do best"
    return f"{words} words: longer than the {low}-{high} words where cold emails do best; trim it"


def _reading_verdict(grade: float | None) -> str:
    if grade is None:
        return "too short to measure"
    if grade <= 8:
        return f"easy to read (grade {grade:g})"
    if grade <= 12:
        return f"fairly plain (grade {grade:g})"
    return f"hard going (grade {grade:g}): shorter sentences and plainer words will help"


def _questions_verdict(questions: int) -> str:
    if questions == 0:
        return "no question: ending with one easy question makes replying simple"
    if questions <= MAX_GOOD_QUESTIONS:
        return f"{questions} question{'s' if questions > 1 else ''}: easy to answer"
    return f"{questions} questions: one to three is easier to answer"


def _balance_verdict(i_we: int, you: int) -> str:
    if i_we == 0 and you == 0:
        return "no I/we or you words"
    if you == i_we:
        return f"as much about you as about them (you {you}, I/we {i_we})"
    if you > i_we:
        return f"more about them than you (you {you}, I/we {i_we})"
    return f"more about you than them (I/we {i_we}, you {you})"


def _signals(craft: CraftSignals, kind: str | None) -> dict[str, object]:
    low, high = COLD_EMAIL_WORDS
    pronouns = craft.i_we + craft.you
    return {
        "kind": kind,
        "characters": craft.characters,
        "words": craft.words,
        "length": _length_verdict(craft, kind),
        "fits_linkedin_note": craft.fits_linkedin_note,
        "linkedin_note_limit": LINKEDIN_NOTE_MAX_CHARS,
        "cold_email_words": [low, high],
        "in_cold_email_range": craft.in_cold_email_range,
        "reading_grade": craft.reading_grade,
        "reading": _reading_verdict(craft.reading_grade),
        "questions": craft.questions,
        "questions_verdict": _questions_verdict(craft.questions),
        "i_we": craft.i_we,
        "you": craft.you,
        "you_share": round(craft.you / pronouns, 2) if pronouns else None,
        "balance": _balance_verdict(craft.i_we, craft.you),
        "links": craft.links,
    }


class _Draft(NamedTuple):
    """What `_read` worked out about a draft, shared by the classifier and the rules."""

    text: str  # the sender's own words: set-aside parts blanked, same length as the draft
    normalised: str  # of `reading.plain`: markdown and emoji blanked too
    reading: Reading
    prepared: runtime.Prepared | None
    words: list[str]
    pronouns: tuple[int, int]
    questions: int
    signals: dict[str, object]
    notes: list[str]


def _refusal(text: str) -> Review | None:
    """The review of a draft there is nothing to measure in (empty, too long), else None."""
    if not isinstance(text, str):
        raise TypeError(f"review() needs the draft as str, got {type(text).__name__}")
    if not text.strip():
        return _not_judged("There is nothing to review: the draft is empty.")
    if len(text) > MAX_CHARACTERS:
        return _not_judged(
            f"This draft is {len(text):,} characters long, over the {MAX_CHARACTERS:,} "
            "characters a Slack message can hold, so it was not reviewed. Shorten it: a "
            "LinkedIn note fits in 300 characters and cold emails do best at 50-125 words."
        )
    return None


def _read(
    reading: Reading,
    normalised: str,
    kind: str | None,
    model: runtime.RuntimeModel | None,
    gate: bool,
) -> Review | _Draft:
    """Measure a draft `_refusal` let through; a `Review` when there is nothing to judge, else
    a `_Draft` to judge."""
    # Only the sender's own words are measured and judged: quoted history and the signature
    # are blanked in `reading.own` (same offsets), markdown and emoji in `reading.plain`.
    text, parts = reading.own, reading.parts
    # Tokens and counts are worked out once here and shared by the signals, model and rules.
    prepared = None if model is None else model.prepare(normalised)
    words = words_of(normalised) if prepared is None else prepared.words
    pronouns = pronoun_counts(words)
    questions = question_marks(text)
    alphabetic = alphabetic_words(words)
    craft = craft_signals(
        text,
        normalised,
        words,
        pronouns=pronouns,
        questions=questions,
        alphabetic=alphabetic,
        # `text` keeps the set-aside parts as blanks: only the sender's own words are counted.
        characters=sum(end - start for start, end in judged_spans(parts)),
    )
    signals = _signals(craft, kind)
    if craft.words == 0:
        return _not_judged(
            "There are no words to judge, only links, mentions, emoji or symbols. Add a "
            "sentence that says why you are writing and the coach can review it.",
            signals,
            parts=parts,
        )
    # A link that pays the sender, or a reader signed up unasked, reads the same in any language:
    # such a draft is judged anyway.
    if (
        looks_english(normalised, words, alphabetic=alphabetic) is False
        and not _undisclosed_affiliate(reading)
        and not consent_spans(text)
    ):
        return _not_judged(
            "This draft does not look like English. The classifier and the phrase rules were "
            "built for English drafts, so only the length and the number of questions were "
            "checked.",
            signals,
            parts=parts,
        )
    if gate and _reads_as_chat(reading):
        return _not_judged(CHAT_NOTE, signals, kind="chat", parts=parts)
    notes: list[str] = [] if reading.note is None else [reading.note]
    if craft.words < SHORT_DRAFT_WORDS:
        notes.append("Very short drafts are hard to judge; the verdict rests on a few words.")
    return _Draft(text, normalised, reading, prepared, words, pronouns, questions, signals, notes)


def _reads_as_chat(reading: Reading) -> bool:
    """Whether the gate reads the sender's own words as chat to the coach. A message pasted with
    quoted history or a transcript around them ("You • 4 Mar" / … / the newest line) is read
    whole when the own words alone read as chat: a short bump under its thread is a draft."""
    if classify_message(reading.own).kind != "chat":
        return False
    if not any(part.kind == "quote" for part in reading.parts):
        return True
    return classify_message(reading.text).kind == "chat"


def _read_block(
    block: list[str], kind: str | None, model: runtime.RuntimeModel | None, gate: bool
) -> list[Review | _Draft]:
    """`_read` for a block of drafts, with the model's unseen chunks worked out together."""
    refusals = [_refusal(text) for text in block]
    readings = {i: read_message(block[i]) for i, refusal in enumerate(refusals) if refusal is None}
    normalised = {i: normalise(reading.plain) for i, reading in readings.items()}
    if model is not None and len(normalised) > 1:  # one draft's own `prepare` does it alone
        model.cache_chunks(normalised.values())
    return [
        _read(readings[i], normalised[i], kind, model, gate) if refusal is None else refusal
        for i, refusal in enumerate(refusals)
    ]


def _parts(draft: _Draft) -> runtime.DraftParts:
    assert draft.prepared is not None  # drafts are prepared whenever there is a model
    return runtime.DraftParts(
        draft.reading.plain, draft.normalised, draft.prepared, draft.pronouns, draft.questions
    )


def _ps_read_alone(
    drafts: list[_Draft], analyses: list[runtime.Analysis], model: runtime.RuntimeModel
) -> dict[int, runtime.Analysis]:
    """For each draft the classifier passes whose P.S. alone reads as a hard sell (by
    PS_ALONE_THRESHOLD), the analysis of that P.S., by the draft's index."""
    alone = {
        i: parts
        for i, (draft, analysis) in enumerate(zip(drafts, analyses, strict=True))
        if analysis.probability < analysis.threshold
        and (parts := ps_alone_parts(draft.reading, model)) is not None
    }
    scored = zip(alone, model.analyse_many(list(alone.values())), strict=True)
    # The P.S. is judged by the threshold of the whole draft's length, not its own.
    return {
        i: replace(analysis, threshold=analyses[i].threshold)
        for i, analysis in scored
        if analysis.probability >= PS_ALONE_THRESHOLD
    }


def _judge(
    draft: _Draft,
    model: runtime.RuntimeModel | None,
    analysis: runtime.Analysis | None,
    explanation: runtime.Explanation | None,
    *,
    ps_alone: bool = False,
) -> Review:
    """The verdict, findings and score of a draft `_read` measured and the model scored.

    `explanation` (the model's chunk scores) is needed only when the draft is flagged.
    `ps_alone`: `analysis` is of the draft's P.S. read on its own (`coach_rules.postscript`).
    """
    text, normalised, signals, notes = draft.text, draft.normalised, draft.signals, draft.notes
    breakdown: list[tuple[str, int]] = [("starting score", BASE_SCORE)]
    findings: list[Finding] = []

    if model is None or analysis is None:
        probability = 0.0
        flagged = False
        notes.append(
            "The classifier is not trained yet (run `netcoach train`), so only the phrase "
            "rules were applied."
        )
    else:
        probability = analysis.probability
        flagged = probability >= analysis.threshold
        model_points = -model_cost(probability, analysis.threshold)
        of_what = " (its P.S. read on its own)" if ps_alone else ""
        breakdown.append(
            (f"classifier: {probability:.0%} likely a hard sell{of_what}", model_points)
        )
        if ps_alone:
            notes.append(PS_ALONE_NOTE)
        if flagged and explanation is not None:
            phrases = hard_sell_phrases(text, explanation)
            if phrases:
                guideline = get_guideline(MODEL_FINDING_RULE)
                findings.append(
                    Finding(
                        rule=MODEL_FINDING_RULE,
                        message="The classifier reads these phrases as a hard sell.",
                        advice=guideline.advice,
                        spans=tuple(sorted(span for span, _ in phrases)),
                        weight=model_points,
                        source="model",
                    )
                )

    rule_hits = find_rule_hits(text, normalised, draft.words, pronouns=draft.pronouns)
    for hit in rule_hits:
        guideline = get_guideline(hit.rule)
        points = guideline.points
        findings.append(
            Finding(
                rule=hit.rule,
                message=hit.message,
                advice=guideline.advice,
                spans=hit.spans,
                weight=points,
            )
        )
        breakdown.append((f"{hit.rule}: {hit.message}", points))

    shape_findings, blocks_pass = _reading_findings(draft, flagged)
    for finding in shape_findings:
        findings.append(finding)
        breakdown.append((f"{finding.rule}: {finding.message}", finding.weight))
    if blocks_pass and not flagged:
        flagged = True
        notes.append(BLOCKED_NOTE)

    # An ask before any gift (`value-first`) makes "gives the reader something first" untrue.
    pushes = flagged or any(hit.rule in {"no-hard-sell", "value-first"} for hit in rule_hits)
    strengths = find_strengths(text, normalised, pushes=pushes)
    signals["strengths"] = [
        {"what": s.what, "spans": [list(span) for span in s.spans]} for s in strengths
    ]
    for strength in strengths:
        breakdown.append((f"strength: {strength.what}", STRENGTH_POINTS))

    total = sum(points for _, points in breakdown)
    if total > 100:
        breakdown.append(("held at the 100 maximum", 100 - total))
    elif total < 0:
        breakdown.append(("held at the 0 minimum", -total))
    score = sum(points for _, points in breakdown)
    # One verdict rule: flagged exactly when the score is below PASS_LINE.
    verdict_step = _verdict_step(flagged, score)
    if verdict_step is not None:
        breakdown.append(verdict_step)
        score += verdict_step[1]

    return Review(
        flagged=flagged,
        score=score,
        probability=probability,
        findings=tuple(findings),
        score_breakdown=tuple(breakdown),
        signals=signals,
        notes=tuple(notes),
        parts=draft.reading.parts,
    )


PS_ALONE_NOTE = (
    "The P.S. read on its own is a hard sell, and a P.S. is often the line read first: the warm "
    "note above it does not soften it."
)
BLOCKED_NOTE = (
    "It does not pass while it holds a link that pays you without saying so, or does something "
    "to the reader they did not agree to: see the findings for what to write instead."
)
AFFILIATE_MESSAGE = "This link pays you when they sign up or buy, and the draft does not say so."
CONSENT_MESSAGE = "This does something to the reader they did not agree to."
SALUTATION_MESSAGE = "A role or title in place of their name reads as a mass template."
GROUP_GREETING_MESSAGE = "A greeting to everyone above a pitch reads as a mass message."


def _undisclosed_affiliate(reading: Reading) -> tuple[tuple[int, int], ...]:
    """Links and codes in the sender's words that pay them, unless the message (signature and
    footer included, quoted history not) says so."""
    return undisclosed_affiliate_spans(reading.own, lambda: sender_text(reading))


def _reading_findings(draft: _Draft, flagged: bool) -> tuple[list[Finding], bool]:
    """Findings from reading the message as its reader does, and whether they keep it from
    passing: undisclosed affiliate links and things done without consent do; role and
    honorific salutations (and a group greeting above a flagged draft) cost points."""
    text = draft.text
    findings: list[Finding] = []

    def add(rule: str, message: str, spans: tuple[tuple[int, int], ...]) -> None:
        guideline = get_guideline(rule)
        findings.append(Finding(rule, message, guideline.advice, spans, guideline.points))

    affiliate = _undisclosed_affiliate(draft.reading)
    if affiliate:
        add("transparent-intent", AFFILIATE_MESSAGE, affiliate)
    consent = consent_spans(text)
    if consent:
        add("respect-consent", CONSENT_MESSAGE, consent)
    salutations = salutation_spans(text)
    named = tuple((s.start, s.end) for s in salutations if s.kind != "group")
    if named:
        add("personalise", SALUTATION_MESSAGE, named)
    group = tuple((s.start, s.end) for s in salutations if s.kind == "group")
    if group and flagged:
        add("personalise", GROUP_GREETING_MESSAGE, group)
    return findings, bool(affiliate or consent)


def review(text: str, *, kind: str | None = None, gate: bool = False) -> Review:
    """Judge one draft. Never raises on any string; see the module docstring for the score.

    Every text given is reviewed as a draft (the core sorts chat from drafts before it asks
    for a review). With `gate=True` the draft-or-chat gate runs first and chat comes back not
    judged, with `kind="chat"` (what `netcoach review` does).
    """
    return review_many([text], kind=kind, gate=gate)[0]


def review_many(
    texts: Iterable[str], *, kind: str | None = None, gate: bool = False
) -> list[Review]:
    """`[review(t, kind=kind, gate=gate) for t in texts]`: the same reviews, faster.

    The drafts go through each stage (measuring, the classifier, the rules) together, a block
    at a time: the classifier's NumPy work is done once per block, and each stage's code and
    data stay hot in the CPU's caches.
    """
    model = runtime.default_model()
    reviews: list[Review] = []
    pending = iter(texts)
    while block := list(islice(pending, BATCH_BLOCK)):
        read = _read_block(block, kind, model, gate)
        drafts = [d for d in read if isinstance(d, _Draft)]
        scan_many([d.normalised for d in drafts])  # the phrase scan every later stage reads
        if model is None:
            judged = [_judge(d, None, None, None) for d in drafts]
        else:
            analyses = model.analyse_many([_parts(d) for d in drafts])
            read_alone = _ps_read_alone(drafts, analyses, model)
            analyses = [read_alone.get(i, a) for i, a in enumerate(analyses)]
            # Only a flagged draft needs to know which phrases drove the verdict.
            flagged = [a for a in analyses if a.probability >= a.threshold]
            explanations = dict(
                zip(map(id, flagged), model.chunk_scores_many(flagged), strict=True)
            )
            judged = [
                _judge(d, model, a, explanations.get(id(a)), ps_alone=i in read_alone)
                for i, (d, a) in enumerate(zip(drafts, analyses, strict=True))
            ]
        verdicts = iter(judged)
        reviews.extend(d if isinstance(d, Review) else next(verdicts) for d in read)
    return reviews
