"""scikit-learn transformers for the draft classifier (imported only by training/evaluation)."""

from __future__ import annotations

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, OneToOneFeatureMixin, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted, validate_data

from coach_rules.signals import SIGNAL_NAMES, draft_signal_vector
from coach_rules.textnorm import normalise


def _as_texts(X: object) -> list[str]:
    """Accept a list/array of strings, or a one-column 2-D array of strings."""
    array = np.asarray(X, dtype=object)
    if array.ndim == 2 and array.shape[1] == 1:
        array = array[:, 0]
    if array.ndim != 1:
        raise ValueError(f"expected a 1-D sequence of texts, got shape {array.shape}")
    texts = list(array)
    for text in texts:
        if not isinstance(text, str):
            raise ValueError(f"expected text, got {type(text).__name__}")
    return texts


class DraftSignals(TransformerMixin, BaseEstimator):
    """Texts -> the interpretable signals of `coach_rules.signals.SIGNAL_NAMES`.

    Stateless apart from remembering how many features it produces; `fit` learns nothing.
    """

    def fit(self, X: object, y: object = None) -> DraftSignals:
        _as_texts(X)
        self.n_features_out_ = len(SIGNAL_NAMES)
        return self

    def transform(self, X: object) -> np.ndarray:
        check_is_fitted(self, "n_features_out_")
        texts = _as_texts(X)
        return np.array(
            [draft_signal_vector(text, normalise(text)) for text in texts], dtype=np.float64
        ).reshape(len(texts), len(SIGNAL_NAMES))

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        check_is_fitted(self, "n_features_out_")
        return np.asarray([f"signal__{name}" for name in SIGNAL_NAMES], dtype=object)

    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.requires_fit = True
        return tags


class ClippedScaler(OneToOneFeatureMixin, TransformerMixin, BaseEstimator):
    """Standardise each column, then clip to [-clip, clip].

    The clip keeps one extreme draft (forty questions, a wall of exclamation marks) from
    swinging the linear model far outside anything it saw in training.
    """

    def __init__(self, clip: float = 3.0) -> None:
        self.clip = clip

    def fit(self, X: object, y: object = None) -> ClippedScaler:
        if not self.clip > 0:
            raise ValueError(f"clip must be positive, got {self.clip!r}")
        array = validate_data(self, X, reset=True, dtype=np.float64)
        self.mean_ = array.mean(axis=0)
        scale = array.std(axis=0)
        self.scale_ = np.where(scale > 1e-12, scale, 1.0)
        return self

    def transform(self, X: object) -> np.ndarray:
        check_is_fitted(self, ("mean_", "scale_"))
        array = validate_data(self, X, reset=False, dtype=np.float64)
        return np.clip((array - self.mean_) / self.scale_, -self.clip, self.clip)


class CompactTfidfVectorizer(TfidfVectorizer):
    """A TfidfVectorizer whose saved form keeps the vocabulary as one array of terms.

    skops writes a dict entry by entry, which made a 40,000-term vocabulary take megabytes;
    an array of terms ordered by column is a single compact .npy inside the skops file.
    Behaviour is exactly TfidfVectorizer's.
    """

    def __getstate__(self) -> dict[str, object]:
        state = super().__getstate__()
        vocabulary = state.get("vocabulary_")
        if isinstance(vocabulary, dict) and vocabulary:
            terms = [""] * len(vocabulary)
            for term, column in vocabulary.items():
                terms[column] = term
            # numpy drops trailing NULs from str arrays; keep the dict if any term ends in one.
            if all(terms) and not any(term.endswith("\x00") for term in terms):
                state = dict(state)
                del state["vocabulary_"]
                state["vocabulary_terms_"] = np.asarray(terms, dtype=str)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        state = dict(state)
        terms = state.pop("vocabulary_terms_", None)
        if terms is not None:
            state["vocabulary_"] = {str(term): column for column, term in enumerate(terms)}
        super().__setstate__(state)


class LabelWeights(TransformerMixin, BaseEstimator):
    """Weigh each n-gram column by how well it splits the labels.

    Each column is multiplied by |r| ** `power`, where r is the n-gram's log-count ratio between
    `flag` and `ok` drafts (the "NB" of NBSVM: Wang and Manning, 2012, "Baselines and Bigrams").
    The logistic regression then starts from n-grams that carry the label instead of treating
    every rare n-gram alike (docs/classifiers.md). `power` 0 leaves the columns as
    they are. Fitted on the training labels only; the runtime folds the weights into the
    coefficients.
    """

    def __init__(self, power: float = 0.5, smoothing: float = 1.0) -> None:
        self.power = power
        self.smoothing = smoothing

    def fit(self, X: object, y: object = None) -> LabelWeights:
        if y is None:
            raise ValueError("label weights need the labels: fit(matrix, labels)")
        matrix = sparse.csr_matrix(X)
        labels = np.asarray(y, dtype=bool)
        present = (matrix > 0).astype(np.float64)
        flag = self.smoothing + np.asarray(present[labels].sum(axis=0)).ravel()
        ok = self.smoothing + np.asarray(present[~labels].sum(axis=0)).ravel()
        ratio = np.log((flag / flag.sum()) / (ok / ok.sum()))
        self.weights_ = np.abs(ratio) ** self.power
        return self

    def transform(self, X: object) -> sparse.csr_matrix:
        check_is_fitted(self, "weights_")
        return sparse.csr_matrix(sparse.csr_matrix(X).multiply(self.weights_))
