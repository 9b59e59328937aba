"""What the engine found in a coach's words, and why: the one result type shared by
the question, marker, red-flag and rewrite checks.

>>> f = Finding("why_question", "Why did you", 'A "why" question can sound like a demand to justify yourself.')
>>> print(f)
why_question: "Why did you" (A "why" question can sound like a demand to justify yourself.)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Finding"]


@dataclass(frozen=True)
class Finding:
    """One thing the engine noticed.

    ``id`` names it ("4.2", "why_question", "not_softened", ...); ``words`` quotes the
    words in the text that triggered it ("" when the finding is about something
    missing); ``reason`` explains it in plain language for a learner.
    """

    id: str
    words: str
    reason: str

    def __str__(self) -> str:
        quoted = f' "{self.words}"' if self.words else ""
        return f"{self.id}:{quoted} ({self.reason})"
