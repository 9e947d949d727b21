"""The guidelines' data file is the single source of their ids, points, advice and examples."""

import ast
import json
from pathlib import Path

from coach_rules import corpus, review
from coach_rules.guidelines import GUIDELINE_IDS, GUIDELINES_FILE, all_guidelines

PACKAGE = Path(__file__).resolve().parents[2] / "coach_rules"


def _data() -> list[dict]:
    return json.loads(GUIDELINES_FILE.read_text(encoding="utf-8"))["guidelines"]


def _string_constants(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_the_code_agrees_with_the_guidelines_data_file():
    data = _data()
    # Ids, order, points and advice all come from the file.
    assert tuple(item["id"] for item in data) == GUIDELINE_IDS
    for item, guideline in zip(data, all_guidelines(), strict=True):
        assert guideline.points == item["points"] < 0
        assert guideline.advice == item["advice"]
        assert (guideline.before, guideline.after) == (
            item["example"]["before"],
            item["example"]["after"],
        )
    # Every guideline id named in the code is one the file defines, and no module repeats a
    # guideline's advice, example or a table of points.
    ids_in_code: set[str] = set()
    advice_and_examples = {item["advice"] for item in data} | {
        item["example"][side] for item in data for side in ("before", "after")
    }
    for path in PACKAGE.glob("*.py"):
        constants = _string_constants(path)
        ids_in_code |= {c for c in constants if c in GUIDELINE_IDS or c.count("-") >= 1}
        assert not constants & advice_and_examples, path.name
        assert "RULE_POINTS" not in path.read_text(encoding="utf-8"), path.name
    rule_like = {c for c in ids_in_code if c.replace("-", "").isalnum() and c.islower()}
    emitted = {f.rule for d in corpus.load_corpus()[::5] for f in review(d.text).findings}
    assert emitted <= set(GUIDELINE_IDS)
    assert emitted <= rule_like
    # Every finding costs exactly its guideline's points from the file.
    points = {item["id"]: item["points"] for item in data}
    for draft in corpus.load_corpus()[::25]:
        for finding in review(draft.text).findings:
            if finding.source == "rule":
                assert finding.weight == points[finding.rule]
