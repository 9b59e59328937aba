"""Tests for trustlab.charts: the mastery chart and the progress report."""

import subprocess
import sys

import pytest

pytest.importorskip("matplotlib")
from matplotlib.figure import Figure  # noqa: E402

from trustlab.banks import load_bank  # noqa: E402
from trustlab.charts import ProgressReport, describe, mastery_chart, progress  # noqa: E402
from trustlab.quizzes import Quiz  # noqa: E402
from trustlab.records import ProgressStore, new_attempt  # noqa: E402


@pytest.fixture(autouse=True)
def _private_progress(tmp_path, monkeypatch):
    """Nothing a test reads or records touches the learner's real progress file."""
    monkeypatch.setenv("TRUSTLAB_PROGRESS", str(tmp_path / "progress.sqlite3"))
    from trustlab import records
    monkeypatch.setattr(records, "_stores", {})


@pytest.fixture
def store():
    bank = load_bank("sample")
    store = ProgressStore(":memory:")
    for id, right in [("sample-q01", True), ("sample-q02", False), ("sample-d01", True), ("sample-sp01", False)]:
        store.add(new_attempt(bank.get(id), right, float(right), "x"))
    return store


def texts(fig: Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def labels(fig: Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.get_yticklabels()]


def test_the_chart_writes_labels_and_figures_on_the_bars(store):
    """Can the chart be read without colour: every element and marker named, with its figures written on it?"""
    fig = mastery_chart(store.summary())
    assert isinstance(fig, Figure)
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["By element", "By marker"]
    assert labels(fig) == ["Psychological safety", "Mutual respect", "Reliability", "Cultural awareness",
                           "4.1 Acknowledgment", "4.2 Support and empathy", "4.3 Welcoming expression",
                           "4.4 Inviting a response"]
    assert texts(fig) == ["2 of 3, 67%", "0 of 1, 0%", "not practised yet", "not practised yet",
                          "0 of 1, 0%", "1 of 1, 100%", "0 of 1, 0%", "not practised yet"]


def test_the_chart_of_a_quiz_shows_only_what_it_asked():
    """Given a quiz summary, does the chart show that quiz's elements and markers?"""
    quiz = Quiz(load_bank("sample"), record=None)
    quiz.answer("A")
    fig = mastery_chart(quiz.summary())
    assert "Psychological safety" in labels(fig) and texts(fig)[0] == "1 of 1, 100%"


def test_the_chart_defaults_to_the_learners_progress(tmp_path):
    """With no summary given, is the chart drawn from the learner's own progress file?"""
    fig = mastery_chart()
    assert texts(fig).count("not practised yet") == 8


def test_the_chart_can_be_saved_without_a_display(tmp_path, store):
    """Does the figure render to a PNG file on a machine with no screen?"""
    path = tmp_path / "chart.png"
    mastery_chart(store.summary()).savefig(path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_progress_shows_a_table_and_a_described_chart(store):
    """Does progress() give a report whose HTML has the tables and the chart, with alt text in words?"""
    report = progress(store)
    assert isinstance(report, ProgressReport) and report.attempts == 4
    page = report._repr_html_()
    assert page.count("<table") == 2 and '<img class="trustlab-progress-chart"' in page
    assert 'alt="Bar chart of mastery. Psychological safety: 2 of 3, 67%;' in page
    assert "Mutual respect: 0 of 1 right at the first try (0%)" in str(report)
    assert "Reliability: not practised yet" in describe(report)


def test_progress_with_nothing_recorded_has_no_chart():
    """Before any answer, does progress() say so instead of drawing an empty chart?"""
    report = progress()
    assert "No answers recorded yet" in report._repr_html_() and "<img" not in report._repr_html_()


def test_charts_never_use_pyplot_and_load_matplotlib_lazily():
    """Is matplotlib loaded only when a chart is drawn, and never through pyplot (no global figures, no show)?"""
    probe = ("import sys, trustlab.charts as c\n"
             "before = 'matplotlib' in sys.modules\n"
             "from trustlab.records import ProgressStore\n"
             "c.progress(ProgressStore(':memory:')).chart()\n"
             "print(before, 'matplotlib.pyplot' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
