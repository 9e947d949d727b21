"""The shipped model on drafts written independently of the training corpus.

Each file in `tests/data/` was written by a different writer who never saw `coach_rules/data/`
(nor the other file), so it measures generalisation rather than memory of the corpus's
phrasing. The bar is the issue's target for held-out data; a retrained model that only
memorises the corpus falls below it.
"""

import json
from pathlib import Path

import pytest

from coach_rules.metrics import score
from coach_rules.runtime import default_model

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.mark.parametrize("name", ["unseen_drafts.jsonl", "unseen_drafts_2.jsonl"])
def test_shipped_model_generalises_to_independently_written_drafts(name: str) -> None:
    rows = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
    model = default_model()
    assert model is not None, "the shipped runtime model is missing"
    truth = [row["label"] == "flag" for row in rows]
    probabilities = [model.probability(row["text"]) for row in rows]
    scores = score(truth, probabilities, model.threshold)
    assert len(rows) == 300 and sum(truth) == 150
    assert scores.f1 >= 0.92, scores
    assert scores.false_flag_rate <= 0.05, scores


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("name", ["unseen_drafts.jsonl", "unseen_drafts_2.jsonl"])
def test_reviews_of_independently_written_drafts_keep_the_bar(name: str) -> None:
    """What a member sees (gate, classifier and verdict rule together), not the model alone."""
    from coach_rules.review import review_many

    rows = _rows(name)
    reviews = review_many([row["text"] for row in rows], gate=True)
    scores = score(
        [row["label"] == "flag" for row in rows], [float(r.flagged) for r in reviews], 0.5
    )
    assert scores.f1 >= 0.92, scores
    assert scores.false_flag_rate <= 0.05, scores


# Writer B's sets (Nov-Dec) and writer P's (6 Dec, scored first on the model that was chosen
# with them: see tests/data/DATA_CARD.md). The floor for "called chat" is each set's own figure
# today (79% and 62%; the rest is "unclear": the member is asked), a little below it.
CHAT_SETS = [
    ("unseen_chat.jsonl", 400, 0.75),
    ("unseen_chat_p.jsonl", 300, 0.60),
    ("unseen_chat_s.jsonl", 300, 0.60),
    ("unseen_chat_w.jsonl", 300, 0.85),  # writer W (7 Dec): 89% at first sight, none flagged
    ("unseen_chat_o.jsonl", 300, 0.72),  # writer O (7 Dec, second session): 77%, 2 flagged
    ("unseen_chat_ob.jsonl", 300, 0.88),  # writer OB (7 Dec, second session): 92%, none flagged
    (
        "unseen_chat_oc.jsonl",
        300,
        0.75,
    ),  # writer OC (7 Dec, third session): 80% at first sight, none flagged
    (
        "unseen_chat_od.jsonl",
        300,
        0.76,
    ),  # writer OD (7 Dec, third session): 80% at first sight, 1 flagged
    ("unseen_chat_oe.jsonl", 300, 0.88),  # writer OE (7 Dec, fourth session): 91%, none flagged
    # writer OF (7 Dec, fifth session): at first sight 4 of 300 flagged (1.3%, a miss), 69% called
    # chat; after writer AN's chat to the coach joined the gate's training, 2 of 300 and 73%
    ("unseen_chat_of.jsonl", 300, 0.70),
    # writer OG (7 Dec, fifth session): scored once, on the model retrained with AJ and AN: 1 of
    # 300 flagged, 88% called chat
    ("unseen_chat_og.jsonl", 300, 0.85),
    # writers OH and OI (7 Dec, sixth session): scored once, on the model with writer AI and a
    # threshold for short drafts: none of 300 flagged, 90% and 93% called chat
    ("unseen_chat_oh.jsonl", 300, 0.87),
    ("unseen_chat_oi.jsonl", 300, 0.90),
    # writer OJ (7 Dec, seventh session): scored once, on the model with writers BA and BB: 1 of
    # 300 flagged, 94.7% called chat
    ("unseen_chat_oj.jsonl", 300, 0.92),
    # writer OK (7 Dec, eighth session): scored once, on the model with writers BC and BD: none of
    # 300 flagged, 94.0% called chat
    ("unseen_chat_ok.jsonl", 300, 0.92),
    # writer OL (8 Dec, eighth session): scored once on the same model: 1 of 300 flagged, 90.0%
    # called chat
    ("unseen_chat_ol.jsonl", 300, 0.88),
]


@pytest.mark.parametrize(("name", "size", "called_chat_floor"), CHAT_SETS)
def test_independently_written_chat_is_almost_never_flagged(
    name: str, size: int, called_chat_floor: float
) -> None:
    """Chat is flagged only when the gate calls the text a draft and the review flags it
    ("unclear" means the member is asked first, and chat gets a no)."""
    from coach_rules.gate import classify_message
    from coach_rules.review import review_many

    rows = _rows(name)
    assert len(rows) == size and {row["label"] for row in rows} == {"chat"}
    texts = [row["text"] for row in rows]
    kinds = [classify_message(text).kind for text in texts]
    reviews = review_many(texts, gate=True)
    flagged = sum(k == "draft" and r.flagged for k, r in zip(kinds, reviews, strict=True))
    assert flagged / len(rows) <= 0.01, flagged
    assert sum(k == "chat" for k in kinds) / len(rows) >= called_chat_floor


def _short_draft_scores(name: str, max_chars: int | None = None):
    from coach_rules.review import review_many

    rows = _rows(name)
    if max_chars is not None:
        rows = [row for row in rows if len(row["text"]) < max_chars]
    reviews = review_many([row["text"] for row in rows], gate=True)
    return score([row["label"] == "flag" for row in rows], [float(r.flagged) for r in reviews], 0.5)


def _assert_meets_the_issue_target(scores) -> None:
    """Issue 10's target on drafts nobody here wrote: F1 at least 0.93, at most 5% false flags."""
    assert scores.f1 >= 0.93, scores
    assert scores.false_flag_rate <= 0.05, scores


def test_writer_bs_short_drafts_meet_the_issue_target() -> None:
    """Missed until 7 Dec (0.925, 3.5% with writers U and V); met with writers Y and Z and the
    label-weighted n-grams at threshold 0.76 (0.940, 2.0%); missed again (0.926, 1.5%) once the
    threshold rule also held each training writer's false flags within 5% (0.81); met again
    with writers AE, AF and AG in the corpus (7 Dec, third session; threshold 0.76 under the
    same rule): 0.943, 1.5%; missed in the seventh session (writers BA and BB; drafts under 60
    characters flagged from 0.82): 0.923 / 1.5%, recall 0.87; met again in the eighth session's
    test run (writers BC and BD; under 60 characters flagged from 0.79), run once after the
    model was chosen."""
    assert len(_rows("unseen_short_drafts.jsonl")) == 400
    _assert_meets_the_issue_target(_short_draft_scores("unseen_short_drafts.jsonl"))


def test_writer_ps_short_drafts_meet_the_issue_target() -> None:
    """Met on writer P's set, which chose two models (tests/data/DATA_CARD.md), until 7 Dec;
    missed by one draft with the label-weighted model (0.925, 5.3%); met again with writers AE,
    AF and AG in the corpus (0.932, 4.7%)."""
    assert len(_rows("unseen_short_drafts_p.jsonl")) == 300
    _assert_meets_the_issue_target(_short_draft_scores("unseen_short_drafts_p.jsonl"))


@pytest.mark.parametrize(
    ("name", "floor", "false_flag_ceiling"),
    [("unseen_short_drafts.jsonl", 0.92, 0.05), ("unseen_short_drafts_p.jsonl", 0.92, 0.06)],
)
def test_independently_written_short_drafts_hold_their_floor(
    name: str, floor: float, false_flag_ceiling: float
) -> None:
    """The floor the short drafts hold today. Writer B's set, before issue 10: F1 0.84, 30%
    false flags; after the length calibration 0.90, 6.5%; with writer H's drafts 0.918, 6.0%;
    0.923, 4.5% with H's pasted messages; with writers L, M and N (6 Dec) the threshold rule
    moved the threshold from 0.77 to 0.84: 0.899, 3.5% (writer P's fresh set chose that model:
    0.925, 4.7% against 0.916, 7.3%); with the gate's thresholds chosen on drafts by writers it
    never saw, 0.908, 3.5% (P: 0.932, 4.7%); with writers Q and R (6 Dec night, threshold 0.80),
    0.916, 3.5% (P: 0.936, 4.7%); with writers U and V (7 Dec, threshold 0.82), 0.925, 3.5% (P:
    0.936, 4.7%); with writers Y and Z and label-weighted n-grams (7 Dec, threshold 0.76),
    0.940, 2.0% (P: 0.925, 5.3%: the one set that moved the other way); with each training
    writer's false flags held within 5% too (threshold 0.81), 0.926, 1.5% (P: 0.925, 5.3%); with
    writers AE, AF and AG (threshold 0.76 under the same rule), 0.943, 1.5% (P: 0.932, 4.7%)."""
    scores = _short_draft_scores(name)
    assert scores.f1 >= floor, scores
    assert scores.false_flag_rate <= false_flag_ceiling, scores


def test_short_drafts_under_60_characters_keep_false_flags_within_the_target() -> None:
    """Writer P's drafts under 60 characters (180 of 300): the issue's target holds for them."""
    scores = _short_draft_scores("unseen_short_drafts_p.jsonl", max_chars=60)
    assert scores.n == 180
    _assert_meets_the_issue_target(scores)


def test_a_fresh_writers_short_drafts_meet_the_issue_target_overall() -> None:
    """Writer S's 300 short drafts (6 Dec night), scored once on the model that shipped with
    them and used for no choice: F1 0.946, 4.7% false flags; with writers U and V in the
    corpus (7 Dec) 0.956, 3.3%."""
    assert len(_rows("unseen_short_drafts_s.jsonl")) == 300
    _assert_meets_the_issue_target(_short_draft_scores("unseen_short_drafts_s.jsonl"))


def test_a_fresh_writers_drafts_under_60_characters_meet_the_issue_target() -> None:
    """Missed at first sight (6.8% false flags, 5 of 74); met once writers U and V joined the
    corpus (7 Dec, 4.1%); missed again by one draft with the label-weighted model (5.4%); met
    since writer AI joined with a threshold of its own for drafts under 60 characters (sixth
    session: 0.971 / 2.7%). S's set has been scored on every model since, so this is no longer
    a first-sight figure."""
    _assert_meets_the_issue_target(_short_draft_scores("unseen_short_drafts_s.jsonl", max_chars=60))


def test_writer_ws_short_drafts_keep_false_flags_within_the_target() -> None:
    """Writer W's 300 short drafts (7 Dec), scored first on the model and rules of that day and
    used for no choice: F1 0.919, 2.7% false flags; under 60 characters (194) 0.918, 1.3%. With
    writers Y and Z and the label-weighted model: 0.934, 2.7% (under 60: 0.933, 1.3%); with the
    per-writer false-flag limit (threshold 0.81): 0.938, 2.0% (0.933, 1.3%); with writers AE, AF
    and AG (threshold 0.76): 0.934, 2.0% (0.928, 1.3%); with writer AH too (threshold 0.77):
    0.927, 2.7% (0.919, 2.6%)."""
    assert len(_rows("unseen_short_drafts_w.jsonl")) == 300
    scores = _short_draft_scores("unseen_short_drafts_w.jsonl")
    assert scores.f1 >= 0.92, scores
    assert scores.false_flag_rate <= 0.05, scores
    under_60 = _short_draft_scores("unseen_short_drafts_w.jsonl", max_chars=60)
    assert under_60.n == 194 and under_60.false_flag_rate <= 0.05, under_60


def test_writer_ws_short_drafts_meet_the_issue_target() -> None:
    """Missed at first sight (0.919); met with writers Y and Z and the label-weighted model
    (0.934-0.938); missed with writer AH in the corpus (0.927 / 2.7%); met again, at the line
    (0.930 / 2.0%), since the consent rule no longer reads "listed your name like you said" as
    done unasked (7 Dec, fourth session, after reading every set's false flags)."""
    _assert_meets_the_issue_target(_short_draft_scores("unseen_short_drafts_w.jsonl"))


def test_writer_ws_drafts_under_60_characters_meet_the_issue_target() -> None:
    """Missed at 0.919, then 0.924 in the sixth session (hard sells passed; false flags 2.6%);
    met since the seventh session (writers BA and BB), seen in the test run after the model
    was chosen (the figure was not read)."""
    _assert_meets_the_issue_target(_short_draft_scores("unseen_short_drafts_w.jsonl", max_chars=60))


# Writers O and OB (7 Dec, second session): fresh short drafts, each scored once at first sight.
# O was scored on the label-weighted model at threshold 0.76 (F1 0.940, 6.0% false flags; under
# 60 characters 0.935, 5.3%), and with P's and S's figures it prompted the per-writer
# false-flag limit (threshold 0.81); OB was asked for then and scored once, on the final model.


def test_writer_obs_short_drafts_meet_the_issue_target_at_first_sight() -> None:
    """First sight, on the model and rules that shipped: F1 0.959, 1.3% false flags; under 60
    characters (179) 0.958, 1.2%."""
    assert len(_rows("unseen_short_drafts_ob.jsonl")) == 300
    _assert_meets_the_issue_target(_short_draft_scores("unseen_short_drafts_ob.jsonl"))
    under_60 = _short_draft_scores("unseen_short_drafts_ob.jsonl", max_chars=60)
    assert under_60.n == 179
    _assert_meets_the_issue_target(under_60)


def test_writer_os_short_drafts_keep_their_floor() -> None:
    """0.936, 5.3% (under 60 characters 0.928, 5.3%) on the model of 7 Dec; 0.944, 6.0% (0.943,
    5.3%) with writers AE, AF and AG in the corpus."""
    assert len(_rows("unseen_short_drafts_o.jsonl")) == 300
    scores = _short_draft_scores("unseen_short_drafts_o.jsonl")
    assert scores.f1 >= 0.93, scores
    assert scores.false_flag_rate <= 0.06, scores


def test_writer_os_short_drafts_meet_the_issue_target() -> None:
    """Missed at first sight (6.0%) and on every model until writer AI joined with a threshold
    of its own for drafts under 60 characters (sixth session): 0.946 / 4.0%, under 60
    characters 0.934 / 4.4% (7.0% before)."""
    _assert_meets_the_issue_target(_short_draft_scores("unseen_short_drafts_o.jsonl"))


# Writers OC and OD (7 Dec, third session): fresh short drafts and chat. OC was scored once at
# first sight after writers AE, AF and AG joined the corpus (F1 0.970, 3.3%; under 60
# characters 0.966, 5.3%: one draft over), which prompted writer AH's very short drafts; OD was
# asked for then and scored once, on the model with AH (the one that shipped), deciding nothing.


def test_writer_ods_short_drafts_meet_the_issue_target_at_first_sight() -> None:
    """First sight, on the model that shipped: F1 0.963, 2.0% false flags; under 60 characters
    (190) 0.964, 1.3%."""
    assert len(_rows("unseen_short_drafts_od.jsonl")) == 300
    _assert_meets_the_issue_target(_short_draft_scores("unseen_short_drafts_od.jsonl"))
    under_60 = _short_draft_scores("unseen_short_drafts_od.jsonl", max_chars=60)
    assert under_60.n == 190
    _assert_meets_the_issue_target(under_60)


# Writer OE (7 Dec, fourth session): fresh short drafts and chat, asked for after the consent
# rule's fix and scored once, on the model and rules that shipped with this session: deciding
# nothing.
def test_writer_oes_short_drafts_meet_the_issue_target_at_first_sight() -> None:
    """First sight: F1 0.956, 2.7% false flags; under 60 characters (184) 0.955, 4.2%."""
    assert len(_rows("unseen_short_drafts_oe.jsonl")) == 300
    _assert_meets_the_issue_target(_short_draft_scores("unseen_short_drafts_oe.jsonl"))
    under_60 = _short_draft_scores("unseen_short_drafts_oe.jsonl", max_chars=60)
    assert under_60.n == 184
    _assert_meets_the_issue_target(under_60)


def test_writer_ocs_short_drafts_meet_the_issue_target() -> None:
    """At first sight 0.970, 3.3% (under 60 characters 0.966, 5.3%); with writer AH in the
    corpus 0.973, 2.7% (0.970, 3.9%)."""
    assert len(_rows("unseen_short_drafts_oc.jsonl")) == 300
    _assert_meets_the_issue_target(_short_draft_scores("unseen_short_drafts_oc.jsonl"))
    under_60 = _short_draft_scores("unseen_short_drafts_oc.jsonl", max_chars=60)
    assert under_60.n == 177
    _assert_meets_the_issue_target(under_60)


# Writer OF (7 Dec, fifth session): fresh short drafts and chat, scored once on the model and
# rules that shipped (no retraining since the fourth session), deciding nothing.
def test_writer_ofs_short_drafts_meet_the_issue_target_at_first_sight() -> None:
    """First sight: F1 0.960, 4.7% false flags (7 of 150)."""
    assert len(_rows("unseen_short_drafts_of.jsonl")) == 300
    _assert_meets_the_issue_target(_short_draft_scores("unseen_short_drafts_of.jsonl"))


def test_writer_ofs_drafts_under_60_characters_meet_the_issue_target() -> None:
    """Missed at first sight: 5.8% (F1 0.966), texting-register notes to friends and a polite
    referral ask; met since writer AI joined (sixth session): 0.987 / 1.4%."""
    under_60 = _short_draft_scores("unseen_short_drafts_of.jsonl", max_chars=60)
    assert under_60.n == 185
    _assert_meets_the_issue_target(under_60)


# Writer OG (7 Dec, fifth session): fresh short drafts and chat, written before writers AJ and AN
# joined the corpus and scored once, on the model retrained with them: deciding nothing.
def test_writer_ogs_short_drafts_meet_the_issue_target_at_first_sight() -> None:
    """First sight: F1 0.957, 4.0% false flags; under 60 characters (180) 0.963, 2.4%."""
    assert len(_rows("unseen_short_drafts_og.jsonl")) == 300
    _assert_meets_the_issue_target(_short_draft_scores("unseen_short_drafts_og.jsonl"))
    under_60 = _short_draft_scores("unseen_short_drafts_og.jsonl", max_chars=60)
    assert under_60.n == 180
    _assert_meets_the_issue_target(under_60)


# Writers OH and OI (7 Dec, sixth session): fresh short drafts and chat, written while the
# sixth session's model was built and scored once, on the model and rules that shipped:
# deciding nothing. The model before (0.76, no writer AI) read OH 0.943 / 5.3% (under 60
# characters 0.928 / 9.3%) and OI 0.906 / 4.7% (0.895 / 6.4%) on the same rules.
def test_writer_ohs_short_drafts_meet_the_issue_target_at_first_sight() -> None:
    """First sight: F1 0.942, 4.0% false flags (6 of 150)."""
    assert len(_rows("unseen_short_drafts_oh.jsonl")) == 300
    _assert_meets_the_issue_target(_short_draft_scores("unseen_short_drafts_oh.jsonl"))


@pytest.mark.xfail(
    strict=True,
    reason="issue 10's target is missed at first sight on writer OH's drafts under 60 characters: "
    "6.7% false flags (F1 0.937)",
)
def test_writer_ohs_drafts_under_60_characters_meet_the_issue_target() -> None:
    under_60 = _short_draft_scores("unseen_short_drafts_oh.jsonl", max_chars=60)
    assert under_60.n == 180
    _assert_meets_the_issue_target(under_60)


def test_writer_ois_short_drafts_keep_false_flags_within_the_target() -> None:
    """First sight: 2.0% false flags overall, 2.6% under 60 characters (189)."""
    assert len(_rows("unseen_short_drafts_oi.jsonl")) == 300
    assert _short_draft_scores("unseen_short_drafts_oi.jsonl").false_flag_rate <= 0.05
    under_60 = _short_draft_scores("unseen_short_drafts_oi.jsonl", max_chars=60)
    assert under_60.n == 189 and under_60.false_flag_rate <= 0.05


@pytest.mark.xfail(
    strict=True,
    reason="issue 10's target is missed at first sight on writer OI's short drafts: F1 0.911 "
    "(under 60 characters 0.898): hard sells passed",
)
def test_writer_ois_short_drafts_meet_the_issue_target() -> None:
    _assert_meets_the_issue_target(_short_draft_scores("unseen_short_drafts_oi.jsonl"))


# Writer OJ (7 Dec, seventh session): written while writers BA and BB wrote training data, kept
# from the engineers and scored once, on the model retrained with them and the session's rules:
# F1 0.924 / 4.0% false flags, under 60 characters 0.920 / 5.4%.
def test_writer_ojs_short_drafts_keep_their_floor_and_false_flags_within_the_target() -> None:
    scores = _short_draft_scores("unseen_short_drafts_oj.jsonl")
    assert len(_rows("unseen_short_drafts_oj.jsonl")) == 300
    assert scores.f1 >= 0.92, scores
    assert scores.false_flag_rate <= 0.05, scores


@pytest.mark.xfail(
    strict=True,
    reason="issue 10's F1 target is missed at first sight on writer OJ's short drafts: 0.924",
)
def test_writer_ojs_short_drafts_meet_the_issue_target() -> None:
    _assert_meets_the_issue_target(_short_draft_scores("unseen_short_drafts_oj.jsonl"))


@pytest.mark.xfail(
    strict=True,
    reason="issue 10's target is missed at first sight on writer OJ's drafts under 60 "
    "characters: F1 0.920 / 5.4% false flags",
)
def test_writer_ojs_drafts_under_60_characters_meet_the_issue_target() -> None:
    _assert_meets_the_issue_target(
        _short_draft_scores("unseen_short_drafts_oj.jsonl", max_chars=60)
    )


# Writer OK (7 Dec, eighth session): written while writers BC and BD wrote training data, kept
# from the engineers and scored once, on the model retrained with them and the session's rules:
# F1 0.938 / 3.3% false flags, under 60 characters 0.952 / 4.2% (189): issue 10's target met on
# a fresh set for the first time. The model before BC and BD, read after for comparison only:
# 0.946 / 3.3%, under 60 the same.
def test_writer_oks_short_drafts_meet_the_issue_target() -> None:
    assert len(_rows("unseen_short_drafts_ok.jsonl")) == 300
    _assert_meets_the_issue_target(_short_draft_scores("unseen_short_drafts_ok.jsonl"))


def test_writer_oks_drafts_under_60_characters_meet_the_issue_target() -> None:
    under_60 = _short_draft_scores("unseen_short_drafts_ok.jsonl", max_chars=60)
    assert under_60.n == 189
    _assert_meets_the_issue_target(under_60)


# Writer OL (8 Dec, eighth session): the same brief as OK's, written after the model with BC and
# BD was chosen, kept from the engineers and scored once on it: F1 0.948 / 0.7% false flags,
# under 60 characters 0.940 / 1.3% (181): the target met by a second fresh writer.
def test_writer_ols_short_drafts_meet_the_issue_target() -> None:
    assert len(_rows("unseen_short_drafts_ol.jsonl")) == 300
    _assert_meets_the_issue_target(_short_draft_scores("unseen_short_drafts_ol.jsonl"))


def test_writer_ols_drafts_under_60_characters_meet_the_issue_target() -> None:
    under_60 = _short_draft_scores("unseen_short_drafts_ol.jsonl", max_chars=60)
    assert under_60.n == 181
    _assert_meets_the_issue_target(under_60)
