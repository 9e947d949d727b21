"""Turn the classifier's per-chunk contributions into a few highlighted phrases."""

from __future__ import annotations

from coach_rules.lexicon import GREETINGS, STOP_WORDS
from coach_rules.links import find_links
from coach_rules.runtime import Explanation
from coach_rules.signals import WORD_RE

MAX_PHRASES = 3
MAX_CHUNKS_PER_PHRASE = 6
MIN_SEED_LOGIT = 0.08  # a chunk must push at least this much towards "hard sell" to start a phrase
# A quoted phrase must carry at least this much of the classifier's logit towards "hard sell"
# (summed over its chunks): a phrase worth less does not explain the verdict.
MIN_PHRASE_LOGIT = 0.5
GROW_SHARE = 0.3  # neighbours join a phrase when they push at least this share of the seed
_EDGE_PUNCTUATION = "\"'“”‘’()[]{}<>,.;:*_-–—…"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCTUATION:
        end -= 1
    return start, end


def explains(phrase: str) -> bool:
    """True when the phrase holds a word that is neither a stop word nor a bare greeting."""
    return any(
        word[0].isalpha() and word not in STOP_WORDS and word not in GREETINGS
        for word in WORD_RE.findall(phrase.lower().replace("\u2019", "'"))
    )


def _address_spans(text: str) -> list[tuple[int, int]]:
    """Where the text spells out a web address: a piece of one ("ttps:/", "30min?utm") explains
    nothing to the member. A link's label ("[Book a demo](…)") is words the reader sees, so it
    stays quotable."""
    spans = []
    for link in find_links(text):
        at = text.find(link.url, link.start, link.end) if link.label else link.start
        if at >= 0:
            spans.append((at, at + len(link.url)))
    return spans


def hard_sell_phrases(
    text: str, explanation: Explanation, limit: int = MAX_PHRASES
) -> list[tuple[tuple[int, int], float]]:
    """Up to `limit` phrases that pushed the classifier hardest towards "hard sell".

    Returns ((start, end), logit) pairs, strongest first. A phrase grows from its strongest
    chunk to neighbours in the same sentence that also push noticeably. A phrase is kept only
    when it carries at least MIN_PHRASE_LOGIT and `explains` holds for it; no phrase takes a
    chunk inside a web address.
    """
    starts, ends, logits = explanation.starts, explanation.ends, explanation.logits
    count = len(logits)
    addresses = _address_spans(text) if "." in text else []

    def ends_sentence(chunk: int) -> bool:
        end = ends[chunk]
        return text[end - 1] in ".!?" or "\n" in text[end : end + 2]

    used = [
        any(starts[i] < end and ends[i] > start for start, end in addresses) for i in range(count)
    ]
    order = sorted(range(count), key=logits.__getitem__, reverse=True)
    phrases: list[tuple[tuple[int, int], float]] = []
    for seed in order:
        if len(phrases) >= limit or logits[seed] < MIN_SEED_LOGIT:
            break
        if used[seed]:
            continue
        floor = logits[seed] * GROW_SHARE
        left = right = seed
        while right - left + 1 < MAX_CHUNKS_PER_PHRASE:
            can_right = (
                right + 1 < count
                and not used[right + 1]
                and not ends_sentence(right)
                and logits[right + 1] >= floor
            )
            can_left = (
                left > 0
                and not used[left - 1]
                and not ends_sentence(left - 1)
                and logits[left - 1] >= floor
            )
            if not (can_left or can_right):
                break
            if can_right and (not can_left or logits[right + 1] >= logits[left - 1]):
                right += 1
            else:
                left -= 1
        for i in range(left, right + 1):
            used[i] = True
        start, end = _trim(text, starts[left], ends[right])
        weight = sum(logits[left : right + 1])
        if start < end and weight >= MIN_PHRASE_LOGIT and explains(text[start:end]):
            phrases.append(((start, end), weight))
    return _joined_where_they_touch(text, phrases)


def _joined_where_they_touch(
    text: str, phrases: list[tuple[tuple[int, int], float]]
) -> list[tuple[tuple[int, int], float]]:
    """Two phrases with only spaces between them are one ("I'd love to" + "show you our
    platform"): quoted apart, the first half explains nothing."""
    joined: list[tuple[tuple[int, int], float]] = []
    for (start, end), weight in sorted(phrases):
        if joined and not text[joined[-1][0][1] : start].strip():
            (first_start, _), first_weight = joined[-1]
            joined[-1] = ((first_start, end), first_weight + weight)
        else:
            joined.append(((start, end), weight))
    return sorted(joined, key=lambda phrase: phrase[1], reverse=True)
