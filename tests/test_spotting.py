"""Tests for trustlab.spotting: ticking markers and red flags, with a reason for each."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustlab.banks import FLAG_IDS, MARKER_IDS, SpotterItem, load_bank
from trustlab.records import ProgressStore
from trustlab.spotting import FLAG_MEANINGS, MARKER_MEANINGS, SpotResult, Spotter, spotter_items


@pytest.fixture(autouse=True)
def _private_progress(tmp_path, monkeypatch):
    """Nothing a test records ever reaches the learner's real progress file."""
    monkeypatch.setenv("TRUSTLAB_PROGRESS", str(tmp_path / "progress.sqlite3"))


@pytest.fixture
def sample():
    return load_bank("sample")


def test_ticking_exactly_the_key_is_correct(sample):
    """Are the right ticks, and nothing else, correct with full marks and the explanation?"""
    result = Spotter(sample.get("sample-sp02")).check(red_flags={"praise", "why_question"})
    assert isinstance(result, SpotResult) and result.correct and result.score == 1.0
    assert [(line.id, line.status) for line in result.lines] == [("why_question", "spotted"), ("praise", "spotted")]
    text = str(result)
    assert text.startswith("✓ Correct (score 1.00)")
    assert '✓ Spotted: Praise instead of acknowledgment. The words "Great job" show it.' in text
    assert "You rightly left the other markers and red flags unticked." in text
    assert text.endswith("Why: " + sample.get("sample-sp02").explanation)


def test_each_miss_and_wrong_tick_gets_a_reason(sample):
    """Is every missed and every wrongly ticked marker or flag named, with why, and partial credit given?"""
    result = Spotter(sample.get("sample-sp01")).check(markers={"4.3", "4.1"}, red_flags={"dismissal"})
    statuses = {line.id: line.status for line in result.lines}
    assert statuses == {"4.1": "wrongly ticked", "4.3": "spotted", "dismissal": "wrongly ticked"}
    assert not result.correct and result.score == pytest.approx(0.33)
    text = str(result)
    assert text.startswith("✗ Not quite")
    assert "✗ Ticked, but not in this turn: 4.1 Acknowledges the client's talents, insights and work. " \
           "It would need this: the coach names something the client did" in text
    assert "✗ Ticked, but not in this turn: Dismissal" in text
    missed = Spotter(sample.get("sample-sp01")).check()
    assert missed.score == 0.0
    assert '✗ Missed: 4.3 Supports the client\'s expression' in str(missed)
    assert 'Look at "Thank you for trusting me with that"' in str(missed)


def test_a_turn_with_nothing_to_spot(tmp_path):
    """When the key is empty and nothing is ticked, is that right, and said so?"""
    item = SpotterItem(id="t-sp", type="spotter", element="reliability", bank="t", coach="Let's begin.",
                       explanation="A neutral opening.")
    result = Spotter(item).check()
    assert result.correct and result.score == 1.0 and result.lines == ()
    assert "this turn shows none of the markers or red flags, and you ticked none" in str(result)


def test_ticks_can_be_written_loosely(sample):
    """Are "why question" with a space, a single marker as text and 4.3 as a number accepted?"""
    spotter = Spotter(sample.get("sample-sp02"))
    assert spotter.check(red_flags=["Why question", "praise"]).correct
    assert Spotter(sample.get("sample-sp01")).check(markers="4.3").correct
    assert Spotter(sample.get("sample-sp01")).check(markers=[4.3]).correct


def test_unknown_ids_are_reported_with_the_valid_ones(sample):
    """Is an unknown marker or red flag a ValueError that lists what may be ticked?"""
    spotter = Spotter(sample.get("sample-sp01"))
    with pytest.raises(ValueError, match=r'"4.5" is not a marker; use any of 4.1, 4.2, 4.3, 4.4'):
        spotter.check(markers={"4.5"})
    with pytest.raises(ValueError, match=r'"rudeness" is not a red flag; use any of why_question'):
        spotter.check(red_flags={"rudeness"})
    assert spotter.attempts == []


def test_attempts_are_recorded(sample, tmp_path):
    """Is every check saved, with what was ticked and the partial score?"""
    store = ProgressStore(tmp_path / "p.sqlite3")
    spotter = Spotter(sample.get("sample-sp02"), record=store)
    spotter.check(red_flags={"praise"})
    spotter.check(red_flags={"praise", "why_question"})
    saved = store.attempts()
    assert [(a.first, a.correct, a.score) for a in saved] == [(True, False, 0.5), (False, True, 1.0)]
    assert saved[0].answer == '{"markers": [], "red_flags": ["praise"]}' and saved[0].type == "spotter"


def test_results_escape_their_html():
    """Is the coach's and client's text escaped in the HTML of a result?"""
    evil = "<img src=x onerror=alert(1)>"
    item = SpotterItem(id="t-sp", type="spotter", element="reliability", bank="t", coach=evil + " Great job!",
                       client=evil, markers=(), red_flags=("praise",), explanation=evil)
    page = Spotter(item).check(red_flags={"praise"})._repr_html_()
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert 'class="trustlab-feedback' in page and "✓ Correct" in page


def test_every_marker_and_flag_has_a_meaning():
    """Can the feedback explain every marker and every red flag?"""
    assert set(MARKER_MEANINGS) == set(MARKER_IDS) and set(FLAG_MEANINGS) == set(FLAG_IDS)


def test_spotter_items_and_types(sample):
    """Does spotter_items pick spotting exercises, and Spotter refuse other items?"""
    assert [i.id for i in spotter_items(sample)] == ["sample-sp01", "sample-sp02"]
    with pytest.raises(ValueError, match="not a spotting exercise"):
        spotter_items([sample.get("sample-d01")])
    with pytest.raises(TypeError, match="spotter item"):
        Spotter(sample.get("sample-q01"))


@settings(max_examples=150, deadline=None)
@given(st.sets(st.sampled_from(MARKER_IDS)), st.sets(st.sampled_from(FLAG_IDS)))
def test_any_ticks_give_a_result(markers, flags):
    """Whatever combination is ticked, is there a result with a score from 0 to 1 and a line per difference?"""
    item = load_bank("sample").get("sample-sp02")
    result = Spotter(item).check(markers=markers, red_flags=flags)
    assert 0.0 <= result.score <= 1.0 and str(result) and result._repr_html_()
    assert {line.id for line in result.lines} == markers | flags | set(item.red_flags)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=20), max_size=3))
def test_any_text_as_ticks_is_a_result_or_a_plain_error(values):
    """Given arbitrary text as ticks, is the answer a result or a ValueError in words, never a crash?"""
    spotter = Spotter(load_bank("sample").get("sample-sp01"))
    for kwargs in ({"markers": values}, {"red_flags": values}):
        try:
            result = spotter.check(**kwargs)
        except ValueError as err:
            assert "is not a" in str(err)
        else:
            assert 0.0 <= result.score <= 1.0
