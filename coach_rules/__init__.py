"""The coaching knowledge: guidelines, labelled drafts, the classifier and `review(text)`.

Depends on scikit-learn and friends only; never imports bot/ or storage/.
Heavy imports (scikit-learn, skops) happen lazily inside `review`, so importing this package
is cheap.
"""

from coach_rules.review import Finding, Review, review

__all__ = ["Finding", "Review", "review"]
