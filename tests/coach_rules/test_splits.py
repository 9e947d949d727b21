"""Leave-one-writer-out predictions shared by the classifier's and the gate's training."""

from coach_rules.splits import predictions_by_unseen_writer, writer_of


def test_each_writers_rows_are_predicted_by_a_model_that_never_saw_that_writer() -> None:
    writers = ["a", "b", None, "a", "b"]
    fitted_on: dict[tuple[int, ...], list[int]] = {}

    def fit_predict(train: list[int], predict: list[int]) -> list[float]:
        fitted_on[tuple(predict)] = train
        return [float(i) for i in predict]

    predicted = predictions_by_unseen_writer(writers, fit_predict)
    assert predicted == {0: 0.0, 3: 3.0, 1: 1.0, 4: 4.0}  # the row without a writer: never
    assert fitted_on == {(0, 3): [1, 2, 4], (1, 4): [0, 2, 3]}  # but always trained on


def test_the_ids_letter_names_the_writer() -> None:
    assert writer_of("m0042") == "m"
