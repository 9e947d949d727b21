"""The custom transformers follow scikit-learn conventions."""

import numpy as np
import pytest
import skops.io as sio
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.utils.estimator_checks import parametrize_with_checks

from coach_rules import analysis
from coach_rules.signals import SIGNAL_NAMES
from coach_rules.transformers import ClippedScaler, CompactTfidfVectorizer, DraftSignals

TEXTS = ["Can we book a demo?", "Here's the guide I mentioned, no need to reply.", "hi"]


@parametrize_with_checks([ClippedScaler(), ClippedScaler(clip=1.5)])
def test_clipped_scaler_passes_scikit_learn_checks(estimator, check):
    check(estimator)


def test_clipped_scaler_clips_extremes():
    scaler = ClippedScaler(clip=2.0).fit(np.array([[0.0], [1.0], [2.0], [3.0]]))
    assert scaler.transform(np.array([[1000.0]]))[0, 0] == 2.0


def test_draft_signals_follows_the_conventions():
    signals = DraftSignals()
    assert clone(signals).get_params() == {}
    with pytest.raises(NotFittedError):
        signals.transform(TEXTS)
    assert signals.fit(TEXTS) is signals
    out = signals.transform(TEXTS)
    assert out.shape == (3, len(SIGNAL_NAMES))
    assert list(signals.get_feature_names_out()) == [f"signal__{n}" for n in SIGNAL_NAMES]
    with pytest.raises(ValueError):
        signals.transform([1, 2])


def test_compact_vectorizer_round_trips_through_skops(tmp_path):
    vectorizer = CompactTfidfVectorizer(analyzer=analysis.char_features, sublinear_tf=True)
    expected = vectorizer.fit_transform(TEXTS).toarray()
    path = tmp_path / "v.skops"
    sio.dump(vectorizer, path)
    trusted = sio.get_untrusted_types(file=path)
    loaded = sio.load(path, trusted=trusted)
    assert loaded.vocabulary_ == vectorizer.vocabulary_
    np.testing.assert_allclose(loaded.transform(TEXTS).toarray(), expected, rtol=0, atol=1e-12)


def test_compact_vectorizer_keeps_a_dict_when_a_term_ends_with_nul():
    vectorizer = CompactTfidfVectorizer(analyzer=lambda doc: doc.split(" "))
    vectorizer.fit(["a\x00 b", "b c"])
    state = vectorizer.__getstate__()
    assert "vocabulary_" in state and "vocabulary_terms_" not in state


def test_label_weights_favour_the_columns_that_split_the_labels():
    from scipy import sparse

    from coach_rules.transformers import LabelWeights

    # Column 0 appears only in flagged rows, column 1 in both labels alike.
    matrix = sparse.csr_matrix(np.array([[1.0, 1.0], [1.0, 1.0], [0.0, 1.0], [0.0, 1.0]]))
    labels = [True, True, False, False]
    weights = LabelWeights(power=0.5).fit(matrix, labels)
    assert weights.weights_[0] == pytest.approx(np.sqrt(np.log(2.0)))  # (3/6) / (1/4)
    assert weights.weights_[1] == pytest.approx(np.sqrt(np.log(1.5)))  # (3/6) / (3/4)
    assert weights.weights_[0] > weights.weights_[1]
    scaled = weights.transform(matrix).toarray()
    assert np.allclose(scaled, matrix.toarray() * weights.weights_)
    assert np.allclose(LabelWeights(power=0.0).fit(matrix, labels).weights_, 1.0)
    with pytest.raises(ValueError, match="labels"):
        LabelWeights().fit(matrix)
    with pytest.raises(NotFittedError):
        LabelWeights().transform(matrix)
