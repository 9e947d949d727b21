import pytest

from coach_rules.guidelines import (
    GUIDELINE_IDS,
    UnknownGuidelineError,
    all_guidelines,
    get_guideline,
)


def test_the_data_file_holds_exactly_the_fixed_guideline_ids_in_order():
    assert tuple(g.id for g in all_guidelines()) == GUIDELINE_IDS
    assert len(GUIDELINE_IDS) == 13


@pytest.mark.parametrize("guideline", all_guidelines(), ids=lambda g: g.id)
def test_every_guideline_is_complete(guideline):
    for text in (guideline.title, guideline.principle, guideline.why, guideline.advice):
        assert len(text) > 10
    assert guideline.triggers and all(len(t) > 10 for t in guideline.triggers)
    assert guideline.before != guideline.after
    assert len(guideline.before) > 20 and len(guideline.after) > 20


def test_unknown_guideline_id_raises_a_named_error():
    with pytest.raises(UnknownGuidelineError):
        get_guideline("be-nice")
