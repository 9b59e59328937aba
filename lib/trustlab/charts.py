"""Charts of a learner's progress: mastery per element and per PCC marker.

Bars are horizontal, with the label beside each bar and the figures written on it
("3 of 4, 75%"), so the chart reads the same in black and white. matplotlib is loaded
only when a chart is drawn, through its object-oriented API (no pyplot, no ``show``),
so it works the same in a notebook, a test or a server.

>>> from trustlab.records import ProgressStore
>>> fig = mastery_chart(ProgressStore(":memory:").summary())
>>> [ax.get_title(loc="left") for ax in fig.axes]
['By element', 'By marker']
"""

from __future__ import annotations

import base64
import html
import textwrap
from dataclasses import dataclass, fields

from .figures import new_figure, png_bytes
from .records import Mastery, ProgressStore, ProgressSummary, progress_store

__all__ = ["ProgressReport", "mastery_chart", "progress"]

_BAR = "#3b6ea5"  # a dark blue: white text on it and black text beside it both read well
_TRACK = "#e6e6e6"


# Short names for the markers, so the labels fit beside the bars.
_SHORT = {"4.1": "4.1 Acknowledgment", "4.2": "4.2 Support and empathy",
          "4.3": "4.3 Welcoming expression", "4.4": "4.4 Inviting a response"}


def _label(m: Mastery) -> str:
    return textwrap.fill(_SHORT.get(m.key, m.label), 26)


def _figures(m: Mastery) -> str:
    return f"{m.right} of {m.tried}, {m.share:.0%}" if m.tried else "not practised yet"


def _draw(ax, title: str, rows: tuple[Mastery, ...]) -> None:
    labels = [_label(m) for m in rows]
    values = [100 * m.share if m.tried else 0.0 for m in rows]
    positions = list(range(len(rows)))
    ax.barh(positions, [100] * len(rows), color=_TRACK, height=0.7)  # the scale, so 0% is visible
    bars = ax.barh(positions, values, color=_BAR, height=0.7, edgecolor="black", linewidth=0.6)
    for bar, value, m in zip(bars, values, rows):
        inside = value >= 45
        ax.text(value - 2 if inside else value + 2, bar.get_y() + bar.get_height() / 2, _figures(m),
                va="center", ha="right" if inside else "left", fontsize=9,
                color="white" if inside else "black", fontweight="bold" if inside else "normal")
    ax.set_yticks(positions, labels, fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"], fontsize=8)
    ax.set_title(title, loc="left", fontsize=11, fontweight="bold")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def mastery_chart(summary=None):
    """A matplotlib ``Figure`` of mastery per element and per marker, from a
    :class:`~trustlab.records.ProgressSummary` (the learner's progress by default) or a
    quiz summary. It is not shown: a notebook displays the returned figure."""
    if summary is None:
        summary = progress_store().summary()
    panels = [(t, rows) for t, rows in (("By element", summary.elements), ("By marker", summary.markers)) if rows]
    if not panels:
        panels = [("By element", ())]
    heights = [max(len(rows), 1) for _, rows in panels]
    fig = new_figure(figsize=(8, 1.2 + 0.55 * sum(heights)), layout="constrained")
    axes = fig.subplots(len(panels), 1, gridspec_kw={"height_ratios": heights}, squeeze=False)[:, 0]
    for ax, (title, rows) in zip(axes, panels):
        _draw(ax, title, rows)
    axes[-1].set_xlabel("Exercises right at the first try (the most recent time you did each)", fontsize=9)
    fig.suptitle("Your mastery", fontsize=12, fontweight="bold", x=0.02, ha="left")
    return fig


def describe(summary) -> str:
    """The chart in words, for screen readers and the image's alt text."""
    parts = [f"{m.label}: {_figures(m)}" for m in (*summary.elements, *summary.markers)]
    return "Bar chart of mastery. " + "; ".join(parts) + "."


def _png(fig) -> str:
    return base64.b64encode(png_bytes(fig)).decode("ascii")


@dataclass(frozen=True)
class ProgressReport(ProgressSummary):
    """A :class:`~trustlab.records.ProgressSummary` that shows its chart too in Jupyter."""

    def chart(self):
        """The mastery chart as a matplotlib ``Figure``."""
        return mastery_chart(self)

    def _repr_html_(self) -> str:
        table = super()._repr_html_()
        if not self.attempts:
            return table
        try:
            image = _png(self.chart())
        except ImportError:  # matplotlib is not installed: the table says it all
            return table
        alt = html.escape(describe(self), quote=True)
        return (f'{table}<img class="trustlab-progress-chart" alt="{alt}" '
                f'src="data:image/png;base64,{image}" style="max-width:100%"/>')


def progress(store: ProgressStore | None = None) -> ProgressReport:
    """Your progress so far: mastery per element and per marker, as a table and a chart.

    In a notebook, ``trustlab.progress()`` in a cell shows it. *store* defaults to your
    own progress file.

    >>> from trustlab.records import ProgressStore
    >>> print(progress(ProgressStore(":memory:")))
    No answers recorded yet. Your progress appears here once you try an exercise.
    """
    summary = (store or progress_store()).summary()
    return ProgressReport(**{f.name: getattr(summary, f.name) for f in fields(summary)})
