"""The labelled phrasing files (written by people who never saw the parser) stay understood."""

from __future__ import annotations

import pytest

from tests.core.phrasings import (
    PHRASINGS,
    PHRASINGS_DEV2,
    PHRASINGS_DEV3,
    PHRASINGS_DEV4,
    PHRASINGS_DEV5,
    PHRASINGS_DEV6,
    PHRASINGS_DEV7,
    PHRASINGS_DEV8,
    PHRASINGS_DEV9,
    PHRASINGS_DEV10,
    PHRASINGS_DEV11,
    PHRASINGS_DEV12,
    PHRASINGS_DEV13,
    PHRASINGS_DEV14,
    PHRASINGS_DEV15,
    PHRASINGS_DEV16,
    PHRASINGS_DEV17,
    PHRASINGS_DEV18,
    PHRASINGS_DEV19,
    PHRASINGS_DEV20,
    PHRASINGS_DEV21,
    PHRASINGS_DEV22,
    PHRASINGS_DEV23,
    PHRASINGS_DEV24,
    PHRASINGS_DEV25,
    PHRASINGS_DEV26,
    PHRASINGS_DEV27,
    PHRASINGS_DEV28,
    PHRASINGS_DEV29,
    PHRASINGS_DEV30,
    PHRASINGS_DEV31,
    PHRASINGS_DEV32,
    PHRASINGS_HOLDOUT,
    Score,
    is_right,
    load,
    report,
    score,
)

# Exact command and arguments, the target of issue 11.
TARGET = 0.95
# The second writer's file, reached by general phrasings rather than line-by-line rules (68% before,
# 100% measured now, see the README): a floor that must not slip.
DEV2_FLOOR = 0.98
# The third writer's file (E4): 81.0% at first sight, then developed on (99.8% measured, see the
# README); the same floor.
DEV3_FLOOR = 0.98
# The fourth writer's file (E5): 87.2% at first sight, then developed on by general rules (98.8%
# measured, see the README).
DEV4_FLOOR = 0.98
# The fifth writer's file (E6), everyday sentences: 70.5% at first sight (71.8% once a new
# person's case and a place's leading "the" were compared as the store and the other writers do),
# then developed on by general rules (94.0%, then 95.8% after the third pass).
DEV5_FLOOR = 0.95
# The sixth writer's file (E7), everyday sentences: 71.5% at first sight, then developed on by
# general rules (96.5% measured, see the README).
DEV6_FLOOR = 0.95
# The seventh writer's file (E8), everyday sentences: 71.8% at first sight, then developed on by
# general rules (79.0% after the fourth pass, 91.0% after the fifth, 92.0% after the sixth,
# 93.0% after the seventh).
DEV7_FLOOR = 0.92
# The eighth writer's file (E9), everyday sentences: 80.7% at first sight on 7 Dec, 81.5% after
# the fifth pass (both scored untouched), then developed on (96.2% after the sixth pass).
DEV8_FLOOR = 0.95
# The ninth writer's file (E10), everyday sentences: 86.3% at first sight on 7 Dec (after the
# sixth pass, scored untouched once), then developed on (93.2% after the seventh pass).
DEV9_FLOOR = 0.92
# The tenth writer's file (E11), everyday sentences: 79.8% at first sight on 7 Dec (after the
# seventh pass, scored untouched once), then developed on (89.0% after the eighth pass, 90.2%
# after the ninth).
DEV10_FLOOR = 0.88
# The eleventh writer's file (E12), everyday sentences: 79.8% at first sight on 7 Dec (after the
# eighth pass, scored untouched once), then developed on (86.5% after the ninth pass).
DEV11_FLOOR = 0.85
# The files of writers E13-E21 (7 Dec, third and fourth sessions), each scored untouched on
# arrival and then developed on: about a point under each figure after the seventeenth pass
# (dev12 81.0%, dev13 87.5%, dev14 92.0%, dev15 85.2%, dev16 88.5%, dev17 85.8%, dev18 93.8%,
# dev19 93.8%, dev20 97.2%).
LATER_FLOORS = {
    # Pass 24 raised dev12 (83.0%), dev13 (89.2%) and dev17 (87.5%) to a point under.
    12: 0.82,
    13: 0.88,
    14: 0.91,
    15: 0.84,
    16: 0.87,
    17: 0.86,
    18: 0.92,
    19: 0.92,
    20: 0.96,
    21: 0.94,
    22: 0.92,
    # E24 and E25: 79.8% and 81.0% at first sight, 87.8% and 91.2% after pass 20.
    23: 0.87,
    24: 0.91,
    # E26 and E27: 90.2% and 81.0% at first sight, 95.2% and 90.5% after pass 21.
    25: 0.94,
    26: 0.89,
    # E28 and E29 (seventh session): 86.5% and 79.5% at first sight, 89.2% and 84.8% after pass
    # 22, 91.0% and 86.2% after pass 23; the issue's 95% is missed.
    27: 0.90,
    28: 0.85,
    # E30 and E31 (eighth session): 87.8% and 82.0% on arrival, 87.8% and 82.5% after pass 22,
    # 90.5% and 85.5% after pass 23 (E31 drops "she's"/"he" before a note, which every other
    # writer keeps: about 24 of its rows).
    29: 0.89,
    30: 0.84,
    # E32 and E33 (eighth session): 79.0% and 78.0% on arrival, 79.8% and 78.5% after pass 23,
    # 79.8% and 79.0% after pass 24 (both drop "she's"/"he's" before a note, as E31 does: about
    # 25 and 20 of their rows; every other writer keeps them).
    31: 0.79,
    32: 0.78,
}


def _misses(result: Score) -> str:
    return "\n".join(f"{row['id']} {row['text']!r} -> {got}" for row, got in result.misses)


def test_the_phrasing_file_is_understood_exactly_at_least_95_percent() -> None:
    rows = load(PHRASINGS)
    assert len(rows) >= 400
    result = score(rows)
    print(report(result))  # per-command accuracy, shown with `pytest -s`
    assert result.accuracy >= TARGET, _misses(result)


def test_every_command_in_the_file_is_understood_at_least_85_percent() -> None:
    result = score(load(PHRASINGS))
    weak = {name: (r, t) for name, (r, t) in result.per_command.items() if r / t < 0.85}
    assert not weak, weak


DEVELOPMENT_FILES = [
    (PHRASINGS_DEV2, 400, DEV2_FLOOR),
    (PHRASINGS_DEV3, 400, DEV3_FLOOR),
    (PHRASINGS_DEV4, 320, DEV4_FLOOR),
    (PHRASINGS_DEV5, 400, DEV5_FLOOR),
    (PHRASINGS_DEV6, 400, DEV6_FLOOR),
    (PHRASINGS_DEV7, 400, DEV7_FLOOR),
    (PHRASINGS_DEV8, 400, DEV8_FLOOR),
    (PHRASINGS_DEV9, 400, DEV9_FLOOR),
    (PHRASINGS_DEV10, 400, DEV10_FLOOR),
    (PHRASINGS_DEV11, 400, DEV11_FLOOR),
    (PHRASINGS_DEV12, 400, LATER_FLOORS[12]),
    (PHRASINGS_DEV13, 400, LATER_FLOORS[13]),
    (PHRASINGS_DEV14, 400, LATER_FLOORS[14]),
    (PHRASINGS_DEV15, 400, LATER_FLOORS[15]),
    (PHRASINGS_DEV16, 400, LATER_FLOORS[16]),
    (PHRASINGS_DEV17, 400, LATER_FLOORS[17]),
    (PHRASINGS_DEV18, 400, LATER_FLOORS[18]),
    (PHRASINGS_DEV19, 400, LATER_FLOORS[19]),
    (PHRASINGS_DEV20, 400, LATER_FLOORS[20]),
    (PHRASINGS_DEV21, 400, LATER_FLOORS[21]),
    (PHRASINGS_DEV22, 400, LATER_FLOORS[22]),
    (PHRASINGS_DEV23, 400, LATER_FLOORS[23]),
    (PHRASINGS_DEV24, 400, LATER_FLOORS[24]),
    (PHRASINGS_DEV25, 400, LATER_FLOORS[25]),
    (PHRASINGS_DEV26, 400, LATER_FLOORS[26]),
    (PHRASINGS_DEV27, 400, LATER_FLOORS[27]),
    (PHRASINGS_DEV28, 400, LATER_FLOORS[28]),
    (PHRASINGS_DEV29, 400, LATER_FLOORS[29]),
    (PHRASINGS_DEV30, 400, LATER_FLOORS[30]),
    (PHRASINGS_DEV31, 400, LATER_FLOORS[31]),
    (PHRASINGS_DEV32, 400, LATER_FLOORS[32]),
]


@pytest.mark.parametrize(
    ("path", "size", "floor"), DEVELOPMENT_FILES, ids=lambda value: getattr(value, "stem", None)
)
def test_each_later_writers_file_is_understood_at_least_at_its_floor(path, size, floor) -> None:
    rows = load(path)
    assert len(rows) == size
    result = score(rows)
    print(report(result))
    assert result.accuracy >= floor, _misses(result)


def test_someone_new_typed_in_lower_case_is_the_same_person() -> None:
    row = {"expect": {"command": "who", "person": "Ada Obi"}}
    assert is_right(row, {"command": "who", "person": "ada obi"})
    assert not is_right(row, {"command": "who", "person": "ada obi jr"})


def test_a_place_with_or_without_its_leading_the_is_the_same_place() -> None:
    row = {"expect": {"command": "met", "person": "Ada Obi", "place": "Lagos AI week"}}
    assert is_right(row, {"command": "met", "person": "Ada Obi", "place": "the Lagos AI week"})
    assert not is_right(row, {"command": "met", "person": "Ada Obi", "place": "the Lagos week"})


def test_no_pasted_draft_in_any_file_becomes_a_command() -> None:
    for path in (
        PHRASINGS,
        PHRASINGS_DEV2,
        PHRASINGS_DEV3,
        PHRASINGS_DEV4,
        PHRASINGS_DEV5,
        PHRASINGS_DEV6,
        PHRASINGS_DEV7,
        PHRASINGS_DEV8,
        PHRASINGS_DEV9,
        PHRASINGS_DEV10,
        PHRASINGS_DEV11,
        PHRASINGS_DEV13,
        PHRASINGS_DEV14,
        PHRASINGS_DEV15,
        PHRASINGS_DEV16,
        PHRASINGS_DEV17,
        PHRASINGS_DEV18,  # dev12 has no drafts
    ):
        result = score(load(path))
        right, total = result.per_command["review"]
        assert right == total, _misses(result)


def test_a_note_with_or_without_its_leading_about_is_the_same_note() -> None:
    row = {"expect": {"command": "follow-up", "person": "Ada Obi", "note": "the photo book"}}
    assert is_right(row, {"command": "follow-up", "person": "Ada Obi", "note": "re the photo book"})
    assert is_right(
        row, {"command": "follow-up", "person": "Ada Obi", "note": "about the photo book"}
    )
    assert not is_right(row, {"command": "follow-up", "person": "Ada Obi", "note": "the book"})


def test_a_place_with_or_without_a_leading_a_or_an_is_the_same_place() -> None:
    row = {"expect": {"command": "met", "person": "Ada Obi", "place": "Astana forum side event"}}
    got = {"command": "met", "person": "Ada Obi", "place": "an Astana forum side event"}
    assert is_right(row, got)


# The held-out file (writer E2) is never opened by the parser's authors: these tests print only
# its accuracy, never a row. 93.1% after the third pass on 6 Dec (92.5% before it), 93.4% after
# the fifth (7 Dec), 94.1% before the eighth and 95.0% after it (7 Dec): the issue's target, met
# with no margin.
HOLDOUT_FLOOR = 0.94


def _holdout_accuracy() -> float:
    rows = load(PHRASINGS_HOLDOUT)
    assert len(rows) == 320
    return score(rows).accuracy


def test_the_held_out_file_keeps_its_floor() -> None:
    accuracy = _holdout_accuracy()
    assert accuracy >= HOLDOUT_FLOOR, f"held-out accuracy {accuracy:.1%}"


def test_the_held_out_file_meets_the_issue_target() -> None:
    accuracy = _holdout_accuracy()
    assert accuracy >= TARGET, f"held-out accuracy {accuracy:.1%}"
