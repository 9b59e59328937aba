"""Softening drills: rewrite a blunt question, get feedback, ask for hints, then compare
with model rewrites.

A :class:`Drill` is a plain object; the notebook widget (:func:`trustlab.views.drill`) is a
thin view over it. Each rewrite is checked by :func:`trustlab.check_rewrite`. The model
rewrites open only after a first attempt, so the learner does their own thinking first.

>>> from trustlab.banks import load_bank
>>> drill = Drill(load_bank("sample").get("sample-d01"))
>>> drill.original
"Why didn't you tell your manager about the mistake?"
>>> print(drill.hint())
Hint 1 of 2: Start with "What" or "How" instead of "Why".
>>> drill.check("What might have made it hard to tell your manager about the mistake?").passed
True
>>> drill.models[0]
'What might have made it hard to bring the mistake to your manager?'
"""

from __future__ import annotations

from .banks import Bank, DrillItem
from .feedback import Feedback
from .records import new_attempt, new_run, resolve_store
from .rewrite import check_rewrite
from .text import require_text, words

__all__ = ["Drill", "drill_items"]

_NO_MORE = "There are no more hints."
_MODELS_LOCKED = ("The model answers open after your first attempt: write your own rewrite and check it, "
                  "then compare.")


def drill_items(items) -> list[DrillItem]:
    """The drills in a bank, a list of items, or a single drill item."""
    if isinstance(items, Bank):
        chosen = list(items.filter(type="drill"))
    elif isinstance(items, DrillItem):
        chosen = [items]
    else:
        chosen = list(items)
        for item in chosen:
            if not isinstance(item, DrillItem):
                raise ValueError(f'"{getattr(item, "id", item)}" is not a drill; a drill practice takes drill items.')
    if not chosen:
        raise ValueError("There are no drills here: choose a bank or items with drill exercises.")
    return chosen


class Drill:
    """One rewrite drill: ``check`` a rewrite, ask for a ``hint``, then see the ``models``.

    ``record`` is None (do not save), True (save to the learner's progress) or a
    :class:`~trustlab.records.ProgressStore`. A blank rewrite gets a gentle message and
    does not count as an attempt.

    >>> from trustlab.banks import load_bank
    >>> drill = Drill(load_bank("sample").get("sample-d02"))
    >>> drill.models
    Traceback (most recent call last):
    ...
    ValueError: The model answers open after your first attempt: write your own rewrite and check it, then compare.
    >>> drill.check("   ").passed, drill.attempts
    (False, [])
    """

    def __init__(self, item: DrillItem, record=None) -> None:
        if not isinstance(item, DrillItem):
            raise TypeError(f'A Drill takes a drill item from a bank, not {getattr(item, "type", type(item).__name__)}.')
        self.item = item
        self.store = resolve_store(record)
        self.run = new_run()
        self.attempts: list[Feedback] = []
        self.hints_shown = 0

    @property
    def original(self) -> str:
        """The blunt question to rewrite."""
        return self.item.original

    @property
    def context(self) -> str:
        """What the client has just said or done ("" when the drill gives none)."""
        return self.item.context

    def check(self, rewrite: str) -> Feedback:
        """Check *rewrite* and return the engine's :class:`~trustlab.feedback.Feedback`.

        >>> from trustlab.banks import load_bank
        >>> drill = Drill(load_bank("sample").get("sample-d02"))
        >>> feedback = drill.check("Why are you so quiet?")
        >>> feedback.passed, feedback.problem_ids[0], len(drill.attempts)
        (False, 'why_question', 1)
        """
        require_text(rewrite, "rewrite")
        feedback = check_rewrite(self.item.original, rewrite)
        if not words(rewrite):
            return feedback  # nothing written yet: not an attempt
        self.attempts.append(feedback)
        if self.store is not None:
            self.store.add(new_attempt(self.item, feedback.passed, feedback.score, rewrite,
                                       first=len(self.attempts) == 1, run=self.run))
        return feedback

    @property
    def passed(self) -> bool:
        """True once any rewrite has passed."""
        return any(f.passed for f in self.attempts)

    @property
    def hints_left(self) -> int:
        return len(self.item.hints) - self.hints_shown

    def hint(self) -> str:
        """The next hint, one at a time; says so when there are no more.

        >>> from trustlab.banks import load_bank
        >>> drill = Drill(load_bank("sample").get("sample-d02"))
        >>> _ = drill.hint(), drill.hint()
        >>> print(drill.hint())
        There are no more hints. Check a rewrite of your own, then compare it with the model answers.
        """
        if self.hints_left <= 0:
            then = ("Compare your rewrite with the model answers." if self.models_available
                    else "Check a rewrite of your own, then compare it with the model answers.")
            return f"{_NO_MORE} {then}"
        self.hints_shown += 1
        return f"Hint {self.hints_shown} of {len(self.item.hints)}: {self.item.hints[self.hints_shown - 1]}"

    @property
    def hints(self) -> tuple[str, ...]:
        """The hints shown so far."""
        return self.item.hints[: self.hints_shown]

    @property
    def models_available(self) -> bool:
        """True once the learner has made an attempt."""
        return bool(self.attempts)

    @property
    def models(self) -> tuple[str, ...]:
        """The model rewrites; raises ``ValueError`` with an explanation before the first attempt."""
        if not self.models_available:
            raise ValueError(_MODELS_LOCKED)
        return self.item.models

    def __repr__(self) -> str:
        return f"<Drill {self.item.id}: {len(self.attempts)} attempt{'s' * (len(self.attempts) != 1)}>"
