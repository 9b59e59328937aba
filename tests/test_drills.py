"""Tests for trustlab.drills: checking rewrites, hints one at a time, and model answers after a try."""

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustlab import Feedback, check_rewrite
from trustlab.banks import load_bank
from trustlab.drills import Drill, drill_items
from trustlab.records import ProgressStore

GOOD = "What might have made it hard to tell your manager about the mistake?"
BLUNT = "Why didn't you say anything?"


@pytest.fixture(autouse=True)
def _private_progress(tmp_path, monkeypatch):
    """Nothing a test records ever reaches the learner's real progress file."""
    monkeypatch.setenv("TRUSTLAB_PROGRESS", str(tmp_path / "progress.sqlite3"))


@pytest.fixture
def item():
    return load_bank("sample").get("sample-d01")


def test_check_gives_the_engines_feedback(item):
    """Does a drill's check give exactly what check_rewrite says about the rewrite?"""
    drill = Drill(item)
    feedback = drill.check(GOOD)
    assert isinstance(feedback, Feedback) and feedback.passed
    assert feedback == check_rewrite(item.original, GOOD)
    assert not drill.check(BLUNT).passed
    assert len(drill.attempts) == 2 and drill.passed


def test_hints_come_one_at_a_time_then_say_there_are_no_more(item):
    """Does hint give the next hint each time, and then say kindly that there are none left?"""
    drill = Drill(item)
    assert drill.hint() == 'Hint 1 of 2: Start with "What" or "How" instead of "Why".'
    assert drill.hints_left == 1 and drill.hints == (item.hints[0],)
    assert drill.hint().startswith("Hint 2 of 2: Add a tentative word")
    assert drill.hint().startswith("There are no more hints. Check a rewrite of your own")
    drill.check(GOOD)
    assert drill.hint() == "There are no more hints. Compare your rewrite with the model answers."
    assert drill.hints_shown == 2


def test_model_answers_open_only_after_an_attempt(item):
    """Are the model rewrites held back, with an explanation, until the learner has tried?"""
    drill = Drill(item)
    assert not drill.models_available
    with pytest.raises(ValueError, match="open after your first attempt"):
        drill.models
    drill.check(BLUNT)  # a failed attempt is still an attempt
    assert drill.models_available and drill.models == item.models


def test_a_blank_rewrite_is_not_an_attempt(item):
    """Does an empty box get feedback without counting as an attempt or unlocking the models?"""
    drill = Drill(item, record=True)
    feedback = drill.check("   \n")
    assert not feedback.passed and feedback.messages
    assert drill.attempts == [] and not drill.models_available
    assert ProgressStore().attempts() == []


def test_every_attempt_is_recorded(item, tmp_path):
    """Is each rewrite saved with the item, the score and the words, the first marked as first?"""
    store = ProgressStore(tmp_path / "p.sqlite3")
    drill = Drill(item, record=store)
    drill.check(BLUNT)
    drill.check(GOOD)
    saved = store.attempts()
    assert [(a.item, a.type, a.first, a.correct) for a in saved] == [
        ("sample-d01", "drill", True, False), ("sample-d01", "drill", False, True)]
    assert saved[1].answer == GOOD and saved[1].score == 1.0 and saved[0].markers == ("4.2",)


def test_a_drill_needs_a_drill_item_and_text(item):
    """Is a quiz question given to Drill, or a number given as a rewrite, a TypeError that says why?"""
    with pytest.raises(TypeError, match="drill item"):
        Drill(load_bank("sample").get("sample-q01"))
    with pytest.raises(TypeError, match="rewrite must be text"):
        Drill(item).check(42)


def test_drill_items_picks_the_drills():
    """Does drill_items take the drills of a bank and refuse anything else?"""
    bank = load_bank("sample")
    assert [i.id for i in drill_items(bank)] == ["sample-d01", "sample-d02"]
    with pytest.raises(ValueError, match="not a drill"):
        drill_items([bank.get("sample-q01")])
    with pytest.raises(ValueError, match="no drills"):
        drill_items(bank.filter(type="quiz"))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_gets_feedback_and_never_raises(text):
    """Whatever a learner types, does the drill answer with feedback rather than an error?"""
    drill = Drill(load_bank("sample").get("sample-d02"))
    feedback = drill.check(text)
    assert isinstance(feedback, Feedback) and 0.0 <= feedback.score <= 1.0 and str(feedback)
    if text:
        assert html.escape(text) in feedback._repr_html_()  # the learner's words, escaped
