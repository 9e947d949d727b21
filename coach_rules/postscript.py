"""A P.S. judged on its own as well as with the message around it.

A pitch in a P.S. under a warm note is diluted when the classifier reads the whole message: the
thanks and congratulations above it pull the probability down, yet the P.S. is often the line a
reader takes in first. `ps_alone_parts(reading, model)` gives the model's input for the P.S.
alone (everything else blanked, same length, so spans stay exact); the review flags the draft
when the P.S. alone reads as a hard sell with at least PS_ALONE_THRESHOLD, a bar well above the
model's own because a short text out of its context is judged less surely. (0.90 since the
label-weighted model of 7 Dec, whose probabilities are less extreme: among corpus drafts the
whole of which passes, P.S. pitches read alone at 0.93-0.94 and the highest friendly P.S. at
0.75; it was 0.95. 0.85 since writer AJ joined the corpus on 7 Dec, fifth session: the
pitch "P.S. We're running 40% off … until Friday … reply YES" read alone at 0.88 on that model;
among corpus drafts whose P.S. is read alone, the friendly ones read at most 0.63 and 79 of the
83 pitches at 0.85 or more, 77 at 0.90.)
"""

from __future__ import annotations

from coach_rules import runtime
from coach_rules.parts import set_aside_blanked
from coach_rules.reading import Reading
from coach_rules.signals import alphabetic_words, pronoun_counts, question_marks
from coach_rules.textnorm import normalise

PS_ALONE_THRESHOLD = 0.85
MIN_PS_WORDS = 8  # "P.S. Call me!" is too little to judge alone
_PS_ONLY = frozenset({"ps"})


def ps_alone_parts(reading: Reading, model: runtime.RuntimeModel) -> runtime.DraftParts | None:
    """The model's input for the draft's P.S. alone, or None when there is no P.S. to read apart
    from written words, or it is too short."""
    kinds = {part.kind for part in reading.parts}
    if "ps" not in kinds or "written" not in kinds:
        return None
    plain = set_aside_blanked(reading.plain, reading.parts, _PS_ONLY)
    normalised = normalise(plain)
    prepared = model.prepare(normalised)
    if len(alphabetic_words(prepared.words)) < MIN_PS_WORDS:
        return None
    pronouns = pronoun_counts(prepared.words)
    return runtime.DraftParts(plain, normalised, prepared, pronouns, question_marks(plain))
