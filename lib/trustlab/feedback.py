"""The result of a check, written for the learner: passed or not, partial credit, and
kind, specific messages (what worked, the one thing to change, an example).

A :class:`Feedback` prints as plain text in a terminal and renders as HTML in Jupyter;
neither relies on colour, so a symbol and words always say whether it passed.

>>> fb = Feedback(passed=True, score=1.0, messages=("You asked an open question.",),
...               original="Did it go well?", rewrite="How might it have gone?")
>>> print(fb)
✓ Passed (score 1.00)
Your rewrite: "How might it have gone?"
- You asked an open question.
"""

from __future__ import annotations

import html
from dataclasses import asdict, dataclass

from .findings import Finding

__all__ = ["Feedback"]

_PASSED, _NOT_YET = "✓ Passed", "✗ Not yet"


@dataclass(frozen=True)
class Feedback:
    """What a check found in a learner's answer.

    ``passed`` is True exactly when ``problems`` is empty. ``score`` runs from 0 to 1
    and gives partial credit; ``messages`` are for the learner, in the order they
    should read them; ``problems`` are :class:`~trustlab.findings.Finding` objects
    quoting the words that caused each one; ``strengths`` name what went well.
    """

    passed: bool
    score: float
    messages: tuple[str, ...] = ()
    problems: tuple[Finding, ...] = ()
    strengths: tuple[str, ...] = ()
    original: str = ""
    rewrite: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.score, (int, float)) or not 0.0 <= self.score <= 1.0:
            raise ValueError(f"score must be a number from 0 to 1, not {self.score!r}.")
        # Lists are accepted for convenience and stored as tuples, so the result stays frozen.
        for name in ("messages", "problems", "strengths"):
            value = getattr(self, name)
            if not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))

    @property
    def problem_ids(self) -> tuple[str, ...]:
        """The ids of the problems, in the order they were reported.

        >>> Feedback(False, 0.5, problems=(Finding("closed", "Did you", "yes or no"),)).problem_ids
        ('closed',)
        """
        return tuple(p.id for p in self.problems)

    def _verdict(self) -> str:
        return f"{_PASSED if self.passed else _NOT_YET} (score {self.score:.2f})"

    def __str__(self) -> str:
        lines = [self._verdict()]
        if self.rewrite:
            lines.append(f'Your rewrite: "{self.rewrite}"')
        lines.extend(f"- {m}" for m in self.messages)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        """HTML for Jupyter. Every piece of learner text is escaped."""
        esc = html.escape
        border = "#2e7d32" if self.passed else "#b26a00"
        parts = [
            f'<div class="trustlab-feedback" style="border-left:4px solid {border};'
            f'padding:6px 10px;margin:4px 0;font-family:sans-serif;line-height:1.4">',
            f"<div><strong>{esc(self._verdict())}</strong></div>",
        ]
        if self.rewrite:
            parts.append(f"<div>Your rewrite: <q>{esc(self.rewrite)}</q></div>")
        if self.messages:
            items = "".join(f"<li>{esc(m)}</li>" for m in self.messages)
            parts.append(f'<ul style="margin:4px 0 0 0;padding-left:20px">{items}</ul>')
        if self.problems:
            found = ", ".join(
                esc(p.id) + (f" (<q>{esc(p.words)}</q>)" if p.words else "") for p in self.problems
            )
            parts.append(f'<div style="font-size:90%">What the check noticed: {found}</div>')
        parts.append("</div>")
        return "".join(parts)

    def to_dict(self) -> dict:
        """Plain data for JSON: lists, strings and numbers only.

        >>> import json
        >>> json.dumps(Feedback(True, 1.0).to_dict())[:30]
        '{"passed": true, "score": 1.0,'
        """
        return {
            "passed": self.passed,
            "score": self.score,
            "messages": list(self.messages),
            "problems": [asdict(p) for p in self.problems],
            "strengths": list(self.strengths),
            "original": self.original,
            "rewrite": self.rewrite,
        }
