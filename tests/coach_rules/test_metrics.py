import random

from sklearn.metrics import roc_auc_score

from coach_rules.metrics import score


def test_scores_count_flag_as_the_positive_class():
    truth = [True, True, True, False, False, False, False]
    probabilities = [0.9, 0.8, 0.2, 0.7, 0.1, 0.1, 0.3]
    result = score(truth, probabilities, threshold=0.5)
    assert result.confusion == ((3, 1), (1, 2))
    assert result.precision == 2 / 3
    assert result.recall == 2 / 3
    assert result.false_flag_rate == 1 / 4


def test_roc_auc_matches_scikit_learn_including_ties():
    rng = random.Random(7)
    truth = [rng.random() < 0.5 for _ in range(300)]
    probabilities = [round(rng.random(), 1) for _ in range(300)]
    ours = score(truth, probabilities, 0.5).roc_auc
    assert abs(ours - roc_auc_score(truth, probabilities)) < 1e-12


def test_roc_auc_is_none_with_one_class():
    assert score([True, True], [0.2, 0.9], 0.5).roc_auc is None
