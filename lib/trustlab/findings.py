"""What the engine found in a coach's words, and why: the one result type shared by
the question, marker, red-flag and rewrite checks.

>>> f = Finding("why_question", "Why did you", 'A "why" question can sound like a demand to justify yourself.')
>>> print(f)
why_question: "Why did you" (A "why" question can sound like a demand to justify yourself.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Finding", "quote"]

_CLAUSE_REST = re.compile(r"[^,.;:!?]*")


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


def quote(text: str, m: re.Match, extra_words: int = 5) -> str:
    """The matched words, carried on to the end of their clause when only a few words remain.

    A learner reads "It's okay to feel angry" more easily than "It's okay to feel".

    >>> text = "It's okay to feel angry. Really."
    >>> quote(text, re.search("okay to feel", text))
    'okay to feel angry'
    """
    rest = _CLAUSE_REST.match(text, m.end()).group(0)
    if len(rest.split()) <= extra_words:
        return (m.group(0) + rest).strip()
    return m.group(0)
