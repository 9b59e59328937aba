"""Tests for trustlab.quizzes: answering, explanations, retries, shuffling and the summary."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustlab.banks import Bank, QuizItem, Option, load_bank
from trustlab.quizzes import CORRECT, NOT_QUITE, Answer, Quiz
from trustlab.records import ProgressStore


@pytest.fixture(autouse=True)
def _private_progress(tmp_path, monkeypatch):
    """Nothing a test records ever reaches the learner's real progress file."""
    monkeypatch.setenv("TRUSTLAB_PROGRESS", str(tmp_path / "progress.sqlite3"))


@pytest.fixture
def sample() -> Bank:
    return load_bank("sample")


def test_a_quiz_takes_only_the_quiz_questions_of_a_bank(sample):
    """Given a whole bank, does a quiz ask its single, multiple and scenario questions, in order?"""
    quiz = Quiz(sample)
    assert [i.id for i in quiz.items] == ["sample-q01", "sample-q02", "sample-q03", "sample-q04"]
    assert quiz.current.id == "sample-q01" and quiz.options[0] == "Wait quietly and let them think."


def test_a_quiz_refuses_drills_and_empty_lists(sample):
    """Is a drill given to a quiz, or nothing at all, reported in words?"""
    with pytest.raises(ValueError, match='"sample-d01" is a drill'):
        Quiz([sample.get("sample-q01"), sample.get("sample-d01")])
    with pytest.raises(ValueError, match="no quiz questions"):
        Quiz(sample.filter(type="drill"))
    with pytest.raises(ValueError, match="listed twice"):
        Quiz([sample.get("sample-q01")] * 2)


def test_a_right_answer_says_correct_and_why(sample):
    """Does a right answer get a symbol, words and the reason it is right?"""
    answer = Quiz(sample).answer("Wait quietly and let them think.")
    assert isinstance(answer, Answer) and answer.correct and answer.attempt == 1 and answer.score == 1.0
    text = str(answer)
    assert text.startswith(CORRECT)
    assert "Silence gives the client room" in text and answer.closing == ""


def test_a_wrong_answer_explains_the_choice_and_the_right_one(sample):
    """Does a wrong answer explain why the chosen option is not it, and why the right one is?"""
    answer = Quiz(sample).answer("Offer an answer they might agree with.")
    assert not answer.correct and answer.score == 0.0
    assert [(e.text, e.chosen, e.correct) for e in answer.explanations] == [
        ("Offer an answer they might agree with.", True, False), ("Wait quietly and let them think.", False, True)]
    text = str(answer)
    assert text.startswith(NOT_QUITE)
    assert "leads them towards your answer" in text and 'The right answer is "Wait quietly' in text
    assert "try again" in text and "Wrong" not in text


def test_choices_by_letter_text_or_position(sample):
    """Can a learner answer with the option's letter, its text (any case) or its position?"""
    for choice in ("A", "a", 0, "  wait quietly and LET them think. "):
        assert Quiz(sample).answer(choice).correct


def test_unusable_choices_are_explained(sample):
    """Is an empty, unknown or doubled choice answered with what to do instead?"""
    quiz = Quiz(sample)
    with pytest.raises(ValueError, match="Choose an option first"):
        quiz.answer([])
    with pytest.raises(ValueError, match=r'"Maybe" is not one of the options\. Choose one of A: "Wait'):
        quiz.answer("Maybe")
    with pytest.raises(ValueError, match="one right answer: choose one option"):
        quiz.answer([0, 1])
    with pytest.raises(ValueError, match="no option 7"):
        quiz.answer(7)
    with pytest.raises(TypeError):
        quiz.answer(1.5)
    assert quiz.attempts() == ()


def test_multiple_needs_every_right_option_and_no_other(sample):
    """For a tick-all-that-apply question, is only the exact set right, with partial credit otherwise?"""
    quiz = Quiz(sample)
    quiz.next()
    assert quiz.current.type == "multiple"
    partial = quiz.answer(["A"])
    assert not partial.correct and partial.score == 0.5
    assert 'You left out "You trusted your own judgment' in str(partial)
    wrong = quiz.answer(["A", "B"])
    assert 'You ticked "Great job! I\'m so proud of you.", which is not one of the right options' in str(wrong)
    assert quiz.answer(["A", "C"]).correct
    with pytest.raises(ValueError, match="Tick at least one option"):
        quiz.answer([])


def test_first_attempt_counts_and_every_attempt_is_recorded(sample, tmp_path):
    """After a retry, does the score keep the first answer while every attempt is saved?"""
    store = ProgressStore(tmp_path / "p.sqlite3")
    quiz = Quiz(sample, record=store)
    assert not quiz.answer("B").correct
    second = quiz.answer("A")
    assert second.correct and second.attempt == 2
    assert "counts for the score" not in str(quiz.answer("C"))
    assert len(quiz.attempts()) == 3
    summary = quiz.summary()
    assert summary.right_first == 0 and [i.id for i in summary.to_review] == ["sample-q01"]
    saved = store.attempts()
    assert [(a.item, a.first, a.correct) for a in saved] == [
        ("sample-q01", True, False), ("sample-q01", False, True), ("sample-q01", False, False)]
    assert saved[0].answer == "Rephrase the question so it is easier." and saved[0].element == "psychological_safety"


def test_multiple_answers_are_saved_as_a_list(sample, tmp_path):
    """Is a tick-all answer saved with every option ticked?"""
    store = ProgressStore(tmp_path / "p.sqlite3")
    quiz = Quiz(sample, record=store)
    quiz.next()
    quiz.answer(["A", "C"])
    assert '"You kept going with the conversation even when it got tense."' in store.attempts()[0].answer
    assert store.attempts()[0].markers == ("4.1",)


def test_nothing_is_recorded_without_a_store(sample, tmp_path):
    """With record=None, is nothing written anywhere?"""
    quiz = Quiz(sample, record=None)
    quiz.answer("A")
    assert quiz.store is None and not (tmp_path / "progress.sqlite3").exists()


def test_record_true_uses_the_learners_progress_file(sample, tmp_path):
    """With record=True, does the answer go to the file TRUSTLAB_PROGRESS names?"""
    quiz = Quiz(sample, record=True)
    quiz.answer("A")
    quiz.store.flush()  # the learner's store writes in the background
    assert ProgressStore(tmp_path / "progress.sqlite3").attempts()[0].item == "sample-q01"


def test_shuffle_with_a_seed_is_deterministic(sample):
    """Does the same seed give the same order of questions and options every time, and the answers still work?"""
    def layout(seed):
        quiz = Quiz(sample, shuffle=True, seed=seed)
        shown = []
        for _ in quiz.items:
            shown.append((quiz.current.id, quiz.options))
            quiz.next()
        return shown

    assert layout(3) == layout(3)
    assert any(layout(3) != layout(seed) for seed in range(4, 10))
    assert layout(None)  # no seed: still a valid order
    unshuffled = Quiz(sample)
    assert unshuffled.options == tuple(o.text for o in unshuffled.current.options)
    quiz = Quiz(sample, shuffle=True, seed=3)
    while quiz.current.id != "sample-q01":
        quiz.next()
    assert quiz.answer("Wait quietly and let them think.").correct
    letter = "ABC"[quiz.options.index("Wait quietly and let them think.")]
    assert quiz.answer(letter).correct


def test_next_and_previous_stop_at_the_ends(sample):
    """Do next and previous move one question and stay put at the first and last?"""
    quiz = Quiz(sample)
    assert not quiz.previous() and quiz.position == 0
    assert quiz.next() and quiz.next() and quiz.next() and quiz.is_last
    assert not quiz.next() and quiz.current.id == "sample-q04"
    assert quiz.previous() and quiz.current.id == "sample-q03"


def test_summary_gives_score_elements_markers_and_what_to_review(sample):
    """Does the summary count first answers, per element and per marker, and list what to review?"""
    quiz = Quiz(sample)
    quiz.answer("A")                 # q01 right
    quiz.next(); quiz.answer(["A"])  # q02 wrong at first
    quiz.answer(["A", "C"])          #     then right (does not count)
    quiz.next(); quiz.answer("A")    # q03 right; q04 not answered
    summary = quiz.summary()
    assert (summary.total, summary.answered, summary.right_first) == (4, 3, 2)
    assert summary.score == 0.5
    elements = {m.key: (m.right, m.tried, m.attempts) for m in summary.elements}
    assert elements == {"psychological_safety": (1, 1, 1), "mutual_respect": (0, 1, 2),
                        "reliability": (0, 0, 0), "cultural_awareness": (1, 1, 1)}
    markers = {m.key: (m.right, m.tried) for m in summary.markers}
    assert markers == {"4.1": (0, 1), "4.3": (1, 1)}
    assert [i.id for i in summary.to_review] == ["sample-q02"]
    assert [i.id for i in summary.unanswered] == ["sample-q04"]
    text = str(summary)
    assert text.startswith("You answered 3 of 4 questions; 2 were right at the first try (score 50%).")
    assert "Worth another look: sample-q02" in text and "Not answered yet: sample-q04" in text
    assert "Mutual respect: 0 of 1 right at the first try (0%)" in text


def _evil_item() -> QuizItem:
    evil = "<img src=x onerror=alert(1)>"
    return QuizItem(id="evil-q01", type="single", element="reliability", bank="t", prompt=evil,
                    options=(Option(evil, True, evil), Option("fine", False, "<b>why</b>")))


def test_answers_and_summaries_escape_their_html():
    """Is every piece of bank text escaped in the HTML of an answer and a summary?"""
    quiz = Quiz([_evil_item()])
    answer_html = quiz.answer("fine")._repr_html_()
    summary_html = quiz.summary()._repr_html_()
    for html in (answer_html, summary_html):
        assert "<img" not in html and "<b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in answer_html
    assert 'class="trustlab-feedback' in answer_html and "✗ Not quite" in answer_html


def test_a_quiz_prints_its_current_question(sample):
    """Does a quiz print the question with lettered options, for a terminal?"""
    quiz = Quiz(sample)
    quiz.next(); quiz.next()
    text = str(quiz)
    assert text.splitlines()[:2] == ["Question 3 of 4", 'Client: "Where I grew up, you never question your elders. '
                                                        'So I just nodded in the meeting."']
    assert "  A. That sounds like it matters to you." in text


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_typed_answer_gives_an_answer_or_a_plain_error(text):
    """Whatever a learner types as a choice, is the result an Answer or a ValueError in words, never a crash?"""
    quiz = Quiz(load_bank("sample"), record=None)
    try:
        answer = quiz.answer(text)
    except ValueError as err:
        assert str(err)
    else:
        assert isinstance(answer, Answer) and str(answer)
