"""Turn the classifier's per-chunk contributions into a few highlighted phrases."""

from __future__ import annotations

from coach_rules.runtime import ChunkContribution

MAX_PHRASES = 3
MAX_CHUNKS_PER_PHRASE = 6
MIN_SEED_LOGIT = 0.08  # a chunk must push at least this much towards "hard sell" to start a phrase
GROW_SHARE = 0.3  # neighbours join a phrase when they push at least this share of the seed
_EDGE_PUNCTUATION = "\"'“”‘’()[]{}<>,.;:*_-–—…"


def _ends_sentence(text: str, chunk: ChunkContribution) -> bool:
    return text[chunk.end - 1] in ".!?" or "\n" in text[chunk.end : chunk.end + 2]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCTUATION:
        end -= 1
    return start, end


def hard_sell_phrases(
    text: str, chunks: tuple[ChunkContribution, ...], limit: int = MAX_PHRASES
) -> list[tuple[tuple[int, int], float]]:
    """Up to `limit` phrases that pushed the classifier hardest towards "hard sell".

    Returns ((start, end), logit) pairs, strongest first. A phrase grows from its strongest
    chunk to neighbours in the same sentence that also push noticeably.
    """
    used = [False] * len(chunks)
    order = sorted(range(len(chunks)), key=lambda i: chunks[i].logit, reverse=True)
    phrases: list[tuple[tuple[int, int], float]] = []
    for seed in order:
        if len(phrases) >= limit or chunks[seed].logit < MIN_SEED_LOGIT:
            break
        if used[seed]:
            continue
        floor = chunks[seed].logit * GROW_SHARE
        left = right = seed
        while right - left + 1 < MAX_CHUNKS_PER_PHRASE:
            can_right = (
                right + 1 < len(chunks)
                and not used[right + 1]
                and not _ends_sentence(text, chunks[right])
                and chunks[right + 1].logit >= floor
            )
            can_left = (
                left > 0
                and not used[left - 1]
                and not _ends_sentence(text, chunks[left - 1])
                and chunks[left - 1].logit >= floor
            )
            if not (can_left or can_right):
                break
            if can_right and (not can_left or chunks[right + 1].logit >= chunks[left - 1].logit):
                right += 1
            else:
                left -= 1
        for i in range(left, right + 1):
            used[i] = True
        start, end = _trim(text, chunks[left].start, chunks[right].end)
        if start < end:
            total = sum(c.logit for c in chunks[left : right + 1])
            phrases.append(((start, end), total))
    return phrases
