"""Tests for trustlab.views: the notebook widgets, driven headless by setting values and clicking."""

import subprocess
import sys

import pytest

pytest.importorskip("ipywidgets")
import ipywidgets as widgets  # noqa: E402

from trustlab import views  # noqa: E402
from trustlab.banks import FLAG_IDS, MARKER_IDS, load_bank  # noqa: E402
from trustlab.records import ProgressStore  # noqa: E402

XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(autouse=True)
def _private_progress(tmp_path, monkeypatch):
    """Every widget records to a file in the test's own folder, never the learner's real one."""
    monkeypatch.setenv("TRUSTLAB_PROGRESS", str(tmp_path / "progress.sqlite3"))
    from trustlab import records
    monkeypatch.setattr(records, "_stores", {})


def saved(tmp_path):
    """What is in the progress file, once the shared store has written what it was holding."""
    from trustlab.records import progress_store
    progress_store().flush()
    return ProgressStore(tmp_path / "progress.sqlite3").attempts()


def walk(widget):
    """Every widget inside *widget*, itself included."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


# ---------------------------------------------------------------------------------------
# Quiz


def test_quiz_right_answer(tmp_path):
    """Choosing the right option and clicking Check: is "✓ Correct" shown with why, and saved?"""
    view = views.quiz("sample")
    assert isinstance(view, widgets.VBox) and isinstance(view, views.QuizView)
    assert "Question 1 of 4" in view.header.value
    view.radio.value = view.model.options.index("Wait quietly and let them think.")
    view.check.click()
    assert "✓ Correct" in view.feedback.value and "Silence gives the client room" in view.feedback.value
    assert view.check.disabled and view.radio.disabled and view.try_again.disabled
    assert [(a.item, a.correct) for a in saved(tmp_path)] == [("sample-q01", True)]


def test_quiz_wrong_answer_then_try_again(tmp_path):
    """After a wrong answer, does Try again clear the choice and feedback and let the learner answer again?"""
    view = views.quiz("sample", ids=["sample-q01"])
    view.radio.value = 1
    view.check.click()
    assert "✗ Not quite" in view.feedback.value and 'The right answer is' in view.feedback.value
    assert not view.try_again.disabled
    view.try_again.click()
    assert view.radio.value is None and view.feedback.value == "" and not view.check.disabled
    view.radio.value = 0
    view.check.click()
    assert "✓ Correct" in view.feedback.value
    assert [(a.first, a.correct) for a in saved(tmp_path)] == [(True, False), (False, True)]


def test_quiz_check_without_a_choice_asks_for_one():
    """Clicking Check with nothing chosen: is the learner asked, kindly, to choose first?"""
    view = views.quiz("sample", record=None)
    view.check.click()
    assert "Choose an option first" in view.feedback.value and not view.check.disabled


def test_quiz_multiple_uses_labelled_checkboxes():
    """Is a tick-all question shown as checkboxes labelled with the options, checked as a set?"""
    view = views.quiz("sample", ids=["sample-q02"], record=None)
    assert view.radio is None and [b.description for b in view.boxes] == list(view.model.options)
    view.boxes[0].value = view.boxes[2].value = True
    view.check.click()
    assert "✓ Correct" in view.feedback.value


def test_quiz_next_moves_on_and_ends_with_a_summary():
    """Does Next show each question in turn and, after the last, the summary?"""
    view = views.quiz("sample", record=None)
    prompts = []
    for _ in range(4):
        prompts.append(view.prompt.value)
        if view.radio is not None:
            view.radio.value = 0
        else:
            view.boxes[0].value = True
        view.check.click()
        view.next.click()
    assert len(set(prompts)) == 4
    assert "You answered 4 of 4 questions" in view.summary.value and view.next.disabled


def test_quiz_previous_goes_back_to_the_answer_given():
    """Does Previous return to an answered question with the learner's choice and its
    feedback still shown, and does Next then continue?"""
    view = views.quiz("sample", record=None)
    assert view.previous.disabled  # nothing before the first question
    view.radio.value = 1
    view.check.click()
    first_feedback = view.feedback.value
    view.next.click()
    assert not view.previous.disabled and view.feedback.value == ""
    view.previous.click()
    assert view.model.position == 0 and view.radio.value == 1
    assert view.feedback.value == first_feedback and view.check.disabled
    view.next.click()
    assert view.model.position == 1 and not view.check.disabled


def test_quiz_previous_after_the_summary_lets_the_learner_go_on_again():
    view = views.quiz("sample", record=None)
    for _ in range(len(view.model) - 1):
        view.next.click()
    view.next.click()
    assert view.next.disabled and view.summary.value
    view.previous.click()
    assert not view.next.disabled and view.summary.value == ""


def test_quiz_shows_the_scenario_client():
    """Does a scenario question show what the client said, before the prompt?"""
    view = views.quiz("sample", ids=["sample-q03"], record=None)
    assert "Where I grew up" in view.client.value


def test_quiz_shuffle_with_a_seed_is_the_same_every_time():
    """Do two quiz widgets with the same seed show the same options in the same order?"""
    a = views.quiz("sample", shuffle=True, seed=11, record=None)
    b = views.quiz("sample", shuffle=True, seed=11, record=None)
    assert a.prompt.value == b.prompt.value and a.radio.options == b.radio.options


# ---------------------------------------------------------------------------------------
# Drill


def test_drill_escapes_what_the_learner_types():
    """If a learner types HTML as a rewrite, is it shown as text, never run?"""
    view = views.drill("sample", ids=["sample-d01"], record=None)
    view.rewrite.value = XSS
    view.check.click()
    assert "<img" not in view.feedback.value
    assert "&lt;img src=x onerror=alert(1)&gt;" in view.feedback.value
    assert "✗ Not yet" in view.feedback.value


def test_drill_check_hint_and_models(tmp_path):
    """Do Check, Hint and Show model answers each do their job, with the models unlocked by a try?"""
    view = views.drill("sample", ids=["sample-d01"])
    assert view.show_models.disabled and view.next.disabled
    view.hint.click()
    assert "Start with" in view.hints.value
    view.hint.click()
    assert view.hints.value.count("<li>") == 2 and view.hint.disabled
    view.rewrite.value = "What might have made it hard to tell your manager about the mistake?"
    view.check.click()
    assert "✓ Passed" in view.feedback.value and not view.show_models.disabled
    view.show_models.click()
    assert "What might have made it hard to bring the mistake to your manager?" in view.model_answers.value
    assert [a.item for a in saved(tmp_path)] == ["sample-d01"]


def test_drill_blank_box_is_not_an_attempt(tmp_path):
    """Clicking Check on an empty box: is the learner asked to type, with nothing saved or unlocked?"""
    view = views.drill("sample", ids=["sample-d01"])
    view.check.click()
    assert "Type your rewrite in the box first" in view.feedback.value
    assert view.show_models.disabled and saved(tmp_path) == []


def test_drill_next_goes_through_the_drills():
    """Does Next move to the next drill, clearing the box, the feedback and the hints?"""
    view = views.drill("sample", record=None)
    view.rewrite.value = "Why?"
    view.check.click()
    view.hint.click()
    view.next.click()
    assert "Drill 2 of 2" in view.header.value and "stay quiet" in view.original.value
    assert view.rewrite.value == "" and view.feedback.value == "" and view.hints.value == ""
    assert view.show_models.disabled and view.next.disabled


# ---------------------------------------------------------------------------------------
# Spotter


def test_spotter_boxes_are_labelled_in_plain_words():
    """Does every marker and red flag have a checkbox with a plain-language label?"""
    view = views.spot("sample", record=None)
    assert list(view.marker_boxes) == list(MARKER_IDS) and list(view.flag_boxes) == list(FLAG_IDS)
    assert view.flag_boxes["why_question"].description == "Why question"
    assert view.marker_boxes["4.2"].description == "4.2 Shows support, empathy or concern"
    assert "Coach:" in view.turns.value and "Client:" in view.turns.value


def test_spotter_check_and_try_again(tmp_path):
    """Do ticks and Check give feedback per marker and flag, and does Try again allow a second go?"""
    view = views.spot("sample", ids=["sample-sp02"])
    view.flag_boxes["praise"].value = True
    view.check.click()
    assert "✗ Not quite" in view.feedback.value and "Missed: Why question" in view.feedback.value
    assert view.flag_boxes["praise"].disabled and not view.try_again.disabled
    view.try_again.click()
    view.flag_boxes["why_question"].value = True
    view.check.click()
    assert "✓ Correct" in view.feedback.value
    assert [(a.first, a.correct) for a in saved(tmp_path)] == [(True, False), (False, True)]


def test_spotter_next_clears_the_ticks():
    """Does Next show the next exercise with every box unticked?"""
    view = views.spot("sample", record=None)
    view.marker_boxes["4.3"].value = True
    view.check.click()
    view.next.click()
    assert "Exercise 2 of 2" in view.header.value and not any(b.value for b in view._boxes())
    assert view.feedback.value == ""


# ---------------------------------------------------------------------------------------
# What every widget promises


def all_views():
    return [views.quiz("sample", record=None), views.quiz("sample", ids=["sample-q02"], record=None),
            views.drill("sample", record=None), views.spot("sample", record=None)]


def test_every_control_has_a_label():
    """Does every button, box and choice carry a description a screen reader can announce?"""
    for view in all_views():
        for w in walk(view):
            if isinstance(w, (widgets.Button, widgets.Checkbox, widgets.RadioButtons, widgets.Textarea)):
                assert w.description.strip(), type(w).__name__


def test_buttons_have_stable_texts_and_css_classes():
    """Can a browser test find each part by its fixed button text and its trustlab-... class?"""
    texts = {tuple(sorted(w.description for w in walk(v) if isinstance(w, widgets.Button))) for v in all_views()}
    assert texts == {("Check", "Next", "Previous", "Try again"), ("Check", "Next", "Try again"),
                     ("Check", "Hint", "Next", "Show model answers")}
    for view in all_views():
        classes = {c for w in walk(view) for c in w._dom_classes}
        assert {"trustlab-practice", "trustlab-feedback", "trustlab-check", "trustlab-next",
                "trustlab-notice", "trustlab-header"} <= classes
    drill = views.drill("sample", record=None)
    assert "trustlab-rewrite" in drill.rewrite._dom_classes and "trustlab-hint" in drill.hint._dom_classes
    assert "trustlab-models-button" in drill.show_models._dom_classes


def test_feedback_never_relies_on_colour_alone():
    """Does every verdict carry a symbol and words?"""
    quiz = views.quiz("sample", ids=["sample-q01"], record=None)
    quiz.radio.value = 2
    quiz.check.click()
    spot = views.spot("sample", ids=["sample-sp01"], record=None)
    spot.check.click()
    for page in (quiz.feedback.value, spot.feedback.value):
        assert "✗ Not quite" in page


def test_a_damaged_progress_file_is_reported_in_the_widget(tmp_path):
    """When the progress file is garbage, does the widget still work and say so in plain words?"""
    (tmp_path / "progress.sqlite3").write_bytes(b"\x00garbage" * 500)
    view = views.quiz("sample", ids=["sample-q01"])
    assert "⚠" in view.notice.value and "could not be read" in view.notice.value
    view.radio.value = 0
    view.check.click()
    assert "✓ Correct" in view.feedback.value and len(saved(tmp_path)) == 1


def test_an_unwritable_location_is_reported_in_the_widget(tmp_path, monkeypatch):
    """When progress cannot be saved at all, does the widget carry on and say so?"""
    (tmp_path / "blocked").write_text("a file, not a folder")
    monkeypatch.setenv("TRUSTLAB_PROGRESS", str(tmp_path / "blocked" / "progress.sqlite3"))
    view = views.spot("sample", ids=["sample-sp01"])
    assert "this session only" in view.notice.value
    view.marker_boxes["4.3"].value = True
    view.check.click()
    assert "✓ Correct" in view.feedback.value


def test_items_and_ids_can_be_given_in_every_form():
    """Do the widgets accept a bank name, a Bank, a list of items or one item, and report unknown ids?"""
    bank = load_bank("sample")
    assert len(views.quiz(bank, record=None).model) == 4
    assert len(views.quiz(list(bank), ids=["sample-q04", "sample-q01"], record=None).model) == 2
    assert len(views.drill(bank.get("sample-d02"), record=None).drills) == 1
    with pytest.raises(ValueError, match='no item "nope"'):
        views.quiz(list(bank), ids=["nope"], record=None)
    with pytest.raises(ValueError, match="no drills"):
        views.drill(bank.filter(type="quiz"), record=None)


def test_importing_views_does_not_load_ipywidgets():
    """Is ipywidgets loaded only when the first widget is built?"""
    probe = "import sys, trustlab.views, trustlab.quizzes; print('ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_practice_models_do_not_load_widgets_or_plots():
    """Do the pure layers (banks, quizzes, drills, spotting, records) stay free of ipywidgets and matplotlib?"""
    probe = ("import sys\nfrom trustlab import banks, quizzes, drills, spotting, records\n"
             "q = quizzes.Quiz(banks.load_bank('sample'), record=records.ProgressStore(':memory:'))\n"
             "q.answer('A'); print(q.summary())\n"
             "print(sorted(m for m in ('ipywidgets', 'matplotlib', 'IPython') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
