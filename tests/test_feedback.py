"""Tests for trustlab.feedback: the learner-facing result, as text, HTML and JSON."""

import dataclasses
import json

import pytest

from trustlab.feedback import Feedback
from trustlab.findings import Finding

ATTACK = "<img src=x onerror=alert(1)>"


def make(passed=False, **kw):
    defaults = dict(
        score=1.0 if passed else 0.5,
        messages=("You kept the focus on the report.", "Open it up.", 'For example: "What might help?"'),
        problems=() if passed else (Finding("closed", "Did you", "It can be answered yes or no."),),
        strengths=("asked a question",),
        original="Did you finish the report?",
        rewrite="Did you get the report done?",
    )
    defaults.update(kw)
    return Feedback(passed=passed, **defaults)


def test_text_says_passed_in_words_and_symbol():
    """Does the plain text say "✓ Passed" in words, without relying on colour?"""
    text = str(make(passed=True))
    assert text.startswith("✓ Passed")
    assert "\x1b[" not in text  # no terminal colour codes


def test_text_says_not_yet_and_lists_messages():
    """Does a failed result read "✗ Not yet" and list every message in order?"""
    fb = make()
    lines = str(fb).splitlines()
    assert lines[0].startswith("✗ Not yet")
    assert lines[1] == 'Your rewrite: "Did you get the report done?"'
    assert lines[2:] == [f"- {m}" for m in fb.messages]


def test_html_escapes_learner_text():
    """Is every piece of learner text escaped in the HTML, so markup cannot run?"""
    fb = make(
        rewrite=ATTACK,
        original=ATTACK,
        messages=(f"You wrote {ATTACK}",),
        problems=(Finding("judgmental", ATTACK, "loaded"),),
        strengths=(ATTACK,),
    )
    html = fb._repr_html_()
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_html_uses_a_symbol_and_words():
    """Does the HTML say passed or not in words and a symbol, not colour alone?"""
    assert "✓ Passed" in make(passed=True)._repr_html_()
    assert "✗ Not yet" in make()._repr_html_()


def test_html_quotes_the_problem_words():
    """Does the HTML name each problem and the words that caused it?"""
    html = make()._repr_html_()
    assert "closed" in html and "Did you" in html


def test_to_dict_is_json_ready():
    """Does to_dict give plain data that json can write, with problems as mappings?"""
    data = make().to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["problems"] == [{"id": "closed", "words": "Did you", "reason": "It can be answered yes or no."}]
    assert data["passed"] is False and data["score"] == 0.5


def test_feedback_is_frozen():
    """Is a result read-only once made?"""
    with pytest.raises(dataclasses.FrozenInstanceError):
        make().passed = True


def test_lists_are_stored_as_tuples():
    """Are messages, problems and strengths kept as tuples even when given lists?"""
    fb = Feedback(passed=True, score=1.0, messages=["a"], problems=[], strengths=["b"])
    assert fb.messages == ("a",) and fb.problems == () and fb.strengths == ("b",)


@pytest.mark.parametrize("score", [-0.1, 1.5, "high"])
def test_score_out_of_range_is_a_value_error(score):
    """Is a score outside 0..1 refused with a message saying what is valid?"""
    with pytest.raises(ValueError, match="from 0 to 1"):
        Feedback(passed=False, score=score)


def test_problem_ids_in_order():
    """Does problem_ids list the ids in the order the problems were reported?"""
    fb = make(problems=(Finding("advice", "", ""), Finding("closed", "", "")))
    assert fb.problem_ids == ("advice", "closed")
