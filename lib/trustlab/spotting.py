"""Marker spotting: read a coach's turn, tick the PCC markers (4.1 to 4.4) and red flags
you see, and get feedback on each one.

A :class:`Spotter` is a plain object; the notebook widget (:func:`trustlab.views.spot`) is
a thin view over it. The bank's answer key decides; where the engine finds the same
marker or flag, the feedback quotes the words that show it.

>>> from trustlab.banks import load_bank
>>> spotter = Spotter(load_bank("sample").get("sample-sp02"))
>>> result = spotter.check(markers=set(), red_flags={"praise"})
>>> result.correct, result.score
(False, 0.5)
>>> print(result.lines[0])
✗ Missed: Why question. Look at "Why": a "why" question asks the client to justify themselves.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable

from .banks import FLAG_IDS, FLAG_NAMES, MARKER_IDS, MARKER_NAMES, Bank, SpotterItem
from .findings import Finding
from .records import new_attempt, new_run, resolve_store

__all__ = ["SpotLine", "SpotResult", "Spotter", "spotter_items", "MARKER_MEANINGS", "FLAG_MEANINGS"]

CORRECT, NOT_QUITE = "✓ Correct", "✗ Not quite"

# What each marker and red flag needs, in a sentence, for the feedback on a wrong tick.
MARKER_MEANINGS = {
    "4.1": "The coach names something the client did, or a strength or insight of theirs, "
           "with the client as the one who did it (praise such as \"Great job!\" does not count).",
    "4.2": "The coach shows support, empathy or concern for what the client is going through.",
    "4.3": "The coach welcomes what the client feels, thinks, worries about, believes or suggests, "
           "and makes room for more of it.",
    "4.4": "The coach offers something of their own (an observation, an idea) and invites the client "
           "to respond to it in any way, accepting the answer.",
}
FLAG_MEANINGS = {
    "why_question": 'A "why" question asks the client to justify themselves.',
    "leading_question": "The question already holds the answer the coach expects.",
    "stacked_questions": "Several questions at once, so the client has to pick which to answer.",
    "advice": "The coach offers their own solution, sometimes dressed as a question (\"Have you tried...?\").",
    "caretaking": "The coach rescues the client or takes over what is theirs to do.",
    "dismissal": "The coach makes what the client shared smaller, or moves straight past it.",
    "therapy_drift": "The coach digs into past pain, childhood or trauma.",
    "feedback_as_fact": "The coach states their interpretation of the client as if it were a fact.",
    "praise": "The coach grades the client (\"Great job!\") instead of acknowledging them.",
    "mechanical_reflection": "A stock formula such as \"What I hear you saying is...\".",
}


@dataclass(frozen=True)
class SpotLine:
    """Feedback on one marker or red flag: ``status`` is ``"spotted"`` (rightly ticked),
    ``"missed"`` or ``"wrongly ticked"``; ``reason`` says why."""

    id: str
    kind: str  # "marker" or "red flag"
    status: str
    reason: str

    @property
    def label(self) -> str:
        return f"{self.id} {MARKER_NAMES[self.id]}" if self.kind == "marker" else FLAG_NAMES[self.id]

    @property
    def right(self) -> bool:
        return self.status == "spotted"

    def __str__(self) -> str:
        if self.status == "spotted":
            return f"✓ Spotted: {self.label}. {self.reason}"
        if self.status == "missed":
            return f"✗ Missed: {self.label}. {self.reason}"
        return f"✗ Ticked, but not in this turn: {self.label}. {self.reason}"


@dataclass(frozen=True)
class SpotResult:
    """The result of a spotting check: a line per marker or flag that was ticked or in the
    answer key, a ``score`` (partial credit: right ticks over everything ticked or in the
    key), ``correct`` when the ticks match the key exactly, and the item's explanation."""

    item: SpotterItem
    markers: frozenset[str]
    red_flags: frozenset[str]
    lines: tuple[SpotLine, ...]
    score: float
    correct: bool

    @property
    def verdict(self) -> str:
        return CORRECT if self.correct else NOT_QUITE

    @property
    def closing(self) -> str:
        if not self.lines:
            return "Right: this turn shows none of the markers or red flags, and you ticked none."
        return "You rightly left the other markers and red flags unticked." if self.correct else ""

    def __str__(self) -> str:
        lines = [f"{self.verdict} (score {self.score:.2f})", *(f"- {line}" for line in self.lines)]
        if self.closing:
            lines.append(self.closing)
        lines.append(f"Why: {self.item.explanation}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(str(line))}</li>" for line in self.lines)
        parts = [f'<div class="trustlab-feedback trustlab-spot-result"><div><strong>{self.verdict}</strong> '
                 f"(score {self.score:.2f})</div>"]
        if items:
            parts.append(f'<ul style="margin:4px 0;padding-left:20px">{items}</ul>')
        if self.closing:
            parts.append(f"<div>{html.escape(self.closing)}</div>")
        parts.append(f"<div><em>Why:</em> {html.escape(self.item.explanation)}</div></div>")
        return "".join(parts)


def spotter_items(items) -> list[SpotterItem]:
    """The spotting exercises in a bank, a list of items, or a single spotter item."""
    if isinstance(items, Bank):
        chosen = list(items.filter(type="spotter"))
    elif isinstance(items, SpotterItem):
        chosen = [items]
    else:
        chosen = list(items)
        for item in chosen:
            if not isinstance(item, SpotterItem):
                raise ValueError(f'"{getattr(item, "id", item)}" is not a spotting exercise (type spotter).')
    if not chosen:
        raise ValueError("There are no spotting exercises here: choose a bank or items of type spotter.")
    return chosen


def _ids(values, valid: tuple[str, ...], what: str) -> frozenset[str]:
    if values is None:
        return frozenset()
    if isinstance(values, (str, float)):
        values = [values]
    out = set()
    for value in values:
        key = str(value).strip().lower().replace(" ", "_") if not isinstance(value, float) else str(value)
        if key not in valid:
            raise ValueError(f'"{value}" is not a {what}; use any of {", ".join(valid)}.')
        out.add(key)
    return frozenset(out)


class Spotter:
    """One spotting exercise: ``check`` the markers and red flags the learner ticked.

    ``record`` is None (do not save), True (save to the learner's progress) or a
    :class:`~trustlab.records.ProgressStore`.

    >>> from trustlab.banks import load_bank
    >>> spotter = Spotter(load_bank("sample").get("sample-sp01"))
    >>> print(spotter.check(markers={"4.3"}))
    ✓ Correct (score 1.00)
    - ✓ Spotted: 4.3 Supports the client's expression of feelings, perceptions, concerns, beliefs or suggestions. The words "Thank you for trusting me with that" show it.
    You rightly left the other markers and red flags unticked.
    Why: The coach thanks the client for sharing something vulnerable and invites more of it in the client's own terms: 4.3. There is no advice, no judgment and no rush past the disclosure.
    """

    def __init__(self, item: SpotterItem, record=None) -> None:
        if not isinstance(item, SpotterItem):
            raise TypeError(f'A Spotter takes a spotter item from a bank, not {getattr(item, "type", type(item).__name__)}.')
        self.item = item
        self.store = resolve_store(record)
        self.run = new_run()
        self.attempts: list[SpotResult] = []

    @cached_property
    def evidence(self) -> dict[str, Finding]:
        """What the engine finds in the coach's turn, by marker or flag id (read once)."""
        from .flags import find_red_flags
        from .markers import find_markers

        found = {}
        for finding in (*find_markers(self.item.coach, self.item.client or None),
                        *find_red_flags(self.item.coach, self.item.client or None)):
            found.setdefault(finding.id, finding)
        return found

    def _reason(self, id: str, kind: str, status: str) -> str:
        meaning = MARKER_MEANINGS[id] if kind == "marker" else FLAG_MEANINGS[id]
        finding = self.evidence.get(id)
        words = finding.words if finding is not None else ""
        if status == "spotted":
            return f'The words "{words}" show it.' if words else meaning
        if status == "missed":
            return f'Look at "{words}": {meaning[0].lower() + meaning[1:]}' if words else f"This turn shows it. {meaning}"
        return f"It would need this: {meaning[0].lower() + meaning[1:]}"

    def check(self, markers: Iterable[str] = (), red_flags: Iterable[str] = ()) -> SpotResult:
        """Compare the ticked ``markers`` ("4.1" to "4.4") and ``red_flags`` (ids such as
        "why_question") with the answer key, with a reason for each difference."""
        ticked_m = _ids(markers, MARKER_IDS, "marker")
        ticked_f = _ids(red_flags, FLAG_IDS, "red flag")
        lines = []
        for kind, valid, ticked, key in (("marker", MARKER_IDS, ticked_m, set(self.item.markers)),
                                         ("red flag", FLAG_IDS, ticked_f, set(self.item.red_flags))):
            for id in valid:
                if id in ticked or id in key:
                    status = "spotted" if id in ticked and id in key else "missed" if id in key else "wrongly ticked"
                    lines.append(SpotLine(id, kind, status, self._reason(id, kind, status)))
        right = sum(line.right for line in lines)
        score = round(right / len(lines), 2) if lines else 1.0
        result = SpotResult(self.item, ticked_m, ticked_f, tuple(lines), score, right == len(lines))
        self.attempts.append(result)
        if self.store is not None:
            answer = {"markers": sorted(ticked_m), "red_flags": sorted(ticked_f)}
            self.store.add(new_attempt(self.item, result.correct, score, answer,
                                       first=len(self.attempts) == 1, run=self.run))
        return result

    def __repr__(self) -> str:
        return f"<Spotter {self.item.id}: {len(self.attempts)} attempt{'s' * (len(self.attempts) != 1)}>"
