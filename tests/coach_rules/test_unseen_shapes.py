"""Reviews of writer G's 320 pasted messages (`tests/data/unseen_shapes.jsonl`): 8 shapes, 20
`flag` and 20 `ok` each. Writer G never saw writer F's training rows, the corpus or the code,
and nothing was tuned on these rows.

The issue's target is F1 >= 0.93 with <= 5% false flags in every shape; where it is not met
the strict xfail below says by how much (the README has the table), and the floor test keeps
what is reached from slipping.
"""

import functools
from pathlib import Path

import pytest

from coach_rules.review import review_many
from coach_rules.shapes import SHAPES, ShapeFigures, figures_of_rows, read_shape_rows

UNSEEN = Path(__file__).resolve().parent.parent / "data" / "unseen_shapes.jsonl"


def _figures_of(path: Path, size: int) -> dict[str, ShapeFigures]:
    rows = read_shape_rows(path)
    assert len(rows) == size
    reviews = review_many([row.text for row in rows])
    return {f.shape: f for f in figures_of_rows(rows, [r.flagged for r in reviews])}


def _assert_shape_meets_the_issue_target(figures: ShapeFigures) -> None:
    assert figures.f1 >= 0.93, figures
    assert figures.false_flag_rate <= 0.05, figures


def _assert_every_shape_meets_the_issue_target(figures: dict[str, ShapeFigures]) -> None:
    for shape in SHAPES:
        _assert_shape_meets_the_issue_target(figures[shape])


@pytest.fixture(scope="module")
def figures() -> dict[str, ShapeFigures]:
    return _figures_of(UNSEEN, 320)


def test_every_shape_is_present_with_both_labels(figures):
    assert set(figures) == {*SHAPES, "all"}
    assert all(figures[shape].rows == 40 for shape in SHAPES)


def test_pasted_messages_are_judged_far_better_than_as_whole_texts(figures):
    """The floor reached with parts, links, consent, the P.S. read alone and the shapes training
    data of writers F and H (before any of it: F1 0.721 overall, 0.400 on referral links, 0.581
    on consent, 0.621 on thread replies; after writer F alone: 0.929 overall, 0.800 on P.S.;
    after writer H and the merged retrain: 0.960 overall, referral links the lowest at 0.872)."""
    assert figures["all"].f1 >= 0.93, figures["all"]
    assert figures["all"].false_flag_rate <= 0.05, figures["all"]
    assert all(figures[shape].f1 >= 0.87 for shape in SHAPES), figures
    assert all(figures[shape].false_flag_rate <= 0.10 for shape in SHAPES), figures


def test_every_shape_meets_the_issue_target(figures):
    """Missed on referral links until the sixth session (F1 0.900 with 10% false flags until
    7 Dec; 0.923 / 5% once a disclosure said as 'I'm transparent that our agency gets a partner
    rate' cleared a link); met since writer AI joined and drafts of 60 characters or more are
    flagged from 0.85 (referral links 0.947 / 0%, e-mail and thread replies 0%)."""
    _assert_every_shape_meets_the_issue_target(figures)


# Writer T's 400 pasted messages (6 Dec night; 25 `flag` and 25 `ok` per shape), written after
# every change above and scored once, on the model and rules that shipped with them: a fresh
# measurement that chose nothing (tests/data/DATA_CARD.md).
FRESH = Path(__file__).resolve().parent.parent / "data" / "unseen_shapes_t.jsonl"


def test_a_fresh_writers_pasted_messages_meet_the_issue_target_in_every_shape():
    figures = _figures_of(FRESH, 400)
    assert all(figures[shape].rows == 50 for shape in SHAPES)
    _assert_every_shape_meets_the_issue_target(figures)


# Writer X's 240 pasted messages (7 Dec; 40 `flag` and 40 `ok` in each of the three shapes where
# writer G's figures missed), written apart from writer V's training rows in the same shapes and
# scored once, on the model and rules of 7 Dec: a fresh measurement that chose nothing.
FRESH_X = Path(__file__).resolve().parent.parent / "data" / "unseen_shapes_x.jsonl"
X_SHAPES = ("email-reply-quoted", "referral-link", "thread-reply")


@pytest.fixture(scope="module")
def figures_x() -> dict[str, ShapeFigures]:
    return _figures_of(FRESH_X, 240)


def test_writer_xs_pasted_messages_keep_false_flags_within_the_target(figures_x):
    """At first sight: e-mail replies F1 0.935, 2.5% false flags; referral links 0.895, 5.0%;
    thread replies 0.904, 0% (recall 0.825: hard sells missed, not helpers flagged). With writers
    Y and Z and the label-weighted model: 0.949 / 2.5%, 0.923 / 5.0%, 0.907 / 2.5%. After the
    fifth rules pass (Amazon domains, site referral paths): referral links 0.937 / 5.0%."""
    assert set(figures_x) == {*X_SHAPES, "all"}
    assert all(figures_x[shape].rows == 80 for shape in X_SHAPES)
    assert figures_x["all"].f1 >= 0.90, figures_x["all"]
    assert all(figures_x[shape].false_flag_rate <= 0.05 for shape in X_SHAPES), figures_x
    assert all(figures_x[shape].f1 >= 0.88 for shape in X_SHAPES), figures_x


def _shapes_marked(shapes, missed: set[str], reason: str) -> list:
    """`shapes` as test parameters, the `missed` ones strict xfails with `reason`."""
    return [
        pytest.param(shape, marks=pytest.mark.xfail(strict=True, reason=reason))
        if shape in missed
        else shape
        for shape in shapes
    ]


# Met since 7 Dec (fourth session), after the lead read X's missed thread replies: two were
# pasted with a thread label above the quoted question ("Thread in #jobs-board") or a long
# "Replying to … in #channel: "…"" line, which the splitter now sets aside as quoted (thread
# replies 0.907 → 0.935 / 2.5%). So this is no longer a first-sight figure.
# Since the eighth session (writers BC and BD; seen in the test run after the model was chosen)
# the thread replies miss it again: 0.904 / 0%, recall 0.825 (hard sells passed; drafts of 60
# characters or more are flagged from 0.88, 0.85 before).
X_MISSED = {"thread-reply"}


@pytest.mark.parametrize(
    "shape",
    _shapes_marked(
        X_SHAPES,
        X_MISSED,
        "issue 15's F1 target is missed on writer X's thread replies since the eighth session "
        "(writers BC and BD): 0.904 / 0%, recall 0.825 (hard sells passed)",
    ),
)
def test_writer_xs_pasted_messages_meet_the_issue_target_in_every_shape(figures_x, shape):
    assert figures_x[shape].f1 >= 0.93, figures_x[shape]
    assert figures_x[shape].false_flag_rate <= 0.05, figures_x[shape]


# Writers AA and AC (7 Dec, second session): 240 fresh pasted messages each in the same three
# shapes as writer X. AA was scored at first sight on the label-weighted model at threshold 0.76
# (e-mail replies 0.974 / 0%, referral links 0.975 / 2.5%, thread replies 0.951 / 7.5%); AC was
# asked for after the per-writer false-flag limit and scored once, on the final model.
DATA = Path(__file__).resolve().parent.parent / "data"


# Writer AD (7 Dec, third session): the same three shapes, scored once at first sight on the
# model with writers AE, AF and AG in the corpus: 0.961 / 0%, 0.987 / 0%, 0.962 / 2.5% (the
# same with writer AH too).
NEWEST_SETS = ["unseen_shapes_aa.jsonl", "unseen_shapes_ac.jsonl", "unseen_shapes_ad.jsonl"]


@pytest.fixture(scope="module")
def figures_newest() -> dict[str, dict[str, ShapeFigures]]:
    return {name: _figures_of(DATA / name, 240) for name in NEWEST_SETS}


@pytest.mark.parametrize(
    ("name", "shape"),
    [(name, shape) for name in NEWEST_SETS for shape in sorted(X_SHAPES)],
)
def test_the_newest_writers_pasted_messages_meet_the_issue_target_in_every_shape(
    figures_newest, name: str, shape: str
):
    """AA now: 0.974 / 0%, 0.975 / 2.5%, 1.000 / 0%; AC at first sight: 0.949 / 2.5%,
    1.000 / 0%, 0.961 / 0%. AC's e-mail replies missed in the sixth session (0.921 / 2.5%: hard
    sells passed at 0.85) and meet the target again since the seventh session (writers BA and
    BB), seen in the test run after the model was chosen."""
    figures = figures_newest[name]
    assert set(figures) == {*X_SHAPES, "all"}
    assert figures[shape].rows == 80
    _assert_shape_meets_the_issue_target(figures[shape])


# Writer AK (7 Dec, fifth session): all eight shapes, 25 `flag` + 25 `ok` each, scored once at
# first sight on the model and rules that shipped (no retraining since the fourth session).
# Development data since the seventh session: with writers BA and BB its referral links meet the
# target (0.980 / 4.0%) and its consent messages miss it (0.913 / 0%: recall 0.84).
AK_MISSED = {"consent"}


@pytest.fixture(scope="module")
def figures_ak() -> dict[str, ShapeFigures]:
    return _figures_of(DATA / "unseen_shapes_ak.jsonl", 400)


def test_writer_aks_pasted_messages_meet_the_issue_target_in_seven_shapes(figures_ak):
    """First sight: e-mail replies 0.980 / 4.0%, signatures 0.960 / 4.0%, P.S. pitches 0.960 /
    4.0%, consent 0.936 / 0%, markdown 1.000 / 0%, LinkedIn bumps 1.000 / 0% (signatures 0.980
    / 4.0% after writers AJ and AN joined the corpus). Thread replies (0.902 / 12.0% at first
    sight, 0.920 / 8.0% with AJ and AN) meet it since the sixth session: 0.939 / 4.0%.
    Referral links (0.962 / 8.0% until the sixth session) meet it since the seventh: 0.980 /
    4.0%."""
    assert all(figures_ak[shape].rows == 50 for shape in SHAPES)
    for shape in set(SHAPES) - AK_MISSED:
        _assert_shape_meets_the_issue_target(figures_ak[shape])


@pytest.mark.xfail(
    strict=True,
    reason="issue 15's F1 target is missed on writer AK's consent messages since the seventh "
    "session (writers BA and BB): 0.913 / 0%, recall 0.84 (0.936 / 0% before; hard sells "
    "passed)",
)
@pytest.mark.parametrize("shape", sorted(AK_MISSED))
def test_writer_aks_pasted_messages_meet_the_issue_target_in_the_other_one(figures_ak, shape):
    _assert_shape_meets_the_issue_target(figures_ak[shape])


# Writer AL (7 Dec, fifth session): all eight shapes, 25 + 25 each, written before writers AJ and
# AN joined the corpus and scored once, on the model retrained with them. First sight missed on
# referral links (F1 0.870: undisclosed links passed) and LinkedIn bumps (8.0%: 2 of 25 ok
# flagged); its misses were then read (seventh links pass), so these are development figures now.


@pytest.fixture(scope="module")
def figures_al() -> dict[str, ShapeFigures]:
    return _figures_of(DATA / "unseen_shapes_al.jsonl", 400)


# Since the eighth session (writers BC and BD; seen in the test run after the model was chosen)
# the consent messages miss it: 0.917 / 4.0%, recall 0.88.
AL_MISSED = {"consent"}


@pytest.mark.parametrize(
    "shape",
    _shapes_marked(
        SHAPES,
        AL_MISSED,
        "issue 15's F1 target is missed on writer AL's consent messages since the eighth "
        "session (writers BC and BD): 0.917 / 4.0%, recall 0.88",
    ),
)
def test_writer_als_pasted_messages_meet_the_issue_target_in_every_shape(figures_al, shape):
    """First sight: e-mail replies 0.980 / 4.0%, signatures 0.939 / 4.0%, P.S. pitches 0.936 /
    0%, consent 0.939 / 4.0%, markdown 0.958 / 0%, thread replies 0.958 / 0%, referral links
    0.870 / 4.0%, LinkedIn bumps 0.962 / 8.0%. After the seventh links pass (affiliate sub-keys,
    referral keys and personal codes in other languages; transcripts pasted newest first and
    older messages listed with their day): referral links 0.939 / 4.0%, thread replies 0.980 /
    0%, LinkedIn bumps 1.000 / 0%."""
    assert figures_al[shape].rows == 50
    _assert_shape_meets_the_issue_target(figures_al[shape])


# Writers AM and AO (7 Dec, sixth session): all eight shapes, 25 + 25 each, written while the
# sixth session's model and seventh links pass were built, and scored once on what shipped. The
# eighth links pass read their misses (referral links, consent, thread replies, LinkedIn bumps,
# P.S. pitches), so these are development figures now, not first-sight ones. Per shape each
# false flag is 4 points.
AM_MISSED = {"ps-pitch", "thread-reply"}
AO_MISSED = {"linkedin-bump"}


@pytest.fixture(scope="module")
def figures_am() -> dict[str, ShapeFigures]:
    return _figures_of(DATA / "unseen_shapes_am.jsonl", 400)


@pytest.fixture(scope="module")
def figures_ao() -> dict[str, ShapeFigures]:
    return _figures_of(DATA / "unseen_shapes_ao.jsonl", 400)


def test_writer_ams_pasted_messages_meet_the_issue_target_in_six_shapes(figures_am):
    """First sight: e-mail replies 0.980 / 0%, signatures 0.958 / 0%, markdown 0.958 / 0%;
    referral links 0.880 / 12.0%, consent 0.917 / 4.0%, LinkedIn bumps 0.851 / 8.0% missed.
    The set was read in the eighth links pass; after it: referral links 0.980 / 4.0% (a
    GitHub `?ref=main` branch and an organisers' code no longer taken for referrals; a Wise
    invite path, a Lever `referral-<name>` source and a sign-up page's `?c=CODE` found),
    consent 0.960 / 4.0% (the reader's quote and photo published, their message forwarded to
    a list), LinkedIn bumps 0.960 / 4.0% (dated transcripts in order, profile cards)."""
    assert all(figures_am[shape].rows == 50 for shape in SHAPES)
    for shape in set(SHAPES) - AM_MISSED:
        _assert_shape_meets_the_issue_target(figures_am[shape])


@pytest.mark.xfail(
    strict=True,
    reason="issue 15's target is missed on writer AM's P.S. pitches (0.913 / 0%: three are not "
    "in English, so not judged, and a P.S. threat passes the classifier) and thread replies "
    "(0.917 / 4.0%: plugs the classifier passes, a 'me please!' reply it flags); the eighth "
    "links pass read them: the classifier's, not the rules' or the splitter's",
)
@pytest.mark.parametrize("shape", sorted(AM_MISSED))
def test_writer_ams_pasted_messages_meet_the_issue_target_in_the_other_two(figures_am, shape):
    _assert_shape_meets_the_issue_target(figures_am[shape])


def test_writer_aos_pasted_messages_meet_the_issue_target_in_seven_shapes(figures_ao):
    """First sight: e-mail replies 0.958 / 0%, signatures 0.980 / 0%, P.S. pitches 0.939 / 4.0%,
    consent 0.936 / 0%, markdown 1.000 / 0%; referral links 0.923 / 12.0% and thread replies
    0.917 / 4.0% missed. The set was read in the eighth links pass; after it: referral links
    0.980 / 0% (a GitHub `?ref=main` and two disclosures said as who gets what: "gives you a
    discount and me a travel credit", "give us both the bonus"), thread replies 1.000 / 0%
    (comments under a pasted LinkedIn post; "react with ✅ and I'll add you" waits for a yes),
    P.S. pitches 0.958 / 0% (a code "listed on our pricing page for all registered NPOs"),
    consent 0.980 / 0%."""
    assert all(figures_ao[shape].rows == 50 for shape in SHAPES)
    for shape in set(SHAPES) - AO_MISSED:
        _assert_shape_meets_the_issue_target(figures_ao[shape])


@pytest.mark.xfail(
    strict=True,
    reason="issue 15's target is missed on writer AO's LinkedIn bumps (0.870 / 4.0% at first "
    "sight, 0.894 / 4.0% after the eighth links pass read them): a Spanish bump (not judged), "
    "an emoji-only bump, two pushy bumps the classifier passes (0.78, 0.79) and a polite "
    "reminder it flags (0.89)",
)
@pytest.mark.parametrize("shape", sorted(AO_MISSED))
def test_writer_aos_pasted_messages_meet_the_issue_target_in_the_other_one(figures_ao, shape):
    _assert_shape_meets_the_issue_target(figures_ao[shape])


# Writers AP and AQ (7 Dec, sixth session, second round): all eight shapes, 25 + 25 each, written
# while the eighth links pass read AM's and AO's misses, and scored once on what shipped after
# it: deciding nothing. Each: the shapes met at first sight, and the figures of the rest.
SECOND_ROUND = {
    # Since the eighth session (writers BC and BD; seen in the test run after the model was
    # chosen): consent and thread replies meet the target.
    "unseen_shapes_ap.jsonl": (
        {"email-reply-quoted", "signature-disclaimer", "ps-pitch", "consent", "thread-reply"},
        "referral links 0.920 / 8.0%, markdown templates 0.913 / 0%, LinkedIn bumps 0.889 / 0% "
        "(consent 0.920 / 8.0% and thread replies 0.913 / 0% at first sight, met since the "
        "eighth session)",
    ),
    # Since the seventh session (writers BA and BB; seen in the test run after the model was
    # chosen): LinkedIn bumps meet the target, signatures and disclaimers miss it.
    "unseen_shapes_aq.jsonl": (
        {"ps-pitch", "markdown-template", "linkedin-bump"},
        "e-mail replies 0.917 / 4.0%, referral links 0.898 / 8.0%, consent 0.889 / 0%, thread "
        "replies 0.818 / 4.0%, LinkedIn bumps 0.941 / 8.0% (met since the seventh session); "
        "signatures and disclaimers, met at first sight, 0.913 / 0% since the seventh session",
    ),
    # Writer AR (7 Dec, seventh session): written while writers BA and BB wrote training data,
    # kept from the engineers and scored once, on the model retrained with them and the
    # session's rules: six shapes met, two missed.
    "unseen_shapes_ar.jsonl": (
        {
            "email-reply-quoted",
            "signature-disclaimer",
            "ps-pitch",
            "referral-link",
            "consent",
            "linkedin-bump",
        },
        "markdown templates 0.894 / 4.0%, thread replies 0.913 / 0%",
    ),
    # Writer AS (7 Dec, eighth session): written while writers BC and BD wrote training data,
    # kept from the engineers and scored once, on the model retrained with them and the
    # session's rules: all eight shapes met (0.982 / 1.0% in all; the model before, read after
    # for comparison only, 0.985 / 1.0%).
    "unseen_shapes_as.jsonl": (set(SHAPES), ""),
    # Writer AT (8 Dec, eighth session): the same brief as AS's, written after the model was
    # chosen and scored once on it: all eight shapes met again (0.974 / 0.5% in all; lowest
    # LinkedIn bumps 0.936 / 0%, P.S. pitches 0.939 / 4.0%).
    "unseen_shapes_at.jsonl": (set(SHAPES), ""),
}


@functools.cache
def _second_round_figures(name: str) -> dict[str, ShapeFigures]:
    return _figures_of(DATA / name, 400)


@pytest.mark.parametrize(
    ("name", "shape"),
    [
        pytest.param(
            name,
            shape,
            id=f"{name.removeprefix('unseen_shapes_').removesuffix('.jsonl')}-{shape}",
            marks=()
            if shape in met
            else pytest.mark.xfail(
                strict=True, reason=f"issue 15's target is missed at first sight: {missed}"
            ),
        )
        for name, (met, missed) in SECOND_ROUND.items()
        for shape in SHAPES
    ],
)
def test_the_second_rounds_fresh_pasted_messages_meet_the_issue_target(name: str, shape: str):
    figures = _second_round_figures(name)[shape]
    assert figures.rows == 50
    _assert_shape_meets_the_issue_target(figures)
