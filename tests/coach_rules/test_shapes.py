from coach_rules.shapes import (
    SHAPES,
    SHAPES_TRAINING_FILE,
    ShapeRow,
    figures_of_rows,
    read_shape_rows,
)


def row(shape: str, label: str) -> ShapeRow:
    return ShapeRow("x0001", "t", label, shape, "chat-dm", (), "t")


def test_figures_per_shape_count_f1_and_false_flags_separately():
    rows = [
        row("consent", "flag"),
        row("consent", "ok"),
        row("ps-pitch", "ok"),
        row("ps-pitch", "ok"),
    ]
    figures = {f.shape: f for f in figures_of_rows(rows, [True, True, False, True])}
    assert figures["consent"].f1 == 2 * 0.5 * 1.0 / 1.5
    assert figures["consent"].false_flag_rate == 1.0
    assert figures["ps-pitch"].false_flag_rate == 0.5
    assert figures["ps-pitch"].f1 == 0.0
    assert figures["all"].rows == 4


def test_the_training_shapes_file_reads_and_covers_every_shape_with_both_labels():
    rows = read_shape_rows(SHAPES_TRAINING_FILE)
    assert {(r.shape, r.label) for r in rows} == {
        (s, label) for s in SHAPES for label in ("ok", "flag")
    }
    assert all(r.written.split("\n\n")[0] in r.text for r in rows)
