"""The weekly digest's chart: the team's follow-ups done within the window, week by week.

matplotlib is imported only here and only when a chart is drawn: it takes about a second to
import, which neither start-up nor a Slack ack (3 s) should pay. The figure is drawn on its own
Agg canvas, not through pyplot, so no global state is shared between threads.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

# Small enough to sit under a digest and to fit a Teams message inline (it stays under 20 KB).
_SIZE_INCHES = (4.0, 1.8)
_DPI = 90
_BAR_COLOUR = "#2E7D6B"
_BARS = "_▁▂▃▄▅▆▇█"


@dataclass(frozen=True)
class WeekPoint:
    label: str  # "W49"
    value: int


def chart_png(points: Sequence[WeekPoint], title: str) -> bytes:
    """A small bar chart as PNG bytes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=_SIZE_INCHES, dpi=_DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    values = [point.value for point in points]
    axes.bar([point.label for point in points], values, color=_BAR_COLOUR)
    axes.set_title(title, fontsize=9)
    axes.tick_params(labelsize=7)
    axes.set_ylim(0, max([*values, 1]) * 1.15)
    axes.yaxis.get_major_locator().set_params(integer=True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.tight_layout(pad=0.4)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def chart_text(points: Sequence[WeekPoint]) -> str:
    """The same figures as text: a sparkline and the numbers, oldest week first."""
    top = max([point.value for point in points] or [0])
    spark = "".join(
        _BARS[round(point.value / top * (len(_BARS) - 1))] if top else _BARS[0] for point in points
    )
    numbers = " · ".join(f"{point.label} {point.value}" for point in points)
    return f"`{spark}` {numbers}"
