"""Quizzes: single-answer, multiple-answer and scenario questions from a bank, with an
explanation of *why* for every option the learner chose and for the right answer.

A :class:`Quiz` is a plain object; the notebook widget (:func:`trustlab.views.quiz`) is a
thin view over it. The first answer to each question counts for the score; the learner
may try again as often as they like, and every attempt is recorded.

>>> from trustlab.banks import load_bank
>>> quiz = Quiz(load_bank("sample"), record=None)
>>> quiz.current.id, len(quiz)
('sample-q01', 4)
>>> print(quiz.answer("Rephrase the question so it is easier."))
✗ Not quite
- You chose "Rephrase the question so it is easier.": Stepping in too soon can take the thinking away from the client and suggests the pause was a problem.
- The right answer is "Wait quietly and let them think.": Silence gives the client room to find their own words; the thinking stays theirs.
Read why, then try again if you like: your first answer is the one that counts for the score.
>>> quiz.answer("A").correct
True
>>> quiz.summary().right_first
0
"""

from __future__ import annotations

import html
import random
import string
from dataclasses import dataclass

from .banks import ELEMENT_NAMES, ELEMENTS, MARKER_IDS, MARKER_NAMES, QUIZ_TYPES, Bank, QuizItem
from .records import Mastery, new_attempt, new_run, resolve_store

__all__ = ["Answer", "OptionFeedback", "Quiz", "QuizSummary", "CORRECT", "NOT_QUITE"]

CORRECT, NOT_QUITE = "✓ Correct", "✗ Not quite"
_LETTERS = string.ascii_uppercase


@dataclass(frozen=True)
class OptionFeedback:
    """Why one option is right or not, for an option the learner chose or a right one."""

    text: str
    correct: bool
    chosen: bool
    why: str


@dataclass(frozen=True)
class Answer:
    """The result of answering a question: ``correct``, the ``attempt`` number (1 for the
    first, which counts for the score), and ``explanations`` for every option the learner
    chose (first) and every right option they did not choose."""

    item: QuizItem
    chosen: tuple[int, ...]
    correct: bool
    attempt: int
    score: float
    explanations: tuple[OptionFeedback, ...]

    @property
    def verdict(self) -> str:
        return CORRECT if self.correct else NOT_QUITE

    @property
    def lines(self) -> tuple[str, ...]:
        """One sentence per explained option, saying why."""
        out = []
        for e in self.explanations:
            if self.item.type == "multiple":
                if e.chosen and e.correct:
                    out.append(f'✓ You ticked "{e.text}", which is right: {e.why}')
                elif e.chosen:
                    out.append(f'✗ You ticked "{e.text}", which is not one of the right options: {e.why}')
                else:
                    out.append(f'✗ You left out "{e.text}", which is also right: {e.why}')
            elif e.chosen:
                out.append(f'You chose "{e.text}": {e.why}')
            else:
                out.append(f'The right answer is "{e.text}": {e.why}')
        return tuple(out)

    @property
    def closing(self) -> str:
        """What to do next ("" after a right answer)."""
        if self.correct:
            return ""
        if self.attempt == 1:
            return "Read why, then try again if you like: your first answer is the one that counts for the score."
        return "Read why, then try again if you like."

    def __str__(self) -> str:
        return "\n".join([self.verdict, *(f"- {line}" for line in self.lines), *([self.closing] if self.closing else [])])

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in self.lines)
        closing = f"<div>{html.escape(self.closing)}</div>" if self.closing else ""
        return (f'<div class="trustlab-feedback trustlab-answer"><div><strong>{self.verdict}</strong></div>'
                f'<ul style="margin:4px 0;padding-left:20px">{items}</ul>{closing}</div>')


@dataclass(frozen=True)
class QuizSummary:
    """How a quiz went: ``right_first`` of ``total`` questions right at the first try,
    results per element and per marker, and the questions worth another look."""

    total: int
    answered: int
    right_first: int
    elements: tuple[Mastery, ...]
    markers: tuple[Mastery, ...]
    to_review: tuple[QuizItem, ...]
    unanswered: tuple[QuizItem, ...]

    @property
    def score(self) -> float:
        """The share of all the questions right at the first try, from 0 to 1."""
        return self.right_first / self.total if self.total else 0.0

    def _lines(self) -> list[str]:
        lines = [f"You answered {self.answered} of {self.total} question{'s' * (self.total != 1)}; "
                 f"{self.right_first} {'was' if self.right_first == 1 else 'were'} right at the first try "
                 f"(score {self.score:.0%})."]
        if self.elements:
            lines.append("By element: " + "; ".join(str(m) for m in self.elements) + ".")
        if self.markers:
            lines.append("By marker: " + "; ".join(str(m) for m in self.markers) + ".")
        if self.to_review:
            lines.append("Worth another look: " + "; ".join(_short(i) for i in self.to_review) + ".")
        if self.unanswered:
            lines.append("Not answered yet: " + "; ".join(_short(i) for i in self.unanswered) + ".")
        if self.answered and not self.to_review and not self.unanswered:
            lines.append("Every question right at the first try.")
        return lines

    def __str__(self) -> str:
        return "\n".join(self._lines())

    def _repr_html_(self) -> str:
        first, *rest = self._lines()
        items = "".join(f"<li>{html.escape(line)}</li>" for line in rest)
        return (f'<div class="trustlab-summary"><div><strong>{html.escape(first)}</strong></div>'
                f'<ul style="margin:4px 0;padding-left:20px">{items}</ul></div>')


def _short(item: QuizItem, width: int = 60) -> str:
    prompt = item.prompt if len(item.prompt) <= width else item.prompt[: width - 1].rstrip() + "…"
    return f'{item.id} ("{prompt}")'


def _quiz_items(items) -> list[QuizItem]:
    if isinstance(items, Bank):
        chosen = list(items.filter(type="quiz"))
    elif isinstance(items, QuizItem):
        chosen = [items]
    else:
        chosen = list(items)
        for item in chosen:
            if not isinstance(item, QuizItem):
                name = getattr(item, "id", repr(item))
                kind = getattr(item, "type", type(item).__name__)
                raise ValueError(f'A quiz takes {", ".join(QUIZ_TYPES)} questions; "{name}" is a {kind}. '
                                 "Use a Drill for drills and a Spotter for spotting exercises.")
    if not chosen:
        raise ValueError("There are no quiz questions to ask: choose a bank or items with "
                         f"{', '.join(QUIZ_TYPES)} questions.")
    ids = [i.id for i in chosen]
    for i in ids:
        if ids.count(i) > 1:
            raise ValueError(f'The question "{i}" is listed twice; give each question once.')
    return chosen


class Quiz:
    """A run through quiz questions: the current question, answers with explanations,
    retries, and a summary.

    ``items`` is a :class:`~trustlab.banks.Bank` (its quiz questions are used) or a list
    of quiz items. With ``shuffle=True`` the questions and their options are put in a
    random order; give a ``seed`` to get the same order every time. ``record`` is None
    (do not save), True (save to the learner's progress) or a
    :class:`~trustlab.records.ProgressStore`.

    >>> from trustlab.banks import load_bank
    >>> a = Quiz(load_bank("sample"), shuffle=True, seed=7)
    >>> b = Quiz(load_bank("sample"), shuffle=True, seed=7)
    >>> [i.id for i in a.items] == [i.id for i in b.items] and a.options == b.options
    True
    """

    def __init__(self, items, shuffle: bool = False, seed=None, record=None) -> None:
        chosen = _quiz_items(items)
        self.store = resolve_store(record)
        self.run = new_run()
        rng = random.Random(seed)
        if shuffle:
            rng.shuffle(chosen)
        self.items: tuple[QuizItem, ...] = tuple(chosen)
        self._order: dict[str, tuple[int, ...]] = {}
        for item in self.items:
            order = list(range(len(item.options)))
            if shuffle:
                rng.shuffle(order)
            self._order[item.id] = tuple(order)
        self.position = 0
        self._answers: dict[str, list[Answer]] = {item.id: [] for item in self.items}

    # -- where we are ----------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.items)

    @property
    def current(self) -> QuizItem:
        """The question being asked now."""
        return self.items[self.position]

    @property
    def options(self) -> tuple[str, ...]:
        """The current question's options, in the order they are shown."""
        item = self.current
        return tuple(item.options[i].text for i in self._order[item.id])

    def next(self) -> bool:
        """Move to the next question; False (and stay) when this is the last."""
        if self.position + 1 < len(self.items):
            self.position += 1
            return True
        return False

    def previous(self) -> bool:
        """Move back one question; False (and stay) when this is the first."""
        if self.position > 0:
            self.position -= 1
            return True
        return False

    def last_answer(self) -> tuple[Answer, list[int]] | None:
        """The latest answer to the current question and the positions, as shown, of the
        options it chose; None when the question has not been answered yet.

        >>> from trustlab.banks import load_bank
        >>> quiz = Quiz(load_bank("sample"))
        >>> quiz.last_answer() is None
        True
        >>> _ = quiz.answer("B")
        >>> answer, shown = quiz.last_answer()
        >>> answer.attempt, shown
        (1, [1])
        """
        attempts = self._answers[self.current.id]
        if not attempts:
            return None
        order = self._order[self.current.id]
        return attempts[-1], sorted(order.index(i) for i in attempts[-1].chosen)

    @property
    def is_last(self) -> bool:
        return self.position == len(self.items) - 1

    # -- answering -------------------------------------------------------------------

    def _position_of(self, choice) -> int:
        """The shown position (from 0) of one choice: a position, a letter, or the option's text."""
        shown = self.options
        if isinstance(choice, bool) or not isinstance(choice, (int, str)):
            raise TypeError(f"Choose an option by its text, its letter or its position, not {type(choice).__name__}.")
        if isinstance(choice, int):
            if 0 <= choice < len(shown):
                return choice
            raise ValueError(f"There is no option {choice}: the positions run from 0 to {len(shown) - 1}.")
        text = " ".join(choice.split()).casefold()
        for n, option in enumerate(shown):
            if " ".join(option.split()).casefold() == text:
                return n
        if len(text) == 1 and text.upper() in _LETTERS[: len(shown)]:
            return _LETTERS.index(text.upper())
        listing = "; ".join(f'{_LETTERS[n]}: "{o}"' for n, o in enumerate(shown))
        raise ValueError(f'"{choice}" is not one of the options. Choose one of {listing}.')

    def answer(self, choice) -> Answer:
        """Answer the current question with one choice (``single``, ``scenario``) or a list of
        choices (``multiple``): each an option's text, its letter ("A") or its position (0).

        Answering the same question again is a retry: it is recorded, and the first
        answer still counts for the score.

        >>> from trustlab.banks import load_bank
        >>> quiz = Quiz(load_bank("sample"))
        >>> quiz.next()
        True
        >>> answer = quiz.answer(["A", "B"])
        >>> answer.correct, answer.score
        (False, 0.33)
        >>> print(answer.lines[2])
        ✗ You left out "You trusted your own judgment there, even though your team disagreed.", which is also right: It credits the client with a quality of their own, in their situation (4.1).
        """
        item = self.current
        choices = [choice] if isinstance(choice, (str, int)) else list(choice or ())
        shown = sorted({self._position_of(c) for c in choices})
        if not shown:
            raise ValueError("Choose an option first." if item.type != "multiple"
                             else "Tick at least one option first.")
        if item.type != "multiple" and len(shown) > 1:
            raise ValueError("This question has one right answer: choose one option.")
        order = self._order[item.id]
        chosen = {order[p] for p in shown}
        right = set(item.correct_indices)
        correct = chosen == right
        score = len(chosen & right) / len(chosen | right)
        # What the learner chose comes first, then any right option they did not choose.
        explained = [i for i in order if i in chosen] + [i for i in order if i in right - chosen]
        explanations = tuple(
            OptionFeedback(item.options[i].text, item.options[i].correct, i in chosen, item.options[i].why)
            for i in explained)
        attempts = self._answers[item.id]
        result = Answer(item, tuple(sorted(chosen)), correct, len(attempts) + 1, round(score, 2), explanations)
        attempts.append(result)
        if self.store is not None:
            given = [item.options[i].text for i in sorted(chosen)]
            self.store.add(new_attempt(item, correct, result.score, given if item.type == "multiple" else given[0],
                                       first=result.attempt == 1, run=self.run))
        return result

    def attempts(self, id: str | None = None) -> tuple[Answer, ...]:
        """Every answer given to one question (the current one by default), first to last."""
        key = self.current.id if id is None else id
        if key not in self._answers:
            raise ValueError(f'This quiz has no question "{key}". Its questions are: {", ".join(self._answers)}.')
        return tuple(self._answers[key])

    # -- results ---------------------------------------------------------------------

    def summary(self) -> QuizSummary:
        """The score (first answers), results per element and per marker, and what to review.

        >>> from trustlab.banks import load_bank
        >>> quiz = Quiz(load_bank("sample"))
        >>> _ = quiz.answer("A")
        >>> summary = quiz.summary()
        >>> summary.right_first, summary.score, [item.id for item in summary.unanswered]
        (1, 0.25, ['sample-q02', 'sample-q03', 'sample-q04'])
        >>> print(str(summary).splitlines()[0])
        You answered 1 of 4 questions; 1 was right at the first try (score 25%).
        """
        firsts = {i.id: self._answers[i.id][0] for i in self.items if self._answers[i.id]}

        def mastery(key: str, label: str, items: list[QuizItem]) -> Mastery:
            tried = [i for i in items if i.id in firsts]
            return Mastery(key, label, sum(firsts[i.id].correct for i in tried), len(tried),
                           sum(len(self._answers[i.id]) for i in items))

        elements = tuple(mastery(e, ELEMENT_NAMES[e], [i for i in self.items if i.element == e])
                         for e in ELEMENTS if any(i.element == e for i in self.items))
        markers = tuple(mastery(m, f"{m} {MARKER_NAMES[m]}", [i for i in self.items if m in i.markers])
                        for m in MARKER_IDS if any(m in i.markers for i in self.items))
        return QuizSummary(
            total=len(self.items), answered=len(firsts),
            right_first=sum(a.correct for a in firsts.values()),
            elements=elements, markers=markers,
            to_review=tuple(i for i in self.items if i.id in firsts and not firsts[i.id].correct),
            unanswered=tuple(i for i in self.items if i.id not in firsts))

    def __str__(self) -> str:
        item = self.current
        lines = [f"Question {self.position + 1} of {len(self)}"]
        if item.client:
            lines.append(f'Client: "{item.client}"')
        lines.append(item.prompt)
        lines += [f"  {_LETTERS[n]}. {text}" for n, text in enumerate(self.options)]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"<Quiz: question {self.position + 1} of {len(self)}>"
