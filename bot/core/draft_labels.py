"""A label in front of a pasted draft that says what it is: "linkedin connection request: Hi
Kevin, …", "cold email - Hi Ana, …", "group post:\n…".

The label is said to the coach, not to the reader, so it is cut before the review; the kind it
names lets the review apply that kind's checks (a LinkedIn connection note's 300 characters).
"""

from __future__ import annotations

import re

_KINDS: tuple[tuple[str, str], ...] = (
    (
        r"(?:(?:my|a|the|this)\s+)?(?:linked\s?in|li)\s+(?:connection\s+)?"
        r"(?:request|note|invite|invitation|message|msg|dm)|connection\s+(?:request|note)|inmail",
        "linkedin-note",
    ),
    (r"(?:(?:my|a|the|this)\s+)?cold\s+(?:e-?mail|email|outreach|message)", "cold-email"),
    (
        r"(?:(?:my|a|the|this)\s+)?(?:group|community|slack|forum|meetup)\s+post",
        "group-post",
    ),
    (
        r"(?:(?:my|a|the|this)\s+)?follow[- ]?up\s+(?:e-?mail|email|note|message|msg)",
        "event-follow-up",
    ),
    (r"(?:(?:my|a|the|this)\s+)?thank[- ]?you\s+(?:note|e-?mail|email|message)", "thank-you"),
    (r"(?:(?:my|a|the|this)\s+)?referral\s+(?:ask|request)", "referral-ask"),
    (r"(?:(?:my|a|the|this)\s+)?intro\s+(?:ask|request)", "intro-ask"),
)
_LABEL = re.compile(
    r"^\s*(?:(?:review|check)\s+)?(?:"
    + "|".join(f"(?P<k{i}>{pattern})" for i, (pattern, _) in enumerate(_KINDS))
    + r")\s*(?:[:—–]|-\s|\n)\s*",
    re.IGNORECASE,
)


def split_label(draft: str) -> tuple[str, str | None]:
    """(the draft without its label, the kind the label names) or (draft, None)."""
    found = _LABEL.match(draft)
    if found is None or not draft[found.end() :].strip():
        return draft, None
    kind = next(_KINDS[i][1] for i in range(len(_KINDS)) if found.group(f"k{i}"))
    return draft[found.end() :], kind


# The label each kind is written back as when a note to the coach named it ("review this group
# post: …"), so the review still finds it (`split_label`).
_PLAIN_LABELS = {
    "linkedin-note": "linkedin note",
    "cold-email": "cold email",
    "group-post": "group post",
    "event-follow-up": "follow-up email",
    "thank-you": "thank-you note",
    "referral-ask": "referral ask",
    "intro-ask": "intro ask",
}
_NAMED = re.compile(
    r"\b(?:" + "|".join(f"(?P<k{i}>{pattern})" for i, (pattern, _) in enumerate(_KINDS)) + r")\b",
    re.IGNORECASE,
)


def labelled(note: str, draft: str) -> str:
    """`draft` with the label of the kind a note to the coach names in front of it ("can you
    check this community post:" → "group post: …"); unchanged when the note names none."""
    found = _NAMED.search(note)
    if found is None:
        return draft
    kind = next(_KINDS[i][1] for i in range(len(_KINDS)) if found.group(f"k{i}"))
    return f"{_PLAIN_LABELS[kind]}: {draft}"
