"""Tests for trustlab.review_charts: share of voice, the session timeline and the question mix."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("matplotlib")

from matplotlib.figure import Figure  # noqa: E402

from trustlab.review import review  # noqa: E402
from trustlab.review_charts import (  # noqa: E402
    charts, png_bytes, question_mix_chart, share_of_voice_chart, timeline_chart)
from trustlab.transcripts import read_transcript  # noqa: E402

SAMPLES = Path(__file__).resolve().parent / "data" / "review"


@pytest.fixture(scope="module")
def priya():
    return review(read_transcript(SAMPLES / "priya_and_leo.vtt"))


@pytest.fixture(scope="module")
def dana():
    return review(read_transcript(SAMPLES / "dana_and_sam.txt"))


def test_every_chart_is_a_figure(priya):
    """Does each function return a matplotlib Figure, and charts() all three by name?"""
    figures = charts(priya)
    assert list(figures) == ["share_of_voice", "timeline", "question_mix"]
    assert all(isinstance(f, Figure) for f in figures.values())


def test_share_of_voice_writes_the_percentages_on_the_bars(priya):
    """Can the shares be read without colour: a percentage on each bar, words and time?"""
    ax = share_of_voice_chart(priya).axes[0]
    assert [t.get_text() for t in ax.texts] == ["65%", "35%", "63%", "37%"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Priya Shah (coach)", "Leo Martin"]
    labels = ax.get_legend_handles_labels()[1]
    assert "share of the speaking time" in labels and "coach's rule of thumb, 20-30%" in labels


def test_share_of_voice_without_times_has_only_words(dana):
    """Without timestamps, is there one bar per speaker (words) and no time bar?"""
    ax = share_of_voice_chart(dana).axes[0]
    assert [t.get_text() for t in ax.texts] == ["23%", "77%"]


def test_timeline_uses_minutes_when_the_session_is_timed(priya):
    """Is the timeline's x axis in minutes for a timed session, with a row per red flag seen?"""
    ax = timeline_chart(priya).axes[0]
    assert ax.get_xlabel() == "minutes into the session"
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert rows[:4] == ["4.1 acknowledges", "4.2 support", "4.3 welcomes", "4.4 invites"]
    assert {"why question", "leading question", "dismissal", "praise"} <= set(rows)
    assert rows[-1] == "disclosures"


def test_timeline_tells_events_apart_by_shape_and_legend(priya):
    """Readable without colour: does each kind of event have its own shape and a legend entry?"""
    ax = timeline_chart(priya).axes[0]
    labels = ax.get_legend_handles_labels()[1]
    assert {"4.2 support, empathy", "4.4 invites a response", "red flag (row names it)",
            "disclosure, dismissed", "disclosure, acknowledged", "disclosure, moved on"} <= set(labels)
    from trustlab.review_charts import _DISCLOSURE_STYLE, _FLAG_STYLE, _MARKER_STYLE

    shapes = [s for s, _ in _MARKER_STYLE.values()] + [s for s, _ in _DISCLOSURE_STYLE.values()] + [_FLAG_STYLE[0]]
    assert len(shapes) == len(set(shapes))


def test_timeline_uses_turns_without_times(dana):
    """Without timestamps, is the x axis the turn number?"""
    assert timeline_chart(dana).axes[0].get_xlabel() == "turn"


def test_question_mix_writes_the_counts(priya):
    """Does the question mix show open, closed, why, leading and stacked with their counts?"""
    ax = question_mix_chart(priya).axes[0]
    assert [t.get_text() for t in ax.texts] == ["7", "6", "1", "2", "1"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["open", "closed", '"why"', "leading", "stacked\n(turns)"]


def test_png_bytes_is_a_png(dana):
    """Does a chart turn into PNG bytes, for the report?"""
    assert png_bytes(question_mix_chart(dana))[:8] == b"\x89PNG\r\n\x1a\n"


def test_no_window_is_opened(priya):
    """Are the charts made without pyplot, so nothing is shown and no figure is left open?"""
    charts(priya)
    if "matplotlib.pyplot" in sys.modules:
        import matplotlib.pyplot as plt

        assert plt.get_fignums() == []


def test_importing_the_review_does_not_load_matplotlib():
    """Does matplotlib load only when a chart is drawn?"""
    code = ("import sys, trustlab.review, trustlab.review_charts, trustlab.report; "
            "print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
