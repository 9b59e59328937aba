"""Tests for trustlab.grading: answer keys, partial credit, learner feedback that never gives the
key away, the check a learner runs, and the graded assignments in solutions/ and exercises/."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustlab import grading
from trustlab.banks import FLAG_IDS, FLAG_NAMES, MARKER_IDS
from trustlab.grading import (
    KEY_FILE, KEYS_ENV, Key, Mark, check_assignments, check_ready, grade_choice, grade_number,
    grade_response, grade_rewrite, grade_spotting, load_keys, mark, read_spotting,
)

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS, EXERCISES = ROOT / "solutions", ROOT / "exercises"

KEYS = {
    "t-q1": {"kind": "choice", "points": 1, "answer": "b", "choices": "abcd", "hint": "Think about who is speaking.",
             "note": "INSTRUCTOR NOTE: b"},
    "t-q2": {"kind": "spotting", "points": 2, "markers": ["4.3"], "red_flags": ["stacked_questions"],
             "also_accepted": ["4.2"], "hint": "Count the question marks."},
    "t-q3": {"kind": "spotting", "points": 2, "markers": [], "red_flags": []},
    "t-q4": {"kind": "rewrite", "points": 2, "original": "Why didn't you finish the report?"},
    "t-q5": {"kind": "response", "points": 3, "markers": ["4.2", "4.3"],
             "client": "I haven't told anyone, but I'm scared I'll fail.", "hint": "Receive it first."},
    "t-q6": {"kind": "number", "points": 2, "value": 27, "tolerance": 3, "hint": "Look under Share of voice."},
}


def points(question: str, answer) -> float:
    return mark(question, answer, keys=KEYS).points


# ---------------------------------------------------------------------------------
# Choices and figures


@pytest.mark.parametrize("answer, expected", [
    ("b", 1), ("B", 1), (" (b) ", 1), ("b.", 1), ("b) because it names the work", 1),
    ("a", 0), ("e", 0), ("", 0), ("...", 0), (None, 0), (2, 0), (["b"], 0),
])
def test_a_choice_earns_all_or_nothing(answer, expected):
    """Is a choice letter read however it is typed, and anything unreadable scored zero?"""
    assert points("t-q1", answer) == expected


def test_an_unreadable_choice_says_which_letters_are_valid():
    """Does a choice the grader cannot read say what to type instead?"""
    result = mark("t-q1", "e", keys=KEYS)
    assert 'I could not read "e" as a choice: type one letter, a, b, c or d' in str(result)


def test_a_wrong_choice_gives_the_hint_not_the_answer():
    """Does a wrong choice show the hint and never the right letter or the instructor's note?"""
    text = str(mark("t-q1", "c", keys=KEYS))
    assert "Not (c)." in text and "Hint: Think about who is speaking." in text
    assert "(b)" not in text and "INSTRUCTOR NOTE" not in text


@pytest.mark.parametrize("answer, expected", [
    ("27", 2), ("about 29%", 2), ("24", 2), ("0.27", 2), (27, 2), (26.5, 2),
    ("32", 1), ("21", 1), ("34", 0), ("twenty-seven", 0), ("", 0), (None, 0),
])
def test_a_figure_earns_full_points_within_the_tolerance_and_half_within_twice_it(answer, expected):
    """Is a figure read from words ("about 29%") and graded against the tolerance?"""
    assert points("t-q6", answer) == expected


# ---------------------------------------------------------------------------------
# Spotting


def test_spotting_answers_are_read_from_plain_words():
    """Are markers and red flags read from the words a coach would type, separated by commas?"""
    said = read_spotting("4.3 and Stacked Questions; the why question / leading")
    assert said.markers == {"4.3"} and said.red_flags == {"stacked_questions", "why_question", "leading_question"}
    assert read_spotting(["4.1", "advice"]).named == {"4.1", "advice"}
    assert read_spotting("marker 4.2, red flag: praise").named == {"4.2", "praise"}
    assert read_spotting("None").none and not read_spotting("none").named


@pytest.mark.parametrize("answer, expected", [
    ("4.3, stacked questions", 2),     # the key exactly
    ("4.3, stacked, 4.2", 2),          # 4.2 is also accepted: neither for nor against
    ("4.3", 1),                        # 1 right, 1 missed
    ("4.3, stacked, praise", 1.33),    # 2 right, 1 wrong
    ("praise", 0),
    ("none", 0),
    ("...", 0),
])
def test_spotting_gives_partial_credit(answer, expected):
    """Is spotting scored as right picks over everything picked or in the key?"""
    assert points("t-q2", answer) == pytest.approx(expected)


def test_a_turn_with_nothing_to_spot_rewards_none():
    """Does "none" earn full points when the turn shows no marker and no red flag, and a pick lose them?"""
    assert points("t-q3", "none") == 2
    assert points("t-q3", "4.1") == 0
    assert "Right: this turn shows no marker and no red flag." in str(mark("t-q3", "nothing", keys=KEYS))


def test_spotting_feedback_never_names_what_was_missed():
    """Does feedback confirm right picks, explain wrong ones, count the missing ones and never name them?"""
    text = str(mark("t-q2", "praise", keys=KEYS))
    assert "this turn does not show it" in text
    assert "This turn shows 2 more markers or red flags to find." in text
    assert "4.3" not in text and "Stacked" not in text and "stacked" not in text


@pytest.mark.parametrize("path", sorted(SOLUTIONS.glob(f"*/{KEY_FILE}")), ids=lambda p: p.parent.name)
def test_no_shipped_spotting_key_is_given_away(path):
    """For every spotting question in the assignments, does a wrong answer's feedback keep the key hidden?"""
    keys = load_keys(path)
    for key in (k for k in keys.values() if k.kind == "spotting"):
        shown = set(key.markers) | set(key.red_flags)
        wrong = next(f for f in FLAG_IDS if f not in shown and f not in key.also_accepted)
        text = str(mark(key.id, FLAG_NAMES[wrong], keys=keys))
        for item in shown:
            assert item not in text and FLAG_NAMES.get(item, item) not in text, (key.id, item)
        assert key.note not in text


def test_unreadable_spotting_words_are_named_with_what_is_valid():
    """Does a word the grader cannot read come back with the valid names, not a silent zero?"""
    result = mark("t-q2", "4.3, courage", keys=KEYS)
    assert result.points == 1
    assert 'I could not read "courage": use the marker numbers 4.1 to 4.4' in str(result)
    assert 'If the turn shows none, type "none".' in str(mark("t-q2", "courage", keys=KEYS))


def test_every_flag_phrase_names_one_flag():
    """Is each phrase a learner may type tied to exactly one red flag, and every flag reachable?"""
    from trustlab import lexicon

    data = lexicon.load("grading")
    assert set(data["flag_words"]) == set(FLAG_IDS)
    phrases = [" ".join(p.lower().split()) for words in data["flag_words"].values() for p in words]
    assert len(phrases) == len(set(phrases))
    for flag, words in data["flag_words"].items():
        for phrase in words:
            assert read_spotting(phrase).red_flags == {flag}, phrase


# ---------------------------------------------------------------------------------
# Rewrites and written responses


def test_a_rewrite_that_passes_earns_full_points():
    """Does a rewrite that check_rewrite passes earn every point, with its messages?"""
    result = mark("t-q4", "What might have got in the way of the report?", keys=KEYS)
    assert result.points == 2 and result.full and result.lines


def test_a_rewrite_that_does_not_pass_earns_half_its_partial_score():
    """Does a nearly-there rewrite earn half of check_rewrite's partial-credit score?"""
    from trustlab import check_rewrite

    attempt = "Did the report get finished?"
    expected = round(2 * 0.5 * check_rewrite(KEYS["t-q4"]["original"], attempt).score, 2)
    assert 0 < points("t-q4", attempt) == expected < 1
    assert points("t-q4", "") == 0


def test_a_response_earns_points_for_the_marker_and_for_no_red_flag():
    """Is a written response graded 60% for showing what is asked and 40% for a safe full sentence?"""
    assert points("t-q5", "Thank you for trusting me with that. What feels most frightening about it?") == 3
    assert points("t-q5", "I'm sorry. Have you tried talking to your manager about it?") == pytest.approx(1.8)
    assert points("t-q5", "Let's get back to your plan for the quarter.") == 0
    assert points("t-q5", "Thank you for telling me.") == 3
    assert points("t-q5", "Thanks, go on.") == 0  # no marker, and too short for the safety credit


def test_a_response_quotes_the_learners_own_words():
    """Does the feedback on a response quote the words that showed a marker or raised a flag?"""
    text = str(mark("t-q5", "I'm sorry. Have you tried talking to your manager about it?", keys=KEYS))
    assert '"Have you tried" reads as advice' in text
    assert "Hint: Receive it first." in text


# ---------------------------------------------------------------------------------
# Never a traceback


@settings(max_examples=60, deadline=None)
@given(answer=st.one_of(st.none(), st.text(max_size=300), st.integers(), st.floats(allow_nan=True),
                        st.lists(st.text(max_size=20), max_size=4), st.binary(max_size=20)),
       question=st.sampled_from(sorted(KEYS)))
def test_grading_never_raises_and_stays_within_the_points(answer, question):
    """Whatever a learner's cell holds, does grading print to stdout and return points in range?"""
    import contextlib
    import io

    kind = KEYS[question]["kind"]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        got = getattr(grading, f"grade_{kind}")(question, answer, keys=KEYS)
    assert 0 <= got <= KEYS[question]["points"]
    assert err.getvalue() == "" and out.getvalue().strip()


def test_a_very_long_answer_is_read_only_so_far():
    """Is a pasted essay cut short instead of slowing the grader down?"""
    assert points("t-q4", "What might help? " + "word " * 50_000) >= 0


def test_a_missing_key_scores_zero_with_a_message_for_the_instructor(capsys):
    """Does a test naming a question without a key print to stderr (nbgrader scores it 0) and not raise?"""
    assert grade_choice("t-q99", "b", keys=KEYS) == 0
    err = capsys.readouterr().err
    assert "t-q99: this question could not be graded automatically" in err
    assert "python -m trustlab.grading solutions" in err


def test_the_wrong_grading_function_is_refused(capsys):
    """Does calling grade_choice on a spotting question score 0 with a message, not grade it wrongly?"""
    assert grade_choice("t-q2", "4.3", keys=KEYS) == 0
    assert "could not be graded automatically" in capsys.readouterr().err


def test_the_printed_feedback_comes_before_the_points(capsys):
    """Does a grade function print the learner's feedback and return the number nbgrader reads?"""
    assert grade_spotting("t-q2", "4.3", keys=KEYS) == 1.0
    assert capsys.readouterr().out.startswith("✗ Question 2: 1 of 2 points\n- 4.3 (")


def test_a_mark_renders_as_html_with_every_word_escaped():
    """Does a Mark show as escaped HTML in Jupyter?"""
    page = Mark("x-q1", "Question 1", 1, 2, ('<b>"hi"</b>',))._repr_html_()
    assert "&lt;b&gt;" in page and "<b>" not in page.replace("<strong>", "")


# ---------------------------------------------------------------------------------
# The check a learner runs


@pytest.mark.parametrize("answer, kind, expected", [
    ("My words", "words", "✓ Your answer can be read."),
    ("...", "words", "✗ There is no answer yet"),
    (None, "words", "✗ There is no answer yet: the answer cell has not run"),
    (5, "words", "✓ Your answer can be read."),
    ({"a": 1}, "words", "✗ Put your answer between the quotation marks"),
    ("c", "choice", "✓ Your choice, (c), can be read."),
    ("z", "choice", '✗ I could not read "z" as a choice'),
    ("about 40%", "number", "✓ I read your answer as 40."),
    ("forty", "number", '✗ I could not find a number in "forty"'),
    ("4.1, praise", "spotting", "✓ I read your answer as: 4.1, Praise instead of acknowledgment."),
    ("none", "spotting", "✓ I read your answer as: none (no marker and no red flag)."),
    ("courage", "spotting", '✗ I could not read "courage"'),
])
def test_the_check_says_whether_an_answer_can_be_read(answer, kind, expected, capsys):
    """Does the visible check tell the learner whether their answer can be read, and nothing more?"""
    assert check_ready(answer, kind=kind) is None
    assert capsys.readouterr().out.startswith(expected)


def test_the_check_is_silent_while_autograding(capsys, monkeypatch):
    """Is the readiness check quiet under nbgrader's autograde, so feedback shows the grade alone?"""
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    check_ready("...", kind="words")
    assert capsys.readouterr().out == ""


def test_validate_fails_an_unready_answer_with_one_line(monkeypatch, capsys):
    """Under nbgrader's Validate, does an unreadable answer fail its cell with the message alone?"""
    from trustlab.grading import NotReady

    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    with pytest.raises(NotReady) as err:
        check_ready("", kind="words")
    assert err.value._render_traceback_() == [str(err.value)]
    assert str(err.value).startswith("✗ There is no answer yet")
    check_ready("My words")
    assert capsys.readouterr().out.startswith("✓")


# ---------------------------------------------------------------------------------
# Answer key files


def _write_keys(folder: Path, questions: list, name: str = "a1") -> Path:
    import yaml

    path = folder / name / KEY_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump({"questions": questions}), encoding="utf-8")
    return path


@pytest.mark.parametrize("entry, message", [
    ({"id": "Q 1", "kind": "choice", "points": 1, "answer": "a"}, '"Q 1" is not a valid question id'),
    ({"id": "q1", "kind": "essay", "points": 1}, "kind must be one of choice, spotting, rewrite, response, number"),
    ({"id": "q1", "kind": "choice", "points": 0, "answer": "a"}, "points must be a number above 0"),
    ({"id": "q1", "kind": "choice", "points": 1, "answer": "e"}, "answer must be one of the letters in choices (abcd)"),
    ({"id": "q1", "kind": "choice", "points": 1, "answer": "a", "markers": []}, "a choice question has no field markers"),
    ({"id": "q1", "kind": "spotting", "points": 1, "markers": ["4.5"]}, "markers holds something that is not a marker"),
    ({"id": "q1", "kind": "spotting", "points": 1, "red_flags": ["advice"], "also_accepted": ["advice"]},
     "also_accepted must not repeat"),
    ({"id": "q1", "kind": "rewrite", "points": 1}, "a rewrite question needs original, as text"),
    ({"id": "q1", "kind": "response", "points": 1, "client": "Hi", "markers": []}, "a response question needs markers"),
    ({"id": "q1", "kind": "number", "points": 1, "value": "ten"}, "value must be a number"),
])
def test_a_broken_key_is_refused_with_the_file_question_and_field(tmp_path, entry, message):
    """Does a malformed key name the file, the question and what is valid?"""
    path = _write_keys(tmp_path, [entry])
    with pytest.raises(ValueError) as err:
        load_keys(path)
    assert str(path) in str(err.value) and message in str(err.value)


def test_question_ids_are_unique_across_assignments(tmp_path):
    """Is the same question id in two key files refused, naming both?"""
    entry = {"id": "q1", "kind": "choice", "points": 1, "answer": "a"}
    first, second = _write_keys(tmp_path, [entry], "a1"), _write_keys(tmp_path, [entry], "a2")
    with pytest.raises(ValueError, match="question ids must be unique") as err:
        load_keys(tmp_path)
    assert str(first) in str(err.value) and str(second) in str(err.value)


def test_keys_are_found_through_the_environment(tmp_path, monkeypatch):
    """Does load_keys() read the folder TRUSTLAB_KEYS names, and say what to do when it is unset?"""
    _write_keys(tmp_path, [{"id": "q1", "kind": "choice", "points": 1, "answer": "a"}])
    monkeypatch.setenv(KEYS_ENV, str(tmp_path))
    assert isinstance(load_keys()["q1"], Key)
    monkeypatch.delenv(KEYS_ENV)
    with pytest.raises(ValueError, match="set TRUSTLAB_KEYS"):
        load_keys()


def test_an_edited_key_file_is_read_again(tmp_path):
    """Is a key file read again after it changes (the cache follows the file)?"""
    import os

    path = _write_keys(tmp_path, [{"id": "q1", "kind": "choice", "points": 1, "answer": "a"}])
    assert load_keys(path)["q1"].answer == "a"
    _write_keys(tmp_path, [{"id": "q1", "kind": "choice", "points": 1, "answer": "c"}])
    os.utime(path, (1, 1))
    assert load_keys(path)["q1"].answer == "c"


# ---------------------------------------------------------------------------------
# The assignments in solutions/ and exercises/


def test_every_hidden_test_has_a_key_that_fits():
    """Does `python -m trustlab.grading solutions` find nothing wrong with the shipped assignments?"""
    assert check_assignments(SOLUTIONS) == []
    assert grading.main([str(SOLUTIONS)]) == 0


def test_the_check_finds_a_test_without_a_key(tmp_path):
    """Does the instructor's check name the notebook and cell of a test whose key is missing?"""
    import shutil

    shutil.copytree(SOLUTIONS / "02_soften_questions", tmp_path / "02_soften_questions")
    keys = tmp_path / "02_soften_questions" / KEY_FILE
    keys.write_text(keys.read_text(encoding="utf-8").replace("id: soften-q3", "id: soften-q30"), encoding="utf-8")
    problems = check_assignments(tmp_path)
    assert any("soften-q3-check" in p and "no answer key for question soften-q3" in p for p in problems)
    assert any("question soften-q30 has a key but no test cell grades it" in p for p in problems)


def _notebook(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


_CALL = re.compile(r'trustlab\.grading\.(grade_\w+)\("([^"]+)", globals\(\)\.get\("(\w+)"\)\)')


@pytest.mark.parametrize("path", sorted(SOLUTIONS.glob("*/*.ipynb")), ids=lambda p: p.parent.name)
def test_the_model_answers_earn_every_point(path, capsys):
    """Do the answers in each solutions notebook earn full points from its own hidden tests?"""
    answers: dict = {}
    keys = load_keys(path.parent / KEY_FILE)
    total = 0.0
    for cell in _notebook(path):
        source = "".join(cell["source"])
        meta = cell["metadata"].get("nbgrader", {})
        if cell["cell_type"] == "code" and meta.get("solution"):
            exec(source, answers)  # noqa: S102 - plain assignments written by the course authors
        for function, qid, variable in _CALL.findall(source):
            got = getattr(grading, function)(qid, answers.get(variable), keys=keys)
            assert got == meta["points"], (qid, capsys.readouterr().out)
            total += got
    assert total == sum(k.points for k in keys.values())


def test_the_review_keys_match_the_review_learners_see():
    """Do the figures in assignment 4's key agree with trustlab's review of the shipped transcript?"""
    import trustlab

    folder = SOLUTIONS / "04_review_a_session"
    review = trustlab.read_transcript(folder / "session.txt").review(coach="Rafael")
    keys = load_keys(folder / KEY_FILE)
    assert keys["review-q1"].value == round(review.coach_share * 100)
    assert keys["review-q2"].value == review.questions.open
    assert keys["review-q3"].value == review.questions.closed
    assert keys["review-q4"].answer == {"below": "a", "within": "b", "above": "c"}[review.share_verdict]
    turn_14 = next(d for d in review.disclosures if d.turn == 14)
    assert keys["review-q5"].answer == {"acknowledged": "a", "dismissed": "b", "moved on": "c"}[turn_14.response]
    assert keys["review-q6"].value == len(review.disclosures)


def test_the_exercises_hold_no_solution_hidden_test_or_key():
    """Is every committed exercise free of solution regions, hidden tests and answer key files?"""
    assert sorted(p.name for p in EXERCISES.iterdir()) == sorted(p.name for p in SOLUTIONS.iterdir() if p.is_dir())
    assert not list(EXERCISES.rglob(KEY_FILE))
    for path in EXERCISES.glob("*/*.ipynb"):
        text = path.read_text(encoding="utf-8")
        for needle in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "grading.grade_", "For instructors"):
            assert needle not in text, (path.name, needle)


def test_every_answer_is_words_in_a_marked_cell():
    """Is every answer cell a single `name = "..."` line (with the hint under it) or a written answer?"""
    for path in EXERCISES.glob("*/*.ipynb"):
        cells = _notebook(path)
        assert "".join(next(c for c in cells if c["cell_type"] == "code")["source"]) == "import trustlab"
        for cell in cells:
            meta = cell["metadata"].get("nbgrader", {})
            if meta.get("solution") and cell["cell_type"] == "code":
                first = "".join(cell["source"]).splitlines()[0]
                assert re.fullmatch(r'(answer|choice)_\d+ = "\.\.\."', first), (path.name, first)


# ---------------------------------------------------------------------------------
# nbgrader_config.py


def _config_module(monkeypatch):
    monkeypatch.setenv(KEYS_ENV, "untouched")  # the module only sets it when unset
    spec = importlib.util.spec_from_file_location("nbgrader_config", ROOT / "nbgrader_config.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_nbgrader_config_imports_as_a_plain_module(monkeypatch):
    """Can pytest's doctest collection (or an editor) import nbgrader_config.py without get_config?"""
    c = _config_module(monkeypatch).c
    assert c.CourseDirectory.source_directory == "solutions"
    assert c.CourseDirectory.release_directory == "exercises"


def test_the_nbgrader_config_keeps_keys_and_hidden_tests_private(monkeypatch):
    """Does the config hold back the key files, hide tests in feedback and guard the autograder?"""
    c = _config_module(monkeypatch).c
    assert KEY_FILE in c.CourseDirectory.ignore
    assert "nbgrader.preprocessors.ClearHiddenTests" in c.GenerateFeedback.preprocessors
    assert c.OverwriteCells.add_missing_cells is True
    assert 0 < c.Execute.timeout <= 60
    import os

    assert os.environ[KEYS_ENV] == "untouched"


def test_every_red_flag_and_marker_has_a_meaning_for_the_feedback():
    """Can feedback explain every marker and red flag a learner might name wrongly?"""
    from trustlab.spotting import FLAG_MEANINGS, MARKER_MEANINGS

    assert set(MARKER_MEANINGS) == set(MARKER_IDS) and set(FLAG_MEANINGS) == set(FLAG_IDS)
