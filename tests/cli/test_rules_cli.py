from bot.__main__ import main
from coach_rules.guidelines import GUIDELINE_IDS


def test_rules_lists_every_guideline(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for guideline_id in GUIDELINE_IDS:
        assert guideline_id in out


def test_rules_id_shows_one_guideline_in_full(capsys):
    assert main(["rules", "rule-of-two"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("rule-of-two: Rule of two")
    for heading in ("Why it matters", "What triggers it", "Advice", "Before", "After"):
        assert heading in out


def test_unknown_rule_id_exits_2_with_the_known_ids(capsys):
    assert main(["rules", "be-nice"]) == 2
    err = capsys.readouterr().err
    assert "be-nice" in err and "value-first" in err
